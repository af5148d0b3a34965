//! What the analysis panel shows: which stage, determinant, matrix cell or feedback loop is in
//! focus, the filters, how rows are grouped, and which determinant is knocked out.
//!
//! This is view state. It never changes the map (a knock-out is a "what if", not an edit, so the
//! document stays clean), it is not written to the map file, and it is not remembered between runs:
//! a facilitator opens a map to a plain view. Panels send [`AnalysisRequest`]s; the apply point
//! (`apply/`) applies them with [`AnalysisView::apply`], and drops what named items an edit removed
//! ([`AnalysisView::forget_missing`]) or another document replaced ([`AnalysisView::forget_document`]).
//! The results derived from it live in `derived/`.

use crate::analysis::{FeedbackLoop, Hint};
use crate::model::{Id, Level, Map};
use std::collections::HashSet;

/// What the analysis is about at the moment; the canvas brings it forward and fades the rest.
#[derive(Debug, Clone, PartialEq)]
pub enum Focus {
    /// What feeds this stage.
    Stage(Id),
    /// Which stages this determinant feeds, and by which paths.
    Determinant(Id),
    /// Why `determinant` feeds `stage`: one explaining path per sign.
    Cell { determinant: Id, stage: Id },
    /// One feedback loop, kept whole so it still names the same loop after the list is recomputed.
    Loop(FeedbackLoop),
}

/// The filters are the presentation steps' own type, field for field what a step saves "from the
/// view" and gives back when it is played.
pub use crate::model::presentation::{Coded, Filters};

/// How the matrix's rows are grouped (and so sorted); map order within a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Grouping {
    #[default]
    MapOrder,
    /// By a determinant's first category (a compound category is listed under its first part).
    Category,
    Locus,
    Directness,
    Nature,
    Effect,
}

impl Grouping {
    pub const ALL: &'static [Grouping] = &[
        Grouping::MapOrder,
        Grouping::Category,
        Grouping::Locus,
        Grouping::Directness,
        Grouping::Nature,
        Grouping::Effect,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Grouping::MapOrder => "map order",
            Grouping::Category => "category",
            Grouping::Locus => "locus",
            Grouping::Directness => "directness",
            Grouping::Nature => "nature",
            Grouping::Effect => "effect",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AnalysisTab {
    #[default]
    Matrix,
    Loops,
    PressurePoints,
    Hints,
}

/// A change to the analysis view, sent by a panel.
#[derive(Debug, Clone, PartialEq)]
pub enum AnalysisRequest {
    Tab(AnalysisTab),
    Focus(Option<Focus>),
    /// Only direct feeders (an influence straight into the stage) in the matrix and on the canvas.
    DirectOnly(bool),
    Filters(Filters),
    Grouping(Grouping),
    /// Analyse only the influences of at least this confidence (low: all of them).
    MinConfidence(Level),
    /// Take a determinant out of the analysis (not out of the map), or bring it back.
    KnockOut(Option<Id>),
    DismissHint(Hint),
    RestoreHints,
}

#[derive(Debug, Clone)]
pub struct AnalysisView {
    /// The panel is open. While it is closed nothing is highlighted or faded, and nothing is computed.
    pub open: bool,
    pub tab: AnalysisTab,
    pub focus: Option<Focus>,
    pub direct_only: bool,
    pub filters: Filters,
    pub grouping: Grouping,
    /// The least confidence an influence needs to count: the matrix, the explanations, the
    /// knock-out and what the canvas lights follow only those influences, as `--min-confidence`
    /// does on the command line (the same `analysis::with_min_confidence`). Low counts them all.
    pub min_confidence: Level,
    pub knocked_out: Option<Id>,
    /// Hints the user dismissed, for this document and this session only. Not persisted: a hint
    /// says the map's structure and the study's coding disagree *now*, and a later edit can make the
    /// same disagreement matter again; keeping them in the map file would put view state in the
    /// research data, and keeping them in preferences would need a key per file that outlives the
    /// file's changes. Reopening the map shows them again, which costs one click each.
    pub dismissed: HashSet<Hint>,
    /// Presentation mode is on: the canvas answers clicks on stages and determinants as the open
    /// panel does, and the focus is explained beside the map, so the analysis is computed.
    pub presenting: bool,
    /// Grows with every change, so derived results know when they are stale.
    pub version: u64,
}

impl Default for AnalysisView {
    fn default() -> Self {
        AnalysisView {
            open: false,
            tab: AnalysisTab::default(),
            focus: None,
            direct_only: false,
            filters: Filters::default(),
            grouping: Grouping::default(),
            min_confidence: Level::Low,
            knocked_out: None,
            dismissed: HashSet::new(),
            presenting: false,
            version: 0,
        }
    }
}

impl AnalysisView {
    pub fn apply(&mut self, request: AnalysisRequest) {
        match request {
            AnalysisRequest::Tab(t) => self.tab = t,
            AnalysisRequest::Focus(f) => self.focus = f,
            AnalysisRequest::DirectOnly(on) => self.direct_only = on,
            AnalysisRequest::Filters(f) => self.filters = f,
            AnalysisRequest::Grouping(g) => self.grouping = g,
            AnalysisRequest::MinConfidence(l) => self.min_confidence = l,
            AnalysisRequest::KnockOut(d) => self.knocked_out = d,
            AnalysisRequest::DismissHint(h) => {
                self.dismissed.insert(h);
            }
            AnalysisRequest::RestoreHints => self.dismissed.clear(),
        }
        self.version += 1;
    }

    pub fn set_open(&mut self, open: bool) {
        self.open = open;
        self.version += 1;
    }

    pub fn set_presenting(&mut self, presenting: bool) {
        self.presenting = presenting;
        self.version += 1;
    }

    /// Whether the analysis is shown anywhere (the panel, or presentation mode), and so computed,
    /// and its focus lit on the canvas.
    pub fn active(&self) -> bool {
        self.open || self.presenting
    }

    /// Another document arrived: what named its items goes, and the filters (the new map opens
    /// whole); how the panel is arranged stays.
    pub fn forget_document(&mut self) {
        self.focus = None;
        self.filters = Filters::default();
        self.min_confidence = Level::Low;
        self.knocked_out = None;
        self.dismissed.clear();
        self.version += 1;
    }

    /// An edit removed items: a focus or knock-out that named one of them goes.
    pub fn forget_missing(&mut self, map: &Map) {
        let exists = |id: &Id| map.node(id).is_some();
        let focus_gone = match &self.focus {
            Some(Focus::Stage(s)) => map.stage(s).is_none(),
            Some(Focus::Determinant(d)) => map.determinant(d).is_none(),
            Some(Focus::Cell { determinant, stage }) => !exists(determinant) || !exists(stage),
            Some(Focus::Loop(l)) => !l.determinants.iter().all(exists),
            None => false,
        };
        if focus_gone {
            self.focus = None;
            self.version += 1;
        }
        if self.knocked_out.as_ref().is_some_and(|d| map.determinant(d).is_none()) {
            self.knocked_out = None;
            self.version += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Determinant, Effect, Locus, Nature};

    fn det() -> Determinant {
        Determinant {
            id: "d".into(),
            label: "D".into(),
            categories: vec!["Media".into(), "Civil society".into()],
            locus: Some(Locus::Internal),
            directness: None,
            nature: Some(Nature::PressurePoint),
            effect: Effect::Hinder,
            tags: vec!["prevention".into()],
            notes: String::new(),
            evidence: vec![],
            position: Default::default(),
        }
    }

    #[test]
    fn each_filter_admits_only_its_value_and_uncoded_is_a_value() {
        let d = det();
        assert!(Filters::default().admits(&d));
        let with = |f: Filters| f.admits(&d);
        assert!(with(Filters {
            locus: Coded::Is(Locus::Internal),
            ..Default::default()
        }));
        assert!(!with(Filters {
            locus: Coded::Is(Locus::External),
            ..Default::default()
        }));
        assert!(with(Filters {
            directness: Coded::NotCoded,
            ..Default::default()
        }));
        assert!(!with(Filters {
            nature: Coded::NotCoded,
            ..Default::default()
        }));
        assert!(!with(Filters {
            effect: Some(Effect::Enabler),
            ..Default::default()
        }));
        assert!(with(Filters {
            category: Some("Civil society".into()),
            ..Default::default()
        }));
        assert!(!with(Filters {
            tag: Some("prosecution".into()),
            ..Default::default()
        }));
        let two = Filters {
            effect: Some(Effect::Hinder),
            tag: Some("prevention".into()),
            ..Default::default()
        };
        assert_eq!(two.active(), 2);
        assert!(with(two));
    }

    #[test]
    fn a_new_document_clears_what_named_the_old_one() {
        let mut v = AnalysisView::default();
        v.set_open(true);
        v.apply(AnalysisRequest::Focus(Some(Focus::Stage("s".into()))));
        v.apply(AnalysisRequest::KnockOut(Some("d".into())));
        v.apply(AnalysisRequest::Grouping(Grouping::Nature));
        let before = v.version;
        v.forget_document();
        assert!(v.open && v.focus.is_none() && v.knocked_out.is_none());
        assert_eq!(v.grouping, Grouping::Nature);
        assert!(v.version > before);
    }
}
