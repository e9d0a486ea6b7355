//! The UI's TypeScript types are generated from the Rust types and committed; this fails
//! when they are stale, and `UPDATE_BINDINGS=1` rewrites them.

use std::path::Path;

#[test]
fn committed_typescript_bindings_match_the_rust_types() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/api/bindings.ts");
    let fresh = huikuan_app::bindings::typescript();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/api/bindings.ts is stale: run `UPDATE_BINDINGS=1 cargo test -p huikuan-app --test bindings`"
    );
}
