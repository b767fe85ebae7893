//! Retry policy for transient failures (network errors, timeouts, 5xx, 429):
//! at most three attempts, exponential backoff with jitter, and the server's
//! `Retry-After` honoured. 400, 401, 403 and 404 are never retried (see
//! [`crate::api::ApiError::is_transient`]).

/// Attempts per request, the first included.
pub const MAX_ATTEMPTS: u32 = 3;
/// Delay before the second attempt, before jitter.
pub const BASE_DELAY_MS: u32 = 500;
/// Longest wait between attempts.
pub const MAX_DELAY_MS: u32 = 30_000;

/// How long to wait after `failed` attempts have failed (1 = the first).
/// `jitter` is a random number in `[0, 1)` that adds up to 50 % so many
/// clients do not retry in step; `Retry-After` (seconds) is a lower bound.
pub fn delay_ms(failed: u32, retry_after_s: Option<u32>, jitter: f64) -> u32 {
    let exp = BASE_DELAY_MS.saturating_mul(1 << failed.saturating_sub(1).min(10));
    let jittered = (f64::from(exp) * (1.0 + 0.5 * jitter.clamp(0.0, 1.0))) as u32;
    let floor = retry_after_s.map_or(0, |s| s.saturating_mul(1_000));
    jittered.max(floor).min(MAX_DELAY_MS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backs_off_exponentially_with_bounded_jitter() {
        assert_eq!(delay_ms(1, None, 0.0), 500);
        assert_eq!(delay_ms(2, None, 0.0), 1_000);
        assert_eq!(delay_ms(3, None, 0.0), 2_000);
        assert_eq!(delay_ms(1, None, 0.999_999), 749);
        assert!(delay_ms(40, None, 1.0) <= MAX_DELAY_MS);
    }

    #[test]
    fn retry_after_is_a_lower_bound() {
        assert_eq!(delay_ms(1, Some(3), 0.0), 3_000);
        assert_eq!(delay_ms(3, Some(1), 0.0), 2_000);
        assert_eq!(delay_ms(1, Some(3_600), 0.0), MAX_DELAY_MS);
    }
}
