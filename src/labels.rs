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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_triggers_are_friendly_others_raw() {
        assert_eq!(trigger_label("cronjob"), "Cron job");
        assert_eq!(trigger_label("gmail-new-email-received"), "New Gmail email");
        assert_eq!(trigger_label("telegram-bot"), "telegram-bot");
        assert_eq!(trigger_label(""), "(none)");
    }
}
