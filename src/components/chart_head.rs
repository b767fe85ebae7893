//! The heading row both charts share: the title (which names the figure)
//! and the "Show as table" toggle (`aria-pressed`).

use leptos::prelude::*;

/// A chart's heading and its "Show as table" toggle.
#[component]
pub fn ChartHead(
    /// The heading's id (the figure is labelled by it).
    heading_id: String,
    /// Whether the chart is shown as a table.
    as_table: RwSignal<bool>,
    /// The heading's content.
    children: Children,
) -> impl IntoView {
    view! {
        <div class="cu-chart-head">
            <h3 id=heading_id>{children()}</h3>
            <button
                type="button"
                class="cu-btn cu-ghost cu-small"
                aria-pressed=move || as_table.get().to_string()
                on:click=move |_| as_table.update(|t| *t = !*t)
            >
                "Show as table"
            </button>
        </div>
    }
}
