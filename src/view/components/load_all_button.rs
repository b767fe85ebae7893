//! "Load all runs", with a title saying what it fetches: every run or, under
//! a period, the runs back to its start (or its comparison's), up to
//! `maxRuns`.

use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::period::{parse, short_date, ymd};
use crate::core::sentences::load_all_title;
use crate::view::el::{button, Els};
use crate::view::table::{use_table, Table};

/// What "Load all runs" fetches, `max_runs` at most (tracked).
fn load_title(t: Table, max_runs: u64, fmt: &Formatter) -> String {
    let back = t.load_back_to();
    let from = t.state.filters.with(|f| f.from.clone());
    let day = back.as_deref().and_then(parse);
    let text = day.map(|d| short_date(d, ymd(d).0, fmt));
    let comparison = back.is_some() && back != from;
    load_all_title(max_runs, text.as_deref().map(|d| (d, comparison)), fmt)
}

/// The "Load all runs" button (shown while no walk runs).
pub fn load_all_button() -> Els {
    let t = use_table();
    let max_runs = t.with_config(|c| c.max_runs);
    let fmt = t.fmt();
    vec![button("cu-btn", &t.say(M::loadAll))
        .dyn_attr("title", move || Some(load_title(t, max_runs, &fmt)))
        .on("click", move |_| t.load_all())]
}
