//! The seed article's topics: the gold's themes from the taxonomy, plus the corpus key phrases.

use dateline::corpus::{Corpus, Source};
use dateline::ids::DocId;

#[test]
fn seed_topics_cover_the_gold_themes() {
    let corpus = Corpus::load(&Source::default(), crate::common::lexicon());
    let ids: Vec<&str> = corpus.topics.iter().map(|t| t.id.as_str()).collect();
    // gold: prisoners, peace-treaty, border-delimitation, regional-connectivity,
    // economic-cooperation, civil-society-dialogue, armenia-turkey-normalization
    for want in [
        "prisoners",
        "peace-talks",
        "borders",
        "transport",
        "trade",
        "civil-society",
        "normalization",
        "phrase:civil-society",
    ] {
        assert!(ids.contains(&want), "{want} missing from {ids:?}");
    }
    let text = corpus.documents[DocId::new(0)].text.as_str();
    let mentions = |id: &str| -> Vec<&str> {
        let t = corpus.topics.iter().find(|t| t.id == id).unwrap();
        t.mentions.iter().map(|m| m.span().slice(text)).collect()
    };
    assert_eq!(mentions("borders"), ["border delimitation"]);
    assert!(mentions("normalization").contains(&"opening the border"));
    assert!(mentions("peace-talks").contains(&"peace treaty"));
    assert!(mentions("transport").contains(&"transit routes"));
    assert!(mentions("trade").contains(&"economic cooperation"));
    assert!(mentions("prisoners").contains(&"detainees"));
}
