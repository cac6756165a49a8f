import { describe, expect, it } from "vitest";
import { expectAccessible, signInAs, usePlatformAndBrowser } from "./platform";

const { newPage } = usePlatformAndBrowser();

const site = "Greater Manchester";

describe("provider approval", () => {
  it("a new provider registers interest, completes the profile and applies; the lead moves it to panel review", async () => {
    const { page, context } = await newPage();

    // The way in: the public list of sites taking applications, from the sign-in page.
    await page.goto("/sign-in");
    await page.getByRole("link", { name: /sites taking applications/i }).click();
    await page.getByRole("heading", { name: "Sites taking applications" }).waitFor();
    await expectAccessible(page, "sites taking applications");
    const card = page
      .locator("li, article, section")
      .filter({ has: page.getByRole("heading", { name: site }) })
      .first();
    await card.getByRole("link", { name: /Register interest/ }).click();

    // Sign up: a name and an address, with the privacy notice beside them.
    await page.getByRole("heading", { name: `Register interest in ${site}` }).waitFor();
    await page.getByText("What we keep and why").first().waitFor();
    await page.getByLabel("Your name").fill("Robin Newcombe");
    await page.getByLabel("Your email address").fill("robin@fieldgate.example.org");
    await page.getByRole("button", { name: "Continue" }).click();

    // The organisation's profile.
    await page.getByLabel("Legal name").waitFor();
    await expectAccessible(page, "registering an organisation");
    await page.getByLabel("Legal name").fill("Fieldgate Support CIC");
    await page.getByLabel("Area").fill("Salford");
    await page.getByLabel("Year your organisation started").fill("2024");
    await page.getByLabel("How many people do you support now?").fill("2");
    await page.getByRole("radio", { name: /Registration in progress/ }).check();
    await page
      .getByLabel("What makes your organisation different?")
      .fill("We support two people we have known for years.");
    await page.getByRole("button", { name: "Register interest" }).click();

    // The organisation's page: start the application.
    await page.getByRole("heading", { name: /Fieldgate Support CIC/ }).waitFor();
    await expectAccessible(page, "the organisation's page");
    await page.getByRole("button", { name: "Start your application" }).click();
    await page.getByRole("navigation", { name: "Parts of the form" }).waitFor();
    await expectAccessible(page, "the application form");

    // Page 1: one answer through the easy-read view; the other required one left empty for now.
    const howStarted = page.locator("textarea").first();
    await page
      .getByRole("button", { name: /^Easy read/ })
      .nth(1)
      .click();
    await page.getByText("How did you start? Why did you start?").waitFor();
    await howStarted.fill("A parent and a support worker started us for one young man.");
    await howStarted.blur();
    await page.getByText("Saved").first().waitFor();

    // Page 2: the values questions.
    await page.getByRole("button", { name: /^Next/ }).click();
    const answers = page.locator("textarea");
    await answers.first().waitFor();
    const texts = [
      "The person decides what a good day looks like.",
      "We moved a rota around one man's football season.",
      "We are small on purpose.",
    ];
    for (const [index, text] of texts.entries()) {
      await answers.nth(index).fill(text);
      await answers.nth(index).blur();
    }
    await expect.poll(() => page.getByText("Saved").count()).toBeGreaterThanOrEqual(3);

    // Check and send: the missing answer on page 1 is caught, named and linked.
    await page.getByRole("button", { name: /^Next: Check and send/ }).click();
    await page.getByRole("button", { name: "Send my application" }).click();
    const summary = page.getByRole("group", { name: "There is a problem" });
    await summary.waitFor();
    await expectAccessible(page, "the error summary");
    await summary.getByRole("link").first().click();
    await page.getByRole("radio", { name: /^1 to 5 people/ }).check();
    await page.getByText("Saved").first().waitFor();
    await page.getByRole("navigation", { name: "Parts of the form" }).getByText("Check and send").click();
    await page.getByRole("button", { name: "Send my application" }).click();
    await page.getByRole("heading", { name: /sent/i }).first().waitFor();
    await expectAccessible(page, "the application sent");
    await context.close();

    // The site's lead finds it on the board and moves it to panel review.
    const lead = await newPage();
    await signInAs(lead.page, site, 0);
    await lead.page
      .getByRole("link", { name: new RegExp(site) })
      .first()
      .click();
    await lead.page
      .getByRole("navigation", { name: "Site sections" })
      .getByRole("link", { name: "Applications" })
      .click();
    await lead.page
      .getByRole("link", { name: /^Application\b/ })
      .first()
      .click();
    const row = lead.page.getByRole("link", { name: "Fieldgate Support CIC" });
    await row.waitFor();
    await expectAccessible(lead.page, "the site board");
    await row.click();
    await lead.page.getByRole("heading", { name: "Fieldgate Support CIC" }).waitFor();
    await expectAccessible(lead.page, "reviewing an application");
    await lead.page.getByRole("button", { name: "Move to another stage" }).click();
    const dialog = lead.page.getByRole("dialog");
    await dialog.getByRole("radio", { name: /Experts' panel/ }).check();
    await expectAccessible(lead.page, "the move dialog");
    await dialog.getByRole("button", { name: /^Move/ }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => lead.page.getByText("Experts' panel").first().isVisible()).toBe(true);
    await lead.context.close();
  });
});
