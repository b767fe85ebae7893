//! Exact compute-unit and money arithmetic.
//!
//! The API sends `totalCu` as a JSON number with up to four decimals. Summing
//! those as `f64` gives figures such as `0.30000000000000004`, and a total that
//! does not equal the sum of the rows it covers. Every CU value is therefore
//! converted once, at decode time, to an integer count of ten-thousandths of a
//! CU ([`Cu`]); sums are integers ([`CuTotal`]) and are exact whatever the order.
//! Money is exact too: a cost is CU × price with nothing rounded ([`Money`],
//! in 10⁻¹³ of the currency unit: CU in 10⁻⁴ times a price in 10⁻⁹), so a
//! cost total is the total CU × the price, whatever the order of the runs;
//! it is rounded only where it is shown, to the currency's digits.

/// Fixed-point scale: values are stored in units of 1/10,000.
pub const SCALE: u64 = 10_000;
/// Number of decimal digits in [`SCALE`].
pub const SCALE_DIGITS: usize = 4;
/// Largest CU value of a single run accepted as valid (a trillion CU).
pub const MAX_RUN_CU: f64 = 1e12;
/// Largest ledger figure accepted as valid (a balance, a month's or a
/// day's CU): 10¹⁴ CU, 10¹⁸ ten-thousandths.
pub const MAX_LEDGER_UNITS: u64 = 1_000_000_000_000_000_000;

/// A single run's compute units, in ten-thousandths of a CU.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cu(pub u64);

/// A sum of [`Cu`] values (wide enough for any number of runs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CuTotal(pub u128);

/// An exact amount of money in 10⁻¹³ of the currency unit ([`MONEY_DIGITS`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub u128);

/// Decimal digits of [`Money`]: CU's four times a price's nine.
pub const MONEY_DIGITS: u32 = 13;

impl Cu {
    /// A float to fixed point, rounding to the nearest ten-thousandth;
    /// `None` for negative, non-finite or absurdly large values. Tests only
    /// (fixtures, and the oracle where f64 is exact): the component reads
    /// every number from its decimal text, so no float parser is linked.
    #[cfg(test)]
    pub fn from_f64(value: f64) -> Option<Cu> {
        if !value.is_finite() || !(0.0..=MAX_RUN_CU).contains(&value) {
            return None;
        }
        Some(Cu((value * SCALE as f64).round() as u64))
    }

    /// Converts a JSON number literal to fixed point from its decimal digits
    /// (no binary float on the way, so `0.00005` and `999999999999.9999` come
    /// out exact), rounding half up to the nearest ten-thousandth. `None` for
    /// a negative value (other than zero), a value above [`MAX_RUN_CU`], or
    /// text that is not a JSON number.
    pub fn from_decimal(lit: &str) -> Option<Cu> {
        let max_units = (MAX_RUN_CU as u64) * SCALE;
        decimal_units(lit, SCALE_DIGITS as i64, max_units).map(|(units, _)| Cu(units))
    }

    /// A CU value typed by a user (the "Min CU" field, the `mincu` URL
    /// parameter): a decimal number, also written `.5`, `5.` or `+5`.
    pub fn from_input(text: &str) -> Option<Cu> {
        Cu::from_decimal(&json_literal(text)?)
    }

    /// The value as an `f64` (for charts and ratios only, never for sums).
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }

    /// Plain decimal text with `.` and exactly four decimals, e.g. `12.3456`.
    pub fn to_plain(self) -> String {
        plain_decimal(u128::from(self.0))
    }
}

impl CuTotal {
    /// A ledger figure (a balance, a month's or a day's CU) from the digits
    /// of its JSON number literal, as [`Cu::from_decimal`] reads a run's
    /// CU: rounded half up to the nearest ten-thousandth, no binary float on
    /// the way. `None` for a negative value (other than zero), a value
    /// above [`MAX_LEDGER_UNITS`], or text that is not a JSON number.
    pub fn from_decimal(lit: &str) -> Option<CuTotal> {
        decimal_units(lit, SCALE_DIGITS as i64, MAX_LEDGER_UNITS).map(|(u, _)| CuTotal(u.into()))
    }

    /// Adds one run's CU.
    pub fn add(&mut self, cu: Cu) {
        self.0 += u128::from(cu.0);
    }

    /// Adds another total.
    pub fn add_total(&mut self, other: CuTotal) {
        self.0 += other.0;
    }

    /// Plain decimal text with `.` and exactly four decimals.
    pub fn to_plain(self) -> String {
        plain_decimal(self.0)
    }

    /// The value as an `f64` (for charts and ratios only).
    pub fn as_f64(self) -> f64 {
        self.0 as f64 / SCALE as f64
    }
}

impl From<Cu> for CuTotal {
    fn from(cu: Cu) -> Self {
        CuTotal(u128::from(cu.0))
    }
}

/// A price per CU, kept in billionths of the currency unit so that prices such
/// as `0.0025` are exact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PricePerCu(pub u128);

impl PricePerCu {
    #[cfg(test)]
    const PRICE_SCALE: f64 = 1e9;

    /// A float price, `None` unless finite and positive. Tests only, as
    /// [`Cu::from_f64`]: options are read with [`PricePerCu::from_decimal`].
    #[cfg(test)]
    pub fn from_f64(value: f64) -> Option<PricePerCu> {
        if !value.is_finite() || value <= 0.0 || value > 1e9 {
            return None;
        }
        let nanos = (value * Self::PRICE_SCALE).round();
        (nanos >= 1.0).then_some(PricePerCu(nanos as u128))
    }

    /// A price written as decimal text (`0.0025`, `2.5e-3`), exactly to
    /// the billionth (rounded half up there). `None` unless it is positive,
    /// at least a billionth after rounding, and at most a billion.
    pub fn from_decimal(lit: &str) -> Option<PricePerCu> {
        let (nanos, _) = decimal_units(lit, 9, 1_000_000_000 * 1_000_000_000)?;
        (nanos >= 1).then_some(PricePerCu(u128::from(nanos)))
    }

    /// The price as plain decimal text, as exact as it is held (to 1e-9),
    /// without trailing zeros: `0.002`, `1.5`, `3`.
    pub fn to_text(self) -> String {
        let frac = format!("{:09}", self.0 % 1_000_000_000);
        let frac = frac.trim_end_matches('0');
        let int = self.0 / 1_000_000_000;
        if frac.is_empty() {
            int.to_string()
        } else {
            format!("{int}.{frac}")
        }
    }

    /// The exact cost of `cu` (CU in 1e-4 units times the price in 1e-9
    /// units: 1e-13 units of the currency, nothing rounded).
    pub fn cost(self, cu: Cu) -> Money {
        Money(u128::from(cu.0) * self.0)
    }

    /// The exact cost of a CU total.
    pub fn cost_of(self, cu: CuTotal) -> Money {
        Money(cu.0 * self.0)
    }
}

impl Money {
    /// Adds another amount.
    pub fn add(&mut self, other: Money) {
        self.0 += other.0;
    }

    /// The exact amount as plain decimal text with `.`, trailing zeros
    /// dropped but at least two decimals: `44.5177`, `0.0001734`, `3.00`
    /// (what the CSV holds: a sum of its cells is the exact total).
    pub fn to_plain(self) -> String {
        let scale = 10u128.pow(MONEY_DIGITS);
        let frac = format!("{:0width$}", self.0 % scale, width = MONEY_DIGITS as usize);
        let keep = frac.trim_end_matches('0').len().max(2);
        format!("{}.{}", self.0 / scale, &frac[..keep])
    }

    /// The amount rounded half up to `digits` decimals (at most 13), as
    /// plain decimal text with exactly that many: `44.52` for 2.
    pub fn to_plain_rounded(self, digits: u32) -> String {
        let digits = digits.min(MONEY_DIGITS);
        let step = 10u128.pow(MONEY_DIGITS - digits);
        let units = (self.0 + step / 2) / step;
        if digits == 0 {
            return units.to_string();
        }
        let scale = 10u128.pow(digits);
        format!(
            "{}.{:0width$}",
            units / scale,
            units % scale,
            width = digits as usize
        )
    }
}

/// `units` (in ten-thousandths) as `123.4567`.
fn plain_decimal(units: u128) -> String {
    let scale = u128::from(SCALE);
    format!(
        "{}.{:0width$}",
        units / scale,
        units % scale,
        width = SCALE_DIGITS
    )
}

/// Formats a fixed-point value (ten-thousandths) with the given separators,
/// showing between `min_frac` and four fraction digits: trailing zeros beyond
/// `min_frac` are dropped, nothing is ever rounded away.
pub fn format_units(units: u128, min_frac: usize, group: &str, decimal: &str) -> String {
    let scale = u128::from(SCALE);
    let int_digits = (units / scale).to_string();
    let mut grouped = String::with_capacity(int_digits.len() + int_digits.len() / 3 * group.len());
    for (i, ch) in int_digits.chars().enumerate() {
        if i > 0 && (int_digits.len() - i).is_multiple_of(3) {
            grouped.push_str(group);
        }
        grouped.push(ch);
    }
    let frac = format!("{:0width$}", units % scale, width = SCALE_DIGITS);
    let keep = frac
        .trim_end_matches('0')
        .len()
        .max(min_frac.min(SCALE_DIGITS));
    if keep == 0 {
        grouped
    } else {
        format!("{grouped}{decimal}{}", &frac[..keep])
    }
}

/// A decimal literal (JSON's grammar) as a count of `10^-scale` units,
/// rounded half up, and whether it was exact (no non-zero digit dropped).
/// Read from its digits in place (no binary float, no allocation: this is
/// on the walk's hot path for every run's CU). `None` for text that is not a
/// JSON number, a negative value other than zero, or more than `max_units`.
fn decimal_units(lit: &str, scale: i64, max_units: u64) -> Option<(u64, bool)> {
    let (negative, rest) = match lit.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, lit),
    };
    let (mantissa, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], exponent_of(&rest[at + 1..])?),
        None => (rest, 0),
    };
    let (int, frac) = match mantissa.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (mantissa, ""),
    };
    let digits_ok = |d: &str| d.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !digits_ok(int) || !digits_ok(frac) {
        return None;
    }
    // The digits D (int then frac, leading zeros dropped), with
    // units = D × 10^shift.
    let (ib, fb) = (int.as_bytes(), frac.as_bytes());
    let total = ib.len() + fb.len();
    let at = |p: usize| if p < ib.len() { ib[p] } else { fb[p - ib.len()] } - b'0';
    let lead = (0..total).take_while(|&p| at(p) == 0).count();
    let n = (total - lead) as i64;
    if n == 0 {
        return Some((0, true));
    }
    if negative {
        return None;
    }
    let digit = |k: i64| at(lead + k as usize);
    let shift = exponent - frac.len() as i64 + scale;
    // How many digits the whole units have; 19 digits always fit in a u64.
    let keep = n + shift;
    if keep > 19 {
        return None;
    }
    let mut units: u64 = 0;
    for k in 0..keep.max(0) {
        units = units * 10 + if k < n { u64::from(digit(k)) } else { 0 };
    }
    // The digits dropped: from `keep` on (none when keep < 0 leaves
    // only zeros before D's first digit, which rounds down).
    let dropped = keep.max(0)..if keep < 0 { 0 } else { n };
    let exact = !dropped.clone().any(|k| digit(k) != 0);
    if units > max_units || (units == max_units && !exact) {
        return None;
    }
    if dropped.clone().next().is_some_and(|k| digit(k) >= 5) {
        units += 1;
    }
    Some((units, exact))
}

/// Typed decimal text in JSON's grammar: trimmed, without a leading `+` or
/// leading zeros, with a zero before a bare `.` and after a trailing one
/// (`.5`, `5.`, `007`).
/// `None` for empty text.
pub fn json_literal(text: &str) -> Option<String> {
    let t = text.trim();
    let t = t.strip_prefix('+').unwrap_or(t);
    if t.is_empty() {
        return None;
    }
    let (sign, body) = match t.strip_prefix('-') {
        Some(b) => ("-", b),
        None => ("", t),
    };
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(at) => body.split_at(at),
        None => (body, ""),
    };
    if !mantissa.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    // No leading zeros (`007`), but one before a bare point (`.5`).
    let mut m = mantissa.trim_start_matches('0').to_owned();
    if m.is_empty() || m.starts_with('.') {
        m.insert(0, '0');
    }
    if m.ends_with('.') {
        m.push('0');
    }
    Some(format!("{sign}{m}{exp}"))
}

/// A whole number written as decimal text (`25`, `25.0`, `2.5e1`), exactly;
/// `None` for a fraction, a negative number, or one above `max`.
pub fn whole_from_decimal(lit: &str, max: u64) -> Option<u64> {
    match decimal_units(lit, 0, max)? {
        (units, true) => Some(units),
        _ => None,
    }
}

/// A JSON exponent (`+5`, `-3`, `400`), saturated far beyond any value that
/// matters; `None` when it is not one.
fn exponent_of(text: &str) -> Option<i64> {
    let (sign, digits) = match text.as_bytes().first() {
        Some(b'-') => (-1, &text[1..]),
        Some(b'+') => (1, &text[1..]),
        _ => (1, text),
    };
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let significant = digits.trim_start_matches('0');
    let magnitude = if significant.len() > 7 {
        10_000_000
    } else {
        significant.parse::<i64>().unwrap_or(0)
    };
    Some(sign * magnitude)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_api_numbers_exactly() {
        assert_eq!(Cu::from_f64(12.3456), Some(Cu(123_456)));
        assert_eq!(Cu::from_f64(0.1), Some(Cu(1_000)));
        assert_eq!(Cu::from_f64(0.0), Some(Cu(0)));
        assert_eq!(Cu::from_f64(1e9 + 0.0001), Some(Cu(10_000_000_000_001)));
    }

    #[test]
    fn rejects_invalid_cu() {
        assert_eq!(Cu::from_f64(-0.5), None);
        assert_eq!(Cu::from_f64(f64::NAN), None);
        assert_eq!(Cu::from_f64(f64::INFINITY), None);
        assert_eq!(Cu::from_f64(1e13), None);
    }

    #[test]
    fn sums_have_no_float_noise() {
        let mut total = CuTotal::default();
        total.add(Cu::from_f64(0.1).unwrap());
        total.add(Cu::from_f64(0.2).unwrap());
        assert_eq!(total.to_plain(), "0.3000");
        assert_eq!(format_units(total.0, 2, ",", "."), "0.30");
    }

    #[test]
    fn formats_with_grouping_and_trimmed_fraction() {
        assert_eq!(
            format_units(123_456_789_012, 2, ",", "."),
            "12,345,678.9012"
        );
        assert_eq!(format_units(10_000, 2, ",", "."), "1.00");
        assert_eq!(format_units(10_000, 0, ",", "."), "1");
        assert_eq!(format_units(12_345_000, 4, ".", ","), "1.234,5000");
        assert_eq!(format_units(0, 4, ",", "."), "0.0000");
        assert_eq!(
            format_units(10_000_000_000, 2, "\u{a0}", ","),
            "1\u{a0}000\u{a0}000,00"
        );
    }

    #[test]
    fn cost_is_exact_and_rounded_only_for_display() {
        let price = PricePerCu::from_f64(0.002).unwrap();
        // 12.3456 CU * 0.002 = 0.0246912, exactly.
        assert_eq!(price.cost(Cu(123_456)).to_plain(), "0.0246912");
        assert_eq!(price.cost(Cu(123_456)).to_plain_rounded(2), "0.02");
        assert_eq!(price.cost(Cu(123_456)).to_plain_rounded(4), "0.0247");
        assert_eq!(price.cost(Cu(0)), Money(0));
        assert_eq!(price.cost(Cu(0)).to_plain(), "0.00");
        // 0.0867 CU costs $0.0001734, not $0.0002; and November's
        // 22,258.8469 CU cost $44.5176938 ($44.52), the CU total times the
        // price, whatever the runs.
        assert_eq!(price.cost(Cu(867)).to_plain(), "0.0001734");
        let runs = [Cu(867), Cu(222_587_602)];
        let mut sum = Money::default();
        let mut cu = CuTotal::default();
        for r in runs {
            sum.add(price.cost(r));
            cu.add(r);
        }
        assert_eq!(sum, price.cost_of(cu));
        assert_eq!(sum.to_plain(), "44.5176938");
        assert_eq!(sum.to_plain_rounded(2), "44.52");
        assert_eq!(Money(5 * 10u128.pow(10)).to_plain_rounded(2), "0.01");
        assert_eq!(Money(123 * 10u128.pow(13)).to_plain_rounded(0), "123");
        assert!(PricePerCu::from_f64(0.0).is_none());
        assert_eq!(price.to_text(), "0.002");
        assert_eq!(PricePerCu::from_f64(1.5).unwrap().to_text(), "1.5");
        assert_eq!(PricePerCu::from_f64(3.0).unwrap().to_text(), "3");
        assert!(PricePerCu::from_f64(-1.0).is_none());
        assert!(PricePerCu::from_f64(f64::NAN).is_none());
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod decimal_oracle {
    use super::*;
    use proptest::prelude::*;

    /// The slow, obvious reading: write the number out in full as digits
    /// with the point moved by the exponent (and four more places, to
    /// ten-thousandths), then round on the first digit after the point.
    fn oracle(lit: &str) -> Option<Cu> {
        let negative = lit.starts_with('-');
        let lit = lit.trim_start_matches('-');
        let (mantissa, exp) = match lit.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i64>().ok()?),
            None => (lit, 0),
        };
        let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut digits: String = format!("{int}{frac}");
        let mut point = int.len() as i64 + exp + 4;
        while point < 0 {
            digits.insert(0, '0');
            point += 1;
        }
        while (digits.len() as i64) < point + 1 {
            digits.push('0');
        }
        let (whole, rest) = digits.split_at(point as usize);
        let whole = whole.trim_start_matches('0');
        let nonzero = digits.bytes().any(|b| b != b'0');
        if !nonzero {
            return Some(Cu(0));
        }
        if negative {
            return None;
        }
        if whole.len() > 30 {
            return None;
        }
        let units: u128 = if whole.is_empty() {
            0
        } else {
            whole.parse().unwrap()
        };
        let max = 10_000_000_000_000_000u128;
        if units > max || (units == max && rest.bytes().any(|b| b != b'0')) {
            return None;
        }
        let up = rest.as_bytes()[0] >= b'5';
        Some(Cu((units + u128::from(up)) as u64))
    }

    #[test]
    fn reads_decimal_text_exactly() {
        assert_eq!(Cu::from_decimal("12.3456"), Some(Cu(123_456)));
        assert_eq!(Cu::from_decimal("0.00005"), Some(Cu(1)), "half rounds up");
        assert_eq!(Cu::from_decimal("0.000049999"), Some(Cu(0)));
        assert_eq!(
            Cu::from_decimal("999999999999.9999"),
            Some(Cu(9_999_999_999_999_999)),
            "beyond f64's exact integers"
        );
        assert_eq!(Cu::from_decimal("1e12"), Some(Cu(10_000_000_000_000_000)));
        assert_eq!(
            Cu::from_decimal("1000000000000.00001"),
            None,
            "just above the maximum"
        );
        assert_eq!(Cu::from_decimal("1.5e-3"), Some(Cu(15)));
        assert_eq!(Cu::from_decimal("-0"), Some(Cu(0)));
        assert_eq!(Cu::from_decimal("-0.0e5"), Some(Cu(0)));
        assert_eq!(Cu::from_decimal("-0.5"), None);
        assert_eq!(Cu::from_decimal("-1e-400"), None, "negative, however small");
        assert_eq!(Cu::from_decimal("1e400"), None);
        assert_eq!(Cu::from_decimal("1e-99999999999999999999"), Some(Cu(0)));
        assert_eq!(Cu::from_decimal("1e99999999999999999999"), None);
        for bad in ["", "-", "1.2.3", "e5", "1e", "x", "1e+"] {
            assert_eq!(Cu::from_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn ledger_figures_are_read_exactly() {
        assert_eq!(
            CuTotal::from_decimal("12345.6789"),
            Some(CuTotal(123_456_789))
        );
        assert_eq!(CuTotal::from_decimal("0.00005"), Some(CuTotal(1)));
        assert_eq!(CuTotal::from_decimal("0"), Some(CuTotal(0)));
        assert_eq!(CuTotal::from_decimal("-0.0"), Some(CuTotal(0)));
        assert_eq!(
            CuTotal::from_decimal("1e14"),
            Some(CuTotal(u128::from(MAX_LEDGER_UNITS))),
            "above a run's maximum, within a ledger's"
        );
        assert_eq!(CuTotal::from_decimal("100000000000000.0001"), None);
        for bad in ["-1", "-0.0001", "1e400", "", "x", "1."] {
            assert_eq!(CuTotal::from_decimal(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn typed_and_option_numbers_are_read_exactly() {
        assert_eq!(Cu::from_input(".5"), Some(Cu(5_000)));
        assert_eq!(Cu::from_input("5."), Some(Cu(50_000)));
        assert_eq!(Cu::from_input(" +2.5 "), Some(Cu(25_000)));
        assert_eq!(Cu::from_input("1e2"), Some(Cu(1_000_000)));
        assert_eq!(
            Cu::from_input("2.00005"),
            Some(Cu(20_001)),
            "half up, exactly"
        );
        assert_eq!(Cu::from_input("007"), Some(Cu(70_000)));
        assert_eq!(Cu::from_input("00.5"), Some(Cu(5_000)));
        assert_eq!(Cu::from_input("0"), Some(Cu(0)));
        assert_eq!(Cu::from_input("000"), Some(Cu(0)));
        assert_eq!(json_literal("-007e2").as_deref(), Some("-7e2"));
        for bad in [
            "", " ", "-1", "abc", "inf", "NaN", "1,5", ".", "+", "--1", "1e",
        ] {
            assert_eq!(Cu::from_input(bad), None, "{bad:?}");
        }
        assert_eq!(whole_from_decimal("25", 100), Some(25));
        assert_eq!(whole_from_decimal("25.0", 100), Some(25));
        assert_eq!(whole_from_decimal("2.5e1", 100), Some(25));
        assert_eq!(whole_from_decimal("2500e-2", 100), Some(25));
        assert_eq!(whole_from_decimal("2.5", 100), None, "a fraction");
        assert_eq!(whole_from_decimal("101", 100), None, "above the maximum");
        assert_eq!(whole_from_decimal("1e400", 100), None);
        assert_eq!(whole_from_decimal("-1", 100), None);
        assert_eq!(
            PricePerCu::from_decimal("0.0025"),
            Some(PricePerCu(2_500_000))
        );
        assert_eq!(
            PricePerCu::from_decimal("2.5e-3"),
            Some(PricePerCu(2_500_000))
        );
        assert_eq!(
            PricePerCu::from_decimal("0.0000000015"),
            Some(PricePerCu(2)),
            "half up at the billionth"
        );
        assert_eq!(
            PricePerCu::from_decimal("0.0000000004"),
            None,
            "rounds to nothing"
        );
        assert_eq!(
            PricePerCu::from_decimal("1000000000"),
            Some(PricePerCu(1_000_000_000 * 1_000_000_000))
        );
        assert_eq!(
            PricePerCu::from_decimal("1000000000.1"),
            None,
            "above a billion"
        );
        assert_eq!(PricePerCu::from_decimal("0"), None);
        assert_eq!(PricePerCu::from_decimal("-1"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// A price with at most nine decimals is held exactly, and agrees
        /// with the float reading where f64 is exact enough.
        #[test]
        fn prices_are_held_to_the_billionth(int in 0u64..1_000_000, frac in "[0-9]{0,9}") {
            let lit = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
            let nanos = u128::from(int) * 1_000_000_000 + format!("{frac:0<9}").parse::<u128>().unwrap();
            let expected = (nanos > 0).then_some(PricePerCu(nanos));
            prop_assert_eq!(PricePerCu::from_decimal(&lit), expected, "{}", lit);
            if int < 1_000 {
                prop_assert_eq!(PricePerCu::from_decimal(&lit), PricePerCu::from_f64(lit.parse().unwrap()), "{}", lit);
            }
        }

        #[test]
        fn agrees_with_writing_the_number_out(
            neg in proptest::bool::weighted(0.1),
            int in "0|[1-9][0-9]{0,14}",
            frac in proptest::option::of("[0-9]{1,9}"),
            exp in proptest::option::of(-20i64..20),
        ) {
            let lit = format!(
                "{}{int}{}{}",
                if neg { "-" } else { "" },
                frac.map(|f| format!(".{f}")).unwrap_or_default(),
                exp.map(|e| format!("e{e}")).unwrap_or_default(),
            );
            prop_assert_eq!(Cu::from_decimal(&lit), oracle(&lit), "{}", lit);
        }

        /// Where f64 is exact enough (at most four decimals, well inside
        /// 2^53 units), the old float reading agrees.
        #[test]
        fn agrees_with_the_float_reading_where_it_is_exact(units in 0u64..(1u64 << 50)) {
            let lit = format!("{}.{:04}", units / SCALE, units % SCALE);
            prop_assert_eq!(Cu::from_decimal(&lit), Cu::from_f64(lit.parse().unwrap()));
            prop_assert_eq!(Cu::from_decimal(&lit), Some(Cu(units)));
        }
    }
}
