//! Duplicate articles: the same text under two files or ids (the BBC archive has them), found by
//! a hash of the normalised text so that their events are counted once.

use rayon::prelude::*;

use crate::fasthash::FastMap;
use crate::ids::{DocId, IdVec};
use crate::model::Document;

/// For every document, the first document (in input order) with the same normalised text, or
/// None when it is the first of its text. Texts with no letters or digits are nobody's duplicate.
pub(super) fn duplicates(docs: &IdVec<DocId, Document>) -> IdVec<DocId, Option<DocId>> {
    let keys: Vec<Option<Key>> = docs.par_iter().map(|d| key(&d.text)).collect();
    let mut first: FastMap<Key, DocId> = FastMap::default();
    let mut out: IdVec<DocId, Option<DocId>> = IdVec::with_capacity(docs.len());
    for (i, k) in keys.into_iter().enumerate() {
        let doc = DocId::new(i);
        let dup = k.and_then(|k| match first.get(&k) {
            // Equal hashes of 128 bits and lengths are all but proof; the texts are compared
            // anyway, so that a collision can never merge two articles.
            Some(&orig) if same_normalised(&docs[orig].text, &docs[doc].text) => Some(orig),
            Some(_) => None,
            None => {
                first.insert(k, doc);
                None
            }
        });
        out.push(dup);
    }
    out
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
    fn normalised_text_drops_punctuation_and_folds_case() {
        let mut n = Vec::new();
        normalised("  “Maps first,” Ərdoğan LATER.\n", |x| n.push(x));
        let n = String::from_utf8(n).unwrap();
        assert_eq!(n, "maps first ərdoğan later");
    }
}
