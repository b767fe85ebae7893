//! The component's own width, for what CSS alone cannot decide.

use crate::view::table::Table;

/// Takes `narrow` from the host element's width before anything is drawn:
/// the root is held out of layout until its first page, so its own width
/// comes only after the first rows are drawn, and a component narrower
/// than [`DETAILS_BELOW_PX`](super::run_row::DETAILS_BELOW_PX) (a laptop
/// screen) drew them twice, wide then narrow. [`watch_width`] still has the
/// last word.
pub fn start_width(t: Table, host_width: Option<f64>) {
    if let Some(width) = host_width {
        t.set_narrow(width < super::run_row::DETAILS_BELOW_PX);
    }
}

/// Keeps the table's `narrow` in step with the component's own width (a
/// `ResizeObserver` on the root, disconnected on unmount).
pub fn watch_width(root: &web_sys::Element, t: Table) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let width = entry.content_rect().width();
            // 0: not laid out (held at display:none until its first page).
            if width > 0.0 {
                t.set_narrow(width < super::run_row::DETAILS_BELOW_PX);
            }
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(root);
    crate::load::reactive::on_cleanup_local(move || {
        observer.disconnect();
        drop(on_resize);
    });
}
