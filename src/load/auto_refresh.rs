//! With `refreshSeconds`: Refresh on a timer while the tab is visible,
//! and on becoming visible when one is due; stopped on unmount.

use std::rc::Rc;

use wasm_bindgen::prelude::Closure;
use wasm_bindgen::JsCast;

use crate::load::env::Env;
use crate::load::refresher::refresh;
use crate::load::state::{Scope, TableState};

/// With `refreshSeconds`, refreshes on a timer while the tab is visible
/// (and on becoming visible when a refresh is due), never two at once;
/// stopped on unmount.
pub fn install_auto_refresh(state: TableState, env: Rc<Env>) {
    let Some(seconds) = env.config.refresh_seconds else {
        return;
    };
    let Some(window) = web_sys::window() else {
        return;
    };
    let every_ms = f64::from(seconds) * 1_000.0;
    let due = move || {
        let visible = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| !d.hidden());
        let has_data = match state.scope.get_untracked() {
            Scope::Page => state.page.with_untracked(Option::is_some),
            Scope::All => state.all.with_untracked(Option::is_some),
        };
        visible && has_data
    };
    let tick_env = env.clone();
    let tick = Closure::<dyn FnMut()>::new(move || {
        if due() {
            refresh(state, tick_env.clone(), false);
        }
    });
    let visible_env = env.clone();
    let on_visible = Closure::<dyn FnMut()>::new(move || {
        let last = match state.scope.get_untracked() {
            Scope::Page => state.page_as_of.get_untracked(),
            Scope::All => state.all_as_of.get_untracked(),
        };
        if due() && last.is_none_or(|t| js_sys::Date::now() - t >= every_ms) {
            refresh(state, visible_env.clone(), false);
        }
    });
    let handle = window
        .set_interval_with_callback_and_timeout_and_arguments_0(
            tick.as_ref().unchecked_ref(),
            (every_ms as i32).max(1),
        )
        .ok();
    let document = window.document();
    if let Some(d) = &document {
        let _ = d.add_event_listener_with_callback(
            "visibilitychange",
            on_visible.as_ref().unchecked_ref(),
        );
    }
    // The interval's closure lives as long as the instance: it is moved
    // into the cleanup, which clears the interval before dropping it.
    crate::load::reactive::on_cleanup_local(move || {
        if let (Some(w), Some(h)) = (web_sys::window(), handle) {
            w.clear_interval_with_handle(h);
        }
        drop(tick);
        if let Some(d) = &document {
            let _ = d.remove_event_listener_with_callback(
                "visibilitychange",
                on_visible.as_ref().unchecked_ref(),
            );
        }
    });
}
