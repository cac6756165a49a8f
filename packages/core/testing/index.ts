/** Helpers for tests against DynamoDB Local. Never imported by production code. */
export { allItems, useFreshTable } from "./table";
