//! The period-end estimate, labelled "estimate", its method as its
//! description. Only for a period that includes today and is fully loaded.

use crate::el::{h, El};

use crate::finance::{estimate, estimate_method};
use crate::period::{period_name, projection, short_date, ymd, Cover};
use crate::table::use_table;

/// The estimate line and its method, in `parent`.
pub fn estimate_view(parent: El) -> El {
    let t = use_table();
    let (period, subtotals) = (t.period, t.subtotals);
    let fmt = t.fmt();
    let method_id = format!("{}-estimate-method", t.uid());
    let estimate_line = move || {
        let view = period.get()?;
        let now = view.cover;
        if now != Cover::Full {
            return None;
        }
        let total = subtotals.with(|s| s.total.cu);
        let p = projection(total, view.period, view.today, view.into_today)?;
        let year = ymd(view.today).0;
        let name = period_name(view.preset, view.period, view.today);
        let text = estimate(
            name.trim_start_matches("in "),
            &format!("{} CU", fmt.cu_total(p)),
            &short_date(view.period.to, year),
        );
        let method = estimate_method(&short_date(view.period.from, year), view.period.days());
        Some(vec![
            h("p")
                .class("cu-estimate")
                .attr("aria-describedby", &method_id)
                .child(h("span").class("cu-tag").text("estimate"))
                .text(" ")
                .text(&text),
            h("p")
                .class("cu-note cu-method")
                .attr("id", &method_id)
                .text(&method),
        ])
    };
    parent.dyn_part(move || estimate_line().unwrap_or_default())
}
