import { AsyncLocalStorage } from "node:async_hooks";
import type { DynamoDBClient } from "@aws-sdk/client-dynamodb";

/**
 * How many DynamoDB round trips a piece of work made, and how many of them had to wait for
 * another: a warm request's latency is about its sequential round trips times one round trip, so
 * that is the figure the API's budgets are written in (see BENCHMARKS.md).
 */
export interface RoundTrips {
  /** Every request sent to DynamoDB. */
  total: number;
  /** The longest chain of requests each sent after the one before it had answered. */
  sequential: number;
  /** Each request's command ("GetItemCommand") and its place in that chain, from 1. */
  calls: { command: string; step: number }[];
}

class Recorder {
  readonly calls: { command: string; step: number }[] = [];
  /** The furthest step of any request that has already answered. */
  private answered = 0;

  begin(command: string): number {
    // Anything sent now waits at most for what has already answered: one step after it.
    const step = this.answered + 1;
    this.calls.push({ command, step });
    return step;
  }

  end(step: number): void {
    this.answered = Math.max(this.answered, step);
  }

  get figures(): RoundTrips {
    return {
      total: this.calls.length,
      sequential: this.calls.reduce((longest, call) => Math.max(longest, call.step), 0),
      calls: [...this.calls],
    };
  }
}

const storage = new AsyncLocalStorage<Recorder>();

/**
 * A counter for the DynamoDB requests made inside `run` (and in everything it awaits or starts).
 * Its figures can be read while or after it runs, even when the work failed part way: the API
 * counts each HTTP request this way for its log line and budgets.
 */
export function roundTripCounter() {
  const recorder = new Recorder();
  return {
    run: <T>(run: () => Promise<T>): Promise<T> => storage.run(recorder, run),
    figures: (): RoundTrips => recorder.figures,
  };
}

/** Runs `run` and says how many DynamoDB round trips it made. */
export async function countRoundTrips<T>(run: () => Promise<T>): Promise<{ result: T; roundTrips: RoundTrips }> {
  const counter = roundTripCounter();
  const result = await counter.run(run);
  return { result, roundTrips: counter.figures() };
}

/**
 * Adds the counter to a client's middleware, which ElectroDB's requests pass through too, once
 * each. Outside countRoundTrips() it costs one lookup.
 */
export function countRoundTripsOf(client: DynamoDBClient): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const recorder = storage.getStore();
      if (!recorder) return next(args);
      const step = recorder.begin(context.commandName ?? "unknown");
      try {
        return await next(args);
      } finally {
        recorder.end(step);
      }
    },
    { step: "initialize", name: "countRoundTrips", override: true },
  );
}
