//! The command line: argument parsing and the `export` command; the browser lives in `crate::tui`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::corpus::load::{Jobs, LoadOptions};
use crate::corpus::{Corpus, Source};
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
    /// Open without the saved place (filters, window, selection) of the last visit.
    #[arg(long)]
    pub fresh: bool,
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
            corrections: crate::config::corrections_path(),
        }
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

/// Runs dateline with already-parsed arguments.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Some(Command::Export(args)) => export(&args),
        None => crate::tui::run(cli.browse.options()),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("dateline: error: {e:#}");
            ExitCode::from(2)
        }
    }
}

fn export(args: &ExportArgs) -> anyhow::Result<ExitCode> {
    let opts = args.input.load_options();
    let pool = opts
        .thread_pool()
        .build()
        .context("starting worker threads")?;
    let corpus = pool.install(|| opts.load(&|_, _| {}));
    for d in &corpus.diagnostics {
        let level = if d.skipped { "error" } else { "warning" };
        eprintln!("dateline: {level}: {d}");
    }
    if corpus.documents.is_empty() {
        eprintln!("dateline: error: no articles could be read");
        return Ok(ExitCode::from(1));
    }
    match args.output.as_deref() {
        None => write_stdout(&corpus, args.pretty)?,
        Some(p) if p.as_os_str() == "-" => write_stdout(&corpus, args.pretty)?,
        Some(path) => crate::fsutil::write_atomic(path, |w| {
            crate::export::write_json(&corpus, &mut *w, args.pretty)?;
            w.write_all(b"\n")
        })
        .with_context(|| format!("writing {}", path.display()))?,
    }
    Ok(ExitCode::SUCCESS)
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
