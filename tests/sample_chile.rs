//! The Chile sample map (samples/chile-anti-trafficking.ron) says what the BIICL case study says.
//!
//! Each test checks a fact the study states (BIICL, "Determinants of Anti-Trafficking Efforts: Chile",
//! 2022); the comment above it names the section. Section names follow the study's headings.

mod common;

use common::samples::*;
use detmap::analysis::{NetEffect, Reachability};
use detmap::model::{Directness, Effect, Locus, Map, Nature, Sign};

fn map() -> Map {
    load("chile-anti-trafficking.ron")
}

// Particulars by stage of response > Acknowledgment and prioritisation > "Civil Society: Early research and
// efforts in visibility: internal, direct, pressure point": NGO research made trafficking visible, and Raíces
// and other NGOs asked congresswoman Saa to sponsor the bill.
#[test]
fn civil_society_research_made_trafficking_visible_and_led_to_the_bill() {
    let map = map();
    let d = map.determinant(&id("cs-early-research")).expect("cs-early-research");
    assert_eq!(d.categories, vec!["Civil society".to_owned()]);
    assert_eq!(
        (d.locus, d.directness, d.nature),
        (
            Some(Locus::Internal),
            Some(Directness::Direct),
            Some(Nature::PressurePoint)
        )
    );

    let reach = Reachability::compute(&map);
    let f = feeder(&reach, "s1-acknowledgment", "cs-early-research");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Enables);
    // Focus: The enactment of Law 20.507: the NGO and IOM studies justified the 2005 bill (Bill 3778-18).
    assert!(has_influence(&map, "cs-early-research", "pw-cs-match", Sign::Enables));
    assert!(has_influence(
        &map,
        "cs-early-research",
        "pw-gender-representation",
        Sign::Enables
    ));
    assert_eq!(
        feeder(&reach, "s2-adoption", "cs-early-research").net,
        NetEffect::Enables
    );
}

// Particulars by stage of response > Adoption of legislation > "Conflict and natural disasters: The 2010
// Earthquake": the earthquake made the Executive withdraw the bill's urgency.
#[test]
fn the_2010_earthquake_hindered_the_adoption_of_the_law() {
    let map = map();
    let reach = Reachability::compute(&map);
    let f = feeder(&reach, "s2-adoption", "earthquake-2010");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Hinders);
    assert_eq!(map.determinant(&id("earthquake-2010")).unwrap().effect, Effect::Hinder);
    // The study gives it no other effect.
    let fed: Vec<&str> = reach
        .stages_fed_by(&id("earthquake-2010"))
        .iter()
        .map(|(s, _)| s.as_str())
        .collect();
    assert_eq!(fed, vec!["s2-adoption"]);
}

// Particulars by stage of response > Adoption > "External monitoring/Threat of sanctions: The International
// pressure and influence of the U.S.: external, direct, pressure point", and Focus: The enactment of Law 20.507:
// US pressure before President Obama's 2011 visit won the Executive's full support, and Saa and NGOs lobbied
// senators with the US Embassy (Partnership > "Political will: When political will met civil society...").
#[test]
fn united_states_pressure_drove_the_law_directly_and_through_the_executive() {
    let map = map();
    let reach = Reachability::compute(&map);
    let f = feeder(&reach, "s2-adoption", "us-pressure");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Enables);
    assert!(has_influence(
        &map,
        "us-pressure",
        "pw-executive-prosecution",
        Sign::Enables
    ));
    // The Embassy joined the Saa-NGO partnership as it carried the bill (Partnership heading), not the
    // partnership that made trafficking a priority before the bill was introduced in 2005 (stage 1 heading).
    assert!(has_influence(&map, "us-pressure", "pw-met-cs", Sign::Enables));
    assert!(!has_influence(&map, "us-pressure", "pw-cs-match", Sign::Enables));
    assert!(feeder(&reach, "s2-adoption", "pw-met-cs").is_direct());
    assert_eq!(stages_fed(&reach, "pw-cs-match"), ["s1-acknowledgment"]);
    // Focus: The enactment of Law 20.507 (relevance): the US acted through its TIP monitoring too.
    assert!(has_influence(&map, "tip-report", "us-pressure", Sign::Enables));
    assert!(!stages_fed(&reach, "us-pressure").contains(&"s1-acknowledgment".to_owned()));
}

/// The first year in which the study dates a determinant acting, for the determinants it dates.
/// Each entry names what the study dates.
const FIRST_ACTS: &[(&str, u16, &str)] = &[
    (
        "us-pressure",
        2010,
        "the US Embassy joined Saa and NGOs a year before Obama's 2011 visit (Focus: Law 20.507)",
    ),
    ("earthquake-2010", 2010, "the February 2010 earthquake (stage 2)"),
    (
        "pw-executive-prosecution",
        2010,
        "the Piñera administration (2010-2014) and its 2011 reform of the MISP (Prosecution)",
    ),
    (
        "pw-place-for-encounter",
        2008,
        "Decree 2821 of July 2008 (stage 5; Context)",
    ),
    (
        "mitp-multistakeholder",
        2008,
        "the MITP, created in 2008 (stage 5; Context)",
    ),
    (
        "pw-shelter-resources",
        2012,
        "the shelter the State funds since 2012 (Context; Protection dates it 2013)",
    ),
    (
        "legalistic-culture",
        2013,
        "the interagency agreement of December 2013 (Partnership)",
    ),
    (
        "mitp-keeping-priority",
        2013,
        "the 2013 agreement and the 2014 MISP objectives (stage 7)",
    ),
    ("crimmigration", 2018, "'from 2018 onward' (stage 4)"),
    (
        "technology",
        2020,
        "the move online in the COVID-19 pandemic (Prevention)",
    ),
    ("covid-19", 2020, "the pandemic (COVID-19)"),
    ("decree-1817", 2021, "Decree 1817 of July 2021 (Context, n 18)"),
    ("feminist-revolution", 2018, "March 2018 (Sexual exploitation)"),
    (
        "ilo-initiatives",
        2019,
        "Alliance 8.7 Pathfinder country in 2019 (Forced labour)",
    ),
    (
        "child-labour-connection",
        2019,
        "'only possible in 2019' (Other exploitative purposes)",
    ),
    (
        "pw-raising-awareness",
        2018,
        "the Child Ombudsman, created in 2018 (Other exploitative purposes)",
    ),
    (
        "new-standards",
        2009,
        "Law 20.393 of 2009 (Perpetrator profile, legal entities)",
    ),
];

/// The last year in which the study dates an act of a stage, for the stages it bounds. Only stage 1
/// ends: the study tells acknowledgment and prioritisation from the first Raíces study (2001) to the bill's
/// introduction (January 2005) and the second route mapping (2007); every later stage runs to the present.
const LAST_ACTS: &[(&str, u16)] = &[("s1-acknowledgment", 2007)];

// Time runs one way: no path leads from a determinant the study dates to a stage it dates as over before
// that determinant began (United States pressure of 2010-2011 cannot have fed the acknowledgment of 2001-2005).
#[test]
fn no_path_runs_backwards_in_time_between_ends_the_study_dates() {
    let map = map();
    let reach = Reachability::compute(&map);
    let mut backwards = Vec::new();
    for (determinant, first, what) in FIRST_ACTS {
        assert!(
            map.determinant(&id(determinant)).is_some(),
            "{determinant} is in the map"
        );
        for (stage, last) in LAST_ACTS {
            if first > last && stages_fed(&reach, determinant).iter().any(|s| s == stage) {
                let path = reach.path(&id(determinant), &id(stage)).unwrap();
                backwards.push(format!(
                    "{determinant} ({what}) reaches {stage} (to {last}) by {path:?}"
                ));
            }
        }
    }
    assert!(backwards.is_empty(), "{backwards:#?}");
}

// Particulars by stage of response > Allocation of resources, and Implementation: "Understanding trafficking:
// Lack of reliable Data as a hinder: internal, indirect, structural" is listed under both stages and under
// Prevention; low official figures minimise the crime and the funding it gets.
#[test]
fn lack_of_reliable_data_hinders_resources_and_implementation() {
    let map = map();
    let d = map.determinant(&id("lack-of-reliable-data")).unwrap();
    assert_eq!(d.effect, Effect::Hinder);
    assert!(d.tags.iter().any(|t| t == "prevention"));
    let reach = Reachability::compute(&map);
    for stage in ["s3-resources", "s4-implementation"] {
        let f = feeder(&reach, stage, "lack-of-reliable-data");
        assert!(f.is_direct(), "{stage}");
        assert_eq!(f.net, NetEffect::Hinders, "{stage}");
    }
    // It also deepens the lack of political will to fund (stage 3, "Or the lack of...").
    assert!(has_influence(
        &map,
        "lack-of-reliable-data",
        "pw-lack-of",
        Sign::Enables
    ));
    assert_eq!(
        reach.path_with_sign(&id("lack-of-reliable-data"), &id("s3-resources"), Sign::Hinders),
        Some(path(&["lack-of-reliable-data", "s3-resources"]))
    );
}

// Particulars by type of response > Prosecution > "Framing of trafficking as transnational organized crime",
// and by stage > Implementation > "Framing of trafficking as a hinder": the organised-crime framing led to Law
// 20.507 but hinders the detection of victims.
#[test]
fn palermo_framing_won_the_law_and_hurts_victim_detection() {
    let map = map();
    let d = map.determinant(&id("palermo-framing")).unwrap();
    assert_eq!(
        (d.locus, d.directness, d.nature),
        (
            Some(Locus::External),
            Some(Directness::Direct),
            Some(Nature::Structural)
        )
    );
    let reach = Reachability::compute(&map);
    assert_eq!(feeder(&reach, "s2-adoption", "palermo-framing").net, NetEffect::Enables);
    let f = feeder(&reach, "s4-implementation", "palermo-framing");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Hinders);
    // Focus: The enactment of Law 20.507 (concerns): political will was harnessed by the organised-crime claim.
    assert!(has_influence(
        &map,
        "palermo-framing",
        "pw-executive-prosecution",
        Sign::Enables
    ));
}

// Particulars by type of response > Prosecution > "Case law: Judges as a hinder", "Accusatorial system as a
// hinder" and "High-maintenance cases as a hinder": case law is a cause of both, and all hinder prosecution.
#[test]
fn case_law_hinders_implementation_directly_and_through_the_prosecution_system() {
    let map = map();
    assert!(has_influence(
        &map,
        "case-law-judges",
        "high-maintenance-cases",
        Sign::Enables
    ));
    assert!(has_influence(
        &map,
        "case-law-judges",
        "accusatorial-system",
        Sign::Enables
    ));
    let reach = Reachability::compute(&map);
    for d in [
        "case-law-judges",
        "accusatorial-system",
        "high-maintenance-cases",
        "corruption",
        "crimmigration",
    ] {
        let f = feeder(&reach, "s4-implementation", d);
        assert!(f.is_direct(), "{d}");
        assert_eq!(f.net, NetEffect::Hinders, "{d}");
    }
}

// Particulars by stage of response > Implementation and > Partnerships: "International Mechanisms: Regional
// bodies as instances of international cooperation: external, direct, structural" is listed under both stages
// (one determinant, two influences); Prosecution and Partnership list REDTRAM too.
#[test]
fn regional_bodies_and_redtram_feed_implementation_and_partnerships() {
    let map = map();
    let d = map.determinant(&id("regional-cooperation")).unwrap();
    assert_eq!(d.categories, vec!["International mechanisms".to_owned()]);
    assert!(d.tags.iter().any(|t| t == "prosecution") && d.tags.iter().any(|t| t == "partnership"));
    let reach = Reachability::compute(&map);
    let fed = reach.stages_fed_by(&id("regional-cooperation"));
    let direct: Vec<&str> = fed
        .iter()
        .filter(|(_, f)| f.is_direct())
        .map(|(s, _)| s.as_str())
        .collect();
    assert_eq!(direct, vec!["s4-implementation", "s5-partnerships"]);
    assert!(fed.iter().all(|(_, f)| f.net == NetEffect::Enables));
}

// Particulars by type of response > Prosecution > "Civil society: Unresolved tension with the State" hinders
// joint action; Partnership > "International organizations as mediators with the State" softened those
// tensions. A hinder of a hinder enables.
#[test]
fn international_organisations_soften_the_tension_that_hinders_partnerships() {
    let map = map();
    let reach = Reachability::compute(&map);
    let tension = feeder(&reach, "s5-partnerships", "cs-state-tension");
    assert!(tension.is_direct());
    assert_eq!(tension.net, NetEffect::Hinders);
    assert!(has_influence(&map, "io-mediators", "cs-state-tension", Sign::Hinders));
    let mediators = feeder(&reach, "s4-implementation", "io-mediators");
    assert_eq!(mediators.distance, 2);
    assert_eq!(mediators.net, NetEffect::Enables);
    assert_eq!(
        reach.path(&id("io-mediators"), &id("s4-implementation")),
        Some(path(&["io-mediators", "cs-state-tension", "s4-implementation"]))
    );
}

// Focus: Intersectoral Table on TIP > Determinants: gender representation mobilised political will to fund
// victims' services (the shelter for trafficked women, Protection > "Political will: Allocating resources for
// trafficked women"), and women in leading positions pushed the MITP forward.
#[test]
fn women_in_leading_positions_fund_victims_and_sustain_the_mitp() {
    let map = map();
    let reach = Reachability::compute(&map);
    let f = feeder(&reach, "s3-resources", "gender-leading-ladies");
    assert_eq!(f.distance, 2);
    assert_eq!(f.net, NetEffect::Enables);
    assert_eq!(
        reach.path(&id("gender-leading-ladies"), &id("s3-resources")),
        Some(path(&["gender-leading-ladies", "pw-shelter-resources", "s3-resources"]))
    );
    assert!(has_influence(
        &map,
        "gender-leading-ladies",
        "mitp-keeping-priority",
        Sign::Enables
    ));
    let s = feeder(&reach, "s7-sustainability", "gender-leading-ladies");
    assert!(s.is_direct());
    assert_eq!(s.net, NetEffect::Enables);
}

// Particulars by type of response > Partnership > "Structural conditions: Legalistic culture" and Focus:
// Intersectoral Table on TIP: the written interagency agreement kept the MITP working through four
// administrations.
#[test]
fn legalistic_culture_sustains_the_intersectoral_table() {
    let map = map();
    let d = map.determinant(&id("legalistic-culture")).unwrap();
    assert_eq!(
        (d.locus, d.directness, d.nature),
        (
            Some(Locus::Internal),
            Some(Directness::Indirect),
            Some(Nature::Structural)
        )
    );
    assert!(has_influence(
        &map,
        "legalistic-culture",
        "mitp-keeping-priority",
        Sign::Enables
    ));
    let reach = Reachability::compute(&map);
    let f = feeder(&reach, "s7-sustainability", "legalistic-culture");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Enables);
}

// Particulars by stage of response > Partnerships > "Political will: Securing a place for encounter": the
// decree was drafted to make the MITP multistakeholder; Focus: Intersectoral Table on TIP: its
// multistakeholder nature promoted partnerships to counterbalance the lack of resources.
#[test]
fn political_will_built_the_multistakeholder_table_that_fosters_partnerships() {
    let map = map();
    assert!(has_influence(
        &map,
        "pw-place-for-encounter",
        "mitp-multistakeholder",
        Sign::Enables
    ));
    assert!(has_influence(
        &map,
        "mitp-multistakeholder",
        "cs-state-cooperation-funding",
        Sign::Enables
    ));
    let reach = Reachability::compute(&map);
    for d in ["pw-place-for-encounter", "mitp-multistakeholder", "cs-weaving-web"] {
        let f = feeder(&reach, "s5-partnerships", d);
        assert!(f.is_direct(), "{d}");
        assert_eq!(f.net, NetEffect::Enables, "{d}");
    }
}

// Focus: The enactment of Law 20.507 and Intersectoral Table on TIP: the Executive's prosecution focus got
// police resources but starved the MITP (Focus on the MITP, concerns), so its net effect on resources is mixed.
#[test]
fn the_executive_focus_on_prosecution_has_a_mixed_effect_on_resources() {
    let map = map();
    assert!(has_influence(
        &map,
        "pw-executive-prosecution",
        "s3-resources",
        Sign::Enables
    ));
    assert!(has_influence(
        &map,
        "pw-executive-prosecution",
        "pw-lack-of",
        Sign::Enables
    ));
    assert!(has_influence(&map, "pw-lack-of", "s3-resources", Sign::Hinders));
    let reach = Reachability::compute(&map);
    assert_eq!(
        feeder(&reach, "s3-resources", "pw-executive-prosecution").net,
        NetEffect::Mixed
    );
    assert_eq!(
        reach.path_with_sign(&id("pw-executive-prosecution"), &id("s3-resources"), Sign::Hinders),
        Some(path(&["pw-executive-prosecution", "pw-lack-of", "s3-resources"]))
    );
}

/// Headings whose text states no effect on the response or on another determinant: they are in the map (the
/// study codes them) but influence nothing, rather than with an influence the study does not state.
const NO_STATED_EFFECT: [&str; 7] = [
    "cs-forced-criminality",      // Forced criminality > "Civil society: Identifying the trend"
    "pw-raising-awareness", // Other purposes > "Political will (2): Raising awareness" (not yet about trafficking)
    "redtram-migration",    // Citizenship > "Political will: The role of international networks of prosecutors"
    "perpetrator-discrimination", // Perpetrator profile > "Structural conditions: Trends of discrimination"
    "migration-dynamics",   // Perpetrator profile > "Structural conditions: Migration and Dynamics of trafficking"
    "cs-business-awareness", // Perpetrator profile > "Civil society: Raising awareness ..."
    "outgoing-policy-absence", // Type of trafficking > "Absence of policy in outgoing trafficking"
];

// Particulars by stage of response lists seven stages, in this order; the TIP report ("External monitoring:
// US Department of State Tip Report: external, indirect, structural") is a monitoring determinant.
#[test]
fn seven_stages_in_order_and_every_determinant_with_a_stated_effect_feeds_one() {
    let map = map();
    let stages: Vec<&str> = map.stages.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        stages,
        [
            "s1-acknowledgment",
            "s2-adoption",
            "s3-resources",
            "s4-implementation",
            "s5-partnerships",
            "s6-monitoring",
            "s7-sustainability"
        ]
    );
    let reach = Reachability::compute(&map);
    let mut unlinked: Vec<&str> = reach.feeding_no_stage().iter().map(|d| d.as_str()).collect();
    unlinked.sort_unstable();
    let mut expected = NO_STATED_EFFECT.to_vec();
    expected.sort_unstable();
    assert_eq!(unlinked, expected);
    for d in NO_STATED_EFFECT {
        assert!(!map.influences.iter().any(|i| i.from.as_str() == d), "{d}");
    }
    let f = feeder(&reach, "s6-monitoring", "tip-report");
    assert!(f.is_direct());
    assert!(has_influence(&map, "tip-report", "s6-monitoring", Sign::Enables));
    // Net mixed: the TIP report also acts through US pressure on the Executive, whose prosecution focus
    // deepened the lack of political will that restricts monitoring (Focus: Intersectoral Table on TIP).
    assert_eq!(
        reach.path_with_sign(&id("tip-report"), &id("s6-monitoring"), Sign::Enables),
        Some(path(&["tip-report", "s6-monitoring"]))
    );
}

// Research-based maps live or die by their evidence: every determinant and influence cites the study.
#[test]
fn every_determinant_and_influence_has_evidence_from_the_study() {
    let map = map();
    assert_eq!(map.sources.len(), 1);
    let source = &map.sources[0].id;
    for d in &map.determinants {
        assert!(!d.evidence.is_empty(), "determinant `{}` has no evidence", d.id);
        for e in &d.evidence {
            assert_eq!(&e.source, source);
            assert!(
                !e.location.is_empty() && !e.paraphrase.is_empty(),
                "determinant `{}`",
                d.id
            );
        }
    }
    for i in &map.influences {
        assert!(!i.evidence.is_empty(), "influence `{}` has no evidence", i.id);
        for e in &i.evidence {
            assert_eq!(&e.source, source);
            assert!(
                !e.location.is_empty() && !e.paraphrase.is_empty(),
                "influence `{}`",
                i.id
            );
        }
    }
    let between = map
        .influences
        .iter()
        .filter(|i| map.determinant(&i.to).is_some())
        .count();
    assert!(between >= 25, "only {between} influences between determinants");
}

// COVID-19 > Impact on anti-trafficking efforts: the pandemic limited inspections, delayed investigations and
// suspended trials (a hinder of implementation), and its one unintended good, the move online, is the Prevention
// determinant "Technology: Expanding prevention through the use of technology". No heading codes it.
#[test]
fn covid_19_set_back_enforcement_and_moved_prevention_online() {
    let map = map();
    let d = map.determinant(&id("covid-19")).expect("covid-19");
    assert_eq!((d.locus, d.directness, d.nature), (None, None, None));
    assert_eq!(d.effect, Effect::Hinder);
    assert!(has_influence(&map, "covid-19", "technology", Sign::Enables));
    let reach = Reachability::compute(&map);
    let f = feeder(&reach, "s4-implementation", "covid-19");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Hinders);
}

// Context: "Decree 2821 was recently replaced by Decree 1817 of 2021"; Sustainability > "The MITP: Keeping the
// priority alive": the new members were formally incorporated in Decree 1817; Focus: Intersectoral Table on TIP >
// Concerns: the reform put organised crime first, and victims' identification and protection might suffer.
#[test]
fn the_2021_decree_widened_the_table_but_turned_it_to_organised_crime() {
    let map = map();
    assert!(map.determinant(&id("decree-1817")).is_some());
    assert!(has_influence(
        &map,
        "decree-1817",
        "mitp-keeping-priority",
        Sign::Enables
    ));
    assert!(has_influence(&map, "decree-1817", "s4-implementation", Sign::Hinders));
    let reach = Reachability::compute(&map);
    // It widened the Table that keeps the priority alive, and it deepened the tension that undermines
    // State-NGO cooperation: both reach sustainability, so the net effect is mixed.
    assert_eq!(feeder(&reach, "s7-sustainability", "decree-1817").net, NetEffect::Mixed);
    assert_eq!(
        reach.path_with_sign(&id("decree-1817"), &id("s7-sustainability"), Sign::Enables),
        Some(path(&["decree-1817", "mitp-keeping-priority", "s7-sustainability"]))
    );
    assert_eq!(
        feeder(&reach, "s4-implementation", "decree-1817").net,
        NetEffect::Hinders
    );
}

// Focus: Intersectoral Table on TIP > Relevance: political will "has not extended to implementation, restricting
// the MITP's capacity to improve, enforce, monitor and evaluate"; Sustainability: the MITP lasted "despite not
// being funded"; stage 3 > "Political will: Or the lack of...": no budget was ever assigned to the MITP.
#[test]
fn the_lack_of_political_will_hinders_resources_enforcement_monitoring_and_sustainability() {
    let map = map();
    let reach = Reachability::compute(&map);
    for stage in [
        "s3-resources",
        "s4-implementation",
        "s6-monitoring",
        "s7-sustainability",
    ] {
        let f = feeder(&reach, stage, "pw-lack-of");
        assert!(f.is_direct(), "{stage}");
        assert!(has_influence(&map, "pw-lack-of", stage, Sign::Hinders), "{stage}");
    }
    // Monitoring (stage 6, absence of impact indicators): the State's data production makes the crime's
    // scale impossible to assess; the data gap hinders monitoring too.
    let f = feeder(&reach, "s6-monitoring", "lack-of-reliable-data");
    assert!(f.is_direct());
    assert_eq!(f.net, NetEffect::Hinders);
}

/// The study's lenses beside the stages of response, as tags: the type of response (the 4 Ps), the form of
/// exploitation, the trafficked persons' profile, the perpetrator profile and the type of trafficking.
const LENSES: [&str; 5] = [
    "lens: type of response",
    "lens: form of exploitation",
    "lens: trafficked persons' profile",
    "lens: perpetrator profile",
    "lens: type of trafficking",
];

fn tagged(map: &Map, determinant: &str, tag: &str) -> bool {
    map.determinant(&id(determinant))
        .unwrap_or_else(|| panic!("{determinant}"))
        .tags
        .iter()
        .any(|t| t == tag)
}

// "Particulars of determinants" by type of response, form of exploitation, trafficked persons' profile,
// perpetrator profile and type of trafficking: every determinant coded under one of them carries its lens,
// and a 4 Ps tag always comes with the type-of-response lens.
#[test]
fn every_lens_of_the_study_has_its_determinants() {
    let map = map();
    for lens in LENSES {
        assert!(map.tags.iter().any(|t| t == lens), "{lens} is in the tag list");
        let n = map
            .determinants
            .iter()
            .filter(|d| d.tags.iter().any(|t| t == lens))
            .count();
        assert!(n >= 2, "{lens}: {n} determinants");
    }
    for d in &map.determinants {
        let four_ps = d
            .tags
            .iter()
            .any(|t| ["prosecution", "protection", "prevention", "partnership"].contains(&t.as_str()));
        assert_eq!(four_ps, d.tags.iter().any(|t| t == LENSES[0]), "{}", d.id);
    }
    // Merged where two headings describe one determinant: the case law of judges is coded under stage 4,
    // Prosecution, sexual exploitation and forced labour; the Palermo framing under stage 4, Prosecution,
    // forced criminality, the perpetrators' profile and the type of trafficking.
    for tag in ["prosecution", "sexual exploitation", "forced labour"] {
        assert!(tagged(&map, "case-law-judges", tag), "{tag}");
    }
    for tag in [
        "prosecution",
        "forced criminality",
        "perpetrators: organised group v individual trafficker",
        "internal v international trafficking",
    ] {
        assert!(tagged(&map, "palermo-framing", tag), "{tag}");
    }
    assert!(tagged(&map, "gender-discrimination", "sexual exploitation"));
    assert!(tagged(
        &map,
        "gender-discrimination",
        "victims: sex, gender identity and sexual orientation"
    ));
}

// Coded as the headings write them; an axis a heading leaves out stays unknown.
#[test]
fn the_lens_headings_are_coded_as_the_study_writes_them() {
    use Directness::*;
    use Locus::*;
    use Nature::*;
    let map = map();
    let coded = |d: &str| {
        let d = map.determinant(&id(d)).unwrap_or_else(|| panic!("{d}"));
        (d.locus, d.directness, d.nature)
    };
    // Citizenship and migration status > "Structural conditions: Increase in migration flows: external, direct, structural".
    assert_eq!(
        coded("migration-flows"),
        (Some(External), Some(Direct), Some(Structural))
    );
    // Sexual exploitation > "Media framing: Glamourizing prostitution as a hinder: internal, indirect, pressure point".
    assert_eq!(
        coded("media-glamourizing"),
        (Some(Internal), Some(Indirect), Some(PressurePoint))
    );
    // Forced labour > "Political will and soft law: ILO initiatives: external, direct, structural".
    assert_eq!(
        coded("ilo-initiatives"),
        (Some(External), Some(Direct), Some(Structural))
    );
    // Other criteria > "Socio-educational characteristics of vulnerable migrants as a hinder": no axis coded.
    assert_eq!(coded("migrants-education"), (None, None, None));
    // Age > "'It was all about the children': internal, direct, pressure point/structural": nature unknown.
    assert_eq!(coded("children-agenda"), (Some(Internal), Some(Direct), None));
    // Legal entities > "Soft law: external/internal, direct, pressure point": locus unknown.
    assert_eq!(coded("soft-law-business"), (None, Some(Direct), Some(PressurePoint)));
    // Perpetrator profile > "Migration and Dynamics of trafficking: external, direct, pressure point".
    assert_eq!(
        coded("migration-dynamics"),
        (Some(External), Some(Direct), Some(PressurePoint))
    );
}

// The lens headings that hinder detection, prosecution or sanction: each hinders implementation (stage 4).
#[test]
fn discrimination_framings_and_migration_policy_hinder_implementation() {
    let map = map();
    let reach = Reachability::compute(&map);
    for d in [
        "gender-discrimination", // Culture and gender discrimination as a hinder; Entrenched gender discrimination
        "prostitution-status",   // Prostitution's unsolved status
        "confusion-terminology", // Confusion in terminology as a hinder
        "no-law-no-imagination", // No law, no imagination (acts as a hinder)
        "children-agenda-clouds", // The Children's rights agenda clouds the general view (acts as a hinder)
        "child-prostitute-categories", // The complex categories of "child prostitute" and "child trafficking victim"
        "gender-perspective-children", // Lack of gender perspective in investigation, prosecution and judgements
        "migration-securitisation", // Migration policy and securitization of borders as a hinder
        "anti-immigrant-agenda", // The anti-immigrant public agenda
        "racial-social-discrimination", // Entrenched racial and social discrimination as a hinder
        "intersectional-discrimination", // Intersectional gender discrimination
        "migrants-education",    // Socio-educational characteristics of vulnerable migrants as a hinder
        "child-pimp-overlap",    // Overlapping between individual trafficker and child pimp
    ] {
        assert_eq!(map.determinant(&id(d)).unwrap().effect, Effect::Hinder, "{d}");
        let f = feeder(&reach, "s4-implementation", d);
        assert!(f.is_direct(), "{d}");
        assert_eq!(f.net, NetEffect::Hinders, "{d}");
    }
    // Media framing "contributed to the unresolved status of prostitution and consequently, hindered the
    // identification of potential victims": through that status, two steps away.
    let f = feeder(&reach, "s4-implementation", "media-glamourizing");
    assert_eq!((f.distance, f.net), (2, NetEffect::Hinders));
    // Restrictive mobility policies are "fertile ground for the criminalization of certain flows".
    assert!(has_influence(
        &map,
        "migration-securitisation",
        "crimmigration",
        Sign::Enables
    ));
}

// Sexual exploitation > "The feminist revolution" (2018): NGOs partnered with feminist NGOs, women judges and
// universities; Sex, gender identity > "Civil society and the feminist movement": women judges partnered with
// NGOs and an anti-trafficking course for judges followed. Other purposes > "Finally! The connection between the
// child labour agenda and the trafficking public agenda", possible only after Chile became an ILO Pathfinder.
#[test]
fn the_feminist_movement_and_the_ilo_pathfinder_role_built_partnerships() {
    let map = map();
    let reach = Reachability::compute(&map);
    assert!(has_influence(
        &map,
        "feminist-revolution",
        "cs-feminist-movement",
        Sign::Enables
    ));
    for d in ["feminist-revolution", "cs-feminist-movement", "child-labour-connection"] {
        let f = feeder(&reach, "s5-partnerships", d);
        assert!(f.is_direct(), "{d}");
        assert_eq!(f.net, NetEffect::Enables, "{d}");
    }
    assert!(feeder(&reach, "s3-resources", "cs-feminist-movement").is_direct());
    assert_eq!(
        reach.path(&id("ilo-initiatives"), &id("s5-partnerships")),
        Some(path(&["ilo-initiatives", "child-labour-connection", "s5-partnerships"]))
    );
    // Forced labour > "Political will and soft law: ILO initiatives": the 2014 Protocol ratified, a commission to
    // draft the first NPA against forced labour.
    assert!(feeder(&reach, "s2-adoption", "ilo-initiatives").is_direct());
}

// Age > "Civil society: Permanent concern and defence of the rights of the Child": Chile's first efforts came from
// child-rights NGOs, whose work led to the 2005 bill with Raíces; "It was all about the children": protecting
// children was a main argument in the law's debate.
#[test]
fn children_s_rights_advocacy_made_trafficking_visible_and_backed_the_law() {
    let map = map();
    let reach = Reachability::compute(&map);
    assert!(feeder(&reach, "s1-acknowledgment", "cs-child-rights").is_direct());
    assert!(has_influence(&map, "cs-child-rights", "pw-cs-match", Sign::Enables));
    assert!(feeder(&reach, "s2-adoption", "children-agenda").is_direct());
    assert_eq!(feeder(&reach, "s2-adoption", "children-agenda").net, NetEffect::Enables);
}
