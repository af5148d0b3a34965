//! The hand-out report (`detmap export --report`): a Markdown document a facilitator can print or
//! send after a workshop. Per stage, what feeds it (direct, then indirect), with net sign, how sure
//! the feed is where the study rates a link below stated (a feed resting only on links of low
//! confidence is tentative), the researchers' coding and the evidence for every step of the
//! explaining path; then the pressure
//! points, the feedback loops, and the hints where coding and structure disagree. A map with a
//! presentation gets a "Presentation" section, each step linked to the stages it shows and each
//! stage's section to the steps that show it, so the hand-out follows the story told in the room.
//!
//! Everything comes from the analysis (`Reachability`, `Matrix`, `Explainer`, `pressure_points`,
//! `feedback_loops`, `coding_hints`); this file only words it. The output is deterministic (no date,
//! map order throughout) so it can be diffed and checked against golden files.

use crate::analysis::{
    Explainer, Explanation, Matrix, PATH_END_STEPS, PRESSURE_POINT_LIMIT, Reachability, StrongestConfidence,
    coding_hints, feedback_loops, link_confidence, pressure_points,
};
use crate::model::{Determinant, Id, Influence, Level, Map, MapIndex, Nature};
use crate::tr;
use std::collections::HashSet;
use std::io::{self, Write};

/// The "Presentation" section, when the map has steps: each step with its number, title, note and
/// what it shows, linked to the sections of the stages it brings forward. Returns, per stage, the
/// steps that bring it forward (empty without a presentation).
fn presentation(w: &mut dyn Write, map: &Map, reach: &Reachability) -> io::Result<Vec<Vec<usize>>> {
    let mut shown_in = vec![Vec::new(); map.stages.len()];
    if map.presentation.is_empty() {
        return Ok(shown_in);
    }
    let views = super::step_view::step_views(map, reach);
    let count = map.presentation.len();
    writeln!(w, "## {}\n", tr!("handout-presentation"))?;
    writeln!(w, "{}\n", tr!("handout-told-in", count = count))?;
    for (k, (step, view)) in map.presentation.iter().zip(&views).enumerate() {
        let stages: Vec<usize> = (0..map.stages.len())
            .filter(|&i| view.node(i) == super::step_view::Mark::Lit)
            .collect();
        for &i in &stages {
            shown_in[i].push(k);
        }
        writeln!(w, "<a id=\"step-{}\"></a>\n", k + 1)?;
        writeln!(
            w,
            "### {}\n",
            tr!("handout-step", number = k + 1, title = text(&step.title))
        )?;
        writeln!(w, "*{}.*\n", text(&view.caption))?;
        if !step.note.trim().is_empty() {
            writeln!(w, "{}\n", text(&step.note))?;
        }
        if !stages.is_empty() {
            let links: Vec<String> = stages
                .iter()
                .map(|&i| {
                    let name = tr!("handout-stage", number = i + 1, stage = text(&map.stages[i].label));
                    format!("[{name}](#stage-{})", i + 1)
                })
                .collect();
            writeln!(w, "{}\n", tr!("handout-stages-it-shows", stages = links.join(", ")))?;
        }
    }
    Ok(shown_in)
}

/// The report lists at most this many feedback loops; the number of loops can grow exponentially.
pub const HANDOUT_LOOP_LIMIT: usize = 100;

/// Writes the report of `map`; `reach` must have been computed from it.
///
/// Its cost is in proportion to the map and to what it writes: lookups go through one index of
/// the map, a path longer than [`MAX_WHOLE_PATH_STEPS`](crate::analysis::MAX_WHOLE_PATH_STEPS) influences is written by its first and last
/// [`PATH_END_STEPS`] steps (saying how many are left out), and each stage lists at most
/// [`PRESSURE_POINT_LIMIT`] pressure points, each naming a few of its dependents.
pub fn write_handout(map: &Map, reach: &Reachability, mut out: impl Write) -> io::Result<()> {
    let w = &mut out;
    let idx = &map.index();
    writeln!(w, "# {}\n", text(&map.title))?;
    if !map.description.is_empty() {
        writeln!(w, "{}\n", text(&map.description))?;
    }
    let intro = tr!(
        "handout-intro",
        stages = map.stages.len(),
        determinants = map.determinants.len(),
        influences = map.influences.len()
    );
    writeln!(w, "{intro}\n")?;
    writeln!(w, "## {}\n", tr!("handout-how-to-read"))?;
    writeln!(w, "- {}", tr!("handout-read-direct"))?;
    writeln!(w, "- {}", tr!("handout-read-signs"))?;
    writeln!(w, "- {}", tr!("handout-read-coding"))?;
    // Confidence is explained, and feeds marked by it, only where the map rates some influence
    // below stated: a map that rates none says nothing about it.
    let rated = map.influences.iter().any(|i| link_confidence(i) < Level::High);
    if rated {
        writeln!(w, "- {}", tr!("handout-read-confidence"))?;
    }
    writeln!(w, "- {}\n", tr!("handout-read-evidence"))?;
    let sure = if rated {
        StrongestConfidence::with_reach(map, reach)
    } else {
        StrongestConfidence::default()
    };

    overview(w, idx, &Matrix::compute(map, reach))?;
    // Which steps of the presentation bring each stage forward, for the links both ways.
    let shown_in = presentation(w, map, reach)?;
    let explainer = Explainer::new(map, reach);
    let structural = pressure_points(reach.graph());
    for (number, stage) in map.stages.iter().enumerate() {
        if !map.presentation.is_empty() {
            writeln!(w, "<a id=\"stage-{}\"></a>\n", number + 1)?;
        }
        writeln!(
            w,
            "## {}\n",
            tr!("handout-stage", number = number + 1, stage = text(&stage.label))
        )?;
        if !stage.description.is_empty() {
            writeln!(w, "{}\n", text(&stage.description))?;
        }
        if let Some(steps) = shown_in.get(number).filter(|s| !s.is_empty()) {
            let links: Vec<String> = steps
                .iter()
                .map(|&k| {
                    let name = tr!(
                        "handout-step-link",
                        number = k + 1,
                        title = text(&map.presentation[k].title)
                    );
                    format!("[{name}](#step-{})", k + 1)
                })
                .collect();
            writeln!(w, "{}\n", tr!("handout-shown-in", steps = links.join(", ")))?;
        }
        let feeders = reach.feeders_of(&stage.id).unwrap_or_default();
        if feeders.is_empty() {
            writeln!(w, "{}\n", tr!("handout-no-feeders"))?;
            continue;
        }
        // Evidence is written out the first time an influence appears in this stage's section and
        // referred to after that, since the last steps of many indirect paths are the same.
        let mut cited = HashSet::new();
        for direct in [true, false] {
            let group: Vec<_> = feeders.iter().filter(|f| f.is_direct() == direct).collect();
            if group.is_empty() {
                continue;
            }
            let heading = if direct {
                tr!("handout-fed-directly", count = group.len())
            } else {
                tr!("handout-fed-indirectly", count = group.len())
            };
            writeln!(w, "### {heading}\n")?;
            for feeder in group {
                let Some(det) = idx.determinant(&feeder.determinant) else {
                    continue;
                };
                writeln!(w, "#### {}\n", text(&det.label))?;
                let categories = text(&det.categories.join("; "));
                let confidence = match sure.get(&det.id, &stage.id) {
                    Some(Level::Low) if rated => format!(" {}", tr!("handout-strongest-low")),
                    Some(Level::Medium) if rated => format!(" {}", tr!("handout-strongest-medium")),
                    _ => String::new(),
                };
                let said = tr!(
                    "handout-feeder",
                    net = super::words::net(feeder.net),
                    distance = feeder.distance,
                    coding = super::words::coding(det),
                    categories = categories
                );
                writeln!(w, "{said}{confidence}\n")?;
                for explanation in explainer.explain_ends(&det.id, &stage.id) {
                    path(
                        w,
                        idx,
                        &explanation,
                        feeder.net == crate::analysis::NetEffect::Mixed,
                        &mut cited,
                    )?;
                }
            }
        }
        let of_stage = structural.iter().find(|p| p.stage == stage.id);
        let points = of_stage.map(|p| p.points.as_slice()).unwrap_or_default();
        let coded: Vec<&Determinant> = feeders
            .iter()
            .filter_map(|f| idx.determinant(&f.determinant))
            .filter(|d| d.nature == Some(Nature::PressurePoint))
            .collect();
        let coded_set: HashSet<&Id> = coded.iter().map(|d| &d.id).collect();
        writeln!(w, "### {}\n", tr!("handout-pressure-points"))?;
        if points.is_empty() {
            writeln!(w, "- {}", tr!("handout-structural-none"))?;
        }
        for p in points {
            let determinant = label(idx, &p.determinant);
            let feeders = some_labels(idx, &p.first_dependents, p.dependent_count);
            let said = if coded_set.contains(&p.determinant) {
                tr!(
                    "handout-structural-also-coded",
                    determinant = determinant,
                    feeders = feeders
                )
            } else {
                tr!("handout-structural", determinant = determinant, feeders = feeders)
            };
            writeln!(w, "- {said}")?;
        }
        if let Some(more) = of_stage.map(|p| p.not_listed).filter(|&n| n > 0) {
            let said = tr!(
                "handout-structural-more",
                count = more,
                limit = PRESSURE_POINT_LIMIT.to_string()
            );
            writeln!(w, "- {said}")?;
        }
        let coded_ids: Vec<Id> = coded.iter().map(|d| d.id.clone()).collect();
        if coded_ids.is_empty() {
            writeln!(w, "- {}\n", tr!("handout-coded-none"))?;
        } else {
            writeln!(
                w,
                "- {}\n",
                tr!("handout-coded", determinants = labels(idx, &coded_ids))
            )?;
        }
    }
    loops(w, idx, reach)?;
    hints(w, map, idx, reach)?;
    sources(w, map)
}

/// One row per stage with the matrix's totals, so the report and the matrix export agree.
fn overview(w: &mut impl Write, idx: &MapIndex, matrix: &Matrix) -> io::Result<()> {
    writeln!(w, "## {}\n", tr!("handout-overview"))?;
    if matrix.stages.is_empty() {
        return writeln!(w, "{}\n", tr!("handout-no-stages"));
    }
    writeln!(w, "{}", tr!("handout-overview-header"))?;
    writeln!(w, "|---:|---|---:|---:|---:|---:|---:|---:|")?;
    for (i, (stage, t)) in matrix.stages.iter().zip(&matrix.totals).enumerate() {
        writeln!(
            w,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            i + 1,
            text(idx.label_of(stage)),
            t.feeders,
            t.direct,
            t.feeders - t.direct,
            t.enabling,
            t.hindering,
            t.mixed
        )?;
    }
    writeln!(w)
}

/// One explaining path: the path in words, then each step with its evidence. A long path (see
/// [`Explainer::explain_ends`]) is written by its ends, saying how many steps are left out.
fn path(w: &mut impl Write, idx: &MapIndex, e: &Explanation, mixed: bool, cited: &mut HashSet<Id>) -> io::Result<()> {
    let mut words = label(idx, &e.determinant);
    for (k, step) in e.steps.iter().enumerate() {
        if let Some(gap) = e.gap.filter(|g| g.after == k) {
            words.push_str(&format!(
                " → … *{}* … → {}",
                tr!("handout-more-steps", count = gap.steps),
                label(idx, &step.from)
            ));
        }
        words.push_str(&format!(
            " → *{}* → {}",
            super::words::sign(step.sign),
            label(idx, &step.to)
        ));
    }
    let said = if mixed {
        tr!("handout-path-that", sign = super::words::sign(e.sign), path = words)
    } else {
        tr!("handout-path", path = words)
    };
    writeln!(w, "{said}\n")?;
    if e.gap.is_some() {
        let said = tr!(
            "handout-path-long",
            count = e.length(),
            ends = PATH_END_STEPS.to_string()
        );
        writeln!(w, "{said}\n")?;
    }
    if e.steps.len() == 1 {
        evidence(w, &e.steps[0].influences, "- ", cited)?;
    } else {
        for (k, step) in e.steps.iter().enumerate() {
            let mut number = k + 1;
            if let Some(gap) = e.gap.filter(|g| g.after <= k) {
                if gap.after == k {
                    writeln!(w, "- {}", tr!("handout-left-out", count = gap.steps))?;
                }
                number += gap.steps;
            }
            writeln!(
                w,
                "{number}. {} → {}, *{}*",
                label(idx, &step.from),
                label(idx, &step.to),
                super::words::sign(step.sign)
            )?;
            evidence(w, &step.influences, "   - ", cited)?;
        }
    }
    writeln!(w)
}

/// The evidence, strength, confidence and note of the influences behind one step.
fn evidence(w: &mut impl Write, influences: &[&Influence], bullet: &str, cited: &mut HashSet<Id>) -> io::Result<()> {
    for inf in influences {
        let has_more = !inf.evidence.is_empty() || !inf.note.is_empty();
        if has_more && !cited.insert(inf.id.clone()) {
            writeln!(w, "{bullet}{}", tr!("handout-evidence-above"))?;
            continue;
        }
        let mut rated = Vec::new();
        if let Some(s) = inf.strength {
            rated.push(tr!("handout-strength", level = super::words::confidence(s)));
        }
        if let Some(c) = inf.confidence {
            rated.push(tr!("handout-confidence", level = super::words::confidence(c)));
        }
        if !rated.is_empty() {
            writeln!(w, "{bullet}{}", tr!("handout-rated", ratings = rated.join(", ")))?;
        }
        if !inf.note.is_empty() {
            writeln!(w, "{bullet}{}", tr!("handout-note", note = text(&inf.note)))?;
        }
        if inf.evidence.is_empty() {
            writeln!(w, "{bullet}{}", tr!("handout-no-evidence"))?;
        }
        for ev in &inf.evidence {
            let (source, paraphrase) = (text(ev.source.as_str()), text(&ev.paraphrase));
            let said = if ev.location.is_empty() {
                tr!("handout-evidence", source = source, paraphrase = paraphrase)
            } else {
                let location = text(&ev.location);
                tr!(
                    "handout-evidence-at",
                    source = source,
                    location = location,
                    paraphrase = paraphrase
                )
            };
            writeln!(w, "{bullet}{said}")?;
        }
    }
    Ok(())
}

fn loops(w: &mut impl Write, idx: &MapIndex, reach: &Reachability) -> io::Result<()> {
    writeln!(w, "## {}\n", tr!("handout-loops"))?;
    let found = feedback_loops(reach.graph(), HANDOUT_LOOP_LIMIT);
    if found.loops.is_empty() {
        return writeln!(w, "{}\n", tr!("handout-no-loops"));
    }
    writeln!(w, "{}\n", tr!("handout-loops-intro"))?;
    for l in &found.loops {
        let mut words = label(idx, &l.determinants[0]);
        for (k, sign) in l.signs.iter().enumerate() {
            let next = &l.determinants[(k + 1) % l.determinants.len()];
            words.push_str(&format!(" → *{}* → {}", super::words::sign(*sign), label(idx, next)));
        }
        let kind = match l.kind {
            crate::analysis::LoopKind::Reinforcing => tr!("loops-reinforcing"),
            crate::analysis::LoopKind::Balancing => tr!("loops-balancing"),
        };
        writeln!(w, "- **{kind}**: {words}")?;
    }
    if found.truncated {
        let said = tr!("handout-loops-truncated", limit = HANDOUT_LOOP_LIMIT.to_string());
        writeln!(w, "\n{said}")?;
    }
    writeln!(w)
}

fn hints(w: &mut impl Write, map: &Map, idx: &MapIndex, reach: &Reachability) -> io::Result<()> {
    writeln!(w, "## {}\n", tr!("handout-hints"))?;
    let hints = coding_hints(map, reach);
    if hints.is_empty() {
        return writeln!(w, "{}\n", tr!("handout-no-hints"));
    }
    writeln!(w, "{}\n", tr!("handout-hints-intro"))?;
    for h in hints {
        writeln!(w, "- {}", text(&h.message_for(idx.label_of(&h.determinant))))?;
    }
    writeln!(w)
}

fn sources(w: &mut impl Write, map: &Map) -> io::Result<()> {
    if map.sources.is_empty() {
        return Ok(());
    }
    writeln!(w, "## {}\n", tr!("handout-sources"))?;
    for s in &map.sources {
        let citation = if s.citation.is_empty() {
            String::new()
        } else {
            format!(". {}", text(&s.citation))
        };
        writeln!(w, "- **{}**: {}{citation}", text(s.id.as_str()), text(&s.title))?;
    }
    Ok(())
}

fn label(idx: &MapIndex, id: &Id) -> String {
    text(idx.label_of(id))
}

/// "*A*, *B* and *C*": italics keep labels that contain commas apart.
fn labels(idx: &MapIndex, ids: &[Id]) -> String {
    let names: Vec<String> = ids.iter().map(|id| format!("*{}*", label(idx, id))).collect();
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => tr!("handout-and", first = rest.join(", "), last = last),
    }
}

/// [`labels`] of the first few of `count` ids: "*A*, *B* and 9998 other feeders" when some are not named.
fn some_labels(idx: &MapIndex, first: &[Id], count: usize) -> String {
    if count <= first.len() {
        return labels(idx, first);
    }
    let names: Vec<String> = first.iter().map(|id| format!("*{}*", label(idx, id))).collect();
    let rest = count - first.len();
    tr!("handout-and-others", first = names.join(", "), count = rest)
}

/// Map text as inline Markdown: one line, with the characters that would start emphasis, links,
/// HTML or table cells escaped.
pub(super) fn text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '#' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::Reachability;
    use crate::model::{Category, Colour, Determinant, Influence, Level, Map, Position, Sign, Stage};

    /// A feed that rests only on a link the study implies is called tentative, one whose surest
    /// path is of medium confidence says so, and a stated one says nothing; a map that rates no
    /// link below stated says nothing about confidence at all.
    #[test]
    fn a_feed_resting_on_low_confidence_links_is_called_tentative() {
        let det = |id: &str| Determinant::uncoded(id, id.to_uppercase(), vec!["C".into()], Position::new(0.0, 0.0));
        let link = |id: &str, from: &str, confidence: Option<Level>| Influence {
            id: id.into(),
            from: from.into(),
            to: "s".into(),
            sign: Sign::Enables,
            strength: None,
            confidence,
            note: String::new(),
            evidence: vec![],
        };
        let mut map = Map {
            title: "T".into(),
            categories: vec![Category {
                name: "C".into(),
                colour: Colour([1, 2, 3]),
            }],
            stages: vec![Stage {
                id: "s".into(),
                label: "Adoption".into(),
                description: String::new(),
                position: Position::new(0.0, 0.0),
            }],
            determinants: vec![det("a"), det("b"), det("c")],
            influences: vec![
                link("i1", "a", Some(Level::Low)),
                link("i2", "b", Some(Level::Medium)),
                link("i3", "c", None),
            ],
            ..Map::default()
        };
        let report = |map: &Map| {
            let mut out = Vec::new();
            super::write_handout(map, &Reachability::compute(map), &mut out).unwrap();
            String::from_utf8(out).unwrap()
        };
        let text = report(&map);
        let section = |label: &str| {
            let start = text.find(&format!("#### {label}\n")).unwrap();
            text[start..].lines().nth(2).unwrap().to_owned()
        };
        assert!(
            section("A").contains("Strongest confidence: low, so **tentative**"),
            "{text}"
        );
        assert!(section("B").ends_with("Strongest confidence: medium."), "{text}");
        assert!(!section("C").contains("confidence"), "{text}");
        assert!(text.contains("Influences carry the study's **confidence**"));
        for i in &mut map.influences {
            i.confidence = Some(Level::High);
        }
        assert!(!report(&map).contains("Strongest confidence"));
        assert!(!report(&map).contains("**confidence**"));
    }

    #[test]
    fn text_escapes_what_markdown_would_read() {
        assert_eq!(
            super::text("a*b_c <d> [e] | #1\nnext"),
            "a\\*b\\_c \\<d\\> \\[e\\] \\| \\#1 next"
        );
    }
}
