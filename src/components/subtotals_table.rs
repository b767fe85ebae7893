//! The "CU by workflow" table: per-workflow subtotals and a grand total.

use leptos::prelude::*;

use super::sort_header::SortHeader;
use crate::charts::colour_of;
use crate::config::Price;
use crate::subtotals::{sort_rows, SubColumn, Subtotal};
use crate::table::use_table;

/// Per-workflow subtotals over the filtered runs in scope. Clicking a
/// workflow filters the runs table to it.
#[component]
pub fn SubtotalsTable() -> impl IntoView {
    let t = use_table();
    // The sort is shared with the bar chart.
    let (state, subtotals, fmt, sort) = (t.state, t.subtotals, t.fmt(), t.sub_sort);
    let price: Option<Price> = t.with_config(|c| c.price.clone());
    let header = move |label: &'static str, col: SubColumn, numeric: bool| {
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
            <SortHeader label aria_sort indicator numeric on_sort=Callback::new(move |_| t.sort_subtotals(col)) />
        }
    };
    let has_price = price.is_some();
    let row_fmt = fmt.clone();
    let rows = move || {
        let s = subtotals.get();
        let (col, desc) = sort.get();
        // Colours are CU ranks (s.rows is in CU order), as in the charts.
        let mut rows: Vec<(usize, &Subtotal)> = Vec::with_capacity(s.rows.len());
        let mut ordered: Vec<&Subtotal> = s.rows.iter().collect();
        sort_rows(&mut ordered, col, desc);
        let rank: std::collections::HashMap<&str, usize> = s
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.workflow_id.as_str(), i))
            .collect();
        for r in ordered {
            rows.push((colour_of(rank[r.workflow_id.as_str()]), r));
        }
        let fmt = row_fmt.clone();
        let total = s.total.cu;
        rows.into_iter()
            .map(|(colour, r)| {
                let wf = r.workflow_id.clone();
                let share = fmt.percent(r.cu, total);
                let width = if total.0 == 0 { 0.0 } else { r.cu.as_f64() / total.as_f64() * 100.0 };
                let filter_to = wf.clone();
                view! {
                    <tr>
                        <th scope="row">
                            <button
                                type="button"
                                class="cu-link cu-trunc"
                                title=format!("Show only runs of {wf}")
                                on:click=move |_| t.update_filters(|f| f.workflow = Some(filter_to.clone()))
                            >
                                <span class=format!("cu-swatch cu-c{colour}") aria-hidden="true"></span>
                                {wf.clone()}
                            </button>
                        </th>
                        <td class="cu-num">{fmt.count(r.runs as u64)}</td>
                        <td class="cu-num">{fmt.cu_total(r.cu)}</td>
                        <td class="cu-num">{r.average().map_or_else(|| "—".to_owned(), |a| fmt.cu_total(a))}</td>
                        <td class="cu-num">{r.largest.map_or_else(|| "—".to_owned(), |c| fmt.cu(c))}</td>
                        <td class="cu-num cu-share">
                            <span class=format!("cu-share-bar cu-c{colour}") aria-hidden="true">
                                <span style=format!("width:{width:.1}%")></span>
                            </span>
                            {share}
                        </td>
                        <td class="cu-num">{fmt.cu_total(r.failed_cu)}</td>
                        <td class="cu-num">{fmt.count(r.in_progress as u64)}</td>
                        {has_price.then(|| view! { <td class="cu-num">{fmt.money(r.cost)}</td> })}
                    </tr>
                }
            })
            .collect_view()
    };
    let foot_fmt = fmt.clone();
    let footer = move || {
        let s = subtotals.get();
        let t = &s.total;
        let fmt = &foot_fmt;
        view! {
            <tr>
                <th scope="row">"Total"</th>
                <td class="cu-num">{fmt.count(t.runs as u64)}</td>
                <td class="cu-num">{fmt.cu_total(t.cu)}</td>
                <td class="cu-num">{t.average().map_or_else(|| "—".to_owned(), |a| fmt.cu_total(a))}</td>
                <td class="cu-num">{t.largest.map_or_else(|| "—".to_owned(), |c| fmt.cu(c))}</td>
                <td class="cu-num">{if t.runs > 0 && t.cu.0 > 0 { "100.0 %".to_owned() } else { "—".to_owned() }}</td>
                <td class="cu-num">{fmt.cu_total(t.failed_cu)}</td>
                <td class="cu-num">{fmt.count(t.in_progress as u64)}</td>
                {has_price.then(|| view! { <td class="cu-num">{fmt.money(t.cost)}</td> })}
            </tr>
        }
    };
    view! {
        <div class="cu-scroll" tabindex="0" role="group" aria-label="CU by workflow, scrollable">
            <table class="cu-subtotals" aria-busy=move || state.loading.get().to_string()>
                <caption>"CU by workflow"</caption>
                <thead>
                    <tr>
                        {header("Workflow", SubColumn::Workflow, false)}
                        {header("Runs", SubColumn::Runs, true)}
                        {header("Total CU", SubColumn::Cu, true)}
                        {header("Average CU", SubColumn::Average, true)}
                        {header("Largest run", SubColumn::Largest, true)}
                        <th scope="col" class="cu-num">"Share"</th>
                        {header("Failed/cancelled CU", SubColumn::Failed, true)}
                        {header("In progress", SubColumn::InProgress, true)}
                        {price.as_ref().map(|p| view! { <th scope="col" class="cu-num">{format!("Cost ({})", p.currency)}</th> })}
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
                <tfoot>{footer}</tfoot>
            </table>
        </div>
    }
}
