import { useParams } from "@solidjs/router";
import { useQuery, useQueryClient } from "@tanstack/solid-query";
import { createSignal } from "solid-js";
import { api } from "../api/client";
import { afterMentorChange, queries } from "../api/queries";
import { usePageTitle } from "../ui/page-title";
import { PairingPage } from "./mentoring-pair";

/** One of a national mentor's pairings: its goals and meetings, and logging a meeting. */
export default function MentorPairingPage() {
  const params = useParams<{ siteId: string; pairId: string }>();
  const queryClient = useQueryClient();
  const [title, setTitle] = createSignal("Mentoring");
  // The list of their pairings names each one's site; the pairing itself does not.
  const mine = useQuery(() => queries.myMentoring());
  const siteName = () => mine.data?.find(({ pair }) => pair.pairId === params.pairId)?.siteName;
  usePageTitle(() => [title(), "Your mentoring"]);
  return (
    <div class="page">
      <PairingPage
        query={queries.mentorPairing(params.siteId, params.pairId)}
        siteName={siteName()}
        back={{ href: "/", label: "Back to my sites" }}
        isTeam={false}
        logMeeting={(input) => api.mentoring.logMeetingAsMentor.mutate(input)}
        afterLogged={(pairing) => afterMentorChange(queryClient, pairing)}
        onTitle={setTitle}
      />
    </div>
  );
}
