import { Inbox, Membership, Person } from "@smallsupports/core";
import { authed, authedAlongside, router } from "../trpc";

export const meRouter = router({
  /** Who is signed in, and their role in each of their sites. */
  get: authedAlongside(Membership.sitesOf).query(({ ctx }) => ({
    person: ctx.person,
    sites: ctx.alongside.map((member) => ({
      siteId: member.siteId,
      siteName: member.siteName,
      role: member.role,
    })),
  })),
  /** What needs the signed-in person, in every site: reviews, requests for information, decisions. */
  inbox: authed.query(() => Inbox.mine()),
  /** The signed-in person corrects their own name. */
  rename: authed.input(Person.rename.schema).mutation(({ input }) => Person.rename(input)),
});
