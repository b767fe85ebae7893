//! Every effect of the component goes through [`effect`]: one `Effect`
//! closure type for the whole crate. Each closure type given to
//! `Effect::new` gets its own copy of the effect's task (the future that
//! waits for changes and re-runs it), about 1.5 KB of wasm each; boxed
//! here, there is one copy (BENCHMARKS.md, session 9). The same reason as
//! `sort`'s single sorts.

use leptos::prelude::*;

/// Runs `f` once on the next tick, then again whenever the signals it read
/// change, like `Effect::new`; `f`'s argument is `true` on the first run.
/// The effect belongs to the current owner (the calling component) and ends
/// with it.
pub fn effect(f: impl FnMut(bool) + 'static) {
    run(Box::new(f));
}

fn run(mut f: Box<dyn FnMut(bool)>) {
    Effect::new(move |prev: Option<()>| f(prev.is_none()));
}
