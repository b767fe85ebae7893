//! One sortable column header for both tables: a button inside the `th`,
//! `aria-sort` on the header, an arrow (and key number) beside the label.

use leptos::prelude::*;

/// A sortable `th`.
#[component]
pub fn SortHeader(
    /// The header text.
    label: &'static str,
    /// `aria-sort`: "ascending", "descending" or "none".
    #[prop(into)]
    aria_sort: Signal<&'static str>,
    /// The arrow shown beside the label ("▲", "▼2", "↕").
    #[prop(into)]
    indicator: Signal<String>,
    /// Right-aligned (numeric columns).
    #[prop(optional)]
    numeric: bool,
    /// Extra classes on the `th`.
    #[prop(optional, into)]
    class: String,
    /// A tooltip for the button.
    #[prop(optional)]
    title: Option<&'static str>,
    /// Called with whether Shift was held (a further sort key).
    on_sort: Callback<bool>,
) -> impl IntoView {
    view! {
        <th scope="col" aria-sort=aria_sort class=class class:cu-num=numeric>
            <button
                type="button"
                class="cu-sort"
                title=title
                on:click=move |ev: leptos::ev::MouseEvent| on_sort.run(ev.shift_key())
            >
                {label}
                <span class="cu-sort-ind" aria-hidden="true">{indicator}</span>
            </button>
        </th>
    }
}
