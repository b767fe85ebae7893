//! The "CU by workflow" table (or by trigger, or by status): subtotals per
//! group and a grand total, with the previous period and the change when
//! comparing.

use super::sort_header::{sort_header, SortHeader};
use super::subtotal_row::{ranked_rows, row_items, total_row};
use crate::core::compare::Lookup;
use crate::core::messages::M;
use crate::core::sentences::rows_cut;
use crate::core::subtotals::group_count;
use crate::core::subtotals::SubColumn;
use crate::load::reactive::Sig;
use crate::view::el::{button, fingerprint, h, nothing, El, Item};
use crate::view::table::{use_table, Table};

/// Rows a long table shows before "Show all": enough for any page of a
/// report, few enough that a change redraws in one frame at thousands of
/// groups.
pub const FIRST_ROWS: usize = 100;

/// Per-workflow subtotals over the filtered runs in scope. Clicking a
/// workflow filters the runs table to it.
pub fn subtotals_table() -> El {
    let t = use_table();
    let (state, subtotals, previous) = (t.state, t.subtotals, t.previous);
    let has_price = t.with_config(|c| c.price.is_some());
    // A long table (thousands of workflows) shows its first rows in the
    // current order until "Show all" is pressed; the Total row covers all.
    let show_all = Sig::new(false);
    let fmt = t.fmt();
    let scope_set = t.scope_set;
    let footer = move || {
        // No runs read yet (the first page loading, or failed): no total,
        // which would say 0 of runs that are not known.
        if scope_set.with(Option::is_none) {
            return Vec::new();
        }
        let p = previous.get();
        let before = Lookup::new(Option::as_ref(&*p.0));
        let prev = before.is_on().then(|| before.total());
        vec![subtotals.with(|s| total_row(&fmt, &s.total, has_price, prev))]
    };
    let comparing = move || previous.with(|p| p.is_some());
    let name = move || {
        let f = t.fmt();
        f.tf(M::cuBy, &[("by", &state.group.get().noun(&f))])
    };
    let scroll_name = move || {
        let f = t.fmt();
        f.tf(M::cuByRegion, &[("by", &state.group.get().noun(&f))])
    };
    h("div")
        .class("cu-scroll")
        .attr("tabindex", "0")
        .attr("role", "group")
        .dyn_attr("aria-label", move || Some(scroll_name()))
        .child(
            h("table")
                .class("cu-subtotals")
                .class_when("cu-comparing", comparing)
                .dyn_attr("aria-busy", move || Some(state.loading.get().to_string()))
                .child(h("caption").dyn_text(name))
                .child(h("thead").child(head_row(t)))
                .child(h("tbody").keyed(move || body_items(t, show_all), |_| {}))
                .child(h("tfoot").dyn_part(footer)),
        )
}

/// A sortable column head; the sort is shared with the bar chart.
fn header(t: Table, label: &str, col: SubColumn, numeric: bool, class: &str) -> El {
    let sort = t.sub_sort;
    let aria_sort = Box::new(move || match sort.get() {
        (c, true) if c == col => "descending",
        (c, false) if c == col => "ascending",
        _ => "none",
    });
    let indicator = Box::new(move || {
        match sort.get() {
            (c, true) if c == col => "▼",
            (c, false) if c == col => "▲",
            _ => "↕",
        }
        .to_owned()
    });
    sort_header(
        SortHeader {
            label: label.to_owned(),
            class: class.to_owned(),
            numeric,
            title: None,
        },
        aria_sort,
        indicator,
        Box::new(move |_| t.sort_subtotals(col)),
    )
}

/// The head row: the group (named by the grouping), the figures, the cost
/// when priced, and Previous and Change while comparing.
fn head_row(t: Table) -> El {
    let (state, previous) = (t.state, t.previous);
    let cost_header = t.with_config(|c| {
        c.price.as_ref().map(|p| {
            h("th")
                .attr("scope", "col")
                .class("cu-num")
                .text(&t.fmt().tf(M::colCost, &[("currency", &p.currency)]))
        })
    });
    let comparing = move || previous.with(|p| p.is_some());
    let f = t.fmt();
    let f2 = f.clone();
    h("tr")
        .dyn_part(move || {
            vec![header(
                t,
                &state.group.get().label(&t.fmt()),
                SubColumn::Workflow,
                false,
                "",
            )]
        })
        .child(header(t, &f.t(M::colRuns), SubColumn::Runs, true, ""))
        .child(header(t, &f.t(M::colTotalCu), SubColumn::Cu, true, ""))
        .child(header(
            t,
            &f.t(M::colAverageCu),
            SubColumn::Average,
            true,
            "",
        ))
        .child(header(t, &f.t(M::colLargest), SubColumn::Largest, true, ""))
        .child(
            h("th")
                .attr("scope", "col")
                .class("cu-num")
                .text(&f.t(M::colShare)),
        )
        .child(header(t, &f.t(M::colFailedCu), SubColumn::Failed, true, ""))
        .child(header(
            t,
            &f.t(M::colInProgress),
            SubColumn::InProgress,
            true,
            "",
        ))
        .child_opt(cost_header)
        .show(
            comparing,
            move || {
                vec![
                    header(
                        t,
                        &f2.t(M::colPrevious),
                        SubColumn::Previous,
                        true,
                        "cu-col-prev",
                    ),
                    header(t, &f2.t(M::colChange), SubColumn::Change, true, ""),
                ]
            },
            nothing,
        )
}

/// The body's keyed items: the groups in the table's order (the first
/// [`FIRST_ROWS`] until `show_all`), then the "Show all" row when cut.
fn body_items(t: Table, show_all: Sig<bool>) -> Vec<Item> {
    let (state, sort, previous) = (t.state, t.sub_sort, t.previous);
    let has_price = t.with_config(|c| c.price.is_some());
    let s = t.subtotals.get();
    let (col, desc) = sort.get();
    let p = previous.get();
    let before = Lookup::new(Option::as_ref(&*p.0));
    // Labels, colours and filters follow the grouping.
    state.group.track();
    let limit = if show_all.get() {
        usize::MAX
    } else {
        FIRST_ROWS
    };
    let (all, ranked) = ranked_rows(&s, Option::as_ref(&*p.0), col, desc, limit);
    let cut = all > ranked.len();
    let mut items = row_items(t, ranked, &before, s.total.cu, has_price);
    if cut {
        items.push(show_all_item(t, all, show_all));
    }
    items
}

/// "Showing the first 100 of 2,000 workflows. [Show all 2,000 workflows]".
fn show_all_item(t: Table, all: usize, show_all: Sig<bool>) -> Item {
    let fmt = t.fmt();
    let count = group_count(t.state.group.get_untracked(), all, &fmt);
    let text = rows_cut(FIRST_ROWS as u64, &count, &fmt);
    let label = fmt.tf(M::showAll, &[("count", &count)]);
    Item {
        // Not a group's key: no id holds a NUL.
        key: "\0rows-cut".to_owned(),
        same: fingerprint(&(&text, &label)),
        build: Box::new(move |_| {
            h("tr").class("cu-rows-cut").child(
                h("td").attr("colspan", "12").text(&text).text(" ").child(
                    button("cu-btn cu-small", &label).on("click", move |_| show_all.set(true)),
                ),
            )
        }),
        shape: None,
        frame: None,
    }
}
