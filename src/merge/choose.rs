//! Resolving a merge conflict afterwards: the window's review list lets the user keep another
//! input's value instead of the first one's. A conflict's values are words (for the message and
//! the notes); to apply one, merge also keeps the item each value came from ([`Holder`], in the
//! merged map's terms: categories, tags and sources already renamed), and [`choose`] copies that
//! one field over. The line the merge wrote in the item's notes for the value now chosen is turned
//! into one for the value it replaces, so the notes keep recording what was not kept.

use super::{Conflict, fields};
use crate::model::{Determinant, Influence, Source, Stage};

/// The item a conflict's value came from.
#[derive(Debug, Clone, PartialEq)]
pub enum Holder {
    Stage(Stage),
    Determinant(Determinant),
    Influence(Influence),
    Source(Source),
}

impl Holder {
    /// The item's fields as words, as merge compared them.
    fn words(&self) -> Vec<(&'static str, String)> {
        match self {
            Holder::Stage(s) => fields::stage(s),
            Holder::Determinant(d) => fields::determinant(d),
            Holder::Influence(i) => fields::influence(i),
            Holder::Source(s) => vec![
                ("title", format!("\"{}\"", s.title)),
                ("citation", format!("\"{}\"", s.citation)),
            ],
        }
    }

    fn word(&self, field: &str) -> Option<String> {
        self.words().into_iter().find(|(f, _)| *f == field).map(|(_, w)| w)
    }

    /// The free text merge writes the values not kept into (a source has none).
    fn notes_field(&self) -> Option<&'static str> {
        match self {
            Holder::Stage(_) => Some("description"),
            Holder::Determinant(_) => Some("notes"),
            Holder::Influence(_) => Some("note"),
            Holder::Source(_) => None,
        }
    }

    fn notes_mut(&mut self) -> Option<&mut String> {
        match self {
            Holder::Stage(s) => Some(&mut s.description),
            Holder::Determinant(d) => Some(&mut d.notes),
            Holder::Influence(i) => Some(&mut i.note),
            Holder::Source(_) => None,
        }
    }

    fn notes(&self) -> &str {
        match self {
            Holder::Stage(s) => &s.description,
            Holder::Determinant(d) => &d.notes,
            Holder::Influence(i) => &i.note,
            Holder::Source(_) => "",
        }
    }

    /// Copies `field` from `from` (an item of the same kind); false when the kinds differ or the
    /// field is not one merge compares.
    fn copy_field(&mut self, from: &Holder, field: &str) -> bool {
        match (self, from) {
            (Holder::Stage(to), Holder::Stage(from)) => match field {
                "label" => to.label.clone_from(&from.label),
                "description" => to.description.clone_from(&from.description),
                _ => return false,
            },
            (Holder::Determinant(to), Holder::Determinant(from)) => match field {
                "label" => to.label.clone_from(&from.label),
                "categories" => to.categories.clone_from(&from.categories),
                "locus" => to.locus = from.locus,
                "directness" => to.directness = from.directness,
                "nature" => to.nature = from.nature,
                "effect" => to.effect = from.effect,
                "tags" => to.tags.clone_from(&from.tags),
                "notes" => to.notes.clone_from(&from.notes),
                _ => return false,
            },
            (Holder::Influence(to), Holder::Influence(from)) => match field {
                "sign" => to.sign = from.sign,
                "strength" => to.strength = from.strength,
                "confidence" => to.confidence = from.confidence,
                "note" => to.note.clone_from(&from.note),
                _ => return false,
            },
            (Holder::Source(to), Holder::Source(from)) => match field {
                "title" => to.title.clone_from(&from.title),
                "citation" => to.citation.clone_from(&from.citation),
                _ => return false,
            },
            _ => return false,
        }
        true
    }
}

/// The line merge writes in an item's notes for a value it did not keep.
pub(super) fn note_line(files: &[String], field: &str, value: &str) -> String {
    format!("[{}] {field}: {value}", files.join(", "))
}

/// Which of the conflict's values `item` (the item as the map has it now) holds: the value with the
/// same words; for the notes field itself, the value its text begins with (merge added the lines
/// after it), the longest such. `None` when the item says something else (edited since).
pub fn current(conflict: &Conflict, holders: &[Holder], item: &Holder) -> Option<usize> {
    if item.notes_field() == Some(conflict.field) {
        let text = item.notes();
        return holders
            .iter()
            .enumerate()
            .filter(|(_, h)| {
                let own = h.notes();
                text == own
                    || text.strip_prefix(own).is_some_and(|rest| {
                        let rest = if own.is_empty() {
                            rest
                        } else {
                            rest.strip_prefix("\n\n").unwrap_or("\u{0}")
                        };
                        rest.starts_with('[')
                    })
            })
            .max_by_key(|(_, h)| h.notes().len())
            .map(|(k, _)| k);
    }
    let now = item.word(conflict.field)?;
    conflict.values.iter().position(|(v, _)| *v == now)
}

/// `item` with the conflict's value `k` kept instead of the one it holds now, or `None` when it
/// holds `k` already (or `k` is no value of the conflict). The notes' line for `k` becomes a line
/// for the value it replaces.
pub fn choose(conflict: &Conflict, holders: &[Holder], item: &Holder, k: usize) -> Option<Holder> {
    let chosen = holders.get(k)?;
    let now = current(conflict, holders, item);
    if now == Some(k) {
        return None;
    }
    let mut out = item.clone();
    if out.notes_field() == Some(conflict.field) {
        // The text is the value held, then merge's lines: the value is swapped, the lines kept.
        let text = item.notes();
        let rest = match now {
            Some(n) => {
                let own = holders[n].notes();
                let rest = &text[own.len()..];
                rest.strip_prefix("\n\n").unwrap_or(rest)
            }
            None => "",
        };
        let mut new = chosen.notes().to_owned();
        if !rest.is_empty() {
            if !new.is_empty() {
                new.push_str("\n\n");
            }
            new.push_str(rest);
        }
        *out.notes_mut()? = new;
    } else if !out.copy_field(chosen, conflict.field) {
        return None;
    }
    if let (Some(n), Some(notes)) = (now, out.notes_mut()) {
        let (old_value, old_files) = &conflict.values[n];
        let (new_value, new_files) = &conflict.values[k];
        let was = note_line(new_files, conflict.field, new_value);
        if let Some(at) = notes.find(&was) {
            notes.replace_range(at..at + was.len(), &note_line(old_files, conflict.field, old_value));
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::super::{Input, merge};
    use super::*;
    use crate::model::{Category, Colour, Map, Nature, Position};

    fn map(nature: Nature, notes: &str) -> Map {
        let mut d = Determinant::uncoded("d1", "Regional dialogues", vec!["Policy".into()], Position::default());
        d.nature = Some(nature);
        d.notes = notes.into();
        Map {
            title: "m".into(),
            categories: vec![Category {
                name: "Policy".into(),
                colour: Colour([0, 0, 0]),
            }],
            determinants: vec![d],
            ..Map::default()
        }
    }

    fn two(a: Map, b: Map) -> super::super::Merged {
        merge(&[
            Input {
                name: "a.ron".into(),
                map: a,
            },
            Input {
                name: "b.ron".into(),
                map: b,
            },
        ])
        .unwrap()
    }

    #[test]
    fn choosing_the_other_value_sets_the_field_and_swaps_the_note_line() {
        let merged = two(map(Nature::Structural, "kept"), map(Nature::PressurePoint, "kept"));
        assert_eq!(merged.conflicts.len(), 1);
        let (c, holders) = (&merged.conflicts[0], &merged.holders[0]);
        assert_eq!(holders.len(), 2);
        let item = Holder::Determinant(merged.map.determinants[0].clone());
        assert_eq!(current(c, holders, &item), Some(0));
        let Some(Holder::Determinant(d)) = choose(c, holders, &item, 1) else {
            panic!()
        };
        assert_eq!(d.nature, Some(Nature::PressurePoint));
        assert_eq!(d.notes, "kept\n\n[a.ron] nature: structural");
        let back = Holder::Determinant(d);
        assert_eq!(current(c, holders, &back), Some(1));
        assert_eq!(choose(c, holders, &back, 1), None, "already held");
        let Some(Holder::Determinant(again)) = choose(c, holders, &back, 0) else {
            panic!()
        };
        assert_eq!(
            again, merged.map.determinants[0],
            "choosing back restores the merge's item"
        );
    }

    #[test]
    fn choosing_other_notes_keeps_the_lines_for_the_other_fields() {
        let merged = two(map(Nature::Structural, "ours"), map(Nature::PressurePoint, "theirs"));
        assert_eq!(merged.conflicts.len(), 2);
        let k = merged.conflicts.iter().position(|c| c.field == "notes").unwrap();
        let item = Holder::Determinant(merged.map.determinants[0].clone());
        let (c, holders) = (&merged.conflicts[k], &merged.holders[k]);
        assert_eq!(current(c, holders, &item), Some(0));
        let Some(Holder::Determinant(d)) = choose(c, holders, &item, 1) else {
            panic!()
        };
        assert_eq!(
            d.notes,
            "theirs\n\n[b.ron] nature: pressure_point\n[a.ron] notes: \"ours\""
        );
        assert_eq!(d.nature, Some(Nature::Structural), "only the notes were chosen");
        assert_eq!(current(c, holders, &Holder::Determinant(d)), Some(1));
    }
}
