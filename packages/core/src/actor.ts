import { AsyncLocalStorage } from "node:async_hooks";

/**
 * Who is acting. Travels with the request so that every service can name the actor in its
 * audit event without each caller having to remember to pass it.
 */
export interface Actor {
  personId: string;
  name: string;
  national: boolean;
}

const storage = new AsyncLocalStorage<Actor>();

export function withActor<T>(actor: Actor, run: () => T): T {
  return storage.run(actor, run);
}

export function useActor(): Actor {
  const actor = storage.getStore();
  if (!actor) throw new Error("useActor() was called outside withActor(): no one is acting.");
  return actor;
}

/** The seed and maintenance scripts act as the platform itself. */
export const systemActor: Actor = { personId: "system", name: "Platform setup", national: true };
