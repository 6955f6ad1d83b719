//! An article's extraction record (`shard::record::XRecord`) streamed into the cache's spill file
//! item by item, in the bytes `postcard::to_stdvec(&XRecord::from(x))` gives: building the whole
//! record first held a second copy of the extraction (a record per date of a 16 MB list of years,
//! issue 16.2).

use std::io::{self, Write};

use serde::Serialize;
use serde::ser::{SerializeStruct, Serializer};

use super::snapshot::Seq;
use crate::extract::pipeline::Extraction;
use crate::extract::segment::{Paragraph, Segments, Sentence};
use crate::shard::record::{ActorRecord, EventRecord, QuoteRecord, TimexRecord, TopicRecord};

/// Writes the record of `x` to `w`.
pub fn write(x: &Extraction, w: &mut dyn Write) -> io::Result<()> {
    postcard::to_io(&View(x), w)
        .map(drop)
        .map_err(|e| io::Error::other(e.to_string()))
}

/// `XRecord` borrowed: the same fields in the same order, each item converted as it is written.
struct View<'a>(&'a Extraction);

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Extraction {
            segments,
            timexes,
            actors,
            topics,
            quotes,
            events,
        } = self.0;
        let Segments {
            paragraphs,
            sentences,
        } = segments;
        let mut st = s.serialize_struct("XRecord", 7)?;
        st.serialize_field(
            "paragraphs",
            &Seq(|| {
                paragraphs
                    .iter()
                    .map(|&Paragraph { span, heading }| (span.start, span.end, heading))
            }),
        )?;
        st.serialize_field(
            "sentences",
            &Seq(|| {
                sentences
                    .iter()
                    .map(|&Sentence { span, paragraph }| (span.start, span.end, paragraph))
            }),
        )?;
        st.serialize_field("timexes", &Seq(|| timexes.iter().map(TimexRecord::from)))?;
        st.serialize_field("actors", &Seq(|| actors.iter().map(ActorRecord::from)))?;
        st.serialize_field("topics", &Seq(|| topics.iter().map(TopicRecord::from)))?;
        st.serialize_field("quotes", &Seq(|| quotes.iter().map(QuoteRecord::from)))?;
        st.serialize_field("events", &Seq(|| events.iter().map(EventRecord::from)))?;
        st.end()
    }
}
