//! Integration tests of the store, one module per part of `src/`.

mod store {
    mod append_only;
    mod helpers;
    mod open_and_migrate;
    mod tables;
}
