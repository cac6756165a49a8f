import { Inbox, Membership, NationalMentor, Person } from "@smallsupports/core";
import { authed, authedAlongside, router } from "../trpc";

/** The caller's sites and whether they are a national mentor, read side by side. */
const sitesAndMentoring = async (personId: string) => {
  const [sites, nationalMentor] = await Promise.all([Membership.sitesOf(personId), NationalMentor.isNamed(personId)]);
  return { sites, nationalMentor };
};

export const meRouter = router({
  /** Who is signed in, their role in each of their sites, and whether they are a national mentor. */
  get: authedAlongside(sitesAndMentoring).query(({ ctx }) => ({
    person: ctx.person,
    nationalMentor: ctx.alongside.nationalMentor,
    sites: ctx.alongside.sites.map((member) => ({
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
