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
    // A real panic, in an event listener (as a bug in a click handler would
    // be): `mount` installed the hook; it logs the panic and replaces every
    // mounted table with an error box, then the wasm call traps. The page
    // reports that trap as an uncaught error, not the test's own call.
    let trigger = document().create_element("button").unwrap();
    let boom = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        panic!("a panic on purpose, to exercise the panic hook");
    });
    trigger
        .add_event_listener_with_callback(
            "click",
            wasm_bindgen::JsCast::unchecked_ref(boom.as_ref()),
        )
        .unwrap();
    boom.forget();
    wasm_bindgen::JsCast::unchecked_ref::<web_sys::HtmlElement>(&trigger).click();
    let alert = one(&root, "[role=alert]").expect("an error box");
    assert!(accessible_text(&alert).contains("stopped because of an internal error"));
    assert!(run_rows(&root).is_empty());
    // What the page saw: the panic's message in the console (the hook), and
    // the trap as an uncaught error. Nothing else.
    let errors = take_page_errors();
    assert!(
        errors.iter().any(|e| e.starts_with("console error:")
            && e.contains("a panic on purpose, to exercise the panic hook")),
        "{errors:?}"
    );
    assert!(
        errors
            .iter()
            .all(|e| e.starts_with("console error:") || e.starts_with("uncaught error:")),
        "{errors:?}"
    );
}
