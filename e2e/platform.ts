import AxeBuilder from "@axe-core/playwright";
import { freePort } from "@smallsupports/local/dynamo-local";
import { type LocalPlatform, startLocalPlatform } from "@smallsupports/local/platform";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { launchChromium } from "./browser";

/**
 * The whole local platform (in-memory DynamoDB Local, seeded) and Debian's Chromium, started once
 * per test file. Each test gets a fresh browser context, so no sign-in leaks between tests.
 */
export function usePlatformAndBrowser() {
  const state: { platform?: LocalPlatform; browser?: Browser } = {};
  beforeAll(async () => {
    state.platform = await startLocalPlatform({ port: await freePort(), log: () => {} });
    // Chromium starts while the demo data is written; tests begin once it is complete.
    state.browser = await launchChromium();
    await state.platform.ready;
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.platform?.stop();
  });

  async function newPage(width = 1280): Promise<{ page: Page; context: BrowserContext }> {
    if (!state.browser || !state.platform) throw new Error("Started in beforeAll.");
    const context = await state.browser.newContext({ viewport: { width, height: 900 }, baseURL: state.platform.url });
    const page = await context.newPage();
    page.on("pageerror", (error) => {
      throw error;
    });
    return { page, context };
  }

  return { newPage };
}

/** Signs in from the sign-in page by choosing the nth person listed under a group heading. */
export async function signInAs(page: Page, group: string, index = 0): Promise<string> {
  await page.goto("/sign-in");
  const button = page.getByRole("region", { name: group }).getByRole("button").nth(index);
  const name = (await button.locator(".person-name").textContent()) ?? "";
  await button.click();
  await page.getByRole("heading", { name: "My sites" }).waitFor();
  return name;
}

/** No WCAG 2.2 A or AA violation that axe can find, of any impact, on the page as it stands. */
export async function expectAccessible(page: Page, label: string) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const violations = results.violations.map(
    (violation) => `${violation.id} (${violation.impact}): ${violation.help} (${violation.nodes.length} on ${label})`,
  );
  expect(violations).toEqual([]);
}

/**
 * Signs in as a provider who acts for the named organisation: the sign-in page lists people by
 * site and role only, so this asks the local sign-in API which provider's organisation it is.
 */
export async function signInForOrganisation(page: Page, siteId: string, organisation: string) {
  const { people } = (await (await page.request.get("/api/dev/people")).json()) as {
    people: { id: string; memberships: { siteId: string; role: string }[] }[];
  };
  const providers = people.filter((p) => p.memberships.some((m) => m.siteId === siteId && m.role === "provider"));
  for (const person of providers) {
    const signIn = await page.request.post("/api/dev/sign-in", { data: { personId: person.id } });
    const { token } = (await signIn.json()) as { token: string };
    const mine = await page.request.get("/trpc/organisation.mine", { headers: { authorization: `Bearer ${token}` } });
    if (!(await mine.text()).includes(organisation)) continue;
    await page.goto("/sign-in");
    await page.evaluate((value) => localStorage.setItem("smallsupports.token", value), token);
    return;
  }
  throw new Error(`No one acts for ${organisation} in ${siteId}.`);
}
