import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { launchChromium } from "./browser";

/**
 * Takes a screenshot of every screen at phone and desktop widths, from a running `pnpm start`:
 *   pnpm --filter @smallsupports/e2e exec tsx screenshots.ts [http://localhost:3000]
 * The PNGs land in .test-artifacts/screenshots/ for a person to look at.
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

  await signInAs(page, "National partnership staff", 0);
  await page.getByRole("heading", { name: "My sites" }).waitFor();
  await shot("home-national");
  await page.getByRole("link", { name: "All sites" }).first().click();
  await page.getByRole("table").waitFor();
  await shot("national-sites");
  await page.getByRole("button", { name: "Add a site" }).click();
  await page.getByRole("dialog").waitFor();
  await page.getByRole("button", { name: "Add site" }).click();
  await page.getByText("Enter a site name").waitFor();
  await shot("add-site-errors");
  await page.keyboard.press("Escape");
  await page.getByRole("button", { name: "Sign out" }).click();

  await signInAs(page, "Lancashire and South Cumbria", 0);
  await page.getByRole("heading", { name: "My sites" }).waitFor();
  await shot("home-lead");
  await page.getByRole("link", { name: /Lancashire and South Cumbria/ }).click();
  await page.getByText("(you)").waitFor();
  await shot("site-members");
  await page.getByRole("button", { name: "Invite a person" }).click();
  await page.getByRole("dialog").waitFor();
  await shot("invite");
  await page.keyboard.press("Escape");
  await page
    .getByRole("button", { name: /^Remove / })
    .last()
    .click();
  await page.getByRole("alertdialog").waitFor();
  await shot("remove-confirm");
  await page.keyboard.press("Escape");
  await page.getByRole("tab", { name: "Activity" }).click();
  await page.getByRole("heading", { name: "Activity" }).waitFor();
  await page
    .getByText(/^Invited /)
    .first()
    .waitFor();
  await shot("site-activity");
  await context.close();
}
await browser.close();
console.log(`Screenshots saved in ${out}`);

async function signInAs(page: Page, group: string, index: number) {
  await page.goto(`${base}/sign-in`);
  const section = page.getByRole("region", { name: group });
  await section.getByRole("button").nth(index).click();
}
