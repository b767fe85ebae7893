//! The slow, obvious oracle the runs decoder is checked against: [`decode`],
//! a decoder through a `serde_json::Value` tree, and the property tests that
//! pit it against [`crate::api::models::decode_runs_response`] on arbitrary
//! bodies. Test code only.
use crate::api::error::ApiError;
use crate::api::json::out_of_range_as_null;
use crate::api::models::*;
use crate::core::cu::Cu;
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

    /// The `Value` decoder's answer, its details read the same way as
    /// ours ([`norm`]): a string detail that reads as JSON ("0\r", "1.50")
    /// is read back on both sides alike (exactly: serde_json's
    /// `float_roundtrip`, so reading a printed number back changes nothing).
    fn oracle(status: u16, body: &str) -> Result<RunsPage, ApiError> {
        norm(decode(status, body))
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
            prop_assert_eq!(decode_runs_response(200, &text), decode(200, &text));
        }
    }
}
