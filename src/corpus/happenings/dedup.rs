//! Duplicate articles: the same text under two files or ids (the BBC archive has them), found by
//! a hash of the normalised text so that their events are counted once.

use rayon::prelude::*;

use crate::fasthash::FastMap;
use crate::ids::{DocId, IdVec};
use crate::model::Document;

/// For every document, the first document (in input order) with the same normalised text, or
/// None when it is the first of its text. Texts with no letters or digits are nobody's duplicate.
///
/// Two copies of a text have the same normalised beginning and end (`Edges`), which takes a few
/// hundred bytes of each text to find: only the documents whose edges another document shares
/// are compared further, so an archive of distinct articles is not read twice. Copies byte for
/// byte are found by comparing bytes; only where they are not is every text hashed whole (`Key`).
pub(super) fn duplicates(docs: &IdVec<DocId, Document>) -> IdVec<DocId, Option<DocId>> {
    let edges: Vec<Option<Edges>> = docs.par_iter().map(|d| edges(&d.text)).collect();
    let mut shared: FastMap<&Edges, bool> = FastMap::default();
    for e in edges.iter().flatten() {
        shared.entry(e).and_modify(|s| *s = true).or_insert(false);
    }
    // The documents of each shared pair of edges, in input order. When all of them are byte for
    // byte the first one, they are its copies and nothing needs hashing; otherwise all of them
    // are hashed whole.
    let mut by_edges: FastMap<&Edges, Vec<usize>> = FastMap::default();
    for (i, e) in edges.iter().enumerate() {
        if let Some(e) = e.as_ref().filter(|e| shared[e]) {
            by_edges.entry(e).or_default().push(i);
        }
    }
    drop(shared);
    let mut out: IdVec<DocId, Option<DocId>> = vec![None; docs.len()].into();
    let mut hashed = vec![false; docs.len()];
    for members in by_edges.values() {
        let text = |i: usize| docs[DocId::new(i)].text.as_str();
        let (first, rest) = (members[0], &members[1..]);
        if rest.iter().all(|&i| text(i) == text(first)) {
            for &i in rest {
                out[DocId::new(i)] = Some(DocId::new(first));
            }
        } else {
            for &i in members {
                hashed[i] = true;
            }
        }
    }
    drop(by_edges);
    let keys: Vec<Option<Key>> = docs
        .par_iter()
        .zip(&hashed)
        .map(|(d, &h)| if h { key(&d.text) } else { None })
        .collect();
    let mut first: FastMap<Key, DocId> = FastMap::default();
    for (i, k) in keys.into_iter().enumerate() {
        let Some(k) = k else {
            continue;
        };
        let doc = DocId::new(i);
        out[doc] = match first.get(&k) {
            // Equal hashes of 128 bits and lengths are all but proof; the texts are compared
            // anyway, so that a collision can never merge two articles.
            Some(&orig) if same_normalised(&docs[orig].text, &docs[doc].text) => Some(orig),
            Some(_) => None,
            None => {
                first.insert(k, doc);
                None
            }
        };
    }
    out
}

/// The first and the last `EDGE` bytes of a normalised text (all of it when shorter).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Edges(Vec<u8>, Vec<u8>);

/// Bytes of normalised text at each end that `Edges` keeps.
const EDGE: usize = 32;

/// The `Edges` of `text`, None when it has no letters or digits. Normalising a piece cut from
/// either end of a text gives a piece of the same end of the normalised text (the normalised form
/// is made character by character, separators collapsed and trimmed), so each end is read only as
/// far as it takes to make `EDGE` bytes.
fn edges(text: &str) -> Option<Edges> {
    // A window of raw text normalises to at most twice its length (a lower-case letter can take
    // more bytes than its capital), so the buffer never grows.
    let mut window = 2 * EDGE;
    let mut head = Vec::with_capacity(2 * window);
    loop {
        let cut = floor_char_boundary(text, window);
        head.clear();
        head.reserve(2 * cut);
        normalised(&text[..cut], |x| head.push(x));
        if head.len() >= EDGE || cut == text.len() {
            break;
        }
        window *= 4;
    }
    if head.is_empty() {
        return None;
    }
    head.truncate(EDGE);
    let mut window = 2 * EDGE;
    let mut tail = Vec::with_capacity(2 * window);
    loop {
        let cut = ceil_char_boundary(text, text.len().saturating_sub(window));
        tail.clear();
        tail.reserve(2 * (text.len() - cut));
        normalised(&text[cut..], |x| tail.push(x));
        if tail.len() >= EDGE || cut == 0 {
            break;
        }
        window *= 4;
    }
    tail.drain(..tail.len().saturating_sub(EDGE));
    Some(Edges(head, tail))
}

/// The largest char boundary of `text` at or before `i` (the end when past it).
fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `text` at or after `i`.
fn ceil_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Two 64-bit hashes and the length of a normalised text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
struct Key(u64, u64, usize);

/// For each ASCII byte: 0 when it separates words, else the byte lower-cased.
pub(super) const ASCII_FOLD: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut i = 0;
    while i < 128 {
        let b = i as u8;
        if b.is_ascii_alphanumeric() {
            t[i] = b.to_ascii_lowercase();
        }
        i += 1;
    }
    t
};

/// Calls `f` with the normalised text as UTF-8 bytes: letters and digits lower-cased, every run of
/// anything else (spaces, line breaks, punctuation, quotation marks of any style) one space, none
/// at either end. Re-wrapped lines, curly against straight quotes and a trailing newline do not
/// make two copies of an article different.
fn normalised(text: &str, mut f: impl FnMut(u8)) {
    let mut pending_space = false;
    let mut started = false;
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let x = b[i];
        // ASCII, nearly all of an English article, a byte at a time by table.
        if x < 128 {
            i += 1;
            let l = ASCII_FOLD[x as usize];
            if l == 0 {
                pending_space = true;
                continue;
            }
            if pending_space && started {
                f(b' ');
            }
            pending_space = false;
            started = true;
            f(l);
            continue;
        }
        let Some(c) = text[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if !c.is_alphanumeric() {
            pending_space = true;
            continue;
        }
        if pending_space && started {
            f(b' ');
        }
        pending_space = false;
        started = true;
        let mut buf = [0u8; 4];
        for l in c.to_lowercase() {
            l.encode_utf8(&mut buf).bytes().for_each(&mut f);
        }
    }
}

fn key(text: &str) -> Option<Key> {
    // Bytes gathered eight at a time into a word, each word folded into two hashes of different
    // multipliers and rotations: independent enough that both colliding is out of reach.
    let (mut a, mut b) = (0x243f_6a88_85a3_08d3u64, 0x1319_8a2e_0370_7344u64);
    let (mut word, mut n) = (0u64, 0usize);
    let mut mix = |w: u64| {
        a = (a ^ w).wrapping_mul(0x9e37_79b9_7f4a_7c15).rotate_left(31);
        b = (b ^ w).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(27);
    };
    normalised(text, |x| {
        word = (word << 8) | u64::from(x);
        n += 1;
        if n % 8 == 0 {
            mix(word);
            word = 0;
        }
    });
    mix(word ^ ((n as u64) << 56));
    (n > 0).then_some(Key(a, b, n))
}

fn same_normalised(a: &str, b: &str) -> bool {
    if a == b {
        // Most copies are byte for byte the same.
        return true;
    }
    let bytes = |t: &str| {
        let mut v = Vec::with_capacity(t.len());
        normalised(t, |x| v.push(x));
        v
    };
    bytes(a) == bytes(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn docs(texts: &[&str]) -> IdVec<DocId, Document> {
        texts
            .iter()
            .map(|t| Document {
                text: t.to_string(),
                ..Document::default()
            })
            .collect()
    }

    #[test]
    fn the_same_text_under_two_ids_is_one_article() {
        // (texts, the first copy of each, by position)
        let cases: [(&[&str], &[Option<usize>]); 7] = [
            (&["Talks began.", "Talks began."], &[None, Some(0)]),
            // Re-wrapped, re-spaced, other quotation marks, other case: still the same text.
            (
                &[
                    "He said “yes”.\nTalks  began.",
                    "He said \"yes\". Talks began.\n",
                    "HE SAID YES TALKS BEGAN",
                ],
                &[None, Some(0), Some(0)],
            ),
            // One word more is another article.
            (&["Talks began.", "Talks began today."], &[None, None]),
            (
                &["Talks began.", "Talks  began", "Other.", "talks began"],
                &[None, Some(0), None, Some(0)],
            ),
            // Texts without letters or digits are not duplicates of each other.
            (&["", "", "…"], &[None, None, None]),
            (&["Ərdoğan spoke.", "ərdoğan SPOKE"], &[None, Some(0)]),
            (&["a b", "ab"], &[None, None]),
        ];
        for (texts, want) in cases {
            let got = duplicates(&docs(texts));
            let got: Vec<Option<usize>> = got.iter().map(|d| d.map(DocId::index)).collect();
            assert_eq!(got, want, "{texts:?}");
        }
    }

    #[test]
    fn edges_are_the_ends_of_the_normalised_text() {
        let long = |fill: &str| {
            format!(
                "“Opening” words, {}; and the CLOSING words.\n",
                fill.repeat(EDGE)
            )
        };
        // (text, the normalised text whose ends the edges are)
        let cases = [
            ("Talks began.".to_string(), "talks began".to_string()),
            ("  …  ".to_string(), String::new()),
            ("Ərdoğan  SPOKE".to_string(), "ərdoğan spoke".to_string()),
            (long("x "), whole(&long("x "))),
            // Separators and letters beyond ASCII where the ends are cut.
            (long("—, "), whole(&long("—, "))),
            (long("Ə"), whole(&long("Ə"))),
            (long("ə. "), whole(&long("ə. "))),
        ];
        for (text, norm) in cases {
            let want = (!norm.is_empty()).then(|| {
                let b = norm.as_bytes();
                Edges(
                    b[..b.len().min(EDGE)].to_vec(),
                    b[b.len().saturating_sub(EDGE)..].to_vec(),
                )
            });
            assert_eq!(edges(&text), want, "{text:?}");
        }
    }

    fn whole(text: &str) -> String {
        let mut n = Vec::new();
        normalised(text, |x| n.push(x));
        String::from_utf8(n).unwrap()
    }

    #[test]
    fn texts_that_share_their_edges_are_still_compared_whole() {
        let middle = |m: &str| format!("{} {m} {}", "start ".repeat(40), "end ".repeat(40));
        let texts = [
            middle("one"),
            middle("two"),
            middle("one"),
            middle("ONE,"),
            middle("two"),
        ];
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let got = duplicates(&docs(&texts));
        let got: Vec<Option<usize>> = got.iter().map(|d| d.map(DocId::index)).collect();
        assert_eq!(got, [None, None, Some(0), Some(0), Some(1)]);
    }

    #[test]
    fn copies_byte_for_byte_and_copies_once_normalised_are_both_found() {
        let a = format!("{} one {}", "start ".repeat(40), "end ".repeat(40));
        let a_upper = a.to_uppercase();
        let b = format!("{} two {}", "other ".repeat(40), "end ".repeat(40));
        // (texts, the first copy of each, by position)
        let cases: [(Vec<&str>, &[Option<usize>]); 4] = [
            // Every text that shares its edges is the same bytes: no hashing.
            (vec![&a, &b, &a, &a], &[None, None, Some(0), Some(0)]),
            // One of them only once normalised: all are hashed, and all are still copies.
            (vec![&a, &b, &a_upper, &a], &[None, None, Some(0), Some(0)]),
            (vec![&a_upper, &a, &b, &b], &[None, Some(0), None, Some(2)]),
            (vec![&b, &a], &[None, None]),
        ];
        for (texts, want) in cases {
            let got = duplicates(&docs(&texts));
            let got: Vec<Option<usize>> = got.iter().map(|d| d.map(DocId::index)).collect();
            assert_eq!(got, want);
        }
    }

    #[test]
    fn normalised_text_drops_punctuation_and_folds_case() {
        let mut n = Vec::new();
        normalised("  “Maps first,” Ərdoğan LATER.\n", |x| n.push(x));
        let n = String::from_utf8(n).unwrap();
        assert_eq!(n, "maps first ərdoğan later");
    }
}
