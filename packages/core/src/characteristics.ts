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

/** The usual shape of a site's approval process, the starting point each site then changes. */
export const defaultApprovalStages = [
  "Expression of interest",
  "Application",
  "Panel review",
  "Conversation",
  "Decision",
] as const;
