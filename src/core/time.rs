//! Timestamps and durations without a date library (every crate shows in the
//! wasm size): RFC 3339 parsing to epoch milliseconds, and compact durations.

/// Parses an RFC 3339 timestamp (`2026-11-28T10:15:00Z`,
/// `2026-11-28T10:15:00.123+02:00`) to milliseconds since the Unix epoch.
/// Returns `None` for anything else, so callers can show the raw text.
pub fn parse_rfc3339_ms(text: &str) -> Option<i64> {
    let b = text.trim().as_bytes();
    if b.len() < 20 {
        return None;
    }
    let num = |range: std::ops::Range<usize>| -> Option<i64> {
        let s = b.get(range)?;
        if s.is_empty() || !s.iter().all(u8::is_ascii_digit) {
            return None;
        }
        std::str::from_utf8(s).ok()?.parse().ok()
    };
    if b[4] != b'-'
        || b[7] != b'-'
        || !matches!(b[10], b'T' | b't' | b' ')
        || b[13] != b':'
        || b[16] != b':'
    {
        return None;
    }
    let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
    let (hour, minute, second) = (num(11..13)?, num(14..16)?, num(17..19)?);
    if !(1..=12).contains(&month)
        || day < 1
        || day > days_in_month(year, month)
        || hour > 23
        || minute > 59
        || second > 60
    {
        return None;
    }
    let mut i = 19;
    let mut millis = 0i64;
    if b.get(i) == Some(&b'.') {
        let start = i + 1;
        i = start;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        let frac = &b[start..i.min(start + 3)];
        let mut ms = 0i64;
        for (k, d) in frac.iter().enumerate() {
            ms += i64::from(d - b'0') * [100, 10, 1][k];
        }
        millis = ms;
    }
    let offset_minutes = match b.get(i) {
        Some(b'Z' | b'z') if i + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if i + 6 == b.len() && b[i + 3] == b':' => {
            let (h, m) = (num(i + 1..i + 3)?, num(i + 4..i + 6)?);
            if h > 23 || m > 59 {
                return None;
            }
            let total = h * 60 + m;
            if *sign == b'+' {
                total
            } else {
                -total
            }
        }
        _ => return None,
    };
    let days = days_from_civil(year, month, day);
    let secs = days * 86_400 + hour * 3_600 + minute * 60 + second.min(59) - offset_minutes * 60;
    Some(secs * 1_000 + millis)
}

fn is_leap(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 for a proleptic Gregorian date (H. Hinnant's algorithm).
pub fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The calendar date (UTC) of epoch milliseconds as `YYYY-MM-DD`.
pub fn utc_date(ms: i64) -> String {
    let (year, month, day) = civil(ms);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Year, month and day (UTC) of epoch milliseconds.
fn civil(ms: i64) -> (i64, i64, i64) {
    let z = ms.div_euclid(86_400_000) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// Whether `text` is exactly [`format_rfc3339_ms`]`(ms)`, checked digit by
/// digit without building the text (the decoder asks this for two
/// timestamps of every run).
pub fn is_canonical_rfc3339_ms(text: &str, ms: i64) -> bool {
    let (year, month, day) = civil(ms);
    if !(0..=9_999).contains(&year) {
        return text == format_rfc3339_ms(ms);
    }
    let Ok(b) = <&[u8; 24]>::try_from(text.as_bytes()) else {
        return false;
    };
    fn put(dst: &mut [u8], mut v: i64) {
        for c in dst.iter_mut().rev() {
            *c = b'0' + (v % 10) as u8;
            v /= 10;
        }
    }
    let day_secs = ms.div_euclid(1_000).rem_euclid(86_400);
    let mut want = *b"0000-00-00T00:00:00.000Z";
    put(&mut want[0..4], year);
    put(&mut want[5..7], month);
    put(&mut want[8..10], day);
    put(&mut want[11..13], day_secs / 3_600);
    put(&mut want[14..16], day_secs / 60 % 60);
    put(&mut want[17..19], day_secs % 60);
    put(&mut want[20..23], ms.rem_euclid(1_000));
    &want == b
}

/// Epoch milliseconds as RFC 3339 in UTC with milliseconds:
/// `2026-11-28T13:36:43.250Z` (the API's own form).
pub fn format_rfc3339_ms(ms: i64) -> String {
    let secs = ms.div_euclid(1_000);
    let day_secs = secs.rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}.{:03}Z",
        utc_date(ms),
        day_secs / 3_600,
        day_secs / 60 % 60,
        day_secs % 60,
        ms.rem_euclid(1_000)
    )
}

/// Epoch milliseconds as ISO 8601 local time at `offset_minutes` from UTC,
/// with that offset: `2026-11-28T14:36:43+01:00` (milliseconds only when
/// there are some: `…:43.250+01:00`). What the CSV exports write, in the
/// billing time zone.
pub fn format_iso_at_offset(ms: i64, offset_minutes: i32) -> String {
    format_iso_at_offset_as(ms, offset_minutes, TimeForm::CANONICAL)
}

/// As [`format_iso_at_offset`], with the digits past the millisecond that
/// `form` (how the API wrote the instant) holds: `…:40.350732632-05:00`.
pub fn format_iso_at_offset_as(ms: i64, offset_minutes: i32, form: TimeForm) -> String {
    let local = ms + i64::from(offset_minutes) * 60_000;
    let day_secs = local.div_euclid(1_000).rem_euclid(86_400);
    let millis = local.rem_euclid(1_000);
    let fraction = match form.frac() {
        extra @ 4.. => format!(".{millis:03}{:0w$}", form.sub(), w = extra - 3),
        _ if millis == 0 => String::new(),
        _ => format!(".{millis:03}"),
    };
    let sign = if offset_minutes < 0 { '-' } else { '+' };
    let off = offset_minutes.unsigned_abs();
    format!(
        "{}T{:02}:{:02}:{:02}{fraction}{sign}{:02}:{:02}",
        utc_date(local),
        day_secs / 3_600,
        day_secs / 60 % 60,
        day_secs % 60,
        off / 60,
        off % 60
    )
}

/// The offset from UTC, in minutes, of a zone's wall clock that reads
/// `year-month-day hour:minute:second` at epoch ms `at` (what `Intl` gives
/// for a zone), rounded to the minute.
pub fn offset_of_wall_clock(at: i64, wall: [i64; 6]) -> i32 {
    let [year, month, day, hour, minute, second] = wall;
    let wall_ms = days_from_civil(year, month, day) * 86_400_000
        + hour * 3_600_000
        + minute * 60_000
        + second * 1_000;
    let diff = wall_ms - at.div_euclid(1_000) * 1_000;
    (diff + 30_000).div_euclid(60_000) as i32
}

/// How a sent RFC 3339 timestamp was written, beyond its instant: the
/// number of fraction digits (0–9) and the digits past the millisecond, the
/// date–time separator (`T`, `t` or a space), and the zone (`Z`, `z` or an
/// offset such as `+02:00`). With the instant in milliseconds it gives the
/// sent text back ([`write_time`]), so a run keeps eight bytes, not a copy
/// of the text, whatever form its server uses. `TimeForm(0)` is this API's
/// own form, `2026-11-28T13:36:43.250Z`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct TimeForm(pub u64);

/// Bits of a [`TimeForm`] that hold the digits past the millisecond.
const SUB_SHIFT: u32 = 20;

impl TimeForm {
    /// The API's own form: milliseconds, `T`, `Z`.
    pub const CANONICAL: TimeForm = TimeForm(0);

    /// A form: `frac` fraction digits (0–9), separator `sep` (0 `T`, 1 `t`,
    /// 2 space), `zone` (0 `Z`, 1 `z`, 2 the offset `offset_min`), and
    /// `sub`, the digits past the millisecond.
    pub(crate) fn pack(frac: u8, sep: u8, zone: u8, offset_min: i64, sub: u32) -> TimeForm {
        let offset = if zone == 2 {
            (offset_min + 1_440) as u64
        } else {
            0
        };
        TimeForm(
            u64::from(frac ^ 3)
                | u64::from(sep) << 4
                | u64::from(zone) << 6
                | offset << 8
                | u64::from(sub) << SUB_SHIFT,
        )
    }

    fn frac(self) -> usize {
        (self.0 & 0xf) as usize ^ 3
    }

    fn sep(self) -> u8 {
        [b'T', b't', b' '][((self.0 >> 4) & 3).min(2) as usize]
    }

    fn zone(self) -> u8 {
        ((self.0 >> 6) & 3) as u8
    }

    fn offset_min(self) -> i64 {
        ((self.0 >> 8) & 0xfff) as i64 - 1_440
    }

    /// The digits past the millisecond, as a number (`0` for 3 or fewer
    /// fraction digits).
    pub fn sub(self) -> u32 {
        (self.0 >> SUB_SHIFT) as u32
    }

    /// The digits past the millisecond in nanoseconds (`.123456` → 456,000).
    pub fn sub_nanos(self) -> i64 {
        match self.frac() {
            f @ 4..=9 => i64::from(self.sub()) * 10i64.pow(9 - f as u32),
            _ => 0,
        }
    }

    /// The form without its digits past the millisecond (shared by many runs).
    pub fn shape(self) -> TimeForm {
        TimeForm(self.0 & ((1 << SUB_SHIFT) - 1))
    }

    /// `shape` with `sub` as its digits past the millisecond.
    pub fn with_sub(self, sub: u32) -> TimeForm {
        TimeForm(self.shape().0 | u64::from(sub) << SUB_SHIFT)
    }
}

/// The time from `start` to `end` (epoch milliseconds and the forms
/// they were sent in) in milliseconds, from the instants as sent (digits
/// past the millisecond included), rounded half up; `None` when `end` is
/// before `start`.
pub fn exact_duration_ms(start: (i64, TimeForm), end: (i64, TimeForm)) -> Option<i64> {
    let nanos =
        |(ms, form): (i64, TimeForm)| i128::from(ms) * 1_000_000 + i128::from(form.sub_nanos());
    let d = nanos(end) - nanos(start);
    (d >= 0).then(|| ((d + 500_000) / 1_000_000) as i64)
}

/// The longest text [`write_time`] writes.
pub const TIME_TEXT_MAX: usize = 35;

/// Writes `ms` in `form` into `out`; returns the length written, or `None`
/// for a year outside 0000–9999.
pub fn write_time(ms: i64, form: TimeForm, out: &mut [u8; TIME_TEXT_MAX]) -> Option<usize> {
    let offset = if form.zone() == 2 {
        form.offset_min()
    } else {
        0
    };
    let local = ms.checked_add(offset * 60_000)?;
    let (year, month, day) = civil(local);
    if !(0..=9_999).contains(&year) {
        return None;
    }
    fn put(dst: &mut [u8], mut v: i64) {
        for c in dst.iter_mut().rev() {
            *c = b'0' + (v % 10) as u8;
            v /= 10;
        }
    }
    let day_secs = local.div_euclid(1_000).rem_euclid(86_400);
    put(&mut out[0..4], year);
    out[4] = b'-';
    put(&mut out[5..7], month);
    out[7] = b'-';
    put(&mut out[8..10], day);
    out[10] = form.sep();
    put(&mut out[11..13], day_secs / 3_600);
    out[13] = b':';
    put(&mut out[14..16], day_secs / 60 % 60);
    out[16] = b':';
    put(&mut out[17..19], day_secs % 60);
    let mut n = 19;
    let frac = form.frac();
    if frac > 9 {
        return None;
    }
    if frac > 0 {
        out[n] = b'.';
        let mut digits = [0u8; 9];
        put(&mut digits[0..3], local.rem_euclid(1_000));
        if frac > 3 {
            put(&mut digits[3..frac], i64::from(form.sub()));
        }
        out[n + 1..n + 1 + frac].copy_from_slice(&digits[..frac]);
        n += 1 + frac;
    }
    match form.zone() {
        0 => out[n] = b'Z',
        1 => out[n] = b'z',
        _ => {
            out[n] = if offset < 0 { b'-' } else { b'+' };
            put(&mut out[n + 1..n + 3], offset.abs() / 60);
            out[n + 3] = b':';
            put(&mut out[n + 4..n + 6], offset.abs() % 60);
            n += 5;
        }
    }
    Some(n + 1)
}

/// `ms` written in `form` (see [`write_time`]).
pub fn format_time(ms: i64, form: TimeForm) -> String {
    let mut buf = [0u8; TIME_TEXT_MAX];
    match write_time(ms, form, &mut buf) {
        Some(n) => String::from_utf8_lossy(&buf[..n]).into_owned(),
        None => format_rfc3339_ms(ms),
    }
}

/// The form of `text`, a timestamp that parsed to `ms`, when writing `ms`
/// in that form gives `text` back exactly; `None` otherwise (surrounding
/// spaces, a leap second, `-00:00`, a year past 9999: the text is kept).
pub fn time_form(text: &str, ms: i64) -> Option<TimeForm> {
    let b = text.as_bytes();
    if b.len() < 20 || b.len() > TIME_TEXT_MAX {
        return None;
    }
    let sep = match b[10] {
        b'T' => 0,
        b't' => 1,
        b' ' => 2,
        _ => return None,
    };
    let mut i = 19;
    let mut frac = 0usize;
    let mut sub = 0u32;
    if b[i] == b'.' {
        let start = i + 1;
        i = start;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        frac = i - start;
        if frac == 0 || frac > 9 {
            return None;
        }
        for &d in &b[start + 3.min(frac)..i] {
            sub = sub * 10 + u32::from(d - b'0');
        }
    }
    let (zone, offset) = match b.get(i)? {
        b'Z' => (0, 0),
        b'z' => (1, 0),
        b'+' | b'-' if b.len() == i + 6 => {
            let n = |r: std::ops::Range<usize>| -> Option<i64> {
                std::str::from_utf8(b.get(r)?).ok()?.parse().ok()
            };
            let m = n(i + 1..i + 3)? * 60 + n(i + 4..i + 6)?;
            (2, if b[i] == b'-' { -m } else { m })
        }
        _ => return None,
    };
    let form = TimeForm::pack(frac as u8, sep, zone, offset, sub);
    let mut buf = [0u8; TIME_TEXT_MAX];
    let n = write_time(ms, form, &mut buf)?;
    (&buf[..n] == b).then_some(form)
}

/// A compact human duration: `45 s`, `3 min 20 s`, `2 h 05 min`, `3 d 4 h`.
pub fn format_duration_ms(ms: i64) -> String {
    if ms < 0 {
        return "—".to_owned();
    }
    let secs = ms / 1_000;
    let (d, h, m, s) = (
        secs / 86_400,
        secs % 86_400 / 3_600,
        secs % 3_600 / 60,
        secs % 60,
    );
    if d > 0 {
        format!("{d} d {h} h")
    } else if h > 0 {
        format!("{h} h {m:02} min")
    } else if m > 0 {
        format!("{m} min {s:02} s")
    } else if secs > 0 {
        format!("{s} s")
    } else {
        format!("{ms} ms")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_times_at_an_offset() {
        let ms = parse_rfc3339_ms("2026-11-30T23:30:00Z").unwrap();
        assert_eq!(format_iso_at_offset(ms, 0), "2026-11-30T23:30:00+00:00");
        assert_eq!(format_iso_at_offset(ms, 60), "2026-12-01T00:30:00+01:00");
        assert_eq!(
            format_iso_at_offset(ms + 250, -480),
            "2026-11-30T15:30:00.250-08:00"
        );
        assert_eq!(format_iso_at_offset(ms, 345), "2026-12-01T05:15:00+05:45");
        // The offset read back from the zone's wall clock.
        assert_eq!(offset_of_wall_clock(ms, [2026, 12, 1, 0, 30, 0]), 60);
        assert_eq!(
            offset_of_wall_clock(ms + 999, [2026, 11, 30, 15, 30, 0]),
            -480
        );
        assert_eq!(offset_of_wall_clock(ms, [2026, 12, 1, 5, 15, 0]), 345);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod forms {
        use super::*;
        use proptest::prelude::*;

        /// A timestamp text in any RFC 3339 form, and its instant: 0–9
        /// fraction digits, `T`/`t`/space, `Z`/`z`/an offset.
        fn arb_text() -> impl Strategy<Value = (String, i64)> {
            (
                0i64..253_402_214_400_000 - 200_000_000, // years 1970..9999
                0usize..10,
                0u32..1_000_000,
                0usize..3,
                prop_oneof![
                    Just(None),
                    Just(Some(0i64)),
                    (-1_439i64..=1_439).prop_map(Some)
                ],
                any::<bool>(),
            )
                .prop_filter_map(
                    "in range",
                    |(ms, frac, sub, sep, offset, lower_z)| {
                        let sub = if frac > 3 {
                            sub % 10u32.pow(frac as u32 - 3)
                        } else {
                            0
                        };
                        let zone = match offset {
                            None if lower_z => 1,
                            None => 0,
                            Some(_) => 2,
                        };
                        let form =
                            TimeForm::pack(frac as u8, sep as u8, zone, offset.unwrap_or(0), sub);
                        let mut buf = [0u8; TIME_TEXT_MAX];
                        let n = write_time(ms, form, &mut buf)?;
                        Some((String::from_utf8(buf[..n].to_vec()).unwrap(), ms))
                    },
                )
        }

        proptest! {
            /// Every form parses to its instant, and its form writes the
            /// same text again: no run needs a copy of a timestamp that
            /// parses, whatever its server's style.
            #[test]
            fn any_form_round_trips_through_its_instant((text, ms) in arb_text()) {
                let want = ms;
                let parsed = parse_rfc3339_ms(&text);
                // Fewer than three fraction digits keep only those digits.
                prop_assert!(parsed.is_some(), "{} does not parse", text);
                let parsed = parsed.unwrap();
                prop_assert!((want - parsed).abs() < 1_000, "{} -> {}", text, parsed);
                let form = time_form(&text, parsed);
                prop_assert!(form.is_some(), "no form for {}", text);
                prop_assert_eq!(format_time(parsed, form.unwrap()), text);
            }
        }

        #[test]
        fn the_forms_servers_send_need_no_copy() {
            for text in [
                "2026-11-28T10:15:00Z",
                "2026-11-28T10:15:00.1Z",
                "2026-11-28T10:15:00.123Z",
                "2026-11-28T10:15:00.123456Z",
                "2026-11-28T10:15:00.123456789Z",
                "2026-11-28T10:15:00+00:00",
                "2026-11-28T11:15:00.5+01:00",
                "2026-11-28T02:15:00-08:00",
                "2026-11-28t10:15:00z",
                "2026-11-28 10:15:00Z",
            ] {
                let ms = parse_rfc3339_ms(text).unwrap();
                let form = time_form(text, ms).unwrap_or_else(|| panic!("{text}"));
                assert_eq!(format_time(ms, form), text);
            }
            let canonical = "2026-11-28T10:15:00.000Z";
            let ms = parse_rfc3339_ms(canonical).unwrap();
            assert_eq!(time_form(canonical, ms), Some(TimeForm::CANONICAL));
            // What no form gives back: kept as text by the caller.
            for text in [
                " 2026-11-28T10:15:00Z",
                "2026-11-28T23:59:60Z",
                "2026-11-28T10:15:00-00:00",
            ] {
                let ms = parse_rfc3339_ms(text).unwrap();
                assert_eq!(time_form(text, ms), None, "{text}");
            }
        }
    }

    #[test]
    fn canonical_text_round_trips() {
        for text in [
            "2026-11-28T13:36:43.250Z",
            "1970-01-01T00:00:00.000Z",
            "1969-12-31T23:59:59.999Z",
        ] {
            let ms = parse_rfc3339_ms(text).unwrap();
            assert_eq!(format_rfc3339_ms(ms), text);
        }
        // Other spellings of the same instant are not canonical.
        let ms = parse_rfc3339_ms("2026-11-28T14:36:43.25+01:00").unwrap();
        assert_eq!(format_rfc3339_ms(ms), "2026-11-28T13:36:43.250Z");
    }

    #[test]
    fn parses_utc_and_offsets() {
        assert_eq!(parse_rfc3339_ms("1970-01-01T00:00:00Z"), Some(0));
        assert_eq!(parse_rfc3339_ms("1970-01-01T00:00:01.5Z"), Some(1_500));
        assert_eq!(
            parse_rfc3339_ms("2026-11-28T10:00:00+02:00"),
            parse_rfc3339_ms("2026-11-28T08:00:00Z")
        );
        assert_eq!(
            parse_rfc3339_ms("2024-02-29T12:00:00.123456Z"),
            Some(1_709_208_000_123)
        );
    }

    #[test]
    fn rejects_non_rfc3339() {
        for bad in [
            "",
            "<string>",
            "2026-11-28",
            "2026-13-01T00:00:00Z",
            "2026-02-30T00:00:00Z",
            "2026-11-28T10:00:00",
            "2026-11-28T25:00:00Z",
            "2026-11-28T10:00:00Zjunk",
            "2026-11-28T10:00:00.Z",
        ] {
            assert_eq!(parse_rfc3339_ms(bad), None, "{bad}");
        }
    }

    #[test]
    fn utc_date_round_trips() {
        for ms in [
            0i64,
            951_782_400_000,
            1_709_208_000_123,
            1_795_000_000_000,
            -86_400_000,
        ] {
            let date = utc_date(ms);
            let back = parse_rfc3339_ms(&format!("{date}T00:00:00Z")).unwrap();
            assert!(back <= ms && ms - back < 86_400_000, "{date}");
        }
    }

    #[test]
    fn durations_read_naturally() {
        assert_eq!(format_duration_ms(450), "450 ms");
        assert_eq!(format_duration_ms(45_000), "45 s");
        assert_eq!(format_duration_ms(200_000), "3 min 20 s");
        assert_eq!(format_duration_ms(7_500_000), "2 h 05 min");
        assert_eq!(format_duration_ms(273_600_000), "3 d 4 h");
        assert_eq!(format_duration_ms(-1), "—");
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod properties {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2_000))]
        /// The digit-by-digit check says exactly what comparing with the
        /// formatted text says: for the text itself, for any other
        /// instant's text, and for the text with one byte changed.
        #[test]
        fn canonical_check_matches_formatting(
            ms in -400_000_000_000_000i64..400_000_000_000_000,
            other in -100_000_000_000_000i64..300_000_000_000_000,
            at in 0usize..30,
            byte in 32u8..127,
        ) {
            let text = format_rfc3339_ms(ms);
            prop_assert!(is_canonical_rfc3339_ms(&text, ms));
            let other_text = format_rfc3339_ms(other);
            prop_assert_eq!(is_canonical_rfc3339_ms(&other_text, ms), other_text == text);
            let mut bytes = text.clone().into_bytes();
            if at < bytes.len() {
                bytes[at] = byte;
            } else {
                bytes.push(byte);
            }
            let changed = String::from_utf8(bytes).unwrap();
            prop_assert_eq!(is_canonical_rfc3339_ms(&changed, ms), changed == text);
        }
    }
}
