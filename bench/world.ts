import { seed } from "@smallsupports/local/seed";
import { type SeedSite, seedSites } from "@smallsupports/local/seed-data";

/**
 * The benchmark's world: the demo's twelve sites and nineteen more, 31 in all, each seeded by the
 * demo's own seed through the services (so every statistic is kept as in real use) with
 * organisations at every stage, panels, decisions and whatever later features add to the seed.
 */
export const benchSiteCount = 31;

const moreAreas = [
  "Cornwall and the Isles of Scilly",
  "Dorset",
  "Hampshire and the Isle of Wight",
  "Surrey Heartlands",
  "Sussex",
  "Frimley",
  "Buckinghamshire, Oxfordshire and Berkshire West",
  "Bedfordshire, Luton and Milton Keynes",
  "Cambridgeshire and Peterborough",
  "Suffolk and North East Essex",
  "Mid and South Essex",
  "Hertfordshire and West Essex",
  "North Central London",
  "North West London",
  "Coventry and Warwickshire",
  "Herefordshire and Worcestershire",
  "Shropshire, Telford and Wrekin",
  "Staffordshire and Stoke-on-Trent",
  "Derby and Derbyshire",
];

export function benchSites(): SeedSite[] {
  const more = moreAreas.map((name) => ({
    siteId: name
      .toLowerCase()
      .replace(/[^a-z]+/g, "-")
      .replace(/^-|-$/g, ""),
    name,
    area: `${name} ICB`,
  }));
  return [...seedSites, ...more].slice(0, benchSiteCount);
}

/** Seeds the world into the configured table; says how long it took. */
export async function seedBenchWorld(): Promise<{ sites: number; people: number; seconds: number }> {
  const started = performance.now();
  const summary = await seed(benchSites());
  return { sites: summary.sites, people: summary.people, seconds: (performance.now() - started) / 1000 };
}
