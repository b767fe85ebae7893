//! The From and To day inputs (days in the component's time zone).

use leptos::prelude::*;

use crate::filter::Filters;
use crate::table::use_table;

/// A day input bound to one of the filters' day fields.
#[component]
pub fn DayField(
    /// "From" or "To" (also the input's accessible name).
    label: &'static str,
    /// The field of the filters it edits.
    which: fn(&mut Filters) -> &mut Option<String>,
) -> impl IntoView {
    let t = use_table();
    let id = format!("{}-{}", t.uid(), label.to_ascii_lowercase());
    let value = move || {
        t.state.filters.with(|f| {
            let mut f = f.clone();
            which(&mut f).clone().unwrap_or_default()
        })
    };
    view! {
        <div class="cu-field">
            <label for=id.clone()>{label}</label>
            <input
                id=id
                type="date"
                prop:value=value
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    t.update_filters(|f| *which(f) = (!v.is_empty()).then_some(v));
                }
            />
        </div>
    }
}
