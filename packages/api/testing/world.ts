import { Application, Invitation, NationalMentor, Organisation, Person } from "@smallsupports/core";
import { type Actor, systemActor, withActor } from "@smallsupports/core/actor";
import type { SiteRole } from "@smallsupports/core/role";
import {
  addSiteWithLead,
  asMember,
  inviteAndJoin,
  publishAndOpen,
  signUpAndRegister,
} from "@smallsupports/core/seeding";

/**
 * A small world for API tests: three sites with every role, built the way people build it (a
 * site added with its lead's invitation, people invited who sign in and join), so statistics and
 * audit events are as real as the demo's. Small on purpose: the trust suite digests and attacks
 * it thousands of times, and the demo seed is the local launcher's business, not the API's.
 */
export const worldSites = [
  { siteId: "alder-vale", name: "Alder Vale", area: "Alder Vale ICB" },
  { siteId: "birch-moor", name: "Birch Moor", area: "Birch Moor and District" },
  { siteId: "cedar-coast", name: "Cedar Coast", area: "Cedar Coast ICB" },
] as const;

/** Each site's people, in the order they join; the lead is invited with the site. */
export const worldTeamShape: SiteRole[] = ["lead", "team", "team", "expert", "expert", "provider", "provider"];

const firstNames = ["Ada", "Bram", "Cleo", "Dara", "Esme", "Finn", "Gwen", "Hal", "Iris", "Jude", "Kit"];
const lastNames = ["Ashdown", "Brightwell", "Colby", "Dunmore", "Elwood", "Fairley", "Greaves"];

/** A distinct invented name for the nth person of the world. */
export const worldName = (n: number) =>
  `${firstNames[n % firstNames.length]} ${lastNames[Math.floor(n / firstNames.length) % lastNames.length]}`;
export const worldEmail = (name: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@world.example.org`;

export async function buildWorld(): Promise<void> {
  const national = await withActor(systemActor, () =>
    Person.addNational({ name: "Nell National", email: "nell.national@national.example.org" }),
  );
  await withActor(systemActor, () =>
    Person.addNational({ name: "Noor National", email: "noor.national@national.example.org" }),
  );
  const nationalActor: Actor = { personId: national.personId, national: true };

  const leads: Actor[] = [];
  for (const [siteIndex, site] of worldSites.entries()) {
    const person = (roleIndex: number) => {
      const name = worldName(siteIndex * worldTeamShape.length + roleIndex);
      return { name, email: worldEmail(name) };
    };
    const lead = await addSiteWithLead(nationalActor, site, person(0));
    leads.push(lead);
    const providers: Actor[] = [];
    for (const [roleIndex, role] of worldTeamShape.entries()) {
      if (roleIndex === 0) continue;
      const member = await inviteAndJoin(lead, { siteId: site.siteId, role, ...person(roleIndex) });
      if (role === "provider") providers.push({ personId: member.personId, national: false });
    }
    await buildApplicants(site.siteId, siteIndex, lead, providers);
    // Two invitations still waiting, so invitation lists have more than one page of one.
    for (const [index, role] of (["expert", "provider"] as const).entries()) {
      const name = worldName(100 + siteIndex * 2 + index);
      await withActor(lead, () => Invitation.invite({ siteId: site.siteId, role, name, email: worldEmail(name) }));
    }
  }

  // People in two sites with a different role in each: the first site's lead is an expert in
  // the second, and one of its providers also works in the third.
  const [, second, third] = worldSites;
  const leadName = worldName(0);
  await inviteAndJoin(leads[1] as Actor, {
    siteId: second.siteId,
    name: leadName,
    email: worldEmail(leadName),
    role: "expert",
  });
  const providerName = worldName(worldTeamShape.indexOf("provider"));
  await inviteAndJoin(leads[2] as Actor, {
    siteId: third.siteId,
    name: providerName,
    email: worldEmail(providerName),
    role: "provider",
  });

  // A national mentor, named by national staff: a member of no site.
  await withActor(nationalActor, () =>
    NationalMentor.name({
      name: worldMentorName,
      email: worldEmail(worldMentorName),
      about: "Ran a small support for ten years and now mentors new ones.",
    }),
  );
}

/** The world's national mentor. */
export const worldMentorName = "Mina Mentor";

/** Organisations per site that signed up from the public page and sent an application. */
export const worldSignUps = 3;

/** A world organisation's legal name: distinctive, so a leak of one is easy to spot. */
export const worldOrganisationName = (siteIndex: number, index: number) =>
  `Worldorg ${worldSites[siteIndex]?.name ?? siteIndex} ${index + 1} Ltd`;

/** Required answers to the default process's questions. */
export const worldAnswers: Record<string, string | boolean> = {
  "q-how-started": "We started small.",
  "q-people-now": "o-1-to-5",
  "q-values": "The person decides.",
  "q-one-person": "We shaped a rota around one person.",
  "q-different": "We stay small.",
};

export const worldProfile = (legalName: string) => ({
  legalName,
  area: "Test area",
  foundedYear: 2020,
  peopleSupported: 4,
  cqcStatus: "in-progress" as const,
  difference: "We stay small.",
});

/**
 * Each site publishes its default process and opens. Its provider members register their
 * organisations (the first also starts an application with one answer); three organisations that
 * signed up from the public page have sent applications, so the board's first column has pages.
 */
async function buildApplicants(siteId: string, siteIndex: number, lead: Actor, providers: Actor[]) {
  await publishAndOpen(lead, siteId);
  for (const [index, provider] of providers.entries()) {
    const organisation = await withActor(provider, () =>
      Organisation.register({ siteId, organisation: worldProfile(worldOrganisationName(siteIndex, index)) }),
    );
    if (index > 0) continue;
    const key = { siteId, organisationId: organisation.organisationId };
    const { application } = await asMember(provider, siteId, () => Application.start(key));
    await asMember(provider, siteId, () =>
      Application.saveAnswer({
        ...key,
        applicationId: application.applicationId,
        questionId: "q-values",
        value: "Kindness.",
        version: 0,
      }),
    );
  }
  for (let index = providers.length; index < providers.length + worldSignUps; index++) {
    const name = worldName(200 + siteIndex * 10 + index);
    const { actor, organisation } = await signUpAndRegister(
      siteId,
      { name, email: worldEmail(name) },
      worldProfile(worldOrganisationName(siteIndex, index)),
    );
    const key = { siteId, organisationId: organisation.organisationId };
    await asMember(actor, siteId, async () => {
      const { application } = await Application.start(key);
      const applicationKey = { ...key, applicationId: application.applicationId };
      for (const [questionId, value] of Object.entries(worldAnswers)) {
        await Application.saveAnswer({ ...applicationKey, questionId, value, version: 0 });
      }
      await Application.submit({ ...applicationKey, version: application.version });
    });
  }
}
