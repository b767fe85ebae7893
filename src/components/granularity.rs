//! "Granularity": day, week or month buckets for the time chart (weeks
//! start on `weekStartsOn`, days and months are the component's zone's).

use leptos::prelude::*;

use crate::period::Granularity;
use crate::table::use_table;

/// The "Granularity" select of the time chart.
#[component]
pub fn GranularitySelect() -> impl IntoView {
    let t = use_table();
    let id = format!("{}-granularity", t.uid());
    let options = move || {
        let current = t.state.granularity.get();
        Granularity::ALL
            .into_iter()
            .map(|g| view! { <option value=g.key() selected=g == current>{g.label()}</option> })
            .collect_view()
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(g) = Granularity::parse(&event_target_value(&ev)) {
            t.set_granularity(g);
        }
    };
    view! {
        <div class="cu-field cu-inline cu-granularity">
            <label for=id.clone()>"Granularity"</label>
            <select id=id on:change=on_change>{options}</select>
        </div>
    }
}
