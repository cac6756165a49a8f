export { roleLabels, rolePluralLabels, type SiteRole, siteRoles } from "@smallsupports/core/role";

/**
 * A date format built the first time it is used, then kept. Building the first one loads the
 * browser's locale data: tens of milliseconds on a fast machine and several times that on an old
 * phone, which a page that shows no date (sign-in, and home for most people) should not pay for.
 */
export function dateFormatOnFirstUse(locale: string, options: Intl.DateTimeFormatOptions): () => Intl.DateTimeFormat {
  let format: Intl.DateTimeFormat | undefined;
  return () => {
    format ??= new Intl.DateTimeFormat(locale, options);
    return format;
  };
}

const dateFormat = dateFormatOnFirstUse("en-GB", { day: "numeric", month: "short", year: "numeric" });
const dateTimeFormat = dateFormatOnFirstUse("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});

export const formatDate = (iso: string) => dateFormat().format(new Date(iso));
export const formatDateTime = (iso: string) => dateTimeFormat().format(new Date(iso));
