//! Table tests of the tagger: expressions in sentences with a publication date.
