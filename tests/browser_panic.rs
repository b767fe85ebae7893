#![cfg(target_arch = "wasm32")]
//! A bug must show a message, not leave a dead page. Kept in its own test
//! binary (its own page): the error box replaces every table on the page.
#![allow(clippy::disallowed_types, clippy::disallowed_methods)] // test code: not shipped

mod common;

use common::*;
use cu_cost_table::mount;
use serde_json::json;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn an_internal_error_shows_a_message_not_a_dead_page() {
    let root = container();
    let _handle = mount(
        root.clone().into(),
        options(json!({ "apiBase": demo_api(), "orgId": "acme", "token": "t" })),
    )
    .unwrap_or_else(|_| panic!("mount"));
    wait_for("rows", 10_000, || {
        (run_rows(&root).len() == 20).then_some(())
    })
    .await;
    // What the panic hook does after logging the panic to the console.
    cu_cost_table::mount::show_internal_error();
    let alert = one(&root, "[role=alert]").expect("an error box");
    assert!(accessible_text(&alert).contains("stopped because of an internal error"));
    assert!(run_rows(&root).is_empty());
}
