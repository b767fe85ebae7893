//! The period-end estimate, labelled "estimate", its method as its
//! description. Only for a period that includes today and is fully loaded.

use leptos::prelude::*;

use crate::finance::{estimate, estimate_method};
use crate::period::{period_name, projection, short_date, ymd, Cover};
use crate::table::use_table;

/// The estimate line and its method.
#[component]
pub fn Estimate() -> impl IntoView {
    let t = use_table();
    let (period, subtotals) = (t.period, t.subtotals);
    let fmt = StoredValue::new(t.fmt());
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
            &fmt.with_value(|f| format!("{} CU", f.cu_total(p))),
            &short_date(view.period.to, year),
        );
        let method = estimate_method(&short_date(view.period.from, year), view.period.days());
        let (method_id, described_by) = (method_id.clone(), method_id.clone());
        Some(view! {
            <p class="cu-estimate" aria-describedby=described_by>
                <span class="cu-tag">"estimate"</span>" "{text}
            </p>
            <p class="cu-note cu-method" id=method_id>{method}</p>
        })
    };
    view! { {estimate_line} }
}
