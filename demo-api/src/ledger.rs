//! The ledger (`GET /v1/organizations/{orgId}/cu` and `.../cu/usage`),
//! derived from an organization's runs by pure, exact integer arithmetic.
//!
//! Every amount is an integer of CU units: 1 CU = [`UNITS_PER_CU`] units
//! (fixed point, 4 fraction digits, as `totalCu`), written by
//! [`format_units`] from its digits, never through a float.
//!
//! The rules (see [`split_days`] and [`split_nodes`]):
//! - a run's CU counts on the UTC day(s) it ran, from its start to its end
//!   (its finish, or `now` while it is still going); a run that crosses
//!   midnight is split by elapsed time: every day but the last gets
//!   `floor(cu * ms_in_day / total_ms)`, the last the remainder;
//! - each day part is split among the run's nodes (the trigger node, whose
//!   `nodeType` is the run's trigger, then the nodes of its workflow) by
//!   fixed integer weights, the same way (the last node gets the
//!   remainder); every node of a part counts one execution;
//! - a day's `used` is the sum of its parts, a month's the sum of its days.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::hash::{BuildHasherDefault, Hasher};

use crate::data::{civil_date, days_from_civil, mix, SPAN_MS};

/// Milliseconds in a UTC day.
pub const DAY_MS: i64 = 86_400_000;

/// CU units in one CU (4 fraction digits).
pub const UNITS_PER_CU: i64 = 10_000;

/// A run's CU in units, if it is a valid CU value (finite, >= 0).
pub fn cu_units(cu: f64) -> Option<i64> {
    (0.0..1e14)
        .contains(&cu)
        .then(|| (cu * UNITS_PER_CU as f64).round() as i64)
}

/// `units` as a JSON number in CU: `1234.5`, `0.0001`, `12` (no exponent,
/// at most 4 fraction digits, trailing zeros dropped).
pub fn format_units(units: i64) -> String {
    let sign = if units < 0 { "-" } else { "" };
    let abs = units.unsigned_abs();
    let (whole, frac) = (abs / UNITS_PER_CU as u64, abs % UNITS_PER_CU as u64);
    if frac == 0 {
        format!("{sign}{whole}")
    } else {
        let digits = format!("{frac:04}");
        format!("{sign}{whole}.{}", digits.trim_end_matches('0'))
    }
}

/// Parses a `yearMonth` value: exactly `YYYY-MM`, month `01`..=`12`.
pub fn parse_year_month(text: &str) -> Option<(i64, i64)> {
    let b = text.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    if b.len() != 7 || b[4] != b'-' || !digits(0..4) || !digits(5..7) {
        return None;
    }
    let year: i64 = text[..4].parse().ok()?;
    let month: i64 = text[5..].parse().ok()?;
    (1..=12).contains(&month).then_some((year, month))
}

/// The month number of a year and month (`year * 12 + month - 1`), so
/// months can be counted and compared.
pub fn month_number(year: i64, month: i64) -> i64 {
    year * 12 + month - 1
}

/// The first day number of month number `m` (see [`month_number`]).
pub fn month_first_day(m: i64) -> i64 {
    days_from_civil(m.div_euclid(12), m.rem_euclid(12) + 1, 1)
}

/// The month number of a day number.
pub fn month_of_day(day: i64) -> i64 {
    let (y, m, _) = civil_date(day);
    month_number(y, m)
}

/// `YYYY-MM-DD` of a day number.
pub fn date_text(day: i64) -> String {
    let (y, m, d) = civil_date(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// `units` split exactly by integer `weights` (in order): every share but
/// the last is `floor(units * weight / total)`, the last is the remainder,
/// so the shares always sum to `units`.
pub fn split_weighted(units: i64, weights: &[i64]) -> Vec<i64> {
    let total: i64 = weights.iter().sum();
    let mut out = Vec::with_capacity(weights.len());
    let mut given = 0;
    for (n, &w) in weights.iter().enumerate() {
        let share = share_of(units, w, total, n + 1 == weights.len(), given);
        given += share;
        out.push(share);
    }
    out
}

/// One share of [`split_weighted`]: `floor(units * weight / total)`, or for
/// the last share what is left after `given`.
fn share_of(units: i64, weight: i64, total: i64, last: bool, given: i64) -> i64 {
    if last {
        units - given
    } else if total == 0 {
        0
    } else {
        (i128::from(units) * i128::from(weight) / i128::from(total)) as i64
    }
}

/// A run's `units` counted on the UTC day(s) from `start_ms` to `end_ms`
/// (an end before the start counts as the start): `(day number, units)`
/// per day, in order. One day gets everything; across midnight, every day
/// but the last gets `floor(units * ms_in_day / total_ms)` and the last
/// the remainder. A run that ends exactly at midnight does not touch the
/// next day.
pub fn split_days(start_ms: i64, end_ms: i64, units: i64) -> Vec<(i64, i64)> {
    let end_ms = end_ms.max(start_ms);
    let first = start_ms.div_euclid(DAY_MS);
    let last = (end_ms - 1).max(start_ms).div_euclid(DAY_MS);
    if first == last {
        return vec![(first, units)];
    }
    let weights: Vec<i64> = (first..=last)
        .map(|day| end_ms.min((day + 1) * DAY_MS) - start_ms.max(day * DAY_MS))
        .collect();
    (first..=last)
        .zip(split_weighted(units, &weights))
        .collect()
}

/// One node of a workflow: category (`type`), node type and weight (its
/// share of the run's CU). The trigger node's node type is `""`: the run's
/// trigger goes there.
pub type NodeSpec = (&'static str, &'static str, i64);

/// The nodes of each named workflow (in the order of the catalogue in
/// `data.rs`), the trigger first. Generated workflows use their model's.
pub const WORKFLOW_NODES: [&[NodeSpec]; 12] = [
    // billing-sync
    &[
        ("trigger", "", 1),
        ("builtIn", "http-request", 6),
        ("dynamic", "code", 3),
        ("logic", "condition", 1),
    ],
    // invoice-reconcile
    &[
        ("trigger", "", 1),
        ("builtIn", "postgres-query", 4),
        ("dynamic", "code", 5),
        ("logic", "loop", 2),
        ("builtIn", "send-email", 1),
    ],
    // crm-contacts-import
    &[
        ("trigger", "", 1),
        ("builtIn", "http-request", 4),
        ("logic", "loop", 2),
        ("builtIn", "sheets-append", 3),
    ],
    // slack-alerts
    &[
        ("trigger", "", 2),
        ("logic", "filter", 1),
        ("builtIn", "slack-send-message", 3),
    ],
    // daily-report-email
    &[
        ("trigger", "", 1),
        ("builtIn", "postgres-query", 3),
        ("dynamic", "ai-agent", 4),
        ("builtIn", "send-email", 1),
    ],
    // token-price-watch
    &[
        ("trigger", "", 3),
        ("logic", "condition", 1),
        ("builtIn", "slack-send-message", 1),
    ],
    // wallet-activity-monitor
    &[
        ("trigger", "", 2),
        ("dynamic", "evm-call", 4),
        ("logic", "condition", 1),
        ("builtIn", "http-request", 2),
    ],
    // gmail-triage
    &[
        ("trigger", "", 1),
        ("dynamic", "ai-agent", 6),
        ("logic", "condition", 1),
        ("builtIn", "slack-send-message", 1),
    ],
    // onchain-indexer
    &[
        ("trigger", "", 1),
        ("dynamic", "evm-call", 8),
        ("logic", "loop", 2),
        ("builtIn", "postgres-query", 4),
    ],
    // support-ticket-router
    &[
        ("trigger", "", 1),
        ("dynamic", "ai-agent", 3),
        ("logic", "condition", 1),
        ("builtIn", "http-request", 2),
    ],
    // erc20-payouts
    &[
        ("trigger", "", 1),
        ("dynamic", "evm-call", 5),
        ("logic", "condition", 1),
        ("builtIn", "send-email", 1),
    ],
    // data-warehouse-export
    &[
        ("trigger", "", 1),
        ("builtIn", "postgres-query", 6),
        ("dynamic", "code", 3),
        ("builtIn", "http-request", 4),
        ("logic", "delay", 1),
    ],
];

/// The nodes of a run of the `hostile` org.
pub const HOSTILE_NODES: &[NodeSpec] = &[
    ("trigger", "", 1),
    ("builtIn", "http-request", 2),
    ("logic", "condition", 1),
];

/// A day part's `units` split among `nodes` by weight (see
/// [`split_weighted`]).
pub fn split_nodes(units: i64, nodes: &[NodeSpec]) -> Vec<i64> {
    let weights: Vec<i64> = nodes.iter().map(|n| n.2).collect();
    split_weighted(units, &weights)
}

/// One line of a day's breakdown.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Category: `trigger`, `builtIn`, `dynamic` or `logic`.
    pub kind: &'static str,
    /// Node type (`cronjob`, `http-request`...).
    pub node_type: Cow<'static, str>,
    /// Node executions.
    pub count: u64,
    /// CU units.
    pub cu: i64,
}

/// One UTC day of the ledger.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Day {
    /// CU units used (the sum of the breakdown).
    pub used: i64,
    /// By node, CU descending, then node type, then category.
    pub breakdown: Vec<Entry>,
}

/// An organization's use, day by day (only days with runs).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Usage {
    /// Day number -> that day.
    pub days: BTreeMap<i64, Day>,
}

type NodeKey = (&'static str, Cow<'static, str>);

/// A small, fast hasher (FxHash) for the builder's maps: a million runs
/// are a few million lookups, where the default SipHash costs half the
/// time. Its keys are the server's own (days, node names), not a client's.
#[derive(Default, Clone, Copy)]
struct Fx(u64);

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_i64(&mut self, n: i64) {
        self.add(n as u64);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;

/// Collects runs into a [`Usage`].
#[derive(Default)]
pub struct UsageBuilder {
    days: FxMap<i64, FxMap<NodeKey, (u64, i64)>>,
}

impl UsageBuilder {
    /// Counts one run: `units` CU from `start_ms` to `end_ms`, through
    /// `nodes` (the trigger node named `trigger`).
    pub fn add_run(
        &mut self,
        start_ms: i64,
        end_ms: i64,
        units: i64,
        trigger: Cow<'static, str>,
        nodes: &[NodeSpec],
    ) {
        let end_ms = end_ms.max(start_ms);
        if start_ms.div_euclid(DAY_MS) == (end_ms - 1).max(start_ms).div_euclid(DAY_MS) {
            // Within one day (most runs): no split to allocate.
            self.add_part(start_ms.div_euclid(DAY_MS), units, &trigger, nodes);
        } else {
            for (day, part) in split_days(start_ms, end_ms, units) {
                self.add_part(day, part, &trigger, nodes);
            }
        }
    }

    /// Counts one day part of a run: `units` on `day`, split among `nodes`
    /// as [`split_nodes`] does. (`&Cow`, not `&str`: cloning a borrowed
    /// `'static` name allocates nothing, which a million runs notice.)
    #[allow(clippy::ptr_arg)]
    fn add_part(&mut self, day: i64, units: i64, trigger: &Cow<'static, str>, nodes: &[NodeSpec]) {
        let lines = self.days.entry(day).or_default();
        let total: i64 = nodes.iter().map(|n| n.2).sum();
        let mut given = 0;
        for (n, node) in nodes.iter().enumerate() {
            let cu = share_of(units, node.2, total, n + 1 == nodes.len(), given);
            given += cu;
            let name = if node.1.is_empty() {
                trigger.clone()
            } else {
                Cow::Borrowed(node.1)
            };
            let line = lines.entry((node.0, name)).or_default();
            line.0 += 1;
            line.1 += cu;
        }
    }

    /// Adds `count` executions of a node worth `cu` units on `day`.
    pub fn add_line(
        &mut self,
        day: i64,
        kind: &'static str,
        node_type: &'static str,
        count: u64,
        cu: i64,
    ) {
        let line = self
            .days
            .entry(day)
            .or_default()
            .entry((kind, Cow::Borrowed(node_type)))
            .or_default();
        line.0 += count;
        line.1 += cu;
    }

    /// The days, their breakdowns sorted.
    pub fn finish(self) -> Usage {
        let days = self
            .days
            .into_iter()
            .map(|(day, lines)| {
                let breakdown: Vec<Entry> = lines
                    .into_iter()
                    .map(|((kind, node_type), (count, cu))| Entry {
                        kind,
                        node_type,
                        count,
                        cu,
                    })
                    .collect();
                (day, day_of(breakdown))
            })
            .collect();
        Usage { days }
    }
}

/// A day from its breakdown lines: sorted, `used` their sum.
fn day_of(mut breakdown: Vec<Entry>) -> Day {
    breakdown.sort_by(|a, b| {
        b.cu.cmp(&a.cu)
            .then_with(|| a.node_type.cmp(&b.node_type))
            .then_with(|| a.kind.cmp(b.kind))
    });
    Day {
        used: breakdown.iter().map(|e| e.cu).sum(),
        breakdown,
    }
}

impl Usage {
    /// Changes `day`'s use by `delta` units (the `ledger-drift` org): a
    /// gain goes to its largest line (a new `builtIn`/`http-request` line on
    /// a day without any); a loss comes off the largest lines first, never
    /// below zero, so it is at most the day's use. Returns the change made.
    pub fn drift(&mut self, day: i64, delta: i64) -> i64 {
        let d = self.days.entry(day).or_default();
        let mut lines = std::mem::take(&mut d.breakdown);
        let applied = if delta >= 0 {
            match lines.first_mut() {
                Some(top) => top.cu += delta,
                None => lines.push(Entry {
                    kind: "builtIn",
                    node_type: Cow::Borrowed("http-request"),
                    count: 1,
                    cu: delta,
                }),
            }
            delta
        } else {
            let mut left = -delta;
            for line in &mut lines {
                let take = left.min(line.cu);
                line.cu -= take;
                left -= take;
            }
            delta + left
        };
        *d = day_of(lines);
        applied
    }

    /// Units used on the days `from..=to`.
    pub fn used_between(&self, from: i64, to: i64) -> i64 {
        if from > to {
            return 0;
        }
        self.days.range(from..=to).map(|(_, d)| d.used).sum()
    }
}

/// The `huge-month` org's daily mix, per 100 runs: category, node type,
/// executions per 100 runs, units per execution. About 28 CU a run, like
/// the demo's runs on average.
pub const HUGE_MONTH_MIX: [(&str, &str, u64, i64); 8] = [
    ("trigger", "cronjob", 60, 1_000),
    ("trigger", "webhook", 40, 500),
    ("builtIn", "http-request", 150, 52_500),
    ("builtIn", "postgres-query", 45, 81_250),
    ("dynamic", "code", 80, 61_234),
    ("dynamic", "ai-agent", 12, 402_000),
    ("logic", "condition", 120, 1_250),
    ("logic", "loop", 20, 7_500),
];

/// The `huge-month` org's runs on a full day (before the day's swing of
/// -10%..+10%): its [`crate::HUGE_MONTH_RUNS`] spread over the data span.
pub fn huge_month_runs_per_day() -> u64 {
    (i128::from(crate::HUGE_MONTH_RUNS) * i128::from(DAY_MS) / i128::from(SPAN_MS)) as u64
}

/// The `huge-month` org's use, by formula (it does not iterate its runs,
/// and does not reconcile with them): every day from the data span's first
/// day to today has `runs = runs_per_day * (90 + h % 21) / 100` runs, `h` a
/// hash of the seed and day (today: pro rata of the time elapsed), and each
/// node of [`HUGE_MONTH_MIX`] runs `runs * per_100 / 100` times.
pub fn huge_month_usage(seed: u64, now_ms: i64) -> Usage {
    let today = now_ms.div_euclid(DAY_MS);
    let first = (now_ms - SPAN_MS).div_euclid(DAY_MS);
    let mut builder = UsageBuilder::default();
    for day in first..=today {
        let swing = 90 + mix(seed ^ day as u64) % 21;
        let mut runs = huge_month_runs_per_day() * swing / 100;
        if day == today {
            runs = (u128::from(runs) * (now_ms - day * DAY_MS) as u128 / DAY_MS as u128) as u64;
        }
        for (kind, node_type, per_100, cu) in HUGE_MONTH_MIX {
            let count = runs * per_100 / 100;
            builder.add_line(day, kind, node_type, count, count as i64 * cu);
        }
    }
    builder.finish()
}

/// How an organization is billed: what it buys, is given, and the
/// threshold it should not fall below.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Account {
    /// The month number the account opened: the month of the data span's
    /// start (`now - SPAN_MS`). Nothing is deposited or granted before.
    pub first_month: i64,
    /// The month number of `now`. Nothing is deposited or granted after.
    pub now_month: i64,
    /// Deposited per month, by month offset from `first_month`.
    pub deposits: Vec<i64>,
    /// Granted each month (from `first_month` to `now_month`).
    pub grant: i64,
    /// The minimum balance (units).
    pub min_threshold: i64,
}

/// One thousand CU, in units.
const THOUSAND_CU: i64 = 1_000 * UNITS_PER_CU;

/// Rounds `units` up to a multiple of `step`.
fn round_up(units: i64, step: i64) -> i64 {
    units.div_euclid(step) * step + if units.rem_euclid(step) > 0 { step } else { 0 }
}

impl Account {
    /// A normal organization's account, for `used` units used up to now:
    /// a grant each month of 500, 1,000, 1,500 or 2,000 CU (by `org_hash`);
    /// a plan `P` = 1.25 x the average month's use rounded up to 1,000 CU,
    /// plus 1,000 CU; a deposit of `2P` on the 1st of every other month
    /// (the first month, the third...), so deposits always exceed the use;
    /// and a minimum threshold of `P / 5`.
    pub fn normal(org_hash: u64, now_ms: i64, used: i64) -> Account {
        let now_month = month_of_day(now_ms.div_euclid(DAY_MS));
        let first_month = month_of_day((now_ms - SPAN_MS).div_euclid(DAY_MS));
        let months = now_month - first_month + 1;
        let plan = round_up(used * 5 / (4 * months), THOUSAND_CU) + THOUSAND_CU;
        let deposits = (0..months)
            .map(|k| if k % 2 == 0 { 2 * plan } else { 0 })
            .collect();
        Account {
            first_month,
            now_month,
            deposits,
            grant: 500 * UNITS_PER_CU * (1 + (org_hash % 4) as i64),
            min_threshold: plan / 5,
        }
    }

    /// The `low-balance` org's account: the grants of a normal account, one
    /// deposit in the first month that leaves a balance of
    /// [`crate::LOW_BALANCE_RUNWAY_DAYS`] days of its recent daily rate
    /// (`recent_daily`, units), and a minimum threshold of 10 days of it,
    /// rounded up to 100 CU (at least 100 CU, always above the balance).
    pub fn low_balance(org_hash: u64, now_ms: i64, used: i64, recent_daily: i64) -> Account {
        let mut account = Account::normal(org_hash, now_ms, used);
        let granted = account.grant * account.deposits.len() as i64;
        let target = crate::LOW_BALANCE_RUNWAY_DAYS * recent_daily;
        let deposit = (used + target - granted).max(0);
        account.deposits.iter_mut().for_each(|d| *d = 0);
        account.deposits[0] = deposit;
        let balance = deposit + granted - used;
        let hundred = 100 * UNITS_PER_CU;
        account.min_threshold = round_up(10 * recent_daily, hundred)
            .max(hundred)
            .max(round_up(balance + 1, hundred));
        account
    }

    /// Units deposited in month number `month`.
    pub fn deposited(&self, month: i64) -> i64 {
        usize::try_from(month - self.first_month)
            .ok()
            .filter(|_| month <= self.now_month)
            .and_then(|k| self.deposits.get(k))
            .copied()
            .unwrap_or(0)
    }

    /// Units granted in month number `month`.
    pub fn granted(&self, month: i64) -> i64 {
        if (self.first_month..=self.now_month).contains(&month) {
            self.grant
        } else {
            0
        }
    }

    /// Every deposit and grant up to now, minus `used`.
    pub fn balance(&self, used: i64) -> i64 {
        (self.first_month..=self.now_month)
            .map(|m| self.deposited(m) + self.granted(m))
            .sum::<i64>()
            - used
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_written_from_their_digits() {
        assert_eq!(format_units(0), "0");
        assert_eq!(format_units(1), "0.0001");
        assert_eq!(format_units(12_345), "1.2345");
        assert_eq!(format_units(-5_000), "-0.5");
        assert_eq!(format_units(420_000), "42");
        assert_eq!(format_units(123_456_789_012_345_678), "12345678901234.5678");
        assert_eq!(cu_units(42.1234), Some(421_234));
        assert_eq!(cu_units(0.6000000000000001), Some(6_000));
        assert_eq!(cu_units(-1.0), None);
        assert_eq!(cu_units(f64::INFINITY), None);
    }

    #[test]
    fn year_months_are_strict() {
        assert_eq!(parse_year_month("2026-11"), Some((2026, 11)));
        assert_eq!(parse_year_month("0999-01"), Some((999, 1)));
        for bad in [
            "",
            "2026-13",
            "2026-1",
            "2026-00",
            "26-11",
            "2026-11-01",
            "2026/11",
            "+026-11",
            "2026-+1",
            "２０２６-11",
        ] {
            assert_eq!(parse_year_month(bad), None, "{bad}");
        }
    }

    #[test]
    fn months_and_days() {
        let nov = month_number(2026, 11);
        assert_eq!(date_text(month_first_day(nov)), "2026-11-01");
        assert_eq!(date_text(month_first_day(nov + 2)), "2027-01-01");
        assert_eq!(month_of_day(month_first_day(nov) - 1), nov - 1);
    }

    #[test]
    fn a_run_within_a_day_counts_whole_on_it() {
        let day = 20_000;
        let start = day * DAY_MS + 1_000;
        assert_eq!(split_days(start, start + 5_000, 77), vec![(day, 77)]);
        assert_eq!(split_days(start, start, 77), vec![(day, 77)]);
        assert_eq!(split_days(start, start - 9, 77), vec![(day, 77)]);
        // Ending exactly at midnight touches only the first day.
        assert_eq!(split_days(start, (day + 1) * DAY_MS, 77), vec![(day, 77)]);
    }

    #[test]
    fn a_run_across_midnight_is_split_by_elapsed_time() {
        let day = 20_000;
        let midnight = (day + 1) * DAY_MS;
        // 1 s before and 3 s after midnight: floor(10001 * 1/4) = 2500.
        assert_eq!(
            split_days(midnight - 1_000, midnight + 3_000, 10_001),
            vec![(day, 2_500), (day + 1, 7_501)]
        );
        // Three days: 1 h, 24 h, 2 h of 27 h.
        let parts = split_days(
            midnight - 3_600_000,
            midnight + DAY_MS + 7_200_000,
            1_000_003,
        );
        assert_eq!(
            parts,
            vec![(day, 37_037), (day + 1, 888_891), (day + 2, 74_075)]
        );
        assert_eq!(parts.iter().map(|p| p.1).sum::<i64>(), 1_000_003);
    }

    #[test]
    fn node_shares_sum_to_the_part() {
        for nodes in WORKFLOW_NODES {
            for units in [0, 1, 7, 12_345, 999_999_999] {
                let shares = split_nodes(units, nodes);
                assert_eq!(shares.len(), nodes.len());
                assert_eq!(shares.iter().sum::<i64>(), units);
                assert!(shares.iter().all(|&s| s >= 0));
            }
        }
    }

    #[test]
    fn a_run_s_lines_are_its_day_parts_split_among_its_nodes() {
        let nodes = WORKFLOW_NODES[1];
        let midnight = 20_001 * DAY_MS;
        for (start, end) in [
            (midnight - 7_000, midnight - 10),
            (midnight - 7_000, midnight + 3_333),
        ] {
            let mut b = UsageBuilder::default();
            b.add_run(start, end, 987_654, Cow::Borrowed("manual"), nodes);
            let usage = b.finish();
            let parts = split_days(start, end, 987_654);
            assert_eq!(usage.days.len(), parts.len());
            for (day, part) in parts {
                let d = &usage.days[&day];
                assert_eq!(d.used, part);
                for (node, share) in nodes.iter().zip(split_nodes(part, nodes)) {
                    let name = if node.1.is_empty() { "manual" } else { node.1 };
                    let line = d
                        .breakdown
                        .iter()
                        .find(|e| e.kind == node.0 && e.node_type == name)
                        .unwrap();
                    assert_eq!((line.count, line.cu), (1, share));
                }
            }
        }
    }

    #[test]
    fn drift_keeps_days_consistent() {
        let mut b = UsageBuilder::default();
        let trigger = Cow::Borrowed("cronjob");
        b.add_run(5, 10, 30_000, trigger, WORKFLOW_NODES[0]);
        let mut usage = b.finish();
        assert_eq!(usage.days[&0].used, 30_000);
        assert_eq!(usage.drift(0, 12_345), 12_345);
        assert_eq!(usage.days[&0].used, 42_345);
        assert_eq!(usage.drift(0, -50_000), -42_345);
        assert_eq!(usage.days[&0].used, 0);
        assert_eq!(usage.drift(3, 7), 7);
        assert_eq!(usage.days[&3].breakdown.len(), 1);
        for day in usage.days.values() {
            assert_eq!(day.breakdown.iter().map(|e| e.cu).sum::<i64>(), day.used);
        }
    }

    #[test]
    fn normal_accounts_stay_above_their_threshold() {
        let now = 1_795_860_000_000;
        for used in [0, 1, 426_000_000, 280_000_000_000] {
            for h in 0..4 {
                let a = Account::normal(h, now, used);
                assert!(a.balance(used) > a.min_threshold, "{used}");
                assert!(a.min_threshold > 0);
            }
        }
        let low = Account::low_balance(0, now, 426_000_000, 7_000_000);
        assert_eq!(low.balance(426_000_000), 21_000_000);
        assert_eq!(low.min_threshold, 70_000_000);
    }
}
