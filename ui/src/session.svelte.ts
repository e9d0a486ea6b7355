import type { WorkspaceStatus } from "./api";

/** Where the books are and what today is, as the backend says at start. */
export const session = $state<{ status: WorkspaceStatus | null }>({ status: null });

export function today(): string {
  return session.status?.today ?? "";
}
