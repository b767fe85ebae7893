//! "CU per day" (week, month) shown as a table (the chart's "Show as
//! table"): a row per bucket with its runs, total and the stacked series.

use leptos::prelude::*;

use crate::charts::{bucket_label, Daily};
use crate::state::Shared;
use crate::table::use_table;

/// The day chart's figures as a table.
#[component]
pub fn DailyFigures(
    /// The day chart's data.
    chart: Memo<Shared<Daily>>,
) -> impl IntoView {
    let t = use_table();
    let fmt = StoredValue::new(t.fmt());
    let unit = move || t.state.granularity.get().key();
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
                            <th scope="row">{bucket_label(&day.day, d.granularity)}</th>
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
                        <th scope="col">{d.granularity.label()}</th>
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
        <div class="cu-scroll cu-days-table" tabindex="0" role="group" aria-label=move || format!("CU per {} figures, scrollable", unit())>
            <table class="cu-chart-table">
                <caption>{move || format!("CU per {} (chart figures)", unit())}</caption>
                {table_rows}
            </table>
        </div>
    }
}
