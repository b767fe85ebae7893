//! The usage ledger, pure: the organization's balance and a month's usage
//! as the API reports them (decoded by `crate::api::ledger`), the runs
//! reconciled with that usage day by day, the runway of the balance, a
//! month's summary, its CU by node type, and its days as the time chart's
//! data and the period headline.
//!
//! The ledger's days are UTC calendar days (`docs/API.md`, "The same
//! API's ledger"); here they are [`Day`] numbers like every other date of
//! the component (days since 1970-01-01), counted in UTC. Every figure is
//! an exact integer of 1/10,000 CU; nothing is rounded except where a
//! function says so.

use std::cmp::Ordering;

use crate::core::charts::{colour_of, Daily, DayStack, Series, OTHER_COLOUR, TOP_SERIES};
use crate::core::cu::CuTotal;
use crate::core::period::{change, previous_cut, Change, Day, Granularity, Period, DAY_MS};
use crate::core::sort::{sort_pairs, sorted_by};
use crate::core::store::RunSet;
use crate::core::subtotals::share_tenths;
use crate::core::time::days_from_civil;

/// The UTC day of an instant (epoch milliseconds).
pub fn utc_day(ms: i64) -> Day {
    ms.div_euclid(DAY_MS)
}

/// A calendar month, as the API's `yearMonth` (`2026-11`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    year: u16,
    month: u8,
}

impl YearMonth {
    /// The month `month` (1–12) of `year` (0–9999: four digits).
    pub fn new(year: i64, month: i64) -> Option<YearMonth> {
        ((0..=9_999).contains(&year) && (1..=12).contains(&month)).then_some(YearMonth {
            year: year as u16,
            month: month as u8,
        })
    }

    /// Reads `YYYY-MM` exactly (four digits, a hyphen, two digits).
    pub fn parse(text: &str) -> Option<YearMonth> {
        let b = text.as_bytes();
        let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
        if b.len() != 7 || b[4] != b'-' || !digits(0..4) || !digits(5..7) {
            return None;
        }
        YearMonth::new(text[..4].parse().ok()?, text[5..].parse().ok()?)
    }

    /// The month holding `day`.
    pub fn of_day(day: Day) -> YearMonth {
        let (y, m, _) = crate::core::period::ymd(day);
        YearMonth::new(y, m).unwrap_or(YearMonth { year: 0, month: 1 })
    }

    /// The year.
    pub fn year(self) -> i64 {
        i64::from(self.year)
    }

    /// The month, 1–12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// `YYYY-MM`, as the `yearMonth` query parameter.
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// The month `months` after this one (negative: before), while the
    /// year stays within four digits.
    pub fn offset(self, months: i64) -> Option<YearMonth> {
        let index = self.year() * 12 + i64::from(self.month) - 1 + months;
        YearMonth::new(index.div_euclid(12), index.rem_euclid(12) + 1)
    }

    /// Its first day.
    pub fn first_day(self) -> Day {
        days_from_civil(self.year(), i64::from(self.month), 1)
    }

    /// Its last day.
    pub fn last_day(self) -> Day {
        crate::core::period::month_start(self.first_day(), 1) - 1
    }

    /// Its days as a period.
    pub fn period(self) -> Period {
        Period {
            from: self.first_day(),
            to: self.last_day(),
        }
    }

    /// Whether `day` is in the month.
    pub fn contains(self, day: Day) -> bool {
        self.period().contains(day)
    }
}

/// The organization's prepaid CU now (`GET …/cu`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Balance {
    /// CU left.
    pub balance: CuTotal,
    /// The minimum the balance should not fall below (an admin setting).
    pub min_threshold: CuTotal,
}

/// A month's movements (`data.summary`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct UsageSummary {
    /// CU bought.
    pub deposited: CuTotal,
    /// Free CU credited.
    pub granted: CuTotal,
    /// CU used.
    pub used: CuTotal,
}

/// One line of a day's breakdown: a node type's use.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeUse {
    /// The node category (`type`: `trigger`, `builtIn`, `dynamic`, …), as sent.
    pub category: String,
    /// The node type (`nodeType`: `cronjob`, `http-request`, …), as sent.
    pub node_type: String,
    /// How many times it ran.
    pub count: u64,
    /// The CU it used.
    pub cu: CuTotal,
}

/// One UTC day of the ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UsageDay {
    /// The day (UTC).
    pub date: Day,
    /// CU used that day.
    pub used: CuTotal,
    /// By node category and type.
    pub breakdown: Vec<NodeUse>,
}

impl UsageDay {
    /// The CU of the breakdown's lines (the ledger does not promise it
    /// equals [`UsageDay::used`]).
    pub fn breakdown_cu(&self) -> CuTotal {
        sum(self.breakdown.iter().map(|n| n.cu))
    }
}

/// A month of the ledger (`GET …/cu/usage?yearMonth=`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Usage {
    /// The month.
    pub year_month: YearMonth,
    /// Deposited, granted and used in the month.
    pub summary: UsageSummary,
    /// Its days: inside the month, each at most once, in date order (the
    /// decoder checks and orders them). A day not listed used nothing.
    pub daily: Vec<UsageDay>,
}

impl Usage {
    /// Whether a day after `today` has use: the ledger then counts use
    /// after the instant periods end at (a `now` option in the past
    /// against a live ledger), so its month cannot stand in for a period
    /// that includes `today`.
    pub fn used_after(&self, today: Day) -> bool {
        self.daily
            .iter()
            .any(|d| d.date > today && d.used != CuTotal::default())
    }

    /// The CU used on `day` (0 when not listed).
    pub fn used_on(&self, day: Day) -> CuTotal {
        self.daily
            .iter()
            .find(|d| d.date == day)
            .map_or_else(CuTotal::default, |d| d.used)
    }

    /// The sum of the days' CU (what the ledger's rows add up to; the
    /// summary's `used` is the month's own figure, [`MonthSummary`]).
    pub fn daily_total(&self) -> CuTotal {
        sum(self.daily.iter().map(|d| d.used))
    }
}

fn sum(values: impl Iterator<Item = CuTotal>) -> CuTotal {
    values.fold(CuTotal::default(), |mut acc, v| {
        acc.add_total(v);
        acc
    })
}

/// `part / whole` in thousandths of a percent, rounded half away from
/// zero; `None` when `whole` is 0.
pub fn percent_thousandths(part: i128, whole: CuTotal) -> Option<i128> {
    let whole = i128::try_from(whole.0).ok().filter(|w| *w != 0)?;
    let num = part.checked_mul(100_000)?;
    let half = whole / 2;
    Some(if num >= 0 {
        (num + half) / whole
    } else {
        -((-num + half) / whole)
    })
}

// ---------------------------------------------------------------------------
// Reconciliation
// ---------------------------------------------------------------------------

/// Which runs are loaded, and when they were read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RunsCover {
    /// Every run started after this instant (epoch ms) is loaded; earlier
    /// ones may not be (a "Load all runs" walk that stopped at its oldest
    /// run). `None`: every run, however old, is loaded (the list's end was
    /// reached).
    pub since: Option<i64>,
    /// When the runs were read (epoch ms): a run started later is not
    /// among them, and a run in progress is taken to run until then.
    pub read_at: i64,
}

/// The runs a reconciliation reads: runs `indices` of `set` (each run once;
/// runs of other months are allowed, and count only where they cross into
/// the month), and what they cover.
#[derive(Clone, Copy, Debug)]
pub struct RunsView<'a> {
    /// The loaded runs.
    pub set: &'a RunSet,
    /// Which of them (each at most once).
    pub indices: &'a [usize],
    /// What they cover.
    pub cover: RunsCover,
}

/// What the data shows about why a day's runs and ledger may differ.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Causes {
    /// Runs started that day still in progress when read: their CU is partial.
    pub in_progress: usize,
    /// Runs started that day that ran past its end (midnight UTC): the
    /// ledger counts part of their CU on later days, the runs all of it
    /// on their start day.
    pub crossing_out: usize,
    /// Runs started on an earlier day still running at this day's start:
    /// the ledger counts part of their CU here. (In a total: midnights
    /// crossed, so a run crossing two counts twice.)
    pub crossing_in: usize,
    /// Runs started that day without a valid CU value (in no total).
    pub without_cu: usize,
    /// Some runs started that day may not be loaded: the loaded runs begin
    /// after its start, or were read before its end.
    pub not_loaded: bool,
}

impl Causes {
    /// Whether anything can explain a difference.
    pub fn any(&self) -> bool {
        self.in_progress + self.crossing_out + self.crossing_in + self.without_cu > 0
            || self.not_loaded
    }

    fn add(&mut self, other: &Causes) {
        self.in_progress += other.in_progress;
        self.crossing_out += other.crossing_out;
        self.crossing_in += other.crossing_in;
        self.without_cu += other.without_cu;
        self.not_loaded |= other.not_loaded;
    }
}

/// The runs' and the ledger's figures for a day or the month.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Figures {
    /// Runs started then (UTC), each counted once, on its start day.
    pub runs: usize,
    /// Their CU (runs without a valid CU add nothing).
    pub runs_cu: CuTotal,
    /// The ledger's CU used.
    pub ledger_cu: CuTotal,
    /// `ledger_cu − runs_cu`, in 1/10,000 CU.
    pub difference: i128,
    /// The difference in thousandths of a percent of `ledger_cu`, rounded
    /// half away from zero (12 reads 0.012 %); `None` when the ledger
    /// shows 0.
    pub percent: Option<i128>,
    /// What may explain a difference.
    pub causes: Causes,
}

impl Figures {
    /// Whether the runs and the ledger agree exactly.
    pub fn matches(&self) -> bool {
        self.difference == 0
    }

    fn settle(&mut self) {
        self.difference = self.ledger_cu.0 as i128 - self.runs_cu.0 as i128;
        self.percent = percent_thousandths(self.difference, self.ledger_cu);
    }
}

/// One UTC day of a reconciliation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ReconDay {
    /// The day (UTC).
    pub date: Day,
    /// Its figures.
    pub figures: Figures,
}

/// A month's runs against its ledger, day by day.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Reconciliation {
    /// Days that differ first, then every day in date order: from the
    /// month's first day through the later of the day the runs were read
    /// and the last day with runs or ledger use (never past the month's end).
    pub days: Vec<ReconDay>,
    /// The month: the sums of `days`, with the causes of the days that
    /// differ (`not_loaded` when any of them is).
    pub total: Figures,
    /// Loaded runs without a start time: they may belong to the month.
    pub undated: usize,
}

/// A run's start and end as UTC days; the end is the day of its last
/// instant (a run ending at midnight sharp ended the day before), `None`
/// when its end is unknown (not sent, before its start, and not in progress).
fn run_days(set: &RunSet, i: usize, read_at: i64) -> Option<(Day, Option<Day>)> {
    let start = set.started_ms(i)?;
    let end = match set.finished_ms(i) {
        Some(f) if f >= start => Some(f),
        _ if set.status(i).in_progress() && read_at >= start => Some(read_at),
        _ => None,
    };
    let last = end.map(|e| utc_day(if e > start { e - 1 } else { e }));
    Some((utc_day(start), last))
}

/// Reconciles the runs of `runs` started in `month` with the ledger's use
/// in `usage`, per UTC day: each run counted once, on its start day (UTC),
/// as everything built from runs does; the ledger's days of another month
/// are left out. Exact: every total is the sum of the days.
pub fn reconcile(month: YearMonth, runs: RunsView<'_>, usage: &Usage) -> Reconciliation {
    let (first, last) = (month.first_day(), month.last_day());
    let RunsView {
        set,
        indices,
        cover,
    } = runs;
    let slots = (last - first + 1) as usize;
    let mut days = vec![Figures::default(); slots];
    let mut data_to = None::<Day>;
    let mut undated = 0;
    for &i in indices {
        let Some((start, end)) = run_days(set, i, cover.read_at) else {
            undated += 1;
            continue;
        };
        if let Some(end) = end {
            for d in (start + 1).max(first)..=end.min(last) {
                days[(d - first) as usize].causes.crossing_in += 1;
            }
        }
        if !month.contains(start) {
            continue;
        }
        data_to = data_to.max(Some(start));
        let f = &mut days[(start - first) as usize];
        f.runs += 1;
        match set.cu(i) {
            Some(cu) => f.runs_cu.add(cu),
            None => f.causes.without_cu += 1,
        }
        if set.status(i).in_progress() {
            f.causes.in_progress += 1;
        }
        if end.is_some_and(|e| e > start) {
            f.causes.crossing_out += 1;
        }
    }
    for day in usage.daily.iter().filter(|d| month.contains(d.date)) {
        days[(day.date - first) as usize]
            .ledger_cu
            .add_total(day.used);
        data_to = data_to.max(Some(day.date));
    }
    let through = (utc_day(cover.read_at).min(last)).max(data_to.unwrap_or(first - 1));
    let mut rows = Vec::new();
    let mut total = Figures::default();
    for (k, mut figures) in days.into_iter().enumerate() {
        let date = first + k as Day;
        if date > through {
            break;
        }
        let (begins, ends) = (date * DAY_MS, (date + 1) * DAY_MS);
        figures.causes.not_loaded =
            cover.since.is_some_and(|t| begins <= t) || cover.read_at < ends;
        figures.settle();
        total.runs += figures.runs;
        total.runs_cu.add_total(figures.runs_cu);
        total.ledger_cu.add_total(figures.ledger_cu);
        // The month's causes are those of the days that differ: a cause
        // on a day that matches explains nothing.
        if !figures.matches() {
            total.causes.add(&figures.causes);
        }
        rows.push(ReconDay { date, figures });
    }
    total.settle();
    // Differing days first, then by date: a stable order by (matches, day).
    let mut pairs: Vec<(u64, u32)> = rows
        .iter()
        .enumerate()
        .map(|(k, r)| ((u64::from(r.figures.matches()) << 32) | k as u64, k as u32))
        .collect();
    sort_pairs(&mut pairs);
    let days = pairs.into_iter().map(|(_, k)| rows[k as usize]).collect();
    Reconciliation {
        days,
        total,
        undated,
    }
}

// ---------------------------------------------------------------------------
// Runway
// ---------------------------------------------------------------------------

/// The window a daily rate is taken over: the last 7 or 30 whole days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateWindow {
    /// The 7 whole days before today.
    Week,
    /// The 30 whole days before today.
    Month,
}

impl RateWindow {
    /// Its number of days.
    pub fn days(self) -> u32 {
        match self {
            RateWindow::Week => 7,
            RateWindow::Month => 30,
        }
    }

    /// Its first day, when today is `today` (it ends the day before today).
    pub fn first_day(self, today: Day) -> Day {
        today - Day::from(self.days())
    }
}

/// CU used per day, kept exact as a fraction: `cu` over `days` days.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct DailyRate {
    /// CU used over the window.
    pub cu: CuTotal,
    /// The window's days (at least 1).
    pub days: u32,
}

impl DailyRate {
    /// The rate per day, rounded half up to 1/10,000 CU (for showing only:
    /// [`runway`] uses the exact fraction).
    pub fn per_day(self) -> CuTotal {
        let n = u128::from(self.days.max(1));
        CuTotal((self.cu.0 + n / 2) / n)
    }

    /// Whether nothing was used.
    pub fn is_zero(self) -> bool {
        self.cu.0 == 0
    }
}

/// The daily rate over `window`: the CU of the days
/// `window.first_day(today) ..= today − 1` in `by_day` (CU per start day,
/// as [`crate::core::period::cu_by_day`] gives for the loaded runs) over
/// the window's days. Today, not whole yet, is left out. The caller checks
/// that the loaded runs cover the window (`crate::core::period::cover`
/// from its first day).
pub fn daily_rate(by_day: &[(Day, CuTotal)], today: Day, window: RateWindow) -> DailyRate {
    let from = window.first_day(today);
    DailyRate {
        cu: sum(by_day
            .iter()
            .filter(|(d, _)| (from..today).contains(d))
            .map(|(_, cu)| *cu)),
        days: window.days(),
    }
}

/// When a level is reached.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Threshold {
    /// It is reached already.
    Already,
    /// It is reached on this day at the rate.
    On(Day),
    /// Never at the rate: nothing used over the window, or more than
    /// [`MAX_DAYS_AHEAD`] days ahead.
    Never,
}

/// Where the balance goes at a daily rate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Runway {
    /// When the balance falls below the minimum (strictly below it;
    /// `Already` when it is below now).
    pub below_minimum: Threshold,
    /// When it runs out (reaches 0; `Already` when it is 0 now).
    pub runs_out: Threshold,
}

/// The largest number of days ahead a runway names (about 27 million
/// years); further is as good as never, and day numbers stay far from overflow.
pub const MAX_DAYS_AHEAD: u128 = 10_000_000_000;

/// The balance as it stood at the start of `today` (what [`runway`]
/// starts from): `balance` now with today's use so far by the ledger
/// (`this_month`, today's month; read at about the same time) given back,
/// so that today is not spent twice. Without that month, the balance now.
pub fn balance_at_start_of_today(
    balance: CuTotal,
    this_month: Option<&Usage>,
    today: Day,
) -> CuTotal {
    let mut start = balance;
    if let Some(month) = this_month.filter(|m| m.year_month.contains(today)) {
        start.add_total(month.used_on(today));
    }
    start
}

/// The runway of `balance` at `rate` from `today`.
///
/// Method: the balance is taken as it stands at the start of `today` (so a
/// day is never named late) and falls by `rate.cu / rate.days` a day,
/// evenly through each day; the day named is the one during which it
/// crosses the level. Exactly: with B the balance, M the minimum, S/N the
/// rate, the balance falls below M during day `today + ⌊(B − M)·N / S⌋`
/// and reaches 0 during day `today + ⌈B·N / S⌉ − 1`. Integer arithmetic
/// throughout; nothing is rounded but these floors and ceilings.
pub fn runway(balance: CuTotal, min_threshold: CuTotal, rate: DailyRate, today: Day) -> Runway {
    let (b, s, n) = (balance.0, rate.cu.0, u128::from(rate.days.max(1)));
    let ahead = |days: u128| {
        if days > MAX_DAYS_AHEAD {
            Threshold::Never
        } else {
            Threshold::On(today + days as Day)
        }
    };
    let below_minimum = if b < min_threshold.0 {
        Threshold::Already
    } else {
        // No use (s = 0): never.
        ((b - min_threshold.0) * n)
            .checked_div(s)
            .map_or(Threshold::Never, ahead)
    };
    let runs_out = if b == 0 {
        Threshold::Already
    } else if s == 0 {
        Threshold::Never
    } else {
        ahead((b * n).div_ceil(s) - 1)
    };
    Runway {
        below_minimum,
        runs_out,
    }
}

// ---------------------------------------------------------------------------
// Month summary
// ---------------------------------------------------------------------------

/// A month's balance at its end, where the data gives it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EndBalance {
    /// The month is the current one: the balance now (the month is not over).
    SoFar(CuTotal),
    /// The month is over: its balance at its end.
    Closed(CuTotal),
}

/// A month of the ledger in figures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MonthSummary {
    /// The month.
    pub year_month: YearMonth,
    /// CU bought in it.
    pub deposited: CuTotal,
    /// Free CU credited in it.
    pub granted: CuTotal,
    /// CU used in it, by the summary.
    pub used: CuTotal,
    /// The sum of its days' use (may differ from `used` if the ledger's
    /// days do not add up to its summary).
    pub daily_used: CuTotal,
    /// Its end balance, where it follows.
    pub end_balance: Option<EndBalance>,
}

/// The figures of `usage`'s month, when the current month (UTC) is
/// `current` and the balance now is `balance_now`.
///
/// The end balance follows, on the rule that the balance moves only by
/// deposits, grants and use:
/// - for the current month, it is the balance now ([`EndBalance::SoFar`]);
/// - for a past month, it is the balance now less, for every later month
///   through the current one, its deposits and grants, plus its use:
///   `later` must hold each of those months exactly once, else (and when
///   the result would be negative, which the rule cannot give) `None`;
/// - for a month after the current one, `None`.
///
/// The balance now and the current month's usage are read at about the
/// same time, not at once; use in between is the error.
pub fn month_summary(
    usage: &Usage,
    current: YearMonth,
    balance_now: Option<CuTotal>,
    later: &[Usage],
) -> MonthSummary {
    let month = usage.year_month;
    let end_balance = balance_now.and_then(|now| match month.cmp(&current) {
        Ordering::Equal => Some(EndBalance::SoFar(now)),
        Ordering::Greater => None,
        Ordering::Less => {
            let mut balance = now.0 as i128;
            let mut m = month;
            while m < current {
                m = m.offset(1)?;
                let mut same = later.iter().filter(|u| u.year_month == m);
                let (Some(u), None) = (same.next(), same.next()) else {
                    return None;
                };
                let s = u.summary;
                balance += s.used.0 as i128 - s.deposited.0 as i128 - s.granted.0 as i128;
            }
            (balance >= 0).then_some(EndBalance::Closed(CuTotal(balance as u128)))
        }
    });
    MonthSummary {
        year_month: month,
        deposited: usage.summary.deposited,
        granted: usage.summary.granted,
        used: usage.summary.used,
        daily_used: usage.daily_total(),
        end_balance,
    }
}

// ---------------------------------------------------------------------------
// CU by node type
// ---------------------------------------------------------------------------

/// A node type's use over a month.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeRow {
    /// The node category, as sent.
    pub category: String,
    /// The node type, as sent.
    pub node_type: String,
    /// How many times it ran.
    pub count: u128,
    /// The CU it used.
    pub cu: CuTotal,
    /// Its share of the rows' CU in tenths of a percent, the rows' shares
    /// adding up to exactly 100.0 % ([`share_tenths`]); `None` when the
    /// rows' CU is 0.
    pub share: Option<u16>,
}

/// A month's CU by node type.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NodeTypes {
    /// One row per (category, node type), largest CU first, then by
    /// category and node type.
    pub rows: Vec<NodeRow>,
    /// The rows' counts (node executions): their sum.
    pub count: u128,
    /// The rows' CU: their sum.
    pub cu: CuTotal,
    /// The month's days' use, which the breakdown may not explain whole.
    pub used: CuTotal,
}

/// The breakdown of every day of `usage`, added up by category and node type.
pub fn by_node_type(usage: &Usage) -> NodeTypes {
    let lines: Vec<&NodeUse> = usage
        .daily
        .iter()
        .filter(|d| usage.year_month.contains(d.date))
        .flat_map(|d| &d.breakdown)
        .collect();
    let lines = sorted_by(lines, &|a, b| {
        (&a.category, &a.node_type).cmp(&(&b.category, &b.node_type))
    });
    let mut rows: Vec<NodeRow> = Vec::new();
    for line in lines {
        match rows.last_mut() {
            Some(r) if r.category == line.category && r.node_type == line.node_type => {
                r.count += u128::from(line.count);
                r.cu.add_total(line.cu);
            }
            _ => rows.push(NodeRow {
                category: line.category.clone(),
                node_type: line.node_type.clone(),
                count: u128::from(line.count),
                cu: line.cu,
                share: None,
            }),
        }
    }
    // Largest CU first; the sort is stable, so ties stay by category and type.
    let mut rows = sorted_by(rows, &|a, b| b.cu.cmp(&a.cu));
    let cu: Vec<CuTotal> = rows.iter().map(|r| r.cu).collect();
    for (r, share) in rows.iter_mut().zip(share_tenths(&cu)) {
        r.share = share;
    }
    NodeTypes {
        count: rows.iter().map(|r| r.count).sum(),
        cu: sum(cu.into_iter()),
        used: usage.daily_total(),
        rows,
    }
}

// ---------------------------------------------------------------------------
// The time chart and the headline from the ledger
// ---------------------------------------------------------------------------

/// The last day a month's ledger figures run to: the later of `today` and
/// the last day listed, within the month (before its first day: nothing).
fn last_shown(usage: &Usage, today: Day) -> Day {
    let month = usage.year_month;
    let listed = usage
        .daily
        .iter()
        .map(|d| d.date)
        .filter(|d| month.contains(*d))
        .max();
    today.min(month.last_day()).max(listed.unwrap_or(Day::MIN))
}

/// The month's use as the time chart's data ([`Daily`], as
/// [`crate::core::charts::daily`] gives for runs): buckets of
/// `granularity` from the month's first day through the later of `today`
/// (UTC) and the last day listed, empty ones included. A bucket's total is
/// the ledger's use (its `runs` are 0: the ledger counts no runs). The
/// series are node categories, the [`TOP_SERIES`] largest over the month,
/// then "Other" (`key: None`) for the rest and for use the breakdown does
/// not explain. Where a day's breakdown says more than its use, the stack
/// is taller than the total; `max` is the taller of the two.
pub fn ledger_daily(usage: &Usage, today: Day, granularity: Granularity, week_start: u8) -> Daily {
    let month = usage.year_month;
    let days_in: Vec<&UsageDay> = usage
        .daily
        .iter()
        .filter(|d| month.contains(d.date))
        .collect();
    // Categories by CU over the month, largest first (ties by name).
    let mut categories: Vec<(String, CuTotal)> = Vec::new();
    for n in days_in.iter().flat_map(|d| &d.breakdown) {
        match categories.iter_mut().find(|(c, _)| *c == n.category) {
            Some((_, cu)) => cu.add_total(n.cu),
            None => categories.push((n.category.clone(), n.cu)),
        }
    }
    let categories = sorted_by(categories, &|a, b| {
        b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0))
    });
    let top = categories.len().min(TOP_SERIES);
    let unexplained = days_in.iter().any(|d| d.breakdown_cu() < d.used);
    let mut series: Vec<Series> = categories[..top]
        .iter()
        .enumerate()
        .map(|(i, (key, _))| Series {
            key: Some(key.clone()),
            colour: colour_of(i),
            name: String::new(),
        })
        .collect();
    if categories.len() > top || unexplained {
        series.push(Series {
            key: None,
            colour: OTHER_COLOUR,
            name: String::new(),
        });
    }
    let width = series.len();
    let slot = |category: &str| {
        categories[..top]
            .iter()
            .position(|(c, _)| c == category)
            .unwrap_or(top)
    };
    let (first, last) = (month.first_day(), last_shown(usage, today));
    let mut starts = Vec::new();
    let mut b = granularity.bucket(first, week_start);
    while b <= last {
        starts.push(b);
        b = granularity.next(b);
    }
    let mut buckets: Vec<DayStack> = starts
        .iter()
        .map(|&n| DayStack {
            day: crate::core::period::day_key(n),
            parts: vec![CuTotal::default(); width],
            ..DayStack::default()
        })
        .collect();
    for day in days_in {
        let at = starts.partition_point(|&s| s <= day.date) - 1;
        let stack = &mut buckets[at];
        stack.total.add_total(day.used);
        for n in &day.breakdown {
            stack.parts[slot(&n.category)].add_total(n.cu);
        }
        let explained = day.breakdown_cu();
        if explained < day.used {
            stack.parts[width - 1].add_total(CuTotal(day.used.0 - explained.0));
        }
    }
    let max = buckets
        .iter()
        .map(|d| d.total.max(sum(d.parts.iter().copied())))
        .max()
        .unwrap_or_default();
    Daily {
        granularity,
        series,
        days: buckets,
        undated: 0,
        earlier: 0,
        max,
        from_ledger: true,
    }
}

/// The period headline from the ledger, and what the comparison with the
/// previous month needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LedgerHeadline {
    /// The month's use: the sum of its days (today's so far).
    pub total: CuTotal,
    /// The last day of the month compared, while the month is in progress:
    /// yesterday (the daily ledger cannot cut today at the time of day, so
    /// both sides compare whole days); `None` once the month is over.
    pub current_through: Option<Day>,
    /// The month's use over the days compared (`total` once it is over).
    pub current: CuTotal,
    /// The previous month's use over the same part of it: its days through
    /// `previous_through` (whole days), or all of them; `None` when the
    /// previous month's ledger is not given, or no whole day of the month
    /// is over yet.
    pub previous: Option<CuTotal>,
    /// The last day of the previous month compared, when it is compared in
    /// part (yesterday's counterpart there).
    pub previous_through: Option<Day>,
    /// The change from `previous` to `current` ([`Change::Unknown`] without it).
    pub change: Change,
}

/// The headline of `usage`'s month when today (UTC) is `today`, compared
/// with `previous` (the month before; another month is ignored). While
/// the month is in progress, whole days on both sides: its days through
/// yesterday against the previous month's through yesterday's counterpart
/// (`crate::core::period::previous_cut`); the daily ledger has no time of
/// day to cut today at, and a whole day against a part of one is no fair
/// comparison. On its first day nothing is compared yet.
pub fn ledger_headline(usage: &Usage, previous: Option<&Usage>, today: Day) -> LedgerHeadline {
    let month = usage.year_month;
    let total = usage.daily_total();
    let current_through = month.contains(today).then(|| today - 1);
    let comparable = current_through.is_none_or(|y| y >= month.first_day());
    let previous = previous
        .filter(|p| Some(p.year_month) == month.offset(-1))
        .filter(|_| comparable);
    let through = previous.and_then(|p| {
        current_through.and_then(|y| previous_cut(month.period(), p.year_month.period(), y))
    });
    let days_through = |u: &Usage, through: Option<Day>| {
        sum(u
            .daily
            .iter()
            .filter(|d| through.is_none_or(|t| d.date <= t))
            .map(|d| d.used))
    };
    let current = days_through(usage, current_through);
    let prev = previous.map(|p| days_through(p, through));
    LedgerHeadline {
        total,
        current_through,
        current,
        previous: prev,
        previous_through: through,
        change: match prev {
            Some(p) => change(current.0, Some(Some(p.0))),
            None => Change::Unknown,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::period::parse;
    use crate::core::run::{Run, RunStatus};
    use crate::core::time::utc_date;

    fn day(key: &str) -> Day {
        parse(key).unwrap()
    }

    fn at(text: &str) -> i64 {
        crate::core::time::parse_rfc3339_ms(text).unwrap()
    }

    fn units(cu: u128) -> CuTotal {
        CuTotal(cu * 10_000)
    }

    fn nov() -> YearMonth {
        YearMonth::parse("2026-11").unwrap()
    }

    /// A run with its CU in ten-thousandths.
    fn run(id: &str, status: &str, started: &str, finished: Option<&str>, cu: Option<u64>) -> Run {
        Run::from_sent(
            id.into(),
            "wf".into(),
            RunStatus::parse(status),
            started,
            finished,
            cu.map(crate::core::cu::Cu),
            None,
        )
    }

    fn usage(month: YearMonth, days: &[(&str, u128)]) -> Usage {
        Usage {
            year_month: month,
            summary: UsageSummary::default(),
            daily: days
                .iter()
                .map(|&(d, cu)| UsageDay {
                    date: day(d),
                    used: CuTotal(cu),
                    breakdown: Vec::new(),
                })
                .collect(),
        }
    }

    #[test]
    fn year_months_read_and_count_exactly() {
        let m = nov();
        assert_eq!((m.year(), m.month()), (2026, 11));
        assert_eq!(m.key(), "2026-11");
        assert_eq!(m.first_day(), day("2026-11-01"));
        assert_eq!(m.last_day(), day("2026-11-30"));
        assert_eq!(m.offset(2).unwrap().key(), "2027-01");
        assert_eq!(m.offset(-11).unwrap().key(), "2025-12");
        assert_eq!(
            YearMonth::parse("2028-02").unwrap().last_day(),
            day("2028-02-29")
        );
        assert_eq!(YearMonth::of_day(day("2026-12-31")).key(), "2026-12");
        assert!(m.contains(day("2026-11-30")) && !m.contains(day("2026-12-01")));
        assert!(YearMonth::parse("2026-10").unwrap() < m);
        for bad in [
            "2026-13",
            "2026-00",
            "2026-1",
            "26-11",
            "2026/11",
            "2026-11-01",
            "-026-11",
            "2026--1",
            "２026-11",
        ] {
            assert_eq!(YearMonth::parse(bad), None, "{bad}");
        }
        assert_eq!(YearMonth::new(9_999, 12).unwrap().offset(1), None);
    }

    #[test]
    fn a_month_reconciles_day_by_day_with_its_causes() {
        let runs = vec![
            // Nov 1: two finished runs, 1.5 + 2.5 CU; the ledger says 4.
            run(
                "a",
                "success",
                "2026-11-01T08:00:00Z",
                Some("2026-11-01T08:01:00Z"),
                Some(15_000),
            ),
            run(
                "b",
                "failure",
                "2026-11-01T09:00:00Z",
                Some("2026-11-01T09:00:10Z"),
                Some(25_000),
            ),
            // Nov 2 → Nov 3 across midnight: 3 CU on Nov 2 for the runs,
            // split 1 + 2 by the ledger.
            run(
                "c",
                "success",
                "2026-11-02T23:00:00Z",
                Some("2026-11-03T01:00:00Z"),
                Some(30_000),
            ),
            // Ends at midnight sharp: does not cross.
            run(
                "d",
                "success",
                "2026-11-03T23:00:00Z",
                Some("2026-11-04T00:00:00Z"),
                Some(10_000),
            ),
            // Nov 5: in progress (partial CU) and one without a CU.
            run("e", "running", "2026-11-05T10:00:00Z", None, Some(5_000)),
            run(
                "f",
                "success",
                "2026-11-05T11:00:00Z",
                Some("2026-11-05T11:00:01Z"),
                None,
            ),
            // October, crossing into Nov 1: not a November run.
            run(
                "g",
                "success",
                "2026-10-31T23:59:00Z",
                Some("2026-11-01T00:01:00Z"),
                Some(20_000),
            ),
            // No start time.
            run("h", "success", "", None, Some(10_000)),
        ];
        let set = RunSet::new(runs, utc_date);
        let indices: Vec<usize> = (0..set.len()).collect();
        let cover = RunsCover {
            since: None,
            read_at: at("2026-11-05T12:00:00Z"),
        };
        let ledger = usage(
            nov(),
            &[
                ("2026-11-01", 50_000),
                ("2026-11-02", 10_000),
                ("2026-11-03", 30_000),
                ("2026-11-04", 0),
                ("2026-11-05", 9_000),
            ],
        );
        let r = reconcile(
            nov(),
            RunsView {
                set: &set,
                indices: &indices,
                cover,
            },
            &ledger,
        );
        assert_eq!(r.undated, 1);
        let dates: Vec<String> = r.days.iter().map(|d| utc_date(d.date * DAY_MS)).collect();
        // Differing days first (Nov 1, 2, 3, 5), then the matching Nov 4.
        assert_eq!(
            dates,
            [
                "2026-11-01",
                "2026-11-02",
                "2026-11-03",
                "2026-11-05",
                "2026-11-04"
            ]
        );
        let by = |key: &str| r.days.iter().find(|d| d.date == day(key)).unwrap().figures;
        let nov1 = by("2026-11-01");
        assert_eq!(
            (nov1.runs, nov1.runs_cu, nov1.ledger_cu),
            (2, CuTotal(40_000), CuTotal(50_000))
        );
        assert_eq!(nov1.difference, 10_000);
        assert_eq!(nov1.percent, Some(20_000), "20.000 %");
        assert_eq!(
            nov1.causes,
            Causes {
                crossing_in: 1,
                ..Causes::default()
            }
        );
        let nov2 = by("2026-11-02");
        assert_eq!((nov2.difference, nov2.causes.crossing_out), (-20_000, 1));
        assert_eq!(nov2.percent, Some(-200_000));
        let nov3 = by("2026-11-03");
        assert_eq!((nov3.runs_cu, nov3.difference), (CuTotal(10_000), 20_000));
        assert_eq!(
            nov3.causes,
            Causes {
                crossing_in: 1,
                ..Causes::default()
            }
        );
        let nov4 = by("2026-11-04");
        assert!(nov4.matches() && !nov4.causes.any());
        assert_eq!(nov4.percent, None, "no ledger use: no percent");
        let nov5 = by("2026-11-05");
        assert_eq!(
            nov5.causes,
            Causes {
                in_progress: 1,
                without_cu: 1,
                not_loaded: true,
                ..Causes::default()
            },
            "read before the day's end"
        );
        assert_eq!((nov5.runs_cu, nov5.difference), (CuTotal(5_000), 4_000));
        let t = r.total;
        assert_eq!(
            (t.runs, t.runs_cu, t.ledger_cu),
            (6, CuTotal(85_000), CuTotal(99_000))
        );
        assert_eq!(t.difference, 14_000);
        // 1.4 / 9.9 = 14.1414… %.
        assert_eq!(t.percent, Some(14_141));
        assert_eq!(t.causes.crossing_in, 2);
        assert!(t.causes.not_loaded);
    }

    #[test]
    fn runs_not_loaded_back_to_a_day_are_said() {
        let runs = vec![run(
            "a",
            "success",
            "2026-11-03T10:00:00Z",
            Some("2026-11-03T10:00:01Z"),
            Some(10_000),
        )];
        let set = RunSet::new(runs, utc_date);
        let cover = RunsCover {
            since: Some(at("2026-11-03T10:00:00Z")),
            read_at: at("2026-12-01T00:00:00Z"),
        };
        let r = reconcile(
            nov(),
            RunsView {
                set: &set,
                indices: &[0],
                cover,
            },
            &usage(nov(), &[]),
        );
        // The whole month is shown (read after its end), Nov 1–3 not loaded.
        assert_eq!(r.days.len(), 30);
        assert_eq!(r.days[0].date, day("2026-11-03"), "the only differing day");
        let not_loaded: Vec<Day> = r
            .days
            .iter()
            .filter(|d| d.figures.causes.not_loaded)
            .map(|d| d.date)
            .collect();
        assert_eq!(
            not_loaded,
            [day("2026-11-03"), day("2026-11-01"), day("2026-11-02")]
        );
        // A walk that went past the month's start covers it all.
        let cover = RunsCover {
            since: Some(at("2026-10-31T23:00:00Z")),
            ..cover
        };
        let r = reconcile(
            nov(),
            RunsView {
                set: &set,
                indices: &[0],
                cover,
            },
            &usage(nov(), &[("2026-11-03", 10_000)]),
        );
        assert!(r
            .days
            .iter()
            .all(|d| d.figures.matches() && !d.figures.causes.any()));
        assert_eq!(r.total.percent, Some(0));
    }

    #[test]
    fn the_runway_falls_on_exact_days() {
        // The example: 1,610.4 CU a day over the last 30 days.
        let today = day("2026-12-09");
        let rate = DailyRate {
            cu: CuTotal(16_104_000 * 30),
            days: 30,
        };
        assert_eq!(rate.per_day(), CuTotal(16_104_000));
        let r = runway(CuTotal(123_456_789), CuTotal(38_085_505), rate, today);
        assert_eq!(r.below_minimum, Threshold::On(day("2026-12-14")));
        assert_eq!(r.runs_out, Threshold::On(day("2026-12-16")));
        // Exactly two days above the minimum: below during the third.
        let two = runway(
            units(30),
            units(10),
            DailyRate {
                cu: units(70),
                days: 7,
            },
            today,
        );
        assert_eq!(two.below_minimum, Threshold::On(today + 2));
        // Exactly three days of balance: out at the end of the third.
        assert_eq!(two.runs_out, Threshold::On(today + 2));
        let just = runway(
            CuTotal(300_001),
            units(10),
            DailyRate {
                cu: units(70),
                days: 7,
            },
            today,
        );
        assert_eq!(just.runs_out, Threshold::On(today + 3));
        // At the minimum now: below today; below it: already.
        let at_min = runway(
            units(10),
            units(10),
            DailyRate {
                cu: units(7),
                days: 7,
            },
            today,
        );
        assert_eq!(at_min.below_minimum, Threshold::On(today));
        let below = runway(
            units(5),
            units(10),
            DailyRate {
                cu: units(7),
                days: 7,
            },
            today,
        );
        assert_eq!(below.below_minimum, Threshold::Already);
        assert_eq!(below.runs_out, Threshold::On(today + 4));
        // Nothing used: never; nothing left: out already.
        let idle = runway(
            units(5),
            units(10),
            DailyRate {
                cu: CuTotal(0),
                days: 30,
            },
            today,
        );
        assert_eq!(
            idle,
            Runway {
                below_minimum: Threshold::Already,
                runs_out: Threshold::Never
            }
        );
        let empty = runway(
            CuTotal(0),
            CuTotal(0),
            DailyRate {
                cu: units(1),
                days: 7,
            },
            today,
        );
        assert_eq!(empty.runs_out, Threshold::Already);
        assert_eq!(
            empty.below_minimum,
            Threshold::On(today),
            "below 0 during today"
        );
        // Absurdly far: never.
        let far = runway(
            CuTotal(u128::from(crate::core::cu::MAX_LEDGER_UNITS)),
            CuTotal(0),
            DailyRate {
                cu: CuTotal(1),
                days: 30,
            },
            today,
        );
        assert_eq!(far.runs_out, Threshold::Never);
    }

    #[test]
    fn the_rate_is_the_whole_days_before_today_over_the_window() {
        let today = day("2026-12-09");
        let by_day = [
            (today - 31, units(1_000)),
            (today - 30, units(30)),
            (today - 8, units(3)),
            (today - 7, units(4)),
            (today - 1, units(10)),
            (today, units(500)),
        ];
        let week = daily_rate(&by_day, today, RateWindow::Week);
        assert_eq!(
            week,
            DailyRate {
                cu: units(14),
                days: 7
            }
        );
        assert_eq!(week.per_day(), CuTotal(20_000));
        let month = daily_rate(&by_day, today, RateWindow::Month);
        assert_eq!(month.cu, units(47));
        // 47 / 30 = 1.56666… → 1.5667 (half up).
        assert_eq!(month.per_day(), CuTotal(15_667));
        assert_eq!(
            DailyRate {
                cu: CuTotal(3),
                days: 7
            }
            .per_day(),
            CuTotal(0)
        );
        assert_eq!(
            DailyRate {
                cu: CuTotal(4),
                days: 7
            }
            .per_day(),
            CuTotal(1)
        );
        assert!(daily_rate(&[], today, RateWindow::Week).is_zero());
    }

    fn month(key: &str, deposited: u128, granted: u128, used: u128) -> Usage {
        Usage {
            year_month: YearMonth::parse(key).unwrap(),
            summary: UsageSummary {
                deposited: units(deposited),
                granted: units(granted),
                used: units(used),
            },
            daily: Vec::new(),
        }
    }

    #[test]
    fn a_month_end_balance_follows_from_the_balance_now_and_later_months() {
        let (sep, oct, nov_) = (
            month("2026-09", 0, 0, 50),
            month("2026-10", 100, 10, 40),
            month("2026-11", 1_000, 0, 300),
        );
        let current = nov();
        let now = Some(units(2_000));
        let s = month_summary(&nov_, current, now, &[]);
        assert_eq!(s.end_balance, Some(EndBalance::SoFar(units(2_000))));
        assert_eq!(
            (s.deposited, s.granted, s.used, s.daily_used),
            (units(1_000), units(0), units(300), units(0))
        );
        // October ended with 2,000 − 1,000 + 300.
        assert_eq!(
            month_summary(&oct, current, now, std::slice::from_ref(&nov_)).end_balance,
            Some(EndBalance::Closed(units(1_300)))
        );
        // September: back through October too.
        assert_eq!(
            month_summary(&sep, current, now, &[nov_.clone(), oct.clone()]).end_balance,
            Some(EndBalance::Closed(units(1_230)))
        );
        // A month missing, repeated, or no balance: it does not follow.
        assert_eq!(
            month_summary(&sep, current, now, std::slice::from_ref(&nov_)).end_balance,
            None
        );
        assert_eq!(
            month_summary(&oct, current, now, &[nov_.clone(), nov_.clone()]).end_balance,
            None
        );
        assert_eq!(
            month_summary(&oct, current, None, std::slice::from_ref(&nov_)).end_balance,
            None
        );
        // A later month, or a rule giving a negative balance.
        assert_eq!(
            month_summary(&nov_, YearMonth::parse("2026-10").unwrap(), now, &[]).end_balance,
            None
        );
        assert_eq!(
            month_summary(&oct, current, Some(units(500)), &[nov_]).end_balance,
            None
        );
    }

    fn node(category: &str, node_type: &str, count: u64, cu: u128) -> NodeUse {
        NodeUse {
            category: category.into(),
            node_type: node_type.into(),
            count,
            cu: CuTotal(cu),
        }
    }

    #[test]
    fn node_types_add_up_over_the_month() {
        let mut u = usage(nov(), &[("2026-11-01", 70_000), ("2026-11-02", 50_000)]);
        u.daily[0].breakdown = vec![
            node("trigger", "cronjob", 10, 10_000),
            node("builtIn", "http-request", 3, 60_000),
        ];
        u.daily[1].breakdown = vec![
            node("trigger", "cronjob", 5, 5_000),
            node("logic", "if", 1, 5_000),
            node("builtIn", "http-request", 2, 30_000),
        ];
        let t = by_node_type(&u);
        let rows: Vec<(&str, &str, u128, u128, Option<u16>)> = t
            .rows
            .iter()
            .map(|r| {
                (
                    r.category.as_str(),
                    r.node_type.as_str(),
                    r.count,
                    r.cu.0,
                    r.share,
                )
            })
            .collect();
        assert_eq!(
            rows,
            [
                ("builtIn", "http-request", 5, 90_000, Some(818)),
                ("trigger", "cronjob", 15, 15_000, Some(136)),
                ("logic", "if", 1, 5_000, Some(46)),
            ]
        );
        assert_eq!(
            (t.count, t.cu, t.used),
            (21, CuTotal(110_000), CuTotal(120_000))
        );
        assert_eq!(by_node_type(&usage(nov(), &[])), NodeTypes::default());
    }

    #[test]
    fn the_ledger_gives_the_time_chart_and_the_headline() {
        let mut u = usage(nov(), &[("2026-11-01", 70_000), ("2026-11-03", 50_000)]);
        u.daily[0].breakdown = vec![
            node("trigger", "cronjob", 10, 10_000),
            node("builtIn", "http-request", 3, 60_000),
        ];
        // Nov 3's breakdown explains 40,000 of 50,000.
        u.daily[1].breakdown = vec![node("trigger", "cronjob", 5, 40_000)];
        let d = ledger_daily(&u, day("2026-11-04"), Granularity::Day, 1);
        assert_eq!(d.days.len(), 4, "Nov 1 through today");
        assert_eq!(d.days[0].day, "2026-11-01");
        let keys: Vec<Option<&str>> = d.series.iter().map(|s| s.key.as_deref()).collect();
        assert_eq!(keys, [Some("builtIn"), Some("trigger"), None]);
        assert_eq!(
            d.days[0].parts,
            [CuTotal(60_000), CuTotal(10_000), CuTotal(0)]
        );
        assert_eq!(
            d.days[2].parts,
            [CuTotal(0), CuTotal(40_000), CuTotal(10_000)]
        );
        assert_eq!(d.days[1].total, CuTotal(0));
        assert_eq!(d.max, CuTotal(70_000));
        for stack in &d.days {
            assert_eq!(sum(stack.parts.iter().copied()), stack.total);
            assert_eq!(stack.runs, 0);
        }
        let total = sum(d.days.iter().map(|s| s.total));
        assert_eq!(total, u.daily_total());
        // Weeks (Monday first): Oct 26 and Nov 2.
        let w = ledger_daily(&u, day("2026-11-04"), Granularity::Week, 1);
        let starts: Vec<&str> = w.days.iter().map(|s| s.day.as_str()).collect();
        assert_eq!(starts, ["2026-10-26", "2026-11-02"]);
        assert_eq!(sum(w.days.iter().map(|s| s.total)), total);
        // A past month shows through its last listed day, or today's.
        assert_eq!(
            ledger_daily(&u, day("2027-01-10"), Granularity::Day, 1)
                .days
                .len(),
            30
        );

        // Headline: November so far; on Nov 4 its whole days (through Nov
        // 3) against October's through Oct 3.
        let oct = usage(
            YearMonth::parse("2026-10").unwrap(),
            &[
                ("2026-10-01", 40_000),
                ("2026-10-03", 20_000),
                ("2026-10-04", 500_000),
                ("2026-10-05", 1_000_000),
            ],
        );
        let h = ledger_headline(&u, Some(&oct), day("2026-11-04"));
        assert_eq!(h.total, CuTotal(120_000));
        assert_eq!(h.current_through, Some(day("2026-11-03")));
        assert_eq!(h.current, CuTotal(120_000));
        assert_eq!(h.previous, Some(CuTotal(60_000)));
        assert_eq!(h.previous_through, Some(day("2026-10-03")));
        assert_eq!(
            h.change,
            Change::Delta {
                diff: 60_000,
                tenths: Some(1_000)
            }
        );
        // Today's use so far is in the total, never in the comparison.
        let mut with_today = u.clone();
        with_today.daily.push(UsageDay {
            date: day("2026-11-04"),
            used: CuTotal(7_000),
            breakdown: Vec::new(),
        });
        let h = ledger_headline(&with_today, Some(&oct), day("2026-11-04"));
        assert_eq!((h.total, h.current), (CuTotal(127_000), CuTotal(120_000)));
        // Use after today (a `now` option before the ledger's own day) is
        // use the period leaves out; a listed day without use is not.
        assert!(!with_today.used_after(day("2026-11-04")));
        assert!(with_today.used_after(day("2026-11-03")));
        let mut zero_later = with_today.clone();
        zero_later.daily.push(UsageDay {
            date: day("2026-11-09"),
            used: CuTotal(0),
            breakdown: Vec::new(),
        });
        assert!(!zero_later.used_after(day("2026-11-04")));
        assert_eq!(h.previous, Some(CuTotal(60_000)));
        // On the month's first day no whole day is over: nothing compared.
        let h = ledger_headline(&u, Some(&oct), day("2026-11-01"));
        assert_eq!((h.previous, h.change), (None, Change::Unknown));
        // Over: the whole of October.
        let h = ledger_headline(&u, Some(&oct), day("2026-12-02"));
        assert_eq!(
            (h.previous, h.previous_through),
            (Some(CuTotal(1_560_000)), None)
        );
        // Without October, or with another month: no comparison.
        assert_eq!(
            ledger_headline(&u, None, day("2026-11-04")).change,
            Change::Unknown
        );
        assert_eq!(
            ledger_headline(&u, Some(&u.clone()), day("2026-11-04")).previous,
            None
        );
    }

    #[test]
    fn the_runway_starts_from_the_balance_at_the_start_of_today() {
        let u = usage(nov(), &[("2026-11-03", 50_000), ("2026-11-04", 7_000)]);
        let today = day("2026-11-04");
        assert_eq!(
            balance_at_start_of_today(CuTotal(100_000), Some(&u), today),
            CuTotal(107_000)
        );
        // No use listed today, another month, or no ledger: the balance now.
        assert_eq!(
            balance_at_start_of_today(CuTotal(100_000), Some(&u), day("2026-11-05")),
            CuTotal(100_000)
        );
        assert_eq!(
            balance_at_start_of_today(CuTotal(100_000), Some(&u), day("2026-12-04")),
            CuTotal(100_000)
        );
        assert_eq!(
            balance_at_start_of_today(CuTotal(100_000), None, today),
            CuTotal(100_000)
        );
    }

    #[test]
    fn percents_round_half_away_from_zero() {
        assert_eq!(
            percent_thousandths(57_784, CuTotal(483_200_000)),
            Some(12),
            "0.012 %"
        );
        assert_eq!(
            percent_thousandths(-57_784, CuTotal(483_200_000)),
            Some(-12)
        );
        assert_eq!(
            percent_thousandths(1, CuTotal(200_000)),
            Some(1),
            "0.0005 % → 0.001 %"
        );
        assert_eq!(percent_thousandths(-1, CuTotal(200_000)), Some(-1));
        assert_eq!(percent_thousandths(1, CuTotal(200_001)), Some(0));
        assert_eq!(percent_thousandths(5, CuTotal(0)), None);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(clippy::disallowed_methods)] // test code: not shipped
mod properties {
    use super::*;
    use crate::core::run::{Run, RunStatus};
    use crate::core::time::{format_rfc3339_ms, utc_date};
    use proptest::prelude::*;

    /// Oct 30, 2026, 00:00 UTC: runs start from here over five weeks.
    const ORIGIN: i64 = 1_793_318_400_000;

    fn nov() -> YearMonth {
        YearMonth::parse("2026-11").unwrap()
    }

    /// A run: start (ms after ORIGIN, or none), run time (ms, or none),
    /// status, CU.
    type RawRun = (Option<i64>, Option<i64>, usize, Option<u64>);

    fn arb_runs() -> impl Strategy<Value = Vec<RawRun>> {
        let start = prop_oneof![
            1 => Just(None),
            // Near a midnight, often.
            4 => (0i64..35, -120_000i64..120_000).prop_map(|(d, off)| Some((d * DAY_MS + off).max(0))),
            8 => (0i64..35 * DAY_MS).prop_map(Some),
        ];
        let length = prop_oneof![
            1 => Just(None),
            1 => Just(Some(-5_000i64)),
            6 => (0i64..2 * DAY_MS).prop_map(Some),
        ];
        proptest::collection::vec(
            (
                start,
                length,
                0usize..5,
                proptest::option::of(0u64..1_000_000),
            ),
            0..80,
        )
    }

    fn runs_of(raw: &[RawRun]) -> Vec<Run> {
        const STATUSES: [&str; 5] = ["success", "failure", "running", "waiting", "cancelled"];
        raw.iter()
            .enumerate()
            .map(|(i, (start, length, status, cu))| {
                let started = start.map(|s| format_rfc3339_ms(ORIGIN + s));
                let finished = match (start, length) {
                    (Some(s), Some(l)) => Some(format_rfc3339_ms(ORIGIN + s + l)),
                    _ => None,
                };
                Run::from_sent(
                    format!("r{i}"),
                    "wf".into(),
                    RunStatus::parse(STATUSES[*status]),
                    started.as_deref().unwrap_or(""),
                    finished.as_deref(),
                    cu.map(crate::core::cu::Cu),
                    None,
                )
            })
            .collect()
    }

    /// The slow, obvious reconciliation: for each day, every run looked at.
    fn oracle(
        month: YearMonth,
        runs: &[&Run],
        cover: RunsCover,
        usage: &Usage,
    ) -> (Vec<ReconDay>, usize) {
        let day_of = |ms: i64| ms.div_euclid(DAY_MS);
        let end_of = |r: &Run| -> Option<i64> {
            let s = r.started_ms?;
            match r.finished_ms {
                Some(f) if f >= s => Some(if f > s { f - 1 } else { f }),
                _ if r.status.in_progress() && cover.read_at >= s => Some(if cover.read_at > s {
                    cover.read_at - 1
                } else {
                    s
                }),
                _ => None,
            }
        };
        let mut last_data = None;
        for r in runs {
            if let Some(s) = r.started_ms {
                if month.contains(day_of(s)) {
                    last_data = last_data.max(Some(day_of(s)));
                }
            }
        }
        for d in &usage.daily {
            if month.contains(d.date) {
                last_data = last_data.max(Some(d.date));
            }
        }
        let through = day_of(cover.read_at)
            .min(month.last_day())
            .max(last_data.unwrap_or(Day::MIN));
        let mut rows = Vec::new();
        let mut d = month.first_day();
        while d <= through {
            let started: Vec<&&Run> = runs
                .iter()
                .filter(|r| r.started_ms.map(day_of) == Some(d))
                .collect();
            let mut f = Figures {
                runs: started.len(),
                ..Figures::default()
            };
            for r in &started {
                if let Some(cu) = r.cu {
                    f.runs_cu.add(cu);
                } else {
                    f.causes.without_cu += 1;
                }
                if r.status.in_progress() {
                    f.causes.in_progress += 1;
                }
                if end_of(r).is_some_and(|e| day_of(e) > d) {
                    f.causes.crossing_out += 1;
                }
            }
            f.causes.crossing_in = runs
                .iter()
                .filter(|r| {
                    r.started_ms.is_some_and(|s| day_of(s) < d)
                        && end_of(r).is_some_and(|e| day_of(e) >= d)
                })
                .count();
            f.causes.not_loaded =
                cover.since.is_some_and(|t| d * DAY_MS <= t) || cover.read_at < (d + 1) * DAY_MS;
            for u in usage.daily.iter().filter(|u| u.date == d) {
                f.ledger_cu.add_total(u.used);
            }
            f.difference = f.ledger_cu.0 as i128 - f.runs_cu.0 as i128;
            f.percent = percent_thousandths(f.difference, f.ledger_cu);
            rows.push(ReconDay {
                date: d,
                figures: f,
            });
            d += 1;
        }
        let undated = runs.iter().filter(|r| r.started_ms.is_none()).count();
        rows.sort_by_key(|r| (r.figures.difference == 0, r.date));
        (rows, undated)
    }

    fn arb_usage() -> impl Strategy<Value = Usage> {
        proptest::collection::vec(
            (
                0i64..30,
                0u128..2_000_000,
                proptest::collection::vec(
                    (0usize..3, 0usize..4, 0u64..1_000, 0u128..500_000),
                    0..5,
                ),
            ),
            0..30,
        )
        .prop_map(|days| {
            let first = nov().first_day();
            let mut seen = Vec::new();
            let mut daily = Vec::new();
            for (d, used, lines) in days {
                if seen.contains(&d) {
                    continue;
                }
                seen.push(d);
                daily.push(UsageDay {
                    date: first + d,
                    used: CuTotal(used),
                    breakdown: lines
                        .into_iter()
                        .map(|(c, t, count, cu)| NodeUse {
                            category: ["trigger", "builtIn", "logic"][c].into(),
                            node_type: ["cronjob", "http-request", "if", "loop"][t].into(),
                            count,
                            cu: CuTotal(cu),
                        })
                        .collect(),
                });
            }
            daily.sort_by_key(|d| d.date);
            Usage {
                year_month: nov(),
                summary: UsageSummary::default(),
                daily,
            }
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1_000))]

        /// The reconciliation is the slow one's, and every total is the sum
        /// of its days.
        #[test]
        fn reconciliation_agrees_with_the_oracle_and_adds_up(
            raw in arb_runs(),
            keep in proptest::collection::vec(any::<bool>(), 80),
            usage in arb_usage(),
            since in proptest::option::of(0i64..35 * DAY_MS),
            read in 0i64..40 * DAY_MS,
        ) {
            let runs = runs_of(&raw);
            let set = RunSet::new(runs.clone(), utc_date);
            let indices: Vec<usize> = (0..runs.len()).filter(|&i| keep[i]).collect();
            let cover = RunsCover { since: since.map(|s| ORIGIN + s), read_at: ORIGIN + read };
            let r = reconcile(nov(), RunsView { set: &set, indices: &indices, cover }, &usage);
            let kept: Vec<&Run> = indices.iter().map(|&i| &runs[i]).collect();
            let (rows, undated) = oracle(nov(), &kept, cover, &usage);
            prop_assert_eq!(&r.days, &rows);
            prop_assert_eq!(r.undated, undated);
            let mut t = Figures::default();
            for d in &r.days {
                t.runs += d.figures.runs;
                t.runs_cu.add_total(d.figures.runs_cu);
                t.ledger_cu.add_total(d.figures.ledger_cu);
                // The month's causes: those of the days that differ.
                if d.figures.difference != 0 {
                    t.causes.add(&d.figures.causes);
                }
                prop_assert_eq!(d.figures.difference, d.figures.ledger_cu.0 as i128 - d.figures.runs_cu.0 as i128);
            }
            t.difference = t.ledger_cu.0 as i128 - t.runs_cu.0 as i128;
            t.percent = percent_thousandths(t.difference, t.ledger_cu);
            prop_assert_eq!(r.total, t);
            // Every run started in the month is counted once; every ledger day of it too.
            let in_month = kept.iter().filter(|r| r.started_ms.is_some_and(|s| nov().contains(utc_day(s)))).count();
            prop_assert_eq!(r.total.runs, in_month);
            prop_assert_eq!(r.total.ledger_cu, usage.daily_total());
            // The percent is the exact one, rounded to the nearest thousandth.
            if let Some(p) = r.total.percent {
                let l = r.total.ledger_cu.0 as i128;
                prop_assert!((p * l - r.total.difference * 100_000).abs() * 2 <= l);
            }
        }

        /// Node rows add up to the month's breakdown; shares to 100.0 %.
        #[test]
        fn node_types_add_up(usage in arb_usage()) {
            let t = by_node_type(&usage);
            let lines: Vec<&NodeUse> = usage.daily.iter().flat_map(|d| &d.breakdown).collect();
            prop_assert_eq!(t.cu, sum(lines.iter().map(|n| n.cu)));
            prop_assert_eq!(t.count, lines.iter().map(|n| u128::from(n.count)).sum::<u128>());
            prop_assert_eq!(t.cu, sum(t.rows.iter().map(|r| r.cu)));
            prop_assert_eq!(t.count, t.rows.iter().map(|r| r.count).sum::<u128>());
            prop_assert!(t.rows.windows(2).all(|w| w[0].cu >= w[1].cu));
            for r in &t.rows {
                let of: Vec<&&NodeUse> = lines.iter().filter(|n| n.category == r.category && n.node_type == r.node_type).collect();
                prop_assert_eq!(r.cu, sum(of.iter().map(|n| n.cu)));
            }
            if t.cu.0 > 0 {
                prop_assert_eq!(t.rows.iter().map(|r| u32::from(r.share.unwrap())).sum::<u32>(), 1_000);
            }
            let d = ledger_daily(&usage, nov().last_day(), Granularity::Day, 1);
            prop_assert_eq!(d.days.len(), 30);
            prop_assert_eq!(sum(d.days.iter().map(|s| s.total)), usage.daily_total());
            prop_assert_eq!(ledger_headline(&usage, None, nov().last_day()).total, usage.daily_total());
            for s in &d.days {
                prop_assert!(d.max >= s.total && d.max >= sum(s.parts.iter().copied()));
            }
        }

        /// The runway's days are the first on which the balance, falling
        /// evenly from the start of today, is below the level.
        #[test]
        fn the_runway_is_the_first_day_below(b in 0u128..10_000_000, m in 0u128..10_000_000, s in 0u128..1_000_000, week in any::<bool>()) {
            let rate = DailyRate { cu: CuTotal(s), days: if week { 7 } else { 30 } };
            let n = u128::from(rate.days);
            let today = 20_000;
            let r = runway(CuTotal(b), CuTotal(m), rate, today);
            // The balance at the end of day k, times n: b·n − (k+1)·s; at
            // the start of today (k = −1): b·n.
            let end_n = |k: i128| (b * n) as i128 - (k + 1) * s as i128;
            let crossed = |k: i128, level: u128, strict: bool| {
                let (e, l) = (end_n(k), (level * n) as i128);
                if strict { e < l } else { e <= l }
            };
            let check = |t: Threshold, level: u128, strict: bool, already: bool| -> Result<(), TestCaseError> {
                match t {
                    Threshold::Already => prop_assert!(already),
                    Threshold::Never => prop_assert!(!already && s == 0),
                    Threshold::On(d) => {
                        let k = i128::from(d - today);
                        prop_assert!(!already && k >= 0);
                        // Crossed during day k, not before it.
                        prop_assert!(crossed(k, level, strict) && !crossed(k - 1, level, strict));
                    }
                }
                Ok(())
            };
            check(r.below_minimum, m, true, b < m)?;
            check(r.runs_out, 0, false, b == 0)?;
        }
    }
}
