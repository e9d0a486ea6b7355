// The books' server went away: every command that failed with `server_gone` raises the
// banner; it stays until a try again (the user's, or the quiet one every few seconds) finds
// the server back. Forms keep what was typed: only this banner and the form's own error show.
export const serverGone = $state<{ shown: boolean; server: string }>({ shown: false, server: "" });
