//! Rows of the subtotals table: one per group (its name filters the runs to
//! it), with the previous period and the change when comparing, and the
//! Total row.

use super::compare_cells::compare_cells;
use crate::core::charts::colour_of;
use crate::core::compare::{gone_rows, sorted_order, Lookup, Prev, Previous};
use crate::core::cu::CuTotal;
use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::subtotals::{SubColumn, Subtotal, Subtotals};
use crate::view::el::{fingerprint, h, El, Item, Reuse};
use crate::view::table::Table;
use wasm_bindgen::JsCast;

/// The first `limit` rows in the table's sort order, each with its rank
/// colour (`s.rows` is in CU order; [`subtotal_row`] swaps it for the key's
/// own colour, as the charts do), and the number of rows in all. With a
/// loaded previous period, groups with runs only before follow as zero
/// rows. Only the rows shown are copied.
pub fn ranked_rows(
    s: &Subtotals,
    previous: Option<&Previous>,
    col: SubColumn,
    desc: bool,
    limit: usize,
) -> (usize, Vec<(usize, Subtotal)>) {
    let gone = gone_rows(s, previous);
    let mut rows: Vec<&Subtotal> = s.rows.iter().collect();
    rows.extend(&gone);
    let order = sorted_order(&rows, col, desc, &Lookup::new(previous));
    let shown = order
        .into_iter()
        .take(limit)
        .map(|i| {
            // A current row's rank is its place in `s.rows`; a gone row has none.
            let rank = if i < s.rows.len() { i } else { usize::MAX };
            (colour_of(rank), rows[i].clone())
        })
        .collect();
    (rows.len(), shown)
}

/// The items of the subtotals table's body, keyed by group: a row stays
/// the same node (and keeps the focus) while its figures do; `rows` in the
/// table's order, each with its rank colour, and `before` the previous
/// period's lookup.
pub fn row_items(
    t: Table,
    rows: Vec<(usize, Subtotal)>,
    before: &Lookup,
    total: CuTotal,
    has_price: bool,
) -> Vec<Item> {
    let group = t.state.group.get_untracked();
    rows.into_iter()
        .map(|(colour, r)| {
            // The top groups' colours are their keys' own, as in the charts.
            let colour = if colour == crate::core::charts::OTHER_COLOUR {
                colour
            } else {
                t.colour(group, &r.key)
            };
            let label = t.label(group, &r.key);
            let prev = before.is_on().then(|| Before::of(before.of(&r.key)));
            let same = fingerprint(&(group, &label, colour, &r, total, has_price, &prev));
            // What a patch leaves as built: the cells, and for the same
            // key the head cell.
            let frame = fingerprint(&(group, has_price, prev.is_some()));
            let shape = fingerprint(&(frame, &label, colour));
            Item {
                key: r.key.clone(),
                same,
                build: Box::new(move |shown| {
                    let fmt = t.fmt();
                    let prev = prev.as_ref().map(Before::as_prev);
                    let (tr, renamed) = match shown {
                        Some(Reuse::Same(tr)) => (tr, false),
                        Some(Reuse::Renamed(tr)) => (tr, true),
                        None => {
                            return subtotal_row(
                                t, &fmt, colour, &label, &r, total, has_price, prev,
                            )
                        }
                    };
                    if renamed {
                        rename_row(tr, &fmt, colour, &label, &r.key);
                    }
                    patch_row(tr, &fmt, &r, total, has_price, prev);
                    El::from(tr.clone())
                }),
                shape: Some(shape),
                frame: Some(frame),
            }
        })
        .collect()
}

/// A group's previous figures, held by a row built after they are read.
#[derive(Hash)]
pub enum Before {
    /// The previous period is not (fully) loaded.
    Unknown,
    /// No run of the group in the previous period.
    Absent,
    /// The group's previous subtotal.
    Was(Subtotal),
}

impl Before {
    /// Holds `prev`.
    pub fn of(prev: Prev) -> Before {
        match prev {
            Prev::Unknown => Before::Unknown,
            Prev::Absent => Before::Absent,
            Prev::Was(s) => Before::Was(s.clone()),
        }
    }

    /// As the comparison cells read it.
    pub fn as_prev(&self) -> Prev<'_> {
        match self {
            Before::Unknown => Prev::Unknown,
            Before::Absent => Prev::Absent,
            Before::Was(s) => Prev::Was(s),
        }
    }
}

/// One group's row: `colour` its colour, `label` how its key reads.
#[allow(clippy::too_many_arguments)]
fn subtotal_row(
    t: Table,
    fmt: &Formatter,
    colour: usize,
    label: &str,
    r: &Subtotal,
    total: CuTotal,
    has_price: bool,
    prev: Option<Prev>,
) -> El {
    let swatch = h("span")
        .class(&swatch_class(colour))
        .attr("aria-hidden", "true");
    let bar = h("span")
        .class(&bar_class(colour))
        .attr("aria-hidden", "true")
        .child(h("span").style("width", &bar_width(r, total)));
    h("tr")
        .attr("data-key", &r.key)
        .child(
            h("th").attr("scope", "row").child(
                h("button")
                    .attr("type", "button")
                    .class("cu-link cu-trunc")
                    .attr("title", &head_title(fmt, label, &r.key))
                    // The row's key read at the click: a row may be
                    // renamed in place (`rename_row`).
                    .on("click", move |ev| {
                        if let Some(key) = key_of(&ev) {
                            t.toggle_group(&key);
                        }
                    })
                    .child(swatch)
                    .text(label),
            ),
        )
        .with(|tr| {
            let share = h("td").class("cu-num").child(
                h("span")
                    .class("cu-share")
                    .child(bar)
                    .text(&fmt.share(r.share)),
            );
            figure_cells(tr, fmt, r, share, has_price, prev)
        })
}

/// The head button's title: what a click does.
fn head_title(fmt: &Formatter, label: &str, key: &str) -> String {
    if label == key {
        fmt.tf(M::showOnly, &[("name", key)])
    } else {
        fmt.tf(M::showOnlyNamed, &[("name", label), ("key", key)])
    }
}

fn swatch_class(colour: usize) -> String {
    format!("cu-swatch cu-c{colour}")
}

fn bar_class(colour: usize) -> String {
    format!("cu-share-bar cu-c{colour}")
}

/// The key of the row an event happened in.
fn key_of(ev: &web_sys::Event) -> Option<String> {
    let el = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    el.closest("[data-key]").ok()??.get_attribute("data-key")
}

/// Makes a row built by [`subtotal_row`] (with the same grouping, price
/// and comparison) another group's: its key, the head button's title and
/// label, and the colour of its swatch and share bar. Its figures are
/// [`patch_row`]'s.
fn rename_row(tr: &web_sys::Element, fmt: &Formatter, colour: usize, label: &str, key: &str) {
    let _ = tr.set_attribute("data-key", key);
    let Some(button) = tr
        .first_element_child()
        .and_then(|th| th.first_element_child())
    else {
        return;
    };
    let _ = button.set_attribute("title", &head_title(fmt, label, key));
    if let Some(swatch) = button.first_element_child() {
        swatch.set_class_name(&swatch_class(colour));
    }
    if let Some(text) = button.last_child() {
        text.set_node_value(Some(label));
    }
    // The share cell follows the head, runs, CU, average and largest.
    let bar = tr
        .children()
        .item(5)
        .and_then(|td| td.first_element_child())
        .and_then(|share| share.first_element_child());
    if let Some(bar) = bar {
        bar.set_class_name(&bar_class(colour));
    }
}

/// The width of a row's share bar: its part of the total CU.
fn bar_width(r: &Subtotal, total: CuTotal) -> String {
    let width = if total.0 == 0 {
        0.0
    } else {
        r.cu.as_f64() / total.as_f64() * 100.0
    };
    format!("{}%", crate::core::charts::fixed(width, 1))
}

/// Brings a group's row, built by [`subtotal_row`] with the same group,
/// label, colour, price and comparison, up to `r`'s figures in place: the
/// figure cells' text, the share bar's width and text, and the comparison
/// cells (built again). The head cell, its button and its listener stay.
fn patch_row(
    tr: &web_sys::Element,
    fmt: &Formatter,
    r: &Subtotal,
    total: CuTotal,
    has_price: bool,
    prev: Option<Prev>,
) {
    let cells = tr.children();
    let (before, after) = figure_texts(fmt, r, has_price);
    let set = |at: usize, text: &str| {
        if let Some(cell) = cells.item(at as u32) {
            cell.set_text_content(Some(text));
        }
    };
    // The head cell is cell 0; the share cell follows the first four.
    for (i, text) in before.iter().enumerate() {
        set(1 + i, text);
    }
    let share = cells
        .item(1 + before.len() as u32)
        .and_then(|td| td.first_element_child());
    if let Some(share) = share {
        let bar = share
            .first_element_child()
            .and_then(|bar| bar.first_element_child());
        if let Some(bar) = bar.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = bar.style().set_property("width", &bar_width(r, total));
        }
        if let Some(text) = share.last_child() {
            text.set_node_value(Some(&fmt.share(r.share)));
        }
    }
    let first_after = 2 + before.len();
    for (i, text) in after.iter().enumerate() {
        set(first_after + i, text);
    }
    if let Some(prev) = prev {
        let from = (first_after + after.len()) as u32;
        while let Some(cell) = cells.item(from) {
            cell.remove();
        }
        for cell in compare_cells(fmt, r, prev, has_price) {
            let _ = tr.append_with_node_1(cell.element());
        }
    }
}

/// The texts of a row's figure cells: those before the share cell (runs,
/// CU, average, largest) and those after it (failed CU, in progress, the
/// cost when priced).
fn figure_texts(fmt: &Formatter, r: &Subtotal, has_price: bool) -> ([String; 4], Vec<String>) {
    let before = [
        fmt.count(r.runs as u64),
        fmt.cu_total(r.cu),
        r.average()
            .map_or_else(|| "—".to_owned(), |a| fmt.cu_total(a)),
        r.largest.map_or_else(|| "—".to_owned(), |c| fmt.cu(c)),
    ];
    let mut after = vec![fmt.cu_total(r.failed_cu), fmt.count(r.in_progress as u64)];
    if has_price {
        after.push(fmt.money(r.cost));
    }
    (before, after)
}

/// The cells after a row's head, the same in a group's row and the Total
/// row: runs, CU, average, largest, `share`, failed CU, in progress, the
/// cost when priced, and the comparison cells when comparing.
fn figure_cells(
    tr: El,
    fmt: &Formatter,
    r: &Subtotal,
    share: El,
    has_price: bool,
    prev: Option<Prev>,
) -> El {
    let num = |tr: El, text: &String| tr.child(h("td").class("cu-num").text(text));
    let (before, after) = figure_texts(fmt, r, has_price);
    let tr = before.iter().fold(tr, num).child(share);
    after.iter().fold(tr, num).children(
        prev.map(|p| compare_cells(fmt, r, p, has_price))
            .unwrap_or_default(),
    )
}

/// The Total row.
pub fn total_row(fmt: &Formatter, t: &Subtotal, has_price: bool, prev: Option<Prev>) -> El {
    let share = if t.runs > 0 && t.cu.0 > 0 {
        fmt.share(Some(1000))
    } else {
        "—".to_owned()
    };
    let share = h("td").class("cu-num").text(&share);
    figure_cells(
        h("tr").child(h("th").attr("scope", "row").text(&fmt.t(M::total))),
        fmt,
        t,
        share,
        has_price,
        prev,
    )
}
