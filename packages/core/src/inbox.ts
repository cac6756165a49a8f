import { useActor } from "./actor";
import { today } from "./clock";
import { db } from "./db";
import * as Membership from "./membership";
import * as Organisation from "./organisation";
import * as Review from "./review";

/**
 * What needs a person, in every site they belong to: reviews to declare a conflict on or to score
 * (soonest due first), requests for more information on their organisation's application, and
 * decisions made on it. Worked out from the records each time, so it is never out of step.
 */
export type InboxItem =
  | {
      kind: "declare" | "review";
      siteId: string;
      siteName: string;
      organisationId: string;
      applicationId: string;
      dueDate: string;
      /** Days until due; negative when overdue. */
      dueInDays: number;
    }
  | {
      kind: "information-requested" | "decision";
      siteId: string;
      siteName: string;
      organisationId: string;
      applicationId: string;
      organisationName: string;
      at: string;
    };

/** How long a decision stays in its organisation's inbox. */
export const decisionShownDays = 60;

export async function mine(): Promise<InboxItem[]> {
  const { personId } = useActor();
  const [reviews, sites, organisations] = await Promise.all([
    Review.openFor(personId),
    Membership.sitesOf(personId),
    Organisation.mine(),
  ]);
  const siteNames = new Map(sites.map((member) => [member.siteId, member.siteName]));
  const day = today();
  const items: InboxItem[] = reviews
    // A review in a site the person has since left is no longer theirs to do.
    .filter((review) => siteNames.has(review.siteId))
    .map((review) => ({
      kind: review.state === "declare" ? ("declare" as const) : ("review" as const),
      siteId: review.siteId,
      siteName: siteNames.get(review.siteId) as string,
      organisationId: review.organisationId,
      applicationId: review.applicationId,
      dueDate: review.dueDate,
      dueInDays: Math.round((Date.parse(review.dueDate) - Date.parse(day)) / 86_400_000),
    }));
  const current = organisations.organisations.filter((organisation) => organisation.currentApplicationId);
  if (current.length) {
    const { data } = await db.entities.application
      .get(
        current.map((organisation) => ({
          siteId: organisation.siteId,
          organisationId: organisation.organisationId,
          applicationId: organisation.currentApplicationId as string,
        })),
      )
      .go();
    const shownSince = new Date(Date.parse(day) - decisionShownDays * 86_400_000).toISOString();
    for (const application of data) {
      const organisation = current.find((candidate) => candidate.organisationId === application.organisationId);
      if (!organisation) continue;
      const base = {
        siteId: application.siteId,
        siteName: organisation.siteName,
        organisationId: application.organisationId,
        applicationId: application.applicationId,
        organisationName: organisation.name,
      };
      if (application.openRequestId) {
        items.push({ kind: "information-requested", ...base, at: application.movedAt ?? application.updatedAt });
      } else if (application.status === "decided" && application.decidedAt && application.decidedAt >= shownSince) {
        items.push({ kind: "decision", ...base, at: application.decidedAt });
      }
    }
  }
  return items;
}
