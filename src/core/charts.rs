//! Chart data, aggregated before anything is drawn: at 100,000 runs the
//! charts still draw tens of shapes (11 bars; one path per stacked series).
//!
//! Colours here are ranks (the n-th largest group gets colour `n`, 0..10;
//! everything else shares [`OTHER_COLOUR`]); the views replace them with
//! the instance's [`ColourBook`], which gives each group key a colour of
//! its own that it keeps across periods, filters and views.

use std::collections::HashMap;
use std::fmt::Write as _;

use crate::core::compare::sort_rows;
use crate::core::cu::CuTotal;
use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::period::Granularity;
use crate::core::store::RunSet;
use crate::core::subtotals::{GroupBy, SubColumn, Subtotal, Subtotals};
use crate::core::time::utc_date;

/// Workflows with a bar of their own; the rest are one "Other" bar.
pub const TOP_BARS: usize = 10;
/// Workflows with a series of their own in the day chart.
pub const TOP_SERIES: usize = 5;
/// The colour of "Other" (and of workflows ranked below [`TOP_BARS`]).
pub const OTHER_COLOUR: usize = TOP_BARS;
/// The day chart covers at most this many days (the latest ones).
pub const MAX_DAYS: i64 = 731;

/// The colour index of the workflow ranked `rank` by CU (0 = largest).
pub fn colour_of(rank: usize) -> usize {
    rank.min(OTHER_COLOUR)
}

/// A key's own colour: FNV-1a of its bytes, modulo the palette (the same
/// in every browser and session).
pub fn key_colour(key: &str) -> usize {
    let mut hash: u32 = 0x811c_9dc5;
    for &b in key.as_bytes() {
        hash = (hash ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    (hash % TOP_BARS as u32) as usize
}

/// The colours given to group keys, for one instance and one grouping: a
/// key keeps the colour it got first, whatever the period, filters or
/// view. A new key gets its own colour ([`key_colour`]), or the next one
/// no key holds yet; once all [`TOP_BARS`] are held, its own (shared).
/// The first view's groups (the largest, first) get distinct colours.
#[derive(Debug, Default)]
pub struct ColourBook {
    /// Each key's colour, and when it got it (0 = first).
    of: HashMap<String, (usize, u32)>,
    taken: [bool; TOP_BARS],
}

impl ColourBook {
    /// The colour of `key`, giving it one when it has none yet.
    pub fn colour(&mut self, key: &str) -> usize {
        if let Some(&(c, _)) = self.of.get(key) {
            return c;
        }
        let mut c = key_colour(key);
        if self.taken.iter().any(|t| !t) {
            while self.taken[c] {
                c = (c + 1) % TOP_BARS;
            }
            self.taken[c] = true;
        }
        let seq = self.of.len() as u32;
        self.of.insert(key.to_owned(), (c, seq));
        c
    }

    /// The colours of one view's groups (`keys`, at most [`TOP_BARS`]): no
    /// two share one. Keys that already have a colour keep it, in the order
    /// they got it, while no other in the view shows it; the others (new keys,
    /// and the smaller of two keys that hold the same colour) take their
    /// own colour if it is free in the view, else the next free one, and
    /// keep it from then on.
    pub fn assign(&mut self, keys: &[&str]) -> Vec<usize> {
        let keys = &keys[..keys.len().min(TOP_BARS)];
        let mut shown = [false; TOP_BARS];
        let mut out: Vec<Option<usize>> = vec![None; keys.len()];
        // Keys with a colour claim it in the order they got it.
        let known: Vec<(u32, usize, usize)> = keys
            .iter()
            .enumerate()
            .filter_map(|(i, key)| self.of.get(*key).map(|&(c, seq)| (seq, i, c)))
            .collect();
        let mut order: Vec<usize> = (0..known.len()).collect();
        crate::core::sort::sort_positions(&mut order, &|a, b| known[a].0.cmp(&known[b].0));
        for k in order {
            let (_, i, c) = known[k];
            if !shown[c] {
                shown[c] = true;
                out[i] = Some(c);
            }
        }
        for (key, slot) in keys.iter().zip(out.iter_mut()) {
            if slot.is_none() {
                let mut c = self.colour(key);
                while shown[c] {
                    c = (c + 1) % TOP_BARS;
                }
                shown[c] = true;
                let seq = self.of.get(*key).map_or(self.of.len() as u32, |e| e.1);
                self.of.insert((*key).to_owned(), (c, seq));
                *slot = Some(c);
            }
        }
        out.into_iter().map(|c| c.unwrap_or(OTHER_COLOUR)).collect()
    }
}

/// One bar of "CU by workflow".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    /// The workflow; `None` for "Other".
    pub key: Option<String>,
    /// CU of the runs it covers.
    pub cu: CuTotal,
    /// Runs it covers.
    pub runs: usize,
    /// Colour index.
    pub colour: usize,
    /// Groups merged into it ("Other" only; 1 otherwise).
    pub workflows: usize,
    /// How the key reads on screen; empty: the key itself.
    pub name: String,
    /// Its share of the CU, in tenths of a percent: a top row's is its
    /// share in the subtotals table; "Other"'s its own, rounded half up
    /// (so the bars may add up to 100.0 % ± a few tenths).
    pub share: Option<u16>,
}

impl Bar {
    /// The bar's label ("Other" for the rest).
    pub fn label(&self, f: &Formatter) -> String {
        if !self.name.is_empty() {
            return self.name.clone();
        }
        self.key.clone().unwrap_or_else(|| f.t(M::other))
    }
}

/// The top [`TOP_BARS`] workflows by CU, in the subtotals table's order, and
/// one "Other" bar (last) for the rest. The bars' CU add up to the total.
pub fn group_bars(
    s: &Subtotals,
    col: SubColumn,
    descending: bool,
    before: &crate::core::compare::Lookup,
) -> Vec<Bar> {
    let top = s.rows.len().min(TOP_BARS);
    let rank: HashMap<&str, usize> = s.rows[..top]
        .iter()
        .enumerate()
        .map(|(i, r)| (r.key.as_str(), i))
        .collect();
    let mut rows: Vec<&Subtotal> = s.rows[..top].iter().collect();
    sort_rows(&mut rows, col, descending, before);
    let mut bars: Vec<Bar> = rows
        .into_iter()
        .map(|r| Bar {
            key: Some(r.key.clone()),
            cu: r.cu,
            runs: r.runs,
            colour: colour_of(rank[r.key.as_str()]),
            workflows: 1,
            name: String::new(),
            share: r.share,
        })
        .collect();
    let rest = &s.rows[top..];
    if !rest.is_empty() {
        let mut cu = CuTotal::default();
        for r in rest {
            cu.add_total(r.cu);
        }
        bars.push(Bar {
            key: None,
            cu,
            runs: rest.iter().map(|r| r.runs).sum(),
            colour: OTHER_COLOUR,
            workflows: rest.len(),
            name: String::new(),
            // Its own share: the rest's table shares, each rounded by the
            // largest remainder across thousands of rows, can add up to a
            // figure far from it (1.2 % for 1.336 %).
            share: crate::core::subtotals::share_of(cu, s.total.cu),
        });
    }
    bars
}

/// `value` with exactly `decimals` decimals (at most 6), for SVG
/// coordinates and CSS widths: integer formatting, so the wasm links none of
/// core's float printing. `-0.000` is written `0.000`.
pub fn fixed(value: f64, decimals: u32) -> String {
    let digits = decimals.min(6);
    let scale = 10i64.pow(digits);
    let scaled = if value.is_finite() {
        (value * scale as f64).round() as i64
    } else {
        0
    };
    let sign = if scaled < 0 { "-" } else { "" };
    let (abs, scale) = (scaled.unsigned_abs(), scale as u64);
    if digits == 0 {
        return format!("{sign}{abs}");
    }
    format!(
        "{sign}{}.{:0width$}",
        abs / scale,
        abs % scale,
        width = digits as usize
    )
}

/// `part / whole` in 0..=1 for drawing (never for figures shown as text).
pub fn fraction(part: CuTotal, whole: CuTotal) -> f64 {
    if whole.0 == 0 {
        0.0
    } else {
        (part.as_f64() / whole.as_f64()).clamp(0.0, 1.0)
    }
}

/// The bar chart's accessible name: its main fact, the largest shares.
pub fn group_chart_name(
    s: &Subtotals,
    fmt: &Formatter,
    group: GroupBy,
    label: &dyn Fn(&str) -> String,
) -> String {
    let by = group.noun(fmt);
    if s.rows.is_empty() {
        return fmt.tf(M::barsNameEmpty, &[("by", &by)]);
    }
    let shown = s.rows.len().min(3);
    let mut parts: Vec<String> = s.rows[..shown]
        .iter()
        .map(|r| {
            fmt.tf(
                M::barsNamePart,
                &[("name", &label(&r.key)), ("share", &fmt.share(r.share))],
            )
        })
        .collect();
    let mut list = parts.join(&fmt.t(M::listSep));
    match s.rows.len() - shown {
        0 => {}
        n => {
            let more = crate::core::subtotals::more_groups(group, n, fmt);
            list = fmt.tf(M::barsNameMore, &[("list", &list), ("more", &more)]);
        }
    }
    parts.clear();
    fmt.tf(
        M::barsName,
        &[
            ("by", &by),
            ("list", &list),
            ("total", &fmt.cu_total(s.total.cu)),
        ],
    )
}

/// A series of the day chart: a top group (workflow, trigger or status) or
/// "Other".
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    /// The group's key; `None` for "Other".
    pub key: Option<String>,
    /// Colour index.
    pub colour: usize,
    /// How the key reads on screen (a workflow's name, a trigger's label);
    /// empty: the key itself.
    pub name: String,
}

impl Series {
    /// The series' label ("Other" for the rest).
    pub fn label(&self, f: &Formatter) -> String {
        if !self.name.is_empty() {
            return self.name.clone();
        }
        self.key.clone().unwrap_or_else(|| f.t(M::other))
    }
}

/// One day of the day chart.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayStack {
    /// `YYYY-MM-DD` in the billing time zone.
    pub day: String,
    /// Runs started that day.
    pub runs: usize,
    /// CU of those runs.
    pub total: CuTotal,
    /// CU per series (same order as [`Daily::series`]).
    pub parts: Vec<CuTotal>,
}

/// "CU per day" (or week, or month): every bucket from the first to the
/// last run in scope.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Daily {
    /// Bucket size.
    pub granularity: Granularity,
    /// Top workflows by CU, then "Other" when there are more.
    pub series: Vec<Series>,
    /// Consecutive days, empty ones included.
    pub days: Vec<DayStack>,
    /// Runs in scope without a start time (in no day).
    pub undated: usize,
    /// Runs before the first day shown (the chart covers [`MAX_DAYS`]).
    pub earlier: usize,
    /// The largest day total.
    pub max: CuTotal,
    /// From the usage ledger (UTC days, no run counts), not from runs.
    pub from_ledger: bool,
}

/// How the time chart is cut and stacked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    /// What the series are (the subtotals' grouping).
    pub group: GroupBy,
    /// Day, week or month buckets.
    pub granularity: Granularity,
    /// First day of a week (ISO weekday).
    pub week_start: u8,
}

impl Default for Shape {
    fn default() -> Shape {
        Shape {
            group: GroupBy::Workflow,
            granularity: Granularity::Day,
            week_start: 1,
        }
    }
}

/// How a bucket reads: `Nov 28, 2026`, `week of Nov 23, 2026`,
/// `November 2026` (the screen's one date style).
pub fn bucket_label(start: &str, granularity: Granularity, f: &Formatter) -> String {
    match granularity {
        Granularity::Day => crate::core::period::medium_date(start, f),
        Granularity::Week => f.tf(
            M::weekOf,
            &[("date", &crate::core::period::medium_date(start, f))],
        ),
        Granularity::Month => crate::core::period::month_label(start, f),
    }
}

/// A bucket's start on the chart's axis: `Nov 28, 2026`, or
/// `November 2026` for months.
pub fn axis_label(start: &str, granularity: Granularity, f: &Formatter) -> String {
    match granularity {
        Granularity::Month => crate::core::period::month_label(start, f),
        _ => crate::core::period::medium_date(start, f),
    }
}

/// Aggregates run `i` of `set` for `i` in `indices` by start day (`set.day_of`,
/// already in the billing time zone) and by series (the top
/// [`TOP_SERIES`] workflows of `s`). One pass over the runs.
pub fn daily(set: &RunSet, indices: &[usize], s: &Subtotals, shape: Shape) -> Daily {
    let Shape {
        group,
        granularity,
        week_start,
    } = shape;
    let top = s.rows.len().min(TOP_SERIES);
    let mut series: Vec<Series> = s.rows[..top]
        .iter()
        .enumerate()
        .map(|(i, r)| Series {
            key: Some(r.key.clone()),
            colour: colour_of(i),
            name: String::new(),
        })
        .collect();
    if s.rows.len() > top {
        series.push(Series {
            key: None,
            colour: OTHER_COLOUR,
            name: String::new(),
        });
    }
    // Series slot per group id of the set (the top ones, else "Other").
    let (group_of, keys) = group.ids(set);
    let slot_of: Vec<usize> = keys
        .iter()
        .map(|w| {
            s.rows[..top]
                .iter()
                .position(|r| r.key == *w)
                .unwrap_or(top)
        })
        .collect();
    let width = series.len();
    // Runs and CU per series for each day id, as plain integers in flat
    // arrays, over the columns as slices (one pass over up to a million
    // runs on every filter change); a day's CU is the sum of its series'.
    let days = set.day_names.len();
    let (mut runs, mut parts) = (vec![0usize; days], vec![0u128; days * width]);
    {
        let n = set.len();
        let (day_of, cu_of, group_of) = (&set.day_of[..n], &set.cu_column()[..n], &group_of[..n]);
        let (slot_of, runs, parts) = (
            slot_of.as_slice(),
            runs.as_mut_slice(),
            parts.as_mut_slice(),
        );
        for &i in indices {
            let d = day_of[i] as usize;
            runs[d] += 1;
            let cu = cu_of[i];
            if cu != crate::core::store::NO_CU {
                parts[d * width + slot_of[group_of[i] as usize]] += u128::from(cu);
            }
        }
    }
    let by_day = (0..days).map(|d| {
        (runs[d] > 0).then(|| {
            let series: Vec<CuTotal> = parts[d * width..(d + 1) * width]
                .iter()
                .map(|&p| CuTotal(p))
                .collect();
            let mut total = CuTotal::default();
            for p in &series {
                total.add_total(*p);
            }
            DayStack {
                runs: runs[d],
                total,
                parts: series,
                ..DayStack::default()
            }
        })
    });
    let mut undated = 0;
    let mut keyed: Vec<(i64, DayStack)> = Vec::with_capacity(by_day.len());
    for (day, stack) in set.day_names.iter().zip(by_day) {
        let Some(stack) = stack else { continue };
        match crate::core::period::parse(day) {
            Some(n) => keyed.push((n, stack)),
            None => undated += stack.runs,
        }
    }
    let (Some(first), Some(last)) = (
        keyed.iter().map(|k| k.0).min(),
        keyed.iter().map(|k| k.0).max(),
    ) else {
        return Daily {
            granularity,
            series,
            undated,
            ..Daily::default()
        };
    };
    let start = granularity.bucket(first.max(last - MAX_DAYS + 1), week_start);
    let mut starts = Vec::new();
    let mut b = start;
    while b <= last {
        starts.push(b);
        b = granularity.next(b);
    }
    let mut days: Vec<DayStack> = starts
        .iter()
        .map(|&n| DayStack {
            day: utc_date(n * 86_400_000),
            parts: vec![CuTotal::default(); width],
            ..DayStack::default()
        })
        .collect();
    let mut earlier = 0;
    for (n, stack) in keyed {
        if n < start {
            earlier += stack.runs;
        } else {
            let at = starts.partition_point(|&b| b <= n) - 1;
            let slot = &mut days[at];
            slot.runs += stack.runs;
            slot.total.add_total(stack.total);
            for (acc, part) in slot.parts.iter_mut().zip(stack.parts) {
                acc.add_total(part);
            }
        }
    }
    let max = days.iter().map(|d| d.total).max().unwrap_or_default();
    Daily {
        granularity,
        series,
        days,
        undated,
        earlier,
        max,
        from_ledger: false,
    }
}

/// The day chart's accessible name: its span and its peak.
pub fn daily_chart_name(d: &Daily, zone: &str, fmt: &Formatter) -> String {
    let unit = d.granularity;
    let (Some(first), Some(last)) = (d.days.first(), d.days.last()) else {
        return fmt.tf(
            M::dayNameEmpty,
            &[("unit", &unit_word(unit, fmt)), ("zone", zone)],
        );
    };
    let peak = d
        .days
        .iter()
        .rev()
        .max_by_key(|day| day.total)
        .unwrap_or(first);
    let label = |day: &DayStack| bucket_label(&day.day, d.granularity, fmt);
    let n = d.days.len() as u64;
    let count = fmt.tn(unit_count(unit), n, &[]);
    let span = if n == 1 {
        fmt.tf(
            M::daySpanOne,
            &[("count", &count), ("first", &label(first))],
        )
    } else {
        fmt.tf(
            M::daySpan,
            &[
                ("count", &count),
                ("first", &label(first)),
                ("last", &label(last)),
            ],
        )
    };
    fmt.tf(
        M::dayName,
        &[
            ("unit", &unit_word(unit, fmt)),
            ("zone", zone),
            ("span", &span),
            ("peak", &label(peak)),
            ("cu", &fmt.cu_total(peak.total)),
        ],
    )
}

/// "day", "week", "month" as in "CU per day".
pub fn unit_word(g: Granularity, f: &Formatter) -> String {
    f.t(match g {
        Granularity::Day => M::unitDay,
        Granularity::Week => M::unitWeek,
        Granularity::Month => M::unitMonth,
    })
}

/// "3 days", "1 week", "2 months".
fn unit_count(g: Granularity) -> M {
    match g {
        Granularity::Day => M::nDays,
        Granularity::Week => M::nWeeks,
        Granularity::Month => M::nMonths,
    }
}

/// What hovering or focusing a day shows (and what the keyboard control
/// announces): the day's total, its runs and the breakdown by series.
pub fn day_detail(d: &Daily, index: usize, fmt: &Formatter) -> String {
    let Some(day) = d.days.get(index) else {
        return String::new();
    };
    let text = fmt.tf(
        M::dayDetail,
        &[
            ("day", &bucket_label(&day.day, d.granularity, fmt)),
            ("cu", &fmt.cu_total(day.total)),
            ("runs", &fmt.tn(M::runCount, day.runs as u64, &[])),
        ],
    );
    let parts: Vec<String> = d
        .series
        .iter()
        .zip(&day.parts)
        .filter(|(_, cu)| cu.0 > 0)
        .map(|(s, cu)| {
            fmt.tf(
                M::dayDetailPart,
                &[("name", &s.label(fmt)), ("cu", &fmt.cu_total(*cu))],
            )
        })
        .collect();
    if parts.is_empty() {
        return text;
    }
    fmt.tf(
        M::dayDetailParts,
        &[("total", &text), ("list", &parts.join(&fmt.t(M::listSep)))],
    )
}

/// The running total of the buckets (exact), for the cumulative line.
pub fn cumulative(d: &Daily) -> Vec<CuTotal> {
    let mut sum = CuTotal::default();
    d.days
        .iter()
        .map(|day| {
            sum.add_total(day.total);
            sum
        })
        .collect()
}

/// The top of the cumulative axis: the larger of the budget and the last
/// running total (the right-hand axis label).
pub fn cumulative_top(d: &Daily, budget: CuTotal) -> CuTotal {
    let last = d.days.iter().fold(CuTotal::default(), |mut sum, day| {
        sum.add_total(day.total);
        sum
    });
    last.max(budget)
}

/// The cumulative line against a budget, in the plot's coordinates
/// (`0 0 buckets 100`, on the cumulative axis from 0 to
/// [`cumulative_top`]): the polyline's points and the budget line's y.
pub fn cumulative_line(d: &Daily, budget: CuTotal) -> (String, f64) {
    let sums = cumulative(d);
    let top = cumulative_top(d, budget);
    let scale = if top.0 == 0 {
        0.0
    } else {
        100.0 / top.as_f64()
    };
    let mut points = String::new();
    for (x, sum) in sums.iter().enumerate() {
        let _ = write!(
            points,
            "{},{} ",
            fixed(x as f64 + 0.5, 2),
            fixed(100.0 - sum.as_f64() * scale, 3)
        );
    }
    (
        points.trim_end().to_owned(),
        100.0 - budget.as_f64() * scale,
    )
}

/// What the cumulative line says about the budget, for the chart's
/// accessible name: the bucket where the running total reaches it, or that
/// it stays below.
pub fn budget_note(d: &Daily, budget: CuTotal, fmt: &Formatter) -> String {
    let sums = cumulative(d);
    let text = fmt.cu_setting(budget);
    match sums.iter().position(|s| *s >= budget) {
        Some(i) => fmt.tf(
            match d.granularity {
                Granularity::Day => M::budgetReachedOn,
                Granularity::Week => M::budgetReachedWeek,
                Granularity::Month => M::budgetReachedMonth,
            },
            &[
                ("budget", &text),
                ("when", &bucket_label(&d.days[i].day, d.granularity, fmt)),
            ],
        ),
        None => fmt.tf(
            M::budgetBelow,
            &[
                ("budget", &text),
                (
                    "cu",
                    &fmt.cu_total(sums.last().copied().unwrap_or_default()),
                ),
            ],
        ),
    }
}

/// One SVG path per series: a rectangle per day, stacked from the bottom in
/// series order, in a `days × 100` view box.
pub fn stack_paths(d: &Daily) -> Vec<String> {
    let mut paths = vec![String::new(); d.series.len()];
    if d.max.0 == 0 {
        return paths;
    }
    let scale = 100.0 / d.max.as_f64();
    for (x, day) in d.days.iter().enumerate() {
        let mut base = 100.0;
        for (k, part) in day.parts.iter().enumerate() {
            if part.0 == 0 {
                continue;
            }
            let h = part.as_f64() * scale;
            let top = base - h;
            let _ = write!(
                paths[k],
                "M{} {}h0.8v{}h-0.8z",
                fixed(x as f64 + 0.1, 2),
                fixed(top, 3),
                fixed(h, 3)
            );
            base = top;
        }
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Formatter {
        Formatter::plain(None)
    }
    use crate::core::subtotals::{compute, GroupBy};
    use crate::core::test_support::run;

    fn set_of(runs: Vec<crate::core::run::Run>) -> RunSet {
        RunSet::new(runs, utc_date)
    }

    fn many_workflows(n: usize) -> RunSet {
        let runs = (0..n)
            .map(|i| {
                run(
                    &format!("r{i}"),
                    &format!("wf{i:02}"),
                    "success",
                    "2026-11-02T10:00:00Z",
                    Some((i + 1) as f64),
                    None,
                )
            })
            .collect();
        set_of(runs)
    }

    #[test]
    fn top_ten_bars_plus_other_add_up_to_the_total() {
        let set = many_workflows(13);
        let idx: Vec<usize> = (0..13).collect();
        let s = compute(&set.to_runs(), &idx, None, GroupBy::Workflow);
        let bars = group_bars(
            &s,
            SubColumn::Cu,
            true,
            &crate::core::compare::Lookup::new(None),
        );
        assert_eq!(bars.len(), 11);
        assert_eq!(bars[0].label(&en()), "wf12");
        assert_eq!(bars[0].colour, 0);
        let other = bars.last().unwrap();
        assert_eq!(other.label(&en()), "Other");
        assert_eq!(other.workflows, 3);
        assert_eq!(other.cu.to_plain(), "6.0000");
        assert_eq!(other.colour, OTHER_COLOUR);
        let mut sum = CuTotal::default();
        bars.iter().for_each(|b| sum.add_total(b.cu));
        assert_eq!(sum, s.total.cu);
    }

    #[test]
    fn a_key_keeps_its_colour_in_the_book() {
        let mut book = ColourBook::default();
        // Keys that hash alike still get distinct colours while any is free.
        let keys: Vec<String> = (0..10).map(|i| format!("wf{i:02}")).collect();
        let first: Vec<usize> = keys.iter().map(|k| book.colour(k)).collect();
        let distinct: std::collections::HashSet<usize> = first.iter().copied().collect();
        assert_eq!(distinct.len(), 10);
        assert!(first.iter().all(|c| *c < TOP_BARS));
        // Asked again, in another order (another period's ranks): the same.
        for (k, c) in keys.iter().zip(&first).rev() {
            assert_eq!(book.colour(k), *c);
        }
        // Past ten keys, a key gets its own colour (shared) and keeps it.
        let c = book.colour("eleventh");
        assert_eq!(c, key_colour("eleventh"));
        assert_eq!(book.colour("eleventh"), c);
        // In one view no two groups share a colour: the key that had it
        // first keeps it, even when it is the smaller group; the other
        // moves and keeps its new colour.
        let holder = keys.iter().zip(&first).find(|(_, f)| **f == c).unwrap().0;
        let view = book.assign(&["eleventh", holder.as_str()]);
        assert_eq!(view[1], c);
        assert_ne!(view[0], c);
        assert_eq!(book.colour("eleventh"), view[0]);
        // A view of all of them: ten distinct colours.
        let all: Vec<&str> = keys.iter().map(String::as_str).collect();
        let view = book.assign(&all);
        let distinct: std::collections::HashSet<usize> = view.iter().copied().collect();
        assert_eq!(distinct.len(), 10);
        assert_eq!(key_colour("billing-sync"), 2);
    }

    #[test]
    fn bars_follow_the_table_sort_and_keep_their_colours() {
        let set = many_workflows(4);
        let s = compute(&set.to_runs(), &[0, 1, 2, 3], None, GroupBy::Workflow);
        let bars = group_bars(
            &s,
            SubColumn::Workflow,
            false,
            &crate::core::compare::Lookup::new(None),
        );
        let labels: Vec<String> = bars.iter().map(|b| b.label(&en())).collect();
        assert_eq!(labels, ["wf00", "wf01", "wf02", "wf03"]);
        // Colours are CU ranks, whatever the order.
        assert_eq!(bars[3].colour, 0);
        assert_eq!(bars[0].colour, 3);
        assert!(bars.iter().all(|b| b.key.is_some()));
    }

    #[test]
    fn chart_names_state_the_main_fact() {
        let fmt = Formatter::plain(None);
        let set = many_workflows(5);
        let s = compute(&set.to_runs(), &[0, 1, 2, 3, 4], None, GroupBy::Workflow);
        assert_eq!(
            group_chart_name(&s, &fmt, GroupBy::Workflow, &|k| k.to_owned()),
            "CU by workflow: wf04 33.3 %, wf03 26.7 %, wf02 20.0 %, and 2 more workflows (total 15.0000 CU)"
        );
        assert_eq!(
            group_chart_name(&Subtotals::default(), &fmt, GroupBy::Workflow, &|k| k
                .to_owned()),
            "CU by workflow: no runs in scope"
        );
        let d = daily(&set, &[0, 1, 2, 3, 4], &s, Shape::default());
        assert_eq!(
            daily_chart_name(&d, "UTC", &fmt),
            "CU per day (UTC): 1 day, Nov 2, 2026; peak Nov 2, 2026 with 15.0000 CU"
        );
        assert_eq!(
            daily_chart_name(&Daily::default(), "UTC", &fmt),
            "CU per day (UTC): no dated runs in scope"
        );
    }

    #[test]
    fn days_are_consecutive_stacked_and_exact() {
        let runs = vec![
            run(
                "a",
                "big",
                "success",
                "2026-11-01T23:30:00Z",
                Some(0.1),
                None,
            ),
            run(
                "b",
                "big",
                "running",
                "2026-11-04T01:00:00Z",
                Some(0.2),
                None,
            ),
            run(
                "c",
                "small",
                "failure",
                "2026-11-04T02:00:00Z",
                Some(0.05),
                None,
            ),
            run("d", "small", "success", "not a date", Some(9.0), None),
            run("e", "big", "success", "2026-11-01T00:00:00Z", None, None),
        ];
        let set = set_of(runs);
        let idx = [0, 1, 2, 3, 4];
        let s = compute(&set.to_runs(), &idx, None, GroupBy::Workflow);
        let d = daily(&set, &idx, &s, Shape::default());
        let days: Vec<&str> = d.days.iter().map(|x| x.day.as_str()).collect();
        assert_eq!(
            days,
            ["2026-11-01", "2026-11-02", "2026-11-03", "2026-11-04"]
        );
        assert_eq!(d.undated, 1);
        assert_eq!(d.days[0].runs, 2);
        assert_eq!(d.days[0].total.to_plain(), "0.1000");
        assert_eq!(d.days[1].runs, 0);
        assert_eq!(d.days[3].total.to_plain(), "0.2500");
        assert_eq!(d.max.to_plain(), "0.2500");
        // "small" has more CU overall (the undated 9.0 counts in subtotals).
        assert_eq!(d.series[0].label(&en()), "small");
        assert_eq!(
            day_detail(&d, 3, &Formatter::plain(None)),
            "Nov 4, 2026: 0.2500 CU in 2 runs — small 0.0500, big 0.2000"
        );
        assert_eq!(
            day_detail(&d, 1, &Formatter::plain(None)),
            "Nov 2, 2026: 0.0000 CU in 0 runs"
        );
        let paths = stack_paths(&d);
        assert_eq!(paths.len(), 2);
        assert!(
            paths[1].starts_with("M0.10 60.000h0.8v40.000"),
            "{}",
            paths[1]
        );
        assert!(
            paths[0].contains("M3.10 80.000h0.8v20.000h-0.8z"),
            "{}",
            paths[0]
        );
    }

    #[test]
    fn long_spans_keep_the_latest_days() {
        let runs = vec![
            run("a", "w", "success", "2020-01-01T00:00:00Z", Some(1.0), None),
            run("b", "w", "success", "2026-11-01T00:00:00Z", Some(2.0), None),
        ];
        let set = set_of(runs);
        let s = compute(&set.to_runs(), &[0, 1], None, GroupBy::Workflow);
        let d = daily(&set, &[0, 1], &s, Shape::default());
        assert_eq!(d.days.len() as i64, MAX_DAYS);
        assert_eq!(d.earlier, 1);
        assert_eq!(d.days.last().unwrap().day, "2026-11-01");
    }

    #[test]
    fn parse_day_round_trips() {
        for n in [-1, 0, 18_000, 20_000, 20_424] {
            assert_eq!(
                crate::core::period::parse(&utc_date(n * 86_400_000)),
                Some(n)
            );
        }
        assert_eq!(crate::core::period::parse("2026-13-01"), None);
        assert_eq!(crate::core::period::parse("26-11-01"), None);
        assert_eq!(crate::core::period::parse(""), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use crate::core::subtotals::{compute, GroupBy};
    use crate::core::test_support::run;
    use proptest::prelude::*;

    proptest! {
        /// `fixed` writes what `{:.N}` writes, up to the last digit of a
        /// near tie (where f64 multiplication and core's exact decimal
        /// expansion may round apart): checked by value, and by text away
        /// from ties.
        #[test]
        fn fixed_reads_like_float_formatting(v in -1.0e6f64..1.0e6, decimals in 0u32..=3) {
            let ours = fixed(v, decimals);
            let theirs = format!("{v:.prec$}", prec = decimals as usize);
            let step = 10f64.powi(-(decimals as i32));
            prop_assert!((ours.parse::<f64>().unwrap() - v).abs() <= step / 2.0 + 1e-9, "{} for {}", ours, v);
            let frac = (v.abs() / step).fract();
            if (frac - 0.5).abs() > 1e-6 && theirs != "-0" && !theirs.starts_with("-0.") {
                prop_assert_eq!(ours, theirs);
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// Bars add up to the total; each day's parts add up to its total; the
        /// days plus the undated runs add up to the total as well.
        #[test]
        fn charts_add_up_to_the_totals(values in proptest::collection::vec((0usize..40, 0i64..40, proptest::option::weighted(0.9, 0u32..5_000_000)), 0..80)) {
            let runs: Vec<crate::core::run::Run> = values.iter().enumerate().map(|(i, (wf, day, cu))| {
                let started = if *day == 0 { "bad".to_owned() } else { format!("{}T12:00:00Z", utc_date((20_000 + day) * 86_400_000)) };
                run(&format!("r{i}"), &format!("wf{wf}"), "success", &started, cu.map(|c| f64::from(c) / 10_000.0), None)
            }).collect();
            let set = RunSet::new(runs, utc_date);
            let idx: Vec<usize> = (0..set.len()).collect();
            let s = compute(&set.to_runs(), &idx, None, GroupBy::Workflow);
            let mut bars_sum = CuTotal::default();
            for b in group_bars(&s, SubColumn::Workflow, false, &crate::core::compare::Lookup::new(None)) {
                bars_sum.add_total(b.cu);
            }
            prop_assert_eq!(bars_sum, s.total.cu);
            // Every bar's share is near its own exact share: a top row's
            // within a tenth (the table's largest remainder), "Other"'s
            // within half a tenth, however many workflows it holds. The
            // oracle: the exact fraction, compared in integers.
            for b in group_bars(&s, SubColumn::Workflow, false, &crate::core::compare::Lookup::new(None)) {
                let (part, total) = (b.cu.0, s.total.cu.0);
                let Some(tenths) = b.share else {
                    prop_assert_eq!(total, 0);
                    continue;
                };
                let off = (u128::from(tenths) * total).abs_diff(part * 1_000);
                let bound = if b.key.is_none() { total / 2 } else { total };
                prop_assert!(off <= bound, "{:?}: {} tenths of {} for {}", b.key, tenths, total, part);
            }
            let d = daily(&set, &idx, &s, Shape::default());
            let mut days_sum = CuTotal::default();
            for day in &d.days {
                let mut parts = CuTotal::default();
                day.parts.iter().for_each(|p| parts.add_total(*p));
                prop_assert_eq!(parts, day.total);
                days_sum.add_total(day.total);
            }
            let mut undated = CuTotal::default();
            for (i, r) in set.to_runs().iter().enumerate() {
                if set.day(i).is_empty() {
                    if let Some(cu) = r.cu { undated.add(cu); }
                }
            }
            days_sum.add_total(undated);
            prop_assert_eq!(days_sum, s.total.cu);
            prop_assert_eq!(d.days.iter().map(|x| x.runs).sum::<usize>() + d.undated, set.len());
            prop_assert!(d.series.len() <= TOP_SERIES + 1);
            // Every day's runs and each series' CU, summed run by run.
            let runs = set.to_runs();
            for day in &d.days {
                let of_day: Vec<&crate::core::run::Run> = (0..set.len()).filter(|&i| set.day(i) == day.day).map(|i| &runs[i]).collect();
                prop_assert_eq!(day.runs, of_day.len());
                for (series, part) in d.series.iter().zip(&day.parts) {
                    let mut slow = CuTotal::default();
                    for r in &of_day {
                        let mine = match &series.key {
                            Some(k) => &r.workflow_id == k,
                            None => !d.series.iter().any(|s| s.key.as_deref() == Some(r.workflow_id.as_str())),
                        };
                        if let (true, Some(cu)) = (mine, r.cu) { slow.add(cu); }
                    }
                    prop_assert_eq!(*part, slow);
                }
            }
        }
    }
}
