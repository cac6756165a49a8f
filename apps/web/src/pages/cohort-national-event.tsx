import { may } from "@smallsupports/core/permissions";
import { useParams } from "@solidjs/router";
import { createSignal } from "solid-js";
import { SessionPage } from "./cohort-session";
import { cohortNationalEvents } from "./session-host";
import { useDetailTitle, useSiteView } from "./site-context";

/**
 * A national event as a site's cohort reaches it: its providers book a place through this site;
 * its team sees who from the site is going. National staff change it from their own page.
 */
export default function CohortNationalEventPage() {
  const params = useParams<{ siteId: string; sessionId: string }>();
  const site = useSiteView();
  const [title, setTitle] = createSignal<string | null>(null);
  useDetailTitle(title);
  return (
    <SessionPage
      host={cohortNationalEvents(params.siteId)}
      sessionId={params.sessionId}
      organiser="the Small Supports national partnership"
      mayRun={false}
      mayBook={may(site.myRole, "joinSessions")}
      onTitle={setTitle}
    />
  );
}
