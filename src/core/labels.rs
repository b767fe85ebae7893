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

/// How a group's key reads on screen: a workflow's display name from
/// `names` (else its id), a trigger's label, a status's label. Names are
/// text: they are only ever rendered as text nodes and attributes.
pub fn group_label<'a>(
    group: crate::core::subtotals::GroupBy,
    key: &'a str,
    names: &'a crate::core::keyed::Names,
) -> std::borrow::Cow<'a, str> {
    use crate::core::subtotals::GroupBy;
    match group {
        GroupBy::Workflow => names.get(key).map_or(key, String::as_str).into(),
        GroupBy::Trigger => trigger_label(key).into(),
        GroupBy::Status => crate::core::run::RunStatus::parse(key)
            .label()
            .to_owned()
            .into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn group_labels() {
        use crate::core::subtotals::GroupBy;
        let names = [("wf_1".to_owned(), "<b>Billing</b>".to_owned())].into();
        assert_eq!(
            group_label(GroupBy::Workflow, "wf_1", &names),
            "<b>Billing</b>"
        );
        assert_eq!(group_label(GroupBy::Workflow, "wf_2", &names), "wf_2");
        assert_eq!(group_label(GroupBy::Trigger, "cronjob", &names), "Cron job");
        assert_eq!(group_label(GroupBy::Status, "failure", &names), "Failed");
    }

    #[test]
    fn known_triggers_are_friendly_others_raw() {
        assert_eq!(trigger_label("cronjob"), "Cron job");
        assert_eq!(trigger_label("gmail-new-email-received"), "New Gmail email");
        assert_eq!(trigger_label("telegram-bot"), "telegram-bot");
        assert_eq!(trigger_label(""), "(none)");
    }
}
