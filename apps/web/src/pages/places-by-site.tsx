import { For, Show } from "solid-js";
import type { Place } from "./session-labels";

/**
 * A national event's places counted by each organisation's site, for national staff: how many
 * from each site booked, are waiting and (once recorded) came, busiest site first.
 */
export function PlacesBySite(props: { places: Place[]; attendanceRecorded: boolean }) {
  const rows = () => {
    const bySite = new Map<string, { site: string; booked: number; waiting: number; came: number }>();
    for (const place of props.places) {
      const site = place.siteName ?? place.organisationSiteId;
      const row = bySite.get(site) ?? { site, booked: 0, waiting: 0, came: 0 };
      if (place.status === "booked") row.booked++;
      else row.waiting++;
      if (place.attended) row.came++;
      bySite.set(site, row);
    }
    return [...bySite.values()].sort((a, b) => b.booked - a.booked || a.site.localeCompare(b.site));
  };
  return (
    <Show when={props.places.length > 0}>
      <section aria-labelledby="by-site-heading">
        <h3 id="by-site-heading">By site</h3>
        <div class="table-wrap by-site-table">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col" class="number">
                  Booked
                </th>
                <th scope="col" class="number">
                  Waiting
                </th>
                <Show when={props.attendanceRecorded}>
                  <th scope="col" class="number">
                    Came
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={rows()}>
                {(row) => (
                  <tr>
                    <th scope="row">{row.site}</th>
                    <td class="number">{row.booked}</td>
                    <td class="number">{row.waiting}</td>
                    <Show when={props.attendanceRecorded}>
                      <td class="number">{row.came}</td>
                    </Show>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
    </Show>
  );
}
