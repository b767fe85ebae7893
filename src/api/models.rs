//! The runs response, decoded leniently where the contract allows it and
//! strictly (with the offending field named) where it does not.
//!
//! Decoding is by hand over [`super::json::Reader`] rather than a derived
//! `Deserialize` or a `serde_json::Value` tree: a derived decoder fails the
//! whole page on one bad `totalCu` and its errors name a line and column, not
//! a field a support person can read; a tree allocates per field. This
//! decoder never panics, and gives what the earlier `Value`-based decoder
//! gave (both checked by the property tests below).

use super::error::ApiError;
use super::json::{compact, lit_i64, lit_u64, Bad, Reader, Val};
use crate::cu::Cu;
use std::borrow::Cow;

use crate::time::{format_time, is_canonical_rfc3339_ms, parse_rfc3339_ms, time_form, TimeForm};

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

    /// The text a user reads in the status badge.
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
/// the canonical form of its parsed value (which [`crate::time::format_rfc3339_ms`] gives
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

    /// Run time in milliseconds, when both ends are known.
    pub fn duration_ms(&self) -> Option<i64> {
        Some(self.finished_ms? - self.started_ms?).filter(|d| *d >= 0)
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

/// Turns an HTTP answer (status and body text) into a page or an error.
///
/// Success is a 2xx whose body is a JSON object with a `data` object; both
/// `code` 0 and 200 are seen on success in this API family. A 2xx without
/// `data` and with another `code` is [`ApiError::ApiCode`].
///
/// The body is read in one pass by [`Reader`] straight into runs: no tree
/// of values, no allocation per field beyond the strings a run keeps.
/// Errors are the first in a fixed order (the envelope, then `data.hasMore`,
/// `limit`, `offset`, `items`, then each item's fields in order), whatever
/// order the fields arrive in, and a repeated key counts by its last value.
pub fn decode_runs_response(status: u16, body: &str) -> Result<RunsPage, ApiError> {
    decode_with(status, body, 0)
}

/// [`decode_runs_response`] for the answer to `asked`: a reply without
/// `data.offset` (a proxy that strips it, a server that does not echo it)
/// is read as applying the asked offset, and a reply with more items than
/// asked is cut to the asked limit ([`RunsPage::fit`]).
pub fn decode_runs_reply(
    status: u16,
    body: &str,
    asked: super::PageRequest,
) -> Result<RunsPage, ApiError> {
    decode_with(status, body, asked.offset).map(|page| page.fit(asked))
}

impl RunsPage {
    /// The page cut to the `asked` limit: a server that ignores `limit`
    /// cannot make the table hold (or draw) more runs than it asked for.
    /// What is cut is still there to read, so `hasMore` becomes true.
    pub fn fit(mut self, asked: super::PageRequest) -> RunsPage {
        let limit = asked.limit as usize;
        if self.items.len() > limit {
            self.items.truncate(limit);
            self.has_more = true;
        }
        self
    }
}

fn decode_with(status: u16, body: &str, default_offset: u64) -> Result<RunsPage, ApiError> {
    let ok = (200..300).contains(&status);
    let mut reader = Reader::new(body);
    let envelope = match read_envelope(&mut reader).and_then(|e| reader.end().map(|()| e)) {
        Ok(envelope) => envelope,
        Err(Bad) => return Err(ApiError::NotJson { status }),
    };
    let envelope = match envelope {
        Top::Object(envelope) => envelope,
        Top::Other(_) if !ok => {
            return Err(ApiError::Http {
                status,
                message: None,
                details: Vec::new(),
                request_id: None,
                retry_after_s: None,
            })
        }
        Top::Other(kind) => {
            return Err(ApiError::Decode {
                field: "response".into(),
                problem: format!("should be an object but is {kind}"),
                request_id: None,
            })
        }
    };
    let Envelope {
        request_id,
        message,
        code,
        details,
        data,
    } = envelope;
    let fail = |(field, problem): Problem| ApiError::Decode {
        field,
        problem,
        request_id: request_id.clone(),
    };
    if !ok {
        return Err(ApiError::Http {
            status,
            message,
            details,
            request_id,
            retry_after_s: None,
        });
    }
    let data = match data {
        Field::Given(data) => data,
        Field::Missing | Field::Null => {
            return Err(match code {
                Some(code) if code != 0 && code != 200 => ApiError::ApiCode {
                    code,
                    message,
                    details,
                    request_id,
                },
                _ => fail(("data".into(), "is missing".into())),
            })
        }
        Field::Wrong(kind) => {
            return Err(fail((
                "data".into(),
                format!("should be an object but is {kind}"),
            )))
        }
    };
    let has_more = data
        .has_more
        .required("data.hasMore", "a boolean")
        .map_err(fail)?;
    let limit = data.limit.count("data.limit").map_err(fail)?;
    let offset = match data.offset {
        Field::Missing | Field::Null => default_offset,
        given => given.count("data.offset").map_err(fail)?,
    };
    let items = data
        .items
        .required("data.items", "an array")
        .and_then(|items| items)
        .map_err(fail)?;
    Ok(RunsPage {
        has_more,
        limit,
        offset,
        items,
        request_id,
    })
}

/// A field as read: absent, `null`, of the wrong kind, or a value.
enum Field<T> {
    Missing,
    Null,
    Wrong(&'static str),
    Given(T),
}

impl<T> Field<T> {
    /// A required field's value, or its problem: missing, or not `expected`
    /// (`null` included).
    fn required(self, field: &str, expected: &str) -> Result<T, Problem> {
        let kind = match self {
            Field::Given(value) => return Ok(value),
            Field::Missing => return Err((field.into(), "is missing".into())),
            Field::Null => "null",
            Field::Wrong(kind) => kind,
        };
        Err((field.into(), format!("should be {expected} but is {kind}")))
    }

    /// A count that may be left out: absent or `null` reads as 0.
    fn count(self, field: &str) -> Result<T, Problem>
    where
        T: Default,
    {
        match self {
            Field::Given(value) => Ok(value),
            Field::Missing | Field::Null => Ok(T::default()),
            Field::Wrong(_) => Err((field.into(), "should be a non-negative integer".into())),
        }
    }
}

/// The top-level value: the envelope object, or the kind of anything else.
enum Top {
    Object(Envelope),
    Other(&'static str),
}

struct Envelope {
    request_id: Option<String>,
    message: Option<String>,
    code: Option<i64>,
    details: Vec<String>,
    data: Field<Data>,
}

/// A decode problem: the field's path and what is wrong with it.
type Problem = (String, String);

struct Data {
    has_more: Field<bool>,
    limit: Field<u32>,
    offset: Field<u64>,
    /// The runs, or the first item problem in item order.
    items: Field<Result<Vec<Run>, Problem>>,
}

fn read_envelope(r: &mut Reader<'_>) -> Result<Top, Bad> {
    if r.peek() != Some(b'{') {
        return Ok(Top::Other(r.value()?.kind()));
    }
    let mut envelope = Envelope {
        request_id: None,
        message: None,
        code: None,
        details: Vec::new(),
        data: Field::Missing,
    };
    r.begin_object()?;
    let mut first = true;
    while let Some(key) = r.next_key(&mut first)? {
        match &*key {
            "data" => {
                envelope.data = match r.peek() {
                    Some(b'{') => Field::Given(read_data(r)?),
                    _ => match r.value()? {
                        Val::Null => Field::Null,
                        other => Field::Wrong(other.kind()),
                    },
                }
            }
            "details" => envelope.details = read_details(r)?,
            "requestId" => envelope.request_id = text_of(r.value()?),
            "message" => envelope.message = text_of(r.value()?),
            "code" => {
                envelope.code = match r.value()? {
                    Val::Num(lit) => lit_i64(lit),
                    _ => None,
                }
            }
            _ => {
                r.value()?;
            }
        }
    }
    Ok(Top::Object(envelope))
}

fn text_of(value: Val<'_>) -> Option<String> {
    match value {
        Val::Str(s) => Some(s.into_owned()),
        _ => None,
    }
}

/// `details`: an array of strings (anything else in it as its JSON text),
/// or one string.
fn read_details(r: &mut Reader<'_>) -> Result<Vec<String>, Bad> {
    if r.peek() != Some(b'[') {
        return Ok(text_of(r.value()?).into_iter().collect());
    }
    r.begin_array()?;
    let (mut first, mut out) = (true, Vec::new());
    while r.next_item(&mut first)? {
        out.push(if r.peek() == Some(b'"') {
            r.string()?.into_owned()
        } else {
            compact(r.raw_value()?)
        });
    }
    Ok(out)
}

fn read_data(r: &mut Reader<'_>) -> Result<Data, Bad> {
    let mut data = Data {
        has_more: Field::Missing,
        limit: Field::Missing,
        offset: Field::Missing,
        items: Field::Missing,
    };
    r.begin_object()?;
    let mut first = true;
    while let Some(key) = r.next_key(&mut first)? {
        match &*key {
            "items" if r.peek() == Some(b'[') => data.items = Field::Given(read_items(r)?),
            "items" => data.items = field(r.value()?, |_| None),
            "hasMore" => {
                data.has_more = field(r.value()?, |v| match v {
                    Val::Bool(b) => Some(*b),
                    _ => None,
                })
            }
            "limit" => {
                data.limit = field(r.value()?, |v| match v {
                    Val::Num(lit) => lit_u64(lit).and_then(|n| u32::try_from(n).ok()),
                    _ => None,
                })
            }
            "offset" => {
                data.offset = field(r.value()?, |v| match v {
                    Val::Num(lit) => lit_u64(lit),
                    _ => None,
                })
            }
            _ => {
                r.value()?;
            }
        }
    }
    Ok(data)
}

/// A read value as a field: `null`, or what `accept` makes of it, or the
/// wrong kind.
fn field<T>(value: Val<'_>, accept: impl FnOnce(&Val<'_>) -> Option<T>) -> Field<T> {
    match value {
        Val::Null => Field::Null,
        other => match accept(&other) {
            Some(v) => Field::Given(v),
            None => Field::Wrong(other.kind()),
        },
    }
}

/// The items array: every item is read (the whole body must be JSON), runs
/// are decoded until the first item with a problem.
fn read_items(r: &mut Reader<'_>) -> Result<Result<Vec<Run>, Problem>, Bad> {
    r.begin_array()?;
    let mut first = true;
    let mut out: Result<Vec<Run>, Problem> = Ok(Vec::with_capacity(100));
    let mut index = 0usize;
    while r.next_item(&mut first)? {
        match &mut out {
            Ok(runs) if r.peek() == Some(b'{') => match read_run(r)? {
                Ok(run) => runs.push(run),
                Err((key, problem)) => {
                    out = Err((format!("data.items[{index}].{key}"), problem));
                }
            },
            Ok(_) => {
                let kind = r.value()?.kind();
                out = Err((
                    format!("data.items[{index}]"),
                    format!("should be an object but is {kind}"),
                ));
            }
            Err(_) => {
                r.value()?;
            }
        }
        index += 1;
    }
    Ok(out)
}

/// The fields of one run object as read (the last of a repeated key).
#[derive(Default)]
struct RawRun<'a> {
    run_id: Option<Val<'a>>,
    workflow_id: Option<Val<'a>>,
    status: Option<Val<'a>>,
    started_at: Option<Val<'a>>,
    finished_at: Option<Val<'a>>,
    trigger_source: Option<Val<'a>>,
    total_cu: Option<Val<'a>>,
}

/// One run object (the reader at its `{`): the run, or the first problem
/// as (key, problem) in field order.
fn read_run<'a>(r: &mut Reader<'a>) -> Result<Result<Run, (&'static str, String)>, Bad> {
    let mut raw = RawRun::default();
    r.begin_object()?;
    let mut first = true;
    while let Some(key) = r.next_key(&mut first)? {
        let slot = match &*key {
            "runId" => &mut raw.run_id,
            "workflowId" => &mut raw.workflow_id,
            "status" => &mut raw.status,
            "startedAt" => &mut raw.started_at,
            "finishedAt" => &mut raw.finished_at,
            "triggerSource" => &mut raw.trigger_source,
            "totalCu" => &mut raw.total_cu,
            _ => {
                r.value()?;
                continue;
            }
        };
        *slot = Some(r.value()?);
    }
    Ok(run_of(raw))
}

fn wrong(expected: &str, value: &Val<'_>) -> String {
    format!("should be {expected} but is {}", value.kind())
}

fn required_str<'a>(
    value: Option<Val<'a>>,
    key: &'static str,
) -> Result<Cow<'a, str>, (&'static str, String)> {
    match value {
        Some(Val::Str(s)) => Ok(s),
        None => Err((key, "is missing".into())),
        Some(other) => Err((key, wrong("a string", &other))),
    }
}

fn required_id<'a>(
    value: Option<Val<'a>>,
    key: &'static str,
) -> Result<Cow<'a, str>, (&'static str, String)> {
    match required_str(value, key)? {
        s if s.is_empty() => Err((key, "is empty".into())),
        s => Ok(s),
    }
}

fn optional_str<'a>(
    value: Option<Val<'a>>,
    key: &'static str,
) -> Result<Option<Cow<'a, str>>, (&'static str, String)> {
    match value {
        None | Some(Val::Null) => Ok(None),
        Some(Val::Str(s)) if s.is_empty() => Ok(None),
        Some(Val::Str(s)) => Ok(Some(s)),
        Some(other) => Err((key, wrong("a string", &other))),
    }
}

fn run_of(raw: RawRun<'_>) -> Result<Run, (&'static str, String)> {
    // An empty id would merge every run that has one into a single run.
    let run_id = required_id(raw.run_id, "runId")?.into_owned();
    let workflow_id = required_id(raw.workflow_id, "workflowId")?.into_owned();
    let status = RunStatus::parse(&required_str(raw.status, "status")?);
    let started_at = optional_str(raw.started_at, "startedAt")?.unwrap_or_default();
    let finished_at = optional_str(raw.finished_at, "finishedAt")?;
    let trigger_source = optional_str(raw.trigger_source, "triggerSource")?.map(Cow::into_owned);
    // totalCu is deliberately lenient: a null, string, negative or absurd value
    // keeps the run on screen (shown as "—") and out of every total.
    let cu = match raw.total_cu {
        Some(Val::Num(lit)) => Cu::from_decimal(lit),
        _ => None,
    };
    Ok(Run::from_sent(
        run_id,
        workflow_id,
        status,
        &started_at,
        finished_at.as_deref(),
        cu,
        trigger_source,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The example response from the API reference page, verbatim.
    const SEED_EXAMPLE: &str = r#"{ "code": 0, "data": { "hasMore": true, "items": [ { "finishedAt": "<string>", "runId": "<string>", "startedAt": "<string>", "status": "running", "totalCu": 123, "triggerSource": "<string>", "workflowId": "<string>" } ], "limit": 123, "offset": 123 }, "message": "successfully", "requestId": "req_abc123"}"#;

    fn run_json(extra: &str) -> String {
        format!(
            r#"{{"code":0,"message":"successfully","requestId":"req_1","data":{{"hasMore":false,"limit":20,"offset":0,"items":[{{"runId":"r1","workflowId":"wf","status":"success","startedAt":"2026-11-28T10:00:00Z","finishedAt":"2026-11-28T10:01:00Z","totalCu":1.5{extra}}}]}}}}"#
        )
    }

    #[test]
    fn decodes_the_reference_example_verbatim() {
        let page = decode_runs_response(200, SEED_EXAMPLE).unwrap();
        assert!(page.has_more);
        assert_eq!((page.limit, page.offset), (123, 123));
        assert_eq!(page.request_id.as_deref(), Some("req_abc123"));
        let run = &page.items[0];
        assert_eq!(run.run_id, "<string>");
        assert_eq!(run.status, RunStatus::Running);
        assert!(run.status.in_progress());
        assert_eq!(run.cu, Some(Cu(1_230_000)));
        assert_eq!(run.started_ms, None, "an unparsable date is kept raw");
        assert_eq!(run.started_at(), "<string>");
    }

    #[test]
    fn code_200_is_success_too() {
        let body = run_json("").replace("\"code\":0", "\"code\":200");
        let page = decode_runs_response(200, &body).unwrap();
        assert_eq!(page.items.len(), 1);
        assert_eq!(page.items[0].duration_ms(), Some(60_000));
    }

    #[test]
    fn error_envelope_400_keeps_message_details_and_request_id() {
        let body = r#"{"code":400,"message":"invalid parameters","details":["limit must be between 1 and 100"],"requestId":"req_x"}"#;
        assert_eq!(
            decode_runs_response(400, body),
            Err(ApiError::Http {
                status: 400,
                message: Some("invalid parameters".into()),
                details: vec!["limit must be between 1 and 100".into()],
                request_id: Some("req_x".into()),
                retry_after_s: None,
            })
        );
    }

    #[test]
    fn html_502_is_reported_as_not_json() {
        let body = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>";
        let err = decode_runs_response(502, body).unwrap_err();
        assert_eq!(err, ApiError::NotJson { status: 502 });
        assert!(err.is_transient());
        assert!(err.to_string().contains("HTTP 502"));
        assert_eq!(
            decode_runs_response(200, body),
            Err(ApiError::NotJson { status: 200 })
        );
    }

    #[test]
    fn code_error_on_2xx_without_data() {
        let body = r#"{"code":5001,"message":"organization is suspended","requestId":"req_c"}"#;
        let err = decode_runs_response(200, body).unwrap_err();
        assert_eq!(
            err,
            ApiError::ApiCode {
                code: 5001,
                message: Some("organization is suspended".into()),
                details: vec![],
                request_id: Some("req_c".into())
            }
        );
        assert_eq!(
            err.to_string(),
            "The API reported an error (code 5001): organization is suspended"
        );
    }

    #[test]
    fn unknown_and_partial_statuses_are_kept() {
        let page =
            decode_runs_response(200, &run_json("").replace("\"success\"", "\"partial\"")).unwrap();
        assert_eq!(page.items[0].status, RunStatus::Partial);
        let page = decode_runs_response(
            200,
            &run_json("").replace("\"success\"", "\"paused_by_admin\""),
        )
        .unwrap();
        assert_eq!(
            page.items[0].status,
            RunStatus::Other("paused_by_admin".into())
        );
        assert_eq!(page.items[0].status.label(), "paused_by_admin");
    }

    #[test]
    fn timestamps_keep_their_text_only_when_no_form_gives_it_back() {
        let body = run_json("");
        let run = &decode_runs_response(200, &body).unwrap().items[0];
        // "2026-11-28T10:00:00Z" (whole seconds, as Go sends) is not the
        // canonical ".000Z" form, but its form gives it back: no copy.
        assert_eq!(run.started_at(), "2026-11-28T10:00:00Z");
        assert!(run.started_raw.is_none());
        assert_ne!(run.started_form, TimeForm::CANONICAL);
        // Text no form can give back is kept as sent.
        let spaced = run_json("").replace("2026-11-28T10:00:00Z", " 2026-11-28T10:00:00Z");
        let run2 = &decode_runs_response(200, &spaced).unwrap().items[0];
        assert_eq!(run2.started_raw.as_deref(), Some(" 2026-11-28T10:00:00Z"));
        assert_eq!(run2.started_at(), " 2026-11-28T10:00:00Z");
        assert_eq!(
            keep_raw(
                "2026-11-28T10:00:00.000Z",
                parse_rfc3339_ms("2026-11-28T10:00:00.000Z")
            ),
            None
        );
        assert_eq!(keep_raw("", None), None);
        assert_eq!(keep_raw("yesterday", None).as_deref(), Some("yesterday"));
        let compact = Run {
            started_raw: None,
            started_form: TimeForm::CANONICAL,
            started_ms: parse_rfc3339_ms("2026-11-28T13:36:43.250Z"),
            ..run.clone()
        };
        assert_eq!(compact.started_at(), "2026-11-28T13:36:43.250Z");
    }

    #[test]
    fn missing_trigger_and_empty_or_null_finished_at() {
        let page = decode_runs_response(200, &run_json("")).unwrap();
        assert_eq!(page.items[0].trigger_source, None);
        for finished in [r#""finishedAt":"""#, r#""finishedAt":null"#] {
            let body = run_json("").replace(r#""finishedAt":"2026-11-28T10:01:00Z""#, finished);
            let run = &decode_runs_response(200, &body).unwrap().items[0];
            assert_eq!(run.finished_at(), None);
            assert_eq!(run.duration_ms(), None);
        }
        let body = run_json("").replace(r#""finishedAt":"2026-11-28T10:01:00Z","#, "");
        assert_eq!(
            decode_runs_response(200, &body).unwrap().items[0].finished_at(),
            None
        );
    }

    #[test]
    fn unknown_fields_are_ignored() {
        let page =
            decode_runs_response(200, &run_json(r#","costCenter":"x","nested":{"a":[1,2]}"#))
                .unwrap();
        assert_eq!(page.items[0].run_id, "r1");
    }

    #[test]
    fn wrong_types_name_the_field() {
        for (key, from) in [
            ("runId", r#""runId":"r1""#),
            ("workflowId", r#""workflowId":"wf""#),
        ] {
            let body = run_json("").replace(from, &format!(r#""{key}":"""#));
            let err = decode_runs_response(200, &body).unwrap_err();
            assert_eq!(
                err.to_string(),
                format!("The API response could not be read: data.items[0].{key} is empty.")
            );
        }
        let body = run_json("").replace(r#""runId":"r1""#, r#""runId":42"#);
        let err = decode_runs_response(200, &body).unwrap_err();
        assert_eq!(
            err,
            ApiError::Decode {
                field: "data.items[0].runId".into(),
                problem: "should be a string but is a number".into(),
                request_id: Some("req_1".into())
            }
        );
        assert_eq!(err.to_string(), "The API response could not be read: data.items[0].runId should be a string but is a number.");

        let body = run_json("").replace(r#""hasMore":false"#, r#""hasMore":"no""#);
        assert!(
            matches!(decode_runs_response(200, &body), Err(ApiError::Decode { field, .. }) if field == "data.hasMore")
        );

        let body = r#"{"code":0,"data":{"hasMore":false,"items":{"0":{}}}}"#;
        assert!(
            matches!(decode_runs_response(200, body), Err(ApiError::Decode { field, problem, .. }) if field == "data.items" && problem == "should be an array but is an object")
        );

        let body = r#"{"code":0,"data":{"hasMore":false}}"#;
        assert!(
            matches!(decode_runs_response(200, body), Err(ApiError::Decode { field, problem, .. }) if field == "data.items" && problem == "is missing")
        );

        let body = r#"{"code":0,"message":"ok"}"#;
        assert!(
            matches!(decode_runs_response(200, body), Err(ApiError::Decode { field, .. }) if field == "data")
        );
    }

    #[test]
    fn cu_is_read_from_the_digits_sent() {
        // Through f64, 1.00005 is 1.0000499999… and rounded down; its digits
        // say half, which rounds up.
        for (sent, units) in [
            ("1.00005", 10_001),
            ("999999999999.9999", 9_999_999_999_999_999),
            ("12.3456", 123_456),
            ("2E-4", 2),
        ] {
            let body = run_json("").replace("\"totalCu\":1.5", &format!("\"totalCu\":{sent}"));
            assert_eq!(
                decode_runs_response(200, &body).unwrap().items[0].cu,
                Some(Cu(units)),
                "{sent}"
            );
        }
    }

    #[test]
    fn invalid_cu_keeps_the_run_without_a_value() {
        for bad in ["null", r#""12.5""#, "-3", "1e300", "1e400", "-1e400"] {
            let body = run_json("").replace("\"totalCu\":1.5", &format!("\"totalCu\":{bad}"));
            let page = decode_runs_response(200, &body).unwrap();
            assert_eq!(page.items[0].cu, None, "{bad}");
        }
        let body = run_json("").replace(",\"totalCu\":1.5", "");
        assert_eq!(decode_runs_response(200, &body).unwrap().items[0].cu, None);
        // Only the out-of-range number is touched (not one inside a string).
        let body = run_json("")
            .replace("\"totalCu\":1.5", "\"totalCu\":1e400")
            .replace("\"runId\":\"r1\"", "\"runId\":\"r-1e400\"");
        let page = decode_runs_response(200, &body).unwrap();
        assert_eq!(page.items[0].run_id, "r-1e400");
        assert_eq!(page.items[0].cu, None);
    }
}

/// The decoder this project had before [`decode_runs_response`]: through a
/// `serde_json::Value` tree. Kept as the slow, obvious oracle the one-pass
/// decoder is checked against.
#[cfg(all(test, not(target_arch = "wasm32")))]
pub(crate) mod value_oracle {
    use super::*;
    use serde_json::{Map, Value};

    fn kind(value: &Value) -> &'static str {
        match value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }

    struct Ctx {
        request_id: Option<String>,
    }

    impl Ctx {
        fn err(&self, field: impl Into<String>, problem: impl Into<String>) -> ApiError {
            ApiError::Decode {
                field: field.into(),
                problem: problem.into(),
                request_id: self.request_id.clone(),
            }
        }

        fn required_str(
            &self,
            obj: &Map<String, Value>,
            path: &str,
            key: &str,
        ) -> Result<String, ApiError> {
            match obj.get(key) {
                Some(Value::String(s)) => Ok(s.clone()),
                None => Err(self.err(format!("{path}.{key}"), "is missing")),
                Some(other) => Err(self.err(
                    format!("{path}.{key}"),
                    format!("should be a string but is {}", kind(other)),
                )),
            }
        }

        fn optional_str(
            &self,
            obj: &Map<String, Value>,
            path: &str,
            key: &str,
        ) -> Result<Option<String>, ApiError> {
            match obj.get(key) {
                None | Some(Value::Null) => Ok(None),
                Some(Value::String(s)) if s.is_empty() => Ok(None),
                Some(Value::String(s)) => Ok(Some(s.clone())),
                Some(other) => Err(self.err(
                    format!("{path}.{key}"),
                    format!("should be a string but is {}", kind(other)),
                )),
            }
        }
    }

    /// The `requestId` of a JSON envelope, if any.
    fn request_id_of(obj: &Map<String, Value>) -> Option<String> {
        obj.get("requestId")
            .and_then(Value::as_str)
            .map(str::to_owned)
    }

    fn details_of(obj: &Map<String, Value>) -> Vec<String> {
        match obj.get("details") {
            Some(Value::Array(items)) => items
                .iter()
                .map(|d| match d {
                    Value::String(s) => s.clone(),
                    other => other.to_string(),
                })
                .collect(),
            Some(Value::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        }
    }

    /// `body` with every JSON number outside the f64 range replaced by `null`;
    /// `None` when there is none.
    pub(crate) fn out_of_range_as_null(body: &str) -> Option<String> {
        let bytes = body.as_bytes();
        let mut out = String::with_capacity(body.len());
        let (mut i, mut last, mut changed, mut in_string) = (0, 0, false, false);
        while i < bytes.len() {
            let b = bytes[i];
            if in_string {
                match b {
                    b'\\' => i += 1,
                    b'"' => in_string = false,
                    _ => {}
                }
                i += 1;
                continue;
            }
            if b == b'"' {
                in_string = true;
                i += 1;
                continue;
            }
            if b == b'-' || b.is_ascii_digit() {
                let start = i;
                while i < bytes.len()
                    && matches!(bytes[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    i += 1;
                }
                let token = &body[start..i];
                if token.parse::<f64>().is_ok_and(|v| v.is_infinite()) {
                    out.push_str(&body[last..start]);
                    out.push_str("null");
                    last = i;
                    changed = true;
                }
                continue;
            }
            i += 1;
        }
        changed.then(|| {
            out.push_str(&body[last..]);
            out
        })
    }

    /// Turns an HTTP answer (status and body text) into a page or an error.
    ///
    /// Success is a 2xx whose body is a JSON object with a `data` object; both
    /// `code` 0 and 200 are seen on success in this API family. A 2xx without
    /// `data` and with another `code` is [`ApiError::ApiCode`].
    pub fn decode(status: u16, body: &str) -> Result<RunsPage, ApiError> {
        let parsed: Option<Value> = serde_json::from_str(body).ok().or_else(|| {
            // serde_json refuses numbers beyond the f64 range (`1e400`): read
            // those as null, so one absurd `totalCu` marks that run's CU invalid
            // instead of failing the whole page.
            out_of_range_as_null(body).and_then(|b| serde_json::from_str(&b).ok())
        });
        let envelope = match parsed {
            Some(Value::Object(map)) => map,
            Some(_) | None if !(200..300).contains(&status) => {
                return Err(match parsed {
                    Some(_) => ApiError::Http {
                        status,
                        message: None,
                        details: Vec::new(),
                        request_id: None,
                        retry_after_s: None,
                    },
                    None => ApiError::NotJson { status },
                })
            }
            Some(other) => {
                return Err(ApiError::Decode {
                    field: "response".into(),
                    problem: format!("should be an object but is {}", kind(&other)),
                    request_id: None,
                })
            }
            None => return Err(ApiError::NotJson { status }),
        };
        let ctx = Ctx {
            request_id: request_id_of(&envelope),
        };
        let message = envelope
            .get("message")
            .and_then(Value::as_str)
            .map(str::to_owned);
        if !(200..300).contains(&status) {
            return Err(ApiError::Http {
                status,
                message,
                details: details_of(&envelope),
                request_id: ctx.request_id,
                retry_after_s: None,
            });
        }
        let code = envelope.get("code").and_then(Value::as_i64);
        let data = match envelope.get("data") {
            Some(Value::Object(data)) => data,
            None | Some(Value::Null) => {
                return Err(match code {
                    Some(code) if code != 0 && code != 200 => ApiError::ApiCode {
                        code,
                        message,
                        details: details_of(&envelope),
                        request_id: ctx.request_id,
                    },
                    _ => ctx.err("data", "is missing"),
                })
            }
            Some(other) => {
                return Err(ctx.err(
                    "data",
                    format!("should be an object but is {}", kind(other)),
                ))
            }
        };
        let has_more = match data.get("hasMore") {
            Some(Value::Bool(b)) => *b,
            None => return Err(ctx.err("data.hasMore", "is missing")),
            Some(other) => {
                return Err(ctx.err(
                    "data.hasMore",
                    format!("should be a boolean but is {}", kind(other)),
                ))
            }
        };
        let limit = match data.get("limit") {
            None | Some(Value::Null) => 0,
            Some(v) => v
                .as_u64()
                .and_then(|n| u32::try_from(n).ok())
                .ok_or_else(|| ctx.err("data.limit", "should be a non-negative integer"))?,
        };
        let offset = match data.get("offset") {
            None | Some(Value::Null) => 0,
            Some(v) => v
                .as_u64()
                .ok_or_else(|| ctx.err("data.offset", "should be a non-negative integer"))?,
        };
        let raw_items = match data.get("items") {
            Some(Value::Array(items)) => items,
            None => return Err(ctx.err("data.items", "is missing")),
            Some(other) => {
                return Err(ctx.err(
                    "data.items",
                    format!("should be an array but is {}", kind(other)),
                ))
            }
        };
        let mut items = Vec::with_capacity(raw_items.len());
        for (i, raw) in raw_items.iter().enumerate() {
            let path = format!("data.items[{i}]");
            let Value::Object(obj) = raw else {
                return Err(ctx.err(path, format!("should be an object but is {}", kind(raw))));
            };
            items.push(decode_run(&ctx, obj, &path)?);
        }
        Ok(RunsPage {
            has_more,
            limit,
            offset,
            items,
            request_id: ctx.request_id,
        })
    }

    fn decode_run(ctx: &Ctx, obj: &Map<String, Value>, path: &str) -> Result<Run, ApiError> {
        let id = |key: &str| match ctx.required_str(obj, path, key)? {
            s if s.is_empty() => Err(ctx.err(format!("{path}.{key}"), "is empty")),
            s => Ok(s),
        };
        let run_id = id("runId")?;
        let workflow_id = id("workflowId")?;
        let status = RunStatus::parse(&ctx.required_str(obj, path, "status")?);
        let started_at = ctx
            .optional_str(obj, path, "startedAt")?
            .unwrap_or_default();
        let finished_at = ctx.optional_str(obj, path, "finishedAt")?;
        let trigger_source = ctx.optional_str(obj, path, "triggerSource")?;
        // totalCu is deliberately lenient: a null, string, negative or absurd value
        // keeps the run on screen (shown as "—") and out of every total.
        // The one difference kept on purpose: CU from the decimal text, not
        // through f64 (serde_json prints back the number it read).
        let cu = match obj.get("totalCu") {
            Some(Value::Number(n)) => Cu::from_decimal(&n.to_string()),
            _ => None,
        };
        Ok(Run::from_sent(
            run_id,
            workflow_id,
            status,
            &started_at,
            finished_at.as_deref(),
            cu,
            trigger_source,
        ))
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod never_panics {
    use super::*;
    use proptest::prelude::*;
    use serde_json::{json, Value};

    fn arb_json() -> impl Strategy<Value = Value> {
        let leaf = prop_oneof![
            Just(Value::Null),
            any::<bool>().prop_map(Value::Bool),
            any::<f64>().prop_map(|f| json!(f)),
            any::<i64>().prop_map(|i| json!(i)),
            any::<u64>().prop_map(|i| json!(i)),
            (0u64..100_000_000, 0u32..8).prop_map(|(m, e)| json!(m as f64 / 10f64.powi(e as i32))),
            ".{0,12}".prop_map(Value::String),
            prop_oneof![
                Just("running"),
                Just("success"),
                Just("2026-11-28T10:00:00Z"),
                Just("2026-11-28T10:00:00.000Z"),
                Just("")
            ]
            .prop_map(|s| json!(s)),
        ];
        leaf.prop_recursive(4, 48, 8, |inner| {
            let keys = prop_oneof![
                Just("code".to_owned()),
                Just("data".to_owned()),
                Just("items".to_owned()),
                Just("hasMore".to_owned()),
                Just("runId".to_owned()),
                Just("workflowId".to_owned()),
                Just("status".to_owned()),
                Just("totalCu".to_owned()),
                Just("startedAt".to_owned()),
                Just("finishedAt".to_owned()),
                Just("triggerSource".to_owned()),
                Just("limit".to_owned()),
                Just("offset".to_owned()),
                Just("details".to_owned()),
                Just("message".to_owned()),
                Just("requestId".to_owned()),
                "[a-z]{1,6}",
            ];
            prop_oneof![
                proptest::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
                proptest::collection::btree_map(keys, inner, 0..8)
                    .prop_map(|m| Value::Object(m.into_iter().collect())),
            ]
        })
    }

    /// A run object that is mostly right: each field present or not, of the
    /// right kind or not.
    fn arb_run() -> impl Strategy<Value = Value> {
        let text = prop_oneof![
            "[a-z0-9_]{1,8}".prop_map(Value::String),
            Just(json!("")),
            Just(Value::Null),
            Just(json!(7)),
            Just(json!(["x"])),
        ];
        let status = prop_oneof![
            Just(json!("success")),
            Just(json!("running")),
            Just(json!("paused_by_admin")),
            Just(json!(1)),
        ];
        let time = prop_oneof![
            Just(json!("2026-11-28T10:00:00Z")),
            Just(json!("2026-11-28T10:00:00.250Z")),
            Just(json!("not a date")),
            Just(json!("")),
            Just(Value::Null),
            Just(json!(false)),
        ];
        let cu = prop_oneof![
            (0u64..10_000_000_000).prop_map(|u| json!(u as f64 / 10_000.0)),
            any::<f64>().prop_map(|f| json!(f)),
            any::<u64>().prop_map(|u| json!(u)),
            Just(json!("12.5")),
            Just(Value::Null),
        ];
        (
            proptest::option::weighted(0.95, text.clone()),
            proptest::option::weighted(0.95, text.clone()),
            proptest::option::weighted(0.95, status),
            proptest::option::weighted(0.9, time.clone()),
            proptest::option::weighted(0.7, time),
            proptest::option::weighted(0.5, text),
            proptest::option::weighted(0.9, cu),
        )
            .prop_map(|(id, wf, status, started, finished, trigger, cu)| {
                let mut run = serde_json::Map::new();
                for (key, value) in [
                    ("runId", id),
                    ("workflowId", wf),
                    ("status", status),
                    ("startedAt", started),
                    ("finishedAt", finished),
                    ("triggerSource", trigger),
                    ("totalCu", cu),
                ] {
                    if let Some(value) = value {
                        run.insert(key.into(), value);
                    }
                }
                Value::Object(run)
            })
    }

    fn arb_page() -> impl Strategy<Value = Value> {
        (
            proptest::collection::vec(arb_run(), 0..12),
            prop_oneof![Just(json!(true)), Just(json!(false)), Just(json!("no")), Just(Value::Null)],
            prop_oneof![Just(json!(20)), Just(json!(-1)), Just(json!(1.5)), Just(json!(5_000_000_000u64))],
            prop_oneof![Just(json!(0)), Just(json!(40)), Just(json!("0"))],
            prop_oneof![Just(json!(0)), Just(json!(200)), Just(json!(5001))],
        )
            .prop_map(|(items, has_more, limit, offset, code)| {
                json!({"code": code, "message": "ok", "requestId": "req_p", "details": ["a", 1, {"b": [true, null]}],
                       "data": {"hasMore": has_more, "limit": limit, "offset": offset, "items": items}})
            })
    }

    /// Details that are not strings are kept as sent by the one-pass
    /// decoder, and as serde_json prints back the number it read by the
    /// `Value` decoder (which can differ in the last digit of a float):
    /// ours are compared after that same reading.
    fn norm(result: Result<RunsPage, ApiError>) -> Result<RunsPage, ApiError> {
        let read = |details: Vec<String>| -> Vec<String> {
            details
                .into_iter()
                .map(|d| serde_json::from_str::<Value>(&d).map_or(d, |v| v.to_string()))
                .collect()
        };
        result.map_err(|e| match e {
            ApiError::Http {
                status,
                message,
                details,
                request_id,
                retry_after_s,
            } => ApiError::Http {
                status,
                message,
                details: read(details),
                request_id,
                retry_after_s,
            },
            ApiError::ApiCode {
                code,
                message,
                details,
                request_id,
            } => ApiError::ApiCode {
                code,
                message,
                details: read(details),
                request_id,
            },
            other => other,
        })
    }

    fn ours(status: u16, body: &str) -> Result<RunsPage, ApiError> {
        norm(decode_runs_response(status, body))
    }

    fn oracle(status: u16, body: &str) -> Result<RunsPage, ApiError> {
        value_oracle::decode(status, body)
    }

    /// The same text with whitespace between every token (to check the
    /// reader is not only right on compact JSON).
    fn spaced(value: &Value) -> String {
        serde_json::to_string_pretty(value).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(10_000))]
        /// Whatever JSON arrives, the one-pass decoder gives what the
        /// `Value`-based decoder gave (and neither panics).
        #[test]
        fn arbitrary_json_decodes_like_the_value_decoder(value in arb_json(), status in prop_oneof![Just(200u16), Just(400), Just(500), 100u16..600]) {
            for body in [value.to_string(), spaced(&value)] {
                prop_assert_eq!(ours(status, &body), oracle(status, &body), "{}", body);
            }
            let wrapped = json!({"code": 0, "data": {"hasMore": false, "items": [value]}}).to_string();
            prop_assert_eq!(ours(status, &wrapped), oracle(status, &wrapped), "{}", wrapped);
        }

        #[test]
        fn pages_decode_like_the_value_decoder(page in arb_page(), status in prop_oneof![Just(200u16), Just(503)]) {
            for body in [page.to_string(), spaced(&page)] {
                prop_assert_eq!(ours(status, &body), oracle(status, &body), "{}", body);
            }
        }

        /// Repeated keys count by their last value, in both decoders; cut
        /// or spliced text is not JSON in both.
        #[test]
        fn repeated_keys_and_broken_text_decode_like_the_value_decoder(page in arb_page(), cut in 0usize..2000, dup in any::<bool>()) {
            let mut body = page.to_string();
            if dup {
                body = body.replacen("\"hasMore\":", "\"hasMore\":1,\"hasMore\":", 1).replacen("\"runId\":", "\"runId\":null,\"runId\":", 1);
            }
            prop_assert_eq!(ours(200, &body), oracle(200, &body), "{}", body);
            let cut = cut.min(body.len());
            if body.is_char_boundary(cut) {
                let broken = &body[..cut];
                prop_assert_eq!(ours(200, broken), oracle(200, broken), "{}", broken);
            }
        }

        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let text = String::from_utf8_lossy(&bytes);
            prop_assert_eq!(decode_runs_response(200, &text), value_oracle::decode(200, &text));
        }
    }
}
