//! Export then import gives the same map: the .xlsx workbook carries everything; detmap's two
//! CSV tables carry the determinants with their coding and the influences by id (with the labels
//! beside them, which is how the stages they reach come back).
//!
//! The texts drawn here are what a spreadsheet cell keeps as it is: labels, names and evidence
//! fields have no space at their ends (the import trims those), labels are one line (PRSM wraps
//! labels over lines and the import joins them), and category and tag names have no `|` or `;`
//! (the list separators). Notes and descriptions are any text.

use detmap::analysis::{Matrix, Reachability};
use detmap::export;
use detmap::import::{Input, import};
use detmap::model::*;
use proptest::prelude::*;

mod import_maps;
use import_maps::rich_map;

fn xlsx_of(map: &Map) -> Vec<u8> {
    let reach = Reachability::compute(map);
    let matrix = Matrix::compute(map, &reach);
    let mut bytes = Vec::new();
    export::write_xlsx(map, &matrix, &mut bytes).unwrap();
    bytes
}

/// What detmap's two CSV tables say: each determinant with its coding, each influence's ends
/// and sign, and the stages the influences reach (by id and label, in the order first reached).
type CsvView = (
    Vec<(
        Id,
        String,
        Vec<String>,
        Option<Locus>,
        Option<Directness>,
        Option<Nature>,
        Effect,
        Vec<String>,
    )>,
    Vec<(Id, Id, Sign)>,
    Vec<(Id, String)>,
);

fn csv_view(map: &Map) -> CsvView {
    let dets = map
        .determinants
        .iter()
        .map(|d| {
            (
                d.id.clone(),
                d.label.clone(),
                d.categories.clone(),
                d.locus,
                d.directness,
                d.nature,
                d.effect,
                d.tags.clone(),
            )
        })
        .collect();
    let infs = map
        .influences
        .iter()
        .map(|i| (i.from.clone(), i.to.clone(), i.sign))
        .collect();
    let mut stages: Vec<(Id, String)> = Vec::new();
    for i in &map.influences {
        if let Some(s) = map.stage(&i.to)
            && !stages.iter().any(|(id, _)| *id == s.id)
        {
            stages.push((s.id.clone(), s.label.clone()));
        }
    }
    (dets, infs, stages)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn xlsx_export_then_import_gives_the_same_map(map in rich_map()) {
        prop_assert!(validate(&map).is_empty(), "{:?}", validate(&map));
        let imported = import(vec![Input { name: "out.xlsx".into(), bytes: xlsx_of(&map) }])
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&imported.map, &map);
        prop_assert!(imported.notices.is_empty(), "{:?}", imported.notices);
    }

    #[test]
    fn csv_export_then_import_gives_the_same_determinants_and_influences(map in rich_map()) {
        let mut determinants = Vec::new();
        let mut influences = Vec::new();
        export::write_determinants_csv(&map, &mut determinants).unwrap();
        export::write_influences_csv(&map, &mut influences).unwrap();
        let imported = import(vec![
            Input { name: "map-determinants.csv".into(), bytes: determinants },
            Input { name: "map-influences.csv".into(), bytes: influences },
        ])
        .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(csv_view(&imported.map), csv_view(&map));
        prop_assert_eq!(imported.map.stages.len(), csv_view(&map).2.len());
    }
}
