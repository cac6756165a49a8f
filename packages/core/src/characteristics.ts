/** The nine Small Supports characteristics: the default criteria panels score against. */
export const characteristics = [
  "Control by the person and their family",
  "Life aspirations of the person are key",
  "Supporters (staff) recruited by and around the individual",
  "People choose where they live and who, if anyone, they live with",
  "Sustainable funding designed and used based on the individual",
  "Do not withdraw support or sell services on",
  "Rooted in their local communities",
  "Stay relatively small and financially sustainable",
  "Develop around these practices, not as aspirations inside large, segregated services",
] as const;

/** The nine characteristics in easy read, in the same order. */
export const characteristicEasyRead = [
  "The person and their family are in charge",
  "The person's hopes and dreams come first",
  "Staff are chosen by and around the person",
  "People choose where they live and who with",
  "Money is planned around the person",
  "Support does not stop or get sold on",
  "Part of the local community",
  "Stay small and steady with money",
  "Work this way from the start, not inside big services",
] as const;
