import type { Outcome } from "@smallsupports/core/decision-shape";

/**
 * What the demo's panels say: reviewers' scores and comments in their own voices, recusals, the
 * panel's agreed views, feedback and reasons for each outcome, conditions, and the words of a
 * development plan and a request for more information. Plain and warm, as people write them.
 */

export const moreDetail: Record<string, string> = {
  "q-one-person":
    "He told us he wanted to live near the sea and keep his dog. He chose two of his three support workers at a meeting in a café he picked. We found a ground-floor flat near the promenade with his family, and his dog moved in the week after he did.",
  "q-values":
    "When things get hard we meet the person and their family the same week and change the support, not the person. Our manager still works shifts, so she hears early when something is not right. We write down what we changed and check back a month later.",
};

export const requestMessage =
  "Thank you for talking with us. Please tell us a bit more about the person you shaped support around: what did they choose, and how did you make it happen? Leave out their name. And how do you check that your values still hold when things get hard?";

/**
 * Scores on the site's four-point scale for each of the nine characteristics, in order, by how
 * strong an application is; criteria a site added take the profile's middle.
 */
export const scoreProfiles: Record<Outcome | "strong" | "mixed", number[]> = {
  strong: [4, 3, 4, 3, 3, 4, 4, 3, 4],
  mixed: [3, 3, 4, 3, 2, 3, 4, 3, 3],
  approved: [4, 4, 3, 4, 2, 4, 4, 3, 4],
  "walking-through": [4, 3, 4, 3, 2, 3, 3, 2, 3],
  "not-yet": [3, 2, 2, 2, 1, 2, 3, 2, 2],
  declined: [1, 2, 1, 1, 2, 1, 2, 1, 1],
};

/**
 * Each reviewer reads a little differently: the second expert scores one criterion lower and
 * another higher (so the panel view has a disagreement to show), and the team member abstains on
 * money where they felt they could not judge it.
 */
export function scoreFor(profile: number[], index: number, characteristic: number | null, voice: number) {
  const base = profile[index] ?? 3;
  const shift = voice === 1 ? (index === 2 ? -2 : index === 7 ? 1 : 0) : voice === 2 && index === 0 ? -1 : 0;
  const score = Math.min(4, Math.max(1, base + shift));
  if (voice === 2 && characteristic === 5) {
    return { score: null, comment: "I do not know enough about how they plan money to score this fairly." };
  }
  const level = score >= 3 ? 0 : score === 2 ? 1 : 2;
  const notes = characteristic ? comments[characteristic - 1] : siteCriterionComments;
  return { score, comment: notes?.[voice]?.[level] ?? "" };
}

/**
 * What reviewers wrote, by characteristic: for each, the first expert's, the second expert's and
 * the team member's words, each for a criterion clearly shown, partly shown and not yet shown.
 */
type Said = [strong: string, some: string, notYet: string];
const comments: [Said, Said, Said][] = [
  [
    [
      "The person and their family decide how support looks. The answers show it with real examples.",
      "They say families are in charge, but I wanted an example of a family changing something.",
      "I could not see how the person gets a say in their own support yet.",
    ],
    [
      "The person is the boss here. Good.",
      "The family has a say. Does the person?",
      "Who is in charge? Not the person, I think.",
    ],
    [
      "Clear examples of the person and family leading decisions.",
      "Family involvement described; less evidence of the person leading.",
      "No evidence yet of the person directing their support.",
    ],
  ],
  [
    [
      "Support starts from what the person hopes for, not from a timetable.",
      "There is some talk of hopes and dreams, but mostly about keeping things steady.",
      "The answers are about tasks and rotas, not about what the person wants from life.",
    ],
    [
      "They care about what the person dreams of.",
      "A bit about dreams. I wanted more.",
      "Nothing about what the person wants in life.",
    ],
    [
      "Support is planned from the person's goals, with a good example.",
      "Goals mentioned, but planning is mostly about stability.",
      "Answers focus on tasks rather than the person's goals.",
    ],
  ],
  [
    [
      "People help choose their own staff. That matters a lot to me.",
      "They match staff to interests sometimes, but the person does not seem to meet them first.",
      "Staff seem to be placed with people, not chosen by them.",
    ],
    [
      "People pick their own staff. Brilliant.",
      "Staff share interests, but who picks them?",
      "Staff are just sent. I would not like that.",
    ],
    [
      "Recruitment is built around each person, who takes part.",
      "Some matching of staff to interests; the person's part in it is unclear.",
      "Staff are allocated rather than chosen.",
    ],
  ],
  [
    [
      "People choose where they live and who with. Nobody is moved to fill a space.",
      "They support people in their own homes, but it was not clear who chose the home.",
      "It sounds like people are fitted into houses that already exist.",
    ],
    [
      "People choose their home. That is how it should be.",
      "Not sure who picks the house.",
      "People go where there is a space. Not good.",
    ],
    [
      "Housing follows the person's choice; no places to fill.",
      "Supports people at home; who chooses the home is unclear.",
      "Support appears tied to the houses they already run.",
    ],
  ],
  [
    [
      "Money is planned around each person, and they were open about how.",
      "They know about individual budgets but have not used one yet.",
      "I could not tell how money follows the person. This needs work.",
    ],
    [
      "Money follows the person. Clear.",
      "They are still learning about the money side.",
      "I could not see how the money works.",
    ],
    [
      "Understands individual service funds and plans money person by person.",
      "Aware of personal budgets; no experience of them yet.",
      "The funding model is unclear and needs a conversation.",
    ],
  ],
  [
    [
      "They stick with people through hard times. Nobody is handed on.",
      "They say they never give up on people, but there was no example of a hard time.",
      "I worry support could stop if things got difficult.",
    ],
    [
      "They stay when it is hard. That is what I needed to hear.",
      "They say they stay. I want to see it.",
      "I think they might give up on someone.",
    ],
    [
      "Strong commitment, with an example of staying through a crisis.",
      "Commitment stated, without an example.",
      "A risk that support ends when things get hard.",
    ],
  ],
  [
    [
      "Staff live locally and know the clubs, shops and people. It shows.",
      "They are local, but people's lives seem to happen mostly at home.",
      "I did not see much about the local community at all.",
    ],
    [
      "They know the area and the people in it.",
      "Local, but people stay in a lot.",
      "Not much about going out in the community.",
    ],
    [
      "Leaders and staff are local, with real community links.",
      "Local, but community links are thin.",
      "Little sign of community connections.",
    ],
  ],
  [
    [
      "They stay small on purpose and have a plan for the money.",
      "Small now, but I was not sure how they will keep going if one contract ends.",
      "They want to grow quickly. That worries me.",
    ],
    ["Small and steady. Good.", "Small, but the money could run out.", "Too big, too fast."],
    [
      "Small by design, with a realistic plan for money.",
      "Small; keeping going depends on one contract.",
      "Growth plans are ahead of the team's size.",
    ],
  ],
  [
    [
      "This way of working is how they started, not a project inside something big.",
      "They are getting there, but some habits from big services are still there.",
      "It reads like a large service with a small team's name on it.",
    ],
    ["They started this way. It is real.", "Getting there.", "It feels like a big service."],
    [
      "This way of working is the organisation's starting point.",
      "Moving this way; some large-service habits remain.",
      "Reads as a conventional service model.",
    ],
  ],
];

/** For a criterion a site added of its own. */
const siteCriterionComments: [Said, Said, Said] = [
  [
    "They are already doing this, and told us how.",
    "They have made a start on this.",
    "Not yet, but they said they want to.",
  ],
  ["Yes, they do this.", "A bit.", "Not yet."],
  ["Meets this criterion, with evidence.", "Partly met.", "Not met yet."],
];

export const recusalReasons = [
  "I used to work with one of their founders, so I should not score this one.",
  "My cousin works for them as a support worker.",
  "I know the family they support well. It would not be fair for me to score it.",
];

/** What the panel agreed, its feedback to the provider and the lead's reasons, by outcome. */
export const panelWords: Record<Outcome | "strong", { agreedView: string; feedback: string; rationale: string }> = {
  strong: {
    agreedView:
      "The panel agreed this is a strong application. People and families lead their support, staff are chosen around each person, and the team is part of its community. The conversation should ask about plans for money.",
    feedback:
      "Thank you for a warm and honest application. We could see that the people you support are in charge of their lives, and your stories about choosing staff together stood out. We would like to hear more about how you plan money around each person when we meet.",
    rationale: "The panel's scores were strong on every characteristic.",
  },
  approved: {
    agreedView:
      "The panel agreed to approve. People and families lead, staff are chosen by and around each person, and the organisation stays small on purpose. Planning money around each person is the one area to build on.",
    feedback:
      "Thank you for a warm and honest application. We could see that the people you support are in charge of their lives. Your stories about choosing staff together stood out. One thing to work on: write down how money is planned around each person, so families can see it too.",
    rationale:
      "The panel scored the application strongly on control by the person and family, staff chosen around each person and being rooted in the community. The conversation confirmed it.",
  },
  "walking-through": {
    agreedView:
      "The panel agreed to walk through with this provider while its registration with the Care Quality Commission finishes. Its values are strong. The gaps are registration, a plan for money and support to stay steady as it grows.",
    feedback:
      "Your values came through clearly, and the people you support know you well. You have not finished registering with the Care Quality Commission yet, so we will walk through the next steps with you. We would also like to help you plan money around each person, and to stay small and steady.",
    rationale:
      "A young organisation with strong values and people at the centre, not yet registered with the Care Quality Commission. The panel wants to support it to get there.",
  },
  "not-yet": {
    agreedView:
      "The panel liked the organisation's values but did not see enough yet about how people lead their own support, choose their staff or how money follows the person.",
    feedback:
      "Thank you for applying. We liked what you said about listening to people and their families. We did not yet see examples of people choosing their own staff or where they live, or how money is planned around each person. This is not a no: we would be glad to hear from you again.",
    rationale:
      "Good values, but the application did not yet show the person leading their support or money planned around them.",
  },
  declined: {
    agreedView:
      "The panel agreed the organisation works as a larger service, filling places in shared houses across the region, and does not fit Small Supports.",
    feedback:
      "Thank you for applying. You support many people across the region and plan to open more shared houses. Small Supports is for organisations that stay small and build support around one person at a time, so the panel has said no this time.",
    rationale:
      "The organisation runs shared houses for many people and plans to grow quickly. That is not the small, person-led way of working Small Supports approves.",
  },
};

export const walkThroughConditions = [
  "Finish registering with the Care Quality Commission and share the registration with the site team",
  "Meet a mentor from an established small provider every month",
  "Write a one-page money plan with each person you support",
];

export const whatWouldChange =
  "Show us, with one or two real examples, how the people you support choose their staff and where they live. Tell us how you would plan money around one person. We would be glad to read a new application when you are ready.";

export const goalActions = {
  provider:
    "Ask each person and their family what they would change about their support, and write it down in their words. Bring two examples to our next mentoring session.",
  team: "The site team introduces a mentor from an established small provider and checks in each month. We will invite you to the cohort's next networking meeting to share what has worked so far.",
  registration:
    "Our registration interview is booked. We are finishing our policies with our mentor's help, and will send the registration to the site team as soon as it comes through.",
  done: "Done: we talked this through with each person and their family and changed how we work. We check it with them every three months.",
};
