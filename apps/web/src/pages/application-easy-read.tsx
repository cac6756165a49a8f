import { createSignal, type JSX } from "solid-js";

/**
 * Whether a provider prefers easy read. It is kept in this browser, so someone who switches it on
 * while looking at the open sites still has it on when they write their application.
 */
const storageKey = "smallsupports.easyRead";
const [easyReadPreferred, setPreferred] = createSignal(localStorage.getItem(storageKey) === "on");

export { easyReadPreferred };

export function setEasyReadPreferred(on: boolean) {
  localStorage.setItem(storageKey, on ? "on" : "off");
  setPreferred(on);
}

/** Plain words or easy read, as chosen. */
export const wordingIn = (wording: { plain: string; easyRead: string }, easyRead: boolean) =>
  easyRead ? wording.easyRead || wording.plain : wording.plain;

/**
 * A button that stays pressed while easy read is on. Its name starts with the words on it, and
 * `context` (visually hidden) says what it switches where there are several on a page.
 */
export function EasyReadToggle(props: {
  pressed: boolean;
  onChange: (pressed: boolean) => void;
  context?: JSX.Element;
  small?: boolean;
}) {
  return (
    <button
      type="button"
      class="easy-read-toggle"
      classList={{ "easy-read-toggle-small": props.small }}
      aria-pressed={props.pressed}
      onClick={() => props.onChange(!props.pressed)}
    >
      <span class="easy-read-toggle-box" aria-hidden="true">
        {props.pressed ? "✓" : ""}
      </span>
      Easy read
      {props.context && <span class="visually-hidden"> {props.context}</span>}
    </button>
  );
}
