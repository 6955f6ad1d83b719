//! Support shared by the integration tests.

pub mod fixture;
pub mod keys;

use std::sync::OnceLock;

use dateline::corpus::Lexicon;

/// The built-in word lists, loaded once for the whole test binary: building every stage's tables
/// takes about 2 ms, and table tests ask for them once per row.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::builtin)
}
