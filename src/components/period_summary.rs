//! What finance asks of a period: the headline figure against the previous
//! period, whether the period is fully loaded (with an offer to load it),
//! the period-end estimate and the budget. Sentences from
//! `crate::finance`; arithmetic from `crate::period`.

use leptos::prelude::*;

use crate::compare::{Lookup, Prev};
use crate::finance::{budget_line, estimate, estimate_method, headline, period_coverage, Versus};
use crate::period::{
    budget, cu_by_day, period_name, previous_name, projection, short_date, whole_percent, ymd,
    Change, Cover,
};
use crate::table::use_table;

/// The period lines (nothing for a Custom period).
#[component]
pub fn PeriodSummary() -> impl IntoView {
    let t = use_table();
    let (state, period, subtotals, previous) = (t.state, t.period, t.subtotals, t.previous);
    let cover = move || period.with(|v| v.map(|v| (v.cover, v.previous_cover)));
    let fmt = StoredValue::new(t.fmt());
    let (has_price, budget_cu) = t.with_config(|c| (c.price.is_some(), c.budget_cu));
    let method_id = format!("{}-estimate-method", t.uid());
    let described_by = method_id.clone();
    let figure = move |cu: crate::cu::CuTotal, money: crate::cu::Money| {
        fmt.with_value(|f| {
            let cu = format!("{} CU", f.cu_total(cu));
            if has_price {
                format!("{cu} ({})", f.money(money))
            } else {
                cu
            }
        })
    };
    // The oldest day loaded, as "Nov 12".
    let back_to = move |today| {
        t.scope_set.with(|s| {
            let oldest = s
                .as_ref()?
                .set
                .day_names
                .iter()
                .filter_map(|d| crate::period::parse(d))
                .min()?;
            Some(short_date(oldest, ymd(today).0))
        })
    };
    let head = move || {
        let view = period.get()?;
        let (now, before) = cover()?;
        let full = now == Cover::Full;
        let s = subtotals.get();
        let p = previous.get();
        let look = Lookup::new(Option::as_ref(&*p.0));
        let versus = match (view.previous, look.total()) {
            (None, _) => Versus::Off,
            (Some(_), Prev::Unknown) => Versus::Unknown,
            (Some(_), prev) => match prev.cu_change(s.total.cu) {
                Change::Delta {
                    tenths: Some(pct), ..
                } => Versus::Change {
                    percent: fmt.with_value(|f| f.signed_percent(pct)),
                    previous: match prev {
                        Prev::Was(w) => figure(w.cu, w.cost),
                        _ => String::new(),
                    },
                },
                _ => Versus::Zero,
            },
        };
        let _ = before;
        let since = back_to(view.today);
        Some(headline(
            &figure(s.total.cu, s.total.cost),
            &period_name(view.preset, view.period, view.today),
            full,
            since.as_deref().filter(|_| now != Cover::NotFromHead),
            &view
                .previous
                .map(|pp| previous_name(view.preset, pp, view.today))
                .unwrap_or_default(),
            &versus,
        ))
    };
    let coverage = move || {
        let view = period.get()?;
        let (now, before) = cover()?;
        let year = ymd(view.today).0;
        // The comparison needs its own period loaded too.
        let (needed, start) = match (before, view.previous) {
            (Some(b), Some(pp)) if now == Cover::Full && b != Cover::Full => (b, pp.from),
            _ => (now, view.period.from),
        };
        let runs = t.filtered.with(|f| f.len() as u64);
        let others = state.filters.with(|f| f.active_count()).saturating_sub(2);
        let runs =
            fmt.with_value(|f| crate::sentences::plural(runs, &|n| f.count(n), "run", "runs"));
        let line = period_coverage(
            view.preset.label(),
            if needed == now { now } else { needed },
            &short_date(start, year),
            back_to(view.today).as_deref(),
            &runs,
            others,
        )?;
        let line = if needed != now {
            format!(
                "{line} The comparison needs runs back to {}.",
                short_date(start, year)
            )
        } else {
            line
        };
        let offer = matches!(needed, Cover::BackTo(_) | Cover::NotFromHead)
            && !state.load_all.with(|l| l.running);
        let label = format!("Load runs back to {}", short_date(start, year));
        Some(view! {
            <p class="cu-period-cover">
                {line}
                {offer.then(|| view! {
                    " " <button type="button" class="cu-btn cu-small" on:click=move |_| t.load_all()>{label}</button>
                })}
            </p>
        })
    };
    let estimate_line = move || {
        let view = period.get()?;
        let (now, _) = cover()?;
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
        let (method_id, described_by) = (method_id.clone(), described_by.clone());
        Some(view! {
            <p class="cu-estimate" aria-describedby=described_by>
                <span class="cu-tag">"estimate"</span>" "{text}
            </p>
            <p class="cu-note cu-method" id=method_id>{method}</p>
        })
    };
    let budget_text = move || {
        let budget_cu = budget_cu?;
        let view = period.get()?;
        if !view.preset.is_month() || cover()?.0 != Cover::Full {
            return None;
        }
        let by_day = t.scope_set.with(|s| {
            t.filtered
                .with(|f| s.as_ref().map(|l| cu_by_day(&l.set, f)).unwrap_or_default())
        });
        let spent = subtotals.with(|s| s.total.cu);
        let state = budget(&by_day, budget_cu, view.period, view.today, view.into_today);
        let year = ymd(view.today).0;
        Some(budget_line(
            whole_percent(spent, budget_cu),
            &fmt.with_value(|f| format!("{} CU", f.cu_setting(budget_cu))),
            state,
            &|d| short_date(d, year),
            view.period.contains(view.today),
        ))
    };
    view! {
        <div class="cu-period">
            <p class="cu-headline" aria-live="polite">{head}</p>
            {coverage}
            {estimate_line}
            <p class="cu-budget">{budget_text}</p>
        </div>
    }
}
