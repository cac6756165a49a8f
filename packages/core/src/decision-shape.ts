/**
 * The four outcomes of a panel's decision and what each means for the provider. Plain constants
 * with no imports, so the web app can share them (the decision letter is worded from these).
 */
export const outcomes = ["approved", "walking-through", "not-yet", "declined"] as const;
export type Outcome = (typeof outcomes)[number];

export const outcomeLabels: Record<Outcome, string> = {
  approved: "Approved",
  "walking-through": "Approved to walk through",
  "not-yet": "Not yet",
  declined: "Declined",
};

/** The organisation's standing in the site once the decision is made: the outcome's own name. */
export const standingAfter = {
  approved: "approved",
  "walking-through": "walking-through",
  "not-yet": "not-yet",
  declined: "declined",
} as const satisfies Record<Outcome, string>;

/** Outcomes that open a development plan. */
export const approvingOutcomes: readonly Outcome[] = ["approved", "walking-through"];

/** What a decision letter says first, in everyday words and in easy read, for each outcome. */
export const outcomeWording: Record<Outcome, { plain: string; easyRead: string[] }> = {
  approved: {
    plain:
      "We are pleased to tell you that the panel has approved your organisation as a Small Supports provider. You are now part of the site's cohort, and we will work with you on a development plan.",
    easyRead: [
      "Good news.",
      "The panel said yes.",
      "You are now a Small Supports provider.",
      "We will make a plan with you.",
    ],
  },
  "walking-through": {
    plain:
      "The panel has approved your organisation to walk through with us while you finish registering with the Care Quality Commission. There are conditions to meet, listed below; we will support you with them through your development plan.",
    easyRead: [
      "Good news.",
      "The panel said yes, for now.",
      "You still need to finish some things.",
      "They are in the list below.",
      "We will help you do them.",
    ],
  },
  "not-yet": {
    plain:
      "The panel has decided not to approve your organisation yet. This is not a no: below we say what would change the answer, and you are welcome to apply again when you are ready.",
    easyRead: [
      "The panel said not yet.",
      "This is not a no.",
      "Below we say what you can do.",
      "You can apply again when you are ready.",
    ],
  },
  declined: {
    plain:
      "The panel has decided not to approve your organisation as a Small Supports provider. We have set out the reasons below.",
    easyRead: ["The panel said no this time.", "Below we say why."],
  },
};
