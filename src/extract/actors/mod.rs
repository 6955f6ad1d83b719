//! Actors: people, organisations, places and groups, with roles, aliases and every mention.

use super::Staged;
use super::segment::Segments;
use crate::assets::Assets;
use crate::model::{ActorKind, Span};

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

/// Gazetteers and word lists the actor stage needs.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {}

impl Lexicon {
    pub fn load(_assets: &Assets) -> Self {
        Lexicon {}
    }
}

/// Finds the actors of one document.
pub fn extract(_text: &str, _segments: &Segments, _lex: &Lexicon) -> Staged<DocActor> {
    Staged::default()
}

/// The key under which actors of different documents are the same actor.
pub fn merge_key(actor: &DocActor) -> (ActorKind, String) {
    (actor.kind, crate::text::fold(&actor.name))
}
