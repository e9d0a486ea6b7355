// What every form shares: the error per field from the backend, the busy flag, and Esc to
// cancel. Validation itself is the backend's: the form only shows what it says.
import { tick } from "svelte";
import { ApiError, toApiError } from "../api";
import { t } from "../i18n/index.svelte";

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

  /** Every refused field's message beside it, the first on the screen focused; a
   * refusal with no field of its own on the screen is shown above the form. */
  show(error: ApiError): void {
    const fields = error.fields.length > 0 ? error.fields : error.field ? [{ field: error.field, message: error.message }] : [];
    if (fields.length === 0) {
      // The server went away: the banner says so; the form says its words were not lost.
      this.general = error.code === "server_gone" ? t("shared.not_saved") : error.message;
      return;
    }
    this.errors = Object.fromEntries(fields.map((f) => [f.field, f.message]));
    void tick().then(() => {
      const unseen = fields.filter((f) => !shownBeside(f.field));
      if (unseen.length > 0) this.general = fields.length === 1 ? error.message : unseen.map((f) => f.message).join(" · ");
      firstOnScreen(fields.map((f) => f.field))?.focus();
    });
  }

  /** A field the user edits loses its error at once, before any save. */
  clear(field: string): void {
    if (field in this.errors) {
      const { [field]: _, ...rest } = this.errors;
      this.errors = rest;
    }
  }

  /** For a form's input event: clears the error of the field typed in. */
  edited(target: EventTarget | null): void {
    const name = (target as HTMLElement | null)?.getAttribute?.("name");
    if (name) this.clear(name);
  }

  error(field: string): string {
    return this.errors[field] ?? "";
  }
}

/** Shown beside its field, or beside the row it belongs to (`lines.0` for `lines.0.quantity`). */
function shownBeside(field: string): boolean {
  const parts = field.split(".");
  return parts.some((_, i) => {
    const name = parts.slice(0, parts.length - i).join(".");
    return document.querySelector(`[data-error-for="${CSS.escape(name)}"]`) !== null;
  });
}

/** The input of the first of these fields in the page's order (what the eye meets first). */
function firstOnScreen(fields: string[]): HTMLElement | undefined {
  const wanted = new Set(fields);
  const named = (e: Element) => e.getAttribute("name") ?? e.getAttribute("data-error-for") ?? "";
  const first = [...document.querySelectorAll<HTMLElement>("[name], [data-error-for]")].find((e) => wanted.has(named(e)));
  if (!first || first.hasAttribute("name")) return first;
  return first.closest(".field, td, div")?.querySelector<HTMLElement>("input, select, textarea, button") ?? undefined;
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
