//! Speakers to actors: a named speaker is the actor with a mention on its head word; a pronoun or
//! "the commentators" is the most recent fitting actor (or the previous quote's speakers).

use super::direct::Found;
use super::speaker::Anaphor;
use crate::extract::actors::DocActor;
use crate::model::ActorKind;

/// For each quote (in the given order), the indices of its speakers among `actors`.
pub fn resolve(found: &[Found], actors: &[DocActor]) -> Vec<Vec<usize>> {
    let mut mentions: Vec<(usize, usize, usize)> = actors
        .iter()
        .enumerate()
        .flat_map(|(i, a)| a.mentions.iter().map(move |m| (m.start, m.end, i)))
        .collect();
    mentions.sort_unstable();
    let longest = mentions
        .iter()
        .map(|&(s, e, _)| e.saturating_sub(s))
        .max()
        .unwrap_or(0);
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&i| {
        found[i]
            .speaker
            .as_ref()
            .map_or(found[i].span.start, |s| s.span.start)
    });
    let mut out = vec![Vec::new(); found.len()];
    let mut previous: Vec<usize> = Vec::new();
    for i in order {
        let Some(sp) = &found[i].speaker else {
            continue;
        };
        let mut who: Vec<usize> = Vec::new();
        for h in &sp.heads {
            // Sorted by start, and none longer than `longest`: only these can overlap the head.
            let from = mentions.partition_point(|m| m.0 < h.start.saturating_sub(longest));
            let to = mentions.partition_point(|m| m.0 < h.end);
            for &(s, e, a) in mentions.get(from..to).unwrap_or_default() {
                if s < h.end && h.start < e && !who.contains(&a) {
                    who.push(a);
                }
            }
        }
        // "The commentators" refers back to people already named; a group actor made of the
        // common noun alone is only the fallback.
        let generic =
            sp.anaphor.is_some() && who.iter().all(|&a| actors[a].kind == ActorKind::Group);
        let plural_back = |prev: &[usize]| {
            prev.len() > 1
                || prev
                    .first()
                    .is_some_and(|&a| actors[a].kind == ActorKind::Group)
        };
        if generic
            && sp.anaphor == Some(Anaphor::Plural)
            && plural_back(&previous)
            && !who.is_empty()
        {
            who = previous.clone();
        } else if who.is_empty()
            && let Some(anaphor) = sp.anaphor
        {
            let before = |kinds: &[ActorKind]| {
                mentions
                    .iter()
                    .rev()
                    .find(|&&(_, e, a)| e <= sp.span.start && kinds.contains(&actors[a].kind))
                    .map(|&(_, _, a)| a)
            };
            who = match anaphor {
                Anaphor::Plural if plural_back(&previous) => previous.clone(),
                Anaphor::Plural => before(&[ActorKind::Group, ActorKind::Organization])
                    .into_iter()
                    .collect(),
                Anaphor::Singular => before(&[ActorKind::Person]).into_iter().collect(),
                Anaphor::Thing => before(&[ActorKind::Organization, ActorKind::Place])
                    .into_iter()
                    .collect(),
            };
        }
        if !who.is_empty() {
            previous = who.clone();
        }
        out[i] = who;
    }
    out
}
