//! Exact compute-unit and money arithmetic.
//!
//! The API sends `totalCu` as a JSON number with up to four decimals. Summing
//! those as `f64` gives figures such as `0.30000000000000004`, and a total that
//! does not equal the sum of the rows it covers. Every CU value is therefore
//! converted once, at decode time, to an integer count of ten-thousandths of a
//! CU ([`Cu`]); sums are integers ([`CuTotal`]) and are exact whatever the order.
//! Money follows the same rule: a run's cost is rounded once to ten-thousandths
//! of the currency unit ([`Money`]) and every cost total is the integer sum of
//! those row costs, so totals always equal the sum of the rows shown.

/// Fixed-point scale: values are stored in units of 1/10,000.
pub const SCALE: u64 = 10_000;
/// Number of decimal digits in [`SCALE`].
pub const SCALE_DIGITS: usize = 4;
/// Largest CU value of a single run accepted as valid (a trillion CU).
pub const MAX_RUN_CU: f64 = 1e12;

/// A single run's compute units, in ten-thousandths of a CU.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cu(pub u64);

/// A sum of [`Cu`] values (wide enough for any number of runs).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CuTotal(pub u128);

/// An amount of money in ten-thousandths of the currency unit.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(pub u128);

impl Cu {
    /// Converts an API number to fixed point, rounding to the nearest
    /// ten-thousandth. `None` for negative, non-finite or absurdly large values.
    pub fn from_f64(value: f64) -> Option<Cu> {
        if !value.is_finite() || !(0.0..=MAX_RUN_CU).contains(&value) {
            return None;
        }
        Some(Cu((value * SCALE as f64).round() as u64))
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
    const PRICE_SCALE: f64 = 1e9;

    /// `None` unless the price is finite and positive.
    pub fn from_f64(value: f64) -> Option<PricePerCu> {
        if !value.is_finite() || value <= 0.0 || value > 1e9 {
            return None;
        }
        let nanos = (value * Self::PRICE_SCALE).round();
        (nanos >= 1.0).then_some(PricePerCu(nanos as u128))
    }

    /// The cost of one run, rounded half-up to ten-thousandths of the currency.
    pub fn cost(self, cu: Cu) -> Money {
        // cu is in 1e-4 units, price in 1e-9 units: product in 1e-13 units.
        let product = u128::from(cu.0) * self.0;
        let divisor = 1_000_000_000u128;
        Money((product + divisor / 2) / divisor)
    }
}

impl Money {
    /// Adds another amount.
    pub fn add(&mut self, other: Money) {
        self.0 += other.0;
    }

    /// Plain decimal text with `.` and exactly four decimals.
    pub fn to_plain(self) -> String {
        plain_decimal(self.0)
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
    fn cost_is_rounded_once_per_run() {
        let price = PricePerCu::from_f64(0.002).unwrap();
        // 12.3456 CU * 0.002 = 0.0246912 -> 0.0247
        assert_eq!(price.cost(Cu(123_456)), Money(247));
        assert_eq!(price.cost(Cu(0)), Money(0));
        assert!(PricePerCu::from_f64(0.0).is_none());
        assert!(PricePerCu::from_f64(-1.0).is_none());
        assert!(PricePerCu::from_f64(f64::NAN).is_none());
    }
}
