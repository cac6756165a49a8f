import { A } from "@solidjs/router";

export default function NotFound() {
  return (
    <div class="page narrow">
      <h1>Page not found</h1>
      <p>There is nothing at this address. It may have moved.</p>
      <A class="button" href="/">
        Go to my sites
      </A>
    </div>
  );
}
