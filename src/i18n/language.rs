//! The languages the interface speaks, and how the system's language is read.

use unic_langid::LanguageIdentifier;

/// A language with a message file. To add one: a variant here, its `.ftl` file in assets/i18n
/// (a copy of en.ftl, translated), and its code and name below; the tests then check that it has
/// every message with the same variables.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub enum Language {
    English,
    Spanish,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::English, Language::Spanish];

    /// The BCP 47 code, also the message file's name.
    pub fn code(self) -> &'static str {
        match self {
            Language::English => "en",
            Language::Spanish => "es",
        }
    }

    /// The language's name in itself, as a language menu lists it.
    pub fn name(self) -> &'static str {
        match self {
            Language::English => "English",
            Language::Spanish => "Español",
        }
    }

    pub(super) fn source(self) -> &'static str {
        match self {
            Language::English => include_str!("../../assets/i18n/en.ftl"),
            Language::Spanish => include_str!("../../assets/i18n/es.ftl"),
        }
    }

    pub(super) fn identifier(self) -> LanguageIdentifier {
        self.code().parse().expect("the codes above are valid language tags")
    }

    /// The language of a locale name as systems write it (`es-CL`, `es_CL.UTF-8`, `en_US`, `C`),
    /// when there is a message file for it.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let primary = locale
            .split(['-', '_', '.', '@'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        Language::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The system's language for the window, English where it has none of ours.
    pub fn from_system() -> Language {
        sys_locale::get_locale()
            .and_then(|l| Language::from_locale(&l))
            .unwrap_or(Language::English)
    }

    /// The language for the command line, from the environment as POSIX orders it: LC_ALL, then
    /// LC_MESSAGES, then LANG; English where they name none of ours.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| var(name).filter(|v| !v.is_empty()))
            .next()
            .and_then(|v| Language::from_locale(&v))
            .unwrap_or(Language::English)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_as_systems_write_them() {
        assert_eq!(Language::from_locale("es-CL"), Some(Language::Spanish));
        assert_eq!(Language::from_locale("es_PE.UTF-8"), Some(Language::Spanish));
        assert_eq!(Language::from_locale("en_GB"), Some(Language::English));
        assert_eq!(Language::from_locale("C"), None);
        assert_eq!(Language::from_locale("fr_FR"), None);
    }

    #[test]
    fn the_command_line_reads_lc_all_then_lc_messages_then_lang() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| pairs.iter().find(|(n, _)| *n == name).map(|(_, v)| v.to_string())
        };
        assert_eq!(Language::from_env(env(&[("LANG", "es_CL.UTF-8")])), Language::Spanish);
        assert_eq!(
            Language::from_env(env(&[("LANG", "es_CL.UTF-8"), ("LC_MESSAGES", "en_US")])),
            Language::English
        );
        assert_eq!(
            Language::from_env(env(&[("LC_ALL", "es_ES"), ("LC_MESSAGES", "en_US")])),
            Language::Spanish
        );
        assert_eq!(Language::from_env(env(&[])), Language::English);
    }
}
