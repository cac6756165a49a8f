import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Person, Site } from "@smallsupports/core";
import { systemActor, withActor } from "@smallsupports/core/actor";
import { afterAll, describe, expect, it } from "vitest";
import { freePort } from "./dynamo-local";
import { startLocalPlatform } from "./platform";
import { seedSites } from "./seed-data";
import { readSeedMarker } from "./seed-state";

async function health(url: string) {
  const response = await fetch(`${url}/health`);
  return { status: response.status, body: await response.json() };
}

// The platform runs in this process and points the services' client at its DynamoDB Local, so
// the tests read what it wrote through the services.
async function everyPersonId() {
  return (await Person.directory()).map((person) => person.personId);
}

// The tests run in order on one data folder, as `pnpm start` would across three starts; each
// start of DynamoDB Local takes a few seconds, so they share the one full write of the demo.
describe("the local platform, started three times on one data folder", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "smallsupports-local-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const start = async () => startLocalPlatform({ port: await freePort(), dataDir, log: () => {} });
  let seededPeople: string[] = [];

  it("answers /health with 503 'starting' while it writes the demo data, and can be stopped part way", async () => {
    const platform = await start();
    expect(platform.demoData).toBe("created");
    expect(await health(platform.url)).toEqual({ status: 503, body: { status: "starting" } });
    while ((await Person.directory().catch(() => [])).length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await readSeedMarker()).toBe("started");
    await platform.stop();
    await expect(platform.ready).rejects.toThrow(/Stopped before the demo data was complete/);
  });

  it("rewrites the half-written demo data on the next start, and answers 200 'ok' once it is complete", async () => {
    const platform = await start();
    try {
      expect(platform.demoData).toBe("rewritten");
      expect(await health(platform.url)).toEqual({ status: 503, body: { status: "starting" } });
      await platform.ready;
      expect(await health(platform.url)).toEqual({ status: 200, body: { status: "ok" } });
      expect(await readSeedMarker()).toBe("complete");
      const { items: sites } = await withActor(systemActor, () => Site.list({ limit: 100 }));
      expect(sites.map((site) => site.siteId).sort()).toEqual(seedSites.map((site) => site.siteId).sort());
      expect(sites.every((site) => site.leads.length === 1)).toBe(true);
      expect((await Person.directory()).filter((person) => person.national)).toHaveLength(3);
      seededPeople = await everyPersonId();
    } finally {
      await platform.stop();
    }
    // The whole demo is written here, which takes a while on a busy machine.
  }, 300_000);

  it("keeps complete demo data on the next start, without writing it again", async () => {
    expect(seededPeople).not.toHaveLength(0);
    const platform = await start();
    try {
      expect(platform.demoData).toBe("kept");
      expect(await health(platform.url)).toEqual({ status: 200, body: { status: "ok" } });
      expect(await everyPersonId()).toEqual(seededPeople);
    } finally {
      await platform.stop();
    }
  });
});
