//! Rows of the "CU by workflow" table: one per workflow (its name filters the
//! runs to it) and the Total row.

use leptos::prelude::*;

use crate::charts::colour_of;
use crate::cu::CuTotal;
use crate::format::Formatter;
use crate::subtotals::{sort_rows, SubColumn, Subtotal, Subtotals};
use crate::table::Table;

/// The rows in the table's sort order, each with its colour: colours are CU
/// ranks (`s.rows` is in CU order), as in the charts.
pub fn ranked_rows(s: &Subtotals, col: SubColumn, desc: bool) -> Vec<(usize, &Subtotal)> {
    let rank: std::collections::HashMap<&str, usize> = s
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.workflow_id.as_str(), i))
        .collect();
    let mut ordered: Vec<&Subtotal> = s.rows.iter().collect();
    sort_rows(&mut ordered, col, desc);
    ordered
        .into_iter()
        .map(|r| (colour_of(rank[r.workflow_id.as_str()]), r))
        .collect()
}

/// One workflow's row.
pub fn subtotal_row(
    t: Table,
    fmt: &Formatter,
    colour: usize,
    r: &Subtotal,
    total: CuTotal,
    has_price: bool,
) -> impl IntoView {
    let wf = r.workflow_id.clone();
    let share = fmt.percent(r.cu, total);
    let width = if total.0 == 0 {
        0.0
    } else {
        r.cu.as_f64() / total.as_f64() * 100.0
    };
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
}

/// The Total row.
pub fn total_row(fmt: &Formatter, t: &Subtotal, has_price: bool) -> impl IntoView {
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
}
