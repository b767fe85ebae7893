//! Rows of the subtotals table: one per group (its name filters the runs to
//! it), with the previous period and the change when comparing, and the
//! Total row.

use leptos::prelude::*;

use super::compare_cells::compare_cells;
use crate::charts::colour_of;
use crate::compare::{rows_with_gone, Lookup, Prev, Previous};
use crate::cu::CuTotal;
use crate::format::Formatter;
use crate::subtotals::{sort_rows, SubColumn, Subtotal, Subtotals};
use crate::table::Table;

/// The rows in the table's sort order, each with its colour: colours are CU
/// ranks (`s.rows` is in CU order), as in the charts. With a loaded
/// previous period, groups with runs only before follow as zero rows.
pub fn ranked_rows(
    s: &Subtotals,
    previous: Option<&Previous>,
    col: SubColumn,
    desc: bool,
) -> Vec<(usize, Subtotal)> {
    let rank: std::collections::HashMap<&str, usize> = s
        .rows
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.as_str(), i))
        .collect();
    let rows = rows_with_gone(s, previous);
    let mut ordered: Vec<&Subtotal> = rows.iter().collect();
    sort_rows(&mut ordered, col, desc, &Lookup::new(previous));
    ordered
        .into_iter()
        .map(|r| {
            let rank = rank.get(r.key.as_str()).copied().unwrap_or(usize::MAX);
            (colour_of(rank), r.clone())
        })
        .collect()
}

/// One group's row.
pub fn subtotal_row(
    t: Table,
    fmt: &Formatter,
    colour: usize,
    r: &Subtotal,
    total: CuTotal,
    has_price: bool,
    prev: Option<Prev>,
) -> impl IntoView {
    let key = r.key.clone();
    let label = t.label(t.state.group.get_untracked(), &key);
    let share = fmt.percent(r.cu, total);
    let width = if total.0 == 0 {
        0.0
    } else {
        r.cu.as_f64() / total.as_f64() * 100.0
    };
    let title = if label == key {
        format!("Show only runs of {key}")
    } else {
        format!("Show only runs of {label} ({key})")
    };
    view! {
        <tr>
            <th scope="row">
                <button
                    type="button"
                    class="cu-link cu-trunc"
                    title=title
                    on:click=move |_| t.toggle_group(&key)
                >
                    <span class=format!("cu-swatch cu-c{colour}") aria-hidden="true"></span>
                    {label}
                </button>
            </th>
            <td class="cu-num">{fmt.count(r.runs as u64)}</td>
            <td class="cu-num">{fmt.cu_total(r.cu)}</td>
            <td class="cu-num">{r.average().map_or_else(|| "—".to_owned(), |a| fmt.cu_total(a))}</td>
            <td class="cu-num">{r.largest.map_or_else(|| "—".to_owned(), |c| fmt.cu(c))}</td>
            <td class="cu-num">
                <span class="cu-share">
                    <span class=format!("cu-share-bar cu-c{colour}") aria-hidden="true">
                        <span style=format!("width:{}%", crate::charts::fixed(width, 1))></span>
                    </span>
                    {share}
                </span>
            </td>
            <td class="cu-num">{fmt.cu_total(r.failed_cu)}</td>
            <td class="cu-num">{fmt.count(r.in_progress as u64)}</td>
            {has_price.then(|| view! { <td class="cu-num">{fmt.money(r.cost)}</td> })}
            {prev.map(|p| compare_cells(fmt, r, p, has_price))}
        </tr>
    }
}

/// The Total row.
pub fn total_row(
    fmt: &Formatter,
    t: &Subtotal,
    has_price: bool,
    prev: Option<Prev>,
) -> impl IntoView {
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
            {prev.map(|p| compare_cells(fmt, t, p, has_price))}
        </tr>
    }
}
