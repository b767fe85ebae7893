//! The ledger's two endpoints, decoded strictly: the balance
//! (`GET …/cu`) and a month's usage (`GET …/cu/usage?yearMonth=`), into
//! the types of `crate::core::ledger`.
//!
//! The envelope is read by the runs decoder's rules
//! ([`super::models::open_reply`]); a 404 or 403 is
//! [`ApiError::Unavailable`] (this deployment, or this token, has no
//! ledger), whatever its body. Every CU figure is read from the digits of
//! its JSON number, as a run's `totalCu` ([`CuTotal::from_decimal`]:
//! rounded half up to 1/10,000 CU); unlike `totalCu`, a figure that is
//! missing, not a number, negative, beyond `f64` or above 10¹⁴ CU fails
//! the answer with the field named: the ledger's figures are what totals
//! are checked against, never a silent zero. The payloads are small (a
//! month is at most 31 days), so `data` is read whole into a tree that
//! keeps each number's text.

use std::borrow::Cow;

use super::error::ApiError;
use super::json::{Bad, Reader};
use super::models::{open_reply, Problem};
use crate::core::cu::{whole_from_decimal, CuTotal};
use crate::core::period::{day_key, parse as parse_day};
use crate::core::sort::sort_pairs;

pub use crate::core::ledger::{Balance, NodeUse, Usage, UsageDay, UsageSummary, YearMonth};

/// Turns the balance endpoint's answer (status and body) into the balance
/// or an error.
pub fn decode_balance_reply(status: u16, body: &str) -> Result<Balance, ApiError> {
    reply(status, body, |data| {
        Ok(Balance {
            balance: cu(data, "data", "balance")?,
            min_threshold: cu(data, "data", "minThreshold")?,
        })
    })
}

/// Turns the usage endpoint's answer for the month `asked` into that
/// month's usage or an error: `data.yearMonth` must be the month asked,
/// each day inside it and listed once (the days come back in date order,
/// whatever order they were sent in), each count a whole number ≥ 0. A
/// day without `breakdown` (absent or `null`) has an empty one.
pub fn decode_usage_reply(status: u16, body: &str, asked: YearMonth) -> Result<Usage, ApiError> {
    reply(status, body, |data| usage_of(data, asked))
}

fn reply<T>(
    status: u16,
    body: &str,
    decode: impl FnOnce(&Node<'_>) -> Result<T, Problem>,
) -> Result<T, ApiError> {
    if status == 404 || status == 403 {
        let (message, request_id) = match open_reply(status, body, read_node) {
            Err(ApiError::Http {
                message,
                request_id,
                ..
            }) => (message, request_id),
            _ => (None, None),
        };
        return Err(ApiError::Unavailable {
            status,
            message,
            request_id,
        });
    }
    let (data, request_id) = open_reply(status, body, read_node)?;
    decode(&data).map_err(|(field, problem)| ApiError::Decode {
        field,
        problem,
        request_id,
    })
}

/// A JSON value read whole, numbers kept as their text.
enum Node<'a> {
    Null,
    Bool,
    Num(&'a str),
    Str(Cow<'a, str>),
    Arr(Vec<Node<'a>>),
    Obj(Vec<(Cow<'a, str>, Node<'a>)>),
}

impl<'a> Node<'a> {
    fn kind(&self) -> &'static str {
        match self {
            Node::Null => "null",
            Node::Bool => "a boolean",
            Node::Num(_) => "a number",
            Node::Str(_) => "a string",
            Node::Arr(_) => "an array",
            Node::Obj(_) => "an object",
        }
    }

    /// A member of an object (the last of a repeated key, as serde_json).
    fn get(&self, key: &str) -> Option<&Node<'a>> {
        match self {
            Node::Obj(members) => members.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

fn read_node<'a>(r: &mut Reader<'a>) -> Result<Node<'a>, Bad> {
    match r.peek().ok_or(Bad)? {
        b'{' => {
            r.begin_object()?;
            let (mut first, mut members) = (true, Vec::new());
            while let Some(key) = r.next_key(&mut first)? {
                members.push((key, read_node(r)?));
            }
            Ok(Node::Obj(members))
        }
        b'[' => {
            r.begin_array()?;
            let (mut first, mut items) = (true, Vec::new());
            while r.next_item(&mut first)? {
                items.push(read_node(r)?);
            }
            Ok(Node::Arr(items))
        }
        b'"' => r.string().map(Node::Str),
        // A number keeps its text even beyond the `f64` range (which the
        // reader's `Val` would make null): it is said as too large.
        _ => {
            let raw = r.raw_value()?;
            Ok(match raw.as_bytes().first() {
                Some(b'n') => Node::Null,
                Some(b't' | b'f') => Node::Bool,
                _ => Node::Num(raw),
            })
        }
    }
}

fn missing(field: String) -> Problem {
    (field, "is missing".into())
}

fn wrong(field: String, expected: &str, value: &Node<'_>) -> Problem {
    let kind = value.kind();
    (field, format!("should be {expected} but is {kind}"))
}

/// The CU figure `key` of the object `parent` (at `path`).
fn cu(parent: &Node<'_>, path: &str, key: &str) -> Result<CuTotal, Problem> {
    let field = format!("{path}.{key}");
    match parent.get(key) {
        None => Err(missing(field)),
        Some(Node::Num(lit)) => CuTotal::from_decimal(lit).ok_or_else(|| {
            let problem = if lit.starts_with('-') {
                "is negative"
            } else {
                "is too large (above 10^14 CU)"
            };
            (field, problem.into())
        }),
        Some(other) => Err(wrong(field, "a number", other)),
    }
}

fn text<'n>(parent: &'n Node<'_>, path: &str, key: &str) -> Result<&'n str, Problem> {
    let field = format!("{path}.{key}");
    match parent.get(key) {
        None => Err(missing(field)),
        Some(Node::Str(s)) => Ok(s),
        Some(other) => Err(wrong(field, "a string", other)),
    }
}

fn object<'n, 'a>(parent: &'n Node<'a>, path: &str, key: &str) -> Result<&'n Node<'a>, Problem> {
    let field = format!("{path}.{key}");
    match parent.get(key) {
        None => Err(missing(field)),
        Some(node @ Node::Obj(_)) => Ok(node),
        Some(other) => Err(wrong(field, "an object", other)),
    }
}

fn usage_of(data: &Node<'_>, asked: YearMonth) -> Result<Usage, Problem> {
    let month = text(data, "data", "yearMonth")?;
    let Some(year_month) = YearMonth::parse(month) else {
        return Err((
            "data.yearMonth".into(),
            "is not a month written YYYY-MM".into(),
        ));
    };
    if year_month != asked {
        return Err((
            "data.yearMonth".into(),
            format!(
                "is {}, not the month asked ({})",
                year_month.key(),
                asked.key()
            ),
        ));
    }
    let summary = object(data, "data", "summary")?;
    let summary = UsageSummary {
        deposited: cu(summary, "data.summary", "deposited")?,
        granted: cu(summary, "data.summary", "granted")?,
        used: cu(summary, "data.summary", "used")?,
    };
    let items = match data.get("daily") {
        None => return Err(missing("data.daily".into())),
        Some(Node::Arr(items)) => items,
        Some(other) => return Err(wrong("data.daily".into(), "an array", other)),
    };
    let first = year_month.first_day();
    let mut daily: Vec<UsageDay> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let path = format!("data.daily[{i}]");
        if !matches!(item, Node::Obj(_)) {
            return Err(wrong(path, "an object", item));
        }
        let key = text(item, &path, "date")?;
        let date = parse_day(key)
            .filter(|d| day_key(*d) == key)
            .ok_or_else(|| {
                (
                    format!("{path}.date"),
                    "is not a date written YYYY-MM-DD".into(),
                )
            })?;
        if !year_month.contains(date) {
            return Err((
                format!("{path}.date"),
                format!("is {key}, outside {}", year_month.key()),
            ));
        }
        if daily.iter().any(|d| d.date == date) {
            return Err((format!("{path}.date"), format!("repeats {key}")));
        }
        let used = cu(item, &path, "used")?;
        let breakdown = breakdown_of(item, &path)?;
        daily.push(UsageDay {
            date,
            used,
            breakdown,
        });
    }
    // In date order (at most 31 days, each once: the order is exact).
    let mut order: Vec<(u64, u32)> = daily
        .iter()
        .enumerate()
        .map(|(k, d)| ((d.date - first) as u64, k as u32))
        .collect();
    sort_pairs(&mut order);
    let mut slots: Vec<Option<UsageDay>> = daily.into_iter().map(Some).collect();
    let daily = order
        .into_iter()
        .filter_map(|(_, k)| slots[k as usize].take())
        .collect();
    Ok(Usage {
        year_month,
        summary,
        daily,
    })
}

fn breakdown_of(day: &Node<'_>, path: &str) -> Result<Vec<NodeUse>, Problem> {
    let lines = match day.get("breakdown") {
        None | Some(Node::Null) => return Ok(Vec::new()),
        Some(Node::Arr(lines)) => lines,
        Some(other) => return Err(wrong(format!("{path}.breakdown"), "an array", other)),
    };
    let mut out = Vec::with_capacity(lines.len());
    for (j, line) in lines.iter().enumerate() {
        let path = format!("{path}.breakdown[{j}]");
        if !matches!(line, Node::Obj(_)) {
            return Err(wrong(path, "an object", line));
        }
        let category = text(line, &path, "type")?.to_owned();
        let node_type = text(line, &path, "nodeType")?.to_owned();
        let count = match line.get("count") {
            None => return Err(missing(format!("{path}.count"))),
            Some(Node::Num(lit)) => whole_from_decimal(lit, u64::MAX).ok_or_else(|| {
                (
                    format!("{path}.count"),
                    "should be a whole number ≥ 0".to_owned(),
                )
            })?,
            Some(other) => return Err(wrong(format!("{path}.count"), "a number", other)),
        };
        let cu = cu(line, &path, "cu")?;
        out.push(NodeUse {
            category,
            node_type,
            count,
            cu,
        });
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::period::parse;

    fn nov() -> YearMonth {
        YearMonth::parse("2026-11").unwrap()
    }

    fn envelope(data: &str) -> String {
        format!(r#"{{"code":0,"message":"successfully","requestId":"req_l","data":{data}}}"#)
    }

    /// The contract's shape, two days sent out of order.
    const USAGE: &str = r#"{"yearMonth":"2026-11","summary":{"deposited":10000,"granted":500.5,"used":48320.0000},"daily":[
        {"date":"2026-11-02","used":0.00005,"breakdown":[]},
        {"date":"2026-11-01","used":1.2345,"breakdown":[
            {"type":"trigger","nodeType":"cronjob","count":12,"cu":0.2345},
            {"type":"builtIn","nodeType":"http-request","count":2.0,"cu":1}]}]}"#;

    fn decode_error(data: &str) -> (String, String) {
        match decode_usage_reply(200, &envelope(data), nov()) {
            Err(ApiError::Decode {
                field,
                problem,
                request_id,
            }) => {
                assert_eq!(request_id.as_deref(), Some("req_l"));
                (field, problem)
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn the_balance_is_read_from_its_digits() {
        let body = envelope(r#"{"balance":12345.6789,"minThreshold":3808.55055}"#);
        assert_eq!(
            decode_balance_reply(200, &body),
            Ok(Balance {
                balance: CuTotal(123_456_789),
                min_threshold: CuTotal(38_085_506),
            })
        );
        let body = envelope(r#"{"balance":9999999999999.99999e1,"minThreshold":0}"#);
        assert_eq!(
            decode_balance_reply(200, &body).unwrap().balance,
            CuTotal(999_999_999_999_999_999)
        );
    }

    #[test]
    fn an_invalid_balance_is_said_never_zero() {
        for (data, field, problem) in [
            (r#"{"minThreshold":1}"#, "data.balance", "is missing"),
            (
                r#"{"balance":null,"minThreshold":1}"#,
                "data.balance",
                "should be a number but is null",
            ),
            (
                r#"{"balance":"12","minThreshold":1}"#,
                "data.balance",
                "should be a number but is a string",
            ),
            (
                r#"{"balance":-0.5,"minThreshold":1}"#,
                "data.balance",
                "is negative",
            ),
            (
                r#"{"balance":1e400,"minThreshold":1}"#,
                "data.balance",
                "is too large (above 10^14 CU)",
            ),
            (
                r#"{"balance":1,"minThreshold":-1e400}"#,
                "data.minThreshold",
                "is negative",
            ),
        ] {
            let err = decode_balance_reply(200, &envelope(data)).unwrap_err();
            assert_eq!(
                err,
                ApiError::Decode {
                    field: field.into(),
                    problem: problem.into(),
                    request_id: Some("req_l".into())
                },
                "{data}"
            );
        }
        let err =
            decode_balance_reply(200, &envelope(r#"{"balance":-1,"minThreshold":0}"#)).unwrap_err();
        assert_eq!(
            err.to_string(),
            "The API response could not be read: data.balance is negative."
        );
    }

    #[test]
    fn a_month_is_read_exactly_and_in_date_order() {
        let u = decode_usage_reply(200, &envelope(USAGE), nov()).unwrap();
        assert_eq!(u.year_month, nov());
        assert_eq!(
            u.summary,
            UsageSummary {
                deposited: CuTotal(100_000_000),
                granted: CuTotal(5_005_000),
                used: CuTotal(483_200_000),
            }
        );
        let dates: Vec<_> = u.daily.iter().map(|d| d.date).collect();
        assert_eq!(
            dates,
            [parse("2026-11-01").unwrap(), parse("2026-11-02").unwrap()]
        );
        assert_eq!(u.daily[0].used, CuTotal(12_345));
        assert_eq!(u.daily[1].used, CuTotal(1), "half up from the digits");
        assert_eq!(
            u.daily[0].breakdown,
            [
                NodeUse {
                    category: "trigger".into(),
                    node_type: "cronjob".into(),
                    count: 12,
                    cu: CuTotal(2_345),
                },
                NodeUse {
                    category: "builtIn".into(),
                    node_type: "http-request".into(),
                    count: 2,
                    cu: CuTotal(10_000),
                },
            ]
        );
        // Without breakdown, or an empty month.
        let data = r#"{"yearMonth":"2026-11","summary":{"deposited":0,"granted":0,"used":0},"daily":[{"date":"2026-11-30","used":1},{"date":"2026-11-29","used":2,"breakdown":null}]}"#;
        let u = decode_usage_reply(200, &envelope(data), nov()).unwrap();
        assert!(u.daily.iter().all(|d| d.breakdown.is_empty()));
        assert_eq!(u.daily[0].used, CuTotal(20_000));
        let data =
            r#"{"yearMonth":"2026-11","summary":{"deposited":0,"granted":0,"used":0},"daily":[]}"#;
        assert!(decode_usage_reply(200, &envelope(data), nov())
            .unwrap()
            .daily
            .is_empty());
    }

    #[test]
    fn a_bad_month_names_the_field() {
        let cases = [
            (
                USAGE.replace(r#""yearMonth":"2026-11","#, ""),
                "data.yearMonth",
                "is missing",
            ),
            (
                USAGE.replace("\"2026-11\",", "\"2026-10\","),
                "data.yearMonth",
                "is 2026-10, not the month asked (2026-11)",
            ),
            (
                USAGE.replace("\"2026-11\",", "\"Nov 2026\","),
                "data.yearMonth",
                "is not a month written YYYY-MM",
            ),
            (
                USAGE.replace(
                    r#""summary":{"deposited":10000,"granted":500.5,"used":48320.0000},"#,
                    "",
                ),
                "data.summary",
                "is missing",
            ),
            (
                USAGE.replace("\"granted\":500.5", "\"granted\":-500.5"),
                "data.summary.granted",
                "is negative",
            ),
            (
                USAGE.replace("\"used\":48320.0000", "\"used\":\"48320\""),
                "data.summary.used",
                "should be a number but is a string",
            ),
            (
                USAGE.replace("\"2026-11-02\"", "\"2026-12-01\""),
                "data.daily[0].date",
                "is 2026-12-01, outside 2026-11",
            ),
            (
                USAGE.replace("\"2026-11-02\"", "\"2026-11-31\""),
                "data.daily[0].date",
                "is not a date written YYYY-MM-DD",
            ),
            (
                USAGE.replace("\"2026-11-02\"", "\"2026-11-2\""),
                "data.daily[0].date",
                "is not a date written YYYY-MM-DD",
            ),
            (
                USAGE.replace("\"2026-11-02\"", "\"2026-11-01\""),
                "data.daily[1].date",
                "repeats 2026-11-01",
            ),
            (
                USAGE.replace("\"used\":0.00005", "\"used\":null"),
                "data.daily[0].used",
                "should be a number but is null",
            ),
            (
                USAGE.replace("\"used\":1.2345", "\"used\":1e400"),
                "data.daily[1].used",
                "is too large (above 10^14 CU)",
            ),
            (
                USAGE.replace("\"breakdown\":[]", "\"breakdown\":{}"),
                "data.daily[0].breakdown",
                "should be an array but is an object",
            ),
            (
                USAGE.replace("\"count\":12", "\"count\":1.5"),
                "data.daily[1].breakdown[0].count",
                "should be a whole number ≥ 0",
            ),
            (
                USAGE.replace("\"count\":12", "\"count\":-1"),
                "data.daily[1].breakdown[0].count",
                "should be a whole number ≥ 0",
            ),
            (
                USAGE.replace("\"count\":12", "\"count\":\"12\""),
                "data.daily[1].breakdown[0].count",
                "should be a number but is a string",
            ),
            (
                USAGE.replace("\"count\":12,", ""),
                "data.daily[1].breakdown[0].count",
                "is missing",
            ),
            (
                USAGE.replace("\"cu\":0.2345", "\"cu\":-0.2345"),
                "data.daily[1].breakdown[0].cu",
                "is negative",
            ),
            (
                USAGE.replace("\"type\":\"trigger\"", "\"type\":7"),
                "data.daily[1].breakdown[0].type",
                "should be a string but is a number",
            ),
            (
                USAGE.replace("\"nodeType\":\"cronjob\",", ""),
                "data.daily[1].breakdown[0].nodeType",
                "is missing",
            ),
        ];
        for (data, field, problem) in cases {
            assert_eq!(
                decode_error(&data),
                (field.to_owned(), problem.to_owned()),
                "{data}"
            );
        }
        let data =
            r#"{"yearMonth":"2026-11","summary":{"deposited":0,"granted":0,"used":0},"daily":[7]}"#;
        assert_eq!(
            decode_error(data),
            (
                "data.daily[0]".into(),
                "should be an object but is a number".into()
            )
        );
        let data =
            r#"{"yearMonth":"2026-11","summary":{"deposited":0,"granted":0,"used":0},"daily":{}}"#;
        assert_eq!(
            decode_error(data),
            (
                "data.daily".into(),
                "should be an array but is an object".into()
            )
        );
    }

    #[test]
    fn no_ledger_is_told_apart_from_a_fault() {
        let json = r#"{"code":404,"message":"not found","requestId":"req_n"}"#;
        for status in [404, 403] {
            let want = ApiError::Unavailable {
                status,
                message: Some("not found".into()),
                request_id: Some("req_n".into()),
            };
            assert_eq!(decode_balance_reply(status, json), Err(want.clone()));
            assert_eq!(decode_usage_reply(status, json, nov()), Err(want));
            // A proxy's page or an empty body: the same.
            for body in ["<html>Not Found</html>", ""] {
                assert_eq!(
                    decode_balance_reply(status, body),
                    Err(ApiError::Unavailable {
                        status,
                        message: None,
                        request_id: None
                    })
                );
            }
        }
        // Every other failure is what the runs endpoint would say.
        for (status, body) in [
            (
                500,
                r#"{"code":500,"message":"boom","details":["x"],"requestId":"r"}"#,
            ),
            (401, r#"{"code":401,"message":"no"}"#),
            (400, "[1]"),
            (502, "<html>Bad Gateway</html>"),
            (200, "<html>login</html>"),
            (200, r#"{"code":7,"message":"suspended"}"#),
            (200, r#"{"code":0}"#),
            (200, r#"{"code":0,"data":[]}"#),
            (200, r#""text""#),
        ] {
            let runs = crate::api::models::decode_runs_response(status, body).unwrap_err();
            assert_eq!(
                decode_balance_reply(status, body),
                Err(runs.clone()),
                "{status} {body}"
            );
            assert_eq!(
                decode_usage_reply(status, body, nov()),
                Err(runs),
                "{status} {body}"
            );
        }
        assert!(!decode_balance_reply(500, "{}")
            .unwrap_err()
            .is_unavailable());
    }
}
