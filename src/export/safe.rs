//! Output meant for a terminal: a writer that turns control characters into `?`, so that text
//! from articles (a CSV cell keeps its control characters) never drives the terminal.

use std::io::{self, Write};

/// Passes bytes through, with C0 controls other than tab, line feed and carriage return, DEL,
/// and the C1 controls (U+0080–U+009F, two bytes in UTF-8) each replaced by `?`.
pub struct NoControls<W: Write> {
    inner: W,
    /// A 0xC2 lead byte seen at the end of the last write, waiting for its second byte.
    pending: bool,
}

impl<W: Write> NoControls<W> {
    pub fn new(inner: W) -> Self {
        NoControls {
            inner,
            pending: false,
        }
    }
}

impl<W: Write> Write for NoControls<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let mut out = Vec::with_capacity(buf.len() + 1);
        for &b in buf {
            if self.pending {
                self.pending = false;
                if (0x80..=0x9f).contains(&b) {
                    out.push(b'?');
                    continue;
                }
                out.push(0xc2);
            }
            match b {
                b'\t' | b'\n' | b'\r' => out.push(b),
                0x00..=0x1f | 0x7f => out.push(b'?'),
                0xc2 => self.pending = true,
                _ => out.push(b),
            }
        }
        self.inner.write_all(&out)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if std::mem::take(&mut self.pending) {
            self.inner.write_all(&[0xc2])?;
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_become_question_marks_and_text_stays() {
        let cases: [(&[&str], &str); 4] = [
            (&["a\x1b[2Jb\x07c"], "a?[2Jb?c"),
            (&["tab\tline\r\n"], "tab\tline\r\n"),
            (&["c1 \u{9b}31m ok é ¢"], "c1 ?31m ok é ¢"),
            // A two-byte character split across writes.
            (&["x\u{c2}", "\u{a2}y"], "x\u{c2}\u{a2}y"),
        ];
        for (parts, want) in cases {
            let mut w = NoControls::new(Vec::new());
            for p in parts {
                // Split inside the UTF-8 of the last character of the first part.
                w.write_all(p.as_bytes()).unwrap();
            }
            w.flush().unwrap();
            assert_eq!(String::from_utf8(w.inner).unwrap(), want, "{parts:?}");
        }
        let mut w = NoControls::new(Vec::new());
        w.write_all(&[b'a', 0xc2]).unwrap();
        w.write_all(&[0x85, b'b']).unwrap();
        w.flush().unwrap();
        assert_eq!(w.inner, b"a?b");
    }
}
