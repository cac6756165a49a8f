import * as DynamoDB from "@aws-sdk/client-dynamodb";
import autocannon from "autocannon";

/** Latency figures in milliseconds, from every response's own time (not autocannon's whole-ms buckets). */
export interface LoadFigures {
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export const connections = 50;

function percentile(sorted: number[], share: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] as number;
}

function figures(times: number[], seconds: number, errors: number): LoadFigures {
  const sorted = [...times].sort((a, b) => a - b);
  return {
    requests: times.length,
    requestsPerSecond: times.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    errors,
  };
}

/** `amount` GET requests to one procedure over `connections` connections, with autocannon. */
export async function loadProcedure(
  url: string,
  token: string,
  amount: number,
  over = connections,
): Promise<LoadFigures> {
  const times: number[] = [];
  let errors = 0;
  const started = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      { url, connections: over, amount, headers: { authorization: `Bearer ${token}` } },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on("response", (_client, status, _bytes, ms) => {
      if (status === 200) times.push(ms);
      else errors++;
    });
  });
  return figures(times, (performance.now() - started) / 1000, errors + result.errors + result.timeouts);
}

/** One DynamoDB request as the API sent it, to be sent again raw. */
export interface RecordedCall {
  command: string;
  input: unknown;
}

type CommandClass = new (input: never) => Parameters<DynamoDB.DynamoDBClient["send"]>[0];

/**
 * The floor: the same DynamoDB requests a procedure made, sent raw one after another by a bare
 * client (no HTTP, no tRPC, no ElectroDB, no sign-in check), `amount` times over `connections`
 * workers at once: what the procedure would cost if the platform added nothing and made its
 * requests in sequence.
 */
export async function loadRaw(
  client: DynamoDB.DynamoDBClient,
  calls: RecordedCall[],
  amount: number,
  over = connections,
): Promise<LoadFigures> {
  const commands = calls.map((call) => {
    const Command = (DynamoDB as unknown as Record<string, CommandClass>)[call.command];
    if (!Command) throw new Error(`No DynamoDB command is called ${call.command}.`);
    return { Command, input: call.input as never };
  });
  const times: number[] = [];
  let errors = 0;
  let left = amount;
  const started = performance.now();
  const worker = async () => {
    while (left > 0) {
      left--;
      const begun = performance.now();
      try {
        for (const { Command, input } of commands) await client.send(new Command(input));
        times.push(performance.now() - begun);
      } catch (error) {
        if (errors++ === 0) process.stderr.write(`The raw requests failed: ${String(error)}\n`);
      }
    }
  };
  await Promise.all(Array.from({ length: over }, worker));
  return figures(times, (performance.now() - started) / 1000, errors);
}
