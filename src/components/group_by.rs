//! "Group by": what the subtotals table, its chart, its CSV and the
//! comparison group runs by.

use leptos::prelude::*;

use super::choice_select::ChoiceSelect;
use crate::subtotals::GroupBy;
use crate::table::use_table;

/// The "Group by" select.
#[component]
pub fn GroupBySelect() -> impl IntoView {
    let t = use_table();
    let choose = move |key: String| {
        if let Some(g) = GroupBy::parse(&key) {
            t.set_group(g);
        }
    };
    view! {
        <ChoiceSelect
            label="Group by"
            name="group"
            class="cu-field cu-inline"
            choices=GroupBy::ALL.map(|g| (g.key(), g.label())).to_vec()
            current=Signal::derive(move || t.state.group.get().key())
            on_choose=Callback::new(choose)
        />
    }
}
