import type { SiteRole } from "@smallsupports/core/role";

/**
 * The demo world: twelve regional sites with believable teams. Names are invented; emails use
 * example.org, which can never reach a real inbox. Later capabilities add their records here.
 */
export interface SeedSite {
  siteId: string;
  name: string;
  area: string;
}

export const seedSites: SeedSite[] = [
  {
    siteId: "lancashire-south-cumbria",
    name: "Lancashire and South Cumbria",
    area: "Lancashire and South Cumbria ICB",
  },
  { siteId: "greater-manchester", name: "Greater Manchester", area: "Greater Manchester Integrated Care" },
  { siteId: "west-yorkshire", name: "West Yorkshire", area: "Bradford, Calderdale, Kirklees, Leeds and Wakefield" },
  { siteId: "north-east-cumbria", name: "North East and North Cumbria", area: "North East and North Cumbria ICB" },
  { siteId: "cheshire-merseyside", name: "Cheshire and Merseyside", area: "Cheshire and Merseyside ICB" },
  { siteId: "birmingham-solihull", name: "Birmingham and Solihull", area: "Birmingham and Solihull ICB" },
  {
    siteId: "nottinghamshire",
    name: "Nottingham and Nottinghamshire",
    area: "Nottingham City and Nottinghamshire County",
  },
  { siteId: "norfolk-waveney", name: "Norfolk and Waveney", area: "Norfolk and Waveney ICB" },
  { siteId: "kent-medway", name: "Kent and Medway", area: "Kent County and Medway" },
  { siteId: "bristol-somerset-glos", name: "Bristol, North Somerset and South Gloucestershire", area: "BNSSG ICB" },
  { siteId: "devon", name: "Devon", area: "Devon County and Plymouth" },
  {
    siteId: "south-east-london",
    name: "South East London",
    area: "Bexley, Bromley, Greenwich, Lambeth, Lewisham and Southwark",
  },
];

export const seedNationalStaff = [
  { name: "Priya Shah", email: "priya.shah@national.example.org" },
  { name: "Tom Okafor", email: "tom.okafor@national.example.org" },
  { name: "Helen Marsh", email: "helen.marsh@national.example.org" },
];

/** How each site's team is made up, in the order people are invited. */
export const seedTeamShape: SiteRole[] = [
  "lead",
  "team",
  "team",
  "expert",
  "expert",
  "expert",
  "provider",
  "provider",
  "provider",
];

const firstNames = [
  "Aisha",
  "Ben",
  "Chloe",
  "Dev",
  "Ellie",
  "Farid",
  "Grace",
  "Harry",
  "Imani",
  "Jack",
  "Kiran",
  "Laura",
  "Mo",
  "Nia",
  "Owen",
  "Pooja",
  "Quinn",
  "Rosa",
  "Sam",
  "Tariq",
  "Una",
  "Vik",
  "Wendy",
  "Yusuf",
];
const lastNames = [
  "Adams",
  "Begum",
  "Carter",
  "Doyle",
  "Evans",
  "Fraser",
  "Gill",
  "Hughes",
  "Iqbal",
  "Jones",
  "Khan",
  "Lewis",
  "Morgan",
  "Nolan",
  "O'Brien",
  "Patel",
  "Reid",
  "Singh",
  "Taylor",
  "Usman",
  "Walsh",
  "Young",
];

const namesPerRound = firstNames.length * lastNames.length;

/**
 * A distinct invented name for the nth seeded person: every pair of first and last name once,
 * then again with a middle initial, so no two people share a name (and so an address) however
 * many sites are seeded.
 */
export function seedName(n: number): string {
  const first = firstNames[n % firstNames.length] as string;
  const last = lastNames[(n * 7 + Math.floor(n / firstNames.length)) % lastNames.length] as string;
  const round = Math.floor(n / namesPerRound);
  return round === 0 ? `${first} ${last}` : `${first} ${String.fromCharCode(64 + (round % 26 || 26))}. ${last}`;
}

export function seedEmail(name: string, siteId: string): string {
  return `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${siteId}.example.org`;
}

/**
 * Invitations still open in each site: one sent a few days ago, one yesterday, and in every third
 * site one sent three weeks ago, which has run out (the team page offers to send it again).
 */
export function seedOpenInvitations(siteIndex: number): { role: SiteRole; daysAgo: number }[] {
  return [
    { role: "expert", daysAgo: 3 + (siteIndex % 4) },
    { role: "provider", daysAgo: 1 },
    ...(siteIndex % 3 === 0 ? [{ role: "team" as const, daysAgo: 21 }] : []),
  ];
}
