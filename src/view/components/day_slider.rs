//! The day chart's slider: a layer over the plot that picks a day under the
//! pointer, or with the keys (the arrows, PageUp/PageDown, Home, End;
//! Escape un-picks), and announces the picked day's total and breakdown.

use crate::core::messages::M;
use wasm_bindgen::JsCast;

use super::chart_keys::day_key;
use crate::core::charts::{day_detail, Daily};
use crate::load::reactive::{Derived, Sig};
use crate::load::state::Shared;
use crate::view::el::{h, El};
use crate::view::table::use_table;

/// Picks the day a key moves to, among the days of `chart`.
fn on_key(ev: &web_sys::Event, chart: Derived<Shared<Daily>>, active: Sig<Option<usize>>) {
    let Some(ev) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
        return;
    };
    let len = chart.with_untracked(|d| d.days.len());
    if let Some(next) = day_key(ev, active.get_untracked(), len) {
        ev.prevent_default();
        active.set(next);
    }
}

/// Picks the day under the pointer, among the days of `chart`.
fn on_pointer(ev: &web_sys::Event, chart: Derived<Shared<Daily>>, active: Sig<Option<usize>>) {
    let Some(ev) = ev.dyn_ref::<web_sys::MouseEvent>() else {
        return;
    };
    let Some(el) = ev
        .current_target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let len = chart.with_untracked(|d| d.days.len());
    let width = f64::from(el.client_width().max(1));
    let x = f64::from(ev.offset_x()).clamp(0.0, width - 1.0);
    if len > 0 {
        active.set(Some(((x / width) * len as f64) as usize));
    }
}

/// The slider over the days of `chart`; `active` is the day picked (the
/// last day is the slider's value while none is).
pub fn day_slider(chart: Derived<Shared<Daily>>, active: Sig<Option<usize>>) -> El {
    let t = use_table();
    let days_len = move || chart.with(|d| d.days.len());
    let value_text = move || {
        chart.with(|d| {
            let i = active.get().unwrap_or(d.days.len().saturating_sub(1));
            day_detail(d, i, &t.fmt())
        })
    };
    let pointer = move |ev: web_sys::Event| on_pointer(&ev, chart, active);
    h("div")
        .class("cu-day-hits")
        .attr("tabindex", "0")
        .attr("role", "slider")
        .attr("aria-label", &use_table().say(M::granDay))
        .attr("aria-valuemin", "1")
        .dyn_attr("aria-valuemax", move || Some(days_len().to_string()))
        .dyn_attr("aria-valuenow", move || {
            Some((active.get().unwrap_or(days_len().saturating_sub(1)) + 1).to_string())
        })
        .dyn_attr("aria-valuetext", move || Some(value_text()))
        .on("keydown", move |ev| on_key(&ev, chart, active))
        .on("mousemove", pointer)
        .on("click", pointer)
        .on("mouseleave", move |_| active.set(None))
        .on("blur", move |_| active.set(None))
}
