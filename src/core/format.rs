//! Numbers, money and dates for display.
//!
//! Figures are formatted from their exact fixed-point value: the locale only
//! supplies the separators (read once from `Intl.NumberFormat`), so nothing is
//! ever rounded on the way to the screen. Money goes through Intl's currency
//! formatting with the exact decimal passed as a string. Dates use
//! `Intl.DateTimeFormat` with the configured locale and time zone. Outside a
//! browser (native tests) plain English formatting is used.

use crate::core::cu::{format_units, Cu, CuTotal, Money};
use crate::core::i18n::{fill, Cat, Catalog};
use crate::core::messages::M;
use std::sync::Arc;

/// The sign of a change: `+`, `−` (U+2212), or nothing for zero.
pub fn sign(n: i128) -> &'static str {
    match n.signum() {
        1 => "+",
        -1 => "−",
        _ => "",
    }
}

/// Locale-aware formatting for one component instance.
#[derive(Clone)]
pub struct Formatter {
    group: String,
    decimal: String,
    #[cfg(target_arch = "wasm32")]
    intl: Option<intl::Intl>,
    currency: Option<String>,
    /// The zone days are counted in (the billing time zone).
    zone: String,
    /// The zone dates and times are shown in.
    display_zone: String,
    /// Decimals money is shown with.
    money_digits: u32,
    /// The words of the UI.
    words: Arc<Catalog>,
}

impl std::fmt::Debug for Formatter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Formatter")
            .field("group", &self.group)
            .field("decimal", &self.decimal)
            .finish()
    }
}

impl Formatter {
    /// Plain English formatting (`1,234.5`), used natively and as fallback.
    pub fn plain(currency: Option<String>) -> Formatter {
        Formatter {
            group: ",".into(),
            decimal: ".".into(),
            #[cfg(target_arch = "wasm32")]
            intl: None,
            currency,
            zone: "UTC".into(),
            display_zone: "UTC".into(),
            money_digits: 2,
            words: Arc::default(),
        }
    }

    /// Uses the host's messages over English.
    pub fn with_words(mut self, words: Catalog) -> Formatter {
        self.words = Arc::new(words);
        self
    }

    /// The plural category of `n` in the locale.
    pub fn plural(&self, n: u64) -> Cat {
        #[cfg(target_arch = "wasm32")]
        if let Some(intl) = self.intl.as_ref() {
            if let Some(cat) = intl.plural(n) {
                return cat;
            }
        }
        Cat::english(n)
    }

    /// Message `m` (no placeholders).
    pub fn t(&self, m: M) -> String {
        self.words.text(m, None).to_owned()
    }

    /// Message `m` with its placeholders filled.
    pub fn tf(&self, m: M, args: &[(&str, &str)]) -> String {
        fill(self.words.text(m, None), args)
    }

    /// Plural message `m` for `n` (`{n}` is `n` as counted in the locale).
    pub fn tn(&self, m: M, n: u64, args: &[(&str, &str)]) -> String {
        let count = self.count(n);
        let mut all = Vec::with_capacity(args.len() + 1);
        all.push(("n", count.as_str()));
        all.extend_from_slice(args);
        fill(self.words.text(m, Some(self.plural(n))), &all)
    }

    /// Shows money with `digits` decimals instead of the currency's own
    /// (the `moneyDecimals` option); `None` keeps the currency's.
    pub fn with_money_decimals(mut self, digits: Option<u8>) -> Formatter {
        if let Some(d) = digits {
            self.money_digits = u32::from(d);
            #[cfg(target_arch = "wasm32")]
            if let Some(intl) = self.intl.as_mut() {
                intl.set_money_digits(self.currency.as_deref(), self.money_digits);
            }
        }
        self
    }

    /// Decimals money is shown with.
    pub fn money_digits(&self) -> u32 {
        self.money_digits
    }

    /// The IANA time zone dates and times are shown in.
    pub fn display_zone(&self) -> &str {
        &self.display_zone
    }

    /// Formatting for `locale` and `time_zone` (the browser's when `None`),
    /// with days (periods, day filters, the day chart, budgets) counted in
    /// `day_zone` (the billing time zone; dates and times are still shown in
    /// `time_zone`, [`Formatter::display_zone`]). An error names the option
    /// the browser's `Intl` does not know; a browser without a usable `Intl`
    /// gets plain formatting.
    #[cfg(target_arch = "wasm32")]
    pub fn new(
        locale: Option<&str>,
        time_zone: Option<&str>,
        day_zone: &str,
        currency: Option<String>,
    ) -> Result<Formatter, String> {
        Ok(
            match intl::Intl::new(locale, time_zone, day_zone, currency.as_deref())? {
                Some(intl) => Formatter {
                    group: intl.group.clone(),
                    decimal: intl.decimal.clone(),
                    currency,
                    zone: intl.zone.clone(),
                    display_zone: intl.display_zone.clone(),
                    money_digits: intl.money_digits,
                    intl: Some(intl),
                    words: Arc::default(),
                },
                None => Formatter {
                    zone: day_zone.to_owned(),
                    ..Formatter::plain(currency)
                },
            },
        )
    }

    /// Formatting for `locale` and `time_zone` (plain outside a browser),
    /// with days counted in `day_zone`.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn new(
        _locale: Option<&str>,
        _time_zone: Option<&str>,
        day_zone: &str,
        currency: Option<String>,
    ) -> Result<Formatter, String> {
        Ok(Formatter {
            zone: day_zone.to_owned(),
            ..Formatter::plain(currency)
        })
    }

    /// A run's CU with four decimals, e.g. `1,234.5000`.
    pub fn cu(&self, cu: Cu) -> String {
        format_units(u128::from(cu.0), 4, &self.group, &self.decimal)
    }

    /// A CU total with four decimals.
    pub fn cu_total(&self, total: CuTotal) -> String {
        format_units(total.0, 4, &self.group, &self.decimal)
    }

    /// A configured amount (a budget) without trailing zero decimals:
    /// `80,000`, `1,250.5`.
    pub fn cu_setting(&self, total: CuTotal) -> String {
        let full = self.cu_total(total);
        match full.rsplit_once(self.decimal.as_str()) {
            Some((int, frac)) => {
                let frac = frac.trim_end_matches('0');
                if frac.is_empty() {
                    int.to_owned()
                } else {
                    format!("{int}{}{frac}", self.decimal)
                }
            }
            None => full,
        }
    }

    /// The locale's decimal separator.
    pub fn decimal_sep(&self) -> &str {
        &self.decimal
    }

    /// A count with the locale's grouping, e.g. `1,500`.
    pub fn count(&self, n: u64) -> String {
        format_units(u128::from(n) * 10_000, 0, &self.group, &self.decimal)
    }

    /// A percentage with one decimal, e.g. `42.5 %`.
    pub fn percent(&self, part: CuTotal, whole: CuTotal) -> String {
        if whole.0 == 0 {
            return "—".to_owned();
        }
        // Tenths of a percent, rounded half up, in integers.
        let tenths = (part.0 * 1_000 + whole.0 / 2) / whole.0;
        format!("{}{}{} %", tenths / 10, self.decimal, tenths % 10)
    }

    /// A share in tenths of a percent (`None`: "—"), e.g. `42.5 %`.
    pub fn share(&self, tenths: Option<u16>) -> String {
        match tenths {
            None => "—".to_owned(),
            Some(t) => format!("{}{}{} %", t / 10, self.decimal, t % 10),
        }
    }

    /// A signed change of a percentage, in tenths: `+12.4 %`, `−3.0 %`.
    pub fn signed_percent(&self, tenths: i128) -> String {
        let a = tenths.unsigned_abs();
        format!("{}{}{}{} %", sign(tenths), a / 10, self.decimal, a % 10)
    }

    /// A signed change of CU: `+1,234.5000`, `−2.0000`, `0.0000`.
    pub fn signed_cu(&self, diff: i128) -> String {
        format!(
            "{}{}",
            sign(diff),
            self.cu_total(CuTotal(diff.unsigned_abs()))
        )
    }

    /// A signed change of money: `+$1.2000`, `−$0.5000`.
    pub fn signed_money(&self, diff: i128) -> String {
        format!("{}{}", sign(diff), self.money(Money(diff.unsigned_abs())))
    }

    /// Money with the currency symbol, rounded half up to the currency's
    /// decimals (or `moneyDecimals`): the only place a cost is rounded.
    pub fn money(&self, amount: Money) -> String {
        let exact = amount.to_plain_rounded(self.money_digits);
        #[cfg(target_arch = "wasm32")]
        if let Some(text) = self.intl.as_ref().and_then(|i| i.money(&exact)) {
            return text;
        }
        let (int, frac) = exact.split_once('.').unwrap_or((&exact, ""));
        let int = format_units(
            int.parse::<u128>().unwrap_or(0) * 10_000,
            0,
            &self.group,
            &self.decimal,
        );
        let number = if frac.is_empty() {
            int
        } else {
            format!("{int}{}{frac}", self.decimal)
        };
        match &self.currency {
            Some(c) => format!("{c} {number}"),
            None => number,
        }
    }

    /// A date and time (epoch ms) in the configured locale and time zone.
    pub fn date_time(&self, ms: i64) -> String {
        #[cfg(target_arch = "wasm32")]
        if let Some(text) = self.intl.as_ref().and_then(|i| i.date_time(ms)) {
            return text;
        }
        let date = crate::core::time::utc_date(ms);
        let secs = ms.div_euclid(1_000).rem_euclid(86_400);
        format!("{date} {:02}:{:02} UTC", secs / 3_600, secs / 60 % 60)
    }

    /// A time of day (epoch ms), e.g. "2:05 PM", in the configured locale
    /// and time zone.
    pub fn time_of_day(&self, ms: i64) -> String {
        #[cfg(target_arch = "wasm32")]
        if let Some(text) = self.intl.as_ref().and_then(|i| i.time_of_day(ms)) {
            return text;
        }
        let secs = ms.div_euclid(1_000).rem_euclid(86_400);
        format!("{:02}:{:02} UTC", secs / 3_600, secs / 60 % 60)
    }

    /// The billing time zone's offset from UTC, in minutes, at epoch ms
    /// (0 outside a browser, where days are counted in UTC).
    pub fn zone_offset_minutes(&self, ms: i64) -> i32 {
        #[cfg(target_arch = "wasm32")]
        if let Some(wall) = self.intl.as_ref().and_then(|i| i.wall_clock(ms)) {
            return crate::core::time::offset_of_wall_clock(ms, wall);
        }
        let _ = ms;
        0
    }

    /// The IANA time zone days are counted in (the billing time zone), e.g. `UTC`.
    pub fn zone(&self) -> &str {
        &self.zone
    }

    /// The locale's first day of the week (ISO: 1 = Monday … 7 = Sunday),
    /// where the browser knows it.
    pub fn week_starts_on(&self) -> Option<u8> {
        #[cfg(target_arch = "wasm32")]
        if let Some(intl) = self.intl.as_ref() {
            return intl.week_start;
        }
        None
    }

    /// The calendar day (`YYYY-MM-DD`) of epoch ms in the configured time zone.
    pub fn day_key(&self, ms: i64) -> String {
        // UTC's days need no `Intl` (a call per quarter hour of a load).
        #[cfg(target_arch = "wasm32")]
        if let Some(text) = self
            .intl
            .as_ref()
            .filter(|_| self.zone() != "UTC")
            .and_then(|i| i.day_key(ms))
        {
            return text;
        }
        crate::core::time::utc_date(ms)
    }
}

#[cfg(target_arch = "wasm32")]
mod intl {
    use js_sys::{Array, Date, Function, Object, Reflect};
    use wasm_bindgen::{JsCast, JsValue};

    #[derive(Clone)]
    pub struct Intl {
        pub group: String,
        pub decimal: String,
        date_time: Function,
        time: Function,
        day: Function,
        /// `formatToParts` of the billing zone's wall clock (year … second).
        wall: Function,
        money: Option<Function>,
        pub money_digits: u32,
        locs: Array,
        /// The zone days are counted in.
        pub zone: String,
        /// The zone dates and times are shown in.
        pub display_zone: String,
        pub week_start: Option<u8>,
        plural: Option<js_sys::Intl::PluralRules>,
    }

    fn options(pairs: &[(&str, JsValue)]) -> Object {
        let obj = Object::new();
        for (k, v) in pairs {
            let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
        }
        obj
    }

    /// `options(pairs)` with `timeZone` added when there is one.
    fn zoned(mut pairs: Vec<(&str, JsValue)>, time_zone: Option<&str>) -> Object {
        if let Some(tz) = time_zone {
            pairs.push(("timeZone", JsValue::from_str(tz)));
        }
        options(&pairs)
    }

    fn locales(locale: Option<&str>) -> Array {
        let arr = Array::new();
        if let Some(l) = locale {
            arr.push(&JsValue::from_str(l));
        }
        arr
    }

    fn part(parts: &Array, kind: &str) -> Option<String> {
        parts.iter().find_map(|p| {
            let t = Reflect::get(&p, &"type".into()).ok()?.as_string()?;
            (t == kind)
                .then(|| Reflect::get(&p, &"value".into()).ok()?.as_string())
                .flatten()
        })
    }

    impl Intl {
        /// The formatters for `locale`, `time_zone` and `currency`, with days
        /// in `day_zone`. `Err` names the option the browser does not know;
        /// `Ok(None)`: its `Intl` cannot be used (plain formatting then).
        pub fn new(
            locale: Option<&str>,
            time_zone: Option<&str>,
            day_zone: &str,
            currency: Option<&str>,
        ) -> Result<Option<Intl>, String> {
            let locs = locales(locale);
            // A constructor throws for a locale or a time zone it does not
            // know: the first that uses the option says which one.
            let Some(numbers) = construct("NumberFormat", &locs, &Object::new()) else {
                return match locale {
                    Some(l) => Err(format!(
                        "locale {l:?} is not a language tag this browser knows (e.g. \"de-DE\")"
                    )),
                    None => Ok(None),
                };
            };
            let dt_opts = zoned(
                vec![
                    ("dateStyle", "medium".into()),
                    ("timeStyle", "short".into()),
                ],
                time_zone,
            );
            let Some(date_time) = construct("DateTimeFormat", &locs, &dt_opts) else {
                return match time_zone {
                    Some(tz) => Err(unknown_zone("timeZone", tz)),
                    None => Ok(None),
                };
            };
            let Some((day, zone)) = day_format(day_zone) else {
                return Err(unknown_zone("billingTimeZone", day_zone));
            };
            Ok(Intl::build(
                time_zone, currency, locs, numbers, date_time, day, zone,
            ))
        }

        /// The rest of [`Intl::new`], where a failure means an `Intl` that
        /// cannot be used.
        fn build(
            time_zone: Option<&str>,
            currency: Option<&str>,
            locs: Array,
            numbers: JsValue,
            date_time: JsValue,
            day: Function,
            zone: String,
        ) -> Option<Intl> {
            let to_parts: Function = Reflect::get(&numbers, &"formatToParts".into())
                .ok()?
                .dyn_into()
                .ok()?;
            let parts: Array = to_parts
                .call1(&numbers, &JsValue::from_f64(1_234_567.5))
                .ok()?
                .dyn_into()
                .ok()?;
            let group = part(&parts, "group").unwrap_or_else(|| ",".into());
            let decimal = part(&parts, "decimal").unwrap_or_else(|| ".".into());
            let time_opts = zoned(vec![("timeStyle", "short".into())], time_zone);
            let time = construct_date_time(&locs, &time_opts)?;
            let display_zone = match time_zone {
                Some(tz) => named_as_given(resolved_zone(&date_time), tz),
                None => resolved_zone(&date_time).unwrap_or_else(|| "UTC".to_owned()),
            };
            let date_time: Function = Reflect::get(&date_time, &"format".into())
                .ok()?
                .dyn_into()
                .ok()?;
            let wall = wall_format(&zone)?;
            // The currency's own decimals (2 for USD, 0 for JPY).
            let money_digits = currency
                .and_then(|c| {
                    let o = options(&[("style", "currency".into()), ("currency", c.into())]);
                    let nf = construct("NumberFormat", &locs, &o)?;
                    let resolved: Function = Reflect::get(&nf, &"resolvedOptions".into())
                        .ok()?
                        .dyn_into()
                        .ok()?;
                    let o = resolved.call0(&nf).ok()?;
                    Reflect::get(&o, &"maximumFractionDigits".into())
                        .ok()?
                        .as_f64()
                })
                .map_or(2, |d| d as u32);
            let money = currency.and_then(|c| money_format(&locs, c, money_digits));
            let week_start = week_start(&numbers);
            let plural = Some(js_sys::Intl::PluralRules::new(&locs, &Object::new()));
            Some(Intl {
                plural,
                group,
                decimal,
                date_time,
                time,
                day,
                wall,
                money,
                money_digits,
                locs,
                display_zone,
                zone,
                week_start,
            })
        }

        /// The plural category of `n` by `Intl.PluralRules`.
        pub fn plural(&self, n: u64) -> Option<super::Cat> {
            let name = self.plural.as_ref()?.select(n as f64).as_string()?;
            super::Cat::parse(&name)
        }

        pub fn set_money_digits(&mut self, currency: Option<&str>, digits: u32) {
            self.money_digits = digits;
            self.money = currency.and_then(|c| money_format(&self.locs, c, digits));
        }

        pub fn money(&self, exact_decimal: &str) -> Option<String> {
            // A string argument is formatted as an exact decimal (Intl.NumberFormat v3).
            self.money
                .as_ref()?
                .call1(&JsValue::NULL, &JsValue::from_str(exact_decimal))
                .ok()?
                .as_string()
        }

        pub fn date_time(&self, ms: i64) -> Option<String> {
            self.date_time
                .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(ms as f64)))
                .ok()?
                .as_string()
        }

        pub fn time_of_day(&self, ms: i64) -> Option<String> {
            self.time
                .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(ms as f64)))
                .ok()?
                .as_string()
        }

        /// Year, month, day, hour, minute and second of the billing zone's
        /// wall clock at epoch ms.
        pub fn wall_clock(&self, ms: i64) -> Option<[i64; 6]> {
            let parts: Array = self
                .wall
                .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(ms as f64)))
                .ok()?
                .dyn_into()
                .ok()?;
            let mut out = [0i64; 6];
            for (slot, kind) in out
                .iter_mut()
                .zip(["year", "month", "day", "hour", "minute", "second"])
            {
                *slot = part(&parts, kind)?.parse().ok()?;
            }
            // Some engines write midnight as hour 24 even with h23.
            if out[3] == 24 {
                out[3] = 0;
            }
            Some(out)
        }

        pub fn day_key(&self, ms: i64) -> Option<String> {
            self.day
                .call1(&JsValue::NULL, &Date::new(&JsValue::from_f64(ms as f64)))
                .ok()?
                .as_string()
        }
    }

    /// The locale's first day of the week (ISO, 1 = Monday … 7 = Sunday) from
    /// `Intl.Locale`'s `getWeekInfo()` (or the older `weekInfo`), where the
    /// browser has it.
    fn week_start(numbers: &JsValue) -> Option<u8> {
        let resolved: Function = Reflect::get(numbers, &"resolvedOptions".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let tag = Reflect::get(&resolved.call0(numbers).ok()?, &"locale".into()).ok()?;
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let ctor: Function = Reflect::get(&intl, &"Locale".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let locale = Reflect::construct(&ctor, &Array::of1(&tag)).ok()?;
        let info = match Reflect::get(&locale, &"getWeekInfo".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
        {
            Some(get) => get.call0(&locale).ok()?,
            None => Reflect::get(&locale, &"weekInfo".into()).ok()?,
        };
        let first = Reflect::get(&info, &"firstDay".into()).ok()?.as_f64()?;
        (1.0..=7.0).contains(&first).then_some(first as u8)
    }

    /// `new Intl[name](locales, options)`; `None` if it throws (bad locale or zone).
    fn construct(name: &str, locs: &Array, opts: &Object) -> Option<JsValue> {
        let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
        let ctor: Function = Reflect::get(&intl, &name.into()).ok()?.dyn_into().ok()?;
        Reflect::construct(&ctor, &Array::of2(locs, opts)).ok()
    }

    /// The `YYYY-MM-DD` formatter of days in `time_zone`, and that zone's
    /// resolved name.
    /// A configured zone's name as the page says it: as given (`Asia/Kolkata`,
    /// which `Intl` may resolve to its old alias `Asia/Calcutta`), or as
    /// `Intl` spells it when they differ only in case (`utc` → `UTC`).
    fn named_as_given(resolved: Option<String>, given: &str) -> String {
        match resolved {
            Some(r) if r.eq_ignore_ascii_case(given) => r,
            _ => given.to_owned(),
        }
    }

    fn day_format(time_zone: &str) -> Option<(Function, String)> {
        let pairs: Vec<(&str, JsValue)> = vec![
            ("year", "numeric".into()),
            ("month", "2-digit".into()),
            ("day", "2-digit".into()),
            ("timeZone", JsValue::from_str(time_zone)),
        ];
        let day_format = construct("DateTimeFormat", &locales(Some("en-CA")), &options(&pairs))?;
        let day: Function = Reflect::get(&day_format, &"format".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let zone = named_as_given(resolved_zone(&day_format), time_zone);
        Some((day, zone))
    }

    /// The time zone a `DateTimeFormat` resolved to (the browser's, when
    /// it was given none).
    fn resolved_zone(format: &JsValue) -> Option<String> {
        Reflect::get(format, &"resolvedOptions".into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
            .and_then(|f| f.call0(format).ok())
            .and_then(|o| Reflect::get(&o, &"timeZone".into()).ok())
            .and_then(|z| z.as_string())
    }

    /// The error of an option naming a time zone the browser does not know.
    fn unknown_zone(option: &str, tz: &str) -> String {
        format!(
            "{option} {tz:?} is not a time zone this browser knows (an IANA name such as \"Europe/Berlin\", or \"UTC\")"
        )
    }

    /// The bound `formatToParts` of a numeric wall clock (year … second,
    /// 24-hour) in `time_zone`.
    fn wall_format(time_zone: &str) -> Option<Function> {
        let pairs: Vec<(&str, JsValue)> = vec![
            ("year", "numeric".into()),
            ("month", "numeric".into()),
            ("day", "numeric".into()),
            ("hour", "numeric".into()),
            ("minute", "numeric".into()),
            ("second", "numeric".into()),
            ("hourCycle", "h23".into()),
            ("timeZone", JsValue::from_str(time_zone)),
        ];
        let format = construct("DateTimeFormat", &locales(Some("en-US")), &options(&pairs))?;
        let parts: Function = Reflect::get(&format, &"formatToParts".into())
            .ok()?
            .dyn_into()
            .ok()?;
        Some(parts.bind0(&format))
    }

    /// `Intl.NumberFormat(locs, {style: "currency", currency, digits})`'s
    /// `format`: given the amount as an exact decimal string with `digits`
    /// decimals, it adds the symbol and separators and rounds nothing.
    fn money_format(locs: &Array, currency: &str, digits: u32) -> Option<Function> {
        let o = options(&[
            ("style", "currency".into()),
            ("currency", currency.into()),
            ("minimumFractionDigits", digits.into()),
            ("maximumFractionDigits", digits.into()),
        ]);
        let nf = construct("NumberFormat", locs, &o)?;
        Reflect::get(&nf, &"format".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()
    }

    fn construct_date_time(locs: &Array, opts: &Object) -> Option<Function> {
        let dtf = construct("DateTimeFormat", locs, opts)?;
        Reflect::get(&dtf, &"format".into())
            .ok()?
            .dyn_into::<Function>()
            .ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn settings_drop_trailing_zero_decimals() {
        let f = Formatter::plain(None);
        assert_eq!(f.cu_setting(CuTotal(800_000_000)), "80,000");
        assert_eq!(f.cu_setting(CuTotal(12_505_000)), "1,250.5");
        assert_eq!(f.cu_setting(CuTotal(1)), "0.0001");
    }

    #[test]
    fn plain_formatting() {
        let f = Formatter::plain(Some("USD".into()));
        assert_eq!(f.cu(Cu(123_456)), "12.3456");
        assert_eq!(f.cu_total(CuTotal(12_345_670_000)), "1,234,567.0000");
        assert_eq!(f.count(1_482), "1,482");
        // Exact amounts, rounded half up only here: 0.247 -> 0.25.
        assert_eq!(f.money(Money(2_470 * 10u128.pow(9))), "USD 0.25");
        assert_eq!(f.money(Money(10u128.pow(13))), "USD 1.00");
        assert_eq!(
            f.money(Money(1_234_567 * 10u128.pow(13))),
            "USD 1,234,567.00"
        );
        let f4 = Formatter::plain(Some("USD".into())).with_money_decimals(Some(4));
        assert_eq!(f4.money(Money(2_470 * 10u128.pow(9))), "USD 0.2470");
        let f0 = Formatter::plain(Some("JPY".into())).with_money_decimals(Some(0));
        assert_eq!(f0.money(Money(5 * 10u128.pow(12))), "JPY 1");
        assert_eq!(f.percent(CuTotal(425), CuTotal(1_000)), "42.5 %");
        assert_eq!(f.percent(CuTotal(1), CuTotal(0)), "—");
        assert_eq!(f.date_time(0), "1970-01-01 00:00 UTC");
        assert_eq!(f.day_key(86_400_000 * 2 - 1), "1970-01-02");
        assert_eq!(f.zone(), "UTC");
    }
}
