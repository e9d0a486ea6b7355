//! Shared books on a PostgreSQL server as the desktop offers them: the form, the connection
//! test's plain answers, and a workspace that remembers the server but never its password.
//! The tests that need a server run when HUIKUAN_TEST_PG names one (scripts/test does).

use std::sync::Arc;

use chrono::NaiveDate;

use huikuan_app::shared_books::{test_connection, ServerForm, TestOutcome};
use huikuan_app::workspace::Workspace;
use huikuan_app::{AppError, Clock, CustomerFields, FixedClock};
use huikuan_domain::DocLanguage;
use huikuan_store::Server;

fn clock() -> Arc<dyn Clock> {
    Arc::new(FixedClock::on(NaiveDate::from_ymd_opt(2026, 12, 7).unwrap()))
}

fn form(host: &str, port: &str, database: &str, user: &str, password: &str) -> ServerForm {
    ServerForm {
        host: host.into(),
        port: port.into(),
        database: database.into(),
        user: user.into(),
        password: password.into(),
    }
}

/// The test server's address and a fresh, empty database on it (None without a server).
fn fresh() -> Option<(Server, String)> {
    let url = std::env::var("HUIKUAN_TEST_PG").ok()?;
    let password = postgres_password(&url);
    Some((huikuan_store::testing::fresh_server().expect("a fresh database"), password))
}

fn postgres_password(url: &str) -> String {
    let after_user = url.split_once("://").unwrap().1.split_once('@').unwrap().0;
    after_user.split_once(':').map(|(_, p)| p.to_string()).unwrap_or_default()
}

fn form_for(server: &Server, password: &str) -> ServerForm {
    form(&server.host, &server.port.to_string(), &server.database, &server.user, password)
}

#[test]
fn every_missing_field_and_a_bad_port_are_said_at_once() {
    let error = form("", "54x", "", " ", "").server().unwrap_err();
    let AppError::Fields(refused) = error else { panic!("all fields at once") };
    let fields: Vec<_> = refused.iter().filter_map(|r| r.field.as_deref()).collect();
    assert_eq!(fields, ["host", "database", "user", "port"]);
}

#[test]
fn an_empty_port_is_postgresqls_own_and_a_password_of_any_characters_is_quoted() {
    let (shared, _) = form("db.shop.lan", "", "books", "owner", r"it's a \ secret").server().unwrap();
    assert_eq!(shared.port, 5432);
    assert_eq!(shared.shown(), "postgresql://owner@db.shop.lan:5432/books");
}

#[test]
fn a_closed_port_is_said_as_nothing_answering() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let found =
        test_connection(&form("127.0.0.1", &port.to_string(), "books", "owner", "pw"), DocLanguage::En).unwrap();
    assert_eq!(found.outcome, TestOutcome::Unreachable, "{}", found.message);
    assert!(found.message.starts_with(&format!("Nothing answered at 127.0.0.1:{port}")), "{}", found.message);
}

#[test]
fn the_connection_test_tells_empty_books_a_wrong_password_and_a_missing_database() {
    let Some((server, password)) = fresh() else { return };
    let test = |f: &ServerForm| test_connection(f, DocLanguage::En).unwrap();
    let found = test(&form_for(&server, &password));
    assert_eq!(found.outcome, TestOutcome::Connected);
    assert!(found.message.contains("The database is empty: opening it prepares"), "{}", found.message);
    let mut probe = huikuan_store::Store::open_server(&server).unwrap();
    assert_eq!(probe.query_value::<i64>("SELECT count(*) FROM customers").unwrap(), 0);
    drop(probe);
    let again = test(&form_for(&server, &password));
    assert!(again.message.contains("empty and ready"), "prepared books without customers: {}", again.message);
    assert!(!found.message.contains(&password) && !found.server.contains(&password));
    assert_eq!(test(&form_for(&server, "not-the-password")).outcome, TestOutcome::WrongPassword);
    let missing = form_for(&server.with_database("no_such_books"), &password);
    assert_eq!(test(&missing).outcome, TestOutcome::NoDatabase);
}

#[test]
fn shared_books_are_remembered_without_their_password_and_asked_for_at_the_next_start() {
    let Some((server, password)) = fresh() else { return };
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("books.db");
    let mut ws = Workspace::open(path.clone(), clock(), "owner").unwrap();
    let status = ws.open_shared(&form_for(&server, &password)).unwrap();
    assert!(status.opened && status.shared.is_some() && !status.needs_password);
    ws.books().unwrap().create_customer(CustomerFields::new("C1", "宏达五金"), vec![]).unwrap();
    let backup = ws.backup_now().unwrap();
    let name = std::path::Path::new(&backup.path).file_name().unwrap().to_str().unwrap().to_string();
    let refused = ws.restore_backup(&name).unwrap_err();
    assert!(refused.message_in(DocLanguage::En).contains("copy-to"), "not restored over the shared books");
    assert!(!path.exists(), "no book file is made on this computer");
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        assert!(!text.contains(&password), "the password is written nowhere: {text}");
    }
    drop(ws);

    let mut again = Workspace::open(path.clone(), clock(), "owner").unwrap();
    let status = again.status();
    assert!(!status.opened && status.needs_password);
    assert_eq!(status.location, format!("postgresql://{}@127.0.0.1:{}/{}", server.user, server.port, server.database));
    assert!(again.unlock_shared("wrong").is_err());
    let status = again.status();
    assert!(status.needs_password, "a refused password is asked for again");
    assert_eq!(status.server_problem.map(|p| p.outcome), Some(TestOutcome::WrongPassword));
    assert!(again.unlock_shared(&password).unwrap().opened);
    assert_eq!(again.books().unwrap().list_customers("").unwrap().len(), 1, "the same shared books");
    assert!(again.retry_shared().unwrap().opened);

    let status = again.leave_shared().unwrap();
    assert!(!status.opened && status.shared.is_none(), "no book file here: the welcome screen");
    assert!(Workspace::open(path, clock(), "owner").unwrap().shared_server().is_none());
}
