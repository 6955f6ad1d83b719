//! Actors: people, organisations, places and groups, with roles, aliases and every mention.
//!
//! Evidence is combined from gazetteers (`lexicon`), capitalisation (`candidates`), titles and role
//! nouns (`roles`), context such as speech verbs (`classify`), the rest of the document (`coref`)
//! and noun phrases for collectives (`groups`).

mod candidates;
mod classify;
mod context;
mod coref;
mod groups;
mod kinds;
mod lexicon;
mod roles;
mod tokens;
mod words;

use super::DocInput;
use crate::model::{ActorKind, Span};

pub use lexicon::Lexicon;

/// Steps taken by the stage's lookups that are not one pass over the tokens (an organisation
/// compared with a word, a role probed at a "the"), counted in tests so that a test can check the
/// stage stays linear in the size of one document; free in other builds.
pub(crate) mod work {
    #[cfg(test)]
    thread_local! {
        static STEPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
    }

    /// Counts `n` steps.
    #[inline(always)]
    pub fn add(n: usize) {
        #[cfg(test)]
        STEPS.with(|s| s.set(s.get() + n));
        #[cfg(not(test))]
        let _ = n;
    }

    /// The steps counted on this thread since the last call.
    #[cfg(test)]
    pub fn take() -> usize {
        STEPS.with(|s| s.replace(0))
    }
}

/// An actor as found in one document; `crate::corpus` merges them across documents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocActor {
    pub name: String,
    pub kind: ActorKind,
    /// Roles as written, e.g. "Prime Minister", "analyst".
    pub roles: Vec<String>,
    /// Other names used for the same actor in the text ("Fidan", "Mr. Pashinyan").
    pub aliases: Vec<String>,
    /// The country an actor belongs to: a capital's country, a minister's government.
    pub country: Option<String>,
    /// Every mention, in text order.
    pub mentions: Vec<Span>,
}

/// Finds the actors of one document, in order of first mention.
pub fn extract(input: &DocInput<'_>, lex: &Lexicon) -> Vec<DocActor> {
    let doc = context::Doc::new(input.text, &input.segments, lex);
    let cands = candidates::find(&doc, lex);
    let mut actors = coref::resolve(&doc, lex, &cands);
    actors.extend(groups::find(&doc, lex));
    actors.retain(|a| !a.mentions.is_empty());
    actors.sort_by_key(|a| a.mentions[0].start);
    actors
}

#[cfg(test)]
mod scale_tests {
    use super::*;
    use crate::extract::pipeline::Lexicon as AllLexicons;

    /// A made-up capitalised word for `i`: "Bakor", "Dafim", ... (no word list holds them).
    fn word(mut i: usize) -> String {
        const C: &[u8] = b"bdfgklmnprstvz";
        const V: &[u8] = b"aeiou";
        let mut w = String::new();
        loop {
            w.push(char::from(C[i % C.len()]));
            i /= C.len();
            w.push(char::from(V[i % V.len()]));
            i /= V.len();
            if i == 0 && w.len() >= 4 {
                break;
            }
        }
        let mut cs = w.chars();
        cs.next()
            .map(|c| c.to_ascii_uppercase().to_string() + cs.as_str())
            .unwrap_or_default()
    }

    /// `n` paragraphs of news about `n` different companies and people: each company is named in
    /// full and by its first word and acronym, each person by a titled full name, a surname and a
    /// role in lower case.
    fn news(n: usize) -> String {
        let mut text = String::new();
        for i in 0..n {
            let (a, b, c, d) = (
                word(4 * i),
                word(4 * i + 1),
                word(4 * i + 2),
                word(4 * i + 3),
            );
            let acronym: String = [&a, &b]
                .iter()
                .filter_map(|w| w.chars().next())
                .chain("C".chars())
                .collect();
            text.push_str(&format!(
                "{a} {b} Corporation said profits rose. Chief Executive {c} {d} said {a} would \
                 grow and {acronym} agreed. {d} told the chief executive nothing new.\n\n"
            ));
        }
        text
    }

    /// The steps the stage takes on `text`, and the actors it finds.
    fn steps(text: &str) -> (usize, usize) {
        let lex = AllLexicons::builtin();
        let input = DocInput::segmented(text, &lex.segment, None);
        work::take();
        let found = extract(&input, &lex.actors).len();
        (work::take(), found)
    }

    /// Four times the text takes at most 4.5 times the steps, and a bounded number per byte:
    /// comparing each single word with every organisation, or scanning the text once per role,
    /// grew with the square of the document.
    #[test]
    #[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
    fn lookups_grow_linearly_with_one_document() {
        // Past 196 paragraphs the acronyms repeat (two initials of 14 letters): both sizes past it.
        let (small, found_small) = steps(&news(400));
        let text = news(1600);
        let (large, found_large) = steps(&text);
        assert!(
            found_large > 3 * found_small,
            "{found_small} / {found_large}"
        );
        assert!(
            large * 2 <= small * 9,
            "steps {small} → {large} for 4× the text"
        );
        assert!(
            large <= text.len(),
            "{large} steps for {} bytes",
            text.len()
        );
    }

    /// Memory per input byte: a document of two capitalised words repeated holds a token and a
    /// candidate per word, so both stay small, and the table of distinct words holds two words
    /// (it used to reserve a slot per two tokens: 4 MB of "Big Name " took 150 MB).
    #[test]
    #[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
    fn repeated_names_take_little_memory_per_word() {
        assert!(size_of::<candidates::Cand>() <= 64);
        let lex = AllLexicons::builtin();
        let text = "Big Name ".repeat(100_000);
        let input = DocInput::segmented(&text, &lex.segment, None);
        let doc = context::Doc::new(input.text, &input.segments, &lex.actors);
        assert!(doc.words_capacity() <= 1 << 13, "{}", doc.words_capacity());
        assert!(extract(&input, &lex.actors).len() <= 1);
    }
}
