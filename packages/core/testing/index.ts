/** Helpers for tests against DynamoDB Local. Never imported by production code. */
export { auditEvents, auditProblems } from "./audit";
export { injectTransactionConflicts } from "./conflicts";
export { queuedSince } from "./outbox";
export { allItems, changesSince, kindsOf, useFreshTable } from "./table";
export { countTransactions } from "./transactions";
