import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { expectAccessible, signInAs, usePlatformAndBrowser } from "./platform";

const { newPage } = usePlatformAndBrowser();

const siteNames = [
  "Birmingham and Solihull",
  "Bristol, North Somerset and South Gloucestershire",
  "Cheshire and Merseyside",
  "Devon",
  "Greater Manchester",
  "Kent and Medway",
  "Lancashire and South Cumbria",
  "Norfolk and Waveney",
  "North East and North Cumbria",
  "Nottingham and Nottinghamshire",
  "South East London",
  "West Yorkshire",
];

describe("programme figures", () => {
  it("national staff choose a period, compare two sites and download the comparison as CSV", async () => {
    const { page } = await newPage();
    await signInAs(page, "National partnership staff", 0);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Figures" }).click();
    await page.getByRole("heading", { name: "Sites side by side" }).waitFor();
    const table = page.getByRole("table", { name: /Every site's figures/ });
    await expect.poll(() => table.locator("tbody tr").count()).toBe(12);
    await expectAccessible(page, "programme figures");

    // The period is a radio group; the address keeps it, so the page can be shared or printed.
    await page.getByRole("radio", { name: "All time" }).check();
    await expect.poll(() => new URL(page.url()).searchParams.get("period")).toBe("all");
    await page.getByText("Across all 12 sites, all time").waitFor();

    // Two sites to compare, ticked by keyboard.
    await page.getByText("Sites:").click();
    await page.getByRole("checkbox", { name: "Devon" }).focus();
    await page.keyboard.press("Space");
    await page.getByRole("checkbox", { name: "West Yorkshire" }).check();
    await page.getByText("Across the 2 sites chosen (of 12), all time").waitFor();
    await expect.poll(() => table.locator("tbody tr").count()).toBe(2);
    expect(await table.locator("tbody th").allTextContents()).toEqual(["Devon", "West Yorkshire"]);

    // Sorting by a column says so to a screen reader.
    const approved = table.getByRole("columnheader", { name: /Approved providers/ });
    await approved.getByRole("button").click();
    expect(await approved.getAttribute("aria-sort")).toBe("descending");
    await approved.getByRole("button").click();
    expect(await approved.getAttribute("aria-sort")).toBe("ascending");

    const download = page.waitForEvent("download");
    await page
      .getByRole("region", { name: "Sites side by side" })
      .getByRole("button", { name: "Download CSV" })
      .click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^small-supports-sites-all-time-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await file.path()) ?? "", "utf8");
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\n");
    expect(lines[0]).toMatch(/^Site,Registered interest,/);
    expect(lines.slice(1).map((line) => line.split(",")[0])).toEqual([
      "Devon",
      "West Yorkshire",
      "Programme average per site",
    ]);
    await page.getByText(/^Downloaded small-supports-sites-all-time-/).waitFor();
    await expectAccessible(page, "two sites compared");
  });

  it("a site's lead sees their site beside the programme's average, and no other site", async () => {
    const { page } = await newPage();
    await signInAs(page, "Lancashire and South Cumbria", 0);
    await page.goto("/sites/lancashire-south-cumbria");
    await page.getByRole("navigation", { name: "Site sections" }).getByRole("link", { name: "Figures" }).click();
    await page.getByRole("heading", { name: "Your site and the programme" }).waitFor();
    const table = page.getByRole("table", { name: /Your site's figures/ });
    expect(await table.locator("tbody th").allTextContents()).toEqual(["Lancashire and South Cumbria"]);
    expect(await table.locator("tfoot th").allTextContents()).toEqual(["Programme average per site"]);
    const text = (await page.locator("main").textContent()) ?? "";
    for (const name of siteNames.filter((name) => name !== "Lancashire and South Cumbria")) {
      expect(text).not.toContain(name);
    }
    await expect.poll(() => page.title()).toBe("Figures - Lancashire and South Cumbria - Small Supports");
    await expectAccessible(page, "a site's figures");
  });
});
