//! CSV export: RFC 4180 quoting, UTF-8 with BOM, formula-injection guard.

use crate::keyed::Names;

use crate::compare::{rows_with_gone, Lookup, Prev, Previous};
use crate::cu::{CuTotal, PricePerCu};
use crate::filter::RunSet;
use crate::period::Change;
use crate::subtotals::{GroupBy, Subtotal, Subtotals};

/// Byte-order mark so Excel reads the file as UTF-8.
pub const BOM: &str = "\u{feff}";

/// One text cell: neutralised when a spreadsheet would read it as a formula
/// (leading `=`, `+`, `-`, `@`, tab or CR get a leading `'`), then quoted.
pub fn text_cell(value: &str) -> String {
    let guarded = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{value}")
    } else {
        value.to_owned()
    };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

fn line(cells: &[String]) -> String {
    let mut l = cells.join(",");
    l.push_str("\r\n");
    l
}

/// The runs at `indices`, with a header row. Numbers are raw with `.`
/// decimals; timestamps are the API's ISO values.
/// With display `names` set, a `workflow_name` column follows `workflow_id`.
pub fn runs_csv(
    runs: &RunSet,
    indices: &[usize],
    price: Option<(PricePerCu, &str)>,
    names: &Names,
) -> String {
    let mut header = [
        "run_id",
        "workflow_id",
        "status",
        "trigger_source",
        "started_at",
        "finished_at",
        "duration_seconds",
        "total_cu",
        "cu_partial",
    ]
    .map(str::to_owned)
    .to_vec();
    if let Some((_, currency)) = price {
        header.push(format!("cost_{}", currency.to_ascii_lowercase()));
    }
    if !names.is_empty() {
        header.insert(2, "workflow_name".to_owned());
    }
    let mut out = String::from(BOM);
    out.push_str(&line(&header));
    for &i in indices {
        let r = &runs.run(i);
        let mut cells = vec![
            text_cell(&r.run_id),
            text_cell(&r.workflow_id),
            text_cell(r.status.as_str()),
            text_cell(r.trigger_source.as_deref().unwrap_or("")),
            text_cell(&r.started_at()),
            text_cell(r.finished_at().as_deref().unwrap_or("")),
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
        ];
        if let Some((p, _)) = price {
            cells.push(r.cu.map(|c| p.cost(c).to_plain()).unwrap_or_default());
        }
        if !names.is_empty() {
            let name = names.get(&r.workflow_id).map(|n| text_cell(n));
            cells.insert(2, name.unwrap_or_default());
        }
        out.push_str(&line(&cells));
    }
    out
}

/// What the subtotals export shows besides the subtotals themselves.
#[derive(Clone, Copy)]
pub struct SubtotalsShape<'a> {
    /// The grouping (names the key column: `workflow_id`, `trigger_source`
    /// or `status`).
    pub group: GroupBy,
    /// ISO currency of the cost column, when priced.
    pub currency: Option<&'a str>,
    /// The previous period, when comparing.
    pub previous: Option<&'a Previous>,
    /// Workflow display names (a `workflow_name` column when any is set and
    /// the grouping is by workflow).
    pub names: &'a Names,
}

/// The subtotals table with its grand-total row. The first column says
/// which rows are groups and which is the total (its key cell is empty),
/// so no workflow named `TOTAL` can be mistaken for it. With a comparison,
/// the previous period's CU (and cost) and the change follow; an unknown
/// previous figure is an empty cell; a group absent before has a previous
/// CU of 0 and empty change cells (numeric columns hold numbers only).
pub fn subtotals_csv(s: &Subtotals, shape: SubtotalsShape) -> String {
    let key_column = match shape.group {
        GroupBy::Workflow => "workflow_id",
        GroupBy::Trigger => "trigger_source",
        GroupBy::Status => "status",
    };
    let with_names = shape.group == GroupBy::Workflow && !shape.names.is_empty();
    let mut header = vec!["row".to_owned(), key_column.to_owned()];
    if with_names {
        header.push("workflow_name".to_owned());
    }
    header.extend(
        [
            "runs",
            "total_cu",
            "average_cu",
            "largest_run_cu",
            "failed_cancelled_cu",
            "runs_in_progress",
            "runs_without_cu",
        ]
        .map(str::to_owned),
    );
    let cost_col = shape
        .currency
        .map(|c| format!("cost_{}", c.to_ascii_lowercase()));
    if let Some(c) = &cost_col {
        header.push(c.clone());
    }
    let before = Lookup::new(shape.previous);
    if before.is_on() {
        header.extend(["previous_cu", "change_cu", "change_cu_percent"].map(str::to_owned));
        if let Some(c) = &cost_col {
            header.push(format!("previous_{c}"));
            header.push(format!("change_{c}"));
        }
    }
    let mut out = String::from(BOM);
    out.push_str(&line(&header));
    let rows = rows_with_gone(s, shape.previous);
    for (kind, row, prev) in rows
        .iter()
        .map(|r| ("group", r, before.of(&r.key)))
        .chain(std::iter::once(("total", &s.total, before.total())))
    {
        let kind = if kind == "group" {
            shape.group.key()
        } else {
            kind
        };
        let mut cells = vec![text_cell(kind)];
        if kind == "total" {
            cells.push(String::new());
            if with_names {
                cells.push(String::new());
            }
        } else {
            cells.push(text_cell(&row.key));
            if with_names {
                cells.push(
                    shape
                        .names
                        .get(&row.key)
                        .map(|n| text_cell(n))
                        .unwrap_or_default(),
                );
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
        if shape.currency.is_some() {
            cells.push(row.cost.to_plain());
        }
        if before.is_on() {
            let was = match prev {
                Prev::Was(p) => Some(p),
                Prev::Absent => None,
                Prev::Unknown => None,
            };
            let known = !matches!(prev, Prev::Unknown);
            let zero = Subtotal::default();
            let was_or_zero = was.unwrap_or(&zero);
            cells.push(if known {
                was_or_zero.cu.to_plain()
            } else {
                String::new()
            });
            let (diff, pct) = change_cells(prev.cu_change(row.cu));
            cells.push(diff);
            cells.push(pct);
            if shape.currency.is_some() {
                cells.push(if known {
                    was_or_zero.cost.to_plain()
                } else {
                    String::new()
                });
                cells.push(change_cells(prev.cost_change(row.cost)).0);
            }
        }
        out.push_str(&line(&cells));
    }
    out
}

/// A signed fixed-point amount in plain form: `-1.5000`, `2.0000`.
fn signed_units(diff: i128) -> String {
    let plain = CuTotal(diff.unsigned_abs()).to_plain();
    if diff < 0 {
        format!("-{plain}")
    } else {
        plain
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
    let days = match (crate::period::parse(from), crate::period::parse(to)) {
        (Some(f), Some(t)) if f == t => from.to_owned(),
        (Some(f), Some(t))
            if crate::period::ymd(f).2 == 1 && t == crate::period::month_start(f, 1) - 1 =>
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
    use crate::subtotals::compute;
    use crate::test_support::run;

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
    }

    #[test]
    fn runs_csv_has_bom_header_and_raw_numbers() {
        let runs = vec![run(
            "=cmd",
            "billing",
            "running",
            "2026-11-20T10:00:00Z",
            Some(1234.5),
            Some("schedule"),
        )];
        let price = PricePerCu::from_f64(0.002).unwrap();
        let csv = runs_csv(
            &RunSet::new(runs, crate::time::utc_date),
            &[0],
            Some((price, "USD")),
            &Names::default(),
        );
        let mut lines = csv.split("\r\n");
        assert!(lines
            .next()
            .unwrap()
            .starts_with("\u{feff}run_id,workflow_id,"));
        assert_eq!(lines.next().unwrap(), "\"'=cmd\",\"billing\",\"running\",\"schedule\",\"2026-11-20T10:00:00Z\",\"\",,1234.5000,true,2.469");
    }

    fn plain_shape(names: &Names) -> SubtotalsShape<'_> {
        SubtotalsShape {
            group: GroupBy::Workflow,
            currency: None,
            previous: None,
            names,
        }
    }

    #[test]
    fn subtotals_csv_ends_with_the_total() {
        let names = Names::default();
        let runs = vec![
            run("a", "w1", "success", "", Some(1.0), None),
            run("b", "w2", "failure", "", Some(2.0), None),
        ];
        let csv = subtotals_csv(
            &compute(&runs, &[0, 1], None, GroupBy::Workflow),
            plain_shape(&names),
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(lines.len(), 4);
        assert!(lines[0].ends_with("row,workflow_id,runs,total_cu,average_cu,largest_run_cu,failed_cancelled_cu,runs_in_progress,runs_without_cu"));
        assert_eq!(
            lines[1],
            "\"workflow\",\"w2\",1,2.0000,2.0000,2.0000,2.0000,0,0"
        );
        assert_eq!(lines[3], "\"total\",,2,3.0000,1.5000,2.0000,2.0000,0,0");
        // A workflow called TOTAL is a workflow row.
        let runs = vec![run("c", "TOTAL", "success", "", Some(1.0), None)];
        let csv = subtotals_csv(
            &compute(&runs, &[0], None, GroupBy::Workflow),
            plain_shape(&names),
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert_eq!(
            lines[1],
            "\"workflow\",\"TOTAL\",1,1.0000,1.0000,1.0000,0.0000,0,0"
        );
        assert_eq!(lines[2], "\"total\",,1,1.0000,1.0000,1.0000,0.0000,0,0");
    }

    #[test]
    fn subtotals_csv_follows_the_grouping_the_comparison_and_the_names() {
        use crate::compare::Previous;
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
            currency: None,
            previous: Some(&prev),
            names: &names,
        };
        let csv = subtotals_csv(&compute(&runs, &[0, 1], None, GroupBy::Workflow), shape);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[0].ends_with("row,workflow_id,workflow_name,runs,total_cu,average_cu,largest_run_cu,failed_cancelled_cu,runs_in_progress,runs_without_cu,previous_cu,change_cu,change_cu_percent"));
        assert_eq!(lines[1], "\"workflow\",\"w1\",\"Billing, \"\"v2\"\"\",1,3.0000,3.0000,3.0000,0.0000,0,0,2.0000,1.0000,50.0");
        assert_eq!(
            lines[2],
            "\"workflow\",\"w2\",,1,1.0000,1.0000,1.0000,0.0000,0,0,0.0000,,"
        );
        // A group only in the previous period: a zero row, so Previous adds up.
        assert_eq!(
            lines[3],
            "\"workflow\",\"w3\",,0,0.0000,,,0.0000,0,0,5.0000,-5.0000,-100.0"
        );
        assert_eq!(
            lines[4],
            "\"total\",,,2,4.0000,2.0000,3.0000,0.0000,0,0,7.0000,-3.0000,-42.9"
        );
        // By trigger; a previous period not loaded leaves the cells empty.
        let unknown = Previous {
            loaded: false,
            ..prev.clone()
        };
        let shape = SubtotalsShape {
            group: GroupBy::Trigger,
            previous: Some(&unknown),
            ..shape
        };
        let csv = subtotals_csv(&compute(&runs, &[0, 1], None, GroupBy::Trigger), shape);
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[0].contains("row,trigger_source,runs,"));
        assert_eq!(
            lines[1],
            "\"trigger\",\"cronjob\",1,3.0000,3.0000,3.0000,0.0000,0,0,,,"
        );
        // Formula-guarded like every text cell.
        assert_eq!(
            lines[2],
            "\"trigger\",\"'=cmd\",1,1.0000,1.0000,1.0000,0.0000,0,0,,,"
        );
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
            &RunSet::new(runs, crate::time::utc_date),
            &[0],
            None,
            &names,
        );
        let lines: Vec<&str> = csv.trim_end().split("\r\n").collect();
        assert!(lines[0].starts_with("\u{feff}run_id,workflow_id,workflow_name,status,"));
        assert!(lines[1].starts_with("\"r\",\"w1\",\"'@Billing\",\"success\","));
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
