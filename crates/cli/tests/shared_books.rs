//! The CLI on shared books: `--db postgresql://…` beside `--db FILE`, `copy-to` between
//! them, and seats (CLI processes) writing to one book at once. Each test that needs a
//! server makes a database of its own on the one named by `HUIKUAN_TEST_PG` (the throwaway
//! server `scripts/test` starts) and says it skipped without one.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};

use huikuan_store::testing::fresh_server;
use huikuan_store::Server;
use serde_json::Value;

const TODAY: &str = "2026-11-02";

/// A new, empty database on the test server and the URL the CLI is given for it (with the
/// test server's password), or None, said, when there is no test server.
fn fresh() -> Option<(Server, String)> {
    let Ok(admin) = std::env::var("HUIKUAN_TEST_PG") else {
        println!("skipped: no HUIKUAN_TEST_PG");
        return None;
    };
    let server = fresh_server().expect("a database of its own on the test server");
    let url = with_database(&admin, &server.database);
    Some((server, url))
}

/// `postgres://user:pw@host:port/other?query` with `database` in place of `other`.
fn with_database(url: &str, database: &str) -> String {
    let (base, query) = url.split_once('?').map_or((url, String::new()), |(b, q)| (b, format!("?{q}")));
    let (scheme, rest) = base.split_once("://").expect("a URL");
    let authority = rest.split('/').next().expect("host");
    format!("{scheme}://{authority}/{database}{query}")
}

/// The binary on the book `db` (a path or a URL) on the business date `today`.
fn command(db: &str, today: &str, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_huikuan-cli"));
    command.arg("--db").arg(db).arg("--today").arg(today).args(args);
    command.env_remove("HUIKUAN_DB").env_remove("HUIKUAN_TODAY").env_remove("HUIKUAN_FORMAT");
    command.stdin(Stdio::null()).stdout(Stdio::piped()).stderr(Stdio::piped());
    command
}

fn run(db: &str, today: &str, args: &[&str]) -> Output {
    command(db, today, args).output().expect("huikuan-cli runs")
}

fn ok(db: &str, today: &str, args: &[&str]) -> String {
    let out = run(db, today, args);
    assert!(out.status.success(), "{args:?} on {db} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json(db: &str, today: &str, args: &[&str]) -> Value {
    serde_json::from_str(&ok(db, today, args)).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A statement run straight on the database, past Huikuan: what the CLI must then refuse.
fn sql(url: &str, statement: &str) {
    let mut client = postgres::Client::connect(url, postgres::NoTls).expect("the test server");
    client.batch_execute(statement).expect("the statement runs");
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

#[test]
fn init_makes_an_empty_database_a_book_again_and_again_and_refuses_what_is_not_one() {
    let Some((server, url)) = fresh() else { return };
    let said = ok(&url, TODAY, &["init"]);
    assert_eq!(said, format!("book ready at {}\n", server.shown()), "the address without its password");
    ok(&url, TODAY, &["customer", "add", "--code", "K1", "--name", "宏达五金"]);
    assert_eq!(ok(&url, TODAY, &["init"]), said, "init on a book leaves it as it is");
    assert_eq!(json(&url, TODAY, &["customer", "list", "--format", "json"])[0]["code"], "K1");

    let (foreign, foreign_url) = fresh().expect("the same server");
    sql(&foreign_url, "CREATE TABLE stock (item TEXT PRIMARY KEY, quantity INTEGER NOT NULL)");
    let out = run(&foreign_url, TODAY, &["init"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!(
            "error: the database {} holds tables of another program; Huikuan uses an empty database of its own\n",
            foreign.database
        )
    );
    let mut client = postgres::Client::connect(&foreign_url, postgres::NoTls).unwrap();
    let tables: i64 = client
        .query_one("SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()", &[])
        .unwrap()
        .get(0);
    assert_eq!(tables, 1, "nothing was created beside the other program's table");

    let (_, newer_url) = fresh().expect("the same server");
    ok(&newer_url, TODAY, &["init"]);
    sql(&newer_url, "UPDATE huikuan_schema SET version = 99");
    for args in [&["init"][..], &["report", "aging", "--as-of", TODAY][..]] {
        let out = run(&newer_url, TODAY, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert!(stderr(&out).contains("written by a newer Huikuan (schema version 99;"), "{}", stderr(&out));
    }
}

#[test]
fn a_wrong_password_a_missing_password_and_a_missing_database_are_each_said_as_such() {
    let Some((server, url)) = fresh() else { return };
    let (scheme, rest) = url.split_once("://").unwrap();
    let (_, host_and_database) = rest.split_once('@').unwrap();
    let user = &server.user;
    let wrong = format!("{scheme}://{user}:not-the-password@{host_and_database}");
    let out = run(&wrong, TODAY, &["init"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr(&out),
        format!("error: database server error: password authentication failed for user \"{user}\"\n")
    );

    let home = tempfile::tempdir().unwrap();
    let none = format!("{scheme}://{user}@{host_and_database}");
    let out = command(&none, TODAY, &["init"])
        .env_remove("PGPASSWORD")
        .env_remove("PGPASSFILE")
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("asks for a password: put it in the URL"), "{}", stderr(&out));

    let missing = with_database(&url, &format!("{}_never_made", server.database));
    let out = run(&missing, TODAY, &["report", "aging", "--as-of", TODAY]);
    assert_eq!(out.status.code(), Some(1));
    let said = format!("error: database server error: database \"{}_never_made\" does not exist\n", server.database);
    assert_eq!(stderr(&out), said);
}

#[test]
fn a_server_that_cannot_be_reached_is_said_so_without_the_password() {
    // A port that was free a moment ago: nothing listens there.
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let url = format!("postgresql://owner:s3cret@127.0.0.1:{port}/books");
    let out = run(&url, TODAY, &["init"]);
    assert_eq!(out.status.code(), Some(1));
    let said = stderr(&out);
    let shown = format!("error: the database server at postgresql://owner@127.0.0.1:{port}/books cannot be reached");
    assert!(said.starts_with(&shown), "{said}");
    assert!(said.contains("Connection refused"), "and why: {said}");
    assert!(!said.contains("s3cret"), "{said}");
    let out = run(&url, TODAY, &["report", "aging", "--as-of", TODAY, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(common::refusal(&out)["error"]["code"], "server_gone");
}

/// The story's customers, opening balances, deliveries and payments, imported through the
/// CLI as `common::story_book` does.
fn story_into(db: &str) {
    ok(db, "2026-04-15", &["init"]);
    for kind in ["customers", "opening-balances", "deliveries", "payments"] {
        let file = common::story(&format!("{kind}.csv"));
        let mut args = vec!["import", kind, file.to_str().unwrap()];
        if kind == "deliveries" {
            args.extend(["--override-reason", "导入历史送货单"]);
        }
        ok(db, "2026-04-15", &args);
    }
}

#[test]
fn a_book_imported_on_the_server_ages_exactly_like_the_same_book_in_a_file() {
    let Some((_, url)) = fresh() else { return };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("books.db");
    story_into(path(&file));
    story_into(&url);
    for as_of in ["2025-12-31", "2026-01-20", "2026-02-28", "2026-03-10", "2026-04-15", "2026-09-30"] {
        for basis in ["due", "document"] {
            let args = ["report", "aging", "--as-of", as_of, "--basis", basis, "--format", "json"];
            let on_server = ok(&url, "2026-04-15", &args);
            assert_eq!(on_server, ok(path(&file), "2026-04-15", &args), "aging at {as_of} by {basis} date");
        }
    }
    let aging = ["report", "aging", "--as-of", "2026-04-15", "--format", "json"];
    assert_eq!(json(&url, "2026-04-15", &aging)["totals"]["balance"], "5837.38", "the story's figure");
    ok(&url, "2026-04-15", &["check"]);

    // The backup of shared books: a SQLite file, with the files attached on the server beside it.
    let licence = dir.path().join("营业执照.png");
    std::fs::write(&licence, b"\x89PNG licence").unwrap();
    let attach = ["customer", "attach", "C002", path(&licence), "--kind", "licence", "--format", "json"];
    let sha = json(&url, "2026-04-15", &attach)["sha256"].as_str().unwrap().to_string();
    let backups = dir.path().join("backups");
    std::fs::create_dir(&backups).unwrap();
    let backup = backups.join("shared.db");
    let said = ok(&url, "2026-04-15", &["backup", "--to", path(&backup)]);
    assert_eq!(said, format!("backed up to {} with 1 attached file(s) beside it\n", backup.display()));
    assert_eq!(ok(path(&backup), "2026-04-15", &aging), ok(&url, "2026-04-15", &aging));
    assert_eq!(kept_beside(&backups, &sha), b"\x89PNG licence");
    assert!(!run(&url, "2026-04-15", &["backup", "--to", path(&backup)]).status.success(), "never overwrites");
}

/// 3966 as "3,966", as copy-to says it.
fn thousands(n: i64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

const DEMO_TODAY: &str = "2026-11-20";

/// The reports that must be byte for byte alike on every copy.
fn reports_of(db: &str) -> Vec<String> {
    [
        &["report", "aging", "--as-of", DEMO_TODAY, "--format", "json"][..],
        &["report", "limitation", "--as-of", DEMO_TODAY, "--format", "json"][..],
        &["worklist", "--format", "json"][..],
    ]
    .iter()
    .map(|args| ok(db, DEMO_TODAY, args))
    .collect()
}

/// The file kept for `sha256` in the attachments folder beside a SQLite book in `dir`.
fn kept_beside(dir: &Path, sha256: &str) -> Vec<u8> {
    std::fs::read(dir.join("attachments").join(&sha256[..2]).join(sha256)).expect("the file is beside the book")
}

#[test]
fn the_demo_copied_onto_the_server_and_back_reports_byte_for_byte_alike() {
    let Some((server, url)) = fresh() else { return };
    let dir = tempfile::tempdir().unwrap();
    let back_dir = dir.path().join("elsewhere");
    std::fs::create_dir(&back_dir).unwrap();
    let (demo, back) = (dir.path().join("demo.db"), back_dir.join("back.db"));
    let (demo, back) = (path(&demo), path(&back));
    ok(demo, DEMO_TODAY, &["demo"]);
    let contract = dir.path().join("合同.pdf");
    std::fs::write(&contract, b"%PDF-1.4 payment within 30 days").unwrap();
    let attach = ["customer", "attach", "C001", path(&contract), "--kind", "contract", "--format", "json"];
    let contract_sha = json(demo, DEMO_TODAY, &attach)["sha256"].as_str().unwrap().to_string();
    let original = reports_of(demo);
    assert!(original[0].len() > 1000 && original[2].len() > 1000, "the demo has customers to chase");

    let copied = json(demo, DEMO_TODAY, &["copy-to", &url, "--format", "json"]);
    assert_eq!(copied["to"], server.shown().as_str());
    assert_eq!(copied["files"], 1, "the attached contract went along");
    let (customers, entries) = (copied["customers"].as_i64().unwrap(), copied["entries"].as_i64().unwrap());
    assert!(customers >= 50 && entries >= 1000, "{copied}");
    assert_eq!(reports_of(&url), original, "on the server");
    ok(&url, DEMO_TODAY, &["check"]);
    assert!(ok(&url, DEMO_TODAY, &["document", "verify", "--all"]).contains("every stored PDF matches its record"));
    // A seat attaches a photo on the server; both files come back to the file.
    let photo = dir.path().join("门头.jpg");
    std::fs::write(&photo, b"\xFF\xD8\xFF shop front").unwrap();
    let attach = ["customer", "attach", "C002", path(&photo), "--kind", "photo", "--format", "json"];
    let photo_sha = json(&url, DEMO_TODAY, &attach)["sha256"].as_str().unwrap().to_string();

    let said = ok(&url, DEMO_TODAY, &["copy-to", back]);
    let (entries, customers) = (thousands(entries), thousands(customers));
    assert_eq!(said, format!("copied {entries} entries of {customers} customers and 2 attached file(s) to {back}\n"));
    assert_eq!(reports_of(back), original, "copied back to a file");
    ok(back, DEMO_TODAY, &["check"]);
    assert!(ok(back, DEMO_TODAY, &["document", "verify", "--all"]).contains("every stored PDF matches its record"));
    assert_eq!(kept_beside(&back_dir, &contract_sha), b"%PDF-1.4 payment within 30 days");
    assert_eq!(kept_beside(&back_dir, &photo_sha), b"\xFF\xD8\xFF shop front");

    let again = run(&url, DEMO_TODAY, &["copy-to", back]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists"), "an existing file is never overwritten");
    let again = run(demo, DEMO_TODAY, &["copy-to", &url, "--format", "json"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(common::refusal(&again)["error"]["code"], "not_empty");
    assert_eq!(reports_of(&url), original, "the refused copy wrote nothing");

    // `demo` straight onto a server: built as in a file, then copied.
    let (_, straight) = fresh().expect("the same server");
    assert!(ok(&straight, DEMO_TODAY, &["demo"]).starts_with("demo books written to postgresql://"));
    assert_eq!(reports_of(&straight), original, "demo on a server");
    let refused = run(&straight, DEMO_TODAY, &["restore", "--from", back]);
    assert_eq!(refused.status.code(), Some(1));
    assert!(stderr(&refused).contains("copy-to"), "{}", stderr(&refused));
}

/// Every book a race runs on: a new database on the server, and a new file.
fn books_to_race(dir: &Path) -> Option<Vec<String>> {
    let (_, url) = fresh()?;
    Some(vec![url, path(&dir.join("books.db")).to_string()])
}

#[test]
fn four_seats_delivering_at_once_at_the_limit_leave_exactly_one_delivery() {
    let dir = tempfile::tempdir().unwrap();
    let Some(books) = books_to_race(dir.path()) else { return };
    for db in &books {
        ok(db, TODAY, &["init"]);
        ok(
            db,
            TODAY,
            &["customer", "add", "--code", "K1", "--name", "宏达五金", "--terms", "net:30", "--credit-limit", "1000"],
        );
        // All four started before any is waited for: they race for the one room there is.
        let seats: Vec<_> = (0..4)
            .map(|_| {
                command(db, TODAY, &["delivery", "--customer", "K1", "--date", TODAY, "--line", "水泥,1,600.00"])
                    .spawn()
                    .expect("a seat starts")
            })
            .collect();
        let outs: Vec<Output> = seats.into_iter().map(|seat| seat.wait_with_output().unwrap()).collect();
        let passed: Vec<&Output> = outs.iter().filter(|o| o.status.success()).collect();
        assert_eq!(passed.len(), 1, "on {db}: {outs:?}");
        assert_eq!(String::from_utf8_lossy(&passed[0].stdout), "issued SD-2026-000001 total 600.00 due 2026-12-02\n");
        for refused in outs.iter().filter(|o| !o.status.success()) {
            assert_eq!(refused.status.code(), Some(1));
            assert_eq!(
                stderr(refused),
                "error: delivery on credit to K1 宏达五金 is blocked: over the credit limit: owes ¥600.00, this \
                 delivery ¥600.00, exposure ¥1,200.00 against a limit of ¥1,000.00 (¥200.00 over). To issue it \
                 anyway, give a written reason for the override\n",
                "on {db}: refused with the figures as they now stand"
            );
        }
        let ledger = json(db, TODAY, &["customer", "ledger", "K1", "--format", "json"]);
        assert_eq!(ledger["entries"].as_array().unwrap().len(), 1, "on {db}");
        assert_eq!(ledger["balance"], "600.00");
        assert_eq!(json(db, TODAY, &["document", "list", "K1", "--format", "json"])["total"], 1);
        ok(db, TODAY, &["check"]);
    }
}

/// What each seat does: 12 changes, a delivery then a payment on each of its customers in turn.
fn seat_works(db: &str, seat: usize) {
    for step in 0..12 {
        let code = format!("K{}", (seat + step / 2) % 3 + 1);
        if step % 2 == 0 {
            let line = format!("水泥,1,{}.00", 100 + seat * 10 + step);
            ok(db, TODAY, &["delivery", "--customer", &code, "--date", TODAY, "--line", &line]);
        } else {
            ok(db, TODAY, &["payment", "--customer", &code, "--date", TODAY, "--amount", "50.00", "--method", "bank"]);
        }
    }
}

/// The numbers of a series (`SD-2026-` or `PM-2026-`) across the customers' ledgers, sorted.
fn numbers_of(db: &str, prefix: &str) -> Vec<u32> {
    let mut numbers: Vec<u32> = ["K1", "K2", "K3"]
        .iter()
        .flat_map(|code| {
            let ledger = json(db, TODAY, &["customer", "ledger", code, "--format", "json"]);
            ledger["entries"].as_array().unwrap().clone()
        })
        .filter_map(|entry| entry["number"].as_str().and_then(|n| n.strip_prefix(prefix)).map(|n| n.parse().unwrap()))
        .collect();
    numbers.sort();
    numbers
}

#[test]
fn four_seats_writing_at_once_keep_check_clean_and_every_series_gapless() {
    let dir = tempfile::tempdir().unwrap();
    let Some(books) = books_to_race(dir.path()) else { return };
    for db in &books {
        ok(db, TODAY, &["init"]);
        for code in ["K1", "K2", "K3"] {
            ok(db, TODAY, &["customer", "add", "--code", code, "--name", code, "--credit-limit", "1000000"]);
        }
        std::thread::scope(|scope| {
            for seat in 0..4 {
                scope.spawn(move || seat_works(db, seat));
            }
        });
        ok(db, TODAY, &["check"]);
        let gapless: Vec<u32> = (1..=24).collect();
        assert_eq!(numbers_of(db, "SD-2026-"), gapless, "delivery notes on {db}: unique, no gap");
        assert_eq!(numbers_of(db, "PM-2026-"), gapless, "payments on {db}: unique, no gap");
        let delivered: usize = (0..4).flat_map(|seat| (0..12).step_by(2).map(move |step| 100 + seat * 10 + step)).sum();
        let owed = format!("{}.00", delivered - 24 * 50);
        let aging = json(db, TODAY, &["report", "aging", "--as-of", TODAY, "--format", "json"]);
        assert_eq!(aging["totals"]["balance"], owed.as_str(), "on {db}");
    }
}
