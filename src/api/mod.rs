//! The runs API: request building (`request`), a small validating JSON
//! reader (`json`), the one-pass runs decoder (`models`), the ledger's
//! decoders (`ledger`: balance and monthly usage), errors (`error`), the
//! retry policy (`retry`) and the HTTP client (`client`); test-only, the
//! `serde_json::Value` decoder the runs decoder is checked against
//! (`oracle`).

pub mod client;
pub mod error;
pub mod json;
pub mod ledger;
pub mod models;
#[cfg(all(test, not(target_arch = "wasm32")))]
mod oracle;
pub mod request;
pub mod retry;

pub use client::{
    BalanceFuture, HttpConfig, HttpRunsSource, PageFuture, RunsSource, TokenSource, UsageFuture,
};
pub use error::ApiError;
pub use ledger::{decode_balance_reply, decode_usage_reply, Balance, Usage, YearMonth};
pub use models::{decode_runs_reply, decode_runs_response, keep_raw, Run, RunStatus, RunsPage};
pub use request::{check_token, PageRequest, DEFAULT_LIMIT, MAX_LIMIT};
