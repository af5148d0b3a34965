//! The fields of an item as words, for comparing two versions of it and for saying what differs
//! (`nature: structural`). Two values are equal exactly when their words are.

use crate::model::{Determinant, Evidence, Influence, Position, Stage};

fn quoted(text: &str) -> String {
    format!("\"{text}\"")
}

fn coded(value: Option<impl std::fmt::Display>) -> String {
    value.map_or_else(|| "unknown".to_owned(), |v| v.to_string())
}

fn list(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.join(", ")
    }
}

pub fn stage(s: &Stage) -> Vec<(&'static str, String)> {
    vec![("label", quoted(&s.label)), ("description", quoted(&s.description))]
}

pub fn determinant(d: &Determinant) -> Vec<(&'static str, String)> {
    vec![
        ("label", quoted(&d.label)),
        ("categories", list(&d.categories)),
        ("locus", coded(d.locus)),
        ("directness", coded(d.directness)),
        ("nature", coded(d.nature)),
        ("effect", d.effect.to_string()),
        ("tags", list(&d.tags)),
        ("notes", quoted(&d.notes)),
    ]
}

pub fn influence(i: &Influence) -> Vec<(&'static str, String)> {
    vec![
        ("sign", i.sign.to_string()),
        ("strength", coded(i.strength)),
        ("confidence", coded(i.confidence)),
        ("note", quoted(&i.note)),
    ]
}

pub fn evidence(evidence: &[Evidence]) -> String {
    if evidence.is_empty() {
        return "none".to_owned();
    }
    evidence
        .iter()
        .map(|e| {
            let mut s = e.source.to_string();
            for part in [&e.location, &e.paraphrase] {
                if !part.is_empty() {
                    s.push_str(", ");
                    s.push_str(part);
                }
            }
            s
        })
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn position(p: Position) -> String {
    format!("({}, {})", p.x, p.y)
}
