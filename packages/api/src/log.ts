import type { RequestLog } from "./trpc";

/** One structured line per request. Ids, codes and timings only: nothing a person typed. */
export interface LogLine extends RequestLog {
  level: "info" | "error";
  method: string;
  path: string;
  status: number;
  durationMs: number;
  /** DynamoDB requests the request made, and the longest chain of them that waited on one another. */
  dynamoRoundTrips?: number;
  dynamoSequential?: number;
}

export type LogSink = (line: LogLine) => void;

export const stdoutSink: LogSink = (line) => {
  process.stdout.write(`${JSON.stringify(line)}\n`);
};
