import type { Period } from "@smallsupports/core/analytics-shape";
import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/solid-query";
import { api, retryCanHelp } from "./client";
import type { DevInvitee, DevPerson, OutboxEmail } from "./types";

/** A list the API hands out a page at a time; each page's cursor fetches the next. */
function paged<Page extends { cursor: string | null }>(
  queryKey: readonly unknown[],
  fetchPage: (cursor: string | null) => Promise<Page>,
) {
  return infiniteQueryOptions({
    queryKey,
    queryFn: ({ pageParam }) => fetchPage(pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.cursor,
  });
}

/**
 * Every query the web app makes, each with its cache key, and what each change makes stale.
 * Pages only call these, so a key is written once and an invalidation cannot miss its query.
 */
export const queries = {
  /** Who is signed in, and their role in each of their sites. */
  me: () => queryOptions({ queryKey: ["me"], queryFn: () => api.me.get.query() }),

  /** Every site with its leads and counts, for national staff. */
  sites: () => paged(["sites"], (cursor) => api.site.list.query({ cursor, limit: 25 })),

  /** The national dashboard for a period, for national staff: every site, or those chosen. */
  nationalFigures: (period: Period, siteIds: readonly string[]) =>
    queryOptions({
      queryKey: ["figures", "national", period, [...siteIds].sort().join(",")],
      queryFn: () => api.analytics.national.query({ period, ...(siteIds.length ? { siteIds: [...siteIds] } : {}) }),
    }),

  /** A site's figures beside the programme's averages, for its lead. */
  siteFigures: (siteId: string, period: Period) =>
    queryOptions({
      queryKey: ["figures", "site", siteId, period],
      queryFn: () => api.analytics.site.query({ siteId, period }),
    }),

  site: (siteId: string) => queryOptions({ queryKey: ["site", siteId], queryFn: () => api.site.get.query({ siteId }) }),

  members: (siteId: string) =>
    paged(["members", siteId], (cursor) => api.member.list.query({ siteId, cursor, limit: 50 })),

  /** Who changed what in the site, newest first. */
  activity: (siteId: string) =>
    paged(["activity", siteId], (cursor) => api.activity.list.query({ siteId, cursor, limit: 20 })),

  /** A site's open invitations, for its project leads. */
  invitations: (siteId: string) =>
    paged(["invitations", siteId], (cursor) => api.invitation.list.query({ siteId, cursor, limit: 25 })),

  /** Invitations to the signed-in person's own address. */
  myInvitations: () => queryOptions({ queryKey: ["my-invitations"], queryFn: () => api.invitation.mine.query() }),

  /** A site's invitations to be its project lead, for national staff. */
  leadInvitations: (siteId: string) =>
    queryOptions({
      queryKey: ["lead-invitations", siteId],
      queryFn: () => api.invitation.leadInvitations.query({ siteId }),
    }),

  /** The emails a local server has kept instead of sending; only a local server answers. */
  devOutbox: () =>
    queryOptions({
      queryKey: ["dev-outbox"],
      queryFn: async () => {
        const response = await fetch("/api/dev/outbox");
        if (!response.ok) throw new Error("The list of emails is only kept on a local demo.");
        return ((await response.json()) as { emails: OutboxEmail[] }).emails;
      },
    }),

  /** The draft of a site's approval process, which its project lead edits and its team reads. */
  processDraft: (siteId: string) =>
    queryOptions({ queryKey: ["process-draft", siteId], queryFn: () => api.process.draft.query({ siteId }) }),

  /** The numbered versions of a site's approval process, newest first. */
  processVersions: (siteId: string) =>
    queryOptions({ queryKey: ["process-versions", siteId], queryFn: () => api.process.versions.query({ siteId }) }),

  /** Sites taking applications, for the public page: no sign-in needed. */
  openSites: () => queryOptions({ queryKey: ["open-sites"], queryFn: () => api.site.listOpen.query() }),

  /** The organisations the signed-in person acts for, and sites where they still need to register one. */
  myOrganisations: () => queryOptions({ queryKey: ["my-organisations"], queryFn: () => api.organisation.mine.query() }),

  organisation: (siteId: string, organisationId: string) =>
    queryOptions({
      queryKey: ["organisation", siteId, organisationId],
      queryFn: () => api.organisation.get.query({ siteId, organisationId }),
    }),

  /** An organisation's applications in a site, oldest first. */
  applicationHistory: (siteId: string, organisationId: string) =>
    queryOptions({
      queryKey: ["application-history", siteId, organisationId],
      queryFn: () => api.application.history.query({ siteId, organisationId }),
    }),

  /** An application with the process version it is on and its saved answers, for its own organisation. */
  applicationForm: (siteId: string, organisationId: string, applicationId: string) =>
    queryOptions({
      queryKey: ["application-form", siteId, organisationId, applicationId],
      queryFn: () => api.application.get.query({ siteId, organisationId, applicationId }),
      // The form keeps what the person types; it reads the saved answers again only when asked.
      staleTime: Number.POSITIVE_INFINITY,
      refetchOnWindowFocus: false,
    }),

  /** The board's columns with their counts, the published version, and registered interest. */
  boardSummary: (siteId: string) =>
    queryOptions({
      queryKey: ["board", siteId, "summary"],
      queryFn: () => api.application.boardSummary.query({ siteId }),
    }),

  /** One column of the board, longest in the stage first, narrowed by CQC status and time in stage. */
  boardColumn: (siteId: string, column: string, filters: BoardFilters) =>
    paged(["board", siteId, "column", column, filters], (cursor) =>
      api.application.board.query({ siteId, column, ...filters, cursor, limit: 25 }),
    ),

  /** An application with its process version and answers, as the site team reads it. */
  reviewApplication: (siteId: string, organisationId: string, applicationId: string) =>
    queryOptions({
      queryKey: ["application-review", siteId, organisationId, applicationId],
      queryFn: () => api.application.get.query({ siteId, organisationId, applicationId }),
    }),

  /** What needs the signed-in person, in every site. */
  inbox: () => queryOptions({ queryKey: ["inbox"], queryFn: () => api.me.inbox.query() }),

  /** Who reviews an application and where each review stands (never scores), for the lead and team. */
  reviewAssignments: (siteId: string, organisationId: string, applicationId: string) =>
    queryOptions({
      queryKey: ["review-assignments", siteId, organisationId, applicationId],
      queryFn: () => api.review.assignments.query({ siteId, organisationId, applicationId }),
    }),

  /** The signed-in reviewer's own review, with what they may see at its step. */
  myReview: (siteId: string, organisationId: string, applicationId: string) =>
    queryOptions({
      queryKey: ["my-review", siteId, organisationId, applicationId],
      queryFn: () => api.review.mine.query({ siteId, organisationId, applicationId }),
    }),

  /** Every submitted review side by side; refused to anyone still reviewing. */
  panel: (siteId: string, organisationId: string, applicationId: string) =>
    queryOptions({
      queryKey: ["panel", siteId, organisationId, applicationId],
      queryFn: () => api.review.panel.query({ siteId, organisationId, applicationId }),
      retry: false,
    }),

  decision: (siteId: string, organisationId: string, applicationId: string) =>
    queryOptions({
      queryKey: ["decision", siteId, organisationId, applicationId],
      queryFn: () => api.decision.get.query({ siteId, organisationId, applicationId }),
      retry: false,
    }),

  informationRequests: (siteId: string, organisationId: string, applicationId: string) =>
    queryOptions({
      queryKey: ["information-requests", siteId, organisationId, applicationId],
      queryFn: () => api.decision.informationRequests.query({ siteId, organisationId, applicationId }),
    }),

  developmentPlan: (siteId: string, organisationId: string) =>
    queryOptions({
      queryKey: ["development-plan", siteId, organisationId],
      queryFn: () => api.plan.get.query({ siteId, organisationId }),
    }),

  /** The signed-in person's own time in one month (YYYY-MM). */
  myTime: (siteId: string, month: string) =>
    queryOptions({ queryKey: ["time", siteId, "mine", month], queryFn: () => api.time.mine.query({ siteId, month }) }),

  /** Everyone's time totals for one month, with experts' pay. */
  timeTotals: (siteId: string, month: string) =>
    queryOptions({
      queryKey: ["time", siteId, "totals", month],
      queryFn: () => api.time.totals.query({ siteId, month }),
    }),

  payRate: (siteId: string) =>
    queryOptions({ queryKey: ["time", siteId, "pay-rate"], queryFn: () => api.time.payRate.query({ siteId }) }),

  /** The site's cohort: each organisation with its attendance and shared contacts; for the team, those taken out. */
  cohort: (siteId: string) =>
    queryOptions({
      queryKey: ["cohort", siteId, "directory"],
      queryFn: () => api.cohort.directory.query({ siteId }),
      retry: (count, error) => count < 2 && retryCanHelp(error),
    }),

  /** What the signed-in provider shares with the cohort. */
  myCohortContact: (siteId: string) =>
    queryOptions({
      queryKey: ["cohort", siteId, "my-contact"],
      queryFn: () => api.cohort.myContact.query({ siteId }),
    }),

  /** A site's upcoming sessions, soonest first, or its past ones, latest first. */
  sessions: (siteId: string, when: "upcoming" | "past") =>
    paged(["cohort", siteId, "sessions", when], (cursor) =>
      api.session.list.query({ siteId, when, cursor, limit: 10 }),
    ),

  /** One session, with its places as the caller may see them. */
  session: (siteId: string, sessionId: string) =>
    queryOptions({
      queryKey: ["cohort", siteId, "session", sessionId],
      queryFn: () => api.session.get.query({ siteId, sessionId }),
    }),

  /** National events, for national staff who run them: upcoming soonest first, or past latest first. */
  nationalEvents: (when: "upcoming" | "past") =>
    paged(["national-events", "list", when], (cursor) => api.nationalEvent.list.query({ when, cursor, limit: 10 })),

  /** One national event with everyone's places, by organisation and site, for national staff. */
  nationalEvent: (sessionId: string) =>
    queryOptions({
      queryKey: ["national-events", "event", sessionId],
      queryFn: () => api.nationalEvent.get.query({ sessionId }),
    }),

  /** National events as a site's cohort sees them, with the caller's own place on each. */
  cohortNationalEvents: (siteId: string, when: "upcoming" | "past") =>
    paged(["cohort", siteId, "national", "list", when], (cursor) =>
      api.nationalEvent.forCohort.query({ siteId, when, cursor, limit: 10 }),
    ),

  /** One national event through a site: the counts, and only that site's (or the caller's organisation's) places. */
  cohortNationalEvent: (siteId: string, sessionId: string) =>
    queryOptions({
      queryKey: ["cohort", siteId, "national", "event", sessionId],
      queryFn: () => api.nationalEvent.getForCohort.query({ siteId, sessionId }),
    }),

  /** What an organisation's people booked and whether they came. */
  organisationSessions: (siteId: string, organisationId: string) =>
    queryOptions({
      queryKey: ["cohort", siteId, "organisation", organisationId],
      queryFn: () => api.session.ofOrganisation.query({ siteId, organisationId }),
    }),

  /** The site's mentoring pairings (for a provider, their own), those needing a check-in first. */
  mentoringPairs: (siteId: string) =>
    queryOptions({
      queryKey: ["cohort", siteId, "mentoring"],
      queryFn: () => api.mentoring.list.query({ siteId }),
    }),

  /** One pairing with its meetings, for the pair and the team. */
  mentoringPair: (siteId: string, pairId: string) =>
    queryOptions({
      queryKey: ["cohort", siteId, "mentoring", pairId],
      queryFn: () => api.mentoring.get.query({ siteId, pairId }),
    }),

  /** A national mentor's own pairings, in every site. */
  myMentoring: () => queryOptions({ queryKey: ["mentoring-mine"], queryFn: () => api.mentoring.mine.query({}) }),

  /** One of a national mentor's own pairings, with its meetings. */
  mentorPairing: (siteId: string, pairId: string) =>
    queryOptions({
      queryKey: ["mentoring-mine", siteId, pairId],
      queryFn: () => api.mentoring.getAsMentor.query({ siteId, pairId }),
    }),

  /** The national mentors, for national staff who keep the list. */
  nationalMentors: () =>
    queryOptions({ queryKey: ["national-mentors"], queryFn: () => api.nationalMentor.list.query({}) }),

  /** Who the team can pair: the cohort's organisations, and mentors from its established providers. */
  mentoringCandidates: (siteId: string) =>
    queryOptions({
      queryKey: ["cohort", siteId, "mentoring-candidates"],
      queryFn: () => api.mentoring.candidates.query({ siteId }),
    }),

  /** The seeded people to sign in as; only a local server answers. */
  devPeople: () =>
    queryOptions({
      queryKey: ["dev-people"],
      queryFn: async () => {
        const response = await fetch("/api/dev/people");
        if (!response.ok) throw new Error("The sign-in list is not available.");
        return (await response.json()) as { people: DevPerson[]; invitees: DevInvitee[] };
      },
    }),
};

/**
 * After an invitation, a role change or a removal. The site's counts and leads change with its
 * team, each change is a new activity entry, and the signed-in person may have changed their own role.
 */
export function afterMemberChange(queryClient: QueryClient, siteId: string) {
  return Promise.all(
    [queries.members(siteId), queries.activity(siteId), queries.site(siteId), queries.me()].map(({ queryKey }) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

export function afterSiteAdded(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: queries.sites().queryKey });
}

/** After an invitation is sent, sent again, corrected or cancelled: the list, the activity, the emails. */
export function afterInvitationChange(queryClient: QueryClient, siteId: string) {
  return Promise.all(
    [queries.invitations(siteId), queries.activity(siteId), queries.devOutbox()].map(({ queryKey }) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** After national staff change a site's lead invitations. */
export function afterLeadInvitationChange(queryClient: QueryClient, siteId: string) {
  return Promise.all(
    [queries.leadInvitations(siteId), queries.devOutbox()].map(({ queryKey }) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** After the signed-in person joins a site or says no: their sites and their invitations. */
export function afterInvitationAnswered(queryClient: QueryClient) {
  return Promise.all(
    [queries.myInvitations(), queries.me()].map(({ queryKey }) => queryClient.invalidateQueries({ queryKey })),
  );
}

/** After the signed-in person corrects their name: it shows in their header and every member list. */
export function afterRename(queryClient: QueryClient) {
  return Promise.all(
    [queries.me().queryKey, ["members"]].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/** A site's draft process, as every process edit answers with it. */
type ProcessDraft = Awaited<ReturnType<typeof api.process.draft.query>>;

/**
 * After an edit to the draft process. Every edit answers with the new draft, so it goes straight
 * into the cache (no second fetch); the edit is a new activity entry.
 */
export function afterProcessEdit(queryClient: QueryClient, siteId: string, draft: ProcessDraft) {
  queryClient.setQueryData(queries.processDraft(siteId).queryKey, draft);
  return queryClient.invalidateQueries({ queryKey: queries.activity(siteId).queryKey });
}

/** After someone else changed the draft first: fetch the latest so the editor shows it. */
export function afterProcessConflict(queryClient: QueryClient, siteId: string) {
  return queryClient.invalidateQueries({ queryKey: queries.processDraft(siteId).queryKey });
}

/**
 * After publishing: the draft's status, the list of versions, the site's summary, the board (which
 * shows the published version's stages), the public list (an open site's description changes with
 * it) and the activity.
 */
export function afterProcessPublished(queryClient: QueryClient, siteId: string, draft: ProcessDraft) {
  queryClient.setQueryData(queries.processDraft(siteId).queryKey, draft);
  return Promise.all(
    [
      queries.processVersions(siteId),
      queries.site(siteId),
      queries.boardSummary(siteId),
      queries.openSites(),
      queries.activity(siteId),
    ].map(({ queryKey }) => queryClient.invalidateQueries({ queryKey })),
  );
}

/** After the site opens to applications or closes: its summary, the public list and the activity. */
export function afterSiteOpenChange(queryClient: QueryClient, siteId: string) {
  return Promise.all(
    [queries.site(siteId), queries.openSites(), queries.activity(siteId)].map(({ queryKey }) =>
      queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** After someone registers an organisation: they are now a provider member of the site. */
export function afterOrganisationRegistered(queryClient: QueryClient) {
  return Promise.all(
    [queries.myOrganisations(), queries.me()].map(({ queryKey }) => queryClient.invalidateQueries({ queryKey })),
  );
}

/**
 * After an organisation's details change, or its application is started, sent or withdrawn:
 * its page, its applications, and the cards on its people's home page all show its standing.
 */
export function afterOrganisationChange(queryClient: QueryClient, siteId: string, organisationId: string) {
  return Promise.all(
    [
      queries.organisation(siteId, organisationId).queryKey,
      queries.applicationHistory(siteId, organisationId).queryKey,
      queries.myOrganisations().queryKey,
      ["application-form", siteId, organisationId],
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/** The board's filters, as the API takes them: each left out means "any". */
export type BoardFilters = Pick<Parameters<typeof api.application.board.query>[0], "cqcStatus" | "minDaysInStage">;

/**
 * After the site team moves an application, or finds someone else moved it first: every column
 * and count of the board, the application itself, and the activity.
 */
export function afterStageMove(
  queryClient: QueryClient,
  siteId: string,
  organisationId: string,
  applicationId: string,
) {
  return Promise.all(
    [
      ["board", siteId],
      queries.reviewApplication(siteId, organisationId, applicationId).queryKey,
      queries.activity(siteId).queryKey,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/**
 * After anything a reviewer or the lead does on an application's panel: assigning, declaring,
 * scoring, submitting, recording the panel's view. Each person's inbox may change with it.
 */
export function afterReviewChange(
  queryClient: QueryClient,
  siteId: string,
  organisationId: string,
  applicationId: string,
) {
  return Promise.all(
    [
      queries.reviewAssignments(siteId, organisationId, applicationId).queryKey,
      queries.myReview(siteId, organisationId, applicationId).queryKey,
      queries.panel(siteId, organisationId, applicationId).queryKey,
      queries.reviewApplication(siteId, organisationId, applicationId).queryKey,
      queries.inbox().queryKey,
      ["board", siteId],
      queries.activity(siteId).queryKey,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/**
 * After a request for more information, the provider sending their answers back, or a decision:
 * the application wherever it is shown, the board, the organisation's standing and plan, inboxes.
 */
export function afterApplicationOutcome(
  queryClient: QueryClient,
  siteId: string,
  organisationId: string,
  applicationId: string,
) {
  return Promise.all(
    [
      queries.reviewApplication(siteId, organisationId, applicationId).queryKey,
      queries.informationRequests(siteId, organisationId, applicationId).queryKey,
      queries.decision(siteId, organisationId, applicationId).queryKey,
      queries.developmentPlan(siteId, organisationId).queryKey,
      queries.organisation(siteId, organisationId).queryKey,
      queries.applicationHistory(siteId, organisationId).queryKey,
      ["application-form", siteId, organisationId],
      queries.myOrganisations().queryKey,
      queries.inbox().queryKey,
      ["board", siteId],
      queries.activity(siteId).queryKey,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/** After someone records or removes time, or the lead sets the day rate. */
export function afterTimeChange(queryClient: QueryClient, siteId: string) {
  return queryClient.invalidateQueries({ queryKey: ["time", siteId] });
}

/** A session as the API answers any change to it. */
type SessionView = Awaited<ReturnType<typeof api.session.book.mutate>>;
type OrganisationSessions = Awaited<ReturnType<typeof api.session.ofOrganisation.query>>;

/**
 * After the team or a provider changes a session or a place at it: the session (read strongly
 * consistently), the lists of sessions and the activity. The answer goes into the session's cache
 * at once, so the page shows the new place before the list comes back.
 */
export function afterSessionChange(queryClient: QueryClient, siteId: string, session?: SessionView) {
  if (session) {
    queryClient.setQueryData(queries.session(siteId, session.sessionId).queryKey, (current) =>
      current ? { ...current, session } : current,
    );
  }
  return Promise.all(
    [
      ["cohort", siteId, "sessions"],
      ["cohort", siteId, "session"],
      ["cohort", siteId, "directory"],
      queries.activity(siteId).queryKey,
    ].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
  );
}

/**
 * After the signed-in provider books or gives up a place: their organisation's list of sessions
 * comes from an index that can lag a moment behind the booking, so it is updated from the
 * booking's own answer instead of being fetched again.
 */
export function recordOwnPlace(
  queryClient: QueryClient,
  siteId: string,
  organisationId: string,
  me: { personId: string; name: string },
  session: SessionView,
) {
  queryClient.setQueryData(
    queries.organisationSessions(siteId, organisationId).queryKey,
    (current: OrganisationSessions | undefined) => {
      if (!current) return current;
      const others = current.filter(
        (entry) => !(entry.session.sessionId === session.sessionId && entry.personId === me.personId),
      );
      if (!session.myPlace) return others;
      const mine = { session, personId: me.personId, name: me.name, status: session.myPlace.status, attended: null };
      return [mine, ...others];
    },
  );
}

/** After the team takes an organisation out of the cohort or adds one, or a provider changes what they share. */
export function afterCohortChange(queryClient: QueryClient, siteId: string) {
  return Promise.all(
    [["cohort", siteId, "directory"], ["cohort", siteId, "my-contact"], queries.activity(siteId).queryKey].map(
      (queryKey) => queryClient.invalidateQueries({ queryKey }),
    ),
  );
}

/** After a pairing begins, logs a meeting or ends: the pairing (from its answer), the board and the activity. */
export function afterPairingChange(
  queryClient: QueryClient,
  siteId: string,
  pairing: Awaited<ReturnType<typeof api.mentoring.get.query>>,
) {
  queryClient.setQueryData(queries.mentoringPair(siteId, pairing.pair.pairId).queryKey, pairing);
  return Promise.all(
    [queries.mentoringPairs(siteId).queryKey, queries.activity(siteId).queryKey].map((queryKey) =>
      queryClient.invalidateQueries({ queryKey, exact: true }),
    ),
  );
}

/** After a national mentor logs a meeting: their pairing (from its answer) and their list. */
export function afterMentorChange(
  queryClient: QueryClient,
  pairing: Awaited<ReturnType<typeof api.mentoring.get.query>>,
) {
  queryClient.setQueryData(queries.mentorPairing(pairing.pair.siteId, pairing.pair.pairId).queryKey, pairing);
  return queryClient.invalidateQueries({ queryKey: queries.myMentoring().queryKey, exact: true });
}

/** After national staff name a national mentor, or take one off the list or back. */
export function afterNationalMentorChange(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: queries.nationalMentors().queryKey });
}
