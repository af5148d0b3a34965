//! Which column means what: headings are matched without case, spacing, `_` or `-`, in any order.
//! A heading that means nothing to detmap is kept: its values go to the notes as `heading: value`.

use super::Located;
use super::table::{Table, column_letters};

/// What a column of an elements sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ElementCol {
    Label,
    Id,
    Type,
    Categories,
    /// Description, Note or Notes: a stage's description, a determinant's notes.
    Description,
    Tags,
    Locus,
    Directness,
    Nature,
    Effect,
    X,
    Y,
    Evidence,
}

/// What a column of a connections sheet holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionCol {
    From,
    To,
    /// detmap's influences CSV writes the labels beside the ids.
    FromLabel,
    ToLabel,
    Id,
    Sign,
    Strength,
    Confidence,
    Note,
    Evidence,
}

/// A heading as it is compared: lower case, `_` and `-` as spaces, one space between words.
pub fn heading_key(heading: &str) -> String {
    heading
        .replace(['_', '-'], " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn element_col(key: &str) -> Option<ElementCol> {
    use ElementCol::*;
    Some(match key {
        "label" | "name" => Label,
        "id" => Id,
        "type" | "kind" | "element type" => Type,
        "category" | "categories" => Categories,
        "description" | "note" | "notes" => Description,
        "tags" | "tag" => Tags,
        "locus" => Locus,
        "directness" => Directness,
        "nature" => Nature,
        "effect" => Effect,
        "x" => X,
        "y" => Y,
        "evidence" => Evidence,
        _ => return None,
    })
}

fn connection_col(key: &str) -> Option<ConnectionCol> {
    use ConnectionCol::*;
    Some(match key {
        "from" | "source" => From,
        "to" | "target" => To,
        "from label" => FromLabel,
        "to label" => ToLabel,
        "id" => Id,
        "type" | "sign" | "polarity" | "effect" | "connection type" => Sign,
        "strength" | "weight" => Strength,
        "confidence" => Confidence,
        "note" | "notes" | "description" => Note,
        "evidence" => Evidence,
        _ => return None,
    })
}

/// The columns of one sheet: for each heading (in `Table::headers` order) its meaning, or `None`
/// for a heading kept in the notes.
pub struct Columns<C> {
    pub roles: Vec<Option<C>>,
}

impl<C: Copy + PartialEq> Columns<C> {
    /// The index (into a row's cells) of the column with this meaning.
    pub fn find(&self, role: C) -> Option<usize> {
        self.roles.iter().position(|r| *r == Some(role))
    }
    /// Every column with this meaning (Description and Notes may both be there).
    pub fn all(&self, role: C) -> impl Iterator<Item = usize> + '_ {
        self.roles
            .iter()
            .enumerate()
            .filter(move |(_, r)| **r == Some(role))
            .map(|(i, _)| i)
    }
}

/// Whether a sheet's headings look like a connections sheet (From and To).
pub fn looks_like_connections(table: &Table) -> bool {
    let keys: Vec<_> = table
        .headers
        .iter()
        .map(|(_, h)| connection_col(&heading_key(h)))
        .collect();
    keys.contains(&Some(ConnectionCol::From)) && keys.contains(&Some(ConnectionCol::To))
}

/// Whether a sheet's headings look like an elements sheet (Label).
pub fn looks_like_elements(table: &Table) -> bool {
    table
        .headers
        .iter()
        .any(|(_, h)| element_col(&heading_key(h)) == Some(ElementCol::Label))
}

fn classify<C: Copy + PartialEq>(
    table: &Table,
    meaning: fn(&str) -> Option<C>,
    repeatable: &[C],
    problems: &mut Vec<Located>,
    notices: &mut Vec<Located>,
) -> Columns<C> {
    let mut roles: Vec<Option<C>> = Vec::with_capacity(table.headers.len());
    let mut unknown = Vec::new();
    for (col, heading) in &table.headers {
        let role = meaning(&heading_key(heading));
        if let Some(r) = role
            && !repeatable.contains(&r)
            && let Some(first) = roles.iter().position(|x| *x == Some(r))
        {
            let mut p = table.at(table.header_row, Some(*col));
            p.message = crate::tr!(
                "import-columns-same",
                heading = heading.to_string(),
                other = table.headers[first].1.to_string(),
                column = column_letters(table.headers[first].0)
            );
            problems.push(p);
        }
        if role.is_none() {
            unknown.push(format!("{} ({})", heading, column_letters(*col)));
        }
        roles.push(role);
    }
    if !unknown.is_empty() {
        let mut n = table.whole();
        n.message = crate::tr!("import-columns-unknown", columns = unknown.join(", "));
        notices.push(n);
    }
    Columns { roles }
}

pub fn element_columns(table: &Table, problems: &mut Vec<Located>, notices: &mut Vec<Located>) -> Columns<ElementCol> {
    let columns = classify(table, element_col, &[ElementCol::Description], problems, notices);
    if columns.find(ElementCol::Label).is_none() {
        let mut p = table.at(table.header_row, None);
        p.message = crate::tr!("import-no-label-column");
        problems.push(p);
    }
    columns
}

pub fn connection_columns(
    table: &Table,
    problems: &mut Vec<Located>,
    notices: &mut Vec<Located>,
) -> Columns<ConnectionCol> {
    let columns = classify(table, connection_col, &[ConnectionCol::Note], problems, notices);
    for (role, name) in [(ConnectionCol::From, "From"), (ConnectionCol::To, "To")] {
        if columns.find(role).is_none() {
            let mut p = table.at(table.header_row, None);
            p.message = crate::tr!("import-no-from-to-column", column = name);
            problems.push(p);
        }
    }
    columns
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_match_without_case_or_separators() {
        assert_eq!(heading_key(" From_Label "), "from label");
        assert_eq!(
            connection_col(&heading_key("Connection Type")),
            Some(ConnectionCol::Sign)
        );
        assert_eq!(element_col(&heading_key("NOTES")), Some(ElementCol::Description));
        assert_eq!(element_col(&heading_key("Style")), None);
    }
}
