import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, signInAs, usePlatformAndBrowser } from "./platform";

const { newPage } = usePlatformAndBrowser();

/** The element that has focus, as "tag text", to check where focus went. */
const focused = (page: Page) =>
  page.evaluate(
    () => `${document.activeElement?.tagName.toLowerCase()} ${document.activeElement?.textContent?.trim()}`,
  );

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
}

/** Signs in as someone invited who has never signed in, as their verified address would. */
async function signInAsInvited(page: Page, name: string) {
  await page.goto("/sign-in");
  await page.getByRole("region", { name: "Invited, not signed in yet" }).getByRole("button", { name }).click();
  await page.getByRole("heading", { name: "You are invited" }).waitFor();
}

describe("national partnership staff", () => {
  it("add a site with its first lead, who joins and invites a team member, who joins too", async () => {
    const { page, context } = await newPage();
    await signInAs(page, "National partnership staff", 0);
    await page.getByRole("link", { name: "All sites" }).first().click();
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(12);
    await expectAccessible(page, "all sites");

    const add = page.getByRole("button", { name: "Add a site" });
    await add.click();
    const dialog = page.getByRole("dialog", { name: "Add a site" });
    await expect.poll(() => focused(page)).toBe("input ");
    await dialog.getByLabel("Site name").fill("Hampshire and Isle of Wight");
    await dialog.getByLabel("Area").fill("Hampshire, Southampton, Portsmouth and the Isle of Wight");
    expect(await dialog.getByLabel("Web address").inputValue()).toBe("hampshire-and-isle-of-wight");
    await dialog.getByLabel("Their full name").fill("Hana Whitlock");
    await dialog.getByLabel("Their email address").fill("Hana.Whitlock@hampshire.example.org");
    await expectAccessible(page, "add site dialog");
    await dialog.getByRole("button", { name: "Add site" }).click();
    await page.getByText("Hampshire and Isle of Wight has been added, and its project lead").waitFor();
    await expect.poll(() => focused(page)).toBe("button Add a site");
    await expect.poll(() => rows.count()).toBe(13);
    const row = rows.filter({ hasText: "Hampshire and Isle of Wight" });
    expect(await row.getByText("None yet").isVisible()).toBe(true);

    // The same address again is refused in plain words, and nothing is added.
    await add.click();
    await dialog.getByLabel("Site name").fill("Hampshire and Isle of Wight");
    await dialog.getByLabel("Area").fill("Again");
    await dialog.getByLabel("Their full name").fill("Someone Else");
    await dialog.getByLabel("Their email address").fill("someone.else@example.org");
    await dialog.getByRole("button", { name: "Add site" }).click();
    await dialog
      .getByText(/already exists/)
      .first()
      .waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => focused(page)).toBe("button Add a site");

    // The site's summary shows the lead's invitation waiting.
    await row.getByRole("link").click();
    await page.getByRole("heading", { name: "Hampshire and Isle of Wight" }).waitFor();
    const leadCard = page.getByRole("region", { name: "Project lead" });
    await leadCard.getByText("Hana Whitlock").waitFor();
    await expectAccessible(page, "site summary with the lead's invitation");
    await signOut(page);

    // The email is on the local outbox page, in both versions.
    await page.getByRole("link", { name: "see the emails the platform has sent" }).click();
    const email = page.locator(".email").filter({ hasText: "hana.whitlock@hampshire.example.org" }).first();
    await email.getByText("You are invited to join Hampshire and Isle of Wight on Small Supports").waitFor();
    await email.getByText("Easy read").click();
    await email.getByText("Your role will be: Project lead.").waitFor();
    await expectAccessible(page, "emails sent");

    // The lead signs in with that address and joins.
    await signInAsInvited(page, "Hana Whitlock");
    await expectAccessible(page, "my sites with an invitation");
    await page.getByRole("button", { name: "Join Hampshire and Isle of Wight" }).click();
    await page.getByRole("heading", { name: "Hampshire and Isle of Wight" }).waitFor();
    await page.getByText("(you)").waitFor();

    // The lead invites a team member; focus comes back to the button that opened the dialog.
    const invite = page.getByRole("button", { name: "Invite a person" });
    await invite.click();
    const inviteDialog = page.getByRole("dialog", { name: "Invite a person" });
    await inviteDialog.getByLabel("Full name").fill("Tomasz Reed");
    await inviteDialog.getByLabel("Email address").fill("tomasz.reed@hampshire.example.org");
    await inviteDialog.getByLabel(/Site team/).check();
    await inviteDialog.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText("An invitation has been sent to Tomasz Reed.").waitFor();
    await expect.poll(() => focused(page)).toBe("button Invite a person");
    await page.getByRole("region", { name: "Invitations waiting for an answer" }).getByText("Tomasz Reed").waitFor();
    await signOut(page);

    // The team member signs in with their address and joins.
    await signInAsInvited(page, "Tomasz Reed");
    await page.getByText("Hana Whitlock").first().waitFor();
    await page.getByRole("button", { name: "Join Hampshire and Isle of Wight" }).click();
    await page.getByRole("heading", { name: "Hampshire and Isle of Wight" }).waitFor();
    const team = page.locator(".member");
    await expect.poll(() => team.count()).toBe(2);
    expect(await page.title()).toBe("Team - Hampshire and Isle of Wight - Small Supports");
    await expectAccessible(page, "the new site's team");
    await context.close();
  });
});
