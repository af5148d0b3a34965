//! Evidence in one spreadsheet cell: an item per line, `source | location | paraphrase`. The
//! source is a source's id or title (a new source is made for a name the map does not have);
//! location and paraphrase may be left out. Inside a field `\|`, `\n` and `\\` stand for a bar,
//! a line break and a backslash, so any text survives an export and an import.

use crate::model::Evidence;

fn escape(field: &str, out: &mut String) {
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
}

/// The cell detmap writes for a list of evidence (the source by its id).
pub fn evidence_cell(evidence: &[Evidence]) -> String {
    let mut out = String::new();
    for (n, e) in evidence.iter().enumerate() {
        if n > 0 {
            out.push('\n');
        }
        escape(e.source.as_str(), &mut out);
        if !e.location.is_empty() || !e.paraphrase.is_empty() {
            out.push_str(" | ");
            escape(&e.location, &mut out);
        }
        if !e.paraphrase.is_empty() {
            out.push_str(" | ");
            escape(&e.paraphrase, &mut out);
        }
    }
    out
}

/// One item of an evidence cell: (source, location, paraphrase), each trimmed.
pub type EvidenceItem = (String, String, String);

/// Reads an evidence cell. Empty lines are skipped; an item whose source is empty is an error,
/// named by its line in the cell.
pub fn parse_evidence_cell(cell: &str) -> Result<Vec<EvidenceItem>, String> {
    let mut items = Vec::new();
    for (n, line) in cell.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut fields: Vec<String> = vec![String::new()];
        let mut chars = line.chars();
        while let Some(c) = chars.next() {
            if c == '|' && fields.len() < 3 {
                fields.push(String::new());
                continue;
            }
            let field = fields.last_mut().expect("never empty");
            match c {
                '\\' => match chars.next() {
                    Some('n') => field.push('\n'),
                    Some('r') => field.push('\r'),
                    Some(other) => field.push(other),
                    None => field.push('\\'),
                },
                c => field.push(c),
            }
        }
        let mut fields = fields.into_iter().map(|f| f.trim().to_owned());
        let source = fields.next().unwrap_or_default();
        if source.is_empty() {
            return Err(crate::tr!("import-evidence-no-source", line = (n + 1).to_string()));
        }
        items.push((
            source,
            fields.next().unwrap_or_default(),
            fields.next().unwrap_or_default(),
        ));
    }
    Ok(items)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn evidence_survives_a_cell() {
        let evidence = vec![
            Evidence {
                source: "biicl".into(),
                location: "§3 | p. 4".into(),
                paraphrase: "two\nlines \\ and a bar |".into(),
            },
            Evidence {
                source: "src2".into(),
                location: String::new(),
                paraphrase: String::new(),
            },
            Evidence {
                source: "src3".into(),
                location: String::new(),
                paraphrase: "only a paraphrase".into(),
            },
        ];
        let cell = evidence_cell(&evidence);
        let back = parse_evidence_cell(&cell).unwrap();
        let expected: Vec<EvidenceItem> = evidence
            .iter()
            .map(|e| (e.source.to_string(), e.location.clone(), e.paraphrase.clone()))
            .collect();
        assert_eq!(back, expected);
    }

    #[test]
    fn typed_evidence_reads_plainly() {
        assert_eq!(
            parse_evidence_cell("Interview 3 | p. 4\n\nBIICL report").unwrap(),
            vec![
                ("Interview 3".into(), "p. 4".into(), String::new()),
                ("BIICL report".into(), String::new(), String::new())
            ]
        );
        assert!(parse_evidence_cell(" | p. 4").is_err());
    }
}
