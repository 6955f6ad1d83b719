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

/// The normalised text as a stream of chars: letters and digits lower-cased, every run of
/// anything else (spaces, line breaks, punctuation, quotation marks of any style) one space,
/// none at either end. Re-wrapped lines, curly against straight quotes and a trailing newline do
/// not make two copies of an article different.
fn normalised(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut pending_space = false;
    let mut started = false;
    text.chars()
        .flat_map(move |c| {
            let (sep, word) = if c.is_alphanumeric() {
                let sep = pending_space && started;
                pending_space = false;
                started = true;
                (sep, Some(c))
            } else {
                pending_space = true;
                (false, None)
            };
            sep.then_some(' ').into_iter().chain(word)
        })
        .flat_map(char::to_lowercase)
}

fn key(text: &str) -> Option<Key> {
    // FNV-1a and a multiply-rotate hash: independent enough that both colliding is out of reach.
    let (mut a, mut b, mut n) = (0xcbf2_9ce4_8422_2325u64, 0x9e37_79b9_7f4a_7c15u64, 0usize);
    for c in normalised(text) {
        let x = u64::from(c);
        a = (a ^ x).wrapping_mul(0x0100_0000_01b3);
        b = (b ^ x).wrapping_mul(0xff51_afd7_ed55_8ccd).rotate_left(29);
        n += 1;
    }
    (n > 0).then_some(Key(a, b, n))
}

fn same_normalised(a: &str, b: &str) -> bool {
    normalised(a).eq(normalised(b))
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
        let n: String = normalised("  “Maps first,” politics LATER.\n").collect();
        assert_eq!(n, "maps first politics later");
    }
}
