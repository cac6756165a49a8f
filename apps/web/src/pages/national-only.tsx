import { A } from "@solidjs/router";
import { useQuery } from "@tanstack/solid-query";
import { type JSX, Match, Switch } from "solid-js";
import { queries } from "../api/queries";
import { ErrorNotice, Loading, problemTitle } from "../ui/page-state";
import { loadingTitle, PageHeading, usePageTitle } from "../ui/page-title";

/**
 * A page for national partnership staff only. Anyone else who followed an old link gets the
 * reason as the heading, no button or table they cannot use, and a way on.
 */
export function NationalOnly(props: {
  /** The page's own title, for the browser's title bar. */
  title: () => string | readonly string[];
  refusal: string;
  children: JSX.Element;
}) {
  const me = useQuery(() => queries.me());
  const isNational = () => me.data?.person.national === true;
  usePageTitle(() =>
    me.isPending ? loadingTitle : me.isError ? problemTitle(me.error) : isNational() ? props.title() : props.refusal,
  );
  return (
    <Switch>
      <Match when={me.isPending}>
        <Loading />
      </Match>
      <Match when={me.isError}>
        <PageHeading>{problemTitle(me.error)}</PageHeading>
        <ErrorNotice error={me.error} retry={() => me.refetch()} />
      </Match>
      <Match when={!isNational()}>
        <div class="narrow">
          <PageHeading>{props.refusal}</PageHeading>
          <p>Your own sites are on your home page.</p>
          <A class="button" href="/">
            Go to my sites
          </A>
        </div>
      </Match>
      <Match when={isNational()}>{props.children}</Match>
    </Switch>
  );
}
