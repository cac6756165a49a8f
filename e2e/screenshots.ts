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
  await page.getByRole("button", { name: "Sign out" }).click();

  await signInAs(page, "Lancashire and South Cumbria", 0);
  await page.getByRole("heading", { name: "My sites" }).waitFor();
  await shot("home-lead");
  await page.getByRole("link", { name: /^Lancashire and South Cumbria/ }).click();
  await page.getByText("(you)").waitFor();
  await shot("site-members");
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
