import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import lighthouse, { desktopConfig, type Result } from "lighthouse";
import { chromium } from "playwright-core";
import { type InitialJs, initialJavaScript } from "../apps/web/initial-js";

const webDist = fileURLToPath(new URL("../apps/web/dist", import.meta.url));
const tokenKey = "smallsupports.token";

export interface LighthouseFigures {
  page: "sign-in" | "home" | "site";
  url: string;
  /** 0 to 100, as Lighthouse shows them. */
  performance: number;
  accessibility: number;
  failedAccessibilityAudits: string[];
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** What Lighthouse said made its figures less trustworthy (a busy machine, mostly). */
  warnings: string[];
}

/**
 * Lighthouse's presets. Mobile (the default) is a mid-range phone on slow 4G with its CPU four
 * times slower, simulated; desktop is a desktop on a fast connection with no CPU slowdown.
 */
export type Preset = "mobile" | "desktop";

export interface WebFigures {
  preset: Preset;
  initialJs: InitialJs[];
  lighthouse: LighthouseFigures[];
}

/**
 * Lighthouse's scores for the pages people meet first: the sign-in page, then home and one
 * site's page signed in. Mobile is the preset unless asked otherwise: many of the people who use
 * the platform do so on an old council laptop or a phone, and it is the harder test of the two.
 */
export async function measureWeb(options: {
  baseUrl: string;
  signInAs: { personId: string };
  sitePath: string;
  preset?: Preset;
}): Promise<WebFigures> {
  const preset = options.preset ?? "mobile";
  const initialJs = initialJavaScript(webDist);
  const token = await signIn(options.baseUrl, options.signInAs.personId);
  const chrome = await launchChromium();
  try {
    const pages = [
      { page: "sign-in", path: "/sign-in", token: null },
      { page: "home", path: "/", token },
      { page: "site", path: options.sitePath, token },
    ] as const;
    const figures: LighthouseFigures[] = [];
    for (const { page, path, token } of pages) {
      const url = new URL(path, options.baseUrl).href;
      await prepareBrowser(chrome.wsEndpoint, options.baseUrl, token);
      figures.push({ page, url, ...(await runLighthouse(url, chrome.port, preset)) });
    }
    return { preset, initialJs, lighthouse: figures };
  } finally {
    await chrome.stop();
  }
}

async function signIn(baseUrl: string, personId: string): Promise<string> {
  const response = await fetch(new URL("/api/dev/sign-in", baseUrl), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ personId }),
  });
  if (!response.ok)
    throw new Error(`The local sign-in refused ${personId}: ${response.status} ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/**
 * Lighthouse's own storage reset would also sign the person out, so it is turned off and done
 * here instead: an empty HTTP cache for every page, so each is measured as a first visit, and the
 * sign-in kept where the web app looks for it. A /health document is enough to reach the
 * origin's storage without fetching, and so caching, the app itself.
 */
async function prepareBrowser(wsEndpoint: string, baseUrl: string, token: string | null) {
  const browser = await chromium.connectOverCDP(wsEndpoint);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error("Chromium started without its default profile.");
    const page = await context.newPage();
    const session = await context.newCDPSession(page);
    await session.send("Network.clearBrowserCache");
    await page.goto(new URL("/health", baseUrl).href);
    await page.evaluate(
      ([key, value]) => (value === null ? localStorage.removeItem(key) : localStorage.setItem(key, value)),
      [tokenKey, token] as const,
    );
    await page.close();
  } finally {
    // Disconnects only: Lighthouse then has the browser to itself.
    await browser.close();
  }
}

async function runLighthouse(
  url: string,
  port: number,
  preset: Preset,
): Promise<Omit<LighthouseFigures, "page" | "url">> {
  const result = await lighthouse(
    url,
    {
      port,
      logLevel: "error",
      output: "json",
      onlyCategories: ["performance", "accessibility"],
      disableStorageReset: true,
    },
    preset === "desktop" ? desktopConfig : undefined,
  );
  if (!result) throw new Error(`Lighthouse gave no result for ${url}.`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse could not measure ${url}: ${lhr.runtimeError.message}`);
  const score = (category: string) => {
    const value = lhr.categories[category]?.score;
    if (value == null) throw new Error(`Lighthouse gave no ${category} score for ${url}.`);
    return Math.round(value * 100);
  };
  const numeric = (audit: string) => lhr.audits[audit]?.numericValue ?? Number.NaN;
  return {
    performance: score("performance"),
    accessibility: score("accessibility"),
    failedAccessibilityAudits: failedAudits(lhr, "accessibility"),
    lcpMs: Math.round(numeric("largest-contentful-paint")),
    tbtMs: Math.round(numeric("total-blocking-time")),
    cls: Number(numeric("cumulative-layout-shift").toFixed(3)),
    warnings: lhr.runWarnings.map(String),
  };
}

function failedAudits(lhr: Result, category: string): string[] {
  return (lhr.categories[category]?.auditRefs ?? [])
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit && audit.score !== null && audit.score < 1)
    .map((audit) => audit?.id ?? "");
}

/**
 * Debian's Chromium, never a downloaded one, with a profile of its own that is thrown away after.
 * Started by hand rather than through Playwright so that only the flags below differ from a
 * person's browser, and with a debugging port that Lighthouse and Playwright both use.
 */
async function launchChromium(): Promise<{ port: number; wsEndpoint: string; stop(): Promise<void> }> {
  const userDataDir = await mkdtemp(join(tmpdir(), "smallsupports-lighthouse-"));
  const child = spawn(
    process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    [
      "--headless=new",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--remote-debugging-port=0",
      `--user-data-dir=${userDataDir}`,
      "about:blank",
    ],
    { stdio: ["ignore", "ignore", "pipe"] },
  );
  const stop = async () => {
    await exited(child);
    await rm(userDataDir, { recursive: true, force: true, maxRetries: 5 });
  };
  try {
    const wsEndpoint = await devToolsEndpoint(child);
    return { port: Number(new URL(wsEndpoint).port), wsEndpoint, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => fail(new Error(`Chromium did not open its debugging port in 30 s:\n${output}`)),
      30_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.once("error", fail);
    child.once("exit", (code) =>
      fail(new Error(`Chromium stopped (exit ${code}) before it could be measured:\n${output}`)),
    );
    let found = false;
    // Read on after the address is found: a full pipe would stall Chromium mid-measurement.
    child.stderr?.on("data", (chunk: Buffer) => {
      if (found) return;
      output += chunk;
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        found = true;
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill();
  });
}
