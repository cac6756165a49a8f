import { Application, Clock, Decision, ExpertTime, Site } from "@smallsupports/core";
import type { Actor } from "@smallsupports/core/actor";
import { asMember, defaultProcessAnswers, memberOf, signUpAndRegister } from "@smallsupports/core/seeding";
import { seed } from "@smallsupports/local/seed";
import { type SeedSite, seedName, seedSites } from "@smallsupports/local/seed-data";

/**
 * The benchmark's world: the demo's twelve sites and nineteen more, 31 in all, each seeded by the
 * demo's own seed through the services (so every statistic is kept as in real use) with
 * organisations at every stage, panels, decisions and whatever later features add to the seed.
 * BENCH_SITES seeds fewer: for now the demo's seed fails past 16 sites (it books two places a
 * site on its national events, and recording who came to 34 places or more takes a transaction
 * over DynamoDB's 100 items; past 18, the coming event's places and waiting list run out).
 */
export const benchSiteCount = Number(process.env.BENCH_SITES ?? 31);

const moreAreas = [
  "Cornwall and the Isles of Scilly",
  "Dorset",
  "Hampshire and the Isle of Wight",
  "Surrey Heartlands",
  "Sussex",
  "Frimley",
  "Buckinghamshire, Oxfordshire and Berkshire West",
  "Bedfordshire, Luton and Milton Keynes",
  "Cambridgeshire and Peterborough",
  "Suffolk and North East Essex",
  "Mid and South Essex",
  "Hertfordshire and West Essex",
  "North Central London",
  "North West London",
  "Coventry and Warwickshire",
  "Herefordshire and Worcestershire",
  "Shropshire, Telford and Wrekin",
  "Staffordshire and Stoke-on-Trent",
  "Derby and Derbyshire",
];

export function benchSites(): SeedSite[] {
  const more = moreAreas.map((name) => ({
    siteId: name
      .toLowerCase()
      .replace(/[^a-z]+/g, "-")
      .replace(/^-|-$/g, ""),
    name,
    area: `${name} ICB`,
  }));
  return [...seedSites, ...more].slice(0, benchSiteCount);
}

/** Runs `run` as if it were `days` before now (never quite now), as the demo's seed dates its records. */
const at = <T>(days: number, run: () => Promise<T>) =>
  Clock.atTime(new Date(Date.now() - Math.max(days, 0.05) * Clock.dayMs), run);

/** Seeds the world into the configured table; says how long it took. */
export async function seedBenchWorld(): Promise<{ sites: number; people: number; seconds: number }> {
  const started = performance.now();
  const summary = await seed(benchSites());
  return { sites: summary.sites, people: summary.people, seconds: (performance.now() - started) / 1000 };
}

/** The people the benchmark acts as when it grows a site: its lead decides, an expert logs time. */
export interface BenchSiteCast {
  siteId: string;
  siteIndex: number;
  lead: Actor;
  expert: Actor;
}

/** Where each organisation added to a site stops: every point of the way, and every decision. */
const growthSteps = [
  "interest",
  "applying",
  "submitted",
  "withdrawn",
  "approved",
  "walking-through",
  "not-yet",
  "declined",
] as const;

/** How many organisations one round of growth adds to each site. */
export const growthPerRound = growthSteps.length;

/**
 * More of the same world, through the services: in every site (side by side, as the seed does),
 * one more organisation for each of `growthSteps` signs up, registers interest and goes as far
 * as its step (answers, sending, withdrawing, the lead's decision), and an expert logs time on
 * it, each on a day within the site's life so the figures' months fill as well as their totals.
 * `round` numbers the round, so names and addresses never repeat.
 */
export async function growBenchWorld(cast: BenchSiteCast[], round: number): Promise<void> {
  await Promise.all(
    cast.map(async (site) => {
      const { siteId, siteIndex } = site;
      // The seed closes some sites to new applicants; one opens for a moment to take these.
      const open = await Site.isOpen(siteId);
      if (!open) await asMember(site.lead, siteId, () => Site.setOpen({ siteId, open: true }));
      const startedDaysAgo = 210 - (siteIndex % 12) * 12;
      for (const [stepIndex, step] of growthSteps.entries()) {
        const n = round * growthSteps.length + stepIndex;
        // Registered between a fortnight after the site opened and three weeks ago.
        const registered = 21 + ((n * 37 + siteIndex * 11) % (startedDaysAgo - 35));
        await growOne(site, step, n, registered);
      }
      if (!open) await asMember(site.lead, siteId, () => Site.setOpen({ siteId, open: false }));
    }),
  );
}

async function growOne(site: BenchSiteCast, step: (typeof growthSteps)[number], n: number, registered: number) {
  const { siteId } = site;
  // Walking through is for providers still registering with the CQC.
  const established = step === "approved" || step === "declined" || (n % 3 === 0 && step !== "walking-through");
  const { actor, organisation } = await at(registered, () =>
    signUpAndRegister(
      siteId,
      { name: seedName(n), email: `applicant.${n}@${siteId}.example.org` },
      {
        legalName: `Applicant ${n} Community Support CIC`,
        area: "Across the area",
        foundedYear: established ? 2015 : 2025,
        peopleSupported: established ? 4 + (n % 8) : n % 3,
        cqcStatus: established ? "registered" : "in-progress",
        ...(established ? { cqcRating: "good" as const } : {}),
        difference: "We support a handful of people, each choosing who works with them.",
      },
    ),
  );
  if (step === "interest") return;
  const provider = await memberOf(actor, siteId);
  const { organisationId } = organisation;
  const started = await at(registered - 1, () => provider(() => Application.start({ siteId, organisationId })));
  const key = { siteId, organisationId, applicationId: started.application.applicationId };
  const questions = started.process.definition.pages.flatMap((page) => page.questions);
  const toAnswer = step === "applying" ? questions.slice(0, 2) : questions.filter((question) => question.required);
  for (const question of toAnswer) {
    const value =
      defaultProcessAnswers[question.questionId] ?? (question.kind === "yes-no" ? true : "Yes, across the whole area.");
    await at(registered - 2, () =>
      provider(() => Application.saveAnswer({ ...key, questionId: question.questionId, value, version: 0 })),
    );
  }
  if (step === "applying") return;
  const sent = await at(registered - 5, () =>
    provider(() => Application.submit({ ...key, version: started.application.version })),
  );
  await at(registered - 6, () =>
    asMember(site.expert, siteId, () =>
      ExpertTime.log({ siteId, date: Clock.today(), minutes: 60 + (n % 4) * 15, activity: "reading" }),
    ),
  );
  if (step === "submitted") return;
  if (step === "withdrawn") {
    await at(registered - 9, () => provider(() => Application.withdraw({ ...key, version: sent.version })));
    return;
  }
  await at(registered - 6 - (n % 15), () =>
    asMember(site.lead, siteId, () =>
      Decision.decide({
        ...key,
        version: sent.version,
        outcome: step,
        rationale: "The panel read the application and met the provider before deciding.",
        ...(step === "walking-through" ? { conditions: ["Complete CQC registration"] } : {}),
        ...(step === "not-yet" ? { whatWouldChange: "A year of supporting people on their own terms." } : {}),
      }),
    ),
  );
}
