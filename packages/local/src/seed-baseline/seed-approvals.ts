import { Application, Clock, Organisation, Process, SignIn, Site } from "@smallsupports/core";
import { type Actor, withActor } from "@smallsupports/core/actor";
import { asMember } from "@smallsupports/core/seeding";
import { type SeedSite, seedEmail, seedName } from "./seed-data";
import {
  lancashireOrganisations,
  type SeedOrganisation,
  type SeedStep,
  seedAnswers,
  seedOrganisations,
} from "./seed-organisations";

const daysAgo = (days: number) => new Date(Date.now() - days * Clock.dayMs);
const at = <T>(days: number, run: () => Promise<T>) => Clock.atTime(daysAgo(Math.max(days, 0.05)), run);

/** Sites that have closed to new applications for now; their applicants carry on. */
const closedSites = new Set(["kent-medway"]);

/**
 * A site's approval work, through the services: the lead publishes the process (some sites first
 * change it, and Lancashire and South Cumbria publish a second version later, so applications sit
 * on different versions), opens the site, and organisations register, apply and move through the
 * stages over the following weeks, one at every point of the way.
 */
export async function seedApprovals(input: {
  site: SeedSite;
  siteIndex: number;
  startedDaysAgo: number;
  lead: Actor;
  providers: Actor[];
}) {
  const { site, siteIndex, startedDaysAgo, lead, providers } = input;
  const { siteId } = site;
  const publishedDaysAgo = startedDaysAgo - 10;
  await at(publishedDaysAgo, () => withActor(lead, () => customiseAndPublish(siteId, siteIndex)));
  await at(publishedDaysAgo - 0.5, () => withActor(lead, () => Site.setOpen({ siteId, open: true })));

  const organisations = [
    ...(siteIndex === 0 ? lancashireOrganisations : []),
    ...seedOrganisations(siteIndex, site.area),
  ];
  for (const [index, organisation] of organisations.entries()) {
    // Lancashire's second version comes out after its example cohort applied on the first.
    if (siteIndex === 0 && index === lancashireOrganisations.length) {
      await at(40, () => withActor(lead, () => publishSecondVersion(siteId)));
    }
    const registered = Math.min(organisation.registeredDaysAgo, publishedDaysAgo - 1);
    const member = providers[index];
    const actor = member ?? (await signUp(siteId, siteIndex, index, registered));
    await at(registered, () =>
      withActor(actor, () => Organisation.register({ siteId, organisation: profileOf(organisation) })),
    );
    await progress(siteId, actor, organisation, registered, index);
  }
  if (closedSites.has(siteId)) await at(3, () => withActor(lead, () => Site.setOpen({ siteId, open: false })));
}

async function signUp(siteId: string, siteIndex: number, index: number, registered: number): Promise<Actor> {
  const name = seedName(200 + siteIndex * 20 + index);
  const person = await at(registered + 0.01, () => SignIn.signUp({ name, email: seedEmail(name, siteId) }));
  return { personId: person.personId, national: false };
}

function profileOf(organisation: SeedOrganisation) {
  const { step: _step, registeredDaysAgo: _registered, ...profile } = organisation;
  return profile;
}

/** Takes an organisation from registered interest to `step`, a few days between each move. */
async function progress(
  siteId: string,
  actor: Actor,
  organisation: SeedOrganisation,
  registered: number,
  index: number,
) {
  const { step } = organisation;
  if (step === "interest") return;
  const as = <T>(run: () => Promise<T>) => asMember(actor, siteId, run);
  const { organisationId } = (await withActor(actor, () => Organisation.mine())).organisations.find(
    (organisation) => organisation.siteId === siteId,
  ) as { organisationId: string };
  const started = await at(registered - 1, () => as(() => Application.start({ siteId, organisationId })));
  const key = { siteId, organisationId, applicationId: started.application.applicationId };
  const questions = started.process.definition.pages.flatMap((page) => page.questions);
  const answers: Record<string, string | boolean> = {
    ...seedAnswers(index),
    "q-people-now": peopleOption(organisation.peopleSupported),
  };
  const toAnswer = step === "applying" ? questions.slice(0, 3) : questions;
  for (const question of toAnswer) {
    const value = answers[question.questionId] ?? (question.kind === "yes-no" ? true : "Yes, across the whole area.");
    await at(registered - 2, () =>
      as(() => Application.saveAnswer({ ...key, questionId: question.questionId, value, version: 0 })),
    );
  }
  if (step === "applying") return;
  let application = await at(registered - 5, () =>
    as(() => Application.submit({ ...key, version: started.application.version })),
  );
  if (step === "withdrawn") {
    await at(registered - 9, () => as(() => Application.withdraw({ ...key, version: application.version })));
    return;
  }
  const moves: Record<SeedStep, string[]> = {
    interest: [],
    applying: [],
    withdrawn: [],
    submitted: [],
    panel: ["s-panel"],
    conversation: ["s-panel", "s-conversation"],
    decision: ["s-panel", "s-conversation", "s-decision"],
  };
  const team = await leadOf(siteId);
  for (const [move, stageId] of moves[step].entries()) {
    application = await at(registered - 12 - move * 9, () =>
      asMember(team, siteId, () => Application.moveStage({ ...key, stageId, version: application.version })),
    );
  }
}

async function leadOf(siteId: string): Promise<Actor> {
  const site = await Site.get({ siteId });
  const lead = site.leads[0];
  if (!lead) throw new Error(`${siteId} has no lead to move applications.`);
  return { personId: lead.personId, national: false };
}

/** Some sites make the default process their own before publishing it. */
async function customiseAndPublish(siteId: string, siteIndex: number) {
  let draft = await Process.draft({ siteId });
  if (siteIndex === 1) {
    // Greater Manchester's experts named their panel, and review blind.
    const stages = draft.definition.stages.map((stage) =>
      stage.stageId === "s-panel"
        ? { ...stage, name: { plain: "Experts' panel", easyRead: "Our experts read it" } }
        : stage,
    );
    draft = await Process.saveStages({ siteId, version: draft.version, stages });
    draft = await Process.saveSettings({
      siteId,
      version: draft.version,
      settings: { ...draft.definition.settings, blindReview: true, reviewersPerApplication: 4 },
    });
  }
  if (siteIndex === 2) {
    // West Yorkshire asks about mentoring on a page of its own.
    draft = await Process.savePage({
      siteId,
      version: draft.version,
      page: { title: { plain: "Working together", easyRead: "Working with others" } },
    });
    const page = draft.definition.pages.at(-1);
    draft = await Process.saveQuestion({
      siteId,
      version: draft.version,
      pageId: page?.pageId ?? "",
      question: {
        kind: "yes-no",
        required: false,
        wording: {
          plain: "Would you like a mentor from an established small provider?",
          easyRead: "Do you want help from another small group?",
        },
      },
    });
  }
  await Process.publish({ siteId, version: draft.version });
}

/** Lancashire and South Cumbria add a criterion of their own and a question about where providers work. */
async function publishSecondVersion(siteId: string) {
  let draft = await Process.draft({ siteId });
  draft = await Process.saveCriteria({
    siteId,
    version: draft.version,
    criteria: [
      ...draft.definition.criteria,
      {
        wording: {
          plain: "Works alongside the local Learning Disability Partnership Board",
          easyRead: "Works with the local partnership board",
        },
        characteristic: null,
      },
    ],
  });
  draft = await Process.saveQuestion({
    siteId,
    version: draft.version,
    pageId: "p-about",
    question: {
      kind: "short-text",
      required: false,
      wording: {
        plain: "Which parts of Lancashire and South Cumbria could you work in?",
        easyRead: "Where could you work?",
      },
    },
  });
  await Process.publish({ siteId, version: draft.version });
}

/** The default question's option for how many people an organisation supports now. */
function peopleOption(people: number): string {
  if (people === 0) return "o-none-yet";
  if (people <= 5) return "o-1-to-5";
  return people <= 15 ? "o-6-to-15" : "o-over-15";
}
