import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, signInAs, signInForOrganisation, usePlatformAndBrowser } from "./platform";

const { newPage } = usePlatformAndBrowser();

// West Yorkshire's conversation-stage applicant has CQC registration in progress and no reviewers
// yet in the demo: this test gives it a whole panel of its own.
const site = "West Yorkshire";
const siteId = "west-yorkshire";

describe("the experts' panel", () => {
  it("two experts review (one in easy read, keyboard only), the lead approves to walk through, the provider reads the letter and updates the plan", async () => {
    // The lead assigns two experts by experience to the application.
    const lead = await newPage();
    await signInAs(lead.page, site, 0);
    await lead.page.getByRole("link", { name: new RegExp(`^${site}`) }).click();
    await lead.page
      .getByRole("navigation", { name: "Site sections" })
      .getByRole("link", { name: "Applications" })
      .click();
    await lead.page.getByRole("link", { name: /^Conversation/ }).click();
    const applicant = lead.page.getByRole("table").getByRole("link").first();
    const organisationName = (await applicant.textContent())?.trim() ?? "";
    expect(organisationName).not.toBe("");
    await applicant.click();
    const reviewers = lead.page.getByRole("region", { name: "Reviewers" });
    await reviewers.getByRole("button", { name: "Assign a reviewer" }).click();
    const [, organisationId, applicationId] =
      /\/applications\/([^/]+)\/([^/?#]+)/.exec(new URL(lead.page.url()).pathname) ?? [];

    const assigned: string[] = [];
    for (const nth of [0, 1]) {
      const dialog = lead.page.getByRole("dialog", { name: "Assign a reviewer" });
      if (nth > 0) await reviewers.getByRole("button", { name: "Assign a reviewer" }).click();
      const choice = dialog.getByLabel("Reviewer");
      await choice.locator("option", { hasText: "Expert by experience" }).first().waitFor({ state: "attached" });
      const option = choice.locator("option", { hasText: "Expert by experience" }).first();
      const name = ((await option.textContent()) ?? "").split(" – ")[0]?.trim() ?? "";
      await choice.selectOption({ label: (await option.textContent()) ?? "" });
      if (nth === 0) await expectAccessible(lead.page, "assigning a reviewer");
      await dialog.getByRole("button", { name: "Assign reviewer" }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await reviewers.getByText(name).first().waitFor();
      assigned.push(name);
    }
    await expectAccessible(lead.page, "the reviewers");
    const reviewHref = `/reviews/${siteId}/${organisationId}/${applicationId}`;

    // The first expert declares no conflict and scores in the plain view, abstaining on one criterion.
    const first = await newPage();
    await signInByName(first.page, assigned[0] ?? "");
    const firstEntry = first.page.locator(`a[href="${reviewHref}"]`);
    await expect.poll(() => firstEntry.textContent()).toContain("Say if you have a conflict of interest");
    await expectAccessible(first.page, "an expert's inbox");
    await firstEntry.click();
    await first.page.getByRole("heading", { name: "Conflict of interest" }).waitFor();
    await first.page.getByText(organisationName).first().waitFor();
    await expectAccessible(first.page, "declaring a conflict of interest");
    await first.page.getByRole("radio", { name: /^No conflict/ }).check();
    await first.page.getByRole("button", { name: "Confirm" }).click();
    await first.page.getByRole("heading", { name: "Score the application" }).waitFor();
    await expectAccessible(first.page, "scoring in the plain view");
    const criteria = first.page.locator(".criterion");
    const total = await criteria.count();
    expect(total).toBeGreaterThan(2);
    for (let index = 0; index < total; index++) {
      const criterion = criteria.nth(index);
      if (index === 1) {
        await criterion.getByRole("radio", { name: /^I abstain on this one/ }).check();
      } else {
        await criterion
          .getByRole("radio")
          .nth(index % 2 === 0 ? 3 : 2)
          .check();
        if (index === 0) {
          const comment = criterion.getByRole("textbox");
          await comment.fill("Every answer starts from what the person wants.");
          await comment.blur();
        }
      }
      await criterion.getByText("Saved").waitFor();
    }
    await first.page.getByRole("button", { name: "Submit my review" }).click();
    await first.page.getByRole("heading", { name: "Your review" }).waitFor();
    await expectAccessible(first.page, "a submitted review");
    await first.context.close();

    // The second expert uses the keyboard alone, in easy read: one criterion to a screen.
    const second = await newPage(360);
    const { page } = second;
    await signInWithKeyboard(page, assigned[1] ?? "");
    await pressUntilFocused(page, page.locator(`a[href="${reviewHref}"]`));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Conflict of interest" }).waitFor();
    await pressUntilFocused(page, page.getByRole("radio", { name: /^No conflict/ }));
    await page.keyboard.press("Space");
    await pressUntilFocused(page, page.getByRole("button", { name: "Confirm" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Score the application" }).waitFor();
    await pressUntilFocused(page, page.getByRole("button", { name: /^Easy read/ }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Read the answers" }).waitFor();
    await expectAccessible(page, "the easy-read answers");
    await pressUntilFocused(page, page.getByRole("button", { name: "Start scoring" }));
    await page.keyboard.press("Enter");
    for (let index = 0; index < total; index++) {
      const screen = page.getByRole("heading", { name: `Criterion ${index + 1} of ${total}` });
      await screen.waitFor();
      await expect.poll(() => screen.evaluate((heading) => heading === document.activeElement)).toBe(true);
      if (index === 0) await expectAccessible(page, "one criterion in easy read");
      const firstChoice = page.getByRole("radio").first();
      await pressUntilFocused(page, firstChoice);
      // Space chooses the first point; an arrow moves to the next and chooses it.
      await page.keyboard.press("Space");
      if (index % 2 === 0) await page.keyboard.press("ArrowDown");
      await page.keyboard.press("Tab");
      if (index === 0) await page.keyboard.type("They listen to families.");
      await pressUntilFocused(page, page.getByRole("button", { name: /^Next/ }));
      await expect.poll(() => page.getByText("Saved").isVisible()).toBe(true);
      await page.keyboard.press("Enter");
    }
    await page.getByRole("heading", { name: "Check your scores and submit" }).waitFor();
    await expectAccessible(page, "checking scores in easy read");
    await pressUntilFocused(page, page.getByRole("button", { name: "Submit my review" }));
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { name: "Your review" }).waitFor();
    // With their own review in, they see the first expert's comment.
    await page.getByText("Every answer starts from what the person wants.").first().waitFor();
    await second.context.close();

    // The lead reads the panel view, records the agreed view, and approves to walk through.
    await lead.page.reload();
    await lead.page.getByRole("link", { name: "Panel view" }).click();
    await lead.page.getByRole("heading", { name: /^Panel view/ }).waitFor();
    // Side by side: criterion 1 scored 4 and 2; on criterion 2 the abstention is left out of the average.
    const scores = lead.page.getByRole("table").getByRole("row");
    await expect.poll(() => scores.nth(1).locator(".panel-average").textContent()).toBe("3.0");
    expect(await scores.nth(2).getByText("Abstained").isVisible()).toBe(true);
    expect(await scores.nth(2).locator(".panel-average").textContent()).toBe("1.0");
    await lead.page.getByText(/^Criterion 1:/).click();
    await lead.page.getByText("They listen to families.").waitFor();
    await lead.page.getByText("Every answer starts from what the person wants.").waitFor();
    await expectAccessible(lead.page, "the panel view");
    await lead.page
      .getByRole("textbox", { name: "The panel's agreed view" })
      .fill("A careful small provider; registration still under way.");
    await lead.page
      .getByRole("textbox", { name: "Feedback for the provider" })
      .fill("You know each person well. Finish your CQC registration and write down how you plan support.");
    await lead.page.getByRole("button", { name: "Save the panel's view" }).click();
    await lead.page.getByRole("button", { name: "Change them" }).waitFor();
    await lead.page.getByRole("link", { name: "Back to the application" }).click();
    await lead.page.getByRole("button", { name: "Record the decision" }).click();
    const decision = lead.page.getByRole("dialog");
    await decision.getByRole("radio", { name: /^Approved to walk through/ }).check();
    await decision
      .getByLabel("The reasons for the decision")
      .fill("The panel trusts how they work with people; they are not yet registered with the CQC.");
    await decision.getByLabel("Condition 1").fill("Complete CQC registration within six months");
    await expectAccessible(lead.page, "recording a decision");
    await decision.getByRole("button", { name: "Check the decision" }).click();
    await decision.getByRole("heading", { name: "Check the decision before you send it" }).waitFor();
    await decision.getByRole("button", { name: "Send the decision" }).click();
    await expect.poll(() => decision.isVisible()).toBe(false);
    await lead.page.getByText(/The decision has been sent: Approved to walk through/).waitFor();
    await lead.context.close();

    // The provider reads the letter, carrying the panel's feedback, and works on the plan.
    const provider = await newPage();
    await signInForOrganisation(provider.page, siteId, organisationName);
    await provider.page.goto("/");
    await provider.page.getByRole("link", { name: /Read the decision on your application/ }).click();
    await provider.page.getByText("Finish your CQC registration and write down how you plan support.").waitFor();
    await provider.page.getByText("Complete CQC registration within six months").first().waitFor();
    await expectAccessible(provider.page, "the decision letter");
    await provider.page.getByRole("link", { name: /Open your development plan/ }).click();
    await provider.page.getByRole("heading", { name: "Development plan" }).waitFor();
    await expectAccessible(provider.page, "the development plan");
    const goal = provider.page
      .locator("li.goal")
      .filter({ has: provider.page.getByRole("heading", { name: "Complete CQC registration within six months" }) })
      .first();
    await goal.getByRole("button", { name: /^Change/ }).click();
    const goalDialog = provider.page.getByRole("dialog");
    await goalDialog.getByLabel("What we will do").fill("Send the last documents to the CQC this month.");
    await goalDialog.getByLabel("Who is doing it").fill("Our registered manager");
    await goalDialog.getByRole("radio", { name: "In progress" }).check();
    await expectAccessible(provider.page, "changing a goal");
    await goalDialog.getByRole("button", { name: "Save goal" }).click();
    await expect.poll(() => goalDialog.isVisible()).toBe(false);
    await goal.getByText("Send the last documents to the CQC this month.").waitFor();
    await provider.context.close();
  });
});

/** Presses Tab until the element has focus, as a keyboard user would reach it. */
async function pressUntilFocused(page: Page, target: Locator, limit = 80) {
  await target.waitFor();
  for (let step = 0; step < limit; step++) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${target}`);
}

/** Signs in from the sign-in page by a person's name, finding them with the search box and the keyboard. */
async function signInWithKeyboard(page: Page, name: string) {
  await page.goto("/sign-in");
  await pressUntilFocused(page, page.getByLabel("Find a person or site"));
  await page.keyboard.type(name);
  await pressUntilFocused(page, page.getByRole("button", { name: new RegExp(`^${name}`) }).first());
  await page.keyboard.press("Enter");
  await page.getByRole("heading", { name: "My sites" }).waitFor();
}

/** Signs in from the sign-in page by a person's name. */
async function signInByName(page: Page, name: string) {
  await page.goto("/sign-in");
  await page
    .getByRole("button", { name: new RegExp(`^${name}`) })
    .first()
    .click();
  await page.getByRole("heading", { name: "My sites" }).waitFor();
}
