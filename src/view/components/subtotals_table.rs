//! The "CU by workflow" table (or by trigger, or by status): subtotals per
//! group and a grand total, with the previous period and the change when
//! comparing.

use super::sort_header::{sort_header, SortHeader};
use super::subtotal_row::{ranked_rows, row_items, total_row};
use crate::core::compare::Lookup;
use crate::core::sentences::rows_cut;
use crate::core::subtotals::plural_group;
use crate::core::subtotals::SubColumn;
use crate::load::config::Price;
use crate::load::reactive::Sig;
use crate::view::el::{button, fingerprint, h, nothing, El, Item};
use crate::view::table::use_table;

/// Rows a long table shows before "Show all": enough for any page of a
/// report, few enough that a change redraws in one frame at thousands of
/// groups.
pub const FIRST_ROWS: usize = 100;

/// Per-workflow subtotals over the filtered runs in scope. Clicking a
/// workflow filters the runs table to it.
pub fn subtotals_table() -> El {
    let t = use_table();
    // The sort is shared with the bar chart.
    let (state, subtotals, fmt, sort, previous) =
        (t.state, t.subtotals, t.fmt(), t.sub_sort, t.previous);
    let price: Option<Price> = t.with_config(|c| c.price.clone());
    let header = move |label: &'static str, col: SubColumn, numeric: bool, class: &'static str| {
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
    };
    let has_price = price.is_some();
    let row_fmt = fmt.clone();
    // A long table (thousands of workflows) shows its first rows in the
    // current order until "Show all" is pressed; the Total row covers all.
    let show_all = Sig::new(false);
    let rows = move || {
        let s = subtotals.get();
        let (col, desc) = sort.get();
        let p = previous.get();
        let before = Lookup::new(Option::as_ref(&*p.0));
        // Labels, colours and filters follow the grouping.
        state.group.track();
        let mut ranked = ranked_rows(&s, Option::as_ref(&*p.0), col, desc);
        let all = ranked.len();
        let cut = !show_all.get() && all > FIRST_ROWS;
        ranked.truncate(if cut { FIRST_ROWS } else { all });
        let mut items = row_items(t, ranked, &before, s.total.cu, has_price);
        if cut {
            let group = state.group.get_untracked();
            let noun = plural_group(group, all);
            let text = rows_cut(FIRST_ROWS as u64, all as u64, noun, |n| row_fmt.count(n));
            let label = format!("Show all {} {noun}", row_fmt.count(all as u64));
            items.push(Item {
                // Not a group's key: no id holds a NUL.
                key: "\0rows-cut".to_owned(),
                same: fingerprint(&(&text, &label)),
                build: Box::new(move || {
                    h("tr").class("cu-rows-cut").child(
                        h("td").attr("colspan", "12").text(&text).text(" ").child(
                            button("cu-btn cu-small", &label)
                                .on("click", move |_| show_all.set(true)),
                        ),
                    )
                }),
            });
        }
        items
    };
    let footer = move || {
        let p = previous.get();
        let before = Lookup::new(Option::as_ref(&*p.0));
        let prev = before.is_on().then(|| before.total());
        vec![subtotals.with(|s| total_row(&fmt, &s.total, has_price, prev))]
    };
    let comparing = move || previous.with(|p| p.is_some());
    let name = move || format!("CU by {}", state.group.get().key());
    let scroll_name = move || format!("CU by {}, scrollable", state.group.get().key());
    let group_label = move || state.group.get().label();
    let cost_header = price.as_ref().map(|p| {
        h("th")
            .attr("scope", "col")
            .class("cu-num")
            .text(&format!("Cost ({})", p.currency))
    });
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
                .child(
                    h("thead").child(
                        h("tr")
                            .dyn_part(move || {
                                vec![header(group_label(), SubColumn::Workflow, false, "")]
                            })
                            .child(header("Runs", SubColumn::Runs, true, ""))
                            .child(header("Total CU", SubColumn::Cu, true, ""))
                            .child(header("Average CU", SubColumn::Average, true, ""))
                            .child(header("Largest run", SubColumn::Largest, true, ""))
                            .child(h("th").attr("scope", "col").class("cu-num").text("Share"))
                            .child(header("Failed/cancelled CU", SubColumn::Failed, true, ""))
                            .child(header("In progress", SubColumn::InProgress, true, ""))
                            .child_opt(cost_header)
                            .show(
                                comparing,
                                move || {
                                    vec![
                                        header(
                                            "Previous",
                                            SubColumn::Previous,
                                            true,
                                            "cu-col-prev",
                                        ),
                                        header("Change", SubColumn::Change, true, ""),
                                    ]
                                },
                                nothing,
                            ),
                    ),
                )
                .child(h("tbody").keyed(rows, |_| {}))
                .child(h("tfoot").dyn_part(footer)),
        )
}
