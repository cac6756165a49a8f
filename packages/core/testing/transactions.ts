import { dynamo } from "../src/dynamo";

/**
 * Counts the transactions sent to DynamoDB while `run` runs, whether it succeeds or not: how a
 * test shows that several services' writes went in one transaction, or that a failed condition
 * was not retried.
 */
export async function countTransactions(run: () => Promise<unknown>): Promise<number> {
  const { client } = dynamo();
  let count = 0;
  const name = `count-transactions-${Math.random()}`;
  client.middlewareStack.add(
    (next) => async (args) => {
      if ((args.input as { TransactItems?: unknown }).TransactItems) count++;
      return next(args);
    },
    { step: "initialize", name },
  );
  try {
    await run().catch(() => undefined);
  } finally {
    client.middlewareStack.remove(name);
  }
  return count;
}
