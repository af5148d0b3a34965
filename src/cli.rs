//! The command line: parse, call the core, print. Exit codes: 0 success (also when whoever reads
//! the output stops early, as `| head` does), 1 invalid input or failure, 2 bad arguments (clap's own).

mod help;
mod outputs;
mod terminal;

use anyhow::{Context, Result, bail};
use clap::{Args, Parser, Subcommand, ValueEnum};
use detmap::analysis::Reachability;
use detmap::export::{self, Export, ReportFormat};
use detmap::format;
use detmap::generate::{Spec, check_chain, generate, generate_chain};
use detmap::layout;
use detmap::model::Map;
use detmap::tr;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub use terminal::{is_broken_pipe, terminal_safe};

#[derive(Parser)]
#[command(
    name = "detmap",
    version,
    about = "Determinant Mapper: draw and analyse determinant maps"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A map to open in the window; without one, the window opens on its start screen.
    pub file: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum Command {
    /// Check map files; print one line per problem as FILE:LINE:COL: message.
    Validate {
        /// The map files to check.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Which determinants feed each stage, at what distance, with what net effect, and one path.
    Analyze {
        /// The map to analyse.
        file: PathBuf,
        /// Only this stage (its id or its label).
        #[arg(long)]
        stage: Option<String>,
        #[arg(long, value_parser = help::values::<Format>("cli-value-format"), default_value = "text")]
        format: Format,
        /// Analyse only the influences of at least this confidence (an influence with none given
        /// counts as high): what the map says on the links the study states.
        #[arg(long, value_enum, value_name = "LEVEL")]
        min_confidence: Option<MinConfidence>,
    },
    /// Write the map's tables, its determinant × stage matrix, a report to hand out, or its picture (`-` for standard output).
    Export(ExportArgs),
    /// Rewrite map files in the layout the application saves (fields in order, one item per block).
    Fmt {
        /// The map files to rewrite (or, with --check, to check).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Change nothing; exit 1 if a file is not already in that layout.
        #[arg(long)]
        check: bool,
        /// Rewrite files that have comments too; the saved layout has no place for them, so they are
        /// deleted. Without this, such a file is left as it is and reported.
        #[arg(long)]
        drop_comments: bool,
    },
    /// Write a valid synthetic map to standard output, the same for the same seed.
    Generate {
        #[arg(long)]
        determinants: usize,
        /// How many influences the `random` shape draws (required for it; the chain has its own).
        #[arg(long)]
        influences: Option<usize>,
        #[arg(long, default_value_t = 7)]
        stages: usize,
        #[arg(long, default_value_t = 0)]
        seed: u64,
        #[arg(long, value_parser = help::values::<Shape>("cli-value-shape"), default_value = "random")]
        shape: Shape,
    },
    /// Make a map from spreadsheets: an .xlsx or .ods workbook (Kumu's, PRSM's or one typed in the
    /// room), or CSV files (an elements table and a connections table). Every problem is listed
    /// with its sheet, row and column, and then nothing is written.
    Import {
        #[arg(required = true, value_name = "IN")]
        inputs: Vec<PathBuf>,
        #[arg(long, short, value_name = "OUT.ron")]
        output: PathBuf,
    },
    /// Merge maps (breakout groups' copies of one map): everything from every input once, the first
    /// input's value kept where they differ, one line per conflict. Exit 0 with no conflict, 1 with
    /// conflicts (the merged map is written either way), 2 on error.
    Merge {
        #[arg(required = true, num_args = 2.., value_name = "MAP.ron")]
        files: Vec<PathBuf>,
        #[arg(long, short, value_name = "OUT.ron")]
        output: PathBuf,
    },
    /// What changed between two maps: stages, determinants and influences added, removed and
    /// changed. Exit 0 when they say the same thing, 1 when they differ, 2 on error.
    Diff {
        old: PathBuf,
        new: PathBuf,
        #[arg(long, value_parser = help::values::<DiffFormat>("cli-value-diff-format"), default_value = "text")]
        format: DiffFormat,
        /// Count moved stages and determinants as differences (positions are ignored otherwise).
        #[arg(long)]
        layout: bool,
    },
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum DiffFormat {
    /// One line per change.
    Text,
    /// A JSON list of changes: {change, kind, id, item, field, before, after}.
    Json,
}

/// The least confidence an influence needs to be analysed or exported (`--min-confidence`).
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinConfidence {
    Low,
    Medium,
    High,
}

impl MinConfidence {
    /// `map` with only the influences of at least `min` (all of them without one).
    fn apply(min: Option<MinConfidence>, map: Map) -> Map {
        let level = match min {
            None | Some(MinConfidence::Low) => return map,
            Some(MinConfidence::Medium) => detmap::model::Level::Medium,
            Some(MinConfidence::High) => detmap::model::Level::High,
        };
        detmap::analysis::with_min_confidence(&map, level)
    }
}

/// How `analyze` prints its report: the command line's names for the core's [`ReportFormat`].
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// For reading in a terminal.
    Text,
    /// One row per stage and determinant feeding it.
    Csv,
    Json,
    Markdown,
}

impl From<Format> for ReportFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Text => ReportFormat::Text,
            Format::Csv => ReportFormat::Csv,
            Format::Json => ReportFormat::Json,
            Format::Markdown => ReportFormat::Markdown,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Shape {
    /// Influences between random determinants and into random stages, with loops.
    Random,
    /// Each determinant influences the next; the last influences every stage: the longest paths a
    /// map of that size can have.
    Chain,
}

#[derive(Args)]
pub struct ExportArgs {
    /// The map to export from.
    file: PathBuf,
    /// Determinants as CSV: id,label,category,locus,directness,nature,effect,tags.
    #[arg(long, value_name = "OUT.csv")]
    determinants: Option<PathBuf>,
    /// Influences as CSV: from,from_label,to,to_label,sign.
    #[arg(long, value_name = "OUT.csv")]
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
    /// Slides as a PDF: one landscape page per step of the map's presentation (its title, note, the
    /// map framed to what the step shows, and the legend); a map without steps gives one page of
    /// the whole map.
    #[arg(long, value_name = "OUT.pdf")]
    slides: Option<PathBuf>,
    /// The paper of the slides, landscape.
    #[arg(long, value_parser = help::values::<PaperSize>("cli-value-page"), default_value = "a4")]
    page: PaperSize,
    /// The map as an .xlsx workbook in the layout `detmap import` reads back: an Elements sheet
    /// (stages and determinants with their coding), a Connections sheet, the matrix, and the
    /// categories, sources and title.
    #[arg(long, value_name = "OUT.xlsx")]
    xlsx: Option<PathBuf>,
    /// Export only the influences of at least this confidence (an influence with none given
    /// counts as high), in the tables, the analysis and the picture.
    #[arg(long, value_enum, value_name = "LEVEL")]
    min_confidence: Option<MinConfidence>,
    /// Width of the PNG in pixels.
    #[arg(long, value_name = "PX", default_value_t = export::DEFAULT_PNG_WIDTH, value_parser = clap::value_parser!(u32).range(1..=20_000))]
    width: u32,
    /// Where the SVG and PNG draw the nodes: where the map saved them, or an automatic layout (the
    /// file is not changed). A map with no saved positions is drawn with the flow layout.
    #[arg(long, value_parser = help::values::<PictureLayout>("cli-value-layout"), default_value = "saved")]
    layout: PictureLayout,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PaperSize {
    /// 297 × 210 mm.
    A4,
    /// 11 × 8.5 in.
    Letter,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PictureLayout {
    /// Where the map file has them.
    Saved,
    /// Stages in a column on the right, upstream determinants further left.
    Flow,
    /// Force-directed, starting from the saved positions.
    Force,
}

impl ExportArgs {
    /// Each output asked for, with its flag and its kind, in the order they are written.
    fn outputs(&self) -> Vec<outputs::Output<'_>> {
        let png = Export::Png { width: self.width };
        let slides = Export::Slides(match self.page {
            PaperSize::A4 => export::Page::A4,
            PaperSize::Letter => export::Page::Letter,
        });
        [
            ("--determinants", Export::DeterminantsCsv, &self.determinants),
            ("--influences", Export::InfluencesCsv, &self.influences),
            ("--matrix", Export::MatrixCsv, &self.matrix),
            ("--report", Export::Handout, &self.report),
            ("--svg", Export::Svg, &self.svg),
            ("--png", png, &self.png),
            ("--slides", slides, &self.slides),
            ("--xlsx", Export::Xlsx, &self.xlsx),
        ]
        .into_iter()
        .filter_map(|(flag, kind, path)| path.as_deref().map(|path| outputs::Output { flag, kind, path }))
        .collect()
    }

    /// What the exports are made from: the map, drawn as `--layout` says.
    fn input<'a>(&self, map: &'a Map) -> export::Input<'a> {
        let positions = match self.layout {
            PictureLayout::Saved => {
                let pictures = self.svg.is_some() || self.png.is_some() || self.slides.is_some();
                if pictures && layout::has_no_saved_layout(map) {
                    let file = terminal_safe(&self.file.display().to_string()).into_owned();
                    eprintln!("{}", tr!("cli-no-positions", file = file));
                }
                return export::Input::new(map);
            }
            PictureLayout::Flow => layout::flow_layout(map),
            PictureLayout::Force => layout::force_layout(map, layout::FORCE_ITERATIONS),
        };
        let mut picture = map.clone();
        layout::apply_positions(&mut picture, &positions);
        export::Input::with_picture(map, picture)
    }
}

/// The command line's arguments, parsed with its help in the current language (see `help.rs`).
pub fn parse() -> Cli {
    use clap::FromArgMatches;
    let matches = help::command().get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Runs a subcommand. Problems with the user's files are printed here; `Err` is for everything else.
pub fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Validate { files } => validate(&files),
        Command::Analyze {
            file,
            stage,
            format,
            min_confidence,
        } => {
            let map = MinConfidence::apply(min_confidence, load(&file)?);
            let stages = match stage {
                Some(name) => match map.find_stage(&name) {
                    Some(s) => vec![s.id.clone()],
                    None => bail!(tr!(
                        "cli-no-such-stage",
                        file = file.display().to_string(),
                        name = name,
                        stages = map
                            .stages
                            .iter()
                            .map(|s| format!("{} ({})", s.id, s.label))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                },
                None => Vec::new(),
            };
            let reach = Reachability::compute(&map);
            let mut out = terminal::stdout();
            export::write_reachability(&map, &reach, &stages, format.into(), &mut out)?;
            out.flush()?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Export(args) => {
            let wanted = args.outputs();
            if wanted.is_empty() {
                bail!(tr!("cli-nothing-to-export"));
            }
            let map = MinConfidence::apply(args.min_confidence, load(&args.file)?);
            outputs::check(&args.file, &wanted)?;
            let input = args.input(&map);
            for out in &wanted {
                if out.path == Path::new("-") {
                    let stdout = io::stdout();
                    let mut lock = io::BufWriter::new(stdout.lock());
                    out.kind.write(&input, &mut lock)?;
                    lock.flush()?;
                } else {
                    out.kind.write_file(&input, out.path, format::Fifo::Wait)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Fmt {
            files,
            check,
            drop_comments,
        } => Ok(fmt(&files, check, drop_comments)),
        Command::Generate {
            determinants,
            influences,
            stages,
            seed,
            shape,
        } => {
            let map = match (shape, influences) {
                (Shape::Random, Some(influences)) => {
                    let spec = Spec {
                        determinants,
                        influences,
                        stages,
                        seed,
                    };
                    spec.check().map_err(anyhow::Error::msg)?;
                    generate(spec)
                }
                (Shape::Random, None) => bail!(tr!("cli-influences-required")),
                (Shape::Chain, None) => {
                    check_chain(determinants, stages).map_err(anyhow::Error::msg)?;
                    generate_chain(determinants, stages)
                }
                (Shape::Chain, Some(_)) => {
                    bail!(tr!("cli-influences-chain"))
                }
            };
            // What the loader would refuse is not written: the same check as a save.
            let text = format::to_file_text(&map)
                .map_err(|m| anyhow::anyhow!(tr!("cli-generated-invalid", problem = m.to_string())))?;
            write_to(Path::new("-"), |w| w.write_all(text.as_bytes()).map_err(Into::into))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Import { inputs, output } => import(&inputs, &output),
        Command::Merge { files, output } => Ok(or_exit_2(merge(&files, &output))),
        Command::Diff {
            old,
            new,
            format,
            layout,
        } => Ok(or_exit_2(diff(&old, &new, format, layout))),
    }
}

/// Prints every problem of every file; when there is none, says how many files were checked. The
/// exit code is the verdict, also when the reader stops early (`| head`): printing stops there.
fn validate(files: &[PathBuf]) -> Result<ExitCode> {
    let mut out = terminal::stdout();
    let mut invalid = 0;
    let mut print = || -> io::Result<()> {
        for file in files {
            if let Err(e) = format::load_file(file) {
                invalid += 1;
                writeln!(out, "{e}")?;
            }
        }
        if invalid == 0 {
            writeln!(out, "{}", tr!("cli-all-valid", count = files.len()))?;
        }
        out.flush()
    };
    match print() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => return Err(e.into()),
        _ => {}
    }
    Ok(if invalid == 0 {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Rewrites (or with `check`, only checks) each file, going on past a file it cannot rewrite and
/// reporting every one; exit 1 if any could not be read, rewritten, or (with `check`) is not in the
/// saved layout.
fn fmt(files: &[PathBuf], check: bool, drop_comments: bool) -> ExitCode {
    let mut ok = true;
    for file in files {
        match fmt_one(file, check, drop_comments) {
            Ok(None) => {}
            Ok(Some(said)) => {
                println!("{said}");
                ok &= !check;
            }
            Err(problem) => {
                eprintln!("{problem}");
                ok = false;
            }
        }
    }
    if ok { ExitCode::SUCCESS } else { ExitCode::from(1) }
}

/// What `fmt` did to one file (`None`: it was already in the saved layout), or why it could not.
fn fmt_one(file: &Path, check: bool, drop_comments: bool) -> Result<Option<String>, String> {
    let loaded = format::load_file_noting_comments(file).map_err(|e| e.to_string())?;
    let canonical = format::to_file_text(&loaded.map).map_err(|e| format!("{}: {e}", file.display()))?;
    let current = std::fs::read(file).map_err(|e| {
        tr!(
            "cli-cannot-read",
            file = file.display().to_string(),
            error = e.to_string()
        )
    })?;
    if current == canonical.as_bytes() {
        return Ok(None);
    }
    let comment = loaded
        .first_comment
        .map(|at| format!("{}:{}:{}", file.display(), at.line, at.col));
    if check {
        let file = file.display().to_string();
        return Ok(Some(match &comment {
            Some(_) => tr!("cli-not-formatted-comments", file = file),
            None => tr!("cli-not-formatted", file = file),
        }));
    }
    if let (Some(at), false) = (&comment, drop_comments) {
        return Err(tr!("cli-has-comments", at = at));
    }
    if is_read_only(file) {
        return Err(tr!("cli-read-only", file = file.display().to_string()));
    }
    format::save_with(file, |w| w.write_all(canonical.as_bytes())).map_err(|e| e.to_string())?;
    Ok(Some(tr!("cli-rewritten", file = file.display().to_string())))
}

/// Whether the user may not write `file`: its permissions say read-only, or it cannot be opened for
/// writing (which changes nothing in it). A save replaces the file through its folder, so without
/// this a read-only file in a writable folder would be rewritten.
fn is_read_only(file: &Path) -> bool {
    let read_only = std::fs::metadata(file).is_ok_and(|m| m.permissions().readonly());
    read_only || std::fs::OpenOptions::new().write(true).open(file).is_err()
}

fn load(file: &Path) -> Result<Map> {
    format::load_file(file).map_err(|e| anyhow::anyhow!("{e}"))
}

/// Writes to a file (atomically, see [`format::save_with_options`]) or, for `-`, to standard output.
fn write_to(path: &Path, write: impl FnOnce(&mut dyn Write) -> Result<()>) -> Result<()> {
    if path == Path::new("-") {
        let stdout = io::stdout();
        let mut lock = io::BufWriter::new(stdout.lock());
        write(&mut lock)?;
        return lock.flush().context(tr!("cli-stdout-failed"));
    }
    let mut failure = None;
    let result = format::save_with_options(path, format::Fifo::Wait, |w| {
        write(w).map_err(|e| {
            let message = e.to_string();
            failure = Some(e);
            io::Error::other(message)
        })
    });
    match (result, failure) {
        (Ok(()), _) => Ok(()),
        (Err(_), Some(e)) => Err(e.context(tr!("cli-could-not-save", file = path.display().to_string()))),
        (Err(e), None) => Err(e.into()),
    }
}

/// An error of merge or diff is exit 2 (1 means "conflicts" or "different").
fn or_exit_2(result: Result<ExitCode>) -> ExitCode {
    result.unwrap_or_else(|e| {
        eprintln!("detmap: {e:#}");
        ExitCode::from(2)
    })
}

fn import(inputs: &[PathBuf], output: &Path) -> Result<ExitCode> {
    match detmap::import::import_files(inputs) {
        Ok(imported) => {
            for notice in &imported.notices {
                eprintln!("{}", tr!("cli-note", notice = notice.to_string()));
            }
            format::save_file(output, &imported.map)?;
            let map = &imported.map;
            let summary = tr!(
                "cli-imported",
                file = output.display().to_string(),
                stages = map.stages.len(),
                determinants = map.determinants.len(),
                influences = map.influences.len()
            );
            eprintln!("{summary}");
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => {
            println!("{e}");
            eprintln!(
                "detmap: {}",
                tr!("cli-nothing-imported", file = output.display().to_string())
            );
            Ok(ExitCode::from(1))
        }
    }
}

fn merge(files: &[PathBuf], output: &Path) -> Result<ExitCode> {
    let mut inputs = Vec::with_capacity(files.len());
    for file in files {
        let name = file
            .file_name()
            .map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
        inputs.push(detmap::merge::Input { name, map: load(file)? });
    }
    let merged = detmap::merge::merge(&inputs).map_err(|problems| {
        let lines: Vec<String> = problems.iter().map(|p| format!("{}: {}", p.path, p.message)).collect();
        anyhow::anyhow!(tr!("cli-merge-invalid", problems = lines.join("\n")))
    })?;
    format::save_file(output, &merged.map)?;
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    for conflict in &merged.conflicts {
        writeln!(out, "{conflict}")?;
    }
    out.flush()?;
    Ok(if merged.conflicts.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn diff(old: &Path, new: &Path, format: DiffFormat, layout: bool) -> Result<ExitCode> {
    let (old_map, new_map) = (load(old)?, load(new)?);
    let changes = detmap::diff::diff(&old_map, &new_map, layout);
    write_to(Path::new("-"), |w| {
        match format {
            DiffFormat::Text => {
                for change in &changes {
                    writeln!(w, "{change}")?;
                }
            }
            DiffFormat::Json => {
                serde_json::to_writer_pretty(&mut *w, &changes)?;
                writeln!(w)?;
            }
        }
        Ok(())
    })?;
    Ok(if changes.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}
