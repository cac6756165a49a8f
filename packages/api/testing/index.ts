/** Helpers for the API's tests. Never imported by production code. */
export { useTestApp } from "./app";
export { buildWorld, worldSignUps, worldSites, worldTeamShape } from "./world";
