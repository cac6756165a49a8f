import { describe, expect, it } from "vitest";
import { expectAccessible, signInAs, usePlatformAndBrowser } from "./platform";

const { newPage } = usePlatformAndBrowser();

describe("a site project lead", () => {
  it("invites a person, then sees the invitation waiting and in the activity list", async () => {
    const { page, context } = await newPage();
    await page.goto("/sign-in");
    await expectAccessible(page, "sign-in");
    const leadName = await signInAs(page, "Lancashire and South Cumbria", 0);
    await expectAccessible(page, "my sites");

    await page.getByRole("link", { name: /^Lancashire and South Cumbria/ }).click();
    await page.getByText("(you)").waitFor();
    await expectAccessible(page, "site members");

    await page.getByRole("button", { name: "Invite a person" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a person" });
    await dialog.waitFor();
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    const summary = dialog.getByRole("group", { name: "There is a problem" });
    await expect.poll(() => summary.getByText("Enter a name of at least 2 characters.").isVisible()).toBe(true);
    await expectAccessible(page, "invite dialog with errors");

    await dialog.getByLabel("Full name").fill("Morgan Ellis");
    await dialog.getByLabel("Email address").fill("morgan.ellis@example.org");
    await dialog.getByLabel(/Expert by experience/).check();
    await dialog.getByRole("button", { name: "Send invitation" }).click();
    await page.getByText("An invitation has been sent to Morgan Ellis.").waitFor();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    const waiting = page.getByRole("region", { name: "Invitations waiting for an answer" });
    const row = waiting.getByRole("listitem").filter({ hasText: "morgan.ellis@example.org" });
    await expect.poll(() => row.getByText("Expert by experience").isVisible()).toBe(true);
    await expectAccessible(page, "team with invitations waiting");

    await page.getByRole("navigation", { name: "Site sections" }).getByRole("link", { name: "Activity" }).click();
    const newest = page.locator(".activity-item").first();
    await expect.poll(() => newest.textContent()).toContain("Invited Morgan Ellis to join as Expert by experience");
    expect(await newest.textContent()).toContain(leadName);
    await expectAccessible(page, "site activity");
    await context.close();
  });

  it("removes a member only after confirming", async () => {
    const { page, context } = await newPage(360);
    await signInAs(page, "Devon", 0);
    await page.getByRole("link", { name: /^Devon/ }).click();
    await page.getByText("(you)").waitFor();
    const target = page.locator(".member").filter({ hasText: "Provider lead" }).first();
    const name = (await target.locator(".member-name").textContent()) ?? "";
    await target.getByRole("button", { name: /^Remove / }).click();
    const confirm = page.getByRole("alertdialog");
    await confirm.getByRole("button", { name: "Cancel" }).click();
    expect(await page.locator(".member-name", { hasText: name }).count()).toBe(1);

    await target.getByRole("button", { name: /^Remove / }).click();
    await expectAccessible(page, "remove confirmation");
    await page.getByRole("alertdialog").getByRole("button", { name: "Remove" }).click();
    await page.getByText(`${name} has been removed from Devon.`).waitFor();
    await expect.poll(() => page.locator(".member-name", { hasText: name }).count()).toBe(0);
    await context.close();
  });

  it("is returned to sign-in, with a plain message, when the sign-in has expired", async () => {
    const { page, context } = await newPage();
    await signInAs(page, "Devon", 1);
    await page.evaluate(() => localStorage.setItem("smallsupports.token", "expired.token.value"));
    await page.reload();
    await page.getByText("Your sign-in has expired. Please sign in again.").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });
});
