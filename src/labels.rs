//! Friendly labels for values the API sends as free strings.

/// A friendly label for a known trigger source; unknown ones are shown raw.
pub fn trigger_label(raw: &str) -> &str {
    match raw {
        "manual" => "Manual",
        "cronjob" => "Cron job",
        "schedule" => "Schedule",
        "webhook" => "Webhook",
        "api" => "API",
        "evm-log" => "EVM log",
        "erc20-receive" => "ERC-20 received",
        "erc20-send" => "ERC-20 sent",
        "token-price-cexes" => "Token price (CEXes)",
        "slack-mentions" => "Slack mention",
        "gmail-new-email-received" => "New Gmail email",
        "" => "(none)",
        other => other,
    }
}

/// `text` cut to at most `max` characters, ending in `…` when cut.
pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn truncate_counts_characters() {
        assert_eq!(truncate("billing-sync", 28), "billing-sync");
        assert_eq!(truncate("abcdef", 4), "abc…");
        assert_eq!(truncate("ééééé", 3), "éé…");
    }

    #[test]
    fn known_triggers_are_friendly_others_raw() {
        assert_eq!(trigger_label("cronjob"), "Cron job");
        assert_eq!(trigger_label("gmail-new-email-received"), "New Gmail email");
        assert_eq!(trigger_label("telegram-bot"), "telegram-bot");
        assert_eq!(trigger_label(""), "(none)");
    }
}
