//! Bytes to text: byte-order marks (UTF-8, UTF-16 either order), invalid UTF-8, NUL bytes, binary
//! files, and the legacy charsets web pages declare (`encoding_rs`, the WHATWG encodings).

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

/// How many leading bytes decide that a file is binary.
const SNIFF_BYTES: usize = 8192;

/// Text decoded from a file.
#[derive(Debug)]
pub struct Decoded {
    /// The text; for UTF-8 input it still starts with the byte-order mark when there was one, so
    /// offsets stay file offsets (the caller cuts `bom` bytes off with the front matter).
    pub text: String,
    /// Length of a UTF-8 byte-order mark left at the start of `text` (0 or 3).
    pub bom: usize,
    /// Problems worth a warning: invalid UTF-8, NULs replaced.
    pub warnings: Vec<String>,
}

/// Why a file is not text.
#[derive(Debug, PartialEq, Eq)]
pub enum NotText {
    Binary,
}

/// Decodes a text article: UTF-16 with a byte-order mark is converted; UTF-8 is kept as is (the
/// usual case takes over the buffer without a copy); invalid bytes become U+FFFD with a warning
/// naming the first one; NUL bytes past the sniffed head become spaces (same length, so offsets
/// hold) with a warning.
pub fn decode_text(bytes: Vec<u8>) -> Result<Decoded, NotText> {
    if let Some(enc) = utf16_bom(&bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[2..]);
        let mut warnings = vec![];
        if had_errors {
            warnings.push(format!(
                "invalid {} sequences; decoded with replacement characters",
                enc.name()
            ));
        }
        let mut text = text.into_owned();
        if looks_binary(text.as_bytes()) {
            return Err(NotText::Binary);
        }
        scrub_nuls(&mut text, &mut warnings);
        return Ok(Decoded {
            text,
            bom: 0,
            warnings,
        });
    }
    if looks_binary(&bytes) {
        return Err(NotText::Binary);
    }
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    let mut warnings = vec![];
    let mut text = utf8_lossy(bytes, &mut warnings);
    scrub_nuls(&mut text, &mut warnings);
    Ok(Decoded {
        text,
        bom,
        warnings,
    })
}

/// UTF-8, lossily when it is not valid, with a warning saying where the first bad byte was.
pub fn utf8_lossy(bytes: Vec<u8>, warnings: &mut Vec<String>) -> String {
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            warnings.push(format!(
                "invalid UTF-8 at byte {}; decoded with replacement characters",
                e.utf8_error().valid_up_to()
            ));
            String::from_utf8_lossy(e.as_bytes()).into_owned()
        }
    }
}

pub fn utf16_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(UTF_16LE),
        [0xFE, 0xFF, ..] => Some(UTF_16BE),
        _ => None,
    }
}

/// Replaces NUL bytes with spaces: they end C strings in whatever reads the export next, and a
/// space keeps every byte offset where it was.
pub fn scrub_nuls(text: &mut String, warnings: &mut Vec<String>) {
    let n = memchr::memchr_iter(0, text.as_bytes()).count();
    if n == 0 {
        return;
    }
    *text = text.replace('\0', " ");
    warnings.push(format!("{n} NUL byte(s) replaced by spaces"));
}

/// Text that is mostly control bytes or holds NULs in its head is not an article.
pub fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    // Counting every byte below 0x20 vectorises (in byte counters, a block at a time: counted
    // straight into a usize it did not, and was a tenth of reopening a cached archive); text
    // rarely gets near the limit even with its line breaks counted, so the exact count is seldom
    // needed.
    if count_below(head, 0x20) * 10 <= head.len() {
        return false;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    controls * 10 > head.len()
}

/// How many bytes of `bytes` are below `limit`.
fn count_below(bytes: &[u8], limit: u8) -> usize {
    // A u8 counter per lane cannot overflow within 255 bytes.
    bytes
        .chunks(255)
        .map(|block| {
            block
                .iter()
                .fold(0u8, |n, &b| n.wrapping_add(u8::from(b < limit)))
        })
        .map(usize::from)
        .sum()
}

/// Decodes a web page: a byte-order mark wins, then a `<meta charset>` or `http-equiv`
/// declaration in the first 1,024 bytes (the HTML standard's prescan, simplified), then UTF-8 when
/// the bytes are valid UTF-8, else windows-1252 (what browsers assume for old Western pages).
/// Never fails: every byte sequence decodes to something.
pub fn decode_html(bytes: &[u8]) -> (String, &'static Encoding) {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        return (text.into_owned(), enc);
    }
    let declared = prescan_charset(&bytes[..bytes.len().min(1024)]);
    // A page that declares a legacy charset but is valid UTF-8 was re-saved as UTF-8 (browsers'
    // "save page" does this and keeps the old declaration); non-ASCII UTF-8 is almost never valid
    // windows-1252 text by accident.
    let valid_utf8 = std::str::from_utf8(bytes).is_ok();
    let enc = match declared {
        Some(e) if e == UTF_16LE || e == UTF_16BE => UTF_8,
        Some(e) if valid_utf8 && e != UTF_8 && !bytes.is_ascii() => UTF_8,
        Some(e) => e,
        None if valid_utf8 => UTF_8,
        None => WINDOWS_1252,
    };
    let (text, _) = enc.decode_without_bom_handling(bytes);
    (text.into_owned(), enc)
}

/// `<meta charset="x">` or `<meta http-equiv="Content-Type" content="text/html; charset=x">`.
fn prescan_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower: Vec<u8> = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(j) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[j + 7..];
            let rest = trim_ascii_start(rest);
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = trim_ascii_start(rest);
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|&c| matches!(c, b'"' | b'\'' | b';' | b' ' | b'/' | b'>'))
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

fn trim_ascii_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_with_either_bom_is_decoded() {
        let text = "Café talks — 14 March";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend(u.to_le_bytes());
            be.extend(u.to_be_bytes());
        }
        for bytes in [le, be] {
            let d = decode_text(bytes).unwrap();
            assert_eq!(d.text, text);
            assert_eq!(d.bom, 0);
            assert!(d.warnings.is_empty());
        }
    }

    #[test]
    fn nuls_after_the_head_become_spaces_and_early_ones_mean_binary() {
        let mut bytes = vec![b'a'; 9000];
        bytes[8500] = 0;
        let d = decode_text(bytes).unwrap();
        assert_eq!(d.text.len(), 9000);
        assert!(!d.text.contains('\0'));
        assert_eq!(d.warnings, ["1 NUL byte(s) replaced by spaces"]);
        assert_eq!(
            decode_text(b"ab\0cd".to_vec()).unwrap_err(),
            NotText::Binary
        );
    }

    #[test]
    fn control_bytes_are_counted_across_blocks() {
        // Every byte a control byte, so a per-block counter would wrap if a block held 256.
        for len in [0, 1, 254, 255, 256, 510, 511, 8192] {
            for fill in [0x01u8, 0x1f, 0x20, b'a'] {
                let bytes = vec![fill; len];
                let naive = bytes.iter().filter(|&&b| b < 0x20).count();
                assert_eq!(count_below(&bytes, 0x20), naive, "{len} x {fill:#x}");
            }
        }
        let mixed: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 256) as u8).collect();
        let naive = mixed.iter().filter(|&&b| b < 0x20).count();
        assert_eq!(count_below(&mixed, 0x20), naive);
    }

    #[test]
    fn html_charsets() {
        type Row = (&'static [u8], &'static str, &'static str);
        let rows: &[Row] = &[
            (
                b"<meta charset=\"windows-1252\"><p>Caf\xe9 \x93quoted\x94</p>",
                "windows-1252",
                "Caf\u{e9} \u{201c}quoted\u{201d}",
            ),
            (
                b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>na\xefve</p>",
                "windows-1252",
                "na\u{ef}ve",
            ),
            (
                b"<meta charset='iso-8859-2'><p>\xb1</p>",
                "ISO-8859-2",
                "\u{105}",
            ),
            (b"<p>Caf\xc3\xa9</p>", "UTF-8", "Caf\u{e9}"),
            (b"<p>Caf\xe9</p>", "windows-1252", "Caf\u{e9}"),
            (
                b"<meta charset=\"iso-8859-1\"><p>Caf\xc3\xa9</p>",
                "UTF-8",
                "Caf\u{e9}",
            ),
            (b"\xEF\xBB\xBF<p>x</p>", "UTF-8", "x"),
            (b"<meta charset=\"nonsense\"><p>x</p>", "UTF-8", "x"),
            (b"<meta charset=utf-16><p>x</p>", "UTF-8", "x"),
        ];
        for &(bytes, enc, needle) in rows {
            let (text, got) = decode_html(bytes);
            assert_eq!(got.name(), enc, "{bytes:?}");
            assert!(text.contains(needle), "{text:?}");
        }
    }
}
