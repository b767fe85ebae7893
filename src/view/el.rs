//! The view layer's one building block: [`El`], an element under
//! construction, with its reactive parts bound by a handful of non-generic
//! calls.
//!
//! Why not `view!`: tachys compiles every view to its own nested types, and
//! each type brings its own build, mount, rebuild and drop code; measured on
//! this page, its views are about 125 KB of the 289 KB of wasm, and the page
//! built here is 69.7 KB smaller (BENCHMARKS.md, changelog “The page leaves
//! tachys”; docs/decisions/0001-size-driven-design.md). Here every element
//! is a `createElement` and every reactive text, attribute, property, event
//! or conditional part goes through one function compiled once, with the
//! closure boxed. The state stays Leptos's (signals, memos, the table
//! context, owners that end effects with their component); only the DOM is
//! written by hand.
//!
//! Reading a component built with it:
//! ```text
//! h("button").attr("type", "button").class("cu-btn")
//!     .flag("disabled", move || state.loading.get())   // reactive boolean attribute
//!     .on("click", move |_| t.retry())                 // event listener
//!     .text("Retry")                                    // static text
//! ```
//!
//! Text is only ever set as text and attributes by name: nothing is parsed as
//! markup. Every binding and listener belongs to the current reactive owner
//! and ends with it (`reactive::keep`: dropped with the owner).

use crate::load::reactive::Derived;
use crate::view::names;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, Node};

/// The SVG namespace (shared with [`crate::view::dom`]).
pub(crate) const SVG_NS: &str = "http://www.w3.org/2000/svg";

thread_local! {
    static DOC: Document = web_sys::window()
        .and_then(|w| w.document())
        .expect_throw("a document");
}

/// An element being built. Methods take and return it, so a component reads
/// top to bottom like markup; [`El::into_element`] ends the building.
#[derive(Clone)]
pub struct El(Element);

/// A new HTML element `tag`.
#[inline(never)]
pub fn h(tag: &'static str) -> El {
    El(DOC.with(|d| names::create_element(d, tag)))
}

/// A new SVG element `tag`.
#[inline(never)]
pub fn svg(tag: &str) -> El {
    El(DOC
        .with(|d| d.create_element_ns(Some(SVG_NS), tag))
        .unwrap_throw())
}

/// Several elements side by side (the content of a conditional part).
pub type Els = Vec<El>;

impl From<Element> for El {
    /// An element already built (one a keyed item brings up to date).
    fn from(el: Element) -> El {
        El(el)
    }
}

impl El {
    /// The element.
    pub fn element(&self) -> &Element {
        &self.0
    }

    /// Ends the building.
    pub fn into_element(self) -> Element {
        self.0
    }

    /// Sets the `class` attribute.
    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    /// Sets an attribute.
    #[inline(never)]
    pub fn attr(self, name: &'static str, value: &str) -> El {
        names::set_attribute(&self.0, name, value);
        self
    }

    /// Sets an attribute when `value` is `Some`.
    pub fn attr_opt(self, name: &'static str, value: Option<&str>) -> El {
        match value {
            Some(value) => self.attr(name, value),
            None => self,
        }
    }

    /// Appends a text node.
    #[inline(never)]
    pub fn text(self, text: &str) -> El {
        names::append_text(&self.0, text);
        self
    }

    /// Appends a child element.
    #[inline(never)]
    pub fn child(self, child: El) -> El {
        names::append(&self.0, &child.0);
        self
    }

    /// Appends a child element when there is one.
    pub fn child_opt(self, child: Option<El>) -> El {
        match child {
            Some(child) => self.child(child),
            None => self,
        }
    }

    /// Hands the element to `part`, a component that adds itself to its
    /// parent (one that may show nothing, or several siblings).
    pub fn with(self, part: impl FnOnce(El) -> El) -> El {
        part(self)
    }

    /// Appends several child elements.
    #[inline(never)]
    pub fn children(self, children: Els) -> El {
        for child in children {
            names::append(&self.0, &child.0);
        }
        self
    }

    /// Appends a text node that shows `text()` and follows the signals it
    /// reads.
    pub fn dyn_text(self, text: impl Fn() -> String + 'static) -> El {
        dyn_text(&self.0, Box::new(text));
        self
    }

    /// An attribute that follows `value()`: set to it, or removed while it
    /// is `None`.
    pub fn dyn_attr(self, name: &'static str, value: impl Fn() -> Option<String> + 'static) -> El {
        dyn_attr(&self.0, name, Box::new(value));
        self
    }

    /// Sets a CSS property of an HTML element through CSSOM (never a
    /// `style` attribute, which a strict Content-Security-Policy blocks).
    pub fn style(self, name: &str, value: &str) -> El {
        if let Some(el) = self.0.dyn_ref::<web_sys::HtmlElement>() {
            let _ = el.style().set_property(name, value);
        }
        self
    }

    /// A CSS property of an HTML element that follows `value()` (CSSOM,
    /// as [`El::style`]).
    pub fn dyn_style(self, name: &'static str, value: impl Fn() -> String + 'static) -> El {
        dyn_style(&self.0, name, Box::new(value));
        self
    }

    /// A boolean attribute (`disabled`, `hidden`…) present while `on()`.
    pub fn flag(self, name: &'static str, on: impl Fn() -> bool + 'static) -> El {
        flag(&self.0, name, Box::new(on));
        self
    }

    /// A class present while `on()`.
    pub fn class_when(self, class: &'static str, on: impl Fn() -> bool + 'static) -> El {
        class_when(&self.0, class, Box::new(on));
        self
    }

    /// A DOM property (`value`, `checked`) that follows `value()`. Unlike an
    /// attribute, it is what the control shows once the user has touched it.
    pub fn prop(self, name: &'static str, value: impl Fn() -> JsValue + 'static) -> El {
        prop(&self.0, name, Box::new(value));
        self
    }

    /// Listens to `event` for as long as the current owner lives.
    pub fn on(self, event: &'static str, handler: impl FnMut(Event) + 'static) -> El {
        listen(&self.0, event, Box::new(handler));
        self
    }

    /// Appends `then()` while `when()` is true, else `otherwise()`. Built
    /// again only when `when()` turns, each build with its own bindings,
    /// which end when it is taken away.
    pub fn show(
        self,
        when: impl Fn() -> bool + Send + Sync + 'static,
        then: impl Fn() -> Els + 'static,
        otherwise: impl Fn() -> Els + 'static,
    ) -> El {
        show(&self.0, Box::new(when), Box::new(then), Box::new(otherwise));
        self
    }

    /// Appends what `part()` builds, built again from scratch whenever the
    /// signals it reads change (a part drawn whole from its data, such as a
    /// list of options).
    pub fn dyn_part(self, part: impl Fn() -> Els + 'static) -> El {
        dyn_part(&self.0, Box::new(part));
        self
    }

    /// Appends a keyed list: the items `items()` returns, in its order. An
    /// item whose key and fingerprint are those of an item already shown
    /// keeps its node and its listeners (moved when the order changed); a
    /// changed item of the same [`Item::shape`] keeps them too, its node
    /// brought up to date in place by `Item::build`; any other new or
    /// changed item is built (`Item::build`, under an owner of its own
    /// whose listeners end when it goes). Items hold no bindings, only
    /// listeners (see [`Item::same`]). The focus stays on the
    /// item that had it, at the same place inside it; when that item is
    /// gone, the item now at its position (or the last) takes it. `settle`
    /// runs on the parent after each change (a roving tab stop, say).
    pub fn keyed(self, items: impl Fn() -> Vec<Item> + 'static, settle: fn(&Element)) -> El {
        keyed(&self.0, Box::new(items), settle);
        self
    }

    /// Draws the element's content with `draw`, and again, from empty,
    /// whenever the signals `draw` reads change: a part drawn whole from its
    /// data with plain DOM calls (`crate::view::dom`), holding no bindings.
    pub fn draw(self, draw: impl Fn(&Element) + 'static) -> El {
        draw_whole(&self.0, Box::new(draw));
        self
    }
}

/// A `<button type="button">` with `class` and the text `label`.
#[inline(never)]
pub fn button(class: &str, label: &str) -> El {
    h("button").attr("type", "button").class(class).text(label)
}

/// An `<input type="checkbox">` ticked while `checked()` (the property:
/// what the box shows, whatever the user did before).
pub fn checkbox(checked: impl Fn() -> bool + 'static) -> El {
    h("input")
        .attr("type", "checkbox")
        .prop("checked", move || checked().into())
}

/// The value of the control an event came from (`""` if none).
pub fn target_value(ev: &Event) -> String {
    ev.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("value")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Whether the checkbox an event came from is checked.
pub fn target_checked(ev: &Event) -> bool {
    ev.target()
        .and_then(|t| js_sys::Reflect::get(&t, &JsValue::from_str("checked")).ok())
        .is_some_and(|v| v.is_truthy())
}

/// One item of a keyed list ([`El::keyed`]).
pub struct Item {
    /// What identifies the item from one change to the next (a group's key).
    pub key: String,
    /// A fingerprint of everything the item shows: the item is built again
    /// when it changes. Items hold no bindings of their own (each one made
    /// and dropped would leave a weak entry in the signals it read).
    pub same: u64,
    /// Builds the item's element (only for an item new or changed), from
    /// what the closure holds: no context is reachable from inside it.
    /// Given a shown element ([`Reuse`], only when [`Item::shape`] is
    /// `Some`), it brings that element up to date in place instead (what
    /// changed written, no node made or dropped for it, no listener added),
    /// so that it reads as a build would, and returns it.
    pub build: Build,
    /// A fingerprint of what a build in place cannot change for the same
    /// key (the item's elements, its listeners, the text only a new build
    /// writes); `None`: a changed item is always built anew.
    pub shape: Option<u64>,
    /// A fingerprint of what a build in place cannot change even for
    /// another key (the item's elements and listeners, which then must not
    /// hold the key): an item new to the list takes the element of an item
    /// leaving it with the same frame ([`Reuse::Renamed`]) instead of a new
    /// one. `None`: never.
    pub frame: Option<u64>,
}

/// A shown element given to [`Item::build`] to bring up to date in place.
pub enum Reuse<'a> {
    /// The item's own element, of the same [`Item::shape`]: its changed
    /// figures to write.
    Same(&'a Element),
    /// The element of another item, of the same [`Item::frame`], that left
    /// the list or would have had to move: everything the item shows to
    /// write, its key too.
    Renamed(&'a Element),
}

/// Builds an item's element, or brings a shown one up to date ([`Item::build`]).
pub type Build = Box<dyn FnOnce(Option<Reuse>) -> El>;

/// A fingerprint of `value`, for [`Item::same`].
pub fn fingerprint(value: &impl std::hash::Hash) -> u64 {
    use std::hash::{BuildHasher, BuildHasherDefault, DefaultHasher};
    BuildHasherDefault::<DefaultHasher>::default().hash_one(value)
}

/// Nothing, for a conditional part with one side empty.
pub fn nothing() -> Els {
    Vec::new()
}

use crate::load::reactive::bind;

fn dyn_text(parent: &Element, text: Box<dyn Fn() -> String>) {
    let node = DOC.with(|d| d.create_text_node(""));
    names::append(parent, &node);
    let mut shown = String::new();
    bind(Box::new(move || {
        let now = text();
        if now != shown {
            node.set_data(&now);
            shown = now;
        }
    }));
}

fn dyn_style(el: &Element, name: &'static str, value: Box<dyn Fn() -> String>) {
    let Some(style) = el.dyn_ref::<web_sys::HtmlElement>().map(|e| e.style()) else {
        return;
    };
    bind(Box::new(move || {
        let _ = style.set_property(name, &value());
    }));
}

fn flag(el: &Element, name: &'static str, on: Box<dyn Fn() -> bool>) {
    let el = el.clone();
    bind(Box::new(move || {
        let on = on();
        if on != el.has_attribute(name) {
            if on {
                let had_focus = DOC
                    .with(|d| d.active_element())
                    .is_some_and(|a| a.is_same_node(Some(&el)));
                el.set_attribute(name, "").unwrap_throw();
                // A control disabled under the focus hands it on (Next page
                // on the last page: to Previous page), never to `<body>`.
                if had_focus && name == "disabled" {
                    focus_near(&el);
                }
            } else {
                el.remove_attribute(name).unwrap_throw();
            }
        }
    }));
}

fn class_when(el: &Element, class: &'static str, on: Box<dyn Fn() -> bool>) {
    let el = el.clone();
    bind(Box::new(move || {
        el.class_list()
            .toggle_with_force(class, on())
            .unwrap_throw();
    }));
}

fn prop(el: &Element, name: &'static str, value: Box<dyn Fn() -> JsValue>) {
    let el = el.clone();
    let key = JsValue::from_str(name);
    bind(Box::new(move || {
        let value = value();
        if js_sys::Reflect::get(&el, &key).ok().as_ref() != Some(&value) {
            js_sys::Reflect::set(&el, &key, &value).unwrap_throw();
        }
    }));
}

fn dyn_attr(el: &Element, name: &'static str, value: Box<dyn Fn() -> Option<String>>) {
    let el = el.clone();
    bind(Box::new(move || match value() {
        Some(v) => {
            if el.get_attribute(name).as_deref() != Some(v.as_str()) {
                el.set_attribute(name, &v).unwrap_throw();
            }
        }
        None => el.remove_attribute(name).unwrap_throw(),
    }));
}

fn listen(el: &Element, event: &'static str, handler: Box<dyn FnMut(Event)>) {
    let closure = Closure::<dyn FnMut(Event)>::wrap(handler);
    el.add_event_listener_with_callback(event, closure.as_ref().unchecked_ref())
        .unwrap_throw();
    crate::load::reactive::keep(Listener {
        el: el.clone(),
        event,
        closure,
    });
}

/// Listens to `event` anywhere on the page (on `<html>`) for as long as
/// the current owner lives: a click outside a menu, say.
pub fn on_page(event: &'static str, handler: impl FnMut(Event) + 'static) {
    if let Some(html) = DOC.with(|d| d.document_element()) {
        listen(&html, event, Box::new(handler));
    }
}

/// A listener, removed when dropped (with its owner): an event arriving
/// after the closure is gone would throw.
struct Listener {
    el: Element,
    event: &'static str,
    closure: Closure<dyn FnMut(Event)>,
}

impl Drop for Listener {
    fn drop(&mut self) {
        let _ = self
            .el
            .remove_event_listener_with_callback(self.event, self.closure.as_ref().unchecked_ref());
    }
}

/// A marker comment where a part's nodes go, so parts keep their place
/// among static siblings.
fn marker(parent: &Element) -> Node {
    let mark: Node = DOC.with(|d| d.create_comment("")).into();
    names::append(parent, &mark);
    mark
}

/// Replaces the nodes in `shown` with `els`, before `mark`, keeping the
/// keyboard focus. If it was inside an item marked with `data-key` (a bar,
/// a row), the item with the same key in the new nodes takes it, at the
/// same place inside the item; when that item is gone, the item now at its
/// position (or the last one) does: a list that shrinks or reorders keeps
/// the focus on the same item or a neighbour, never on `<body>`. Otherwise
/// the element at the same place in the new nodes takes it (a part rebuilt
/// from new data has the same shape).
fn replace(mark: &Node, shown: &mut Vec<Element>, els: Els) {
    let focus = focus_path(shown);
    let had_focus = focus.is_some();
    let keyed = focus.as_ref().and_then(|_| keyed_focus(shown));
    for old in shown.drain(..) {
        old.remove();
    }
    if let Some(parent) = mark.parent_node() {
        for el in els {
            parent.insert_before(&el.0, Some(mark)).unwrap_throw();
            shown.push(el.0);
        }
    }
    let target = match (keyed, focus) {
        (Some((key, index, path)), _) => {
            let items = keyed_items(shown);
            let same = items
                .iter()
                .find(|e| e.get_attribute("data-key").as_deref() == Some(key.as_str()));
            match same {
                Some(item) => follow(item.clone().into(), &path).or(Some(item.clone().into())),
                None => items
                    .get(index.min(items.len().saturating_sub(1)))
                    .map(|e| e.clone().into()),
            }
        }
        (None, Some((top, path))) => shown.get(top).and_then(|e| follow(e.clone().into(), &path)),
        (None, None) => None,
    };
    let kept = target.is_some_and(|n| focus_on(&n));
    // The control that had the focus went (a button replaced by another
    // kind of part): the first control among the new nodes takes it, else
    // the nearest around the part. Never `<body>`.
    if had_focus && !kept && !shown.iter().any(first_control) {
        focus_near(mark);
    }
}

/// Controls that can take the keyboard focus.
const CONTROLS: &str =
    "button:not([disabled]),input:not([disabled]),select:not([disabled]),a[href],[tabindex='0']";

/// Focuses `node` if it can take the focus; whether it now has it.
fn focus_on(node: &Node) -> bool {
    let Some(el) = node.dyn_ref::<web_sys::HtmlElement>() else {
        return false;
    };
    let _ = el.focus();
    DOC.with(|d| d.active_element())
        .is_some_and(|a| a.is_same_node(Some(el)))
}

/// Focuses `el` or the first control inside it that takes the focus.
fn first_control(el: &Element) -> bool {
    if el.matches(CONTROLS).unwrap_or(false) && focus_on(el) {
        return true;
    }
    el.query_selector_all(CONTROLS)
        .is_ok_and(|list| (0..list.length()).any(|i| list.item(i).is_some_and(|c| focus_on(&c))))
}

/// Moves the focus off `at` (a control going away or disabled, or the
/// marker of a part left empty) to the nearest control: in the nearest
/// enclosing element that has another, the next one after `at`, else the
/// one before it; never outside the component's root.
fn focus_near(at: &Node) {
    let mut scope = at.parent_element();
    while let Some(s) = scope {
        if let Ok(list) = s.query_selector_all(CONTROLS) {
            let mut before = Vec::new();
            for c in (0..list.length()).filter_map(|i| list.item(i)) {
                if c.is_same_node(Some(at)) {
                    continue;
                }
                let after =
                    at.compare_document_position(&c) & Node::DOCUMENT_POSITION_FOLLOWING != 0;
                if !after {
                    before.push(c);
                } else if focus_on(&c) {
                    return;
                }
            }
            if before.iter().rev().any(focus_on) {
                return;
            }
        }
        if s.class_list().contains("cu-root") {
            return;
        }
        scope = s.parent_element();
    }
}

/// The node at child indices `path` below `node`.
fn follow(node: Node, path: &[u32]) -> Option<Node> {
    let mut node = Some(node);
    for &i in path {
        node = node.and_then(|n| n.child_nodes().item(i));
    }
    node
}

/// The items marked with `data-key` among and below `shown`, in order.
fn keyed_items(shown: &[Element]) -> Vec<Element> {
    let mut items = Vec::new();
    for top in shown {
        if top.has_attribute("data-key") {
            items.push(top.clone());
        }
        if let Ok(list) = top.query_selector_all("[data-key]") {
            for i in 0..list.length() {
                if let Some(el) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                    items.push(el);
                }
            }
        }
    }
    items
}

/// The keyed item the focus is in: its key, its position among the keyed
/// items, and the path from it to the focused element.
fn keyed_focus(shown: &[Element]) -> Option<(String, usize, Vec<u32>)> {
    let focused = DOC.with(|d| d.active_element())?;
    let item = focused.closest("[data-key]").ok()??;
    let items = keyed_items(shown);
    let index = items.iter().position(|e| e.is_same_node(Some(&item)))?;
    let key = item.get_attribute("data-key")?;
    let (_, path) = focus_path(std::slice::from_ref(&item))?;
    Some((key, index, path))
}

/// Where the focused element is among `shown`: the index of the top node
/// and the child indices down to it.
fn focus_path(shown: &[Element]) -> Option<(usize, Vec<u32>)> {
    let focused: Node = DOC.with(|d| d.active_element())?.into();
    let top = shown.iter().position(|e| e.contains(Some(&focused)))?;
    let mut path = Vec::new();
    let mut node = focused;
    while !node.is_same_node(Some(&shown[top])) {
        let parent = node.parent_node()?;
        let siblings = parent.child_nodes();
        let index = (0..siblings.length()).find(|&i| {
            siblings
                .item(i)
                .is_some_and(|s| s.is_same_node(Some(&node)))
        })?;
        path.push(index);
        node = parent;
    }
    path.reverse();
    Some((top, path))
}

fn show(
    parent: &Element,
    when: Box<dyn Fn() -> bool + Send + Sync>,
    then: Box<dyn Fn() -> Els>,
    otherwise: Box<dyn Fn() -> Els>,
) {
    let mark = marker(parent);
    let when = Derived::new(when);
    let mut shown = Vec::new();
    // The effect runs only when the memo turns; its owner's cleanup before
    // each run ends the previous build's bindings.
    bind(Box::new(move || {
        let els = if when.get() {
            untrack(&then)
        } else {
            untrack(&otherwise)
        };
        replace(&mark, &mut shown, els);
    }));
}

/// An item of a keyed list on screen, with the owner of its listeners.
struct Shown {
    key: String,
    same: u64,
    shape: Option<u64>,
    frame: Option<u64>,
    el: Element,
    owner: Owner,
}

impl Shown {
    /// Off the page, its listeners ended.
    fn drop_off(self) {
        self.el.remove();
        self.owner.cleanup();
    }
}

/// An owner for one item of a keyed list. Not a child of the effect that
/// builds it (cleaned before each run: a kept item would lose its listeners),
/// nor of a longer-lived owner (which keeps a weak entry per child until it
/// is cleaned itself: one per item ever built, a leak on a long-lived page).
/// So no context is found from inside it: an item's build uses what its
/// closure holds. The item's listeners end when it is removed, or when the
/// list's effect (which holds the items) ends with its owner.
fn detached_owner() -> Owner {
    let adopter = Owner::new();
    let owner = adopter.with(Owner::new);
    // Dropping the only parent leaves `owner` with none.
    drop(adopter);
    owner
}

/// Runs an item's build, untracked, under `owner` (its listeners').
#[inline(never)]
fn build_in(owner: &Owner, build: Build, reuse: Option<Reuse>) -> Element {
    untrack(|| owner.with(|| build(reuse))).0
}

fn keyed(parent: &Element, items: Box<dyn Fn() -> Vec<Item>>, settle: fn(&Element)) {
    let mark = marker(parent);
    let list = parent.clone();
    let mut shown: Vec<Shown> = Vec::new();
    bind(Box::new(move || {
        let items = items();
        // Where the focus is: the item, its place, the path inside it.
        let focused = DOC.with(|d| d.active_element());
        let focus = focused.as_ref().and_then(|f| {
            let at = shown.iter().position(|s| s.el.contains(Some(f)))?;
            let (_, path) = focus_path(std::slice::from_ref(&shown[at].el))?;
            Some((shown[at].key.clone(), at, path))
        });
        // Which shown item each item keeps, by key. One out of the longest
        // run in order lends its element instead (renamed in place, no
        // move) when it can; so does one whose key left the list. The
        // item holding the focus never lends (the focus follows keys).
        let keeps: Vec<Option<usize>> = {
            // The map type the subtotals already link (each new one costs bytes).
            let at: std::collections::HashMap<&str, usize> = shown
                .iter()
                .enumerate()
                .map(|(i, s)| (s.key.as_str(), i))
                .collect();
            items
                .iter()
                .map(|it| at.get(it.key.as_str()).copied())
                .collect()
        };
        let mut old: Vec<Option<Shown>> = shown.drain(..).map(Some).collect();
        let focus_key = focus.as_ref().map(|(key, _, _)| key.as_str());
        // Whether `s` may lend its element to an item of `frame` (`s.frame`:
        // to any item of its own frame).
        let lends = |s: &Shown, frame: Option<u64>| {
            s.frame.is_some() && s.frame == frame && Some(s.key.as_str()) != focus_key
        };
        let stays = crate::core::sort::stays_in_order(&keeps);
        let mut mine: Vec<Option<Shown>> = Vec::with_capacity(items.len());
        for ((keep, stays), item) in keeps.into_iter().zip(stays).zip(&items) {
            mine.push(keep.and_then(|i| {
                let lends = old[i].as_ref().is_some_and(|s| lends(s, item.frame));
                if stays || !lends {
                    old[i].take()
                } else {
                    None
                }
            }));
        }
        // Left in `old`: the items that left the list or lend. They are
        // lent in their order on the page, so that one lent to the item now
        // in its place need not move; those that cannot lend go now.
        for slot in &mut old {
            if let Some(gone) = slot.take_if(|s| !lends(s, s.frame)) {
                gone.drop_off();
            }
        }
        let mut next = Vec::with_capacity(items.len());
        let mut first_spare = 0;
        for (item, mut kept) in items.into_iter().zip(mine) {
            if kept.as_ref().is_some_and(|k| k.same == item.same) {
                next.extend(kept);
                continue;
            }
            let renamed = kept.is_none();
            if renamed {
                while old.get(first_spare).is_some_and(Option::is_none) {
                    first_spare += 1;
                }
                // The first spare element of the item's frame, if any.
                let at = (first_spare..old.len()).find(|&j| {
                    old[j]
                        .as_ref()
                        .is_some_and(|s| item.frame.is_some() && s.frame == item.frame)
                });
                kept = at.and_then(|j| old[j].take());
            } else if item.shape.is_none() || kept.as_ref().is_some_and(|k| k.shape != item.shape) {
                if let Some(gone) = kept.take() {
                    gone.drop_off();
                }
            }
            let reuse = kept.as_ref().map(|s| {
                if renamed {
                    Reuse::Renamed(&s.el)
                } else {
                    Reuse::Same(&s.el)
                }
            });
            let owner = kept
                .as_ref()
                .map_or_else(detached_owner, |s| s.owner.clone());
            let el = build_in(&owner, item.build, reuse);
            next.push(Shown {
                key: item.key,
                same: item.same,
                shape: item.shape,
                frame: item.frame,
                el,
                owner,
            });
        }
        old.into_iter().flatten().for_each(Shown::drop_off);
        // Into place from the end: a node already before its successor
        // stays where it is.
        let mut after: Node = mark.clone();
        for s in next.iter().rev() {
            let node: &Node = s.el.as_ref();
            if !s
                .el
                .next_sibling()
                .is_some_and(|n| n.is_same_node(Some(&after)))
            {
                list.insert_before(node, Some(&after)).unwrap_throw();
            }
            after = node.clone();
        }
        settle(&list);
        if let (Some(focused), Some(focus)) = (focused, focus) {
            refocus(&next, &focused, focus);
        }
        shown = next;
    }));
}

/// Puts the focus back after a keyed list changed: on the element that had
/// it if its item was kept (moving a node can blur it), at the same place
/// in its item if that was built again, else at the same place in the item
/// now at its position (or the last).
fn refocus(next: &[Shown], focused: &Element, (key, at, path): (String, usize, Vec<u32>)) {
    let target: Option<Node> = match next.iter().find(|s| s.key == key) {
        Some(s) if s.el.contains(Some(focused)) => Some(focused.clone().into()),
        Some(s) => follow(s.el.clone().into(), &path).or(Some(s.el.clone().into())),
        None => next
            .get(at.min(next.len().saturating_sub(1)))
            .map(|s| follow(s.el.clone().into(), &path).unwrap_or_else(|| s.el.clone().into())),
    };
    let active = DOC.with(|d| d.active_element());
    if let Some(el) = target.and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) {
        if !active.is_some_and(|a| a.is_same_node(Some(&el))) {
            let _ = el.focus();
        }
    }
}

fn dyn_part(parent: &Element, part: Box<dyn Fn() -> Els>) {
    let mark = marker(parent);
    let mut shown = Vec::new();
    bind(Box::new(move || {
        let els = part();
        replace(&mark, &mut shown, els);
    }));
}

fn draw_whole(el: &Element, draw: Box<dyn Fn(&Element)>) {
    let el = el.clone();
    bind(Box::new(move || {
        el.set_text_content(None);
        draw(&el);
    }));
}
