//! Files for other tools made from a map: its tables, its analysis and its picture.
//!
//! [`Export`] is the one list of them. Each kind knows the file name to suggest, its dialog filter
//! and how to write itself; [`Export::write_file`] writes through the same atomic, flushed and
//! synced path as saving a map ([`crate::format::save_with`]). The command line maps its flags to
//! kinds and the window's Export menu lists them, so the two cannot drift apart. The writers below
//! take any `impl Write`, for standard output and the tests.

mod handout;
mod matrix_csv;
mod png;
mod report;
mod slides;
pub mod step_view;
mod svg;
mod tables;
pub mod words;
mod xlsx;

pub use handout::{HANDOUT_LOOP_LIMIT, write_handout};
pub use matrix_csv::write_matrix_csv;
pub use png::{DEFAULT_PNG_WIDTH, MAX_PNG_PIXELS, render_png, write_png};
pub use report::{ReportFormat, write_reachability};
pub use slides::{render_slides, write_slides};
pub use step_view::{StepView, step_views};
pub use svg::{Page, render_svg, write_svg};
pub use tables::{neutralise_csv_cell, write_determinants_csv, write_influences_csv};
pub use xlsx::{MAX_CELL_CHARS, XlsxError, write_xlsx};

use crate::analysis::{Matrix, Reachability};
use crate::format::{self, SaveError};
use crate::layout;
use crate::model::Map;
use crate::tr;
use std::borrow::Cow;
use std::cell::OnceCell;
use std::io::{self, Write};
use std::path::Path;
use tables::csv_to_io;

/// One kind of file made from a map.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Export {
    /// `id,label,category,locus,directness,nature,effect,tags`, a row per determinant.
    DeterminantsCsv,
    /// `from,from_label,to,to_label,sign`, a row per influence.
    InfluencesCsv,
    /// Per stage, the determinants that feed it, at what distance, with what net effect and by which path.
    Reachability(ReportFormat),
    /// The determinant × stage matrix.
    MatrixCsv,
    /// The Markdown report to hand out after a workshop.
    Handout,
    Svg,
    /// A PNG this many pixels wide.
    Png {
        width: u32,
    },
    /// An .xlsx workbook in the layout `detmap import` reads back: elements, connections, the matrix.
    Xlsx,
    /// The presentation as slides: a PDF page per step, on this paper.
    Slides(Page),
}

/// A file dialog's filter: the message id of its name (the dialog puts it into words when it
/// opens, in the language of the moment) and the extensions it shows.
pub type Filter = (&'static str, &'static [&'static str]);

impl Export {
    /// What the window's Export menu offers, in its order.
    pub const MENU: [Export; 9] = [
        Export::DeterminantsCsv,
        Export::InfluencesCsv,
        Export::Reachability(ReportFormat::Markdown),
        Export::MatrixCsv,
        Export::Handout,
        Export::Svg,
        Export::Png {
            width: DEFAULT_PNG_WIDTH,
        },
        Export::Slides(Page::A4),
        Export::Xlsx,
    ];

    /// The name of the kind as a message or a dialog's title says it, in the current language.
    pub fn label(self) -> String {
        self.menu_label().trim_end_matches('…').to_owned()
    }

    /// The name of the kind in a menu, ending in "…" since it opens a dialog, in the current
    /// language. The two Markdown documents are told apart by what they are: a table of what feeds
    /// each stage, and the report to hand out after a workshop.
    pub fn menu_label(self) -> String {
        match self {
            Export::DeterminantsCsv => tr!("export-determinants-csv"),
            Export::InfluencesCsv => tr!("export-influences-csv"),
            Export::Reachability(ReportFormat::Markdown) => tr!("export-feeders-markdown"),
            Export::Reachability(ReportFormat::Csv) => tr!("export-feeders-csv"),
            Export::Reachability(ReportFormat::Json) => tr!("export-feeders-json"),
            Export::Reachability(ReportFormat::Text) => tr!("export-feeders-text"),
            Export::MatrixCsv => tr!("export-matrix-csv"),
            Export::Handout => tr!("export-handout"),
            Export::Svg => tr!("export-svg"),
            Export::Png { .. } => tr!("export-png"),
            Export::Xlsx => tr!("export-xlsx"),
            Export::Slides(_) => tr!("export-slides"),
        }
    }

    /// What the suggested file name adds to the map's name (nothing for the pictures, which are the map).
    fn suffix(self) -> &'static str {
        match self {
            Export::DeterminantsCsv => "-determinants",
            Export::InfluencesCsv => "-influences",
            Export::Reachability(_) => "-feeders",
            Export::MatrixCsv => "-matrix",
            Export::Handout => "-handout",
            Export::Slides(_) => "-slides",
            Export::Svg | Export::Png { .. } | Export::Xlsx => "",
        }
    }

    /// The file's extension, without the dot.
    pub fn extension(self) -> &'static str {
        self.filter().1[0]
    }

    /// The filter of the save dialog.
    pub fn filter(self) -> Filter {
        const CSV: Filter = ("file-type-csv", &["csv"]);
        const MARKDOWN: Filter = ("file-type-markdown", &["md"]);
        match self {
            Export::DeterminantsCsv | Export::InfluencesCsv | Export::MatrixCsv => CSV,
            Export::Reachability(ReportFormat::Csv) => CSV,
            Export::Reachability(ReportFormat::Markdown) | Export::Handout => MARKDOWN,
            Export::Reachability(ReportFormat::Json) => ("file-type-json", &["json"]),
            Export::Reachability(ReportFormat::Text) => ("file-type-text", &["txt"]),
            Export::Svg => ("file-type-svg", &["svg"]),
            Export::Png { .. } => ("file-type-png", &["png"]),
            Export::Xlsx => ("file-type-xlsx", &["xlsx"]),
            Export::Slides(_) => ("file-type-pdf", &["pdf"]),
        }
    }

    /// The file name to suggest for this export of a map titled `title`: the name Save suggests
    /// ([`format::file_stem`]), the kind, the extension; e.g. `chile-anti-trafficking-handout.md`.
    pub fn suggested_file_name(self, title: &str) -> String {
        format!("{}{}.{}", format::file_stem(title), self.suffix(), self.extension())
    }

    /// Writes this export of `input`'s map to `out`.
    pub fn write(self, input: &Input, out: &mut dyn Write) -> io::Result<()> {
        let map = input.map;
        match self {
            Export::DeterminantsCsv => write_determinants_csv(map, out).map_err(csv_to_io),
            Export::InfluencesCsv => write_influences_csv(map, out).map_err(csv_to_io),
            Export::Reachability(format) => write_reachability(map, input.reach(), &[], format, out),
            Export::MatrixCsv => {
                let matrix = Matrix::compute(map, input.reach());
                write_matrix_csv(map, &matrix, out).map_err(csv_to_io)
            }
            Export::Handout => write_handout(map, input.reach(), out),
            Export::Svg => write_svg(input.picture(), out),
            Export::Png { width } => write_png(input.picture(), width, out),
            Export::Slides(page) => write_slides(map, input.picture(), input.reach(), page, out),
            Export::Xlsx => {
                let matrix = Matrix::compute(map, input.reach());
                write_xlsx(map, &matrix, out).map_err(|e| match e {
                    XlsxError::Io(e) => e,
                    other => io::Error::new(io::ErrorKind::InvalidData, other.to_string()),
                })
            }
        }
    }

    /// Writes this export of `input`'s map to the file `path`, as a map is saved: a regular file
    /// is replaced atomically, only once everything is written and synced, so a failure leaves the
    /// file that was there whole (see [`format::save_with`] for devices, pipes and links).
    pub fn write_file(self, input: &Input, path: &Path, fifo: format::Fifo) -> Result<(), SaveError> {
        format::save_with_options(path, fifo, |w| {
            let mut buffered = io::BufWriter::new(w);
            self.write(input, &mut buffered)?;
            buffered.flush()
        })
    }
}

/// A map and what its exports need computed from it, each computed at most once however many
/// exports are written.
pub struct Input<'a> {
    map: &'a Map,
    reach: OnceCell<Reachability>,
    picture: OnceCell<Cow<'a, Map>>,
}

impl<'a> Input<'a> {
    pub fn new(map: &'a Map) -> Self {
        Input {
            map,
            reach: OnceCell::new(),
            picture: OnceCell::new(),
        }
    }

    /// The map as the pictures draw it, laid out already (the command line's `--layout flow`).
    pub fn with_picture(map: &'a Map, picture: Map) -> Self {
        let input = Input::new(map);
        let _ = input.picture.set(Cow::Owned(picture));
        input
    }

    pub fn map(&self) -> &'a Map {
        self.map
    }

    fn reach(&self) -> &Reachability {
        self.reach.get_or_init(|| Reachability::compute(self.map))
    }

    /// The map as the SVG and PNG draw it: where it places its nodes, or, for a map without
    /// positions (every node at one place, as in a file written by hand), the flow layout.
    pub fn picture(&self) -> &Map {
        self.picture.get_or_init(|| {
            if !layout::has_no_saved_layout(self.map) {
                return Cow::Borrowed(self.map);
            }
            let mut copy = self.map.clone();
            layout::apply_positions(&mut copy, &layout::flow_layout(self.map));
            Cow::Owned(copy)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_suggests_a_distinct_name_from_the_title_with_its_filter_extension() {
        let kinds = Export::MENU
            .into_iter()
            .chain([ReportFormat::Csv, ReportFormat::Json, ReportFormat::Text].map(Export::Reachability));
        let mut names = std::collections::HashSet::new();
        for kind in kinds {
            let name = kind.suggested_file_name("Chile: anti-trafficking, 2000–2011");
            assert!(name.starts_with("chile-anti-trafficking-2000-2011"), "{name}");
            assert!(name.ends_with(&format!(".{}", kind.filter().1[0])), "{name}");
            // The filter's name is a message in every language (never shown as its id).
            for language in crate::i18n::Language::ALL {
                let ids = crate::i18n::Catalog::shipped().ids(language);
                assert!(
                    ids.contains(kind.filter().0),
                    "{} lacks {}",
                    language.code(),
                    kind.filter().0
                );
            }
            if !matches!(kind, Export::Svg | Export::Png { .. } | Export::Xlsx) {
                assert!(names.insert(name.clone()), "{name} suggested twice");
            }
        }
        assert_eq!(Export::Svg.suggested_file_name(""), "map.svg");
    }

    #[test]
    fn the_menus_two_markdown_documents_have_different_labels_and_names() {
        let markdown: Vec<Export> = Export::MENU.into_iter().filter(|e| e.extension() == "md").collect();
        assert_eq!(markdown.len(), 2);
        assert_ne!(markdown[0].label(), markdown[1].label());
        assert_ne!(
            markdown[0].suggested_file_name("m"),
            markdown[1].suggested_file_name("m")
        );
    }
}
