//! The "CU by workflow" table (or by trigger, or by status): subtotals per
//! group and a grand total, with the previous period and the change when
//! comparing.

use leptos::prelude::*;

use super::show_when::ShowWhen;
use super::sort_header::SortHeader;
use super::subtotal_row::{ranked_rows, subtotal_row, total_row};
use crate::compare::Lookup;
use crate::config::Price;
use crate::subtotals::SubColumn;
use crate::table::use_table;

/// Per-workflow subtotals over the filtered runs in scope. Clicking a
/// workflow filters the runs table to it.
#[component]
pub fn SubtotalsTable() -> impl IntoView {
    let t = use_table();
    // The sort is shared with the bar chart.
    let (state, subtotals, fmt, sort, previous) =
        (t.state, t.subtotals, t.fmt(), t.sub_sort, t.previous);
    let price: Option<Price> = t.with_config(|c| c.price.clone());
    let header = move |label: &'static str, col: SubColumn, numeric: bool, class: &'static str| {
        let aria_sort = Signal::derive(move || match sort.get() {
            (c, true) if c == col => "descending",
            (c, false) if c == col => "ascending",
            _ => "none",
        });
        let indicator = Signal::derive(move || {
            match sort.get() {
                (c, true) if c == col => "▼",
                (c, false) if c == col => "▲",
                _ => "↕",
            }
            .to_owned()
        });
        view! {
            <SortHeader label aria_sort indicator numeric class on_sort=Callback::new(move |_| t.sort_subtotals(col)) />
        }
    };
    let has_price = price.is_some();
    let row_fmt = fmt.clone();
    let rows = move || {
        let s = subtotals.get();
        let (col, desc) = sort.get();
        let p = previous.get();
        let before = Lookup::new(Option::as_ref(&*p.0));
        // Rebuilt on a grouping change too (labels and filters follow it).
        state.group.track();
        ranked_rows(&s, Option::as_ref(&*p.0), col, desc)
            .into_iter()
            .map(|(colour, r)| {
                let prev = before.is_on().then(|| before.of(&r.key));
                subtotal_row(t, &row_fmt, colour, &r, s.total.cu, has_price, prev)
            })
            .collect_view()
    };
    let footer = move || {
        let p = previous.get();
        let before = Lookup::new(Option::as_ref(&*p.0));
        let prev = before.is_on().then(|| before.total());
        subtotals.with(|s| total_row(&fmt, &s.total, has_price, prev))
    };
    let comparing = move || previous.with(|p| p.is_some());
    let name = move || format!("CU by {}", state.group.get().key());
    let scroll_name = move || format!("CU by {}, scrollable", state.group.get().key());
    let group_label = move || state.group.get().label();
    view! {
        <div class="cu-scroll" tabindex="0" role="group" aria-label=scroll_name>
            <table class="cu-subtotals" class:cu-comparing=comparing aria-busy=move || state.loading.get().to_string()>
                <caption>{name}</caption>
                <thead>
                    <tr>
                        {move || header(group_label(), SubColumn::Workflow, false, "")}
                        {header("Runs", SubColumn::Runs, true, "")}
                        {header("Total CU", SubColumn::Cu, true, "")}
                        {header("Average CU", SubColumn::Average, true, "")}
                        {header("Largest run", SubColumn::Largest, true, "")}
                        <th scope="col" class="cu-num">"Share"</th>
                        {header("Failed/cancelled CU", SubColumn::Failed, true, "")}
                        {header("In progress", SubColumn::InProgress, true, "")}
                        {price.as_ref().map(|p| view! { <th scope="col" class="cu-num">{format!("Cost ({})", p.currency)}</th> })}
                        <ShowWhen when=comparing>
                            {header("Previous", SubColumn::Previous, true, "cu-col-prev")}
                            {header("Change", SubColumn::Change, true, "")}
                        </ShowWhen>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>{footer}</tfoot>
            </table>
        </div>
    }
}
