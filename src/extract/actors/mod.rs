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
mod lexicon;
mod roles;
mod tokens;
mod words;

use super::DocInput;
use crate::model::{ActorKind, Span};

pub use lexicon::Lexicon;

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

/// The key under which actors of different documents are the same actor.
pub fn merge_key(actor: &DocActor) -> (ActorKind, String) {
    (actor.kind, crate::text::fold(&actor.name))
}

/// For each corpus actor, the actor it belongs to: a one-word person ("Fidan") maps to the only
/// person with a longer name ending in that word ("Hakan Fidan"); everything else to itself.
pub fn surname_merges(actors: &[(ActorKind, &str)]) -> Vec<usize> {
    let mut by_surname: std::collections::HashMap<String, Vec<usize>> = Default::default();
    for (i, (kind, name)) in actors.iter().enumerate() {
        if *kind == ActorKind::Person
            && name.contains(' ')
            && let Some(last) = name.split_whitespace().last()
        {
            by_surname
                .entry(crate::text::fold(last))
                .or_default()
                .push(i);
        }
    }
    actors
        .iter()
        .enumerate()
        .map(|(i, (kind, name))| {
            if *kind != ActorKind::Person || name.contains(' ') {
                return i;
            }
            match by_surname.get(&crate::text::fold(name)).map(Vec::as_slice) {
                Some([j]) => *j,
                _ => i,
            }
        })
        .collect()
}
