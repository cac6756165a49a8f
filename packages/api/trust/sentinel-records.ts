import {
  Application,
  Clock,
  Cohort,
  Decision,
  DevelopmentPlan,
  InformationRequest,
  Mentoring,
  Review,
} from "@smallsupports/core";
import { asMember, signUpAndRegister } from "@smallsupports/core/seeding";
import { worldAnswers, worldProfile } from "../testing/world";
import { worldMentor } from "./cohort-records";
import { type ApplicationKey, asLead, goalInput, reviewTo, worldMember } from "./panel-records";
import { ensureOpen } from "./records";

/**
 * One organisation whose every record holds text nobody could write by chance: what its person
 * typed (answers, answers sent back, contact details), what the panel wrote about it (a reviewer's
 * comments, the agreed view and feedback, the decision's reasons and condition) and what the team
 * keeps with it (a development goal, mentoring goals and meeting notes). A leak check looks for
 * these; every one but the phone number and the address carries `sentinelMark`, so text a check
 * did not list by name is caught too.
 */
export const sentinelMark = "Quillonby";

export interface SentinelRecords {
  key: ApplicationKey;
  pairKey: { siteId: string; pairId: string };
  person: { personId: string; name: string; email: string };
  organisationName: string;
  /** Every distinctive text written, by what it is. */
  texts: Record<string, string>;
}

const textKinds = new Set(["long-text", "short-text"]);

/**
 * Builds the organisation in `siteId` through the services, as its people would: it signs up and
 * applies (every text question answered distinctively), the world's first expert scores and
 * submits, the lead asks for more on one question and the provider answers it, the lead records the
 * panel's view and approves it to walk through, adds a goal to its plan and pairs it with the
 * world's national mentor, who meets it; its person shares contact details with the cohort.
 */
export async function sentinelRecords(siteId: string): Promise<SentinelRecords> {
  await ensureOpen(siteId);
  const mark = sentinelMark;
  const person = { name: `Petra ${mark}`, email: `petra.${mark.toLowerCase()}@example.org` };
  const written = {
    personName: person.name,
    email: person.email,
    organisationName: `${mark} Small Supports Ltd`,
    difference: `${mark} keeps every rota in the hands of the person it is for.`,
    comment: `${mark} comment: the reviewer saw support shaped around one person.`,
    request: `${mark} request: tell us more about how the person chose their supporters.`,
    sentBack: `${mark} sent back: the person interviewed every supporter themselves.`,
    agreedView: `${mark} agreed view: the panel saw control staying with the person.`,
    feedback: `${mark} feedback: write down how a new supporter is chosen.`,
    rationale: `${mark} rationale: the panel found every characteristic in the answers.`,
    condition: `${mark} condition: finish registering with the regulator.`,
    goal: `${mark} goal: recruit two supporters with the person`,
    phone: "01632 960417",
    about: `${mark} about: glad to talk about recruiting with the person.`,
    mentoringGoals: `${mark} mentoring goals: grow to five people, one at a time.`,
    meetingNotes: `${mark} meeting notes: we talked about a hard week for one person.`,
  };
  const answers: Record<string, string> = {};
  const { actor, organisation } = await signUpAndRegister(siteId, person, {
    ...worldProfile(written.organisationName),
    difference: written.difference,
  });
  const asApplicant = <T>(run: () => Promise<T>) => asMember(actor, siteId, run);

  const key = await asApplicant(async () => {
    const started = await Application.start({ siteId, organisationId: organisation.organisationId });
    const applicationKey: ApplicationKey = {
      siteId,
      organisationId: organisation.organisationId,
      applicationId: started.application.applicationId,
    };
    for (const { questionId, kind } of Application.questionsOf(started.process.definition)) {
      const text = textKinds.has(kind) ? `${mark} answers ${questionId}: the person chose who supports them.` : null;
      if (text) answers[`answer ${questionId}`] = text;
      const value = text ?? worldAnswers[questionId];
      if (value === undefined) continue;
      await Application.saveAnswer({ ...applicationKey, questionId, value, version: 0 });
    }
    await Application.submit({ ...applicationKey, version: started.application.version });
    return applicationKey;
  });
  const version = async () => (await Application.read(key)).version;

  await reviewTo(key, await worldMember(siteId, "expert"), "submitted", [], written.comment);

  await asLead(siteId, async () =>
    InformationRequest.request({
      ...key,
      version: await version(),
      questionIds: ["q-values"],
      message: written.request,
    }),
  );
  await asApplicant(async () => {
    const saved = (await Application.get(key)).answers.find((answer) => answer.questionId === "q-values");
    await Application.saveAnswer({
      ...key,
      questionId: "q-values",
      value: written.sentBack,
      version: saved?.version ?? 0,
    });
    await InformationRequest.sendBack({ ...key, version: await version() });
  });

  await asLead(siteId, () =>
    Review.recordPanel({ ...key, version: 0, agreedView: written.agreedView, feedback: written.feedback }),
  );
  await asLead(siteId, async () =>
    Decision.decide({
      ...key,
      version: await version(),
      outcome: "walking-through",
      rationale: written.rationale,
      conditions: [written.condition],
    }),
  );
  await asLead(siteId, () =>
    DevelopmentPlan.addGoal({ siteId, organisationId: key.organisationId, goal: goalInput(written.goal) }),
  );
  await asApplicant(() =>
    Cohort.shareContact({ siteId, shareEmail: true, phone: written.phone, about: written.about, version: null }),
  );

  const pairKey = await asLead(siteId, async () => {
    const created = await Mentoring.create({
      siteId,
      menteeOrganisationId: key.organisationId,
      mentorPersonId: await worldMentor(),
      goals: written.mentoringGoals,
    });
    const pair = { siteId, pairId: created.pair.pairId };
    await Mentoring.logMeeting({ ...pair, date: Clock.today(), minutes: 60, notes: written.meetingNotes });
    return pair;
  });

  return {
    key,
    pairKey,
    person: { personId: actor.personId, ...person },
    organisationName: written.organisationName,
    texts: { ...written, ...answers },
  };
}
