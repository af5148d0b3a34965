//! Which format version a text is in, read before the rest is parsed, so the loader can choose the
//! schema (and refuse a newer file for its version, not for the fields it added).

use super::ron_options;
use serde::Deserialize;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use std::cell::Cell;
use std::fmt;

/// The version, when it is the first field of the map, as in every file the app writes. Reads only
/// that far: a parse of the whole file just for its version would double the load time.
pub(super) fn of(text: &str) -> Option<u32> {
    let found = Cell::new(None);
    if let Ok(mut de) = ron::Deserializer::from_str_with_options(text, &ron_options()) {
        // The visitor stops the parse on purpose after the first field; the error that makes is expected.
        let _ = (&mut de).deserialize_struct("Map", &[], FirstField(&found));
    }
    found.get()
}

/// The version wherever it is in the map: `Some(None)` when the map has no `format_version`, `None`
/// when the text cannot be read as a map at all. Parses the whole text: only for files that failed.
pub(super) fn anywhere(text: &str) -> Option<Option<u32>> {
    #[derive(Deserialize)]
    struct VersionProbe {
        format_version: Option<u32>,
    }
    ron_options()
        .from_str::<VersionProbe>(text)
        .ok()
        .map(|probe| probe.format_version)
}

/// Records the value of the map's first field if that field is `format_version`, then stops.
struct FirstField<'a>(&'a Cell<Option<u32>>);

impl<'de> Visitor<'de> for FirstField<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a map")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        if map.next_key::<std::borrow::Cow<'de, str>>()?.as_deref() == Some("format_version") {
            self.0.set(Some(map.next_value::<u32>()?));
        }
        Err(de::Error::custom("only the version was wanted"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_read_from_the_first_field() {
        assert_eq!(of("(format_version: 1, title: \"x\")"), Some(1));
        assert_eq!(of("// comment\n(\n    format_version: 7,\n    broken"), Some(7));
        assert_eq!(
            of("(title: \"x\", format_version: 1)"),
            None,
            "not first: left to `anywhere`"
        );
        assert_eq!(of("junk"), None);
        assert_eq!(of(""), None);
    }

    #[test]
    fn anywhere_reads_the_version_in_any_place_or_says_it_is_missing() {
        assert_eq!(anywhere("(title: \"x\", format_version: 1)"), Some(Some(1)));
        assert_eq!(anywhere("(title: \"x\")"), Some(None));
        assert_eq!(anywhere("(title: "), None);
    }
}
