//! The one translation layer: every sentence a person reads is a Project Fluent message, looked up
//! by id in the current language (`assets/i18n/<code>.ftl`, embedded in the binary), with English
//! behind every other language. Fluent's plural rules ("1 stage", "2 stages"; "1 etapa", "2
//! etapas") live in the message files, so translators fix them without reading Rust.
//!
//! Machine formats (the map file's keywords, CSV headings, JSON keys) are not translated.
//!
//! The language is process-wide (one window, one command line): [`set_language`] changes it at
//! once, and the next frame draws in it. [`tr!`](crate::tr) formats a message:
//! `tr!("status-saved-to", file = p.display().to_string())`.

mod language;

pub use language::Language;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use std::collections::BTreeSet;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Every language's messages, English first (the fallback).
pub struct Catalog {
    bundles: Vec<(Language, FluentBundle<FluentResource>)>,
}

impl Catalog {
    /// The messages shipped with the application.
    pub fn shipped() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            let sources: Vec<(Language, &str)> = Language::ALL.iter().map(|&l| (l, l.source())).collect();
            // The shipped files are checked by the tests; a broken one is a broken build.
            Catalog::from_sources(&sources).expect("the shipped message files parse")
        })
    }

    /// A catalog from Fluent sources, one per language; English must be among them.
    pub fn from_sources(sources: &[(Language, &str)]) -> Result<Catalog, String> {
        let mut bundles = Vec::new();
        for &(language, source) in sources {
            let resource = FluentResource::try_new(source.to_owned())
                .map_err(|(_, errors)| format!("{}.ftl: {errors:?}", language.code()))?;
            let mut bundle = FluentBundle::new_concurrent(vec![language.identifier()]);
            // No invisible direction marks around values: these texts are left-to-right and go
            // to labels, files and terminals.
            bundle.set_use_isolating(false);
            bundle
                .add_resource(resource)
                .map_err(|errors| format!("{}.ftl: {errors:?}", language.code()))?;
            bundles.push((language, bundle));
        }
        bundles.sort_by_key(|(l, _)| *l != Language::English);
        if bundles.first().map(|(l, _)| *l) != Some(Language::English) {
            return Err("the English messages are missing".into());
        }
        Ok(Catalog { bundles })
    }

    /// Message `id` in `language` with `args`; in English where `language` lacks it. A message
    /// missing in English too is a programming error (the tests look for every id the code uses)
    /// and shows as its id rather than as nothing.
    pub fn format(&self, language: Language, id: &str, args: Option<&FluentArgs>) -> String {
        let wanted = self.bundles.iter().find(|(l, _)| *l == language);
        let english = &self.bundles[0];
        for (_, bundle) in wanted.into_iter().chain(std::iter::once(english)) {
            if let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) {
                let mut errors = Vec::new();
                let text = bundle.format_pattern(pattern, args, &mut errors);
                if errors.is_empty() || !text.is_empty() {
                    return text.into_owned();
                }
            }
        }
        id.to_owned()
    }

    /// The ids of the messages `language` has.
    pub fn ids(&self, language: Language) -> BTreeSet<String> {
        self.resource_entries(language).into_iter().map(|(id, _)| id).collect()
    }

    /// The variables each message of `language` takes, by id.
    pub fn variables(&self, language: Language) -> Vec<(String, BTreeSet<String>)> {
        self.resource_entries(language)
    }

    fn resource_entries(&self, language: Language) -> Vec<(String, BTreeSet<String>)> {
        let source = self.bundles.iter().find(|(l, _)| *l == language).map(|(l, _)| *l);
        let Some(language) = source else { return Vec::new() };
        let Ok(resource) = FluentResource::try_new(language.source().to_owned()) else {
            return Vec::new();
        };
        resource
            .entries()
            .filter_map(|entry| match entry {
                fluent_syntax::ast::Entry::Message(m) => {
                    let mut vars = BTreeSet::new();
                    if let Some(value) = &m.value {
                        variables_of(value, &mut vars);
                    }
                    Some((m.id.name.to_owned(), vars))
                }
                _ => None,
            })
            .collect()
    }
}

fn variables_of(pattern: &fluent_syntax::ast::Pattern<&str>, vars: &mut BTreeSet<String>) {
    use fluent_syntax::ast::{Expression, PatternElement};
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            match expression {
                Expression::Inline(inline) => inline_variables(inline, vars),
                Expression::Select { selector, variants } => {
                    inline_variables(selector, vars);
                    for v in variants {
                        variables_of(&v.value, vars);
                    }
                }
            }
        }
    }
}

fn inline_variables(e: &fluent_syntax::ast::InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    use fluent_syntax::ast::{Expression, InlineExpression};
    match e {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_owned());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_variables(a, vars);
            }
            for a in &arguments.named {
                inline_variables(&a.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => match expression.as_ref() {
            Expression::Inline(inline) => inline_variables(inline, vars),
            Expression::Select { selector, variants } => {
                inline_variables(selector, vars);
                for v in variants {
                    variables_of(&v.value, vars);
                }
            }
        },
        _ => {}
    }
}

/// The language messages are shown in now (index into [`Language::ALL`]).
static CURRENT: AtomicUsize = AtomicUsize::new(0);

pub fn set_language(language: Language) {
    let index = Language::ALL.iter().position(|&l| l == language).unwrap_or(0);
    CURRENT.store(index, Ordering::Relaxed);
}

pub fn language() -> Language {
    Language::ALL[CURRENT.load(Ordering::Relaxed).min(Language::ALL.len() - 1)]
}

/// Message `id` in the current language.
pub fn tr(id: &str) -> String {
    Catalog::shipped().format(language(), id, None)
}

/// Message `id` in the current language, with named values.
pub fn tr_args(id: &str, args: &[(&str, Arg)]) -> String {
    Catalog::shipped().format(language(), id, Some(&fluent_args(args)))
}

fn fluent_args<'a>(args: &'a [(&'a str, Arg)]) -> FluentArgs<'a> {
    let mut fluent = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(t) => fluent.set(*name, FluentValue::from(t.as_str())),
            Arg::Number(n) => fluent.set(*name, FluentValue::from(*n)),
        }
    }
    fluent
}

/// `1234567` grouped as the current language writes it: "1,234,567" in English, "1.234.567" in
/// Spanish.
pub fn thousands(n: usize) -> String {
    group_digits(n, &tr("number-thousands-separator"))
}

/// `n`'s digits in groups of three, `separator` between them.
pub fn group_digits(n: usize, separator: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(separator);
        }
        out.push(c);
    }
    out
}

/// A message not yet put into words: its id and values, formatted when it is shown, so text kept
/// for a while (what an undo step did, an export's menu label) reads in the language of the
/// moment it is read, not of the moment it was made.
#[derive(Debug, Clone, PartialEq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message { id, args: Vec::new() }
    }

    /// The message with one more named value.
    pub fn with(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    /// In the current language.
    pub fn text(&self) -> String {
        self.text_in(language())
    }

    /// In `language` (tests use this: the current language is the whole process's).
    pub fn text_in(&self, language: Language) -> String {
        Catalog::shipped().format(language, self.id, Some(&fluent_args(&self.args)))
    }
}

/// A value for a message: text, or a number (which selects the plural form).
#[derive(Debug, Clone, PartialEq)]
pub enum Arg {
    Text(String),
    Number(f64),
}

macro_rules! arg_from_number {
    ($($t:ty),*) => {$(
        impl From<$t> for Arg {
            fn from(n: $t) -> Self {
                Arg::Number(n as f64)
            }
        }
    )*};
}
arg_from_number!(usize, u32, u64, i8, i32, i64, f32, f64);

impl From<String> for Arg {
    fn from(t: String) -> Self {
        Arg::Text(t)
    }
}

impl From<&str> for Arg {
    fn from(t: &str) -> Self {
        Arg::Text(t.to_owned())
    }
}

impl From<&String> for Arg {
    fn from(t: &String) -> Self {
        Arg::Text(t.clone())
    }
}

/// A message in the current language: `tr!("id")`, or `tr!("id", name = value, …)` where each
/// value is text or a number.
#[macro_export]
macro_rules! tr {
    ($id:literal) => {
        $crate::i18n::tr($id)
    };
    ($id:literal, $($name:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::tr_args($id, &[$((stringify!($name), $crate::i18n::Arg::from($value))),+])
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message exists in every language, with the same variables: a translator who drops
    /// one, or a developer who adds a message in one file only, fails here.
    #[test]
    fn every_message_is_in_every_language_with_the_same_variables() {
        let catalog = Catalog::shipped();
        let english = catalog.variables(Language::English);
        assert!(english.len() > 50, "{} English messages", english.len());
        for &language in &Language::ALL[1..] {
            let other: std::collections::BTreeMap<String, BTreeSet<String>> =
                catalog.variables(language).into_iter().collect();
            let english_ids: BTreeSet<&String> = english.iter().map(|(id, _)| id).collect();
            let missing: Vec<&&String> = english_ids.iter().filter(|id| !other.contains_key(**id)).collect();
            assert!(missing.is_empty(), "{}.ftl lacks {missing:?}", language.code());
            let extra: Vec<&String> = other.keys().filter(|id| !english_ids.contains(id)).collect();
            assert!(
                extra.is_empty(),
                "{}.ftl has messages English lacks: {extra:?}",
                language.code()
            );
            for (id, vars) in &english {
                assert_eq!(&other[id], vars, "{}.ftl: {id} takes other variables", language.code());
            }
        }
    }

    /// A message one language lacks is shown in English: never empty, never its id.
    #[test]
    fn a_missing_message_falls_back_to_english() {
        let catalog = Catalog::from_sources(&[
            (
                Language::English,
                "hello = Hello\nstages = { $count ->\n    [one] one stage\n   *[other] { $count } stages\n}\n",
            ),
            (Language::Spanish, "hello = Hola\n"),
        ])
        .unwrap();
        assert_eq!(catalog.format(Language::Spanish, "hello", None), "Hola");
        let mut args = FluentArgs::new();
        args.set("count", 3);
        assert_eq!(catalog.format(Language::Spanish, "stages", Some(&args)), "3 stages");
        args.set("count", 1);
        assert_eq!(catalog.format(Language::English, "stages", Some(&args)), "one stage");
    }

    /// The plurals of both languages come from Fluent's rules.
    #[test]
    fn counts_read_right_in_both_languages() {
        let catalog = Catalog::shipped();
        let count = |language, n: usize| {
            let mut args = FluentArgs::new();
            args.set("count", n);
            catalog.format(language, "count-stages", Some(&args))
        };
        assert_eq!(count(Language::English, 1), "1 stage");
        assert_eq!(count(Language::English, 7), "7 stages");
        assert_eq!(count(Language::Spanish, 1), "1 etapa");
        assert_eq!(count(Language::Spanish, 7), "7 etapas");
    }

    /// Every id the code asks for (`tr!("…")` anywhere under src/) exists in English, so no
    /// message ever shows as its id.
    #[test]
    fn every_message_the_code_uses_exists() {
        let english = Catalog::shipped().ids(Language::English);
        let mut missing = Vec::new();
        let mut stack = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs") {
                    let text = std::fs::read_to_string(&path).unwrap();
                    // `tr!("id"` or, as rustfmt breaks a long call, `tr!(` then the id on the next
                    // line; also a message kept for later, `Message::new("id"`, and edit.rs's
                    // shorthands for it, `m("id"` and `counted("id"`.
                    for call in ["tr!(", "Message::new(", "m(", "counted("] {
                        for (at, _) in text.match_indices(call) {
                            // The call itself, not `include_str!(` or a comment's example.
                            let before = text[..at].chars().next_back();
                            let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1);
                            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '"')
                                || text[line_start..at].trim_start().starts_with("//")
                            {
                                continue;
                            }
                            let Some(rest) = text[at + call.len()..].trim_start().strip_prefix('"') else {
                                continue;
                            };
                            let id = &rest[..rest.find('"').unwrap_or(0)];
                            let looks_like_id =
                                id.contains('-') && id.chars().all(|c| c.is_ascii_lowercase() || c == '-');
                            if looks_like_id && !english.contains(id) {
                                missing.push(format!("{}: {id}", path.display()));
                            }
                        }
                    }
                }
            }
        }
        assert!(
            missing.is_empty(),
            "messages the code uses but en.ftl lacks: {missing:#?}"
        );
    }
}
