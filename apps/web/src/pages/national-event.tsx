import { useParams } from "@solidjs/router";
import { createSignal } from "solid-js";
import { SessionPage } from "./cohort-session";
import { NationalOnly } from "./national-only";
import { nationalEvents } from "./session-host";

/** One national event as national staff run it: every site's places, changes, attendance. */
export default function NationalEventPage() {
  const params = useParams<{ sessionId: string }>();
  const [title, setTitle] = createSignal("National event");
  return (
    <div class="page">
      <NationalOnly
        title={() => [title(), "National events"]}
        refusal="Only national partnership staff run national events"
      >
        <SessionPage
          host={nationalEvents()}
          sessionId={params.sessionId}
          organiser="the Small Supports national partnership"
          mayRun
          mayBook={false}
          onTitle={setTitle}
        />
      </NationalOnly>
    </div>
  );
}
