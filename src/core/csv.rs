//! CSV export: RFC 4180 quoting, UTF-8 with BOM, formula-injection guard.

use crate::core::format::Formatter;
use crate::core::keyed::Names;
use crate::core::messages::M;

use crate::core::compare::{rows_with_gone, Lookup, Prev, Previous};
use crate::core::cu::{CuTotal, PricePerCu};
use crate::core::period::Change;
use crate::core::store::RunSet;
use crate::core::subtotals::{GroupBy, Subtotal, Subtotals};

/// Byte-order mark so Excel reads the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// What a spreadsheet may take as the start of a formula: `=`, `+`, `-`,
/// `@`, tab, CR and LF, their full-width forms and the minus sign.
const FORMULA_START: [char; 12] = [
    '=', '+', '-', '@', '\t', '\r', '\n', '\u{FF1D}', '\u{FF0B}', '\u{FF0D}', '\u{FF20}',
    '\u{2212}',
];

/// Whether `value` could start a formula: it starts with one of
/// [`FORMULA_START`], or does after spaces, no-break spaces or a byte
/// order mark (which a spreadsheet may trim).
pub fn formula_like(value: &str) -> bool {
    value
        .trim_start_matches([' ', '\u{A0}', '\u{FEFF}', '\u{3000}'])
        .starts_with(FORMULA_START)
}

/// One text cell: neutralised when a spreadsheet would read it as a formula
/// ([`formula_like`] values get a leading `'`), then quoted.
pub fn text_cell(value: &str) -> String {
    let guarded = if formula_like(value) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

/// A header cell: as written when it is a plain word ("Run ID"), else (a
/// translation with a comma, a quote, a line break or a formula's start)
/// as a [`text_cell`].
fn header_cell(value: String) -> String {
    if formula_like(&value) || value.contains([',', '"', '\r', '\n']) {
        text_cell(&value)
    } else {
        value
    }
}

fn line(cells: &[String]) -> String {
    let mut l = cells.join(",");
    l.push_str("\r\n");
    l
}

/// The header row: each cell a [`header_cell`].
pub fn header_line(header: Vec<String>) -> String {
    line(&header.into_iter().map(header_cell).collect::<Vec<_>>())
}

/// What every row of an export says it covers, in its last columns: the
/// period's first and last day (empty without a period), the time zone
/// days are counted in, and the price per CU and its currency when priced.
#[derive(Clone, Copy)]
pub struct Covers<'a> {
    /// The period's days, `YYYY-MM-DD`, both included.
    pub days: Option<(&'a str, &'a str)>,
    /// The billing time zone (`UTC`, `Europe/Berlin`).
    pub zone: &'a str,
    /// The price per CU and its ISO currency.
    pub price: Option<(PricePerCu, &'a str)>,
    /// The words of the headers and labels.
    pub fmt: &'a Formatter,
}

impl Covers<'_> {
    fn header(&self, header: &mut Vec<String>) {
        let f = self.fmt;
        header.extend([M::csvPeriodFrom, M::csvPeriodTo, M::csvTimeZone].map(|m| f.t(m)));
        if self.price.is_some() {
            header.extend([M::csvPricePerCu, M::csvCurrency].map(|m| f.t(m)));
        }
    }

    fn cells(&self, cells: &mut Vec<String>) {
        let (from, to) = self.days.unwrap_or(("", ""));
        cells.extend([text_cell(from), text_cell(to), text_cell(self.zone)]);
        if let Some((price, currency)) = self.price {
            cells.extend([price.to_text(), text_cell(currency)]);
        }
    }

    /// `Cost (USD)`, when priced.
    fn cost_column(&self) -> Option<String> {
        self.price
            .map(|(_, c)| self.fmt.tf(M::csvCost, &[("currency", c)]))
    }
}

/// The runs at `indices`, with a header row. Status and trigger come as
/// the label shown on screen and the API's code; times are ISO 8601 in the
/// billing time zone with their offset (`offset_of` gives the zone's offset
/// in minutes at an instant); a timestamp that is not RFC 3339 is written
/// as sent. Numbers are raw with `.` decimals. With display `names` set, a
/// `Workflow name` column follows the workflow id.
pub fn runs_csv(
    runs: &RunSet,
    indices: &[usize],
    covers: Covers,
    names: &Names,
    offset_of: &mut dyn FnMut(i64) -> i32,
) -> String {
    let f = covers.fmt;
    let mut header = vec![f.t(M::csvRunId), f.t(M::csvWorkflow)];
    if !names.is_empty() {
        header.push(f.t(M::csvWorkflowName));
    }
    header.extend(
        [
            M::csvStatus,
            M::csvStatusCode,
            M::csvTrigger,
            M::csvTriggerCode,
            M::csvStarted,
            M::csvFinished,
            M::csvDuration,
            M::csvCu,
            M::csvCuPartial,
        ]
        .map(|m| f.t(m)),
    );
    header.extend(covers.cost_column());
    covers.header(&mut header);
    let mut out = String::from(BOM);
    out.push_str(&header_line(header));
    let mut time = |ms: Option<i64>, form, sent: &str| match ms {
        Some(ms) => text_cell(&crate::core::time::format_iso_at_offset_as(
            ms,
            offset_of(ms),
            form,
        )),
        None => text_cell(sent),
    };
    for &i in indices {
        let r = &runs.run(i);
        let mut cells = vec![text_cell(&r.run_id), text_cell(&r.workflow_id)];
        if !names.is_empty() {
            let name = names.get(&r.workflow_id).map(|n| text_cell(n));
            cells.push(name.unwrap_or_default());
        }
        let trigger = r.trigger_source.as_deref().unwrap_or("");
        cells.extend([
            text_cell(&crate::core::labels::status_label(&r.status, f)),
            text_cell(r.status.as_str()),
            text_cell(&crate::core::labels::trigger_label(trigger, f)),
            text_cell(trigger),
            time(r.started_ms, r.started_form, &r.started_at()),
            time(
                r.finished_ms,
                r.finished_form,
                r.finished_at().as_deref().unwrap_or(""),
            ),
            r.duration_ms()
                .map(|ms| format!("{}.{:03}", ms / 1_000, ms % 1_000))
                .unwrap_or_default(),
            r.cu.map(|c| c.to_plain()).unwrap_or_default(),
            if r.status.in_progress() {
                "true"
            } else {
                "false"
            }
            .to_owned(),
        ]);
        if let Some((p, _)) = covers.price {
            cells.push(r.cu.map(|c| p.cost(c).to_plain()).unwrap_or_default());
        }
        covers.cells(&mut cells);
        out.push_str(&line(&cells));
    }
    out
}

/// What the subtotals export shows besides the subtotals themselves.
#[derive(Clone, Copy)]
pub struct SubtotalsShape<'a> {
    /// The grouping (names the key columns: `Workflow`, `Trigger` or
    /// `Status`).
    pub group: GroupBy,
    /// The previous period, when comparing.
    pub previous: Option<&'a Previous>,
    /// Workflow display names (a `Workflow name` column when any is set and
    /// the grouping is by workflow).
    pub names: &'a Names,
    /// End with the Total row (the `csvTotalRow` option, default on).
    pub total_row: bool,
}

/// The subtotals table, with its Total row last unless `total_row` is off.
/// The first column, `Row`, says which rows are groups and which is the
/// total (its key cells are empty), so no workflow named `TOTAL` can be
/// mistaken for it and a SUM over the `Group` rows equals the total. A
/// trigger or status group has its label and its code. With a comparison,
/// the previous period's CU (and cost) and the change follow; an unknown
/// previous figure is an empty cell; a group absent before has a previous
/// CU of 0 and empty change cells (numeric columns hold numbers only).
pub fn subtotals_csv(s: &Subtotals, shape: SubtotalsShape, covers: Covers) -> String {
    let f = covers.fmt;
    let (key_column, second) = match shape.group {
        GroupBy::Workflow => (
            M::csvWorkflow,
            (!shape.names.is_empty()).then_some(M::csvWorkflowName),
        ),
        GroupBy::Trigger => (M::csvTrigger, Some(M::csvTriggerCode)),
        GroupBy::Status => (M::csvStatus, Some(M::csvStatusCode)),
    };
    let mut header = vec![f.t(M::csvRow), f.t(key_column)];
    header.extend(second.map(|m| f.t(m)));
    header.extend(
        [
            M::csvRuns,
            M::csvCu,
            M::csvAverageCu,
            M::csvLargestCu,
            M::csvFailedCu,
            M::csvInProgress,
            M::csvWithoutCu,
        ]
        .map(|m| f.t(m)),
    );
    let cost_col = covers.cost_column();
    header.extend(cost_col.clone());
    let before = Lookup::new(shape.previous);
    if before.is_on() {
        header.extend([M::csvPreviousCu, M::csvChangeCu, M::csvChangePct].map(|m| f.t(m)));
        if let Some((_, c)) = covers.price {
            header.push(f.tf(M::csvPreviousCost, &[("currency", c)]));
            header.push(f.tf(M::csvChangeCost, &[("currency", c)]));
        }
    }
    covers.header(&mut header);
    let mut out = String::from(BOM);
    out.push_str(&header_line(header));
    let rows = rows_with_gone(s, shape.previous);
    let total = shape.total_row.then_some((None, &s.total, before.total()));
    for (key, row, prev) in rows
        .iter()
        .map(|r| (Some(r.key.as_str()), r, before.of(&r.key)))
        .chain(total)
    {
        let kind = if key.is_some() {
            M::csvGroup
        } else {
            M::csvTotal
        };
        let mut cells = vec![text_cell(&f.t(kind))];
        match key {
            None => {
                cells.push(String::new());
                if second.is_some() {
                    cells.push(String::new());
                }
            }
            Some(key) if shape.group == GroupBy::Workflow => {
                cells.push(text_cell(key));
                if second.is_some() {
                    cells.push(
                        shape
                            .names
                            .get(key)
                            .map(|n| text_cell(n))
                            .unwrap_or_default(),
                    );
                }
            }
            Some(key) => {
                let label = crate::core::labels::group_label(shape.group, key, shape.names, f);
                cells.push(text_cell(&label));
                cells.push(text_cell(key));
            }
        }
        cells.extend([
            row.runs.to_string(),
            row.cu.to_plain(),
            row.average().map(|a| a.to_plain()).unwrap_or_default(),
            row.largest.map(|c| c.to_plain()).unwrap_or_default(),
            row.failed_cu.to_plain(),
            row.in_progress.to_string(),
            row.invalid_runs().to_string(),
        ]);
        if cost_col.is_some() {
            cells.push(row.cost.to_plain());
        }
        if before.is_on() {
            let known = !matches!(prev, Prev::Unknown);
            let zero = Subtotal::default();
            let was = match prev {
                Prev::Was(p) => p,
                Prev::Absent | Prev::Unknown => &zero,
            };
            cells.push(if known {
                was.cu.to_plain()
            } else {
                String::new()
            });
            let (diff, pct) = change_cells(prev.cu_change(row.cu));
            cells.push(diff);
            cells.push(pct);
            if cost_col.is_some() {
                cells.push(if known {
                    was.cost.to_plain()
                } else {
                    String::new()
                });
                cells.push(match prev.cost_change(row.cost) {
                    Change::Delta { diff, .. } => signed_money(diff),
                    Change::Unknown | Change::New => String::new(),
                });
            }
        }
        covers.cells(&mut cells);
        out.push_str(&line(&cells));
    }
    out
}

/// A signed fixed-point amount in plain form: `-1.5000`, `2.0000`.
pub fn signed_units(diff: i128) -> String {
    signed(diff, |a| CuTotal(a).to_plain())
}

/// A signed exact amount of money in plain form: `-0.006`, `1.25`.
fn signed_money(diff: i128) -> String {
    signed(diff, |a| crate::core::cu::Money(a).to_plain())
}

/// `diff` written by `plain` (of its absolute value), with a `-` when negative.
fn signed(diff: i128, plain: impl Fn(u128) -> String) -> String {
    let text = plain(diff.unsigned_abs());
    if diff < 0 {
        format!("-{text}")
    } else {
        text
    }
}

/// The change's amount and percent cells (new or unknown: both empty).
fn change_cells(c: Change) -> (String, String) {
    match c {
        Change::Unknown => (String::new(), String::new()),
        Change::New => (String::new(), String::new()),
        Change::Delta { diff, tenths } => (
            signed_units(diff),
            tenths
                .map(|t| {
                    let sign = if t < 0 { "-" } else { "" };
                    let a = t.unsigned_abs();
                    format!("{sign}{}.{}", a / 10, a % 10)
                })
                .unwrap_or_default(),
        ),
    }
}

/// What an export covers, for its file name: the month (`2026-11`), the
/// day (`2026-11-28`) or the days (`2026-11-22_2026-11-28`) of `from`–`to`,
/// then the time zone days are counted in (`UTC`, `Europe-Berlin`).
pub fn period_stamp(from: &str, to: &str, zone: &str) -> String {
    let days = match (
        crate::core::period::parse(from),
        crate::core::period::parse(to),
    ) {
        (Some(f), Some(t)) if f == t => from.to_owned(),
        (Some(f), Some(t))
            if crate::core::period::ymd(f).2 == 1
                && t == crate::core::period::month_start(f, 1) - 1 =>
        {
            from[..7].to_owned()
        }
        _ => format!("{from}_{to}"),
    };
    format!("{days}_{}", zone.replace('/', "-"))
}

/// `cu-<what>_<org>_<stamp>.csv` with the org (and the stamp) reduced to
/// safe characters; the stamp says what it covers ([`period_stamp`]) or
/// the export day.
pub fn file_name(org_id: &str, what: &str, date: &str) -> String {
    let safe = |text: &str| -> String {
        text.chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                    c
                } else {
                    '_'
                }
            })
            .collect()
    };
    format!("cu-{what}_{}_{}.csv", safe(org_id), safe(date))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::subtotals::compute;
    use crate::core::test_support::run;

    #[test]
    fn hostile_cells_are_quoted_and_neutralised() {
        assert_eq!(
            text_cell("=HYPERLINK(\"http://x\")"),
            "\"'=HYPERLINK(\"\"http://x\"\")\""
        );
        assert_eq!(text_cell("+1"), "\"'+1\"");
        assert_eq!(text_cell("-2"), "\"'-2\"");
        assert_eq!(text_cell("@SUM(A1)"), "\"'@SUM(A1)\"");
        assert_eq!(text_cell("\tx"), "\"'\tx\"");
        assert_eq!(text_cell("\rx"), "\"'\rx\"");
        assert_eq!(text_cell("a,b\r\nc"), "\"a,b\r\nc\"");
        assert_eq!(text_cell("plain"), "\"plain\"");
        // The variants: a line feed, full-width signs, the minus sign, and
        // any of them after spaces, a no-break space or a byte order mark.
        for v in [
            "\n=1+1",
            "＝1+1",
            "＋SUM(1)",
            "－1",
            "＠SUM(1)",
            "−1+1",
            " =1+1",
            "\u{A0}=1",
            "\u{FEFF}=1",
        ] {
            assert_eq!(text_cell(v), format!("\"'{v}\""), "{v:?}");
        }
        assert_eq!(text_cell("a=b"), "\"a=b\"");
        assert_eq!(text_cell(" plain"), "\" plain\"");
    }

    #[test]
    fn header_cells_are_quoted_and_guarded_when_they_must_be() {
        assert_eq!(
            header_line(vec![
                "Run ID".into(),
                "Workflow, \"name\"".into(),
                "=HYPERLINK(1)".into(),
                "@SUM(A1)".into()
            ]),
            "Run ID,\"Workflow, \"\"name\"\"\",\"'=HYPERLINK(1)\",\"'@SUM(A1)\"\r\n"
        );
    }

    thread_local! {
        static EN: &'static Formatter = Box::leak(Box::new(Formatter::plain(None)));
    }

    /// Every row covers the UTC days, unpriced, in English.
    #[allow(non_snake_case)]
    fn UTC() -> Covers<'static> {
        Covers {
            days: None,
            zone: "UTC",
            price: None,
            fmt: EN.with(|f| *f),
        }
    }

    fn no_offset(_: i64) -> i32 {
        0
    }

    #[test]
    fn runs_csv_has_bom_readable_header_labels_codes_and_zoned_times() {
        let runs = vec![
            run(
                "=cmd",
                "billing",
                "running",
                "2026-11-20T10:00:00Z",
                Some(1234.5),
                Some("schedule"),
            ),
            run(
                "r2",
                "billing",
                "success",
                "2026-11-30T23:30:00.250Z",
                Some(1.0),
                Some("cronjob"),
            ),
        ];
        let price = PricePerCu::from_f64(0.002).unwrap();
        let covers = Covers {
            days: Some(("2026-11-01", "2026-11-30")),
            zone: "Europe/Berlin",
            price: Some((price, "USD")),
            fmt: EN.with(|f| *f),
        };
        let csv = runs_csv(
            &RunSet::new(runs, crate::core::time::utc_date),
            &[0, 1],
            covers,
            &Names::default(),
            &mut |_| 60,
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}Run ID,Workflow,Status,Status code,Trigger,Trigger code,Started,Finished,Duration (s),CU,CU partial,Cost (USD),Period from,Period to,Time zone,Price per CU,Currency");
        assert_eq!(lines[1], "\"'=cmd\",\"billing\",\"Running\",\"running\",\"Schedule\",\"schedule\",\"2026-11-20T11:00:00+01:00\",\"\",,1234.5000,true,2.469,\"2026-11-01\",\"2026-11-30\",\"Europe/Berlin\",0.002,\"USD\"");
        // The zone's clock, with milliseconds only when there are some.
        assert!(lines[2].contains("\"2026-12-01T00:30:00.250+01:00\""));
        // Digits past the millisecond, as the API sent them.
        for (sent, want) in [
            (
                "2026-11-28T11:31:40.350732632Z",
                "2026-11-28T12:31:40.350732632+01:00",
            ),
            (
                "2026-11-28T11:31:40.000001Z",
                "2026-11-28T12:31:40.000001+01:00",
            ),
            (
                "2026-11-28T11:31:40.1234Z",
                "2026-11-28T12:31:40.1234+01:00",
            ),
        ] {
            let one = vec![run("n", "w", "success", sent, Some(1.0), None)];
            let csv = runs_csv(
                &RunSet::new(one, crate::core::time::utc_date),
                &[0],
                covers,
                &Names::default(),
                &mut |_| 60,
            );
            assert!(csv.contains(&format!("\"{want}\"")), "{sent}: {csv}");
        }
        // Unpriced: no cost, price or currency columns.
        let runs = vec![run(
            "a",
            "w",
            "success",
            "2026-11-20T10:00:00Z",
            Some(1.0),
            None,
        )];
        let csv = runs_csv(
            &RunSet::new(runs, crate::core::time::utc_date),
            &[0],
            UTC(),
            &Names::default(),
            &mut no_offset,
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[0].ends_with("CU,CU partial,Period from,Period to,Time zone"));
        assert_eq!(lines[1], "\"a\",\"w\",\"Succeeded\",\"success\",\"(none)\",\"\",\"2026-11-20T10:00:00+00:00\",\"\",,1.0000,false,\"\",\"\",\"UTC\"");
    }

    fn plain_shape(names: &Names) -> SubtotalsShape<'_> {
        SubtotalsShape {
            group: GroupBy::Workflow,
            previous: None,
            names,
            total_row: true,
        }
    }

    #[test]
    fn subtotals_csv_ends_with_the_marked_total_or_leaves_it_out() {
        let names = Names::default();
        let runs = vec![
            run("a", "w1", "success", "", Some(1.0), None),
            run("b", "w2", "failure", "", Some(2.0), None),
        ];
        let csv = subtotals_csv(
            &compute(&runs, &[0, 1], None, GroupBy::Workflow),
            plain_shape(&names),
            UTC(),
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 4);
        assert_eq!(lines[0], "\u{feff}Row,Workflow,Runs,CU,Average CU,Largest run CU,Failed or cancelled CU,Runs in progress,Runs without CU,Period from,Period to,Time zone");
        assert_eq!(
            lines[1],
            "\"Group\",\"w2\",1,2.0000,2.0000,2.0000,2.0000,0,0,\"\",\"\",\"UTC\""
        );
        assert_eq!(
            lines[3],
            "\"Total\",,2,3.0000,1.5000,2.0000,2.0000,0,0,\"\",\"\",\"UTC\""
        );
        // Without the Total row: only groups, whose SUM is the total.
        let csv = subtotals_csv(
            &compute(&runs, &[0, 1], None, GroupBy::Workflow),
            SubtotalsShape {
                total_row: false,
                ..plain_shape(&names)
            },
            UTC(),
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 3);
        assert!(lines[1..].iter().all(|l| l.starts_with("\"Group\",")));
        // A workflow called TOTAL is a group row.
        let runs = vec![run("c", "TOTAL", "success", "", Some(1.0), None)];
        let csv = subtotals_csv(
            &compute(&runs, &[0], None, GroupBy::Workflow),
            plain_shape(&names),
            UTC(),
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[1].starts_with("\"Group\",\"TOTAL\",1,1.0000,"));
        assert!(lines[2].starts_with("\"Total\",,1,1.0000,"));
    }

    #[test]
    fn subtotals_csv_follows_the_grouping_the_comparison_the_price_and_the_names() {
        use crate::core::compare::Previous;
        let runs = vec![
            run(
                "a",
                "w1",
                "success",
                "2026-11-02T10:00:00Z",
                Some(3.0),
                Some("cronjob"),
            ),
            run(
                "b",
                "w2",
                "success",
                "2026-11-02T10:00:00Z",
                Some(1.0),
                Some("=cmd"),
            ),
            run(
                "c",
                "w1",
                "success",
                "2026-10-02T10:00:00Z",
                Some(2.0),
                Some("cronjob"),
            ),
            run(
                "d",
                "w3",
                "success",
                "2026-10-03T10:00:00Z",
                Some(5.0),
                Some("webhook"),
            ),
        ];
        let names: Names = [("w1".to_owned(), "Billing, \"v2\"".to_owned())].into();
        // By workflow, with names and the previous period.
        let prev = Previous {
            subtotals: compute(&runs, &[2, 3], None, GroupBy::Workflow),
            loaded: true,
        };
        let shape = SubtotalsShape {
            group: GroupBy::Workflow,
            previous: Some(&prev),
            names: &names,
            total_row: true,
        };
        let november = Covers {
            days: Some(("2026-11-01", "2026-11-30")),
            ..UTC()
        };
        let csv = subtotals_csv(
            &compute(&runs, &[0, 1], None, GroupBy::Workflow),
            shape,
            november,
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines[0], "\u{feff}Row,Workflow,Workflow name,Runs,CU,Average CU,Largest run CU,Failed or cancelled CU,Runs in progress,Runs without CU,Previous CU,Change CU,Change %,Period from,Period to,Time zone");
        let tail = ",\"2026-11-01\",\"2026-11-30\",\"UTC\"";
        assert_eq!(
            lines[1],
            format!("\"Group\",\"w1\",\"Billing, \"\"v2\"\"\",1,3.0000,3.0000,3.0000,0.0000,0,0,2.0000,1.0000,50.0{tail}")
        );
        assert_eq!(
            lines[2],
            format!("\"Group\",\"w2\",,1,1.0000,1.0000,1.0000,0.0000,0,0,0.0000,,{tail}")
        );
        // A group only in the previous period: a zero row, so Previous adds up.
        assert_eq!(
            lines[3],
            format!("\"Group\",\"w3\",,0,0.0000,,,0.0000,0,0,5.0000,-5.0000,-100.0{tail}")
        );
        assert_eq!(
            lines[4],
            format!("\"Total\",,,2,4.0000,2.0000,3.0000,0.0000,0,0,7.0000,-3.0000,-42.9{tail}")
        );
        // Priced: cost, previous cost and change in the currency, then the price.
        let price = PricePerCu::from_f64(0.002).unwrap();
        let priced = Covers {
            price: Some((price, "EUR")),
            ..november
        };
        let subtotals =
            crate::core::subtotals::compute(&runs, &[0, 1], Some(price), GroupBy::Workflow);
        let prev_priced = Previous {
            subtotals: compute(&runs, &[2, 3], Some(price), GroupBy::Workflow),
            loaded: true,
        };
        let csv = subtotals_csv(
            &subtotals,
            SubtotalsShape {
                previous: Some(&prev_priced),
                ..shape
            },
            priced,
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[0].ends_with("Runs without CU,Cost (EUR),Previous CU,Change CU,Change %,Previous cost (EUR),Change cost (EUR),Period from,Period to,Time zone,Price per CU,Currency"));
        assert!(lines[4].starts_with("\"Total\",,,2,4.0000,2.0000,3.0000,0.0000,0,0,0.008,7.0000,-3.0000,-42.9,0.014,-0.006,\"2026-11-01\""));
        assert!(lines[4].ends_with(",0.002,\"EUR\""));
        // By trigger: label and code; a previous period not loaded leaves
        // the cells empty.
        let unknown = Previous {
            loaded: false,
            ..prev.clone()
        };
        let shape = SubtotalsShape {
            group: GroupBy::Trigger,
            previous: Some(&unknown),
            ..shape
        };
        let csv = subtotals_csv(
            &compute(&runs, &[0, 1], None, GroupBy::Trigger),
            shape,
            UTC(),
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[0].starts_with("\u{feff}Row,Trigger,Trigger code,Runs,"));
        assert_eq!(
            lines[1],
            "\"Group\",\"Cron job\",\"cronjob\",1,3.0000,3.0000,3.0000,0.0000,0,0,,,,\"\",\"\",\"UTC\""
        );
        // Formula-guarded like every text cell.
        assert_eq!(
            lines[2],
            "\"Group\",\"'=cmd\",\"'=cmd\",1,1.0000,1.0000,1.0000,0.0000,0,0,,,,\"\",\"\",\"UTC\""
        );
        // By status: label and code.
        let shape = SubtotalsShape {
            group: GroupBy::Status,
            previous: None,
            ..shape
        };
        let csv = subtotals_csv(
            &compute(&runs, &[0, 1], None, GroupBy::Status),
            shape,
            UTC(),
        );
        assert!(csv.contains("\"Group\",\"Succeeded\",\"success\",2,"));
    }

    #[test]
    fn runs_csv_has_both_workflow_columns_with_names() {
        let runs = vec![run(
            "r",
            "w1",
            "success",
            "2026-11-20T10:00:00Z",
            Some(1.0),
            None,
        )];
        let names: Names = [("w1".to_owned(), "@Billing".to_owned())].into();
        let csv = runs_csv(
            &RunSet::new(runs, crate::core::time::utc_date),
            &[0],
            UTC(),
            &names,
            &mut no_offset,
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[0].starts_with("\u{feff}Run ID,Workflow,Workflow name,Status,"));
        assert!(lines[1].starts_with("\"r\",\"w1\",\"'@Billing\",\"Succeeded\","));
    }

    #[test]
    fn file_names_say_what_period_they_cover() {
        assert_eq!(
            period_stamp("2026-11-01", "2026-11-30", "UTC"),
            "2026-11_UTC"
        );
        assert_eq!(
            period_stamp("2026-02-01", "2026-02-28", "UTC"),
            "2026-02_UTC"
        );
        assert_eq!(
            period_stamp("2026-11-28", "2026-11-28", "UTC"),
            "2026-11-28_UTC"
        );
        assert_eq!(
            period_stamp("2026-11-22", "2026-11-28", "Europe/Berlin"),
            "2026-11-22_2026-11-28_Europe-Berlin"
        );
        assert_eq!(
            file_name(
                "demo-org",
                "subtotals",
                &period_stamp("2026-11-01", "2026-11-30", "UTC")
            ),
            "cu-subtotals_demo-org_2026-11_UTC.csv"
        );
    }

    #[test]
    fn file_names_are_safe() {
        assert_eq!(
            file_name("a/b ü", "runs", "2026-11-28"),
            "cu-runs_a_b___2026-11-28.csv"
        );
    }
}
