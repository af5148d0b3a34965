//! The command line: parse, call the core, print. Exit codes: 0 success, 1 invalid input or failure,
//! 2 bad arguments (clap's own).

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand};
use detmap::analysis::{Matrix, Reachability};
use detmap::export::{self, ReportFormat};
use detmap::format;
use detmap::generate::{Spec, generate};
use detmap::layout;
use detmap::model::Map;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "detmap",
    version,
    about = "Determinant Mapper: draw and analyse determinant maps"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A map to open in the window (a sample map opens when none is given).
    pub file: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check map files; print one line per problem as FILE:LINE:COL: message.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Which determinants feed each stage, at what distance, with what net effect, and one path.
    Analyze {
        file: PathBuf,
        /// Only this stage (its id or its label).
        #[arg(long)]
        stage: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
    },
    /// Write the map's tables, its determinant × stage matrix, a report to hand out, or its picture (`-` for standard output).
    Export(ExportArgs),
    /// Rewrite map files in the layout the application saves (fields in order, one item per block).
    Fmt {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 if a file is not already in that layout.
        #[arg(long)]
        check: bool,
    },
    /// Write a valid synthetic map to standard output, the same for the same seed.
    Generate {
        #[arg(long)]
        determinants: usize,
        #[arg(long)]
        influences: usize,
        #[arg(long, default_value_t = 7)]
        stages: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
    },
}

#[derive(Args)]
pub struct ExportArgs {
    file: PathBuf,
    /// Determinants as CSV: id,label,category,locus,directness,nature,effect,tags.
    #[arg(long)]
    determinants: Option<PathBuf>,
    /// Influences as CSV: from,to,sign.
    #[arg(long)]
    influences: Option<PathBuf>,
    /// The determinant × stage matrix as CSV: a row per determinant, a column per stage, cells like
    /// `1:enables` or `3:mixed` (distance and net effect), empty where it does not feed the stage.
    #[arg(long, value_name = "OUT.csv")]
    matrix: Option<PathBuf>,
    /// A Markdown report to hand out: per stage, what feeds it directly and indirectly, with signs,
    /// coding and evidence; pressure points; feedback loops; where coding and structure disagree.
    #[arg(long, value_name = "OUT.md")]
    report: Option<PathBuf>,
    /// The map as an SVG picture, with its legend.
    #[arg(long, value_name = "OUT.svg")]
    svg: Option<PathBuf>,
    /// The map as a PNG picture, with its legend.
    #[arg(long, value_name = "OUT.png")]
    png: Option<PathBuf>,
    /// Width of the PNG in pixels.
    #[arg(long, value_name = "PX", default_value_t = export::DEFAULT_PNG_WIDTH, value_parser = clap::value_parser!(u32).range(1..=20_000))]
    width: u32,
    /// Where the SVG and PNG draw the nodes: where the map saved them, or an automatic layout (the
    /// file is not changed). A map with no saved positions is drawn with the flow layout.
    #[arg(long, value_enum, default_value = "saved")]
    layout: PictureLayout,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum PictureLayout {
    /// Where the map file has them.
    Saved,
    /// Stages in a column on the right, upstream determinants further left.
    Flow,
    /// Force-directed, starting from the saved positions.
    Force,
}

/// The map as the picture exports draw it: `map` itself, or a copy laid out as asked.
fn laid_out<'a>(map: &'a Map, layout: PictureLayout, file: &Path) -> std::borrow::Cow<'a, Map> {
    let positions = match layout {
        PictureLayout::Saved if layout::has_no_saved_layout(map) => {
            eprintln!(
                "{}: no saved positions, drawing it with the flow layout",
                file.display()
            );
            layout::flow_layout(map)
        }
        PictureLayout::Saved => return std::borrow::Cow::Borrowed(map),
        PictureLayout::Flow => layout::flow_layout(map),
        PictureLayout::Force => layout::force_layout(map, layout::FORCE_ITERATIONS),
    };
    let mut copy = map.clone();
    layout::apply_positions(&mut copy, &positions);
    std::borrow::Cow::Owned(copy)
}

impl ExportArgs {
    fn outputs(&self) -> impl Iterator<Item = &PathBuf> {
        [
            &self.determinants,
            &self.influences,
            &self.matrix,
            &self.report,
            &self.svg,
            &self.png,
        ]
        .into_iter()
        .flatten()
    }
}

/// Runs a subcommand. Problems with the user's files are printed here; `Err` is for everything else.
pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Validate { files } => Ok(validate(&files)),
        Command::Analyze { file, stage, format } => {
            let map = load(&file)?;
            let stages = match stage {
                Some(name) => match map.find_stage(&name) {
                    Some(s) => vec![s.id.clone()],
                    None => bail!(
                        "{}: no stage has the id or label `{name}`; the stages are: {}",
                        file.display(),
                        map.stages
                            .iter()
                            .map(|s| format!("{} ({})", s.id, s.label))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                },
                None => Vec::new(),
            };
            let reach = Reachability::compute(&map);
            write_to(Path::new("-"), |w| {
                export::write_reachability(&map, &reach, &stages, format, w).map_err(Into::into)
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => {
            if args.outputs().next().is_none() {
                bail!(
                    "nothing to export: give one or more of --determinants OUT.csv, --influences OUT.csv, --matrix OUT.csv, --report OUT.md, --svg OUT.svg, --png OUT.png"
                );
            }
            let map = load(&args.file)?;
            if let Some(out) = &args.determinants {
                write_to(out, |w| export::write_determinants_csv(&map, w).map_err(Into::into))?;
            }
            if let Some(out) = &args.influences {
                write_to(out, |w| export::write_influences_csv(&map, w).map_err(Into::into))?;
            }
            let reach = Reachability::compute(&map);
            if let Some(out) = &args.matrix {
                let matrix = Matrix::compute(&map, &reach);
                write_to(out, |w| export::write_matrix_csv(&map, &matrix, w).map_err(Into::into))?;
            }
            if let Some(out) = &args.report {
                write_to(out, |w| export::write_handout(&map, &reach, w).map_err(Into::into))?;
            }
            if args.svg.is_some() || args.png.is_some() {
                let picture = laid_out(&map, args.layout, &args.file);
                if let Some(out) = &args.svg {
                    write_to(out, |w| export::write_svg(&picture, w).map_err(Into::into))?;
                }
                if let Some(out) = &args.png {
                    write_to(out, |w| export::write_png(&picture, args.width, w).map_err(Into::into))?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Fmt { files, check } => fmt(&files, check),
        Command::Generate {
            determinants,
            influences,
            stages,
            seed,
        } => {
            let map = generate(Spec {
                determinants,
                influences,
                stages,
                seed,
            });
            write_to(Path::new("-"), |w| {
                w.write_all(format::to_string(&map).as_bytes()).map_err(Into::into)
            })?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn validate(files: &[PathBuf]) -> ExitCode {
    let mut ok = true;
    for file in files {
        if let Err(e) = format::load_file(file) {
            ok = false;
            println!("{e}");
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

fn fmt(files: &[PathBuf], check: bool) -> Result<ExitCode> {
    let mut clean = true;
    for file in files {
        let map = load(file)?;
        let canonical = format::to_string(&map);
        let current = std::fs::read(file).with_context(|| format!("reading {}", file.display()))?;
        if current == canonical.as_bytes() {
            continue;
        }
        clean = false;
        if check {
            println!("{}: not in the saved layout (run `detmap fmt` on it)", file.display());
        } else {
            format::save_file(file, &map)?;
            println!("{}: rewritten", file.display());
        }
    }
    Ok(if clean || !check {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn load(file: &Path) -> Result<Map> {
    format::load_file(file).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Writes to a file (atomically) or, for `-`, to standard output.
fn write_to(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    if path == Path::new("-") {
        let stdout = io::stdout();
        let mut lock = io::BufWriter::new(stdout.lock());
        write(&mut lock)?;
        return lock.flush().context("writing to standard output");
    }
    let mut failure = None;
    let result = format::save_with(path, |w| {
        write(w).map_err(|e| {
            let message = e.to_string();
            failure = Some(e);
            io::Error::other(message)
        })
    });
    match (result, failure) {
        (Ok(()), _) => Ok(()),
        (Err(_), Some(e)) => Err(e.context(format!("writing {}", path.display()))),
        (Err(e), None) => Err(e.into()),
    }
}
