//! The SQLite export in a build without the `sqlite` feature (no C compiler for the bundled
//! SQLite): the format is still known by name and extension, and asking for it says how to get it.

use std::io::{self, Write};

use crate::corpus::Corpus;

pub(super) fn write(_: &Corpus, _: &mut dyn Write) -> io::Result<()> {
    Err(io::Error::new(
        io::ErrorKind::Unsupported,
        "this dateline was built without SQLite (the `sqlite` feature, on by default; it needs a \
         C compiler); every other format works",
    ))
}
