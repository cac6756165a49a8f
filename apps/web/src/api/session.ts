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

export function endSession(reason: "expired" | "signed-out") {
  localStorage.removeItem(storageKey);
  setEndReason(reason);
  setToken(null);
}
