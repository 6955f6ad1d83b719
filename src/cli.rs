//! The command line: argument parsing and the `export`, `open`, `extract` and `assemble`
//! commands; the browser lives in `crate::tui`.

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::corpus::load::{Input, Jobs, LoadOptions};
use crate::corpus::{Corpus, Source};
use crate::export::{ExportError, Format, Selection, Table};
use crate::fsutil::FileId;
use crate::ingest::{IngestOptions, parse_date};

#[derive(Parser, Debug)]
#[command(
    name = "dateline",
    version,
    about = "A terminal timeline browser for news: what happened when, who was involved, what was said.",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    #[command(flatten)]
    pub browse: BrowseArgs,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Write the extracted timeline: `dateline/1` JSON, JSONL, CSV, Markdown, TimelineJS,
    /// Timesketch, iCalendar or SQLite, whole or filtered.
    Export(ExportArgs),
    /// Browse a `dateline/1` export without reading the articles again.
    Open(OpenArgs),
    /// Write each article's extraction as one JSON line, with no cross-article step (the map
    /// step of a sharded run; `assemble` is the reduce step).
    Extract(ExtractArgs),
    /// Merge the output of `extract` runs into one timeline: an export, or the browser.
    Assemble(AssembleArgs),
}

/// Options shared by the browser and `export`.
#[derive(Args, Debug, Clone, Default)]
pub struct InputArgs {
    /// Articles: .txt/.md files (optional front matter), .jsonl files, or folders of them.
    /// Without paths, the bundled seed article.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub run: RunArgs,
    /// Read every article again instead of reusing the cache of earlier runs.
    #[arg(long)]
    pub no_cache: bool,
}

/// How articles are read and extracted.
#[derive(Args, Debug, Clone, Default)]
pub struct RunArgs {
    /// Publication date for articles whose metadata has none.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub date: Option<NaiveDate>,
    /// Worker threads for extraction, 1 to 256 (default: one per core). Larger counts are
    /// refused: extraction is bound by the CPU, so threads past the cores only add memory.
    #[arg(long, short = 'j', value_name = "N", value_parser = parse_jobs_arg)]
    pub jobs: Option<Jobs>,
    /// Folder of word lists that extend (or with `#!replace`, replace) the built-in ones.
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,
}

#[derive(Args, Debug, Clone, Default)]
pub struct BrowseArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Turn off mouse capture (wheel scrolling and click to select).
    #[arg(long)]
    pub no_mouse: bool,
    /// Open without the saved place (filters, window, selection) of the last visit.
    #[arg(long)]
    pub fresh: bool,
}

/// The filters every export format takes (the browser's filters, by name).
#[derive(Args, Debug, Clone, Default)]
pub struct FilterArgs {
    /// Only what involves this actor (id, name or alias; case and accents do not matter).
    /// Repeat to require several.
    #[arg(long, value_name = "NAME")]
    pub actor: Vec<String>,
    /// Only what is about this topic (id or label). Repeat to require several.
    #[arg(long, value_name = "NAME")]
    pub topic: Vec<String>,
    /// Only events that end on or after this day (undated events are left out).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub from: Option<NaiveDate>,
    /// Only events that start on or before this day (undated events are left out).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date_arg)]
    pub to: Option<NaiveDate>,
    /// Only events (and quotes) whose text contains this, in any case and without accents.
    #[arg(long, value_name = "TEXT")]
    pub query: Option<String>,
}

impl FilterArgs {
    pub fn selection(&self) -> Selection {
        Selection {
            actors: self.actor.clone(),
            topics: self.topic.clone(),
            from: self.from,
            to: self.to,
            query: self.query.clone(),
        }
    }
}

/// The CSV table `--what` picks.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum What {
    Events,
    Quotes,
    Actors,
}

/// Where and how an export is written.
#[derive(Args, Debug, Clone, Default)]
pub struct OutputArgs {
    /// Output format: json (`dateline/1`), jsonl, csv, md, timelinejs, timesketch, ics or
    /// sqlite. Default: the one `-o FILE`'s extension names, else json.
    #[arg(long, value_name = "FORMAT", value_parser = parse_format_arg)]
    pub format: Option<Format>,
    /// The table of a CSV export: one row per event, quote or actor.
    #[arg(long, value_enum, value_name = "TABLE")]
    pub what: Option<What>,
    /// Output file; `-` or none writes to standard output. Files are written atomically.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Indent the JSON for reading.
    #[arg(long)]
    pub pretty: bool,
    #[command(flatten)]
    pub filters: FilterArgs,
}

#[derive(Args, Debug, Clone)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    #[command(flatten)]
    pub out: OutputArgs,
}

#[derive(Args, Debug, Clone)]
pub struct OpenArgs {
    /// A `dateline/1` export (`dateline export -o FILE.json`).
    #[arg(value_name = "FILE.json")]
    pub file: PathBuf,
    /// Turn off mouse capture (wheel scrolling and click to select).
    #[arg(long)]
    pub no_mouse: bool,
}

#[derive(Args, Debug, Clone)]
pub struct ExtractArgs {
    /// Articles, as for `export`; `-` (or no path, with standard input not a terminal) reads
    /// JSONL articles from standard input.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub run: RunArgs,
    /// Extract only shard K of N (from 1): the K-th of N equal runs of the articles in input
    /// order, so that N machines given the same paths share the work. A shard reads only its own
    /// articles (JSONL files are read through for their line numbers and ids).
    #[arg(long, value_name = "K/N", value_parser = parse_shard_arg)]
    pub shard: Option<(usize, usize)>,
}

#[derive(Args, Debug, Clone)]
pub struct AssembleArgs {
    /// Files written by `dateline extract`, in order (`-` for standard input).
    #[arg(value_name = "SHARD", required = true)]
    pub shards: Vec<PathBuf>,
    /// Open the result in the browser instead of writing an export.
    #[arg(long)]
    pub browse: bool,
    /// Folder of word lists (must be the ones `extract` used).
    #[arg(long, value_name = "DIR")]
    pub assets: Option<PathBuf>,
    #[command(flatten)]
    pub out: OutputArgs,
}

fn parse_date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("invalid date {s:?}: expected YYYY-MM-DD"))
}

fn parse_format_arg(s: &str) -> Result<Format, String> {
    Format::from_name(s).ok_or_else(|| {
        format!(
            "unknown format {s:?}: expected one of {}",
            Format::NAMES.join(", ")
        )
    })
}

fn parse_shard_arg(s: &str) -> Result<(usize, usize), String> {
    let bad = || format!("invalid shard {s:?}: expected K/N with 1 ≤ K ≤ N, such as 2/8");
    let (k, n) = s.split_once('/').ok_or_else(bad)?;
    let (k, n) = (
        k.trim().parse::<usize>().map_err(|_| bad())?,
        n.trim().parse::<usize>().map_err(|_| bad())?,
    );
    if k == 0 || k > n {
        return Err(bad());
    }
    Ok((k, n))
}

fn parse_jobs_arg(s: &str) -> Result<Jobs, String> {
    let range = format!("a number of worker threads from 1 to {}", Jobs::MAX);
    match s.trim().parse::<u128>() {
        Ok(0) => Err(format!(
            "at least 1 worker thread is needed (expected {range})"
        )),
        Ok(n) => usize::try_from(n)
            .ok()
            .and_then(Jobs::new)
            .ok_or_else(|| format!("{n} is too many (expected {range})")),
        Err(_) => Err(format!("expected {range}")),
    }
}

impl RunArgs {
    fn load_options(&self, paths: Vec<PathBuf>) -> LoadOptions {
        LoadOptions {
            source: Source {
                paths,
                options: IngestOptions {
                    default_date: self.date,
                },
            },
            assets: self.assets.clone(),
            jobs: self.jobs,
            corrections: crate::config::corrections_path(),
            ..LoadOptions::default()
        }
    }
}

impl InputArgs {
    /// What the export and the browser load, and with how many threads.
    pub fn load_options(&self) -> LoadOptions {
        let mut opts = self.run.load_options(self.paths.clone());
        opts.cache = !self.no_cache;
        // `dateline FILE.json` on an export browses the export.
        if let [path] = self.paths.as_slice()
            && crate::export::read::is_export_file(path)
        {
            opts.input = Input::Export(path.clone());
        }
        opts
    }
}

impl BrowseArgs {
    pub fn options(&self) -> crate::tui::Options {
        crate::tui::Options {
            load: self.input.load_options(),
            mouse: !self.no_mouse,
            fresh: self.fresh,
        }
    }
}

/// The exit codes (README "Exit codes"). 0 is success; a signal that stops dateline gives 128 +
/// its number (`crate::fsutil::remove_temporaries_on_signals`, and the browser).
pub mod exit {
    /// No article could be read.
    pub const NO_ARTICLES: u8 = 1;
    /// A usage error: bad arguments, or `-o` naming one of the input files.
    pub const USAGE: u8 = 2;
    /// The output could not be written (a missing folder, a full disk, no permission, a read-only
    /// file), the terminal could not be driven, or the system refused a resource such as threads.
    /// `EX_IOERR` of sysexits.h.
    pub const IO: u8 = 74;
}

/// A usage error found after parsing, such as `-o` naming an input: exit code 2.
#[derive(Debug)]
pub struct UsageError(pub String);

impl std::fmt::Display for UsageError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for UsageError {}

/// Prints one message on standard error, escaped: file names and article text in it must not
/// reach the terminal as control sequences (`crate::text::escape_for_terminal`).
pub fn say(level: &str, message: impl std::fmt::Display) {
    let message = message.to_string();
    eprintln!(
        "dateline: {level}: {}",
        crate::text::escape_for_terminal(&message)
    );
}

/// Parses the command line and runs dateline. Clap's own messages are printed escaped too (a
/// file name given as an argument can hold control characters); `--help` and `--version` are
/// clap's, unchanged.
pub fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => run(cli),
        Err(e) if e.use_stderr() => {
            let text = e.render().to_string();
            for line in text.lines() {
                eprintln!("{}", crate::text::escape_for_terminal(line));
            }
            ExitCode::from(exit::USAGE)
        }
        Err(e) => e.exit(),
    }
}

/// Runs dateline with already-parsed arguments.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Some(Command::Export(args)) => export(&args),
        Some(Command::Open(args)) => crate::tui::run(crate::tui::Options {
            load: LoadOptions {
                input: Input::Export(args.file.clone()),
                ..LoadOptions::default()
            },
            mouse: !args.no_mouse,
            fresh: false,
        }),
        Some(Command::Extract(args)) => extract(&args),
        Some(Command::Assemble(args)) => assemble(&args),
        None => crate::tui::run(cli.browse.options()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            say("error", format_args!("{e:#}"));
            ExitCode::from(exit_code(&e))
        }
    }
}

/// The exit code of an error: usage errors 2, everything else an input/output failure.
fn exit_code(e: &anyhow::Error) -> u8 {
    let input = matches!(
        e.downcast_ref::<crate::fsutil::OutputError>(),
        Some(crate::fsutil::OutputError::IsInput)
    );
    if input || e.downcast_ref::<UsageError>().is_some() {
        exit::USAGE
    } else {
        exit::IO
    }
}

fn report(corpus: &Corpus) {
    for d in &corpus.diagnostics {
        let level = if d.skipped { "error" } else { "warning" };
        say(level, d);
    }
}

fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let format = args.out.format()?;
    // `-o` naming a file given as input is refused before anything is read.
    let inputs = refuse_inputs(&args.input.paths, &args.out)?;
    let opts = args.input.load_options();
    let pool = opts
        .thread_pool()
        .build()
        .context("starting worker threads")?;
    let corpus = pool.install(|| opts.load(&|_, _| {}));
    finish(&corpus, &args.out, format, inputs)
}

/// The identities of the files given as input; an error when `-o` names one of them.
fn refuse_inputs(paths: &[PathBuf], out: &OutputArgs) -> anyhow::Result<HashSet<FileId>> {
    let inputs: HashSet<FileId> = paths.iter().filter_map(|p| FileId::of_path(p)).collect();
    if let Some(path) = out.output.as_deref().filter(|p| p.as_os_str() != "-")
        && crate::fsutil::identities(path)
            .iter()
            .any(|id| inputs.contains(id))
    {
        return Err(refused(path));
    }
    Ok(inputs)
}

/// Reports the corpus's problems and writes it; exit code 1 when nothing could be read. `inputs`
/// are the files given as input, which `-o` may not replace.
fn finish(
    corpus: &Corpus,
    out: &OutputArgs,
    format: Format,
    mut inputs: HashSet<FileId>,
) -> anyhow::Result<ExitCode> {
    // Ctrl-C while the export is written removes the temporary file and exits 130.
    crate::fsutil::remove_temporaries_on_signals().context("installing signal handlers")?;
    report(corpus);
    if corpus.documents.is_empty() {
        say("error", "no articles could be read");
        return Ok(ExitCode::from(exit::NO_ARTICLES));
    }
    let selection = out.filters.selection();
    let result = match out.output.as_deref() {
        Some(p) if p.as_os_str() != "-" => {
            // Besides the paths given, every file an article was read from, by identity. A file
            // in an input folder that was skipped (such as an earlier export there, which is no
            // feed) is no input and may be replaced.
            let mut names: Vec<&str> = corpus.documents.iter().map(|d| d.path.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            inputs.extend(names.into_iter().filter_map(input_file));
            write_file(corpus, &selection, format, p, &inputs)
        }
        _ => write_stdout(corpus, &selection, format),
    };
    match result {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(Failure::Select(e)) => Err(anyhow::Error::new(UsageError(e.to_string()))),
        Err(Failure::Write(e)) => Err(e),
    }
}

enum Failure {
    /// The filters name something the corpus lacks: a usage error.
    Select(crate::export::SelectError),
    Write(anyhow::Error),
}

impl OutputArgs {
    /// The format asked for: `--format`, else the output file's extension, else JSON; `--what`
    /// picks the CSV table and `--pretty` indents JSON.
    fn format(&self) -> anyhow::Result<Format> {
        let named = self.format.or_else(|| {
            self.output
                .as_deref()
                .filter(|p| p.as_os_str() != "-")
                .and_then(Format::from_path)
        });
        let mut format = named.unwrap_or_default();
        if let Some(what) = self.what {
            let table = match what {
                What::Events => Table::Events,
                What::Quotes => Table::Quotes,
                What::Actors => Table::Actors,
            };
            match format {
                Format::Csv(_) => format = Format::Csv(table),
                _ if self.format.is_none() && named.is_none() => format = Format::Csv(table),
                other => {
                    return Err(anyhow::Error::new(UsageError(format!(
                        "--what picks the table of a CSV export, not of {}",
                        other.name()
                    ))));
                }
            }
        }
        if let Format::Json { pretty } = &mut format {
            *pretty = self.pretty;
        }
        Ok(format)
    }
}

/// Writes the export to `path` the safe way (`crate::fsutil::write_output`): never onto one of
/// `inputs`, never through a planted link, atomically.
fn write_file(
    corpus: &Corpus,
    selection: &Selection,
    format: Format,
    path: &Path,
    inputs: &HashSet<FileId>,
) -> Result<(), Failure> {
    let mut select_error = None;
    let result = crate::fsutil::write_output(path, &|id| inputs.contains(&id), |w| {
        crate::export::write_view(corpus, selection, format, w).map_err(|e| match e {
            ExportError::Io(e) => e,
            ExportError::Select(e) => {
                select_error = Some(e);
                std::io::Error::other("selection")
            }
        })
    });
    match (select_error, result) {
        (Some(e), _) => Err(Failure::Select(e)),
        (None, Err(crate::fsutil::OutputError::IsInput)) => Err(Failure::Write(refused(path))),
        (None, Err(crate::fsutil::OutputError::Io(e))) => Err(Failure::Write(
            anyhow::Error::new(e).context(format!("writing {}", path.display())),
        )),
        (None, Ok(())) => Ok(()),
    }
}

fn write_stdout(corpus: &Corpus, selection: &Selection, format: Format) -> Result<(), Failure> {
    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    if terminal && !format.is_text() {
        return Err(Failure::Write(anyhow::Error::new(UsageError(format!(
            "{} is a binary format: write it to a file with -o FILE",
            format.name()
        )))));
    }
    let mut w = std::io::BufWriter::new(stdout.lock());
    // Article text (a CSV cell keeps its control characters) never drives the terminal.
    let mut safe = crate::export::NoControls::new(&mut w);
    let out: &mut dyn Write = if terminal { &mut safe } else { &mut w };
    let result = crate::export::write_view(corpus, selection, format, out)
        .and_then(|()| w.flush().map_err(ExportError::Io));
    match result {
        Ok(()) => Ok(()),
        Err(ExportError::Select(e)) => Err(Failure::Select(e)),
        // A closed pipe (`dateline export | head`) is the reader's choice, not an error.
        Err(ExportError::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(ExportError::Io(e)) => Err(Failure::Write(
            anyhow::Error::new(e).context("writing to standard output"),
        )),
    }
}

fn extract(args: &ExtractArgs) -> anyhow::Result<ExitCode> {
    let stdin_only = args.paths.is_empty() && !std::io::stdin().is_terminal();
    let opts = args.run.load_options(args.paths.clone());
    let pool = opts
        .thread_pool()
        .build()
        .context("starting worker threads")?;
    // Not locked: the writer crosses into the worker pool.
    let mut w = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout());
    let result = pool.install(|| crate::shard::extract(&opts, stdin_only, args.shard, &mut w));
    let summary = match result.and_then(|s| w.flush().map(|()| s)) {
        Ok(s) => s,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(ExitCode::SUCCESS),
        Err(e) => return Err(anyhow::Error::new(e).context("writing to standard output")),
    };
    for d in &summary.diagnostics {
        let level = if d.skipped { "error" } else { "warning" };
        say(level, d);
    }
    // An empty partition or shard is a normal part of a map step; input that could not be read
    // at all is not.
    if summary.read == 0 && summary.diagnostics.iter().any(|d| d.skipped) {
        say("error", "no articles could be read");
        return Ok(ExitCode::from(exit::NO_ARTICLES));
    }
    Ok(ExitCode::SUCCESS)
}

/// The file a document's or a diagnostic's path names: `feed.jsonl:12` is line 12 of `feed.jsonl`.
fn input_file(shown: &str) -> Option<FileId> {
    FileId::of_path(Path::new(shown)).or_else(|| {
        let (file, line) = shown.rsplit_once(':')?;
        line.bytes().all(|b| b.is_ascii_digit()).then_some(())?;
        FileId::of_path(Path::new(file))
    })
}

fn refused(path: &Path) -> anyhow::Error {
    anyhow::Error::new(UsageError(format!(
        "-o {}: that is one of the input files, which are never modified; choose another output",
        path.display()
    )))
}

fn assemble(args: &AssembleArgs) -> anyhow::Result<ExitCode> {
    let opts = LoadOptions {
        input: Input::Shards(args.shards.clone()),
        assets: args.assets.clone(),
        ..LoadOptions::default()
    };
    if args.browse {
        return crate::tui::run(crate::tui::Options {
            load: opts,
            mouse: true,
            fresh: false,
        });
    }
    let format = args.out.format()?;
    let inputs = refuse_inputs(&args.shards, &args.out)?;
    let progress = crate::shard::progress::Bar::stderr("assembling");
    let corpus = opts.load(&|done, total| progress.update(done, total));
    progress.finish();
    finish(&corpus, &args.out, format, inputs)
}
