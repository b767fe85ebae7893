//! The ledger beside the runs: the organization's balance and the usage of
//! the months the view asks for, each month fetched once (Refresh fetches
//! the balance and the current month again). It never blocks the runs
//! table: with `ledger: "auto"` a 404 or 403 hides every ledger element
//! quietly; any other error is kept for a note.

use std::rc::Rc;

use leptos::task::spawn_local;

use crate::api::ApiError;
use crate::core::ledger::YearMonth;
use crate::load::config::LedgerMode;
use crate::load::env::Env;
use crate::load::state::{LedgerData, Shared, TableState};
use crate::load::tasks::new_controller;

/// Changes the ledger state (a new `Arc`, so readers see the change).
/// Nothing once the instance is unmounted (an answer may come after).
fn update(state: TableState, f: impl FnOnce(&mut LedgerData)) {
    let Some(current) = state.ledger.try_get_untracked() else {
        return;
    };
    let mut data = (*current.0).clone();
    f(&mut data);
    state.ledger.try_set(Shared::new(data));
}

/// The ledger state now (`None` once unmounted).
fn now(state: TableState) -> Option<Shared<LedgerData>> {
    state.ledger.try_get_untracked()
}

/// An answer's error: hides the ledger (auto, "no ledger here") or is kept.
fn failed(state: TableState, env: &Env, err: ApiError) {
    let quiet = err.is_unavailable() && env.config.ledger == LedgerMode::Auto;
    if err == ApiError::Aborted {
        return;
    }
    update(state, |d| {
        if quiet {
            d.hidden = true;
        } else {
            d.error = Some(err);
        }
    });
}

/// Starts the ledger: off with `ledger: false`, else the balance now.
pub fn start(state: TableState, env: Rc<Env>) {
    if env.config.ledger == LedgerMode::Off {
        update(state, |d| d.hidden = true);
        return;
    }
    fetch_balance(state, env);
}

/// Reads the balance (again).
pub fn fetch_balance(state: TableState, env: Rc<Env>) {
    if now(state).is_none_or(|d| d.hidden) {
        return;
    }
    let Some(controller) = new_controller() else {
        return;
    };
    env.ledger_started(&controller);
    spawn_local(async move {
        let result = env.source.fetch_balance(controller.clone()).await;
        env.ledger_done(&controller);
        match result {
            Ok(balance) => {
                update(state, |d| {
                    d.balance = Some(balance);
                    d.as_of = Some(js_sys::Date::now());
                    d.error = None;
                });
                if let Some(d) = now(state) {
                    want(state, env, &d.wanted.clone(), false);
                }
            }
            Err(err) => failed(state, &env, err),
        }
    });
}

/// Reads `months` not read or asked for yet (`again`: those too, for a
/// refresh of the month in progress).
pub fn want(state: TableState, env: Rc<Env>, months: &[YearMonth], again: bool) {
    if now(state).is_none_or(|d| d.hidden) {
        return;
    }
    update(state, |d| {
        for m in months {
            if !d.wanted.contains(m) {
                d.wanted.push(*m);
            }
        }
    });
    // Not before the balance has shown the ledger is there.
    if now(state).is_none_or(|d| d.balance.is_none()) {
        return;
    }
    for &month in months {
        let known = now(state)
            .is_none_or(|d| d.pending.contains(&month) || (!again && d.month(month).is_some()));
        if known {
            continue;
        }
        let Some(controller) = new_controller() else {
            return;
        };
        update(state, |d| d.pending.push(month));
        let env = env.clone();
        env.ledger_started(&controller);
        spawn_local(async move {
            let result = env.source.fetch_usage(month, controller.clone()).await;
            env.ledger_done(&controller);
            update(state, |d| d.pending.retain(|m| *m != month));
            match result {
                Ok(usage) => update(state, |d| {
                    d.months.retain(|u| u.year_month != month);
                    d.months.push(usage);
                }),
                Err(err) => failed(state, &env, err),
            }
        });
    }
}

/// Refresh: the balance and the months that include `today_month` again.
pub fn refresh(state: TableState, env: Rc<Env>, today_month: YearMonth) {
    fetch_balance(state, env.clone());
    let held = now(state).is_some_and(|d| d.month(today_month).is_some());
    if held {
        want(state, env, &[today_month], true);
    }
}

/// The UTC month of now (the `now` option, else the clock).
pub fn this_month(env: &Env) -> YearMonth {
    let now = env
        .config
        .now_ms
        .unwrap_or_else(|| js_sys::Date::now() as i64);
    YearMonth::of_day(crate::core::ledger::utc_day(now))
}
