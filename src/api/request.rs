//! Building the request: URL, query and headers, without touching the network.

use crate::core::ledger::YearMonth;

/// Page size used when none is configured.
pub const DEFAULT_LIMIT: u32 = 20;
/// The API's largest page.
pub const MAX_LIMIT: u32 = 100;

/// Whether `token` can travel in an `Authorization: Bearer` header: one
/// or more visible ASCII characters, nothing else (a pasted zero-width
/// space or a line break would make the browser refuse the header). The
/// error names the problem, never the token.
pub fn check_token(token: &str) -> Result<(), &'static str> {
    if token.is_empty() {
        return Err("must not be empty");
    }
    if token.bytes().all(|b| (0x21..=0x7e).contains(&b)) {
        Ok(())
    } else {
        Err("must be visible ASCII characters only (no spaces, line breaks or invisible characters)")
    }
}

/// Which page of runs to ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PageRequest {
    /// Page size, always within `1..=100`.
    pub limit: u32,
    /// Index of the first run, `>= 0`.
    pub offset: u64,
}

impl PageRequest {
    /// A request with `limit` clamped to `1..=100`.
    pub fn new(limit: u32, offset: u64) -> PageRequest {
        PageRequest {
            limit: limit.clamp(1, MAX_LIMIT),
            offset,
        }
    }

    /// The query pairs, in the order sent.
    pub fn query(&self) -> [(&'static str, String); 2] {
        [
            ("limit", self.limit.to_string()),
            ("offset", self.offset.to_string()),
        ]
    }
}

/// Percent-encodes `segment` so it stays exactly one path segment: everything
/// but RFC 3986 unreserved characters is encoded (`a/b?c` -> `a%2Fb%3Fc`).
/// `.` and `..` are encoded too, so they cannot be read as dot-segments.
pub fn encode_path_segment(segment: &str) -> String {
    if segment == "." || segment == ".." {
        return segment.replace('.', "%2E");
    }
    let mut out = String::with_capacity(segment.len());
    for byte in segment.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// `{apiBase}/v1/organizations/{orgId}/cu/runs`, without the query. The base
/// may or may not end in `/`, and may be a same-origin path such as `/api`.
pub fn runs_url(api_base: &str, org_id: &str) -> String {
    format!("{}/runs", balance_url(api_base, org_id))
}

/// `{apiBase}/v1/organizations/{orgId}/cu`: the balance (the base as in
/// [`runs_url`]).
pub fn balance_url(api_base: &str, org_id: &str) -> String {
    format!(
        "{}/v1/organizations/{}/cu",
        api_base.trim_end_matches('/'),
        encode_path_segment(org_id)
    )
}

/// `{apiBase}/v1/organizations/{orgId}/cu/usage`, without the query
/// ([`usage_query`]).
pub fn usage_url(api_base: &str, org_id: &str) -> String {
    format!("{}/usage", balance_url(api_base, org_id))
}

/// The usage request's query: `yearMonth=YYYY-MM`.
pub fn usage_query(month: YearMonth) -> [(&'static str, String); 1] {
    [("yearMonth", month.key())]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn org_id_stays_one_segment() {
        assert_eq!(
            runs_url("https://api.example.com", "a/b?c"),
            "https://api.example.com/v1/organizations/a%2Fb%3Fc/cu/runs"
        );
        assert_eq!(encode_path_segment("x#y z"), "x%23y%20z");
        assert_eq!(encode_path_segment(".."), "%2E%2E");
        assert_eq!(encode_path_segment("."), "%2E");
        assert_eq!(encode_path_segment("org_123-A.b~"), "org_123-A.b~");
        assert_eq!(encode_path_segment("ü"), "%C3%BC");
    }

    #[test]
    fn base_with_or_without_trailing_slash() {
        let want = "https://api.example.com/v1/organizations/org_1/cu/runs";
        assert_eq!(runs_url("https://api.example.com", "org_1"), want);
        assert_eq!(runs_url("https://api.example.com/", "org_1"), want);
        assert_eq!(
            runs_url("/api/", "org_1"),
            "/api/v1/organizations/org_1/cu/runs"
        );
        assert_eq!(runs_url("", "org_1"), "/v1/organizations/org_1/cu/runs");
    }

    #[test]
    fn ledger_urls_sit_beside_the_runs() {
        assert_eq!(
            balance_url("https://api.example.com/", "a/b"),
            "https://api.example.com/v1/organizations/a%2Fb/cu"
        );
        assert_eq!(
            usage_url("/api", "org_1"),
            "/api/v1/organizations/org_1/cu/usage"
        );
        assert_eq!(
            usage_query(YearMonth::parse("2026-11").unwrap()),
            [("yearMonth", "2026-11".to_owned())]
        );
    }

    #[test]
    fn limit_is_clamped_and_query_is_built() {
        assert_eq!(PageRequest::new(0, 0).limit, 1);
        assert_eq!(PageRequest::new(500, 0).limit, 100);
        assert_eq!(PageRequest::new(20, 40).limit, 20);
        assert_eq!(
            PageRequest::new(1000, 40).query(),
            [("limit", "100".to_owned()), ("offset", "40".to_owned())]
        );
    }
}
