import { createSignal } from "solid-js";

/**
 * The signed-in person's token, kept in this browser only. When the API says the sign-in has
 * expired, `endSession("expired")` clears it and the app returns to the sign-in page.
 */
const storageKey = "smallsupports.token";
const [token, setToken] = createSignal<string | null>(localStorage.getItem(storageKey));
const [endReason, setEndReason] = createSignal<"expired" | "signed-out" | null>(null);

export { endReason, token };

export function startSession(newToken: string) {
  localStorage.setItem(storageKey, newToken);
  setEndReason(null);
  setToken(newToken);
}

/** Answers typed and not yet saved, kept in this browser by the application form (see application-answers.ts). */
const unsavedAnswersPrefix = "smallsupports.unsaved.";

export function endSession(reason: "expired" | "signed-out") {
  localStorage.removeItem(storageKey);
  // Signing out on purpose leaves nothing of the application behind on a shared computer; an
  // expired sign-in keeps the words, so they are saved once the person signs in again.
  if (reason === "signed-out") {
    for (const key of Object.keys(localStorage)) if (key.startsWith(unsavedAnswersPrefix)) localStorage.removeItem(key);
  }
  setEndReason(reason);
  setToken(null);
}
