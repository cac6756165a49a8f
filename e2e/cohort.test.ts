import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { expectAccessible, signInAs, signInForOrganisation, usePlatformAndBrowser } from "./platform";

const { newPage } = usePlatformAndBrowser();

const site = "Devon";
const siteId = "devon";
const title = "Training: safe recruitment with the person";

/** A UK day some weeks ahead, as a date box takes it. */
const weeksAhead = (weeks: number) => new Date(Date.now() + weeks * 7 * 86_400_000).toISOString().slice(0, 10);

/** The element that has focus, as "tag text", to check where focus went. */
const focused = (page: Page) =>
  page.evaluate(
    () => `${document.activeElement?.tagName.toLowerCase()} ${document.activeElement?.textContent?.trim()}`,
  );

/** An organisation in the site's cohort now (not taken out), as the site's lead sees the directory. */
async function activeMemberOf(page: Page, siteName: string, id: string): Promise<string> {
  await signInAs(page, siteName, 0);
  await page.goto(`/sites/${id}/cohort`);
  const active = page.locator(".cohort-member").filter({ has: page.getByRole("button", { name: /^Take out/ }) });
  await active.first().waitFor();
  return ((await active.first().locator("h3").textContent()) ?? "").trim();
}

async function openCohort(page: Page) {
  await page.goto(`/sites/${siteId}/cohort`);
  await page.getByRole("heading", { name: "Sessions coming up" }).waitFor();
  await page.locator(".session-item").first().waitFor();
}

describe("the cohort", () => {
  it("the team schedules a session, two providers book it, one gives up their place and the first waiting gets it", async () => {
    const lead = await newPage();
    await signInAs(lead.page, site, 0);
    await lead.page.getByRole("link", { name: new RegExp(`^${site}`) }).click();
    await lead.page.getByRole("navigation", { name: "Site sections" }).getByRole("link", { name: "Cohort" }).click();
    await lead.page.getByRole("heading", { name: "Sessions coming up" }).waitFor();
    await lead.page.locator(".cohort-member").first().waitFor();
    await expectAccessible(lead.page, "the team's cohort tab");
    const organisations = (await lead.page.locator(".cohort-member h3").allTextContents()).map((name) => name.trim());
    expect(organisations.length).toBeGreaterThanOrEqual(2);

    // Scheduling: refused in plain words when empty, then saved with one place.
    await lead.page.getByRole("button", { name: "Schedule a session" }).click();
    const dialog = lead.page.getByRole("dialog", { name: "Schedule a session" });
    await dialog.getByRole("button", { name: "Schedule session" }).click();
    await dialog.getByText("There is a problem").waitFor();
    await expectAccessible(lead.page, "scheduling a session, with its problems");
    await dialog.getByRole("radio", { name: "Training" }).check();
    await dialog.getByLabel("Title").fill(title);
    await dialog.getByLabel("What happens at it").fill("How to recruit staff with the person and their family.");
    await dialog.getByLabel("The same in easy read").fill("How to find staff with the person.");
    await dialog.getByLabel("Day").fill(weeksAhead(6));
    await dialog.getByLabel("Starts (UK time)").fill("10:00");
    await dialog.getByLabel("Ends (UK time)").fill("12:00");
    await dialog.getByLabel("The place, with its address").fill("Exeter Library, Castle Street");
    await dialog.getByLabel("Step-free access").check();
    await dialog.getByLabel("How many places").fill("1");
    await dialog.getByRole("button", { name: "Schedule session" }).click();
    await lead.page.getByText("The session is scheduled.").waitFor();
    await lead.page.getByRole("heading", { name: title }).waitFor();
    const sessionPath = new URL(lead.page.url()).pathname;
    expect(sessionPath).toMatch(new RegExp(`^/sites/${siteId}/cohort/sessions/[0-9a-f-]{36}$`));
    await expectAccessible(lead.page, "a session's page for the team");

    // The first provider takes the one place; the second joins the waiting list.
    const [firstName, secondName] = organisations as [string, string];
    const first = await newPage();
    await signInForOrganisation(first.page, siteId, firstName);
    await first.page.goto(sessionPath);
    await first.page.getByRole("button", { name: "Book a place" }).click();
    await first.page.getByText("You have a place. Add it to your calendar").waitFor();
    await expectAccessible(first.page, "a session a provider has booked");

    const second = await newPage(360);
    await signInForOrganisation(second.page, siteId, secondName);
    await second.page.goto(sessionPath);
    await second.page.getByRole("button", { name: "Join the waiting list" }).click();
    await second.page.getByText("You are number 1 on the waiting list").first().waitFor();
    await expectAccessible(second.page, "a provider on the waiting list, on a phone");

    // The calendar file downloads with the session in it.
    const download = first.page.waitForEvent("download");
    await first.page.getByRole("button", { name: "Add to my calendar (.ics)" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("training-safe-recruitment-with-the-person.ics");

    // The first gives their place up (asked first); it goes to the second, who is told.
    await first.page.getByRole("button", { name: "Give up my place" }).click();
    await first.page.getByRole("alertdialog").getByRole("button", { name: "Give up my place" }).click();
    await first.page.getByText("You have given up your place.").waitFor();
    await first.page.getByRole("button", { name: "Join the waiting list" }).waitFor();
    await second.page.reload();
    await second.page.getByText("You have a place").first().waitFor();
    const outbox = (await (await second.page.request.get("/api/dev/outbox")).json()) as {
      emails: { subject: string }[];
    };
    expect(outbox.emails.map((email) => email.subject)).toContain(`You have a place at "${title}"`);

    // The team sees who is coming, and the second provider's organisation on its own history.
    await lead.page.reload();
    await lead.page.getByRole("heading", { name: "Who is coming" }).waitFor();
    await lead.page.getByText(secondName).first().waitFor();
    await openCohort(second.page);
    await second.page.getByRole("heading", { name: "Your organisation's sessions" }).waitFor();
    await second.page.locator(".history-list").getByRole("link", { name: title }).waitFor();
    await expectAccessible(second.page, "a provider's cohort page, on a phone");
  });

  it("after a session, the team records who came, and each organisation's attendance moves", async () => {
    const lead = await newPage();
    await signInAs(lead.page, site, 0);
    await openCohort(lead.page);
    await lead.page.getByRole("link", { name: "Peer support: when a month goes wrong" }).click();
    const attendance = lead.page.getByRole("region", { name: "Who came" });
    await attendance.waitFor();
    const ticks = attendance.getByRole("checkbox");
    expect(await ticks.count()).toBeGreaterThanOrEqual(2);
    await ticks.first().check();
    await expectAccessible(lead.page, "recording who came");
    await attendance.getByRole("button", { name: "Save attendance" }).click();
    await lead.page.getByText(/^Attendance saved: 1 of \d+ came\.$/).waitFor();
    await openCohort(lead.page);
    await expect
      .poll(() =>
        lead.page.locator(".session-item").filter({ hasText: "Peer support: when a month goes wrong" }).textContent(),
      )
      .toContain("Attendance recorded");
  });

  it("the team pairs a provider with a mentor, the pair logs a meeting, and the board shows who needs a check-in", async () => {
    const lead = await newPage();
    await signInAs(lead.page, site, 0);
    await openCohort(lead.page);
    await lead.page.locator(".pair-item").first().waitFor();
    await lead.page.getByText(/pairs? needs? a check-in/).waitFor();
    await expect.poll(() => lead.page.locator(".pair-item").first().textContent()).toContain("Needs a check-in");

    await lead.page.getByRole("button", { name: "Pair a provider with a mentor" }).click();
    const dialog = lead.page.getByRole("dialog", { name: "Pair a provider with a mentor" });
    await dialog.getByLabel("The provider to be mentored").waitFor();
    await dialog.getByRole("button", { name: "Pair them" }).click();
    await dialog.getByText("Choose the provider to be mentored.").first().waitFor();
    await expectAccessible(lead.page, "pairing, with its problems");
    const mentee = dialog.getByLabel("The provider to be mentored");
    const menteeName = ((await mentee.locator("option").nth(1).textContent()) ?? "").trim();
    await mentee.selectOption({ index: 1 });
    const mentor = dialog.getByLabel("Their mentor");
    const mentorLabel = ((await mentor.locator("option").nth(1).textContent()) ?? "").trim();
    await mentor.selectOption({ index: 1 });
    await dialog.getByLabel("What they will work on").fill("Plan the first year of growing, one person at a time.");
    await dialog.getByRole("button", { name: "Pair them" }).click();
    await lead.page.getByText("They are paired.").waitFor();
    await lead.page.getByRole("heading", { name: `${menteeName} with ${mentorLabel.split(",")[0]}` }).waitFor();
    const pairPath = new URL(lead.page.url()).pathname;
    await expectAccessible(lead.page, "a new pairing");

    // The mentee's people log their first meeting, with notes only the pair and the team read.
    const mentee1 = await newPage(360);
    await signInForOrganisation(mentee1.page, siteId, menteeName);
    await mentee1.page.goto(pairPath);
    await mentee1.page.getByRole("heading", { name: "Log a meeting" }).waitFor();
    await mentee1.page.getByLabel("How long, in minutes").fill("75");
    await mentee1.page.getByLabel("Notes (optional)").fill("Talked about recruiting with the family.");
    await mentee1.page.getByRole("button", { name: "Log meeting" }).click();
    await mentee1.page.getByText(/^The meeting on .* is logged\.$/).waitFor();
    await mentee1.page.getByText("Talked about recruiting with the family.").waitFor();
    await mentee1.page.getByText("1 hour 15 minutes").first().waitFor();
    await expectAccessible(mentee1.page, "a pairing's meetings, on a phone");

    // The team sees it and can end it with a reason.
    await lead.page.reload();
    await lead.page.getByText("Talked about recruiting with the family.").waitFor();
    await lead.page.getByRole("button", { name: "End this pairing" }).click();
    const ending = lead.page.getByRole("dialog", { name: "End this pairing?" });
    await ending.getByLabel("Why it is ending").fill("Paired by mistake in a test of the platform.");
    await ending.getByRole("button", { name: "End the pairing" }).click();
    await lead.page.getByText("The pairing has ended.").waitFor();
    await lead.page.getByRole("heading", { name: "Log a meeting" }).waitFor({ state: "detached" });
  });

  it("national staff schedule an event for every cohort; providers of two sites book it through their own site; each site's team sees only its own", async () => {
    const eventTitle = "National peer support: growing without losing the person";
    const devonLead = await newPage();
    const devonMember = await activeMemberOf(devonLead.page, site, siteId);
    const yorkshireLead = await newPage();
    const yorkshireMember = await activeMemberOf(yorkshireLead.page, "West Yorkshire", "west-yorkshire");

    const national = await newPage();
    await signInAs(national.page, "National partnership staff", 0);
    await national.page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "National events" })
      .click();
    await national.page.getByRole("heading", { name: "Past events" }).waitFor();
    await national.page.locator(".session-item").first().waitFor();
    await expectAccessible(national.page, "national events");
    await national.page.getByRole("button", { name: "Schedule a national event" }).click();
    const dialog = national.page.getByRole("dialog", { name: "Schedule a national event" });
    await dialog.getByRole("radio", { name: "Peer support" }).check();
    await dialog.getByLabel("Title").fill(eventTitle);
    await dialog
      .getByLabel("What happens at it")
      .fill("Providers from every site talk about growing one person at a time.");
    await dialog.getByLabel("The same in easy read").fill("Providers talk about growing slowly.");
    await dialog.getByLabel("Day").fill(weeksAhead(5));
    await dialog.getByLabel("Starts (UK time)").fill("13:00");
    await dialog.getByLabel("Ends (UK time)").fill("15:00");
    await dialog.getByLabel("The place, with its address").fill("Leeds Civic Hall, Calverley Street");
    await dialog.getByLabel("How many places").fill("10");
    await dialog.getByRole("button", { name: "Schedule session" }).click();
    await national.page.getByText("The event is scheduled.").waitFor();
    await national.page.getByRole("heading", { name: eventTitle }).waitFor();
    const eventId = new URL(national.page.url()).pathname.split("/").pop() ?? "";
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);
    expect(await national.page.title()).toBe(`${eventTitle} - National events - Small Supports`);

    // A Devon provider finds it on their cohort page and books by keyboard; focus stays on the button.
    const devon = await newPage(360);
    await signInForOrganisation(devon.page, siteId, devonMember);
    await devon.page.goto(`/sites/${siteId}/cohort`);
    await devon.page.getByRole("heading", { name: "National events" }).waitFor();
    await devon.page.getByRole("link", { name: eventTitle }).click();
    await devon.page.getByRole("heading", { name: eventTitle }).waitFor();
    expect(await devon.page.title()).toBe(`${eventTitle} - Devon - Small Supports`);
    await devon.page.getByRole("button", { name: "Book a place" }).focus();
    await devon.page.keyboard.press("Enter");
    await devon.page.getByText("You have a place. Add it to your calendar").waitFor();
    await expect.poll(() => focused(devon.page)).toBe("button Give up my place");
    await expectAccessible(devon.page, "a national event a provider has booked, on a phone");

    const yorkshire = await newPage();
    await signInForOrganisation(yorkshire.page, "west-yorkshire", yorkshireMember);
    await yorkshire.page.goto(`/sites/west-yorkshire/cohort/national/${eventId}`);
    await yorkshire.page.getByRole("button", { name: "Book a place" }).click();
    await yorkshire.page.getByText("You have a place.").first().waitFor();

    // National staff see both, by organisation and by site.
    await national.page.reload();
    const bySite = national.page.getByRole("region", { name: "By site" });
    await bySite.getByRole("row", { name: "Devon 1 0" }).waitFor();
    await bySite.getByRole("row", { name: "West Yorkshire 1 0" }).waitFor();
    await national.page.getByRole("region", { name: "Who is coming" }).getByText(devonMember).waitFor();
    await expectAccessible(national.page, "a national event with places from two sites");

    // Devon's team sees only Devon's place.
    await devonLead.page.goto(`/sites/${siteId}/cohort/national/${eventId}`);
    const fromSite = devonLead.page.getByRole("region", { name: "From your site" });
    await fromSite.getByText(devonMember).waitFor();
    expect(await fromSite.getByRole("listitem").count()).toBe(1);
  });

  it("national staff name a national mentor, a site's team pairs a provider with them, and the mentor logs a meeting from home", async () => {
    const mentorName = "Nora Newmentor";
    const national = await newPage();
    await signInAs(national.page, "National partnership staff", 0);
    await national.page.goto("/national/mentors");
    await national.page.getByRole("heading", { name: "On the list" }).waitFor();
    await national.page.locator(".cohort-member").first().waitFor();
    await national.page.getByRole("button", { name: "Name a national mentor" }).click();
    const naming = national.page.getByRole("dialog", { name: "Name a national mentor" });
    await naming.getByRole("button", { name: "Name them" }).click();
    await naming.getByText("There is a problem").waitFor();
    await expectAccessible(national.page, "naming a national mentor, with its problems");
    await naming.getByLabel("Their name").fill(mentorName);
    await naming.getByLabel("Their email address").fill("nora.newmentor@example.org");
    await naming
      .getByLabel("What they bring")
      .fill("Set up a small support with her brother and ran it for eight years.");
    await naming.getByRole("button", { name: "Name them" }).click();
    await national.page.getByText(`${mentorName} is a national mentor.`).waitFor();
    await expectAccessible(national.page, "the national mentors");

    const lead = await newPage();
    await signInAs(lead.page, site, 0);
    await openCohort(lead.page);
    await lead.page.getByRole("button", { name: "Pair a provider with a mentor" }).click();
    const dialog = lead.page.getByRole("dialog", { name: "Pair a provider with a mentor" });
    const mentee = dialog.getByLabel("The provider to be mentored");
    await mentee.locator("option").nth(1).waitFor({ state: "attached" });
    const menteeName = ((await mentee.locator("option").nth(1).textContent()) ?? "").trim();
    await mentee.selectOption({ index: 1 });
    await dialog.getByLabel("Their mentor").selectOption({ label: `${mentorName}, national mentor` });
    await dialog
      .getByLabel("What they will work on")
      .fill("Plan how the organisation grows with the people it supports.");
    await dialog.getByRole("button", { name: "Pair them" }).click();
    await lead.page.getByText("They are paired.").waitFor();
    await lead.page.getByText("National mentor").first().waitFor();

    // The mentor belongs to no site: their home page lists the pairing, where they log a meeting.
    const mentor = await newPage(360);
    await mentor.page.goto("/sign-in");
    await mentor.page
      .getByRole("region", { name: "National mentors" })
      .getByRole("button", { name: mentorName })
      .click();
    await mentor.page.getByRole("heading", { name: "Your mentoring" }).waitFor();
    await mentor.page.getByRole("link", { name: menteeName }).click();
    await mentor.page.getByRole("heading", { name: "Log a meeting" }).waitFor();
    await mentor.page.getByLabel("Notes (optional)").fill("Talked about growing slowly.");
    await mentor.page.getByRole("button", { name: "Log meeting" }).click();
    await mentor.page.getByText(/^The meeting on .* is logged\.$/).waitFor();
    await expectAccessible(mentor.page, "a national mentor's pairing, on a phone");
    await lead.page.reload();
    await lead.page.getByText("Talked about growing slowly.").waitFor();
  });
});
