//! Collective actors named without a proper noun: "Armenian civil society experts", "human rights
//! advocates in Yerevan", "the commentators" when they speak or act, and governments named by a
//! demonym or a country's possessive ("Armenia's government" → "Armenian government").

use super::DocActor;
use super::candidates::gazetteer;
use super::context::Doc;
use super::lexicon::{Entry, Lexicon, PlaceKind, list};
use super::tokens::TokKind;
use crate::fasthash::FastMap;
use crate::model::{ActorKind, Span};
use crate::text::fold;

/// The groups found so far, and each one's index by its folded name (one probe per mention
/// rather than a look at every group).
#[derive(Default)]
struct Found {
    out: Vec<DocActor>,
    index: FastMap<String, usize>,
}

fn add(found: &mut Found, name: String, span: Span, country: Option<String>) {
    let key = fold(&name);
    if let Some(&i) = found.index.get(&key) {
        found.out[i].mentions.push(span);
        return;
    }
    found.index.insert(key, found.out.len());
    found.out.push(DocActor {
        name,
        kind: ActorKind::Group,
        roles: Vec::new(),
        aliases: Vec::new(),
        country: country.filter(|c| !c.is_empty()),
        mentions: vec![span],
    });
}

fn is_demonym(doc: &Doc, lex: &Lexicon, i: usize) -> Option<String> {
    let t = doc.toks.get(i)?;
    (t.kind == TokKind::Word && t.cap && doc.is(i, list::DEMONYM))
        .then(|| lex.demonyms.get(doc.tok_fold(t)).cloned())?
}

pub fn find(doc: &Doc, lex: &Lexicon) -> Vec<DocActor> {
    let mut out = Found::default();
    let n = doc.toks.len();
    for h in 0..n {
        // Most words are neither a group noun nor a government word: one bit test skips them.
        if !doc.is(h, list::GROUP_HEAD | list::GROUP_NOUN)
            || doc.strict(h)
            || doc.toks[h].kind != TokKind::Word
        {
            continue;
        }
        if doc.is(h, list::GROUP_HEAD) && h > 0 {
            government(doc, lex, h, &mut out);
        }
        if !doc.is(h, list::GROUP_NOUN) || (doc.toks[h].cap && !doc.initial(h)) {
            continue;
        }
        // Modifiers before the noun.
        let mut a = h;
        let mut country = None;
        while a > 0 && h - a < 5 {
            let t = &doc.toks[a - 1];
            if !doc.joined(a - 1) || t.kind != TokKind::Word {
                break;
            }
            if let Some(c) = is_demonym(doc, lex, a - 1) {
                country = country.or(Some(c));
                a -= 1;
            } else if !t.cap && doc.is(a - 1, list::GROUP_MODIFIER)
                || (doc.initial(a - 1) && doc.is(a - 1, list::GROUP_MODIFIER))
            {
                a -= 1;
            } else {
                break;
            }
        }
        // "in Yerevan", "from Baku".
        let mut b = h + 1;
        if matches!(doc.fold(b), "in" | "from")
            && let Some((len, Entry::Place(_))) =
                (b + 1 < n).then(|| gazetteer(doc, lex, b + 1, n)).flatten()
        {
            b += 1 + len;
        }
        let determined = a > 0 && doc.fold(a - 1) == "the";
        let acts = acts_after(doc, b)
            || (a >= 2 && doc.fold(a - 2) == "according" && doc.fold(a - 1) == "to");
        if !(acts || country.is_some() && a < h) || (a == h && !determined && !doc.initial(h)) {
            continue;
        }
        let span = Span::new(doc.toks[a].span.start, doc.toks[b - 1].span.end);
        let mut name = span.slice(doc.text).to_string();
        if doc.initial(a)
            && is_demonym(doc, lex, a).is_none()
            && let Some(c) = name.chars().next()
        {
            name = c.to_lowercase().chain(name.chars().skip(1)).collect();
        }
        add(&mut out, name, span, country);
    }
    out.out
}

/// A verb (or speech verb) right after the noun phrase, past commas and an adverb.
fn acts_after(doc: &Doc, mut b: usize) -> bool {
    for _ in 0..4 {
        let f = doc.fold(b);
        if doc.s(b) == "," || f == "however" || f.ends_with("ly") || f == "also" {
            b += 1;
            continue;
        }
        break;
    }
    let f = doc.fold(b);
    // Auxiliaries too: "experts are set to visit", "analysts have warned".
    doc.is(b, list::SPEECH)
        || matches!(
            f,
            "is" | "are" | "was" | "were" | "has" | "have" | "had" | "will" | "would"
        )
}

/// "The Armenian government", "Armenia's government".
fn government(doc: &Doc, lex: &Lexicon, h: usize, out: &mut Found) {
    let head = doc.s(h).to_lowercase();
    if let Some(country) = is_demonym(doc, lex, h - 1) {
        let span = Span::new(doc.toks[h - 1].span.start, doc.toks[h].span.end);
        let name = format!("{} {head}", doc.s(h - 1));
        add(out, name, span, Some(country));
        return;
    }
    if h >= 2 && doc.toks[h - 1].kind == TokKind::Poss {
        // Find the place that ends right before the possessive.
        for len in 1..=3.min(h - 1) {
            let a = h - 1 - len;
            if let Some((l, Entry::Place(p))) = gazetteer(doc, lex, a, h - 1)
                && l == len
                && p.kind == PlaceKind::Country
            {
                let adj = lex
                    .country_demonym
                    .get(&p.name)
                    .cloned()
                    .unwrap_or_else(|| p.name.clone());
                let span = Span::new(doc.toks[a].span.start, doc.toks[h].span.end);
                add(out, format!("{adj} {head}"), span, Some(p.name.clone()));
                return;
            }
        }
    }
}
