import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, signInAs, usePlatformAndBrowser } from "./platform";

const { newPage } = usePlatformAndBrowser();

/** What has focus, described well enough to tell controls apart. */
function focused(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return "nothing";
    return `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ""} ${element.textContent?.trim() ?? ""}`;
  });
}

describe("the basics of a usable app", () => {
  it("gives every page its own title, and focus to its heading after a navigation", async () => {
    const { page, context } = await newPage();
    await page.goto("/sign-in");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(await page.title()).toBe("Sign in - Small Supports");
    // The first page a person opens keeps the browser's own focus.
    expect(await focused(page)).toBe("nothing");

    await signInAs(page, "Lancashire and South Cumbria", 0);
    await expect.poll(() => page.title()).toBe("My sites - Small Supports");
    await expect.poll(() => focused(page)).toMatch(/^h1 Hello, /);

    await page.getByRole("link", { name: /^Lancashire and South Cumbria/ }).click();
    await expect.poll(() => page.title()).toBe("Team - Lancashire and South Cumbria - Small Supports");
    await expect.poll(() => focused(page)).toBe("h1 Lancashire and South Cumbria");
    const tabs = page.getByRole("navigation", { name: "Site sections" });
    expect(await tabs.getByRole("link", { name: "Team" }).getAttribute("aria-current")).toBe("page");

    const activityTab = tabs.getByRole("link", { name: "Activity" });
    await activityTab.focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.title()).toBe("Activity - Lancashire and South Cumbria - Small Supports");
    expect(new URL(page.url()).pathname).toBe("/sites/lancashire-south-cumbria/activity");
    expect(await activityTab.getAttribute("aria-current")).toBe("page");
    // A tab keeps focus: the heading above it stayed, so there is nowhere new to start from.
    expect(await focused(page)).toBe("a Activity");
    await page.locator(".activity-item").first().waitFor();
    await expectAccessible(page, "activity tab");

    await page.goBack();
    await expect.poll(() => page.title()).toBe("Team - Lancashire and South Cumbria - Small Supports");

    await page.goto("/no/such/page");
    await expect.poll(() => page.title()).toBe("Page not found - Small Supports");
    await context.close();
  });

  it("sends the web app's scripts and styles compressed, as a slow phone needs them", async () => {
    const { page, context } = await newPage();
    const encodings = new Map<string, string>();
    page.on("response", async (response) => {
      if (/\/assets\/.+\.(js|css)$/.test(response.url())) {
        encodings.set(response.url(), (await response.allHeaders())["content-encoding"] ?? "none");
      }
    });
    await page.goto("/sign-in");
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    expect(encodings.size).toBeGreaterThan(0);
    expect(new Set(encodings.values())).toEqual(new Set(["br"]));
    await context.close();
  });

  it("titles the pages national staff see", async () => {
    const { page, context } = await newPage();
    await signInAs(page, "National partnership staff", 0);
    await page.getByRole("link", { name: "All sites" }).first().click();
    await expect.poll(() => page.title()).toBe("All sites - Small Supports");
    await page.getByRole("link", { name: "Devon", exact: true }).click();
    // National staff see a site's summary, not its team.
    await expect.poll(() => page.title()).toBe("Devon - Small Supports");
    expect(await page.getByRole("navigation", { name: "Site sections" }).count()).toBe(0);
    await context.close();
  });

  it("opens the invite dialog on its first field and gives focus back when it closes", async () => {
    const { page, context } = await newPage();
    await signInAs(page, "Greater Manchester", 0);
    await page.getByRole("link", { name: /^Greater Manchester/ }).click();
    const invite = page.getByRole("button", { name: "Invite a person" });
    const dialog = page.getByRole("dialog", { name: "Invite a person" });

    await invite.focus();
    await page.keyboard.press("Enter");
    await dialog.waitFor();
    await expect.poll(() => focused(page)).toBe("input#invite-name ");
    await expectAccessible(page, "invite dialog");
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog.count()).toBe(0);
    await expect.poll(() => focused(page)).toBe("button Invite a person");

    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect.poll(() => focused(page)).toBe("button Invite a person");

    await page.keyboard.press("Enter");
    await dialog.getByRole("button", { name: "Close" }).click();
    await expect.poll(() => focused(page)).toBe("button Invite a person");
    await context.close();
  });

  it("sums up what is wrong with a form, with links to each field", async () => {
    const { page, context } = await newPage(360);
    await signInAs(page, "West Yorkshire", 0);
    await page.getByRole("link", { name: /^West Yorkshire/ }).click();
    await page.getByRole("button", { name: "Invite a person" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a person" });
    await dialog.getByRole("button", { name: "Send invitation" }).click();

    const summary = dialog.getByRole("group", { name: "There is a problem" });
    await summary.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe("error-summary");
    const links = summary.getByRole("link");
    expect(await links.count()).toBe(3);
    expect(await links.first().getAttribute("href")).toBe("#invite-name");
    // Each problem is also shown beside its field.
    expect(await dialog.getByText("Enter a name of at least 2 characters.").count()).toBe(2);
    await expectAccessible(page, "invite dialog with an error summary");

    await links.first().click();
    await expect.poll(() => focused(page)).toBe("input#invite-name ");
    await links.last().click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("invite-role");

    // Each field says its limit, and holds no more.
    expect(await dialog.getByText("Up to 100 characters.").isVisible()).toBe(true);
    expect(await dialog.getByLabel("Full name").getAttribute("maxlength")).toBe("100");
    expect(await dialog.getByLabel("Email address").getAttribute("maxlength")).toBe("254");
    await context.close();
  });

  it("asks before removing someone, starting on Cancel, and keeps focus on the list", async () => {
    const { page, context } = await newPage();
    await signInAs(page, "Devon", 0);
    await page.getByRole("link", { name: /^Devon/ }).click();

    // Changing a role: the list redraws the row, and focus goes to the same button in it.
    const changeButton = page
      .locator(".member")
      .filter({ hasText: "Site team" })
      .first()
      .getByRole("button", {
        name: /^Change role/,
      });
    const changeId = await changeButton.getAttribute("id");
    await changeButton.click();
    const change = page.getByRole("dialog", { name: /^Change .*'s role$/ });
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("change-role-team");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(changeId);
    await page.keyboard.press("Enter");
    await change.getByLabel(/Expert by experience/).check();
    await expectAccessible(page, "change role dialog");
    await change.getByRole("button", { name: "Save role" }).click();
    await page.getByText(/is now Expert by experience\./).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(changeId);
    const row = page.locator(".member").filter({ hasText: "Provider lead" }).first();
    const name = (await row.locator(".member-name bdi").textContent()) ?? "";
    const remove = row.getByRole("button", { name: `Remove ${name}` });

    await remove.focus();
    await page.keyboard.press("Enter");
    const confirm = page.getByRole("alertdialog", { name: `Remove ${name}?` });
    await confirm.waitFor();
    await expect.poll(() => focused(page)).toBe("button Cancel");
    await expectAccessible(page, "remove confirmation");
    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toMatch(/^button#remove-.* Remove$/);

    await page.keyboard.press("Enter");
    await confirm.getByRole("button", { name: "Remove" }).click();
    await page.getByText(`${name} has been removed from Devon.`).waitFor();
    // The row has gone with its button, so focus goes to the list's heading.
    await expect.poll(() => focused(page)).toBe("h2#members-heading Team and members");
    await context.close();
  });

  it("reads out the sign-in filter's result", async () => {
    const { page, context } = await newPage();
    await page.goto("/sign-in");
    const status = page.locator("p[role=status].filter-result");
    await status.waitFor({ state: "attached" });
    expect(await status.textContent()).toBe("");

    await page.getByLabel("Find a person or site").fill("Devon");
    await expect.poll(() => status.textContent()).toMatch(/^\d+ people match\.$/);
    await page.getByLabel("Find a person or site").fill("zzzz");
    await expect.poll(() => status.textContent()).toBe("No one matches that search.");
    await expectAccessible(page, "sign-in with no match");
    await context.close();
  });

  it("shows a lead who opens all sites a plain page with a way home, and no button they cannot use", async () => {
    const { page, context } = await newPage();
    await signInAs(page, "Devon", 0);
    await page.goto("/national/sites");
    await page.getByRole("heading", { name: "Only national partnership staff can see all sites" }).waitFor();
    expect(await page.title()).toBe("Only national partnership staff can see all sites - Small Supports");
    expect(await page.getByRole("button", { name: "Add a site" }).count()).toBe(0);
    expect(await page.getByRole("table").count()).toBe(0);
    expect(await page.getByRole("main").getByRole("link", { name: "Go to my sites" }).isVisible()).toBe(true);
    await expectAccessible(page, "all sites for a lead");
    await context.close();
  });

  it("tells an expert by experience what happens next", async () => {
    const { page, context } = await newPage(360);
    await signInAs(page, "Kent and Medway", 3);
    await page.getByRole("link", { name: /^Kent and Medway/ }).click();
    const next = page.getByRole("region", { name: "What happens next" });
    await next.waitFor();
    expect(await next.textContent()).toContain("The project lead will ask you to review applications");
    expect(await next.textContent()).toMatch(/Your project lead is .+\./);
    expect(await page.getByText(/^The site has 1 project lead, 2 site team members/).isVisible()).toBe(true);
    expect(await page.title()).toBe("Kent and Medway - Small Supports");
    // Their tabs would only be refused, so they are not shown, and an Activity link leads to the summary.
    expect(await page.getByRole("navigation", { name: "Site sections" }).count()).toBe(0);
    await expectAccessible(page, "site summary for an expert");
    await page.goto("/sites/kent-medway/activity");
    await expect.poll(() => new URL(page.url()).pathname).toBe("/sites/kent-medway");
    await context.close();
  });

  it("suggests a web address from any name, and keeps it in lower case", async () => {
    const { page, context } = await newPage();
    await signInAs(page, "National partnership staff", 1);
    await page.goto("/national/sites");
    await page.getByRole("button", { name: "Add a site" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a site" });
    const address = dialog.getByLabel("Web address");
    await expect.poll(() => focused(page)).toBe("input#add-site-name ");
    for (const [name, suggestion] of [
      ["Crème Brûlée Valley", "creme-brulee-valley"],
      ["Ōtautahi", "otautahi"],
      ["Кардифф", "kardiff"],
      ["Straße", "strasse"],
    ]) {
      await dialog.getByLabel("Site name").fill(name as string);
      expect(await address.inputValue()).toBe(suggestion);
    }
    // Cut at 60 characters, where this name has a hyphen, which is dropped.
    await dialog.getByLabel("Site name").fill("North East and North Cumbria and Cheshire and Merseyside by the sea");
    expect(await address.inputValue()).toBe("north-east-and-north-cumbria-and-cheshire-and-merseyside-by");
    await address.fill("");
    await address.pressSequentially("North-West");
    expect(await address.inputValue()).toBe("north-west");
    await context.close();
  });

  it("moves focus to the first new row after showing more", async () => {
    const { page, context } = await newPage();
    await signInAs(page, "National partnership staff", 2);
    // Fourteen more sites make 26, one more than the first page holds.
    await page.evaluate(async () => {
      const token = localStorage.getItem("smallsupports.token");
      for (let n = 1; n <= 14; n++) {
        const response = await fetch("/trpc/site.create", {
          method: "POST",
          headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
          body: JSON.stringify({
            siteId: `zz-extra-${n}`,
            name: `Extra site ${n}`,
            area: "Somewhere in England",
            lead: { name: `Extra Lead ${n}`, email: `extra.lead.${n}@example.org` },
          }),
        });
        if (!response.ok) throw new Error(await response.text());
      }
    });
    await page.goto("/national/sites");
    const rows = page.locator("tbody tr");
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByRole("button", { name: "Show more sites" }).click();
    await expect.poll(() => rows.count()).toBe(26);
    // The button has gone, as there is nothing more; focus is on the row that came in.
    expect(await page.getByRole("button", { name: "Show more sites" }).count()).toBe(0);
    await expect.poll(() => page.evaluate(() => document.activeElement?.tagName)).toBe("TR");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toContain("Extra site 9");
    await context.close();
  });
});
