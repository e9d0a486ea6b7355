// Changing screens: focus goes to the new screen's heading (a keyboard or screen-reader user
// starts in the content, not in the sidebar) and the window title names the screen.

/** The screen's heading, made focusable by script only (never a Tab stop). */
export function heading(main: HTMLElement): HTMLElement | null {
  const h1 = main.querySelector<HTMLElement>("h1");
  if (h1 && !h1.hasAttribute("tabindex")) h1.setAttribute("tabindex", "-1");
  return h1;
}

export function focusHeading(main: HTMLElement): boolean {
  const h1 = heading(main);
  if (!h1) return false;
  h1.focus({ preventScroll: true });
  return true;
}

/** "客户 · 回款": the heading's words, then the app's name. */
export function windowTitle(main: HTMLElement, appName: string): string {
  const words = heading(main)?.textContent?.replace(/\s+/g, " ").trim() ?? "";
  return words ? `${words} · ${appName}` : appName;
}

/**
 * Watches <main> until the screen's heading shows (screens draw it once their data has come),
 * then focuses it unless the screen already put focus in its content (a form's first field).
 * Keeps the window title following the heading as it changes (a customer's name coming in).
 * Returns the function that stops watching.
 */
export function followScreen(main: HTMLElement, appName: () => string, moveFocus: boolean): () => void {
  let pending = moveFocus;
  const update = () => {
    document.title = windowTitle(main, appName());
    if (pending && heading(main)) {
      pending = false;
      if (!main.contains(document.activeElement)) focusHeading(main);
    }
  };
  const observer = new MutationObserver(update);
  observer.observe(main, { childList: true, subtree: true, characterData: true });
  update();
  return () => observer.disconnect();
}
