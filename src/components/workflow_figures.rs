//! "CU by workflow" shown as a table (the chart's "Show as table"): the same
//! figures as the bars.

use leptos::prelude::*;

use crate::charts::Bar;
use crate::state::Shared;
use crate::subtotals::plural_group;
use crate::table::use_table;

/// The bars' figures as a table.
#[component]
pub fn WorkflowFigures(
    /// The bars (top workflows and "Other").
    bars: Memo<Shared<Vec<Bar>>>,
) -> impl IntoView {
    let t = use_table();
    let subtotals = t.subtotals;
    move || {
        let bars = bars.get();
        let total = subtotals.with(|s| s.total.cu);
        let fmt = t.fmt();
        let rows = bars
        .iter()
        .map(|b| {
            let label = match b.key {
                Some(_) => b.label().to_owned(),
                None => format!("Other ({} {})", b.workflows, plural_group(t.state.group.get_untracked(), b.workflows)),
            };
            view! {
                <tr>
                    <th scope="row"><span class=format!("cu-swatch cu-c{}", b.colour) aria-hidden="true"></span>{label}</th>
                    <td class="cu-num">{fmt.count(b.runs as u64)}</td>
                    <td class="cu-num">{fmt.cu_total(b.cu)}</td>
                    <td class="cu-num">{fmt.percent(b.cu, total)}</td>
                </tr>
            }
        })
        .collect_view();
        view! {
            <div class="cu-scroll" tabindex="0" role="group" aria-label="CU by workflow figures, scrollable">
                <table class="cu-chart-table">
                    <caption>"CU by workflow (chart figures)"</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t.state.group.get_untracked().label()}</th>
                            <th scope="col" class="cu-num">"Runs"</th>
                            <th scope="col" class="cu-num">"Total CU"</th>
                            <th scope="col" class="cu-num">"Share"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    }
}
