//! Every effect of the component goes through [`effect`]: one closure type
//! for the whole crate, run by the same `RenderEffect` type as the view
//! layer's bindings (`crate::view::el`). Each closure type given to
//! `Effect::new` gets its own copy of the effect's task; boxed, there is one
//! copy, and `Effect`'s own machinery is not linked
//! (docs/decisions/0001-size-driven-design.md).

/// Runs `f` now, then again whenever the signals it read change (on the
/// task queue, like `Effect::new`); `f`'s argument is `true` on the first
/// run. The effect belongs to the current owner (the calling component) and
/// ends with it.
pub fn effect(mut f: impl FnMut(bool) + 'static) {
    let mut first = true;
    crate::load::reactive::bind(Box::new(move || {
        f(first);
        first = false;
    }));
}
