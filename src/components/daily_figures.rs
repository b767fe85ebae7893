//! "CU per day" shown as a table (the chart's "Show as table"): a row per
//! day with its runs, total and the stacked series.

use leptos::prelude::*;

use crate::charts::Daily;
use crate::state::Shared;
use crate::table::use_table;

/// The day chart's figures as a table.
#[component]
pub fn DailyFigures(
    /// The day chart's data.
    chart: Memo<Shared<Daily>>,
) -> impl IntoView {
    let fmt = StoredValue::new(use_table().fmt());
    let table_rows = move || {
        let d = chart.get();
        fmt.with_value(|fmt| {
            let heads = d
                .series
                .iter()
                .map(|s| view! { <th scope="col" class="cu-num">{s.label().to_owned()}</th> })
                .collect_view();
            let rows = d
                .days
                .iter()
                .map(|day| {
                    let parts = day
                        .parts
                        .iter()
                        .map(|p| view! { <td class="cu-num">{fmt.cu_total(*p)}</td> })
                        .collect_view();
                    view! {
                        <tr>
                            <th scope="row">{day.day.clone()}</th>
                            <td class="cu-num">{fmt.count(day.runs as u64)}</td>
                            <td class="cu-num">{fmt.cu_total(day.total)}</td>
                            {parts}
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <thead>
                    <tr>
                        <th scope="col">"Day"</th>
                        <th scope="col" class="cu-num">"Runs"</th>
                        <th scope="col" class="cu-num">"Total CU"</th>
                        {heads}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            }
        })
    };
    view! {
        <div class="cu-scroll cu-days-table" tabindex="0" role="group" aria-label="CU per day figures, scrollable">
            <table class="cu-chart-table">
                <caption>"CU per day (chart figures)"</caption>
                {table_rows}
            </table>
        </div>
    }
}
