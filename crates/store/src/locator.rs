//! Where a book is: a file on this computer (SQLite), or shared books in a PostgreSQL
//! database named by a `postgres://` or `postgresql://` URL. The password may be in the
//! URL, in `PGPASSWORD`, or in `~/.pgpass` (or `PGPASSFILE`), looked up as libpq does.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use crate::error::StoreError;

// Made once when a book opens: its size does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone)]
pub enum Locator {
    File(PathBuf),
    Server(Server),
}

/// A PostgreSQL database holding shared books.
#[derive(Debug, Clone)]
pub struct Server {
    pub(crate) config: postgres::Config,
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
}

impl Locator {
    /// A `postgres://` / `postgresql://` URL names a server; anything else is a file path.
    pub fn parse(text: &str) -> Result<Locator, StoreError> {
        if is_server_url(text) {
            Ok(Locator::Server(Server::from_url(text)?))
        } else {
            Ok(Locator::File(PathBuf::from(text)))
        }
    }
}

pub fn is_server_url(text: &str) -> bool {
    let lower = text.trim().to_ascii_lowercase();
    lower.starts_with("postgres://") || lower.starts_with("postgresql://")
}

impl Server {
    pub fn from_url(url: &str) -> Result<Server, StoreError> {
        let mut config = postgres::Config::from_str(url.trim()).map_err(|e| StoreError::BadLocator(e.to_string()))?;
        let host = match config.get_hosts().first() {
            Some(postgres::config::Host::Tcp(h)) => h.clone(),
            #[cfg(unix)]
            Some(postgres::config::Host::Unix(p)) => p.display().to_string(),
            None => {
                config.host("localhost");
                "localhost".to_string()
            }
        };
        let port = config.get_ports().first().copied().unwrap_or(5432);
        let user = match config.get_user() {
            Some(u) => u.to_string(),
            None => {
                let u =
                    std::env::var("PGUSER").or_else(|_| std::env::var("USER")).unwrap_or_else(|_| "postgres".into());
                config.user(&u);
                u
            }
        };
        let database = match config.get_dbname() {
            Some(d) => d.to_string(),
            None => {
                config.dbname(&user);
                user.clone()
            }
        };
        if config.get_password().is_none() {
            if let Some(password) = password_from_environment(&host, port, &database, &user) {
                config.password(password);
            }
        }
        config.application_name("huikuan");
        config.connect_timeout(Duration::from_secs(10));
        // A network that drops is noticed in seconds, not after TCP gives up (minutes) or the
        // default keepalive (two hours): the seat says the server is gone and the others
        // are not left waiting on its write lock.
        config.keepalives_idle(Duration::from_secs(15));
        config.keepalives_interval(Duration::from_secs(5));
        config.keepalives_retries(3);
        config.tcp_user_timeout(Duration::from_secs(30));
        Ok(Server { config, host, port, database, user })
    }

    /// As shown to the user and written in messages: never the password.
    pub fn shown(&self) -> String {
        format!("postgresql://{}@{}:{}/{}", self.user, self.host, self.port, self.database)
    }

    /// The same server with another database (tests make one database per test).
    pub fn with_database(&self, database: &str) -> Server {
        let mut server = self.clone();
        server.config.dbname(database);
        server.database = database.to_string();
        server
    }

    pub fn ssl_mode(&self) -> postgres::config::SslMode {
        self.config.get_ssl_mode()
    }
}

fn password_from_environment(host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    if let Ok(password) = std::env::var("PGPASSWORD") {
        return Some(password);
    }
    let file = std::env::var_os("PGPASSFILE")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".pgpass")))?;
    // As libpq: a password file others can read is not used.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let meta = std::fs::metadata(&file).ok()?;
        if !meta.is_file() || meta.permissions().mode() & 0o077 != 0 {
            return None;
        }
    }
    let text = std::fs::read_to_string(file).ok()?;
    pgpass_lookup(&text, host, port, database, user)
}

/// The first line of a `.pgpass` text matching host:port:database:user (each field may be
/// `*`; `\:` and `\\` escape), as libpq reads it.
pub(crate) fn pgpass_lookup(text: &str, host: &str, port: u16, database: &str, user: &str) -> Option<String> {
    let port = port.to_string();
    let wanted = [host, port.as_str(), database, user];
    text.lines().filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty()).find_map(|line| {
        let fields = split_pgpass(line);
        if fields.len() < 5 {
            return None;
        }
        let matches = fields[..4].iter().zip(wanted).all(|(field, want)| field == "*" || field == want);
        matches.then(|| fields[4..].join(":"))
    })
}

fn split_pgpass(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => fields.last_mut().expect("one field").extend(chars.next()),
            ':' => fields.push(String::new()),
            _ => fields.last_mut().expect("one field").push(c),
        }
    }
    fields
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_url_names_a_server_and_anything_else_a_file() {
        assert!(matches!(Locator::parse("/home/a/books.db").unwrap(), Locator::File(_)));
        assert!(matches!(Locator::parse("postgres.db").unwrap(), Locator::File(_)));
        let Locator::Server(s) = Locator::parse("postgresql://owner:pw@127.0.0.1:5433/books?sslmode=disable").unwrap()
        else {
            panic!("a server")
        };
        assert_eq!(
            (s.host.as_str(), s.port, s.database.as_str(), s.user.as_str()),
            ("127.0.0.1", 5433, "books", "owner")
        );
        assert_eq!(s.shown(), "postgresql://owner@127.0.0.1:5433/books", "no password shown");
        assert!(Locator::parse("postgres://owner@host/books?sslmode=bogus").is_err());
    }

    #[test]
    fn pgpass_finds_the_first_matching_line_with_wildcards_and_escapes() {
        let text = "# comment\nother:5432:*:owner:nope\n127.0.0.1:5433:books:owner:p\\:w\\\\d\n*:*:*:*:fallback\n";
        assert_eq!(pgpass_lookup(text, "127.0.0.1", 5433, "books", "owner").as_deref(), Some("p:w\\d"));
        assert_eq!(pgpass_lookup(text, "db.shop", 5432, "books", "clerk").as_deref(), Some("fallback"));
        assert_eq!(pgpass_lookup("127.0.0.1:5432:b:u:x\n", "localhost", 5432, "b", "u"), None, "as libpq: no aliases");
        assert_eq!(pgpass_lookup("h:1:d:u:x\n", "h", 2, "d", "u"), None);
    }
}
