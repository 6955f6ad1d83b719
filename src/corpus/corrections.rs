//! The user's identity corrections, applied to an assembled corpus: two names that are one
//! person, a name that is not a person. Read from a plain file in the config folder
//! (`identities.txt`), written to by the browser (`m` and `x` on an actor), honoured on every load
//! and recorded in the export.
//!
//! ```text
//! # one correction per line
//! Tony Blair = Mr Blair = Blair      # the same person; the first name is kept
//! not a person: Downing Street       # dropped from the actors
//! not a person: Downing Street = place   # or made a place (organization, group)
//! ```
//!
//! It works on the corpus after assembly, through `apply`, so it stays apart from how actors are
//! merged in the first place.

use crate::ids::{ActorId, Id};
use crate::ingest::Diagnostic;
use crate::model::ActorKind;
use crate::text::{same_fold, slug};

use super::{Actor, Corpus};

/// What a new corrections file starts with.
pub const FILE_HEADER: &str = "# dateline identity corrections, one per line (see the README):\n#   Tony Blair = Mr Blair        the same person; the first name is kept\n#   not a person: Downing Street  dropped from the actors (\"= place\" makes it a place)\n";

const NOT_PERSON: &str = "not a person:";

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corrections {
    /// Groups of names for one actor; the first is the one kept.
    pub same: Vec<Vec<String>>,
    /// Names that are not people, with the kind they are instead (None: drop them).
    pub not_person: Vec<(String, Option<ActorKind>)>,
}

/// The line that says `a` and `b` are one person (`a` kept).
pub fn same_line(a: &str, b: &str) -> String {
    format!("{} = {}", one_line(a), one_line(b))
}

/// The line that says `name` is not a person.
pub fn not_person_line(name: &str) -> String {
    format!("{NOT_PERSON} {}", one_line(name))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn kind_named(s: &str) -> Option<ActorKind> {
    ActorKind::ALL.into_iter().find(|k| {
        k.as_str().eq_ignore_ascii_case(s.trim())
            || (s.trim() == "organisation" && *k == ActorKind::Organization)
    })
}

impl Corrections {
    /// Reads the corrections file's text; a line it cannot read is a diagnostic naming
    /// `path:line`, and the rest is still read.
    pub fn parse(text: &str, path: &str) -> (Corrections, Vec<Diagnostic>) {
        let mut c = Corrections::default();
        let mut problems = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.split(" #").next().unwrap_or("").trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |message: &str| Diagnostic {
                path: path.to_string(),
                line: Some(i + 1),
                message: message.to_string(),
                skipped: true,
            };
            if let Some(rest) = line.strip_prefix(NOT_PERSON) {
                let (name, kind) = match rest.split_once('=') {
                    Some((n, k)) => match kind_named(k) {
                        Some(kind) if kind != ActorKind::Person => (n.trim(), Some(kind)),
                        _ => {
                            problems.push(bad(&format!(
                                "{:?} is not organization, place or group; line skipped",
                                k.trim()
                            )));
                            continue;
                        }
                    },
                    None => (rest.trim(), None),
                };
                if name.is_empty() {
                    problems.push(bad("no name after \"not a person:\"; line skipped"));
                    continue;
                }
                c.not_person.push((name.to_string(), kind));
            } else {
                let names: Vec<String> = line
                    .split('=')
                    .map(|n| n.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .collect();
                if names.len() < 2 {
                    problems.push(bad(
                        "expected two names joined by \"=\" or \"not a person: NAME\"; line skipped",
                    ));
                    continue;
                }
                c.same.push(names);
            }
        }
        (c, problems)
    }

    pub fn is_empty(&self) -> bool {
        self.same.is_empty() && self.not_person.is_empty()
    }

    /// Applies the corrections to `corpus` and returns what was done, one line each (for the
    /// export's `corrections` and the problems list). A name that matches no actor is not an
    /// error: the corrections file serves every corpus. The happenings are grouped again with
    /// `words`, the word lists in force (`corpus::Lexicon::happenings`).
    pub fn apply(&self, corpus: &mut Corpus, words: &super::happenings::Words) -> Vec<String> {
        let n = corpus.actors.len();
        // Where each actor goes: itself, another actor, or nowhere.
        let mut map: Vec<Option<usize>> = (0..n).map(Some).collect();
        let mut applied = Vec::new();
        let named = |a: &Actor, name: &str| {
            same_fold(&a.name, name) || a.aliases.iter().any(|x| same_fold(x, name))
        };
        for group in &self.same {
            let matching = |map: &[Option<usize>], name: &str| -> Vec<usize> {
                (0..n)
                    .filter(|&i| map[i] == Some(i) && named(&corpus.actors[ActorId::new(i)], name))
                    .collect()
            };
            // The kept actor: the first name's, people first, then the most mentioned.
            let Some(&target) = matching(&map, &group[0]).iter().max_by_key(|&&i| {
                let a = &corpus.actors[ActorId::new(i)];
                (
                    a.kind == ActorKind::Person,
                    a.mentions.len(),
                    std::cmp::Reverse(i),
                )
            }) else {
                continue;
            };
            let mut merged = Vec::new();
            for name in &group[1..] {
                for i in matching(&map, name) {
                    if i != target {
                        map[i] = Some(target);
                        merged.push(corpus.actors[ActorId::new(i)].name.clone());
                    }
                }
            }
            if !merged.is_empty() {
                applied.push(format!(
                    "same person: {} = {}",
                    corpus.actors[ActorId::new(target)].name,
                    merged.join(" = ")
                ));
            }
        }
        for (name, kind) in &self.not_person {
            for (i, slot) in map.iter_mut().enumerate() {
                let a = &mut corpus.actors[ActorId::new(i)];
                if *slot != Some(i) || a.kind != ActorKind::Person || !same_fold(&a.name, name) {
                    continue;
                }
                match kind {
                    Some(k) => {
                        a.kind = *k;
                        a.id = format!("{}:{}", k.as_str(), slug(&a.name));
                        applied.push(format!("not a person: {} (now a {})", a.name, k.as_str()));
                    }
                    None => {
                        *slot = None;
                        applied.push(format!("not a person: {} (dropped)", a.name));
                    }
                }
            }
        }
        if map.iter().enumerate().all(|(i, m)| *m == Some(i)) {
            return applied;
        }
        // Fold merged actors into their targets (a target is never merged itself).
        for (i, &m) in map.iter().enumerate() {
            if let Some(j) = m
                && j != i
            {
                let from = std::mem::take(&mut corpus.actors[ActorId::new(i)].mentions);
                let from_name = corpus.actors[ActorId::new(i)].name.clone();
                let from_aliases = std::mem::take(&mut corpus.actors[ActorId::new(i)].aliases);
                let to = &mut corpus.actors[ActorId::new(j)];
                to.mentions.extend(from);
                to.mentions.sort();
                to.mentions.dedup();
                for x in std::iter::once(from_name).chain(from_aliases) {
                    if x != to.name && !to.aliases.contains(&x) {
                        to.aliases.push(x);
                    }
                }
            }
        }
        let mut new_index = vec![None; n];
        let mut kept = 0u32;
        for i in 0..n {
            if map[i] == Some(i) {
                new_index[i] = Some(kept);
                kept += 1;
            }
        }
        let remap = |i: u32| {
            map.get(i as usize)
                .copied()
                .flatten()
                .and_then(|j| new_index[j])
        };
        let mut i = 0;
        corpus.actors.as_mut_vec().retain(|_| {
            let keep = map[i] == Some(i);
            i += 1;
            keep
        });
        for q in &mut corpus.quotes {
            let mut v: Vec<u32> = q.speakers.iter().filter_map(|&s| remap(s)).collect();
            v.dedup();
            q.speakers = v.into_boxed_slice();
        }
        for e in &mut corpus.events {
            let mut actors: Vec<u32> = e.actors().iter().filter_map(|a| remap(a.raw())).collect();
            actors.sort_unstable();
            actors.dedup();
            let topics: Vec<u32> = e.topics().iter().map(|t| t.raw()).collect();
            let quotes: Vec<u32> = e.quotes().iter().map(|q| q.raw()).collect();
            e.set_links(&actors, &topics, &quotes);
        }
        // Happenings name their actors by id, and the ids changed.
        corpus.happenings = super::Happenings::build(corpus, words);
        applied
    }
}

/// Reads the corrections file at `path` (a missing file is no corrections) and applies it; its
/// problems join the corpus's diagnostics. `words` as for `Corrections::apply`.
pub fn apply_file(corpus: &mut Corpus, path: &std::path::Path, words: &super::happenings::Words) {
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return,
        Err(e) => {
            corpus.diagnostics.push(Diagnostic {
                path: path.display().to_string(),
                line: None,
                message: format!("{e}; identity corrections not applied"),
                skipped: true,
            });
            return;
        }
    };
    let (c, problems) = Corrections::parse(&text, &path.display().to_string());
    corpus.diagnostics.extend(problems);
    corpus.corrections = c.apply(corpus, words);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_lines_and_names_bad_ones() {
        let (c, problems) = Corrections::parse(
            "# header\nTony Blair = Mr Blair = Blair\nnot a person: Downing Street\nnot a person: Whitehall = place\njust one name\nnot a person: X = tree\n",
            "identities.txt",
        );
        assert_eq!(c.same, vec![vec!["Tony Blair", "Mr Blair", "Blair"]]);
        assert_eq!(
            c.not_person,
            vec![
                ("Downing Street".to_string(), None),
                ("Whitehall".to_string(), Some(ActorKind::Place))
            ]
        );
        let lines: Vec<Option<usize>> = problems.iter().map(|d| d.line).collect();
        assert_eq!(lines, [Some(5), Some(6)]);
        assert_eq!(same_line("A  B", "C"), "A B = C");
        assert_eq!(not_person_line("X"), "not a person: X");
    }
}
