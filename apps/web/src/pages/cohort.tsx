import { may } from "@smallsupports/core/permissions";
import { A, useNavigate } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { createSignal, Match, Show, Switch } from "solid-js";
import { errorCode } from "../api/client";
import { queries } from "../api/queries";
import { ErrorNotice, Loading } from "../ui/page-state";
import { CohortContact } from "./cohort-contact";
import { CohortDirectory } from "./cohort-directory";
import { CohortHistory } from "./cohort-history";
import { MentoringDialog } from "./mentoring-dialog";
import { MentoringList } from "./mentoring-list";
import { SessionDialog } from "./session-dialog";
import { cohortNationalEvents, siteSessions } from "./session-host";
import { SessionList } from "./session-list";
import { useSiteView } from "./site-context";
import "../styles/cohort.css";

/**
 * A site's cohort: its sessions coming up and past, and the directory of its organisations. The
 * team schedules sessions and decides who is in the cohort; a provider whose organisation is in it
 * books, sees what their organisation booked and attended, and chooses what contact details to share.
 */
export default function CohortPage() {
  const site = useSiteView();
  const isTeam = () => may(site.myRole, "runCohort");
  return (
    <Show when={isTeam()} fallback={<ProviderCohort siteId={site.siteId} siteName={site.siteName} />}>
      <TeamCohort siteId={site.siteId} />
    </Show>
  );
}

function TeamCohort(props: { siteId: string }) {
  const navigate = useNavigate();
  const sessions = siteSessions(props.siteId);
  const [scheduling, setScheduling] = createSignal(false);
  const [pairing, setPairing] = createSignal(false);
  const [notice, setNotice] = createSignal<string | null>(null);
  return (
    <>
      <Show when={notice()}>
        <div class="notice notice-success" role="status">
          <p>{notice()}</p>
        </div>
      </Show>
      <div class="section-heading">
        <h2>Sessions coming up</h2>
        <button type="button" class="button" onClick={() => setScheduling(true)}>
          Schedule a session
        </button>
      </div>
      <SessionList host={sessions} when="upcoming" isTeam />
      <h2>Past sessions</h2>
      <SessionList host={sessions} when="past" isTeam />
      <h2>National events</h2>
      <p class="muted">
        National partnership staff run these for every site's cohort. Your providers book them here; you see who from
        your site is going.
      </p>
      <SessionList host={cohortNationalEvents(props.siteId)} when="upcoming" isTeam={false} />
      <div class="section-heading">
        <h2>Mentoring</h2>
        <button type="button" class="button button-secondary" onClick={() => setPairing(true)}>
          Pair a provider with a mentor
        </button>
      </div>
      <MentoringList siteId={props.siteId} isTeam />
      <h2>The cohort</h2>
      <CohortDirectory siteId={props.siteId} isTeam onNotice={setNotice} />
      <MentoringDialog siteId={props.siteId} open={pairing()} onOpenChange={setPairing} />
      <SessionDialog
        host={sessions}
        session={null}
        open={scheduling()}
        onOpenChange={setScheduling}
        onSaved={(session) => navigate(`/sites/${props.siteId}/cohort/sessions/${session.sessionId}?scheduled=1`)}
      />
    </>
  );
}

/** A provider sees the cohort only once their organisation is in it; until then, why not. */
function ProviderCohort(props: { siteId: string; siteName: string }) {
  const contact = useQuery(() => ({ ...queries.myCohortContact(props.siteId), retry: false }));
  const [notice, setNotice] = createSignal<string | null>(null);
  const sessions = siteSessions(props.siteId);
  return (
    <Switch>
      <Match when={contact.isPending}>
        <Loading label="Loading the cohort…" />
      </Match>
      <Match when={errorCode(contact.error) === "FORBIDDEN"}>
        <div class="notice notice-info">
          <p>
            {props.siteName}'s cohort is for approved providers: they meet, train and mentor each other. Your
            organisation joins it when the panel approves it.
          </p>
        </div>
        <A class="button button-secondary" href="/">
          Back to my organisations
        </A>
      </Match>
      <Match when={contact.isError}>
        <ErrorNotice error={contact.error} retry={() => contact.refetch()} />
      </Match>
      <Match when={contact.data}>
        {(mine) => (
          <>
            <p class="lead-text">
              Networking, training, mentoring circles and peer support with the other approved providers in{" "}
              {props.siteName}.
            </p>
            <Show when={notice()}>
              <div class="notice notice-success" role="status">
                <p>{notice()}</p>
              </div>
            </Show>
            <h2>Sessions coming up</h2>
            <SessionList host={sessions} when="upcoming" isTeam={false} />
            <h2>National events</h2>
            <p class="muted">Open to providers from every site, run by the national partnership.</p>
            <SessionList host={cohortNationalEvents(props.siteId)} when="upcoming" isTeam={false} />
            <h2>Your mentoring</h2>
            <MentoringList siteId={props.siteId} isTeam={false} />
            <h2>Your organisation's sessions</h2>
            <CohortHistory siteId={props.siteId} organisationId={mine().organisationId} />
            <h2>Past sessions</h2>
            <SessionList host={sessions} when="past" isTeam={false} />
            <h2>Who is in the cohort</h2>
            <CohortContact siteId={props.siteId} contact={mine()} />
            <CohortDirectory siteId={props.siteId} isTeam={false} onNotice={setNotice} />
          </>
        )}
      </Match>
    </Switch>
  );
}
