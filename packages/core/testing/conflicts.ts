import { TransactionCanceledException } from "@aws-sdk/client-dynamodb";
import { dynamo } from "../src/dynamo";

/**
 * Makes the next `times` transactions fail as AWS fails them when another transaction touches the
 * same item at that moment, which DynamoDB Local (serialising transactions) never does. Works at
 * the DynamoDB client, so everything above it runs as in production. Returns a function that
 * removes the fault and says how many transactions it cancelled.
 */
export function injectTransactionConflicts(times: number): () => number {
  const { client } = dynamo();
  const name = `transaction-conflict-${Math.random()}`;
  let cancelled = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { TransactItems?: unknown[] };
      if (context.commandName === "TransactWriteItemsCommand" && input.TransactItems && cancelled < times) {
        cancelled++;
        throw new TransactionCanceledException({
          message:
            "Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict]",
          $metadata: { httpStatusCode: 400 },
          CancellationReasons: input.TransactItems.map((_, index) => ({
            Code: index === 0 ? "TransactionConflict" : "None",
            Message: index === 0 ? "Transaction is ongoing for the item" : undefined,
          })),
        });
      }
      return next(args);
    },
    { step: "initialize", name },
  );
  return () => {
    client.middlewareStack.remove(name);
    return cancelled;
  };
}
