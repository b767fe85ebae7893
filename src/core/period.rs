//! Finance periods, as pure civil-date arithmetic on the component's day
//! numbers (days since 1970-01-01 of the dates in its time zone, the same
//! days the day chart and the From/To filters use): the presets and their
//! previous period, whether the loaded runs cover a period, the change
//! between two totals, the period-end projection and the budget, and the
//! week and month buckets of the time chart.
//!
//! Time zones never enter here: a run's date in the zone is computed once
//! (by `Intl`, see [`crate::core::format::Formatter::day_key`]), and everything
//! below is arithmetic on those dates, so daylight-saving changes cannot
//! move a boundary.

use crate::core::cu::CuTotal;
use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::time::utc_date;

/// A date in the billing time zone: days since 1970-01-01.
pub type Day = i64;

/// Milliseconds in a day of the projection's clock.
pub const DAY_MS: i64 = 86_400_000;

/// The `YYYY-MM-DD` key of a day (the From/To and URL form).
pub fn day_key(day: Day) -> String {
    utc_date(day * DAY_MS)
}

/// Year, month (1–12) and day of month of a day.
pub fn ymd(day: Day) -> (i64, i64, i64) {
    let key = day_key(day);
    let n = |r: std::ops::Range<usize>| key[r].parse::<i64>().unwrap_or(1);
    (
        n(0..key.len() - 6),
        n(key.len() - 5..key.len() - 3),
        n(key.len() - 2..key.len()),
    )
}

/// The first day of the month `months` months after the month of `day`
/// (negative: before).
pub fn month_start(day: Day, months: i64) -> Day {
    let (y, m, _) = ymd(day);
    let index = y * 12 + (m - 1) + months;
    crate::core::time::days_from_civil(index.div_euclid(12), index.rem_euclid(12) + 1, 1)
}

/// The ISO weekday of a day: 1 = Monday … 7 = Sunday.
pub fn weekday(day: Day) -> u8 {
    // 1970-01-01 was a Thursday (4).
    ((day + 3).rem_euclid(7) + 1) as u8
}

/// The first day of the week holding `day`, weeks starting on ISO weekday
/// `starts_on` (1 = Monday … 7 = Sunday).
pub fn week_start(day: Day, starts_on: u8) -> Day {
    let back = (i64::from(weekday(day)) - i64::from(starts_on)).rem_euclid(7);
    day - back
}

/// A period's preset, or "Custom" (the From/To inputs).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    /// Today only.
    Today,
    /// Today and the six days before.
    Last7,
    /// Today and the 29 days before.
    Last30,
    /// The calendar month holding today.
    ThisMonth,
    /// The calendar month before.
    LastMonth,
    /// The calendar quarter holding today.
    ThisQuarter,
    /// From/To as typed (or none).
    #[default]
    Custom,
}

impl Preset {
    /// Every choice, in the select's order.
    pub const ALL: [Preset; 7] = [
        Preset::Today,
        Preset::Last7,
        Preset::Last30,
        Preset::ThisMonth,
        Preset::LastMonth,
        Preset::ThisQuarter,
        Preset::Custom,
    ];

    /// The option / URL key.
    pub fn key(self) -> &'static str {
        match self {
            Preset::Today => "today",
            Preset::Last7 => "last-7-days",
            Preset::Last30 => "last-30-days",
            Preset::ThisMonth => "this-month",
            Preset::LastMonth => "last-month",
            Preset::ThisQuarter => "this-quarter",
            Preset::Custom => "custom",
        }
    }

    /// The select's text.
    pub fn label(self, f: &Formatter) -> String {
        f.t(match self {
            Preset::Today => M::presetToday,
            Preset::Last7 => M::presetLast7,
            Preset::Last30 => M::presetLast30,
            Preset::ThisMonth => M::presetThisMonth,
            Preset::LastMonth => M::presetLastMonth,
            Preset::ThisQuarter => M::presetThisQuarter,
            Preset::Custom => M::presetCustom,
        })
    }

    /// The preset of a key.
    pub fn parse(key: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.key() == key)
    }

    /// Whether the period is a calendar month (the budget is per month).
    pub fn is_month(self) -> bool {
        matches!(self, Preset::ThisMonth | Preset::LastMonth)
    }
}

/// Days `from..=to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// First day.
    pub from: Day,
    /// Last day (inclusive).
    pub to: Day,
}

impl Period {
    /// Number of days.
    pub fn days(self) -> i64 {
        self.to - self.from + 1
    }

    /// Whether `day` is in the period.
    pub fn contains(self, day: Day) -> bool {
        (self.from..=self.to).contains(&day)
    }

    /// The From/To keys.
    pub fn keys(self) -> (String, String) {
        (day_key(self.from), day_key(self.to))
    }
}

/// The period of a preset when today is `today` (`None` for Custom).
pub fn range(preset: Preset, today: Day) -> Option<Period> {
    let month = |k: i64| Period {
        from: month_start(today, k),
        to: month_start(today, k + 1) - 1,
    };
    Some(match preset {
        Preset::Today => Period {
            from: today,
            to: today,
        },
        Preset::Last7 => Period {
            from: today - 6,
            to: today,
        },
        Preset::Last30 => Period {
            from: today - 29,
            to: today,
        },
        Preset::ThisMonth => month(0),
        Preset::LastMonth => month(-1),
        Preset::ThisQuarter => {
            let (_, m, _) = ymd(today);
            let back = (m - 1) % 3;
            Period {
                from: month_start(today, -back),
                to: month_start(today, 3 - back) - 1,
            }
        }
        Preset::Custom => return None,
    })
}

/// The period a preset's period is compared with: the month (or quarter)
/// before for calendar periods, else the same number of days just before.
pub fn previous(preset: Preset, period: Period) -> Period {
    let months = match preset {
        Preset::ThisMonth | Preset::LastMonth => 1,
        Preset::ThisQuarter => 3,
        _ => {
            return Period {
                from: period.from - period.days(),
                to: period.from - 1,
            }
        }
    };
    Period {
        from: month_start(period.from, -months),
        to: period.from - 1,
    }
}

/// The name of month `m` (1–12) from the catalog's list `list`.
fn month_name(f: &Formatter, list: M, m: i64) -> String {
    let names = f.t(list);
    names
        .split(',')
        .nth((m - 1) as usize)
        .map_or_else(|| m.to_string(), |n| n.trim().to_owned())
}

/// A day as the screen shows days everywhere: "Nov 1, 2026" (a key that
/// is not a date is shown as it is).
pub fn medium_date(key: &str, f: &Formatter) -> String {
    parse(key).map_or_else(|| key.to_owned(), |d| short_date(d, i64::MIN, f))
}

/// "November 2026" for the month of `key` (`YYYY-MM…`).
pub fn month_label(key: &str, f: &Formatter) -> String {
    match (
        key.get(..4),
        key.get(5..7).and_then(|m| m.parse::<i64>().ok()),
    ) {
        (Some(y), Some(m @ 1..=12)) => f.tf(
            M::monthYear,
            &[("month", &month_name(f, M::monthNames, m)), ("year", y)],
        ),
        _ => key.to_owned(),
    }
}

/// "Nov 1" (with the year when it is not `this_year`: "Dec 30, 2025").
pub fn short_date(day: Day, this_year: i64, f: &Formatter) -> String {
    let (y, m, d) = ymd(day);
    let month = month_name(f, M::monthShortNames, m);
    let d = d.to_string();
    if y == this_year {
        f.tf(M::dateShort, &[("month", &month), ("day", &d)])
    } else {
        f.tf(
            M::dateYear,
            &[("month", &month), ("day", &d), ("year", &y.to_string())],
        )
    }
}

/// How a preset's period follows a figure in a sentence ("48 CU this
/// month"): "today", "in the last 7 days", "this month", "in October".
pub fn period_name(preset: Preset, period: Period, today: Day, f: &Formatter) -> String {
    let this_year = ymd(today).0;
    match preset {
        Preset::Today => f.t(M::inToday),
        Preset::Last7 => f.t(M::inLast7),
        Preset::Last30 => f.t(M::inLast30),
        Preset::ThisMonth => f.t(M::inThisMonth),
        Preset::ThisQuarter => f.t(M::inThisQuarter),
        Preset::LastMonth | Preset::Custom => {
            f.tf(M::inRange, &[("range", &named_range(period, this_year, f))])
        }
    }
}

/// How the previous period is named: "yesterday", "the previous 7 days",
/// "October", "Q3".
pub fn previous_name(preset: Preset, previous: Period, today: Day, f: &Formatter) -> String {
    let this_year = ymd(today).0;
    match preset {
        Preset::Today => f.t(M::prevToday),
        Preset::Last7 => f.t(M::prevLast7),
        Preset::Last30 => f.t(M::prevLast30),
        Preset::ThisQuarter => {
            let (y, m, _) = ymd(previous.from);
            let q = ((m - 1) / 3 + 1).to_string();
            if y == this_year {
                f.tf(M::quarter, &[("q", &q)])
            } else {
                f.tf(M::quarterYear, &[("q", &q), ("year", &y.to_string())])
            }
        }
        _ => named_range(previous, this_year, f),
    }
}

/// A period by its days: a whole calendar month by its name ("October",
/// "December 2025"), one day as "Nov 28", any other range as "Nov 22 –
/// Nov 28".
pub fn named_range(p: Period, this_year: i64, f: &Formatter) -> String {
    let (y, m, d) = ymd(p.from);
    if d == 1 && p.to == month_start(p.from, 1) - 1 {
        let name = month_name(f, M::monthNames, m);
        return if y == this_year {
            name
        } else {
            f.tf(M::monthYear, &[("month", &name), ("year", &y.to_string())])
        };
    }
    day_range(p, this_year, f)
}

/// A period by its first and last day ("Feb 1 – Feb 28", "Nov 28"), never
/// a month's name: what a part of a day ends ("…, 12:00") needs.
pub fn day_range(p: Period, this_year: i64, f: &Formatter) -> String {
    if p.from == p.to {
        return short_date(p.from, this_year, f);
    }
    f.tf(
        M::dateRange,
        &[
            ("from", &short_date(p.from, this_year, f)),
            ("to", &short_date(p.to, this_year, f)),
        ],
    )
}

/// Whether the loaded runs hold every run of a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cover {
    /// Every run since the period's first day is loaded.
    Full,
    /// Runs are loaded back to this day only (it is after the period's start).
    BackTo(Day),
    /// The loaded runs do not start at the head of the list (a later page).
    NotFromHead,
    /// Nothing loaded yet.
    Nothing,
}

/// Whether loaded runs cover everything since `from`.
///
/// - `from_head`: the runs start at the head of the list (offset 0 or all
///   loaded).
/// - `complete`: the list's end was reached (`hasMore: false`).
/// - `oldest`: the oldest start day among the loaded runs.
///
/// The list is newest first (the contract says so for recent runs; the
/// From stop of "Load all runs" relies on it the same way): a loaded run
/// from before `from` shows that every run since `from` was read.
pub fn cover(from_head: bool, complete: bool, oldest: Option<Day>, from: Day) -> Cover {
    if !from_head {
        return Cover::NotFromHead;
    }
    if complete {
        return Cover::Full;
    }
    match oldest {
        None => Cover::Nothing,
        Some(o) if o < from => Cover::Full,
        Some(o) => Cover::BackTo(o),
    }
}

/// How much of a period the runs list can hold, when the list was read to
/// its end from its head and its oldest run started on `begins`: runs from
/// before that day are not in the list (the organization's first runs, or
/// runs past the API's retention; the API does not say which), so a total
/// of an earlier day is not the period's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Held {
    /// Every day of the period (the list begins before its first day, or
    /// where it begins is not known: the list was not read to its end).
    All,
    /// The period's days from this one on.
    From(Day),
    /// None of it: the list begins after its last day.
    Nothing,
}

/// What of `p` a list that begins on `begins` holds (see [`Held`]).
pub fn held(p: Period, begins: Option<Day>) -> Held {
    match begins {
        Some(b) if b > p.to => Held::Nothing,
        // On the period's first day too: the list's oldest run started
        // after that day's midnight, and what ran before it is not known.
        Some(b) if b >= p.from => Held::From(b),
        _ => Held::All,
    }
}

/// The change from a previous figure to the current one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// The previous period is not loaded: "—".
    Unknown,
    /// Nothing in the previous period (a workflow absent before): "new".
    New,
    /// Signed difference (units of the figure) and, when the previous
    /// figure is not zero, the change in tenths of a percent (rounded half
    /// away from zero).
    Delta {
        /// `current − previous`.
        diff: i128,
        /// `diff / previous` in tenths of a percent.
        tenths: Option<i128>,
    },
}

/// The change from `previous` (`None`: not loaded; `Some(None)`: loaded but
/// absent) to `current`.
pub fn change(current: u128, previous: Option<Option<u128>>) -> Change {
    let Some(previous) = previous else {
        return Change::Unknown;
    };
    let Some(prev) = previous else {
        return Change::New;
    };
    let (cur, prev) = (current as i128, prev as i128);
    let diff = cur - prev;
    let tenths = (prev != 0).then(|| {
        let num = diff * 1000;
        let half = prev / 2;
        if num >= 0 {
            (num + half) / prev
        } else {
            -((-num + half) / prev)
        }
    });
    Change::Delta { diff, tenths }
}

/// The signed percent of a change: "+12.4 %", "−3.0 %", "0.0 %" (the
/// decimal separator the locale's).
pub fn percent_text(tenths: i128, f: &Formatter) -> String {
    f.signed_percent(tenths)
}

/// Where an open period stands in time, in milliseconds: the instant its
/// first day starts, now, and the instant its last day ends, in the billing
/// zone; a day the clocks change has its 23 or 25 hours.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// The period's first midnight.
    pub start: i64,
    /// Now.
    pub now: i64,
    /// The midnight after its last day.
    pub end: i64,
}

impl Span {
    /// The span of `period` with days of 24 hours (UTC's), at
    /// `now_ms_into_today` into `today`.
    pub fn of_days(period: Period, today: Day, now_ms_into_today: i64) -> Span {
        let start = period.from * DAY_MS;
        Span {
            start,
            now: today * DAY_MS + now_ms_into_today,
            end: (period.to + 1) * DAY_MS,
        }
    }

    /// Time gone since the start (at least 1 ms, at most the length).
    fn elapsed(self) -> u128 {
        (self.now - self.start).clamp(1, self.length() as i64) as u128
    }

    /// The period's length.
    fn length(self) -> u128 {
        (self.end - self.start).max(1) as u128
    }
}

/// The period-end estimate: the total so far at the same rate for the
/// whole period.
///
/// Method: rate = total ÷ time elapsed since the period's first midnight;
/// estimate = rate × the period's length (both as the clock runs: a day the
/// clocks change has 23 or 25 hours), rounded half up to 1/10,000 CU.
pub fn projection(total: CuTotal, span: Span) -> CuTotal {
    let (elapsed, length) = (span.elapsed(), span.length());
    CuTotal((total.0 * length + elapsed / 2) / elapsed)
}

/// The range of the period-end estimate from the daily spread: the CU so
/// far plus the time left at the lowest and at the highest daily use of
/// the period's whole days so far (a day without runs counts as 0), each
/// rounded half up to 1/10,000 CU. `by_day` is the period's CU per day.
/// `None` before two whole days have passed, or outside the period.
pub fn projection_range(
    by_day: &[(Day, CuTotal)],
    total: CuTotal,
    period: Period,
    today: Day,
    span: Span,
) -> Option<(CuTotal, CuTotal)> {
    if !period.contains(today) || today - period.from < 2 {
        return None;
    }
    let whole = |d: &&(Day, CuTotal)| d.0 >= period.from && d.0 < today;
    let days_with_runs = by_day.iter().filter(whole).count() as i64;
    let high = by_day
        .iter()
        .filter(whole)
        .map(|d| d.1 .0)
        .max()
        .unwrap_or(0);
    let low = if days_with_runs < today - period.from {
        0
    } else {
        by_day
            .iter()
            .filter(whole)
            .map(|d| d.1 .0)
            .min()
            .unwrap_or(0)
    };
    let left = span.length() - span.elapsed();
    let at =
        |per_day: u128| CuTotal(total.0 + (per_day * left + DAY_MS as u128 / 2) / DAY_MS as u128);
    Some((at(low), at(high)))
}

fn elapsed_ms(period: Period, today: Day, now_ms_into_today: i64) -> u128 {
    ((today - period.from) * DAY_MS + now_ms_into_today.clamp(1, DAY_MS)) as u128
}

/// Where a month's spending stands against its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Budget {
    /// Spent reached the budget on this day.
    RanOut(Day),
    /// At the rate so far, the budget runs out on this day (in the period).
    RunsOut(Day),
    /// At the rate so far (or, for a closed period, in all), the period
    /// ends within budget.
    Within,
}

/// The budget's state: `by_day` is the period's CU per day (days in
/// order, gaps allowed). For an open period, the run-out day extrapolates
/// the rate so far (as [`projection`]).
pub fn budget(
    by_day: &[(Day, CuTotal)],
    budget: CuTotal,
    period: Period,
    today: Day,
    now_ms_into_today: i64,
) -> Budget {
    let mut spent = CuTotal::default();
    for &(day, cu) in by_day {
        spent.add_total(cu);
        if spent >= budget {
            return Budget::RanOut(day);
        }
    }
    if !period.contains(today) || spent.0 == 0 {
        return Budget::Within;
    }
    let elapsed = elapsed_ms(period, today, now_ms_into_today);
    // Time until the rest of the budget is spent at spent/elapsed per ms.
    let to_go = ((budget.0 - spent.0) * elapsed).div_ceil(spent.0);
    let at = now_ms_into_today.clamp(1, DAY_MS) as u128 + to_go;
    let day = today + (at / DAY_MS as u128).min(i64::MAX as u128 / 2) as i64;
    if day > period.to {
        Budget::Within
    } else {
        Budget::RunsOut(day)
    }
}

/// Rounded half up percent of `part` in `whole` (0 when `whole` is 0).
pub fn whole_percent(part: CuTotal, whole: CuTotal) -> u128 {
    if whole.0 == 0 {
        return 0;
    }
    (part.0 * 100 + whole.0 / 2) / whole.0
}

/// Bucket size of the time chart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Granularity {
    /// One bar per day.
    #[default]
    Day,
    /// One per week (starting on the week-start day).
    Week,
    /// One per calendar month.
    Month,
}

impl Granularity {
    /// Every choice, in the control's order.
    pub const ALL: [Granularity; 3] = [Granularity::Day, Granularity::Week, Granularity::Month];

    /// The URL / option key and the control's text.
    pub fn key(self) -> &'static str {
        match self {
            Granularity::Day => "day",
            Granularity::Week => "week",
            Granularity::Month => "month",
        }
    }

    /// "Day", "Week", "Month".
    pub fn label(self, f: &Formatter) -> String {
        f.t(match self {
            Granularity::Day => M::granDay,
            Granularity::Week => M::granWeek,
            Granularity::Month => M::granMonth,
        })
    }

    /// The granularity of a key.
    pub fn parse(key: &str) -> Option<Granularity> {
        Granularity::ALL.into_iter().find(|g| g.key() == key)
    }

    /// The first day of the bucket holding `day`.
    pub fn bucket(self, day: Day, week_starts_on: u8) -> Day {
        match self {
            Granularity::Day => day,
            Granularity::Week => week_start(day, week_starts_on),
            Granularity::Month => month_start(day, 0),
        }
    }

    /// The first day of the bucket after the one starting on `start`.
    pub fn next(self, start: Day) -> Day {
        match self {
            Granularity::Day => start + 1,
            Granularity::Week => start + 7,
            Granularity::Month => month_start(start, 1),
        }
    }
}

/// Today (in the component's zone) and the milliseconds since its
/// midnight, for the instant `now`; `day_of` gives an instant's date in the
/// zone.
///
/// Midnight is found by stepping back over quarter hours (every zone's
/// offset is a whole number of quarter hours, so each midnight falls on
/// one) while the date stays today, at most 26 hours: right across
/// daylight-saving changes, where a day has 23 or 25 hours, and even where
/// clocks fall back over midnight (today then began at the later midnight).
pub fn clock(now: i64, day_of: impl Fn(i64) -> Day) -> (Day, i64) {
    const QUARTER: i64 = 900_000;
    let today = day_of(now);
    let mut start = now.div_euclid(QUARTER) * QUARTER;
    for _ in 0..26 * 4 {
        if day_of(start - QUARTER) != today {
            break;
        }
        start -= QUARTER;
    }
    (today, now - start)
}

/// For a period that includes today, the last day of the same elapsed
/// part of `previous` (today's counterpart there): a partial period is
/// compared with the same part of the one before, to the same time of day
/// ([`PeriodView`](crate::view::table::PeriodView) keeps that time). `None` when
/// the whole previous period compares: the period is over, or the previous
/// one is shorter than the part elapsed (Mar 1–30 against all of February).
pub fn previous_cut(period: Period, previous: Period, today: Day) -> Option<Day> {
    if !period.contains(today) {
        return None;
    }
    let cut = previous.from + (today - period.from);
    (cut <= previous.to).then_some(cut)
}

/// The instant `day` begins in the zone of `day_of` (see [`clock`]).
pub fn day_start(day: Day, day_of: impl Fn(i64) -> Day) -> i64 {
    // Midnight UTC first (UTC and the zones east of it, in a few steps);
    // noon UTC is on that date in every zone from -12 to +11; the zones
    // further east see it as the next day: six hours before midnight UTC.
    for guess in [
        day * DAY_MS,
        day * DAY_MS + DAY_MS / 2,
        day * DAY_MS - DAY_MS / 4,
    ] {
        let (d, into) = clock(guess, &day_of);
        if d == day {
            return guess - into;
        }
    }
    day * DAY_MS
}

/// A time of day from milliseconds after midnight, as `18:00`.
pub fn hh_mm(into_day: i64) -> String {
    let minutes = into_day.clamp(0, DAY_MS - 1) / 60_000;
    format!("{:02}:{:02}", minutes / 60, minutes % 60)
}

/// CU per start day of the runs at `indices` (days in order; runs without
/// a start day or a valid CU left out): the slow, obvious version, kept as
/// the oracle of the sums `subtotals::filter_and_sum` makes in its pass.
#[cfg(test)]
pub fn cu_by_day(set: &crate::core::store::RunSet, indices: &[usize]) -> Vec<(Day, CuTotal)> {
    let mut per_id = vec![CuTotal::default(); set.day_names.len()];
    let (day_of, cu_of) = (&set.day_of[..set.len()], set.cu_column());
    for &i in indices {
        let cu = cu_of[i];
        if cu != crate::core::store::NO_CU {
            per_id[day_of[i] as usize].0 += u128::from(cu);
        }
    }
    days_of(set, &per_id)
}

/// The days of CU summed per day id of `set` (`RunSet::day_names`), in
/// order, days without CU or a start day left out: for the budget and the
/// cumulative line.
pub fn days_of(set: &crate::core::store::RunSet, per_id: &[CuTotal]) -> Vec<(Day, CuTotal)> {
    let days: Vec<(Day, CuTotal)> = set
        .day_names
        .iter()
        .zip(per_id)
        .filter_map(|(name, cu)| Some((parse(name)?, *cu)))
        .filter(|(_, cu)| cu.0 > 0)
        .collect();
    // Days are distinct (one per name), so an unstable sort is exact; the
    // key maps i64 onto u64 in order.
    let mut pairs: Vec<(u64, u32)> = days
        .iter()
        .enumerate()
        .map(|(k, (d, _))| ((*d as u64) ^ (1 << 63), k as u32))
        .collect();
    crate::core::sort::sort_pairs(&mut pairs);
    pairs.into_iter().map(|(_, k)| days[k as usize]).collect()
}

/// Parses a `YYYY-MM-DD` key to a day.
pub fn parse(key: &str) -> Option<Day> {
    let day = key;
    let b = day.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y: i64 = day[..4].parse().ok()?;
    let m: i64 = day[5..7].parse().ok()?;
    let d: i64 = day[8..].parse().ok()?;
    ((1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| crate::core::time::days_from_civil(y, m, d))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn en() -> Formatter {
        Formatter::plain(None)
    }

    #[test]
    fn the_projection_range_comes_from_the_lowest_and_highest_whole_day() {
        let nov = parse("2026-11-01").unwrap();
        let month = range(Preset::ThisMonth, nov + 5).unwrap();
        let cu = |n: u128| CuTotal(n * 10_000);
        // Nov 1–5 whole (Nov 3 without runs), Nov 6 half gone.
        let by_day = [
            (nov, cu(10)),
            (nov + 1, cu(30)),
            (nov + 3, cu(20)),
            (nov + 4, cu(40)),
            (nov + 5, cu(7)),
        ];
        let total = cu(107);
        let half = DAY_MS / 2;
        let span = |today, ms| Span::of_days(month, today, ms);
        let (low, high) =
            projection_range(&by_day, total, month, nov + 5, span(nov + 5, half)).unwrap();
        // 24.5 days left: at 0 a day (Nov 3) and at 40 a day.
        assert_eq!(low, total);
        assert_eq!(high, CuTotal(total.0 + 40 * 10_000 * 49 / 2));
        // The estimate lies within the range.
        let p = projection(total, span(nov + 5, half));
        assert!(low <= p && p <= high);
        // Every day with runs: the lowest is the smallest day.
        let full = [
            (nov, cu(10)),
            (nov + 1, cu(30)),
            (nov + 2, cu(5)),
            (nov + 3, cu(20)),
            (nov + 4, cu(40)),
        ];
        let (low, _) =
            projection_range(&full, cu(105), month, nov + 5, span(nov + 5, half)).unwrap();
        assert_eq!(low, CuTotal(cu(105).0 + 5 * 10_000 * 49 / 2));
        // Days outside the period's whole days do not count.
        let (_, high) = projection_range(
            &[
                (nov - 1, cu(999)),
                (nov + 5, cu(999)),
                (nov, cu(1)),
                (nov + 1, cu(1)),
            ],
            cu(2),
            month,
            nov + 2,
            span(nov + 2, 0),
        )
        .unwrap();
        assert_eq!(high, CuTotal(cu(2).0 + 10_000 * 28));
        // Too early for a spread: under two whole days.
        assert_eq!(
            projection_range(&by_day, total, month, nov + 1, span(nov + 1, half)),
            None
        );
        // Not in the period.
        assert_eq!(
            projection_range(&by_day, total, month, nov + 40, span(nov + 40, half)),
            None
        );
    }
    use proptest::prelude::*;

    fn d(key: &str) -> Day {
        parse(key).unwrap()
    }

    /// The slow, obvious month length: count the days whose key has the month.
    fn month_days_oracle(y: i64, m: i64) -> i64 {
        let first = crate::core::time::days_from_civil(y, m, 1);
        (0..40).take_while(|k| ymd(first + k).1 == m).count() as i64
    }

    #[test]
    fn a_partial_period_is_compared_with_the_same_part_of_the_one_before() {
        let cut = |preset, today: &str| {
            let today = d(today);
            let p = range(preset, today).unwrap();
            previous_cut(p, previous(preset, p), today).map(day_key)
        };
        // Six days into December: November 1–6 (to the same time of day).
        assert_eq!(
            cut(Preset::ThisMonth, "2026-12-06").as_deref(),
            Some("2026-11-06")
        );
        // March 1–30 against all of February (28 days).
        assert_eq!(cut(Preset::ThisMonth, "2026-03-30"), None);
        assert_eq!(
            cut(Preset::ThisMonth, "2026-03-28").as_deref(),
            Some("2026-02-28")
        );
        // 2028 is a leap year: March 29 against all of February's 29 days.
        assert_eq!(
            cut(Preset::ThisMonth, "2028-03-29").as_deref(),
            Some("2028-02-29")
        );
        assert_eq!(cut(Preset::ThisMonth, "2028-03-30"), None);
        // Today against yesterday; a rolling window against the same span
        // just before it, ending at the same time of day.
        assert_eq!(
            cut(Preset::Today, "2026-12-06").as_deref(),
            Some("2026-12-05")
        );
        assert_eq!(
            cut(Preset::Last7, "2026-12-06").as_deref(),
            Some("2026-11-29")
        );
        assert_eq!(
            cut(Preset::ThisQuarter, "2026-11-15").as_deref(),
            Some("2026-08-15")
        );
        // A period that is over compares whole.
        assert_eq!(cut(Preset::LastMonth, "2026-12-06"), None);
    }

    #[test]
    fn days_start_at_their_midnight_in_any_zone() {
        let day = d("2026-11-06");
        // UTC.
        let utc = |ms: i64| ms.div_euclid(DAY_MS);
        assert_eq!(day_start(day, utc), day * DAY_MS);
        // Five and a half hours east, and eight hours west, of UTC.
        let east = |ms: i64| (ms + 330 * 60_000).div_euclid(DAY_MS);
        assert_eq!(day_start(day, east), day * DAY_MS - 330 * 60_000);
        let west = |ms: i64| (ms - 8 * 3_600_000).div_euclid(DAY_MS);
        assert_eq!(day_start(day, west), day * DAY_MS + 8 * 3_600_000);
        // Fourteen hours east (Kiribati).
        let far = |ms: i64| (ms + 14 * 3_600_000).div_euclid(DAY_MS);
        assert_eq!(day_start(day, far), day * DAY_MS - 14 * 3_600_000);
        assert_eq!(hh_mm(18 * 3_600_000 + 5 * 60_000), "18:05");
        assert_eq!(hh_mm(0), "00:00");
    }

    #[test]
    fn presets_on_a_known_day() {
        let today = d("2026-11-28");
        let keys = |p| range(p, today).map(Period::keys);
        assert_eq!(
            keys(Preset::Today),
            Some(("2026-11-28".into(), "2026-11-28".into()))
        );
        assert_eq!(
            keys(Preset::Last7),
            Some(("2026-11-22".into(), "2026-11-28".into()))
        );
        assert_eq!(
            keys(Preset::Last30),
            Some(("2026-10-30".into(), "2026-11-28".into()))
        );
        assert_eq!(
            keys(Preset::ThisMonth),
            Some(("2026-11-01".into(), "2026-11-30".into()))
        );
        assert_eq!(
            keys(Preset::LastMonth),
            Some(("2026-10-01".into(), "2026-10-31".into()))
        );
        assert_eq!(
            keys(Preset::ThisQuarter),
            Some(("2026-10-01".into(), "2026-12-31".into()))
        );
        assert_eq!(keys(Preset::Custom), None);
        let prev = |p| previous(p, range(p, today).unwrap()).keys();
        assert_eq!(
            prev(Preset::ThisMonth),
            ("2026-10-01".into(), "2026-10-31".into())
        );
        assert_eq!(
            prev(Preset::LastMonth),
            ("2026-09-01".into(), "2026-09-30".into())
        );
        assert_eq!(
            prev(Preset::ThisQuarter),
            ("2026-07-01".into(), "2026-09-30".into())
        );
        assert_eq!(
            prev(Preset::Last7),
            ("2026-11-15".into(), "2026-11-21".into())
        );
        assert_eq!(
            prev(Preset::Today),
            ("2026-11-27".into(), "2026-11-27".into())
        );
        // A leap February, and January's previous month in the year before.
        assert_eq!(
            range(Preset::ThisMonth, d("2028-02-10")).unwrap().days(),
            29
        );
        assert_eq!(
            range(Preset::LastMonth, d("2027-01-05")).unwrap().keys(),
            ("2026-12-01".into(), "2026-12-31".into())
        );
    }

    #[test]
    fn names() {
        let today = d("2026-11-28");
        let p = |preset| range(preset, today).unwrap();
        assert_eq!(
            period_name(Preset::ThisMonth, p(Preset::ThisMonth), today, &en()),
            "this month"
        );
        assert_eq!(
            period_name(Preset::LastMonth, p(Preset::LastMonth), today, &en()),
            "in October"
        );
        let prev = |preset| previous_name(preset, previous(preset, p(preset)), today, &en());
        assert_eq!(prev(Preset::ThisMonth), "October");
        assert_eq!(prev(Preset::ThisQuarter), "Q3");
        assert_eq!(prev(Preset::Today), "yesterday");
        assert_eq!(prev(Preset::Last7), "the previous 7 days");
        assert_eq!(
            previous_name(
                Preset::ThisMonth,
                previous(
                    Preset::ThisMonth,
                    range(Preset::ThisMonth, d("2027-01-03")).unwrap()
                ),
                d("2027-01-03"),
                &en()
            ),
            "December 2026"
        );
        assert_eq!(short_date(d("2026-11-01"), 2026, &en()), "Nov 1");
        assert_eq!(short_date(d("2025-12-30"), 2026, &en()), "Dec 30, 2025");
        let custom = Period {
            from: d("2026-11-03"),
            to: d("2026-11-09"),
        };
        assert_eq!(
            period_name(Preset::Custom, custom, today, &en()),
            "in Nov 3 – Nov 9"
        );
    }

    #[test]
    fn change_and_percent() {
        assert_eq!(change(5, None), Change::Unknown);
        assert_eq!(change(5, Some(None)), Change::New);
        assert_eq!(
            change(1124, Some(Some(1000))),
            Change::Delta {
                diff: 124,
                tenths: Some(124)
            }
        );
        assert_eq!(
            change(0, Some(Some(3))),
            Change::Delta {
                diff: -3,
                tenths: Some(-1000)
            }
        );
        assert_eq!(
            change(2, Some(Some(0))),
            Change::Delta {
                diff: 2,
                tenths: None
            }
        );
        // 1/3 = 33.33 % → 33.3; 2/3 = 66.67 % → 66.7 (half away from zero).
        assert_eq!(
            change(4, Some(Some(3))),
            Change::Delta {
                diff: 1,
                tenths: Some(333)
            }
        );
        assert_eq!(
            change(1, Some(Some(3))),
            Change::Delta {
                diff: -2,
                tenths: Some(-667)
            }
        );
        assert_eq!(percent_text(124, &en()), "+12.4 %");
        assert_eq!(percent_text(-30, &en()), "−3.0 %");
        assert_eq!(percent_text(0, &en()), "0.0 %");
    }

    #[test]
    fn projection_and_budget_on_known_figures() {
        let nov = range(Preset::ThisMonth, d("2026-11-15")).unwrap();
        // 15 days gone exactly at midnight of the 16th? No: noon on the 15th
        // is 14.5 days; 1,450 CU so far → 100 CU a day → 3,000 CU in 30 days.
        let total = CuTotal(1_450 * 10_000);
        let p = projection(total, Span::of_days(nov, d("2026-11-15"), DAY_MS / 2));
        assert_eq!(p, CuTotal(3_000 * 10_000));
        // A day of 25 hours (daylight saving ends), 8 hours gone: 40.3062
        // CU so far → 40.3062 ÷ 8 × 25 = 125.956875, rounded half up.
        let hour = DAY_MS / 24;
        let long_day = Span {
            start: 0,
            now: 8 * hour,
            end: 25 * hour,
        };
        assert_eq!(projection(CuTotal(403_062), long_day), CuTotal(1_259_569));
        // At 23:30 on it, half an hour is still to run.
        let late = Span {
            now: 24 * hour + hour / 2,
            ..long_day
        };
        assert_eq!(projection(CuTotal(490_000), late), CuTotal(500_000));
        // Budget 2,000 at 100 CU a day from noon on the 15th: 550 CU to go,
        // 5.5 days → midnight starting the 21st.
        let by_day = [(d("2026-11-02"), total)];
        assert_eq!(
            budget(
                &by_day,
                CuTotal(2_000 * 10_000),
                nov,
                d("2026-11-15"),
                DAY_MS / 2
            ),
            Budget::RunsOut(d("2026-11-21"))
        );
        assert_eq!(
            budget(
                &by_day,
                CuTotal(1_000 * 10_000),
                nov,
                d("2026-11-15"),
                DAY_MS / 2
            ),
            Budget::RanOut(d("2026-11-02"))
        );
        assert_eq!(
            budget(
                &by_day,
                CuTotal(9_000 * 10_000),
                nov,
                d("2026-11-15"),
                DAY_MS / 2
            ),
            Budget::Within
        );
        assert_eq!(whole_percent(CuTotal(62), CuTotal(100)), 62);
        assert_eq!(whole_percent(CuTotal(1), CuTotal(3)), 33);
        assert_eq!(whole_percent(CuTotal(1), CuTotal(0)), 0);
    }

    #[test]
    fn cover_cases() {
        let from = d("2026-11-01");
        assert_eq!(cover(false, true, Some(from - 5), from), Cover::NotFromHead);
        assert_eq!(cover(true, true, Some(from + 5), from), Cover::Full);
        assert_eq!(cover(true, false, Some(from - 1), from), Cover::Full);
        assert_eq!(cover(true, false, Some(from), from), Cover::BackTo(from));
        assert_eq!(cover(true, false, None, from), Cover::Nothing);
    }

    #[test]
    fn held_says_what_of_a_period_the_list_holds() {
        let p = Period {
            from: d("2026-09-01"),
            to: d("2026-09-30"),
        };
        assert_eq!(held(p, None), Held::All);
        assert_eq!(held(p, Some(d("2026-08-31"))), Held::All);
        assert_eq!(held(p, Some(d("2026-09-01"))), Held::From(d("2026-09-01")));
        assert_eq!(held(p, Some(d("2026-09-02"))), Held::From(d("2026-09-02")));
        assert_eq!(held(p, Some(d("2026-09-27"))), Held::From(d("2026-09-27")));
        assert_eq!(held(p, Some(d("2026-09-30"))), Held::From(d("2026-09-30")));
        assert_eq!(held(p, Some(d("2026-10-01"))), Held::Nothing);
    }

    #[test]
    fn cu_by_day_sums_each_day() {
        use crate::core::test_support::run;
        let runs = vec![
            run("a", "w", "success", "2026-11-02T10:00:00Z", Some(1.5), None),
            run("b", "w", "success", "2026-11-01T10:00:00Z", Some(2.0), None),
            run("c", "w", "success", "2026-11-02T23:00:00Z", Some(0.5), None),
            run("d", "w", "success", "bad", Some(9.0), None),
            run("e", "w", "success", "2026-11-03T10:00:00Z", Some(4.0), None),
        ];
        let set = crate::core::store::RunSet::new(runs, crate::core::time::utc_date);
        let got = cu_by_day(&set, &[0, 1, 2, 3]);
        assert_eq!(
            got,
            [
                (d("2026-11-01"), CuTotal(20_000)),
                (d("2026-11-02"), CuTotal(20_000))
            ]
        );
    }

    #[test]
    fn weeks_and_months() {
        // 2026-11-29 is a Sunday.
        assert_eq!(weekday(d("2026-11-29")), 7);
        assert_eq!(day_key(week_start(d("2026-11-29"), 1)), "2026-11-23");
        assert_eq!(day_key(week_start(d("2026-11-29"), 7)), "2026-11-29");
        assert_eq!(
            day_key(Granularity::Month.bucket(d("2026-11-29"), 1)),
            "2026-11-01"
        );
        assert_eq!(
            day_key(Granularity::Month.next(d("2026-12-01"))),
            "2027-01-01"
        );
    }

    /// A zone with daylight saving: UTC+`base` quarter hours, one hour
    /// more between `spring` and `autumn` (epoch ms).
    fn dst_zone(base: i64, spring: i64, autumn: i64) -> impl Fn(i64) -> Day {
        move |t: i64| {
            let offset = base * 900_000
                + if (spring..autumn).contains(&t) {
                    3_600_000
                } else {
                    0
                };
            (t + offset).div_euclid(DAY_MS)
        }
    }

    proptest! {
        /// The per-day sums over the columns are the runs' CU summed day by
        /// day, run by run (days with nothing left out, in order).
        #[test]
        fn cu_by_day_matches_summing_run_by_run(
            runs in crate::core::test_support::arb_runs(),
            keep in proptest::collection::vec(any::<bool>(), 60),
        ) {
            let set = crate::core::store::RunSet::new(runs.clone(), crate::core::time::utc_date);
            let indices: Vec<usize> = (0..runs.len()).filter(|&i| keep[i]).collect();
            let mut slow: std::collections::BTreeMap<Day, u128> = Default::default();
            for &i in &indices {
                if let (Some(ms), Some(cu)) = (runs[i].started_ms, runs[i].cu) {
                    *slow.entry(parse(&crate::core::time::utc_date(ms)).unwrap()).or_default() += u128::from(cu.0);
                }
            }
            let slow: Vec<(Day, CuTotal)> = slow.into_iter().filter(|(_, c)| *c > 0).map(|(d, c)| (d, CuTotal(c))).collect();
            prop_assert_eq!(cu_by_day(&set, &indices), slow);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// `clock` finds the day's first instant in zones with daylight
        /// saving (offsets from −12:00 to +14:00 in quarter hours, the
        /// switches anywhere near `now`, even over midnight): today runs
        /// from there to now, and the instant before is another day.
        #[test]
        fn clock_finds_midnight_across_dst(
            now in 1_700_000_000_000i64..1_900_000_000_000,
            base in -48i64..=56,
            spring in -30i64..30,
            len in 0i64..60,
        ) {
            // Switches happen on quarter hours, as in every real zone.
            let spring = now.div_euclid(900_000) * 900_000 + spring * 3_600_000;
            let day_of = dst_zone(base, spring, spring + len * 3_600_000);
            let (today, into) = clock(now, &day_of);
            prop_assert_eq!(today, day_of(now));
            prop_assert!((0..=25 * 3_600_000).contains(&into));
            let midnight = now - into;
            prop_assert_eq!(day_of(midnight), today);
            prop_assert!(day_of(midnight - 1) != today);
            // Every instant since is today (checked per minute).
            let mut t = midnight;
            while t < now {
                prop_assert_eq!(day_of(t), today);
                t += 60_000;
            }
        }

        /// A period's runs, bucketed by their date in a zone with daylight
        /// saving (dates from `RunSet`'s quarter-hour cache), are exactly
        /// the runs whose date, computed one by one, is in the period.
        #[test]
        fn period_filters_by_zone_dates_across_dst(
            offsets in proptest::collection::vec(0i64..(60 * 24 * 3_600), 1..80),
            base in -48i64..=56,
            spring_h in 0i64..(24 * 60),
            preset in 0usize..6,
        ) {
            let start = 1_772_323_200_000i64; // 2026-03-01T00:00:00Z
            let spring = start + spring_h * 3_600_000;
            let day_of = dst_zone(base, spring, spring + 30 * 24 * 3_600_000);
            let runs: Vec<crate::core::run::Run> = offsets.iter().enumerate().map(|(i, s)| {
                let at = crate::core::time::format_rfc3339_ms(start + s * 1_000);
                crate::core::test_support::run(&format!("r{i}"), "wf", "success", &at, Some(1.0), None)
            }).collect();
            let set = crate::core::store::RunSet::new(runs.clone(), |ms| day_key(day_of(ms)));
            let today = day_of(start + 45 * DAY_MS);
            let p = range(Preset::ALL[preset], today).unwrap();
            let (from, to) = p.keys();
            let f = crate::core::filter::Filters { from: Some(from), to: Some(to), ..Default::default() };
            let got = f.apply(&set);
            let want: Vec<usize> = runs.iter().enumerate()
                .filter(|(_, r)| p.contains(day_of(r.started_ms.unwrap())))
                .map(|(i, _)| i)
                .collect();
            prop_assert_eq!(got, want);
        }

        /// Every preset's period holds today (apart from Last month), has the
        /// right length (months against a day-by-day count, so leap years
        /// and month lengths are checked), and its previous period ends the
        /// day before it starts.
        #[test]
        fn periods(today in -3_000i64..40_000) {
            let (y, m, _) = ymd(today);
            for p in Preset::ALL {
                let Some(r) = range(p, today) else { continue };
                prop_assert!(r.from <= r.to);
                prop_assert_eq!(r.contains(today), p != Preset::LastMonth);
                let prev = previous(p, r);
                prop_assert_eq!(prev.to, r.from - 1);
                match p {
                    Preset::Today => prop_assert_eq!(r.days(), 1),
                    Preset::Last7 => prop_assert_eq!(r.days(), 7),
                    Preset::Last30 => prop_assert_eq!(r.days(), 30),
                    Preset::ThisMonth => {
                        prop_assert_eq!(r.days(), month_days_oracle(y, m));
                        prop_assert_eq!(ymd(r.from).2, 1);
                        let (py, pm) = if m == 1 { (y - 1, 12) } else { (y, m - 1) };
                        prop_assert_eq!(prev.days(), month_days_oracle(py, pm));
                        prop_assert_eq!(ymd(prev.from), (py, pm, 1));
                    }
                    Preset::ThisQuarter => {
                        let q = (m - 1) / 3;
                        let days: i64 = (1..=3).map(|k| month_days_oracle(y, q * 3 + k)).sum();
                        prop_assert_eq!(r.days(), days);
                        prop_assert_eq!(ymd(r.from), (y, q * 3 + 1, 1));
                    }
                    _ => {}
                }
                if !matches!(p, Preset::ThisMonth | Preset::LastMonth | Preset::ThisQuarter) {
                    prop_assert_eq!(prev.days(), r.days());
                }
            }
        }

        /// Week buckets start on the asked weekday, hold the day, span 7
        /// days; month buckets start on the 1st.
        #[test]
        fn buckets(day in -3_000i64..40_000, starts in 1u8..=7) {
            let w = Granularity::Week.bucket(day, starts);
            prop_assert_eq!(weekday(w), starts);
            prop_assert!(w <= day && day < Granularity::Week.next(w));
            let m = Granularity::Month.bucket(day, starts);
            prop_assert_eq!(ymd(m).2, 1);
            prop_assert!(m <= day && day < Granularity::Month.next(m));
            prop_assert_eq!(ymd(m).1, ymd(day).1);
        }

        /// The estimate is the rate so far times the length: never below the
        /// total, equal to it at the period's last instant, and within one
        /// unit of the exact rational value.
        #[test]
        fn projection_arithmetic(
            total in 0u128..1_000_000_000_000_000,
            offset in 0i64..31,
            ms in 0i64..=DAY_MS,
            preset in 0usize..6,
        ) {
            let preset = Preset::ALL[preset];
            let today = d("2026-03-15");
            let r = range(preset, today).unwrap();
            let day = r.from + offset.min(r.days() - 1);
            let p = projection(CuTotal(total), Span::of_days(r, day, ms.max(1)));
            prop_assert!(p.0 >= total);
            let elapsed = ((day - r.from) * DAY_MS + ms.clamp(1, DAY_MS)) as u128;
            let length = (r.days() * DAY_MS) as u128;
            // |p − total·length/elapsed| ≤ 1/2
            let exact2 = 2 * total * length;
            let got2 = 2 * p.0 * elapsed;
            prop_assert!(got2.abs_diff(exact2) <= elapsed);
            if day == r.to && ms == DAY_MS {
                prop_assert_eq!(p.0, total);
            }
        }

        /// The change's percent is the exact ratio rounded half away from
        /// zero, and the difference is exact.
        #[test]
        fn change_arithmetic(cur in 0u128..1u128 << 80, prev in 1u128..1u128 << 80) {
            let Change::Delta { diff, tenths: Some(t) } = change(cur, Some(Some(prev))) else {
                return Err(TestCaseError::fail("expected a delta"));
            };
            prop_assert_eq!(diff, cur as i128 - prev as i128);
            // |t·prev − diff·1000| ≤ prev/2
            let err = (t * prev as i128 - diff * 1000).unsigned_abs();
            prop_assert!(err * 2 <= prev);
        }

        /// The budget's run-out day is the first day the running sum reaches
        /// the budget (against a slow day-by-day scan), else a day in the
        /// period whose rate-extrapolated sum reaches it.
        #[test]
        fn budget_day(per_day in proptest::collection::vec(0u128..5_000, 1..30), cap in 1u128..100_000) {
            let r = range(Preset::ThisMonth, d("2026-11-30")).unwrap();
            let by_day: Vec<(Day, CuTotal)> = per_day.iter().enumerate().map(|(i, c)| (r.from + i as i64, CuTotal(*c))).collect();
            let today = r.from + per_day.len() as i64 - 1;
            let got = budget(&by_day, CuTotal(cap), r, today, DAY_MS);
            let mut run = 0;
            let mut oracle = None;
            for (day, c) in &by_day {
                run += c.0;
                if run >= cap { oracle = Some(*day); break; }
            }
            match (oracle, got) {
                (Some(o), Budget::RanOut(g)) => prop_assert_eq!(o, g),
                (None, Budget::RunsOut(g)) => {
                    prop_assert!(g > today && g <= r.to);
                    // By the end of day g, the extrapolated sum reaches the cap.
                    let elapsed = per_day.len() as u128;
                    let spent: u128 = per_day.iter().sum();
                    prop_assert!(spent * (g - r.from + 1) as u128 >= cap * elapsed);
                }
                (None, Budget::Within) => {
                    let spent: u128 = per_day.iter().sum();
                    let elapsed = per_day.len() as u128;
                    // Within one millisecond of rate (the run-out instant is
                    // rounded up to whole milliseconds).
                    let day_ms = DAY_MS as u128;
                    prop_assert!(spent * r.days() as u128 * day_ms <= cap * elapsed * day_ms + spent);
                }
                (o, g) => prop_assert!(false, "oracle {:?}, got {:?}", o, g),
            }
        }
    }
}
