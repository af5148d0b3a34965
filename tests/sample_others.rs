//! The three neighbouring sample maps say what their studies say.
//!
//! - samples/chile-human-rights-action-plans.ron: Fajardo-Heyward and Cuesta, "Assessing the Success of National
//!   Human Rights Action Plans through a Political Economy Lens: The Case of Chile", World Bank PRWP 10578, 2023.
//! - samples/peru-business-human-rights.ron: Amaya, "Civil Society Participation in the Development of a Business
//!   and Human Rights National Action Plan in Peru", Danish Institute for Human Rights, 2021.
//! - samples/chile-open-government-forum.ron: OGP IRM, "Chile Design Report 2018-2020" (2021), and Sanchez,
//!   "Chile's Multistakeholder Forum and Political Dialogue" (OGP, 2018).
//!
//! Each test checks a fact the study states; the comment above it names the section.

mod common;

use common::samples::*;
use detmap::analysis::{NetEffect, Reachability};
use detmap::model::{Effect, Level, Map, Sign};

fn nhrap() -> Map {
    load("chile-human-rights-action-plans.ron")
}

fn peru() -> Map {
    load("peru-business-human-rights.ron")
}

fn ogp() -> Map {
    load("chile-open-government-forum.ron")
}

/// The presentation's knock-out step takes `determinant` out (the map valid, one such step), and
/// what the analysis says is lost without it.
fn presentation_knock_out(map: &Map, determinant: &str) -> detmap::analysis::KnockOut {
    assert_eq!(detmap::model::validate(map), []);
    let step = map
        .presentation
        .iter()
        .find(|s| s.knock_out.is_some())
        .expect("a knock-out step");
    assert_eq!(step.knock_out, Some(id(determinant)));
    let graph = detmap::analysis::MapGraph::new(map);
    detmap::analysis::knock_out(&graph, &id(determinant)).unwrap()
}

/// Every step has a note short enough for the room, and every step that focuses lights something.
fn every_step_has_a_short_note_and_lights_what_it_shows(map: &Map) {
    let reach = Reachability::compute(map);
    let views = detmap::export::step_views(map, &reach);
    for (step, view) in map.presentation.iter().zip(&views) {
        assert!(
            !step.note.is_empty() && step.note.len() <= 240,
            "{}: a short note",
            step.id
        );
        if step.focus != detmap::model::Focus::WholeMap {
            assert!(view.has_focus(), "{} lights nothing", step.id);
        }
    }
}

// ---------------------------------------------------------------------------------------------------------
// Chile, national human rights action plans (World Bank PRWP 10578)
// ---------------------------------------------------------------------------------------------------------

// 5.1 (the withdrawn plan lost its commitment to search for the disappeared), 5.2 (Piñera ushered in both plans
// under international pressure) and Table 2 (a reluctant Piñera administration delivered the first plan; Boric
// is cautious about the second because Piñera watered it down): one administration, signs of both kinds.
#[test]
fn nhrap_pinera_both_delivered_and_cut_the_plans() {
    let map = nhrap();
    assert_eq!(
        map.determinant(&id("pinera-administration")).unwrap().effect,
        Effect::Hinder
    );
    let reach = Reachability::compute(&map);
    let agreeing = feeder(&reach, "s3-agreeing", "pinera-administration");
    assert!(agreeing.is_direct());
    assert_eq!(agreeing.net, NetEffect::Enables);
    let designing = feeder(&reach, "s4-designing", "pinera-administration");
    assert!(designing.is_direct());
    assert_eq!(designing.net, NetEffect::Hinders);
    // It implemented the first plan, and its cuts made Boric wary of implementing the second.
    assert!(has_influence(
        &map,
        "pinera-administration",
        "boric-caution",
        Sign::Enables
    ));
    assert_eq!(
        feeder(&reach, "s6-implementing", "pinera-administration").net,
        NetEffect::Mixed
    );
    assert_eq!(
        reach.path_with_sign(&id("pinera-administration"), &id("s6-implementing"), Sign::Hinders),
        Some(path(&["pinera-administration", "boric-caution", "s6-implementing"]))
    );
}

// 5.3 and Table 2: the Undersecretary's small size, its coordinating mandate without enforcement and a
// cumbersome approval and reporting process constrain the state's capacity to develop, implement, disseminate
// and monitor the plans (and nothing is said of consulting, agreeing or designing).
#[test]
fn nhrap_capacity_constraints_hinder_developing_promoting_implementing_and_monitoring() {
    let map = nhrap();
    let reach = Reachability::compute(&map);
    let expected = ["s1-developing", "s5-promoting", "s6-implementing", "s7-monitoring"];
    for d in ["small-office", "no-enforcement"] {
        assert_eq!(stages_fed(&reach, d), expected, "{d}");
        for stage in expected {
            let f = feeder(&reach, stage, d);
            assert_eq!((f.distance, f.net), (2, NetEffect::Hinders), "{d} -> {stage}");
            assert_eq!(
                reach.path(&id(d), &id(stage)),
                Some(path(&[d, "technical-capacity", stage]))
            );
        }
    }
    // 5.3: while the Comptroller has not approved the plan, nothing may be disseminated and the reporting
    // system cannot be set up: the approval process also hinders promoting and monitoring directly.
    for stage in ["s5-promoting", "s7-monitoring"] {
        let f = feeder(&reach, stage, "approval-process");
        assert!(f.is_direct(), "{stage}");
        assert_eq!(f.net, NetEffect::Hinders, "{stage}");
    }
}

// 4.1 and 4.2: the 2019 protests and police abuses brought UN and inter-American scrutiny, and the second plan's
// torture theme was expanded on the monitoring mechanisms' recommendations; 4.1 also says the 2009 and 2014 UN
// recommendations were critical to developing both plans.
#[test]
fn nhrap_protests_led_monitoring_mechanisms_to_widen_the_torture_theme() {
    let map = nhrap();
    let reach = Reachability::compute(&map);
    let f = feeder(&reach, "s4-designing", "protests-2019");
    assert_eq!((f.distance, f.net), (2, NetEffect::Enables));
    assert_eq!(
        reach.path(&id("protests-2019"), &id("s4-designing")),
        Some(path(&["protests-2019", "international-hr-mechanisms", "s4-designing"]))
    );
    for stage in ["s1-developing", "s3-agreeing", "s4-designing"] {
        let f = feeder(&reach, stage, "international-hr-mechanisms");
        assert!(f.is_direct(), "{stage}");
        assert_eq!(f.net, NetEffect::Enables, "{stage}");
    }
}

// 4.2: Law 20.885 made the plan mandatory, set its main sections and created the Undersecretary, which ran the
// consultations and the monitoring; the law took four years because legislators questioned the very idea.
#[test]
fn nhrap_law_20885_works_through_the_undersecretary_and_was_delayed_by_congress() {
    let map = nhrap();
    let reach = Reachability::compute(&map);
    for stage in ["s1-developing", "s4-designing"] {
        let f = feeder(&reach, stage, "law-20885");
        assert!(f.is_direct(), "{stage}");
        assert_eq!(f.net, NetEffect::Enables, "{stage}");
    }
    for stage in ["s2-consulting", "s7-monitoring"] {
        assert_eq!(
            reach.path(&id("law-20885"), &id(stage)),
            Some(path(&["law-20885", "undersecretary", stage]))
        );
        assert_eq!(feeder(&reach, stage, "law-20885").net, NetEffect::Enables);
    }
    assert!(has_influence(&map, "congress-disagreement", "law-20885", Sign::Hinders));
    let f = feeder(&reach, "s1-developing", "congress-disagreement");
    assert_eq!((f.distance, f.net), (2, NetEffect::Hinders));
}

// 5.1 and 5.2 (polarization leaves consensus uncertain; low awareness keeps people from supporting the plan) and
// 5.1 (four factors "may have contributed" to low participation in the consultations).
#[test]
fn nhrap_polarization_weakens_consensus_and_four_factors_depress_consultations() {
    let map = nhrap();
    let reach = Reachability::compute(&map);
    assert_eq!(stages_fed(&reach, "polarization"), ["s1-developing", "s6-implementing"]);
    for stage in ["s1-developing", "s6-implementing"] {
        assert_eq!(
            reach.path(&id("polarization"), &id(stage)),
            Some(path(&["polarization", "political-consensus", stage]))
        );
        assert_eq!(feeder(&reach, stage, "polarization").net, NetEffect::Hinders);
    }
    assert!(has_influence(
        &map,
        "stakeholder-awareness",
        "political-consensus",
        Sign::Enables
    ));
    for d in [
        "civil-society-role",
        "feedback-opacity",
        "covid-19",
        "pinera-unpopularity",
    ] {
        assert_eq!(stages_fed(&reach, d), ["s2-consulting"], "{d}");
        assert_eq!(feeder(&reach, "s2-consulting", d).net, NetEffect::Hinders, "{d}");
        // The paper hedges these, and the map says so.
        let link = map.influences.iter().find(|i| i.from.as_str() == d).unwrap();
        assert_eq!(link.confidence, Some(Level::Medium), "{d}");
    }
}

// Section 3 lists the policy cycle's steps (developing, consulting, agreeing upon, designing, promoting,
// implementing, monitoring); the paper codes no determinant on the internal/external, direct/indirect or
// structural/pressure-point axes; Table 2 finds none of the three conditions satisfied.
#[test]
fn nhrap_uses_the_papers_cycle_and_conditions_and_codes_no_axis() {
    let map = nhrap();
    let labels: Vec<&str> = map.stages.iter().map(|s| s.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "Developing",
            "Consulting",
            "Agreeing upon",
            "Designing",
            "Promoting",
            "Implementing",
            "Monitoring"
        ]
    );
    for d in &map.determinants {
        assert_eq!((d.locus, d.directness, d.nature), (None, None, None), "{}", d.id);
    }
    let unmet: Vec<&str> = map
        .determinants
        .iter()
        .filter(|d| d.tags.iter().any(|t| t == "Condition not met (Table 2)"))
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(
        unmet,
        ["political-consensus", "political-benefits", "technical-capacity"]
    );
    // 4.1 says "fully implemented", 4.2 "only 63 percent": the map keeps both and says so.
    let implementing = map.stages.iter().find(|s| s.id.as_str() == "s6-implementing").unwrap();
    assert!(implementing.description.contains("fully implemented") && implementing.description.contains("63 percent"));
    // 4.2: in Chile the targets and actions were designed before the Comptroller approved the plan.
    let agreeing = map.stages.iter().find(|s| s.id.as_str() == "s3-agreeing").unwrap();
    assert!(agreeing.description.contains("after designing"));
}

// 4.1, 5.1, 5.2 and Table 2: the 2019 protests led to the 2020 plebiscite (Piñera organised it to defuse them); a
// majority backed a new constitution, yet voters rejected the rights-based draft in 2022 (concern over crime and the
// economy, the drafters' missteps, little consensus-building), so no consensus was reached and the cost-benefit
// condition is not met either.
#[test]
fn nhrap_constitutional_process_feeds_the_consensus_and_cost_benefit_conditions() {
    let map = nhrap();
    assert!(has_influence(
        &map,
        "protests-2019",
        "constitutional-plebiscite-2020",
        Sign::Enables
    ));
    assert!(has_influence(
        &map,
        "pinera-administration",
        "constitutional-plebiscite-2020",
        Sign::Enables
    ));
    assert!(has_influence(
        &map,
        "constitutional-plebiscite-2020",
        "political-consensus",
        Sign::Enables
    ));
    assert!(has_influence(
        &map,
        "convention-missteps",
        "constitution-rejected-2022",
        Sign::Enables
    ));
    for condition in ["political-consensus", "political-benefits"] {
        assert!(
            has_influence(&map, "constitution-rejected-2022", condition, Sign::Hinders),
            "{condition}"
        );
    }
    assert_eq!(
        map.determinant(&id("constitution-rejected-2022")).unwrap().effect,
        Effect::Hinder
    );
    let reach = Reachability::compute(&map);
    let f = feeder(&reach, "s6-implementing", "convention-missteps");
    assert_eq!((f.distance, f.net), (3, NetEffect::Hinders));
    // Through the UN mechanisms' pressure on the cost-benefit balance, or through the plebiscite's support.
    let f = feeder(&reach, "s6-implementing", "protests-2019");
    assert_eq!((f.distance, f.net), (3, NetEffect::Enables));
    let tagged: Vec<&str> = map
        .determinants
        .iter()
        .filter(|d| d.tags.iter().any(|t| t == "Constitutional process"))
        .map(|d| d.id.as_str())
        .collect();
    assert_eq!(
        tagged,
        [
            "protests-2019",
            "constitutional-plebiscite-2020",
            "convention-missteps",
            "constitution-rejected-2022"
        ]
    );
}

// 5.3: most resources go to formulating the plan, leaving little to report on and communicate it: a hinder of
// promoting and monitoring, not of developing (the paper does not say it caused the officials' unawareness).
#[test]
fn nhrap_formulation_focus_hinders_promoting_and_monitoring_not_developing() {
    let map = nhrap();
    let reach = Reachability::compute(&map);
    assert_eq!(
        stages_fed(&reach, "formulation-focus"),
        ["s5-promoting", "s7-monitoring"]
    );
    for stage in ["s5-promoting", "s7-monitoring"] {
        let f = feeder(&reach, stage, "formulation-focus");
        assert!(f.is_direct(), "{stage}");
        assert_eq!(f.net, NetEffect::Hinders, "{stage}");
    }
}

// The presentation tells the paper's finding: one step per condition (each not met), the constitutional process,
// and what monitoring loses without the Undersecretary.
#[test]
fn nhrap_presentation_tells_that_none_of_the_three_conditions_was_met() {
    let map = nhrap();
    assert_eq!(detmap::model::validate(&map), []);
    let titles: Vec<&str> = map.presentation.iter().map(|s| s.title.as_str()).collect();
    for n in ["Condition 1 not met", "Condition 2 not met", "Condition 3 not met"] {
        assert!(titles.iter().any(|t| t.starts_with(n)), "{n}: {titles:?}");
    }
    presentation_knock_out(&map, "undersecretary");
    let views = detmap::export::step_views(&map, &Reachability::compute(&map));
    assert_eq!(views.len(), map.presentation.len());
    every_step_has_a_short_note_and_lights_what_it_shows(&map);
}

// ---------------------------------------------------------------------------------------------------------
// Peru, business and human rights NAP (Danish Institute for Human Rights, 2021)
// ---------------------------------------------------------------------------------------------------------

// 3: the 2018-2021 national human rights plan committed Peru to a NAP "to implement in a progressive way" the
// UNGPs, with three indicators: a methodology, a baseline of 23 studies and a draft NAP.
#[test]
fn peru_national_plan_commitment_set_the_first_three_phases() {
    let map = peru();
    let reach = Reachability::compute(&map);
    let first_three = [
        "s1-methodology",
        "s2-diagnostics-baseline",
        "s3-actions-indicators-goals",
    ];
    for stage in first_three {
        let f = feeder(&reach, stage, "nhrap-commitment");
        assert!(f.is_direct(), "{stage}");
        assert_eq!(f.net, NetEffect::Enables, "{stage}");
    }
    assert!(has_influence(&map, "ungps", "nhrap-commitment", Sign::Enables));
    assert_eq!(stages_fed(&reach, "ungps"), first_three);
}

// 7.1 "Centralism": the process was centred on Lima, and the COVID-19 pandemic reinforced this as regional
// events were cancelled. The pandemic came after the 2019 methodology phase, so it feeds the baseline only.
#[test]
fn peru_covid_reinforced_centralism_which_limited_cso_participation() {
    let map = peru();
    let reach = Reachability::compute(&map);
    assert_eq!(
        reach.path(&id("covid-19"), &id("s2-diagnostics-baseline")),
        Some(path(&[
            "covid-19",
            "centralism",
            "cso-participation",
            "s2-diagnostics-baseline"
        ]))
    );
    let f = feeder(&reach, "s2-diagnostics-baseline", "covid-19");
    assert_eq!((f.distance, f.net), (3, NetEffect::Hinders));
    assert_eq!(stages_fed(&reach, "covid-19"), ["s2-diagnostics-baseline"]);
    // 7.1 "Financial limitations": limited funds, out of CSOs' reach, held their participation back.
    assert_eq!(
        map.determinant(&id("financial-limitations")).unwrap().effect,
        Effect::Hinder
    );
    let f = feeder(&reach, "s2-diagnostics-baseline", "financial-limitations");
    assert_eq!((f.distance, f.net), (2, NetEffect::Hinders));
}

// 7.2 "Trust in the NAP process" (earlier processes left CSOs hesitant; the state's attitude restored trust),
// 5.3 (training and the process built trust) and 7.2 "The role of international agencies" (their support created
// trust, and 3: they funded and carried out baseline studies).
#[test]
fn peru_trust_lost_and_rebuilt_reaches_the_baseline_through_participation() {
    let map = peru();
    let reach = Reachability::compute(&map);
    assert_eq!(
        reach.path(&id("past-distrust"), &id("s2-diagnostics-baseline")),
        Some(path(&[
            "past-distrust",
            "cso-trust",
            "cso-participation",
            "s2-diagnostics-baseline"
        ]))
    );
    assert_eq!(
        feeder(&reach, "s2-diagnostics-baseline", "past-distrust").net,
        NetEffect::Hinders
    );
    assert!(has_influence(
        &map,
        "state-considers-cso-views",
        "cso-trust",
        Sign::Enables
    ));
    assert!(has_influence(
        &map,
        "capacity-building-events",
        "cso-trust",
        Sign::Enables
    ));
    assert!(has_influence(&map, "international-support", "cso-trust", Sign::Enables));
    let f = feeder(&reach, "s2-diagnostics-baseline", "international-support");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Enables);
}

// 5.2: the opportunities to participate (the public call among them) existed because CSOs had asked for them,
// and the public call let several CSOs learn about the process and take part.
#[test]
fn peru_cso_calls_opened_the_public_call_that_brought_csos_in() {
    let map = peru();
    let reach = Reachability::compute(&map);
    assert!(has_influence(&map, "cso-calls", "public-call", Sign::Enables));
    assert_eq!(
        reach.path(&id("cso-calls"), &id("s2-diagnostics-baseline")),
        Some(path(&[
            "cso-calls",
            "public-call",
            "cso-participation",
            "s2-diagnostics-baseline"
        ]))
    );
    assert_eq!(
        feeder(&reach, "s2-diagnostics-baseline", "cso-calls").net,
        NetEffect::Enables
    );
}

// 7.1 "Institutional instability": the end of the government's term in mid-2021 pressed it to adopt the NAP
// before the end of June 2021; the study names nothing else behind the approval.
#[test]
fn peru_end_of_term_pressed_for_approval() {
    let map = peru();
    let reach = Reachability::compute(&map);
    let feeders = reach.feeders_of(&id("s4-approval-publication")).unwrap();
    assert_eq!(feeders.len(), 1);
    assert_eq!(feeders[0].determinant, id("end-of-term-pressure"));
    assert!(feeders[0].is_direct());
    assert_eq!(feeders[0].net, NetEffect::Enables);
}

// 2 and 5.3: the interviews were held in February-March 2021 and one interviewee felt the step to formulate and
// adopt the NAP had not yet begun; the study codes no axis. Section 3: the Executive Branch Working Group was
// created to coordinate government entities in preparing the NAP. So the third phase has only the commitment
// (and the UNGPs behind it) and the working group as feeders, and the map says the study says little there.
#[test]
fn peru_codes_no_axis_and_says_little_about_the_later_phases() {
    let map = peru();
    for d in &map.determinants {
        assert_eq!((d.locus, d.directness, d.nature), (None, None, None), "{}", d.id);
    }
    assert!(map.description.contains("says little about the later phases"));
    let reach = Reachability::compute(&map);
    let mut feeders: Vec<&str> = reach
        .feeders_of(&id("s3-actions-indicators-goals"))
        .unwrap()
        .iter()
        .map(|f| f.determinant.as_str())
        .collect();
    feeders.sort();
    assert_eq!(feeders, ["executive-working-group", "nhrap-commitment", "ungps"]);
    let f = feeder(&reach, "s3-actions-indicators-goals", "executive-working-group");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Enables);
}

// 7.1 names four challenges to CSO participation: centralism, financial limitations, gender participation (the
// voices in the NBA discussions were mainly male) and institutional instability. Each is a hinder, tagged as a
// challenge, and holds the baseline back.
#[test]
fn peru_the_four_challenges_of_section_7_1_hold_the_baseline_back() {
    let map = peru();
    let reach = Reachability::compute(&map);
    for d in [
        "centralism",
        "financial-limitations",
        "gender-participation-gap",
        "institutional-instability",
    ] {
        let det = map.determinant(&id(d)).unwrap();
        assert_eq!(det.effect, Effect::Hinder, "{d}");
        assert!(det.tags.iter().any(|t| t == "challenge"), "{d}");
        assert_eq!(
            feeder(&reach, "s2-diagnostics-baseline", d).net,
            NetEffect::Hinders,
            "{d}"
        );
    }
    assert!(has_influence(
        &map,
        "gender-participation-gap",
        "cso-participation",
        Sign::Hinders
    ));
    let gender = map.determinant(&id("gender-participation-gap")).unwrap();
    assert!(gender.tags.iter().any(|t| t == "gender"));
    // 7.1 counts 16 subnational workshops, the Ministry's table in section 3 22 regional dialogues: both kept.
    let centralism = map.determinant(&id("centralism")).unwrap();
    assert!(
        centralism.notes.contains("16 subnational workshops") && centralism.notes.contains("22 regional dialogues")
    );
}

// 5.1: some public authorities are not open to CSO participation, which impedes presenting their demands to the
// state (said of policy-making generally, so the map hedges it).
#[test]
fn peru_authorities_closed_to_participation_impede_cso_demands() {
    let map = peru();
    assert!(has_influence(&map, "authorities-closed", "cso-calls", Sign::Hinders));
    let link = map
        .influences
        .iter()
        .find(|i| i.from.as_str() == "authorities-closed")
        .unwrap();
    assert_eq!(link.confidence, Some(Level::Medium));
    let reach = Reachability::compute(&map);
    assert_eq!(
        feeder(&reach, "s2-diagnostics-baseline", "authorities-closed").net,
        NetEffect::Hinders
    );
}

// 6 ("without civil society, multi-stakeholder processes are not multi-stakeholder") and 7.4 (CSOs played a
// significant role in the NBA): the presentation's knock-out takes CSO participation away, and the baseline loses
// the good practices that reach it only through participation.
#[test]
fn peru_presentation_knocks_out_cso_participation() {
    let map = peru();
    let loss = presentation_knock_out(&map, "cso-participation");
    let baseline = loss
        .losses
        .iter()
        .find(|l| l.stage.as_str() == "s2-diagnostics-baseline")
        .expect("the baseline loses enablers");
    for d in [
        "cso-trust",
        "cso-platform",
        "public-call",
        "state-neutrality",
        "defensoria",
    ] {
        assert!(baseline.lost_enablers.contains(&id(d)), "{d}");
    }
    every_step_has_a_short_note_and_lights_what_it_shows(&map);
}

// ---------------------------------------------------------------------------------------------------------
// Chile, open government action plans (IRM design report 2018-2020; OGP post on the forum, 2018)
// ---------------------------------------------------------------------------------------------------------

// OGP post, paragraphs 3-4: civil society asked for a formal mechanism, stakeholders wrote it into the action
// plan as a commitment, and Resolution No 852 created it; IRM report, overview: the forum co-creates and
// monitors the plans.
#[test]
fn ogp_civil_society_demand_became_the_forum_through_a_plan_commitment() {
    let map = ogp();
    let reach = Reachability::compute(&map);
    for stage in ["s1-co-creation", "s4-monitoring"] {
        assert_eq!(
            reach.path(&id("cso-demands-formal-mechanism"), &id(stage)),
            Some(path(&[
                "cso-demands-formal-mechanism",
                "nap-commitment-formal-mechanism",
                "formal-forum",
                stage
            ]))
        );
        let f = feeder(&reach, stage, "cso-demands-formal-mechanism");
        assert_eq!((f.distance, f.net), (3, NetEffect::Enables), "{stage}");
    }
}

// OGP post, paragraphs 1 and 4: the dialogue began with the General Secretariat of the Presidency in 2012, the
// 2014 Bachelet government broadened it and held regular co-creation and monitoring meetings, and the
// Secretariat issued the resolution that formalised it.
#[test]
fn ogp_the_presidency_started_and_formalised_the_dialogue() {
    let map = ogp();
    assert!(has_influence(&map, "segpres", "permanent-dialogue", Sign::Enables));
    assert!(has_influence(&map, "segpres", "formal-forum", Sign::Enables));
    assert!(has_influence(&map, "permanent-dialogue", "formal-forum", Sign::Enables));
    let reach = Reachability::compute(&map);
    let f = feeder(&reach, "s1-co-creation", "segpres");
    assert_eq!((f.distance, f.net), (2, NetEffect::Enables));
    assert_eq!(
        reach.path(&id("bachelet-2014"), &id("s4-monitoring")),
        Some(path(&["bachelet-2014", "permanent-dialogue", "s4-monitoring"]))
    );
}

// OGP post, paragraph 2: the 2016 open call and the government's dialogue sessions made the 2016-2018 plan
// considerably more ambitious; IRM report, summary and overview: the 2018-2020 plan's unclear expected outcomes
// and the difficulties of inclusive processes held its ambition back.
#[test]
fn ogp_design_ambition_rose_with_the_2016_process_and_fell_with_unclear_commitments() {
    let map = ogp();
    let reach = Reachability::compute(&map);
    for d in ["cso-open-call-2016", "government-dialogue-sessions-2016"] {
        let f = feeder(&reach, "s2-design", d);
        assert!(f.is_direct(), "{d}");
        assert_eq!(f.net, NetEffect::Enables, "{d}");
    }
    for d in ["unclear-expected-outcomes", "inclusive-process-difficulties"] {
        assert_eq!(map.determinant(&id(d)).unwrap().effect, Effect::Hinder, "{d}");
        assert_eq!(stages_fed(&reach, d), ["s2-design"], "{d}");
        assert_eq!(feeder(&reach, "s2-design", d).net, NetEffect::Hinders, "{d}");
    }
}

// IRM report, overview: development improved despite the change of government; both texts: participation in
// implementation beyond consulting and informing remains a challenge; the forum's role there is only expected.
#[test]
fn ogp_obstacles_to_development_and_implementation() {
    let map = ogp();
    let reach = Reachability::compute(&map);
    assert_eq!(stages_fed(&reach, "change-of-government-2018"), ["s1-co-creation"]);
    assert_eq!(
        feeder(&reach, "s1-co-creation", "change-of-government-2018").net,
        NetEffect::Hinders
    );
    let f = feeder(&reach, "s3-implementation", "limited-participation-implementation");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Hinders);
    let expected = map
        .influences
        .iter()
        .find(|i| i.from.as_str() == "formal-forum" && i.to.as_str() == "s3-implementation")
        .expect("forum -> implementation");
    assert_eq!(expected.confidence, Some(Level::Low));
    // Two sources, each cited.
    let cited: std::collections::BTreeSet<&str> = map
        .influences
        .iter()
        .flat_map(|i| i.evidence.iter().map(|e| e.source.as_str()))
        .collect();
    assert_eq!(
        cited.into_iter().collect::<Vec<_>>(),
        ["irm-2021-chile-design", "ogp-chile-forum-2018"]
    );
}

// IRM report, Table 3: four of the five key recommendations name a remedy whose gap the map draws as a hinder (a
// strategy to engage government entities and talk to the Committee; engaging stakeholders who do not take part;
// more relevance to OGP values; a prioritisation open to experts), at low confidence because the report implies
// the gap rather than stating its effect; the fifth (engage rather than inform) backs the existing hinder of
// implementation.
#[test]
fn ogp_irm_recommendations_imply_hinders_at_low_confidence() {
    let map = ogp();
    let reach = Reachability::compute(&map);
    for (d, stage) in [
        ("no-engagement-strategy", "s1-co-creation"),
        ("stakeholders-outside-process", "s1-co-creation"),
        ("low-relevance-to-ogp-values", "s2-design"),
        ("prioritisation-without-experts", "s2-design"),
    ] {
        assert_eq!(map.determinant(&id(d)).unwrap().effect, Effect::Hinder, "{d}");
        assert_eq!(stages_fed(&reach, d), [stage], "{d}");
        let f = feeder(&reach, stage, d);
        assert!(f.is_direct(), "{d}");
        assert_eq!(f.net, NetEffect::Hinders, "{d}");
        let link = map.influences.iter().find(|i| i.from.as_str() == d).unwrap();
        assert_eq!(link.confidence, Some(Level::Low), "{d}");
        assert!(link.evidence.iter().all(|e| e.location.starts_with("Table 3")), "{d}");
    }
    let informing = map
        .determinants
        .iter()
        .find(|d| d.id.as_str() == "limited-participation-implementation")
        .unwrap();
    assert!(informing.evidence.iter().any(|e| e.location.starts_with("Table 3")));
}

// OGP post, paragraph 2 (the 2016 process) and the IRM report (the 2018-2020 plan): both feed "design", of two
// different plans. The map says which plan each factor and each influence into a stage belongs to, and codes no
// axis neither text codes.
#[test]
fn ogp_plan_cycles_are_told_apart() {
    let map = ogp();
    for d in &map.determinants {
        assert_eq!((d.locus, d.directness, d.nature), (None, None, None), "{}", d.id);
        assert!(!d.tags.is_empty(), "{} names its plan", d.id);
    }
    let stage_ids: Vec<&str> = map.stages.iter().map(|s| s.id.as_str()).collect();
    for i in map.influences.iter().filter(|i| stage_ids.contains(&i.to.as_str())) {
        assert!(
            i.note.starts_with("Plan cycle") || i.note.starts_with("Every plan cycle"),
            "{} names its plan cycle: {:?}",
            i.id,
            i.note
        );
    }
    let reach = Reachability::compute(&map);
    let design_by_plan = |tag: &str| -> Vec<String> {
        let mut v: Vec<String> = reach
            .feeders_of(&id("s2-design"))
            .unwrap()
            .iter()
            .filter(|f| f.is_direct())
            .filter(|f| map.determinant(&f.determinant).unwrap().tags.iter().any(|t| t == tag))
            .map(|f| f.determinant.as_str().to_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        design_by_plan("3rd plan (2016-2018)"),
        ["cso-open-call-2016", "government-dialogue-sessions-2016"]
    );
    assert_eq!(
        design_by_plan("4th plan (2018-2020)"),
        [
            "inclusive-process-difficulties",
            "low-relevance-to-ogp-values",
            "prioritisation-without-experts",
            "unclear-expected-outcomes"
        ]
    );
    let design = map.stages.iter().find(|s| s.id.as_str() == "s2-design").unwrap();
    assert!(design.description.contains("Pools the design of all four plans"));
}

// OGP post, paragraphs 3-5 and the IRM overview: the forum carries the demand that created it, the commitment and
// the networks to co-creation and monitoring. The presentation's knock-out shows monitoring losing them.
#[test]
fn ogp_presentation_knocks_out_the_forum() {
    let map = ogp();
    let loss = presentation_knock_out(&map, "formal-forum");
    let monitoring = loss
        .losses
        .iter()
        .find(|l| l.stage.as_str() == "s4-monitoring")
        .expect("monitoring loses enablers");
    for d in [
        "cso-demands-formal-mechanism",
        "nap-commitment-formal-mechanism",
        "stakeholder-networks",
    ] {
        assert!(monitoring.lost_enablers.contains(&id(d)), "{d}");
    }
    // The networks keep their own link to co-creation (IRM overview); the demand and the commitment do not.
    let co_creation = loss
        .losses
        .iter()
        .find(|l| l.stage.as_str() == "s1-co-creation")
        .expect("co-creation loses enablers");
    assert!(co_creation.lost_enablers.contains(&id("cso-demands-formal-mechanism")));
    assert!(
        co_creation
            .lost_enablers
            .contains(&id("nap-commitment-formal-mechanism"))
    );
    assert!(!co_creation.lost_enablers.contains(&id("stakeholder-networks")));
    every_step_has_a_short_note_and_lights_what_it_shows(&map);
}
