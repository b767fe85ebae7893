//! Plain DOM building, for the one part of the page drawn without Leptos
//! views: the runs table's rows (`components::run_row`). A page of rows is
//! rebuilt whole whenever it changes and holds no reactive parts, so the
//! keyed list and the generic view code per kind of cell bought nothing but
//! bytes and build time (BENCHMARKS.md, session 9).
//!
//! Text is only ever set as text (`textContent`) and attributes by name
//! (`setAttribute`): nothing here is parsed as markup.

use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element};

/// A new `tag` element with the class `class` (none when empty).
pub fn element(doc: &Document, tag: &str, class: &str) -> Element {
    // Fails only for an invalid tag name, and every tag here is a literal.
    let el = doc.create_element(tag).unwrap_throw();
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el
}

/// Appends to `parent` a `tag` element with `class`, an optional `title`
/// and `text`; returns it (for more attributes).
pub fn append_text(
    parent: &Element,
    tag: &str,
    class: &str,
    title: Option<&str>,
    text: &str,
) -> Element {
    let doc = parent.owner_document().unwrap_throw();
    let el = element(&doc, tag, class);
    if let Some(title) = title {
        set_attr(&el, "title", title);
    }
    el.set_text_content(Some(text));
    append(parent, &el);
    el
}

/// Sets an attribute (a valid, literal name: it cannot fail).
pub fn set_attr(el: &Element, name: &str, value: &str) {
    el.set_attribute(name, value).unwrap_throw();
}

/// Appends `child` to `parent`.
pub fn append(parent: &Element, child: &Element) {
    parent.append_with_node_1(child).unwrap_throw();
}
