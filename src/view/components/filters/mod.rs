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

use crate::core::messages::M;
use crate::view::el::{button, h, El};
use crate::view::table::use_table;

pub use facet_select::Facet;
pub use search::SEARCH_DEBOUNCE_MS;

/// Search, Status, Workflow, Trigger, From/To, Minimum CU and "Clear filters".
pub fn filters_panel() -> El {
    let t = use_table();
    let org = t.with_config(|c| c.org_id.clone());
    let search_label = t.fmt().tf(M::filterRunsOf, &[("org", &org)]);
    let active = move || t.filter_count();
    h("div")
        .class("cu-filters")
        .attr("role", "search")
        .attr("aria-label", &search_label)
        .child(
            h("div")
                .class("cu-filter-row cu-period-row")
                .child(period::period_select())
                .child(period::compare_toggle()),
        )
        .child(
            h("div")
                .class("cu-filter-row")
                .child(search::search_field())
                .child(facet_select::facet_select(Facet::Workflow))
                .child(facet_select::facet_select(Facet::Trigger))
                .child(day_field::day_field("from", t.say(M::from), |f| {
                    &mut f.from
                }))
                .child(day_field::day_field("to", t.say(M::to), |f| &mut f.to))
                .child(min_cu::min_cu_field()),
        )
        .child(
            h("div")
                .class("cu-filter-row")
                .child(statuses::status_checks())
                .child(
                    button("cu-btn", &t.say(M::clearFilters))
                        .flag("disabled", move || active() == 0)
                        .on("click", move |_| t.clear_filters()),
                ),
        )
        .with(active::active_filters)
}
