//! The rendered words come from Fluent message files, one per language
//! (`locales/NAME.ftl`, embedded at build time). Code picks a message and its
//! arguments; the file decides the words, their order and their agreement. A missing
//! message is not a panic: its id is written in its place and recorded, and the tests
//! fail on any record.

use std::cell::RefCell;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource, FluentValue};

use crate::model::time::{Date, Period, Unit};

include!(concat!(env!("OUT_DIR"), "/locales.rs"));

/// The languages `--lang` accepts, in name order.
pub fn languages() -> impl Iterator<Item = &'static str> {
    LOCALES.iter().map(|(name, _)| *name)
}

/// One language's messages.
pub struct Messages {
    pub lang: &'static str,
    bundle: FluentBundle<FluentResource>,
    missing: RefCell<Vec<String>>,
}

/// An argument to a message: text, or a number that also picks a plural form.
pub enum Arg<'a> {
    Text(&'a str),
    Number(u64),
}

impl<'a> From<&'a str> for Arg<'a> {
    fn from(text: &'a str) -> Self {
        Arg::Text(text)
    }
}

impl<'a> From<&'a String> for Arg<'a> {
    fn from(text: &'a String) -> Self {
        Arg::Text(text)
    }
}

impl From<u64> for Arg<'_> {
    fn from(n: u64) -> Self {
        Arg::Number(n)
    }
}

impl From<usize> for Arg<'_> {
    fn from(n: usize) -> Self {
        Arg::Number(n as u64)
    }
}

impl Messages {
    /// The messages of a language, or a sentence saying which languages there are.
    pub fn new(lang: &str) -> Result<Messages, String> {
        let Some((name, text)) = LOCALES.iter().find(|(name, _)| *name == lang) else {
            return Err(format!(
                "no messages for language `{lang}`; available: {}",
                languages().collect::<Vec<_>>().join(", ")
            ));
        };
        let resource = FluentResource::try_new(text.to_string())
            .map_err(|(_, errors)| format!("locales/{name}.ftl does not parse: {errors:?}"))?;
        let id = name
            .parse()
            .map_err(|_| format!("`{name}` is not a language identifier"))?;
        let mut bundle = FluentBundle::new(vec![id]);
        // No Unicode isolation marks around arguments: the output is plain text.
        bundle.set_use_isolating(false);
        bundle
            .add_resource(resource)
            .map_err(|errors| format!("locales/{name}.ftl: {errors:?}"))?;
        Ok(Messages {
            lang: name,
            bundle,
            missing: RefCell::new(Vec::new()),
        })
    }

    /// Whether the file has a message (for optional ones: party names, events).
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Messages asked for that the file lacks, or that failed to format.
    pub fn missing(&self) -> Vec<String> {
        self.missing.borrow().clone()
    }

    /// A message with arguments.
    pub fn get(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.format(id, None, args)
            .unwrap_or_else(|| self.lack(id.to_string()))
    }

    /// An attribute of a message, if the file gives it.
    pub fn attribute(&self, id: &str, attribute: &str, args: &[(&str, Arg)]) -> Option<String> {
        self.format(id, Some(attribute), args)
    }

    /// A message without arguments.
    pub fn word(&self, id: &str) -> String {
        self.get(id, &[])
    }

    /// The message for a vocabulary word: `PREFIX-WORD`.
    pub fn vocab(&self, prefix: &str, word: &str) -> String {
        self.word(&format!("{prefix}-{word}"))
    }

    fn lack(&self, id: String) -> String {
        let mut missing = self.missing.borrow_mut();
        if !missing.contains(&id) {
            missing.push(id.clone());
        }
        format!("[{id}]")
    }

    fn format(&self, id: &str, attribute: Option<&str>, args: &[(&str, Arg)]) -> Option<String> {
        let message = self.bundle.get_message(id)?;
        let pattern = match attribute {
            None => message.value()?,
            Some(name) => message.get_attribute(name)?.value(),
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(*text)),
                Arg::Number(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        let text = self
            .bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned();
        if !errors.is_empty() {
            self.lack(format!("{id}: {errors:?}"));
        }
        Some(text)
    }

    /// Items joined as prose: `A`, `A and B`, `A, B and C` (`list-and` or `list-or`).
    pub fn list(&self, items: &[String], conjunction: &str) -> String {
        match items {
            [] => String::new(),
            [one] => one.clone(),
            [init @ .., last] => {
                let separator = self.word("list-separator");
                self.get(
                    conjunction,
                    &[
                        ("init", (&init.join(&separator)).into()),
                        ("last", last.into()),
                    ],
                )
            }
        }
    }

    pub fn and(&self, items: &[String]) -> String {
        self.list(items, "list-and")
    }

    pub fn or(&self, items: &[String]) -> String {
        self.list(items, "list-or")
    }

    /// Text from the treaty file, in this language's quotation marks.
    pub fn quote(&self, text: &str) -> String {
        self.get("quote", &[("text", text.into())])
    }

    /// `4 April 1949`.
    pub fn date(&self, date: Date) -> String {
        let month = self.word(&format!("month-{}", date.month));
        self.get(
            "date",
            &[
                ("day", u64::from(date.day).into()),
                ("month", (&month).into()),
                ("year", (&date.year.to_string()).into()),
            ],
        )
    }

    /// `24 hours`, `1 year`.
    pub fn period(&self, period: Period) -> String {
        let unit = match period.unit {
            Unit::Hours => "hours",
            Unit::Days => "days",
            Unit::Weeks => "weeks",
            Unit::Months => "months",
            Unit::Years => "years",
        };
        self.get(
            &format!("period-{unit}"),
            &[("n", u64::from(period.value).into())],
        )
    }

    /// A whole number with this language's grouping: `40,000` or `40 000`.
    pub fn number(&self, value: u64) -> String {
        let separator = self.word("thousands-separator");
        let digits = value.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push_str(&separator);
            }
            out.push(c);
        }
        out
    }
}

/// The id of the optional message naming a party in a language: `name-` and the
/// full name in lower case, every run of other characters a `-`
/// (`Russian Federation` -> `name-russian-federation`).
pub fn name_id(name: &str) -> String {
    let mut id = String::from("name-");
    let mut dash = false;
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            if dash && !id.ends_with('-') {
                id.push('-');
            }
            dash = false;
            id.push(c.to_ascii_lowercase());
        } else {
            dash = true;
        }
    }
    id
}

/// The first letter in upper case (a sentence that starts with a name's article).
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_ids_are_fluent_identifiers() {
        assert_eq!(name_id("Russian Federation"), "name-russian-federation");
        assert_eq!(name_id("Republic of Türkiye"), "name-republic-of-t-rkiye");
        assert_eq!(name_id("  Co-operation  "), "name-co-operation");
    }

    #[test]
    fn an_unknown_language_lists_the_known_ones() {
        let error = Messages::new("xx").err().unwrap();
        assert!(error.contains("en") && error.contains("fr"), "{error}");
    }

    #[test]
    fn a_missing_message_is_recorded_not_fatal() {
        let messages = Messages::new("en").unwrap();
        assert_eq!(messages.word("no-such-message"), "[no-such-message]");
        assert_eq!(messages.missing(), vec!["no-such-message".to_string()]);
    }
}
