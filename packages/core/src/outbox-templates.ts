/** The messages the platform sends, by name; messages.ts words each. No imports, so entities can share it. */
export const messageTemplates = [
  "invitation",
  "review-assigned",
  "review-due-soon",
  "review-overdue",
  "information-requested",
  "decision-made",
  "session-changed",
  "session-cancelled",
  "place-offered",
  "session-reminder",
] as const;
export type MessageTemplate = (typeof messageTemplates)[number];
