//! The filters, one control per file: Period and its comparison, Search,
//! Workflow and Trigger selects,
//! From/To days, Minimum CU, Status checkboxes, the active filters at a
//! glance and "Clear filters". Every change goes through the table context.

mod active;
mod day_field;
mod facet_select;
mod min_cu;
mod period;
mod search;
mod statuses;

use leptos::prelude::*;

use crate::filter::Filters;
use crate::table::use_table;

pub use facet_select::Facet;
pub use search::SEARCH_DEBOUNCE_MS;

/// Search, Status, Workflow, Trigger, From/To, Minimum CU and "Clear filters".
#[component]
pub fn FiltersPanel() -> impl IntoView {
    let t = use_table();
    let search_label = t.with_config(|c| format!("Filter runs of {}", c.org_id));
    let active = move || t.state.filters.with(Filters::active_count);
    view! {
        <div class="cu-filters" role="search" aria-label=search_label>
            <div class="cu-filter-row cu-period-row">
                <period::PeriodSelect />
                <period::CompareToggle />
            </div>
            <div class="cu-filter-row">
                <search::SearchField />
                <facet_select::FacetSelect facet=Facet::Workflow />
                <facet_select::FacetSelect facet=Facet::Trigger />
                <day_field::DayField label="From" which=|f| &mut f.from />
                <day_field::DayField label="To" which=|f| &mut f.to />
                <min_cu::MinCuField />
            </div>
            <div class="cu-filter-row">
                <statuses::StatusChecks />
                <button type="button" class="cu-btn" disabled=move || active() == 0 on:click=move |_| t.clear_filters()>
                    "Clear filters"
                </button>
            </div>
            <active::ActiveFilters />
        </div>
    }
}
