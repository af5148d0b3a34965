//! Writers that turn a map or its analysis into files for other tools. Each writes to any
//! `impl Write`, so the command line, the window and the tests share them.

mod handout;
mod matrix_csv;
mod png;
mod report;
mod svg;
mod tables;

pub use handout::{HANDOUT_LOOP_LIMIT, write_handout};
pub use matrix_csv::write_matrix_csv;
pub use png::{DEFAULT_PNG_WIDTH, MAX_PNG_PIXELS, render_png, write_png};
pub use report::{ReportFormat, write_reachability};
pub use svg::{render_svg, write_svg};
pub use tables::{write_determinants_csv, write_influences_csv};
