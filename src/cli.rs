//! The command line: argument parsing and the `export` command; the browser lives in `crate::tui`.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::assets::Assets;
use crate::corpus::{Corpus, Source};
use crate::extract::pipeline::Lexicon;
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
    /// Worker threads for extraction (default: all cores).
    #[arg(long, short = 'j', value_name = "N")]
    pub jobs: Option<usize>,
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

impl InputArgs {
    pub fn source(&self) -> Source {
        Source {
            paths: self.paths.clone(),
            options: IngestOptions {
                default_date: self.date,
            },
        }
    }

    pub fn lexicon(&self) -> (Lexicon, Vec<String>) {
        let assets = Assets::load(self.assets.as_deref());
        (Lexicon::load(&assets), assets.warnings)
    }

    /// A rayon pool with `--jobs` threads (all cores by default).
    pub fn pool(&self) -> anyhow::Result<rayon::ThreadPool> {
        let mut b = rayon::ThreadPoolBuilder::new();
        if let Some(n) = self.jobs {
            anyhow::ensure!(n > 0, "--jobs must be at least 1");
            b = b.num_threads(n);
        }
        b.build().context("starting worker threads")
    }
}

/// Runs dateline with already-parsed arguments.
pub fn run(cli: Cli) -> ExitCode {
    let result = match cli.command {
        Some(Command::Export(args)) => export(&args),
        None => crate::tui::run(&cli.browse),
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
    let pool = args.input.pool()?;
    let (lex, asset_warnings) = args.input.lexicon();
    for w in &asset_warnings {
        eprintln!("dateline: warning: {w}");
    }
    let source = args.input.source();
    let corpus = pool.install(|| {
        let ingested = source.ingest();
        Corpus::build(ingested.documents, ingested.diagnostics, &lex, &|_, _| {})
    });
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
