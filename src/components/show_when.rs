//! `ShowWhen`: Leptos's `<Show>` with its condition and children erased.
//! `<Show>` is generic over both, so each use compiled its own memo, its own
//! reactive closure and its own `Either` of two views; this one is compiled
//! once (BENCHMARKS.md, session 9). Same behaviour: the children are built
//! when the condition turns true and dropped when it turns false, and a
//! change that leaves the condition as it was rebuilds nothing.

use leptos::prelude::*;

/// Shows `children` while `when` is true, else `fallback` (nothing by
/// default).
#[component]
pub fn ShowWhen(
    /// The condition (any closure returning a bool, or a signal).
    #[prop(into)]
    when: Signal<bool>,
    /// Shown while `when` is true.
    children: ChildrenFn,
    /// Shown while `when` is false.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView {
    let when = Memo::new(move |_| when.get());
    move || {
        if when.get() {
            children()
        } else {
            fallback.run()
        }
    }
}
