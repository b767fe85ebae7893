//! The error state of a page request: what happened, what the server said,
//! and a way to try again. The data already on screen stays there.

use leptos::prelude::*;

use crate::table::use_table;

/// Shows the last page request's error (role=alert) with a "Retry" button.
#[component]
pub fn ErrorBox() -> impl IntoView {
    let t = use_table();
    let state = t.state;
    move || {
        state.error.get().map(|err| {
            let status = err.status().map(|s| view! { <li>"HTTP status: " {s}</li> });
            let request_id = err.request_id().map(|id| view! { <li>"Request ID: " <code>{id.to_owned()}</code></li> });
            let details = err.details().to_vec();
            let has_details = !details.is_empty();
            let keeps_data = state.page.with_untracked(Option::is_some);
            view! {
                <div class="cu-error" role="alert">
                    <p class="cu-error-title">{err.to_string()}</p>
                    <ul class="cu-error-facts">
                        {status}
                        {request_id}
                    </ul>
                    {has_details.then(|| view! {
                        <ul class="cu-error-details" aria-label="Details">
                            {details.into_iter().map(|d| view! { <li>{d}</li> }).collect_view()}
                        </ul>
                    })}
                    {keeps_data.then(|| view! { <p class="cu-muted">"The runs below are from the last successful load."</p> })}
                    <button type="button" class="cu-btn" on:click=move |_| t.retry()>"Retry"</button>
                </div>
            }
        })
    }
}
