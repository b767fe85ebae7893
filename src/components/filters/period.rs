//! The Period select (presets fill From/To) and "Compare with previous
//! period".

use leptos::prelude::*;

use crate::components::choice_select::ChoiceSelect;
use crate::period::Preset;
use crate::table::use_table;

/// "Period": Today … This quarter, or Custom (the From/To inputs as typed).
#[component]
pub fn PeriodSelect() -> impl IntoView {
    let t = use_table();
    let choose = move |key: String| {
        if let Some(p) = Preset::parse(&key) {
            t.set_period(p);
        }
    };
    view! {
        <ChoiceSelect
            label="Period"
            name="period"
            class="cu-field"
            choices=Preset::ALL.map(|p| (p.key(), p.label())).to_vec()
            current=Signal::derive(move || t.state.period.get().key())
            on_choose=Callback::new(choose)
        />
    }
}

/// "Compare with previous period" (presets only). A custom period has no
/// previous period to compare with: the box is then disabled and shown
/// unchecked (a checked, disabled box read as "comparison on" while none was
/// shown); the choice is kept for the next preset.
#[component]
pub fn CompareToggle() -> impl IntoView {
    let t = use_table();
    let custom = move || t.state.period.get() == Preset::Custom;
    view! {
        <label class="cu-check" class:cu-disabled=custom>
            <input
                type="checkbox"
                prop:checked=move || t.state.compare.get() && !custom()
                disabled=custom
                on:change=move |ev| t.set_compare(event_target_checked(&ev))
            />
            "Compare with previous period"
        </label>
    }
}
