import { createHash } from "node:crypto";
import { now } from "./clock";
import { db } from "./db";
import { RateLimitedError } from "./errors";

/**
 * Limits on actions anyone can take before they belong anywhere (signing up, registering an
 * organisation), per address and per network source. Counted in the table, so every Lambda
 * instance shares one count. Keys are hashed: the counts never hold an address or an IP.
 */
export interface Limit {
  /** Names the action and what is counted, such as "sign-up:address". */
  name: string;
  /** How many uses one key has in one window. */
  allowed: number;
  windowSeconds: number;
}

export const limits = {
  signUpPerAddress: { name: "sign-up:address", allowed: 5, windowSeconds: 3600 },
  signUpPerSource: { name: "sign-up:source", allowed: 20, windowSeconds: 3600 },
  registerPerAddress: { name: "register:address", allowed: 5, windowSeconds: 3600 },
  registerPerSource: { name: "register:source", allowed: 20, windowSeconds: 3600 },
} as const satisfies Record<string, Limit>;

/** Uses one of `key`'s allowance under `limit`, or refuses with a plain message once it is spent. */
export async function take(limit: Limit, key: string): Promise<void> {
  const windowStart = Math.floor(now().getTime() / 1000 / limit.windowSeconds) * limit.windowSeconds;
  const bucket = `${limit.name}:${createHash("sha256").update(`${limit.name}\n${key}`).digest("hex").slice(0, 32)}`;
  const result = await db.entities.rateLimit
    .update({ bucket, window: String(windowStart) })
    .add({ count: 1 })
    .set({ expiresAt: windowStart + limit.windowSeconds * 2 })
    .where(
      (attributes, operations) =>
        `${operations.notExists(attributes.count)} OR ${operations.lt(attributes.count, limit.allowed)}`,
    )
    .go({ response: "none" })
    .then(() => "ok" as const)
    .catch((error: { cause?: { name?: string } }) => {
      if (error?.cause?.name === "ConditionalCheckFailedException") return "spent" as const;
      throw error;
    });
  if (result === "spent") {
    const minutes = Math.ceil(limit.windowSeconds / 60);
    throw new RateLimitedError(
      `Too many attempts from here in a short time. Please wait up to ${minutes} minutes and try again.`,
    );
  }
}
