//! What can go wrong when loading runs or the ledger, as cases a user can act on.
//!
//! Display texts are complete sentences for the error box. None of them ever
//! contains the bearer token: the token is only ever placed in a request
//! header, never in a URL or in anything that is formatted here.

use crate::core::format::Formatter;
use crate::core::messages::M;

/// Everything that can go wrong while loading a page of runs, the
/// balance or a month's usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApiError {
    /// The request never got an answer: offline, DNS, refused, or blocked by CORS.
    Network {
        /// The browser's own description (e.g. `TypeError: Failed to fetch`).
        cause: String,
    },
    /// The host's `getToken` threw, rejected, hung past the timeout, or
    /// returned no token. Not retried: the network was never used.
    Token {
        /// What went wrong, in words (never the token).
        cause: String,
    },
    /// No answer within the configured time.
    Timeout {
        /// The timeout that expired, in milliseconds.
        timeout_ms: u32,
    },
    /// The request was cancelled (superseded or unmounted).
    Aborted,
    /// An HTTP error status (4xx/5xx) with whatever the JSON envelope said.
    Http {
        /// HTTP status code.
        status: u16,
        /// The envelope's `message`, when the body was a JSON envelope.
        message: Option<String>,
        /// The envelope's `details`.
        details: Vec<String>,
        /// The envelope's `requestId`, for support.
        request_id: Option<String>,
        /// Seconds from a `Retry-After` header (429/503), if sent.
        retry_after_s: Option<u32>,
    },
    /// The body was not JSON (a proxy's HTML page, for example).
    NotJson {
        /// HTTP status code.
        status: u16,
    },
    /// A 2xx answer whose envelope reports an error `code` and has no `data`.
    ApiCode {
        /// The envelope's `code`.
        code: i64,
        /// The envelope's `message`.
        message: Option<String>,
        /// The envelope's `details`.
        details: Vec<String>,
        /// The envelope's `requestId`.
        request_id: Option<String>,
    },
    /// The server answered with a redirect. It is not followed: the token
    /// is only ever sent to the configured API address.
    Redirected,
    /// The body was larger than [`MAX_BODY_BYTES`]; it was not read further.
    TooLarge,
    /// The ledger endpoints answered 404 or 403: this deployment has no
    /// ledger, or the token may not read it. Only the ledger's decoders
    /// give it (a 404 from the runs endpoint stays [`ApiError::Http`]), so
    /// a caller can hide what the ledger would show, quietly.
    Unavailable {
        /// HTTP status code: 404 or 403.
        status: u16,
        /// The envelope's `message`, when the body was a JSON envelope.
        message: Option<String>,
        /// The envelope's `requestId`.
        request_id: Option<String>,
    },
    /// The JSON did not have the shape of the runs response.
    Decode {
        /// Path of the offending field, e.g. `data.items[3].runId`.
        field: String,
        /// What was wrong with it, e.g. `is missing` or `should be a string`.
        problem: String,
        /// The envelope's `requestId`, if it could be read.
        request_id: Option<String>,
    },
}

/// The largest response body read (16 MB; a page of 100 runs is ~30 KB).
pub const MAX_BODY_BYTES: usize = 16_000_000;

/// The most `details` lines kept from a server's error, and their length.
pub const MAX_DETAILS: usize = 10;
const MAX_TEXT_CHARS: usize = 500;

/// `text` without `secret` (every occurrence, in any ASCII case, also
/// percent-encoded once or twice, in base64, or cut short: see
/// [`secret_copies`]; and any `Bearer <word>`, also as `Bearer%20<word>`
/// or `Bearer+<word>`), cut to [`MAX_TEXT_CHARS`] characters.
fn scrub(text: &str, secret: &str) -> String {
    // Only the first MAX_TEXT_CHARS characters are kept: a copy that starts
    // in them ends within the longest form's length after them, so the
    // rest is not searched (a server's message can be megabytes).
    let reach = MAX_TEXT_CHARS + 5 * secret.len() + 16;
    let text = match text.char_indices().nth(reach) {
        Some((at, _)) => &text[..at],
        None => text,
    };
    let mut out = without_secret(text, secret);
    for copy in secret_copies(secret) {
        out = without_secret(&out, &copy);
    }
    // A server may also echo the header itself, or a token it rewrote.
    for prefix in ["bearer ", "bearer%20", "bearer+"] {
        let mut from = 0;
        while let Some(at) = out[from..]
            .to_ascii_lowercase()
            .find(prefix)
            .map(|i| i + from)
        {
            let start = at + prefix.len();
            let end = out[start..]
                .find(|c: char| c.is_whitespace() || c == '"' || c == '\'' || c == '&')
                .map_or(out.len(), |i| start + i);
            if end > start && &out[start..end] != "[redacted]" {
                out.replace_range(start..end, "[redacted]");
            }
            from = start;
        }
    }
    if out.chars().count() > MAX_TEXT_CHARS {
        out = out.chars().take(MAX_TEXT_CHARS).collect::<String>() + "…";
    }
    out
}

/// The forms of `secret` a server may echo besides the secret itself
/// (for a secret of [`SHORT_SECRET`] bytes or more; a shorter one only as
/// itself and percent-encoded): percent-encoded as `encodeURIComponent`
/// writes it or every byte, and either of those encoded again (`%2F` as
/// `%252F`); in base64 and base64url, wherever it starts in a longer
/// encoded text (a whole `Bearer <token>` header or `user:<token>`
/// encoded: the characters that depend only on the secret); and its
/// first half or more (a message cut short in the middle of it), longest
/// first. The whole encodings come before the token's parts, so a copy is
/// taken out whole before a part of it could be.
fn secret_copies(secret: &str) -> Vec<String> {
    let once = [
        percent_encoded(secret, false),
        percent_encoded(secret, true),
    ];
    let mut copies: Vec<String> = once.iter().filter(|c| *c != secret).cloned().collect();
    if secret.len() >= SHORT_SECRET {
        for c in &once {
            copies.push(percent_encoded(c, false));
        }
        for lead in 0..3 {
            for url in [false, true] {
                copies.push(base64_core(secret.as_bytes(), lead, url));
            }
        }
        // A token is visible ASCII: every byte index is a character boundary.
        let half = secret.len().div_ceil(2);
        for n in (half.max(SHORT_SECRET)..secret.len()).rev() {
            if secret.is_char_boundary(n) {
                copies.push(secret[..n].to_owned());
            }
        }
    }
    copies.retain(|c| c != secret);
    copies
}

/// The characters of the base64 (`url`: base64url) of `bytes` that depend
/// on `bytes` alone when they follow `lead` (0–2) bytes of a longer text
/// and are followed by more: the encoding of `lead` unknown bytes and
/// `bytes`, without the first characters that carry bits of the unknown
/// bytes and the last one that would carry bits of what follows.
fn base64_core(bytes: &[u8], lead: usize, url: bool) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut all = vec![0u8; lead];
    all.extend_from_slice(bytes);
    let bits = 8 * all.len();
    // Character k holds bits 6k..6k+6: it carries the lead's bits while
    // 6k < 8 * lead, and only whole known bits while 6k + 6 <= bits.
    let first = (8 * lead).div_ceil(6);
    let end = bits / 6;
    (first..end)
        .map(|k| {
            let bit = 6 * k;
            let (byte, shift) = (bit / 8, bit % 8);
            let pair = (u16::from(all[byte]) << 8) | u16::from(*all.get(byte + 1).unwrap_or(&0));
            let c = ALPHABET[usize::from((pair >> (10 - shift)) & 63)];
            char::from(match (url, c) {
                (true, b'+') => b'-',
                (true, b'/') => b'_',
                _ => c,
            })
        })
        .collect()
}

/// `secret` as `encodeURIComponent` writes it (every byte but ASCII
/// letters, digits and `-._~!*'()` as `%XX`), or with `every` byte so.
fn percent_encoded(secret: &str, every: bool) -> String {
    let mut out = String::with_capacity(secret.len());
    for b in secret.bytes() {
        if !every && (b.is_ascii_alphanumeric() || b"-._~!*'()".contains(&b)) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A secret this short (a test token such as `t`) is taken out only where
/// it stands as a word of its own, so that "internal error" does not read
/// "in[redacted]ernal error"; a longer one wherever it appears.
const SHORT_SECRET: usize = 12;

/// `text` with `secret`, in any ASCII case, replaced by `[redacted]`:
/// everywhere, or, for a secret shorter than [`SHORT_SECRET`] bytes, where
/// no ASCII letter or digit touches it on either side (a token is visible
/// ASCII).
fn without_secret(text: &str, secret: &str) -> String {
    if secret.is_empty() {
        return text.to_owned();
    }
    // In any ASCII case: lower-casing keeps every byte where it was.
    let (lower, wanted) = (text.to_ascii_lowercase(), secret.to_ascii_lowercase());
    let long = secret.len() >= SHORT_SECRET;
    let word = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let mut out = String::with_capacity(text.len());
    let mut from = 0;
    while let Some(at) = lower[from..].find(&wanted).map(|i| i + from) {
        let end = at + secret.len();
        out.push_str(&text[from..at]);
        let alone = !word(text[..at].chars().next_back()) && !word(text[end..].chars().next());
        out.push_str(if long || alone {
            "[redacted]"
        } else {
            &text[at..end]
        });
        from = end;
    }
    out.push_str(&text[from..]);
    out
}

fn http_sentence(status: u16, message: Option<&str>, f: &Formatter) -> String {
    let meaning = f.t(match status {
        400 => M::httpInvalid,
        401 => M::httpCredentials,
        403 => M::httpForbidden,
        404 => M::httpNotFound,
        408 | 504 => M::httpTimedOut,
        429 => M::httpRateLimited,
        500..=599 => M::httpInternal,
        _ => M::httpOther,
    });
    let status = status.to_string();
    match message {
        Some(m) if !m.trim().is_empty() => f.tf(
            M::httpWithMessage,
            &[("meaning", &meaning), ("status", &status), ("message", m)],
        ),
        _ => f.tf(M::httpPlain, &[("meaning", &meaning), ("status", &status)]),
    }
}

impl std::fmt::Display for ApiError {
    /// The English sentence (for logs and the `cu-runs:error` event; the
    /// screen shows [`ApiError::describe`] in the instance's language).
    fn fmt(&self, out: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        out.write_str(&self.describe(&Formatter::plain(None)))
    }
}

impl std::error::Error for ApiError {}

impl ApiError {
    /// The error as a sentence for the error box, in the catalog's words.
    pub fn describe(&self, f: &Formatter) -> String {
        match self {
            ApiError::Network { .. } => f.t(M::errNetwork),
            ApiError::Token { cause } => f.tf(M::errToken, &[("cause", cause)]),
            ApiError::Timeout { timeout_ms } => {
                // A unit symbol, "1 s" and "1.5 s" alike, in the locale's decimals.
                let s = seconds(*timeout_ms).replace('.', f.decimal_sep());
                f.tf(M::errTimeout, &[("seconds", &s)])
            }
            ApiError::Aborted => f.t(M::errAborted),
            ApiError::Http {
                status, message, ..
            } => http_sentence(*status, message.as_deref(), f),
            ApiError::NotJson { status } => f.tf(
                if *status >= 400 {
                    M::errNotJson
                } else {
                    M::errNotJsonOk
                },
                &[("status", &status.to_string())],
            ),
            ApiError::ApiCode { code, message, .. } => match message {
                Some(m) => f.tf(
                    M::errCodeMessage,
                    &[("code", &code.to_string()), ("message", m)],
                ),
                None => f.tf(M::errCode, &[("code", &code.to_string())]),
            },
            ApiError::Redirected => f.t(M::errRedirected),
            ApiError::TooLarge => f.tf(
                M::errTooLarge,
                &[("mb", &(MAX_BODY_BYTES / 1_000_000).to_string())],
            ),
            ApiError::Decode { field, problem, .. } => {
                f.tf(M::errDecode, &[("field", field), ("problem", problem)])
            }
            ApiError::Unavailable {
                status, message, ..
            } => unavailable_sentence(*status, message.as_deref(), f),
        }
    }
}

fn unavailable_sentence(status: u16, message: Option<&str>, f: &Formatter) -> String {
    let (with, plain) = if status == 403 {
        (M::ledgerForbiddenMessage, M::ledgerForbidden)
    } else {
        (M::ledgerAbsentMessage, M::ledgerAbsent)
    };
    let status = status.to_string();
    match message {
        Some(m) if !m.trim().is_empty() => f.tf(with, &[("status", &status), ("message", m)]),
        _ => f.tf(plain, &[("status", &status)]),
    }
}

impl ApiError {
    /// The HTTP status, when there was an answer.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Http { status, .. }
            | ApiError::NotJson { status }
            | ApiError::Unavailable { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// Whether the ledger is not available here (404 or 403 from its
    /// endpoints): not a fault to show unless the ledger was required.
    pub fn is_unavailable(&self) -> bool {
        matches!(self, ApiError::Unavailable { .. })
    }

    /// The server's request id, for support.
    pub fn request_id(&self) -> Option<&str> {
        match self {
            ApiError::Http { request_id, .. }
            | ApiError::ApiCode { request_id, .. }
            | ApiError::Unavailable { request_id, .. }
            | ApiError::Decode { request_id, .. } => request_id.as_deref(),
            _ => None,
        }
    }

    /// The server's `details` lines.
    pub fn details(&self) -> &[String] {
        match self {
            ApiError::Http { details, .. } | ApiError::ApiCode { details, .. } => details,
            _ => &[],
        }
    }

    /// The server's `Retry-After`, in seconds.
    pub fn retry_after_s(&self) -> Option<u32> {
        match self {
            ApiError::Http { retry_after_s, .. } => *retry_after_s,
            _ => None,
        }
    }

    /// The same error with `secret` (the token) and anything that looks
    /// like a bearer token taken out of every text the server sent, and at
    /// most [`MAX_DETAILS`] details lines of bounded length: what a server
    /// echoes never reaches the DOM or an event.
    pub fn redacted(self, secret: &str) -> ApiError {
        let clean = |t: String| scrub(&t, secret);
        let lines = |d: Vec<String>| {
            let n = d.len();
            let mut out: Vec<String> = d.into_iter().take(MAX_DETAILS).map(clean).collect();
            if n > MAX_DETAILS {
                out.push(format!("… and {} more lines", n - MAX_DETAILS));
            }
            out
        };
        match self {
            ApiError::Http {
                status,
                message,
                details,
                request_id,
                retry_after_s,
            } => ApiError::Http {
                status,
                message: message.map(clean),
                details: lines(details),
                request_id: request_id.map(clean),
                retry_after_s,
            },
            ApiError::ApiCode {
                code,
                message,
                details,
                request_id,
            } => ApiError::ApiCode {
                code,
                message: message.map(clean),
                details: lines(details),
                request_id: request_id.map(clean),
            },
            ApiError::Decode {
                field,
                problem,
                request_id,
            } => ApiError::Decode {
                field: clean(field),
                problem: clean(problem),
                request_id: request_id.map(clean),
            },
            ApiError::Unavailable {
                status,
                message,
                request_id,
            } => ApiError::Unavailable {
                status,
                message: message.map(clean),
                request_id: request_id.map(clean),
            },
            ApiError::Network { cause } => ApiError::Network {
                cause: clean(cause),
            },
            ApiError::Token { cause } => ApiError::Token {
                cause: clean(cause),
            },
            other => other,
        }
    }

    /// Whether trying again may help (network faults, timeouts, 5xx, 429).
    pub fn is_transient(&self) -> bool {
        match self {
            ApiError::Network { .. } | ApiError::Timeout { .. } => true,
            ApiError::Http { status, .. } | ApiError::NotJson { status } => {
                *status == 429 || *status >= 500
            }
            _ => false,
        }
    }
}

/// Milliseconds as seconds in plain text: `15`, `0.5`, `1.25` (integer
/// formatting: the wasm links none of core's float printing).
pub fn seconds(ms: u32) -> String {
    let frac = format!("{:03}", ms % 1000);
    let frac = frac.trim_end_matches('0');
    if frac.is_empty() {
        (ms / 1000).to_string()
    } else {
        format!("{}.{frac}", ms / 1000)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn http_error_reads_as_a_sentence_with_the_server_message() {
        let e = ApiError::Http {
            status: 400,
            message: Some("invalid parameters".into()),
            details: vec!["limit must be 1..=100".into()],
            request_id: Some("req_1".into()),
            retry_after_s: None,
        };
        assert_eq!(
            e.to_string(),
            "The API rejected the request as invalid (HTTP 400): invalid parameters"
        );
        assert_eq!(e.request_id(), Some("req_1"));
        assert_eq!(e.details(), ["limit must be 1..=100".to_owned()]);
        assert!(!e.is_transient());
    }

    #[test]
    fn token_errors_say_so_and_are_not_retried() {
        let e = ApiError::Token {
            cause: "getToken threw an error.".into(),
        };
        assert_eq!(
            e.to_string(),
            "Could not get an access token: getToken threw an error."
        );
        assert!(!e.is_transient());
    }

    #[test]
    fn a_short_secret_is_taken_out_only_where_it_stands_alone() {
        assert_eq!(without_secret("internal error", "t"), "internal error");
        assert_eq!(
            without_secret("token t rejected; t", "t"),
            "token [redacted] rejected; [redacted]"
        );
        assert_eq!(
            without_secret("key=abc&x=abcd", "abc"),
            "key=[redacted]&x=abcd"
        );
        // Twelve bytes or more: wherever it appears, inside words too.
        assert_eq!(
            without_secret("xs3cr3t-token-1y", "s3cr3t-token-1"),
            "x[redacted]y"
        );
        assert_eq!(without_secret("anything", ""), "anything");
    }

    #[test]
    fn encoded_and_cut_copies_of_the_token_are_redacted() {
        let token = "tok_9f8e7d6c5b4a3210zz";
        // Standard base64 of "Bearer tok_…", of "user:tok_…", base64url of
        // the token alone, the token percent-encoded twice, and a message
        // cut off in the token's second half.
        let e = ApiError::Http {
            status: 401,
            message: Some(format!("seen: {}…", &token[..15])),
            details: vec![
                "QmVhcmVyIHRva185ZjhlN2Q2YzViNGEzMjEweno=".into(),
                "dXNlcjp0b2tfOWY4ZTdkNmM1YjRhMzIxMHp6".into(),
                "dG9rXzlmOGU3ZDZjNWI0YTMyMTB6eg".into(),
                "next=tok_9f8e7d6c5b4a3210zz%2526".into(),
                "x=%2574%256F%256B%255F%2539%2566%2538%2565%2537%2564%2536%2563%2535%2562%2534%2561%2533%2532%2531%2530%257A%257A".into(),
            ],
            request_id: None,
            retry_after_s: None,
        }
        .redacted(token);
        for line in e.details() {
            assert!(line.contains("[redacted]"), "{line}");
        }
        assert_eq!(e.details()[0], "QmVhcmVyIH[redacted]o=");
        assert!(e.to_string().ends_with("seen: [redacted]…"), "{e}");
        // A short test token stays a word-only match, as before.
        assert_eq!(scrub("internal error", "t"), "internal error");
    }

    #[test]
    fn a_long_message_is_searched_only_as_far_as_it_is_shown() {
        let token = "abcdefghijklmnop";
        let text = format!("{}{token}{}", "x".repeat(495), "y".repeat(2_000_000));
        let out = scrub(&text, token);
        assert!(!out.contains("abcde"), "{}", &out[480..520]);
        assert_eq!(out.chars().count(), MAX_TEXT_CHARS + 1);
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod props {
        use super::super::{base64_core, scrub, without_secret, SHORT_SECRET};

        /// The obvious base64: every 3 bytes as 4 characters, `=` padded.
        fn base64(bytes: &[u8], url: bool) -> String {
            let alphabet: Vec<char> = if url {
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                    .chars()
                    .collect()
            } else {
                "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
                    .chars()
                    .collect()
            };
            let mut out = String::new();
            for chunk in bytes.chunks(3) {
                let b = [
                    chunk[0],
                    *chunk.get(1).unwrap_or(&0),
                    *chunk.get(2).unwrap_or(&0),
                ];
                let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
                for i in 0..4 {
                    if i <= chunk.len() {
                        out.push(alphabet[((n >> (18 - 6 * i)) & 63) as usize]);
                    } else {
                        out.push('=');
                    }
                }
            }
            out
        }

        proptest::proptest! {
            /// Wherever a token starts in an encoded text, the encoding
            /// holds its core.
            #[test]
            fn the_base64_core_is_in_every_encoding_of_the_token(
                before in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..10),
                token in "[!-~]{1,40}",
                after in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..4),
                url in proptest::prelude::any::<bool>(),
            ) {
                let mut all = before.clone();
                all.extend_from_slice(token.as_bytes());
                all.extend_from_slice(&after);
                let core = base64_core(token.as_bytes(), before.len() % 3, url);
                proptest::prop_assert!(base64(&all, url).contains(&core), "{} not in {}", core, base64(&all, url));
            }

            /// A long token echoed in base64 within a longer text (anything
            /// around it) leaves no run of its encoding longer than the
            /// few characters at its edges.
            #[test]
            fn a_token_echoed_in_base64_is_redacted(
                before in "[ -~]{0,9}",
                token in "[!-~]{12,40}",
                after in "[ -~]{0,9}",
                url in proptest::prelude::any::<bool>(),
            ) {
                let encoded = base64(format!("{before}{token}{after}").as_bytes(), url);
                let out = scrub(&format!("echo: {encoded}"), &token);
                let core = base64_core(token.as_bytes(), before.len() % 3, url);
                proptest::prop_assert!(out.contains("[redacted]"), "{}", out);
                proptest::prop_assert!(!out.contains(&core), "{}", out);
            }
        }

        /// The slow, obvious oracle: at every byte where `secret` starts (left
        /// to right, not overlapping a replaced or kept one), look at the
        /// characters either side.
        fn oracle(text: &str, secret: &str) -> String {
            let (t, n) = (text.as_bytes(), secret.len());
            let mut out = Vec::new();
            let mut i = 0;
            while i < t.len() {
                if n > 0 && t[i..].len() >= n && t[i..i + n].eq_ignore_ascii_case(secret.as_bytes())
                {
                    let before = text[..i].chars().last();
                    let after = text[i + n..].chars().next();
                    let touches =
                        |c: Option<char>| matches!(c, Some(c) if c.is_ascii_alphanumeric());
                    let replace = n >= SHORT_SECRET || !(touches(before) || touches(after));
                    out.extend_from_slice(if replace { b"[redacted]" } else { &t[i..i + n] });
                    i += n;
                } else {
                    out.push(t[i]);
                    i += 1;
                }
            }
            String::from_utf8(out).unwrap()
        }

        proptest::proptest! {
            #[test]
            fn without_secret_matches_the_oracle(
                text in "[abAB =é]{0,24}",
                secret in "[aAb=é]{0,3}|[abB]{12,13}",
            ) {
                proptest::prop_assert_eq!(without_secret(&text, &secret), oracle(&text, &secret));
            }
        }
    }

    #[test]
    fn a_server_echoing_the_token_is_redacted_everywhere() {
        let e = ApiError::Http {
            status: 500,
            message: Some("upstream rejected Authorization: Bearer s3cr3t-tok".into()),
            details: (0..30).map(|i| format!("line {i}: s3cr3t-tok")).collect(),
            request_id: Some("req s3cr3t-tok".into()),
            retry_after_s: None,
        }
        .redacted("s3cr3t-tok");
        let text = format!("{e} {:?} {:?}", e.details(), e.request_id());
        assert!(!text.contains("s3cr3t"), "{text}");
        assert!(text.contains("Bearer [redacted]"), "{text}");
        assert_eq!(e.details().len(), MAX_DETAILS + 1);
        assert_eq!(e.details()[MAX_DETAILS], "… and 20 more lines");
        // Any bearer token is taken out, not only the one this table sent.
        let other = ApiError::Http {
            status: 401,
            message: Some("bad header 'Bearer xyz.abc' given".into()),
            details: vec!["x".repeat(2_000)],
            request_id: None,
            retry_after_s: None,
        }
        .redacted("tok");
        assert_eq!(
            other.to_string(),
            "The API did not accept the credentials (sign in again or check the token) (HTTP 401): bad header 'Bearer [redacted]' given"
        );
        assert_eq!(other.details()[0].chars().count(), MAX_TEXT_CHARS + 1);
    }

    #[test]
    fn copies_of_the_token_a_server_rewrote_are_redacted() {
        let token = "abc/DEF+ghi=JKL.mno_123~xyz";
        let e = ApiError::Http {
            status: 401,
            message: Some("lower=abc/def+ghi=jkl.mno_123~xyz".into()),
            details: vec![
                "bearer%20abc%2FDEF%2Bghi%3DJKL.mno_123~xyz".into(),
                "url=abc%2FDEF%2Bghi%3DJKL.mno_123~xyz&next=1".into(),
                "hex=abc%2fDEF%2bghi%3dJKL.mno_123~xyz".into(),
                "upper=ABC/DEF+GHI=JKL.MNO_123~XYZ".into(),
                "form: Bearer+a1B2c3D4e5&x=1".into(),
                "all=%61%62%63%2f%44%45%46%2B%67%68%69%3D%4A%4B%4C%2E%6D%6E%6F%5F%31%32%33%7E%78%79%7A".into(),
            ],
            request_id: None,
            retry_after_s: None,
        }
        .redacted(token);
        assert_eq!(
            e.details(),
            [
                "bearer%20[redacted]",
                "url=[redacted]&next=1",
                "hex=[redacted]",
                "upper=[redacted]",
                "form: Bearer+[redacted]&x=1",
                "all=[redacted]",
            ]
        );
        assert!(e.to_string().ends_with("lower=[redacted]"), "{e}");
        assert_eq!(percent_encoded("a b/é", false), "a%20b%2F%C3%A9");
        assert_eq!(percent_encoded("aB", true), "%61%42");
    }

    #[test]
    fn an_absent_ledger_is_told_apart_and_redacted() {
        let e = ApiError::Unavailable {
            status: 403,
            message: Some("scope billing:read missing for Bearer s3cr3t".into()),
            request_id: Some("req_9".into()),
        }
        .redacted("s3cr3t");
        assert!(e.is_unavailable() && !e.is_transient());
        assert_eq!(e.status(), Some(403));
        assert_eq!(e.request_id(), Some("req_9"));
        assert_eq!(
            e.to_string(),
            "The API refused access to the CU ledger; the token may lack access to billing (HTTP 403): scope billing:read missing for Bearer [redacted]"
        );
        let e = ApiError::Unavailable {
            status: 404,
            message: None,
            request_id: None,
        };
        assert_eq!(
            e.to_string(),
            "The API does not offer the CU ledger here (HTTP 404)."
        );
        assert!(!ApiError::NotJson { status: 404 }.is_unavailable());
    }

    #[test]
    fn transient_cases() {
        assert!(ApiError::Network { cause: "x".into() }.is_transient());
        assert!(ApiError::Timeout { timeout_ms: 15_000 }.is_transient());
        assert!(ApiError::NotJson { status: 502 }.is_transient());
        assert!(!ApiError::NotJson { status: 200 }.is_transient());
        assert_eq!(
            ApiError::Timeout { timeout_ms: 15_000 }.to_string(),
            "The API did not answer within 15 s."
        );
        // A unit symbol: no "1 seconds".
        assert_eq!(
            ApiError::Timeout { timeout_ms: 1_000 }.to_string(),
            "The API did not answer within 1 s."
        );
        assert_eq!(
            ApiError::Timeout { timeout_ms: 1_500 }.to_string(),
            "The API did not answer within 1.5 s."
        );
    }

    #[test]
    fn seconds_read_like_the_float_they_replace() {
        for ms in [0u32, 1, 10, 500, 1_250, 15_000, 15_001, 299_999, u32::MAX] {
            assert_eq!(seconds(ms), (f64::from(ms) / 1000.0).to_string(), "{ms}");
        }
    }
}
