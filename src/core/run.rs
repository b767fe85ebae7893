//! A workflow run and a page of runs, as the component keeps them: the
//! status (unknown values kept raw), the timestamps as instants with a tag
//! for the form they were sent in, and the CU as exact fixed point.
//! Decoding them from the API's JSON is `crate::api::models`.

use std::borrow::Cow;

use crate::core::cu::Cu;
use crate::core::time::{
    format_time, is_canonical_rfc3339_ms, parse_rfc3339_ms, time_form, TimeForm,
};

/// A run's status. Unknown values are kept raw and rendered as sent.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RunStatus {
    /// Still executing; its CU is a partial figure.
    Running,
    /// Queued or paused; its CU is a partial figure.
    Waiting,
    /// Completed successfully.
    Success,
    /// Completed with a failure.
    Failure,
    /// Cancelled before completion.
    Cancelled,
    /// Completed with mixed outcomes (newer API versions).
    Partial,
    /// Any other value, kept exactly as the API sent it.
    Other(String),
}

impl RunStatus {
    /// Every status the component knows, in display order.
    pub const KNOWN: [RunStatus; 6] = [
        RunStatus::Running,
        RunStatus::Waiting,
        RunStatus::Success,
        RunStatus::Failure,
        RunStatus::Cancelled,
        RunStatus::Partial,
    ];

    /// Parses the API value; unknown strings become [`RunStatus::Other`].
    pub fn parse(raw: &str) -> RunStatus {
        match raw {
            "running" => RunStatus::Running,
            "waiting" => RunStatus::Waiting,
            "success" => RunStatus::Success,
            "failure" => RunStatus::Failure,
            "cancelled" => RunStatus::Cancelled,
            "partial" => RunStatus::Partial,
            other => RunStatus::Other(other.to_owned()),
        }
    }

    /// The API's value.
    pub fn as_str(&self) -> &str {
        match self {
            RunStatus::Running => "running",
            RunStatus::Waiting => "waiting",
            RunStatus::Success => "success",
            RunStatus::Failure => "failure",
            RunStatus::Cancelled => "cancelled",
            RunStatus::Partial => "partial",
            RunStatus::Other(raw) => raw,
        }
    }

    /// The status's English name (the sort order of the Status column,
    /// the same in every language; the screen shows `labels::status_label`).
    pub fn label(&self) -> &str {
        match self {
            RunStatus::Running => "Running",
            RunStatus::Waiting => "Waiting",
            RunStatus::Success => "Succeeded",
            RunStatus::Failure => "Failed",
            RunStatus::Cancelled => "Cancelled",
            RunStatus::Partial => "Partial",
            RunStatus::Other(raw) => raw,
        }
    }

    /// Whether the run has not finished, so its CU is consumption so far.
    pub fn in_progress(&self) -> bool {
        matches!(self, RunStatus::Running | RunStatus::Waiting)
    }
}

/// One workflow run as the component uses it.
#[derive(Debug, Clone, PartialEq)]
pub struct Run {
    /// Unique id of the run.
    pub run_id: String,
    /// The workflow it belongs to (the subtotal grouping key).
    pub workflow_id: String,
    /// Its status.
    pub status: RunStatus,
    /// `startedAt` in epoch milliseconds, when it parses as RFC 3339.
    pub started_ms: Option<i64>,
    /// `startedAt` as sent, kept only when its text cannot be written again
    /// from `started_ms` and `started_form` (see [`Run::started_at`]): a
    /// timestamp that parses keeps no copy, whatever its form.
    pub started_raw: Option<Box<str>>,
    /// How `startedAt` was written (fraction digits, separator, zone).
    pub started_form: TimeForm,
    /// `finishedAt` in epoch milliseconds, when it parses.
    pub finished_ms: Option<i64>,
    /// `finishedAt` as sent, kept like `started_raw`.
    pub finished_raw: Option<Box<str>>,
    /// How `finishedAt` was written.
    pub finished_form: TimeForm,
    /// CU in fixed point; `None` when the API sent no valid number.
    pub cu: Option<Cu>,
    /// What started the run, when sent.
    pub trigger_source: Option<String>,
}

/// The text to keep for a sent timestamp: none when it is empty or exactly
/// the canonical form of its parsed value (which [`crate::core::time::format_rfc3339_ms`] gives
/// back), else the text as sent.
pub fn keep_raw(text: &str, ms: Option<i64>) -> Option<Box<str>> {
    sent_time(text, ms).1
}

/// How to keep a sent timestamp that parsed to `ms`: its form, and its
/// text only when the form cannot give it back (see [`time_form`]).
pub fn sent_time(text: &str, ms: Option<i64>) -> (TimeForm, Option<Box<str>>) {
    match ms {
        _ if text.is_empty() => (TimeForm::CANONICAL, None),
        Some(ms) if is_canonical_rfc3339_ms(text, ms) => (TimeForm::CANONICAL, None),
        Some(ms) => match time_form(text, ms) {
            Some(form) => (form, None),
            None => (TimeForm::CANONICAL, Some(text.into())),
        },
        None => (TimeForm::CANONICAL, Some(text.into())),
    }
}

impl Run {
    /// A run from its fields as sent: the timestamps parsed, and their text
    /// kept only where it is not the canonical form ([`keep_raw`]).
    pub fn from_sent(
        run_id: String,
        workflow_id: String,
        status: RunStatus,
        started_at: &str,
        finished_at: Option<&str>,
        cu: Option<Cu>,
        trigger_source: Option<String>,
    ) -> Run {
        let started_ms = parse_rfc3339_ms(started_at);
        let finished_ms = finished_at.and_then(parse_rfc3339_ms);
        let (started_form, started_raw) = sent_time(started_at, started_ms);
        let (finished_form, finished_raw) =
            finished_at.map_or((TimeForm::CANONICAL, None), |t| sent_time(t, finished_ms));
        Run {
            run_id,
            workflow_id,
            status,
            started_ms,
            started_raw,
            started_form,
            finished_ms,
            finished_raw,
            finished_form,
            cu,
            trigger_source,
        }
    }

    /// `startedAt` as sent (`""` when absent).
    pub fn started_at(&self) -> Cow<'_, str> {
        match (&self.started_raw, self.started_ms) {
            (Some(raw), _) => Cow::Borrowed(raw),
            (None, Some(ms)) => Cow::Owned(format_time(ms, self.started_form)),
            (None, None) => Cow::Borrowed(""),
        }
    }

    /// `finishedAt` as sent; `None` when empty, null or absent.
    pub fn finished_at(&self) -> Option<Cow<'_, str>> {
        match (&self.finished_raw, self.finished_ms) {
            (Some(raw), _) => Some(Cow::Borrowed(raw)),
            (None, Some(ms)) => Some(Cow::Owned(format_time(ms, self.finished_form))),
            (None, None) => None,
        }
    }

    /// Run time in milliseconds, when both ends are known: from the
    /// instants as sent (digits past the millisecond included), rounded
    /// half up.
    pub fn duration_ms(&self) -> Option<i64> {
        crate::core::time::exact_duration_ms(
            (self.started_ms?, self.started_form),
            (self.finished_ms?, self.finished_form),
        )
    }
}

/// One page of runs as answered by the API.
#[derive(Debug, Clone, PartialEq)]
pub struct RunsPage {
    /// More runs exist after this page.
    pub has_more: bool,
    /// The limit the server applied.
    pub limit: u32,
    /// The offset the server applied.
    pub offset: u64,
    /// The runs, in the order the server sent them.
    pub items: Vec<Run>,
    /// The response's `requestId`.
    pub request_id: Option<String>,
}
