//! The shared books' password in the system's keyring (Secret Service on Linux, the
//! Keychain on macOS, the Credential Manager on Windows). Where there is none (no keyring
//! daemon, as under a bare X session) nothing is stored: the app asks at start. The
//! password is never written to a file.

use huikuan_app::shared_books::SharedServer;

const SERVICE: &str = "huikuan";

/// One keyring entry per server, database and user.
fn entry(server: &SharedServer) -> Option<keyring::Entry> {
    let account = format!("{}@{}:{}/{}", server.user, server.host, server.port, server.database);
    keyring::Entry::new(SERVICE, &account).ok()
}

/// Keeps the password; false when there is no keyring to keep it in.
pub fn remember(server: &SharedServer, password: &str) -> bool {
    if password.is_empty() {
        return false;
    }
    entry(server).is_some_and(|e| e.set_password(password).is_ok())
}

/// The kept password, if the keyring has one.
pub fn recall(server: &SharedServer) -> Option<String> {
    entry(server).and_then(|e| e.get_password().ok())
}

/// Forgets the kept password (the user left the shared books, or it was refused).
pub fn forget(server: &SharedServer) {
    if let Some(e) = entry(server) {
        let _ = e.delete_credential();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs where a Secret Service answers (a desktop session, or gnome-keyring-daemon in
    /// a dbus-run-session); says so and passes where there is none, as under bare Xvfb.
    #[test]
    fn a_kept_password_is_recalled_and_forgotten_where_there_is_a_keyring() {
        let server = SharedServer {
            host: "books.test.invalid".into(),
            port: 5432,
            database: format!("t{}", std::process::id()),
            user: "owner".into(),
        };
        if !remember(&server, "it's a \\ secret") {
            eprintln!("no keyring here: the password would be asked at start");
            assert_eq!(recall(&server), None);
            return;
        }
        assert_eq!(recall(&server).as_deref(), Some("it's a \\ secret"));
        forget(&server);
        assert_eq!(recall(&server), None);
    }
}
