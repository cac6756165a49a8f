import { describe, expect, it } from "vitest";
import { expectAccessible, signInAs, usePlatformAndBrowser } from "./platform";

const { newPage } = usePlatformAndBrowser();

describe("national partnership staff", () => {
  it("see all twelve sites, add a site and see it listed", async () => {
    const { page, context } = await newPage();
    await signInAs(page, "National partnership staff", 0);
    await page.getByRole("link", { name: "All sites" }).first().click();
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(12);
    await expectAccessible(page, "all sites");

    await page.getByRole("button", { name: "Add a site" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a site" });
    await dialog.getByLabel("Site name").fill("Hampshire and Isle of Wight");
    await dialog.getByLabel("Area").fill("Hampshire, Southampton, Portsmouth and the Isle of Wight");
    expect(await dialog.getByLabel("Web address").inputValue()).toBe("hampshire-and-isle-of-wight");
    await expectAccessible(page, "add site dialog");
    await dialog.getByRole("button", { name: "Add site" }).click();
    await page.getByText("Hampshire and Isle of Wight has been added.").waitFor();
    await expect.poll(() => rows.count()).toBe(13);
    const row = rows.filter({ hasText: "Hampshire and Isle of Wight" });
    expect(await row.getByText("None yet").isVisible()).toBe(true);

    await page.getByRole("button", { name: "Add a site" }).click();
    await dialog.getByLabel("Site name").fill("Hampshire and Isle of Wight");
    await dialog.getByLabel("Area").fill("Again");
    await dialog.getByRole("button", { name: "Add site" }).click();
    await dialog.getByText(/already exists/).waitFor();
    await dialog.getByRole("button", { name: "Cancel" }).click();

    await row.getByRole("link").click();
    await page.getByRole("heading", { name: "Hampshire and Isle of Wight" }).waitFor();
    await expectAccessible(page, "site summary");
    await context.close();
  });
});
