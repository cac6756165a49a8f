import type { Session } from "./session-labels";

/**
 * Downloads a session as an .ics file for any calendar. Built in the browser from the session on
 * screen; the `ics` library loads only when someone asks, so no page pays for it up front.
 */
export async function downloadCalendar(session: Session, siteName: string, pageUrl: string): Promise<void> {
  const { createEvent } = await import("ics");
  const where = session.format === "online" ? session.link : session.place;
  const { error, value } = createEvent({
    uid: `${session.sessionId}@smallsupports`,
    productId: "smallsupports/cohort",
    title: session.title,
    description: `${session.description}\n\nFor: ${session.audience}\n\n${pageUrl}`,
    location: where,
    url: pageUrl,
    organizer: { name: siteName },
    start: Date.parse(session.startsAt),
    startInputType: "utc",
    startOutputType: "utc",
    end: Date.parse(session.endsAt),
    endInputType: "utc",
    endOutputType: "utc",
    status: session.status === "cancelled" ? "CANCELLED" : "CONFIRMED",
    // Each change the team makes is a new version, so calendars replace the old copy.
    sequence: session.version,
  });
  if (error || !value) throw new Error("We could not make the calendar file. Please try again.");
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([value], { type: "text/calendar;charset=utf-8" }));
  link.download = `${
    session.title
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-|-$/g, "")
      .toLowerCase() || "session"
  }.ics`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 1000);
}
