//! The command line: argument parsing and the `export` command; the browser lives in `crate::tui`.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::corpus::load::{Jobs, LoadOptions};
use crate::corpus::{Corpus, Source};
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
    /// Write the extracted timeline as `dateline/1` JSON.
    Export(ExportArgs),
}

/// Options shared by the browser and `export`.
#[derive(Args, Debug, Clone, Default)]
pub struct InputArgs {
    /// Articles: .txt/.md files (optional front matter), .jsonl files, or folders of them.
    /// Without paths, the bundled seed article.
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,
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
}

#[derive(Copy, Clone, Debug, Default, PartialEq, Eq, ValueEnum)]
pub enum Format {
    #[default]
    Json,
}

#[derive(Args, Debug, Clone)]
pub struct ExportArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    pub format: Format,
    /// Output file; `-` or none writes to standard output. Files are written atomically.
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Indent the JSON for reading.
    #[arg(long)]
    pub pretty: bool,
}

fn parse_date_arg(s: &str) -> Result<NaiveDate, String> {
    parse_date(s).ok_or_else(|| format!("invalid date {s:?}: expected YYYY-MM-DD"))
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

impl InputArgs {
    /// What the export and the browser load, and with how many threads.
    pub fn load_options(&self) -> LoadOptions {
        LoadOptions {
            source: Source {
                paths: self.paths.clone(),
                options: IngestOptions {
                    default_date: self.date,
                },
            },
            assets: self.assets.clone(),
            jobs: self.jobs,
        }
    }
}

impl BrowseArgs {
    pub fn options(&self) -> crate::tui::Options {
        crate::tui::Options {
            load: self.input.load_options(),
            mouse: !self.no_mouse,
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

fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    // Ctrl-C while the export is written removes the temporary file and exits 130.
    crate::fsutil::remove_temporaries_on_signals().context("installing signal handlers")?;
    let output = args.output.as_deref().filter(|p| p.as_os_str() != "-");
    // `-o` naming a file given as input is refused before anything is read.
    let mut inputs: HashSet<FileId> = args
        .input
        .paths
        .iter()
        .filter_map(|p| FileId::of_path(p))
        .collect();
    if let Some(path) = output
        && crate::fsutil::identities(path)
            .iter()
            .any(|id| inputs.contains(id))
    {
        return Err(refused(path));
    }
    let opts = args.input.load_options();
    let pool = opts
        .thread_pool()
        .build()
        .context("starting worker threads")?;
    let corpus = pool.install(|| opts.load(&|_, _| {}));
    for d in &corpus.diagnostics {
        let level = if d.skipped { "error" } else { "warning" };
        say(level, d);
    }
    if corpus.documents.is_empty() {
        say("error", "no articles could be read");
        return Ok(ExitCode::from(exit::NO_ARTICLES));
    }
    match output {
        None => write_stdout(&corpus, args.pretty)?,
        Some(path) => {
            // Besides the paths given, every file an article was read from, by identity. A file
            // in an input folder that was skipped (such as an earlier export there, which is no
            // feed) is no input and may be replaced.
            let mut names: Vec<&str> = corpus.documents.iter().map(|d| d.path.as_str()).collect();
            names.sort_unstable();
            names.dedup();
            inputs.extend(names.into_iter().filter_map(input_file));
            let written = crate::fsutil::write_output(path, &|id| inputs.contains(&id), |w| {
                crate::export::write_json(&corpus, &mut *w, args.pretty)?;
                w.write_all(b"\n")
            });
            match written {
                Ok(()) => {}
                Err(crate::fsutil::OutputError::IsInput) => return Err(refused(path)),
                Err(crate::fsutil::OutputError::Io(e)) => {
                    return Err(
                        anyhow::Error::new(e).context(format!("writing {}", path.display()))
                    );
                }
            }
        }
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

fn write_stdout(corpus: &Corpus, pretty: bool) -> anyhow::Result<()> {
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    let result = crate::export::write_json(corpus, &mut w, pretty)
        .and_then(|_| w.write_all(b"\n"))
        .and_then(|_| w.flush());
    match result {
        // A closed pipe (`dateline export | head`) is the reader's choice, not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other.context("writing to standard output"),
    }
}
