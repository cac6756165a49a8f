import { Application, Organisation, Process, SignIn, Site } from "@smallsupports/core";
import { type Actor, withActor } from "@smallsupports/core/actor";
import { memberOf } from "@smallsupports/core/seeding";
import { type SeedSite, seedEmail, seedName } from "./seed-data";
import {
  cohortOrganisations,
  lancashireOrganisations,
  type SeedOrganisation,
  type SeedStep,
  seedAnswers,
  seedOrganisations,
} from "./seed-organisations";
import { decide, logTime, type Member, type PanelCast, requestInformation, reviewInPanel } from "./seed-panels";
import { at } from "./seed-time";

/** Sites that have closed to new applications for now; their applicants carry on. */
const closedSites = new Set(["kent-medway"]);

/**
 * A site's approval work, through the services: the lead publishes the process (some sites first
 * change it, and Lancashire and South Cumbria publish a second version later, so applications sit
 * on different versions), opens the site, and organisations register, apply and move through the
 * stages over the following weeks, one at every point of the way. The panel reviews them on the
 * way and decides on some (see seed-panels.ts), and the panel's people log their time.
 */
export async function seedApprovals(input: {
  site: SeedSite;
  siteIndex: number;
  startedDaysAgo: number;
  panel: PanelCast;
  providers: Actor[];
}) {
  const { site, siteIndex, startedDaysAgo, panel, providers } = input;
  const { siteId } = site;
  const publishedDaysAgo = startedDaysAgo - 10;
  await at(publishedDaysAgo, () => panel.lead.as(() => customiseAndPublish(siteId, siteIndex)));
  await at(publishedDaysAgo - 0.5, () => panel.lead.as(() => Site.setOpen({ siteId, open: true })));

  const organisations = [
    ...(siteIndex === 0 ? lancashireOrganisations : []),
    ...seedOrganisations(siteIndex, site.area),
    ...cohortOrganisations(siteIndex, site.area),
  ];
  const registered: SeededOrganisation[] = [];
  for (const [index, organisation] of organisations.entries()) {
    // Lancashire's second version comes out after its example cohort applied on the first.
    if (siteIndex === 0 && index === lancashireOrganisations.length) {
      await at(40, () => panel.lead.as(() => publishSecondVersion(siteId)));
    }
    const registeredDaysAgo = Math.min(organisation.registeredDaysAgo, publishedDaysAgo - 1);
    const member = providers[index];
    const actor = member ?? (await signUp(siteId, siteIndex, index, registeredDaysAgo));
    const { organisationId } = await at(registeredDaysAgo, () =>
      withActor(actor, () => Organisation.register({ siteId, organisation: profileOf(organisation) })),
    );
    const provider = await memberOf(actor, siteId);
    await progress(panel, provider, organisation, organisationId, registeredDaysAgo, index);
    registered.push({ organisation, organisationId, actor, provider, decidedDaysAgo: registeredDaysAgo - 31 });
  }
  await logTime(panel);
  if (closedSites.has(siteId)) await at(3, () => panel.lead.as(() => Site.setOpen({ siteId, open: false })));
  return registered;
}

/** An organisation as the seed left it, with one of its people ready to act for it. */
export interface SeededOrganisation {
  organisation: SeedOrganisation;
  organisationId: string;
  actor: Actor;
  provider: Member;
  /** When the panel decided, for those that reached a decision. */
  decidedDaysAgo: number;
}

async function signUp(siteId: string, siteIndex: number, index: number, registered: number): Promise<Actor> {
  const name = seedName(200 + siteIndex * 20 + index);
  const person = await at(registered + 0.01, () => SignIn.signUp({ name, email: seedEmail(name, siteId) }));
  return { personId: person.personId, national: false };
}

/** What the organisation tells the site about itself, without what the demo does with it. */
function profileOf(organisation: SeedOrganisation) {
  const { legalName, tradingName, area, foundedYear, peopleSupported, cqcStatus, cqcRating, difference } = organisation;
  return { legalName, tradingName, area, foundedYear, peopleSupported, cqcStatus, cqcRating, difference };
}

/** The stages the site team has moved an application through, by the step it has reached. */
const moves: Record<SeedStep, string[]> = {
  interest: [],
  applying: [],
  withdrawn: [],
  submitted: [],
  panel: ["s-panel"],
  conversation: ["s-panel", "s-conversation"],
  decision: ["s-panel", "s-conversation", "s-decision"],
};

/**
 * Takes an organisation from registered interest to `step`, a few days between each move, acting
 * as `provider` (one of the organisation's people); the panel reviews it while it is in the panel
 * stage.
 */
async function progress(
  panel: PanelCast,
  provider: Member,
  organisation: SeedOrganisation,
  organisationId: string,
  registered: number,
  index: number,
) {
  const { step } = organisation;
  const { siteId } = panel;
  if (step === "interest") return;
  const started = await at(registered - 1, () => provider(() => Application.start({ siteId, organisationId })));
  const key = { siteId, organisationId, applicationId: started.application.applicationId };
  const questions = started.process.definition.pages.flatMap((page) => page.questions);
  const answers: Record<string, string | boolean> = {
    ...seedAnswers(index),
    "q-people-now": peopleOption(organisation.peopleSupported),
  };
  // Optional questions are left for half the organisations to answer, as people do.
  const toAnswer =
    step === "applying" ? questions.slice(0, 3) : questions.filter((question) => question.required || index % 2 === 0);
  for (const question of toAnswer) {
    const value = answers[question.questionId] ?? (question.kind === "yes-no" ? true : "Yes, across the whole area.");
    await at(registered - 2, () =>
      provider(() => Application.saveAnswer({ ...key, questionId: question.questionId, value, version: 0 })),
    );
  }
  if (step === "applying") return;
  let application = await at(registered - 5, () =>
    provider(() => Application.submit({ ...key, version: started.application.version })),
  );
  if (step === "withdrawn") {
    await at(registered - 9, () => provider(() => Application.withdraw({ ...key, version: application.version })));
    return;
  }
  for (const [move, stageId] of moves[step].entries()) {
    const movedDaysAgo = registered - 12 - move * 9;
    application = await at(movedDaysAgo, () =>
      panel.lead.as(() => Application.moveStage({ ...key, stageId, version: application.version })),
    );
    if (stageId === "s-panel") await reviewInPanel(panel, key, organisation, movedDaysAgo);
  }
  if (organisation.request) {
    await requestInformation(panel, key, application, organisation.request, provider);
  }
  if (organisation.outcome) {
    await decide(panel, key, application, organisation.outcome, registered - 31, provider);
  }
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
