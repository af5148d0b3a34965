//! `detmap --help` in the language of the environment. clap's derive gives the structure (the
//! commands, flags, value names and the order they are listed in); each about and help text is
//! the message `cli-help-…` named after its place (`cli-help-export-arg-min-confidence`), and
//! each described value of a flag `cli-value-…`. The English messages are the doc comments' text,
//! so the English help reads as clap made it (a test compares every one).
//!
//! clap's own words stay English in every language where it offers no way to change them: "Possible
//! values:", "[default: …]", the value names (`<FILE>`, `[OPTIONS]`) and its error messages. In
//! another language the headings ("Usage:", "Commands:", "Arguments:", "Options:") are its own.

use super::Cli;
use clap::builder::{EnumValueParser, PossibleValue, TypedValueParser};
use clap::{Arg, Command, CommandFactory, ValueEnum};
use detmap::i18n::{self, Language};
use detmap::tr;
use std::ffi::OsStr;

/// The command line's definition with its texts in the current language.
pub fn command() -> Command {
    let mut cmd = in_words(Cli::command(), "cli-help");
    // clap adds `--help`, `--version` and the `help` command when it builds; built now, their
    // texts can be given too.
    cmd.build();
    built_in_words(cmd)
}

/// The message id of a command's about, or of one of its arguments' help.
fn about_id(path: &str) -> String {
    format!("{path}-about")
}

fn arg_id(path: &str, arg: &Arg) -> String {
    format!("{path}-arg-{}", arg.get_id().as_str().replace('_', "-"))
}

/// Every text the derive gave (and only those: an argument without help stays without), as its
/// message. `mut_args` and `mut_subcommands` keep the order clap lists them in.
fn in_words(mut cmd: Command, path: &str) -> Command {
    if cmd.get_about().is_some() {
        cmd = cmd.about(i18n::tr(&about_id(path)));
    }
    cmd = cmd.mut_args(|arg| {
        if arg.get_help().is_some() {
            let id = arg_id(path, &arg);
            arg.help(i18n::tr(&id))
        } else {
            arg
        }
    });
    let path = path.to_owned();
    cmd.mut_subcommands(move |sub| {
        let sub_path = format!("{path}-{}", sub.get_name());
        in_words(sub, &sub_path)
    })
}

/// clap's own `--help`, `--version` and `help` command; and, in a language other than English,
/// the headings of the help page.
fn built_in_words(mut cmd: Command) -> Command {
    cmd = cmd.mut_args(|arg| match arg.get_id().as_str() {
        "help" if arg.get_long_help().is_some() => arg
            .help(tr!("cli-help-flag-short"))
            .long_help(tr!("cli-help-flag-long")),
        "help" => arg.help(tr!("cli-help-flag")),
        "version" => arg.help(tr!("cli-version-flag")),
        _ => arg,
    });
    if i18n::language() != Language::English {
        // English keeps clap's headings (and their styles) exactly.
        let usage = cmd.get_styles().get_usage();
        let heading = format!("{usage}{}{usage:#}", tr!("cli-heading-usage"));
        // clap keeps headings as `&'static str`: one each per command, once per run.
        let [commands, arguments, options] = ["cli-heading-commands", "cli-heading-arguments", "cli-heading-options"]
            .map(|id| &*Box::leak(i18n::tr(id).into_boxed_str()));
        cmd = cmd
            .help_template(format!(
                "{{before-help}}{{about-with-newline}}\n{heading} {{usage}}\n\n{{all-args}}{{after-help}}"
            ))
            .subcommand_help_heading(commands)
            .mut_args(|arg| {
                let heading = if arg.is_positional() { arguments } else { options };
                arg.help_heading(heading)
            });
    }
    cmd.mut_subcommands(|sub| {
        if sub.get_name() == "help" {
            built_in_words(sub.about(tr!("cli-help-command")))
        } else {
            built_in_words(sub)
        }
    })
}

/// A flag's values (`--format text|csv|…`) parsed as clap's derive parses them, and described,
/// where the code describes them, by the messages `{id}-{value}` in the language of the moment
/// the help is written.
#[derive(Clone)]
pub struct Values<E: ValueEnum + Clone + Send + Sync + 'static> {
    id: &'static str,
    inner: EnumValueParser<E>,
}

pub fn values<E: ValueEnum + Clone + Send + Sync + 'static>(id: &'static str) -> Values<E> {
    Values {
        id,
        inner: EnumValueParser::new(),
    }
}

impl<E: ValueEnum + Clone + Send + Sync + 'static> TypedValueParser for Values<E> {
    type Value = E;

    fn parse_ref(&self, cmd: &Command, arg: Option<&Arg>, value: &OsStr) -> Result<E, clap::Error> {
        self.inner.parse_ref(cmd, arg, value)
    }

    fn possible_values(&self) -> Option<Box<dyn Iterator<Item = PossibleValue> + '_>> {
        Some(Box::new(
            E::value_variants()
                .iter()
                .filter_map(E::to_possible_value)
                .map(move |value| {
                    if value.get_help().is_some() {
                        let id = format!("{}-{}", self.id, value.get_name());
                        value.help(i18n::tr(&id))
                    } else {
                        value
                    }
                }),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each text of the command line's help, with the message that stands for it.
    fn texts(cmd: &Command, path: &str, into: &mut Vec<(String, String)>) {
        if let Some(about) = cmd.get_about() {
            into.push((about_id(path), about.to_string()));
        }
        for arg in cmd.get_arguments() {
            if let Some(help) = arg.get_help() {
                into.push((arg_id(path, arg), help.to_string()));
            }
            if let Some(help) = arg.get_long_help() {
                into.push((arg_id(path, arg) + " (long)", help.to_string()));
            }
            for value in arg.get_possible_values() {
                if let Some(help) = value.get_help() {
                    into.push((
                        format!("{} = {}", arg_id(path, arg), value.get_name()),
                        help.to_string(),
                    ));
                }
            }
        }
        for sub in cmd.get_subcommands() {
            texts(sub, &format!("{path}-{}", sub.get_name()), into);
        }
    }

    /// The values' descriptions as the doc comments give them, with their messages.
    fn values_of<E: ValueEnum + Clone + Send + Sync + 'static>(id: &'static str, into: &mut Vec<(String, String)>) {
        for value in E::value_variants().iter().filter_map(E::to_possible_value) {
            if let Some(help) = value.get_help() {
                into.push((format!("{id}-{}", value.get_name()), help.to_string()));
            }
        }
    }

    /// The English messages say what the doc comments (and clap) say, so English `--help` is
    /// clap's; a new flag without its message fails here, listing the lines to add to en.ftl (and
    /// es.ftl).
    #[test]
    fn every_help_text_is_a_message_that_reads_in_english_as_the_code_says() {
        i18n::set_language(Language::English);
        let english = i18n::Catalog::shipped().ids(Language::English);
        let mut derived = Vec::new();
        texts(&Cli::command(), "cli-help", &mut derived);
        values_of::<super::super::Format>("cli-value-format", &mut derived);
        values_of::<super::super::DiffFormat>("cli-value-diff-format", &mut derived);
        values_of::<super::super::Shape>("cli-value-shape", &mut derived);
        values_of::<super::super::PaperSize>("cli-value-page", &mut derived);
        values_of::<super::super::PictureLayout>("cli-value-layout", &mut derived);
        let missing: Vec<String> = derived
            .iter()
            .filter(|(id, _)| !id.contains(' ') && !english.contains(id))
            .map(|(id, text)| format!("{id} = {text}"))
            .collect();
        assert!(missing.is_empty(), "en.ftl lacks:\n{}", missing.join("\n"));
        for (id, text) in derived.iter().filter(|(id, _)| !id.contains(' ')) {
            assert_eq!(&i18n::tr(id), text, "{id}");
        }

        // And clap's own, after it builds the command: the same texts either way.
        let mut built = Cli::command();
        built.build();
        let (mut theirs, mut ours) = (Vec::new(), Vec::new());
        texts(&built, "cli-help", &mut theirs);
        texts(&command(), "cli-help", &mut ours);
        assert_eq!(theirs, ours);
    }
}
