//! A small validating JSON reader over a borrowed body, for the runs
//! response: it walks the text once, hands out strings borrowed when they
//! hold no escapes, and never builds a tree (no `serde_json::Value`, no
//! allocation per field). It accepts exactly what `serde_json::from_str`
//! accepts (RFC 8259, nesting up to 127 levels, no trailing text), which
//! the property tests check against serde_json itself.
//!
//! Why a reader of our own: docs/decisions/0001-size-driven-design.md.

use std::borrow::Cow;

/// The body is not JSON (the caller reports it as such).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bad;

/// How deep arrays and objects may nest; serde_json refuses the 128th level.
const MAX_DEPTH: u32 = 127;

/// One value as read: containers are validated and skipped, reported by
/// kind only (the decoder descends into the few it needs itself).
#[derive(Debug, Clone, PartialEq)]
pub enum Val<'a> {
    /// `null`, or a number beyond the `f64` range (read as null so that
    /// one absurd `totalCu` does not fail the whole page).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as its literal text (validated against the JSON grammar).
    Num(&'a str),
    /// A string, unescaped.
    Str(Cow<'a, str>),
    /// An array (skipped).
    Arr,
    /// An object (skipped).
    Obj,
}

impl Val<'_> {
    /// The kind, as an error sentence names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Val::Null => "null",
            Val::Bool(_) => "a boolean",
            Val::Num(_) => "a number",
            Val::Str(_) => "a string",
            Val::Arr => "an array",
            Val::Obj => "an object",
        }
    }
}

/// A JSON number literal as an unsigned integer, as serde_json's `as_u64`
/// reads it: an integer literal (no fraction or exponent), not negative,
/// that fits in 64 bits.
pub fn lit_u64(lit: &str) -> Option<u64> {
    if lit.starts_with('-') || lit.bytes().any(|b| !b.is_ascii_digit()) {
        return None;
    }
    lit.parse().ok()
}

/// A JSON number literal as a signed integer, as serde_json's `as_i64`
/// reads it (`-0` is a float there, so not an integer).
pub fn lit_i64(lit: &str) -> Option<i64> {
    let digits = lit.strip_prefix('-').unwrap_or(lit);
    if digits.bytes().any(|b| !b.is_ascii_digit()) {
        return None;
    }
    if lit.starts_with('-') {
        let magnitude: u64 = digits.parse().ok()?;
        if magnitude == 0 || magnitude > 1 << 63 {
            return None;
        }
        Some((magnitude as i64).wrapping_neg())
    } else {
        lit.parse().ok()
    }
}

/// The digits of 2^1024 − 2^970, halfway between `f64::MAX` and 2^1024: a
/// literal at or above it rounds (to even) to infinity. Its first digit is
/// worth 10^308.
const F64_OVERFLOW: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

/// Whether a number literal (valid JSON) lies beyond the `f64` range,
/// decided from its digits (no float parsing linked into the wasm).
fn beyond_f64(lit: &str) -> bool {
    // Below 309 digits and without an exponent, a literal is finite.
    let long = lit.len() > 300;
    if !(long || lit.bytes().any(|b| b == b'e' || b == b'E')) {
        return false;
    }
    let body = lit.strip_prefix('-').unwrap_or(lit);
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(at) => (&body[..at], &body[at + 1..]),
        None => (body, ""),
    };
    let (exp_neg, exp_digits) = match exp.as_bytes().first() {
        Some(b'-') => (true, &exp[1..]),
        Some(b'+') => (false, &exp[1..]),
        _ => (false, exp),
    };
    // Saturating: beyond a million, the exponent alone decides.
    let exp = exp_digits
        .bytes()
        .fold(0i64, |e, d| (e * 10 + i64::from(d - b'0')).min(1_000_000));
    let exp = if exp_neg { -exp } else { exp };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = || int.bytes().chain(frac.bytes());
    let Some(first) = digits().position(|d| d != b'0') else {
        return false;
    };
    // The place value of the first significant digit, as a power of ten.
    let e10 = int.len() as i64 - 1 - first as i64 + exp;
    match e10.cmp(&308) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        // Same magnitude: compare digit by digit (a missing digit is 0).
        std::cmp::Ordering::Equal => {
            let mut ours = digits().skip(first);
            for &t in F64_OVERFLOW {
                let d = ours.next().unwrap_or(b'0');
                if d != t {
                    return d > t;
                }
            }
            true
        }
    }
}

/// Whether `text` is one JSON number literal.
pub fn is_number(text: &str) -> bool {
    let mut r = Reader::new(text);
    r.number().is_ok() && r.at == text.len()
}

/// A cursor over the body.
pub struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    depth: u32,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `text`.
    pub fn new(text: &'a str) -> Reader<'a> {
        Reader {
            text,
            bytes: text.as_bytes(),
            at: 0,
            depth: 0,
        }
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\t' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    /// The next byte after whitespace, not consumed.
    pub fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.at).copied()
    }

    fn eat(&mut self, byte: u8) -> Result<(), Bad> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(Bad)
        }
    }

    fn literal(&mut self, word: &str) -> Result<(), Bad> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(())
        } else {
            Err(Bad)
        }
    }

    /// Only whitespace is left.
    pub fn end(&mut self) -> Result<(), Bad> {
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(Bad),
        }
    }

    /// Reads one value; arrays and objects are validated and skipped.
    pub fn value(&mut self) -> Result<Val<'a>, Bad> {
        match self.peek().ok_or(Bad)? {
            b'"' => self.string().map(Val::Str),
            b'{' => {
                self.begin_object()?;
                let mut first = true;
                while self.next_key(&mut first)?.is_some() {
                    self.value()?;
                }
                Ok(Val::Obj)
            }
            b'[' => {
                self.begin_array()?;
                let mut first = true;
                while self.next_item(&mut first)? {
                    self.value()?;
                }
                Ok(Val::Arr)
            }
            b't' => self.literal("true").map(|()| Val::Bool(true)),
            b'f' => self.literal("false").map(|()| Val::Bool(false)),
            b'n' => self.literal("null").map(|()| Val::Null),
            _ => {
                let lit = self.number()?;
                Ok(if beyond_f64(lit) {
                    Val::Null
                } else {
                    Val::Num(lit)
                })
            }
        }
    }

    /// The text of the next value as sent (after reading it), for error
    /// details that are not strings.
    pub fn raw_value(&mut self) -> Result<&'a str, Bad> {
        self.ws();
        let start = self.at;
        self.value()?;
        Ok(&self.text[start..self.at])
    }

    /// Reads a string (the reader must be at its opening quote).
    pub fn string(&mut self) -> Result<Cow<'a, str>, Bad> {
        self.eat(b'"')?;
        let start = self.at;
        // Fast path: no escapes, borrowed.
        loop {
            match self.bytes.get(self.at) {
                None => return Err(Bad),
                Some(b'"') => {
                    let s = &self.text[start..self.at];
                    self.at += 1;
                    return Ok(Cow::Borrowed(s));
                }
                Some(b'\\') => break,
                Some(&b) if b < 0x20 => return Err(Bad),
                Some(_) => self.at += 1,
            }
        }
        let mut out = String::from(&self.text[start..self.at]);
        loop {
            let run = self.at;
            while let Some(&b) = self.bytes.get(self.at) {
                if b == b'"' || b == b'\\' || b < 0x20 {
                    break;
                }
                self.at += 1;
            }
            out.push_str(&self.text[run..self.at]);
            match self.bytes.get(self.at) {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(Cow::Owned(out));
                }
                Some(b'\\') => {
                    self.at += 1;
                    let escaped = *self.bytes.get(self.at).ok_or(Bad)?;
                    self.at += 1;
                    out.push(match escaped {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => self.unicode_escape()?,
                        _ => return Err(Bad),
                    });
                }
                _ => return Err(Bad),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Bad> {
        let digits = self.bytes.get(self.at..self.at + 4).ok_or(Bad)?;
        let mut value = 0;
        for &d in digits {
            value = value * 16 + char::from(d).to_digit(16).ok_or(Bad)?;
        }
        self.at += 4;
        Ok(value)
    }

    /// The character of a `\uXXXX` escape (the `\u` read), joining a
    /// surrogate pair; a lone surrogate is not JSON text serde_json takes.
    fn unicode_escape(&mut self) -> Result<char, Bad> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.bytes.get(self.at..self.at + 2) != Some(b"\\u") {
                    return Err(Bad);
                }
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(Bad);
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            }
            0xDC00..=0xDFFF => return Err(Bad),
            other => other,
        };
        char::from_u32(code).ok_or(Bad)
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while self.bytes.get(self.at).is_some_and(u8::is_ascii_digit) {
            self.at += 1;
        }
        self.at - start
    }

    /// Reads a number literal: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Result<&'a str, Bad> {
        let start = self.at;
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        match self.bytes.get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(Bad),
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(Bad);
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(Bad);
            }
        }
        Ok(&self.text[start..self.at])
    }

    fn deeper(&mut self) -> Result<(), Bad> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            Err(Bad)
        } else {
            Ok(())
        }
    }

    /// Enters an object (the reader must be at `{`); then call
    /// [`Reader::next_key`] until it gives `None`.
    pub fn begin_object(&mut self) -> Result<(), Bad> {
        self.eat(b'{')?;
        self.deeper()
    }

    /// The next key of the object entered, with the reader at its value;
    /// `None` (the closing brace read) when there is none. `first` starts
    /// `true`.
    pub fn next_key(&mut self, first: &mut bool) -> Result<Option<Cow<'a, str>>, Bad> {
        if !self.next_member(b'}', first)? {
            return Ok(None);
        }
        if self.peek() != Some(b'"') {
            return Err(Bad);
        }
        let key = self.string()?;
        self.eat(b':')?;
        Ok(Some(key))
    }

    /// Past the comma before the next member of the container entered, or
    /// past its `close` (then `false`).
    fn next_member(&mut self, close: u8, first: &mut bool) -> Result<bool, Bad> {
        match self.peek().ok_or(Bad)? {
            b if b == close => {
                self.at += 1;
                self.depth -= 1;
                return Ok(false);
            }
            b',' if !*first => self.at += 1,
            _ if *first => {}
            _ => return Err(Bad),
        }
        *first = false;
        Ok(true)
    }

    /// Enters an array (the reader must be at `[`); then call
    /// [`Reader::next_item`] until it gives `false`.
    pub fn begin_array(&mut self) -> Result<(), Bad> {
        self.eat(b'[')?;
        self.deeper()
    }

    /// Whether another item follows (the reader then at it); `false` once
    /// the closing bracket is read. `first` starts `true`.
    pub fn next_item(&mut self, first: &mut bool) -> Result<bool, Bad> {
        self.next_member(b']', first)
    }
}

/// An owned JSON value, for the small documents read whole (the `mount`
/// options, the page's config block) and the event details sent. The names
/// follow serde_json's, so code reading options reads the same.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null` (and a number beyond the `f64` range).
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number.
    Number(Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object.
    Object(Map<String, Value>),
}

/// A JSON number: its literal text as read (options are read from it
/// exactly, never through a binary float), or a count made in Rust (event
/// details).
#[derive(Debug, Clone, PartialEq)]
pub enum Number {
    /// A literal read from JSON text.
    Text(String),
    /// A count.
    Count(u64),
}

impl Number {
    /// The number as decimal text.
    pub fn as_text(&self) -> std::borrow::Cow<'_, str> {
        match self {
            Number::Text(t) => std::borrow::Cow::Borrowed(t),
            Number::Count(n) => std::borrow::Cow::Owned(n.to_string()),
        }
    }
}

/// An object's members in the order sent; a repeated key reads as its last
/// value (as in serde_json).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Map<K, V>(Vec<(K, V)>);

impl<V> Map<String, V> {
    /// The value of `key` (the last one sent).
    pub fn get(&self, key: &str) -> Option<&V> {
        self.0.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The members, each key once (its last value), in the order sent.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.0
            .iter()
            .enumerate()
            .filter(|(i, (k, _))| !self.0[i + 1..].iter().any(|(later, _)| later == k))
            .map(|(_, (k, v))| (k, v))
    }
}

impl Value {
    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(map) => map.get(key),
            _ => None,
        }
    }

    /// An object of the given members, for event details.
    pub fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
        Value::Object(Map(members
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect()))
    }
}

impl From<&str> for Value {
    fn from(s: &str) -> Value {
        Value::String(s.to_owned())
    }
}

impl From<String> for Value {
    fn from(s: String) -> Value {
        Value::String(s)
    }
}

impl From<bool> for Value {
    fn from(b: bool) -> Value {
        Value::Bool(b)
    }
}

impl From<u64> for Value {
    fn from(n: u64) -> Value {
        Value::Number(Number::Count(n))
    }
}

impl From<usize> for Value {
    fn from(n: usize) -> Value {
        Value::Number(Number::Count(n as u64))
    }
}

impl From<u16> for Value {
    fn from(n: u16) -> Value {
        Value::Number(Number::Count(u64::from(n)))
    }
}

impl<T: Into<Value>> From<Option<T>> for Value {
    fn from(v: Option<T>) -> Value {
        v.map_or(Value::Null, Into::into)
    }
}

impl<T: Into<Value>> From<Vec<T>> for Value {
    fn from(items: Vec<T>) -> Value {
        Value::Array(items.into_iter().map(Into::into).collect())
    }
}

/// Event details reach JavaScript through serde-wasm-bindgen as plain objects.
impl serde::Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Value::Null => serializer.serialize_unit(),
            Value::Bool(b) => serializer.serialize_bool(*b),
            // JavaScript numbers; a literal read from text is only ever
            // read back by this crate, never sent, so it goes as its text.
            Value::Number(Number::Count(n)) => serializer.serialize_f64(*n as f64),
            Value::Number(Number::Text(t)) => serializer.serialize_str(t),
            Value::String(s) => serializer.serialize_str(s),
            Value::Array(items) => {
                let mut seq = serializer.serialize_seq(Some(items.len()))?;
                for item in items {
                    seq.serialize_element(item)?;
                }
                seq.end()
            }
            Value::Object(map) => {
                let mut out = serializer.serialize_map(None)?;
                for (k, v) in map.iter() {
                    out.serialize_entry(k, v)?;
                }
                out.end()
            }
        }
    }
}

/// Reads a whole JSON document (nothing but whitespace after it).
pub fn parse(text: &str) -> Result<Value, Bad> {
    parse_or_position(text).map_err(|_| Bad)
}

/// [`parse`], or the line and column (from 1, in characters) where the
/// text stops being JSON.
pub fn parse_or_position(text: &str) -> Result<Value, (usize, usize)> {
    let mut r = Reader::new(text);
    match r.tree().and_then(|value| r.end().map(|()| value)) {
        Ok(value) => Ok(value),
        Err(Bad) => {
            // The reader may stop inside a character (a backslash before
            // a non-ASCII one): the position is that character's.
            let mut at = r.at.min(text.len());
            while !text.is_char_boundary(at) {
                at -= 1;
            }
            let before = &text[..at];
            let line = before.matches('\n').count() + 1;
            let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
            Err((line, column))
        }
    }
}

impl Reader<'_> {
    /// Reads the next value whole.
    fn tree(&mut self) -> Result<Value, Bad> {
        Ok(match self.peek().ok_or(Bad)? {
            b'{' => {
                self.begin_object()?;
                let (mut first, mut members) = (true, Vec::new());
                while let Some(key) = self.next_key(&mut first)? {
                    members.push((key.into_owned(), self.tree()?));
                }
                Value::Object(Map(members))
            }
            b'[' => {
                self.begin_array()?;
                let (mut first, mut items) = (true, Vec::new());
                while self.next_item(&mut first)? {
                    items.push(self.tree()?);
                }
                Value::Array(items)
            }
            // A number keeps its text, also beyond f64 (options and the
            // config block: `"pageSize": 1e999` is refused by its rule,
            // not read as null, "not set").
            b'-' | b'0'..=b'9' => Value::Number(Number::Text(self.number()?.to_owned())),
            // Numbers, arrays and objects were read above.
            _ => match self.value()? {
                Val::Null => Value::Null,
                Val::Bool(b) => Value::Bool(b),
                Val::Str(s) => Value::String(s.into_owned()),
                Val::Num(_) | Val::Arr | Val::Obj => return Err(Bad),
            },
        })
    }
}

/// `raw` JSON text without whitespace outside strings (how serde_json
/// writes a value back), for details that are not strings.
pub fn compact(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in raw.chars() {
        if in_string {
            out.push(c);
            match (escaped, c) {
                (true, _) => escaped = false,
                (false, '\\') => escaped = true,
                (false, '"') => in_string = false,
                _ => {}
            }
        } else if !matches!(c, ' ' | '\n' | '\t' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
/// Whether `token` is a number by JSON's grammar: `-?(0|[1-9][0-9]*)`,
/// then `.` and digits, then `e`, a sign and digits, each part optional
/// after the first (`1.e310` and `01e400` are not; Rust's `f64` parser
/// would read both).
fn is_json_number(token: &str) -> bool {
    let b = token.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let from = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - from
    };
    match b.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            digits(&mut i);
        }
        _ => return false,
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
/// `body` with every JSON number outside the f64 range replaced by `null`;
/// `None` when there is none.
pub(crate) fn out_of_range_as_null(body: &str) -> Option<String> {
    let bytes = body.as_bytes();
    let mut out = String::with_capacity(body.len());
    let (mut i, mut last, mut changed, mut in_string) = (0, 0, false, false);
    while i < bytes.len() {
        let b = bytes[i];
        if in_string {
            match b {
                b'\\' => i += 1,
                b'"' => in_string = false,
                _ => {}
            }
            i += 1;
            continue;
        }
        if b == b'"' {
            in_string = true;
            i += 1;
            continue;
        }
        if b == b'-' || b.is_ascii_digit() {
            let start = i;
            while i < bytes.len()
                && matches!(bytes[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
            {
                i += 1;
            }
            let token = &body[start..i];
            if is_json_number(token) && token.parse::<f64>().is_ok_and(|v| v.is_infinite()) {
                out.push_str(&body[last..start]);
                out.push_str("null");
                last = i;
                changed = true;
            }
            continue;
        }
        i += 1;
    }
    changed.then(|| {
        out.push_str(&body[last..]);
        out
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(text: &str) -> Result<Val<'_>, Bad> {
        let mut r = Reader::new(text);
        let v = r.value()?;
        r.end()?;
        Ok(v)
    }

    #[test]
    fn reads_scalars_and_strings() {
        assert_eq!(read_all(" true "), Ok(Val::Bool(true)));
        assert_eq!(read_all("null"), Ok(Val::Null));
        assert_eq!(read_all("-12.5e3"), Ok(Val::Num("-12.5e3")));
        assert_eq!(read_all("1e400"), Ok(Val::Null), "beyond f64: null");
        // f64::MAX, and the midpoint above it that rounds to infinity.
        assert_eq!(
            read_all("1.7976931348623157e308"),
            Ok(Val::Num("1.7976931348623157e308"))
        );
        let midpoint = format!("0.{}e309", std::str::from_utf8(F64_OVERFLOW).unwrap());
        assert_eq!(read_all(&midpoint), Ok(Val::Null));
        assert_eq!(read_all(&format!("-{midpoint}")), Ok(Val::Null));
        assert_eq!(
            read_all("1e-400"),
            Ok(Val::Num("1e-400")),
            "tiny numbers are zero, not null"
        );
        let ten_308 = format!("1{}", "0".repeat(308));
        assert_eq!(
            read_all(&ten_308),
            Ok(Val::Num(&ten_308)),
            "10^308 is finite"
        );
        assert_eq!(
            read_all(&format!("2{}", "0".repeat(308))),
            Ok(Val::Null),
            "2 × 10^308 is not"
        );
        assert_eq!(
            read_all(r#""a\"b\u00e9\ud83d\ude00""#),
            Ok(Val::Str("a\"bé😀".into()))
        );
        assert!(matches!(
            read_all(r#""plain""#),
            Ok(Val::Str(Cow::Borrowed("plain")))
        ));
        for bad in [
            "",
            "01",
            "1.",
            ".5",
            "+1",
            "-",
            "1e",
            "tru",
            "[1,]",
            "{\"a\":1,}",
            "{1:2}",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"a\u{1}\"",
            "[] x",
            "\"\\x\"",
            "[1 2]",
        ] {
            assert_eq!(read_all(bad), Err(Bad), "{bad:?}");
        }
    }

    #[test]
    fn nesting_stops_where_serde_json_stops() {
        for depth in [126, 127, 128, 129] {
            let text = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
            assert_eq!(
                read_all(&text).is_ok(),
                serde_json::from_str::<serde_json::Value>(&text).is_ok(),
                "depth {depth}"
            );
        }
    }

    #[test]
    fn integers_read_like_serde_json() {
        for lit in [
            "0",
            "-0",
            "7",
            "-7",
            "18446744073709551615",
            "18446744073709551616",
            "9223372036854775807",
            "9223372036854775808",
            "-9223372036854775808",
            "-9223372036854775809",
            "1.0",
            "1e2",
            "-1.5",
        ] {
            let v: serde_json::Value = serde_json::from_str(lit).unwrap();
            assert_eq!(lit_u64(lit), v.as_u64(), "{lit} as u64");
            assert_eq!(lit_i64(lit), v.as_i64(), "{lit} as i64");
        }
    }

    #[test]
    fn trees_read_like_serde_json() {
        let text = r#"{"a": [1, 2.5, "x", null, true], "b": {"c": "d"}, "a": -3}"#;
        let ours = parse(text).unwrap();
        assert_eq!(
            ours.get("a").and_then(|a| match a {
                Value::Number(n) => n.as_text().parse::<f64>().ok(),
                _ => None,
            }),
            Some(-3.0),
            "the last of a repeated key"
        );
        assert_eq!(
            ours.get("b")
                .and_then(|b| b.get("c"))
                .and_then(Value::as_str),
            Some("d")
        );
        let Value::Object(map) = &ours else {
            panic!("an object")
        };
        assert_eq!(
            map.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(),
            ["b", "a"]
        );
        assert_eq!(parse("[1,]"), Err(Bad));
        assert_eq!(parse_or_position("{\n  \"a\": tru }"), Err((2, 8)));
        // A backslash before a non-ASCII character is an error at that
        // character, not a panic (the reader stops inside it).
        assert_eq!(parse_or_position("{\"a\": \"x\\é\"}"), Err((1, 10)));
        assert_eq!(parse_or_position("[\"\\😀\"]"), Err((1, 4)));
        assert_eq!(parse("{} {}"), Err(Bad));
    }

    #[test]
    fn compact_drops_whitespace_outside_strings() {
        assert_eq!(compact("{ \"a b\" : [1, 2] }"), "{\"a b\":[1,2]}");
        assert_eq!(compact(r#"[ "x \" y" ]"#), r#"["x \" y"]"#);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod agrees_with_serde_json {
    use super::*;
    use proptest::prelude::*;

    /// Text made of JSON's pieces, mostly invalid, sometimes valid.
    fn json_ish() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("{".to_owned()),
            Just("}".to_owned()),
            Just("[".to_owned()),
            Just("]".to_owned()),
            Just(",".to_owned()),
            Just(":".to_owned()),
            Just(" ".to_owned()),
            Just("\"k\"".to_owned()),
            Just("\"\\u00e9\\n\"".to_owned()),
            Just("\"\\ud83d\\ude00\"".to_owned()),
            Just("\"\\ud83d\"".to_owned()),
            Just("true".to_owned()),
            Just("null".to_owned()),
            Just("1e400".to_owned()),
            "-?[0-9]{1,3}(\\.[0-9]{0,2})?([eE][+-]?[0-9]{0,2})?",
            "\"[a-z\\\\\"]{0,4}\"",
        ];
        proptest::collection::vec(piece, 0..24).prop_map(|p| p.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(20_000))]
        /// Valid and invalid alike, the reader accepts what serde_json
        /// accepts (an out-of-range number aside, which the old decoder
        /// also read as null).
        #[test]
        fn accepts_what_serde_json_accepts(text in json_ish()) {
            let parses = |t: &str| serde_json::from_str::<serde_json::Value>(t).is_ok();
            // serde_json refuses numbers beyond f64; the reader, like the
            // decoder before it, reads them as null (only numbers by JSON's
            // grammar: `1.e310` and `01e400` stay refused).
            let theirs = parses(&text)
                || super::out_of_range_as_null(&text).is_some_and(|t| parses(&t));
            prop_assert_eq!(read_all_ok(&text), theirs, "{}", text);
        }

        /// Whether a literal overflows f64, decided from its digits, is what
        /// parsing it as f64 says, around the boundary and far from it.
        #[test]
        fn beyond_f64_agrees_with_parsing(
            neg in any::<bool>(),
            cut in 1usize..40,
            bump in 0u8..3,
            zeros in 0usize..3,
            point in 0usize..3,
            exp in 290i64..320,
            tail in "[0-9]{0,3}",
        ) {
            // A prefix of the overflow threshold's digits, nudged down, kept
            // or up in its last digit, then more digits, then an exponent.
            let mut digits: Vec<u8> = F64_OVERFLOW[..cut].to_vec();
            let last = digits.last_mut().unwrap();
            *last = match bump { 0 => last.saturating_sub(1).max(b'0'), 1 => *last, _ => (*last + 1).min(b'9') };
            let digits = format!("{}{}", String::from_utf8(digits).unwrap(), tail);
            let point = point.min(digits.len() - 1);
            let mantissa = if zeros > 0 {
                format!("0.{}{}", "0".repeat(zeros - 1), digits)
            } else if point == 0 {
                digits.clone()
            } else {
                format!("{}.{}", &digits[..point], &digits[point..])
            };
            let lit = format!("{}{}e{}", if neg { "-" } else { "" }, mantissa, exp);
            prop_assert_eq!(beyond_f64(&lit), lit.parse::<f64>().unwrap().is_infinite(), "{}", lit);
        }

        #[test]
        fn strings_unescape_like_serde_json(s in any::<String>()) {
            let text = serde_json::to_string(&s).unwrap();
            let mut r = Reader::new(&text);
            prop_assert_eq!(r.string().unwrap(), s);
        }
    }

    fn read_all_ok(text: &str) -> bool {
        let mut r = Reader::new(text);
        r.value().is_ok() && r.end().is_ok()
    }
}
