import { PageHeading } from "../ui/page-title";

/** Placeholder while this page is built. */
export default function Page() {
  return <PageHeading>Coming soon</PageHeading>;
}
