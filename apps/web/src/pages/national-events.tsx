import { useNavigate } from "@solidjs/router";
import { createSignal } from "solid-js";
import { PageHeading } from "../ui/page-title";
import { NationalOnly } from "./national-only";
import { SessionDialog } from "./session-dialog";
import { nationalEvents } from "./session-host";
import { SessionList } from "./session-list";
import "../styles/cohort.css";

const title = "National events";

/**
 * National staff's events for every site's cohort: those coming up and past, and scheduling a
 * new one. Each event's page shows who booked, by organisation and site.
 */
export default function NationalEventsPage() {
  return (
    <div class="page">
      <NationalOnly title={() => title} refusal="Only national partnership staff run national events">
        <NationalEvents />
      </NationalOnly>
    </div>
  );
}

function NationalEvents() {
  const navigate = useNavigate();
  const events = nationalEvents();
  const [scheduling, setScheduling] = createSignal(false);
  return (
    <>
      <div class="page-heading">
        <PageHeading>{title}</PageHeading>
        <button type="button" class="button" onClick={() => setScheduling(true)}>
          Schedule a national event
        </button>
      </div>
      <p class="lead-text">
        Networking, training, mentoring circles and peer support open to the approved providers of every site. They book
        through their own site; you see who is coming from each.
      </p>
      <h2>Coming up</h2>
      <SessionList host={events} when="upcoming" isTeam />
      <h2>Past events</h2>
      <SessionList host={events} when="past" isTeam />
      <SessionDialog
        host={events}
        session={null}
        open={scheduling()}
        onOpenChange={setScheduling}
        onSaved={(session) => navigate(`${events.pathOf(session.sessionId)}?scheduled=1`)}
      />
    </>
  );
}
