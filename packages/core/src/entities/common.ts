/** Set on create and refreshed by every update. */
export const updatedAt = {
  type: "string",
  required: true,
  default: () => new Date().toISOString(),
  watch: "*",
  set: () => new Date().toISOString(),
} as const;

/** Attributes every versioned record carries: optimistic locking and timestamps. */
export const versioned = {
  version: { type: "number", required: true, default: () => 1 },
  createdAt: { type: "string", required: true, readOnly: true, default: () => new Date().toISOString() },
  updatedAt,
} as const;

export const keyOptions = { casing: "none" } as const;
