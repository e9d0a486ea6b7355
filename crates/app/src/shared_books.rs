//! Shared books on a PostgreSQL server, as the desktop offers them: the form the user fills
//! (host, port, database, user, password), the connection test that says plainly what
//! happened, and the server the workspace remembers (never its password).

use huikuan_domain::DocLanguage;
use huikuan_store::server::Probe;
use huikuan_store::{Locator, Server, StoreError};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::AppError;
use crate::{Books, Clock};

/// The server the workspace's books are on, as remembered between starts: no password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SharedServer {
    pub host: String,
    pub port: u16,
    pub database: String,
    pub user: String,
}

impl SharedServer {
    /// As shown to the user: `postgresql://user@host:port/database`, never the password.
    pub fn shown(&self) -> String {
        format!("postgresql://{}@{}:{}/{}", self.user, self.host, self.port, self.database)
    }
}

/// What the user typed in the "shared books on a server" form. The port is text so that a
/// mistyped one is said beside its field like any other.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize, TS)]
pub struct ServerForm {
    pub host: String,
    pub port: String,
    pub database: String,
    pub user: String,
    pub password: String,
}

/// What a connection test found, for the UI to mark (and the tests to read).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum TestOutcome {
    /// Huikuan's books are there (a new, empty database is prepared as empty books).
    Connected,
    /// The server refused the user or the password.
    WrongPassword,
    /// No such database on the server.
    NoDatabase,
    /// Nothing answered at that host and port (down, wrong address, no network).
    Unreachable,
    /// The database holds another program's tables.
    Foreign,
    /// Books written by a newer Huikuan.
    Newer,
    /// Anything else the server said, in its words.
    Failed,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConnectionTest {
    pub outcome: TestOutcome,
    /// What happened, in the user's language.
    pub message: String,
    /// The server as shown (no password).
    pub server: String,
}

/// Shared books opened, and whether the password went into the system's keyring (else
/// it is asked for at each start).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SharedOpened {
    pub status: crate::workspace::WorkspaceStatus,
    pub password_kept: bool,
}

impl ServerForm {
    /// The server the form names, every refused field said at once.
    pub fn server(&self) -> Result<(SharedServer, Server), AppError> {
        let mut refused = Vec::new();
        let mut need = |field: &str, value: &str, en: &str, zh: &str| {
            if value.trim().is_empty() {
                refused.push(crate::error::Refusal { field: Some(field.to_string()), en: en.into(), zh: zh.into() });
            }
        };
        need("host", &self.host, "Say the server's name or address", "请填写服务器名称或地址");
        need("database", &self.database, "Say the database's name", "请填写数据库名称");
        need("user", &self.user, "Say the user name", "请填写用户名");
        let port = match self.port.trim() {
            "" => Some(5432),
            text => text.parse::<u16>().ok().filter(|p| *p > 0),
        };
        if port.is_none() {
            refused.push(crate::error::Refusal {
                field: Some("port".into()),
                en: format!("“{}” is not a port: a number from 1 to 65535 (usually 5432)", self.port.trim()),
                zh: format!("“{}”不是端口号：应为 1 到 65535 的数字（通常是 5432）", self.port.trim()),
            });
        }
        if !refused.is_empty() {
            return Err(AppError::Fields(refused));
        }
        let shared = SharedServer {
            host: self.host.trim().to_string(),
            port: port.expect("checked above"),
            database: self.database.trim().to_string(),
            user: self.user.trim().to_string(),
        };
        let server = server_with_password(&shared, &self.password)?;
        Ok((shared, server))
    }
}

/// The store's server for a remembered one and its password (kept in memory only). Written
/// as libpq's key=value text, each value quoted, so no character of a password can break it.
pub fn server_with_password(shared: &SharedServer, password: &str) -> Result<Server, AppError> {
    let quote = |v: &str| format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'"));
    let mut text = format!(
        "host={} port={} dbname={} user={}",
        quote(&shared.host),
        shared.port,
        quote(&shared.database),
        quote(&shared.user)
    );
    if !password.is_empty() {
        text.push_str(&format!(" password={}", quote(password)));
    }
    Ok(Server::from_url(&text)?)
}

/// Opens the shared books (an empty database is prepared as new, empty books).
pub fn open_shared(server: &Server, clock: Box<dyn Clock>, operator: &str) -> Result<Books, AppError> {
    Books::open_at(&Locator::Server(server.clone()), clock, operator)
}

/// Connects as the form says and tells what is there, without changing which books the
/// workspace has open.
pub fn test_connection(form: &ServerForm, language: DocLanguage) -> Result<ConnectionTest, AppError> {
    let (shared, server) = form.server()?;
    let shown = shared.shown();
    let said = |outcome, en: String, zh: String| ConnectionTest {
        outcome,
        message: if language == DocLanguage::En { en } else { zh },
        server: shown.clone(),
    };
    // Looked at, not changed: an empty database is prepared only when the user opens it.
    Ok(match huikuan_store::server::probe(&server).map_err(AppError::from) {
        Ok(Probe::Empty) => said(
            TestOutcome::Connected,
            format!("Connected to {shown}. The database is empty: opening it prepares new shared books there."),
            format!("已连接 {shown}。该数据库是空的：打开时将在其中建立新的共享账簿。"),
        ),
        Ok(Probe::Books { version, customers }) => {
            if customers == 0 {
                said(
                    TestOutcome::Connected,
                    format!("Connected to {shown}. The shared books there are empty and ready (schema version {version}): open them to begin."),
                    format!("已连接 {shown}。那里的共享账簿是空的，已准备好（结构版本 {version}）：打开即可开始。"),
                )
            } else {
                said(
                    TestOutcome::Connected,
                    format!(
                        "Connected to {shown}. Shared books with {customers} customers (schema version {version})."
                    ),
                    format!("已连接 {shown}。共享账簿中有 {customers} 个客户（结构版本 {version}）。"),
                )
            }
        }
        Err(error) => {
            let (outcome, en, zh) = explain(&error, &shared);
            said(outcome, en, zh)
        }
    })
}

/// A failed connection in plain words: which of the usual causes it was.
pub fn explain(error: &AppError, shared: &SharedServer) -> (TestOutcome, String, String) {
    let shown = shared.shown();
    let (host, port, database, user) = (&shared.host, shared.port, &shared.database, &shared.user);
    let AppError::Store(store) = error else {
        return (TestOutcome::Failed, error.message_in(DocLanguage::En), error.message_in(DocLanguage::Zh));
    };
    match store {
        StoreError::ServerGone { why, .. } if why.contains("password missing") => (
            TestOutcome::WrongPassword,
            format!("The server at {host}:{port} asks for a password for {user}: type it in the password field."),
            format!("服务器 {host}:{port} 要求用户 {user} 提供密码：请在密码栏填写。"),
        ),
        StoreError::ServerGone { .. } => (
            TestOutcome::Unreachable,
            format!("Nothing answered at {host}:{port}. Check the server's address and port, that the server is running, and the network."),
            format!("{host}:{port} 没有响应。请检查服务器地址和端口、服务器是否在运行，以及网络。"),
        ),
        StoreError::ForeignServerDatabase { .. } => (
            TestOutcome::Foreign,
            format!("The database {database} holds another program's tables. Huikuan needs an empty database of its own: ask for a new one (e.g. CREATE DATABASE huikuan)."),
            format!("数据库 {database} 中有其他程序的表。回款需要一个专用的空数据库：请新建一个（如 CREATE DATABASE huikuan）。"),
        ),
        StoreError::NewerSchema { found, supported } => (
            TestOutcome::Newer,
            format!("The books in {database} were written by a newer Huikuan (schema version {found}; this one knows up to {supported}). Update Huikuan on this computer."),
            format!("{database} 中的账簿由更新版本的回款写入（结构版本 {found}，本程序最高 {supported}）。请先升级本机的回款。"),
        ),
        StoreError::Postgres(e) => match e.code().map(|c| c.code()) {
            // invalid_password, invalid_authorization_specification (no such role, refused by pg_hba)
            Some("28P01") | Some("28000") => (
                TestOutcome::WrongPassword,
                format!("The server did not accept the user {user} with this password. Check both and try again."),
                format!("服务器不接受用户 {user} 和这个密码。请检查用户名和密码后重试。"),
            ),
            // invalid_catalog_name
            Some("3D000") => (
                TestOutcome::NoDatabase,
                format!("The server has no database named {database}. Check the name, or ask for it to be created (CREATE DATABASE {database})."),
                format!("服务器上没有名为 {database} 的数据库。请检查名称，或请管理员新建（CREATE DATABASE {database}）。"),
            ),
            _ => (
                TestOutcome::Failed,
                format!("The server {shown} refused: {e}"),
                format!("服务器 {shown} 拒绝了连接：{e}"),
            ),
        },
        _ => (TestOutcome::Failed, error.message_in(DocLanguage::En), error.message_in(DocLanguage::Zh)),
    }
}
