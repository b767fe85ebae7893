//! The Period select (presets fill From/To) and "Compare with previous
//! period".

use leptos::prelude::*;

use crate::period::Preset;
use crate::table::use_table;

/// "Period": Today … This quarter, or Custom (the From/To inputs as typed).
#[component]
pub fn PeriodSelect() -> impl IntoView {
    let t = use_table();
    let id = format!("{}-period", t.uid());
    let options = move || {
        let current = t.state.period.get();
        Preset::ALL
            .into_iter()
            .map(|p| view! { <option value=p.key() selected=p == current>{p.label()}</option> })
            .collect_view()
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(p) = Preset::parse(&event_target_value(&ev)) {
            t.set_period(p);
        }
    };
    view! {
        <div class="cu-field">
            <label for=id.clone()>"Period"</label>
            <select id=id on:change=on_change>{options}</select>
        </div>
    }
}

/// "Compare with previous period" (presets only).
#[component]
pub fn CompareToggle() -> impl IntoView {
    let t = use_table();
    let custom = move || t.state.period.get() == Preset::Custom;
    view! {
        <label class="cu-check" class:cu-disabled=custom>
            <input
                type="checkbox"
                prop:checked=move || t.state.compare.get()
                disabled=custom
                on:change=move |ev| t.set_compare(event_target_checked(&ev))
            />
            "Compare with previous period"
        </label>
    }
}
