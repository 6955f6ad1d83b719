//! Loading: word lists, ingest, extract and assemble in a pool of worker threads — the one path
//! from the command line's options to a `Corpus`, shared by the export and the browser.

use std::num::NonZeroUsize;
use std::path::PathBuf;

use super::{Corpus, Source};
use crate::assets::Assets;
use crate::corpus::Lexicon;
use crate::ingest::Diagnostic;

/// Progress of a load: called with (documents extracted, documents in all), first with
/// (0, total) once the articles are read, then from worker threads as documents finish.
pub type Progress<'a> = &'a (dyn Fn(usize, usize) + Sync);

/// A number of worker threads, from 1 to `Jobs::MAX`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Jobs(NonZeroUsize);

impl Jobs {
    /// The most worker threads dateline starts. Extraction is bound by the CPU, so threads past
    /// the number of cores only add memory and switching; 256 is more cores than common machines
    /// have, and few enough that any machine can start them at once (`--jobs 100000` once brought
    /// a machine to a load of 1,000). A fixed number, so the limit reads the same everywhere.
    pub const MAX: usize = 256;

    /// `n` threads, or None when `n` is 0 or over `Jobs::MAX`.
    pub fn new(n: usize) -> Option<Jobs> {
        NonZeroUsize::new(n)
            .filter(|n| n.get() <= Self::MAX)
            .map(Jobs)
    }

    pub fn get(self) -> usize {
        self.0.get()
    }
}

/// What a load reads.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Input {
    /// The articles of `LoadOptions::source`.
    #[default]
    Articles,
    /// A `dateline/1` export, read back without the articles.
    Export(PathBuf),
    /// The output of `dateline extract` runs, assembled in order (`-` is standard input).
    Shards(Vec<PathBuf>),
}

/// Everything a load needs: where the articles are, the user's word lists and the worker threads.
#[derive(Clone, Debug, Default)]
pub struct LoadOptions {
    pub source: Source,
    /// A folder of word lists over the built-in ones (else the default user folder, if any).
    pub assets: Option<PathBuf>,
    /// Worker threads; None for one per core.
    pub jobs: Option<Jobs>,
    pub input: Input,
    /// Reuse and update the cache of earlier runs (`super::cache`) when reading articles.
    pub cache: bool,
    /// The user's identity corrections file (`corrections`), applied after assembly.
    pub corrections: Option<PathBuf>,
}

impl LoadOptions {
    /// The pool of `jobs` worker threads the load runs in. The export runs the load inside its
    /// own pool; the browser makes it the global pool, so that its search, run later from the
    /// main thread, uses the same (by then warm) threads.
    pub fn thread_pool(&self) -> rayon::ThreadPoolBuilder {
        let builder = rayon::ThreadPoolBuilder::new();
        match self.jobs {
            Some(jobs) => builder.num_threads(jobs.get()),
            None => builder,
        }
    }

    /// Loads the word lists, reads the articles and builds the corpus, in the current rayon pool.
    /// Problems with the user's word lists come first among the corpus's diagnostics, named
    /// "word lists".
    pub fn load(&self, progress: Progress<'_>) -> Corpus {
        if let Input::Export(path) = &self.input {
            return crate::export::read::load(path);
        }
        let assets = Assets::load(self.assets.as_deref());
        let lex = Lexicon::load(&assets);
        let lists = assets.fingerprint();
        let diagnostics: Vec<Diagnostic> = assets
            .warnings
            .into_iter()
            .map(|message| Diagnostic {
                path: "word lists".into(),
                line: None,
                message,
                skipped: false,
            })
            .collect();
        let mut corpus = match &self.input {
            Input::Shards(paths) => {
                crate::shard::assemble(paths, &lex, lists, diagnostics, progress)
            }
            _ if self.cache => crate::cache::load(&self.source, diagnostics, &lex, lists, progress),
            _ => read(&self.source, &lex, diagnostics, progress),
        };
        if let Some(path) = &self.corrections {
            super::corrections::apply_file(&mut corpus, path, &lex.happenings);
        }
        corpus
    }
}

/// Ingest → extract → assemble: reads the articles of `source` and builds their corpus, after
/// the `diagnostics` met before reading.
pub(super) fn read(
    source: &Source,
    lex: &Lexicon,
    mut diagnostics: Vec<Diagnostic>,
    progress: Progress<'_>,
) -> Corpus {
    let ingested = source.ingest();
    diagnostics.extend(ingested.diagnostics);
    progress(0, ingested.documents.len());
    Corpus::build(ingested.documents, diagnostics, lex, progress)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jobs_run_from_one_to_the_cap() {
        for (n, ok) in [
            (0, false),
            (1, true),
            (Jobs::MAX, true),
            (Jobs::MAX + 1, false),
            (usize::MAX, false),
        ] {
            assert_eq!(Jobs::new(n).map(Jobs::get), ok.then_some(n), "{n}");
        }
    }

    #[test]
    fn word_list_problems_come_first_and_progress_starts_at_zero() {
        let dir = tempfile::tempdir().unwrap();
        let opts = LoadOptions {
            assets: Some(dir.path().join("missing")),
            jobs: Jobs::new(1),
            ..LoadOptions::default()
        };
        let calls = std::sync::Mutex::new(Vec::new());
        let corpus = opts
            .thread_pool()
            .build()
            .unwrap()
            .install(|| opts.load(&|done, total| calls.lock().unwrap().push((done, total))));
        assert_eq!(corpus.documents.len(), 1, "the bundled seed");
        assert_eq!(corpus.diagnostics.len(), 1);
        assert_eq!(corpus.diagnostics[0].path, "word lists");
        assert!(corpus.diagnostics[0].message.contains("not found"));
        assert_eq!(calls.into_inner().unwrap(), [(0, 1), (1, 1)]);
    }
}
