//! Group by "Node type": the month's CU by node category and node type,
//! from the usage ledger's breakdown (count, CU, share), with a Total row
//! that is the sum of the rows; which actions cost the most, which runs
//! cannot show.

use crate::core::ledger::by_node_type;
use crate::core::messages::M;
use crate::view::el::{h, El, Els};
use crate::view::table::{use_table, Table};

/// The table (tracked), or what it needs: a calendar month, the ledger.
fn content(t: Table) -> Els {
    let f = t.fmt();
    let data = t.state.ledger.get();
    let month = t.period.with(|v| v.as_ref().and_then(super::month_of));
    let note = |m| vec![h("p").class("cu-empty").text(&f.t(m))];
    if data.hidden {
        return note(M::nodeTypesNoLedger);
    }
    let Some(month) = month else {
        return note(M::nodeTypesNeedMonth);
    };
    let Some(usage) = data.month(month) else {
        return note(M::emptyLoading);
    };
    if let Some(why) = super::after_now(t, usage) {
        return vec![h("p").class("cu-empty").text(&why)];
    }
    let n = by_node_type(usage);
    let caption = f.tf(
        M::nodeTypesCaption,
        &[("month", &super::ledger_month_name(month, &f))],
    );
    let th = |m, class: &str| h("th").attr("scope", "col").class(class).text(&f.t(m));
    let head = h("tr")
        .child(th(M::colCategory, ""))
        .child(th(M::colNodeType, ""))
        .child(th(M::colCount, "cu-num"))
        .child(th(M::colTotalCu, "cu-num"))
        .child(th(M::colShare, "cu-num"));
    let body = n.rows.iter().fold(h("tbody"), |tb, r| {
        tb.child(
            h("tr")
                .child(h("td").text(&r.category))
                .child(h("th").attr("scope", "row").text(&r.node_type))
                .child(h("td").class("cu-num").text(&f.count(r.count as u64)))
                .child(h("td").class("cu-num").text(&f.cu_total(r.cu)))
                .child(h("td").class("cu-num").text(&f.share(r.share))),
        )
    });
    let full = if n.cu.0 > 0 {
        f.share(Some(1000))
    } else {
        "—".to_owned()
    };
    let total = h("tfoot").child(
        h("tr")
            .child(
                h("th")
                    .attr("scope", "row")
                    .attr("colspan", "2")
                    .text(&f.t(M::total)),
            )
            .child(h("td").class("cu-num").text(&f.count(n.count as u64)))
            .child(h("td").class("cu-num").text(&f.cu_total(n.cu)))
            .child(h("td").class("cu-num").text(&full)),
    );
    vec![h("div")
        .class("cu-scroll")
        .attr("tabindex", "0")
        .attr("role", "group")
        .attr("aria-label", &f.t(M::nodeTypesTitle))
        .child(
            h("table")
                .class("cu-chart-table cu-node-types")
                .attr("aria-label", &f.t(M::nodeTypesTitle))
                .child(h("caption").text(&caption))
                .child(h("thead").child(head))
                .child(body)
                .child(total),
        )]
}

/// "CU by node type" in place of the subtotals table.
pub fn node_types_table() -> El {
    let t = use_table();
    h("div")
        .class("cu-node-types-box")
        .dyn_part(move || content(t))
}
