// What every form shares: the error per field from the backend, the busy flag, and Esc to
// cancel. Validation itself is the backend's: the form only shows what it says.
import { ApiError, toApiError } from "../api";

export class FormState {
  errors = $state<Record<string, string>>({});
  general = $state("");
  busy = $state(false);

  /** Runs a submit; an error naming a field is shown beside it, any other above the form. */
  async submit<T>(action: () => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.busy = true;
    this.errors = {};
    this.general = "";
    try {
      return await action();
    } catch (thrown) {
      this.show(toApiError(thrown));
      return undefined;
    } finally {
      this.busy = false;
    }
  }

  show(error: ApiError): void {
    if (error.field) {
      this.errors = { [error.field]: error.message };
      queueMicrotask(() => focusField(error.field!));
    } else {
      this.general = error.message;
    }
  }

  error(field: string): string {
    return this.errors[field] ?? "";
  }
}

function focusField(field: string): void {
  const element = document.querySelector<HTMLElement>(`[name="${CSS.escape(field)}"]`);
  element?.focus();
}

/** What Esc does: cancel, or, given `dirty` and `ask`, ask first while something is typed. */
export type EscapeOptions = (() => void) | { cancel: () => void; dirty?: () => boolean; ask?: () => void };

/** Esc anywhere in the form cancels it (a popup inside that handles Esc itself stops it first). */
export function escapeCancels(node: HTMLElement, options: EscapeOptions) {
  const onKey = (event: KeyboardEvent) => {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    event.preventDefault();
    const o = typeof options === "function" ? { cancel: options } : options;
    if (o.dirty?.() && o.ask) o.ask();
    else o.cancel();
  };
  node.addEventListener("keydown", onKey);
  return {
    update: (next: EscapeOptions) => (options = next),
    destroy: () => node.removeEventListener("keydown", onKey),
  };
}

/** Calls `run` once the user pauses typing. */
export function debounce<A extends unknown[]>(run: (...args: A) => void, ms = 150): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    clearTimeout(timer);
    timer = setTimeout(() => run(...args), ms);
  };
}
