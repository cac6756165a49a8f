import { A } from "@solidjs/router";
import { PageHeading, usePageTitle } from "../ui/page-title";

export default function NotFound() {
  usePageTitle(() => "Page not found");
  return (
    <div class="page narrow">
      <PageHeading>Page not found</PageHeading>
      <p>There is nothing at this address. It may have moved.</p>
      <A class="button" href="/">
        Go to my sites
      </A>
    </div>
  );
}
