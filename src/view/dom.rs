//! Plain DOM drawing, for the parts of the page that are drawn whole from
//! their data and hold no bindings of their own (`El::draw`): the runs
//! table's rows (`components::run_row`), the day chart's paths, legend and
//! budget lines, and both charts' figure tables. One call per element,
//! attribute or text, with the document passed along; the rest of the page
//! is built with `crate::view::el`.
//!
//! Text is only ever set as text (`textContent`) and attributes by name
//! (`setAttribute`): nothing here is parsed as markup.

use wasm_bindgen::UnwrapThrowExt;
use web_sys::{Document, Element};

use crate::view::el::SVG_NS;
use crate::view::names;

/// A new `tag` element with the class `class` (none when empty).
pub fn element(doc: &Document, tag: &'static str, class: &str) -> Element {
    let el = names::create_element(doc, tag);
    if !class.is_empty() {
        el.set_class_name(class);
    }
    el
}

/// The document `el` belongs to.
pub fn document_of(el: &Element) -> Document {
    // Every element has an owner document; only a document node has none.
    el.owner_document().unwrap_throw()
}

/// Appends to `parent` a new `tag` element with `class`; returns it.
pub fn append_element(parent: &Element, tag: &'static str, class: &str) -> Element {
    let el = element(&document_of(parent), tag, class);
    append(parent, &el);
    el
}

/// Appends to `parent` a header cell (`scope` "col" or "row") with `class`
/// and `text`.
pub fn append_th(parent: &Element, scope: &str, class: &str, text: &str) -> Element {
    let th = append_text(parent, "th", class, None, text);
    set_attr(&th, "scope", scope);
    th
}

/// Appends to `parent` a `tag` element with `class`, an optional `title`
/// and `text`; returns it (for more attributes).
pub fn append_text(
    parent: &Element,
    tag: &'static str,
    class: &str,
    title: Option<&str>,
    text: &str,
) -> Element {
    let el = element(&document_of(parent), tag, class);
    if let Some(title) = title {
        set_attr(&el, "title", title);
    }
    el.set_text_content(Some(text));
    append(parent, &el);
    el
}

/// Appends to `parent` an SVG `tag` element with `class` and the attributes
/// `attrs` (name, value); returns it.
pub fn append_svg(
    parent: &Element,
    tag: &str,
    class: &str,
    attrs: &[(&'static str, &str)],
) -> Element {
    let el = document_of(parent)
        .create_element_ns(Some(SVG_NS), tag)
        .unwrap_throw();
    if !class.is_empty() {
        set_attr(&el, "class", class);
    }
    for (name, value) in attrs {
        set_attr(&el, name, value);
    }
    append(parent, &el);
    el
}

/// Appends to `parent` a `tag` element holding a colour swatch (a
/// `cu-swatch` span with `swatch_class`, hidden from screen readers) and
/// `text` (a legend entry, or a figure table's row head).
pub fn append_swatch_item(
    parent: &Element,
    tag: &'static str,
    swatch_class: &str,
    text: &str,
) -> Element {
    let item = append_element(parent, tag, "");
    let swatch = append_element(&item, "span", &format!("cu-swatch {swatch_class}"));
    set_attr(&swatch, "aria-hidden", "true");
    // The text in a span of its own, so a long name can end in an ellipsis
    // (the whole name on hover).
    let name = append_element(&item, "span", "cu-key");
    names::append_text(&name, text);
    set_attr(&name, "title", text);
    item
}

/// Sets an attribute (a valid, literal name: it cannot fail).
pub fn set_attr(el: &Element, name: &'static str, value: &str) {
    names::set_attribute(el, name, value);
}

/// Appends `child` to `parent`.
pub fn append(parent: &Element, child: &Element) {
    names::append(parent, child);
}
