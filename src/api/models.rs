//! The runs response, decoded leniently where the contract allows it and
//! strictly (with the offending field named) where it does not.
//!
//! Decoding is by hand over [`super::json::Reader`] rather than a derived
//! `Deserialize` or a `serde_json::Value` tree: a derived decoder fails the
//! whole page on one bad `totalCu` and its errors name a line and column, not
//! a field a support person can read; a tree allocates per field. This
//! decoder never panics, and gives what the `Value`-based decoder of the
//! test-only `oracle` module gives (checked by the property tests there).

use super::error::ApiError;
use super::json::{compact, lit_i64, lit_u64, Bad, Reader, Val};
use crate::core::cu::Cu;
use std::borrow::Cow;

pub use crate::core::run::{keep_raw, sent_time, Run, RunStatus, RunsPage};

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
    let (data, request_id) = open_reply(status, body, read_data)?;
    let fail = |(field, problem): Problem| ApiError::Decode {
        field,
        problem,
        request_id: request_id.clone(),
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

/// The `data` object of an answer (read by `read_data`, with the reader at
/// its `{`) and its `requestId`, or the error the answer is, by the rules
/// of this API family (see [`decode_runs_response`]): a body that is not
/// JSON is [`ApiError::NotJson`]; a 4xx/5xx is [`ApiError::Http`] with what
/// its envelope says; a 2xx without `data` is [`ApiError::ApiCode`] when
/// its `code` is neither 0 nor 200, else a decode error, as is a 2xx whose
/// body or `data` is not an object. Shared by the runs and the ledger
/// decoders (`super::ledger`).
pub(super) fn open_reply<'a, D>(
    status: u16,
    body: &'a str,
    read_data: fn(&mut Reader<'a>) -> Result<D, Bad>,
) -> Result<(D, Option<String>), ApiError> {
    let ok = (200..300).contains(&status);
    let mut reader = Reader::new(body);
    let envelope =
        match read_envelope(&mut reader, read_data).and_then(|e| reader.end().map(|()| e)) {
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
    if !ok {
        return Err(ApiError::Http {
            status,
            message,
            details,
            request_id,
            retry_after_s: None,
        });
    }
    let problem = match data {
        Field::Given(data) => return Ok((data, request_id)),
        Field::Missing | Field::Null => match code {
            Some(code) if code != 0 && code != 200 => {
                return Err(ApiError::ApiCode {
                    code,
                    message,
                    details,
                    request_id,
                })
            }
            _ => "is missing".to_owned(),
        },
        Field::Wrong(kind) => format!("should be an object but is {kind}"),
    };
    Err(ApiError::Decode {
        field: "data".into(),
        problem,
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
enum Top<D> {
    Object(Envelope<D>),
    Other(&'static str),
}

struct Envelope<D> {
    request_id: Option<String>,
    message: Option<String>,
    code: Option<i64>,
    details: Vec<String>,
    data: Field<D>,
}

/// A decode problem: the field's path and what is wrong with it.
pub(super) type Problem = (String, String);

struct Data {
    has_more: Field<bool>,
    limit: Field<u32>,
    offset: Field<u64>,
    /// The runs, or the first item problem in item order.
    items: Field<Result<Vec<Run>, Problem>>,
}

fn read_envelope<'a, D>(
    r: &mut Reader<'a>,
    read_data: fn(&mut Reader<'a>) -> Result<D, Bad>,
) -> Result<Top<D>, Bad> {
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
    use crate::core::time::{parse_rfc3339_ms, TimeForm};

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
