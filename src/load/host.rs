//! The element an instance is mounted in: `cu-runs:*` events are
//! dispatched on it, and the component's root is kept out of layout until
//! the first page is drawn. With the document's visibility, which
//! `auto_refresh` reads, the loading layer's only DOM contact.

use std::cell::{Cell, RefCell};

use crate::api::json::Value;
use crate::api::ApiError;

/// How long a slow first page may keep the table hidden before it shows its
/// loading state.
pub const REVEAL_AFTER_MS: u64 = 120;

/// The host element and the held root of one instance.
#[derive(Default)]
pub struct Host {
    /// The element the table is mounted in: `cu-runs:*` events go there.
    host: RefCell<Option<web_sys::HtmlElement>>,
    /// Until [`Host::reveal`]: the component's root, kept out of layout.
    held: RefCell<Option<web_sys::HtmlElement>>,
    /// Whether [`Host::reveal`] was called.
    revealed: Cell<bool>,
}

impl Host {
    /// Keeps the just-built `root` out of layout (`display: none`) until
    /// [`Host::reveal`], unless that already happened: the browser then lays
    /// out and paints the page once, with its first runs, instead of once
    /// empty and again with them. Its elements are in the host all along.
    pub fn hold(&self, root: web_sys::HtmlElement) {
        if self.revealed.get() {
            return;
        }
        let _ = root.style().set_property("display", "none");
        *self.held.borrow_mut() = Some(root);
    }

    /// Shows the held root: when the first page or its error is shown, or
    /// after [`REVEAL_AFTER_MS`] if the API is slower (its loading state
    /// shows then). Later calls do nothing.
    pub fn reveal(&self) {
        self.revealed.set(true);
        if let Some(root) = self.held.borrow_mut().take() {
            let _ = root.style().remove_property("display");
            if root.get_attribute("style").as_deref() == Some("") {
                let _ = root.remove_attribute("style");
            }
        }
    }

    /// The host element's width (CSS px, padding included), or that of its
    /// nearest ancestor with one (an inline host, such as a custom element
    /// left `display: inline`, has none: the root then spans its
    /// containing block): what the component's own width will be, near
    /// enough and never less, before its root is laid out (see
    /// `view::components::width`).
    pub fn width(&self) -> Option<f64> {
        let mut el: Option<web_sys::Element> = self.host.borrow().clone().map(Into::into);
        while let Some(e) = el {
            let width = e.client_width();
            if width > 0 {
                return Some(f64::from(width));
            }
            el = e.parent_element();
        }
        None
    }

    /// Sets the element that receives the `cu-runs:load` / `cu-runs:error` events.
    pub fn set_host(&self, host: web_sys::HtmlElement) {
        *self.host.borrow_mut() = Some(host);
    }

    /// Forgets the host: after `unmount()` no `cu-runs:*` event is sent.
    pub fn clear_host(&self) {
        self.host.borrow_mut().take();
    }

    /// Dispatches a bubbling `CustomEvent` named `name` with a JSON `detail`
    /// on the host element. Details never contain the token.
    pub fn emit(&self, name: &str, detail: Value) {
        let Some(host) = self.host.borrow().clone() else {
            return;
        };
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        // Plain JS objects (not Maps) so hosts read `e.detail.status` directly.
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        if let Ok(detail) = serde::Serialize::serialize(&detail, &serializer) {
            init.set_detail(&detail);
        }
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(&event);
        }
    }

    /// Dispatches `cu-runs:error` for `err`, met during `context`
    /// (`page`, `load-all`, `refresh`).
    pub fn emit_error(&self, err: &ApiError, context: &str) {
        self.emit(
            "cu-runs:error",
            Value::object([
                ("status", err.status().into()),
                ("message", err.to_string().into()),
                ("details", err.details().to_vec().into()),
                ("requestId", err.request_id().into()),
                ("during", context.into()),
            ]),
        );
    }
}
