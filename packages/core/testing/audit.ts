import { allItems } from "./table";

/**
 * What an audit event may hold: ids, codes, times and numbers, never a name, an email or text a
 * person typed. Every attribute must be listed here with the shape of its value.
 */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const code = /^[a-z0-9_-]{1,64}$/;
const auditShape: Record<string, (value: unknown) => boolean> = {
  pk: (value) => /^site#[a-z0-9_-]+$/.test(String(value)),
  sk: (value) => /^audit#\d{4}-\d\d-\d\dT[\d:.]+Z#[0-9a-f-]{36}$/.test(String(value)),
  siteId: (value) => code.test(String(value)),
  at: (value) => !Number.isNaN(Date.parse(String(value))),
  eventId: (value) => uuid.test(String(value)),
  actorId: (value) => uuid.test(String(value)) || value === "system",
  action: (value) => /^[a-z]+(_[a-z]+)*(\.[a-z_]+)+$/.test(String(value)),
  recordType: (value) => /^[a-z]+$/.test(String(value)),
  recordId: (value) => uuid.test(String(value)) || code.test(String(value)),
  changed: (value) => Array.isArray(value) && value.every((field) => /^[a-zA-Z]+$/.test(String(field))),
  before: (value) => nonPersonalFields(value),
  after: (value) => nonPersonalFields(value),
  __edb_e__: (value) => value === "auditEvent",
  __edb_v__: (value) => typeof value === "string",
};

function nonPersonalFields(json: unknown): boolean {
  const fields: unknown = JSON.parse(String(json));
  if (!fields || typeof fields !== "object" || Array.isArray(fields)) return false;
  return Object.entries(fields).every(
    ([name, value]) =>
      /^[a-zA-Z]+$/.test(name) &&
      (value === null || typeof value === "boolean" || typeof value === "number" || code.test(String(value))),
  );
}

/** Every audit event in the test table. */
export async function auditEvents(): Promise<Record<string, unknown>[]> {
  return (await allItems()).filter((item) => item.__edb_e__ === "auditEvent");
}

/** What is wrong with these audit events: unknown attributes, odd values, or any of `secrets`. */
export function auditProblems(events: Record<string, unknown>[], secrets: string[]): string[] {
  const problems: string[] = [];
  for (const event of events) {
    for (const [name, value] of Object.entries(event)) {
      const check = auditShape[name];
      if (!check) problems.push(`${event.sk}: unexpected attribute ${name}`);
      else if (!check(value)) problems.push(`${event.sk}: ${name} holds ${JSON.stringify(value)}`);
    }
    const text = JSON.stringify(event).toLowerCase();
    for (const secret of secrets) {
      if (secret.length >= 3 && text.includes(secret.toLowerCase())) problems.push(`${event.sk}: holds "${secret}"`);
    }
  }
  return problems;
}
