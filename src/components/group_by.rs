//! "Group by": what the subtotals table, its chart, its CSV and the
//! comparison group runs by.

use leptos::prelude::*;

use crate::subtotals::GroupBy;
use crate::table::use_table;

/// The "Group by" select.
#[component]
pub fn GroupBySelect() -> impl IntoView {
    let t = use_table();
    let id = format!("{}-group", t.uid());
    let options = move || {
        let current = t.state.group.get();
        GroupBy::ALL
            .into_iter()
            .map(|g| view! { <option value=g.key() selected=g == current>{g.label()}</option> })
            .collect_view()
    };
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(g) = GroupBy::parse(&event_target_value(&ev)) {
            t.set_group(g);
        }
    };
    view! {
        <div class="cu-field cu-inline">
            <label for=id.clone()>"Group by"</label>
            <select id=id on:change=on_change>{options}</select>
        </div>
    }
}
