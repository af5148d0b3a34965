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
use crate::words::plural;
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
    writeln!(w, "## Presentation\n")?;
    writeln!(
        w,
        "The map is told in {count} {}; the slides (`detmap export --slides`) have a page for each.\n",
        if count == 1 { "step" } else { "steps" }
    )?;
    for (k, (step, view)) in map.presentation.iter().zip(&views).enumerate() {
        let stages: Vec<usize> = (0..map.stages.len())
            .filter(|&i| view.node(i) == super::step_view::Mark::Lit)
            .collect();
        for &i in &stages {
            shown_in[i].push(k);
        }
        writeln!(w, "<a id=\"step-{}\"></a>\n", k + 1)?;
        writeln!(w, "### Step {}: {}\n", k + 1, text(&step.title))?;
        writeln!(w, "*{}.*\n", text(&view.caption))?;
        if !step.note.trim().is_empty() {
            writeln!(w, "{}\n", text(&step.note))?;
        }
        if !stages.is_empty() {
            let links: Vec<String> = stages
                .iter()
                .map(|&i| format!("[Stage {}: {}](#stage-{})", i + 1, text(&map.stages[i].label), i + 1))
                .collect();
            writeln!(w, "Stages it shows: {}.\n", links.join(", "))?;
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
    writeln!(
        w,
        "This report was written by Determinant Mapper from the map: {}, {}, {}.\n",
        plural(map.stages.len(), "stage of response", "stages of response"),
        plural(map.determinants.len(), "determinant", "determinants"),
        plural(map.influences.len(), "influence", "influences")
    )?;
    writeln!(w, "## How to read it\n")?;
    writeln!(
        w,
        "- A determinant feeds a stage **directly** when an influence goes straight from it into the stage, and **indirectly** when it reaches the stage only through other determinants. The **distance** is the number of influences on the shortest path."
    )?;
    writeln!(
        w,
        "- Signs multiply along a path: a determinant that hinders something that hinders a stage enables it. The **net effect** is *enables* or *hinders*, or *mixed* when paths of both signs reach the stage."
    )?;
    writeln!(
        w,
        "- The **coding** (locus, directness, nature, effect) is the researchers'; the groups *direct* and *indirect* below are the map's structure. Where the two disagree, the report gives a hint at the end."
    )?;
    // Confidence is explained, and feeds marked by it, only where the map rates some influence
    // below stated: a map that rates none says nothing about it.
    let rated = map.influences.iter().any(|i| link_confidence(i) < Level::High);
    if rated {
        writeln!(
            w,
            "- Influences carry the study's **confidence**: *high* where it states the link (or no confidence is given), *medium*, or *low* where it only implies it. A path is as sure as its weakest link and a feed as its surest path; a feed that rests only on links of low confidence is marked **tentative**."
        )?;
    }
    writeln!(
        w,
        "- Each step of a path is backed by the evidence recorded for that influence, cited by source (listed at the end).\n"
    )?;
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
        writeln!(w, "## Stage {}: {}\n", number + 1, text(&stage.label))?;
        if !stage.description.is_empty() {
            writeln!(w, "{}\n", text(&stage.description))?;
        }
        if let Some(steps) = shown_in.get(number).filter(|s| !s.is_empty()) {
            let links: Vec<String> = steps
                .iter()
                .map(|&k| {
                    format!(
                        "[step {} ({})](#step-{})",
                        k + 1,
                        text(&map.presentation[k].title),
                        k + 1
                    )
                })
                .collect();
            writeln!(w, "Shown in the presentation: {}.\n", links.join(", "))?;
        }
        let feeders = reach.feeders_of(&stage.id).unwrap_or_default();
        if feeders.is_empty() {
            writeln!(w, "No determinant feeds this stage.\n")?;
            continue;
        }
        // Evidence is written out the first time an influence appears in this stage's section and
        // referred to after that, since the last steps of many indirect paths are the same.
        let mut cited = HashSet::new();
        for (heading, direct) in [("Fed directly", true), ("Fed indirectly", false)] {
            let group: Vec<_> = feeders.iter().filter(|f| f.is_direct() == direct).collect();
            if group.is_empty() {
                continue;
            }
            writeln!(w, "### {heading} ({})\n", group.len())?;
            for feeder in group {
                let Some(det) = idx.determinant(&feeder.determinant) else {
                    continue;
                };
                writeln!(w, "#### {}\n", text(&det.label))?;
                let categories = text(&det.categories.join("; "));
                let confidence = match sure.get(&det.id, &stage.id) {
                    Some(Level::Low) if rated => {
                        " Strongest confidence: low, so **tentative**: every path from it rests on a link the study only implies."
                    }
                    Some(Level::Medium) if rated => " Strongest confidence: medium.",
                    _ => "",
                };
                writeln!(
                    w,
                    "Net effect **{}**, distance {}. Coded {}. Category: {categories}.{confidence}\n",
                    feeder.net,
                    feeder.distance,
                    coding(det)
                )?;
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
        writeln!(w, "### Pressure points\n")?;
        if points.is_empty() {
            writeln!(
                w,
                "- Structural: none; no determinant lies on every path of another into this stage."
            )?;
        }
        for p in points {
            let also = if coded_set.contains(&p.determinant) {
                " (also coded a pressure point)"
            } else {
                ""
            };
            writeln!(
                w,
                "- Structural: **{}**{also}; every path into this stage from {} passes through it.",
                label(idx, &p.determinant),
                some_labels(idx, &p.first_dependents, p.dependent_count, ("feeder", "feeders"))
            )?;
        }
        if let Some(more) = of_stage.map(|p| p.not_listed).filter(|&n| n > 0) {
            writeln!(
                w,
                "- Structural: {more} more, each with no more dependents than the last above (only the first {PRESSURE_POINT_LIMIT} are listed)."
            )?;
        }
        let coded_ids: Vec<Id> = coded.iter().map(|d| d.id.clone()).collect();
        if coded_ids.is_empty() {
            writeln!(w, "- Coded by the researchers: none of this stage's feeders.\n")?;
        } else {
            writeln!(w, "- Coded by the researchers: {}.\n", labels(idx, &coded_ids))?;
        }
    }
    loops(w, idx, reach)?;
    hints(w, map, idx, reach)?;
    sources(w, map)
}

/// One row per stage with the matrix's totals, so the report and the matrix export agree.
fn overview(w: &mut impl Write, idx: &MapIndex, matrix: &Matrix) -> io::Result<()> {
    writeln!(w, "## Overview\n")?;
    if matrix.stages.is_empty() {
        return writeln!(w, "The map has no stages of response.\n");
    }
    writeln!(
        w,
        "| # | Stage | Feeders | Direct | Indirect | Enabling | Hindering | Mixed |"
    )?;
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
                plural(gap.steps, "more step", "more steps"),
                label(idx, &step.from)
            ));
        }
        words.push_str(&format!(" → *{}* → {}", step.sign, label(idx, &step.to)));
    }
    let lead = if mixed {
        format!("Path that {}: ", e.sign)
    } else {
        "Path: ".to_owned()
    };
    writeln!(w, "{lead}{words}\n")?;
    if e.gap.is_some() {
        writeln!(
            w,
            "The path has {} steps; only the first and last {PATH_END_STEPS} are shown.\n",
            e.length()
        )?;
    }
    if e.steps.len() == 1 {
        evidence(w, &e.steps[0].influences, "- ", cited)?;
    } else {
        for (k, step) in e.steps.iter().enumerate() {
            let mut number = k + 1;
            if let Some(gap) = e.gap.filter(|g| g.after <= k) {
                if gap.after == k {
                    writeln!(w, "- … {} left out …", plural(gap.steps, "step", "steps"))?;
                }
                number += gap.steps;
            }
            writeln!(
                w,
                "{number}. {} → {}, *{}*",
                label(idx, &step.from),
                label(idx, &step.to),
                step.sign
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
            writeln!(w, "{bullet}Evidence: as given above for this step.")?;
            continue;
        }
        let mut rated = Vec::new();
        if let Some(s) = inf.strength {
            rated.push(format!("strength {s}"));
        }
        if let Some(c) = inf.confidence {
            rated.push(format!("confidence {c}"));
        }
        if !rated.is_empty() {
            writeln!(w, "{bullet}Rated: {}.", rated.join(", "))?;
        }
        if !inf.note.is_empty() {
            writeln!(w, "{bullet}Note: {}", text(&inf.note))?;
        }
        if inf.evidence.is_empty() {
            writeln!(w, "{bullet}Evidence: none recorded.")?;
        }
        for ev in &inf.evidence {
            let location = if ev.location.is_empty() {
                String::new()
            } else {
                format!(", *{}*", text(&ev.location))
            };
            writeln!(
                w,
                "{bullet}Evidence ({}{location}): {}",
                text(ev.source.as_str()),
                text(&ev.paraphrase)
            )?;
        }
    }
    Ok(())
}

fn loops(w: &mut impl Write, idx: &MapIndex, reach: &Reachability) -> io::Result<()> {
    writeln!(w, "## Feedback loops\n")?;
    let found = feedback_loops(reach.graph(), HANDOUT_LOOP_LIMIT);
    if found.loops.is_empty() {
        return writeln!(w, "The map has no feedback loops.\n");
    }
    writeln!(
        w,
        "A loop is *reinforcing* when it has an even number of hindering influences (it amplifies itself) and *balancing* when odd (it damps itself).\n"
    )?;
    for l in &found.loops {
        let mut words = label(idx, &l.determinants[0]);
        for (k, sign) in l.signs.iter().enumerate() {
            let next = &l.determinants[(k + 1) % l.determinants.len()];
            words.push_str(&format!(" → *{sign}* → {}", label(idx, next)));
        }
        writeln!(w, "- **{}**: {words}", l.kind.as_str())?;
    }
    if found.truncated {
        writeln!(
            w,
            "\nOnly the first {HANDOUT_LOOP_LIMIT} loops are listed; the map has more."
        )?;
    }
    writeln!(w)
}

fn hints(w: &mut impl Write, map: &Map, idx: &MapIndex, reach: &Reachability) -> io::Result<()> {
    writeln!(w, "## Where the coding and the structure disagree\n")?;
    let hints = coding_hints(map, reach);
    if hints.is_empty() {
        return writeln!(
            w,
            "Nothing: every determinant coded direct has an influence straight into a stage, and every determinant feeds at least one stage.\n"
        );
    }
    writeln!(
        w,
        "These are hints, not errors: the coding is the study's, and the map may lack an influence the study implies.\n"
    )?;
    for h in hints {
        writeln!(w, "- {}", text(&h.message_for(idx.label_of(&h.determinant))))?;
    }
    writeln!(w)
}

fn sources(w: &mut impl Write, map: &Map) -> io::Result<()> {
    if map.sources.is_empty() {
        return Ok(());
    }
    writeln!(w, "## Sources\n")?;
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

/// "internal, direct, pressure point, enabler", with "locus not coded" and so on for what the study leaves out.
fn coding(d: &Determinant) -> String {
    let axis = |value: Option<&str>, name: &str| value.map_or(format!("{name} not coded"), |v| v.replace('_', " "));
    let parts = [
        axis(d.locus.map(|v| v.as_str()), "locus"),
        axis(d.directness.map(|v| v.as_str()), "directness"),
        axis(d.nature.map(|v| v.as_str()), "nature"),
        d.effect.as_str().to_owned(),
    ];
    parts.join(", ")
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
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// [`labels`] of the first few of `count` ids: "*A*, *B* and 9998 other feeders" when some are not named.
fn some_labels(idx: &MapIndex, first: &[Id], count: usize, what: (&str, &str)) -> String {
    if count <= first.len() {
        return labels(idx, first);
    }
    let names: Vec<String> = first.iter().map(|id| format!("*{}*", label(idx, id))).collect();
    let rest = count - first.len();
    let what = plural(rest, &format!("other {}", what.0), &format!("other {}", what.1));
    format!("{} and {what}", names.join(", "))
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
