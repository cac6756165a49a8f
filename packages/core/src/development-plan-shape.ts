/** A development goal's statuses. Plain constants with no imports, so the web app can share them. */
export const goalStatuses = ["not-started", "in-progress", "done"] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export const goalStatusLabels: Record<GoalStatus, string> = {
  "not-started": "Not started",
  "in-progress": "In progress",
  done: "Done",
};
