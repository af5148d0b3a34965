//! Explaining paths in words, owned, so the panel can show them and the canvas light them without
//! holding a borrow of the map across frames. Built from the core's [`Explainer`].

use crate::analysis::{Explainer, Reachability, link_confidence};
use crate::model::{Id, Level, Map, Sign};

/// Where a step's claim comes from, with the source's title instead of its id.
#[derive(Debug, Clone, PartialEq)]
pub struct EvidenceText {
    pub source: String,
    pub location: String,
    pub paraphrase: String,
}

/// One step of a path: `from` enables or hinders `to`, and the influences that say so.
#[derive(Debug, Clone, PartialEq)]
pub struct StepText {
    pub from: String,
    pub to: String,
    pub sign: Sign,
    pub influences: Vec<Id>,
    pub evidence: Vec<EvidenceText>,
    /// The influences' own notes, where they have one.
    pub notes: Vec<String>,
    /// How sure the step is: the surest of its influences (one with no confidence given counts
    /// as stated, high).
    pub confidence: Level,
}

/// One shortest path of one sign from a determinant into a stage.
#[derive(Debug, Clone, PartialEq)]
pub struct PathText {
    /// How the whole path acts on the stage (the signs multiplied).
    pub sign: Sign,
    pub nodes: Vec<Id>,
    pub steps: Vec<StepText>,
}

impl PathText {
    /// How sure the whole path is: as sure as its weakest step.
    pub fn confidence(&self) -> Level {
        self.steps.iter().map(|s| s.confidence).min().unwrap_or(Level::High)
    }

    /// The path in one line: labels joined by "→" for an enabling step and "⇥" for a hindering one,
    /// e.g. "Civil society research → Bill introduced → Adoption of legislation".
    pub fn in_words(&self) -> String {
        let mut words = match self.steps.first() {
            Some(s) => s.from.clone(),
            None => return String::new(),
        };
        for s in &self.steps {
            words.push_str(match s.sign {
                Sign::Enables => " → ",
                Sign::Hinders => " ⇥ ",
            });
            words.push_str(&s.to);
        }
        words
    }
}

/// The explaining paths of `determinant` into `stage`: one, or two for a mixed feed (enabling first).
pub fn explain(map: &Map, reach: &Reachability, determinant: &Id, stage: &Id) -> Vec<PathText> {
    let explainer = Explainer::new(map, reach);
    explainer
        .explain(determinant, stage)
        .into_iter()
        .map(|e| PathText {
            sign: e.sign,
            nodes: e.nodes().into_iter().cloned().collect(),
            steps: e
                .steps
                .iter()
                .map(|s| StepText {
                    from: map.label_of(&s.from).to_owned(),
                    to: map.label_of(&s.to).to_owned(),
                    sign: s.sign,
                    influences: s.influences.iter().map(|i| i.id.clone()).collect(),
                    evidence: s
                        .influences
                        .iter()
                        .flat_map(|i| &i.evidence)
                        .map(|ev| EvidenceText {
                            source: map
                                .sources
                                .iter()
                                .find(|src| src.id == ev.source)
                                .map_or_else(|| ev.source.as_str().to_owned(), |src| src.title.clone()),
                            location: ev.location.clone(),
                            paraphrase: ev.paraphrase.clone(),
                        })
                        .collect(),
                    notes: s
                        .influences
                        .iter()
                        .filter(|i| !i.note.is_empty())
                        .map(|i| i.note.clone())
                        .collect(),
                    confidence: s
                        .influences
                        .iter()
                        .map(|i| link_confidence(i))
                        .max()
                        .unwrap_or(Level::High),
                })
                .collect(),
        })
        .collect()
}
