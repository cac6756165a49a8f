/**
 * A line that screen readers read out whenever it changes, without moving focus: the result of
 * a filter, say. It is always in the page, empty when there is nothing to say, because a live
 * region that appears together with its first message is often not read out at all.
 */
export function LiveStatus(props: { message: string; class?: string }) {
  return (
    <p class={props.class ?? "live-status"} role="status">
      {props.message}
    </p>
  );
}
