//! Writers that turn a map or its analysis into files for other tools. Each writes to any
//! `impl Write`, so the command line, the window and the tests share them.

mod handout;
mod matrix_csv;
mod report;
mod tables;

pub use handout::{HANDOUT_LOOP_LIMIT, write_handout};
pub use matrix_csv::write_matrix_csv;
pub use report::{ReportFormat, write_reachability};
pub use tables::{write_determinants_csv, write_influences_csv};
