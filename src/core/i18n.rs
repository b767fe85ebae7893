//! The words of the UI: one message catalog ([`crate::core::messages`]),
//! English built in, any subset replaced by the host's `messages` option.
//!
//! A message is text with named placeholders (`{runs}`); a plural message
//! has one form per plural category (`one`, `other`, and for some languages
//! `zero`, `two`, `few`, `many`), chosen for a number by the locale's
//! plural rules (`Intl.PluralRules` in a browser, English natively).
//! Messages are text, never markup: they are rendered as text nodes, and a
//! host's message that looks like markup is refused at `mount`.

use crate::core::messages::{key_name, keys, COUNT, M};

/// A plural category, as `Intl.PluralRules` names them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cat {
    Zero,
    One,
    Two,
    Few,
    Many,
    Other,
}

impl Cat {
    /// The category named `name` (`"one"` …).
    pub fn parse(name: &str) -> Option<Cat> {
        Some(match name {
            "zero" => Cat::Zero,
            "one" => Cat::One,
            "two" => Cat::Two,
            "few" => Cat::Few,
            "many" => Cat::Many,
            "other" => Cat::Other,
            _ => return None,
        })
    }

    /// English's rule: `one` for 1, `other` for anything else.
    pub fn english(n: u64) -> Cat {
        if n == 1 {
            Cat::One
        } else {
            Cat::Other
        }
    }
}

/// One message as the host gave it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Given {
    /// The same text for every number.
    Text(String),
    /// A text per plural category (`other` required).
    Forms(Vec<(Cat, String)>),
}

/// The catalog of one instance: the host's messages over English.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Catalog {
    /// The host's message per key (by [`M`]'s index), if any.
    own: Vec<Option<Given>>,
}

/// The placeholders of `text`, in order (`{name}`; names are ASCII letters).
fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find('}') else { break };
        let name = &rest[..close];
        if !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphabetic()) {
            out.push(name);
            rest = &rest[close + 1..];
        }
    }
    out
}

/// Whether `text` looks like markup: a tag (`<b`, `</`, `<!`, `<?`) or a
/// character reference (`&amp;`, `&#60;`). Messages are text only.
fn is_markup(text: &str) -> bool {
    let b = text.as_bytes();
    b.windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || b"/!?".contains(&w[1])))
        || text.split('&').skip(1).any(|after| {
            let name = after.split(';').next().unwrap_or("");
            after.contains(';')
                && !name.is_empty()
                && name.len() <= 32
                && (name.bytes().all(|c| c.is_ascii_alphanumeric())
                    || (name.starts_with('#')
                        && name[1..].bytes().all(|c| c.is_ascii_alphanumeric())))
        })
}

/// The key of message `name`.
pub fn key(name: &str) -> Option<M> {
    keys().position(|k| k == name).map(M::from_index)
}

/// The name of message `m` (its key in a `messages` object).
pub fn name(m: M) -> &'static str {
    key_name(m)
}

/// English's forms of `m`: its text, and the plural text if it has one.
fn english(m: M) -> (&'static str, Option<&'static str>) {
    crate::core::messages::english(m)
}

impl Catalog {
    /// The host's `messages` (any subset of the keys), checked against
    /// English: every key known, plural forms only for plural messages
    /// (`other` among them), every placeholder of the English text kept
    /// and no new one, no markup. Errors name the key and the rule.
    pub fn new(given: Vec<(String, Given)>) -> Result<Catalog, String> {
        let mut own: Vec<Option<Given>> = if given.is_empty() {
            Vec::new()
        } else {
            vec![None; COUNT]
        };
        for (k, g) in given {
            let m = key(&k).ok_or_else(|| format!("messages has an unknown key {k:?}"))?;
            let (one, many) = english(m);
            let mut wanted: Vec<&str> = Vec::new();
            for p in placeholders(one)
                .into_iter()
                .chain(many.map(placeholders).unwrap_or_default())
            {
                if !wanted.contains(&p) {
                    wanted.push(p);
                }
            }
            let texts: Vec<&str> = match &g {
                Given::Text(t) => vec![t.as_str()],
                Given::Forms(_) if many.is_none() => {
                    return Err(format!(
                        "messages.{k} must be a string (it has no plural forms)"
                    ))
                }
                Given::Forms(forms) => {
                    if !forms.iter().any(|(c, _)| *c == Cat::Other) {
                        return Err(format!("messages.{k} needs an \"other\" form"));
                    }
                    forms.iter().map(|(_, t)| t.as_str()).collect()
                }
            };
            let lists = matches!(m, M::monthNames | M::monthShortNames);
            if lists
                && texts
                    .iter()
                    .any(|t| t.split(',').filter(|n| !n.trim().is_empty()).count() != 12)
            {
                return Err(format!(
                    "messages.{k} must list 12 month names, separated by commas"
                ));
            }
            for (i, text) in texts.iter().enumerate() {
                if is_markup(text) {
                    return Err(format!("messages.{k} must be text, not markup: {text:?}"));
                }
                let has = placeholders(text);
                if let Some(extra) = has.iter().find(|p| !wanted.contains(p)) {
                    return Err(format!(
                        "messages.{k} has an unknown placeholder {{{extra}}} (it takes {})",
                        list(&wanted)
                    ));
                }
                // A plural form other than `other` may leave the number out
                // ("one run" / "ein Lauf"); everything else keeps it.
                let may_drop_n = matches!(&g, Given::Forms(f) if f[i].0 != Cat::Other);
                if let Some(missing) = wanted
                    .iter()
                    .find(|p| !(has.contains(p) || may_drop_n && **p == "n"))
                {
                    return Err(format!(
                        "messages.{k} is missing the placeholder {{{missing}}} (it takes {})",
                        list(&wanted)
                    ));
                }
            }
            own[m as usize] = Some(g);
        }
        Ok(Catalog { own })
    }

    /// Whether no message is replaced (English throughout).
    pub fn is_english(&self) -> bool {
        self.own.is_empty()
    }

    /// The text of `m` for a number in category `cat` (`None`: not plural).
    pub fn text(&self, m: M, cat: Option<Cat>) -> &str {
        if let Some(Some(g)) = self.own.get(m as usize) {
            match g {
                Given::Text(t) => return t,
                Given::Forms(forms) => {
                    let cat = cat.unwrap_or(Cat::Other);
                    let pick = forms.iter().find(|(c, _)| *c == cat);
                    let other = forms.iter().find(|(c, _)| *c == Cat::Other);
                    if let Some((_, t)) = pick.or(other) {
                        return t;
                    }
                }
            }
        }
        match english(m) {
            (one, Some(many)) if cat != Some(Cat::One) => {
                let _ = one;
                many
            }
            (one, _) => one,
        }
    }
}

fn list(names: &[&str]) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    names
        .iter()
        .map(|n| format!("{{{n}}}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `text` with each `{name}` replaced by its value in `args` (a name
/// without a value stays as written).
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after.find('}').map(|close| (&after[..close], close)) {
            Some((name, close)) if args.iter().any(|(k, _)| *k == name) => {
                let value = args
                    .iter()
                    .find(|(k, _)| *k == name)
                    .map_or("", |(_, v)| *v);
                out.push_str(value);
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> Given {
        Given::Text(s.to_owned())
    }

    #[test]
    fn every_english_message_is_text_with_its_placeholders() {
        let names: Vec<&str> = keys().collect();
        assert_eq!(names.len(), COUNT);
        for (i, k) in names.iter().enumerate() {
            let (one, many) = english(M::from_index(i));
            assert!(!one.is_empty() && !is_markup(one), "{k}");
            assert!(!one.contains('\0') && !one.contains('\u{1}'), "{k}");
            if let Some(many) = many {
                assert!(!many.is_empty() && !is_markup(many), "{k}");
            }
            assert_eq!(key(k), Some(M::from_index(i)));
        }
        assert_eq!(english(M::runCount), ("{n} run", Some("{n} runs")));
        assert_eq!(english(M::loadAll), ("Load all runs", None));
        assert_eq!(key_name(M::defaultTitle), "defaultTitle");
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), COUNT, "keys are unique");
    }

    #[test]
    fn placeholders_are_filled_by_name() {
        assert_eq!(fill("{a} of {b}", &[("a", "1"), ("b", "2")]), "1 of 2");
        assert_eq!(fill("{a} {a}", &[("a", "x")]), "x x");
        assert_eq!(fill("{gone} {", &[]), "{gone} {");
        assert_eq!(placeholders("{a} and {b} {not a name} {}"), ["a", "b"]);
    }

    #[test]
    fn markup_is_refused() {
        for bad in ["<b>x</b>", "a </i>", "<!-- x -->", "x &amp; y", "&#60;b"] {
            assert!(is_markup(bad), "{bad}");
        }
        for good in ["a < b", "1<2", "Q&A", "A & B; C", "x -> y"] {
            assert!(!is_markup(good), "{good}");
        }
    }

    #[test]
    fn host_messages_are_checked_against_english() {
        let cat = |entries: Vec<(&str, Given)>| {
            Catalog::new(
                entries
                    .into_iter()
                    .map(|(k, g)| (k.to_owned(), g))
                    .collect(),
            )
        };
        assert_eq!(
            cat(vec![("noSuchKey", text("x"))]).unwrap_err(),
            "messages has an unknown key \"noSuchKey\""
        );
        assert!(cat(vec![("loadAll", text("<b>Alle</b>"))])
            .unwrap_err()
            .contains("must be text, not markup"));
        assert!(cat(vec![("loadAll", text("{x} Alle"))])
            .unwrap_err()
            .contains("unknown placeholder {x}"));
        assert!(cat(vec![("runCount", text("Läufe"))])
            .unwrap_err()
            .contains("missing the placeholder {n}"));
        assert!(cat(vec![(
            "loadAll",
            Given::Forms(vec![(Cat::Other, "x".into())])
        )])
        .unwrap_err()
        .contains("must be a string"));
        assert!(cat(vec![(
            "runCount",
            Given::Forms(vec![(Cat::One, "{n} Lauf".into())])
        )])
        .unwrap_err()
        .contains("\"other\" form"));
        let de = cat(vec![
            ("loadAll", text("Alle Läufe laden")),
            (
                "runCount",
                Given::Forms(vec![
                    (Cat::One, "ein Lauf".into()),
                    (Cat::Other, "{n} Läufe".into()),
                ]),
            ),
        ])
        .unwrap();
        assert_eq!(de.text(M::loadAll, None), "Alle Läufe laden");
        assert_eq!(de.text(M::runCount, Some(Cat::One)), "ein Lauf");
        assert_eq!(de.text(M::runCount, Some(Cat::Few)), "{n} Läufe");
        let en = Catalog::default();
        assert_eq!(en.text(M::runCount, Some(Cat::One)), "{n} run");
        assert_eq!(en.text(M::runCount, Some(Cat::Other)), "{n} runs");
    }
}
