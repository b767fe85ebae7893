//! Friendly labels for values the API sends as free strings, in the
//! catalog's words.

use crate::core::format::Formatter;
use crate::core::messages::M;
use crate::core::run::RunStatus;

/// A friendly label for a known trigger source; unknown ones are shown raw.
pub fn trigger_label(raw: &str, f: &Formatter) -> String {
    let m = match raw {
        "manual" => M::triggerManual,
        "cronjob" => M::triggerCronjob,
        "schedule" => M::triggerSchedule,
        "webhook" => M::triggerWebhook,
        "api" => M::triggerApi,
        "evm-log" => M::triggerEvmLog,
        "erc20-receive" => M::triggerErc20Receive,
        "erc20-send" => M::triggerErc20Send,
        "token-price-cexes" => M::triggerTokenPrice,
        "slack-mentions" => M::triggerSlack,
        "gmail-new-email-received" => M::triggerGmail,
        "" => M::triggerNone,
        other => return other.to_owned(),
    };
    f.t(m)
}

/// The text a user reads in a status badge; an unknown status as sent.
pub fn status_label(status: &RunStatus, f: &Formatter) -> String {
    let m = match status {
        RunStatus::Running => M::statusRunning,
        RunStatus::Waiting => M::statusWaiting,
        RunStatus::Success => M::statusSuccess,
        RunStatus::Failure => M::statusFailure,
        RunStatus::Cancelled => M::statusCancelled,
        RunStatus::Partial => M::statusPartial,
        RunStatus::Other(raw) => return raw.clone(),
    };
    f.t(m)
}

/// How a group's key reads on screen: a workflow's display name from
/// `names` (else its id), a trigger's label, a status's label. Names are
/// text: they are only ever rendered as text nodes and attributes.
pub fn group_label<'a>(
    group: crate::core::subtotals::GroupBy,
    key: &'a str,
    names: &'a crate::core::keyed::Names,
    f: &Formatter,
) -> std::borrow::Cow<'a, str> {
    use crate::core::subtotals::GroupBy;
    match group {
        GroupBy::Workflow => names.get(key).map_or(key, String::as_str).into(),
        GroupBy::Trigger => trigger_label(key, f).into(),
        GroupBy::Status => status_label(&RunStatus::parse(key), f).into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en() -> Formatter {
        Formatter::plain(None)
    }

    #[test]
    fn group_labels() {
        use crate::core::subtotals::GroupBy;
        let names = [("wf_1".to_owned(), "<b>Billing</b>".to_owned())].into();
        assert_eq!(
            group_label(GroupBy::Workflow, "wf_1", &names, &en()),
            "<b>Billing</b>"
        );
        assert_eq!(
            group_label(GroupBy::Workflow, "wf_2", &names, &en()),
            "wf_2"
        );
        assert_eq!(
            group_label(GroupBy::Trigger, "cronjob", &names, &en()),
            "Cron job"
        );
        assert_eq!(
            group_label(GroupBy::Status, "failure", &names, &en()),
            "Failed"
        );
    }

    #[test]
    fn known_triggers_are_friendly_others_raw() {
        assert_eq!(trigger_label("cronjob", &en()), "Cron job");
        assert_eq!(
            trigger_label("gmail-new-email-received", &en()),
            "New Gmail email"
        );
        assert_eq!(trigger_label("telegram-bot", &en()), "telegram-bot");
        assert_eq!(trigger_label("", &en()), "(none)");
    }
}
