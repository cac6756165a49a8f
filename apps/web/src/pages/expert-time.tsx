import { may } from "@smallsupports/core/permissions";
import { useSearchParams } from "@solidjs/router";
import { Show } from "solid-js";
import { useSiteView } from "./site-context";
import { MyTime } from "./time-mine";
import { MonthPicker, parseMonth } from "./time-month";
import { PayRateSection } from "./time-pay-rate";
import { RecordTime } from "./time-record";
import { TimeTotals } from "./time-totals";
import "../styles/time.css";

/**
 * Paid time on panel work, a month at a time (`?month=2026-11`). Everyone who reviews records
 * their own time here. The lead and team, for whom this is the Experts' time tab, also see
 * everyone's totals and the day rate; the lead downloads the month for payment and sets the
 * rate. For an expert by experience it is a page of its own, under the heading "Your time".
 */
export default function ExpertTime() {
  const site = useSiteView();
  const [search, setSearch] = useSearchParams<{ month?: string }>();
  const month = () => parseMonth(search.month);
  const seesEveryone = () => may(site.myRole, "seeTime");
  const canPay = () => may(site.myRole, "payExperts");
  // Under the site's heading the tab's sections are level 3; on an expert's own page, level 2.
  const level = () => (seesEveryone() ? 3 : 2);
  const href = (to: string) => `/sites/${site.siteId}/time?month=${to}`;

  return (
    <div class="time-page">
      <Show when={seesEveryone()}>
        <h2>Experts' time</h2>
        <p class="time-intro">
          Experts by experience are paid for the time they give to panel work. Everyone who reviews records their own
          time here.
        </p>
      </Show>
      <MonthPicker month={month()} href={href} />
      <div class="time-own">
        <RecordTime
          siteId={site.siteId}
          level={level()}
          // The list beside the form shows the month just recorded in.
          onRecorded={(recorded) => recorded !== month() && setSearch({ month: recorded }, { scroll: false })}
        />
        <MyTime siteId={site.siteId} month={month()} level={level()} />
      </div>
      <Show when={seesEveryone()}>
        <TimeTotals siteId={site.siteId} month={month()} canPay={canPay()} />
        <PayRateSection siteId={site.siteId} canPay={canPay()} />
      </Show>
      <Show when={!seesEveryone()}>
        <p class="muted time-note">The project lead sees the time you record and arranges your pay.</p>
      </Show>
    </div>
  );
}
