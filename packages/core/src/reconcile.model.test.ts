import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addSiteWithTeam, asMember, defaultProcessAnswers, publishAndOpen, signUpAndRegister } from "../seeding";
import { useFreshTable } from "../testing";
import type { Actor } from "./actor";
import * as Application from "./application";
import { atTime, dayMs, today } from "./clock";
import * as Cohort from "./cohort";
import { db } from "./db";
import * as Decision from "./decision";
import * as ExpertTime from "./expert-time";
import { type DecisionOutcome, figureField } from "./figures-shape";
import * as Mentoring from "./mentoring";
import * as Reconcile from "./reconcile";
import * as Review from "./review";
import * as SiteStats from "./site-stats";

/**
 * Model-based: fast-check runs thousands of random operations across three sites, through the
 * services only, as people would (organisations registering months ago, applying, withdrawing,
 * being reviewed and decided; experts recording and removing time; the cohort changing; mentoring
 * pairs meeting and ending). A plain model keeps what the figures should say. After every run
 * reconcile finds zero drift in every site, and the stored figures equal the model's, over all
 * time and month by month; reconcile also runs in the middle of runs, as one of the operations.
 */

useFreshTable();

/** Runs go on until this many operations have run; each run is up to `commandsPerRun`, some skipped where they do not apply. */
const targetOperations = 2000;
const commandsPerRun = 500;
/** Operations run over all runs, printed and checked so the test cannot quietly shrink to nothing. */
let operations = 0;

type Standing = "interest" | "applying" | "in-review" | "withdrawn" | DecisionOutcome;

interface OrganisationModel {
  actor: Actor;
  organisationId: string;
  registeredAt: number;
  cqcRegistered: boolean;
  standing: Standing;
  application?: { applicationId: string; reviewed: boolean };
  inCohort: boolean;
}

interface SiteModel {
  siteId: string;
  lead: Actor;
  expert: Actor;
  organisations: OrganisationModel[];
  entries: { by: Actor; date: string; entryId: string; version: number; minutes: number; byExpert: boolean }[];
  pairs: { pairId: string; startedOn: string; active: boolean }[];
  /** Figure to its count over all time. */
  all: Map<string, number>;
  /** "figure|YYYY-MM" to its count that month. */
  monthly: Map<string, number>;
}

interface Model {
  sites: SiteModel[];
}

const add = (counts: Map<string, number>, key: string, amount = 1) => counts.set(key, (counts.get(key) ?? 0) + amount);

/** A flow figure counted in the model, over all time and in its month. */
function flow(site: SiteModel, figure: string, month: string, amount = 1) {
  add(site.all, figure, amount);
  add(site.monthly, `${figure}|${month}`, amount);
}

const daysBefore = (days: number, from = Date.now()) => new Date(from - days * dayMs);
const monthOf = (at: Date) => SiteStats.monthOf(at.toISOString());
const pick = <T>(items: T[], index: number): T | undefined => items[index % Math.max(items.length, 1)];
const pickWhere = <T>(items: T[], index: number, where: (item: T) => boolean) => pick(items.filter(where), index);

let setups = 0;
let people = 0;

async function setup(): Promise<{ model: Model; real: object }> {
  setups++;
  const sites: SiteModel[] = [];
  for (const letter of ["a", "b", "c"]) {
    const siteId = `model-${setups}-${letter}`;
    const { lead, expert } = await addSiteWithTeam(
      { siteId, name: `Model ${setups} ${letter}`, area: "Modelshire" },
      { name: "Lee Lead", email: `lead@${siteId}.example.org` },
      { expert: { name: "Eva Expert", email: `expert@${siteId}.example.org`, role: "expert" } },
    );
    await publishAndOpen(lead, siteId);
    sites.push({ siteId, lead, expert, organisations: [], entries: [], pairs: [], all: new Map(), monthly: new Map() });
  }
  return { model: { sites }, real: {} };
}

type Command = fc.AsyncCommand<Model, object>;

/** A command that acts in one site, found by index so it stays valid as the model changes. */
abstract class SiteCommand implements Command {
  constructor(readonly siteIndex: number) {}
  site(model: Model) {
    return model.sites[this.siteIndex % model.sites.length] as SiteModel;
  }
  check(model: Model) {
    return this.applies(this.site(model));
  }
  async run(model: Model) {
    operations++;
    await this.act(this.site(model));
  }
  applies(_site: SiteModel) {
    return true;
  }
  abstract act(site: SiteModel): Promise<void>;
  abstract toString(): string;
}

class Register extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly daysAgo: number,
    readonly cqcRegistered: boolean,
  ) {
    super(siteIndex);
  }
  async act(site: SiteModel) {
    const at = daysBefore(this.daysAgo);
    const index = ++people;
    const { actor, organisation } = await atTime(at, () =>
      signUpAndRegister(
        site.siteId,
        { name: `Pat ${index}`, email: `pat${index}@model.example.org` },
        {
          legalName: `Model Support ${index} CIC`,
          area: "Modelshire",
          foundedYear: 2020,
          peopleSupported: 3,
          difference: "We build support around one person at a time.",
          ...(this.cqcRegistered
            ? { cqcStatus: "registered" as const, cqcRating: "good" as const }
            : { cqcStatus: "not-registered" as const }),
        },
      ),
    );
    site.organisations.push({
      actor,
      organisationId: organisation.organisationId,
      registeredAt: at.getTime(),
      cqcRegistered: this.cqcRegistered,
      standing: "interest",
      inCohort: false,
    });
    flow(site, "interest", monthOf(at));
  }
  toString() {
    return `register(${this.siteIndex}, ${this.daysAgo} days ago, cqc ${this.cqcRegistered})`;
  }
}

const mayApply: Standing[] = ["interest", "withdrawn", "not-yet"];

/** An organisation applies, and sends its application some time between registering and now. */
class Apply extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly organisationIndex: number,
    readonly when: number,
    readonly send: boolean,
  ) {
    super(siteIndex);
  }
  organisation(site: SiteModel) {
    return pickWhere(site.organisations, this.organisationIndex, (o) => mayApply.includes(o.standing));
  }
  override applies(site: SiteModel) {
    return this.organisation(site) !== undefined;
  }
  async act(site: SiteModel) {
    const organisation = this.organisation(site) as OrganisationModel;
    const from = organisation.registeredAt;
    const at = new Date(from + (Date.now() - from) * this.when);
    const { siteId, organisationId } = { siteId: site.siteId, organisationId: organisation.organisationId };
    const applicationId = await atTime(at, () =>
      asMember(organisation.actor, siteId, async () => {
        const { application } = await Application.start({ siteId, organisationId });
        const key = { siteId, organisationId, applicationId: application.applicationId };
        if (this.send) {
          for (const [questionId, value] of Object.entries(defaultProcessAnswers)) {
            await Application.saveAnswer({ ...key, questionId, value, version: 0 });
          }
          await Application.submit({ ...key, version: application.version });
        }
        return application.applicationId;
      }),
    );
    organisation.application = { applicationId, reviewed: false };
    organisation.standing = this.send ? "in-review" : "applying";
    if (this.send) flow(site, "submitted", monthOf(at));
  }
  toString() {
    return `apply(${this.siteIndex}, org ${this.organisationIndex}, at ${this.when.toFixed(2)}, send ${this.send})`;
  }
}

const keyOf = (site: SiteModel, organisation: OrganisationModel) => ({
  siteId: site.siteId,
  organisationId: organisation.organisationId,
  applicationId: organisation.application?.applicationId as string,
});

class Withdraw extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly organisationIndex: number,
  ) {
    super(siteIndex);
  }
  organisation(site: SiteModel) {
    return pickWhere(site.organisations, this.organisationIndex, (o) => ["applying", "in-review"].includes(o.standing));
  }
  override applies(site: SiteModel) {
    return this.organisation(site) !== undefined;
  }
  async act(site: SiteModel) {
    const organisation = this.organisation(site) as OrganisationModel;
    const key = keyOf(site, organisation);
    await asMember(organisation.actor, site.siteId, async () =>
      Application.withdraw({ ...key, version: (await Application.read(key)).version }),
    );
    organisation.standing = "withdrawn";
  }
  toString() {
    return `withdraw(${this.siteIndex}, org ${this.organisationIndex})`;
  }
}

/** The site's expert reviews a sent application: scores every criterion (or abstains) and submits. */
class ReviewIt extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly organisationIndex: number,
    readonly scores: (number | null)[],
  ) {
    super(siteIndex);
  }
  organisation(site: SiteModel) {
    return pickWhere(
      site.organisations,
      this.organisationIndex,
      (o) => o.standing === "in-review" && !o.application?.reviewed,
    );
  }
  override applies(site: SiteModel) {
    return this.organisation(site) !== undefined;
  }
  async act(site: SiteModel) {
    const organisation = this.organisation(site) as OrganisationModel;
    const key = keyOf(site, organisation);
    await asMember(site.lead, site.siteId, () =>
      Review.assign({ ...key, reviewerId: site.expert.personId, dueDate: today(daysBefore(-14)) }),
    );
    await asMember(site.expert, site.siteId, async () => {
      const declared = await Review.declare({ ...key, version: (await Review.mine(key)).version, conflict: false });
      let version = declared.version;
      for (const [index, criterion] of (declared.process?.definition.criteria ?? []).entries()) {
        const score = this.scores[index % this.scores.length] ?? null;
        ({ version } = await Review.saveScore({
          ...key,
          version,
          criterionId: criterion.criterionId,
          score,
          comment: "",
        }));
      }
      await Review.submit({ ...key, version });
    });
    (organisation.application as { reviewed: boolean }).reviewed = true;
  }
  toString() {
    return `review(${this.siteIndex}, org ${this.organisationIndex}, ${JSON.stringify(this.scores)})`;
  }
}

class Decide extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly organisationIndex: number,
    readonly outcome: DecisionOutcome,
  ) {
    super(siteIndex);
  }
  organisation(site: SiteModel) {
    return pickWhere(
      site.organisations,
      this.organisationIndex,
      (o) => o.standing === "in-review" && (this.outcome !== "walking-through" || !o.cqcRegistered),
    );
  }
  override applies(site: SiteModel) {
    return this.organisation(site) !== undefined;
  }
  async act(site: SiteModel) {
    const organisation = this.organisation(site) as OrganisationModel;
    const key = keyOf(site, organisation);
    await asMember(site.lead, site.siteId, async () =>
      Decision.decide({
        ...key,
        version: (await Application.read(key)).version,
        outcome: this.outcome,
        rationale: "The panel read every answer and talked it through.",
        conditions: this.outcome === "walking-through" ? ["Register with the regulator."] : [],
        ...(this.outcome === "not-yet" ? { whatWouldChange: "Tell us how people choose who supports them." } : {}),
      }),
    );
    organisation.standing = this.outcome;
    flow(site, `decision:${this.outcome}`, monthOf(new Date()));
    if (this.outcome === "approved" || this.outcome === "walking-through") {
      organisation.inCohort = true;
      add(site.all, "cohort:members");
    }
  }
  toString() {
    return `decide(${this.siteIndex}, org ${this.organisationIndex}, ${this.outcome})`;
  }
}

/** The expert (whose time counts) or the lead (whose time does not) records time on a past day. */
class LogTime extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly byExpert: boolean,
    readonly daysAgo: number,
    readonly quarters: number,
  ) {
    super(siteIndex);
  }
  async act(site: SiteModel) {
    const by = this.byExpert ? site.expert : site.lead;
    const date = today(daysBefore(this.daysAgo));
    const minutes = this.quarters * 15;
    const month = await asMember(by, site.siteId, async () => {
      const before = await ExpertTime.mine({ siteId: site.siteId, month: date.slice(0, 7) });
      const after = await ExpertTime.log({ siteId: site.siteId, date, minutes, activity: "reading" });
      return after.entries.find((entry) => !before.entries.some((old) => old.entryId === entry.entryId));
    });
    if (!month) throw new Error("The time just recorded is not among the month's entries.");
    site.entries.push({ by, date, entryId: month.entryId, version: month.version, minutes, byExpert: this.byExpert });
    if (this.byExpert) flow(site, "expert:minutes", date.slice(0, 7), minutes);
  }
  toString() {
    return `logTime(${this.siteIndex}, expert ${this.byExpert}, ${this.daysAgo} days ago, ${this.quarters}×15)`;
  }
}

class RemoveTime extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly entryIndex: number,
  ) {
    super(siteIndex);
  }
  override applies(site: SiteModel) {
    return site.entries.length > 0;
  }
  async act(site: SiteModel) {
    const entry = pick(site.entries, this.entryIndex) as SiteModel["entries"][number];
    await asMember(entry.by, site.siteId, () =>
      ExpertTime.remove({ siteId: site.siteId, date: entry.date, entryId: entry.entryId, version: entry.version }),
    );
    site.entries.splice(site.entries.indexOf(entry), 1);
    if (entry.byExpert) flow(site, "expert:minutes", entry.date.slice(0, 7), -entry.minutes);
  }
  toString() {
    return `removeTime(${this.siteIndex}, entry ${this.entryIndex})`;
  }
}

const approved = (o: OrganisationModel) => o.standing === "approved" || o.standing === "walking-through";

/** The team takes an approved organisation out of the cohort, or adds it back. */
class ToggleCohort extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly organisationIndex: number,
  ) {
    super(siteIndex);
  }
  organisation(site: SiteModel) {
    return pickWhere(site.organisations, this.organisationIndex, approved);
  }
  override applies(site: SiteModel) {
    return this.organisation(site) !== undefined;
  }
  async act(site: SiteModel) {
    const organisation = this.organisation(site) as OrganisationModel;
    const { siteId, organisationId } = { siteId: site.siteId, organisationId: organisation.organisationId };
    await asMember(site.lead, siteId, async () => {
      if (organisation.inCohort) {
        const member = await Cohort.memberOf(siteId, organisationId);
        await Cohort.remove({ siteId, organisationId, version: member?.version ?? 0, reason: "Taking a break." });
      } else {
        await Cohort.add({ siteId, organisationId, reason: "Back from a break." });
      }
    });
    add(site.all, "cohort:members", organisation.inCohort ? -1 : 1);
    organisation.inCohort = !organisation.inCohort;
  }
  toString() {
    return `toggleCohort(${this.siteIndex}, org ${this.organisationIndex})`;
  }
}

/** The lead pairs a cohort organisation with a person of another approved one in the cohort, some days ago. */
class Pair extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly menteeIndex: number,
    readonly mentorIndex: number,
    readonly daysAgo: number,
  ) {
    super(siteIndex);
  }
  chosen(site: SiteModel) {
    const inCohort = site.organisations.filter((o) => o.inCohort && approved(o));
    const mentee = pick(inCohort, this.menteeIndex);
    const mentor = pick(
      inCohort.filter((o) => o !== mentee && o.standing === "approved"),
      this.mentorIndex,
    );
    return mentee && mentor ? { mentee, mentor } : undefined;
  }
  override applies(site: SiteModel) {
    return this.chosen(site) !== undefined;
  }
  async act(site: SiteModel) {
    const { mentee, mentor } = this.chosen(site) as { mentee: OrganisationModel; mentor: OrganisationModel };
    const at = daysBefore(this.daysAgo);
    const created = await atTime(at, () =>
      asMember(site.lead, site.siteId, () =>
        Mentoring.create({
          siteId: site.siteId,
          menteeOrganisationId: mentee.organisationId,
          mentorPersonId: mentor.actor.personId,
          goals: "Grow slowly, one person at a time.",
        }),
      ),
    );
    site.pairs.push({ pairId: created.pair.pairId, startedOn: today(at), active: true });
    add(site.all, "mentoring:active");
  }
  toString() {
    return `pair(${this.siteIndex}, mentee ${this.menteeIndex}, mentor ${this.mentorIndex}, ${this.daysAgo} days ago)`;
  }
}

class Meet extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly pairIndex: number,
    readonly share: number,
  ) {
    super(siteIndex);
  }
  override applies(site: SiteModel) {
    return site.pairs.some((pair) => pair.active);
  }
  async act(site: SiteModel) {
    const pair = pickWhere(site.pairs, this.pairIndex, (p) => p.active) as SiteModel["pairs"][number];
    const from = Date.parse(`${pair.startedOn}T12:00:00Z`);
    const date = [
      pair.startedOn,
      today(new Date(from + (Date.now() - from) * this.share)),
      today(),
    ].sort()[1] as string;
    await asMember(site.lead, site.siteId, () =>
      Mentoring.logMeeting({ siteId: site.siteId, pairId: pair.pairId, date, minutes: 45, notes: "" }),
    );
    flow(site, "mentoring:meetings", date.slice(0, 7));
  }
  toString() {
    return `meet(${this.siteIndex}, pair ${this.pairIndex}, at ${this.share.toFixed(2)})`;
  }
}

class EndPair extends SiteCommand {
  constructor(
    siteIndex: number,
    readonly pairIndex: number,
  ) {
    super(siteIndex);
  }
  override applies(site: SiteModel) {
    return site.pairs.some((pair) => pair.active);
  }
  async act(site: SiteModel) {
    const pair = pickWhere(site.pairs, this.pairIndex, (p) => p.active) as SiteModel["pairs"][number];
    await asMember(site.lead, site.siteId, async () => {
      const { pair: stored } = await Mentoring.get({ siteId: site.siteId, pairId: pair.pairId });
      await Mentoring.end({ siteId: site.siteId, pairId: pair.pairId, version: stored.version, reason: "Goals met." });
    });
    pair.active = false;
    add(site.all, "mentoring:active", -1);
  }
  toString() {
    return `endPair(${this.siteIndex}, pair ${this.pairIndex})`;
  }
}

/** Reconcile, mid-run: it finds nothing to put right. */
class Check extends SiteCommand {
  async act(site: SiteModel) {
    expect((await Reconcile.reconcileSite(site.siteId, { fix: false })).drift).toEqual([]);
  }
  toString() {
    return `reconcile(${this.siteIndex})`;
  }
}

const site = fc.nat(2);
const index = fc.nat(50);
const commands = [
  fc.tuple(site, fc.nat(500), fc.boolean()).map(([s, days, cqc]) => new Register(s, days, cqc)),
  fc
    .tuple(site, index, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean())
    .map(([s, o, when, send]) => new Apply(s, o, when, send || when > 0.2)),
  fc.tuple(site, index).map(([s, o]) => new Withdraw(s, o)),
  fc
    .tuple(
      site,
      index,
      // The first criterion is always scored: a review that abstains on every one is refused.
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.option(fc.integer({ min: 1, max: 4 }), { freq: 5 }), { maxLength: 5 }),
    )
    .map(([s, o, first, rest]) => new ReviewIt(s, o, [first, ...rest])),
  fc
    .tuple(site, index, fc.constantFrom<DecisionOutcome>("approved", "walking-through", "not-yet", "declined"))
    .map(([s, o, outcome]) => new Decide(s, o, outcome)),
  fc
    .tuple(site, fc.boolean(), fc.nat(360), fc.integer({ min: 1, max: 16 }))
    .map(([s, expert, days, quarters]) => new LogTime(s, expert || days % 3 > 0, days, quarters)),
  fc.tuple(site, index).map(([s, e]) => new RemoveTime(s, e)),
  fc.tuple(site, index).map(([s, o]) => new ToggleCohort(s, o)),
  fc.tuple(site, index, index, fc.nat(300)).map(([s, a, b, days]) => new Pair(s, a, b, days)),
  fc.tuple(site, index, fc.double({ min: 0, max: 1, noNaN: true })).map(([s, p, share]) => new Meet(s, p, share)),
  fc.tuple(site, index).map(([s, p]) => new EndPair(s, p)),
  site.map((s) => new Check(s)),
];

/** Every figure the model counts, as the site's figures items hold it now. */
async function storedFigures(model: SiteModel) {
  const counts = await SiteStats.counts(model.siteId);
  const all = new Map([...model.all.keys()].map((figure) => [figure, counts.get(figure) ?? 0]));
  const years = new Set([...model.monthly.keys()].map((key) => key.split("|")[1]?.slice(0, 4) as string));
  const items = new Map<string, Record<string, unknown>>();
  for (const year of years) {
    const { data } = await db.entities.siteFigures
      .get(SiteStats.figuresKey(model.siteId, year))
      .go({ consistent: true });
    items.set(year, (data ?? {}) as Record<string, unknown>);
  }
  const monthly = new Map(
    [...model.monthly.keys()].map((key) => {
      const [figure, month] = key.split("|") as [string, string];
      const value = items.get(month.slice(0, 4))?.[figureField(figure, month.slice(5, 7))];
      return [key, typeof value === "number" ? value : 0];
    }),
  );
  return { all, monthly };
}

describe("reconcile against a model of thousands of random operations", () => {
  it("finds zero drift in every site after every run, and the figures are the model's", async () => {
    let runs = 0;
    while (operations < targetOperations && runs < 50) {
      runs++;
      await fc.assert(
        fc.asyncProperty(fc.commands(commands, { maxCommands: commandsPerRun, size: "max" }), async (run) => {
          const built = await setup();
          await fc.asyncModelRun(() => built, run);
          const { sites } = built.model;
          const results = await Reconcile.reconcile({ fix: false, siteIds: sites.map((s) => s.siteId) });
          expect(results.flatMap((result) => result.drift)).toEqual([]);
          for (const model of sites) {
            expect(await storedFigures(model)).toEqual({ all: model.all, monthly: model.monthly });
          }
        }),
        { numRuns: 1, endOnFailure: true },
      );
    }
    console.log(`reconcile model: ${operations} operations in ${runs} runs, 3 sites each, zero drift`);
    expect(operations).toBeGreaterThanOrEqual(targetOperations);

    // Not vacuous: a figure nudged behind the services' back is named, and only that one.
    const siteId = `model-${setups}-a`;
    await db.entities.siteFigures
      .update(SiteStats.figuresKey(siteId, "all"))
      .add({ [figureField("interest")]: 1 })
      .go();
    const [tampered] = await Reconcile.reconcile({ fix: false, siteIds: [siteId] });
    expect(tampered?.drift).toEqual([expect.objectContaining({ siteId, item: "all", figure: "interest" })]);
  }, 1_200_000);
});
