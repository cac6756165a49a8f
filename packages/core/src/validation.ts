import * as z from "zod";
import { ValidationError } from "./errors";
import { siteRoles } from "./role";

/**
 * A service verb: its zod input schema travels with it (`Site.create.schema`) so the API
 * validates with exactly the same rules instead of restating them.
 */
export type Verb<S extends z.ZodType, R> = ((input: z.input<S>) => Promise<R>) & { schema: S };

export function verb<S extends z.ZodType, R>(schema: S, run: (input: z.output<S>) => Promise<R>): Verb<S, R> {
  const call = async (input: z.input<S>) => run(parse(schema, input));
  return Object.assign(call, { schema });
}

export function parse<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(describeIssues(result.error.issues));
  return result.data;
}

/** One plain sentence per problem, naming the field, e.g. "Email: Enter a valid email address." */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .slice(0, 5)
    .map((issue) => {
      const field = issue.path.length ? `${fieldLabel(String(issue.path[issue.path.length - 1]))}: ` : "";
      return `${field}${plainMessage(issue)}`;
    })
    .join(" ");
}

function fieldLabel(key: string): string {
  const spaced = key.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return spaced.charAt(0).toUpperCase() + spaced.slice(1);
}

function plainMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      // zod's own wording ("Invalid input: expected string, received undefined") is for developers.
      if (!issue.message.startsWith("Invalid input")) return issue.message;
      return issue.message.endsWith("received undefined") ? "This is required." : `Expected ${issue.expected}.`;
    case "unrecognized_keys":
      return `Unexpected field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.slice(0, 3).join(", ")}.`;
    default:
      return issue.message.endsWith(".") ? issue.message : `${issue.message}.`;
  }
}

// Shared field rules, so every verb words the same problem the same way.
export const siteIdSchema = z
  .string({ error: "Choose a site." })
  .trim()
  // "Devon" typed in the address field is what the person meant; refusing it would only annoy.
  .toLowerCase()
  .min(2, "A site address has at least 2 characters.")
  .max(60, "A site address has at most 60 characters.")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "Use lower-case letters, numbers and single hyphens only.");

export const personIdSchema = z
  .string()
  .min(1, "Choose a person.")
  .max(64, "That person reference is too long.")
  .regex(/^[a-z0-9-]+$/, "That person reference is not valid.");

export const personNameSchema = z
  .string()
  .trim()
  .min(2, "Enter a name of at least 2 characters.")
  .max(100, "Enter a name of at most 100 characters.");

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254, "Enter an email address of at most 254 characters.")
  .pipe(z.email("Enter a valid email address, like name@example.org."));

export const siteRoleSchema = z.enum(siteRoles, {
  error: "Choose a role: project lead, site team, expert by experience or provider lead.",
});

export const versionSchema = z
  .number({ error: "The record version is missing: refresh the page and try again." })
  .int()
  .min(1)
  .max(1_000_000_000);

export const cursorSchema = z.string().max(2048).nullish();
export const pageSizeSchema = z.number().int().min(1).max(100).default(25);

/** A record's id that the platform made (a UUID). */
/** A record's id: a UUID, as the services make them. */
export const recordIdPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const recordIdSchema = z
  .string({ error: "The record reference is missing: refresh the page and try again." })
  .regex(recordIdPattern, "That record reference is not valid.");

/** A record chosen from a list: refused in the words of what to choose when nothing was chosen. */
export const chosenRecordSchema = (words: string) => z.string({ error: words }).regex(recordIdPattern, words);

/** A real calendar day, YYYY-MM-DD: "2026-02-30" and "2026-13-01" are refused. */
export const dateSchema = z
  .string({ error: "Enter a date." })
  // Stop at a malformed value: the real-date check below would throw on it.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "Enter a date like 2026-03-14.", abort: true })
  .refine((value) => {
    const day = new Date(`${value}T00:00:00Z`);
    return !Number.isNaN(day.getTime()) && day.toISOString().startsWith(value);
  }, "Enter a real date.");

/** A calendar month, YYYY-MM. */
export const monthSchema = z
  .string({ error: "Choose a month." })
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "Choose a month like 2026-03.");

/** Text a person writes: trimmed, with plain limits named for the field. */
export const writtenText = (what: string, min: number, max: number) =>
  z
    .string({ error: `Write ${what}.` })
    .trim()
    .min(min, min <= 1 ? `Write ${what}.` : `Write ${what} in at least ${min} characters.`)
    .max(max, `Keep ${what} to at most ${max.toLocaleString("en-GB")} characters.`);
