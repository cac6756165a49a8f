import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "./browser";

/**
 * Takes a screenshot of every screen at phone and desktop widths, from a running `pnpm start`:
 *   pnpm --filter @smallsupports/e2e exec tsx screenshots.ts [http://localhost:3000]
 * The PNGs land in .test-artifacts/screenshots/ for a person to look at. Dialogs are taken at the
 * window's size: a whole-page picture would cut the fixed overlay off half way down.
 */
const base = process.argv[2] ?? "http://localhost:3000";
const out = join(import.meta.dirname, "../.test-artifacts/screenshots");
mkdirSync(out, { recursive: true });

const browser = await launchChromium();
for (const width of [360, 1280]) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const shot = (name: string, fullPage = true) =>
    page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage });

  await page.goto(`${base}/sign-in`);
  await page.getByRole("heading", { name: "National partnership staff" }).waitFor();
  await shot("sign-in", false);
  await page.getByLabel("Find a person or site").fill("zzzz");
  await page.getByText("No one matches that search.").waitFor();
  await shot("sign-in-no-match", false);

  await signInAs(page, "National partnership staff", 0);
  await page.getByRole("heading", { name: "My sites" }).waitFor();
  await shot("home-national");
  await page.getByRole("link", { name: "All sites" }).first().click();
  await page.getByRole("table").waitFor();
  await shot("national-sites");
  await page.getByRole("button", { name: "Add a site" }).click();
  await page.getByRole("dialog").waitFor();
  await page.getByRole("button", { name: "Add site" }).click();
  await page.getByText("There is a problem").waitFor();
  await shot("add-site-errors", false);
  await page.getByLabel("Site name").fill("Crème Brûlée Valley");
  await shot("add-site-suggested-address", false);
  await page.keyboard.press("Escape");
  await page.getByRole("link", { name: "Devon", exact: true }).click();
  await page.getByRole("heading", { name: "Devon" }).waitFor();
  await shot("site-summary-national");
  await page.goto("/national/figures");
  await page.getByRole("heading", { name: "Sites side by side" }).waitFor();
  await shot("national-figures");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signInAs(page, "Lancashire and South Cumbria", 0);
  await page.getByRole("heading", { name: "My sites" }).waitFor();
  await shot("home-lead");
  await page.getByRole("link", { name: /^Lancashire and South Cumbria/ }).click();
  await page.getByText("(you)").waitFor();
  await shot("site-members");
  await page.goto("/sites/lancashire-south-cumbria/figures");
  await page.getByRole("heading", { name: "Your site and the programme" }).waitFor();
  await shot("site-figures");
  await page.goto("/sites/lancashire-south-cumbria");
  await page.getByText("(you)").waitFor();
  await page.getByRole("button", { name: "Invite a person" }).click();
  await page.getByRole("dialog").waitFor();
  await shot("invite", false);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await page.getByText("There is a problem").waitFor();
  await shot("invite-errors", false);
  await page.keyboard.press("Escape");
  await page
    .getByRole("button", { name: /^Remove / })
    .last()
    .click();
  await page.getByRole("alertdialog").waitFor();
  await shot("remove-confirm", false);
  await page.keyboard.press("Escape");
  await page.getByRole("navigation", { name: "Site sections" }).getByRole("link", { name: "Activity" }).click();
  await page.getByRole("heading", { name: "Activity" }).waitFor();
  await page
    .getByText(/^Invited /)
    .first()
    .waitFor();
  await shot("site-activity");
  await page.goto(`${base}/national/sites`);
  await page.getByRole("heading", { name: "Only national partnership staff can see all sites" }).waitFor();
  await shot("national-sites-not-staff");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signInAs(page, "Lancashire and South Cumbria", 3);
  await page.getByRole("link", { name: /^Lancashire and South Cumbria/ }).click();
  await page.getByRole("heading", { name: "What happens next" }).waitFor();
  await shot("site-summary-expert");
  await page.getByRole("button", { name: "Sign out" }).click();

  // Invitations, your details and the local emails page.
  await signInAs(page, "Lancashire and South Cumbria", 0);
  await page.getByRole("link", { name: /^Lancashire and South Cumbria/ }).click();
  await page.getByRole("region", { name: "Invitations waiting for an answer" }).waitFor();
  await page.getByRole("region", { name: "Invitations waiting for an answer" }).scrollIntoViewIfNeeded();
  await shot("site-invitations");
  await page.goto(`${base}/account`);
  await page.getByRole("heading", { name: "Your details" }).waitFor();
  await shot("account");

  // The approval process, the board and one application, as the lead.
  await page.goto(`${base}/sites/lancashire-south-cumbria/process`);
  await page.getByRole("heading", { name: "Questions" }).waitFor();
  await shot("process-editor");
  await page.getByRole("button", { name: "Add a question" }).first().click();
  await page.getByRole("dialog").waitFor();
  await shot("process-question-dialog", false);
  await page.keyboard.press("Escape");
  await page.goto(`${base}/sites/lancashire-south-cumbria/applications`);
  await page.getByRole("heading", { name: "Applications" }).waitFor();
  await page
    .getByRole("table")
    .or(page.getByText(/No applications/))
    .first()
    .waitFor();
  await shot("site-board");
  await page.getByRole("link", { name: /^Panel review/ }).click();
  await page.getByRole("link", { name: "Open Door Care Co-operative" }).click();
  await page.getByRole("button", { name: "Move to another stage" }).waitFor();
  await shot("application-review");
  await page.getByRole("button", { name: "Move to another stage" }).click();
  await page.getByRole("dialog").waitFor();
  await shot("move-stage", false);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Sign out" }).click();

  // A provider: their organisation, and the application they are writing.
  await signInForOrganisation(page, "lancashire-south-cumbria", "Lune Valley Living");
  await page.goto(`${base}/`);
  await page.getByRole("heading", { name: "My sites" }).waitFor();
  await shot("home-provider");
  await page
    .getByRole("link", { name: /Lune Valley Living/ })
    .first()
    .click();
  await page.getByRole("link", { name: "Continue your application" }).waitFor();
  await shot("organisation");
  await page.getByRole("link", { name: "Continue your application" }).click();
  await page.getByRole("navigation", { name: "Parts of the form" }).waitFor();
  await shot("application-form");
  await page.getByRole("navigation", { name: "Parts of the form" }).getByText("Check and send").click();
  await page.getByRole("button", { name: "Send my application" }).click();
  await page.getByRole("group", { name: "There is a problem" }).waitFor();
  await shot("application-send-errors");
  await page.getByRole("button", { name: "Sign out" }).click();

  // Panels and decisions, in Lancashire and South Cumbria: the demo's panel-stage application has
  // one review submitted (Dev Young), one part scored (Ellie Gill) and one not yet declared (Ben
  // Hughes). Nothing here is sent, so both widths see the same data.
  const lancashire = "lancashire-south-cumbria";
  const openDoor = await findApplication("Aisha Adams", lancashire, "Open Door Care Co-operative");
  const willowAndOak = await findApplication("Aisha Adams", lancashire, "Willow and Oak Circles CIC");
  const pendle = await findApplication("Aisha Adams", lancashire, "Pendle Circles Ltd");
  const bayHorizons = await findApplication("Aisha Adams", lancashire, "Bay Horizons");
  const reviewOf = (application: ApplicationKey) =>
    `${base}/reviews/${lancashire}/${application.organisationId}/${application.applicationId}`;
  const teamPage = (application: ApplicationKey) =>
    `${base}/sites/${lancashire}/applications/${application.organisationId}/${application.applicationId}`;

  // An expert by experience: what needs them, then their review of the application part scored.
  await signInAsPerson(page, "Ellie Gill");
  await page.goto(`${base}/`);
  await page.getByRole("heading", { name: "What needs you" }).waitFor();
  await page.locator(".inbox-item").first().waitFor();
  await shot("inbox-expert");
  await page.goto(reviewOf(openDoor));
  await page.getByRole("heading", { name: "Score the application" }).waitFor();
  await page.getByRole("heading", { name: "Your scores" }).waitFor();
  await shot("review-scoring");
  await page.getByRole("button", { name: "Easy read" }).first().click();
  await page.locator(".one-at-a-time").waitFor();
  await shot("review-easy-read");
  await page.getByRole("button", { name: "Easy read" }).first().click();
  await page.getByRole("heading", { name: "Your scores" }).waitFor();
  await page.goto(`${base}/sites/${lancashire}/time`);
  await page.getByRole("heading", { name: "Your time" }).first().waitFor();
  await shot("expert-time-expert");

  // The team member who has not said yet whether they have a conflict of interest.
  await signInAsPerson(page, "Ben Hughes");
  await page.goto(reviewOf(openDoor));
  await page.getByRole("heading", { name: "Conflict of interest" }).waitFor();
  await shot("review-declare");
  await page.getByText("I have a conflict", { exact: true }).click();
  await page.getByLabel("What is the conflict?").waitFor();
  await shot("review-declare-conflict");

  // The reviewer who has submitted sees the panel's scores.
  await signInAsPerson(page, "Dev Young");
  await page.goto(reviewOf(openDoor));
  await page.getByRole("heading", { name: "Your review", exact: true }).waitFor();
  await page.getByRole("heading", { name: "Your scores" }).waitFor();
  await shot("review-submitted");

  // The lead: reviewers and their dialogs, asking for information, deciding, the panel view.
  await signInAsPerson(page, "Aisha Adams");
  await page.goto(teamPage(openDoor));
  await page.getByRole("heading", { name: "Reviewers" }).waitFor();
  await page.locator(".reviewer").first().waitFor();
  await page.getByRole("heading", { name: "Reviewers" }).scrollIntoViewIfNeeded();
  await shot("application-reviewers", false);
  await page.getByRole("button", { name: "Assign a reviewer" }).click();
  await page.getByRole("dialog").waitFor();
  await page.getByRole("dialog").getByRole("button").first().waitFor();
  await shot("assign-reviewer", false);
  await page.keyboard.press("Escape");
  await page
    .getByRole("button", { name: /^Change due date for / })
    .first()
    .click();
  await page.getByRole("dialog").waitFor();
  await shot("change-due-date", false);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Ask for more information" }).click();
  await page.getByRole("dialog").waitFor();
  await shot("request-information", false);
  await page.keyboard.press("Escape");
  await page.goto(`${teamPage(openDoor)}/panel`);
  await page.getByRole("heading", { name: "Scores" }).waitFor();
  await shot("panel-view-open-door");
  await page.goto(`${teamPage(willowAndOak)}/panel`);
  await page.getByRole("heading", { name: "Scores" }).waitFor();
  await shot("panel-view");
  await page.goto(teamPage(willowAndOak));
  await page.getByRole("button", { name: "Record the decision" }).click();
  await page.getByRole("dialog").waitFor();
  await shot("decision-dialog", false);
  await page.keyboard.press("Escape");
  await page.goto(teamPage(pendle));
  await page.getByRole("link", { name: "Read the decision letter" }).waitFor();
  await shot("application-review-decided");
  await page.goto(teamPage(bayHorizons));
  await page.getByRole("heading", { name: "Requests for more information" }).waitFor();
  await page.getByText("Loading the requests…").waitFor({ state: "detached" });
  await page.getByRole("heading", { name: "Requests for more information" }).scrollIntoViewIfNeeded();
  await shot("information-request-answered", false);
  await page.goto(`${base}/sites/${lancashire}/applications?stage=decided`);
  await page.getByRole("heading", { name: "Decided", level: 3 }).waitFor();
  await page.getByRole("table").waitFor();
  await shot("board-decided");
  await page.goto(`${base}/sites/${lancashire}/applications?stage=s-decision`);
  await page
    .getByText(/No movement for /)
    .first()
    .waitFor();
  await shot("board-no-movement");
  await page.goto(`${base}/sites/${lancashire}/time`);
  await page.getByRole("heading", { name: "Experts' time" }).waitFor();
  await shot("expert-time-lead");

  // The provider approved to walk through: the letter, the development plan and a goal.
  await signInForOrganisation(page, lancashire, "Pendle Circles Ltd");
  await page.goto(`${base}/`);
  await page.getByRole("heading", { name: "What needs you" }).waitFor();
  await page.locator(".inbox-item, .empty").first().waitFor();
  await shot("inbox-provider");
  await page.goto(`${base}/organisations/${lancashire}/${pendle.organisationId}`);
  await page.getByRole("heading", { name: "Your development plan" }).waitFor();
  await shot("organisation-decided");
  await page.goto(
    `${base}/organisations/${lancashire}/${pendle.organisationId}/applications/${pendle.applicationId}/decision`,
  );
  await page.getByRole("button", { name: "Print this letter" }).waitFor();
  await shot("decision-letter");
  await page.goto(`${base}/organisations/${lancashire}/${pendle.organisationId}/plan`);
  await page.getByRole("heading", { name: "Development plan" }).waitFor();
  await page.locator(".goal-title").first().waitFor();
  await shot("development-plan");
  await page
    .getByRole("button", { name: /^Change / })
    .first()
    .click();
  await page.getByRole("dialog").waitFor();
  await shot("goal-dialog", false);
  await page.keyboard.press("Escape");

  // A provider asked for more information, in Greater Manchester.
  await signInForOrganisation(page, "greater-manchester", "Common Ground");
  await page.goto(`${base}/`);
  await page.getByRole("link", { name: "Answer the site's questions" }).waitFor();
  await shot("inbox-information-requested");
  await page.getByRole("link", { name: "Answer the site's questions" }).click();
  await page.getByRole("heading", { name: "Send your answers back" }).waitFor();
  await shot("application-form-information-requested");
  await page.getByRole("button", { name: "Sign out" }).click();

  // The cohort: the team's tab, scheduling, a full session, recording who came; a provider's view.
  await signInAs(page, "Lancashire and South Cumbria", 0);
  await page.getByRole("heading", { name: "My sites" }).waitFor();
  await page.goto(`${base}/sites/${lancashire}/cohort`);
  await page.getByRole("heading", { name: "Sessions coming up" }).waitFor();
  await page.locator(".session-item").first().waitFor();
  await page.locator(".cohort-member").first().waitFor();
  await shot("cohort-team");
  await page.getByRole("button", { name: "Schedule a session" }).click();
  await page.getByRole("dialog").waitFor();
  await page.getByRole("button", { name: "Schedule session" }).click();
  await page.getByText("There is a problem").waitFor();
  await shot("session-dialog-errors", false);
  await page.keyboard.press("Escape");
  await page.getByRole("link", { name: "Mentoring circle: growing without getting big" }).click();
  await page.getByRole("heading", { name: "Waiting list, first come first served" }).waitFor();
  await shot("session-full-team");
  await page.goto(`${base}/sites/${lancashire}/cohort`);
  await page.getByRole("link", { name: "Peer support: when a month goes wrong" }).click();
  await page.getByRole("heading", { name: "Who came" }).waitFor();
  await shot("session-attendance");
  await signInForOrganisation(page, lancashire, "Heartwood");
  await page.goto(`${base}/sites/${lancashire}`);
  await page.getByRole("link", { name: "Go to the cohort" }).click();
  await page.getByRole("heading", { name: "Your organisation's sessions" }).waitFor();
  await page.getByRole("table").waitFor();
  await page.locator(".cohort-member").first().waitFor();
  await shot("cohort-provider");
  await page.getByRole("link", { name: "Lunch with the Learning Disability Partnership Board" }).first().click();
  await page.getByRole("heading", { name: "Lunch with the Learning Disability Partnership Board" }).waitFor();
  await shot("session-provider");
  await page.goto(`${base}/sites/${lancashire}/cohort`);
  await page.getByRole("link", { name: "National learning day: working alongside families" }).first().click();
  await page.getByRole("heading", { name: "National learning day: working alongside families" }).waitFor();
  await shot("national-event-provider");
  await page.getByRole("button", { name: "Sign out" }).click();

  // National events: the list, one coming up with places from every site, one held.
  await signInAs(page, "National partnership staff", 0);
  await page.getByRole("heading", { name: "My sites" }).waitFor();
  await page.goto(`${base}/national/events`);
  await page.getByRole("heading", { name: "Past events" }).waitFor();
  await page.locator(".session-item").first().waitFor();
  await shot("national-events");
  await page.getByRole("link", { name: "National learning day: working alongside families" }).click();
  await page.getByRole("region", { name: "By site" }).waitFor();
  await shot("national-event");
  await page.goto(`${base}/national/events`);
  await page.getByRole("link", { name: "National networking: a year of small supports" }).click();
  await page.getByRole("heading", { name: "Who came" }).waitFor();
  await shot("national-event-attendance");
  await page.goto(`${base}/national/mentors`);
  await page.locator(".cohort-member").first().waitFor();
  await shot("national-mentors");
  await page.getByRole("button", { name: "Name a national mentor" }).click();
  await page.getByRole("dialog").waitFor();
  await shot("national-mentor-dialog", false);
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Sign out" }).click();

  // A national mentor, who belongs to no site: their pairings, and one of them.
  await signInAs(page, "National mentors", 0);
  await page.getByRole("heading", { name: "Your mentoring" }).waitFor();
  await page.locator(".pair-item").first().waitFor();
  await shot("home-national-mentor");
  await page.locator(".pair-item a").first().click();
  await page.getByRole("heading", { name: "Log a meeting" }).waitFor();
  await shot("national-mentor-pairing");
  await page.getByRole("button", { name: "Sign out" }).click();

  // The public way in, and the local emails page.
  await page.goto(`${base}/apply`);
  await page.getByRole("heading", { name: "Sites taking applications" }).waitFor();
  await shot("open-sites");
  await page.goto(`${base}/apply/devon`);
  await page.getByLabel("Your name").waitFor();
  await shot("register-interest");
  await page.goto(`${base}/dev/outbox`);
  await page.getByRole("heading", { name: "Emails sent" }).waitFor();
  await shot("dev-outbox");
  await context.close();
}
await browser.close();
console.log(`Screenshots saved in ${out}`);

interface DevPerson {
  id: string;
  name: string;
  memberships: { siteId: string; role: string }[];
}

/** Signs in, through the local sign-in API, as a provider who acts for the named organisation. */
async function signInForOrganisation(page: Page, siteId: string, organisation: string) {
  const { people } = (await (await fetch(`${base}/api/dev/people`)).json()) as { people: DevPerson[] };
  const providers = people.filter((p) => p.memberships.some((m) => m.siteId === siteId && m.role === "provider"));
  for (const person of providers) {
    const response = await fetch(`${base}/api/dev/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ personId: person.id }),
    });
    const { token } = (await response.json()) as { token: string };
    const mine = await fetch(`${base}/trpc/organisation.mine`, { headers: { authorization: `Bearer ${token}` } });
    if (!JSON.stringify(await mine.json()).includes(organisation)) continue;
    await page.goto(`${base}/sign-in`);
    await page.evaluate((value) => localStorage.setItem("smallsupports.token", value), token);
    return;
  }
  throw new Error(`No one acts for ${organisation} in ${siteId}.`);
}

async function signInAs(page: Page, group: string, index: number) {
  await page.goto(`${base}/sign-in`);
  const section = page.getByRole("region", { name: group });
  await section.getByRole("button").nth(index).click();
}

interface ApplicationKey {
  organisationId: string;
  applicationId: string;
}

/** A sign-in token for the named person, through the local sign-in API. */
async function tokenFor(name: string): Promise<string> {
  const { people } = (await (await fetch(`${base}/api/dev/people`)).json()) as { people: DevPerson[] };
  const person = people.find((candidate) => candidate.name === name);
  if (!person) throw new Error(`No one called ${name} in the demo.`);
  const response = await fetch(`${base}/api/dev/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ personId: person.id }),
  });
  return ((await response.json()) as { token: string }).token;
}

/** Signs in as the named person, as the sign-in page would. */
async function signInAsPerson(page: Page, name: string) {
  const token = await tokenFor(name);
  await page.goto(`${base}/sign-in`);
  await page.evaluate((value) => localStorage.setItem("smallsupports.token", value), token);
}

/** Finds an organisation's application on its site's board, looking as a member of the site team. */
async function findApplication(teamMember: string, siteId: string, organisation: string): Promise<ApplicationKey> {
  const headers = { authorization: `Bearer ${await tokenFor(teamMember)}` };
  const get = async <T>(path: string, input: unknown) => {
    const response = await fetch(`${base}/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, {
      headers,
    });
    return ((await response.json()) as { result: { data: T } }).result.data;
  };
  const summary = await get<{ columns: { column: string }[] }>("application.boardSummary", { siteId });
  for (const { column } of summary.columns) {
    const board = await get<{ items: (ApplicationKey & { organisationName: string })[] }>("application.board", {
      siteId,
      column,
      limit: 25,
    });
    const found = board.items.find((item) => item.organisationName === organisation);
    if (found) return { organisationId: found.organisationId, applicationId: found.applicationId };
  }
  throw new Error(`${organisation} has no application on the ${siteId} board.`);
}
