/** Where focus may go back to when the control that opened a dialog has gone. */
export type FocusFallback = () => HTMLElement | null | undefined;

/**
 * Where focus goes when a dialog opens and closes, for Kobalte's `onOpenAutoFocus` and
 * `onCloseAutoFocus`. On opening, focus goes to `first(content)`. On closing (Escape, ×, Cancel
 * or success) it goes back to the control that opened the dialog, so a keyboard or screen reader
 * user carries on from where they were. If that control has been drawn again (a list row after
 * its data reloaded) the control with its id is used; if it has gone (the row of a removed
 * member), `fallback`, such as the list's heading.
 */
export function createDialogFocus(first: (content: HTMLElement) => HTMLElement | null, fallback?: FocusFallback) {
  let opener: HTMLElement | null = null;
  return {
    onOpenAutoFocus(event: Event) {
      event.preventDefault();
      // Kobalte asks before it moves focus, so the opener still has it.
      opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      const content = event.currentTarget as HTMLElement;
      (first(content) ?? content).focus();
    },
    onCloseAutoFocus(event: Event) {
      event.preventDefault();
      const redrawn = opener?.id ? document.getElementById(opener.id) : null;
      const target = [opener, redrawn, fallback?.()].find(
        (element) => element?.isConnected && element !== document.body,
      );
      target?.focus();
      opener = null;
    },
  };
}
