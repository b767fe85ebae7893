//! The DOM calls the page makes most (a cold start makes about 1,000 each of
//! the first three): `createElement`, `setAttribute`, `append` of a node and
//! of a text, bound here without web-sys's exception wrapper, and with tag
//! and attribute names handed over as JavaScript strings made once per name
//! instead of decoded from wasm memory at every call (BENCHMARKS.md,
//! changelog “The DOM calls a page build makes most, cheaper”).
//!
//! Names are literals (`&'static str`), so a name is known by where its
//! bytes are; its JavaScript string lives as long as the page. A value
//! (an attribute's, a text) still crosses as text at every call.
//!
//! None of these can throw for the names used here (valid, literal tag and
//! attribute names; a parent element and a new child or a text). If one
//! did, the exception would reach the caller, as `unwrap_throw` made it
//! before.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

#[wasm_bindgen]
extern "C" {
    /// A document, seen only for `createElement`.
    type Doc;
    #[wasm_bindgen(method, js_name = createElement)]
    fn create_element(this: &Doc, tag: &JsValue) -> Element;

    /// An element, seen only for `setAttribute` and `append`.
    type Elem;
    #[wasm_bindgen(method, js_name = setAttribute)]
    fn set_attribute(this: &Elem, name: &JsValue, value: &str);
    #[wasm_bindgen(method, js_name = append)]
    fn append(this: &Elem, child: &Node);
    #[wasm_bindgen(method, js_name = append)]
    fn append_str(this: &Elem, text: &str);
}

thread_local! {
    /// Each name's JavaScript string, by the address and length of its
    /// bytes (sorted; the page uses about 60 names); made once and kept for
    /// the page's life, like the literal.
    static NAMES: RefCell<Vec<((usize, usize), &'static JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// `name` as a JavaScript string, made at its first use.
fn js_name(name: &'static str) -> &'static JsValue {
    let key = (name.as_ptr() as usize, name.len());
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        match names.binary_search_by_key(&key, |(k, _)| *k) {
            Ok(at) => names[at].1,
            Err(at) => {
                let js: &'static JsValue = Box::leak(Box::new(JsValue::from_str(name)));
                names.insert(at, (key, js));
                js
            }
        }
    })
}

/// `doc.createElement(tag)`.
pub fn create_element(doc: &Document, tag: &'static str) -> Element {
    doc.unchecked_ref::<Doc>().create_element(js_name(tag))
}

/// `el.setAttribute(name, value)`.
pub fn set_attribute(el: &Element, name: &'static str, value: &str) {
    el.unchecked_ref::<Elem>()
        .set_attribute(js_name(name), value);
}

/// `parent.append(child)`.
pub fn append(parent: &Element, child: &Node) {
    parent.unchecked_ref::<Elem>().append(child);
}

/// `parent.append(text)`: a text node.
pub fn append_text(parent: &Element, text: &str) {
    parent.unchecked_ref::<Elem>().append_str(text);
}
