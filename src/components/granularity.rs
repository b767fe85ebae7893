//! "Granularity": day, week or month buckets for the time chart (weeks
//! start on `weekStartsOn`, days and months are the component's zone's).

use leptos::prelude::*;

use super::choice_select::ChoiceSelect;
use crate::period::Granularity;
use crate::table::use_table;

/// The "Granularity" select of the time chart.
#[component]
pub fn GranularitySelect() -> impl IntoView {
    let t = use_table();
    let choose = move |key: String| {
        if let Some(g) = Granularity::parse(&key) {
            t.set_granularity(g);
        }
    };
    view! {
        <ChoiceSelect
            label="Granularity"
            name="granularity"
            class="cu-field cu-inline cu-granularity"
            choices=Granularity::ALL.map(|g| (g.key(), g.label())).to_vec()
            current=Signal::derive(move || t.state.granularity.get().key())
            on_choose=Callback::new(choose)
        />
    }
}
