//! The active filters at a glance ("2 filters active: Status: Failed, …").

use leptos::prelude::*;

use crate::components::show_when::ShowWhen;
use crate::filter::Filters;
use crate::sentences::filter_chips;
use crate::table::use_table;

/// The count of active filters and a chip per filter.
#[component]
pub fn ActiveFilters() -> impl IntoView {
    let t = use_table();
    let state = t.state;
    let active = move || state.filters.with(Filters::active_count);
    let chips = move || {
        t.names
            .with_value(|names| state.filters.with(|f| filter_chips(f, names)))
            .into_iter()
            .map(|c| view! { <li class="cu-chip">{c}</li> })
            .collect_view()
    };
    view! {
        <ShowWhen when=move || { active() > 0 }>
            <div class="cu-active">
                <span>{move || if active() == 1 { "1 filter active:".to_owned() } else { format!("{} filters active:", active()) }}</span>
                <ul class="cu-chips">{chips}</ul>
            </div>
        </ShowWhen>
    }
}
