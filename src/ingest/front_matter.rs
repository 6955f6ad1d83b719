//! Front matter: the optional leading `---` block of `key: value` lines in `.txt` and `.md` articles.

use chrono::NaiveDate;

use super::dates::read_date;

/// Metadata read from a front matter block, and where the article body starts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub date: Option<NaiveDate>,
    pub source: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    /// Byte offset of the body in the input (0 without front matter).
    pub body_offset: usize,
    /// Problems that do not stop the article being read, with their 1-based line: a date that
    /// cannot be read, a block that looked like front matter but was not and is read as text.
    pub warnings: Vec<(usize, String)>,
}

/// The keys a publication date may stand under (lower case), in front matter and JSONL alike.
pub const DATE_KEYS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "pubdate",
    "datepublished",
];

/// One line of the input: its text without the terminator, and the offset after the terminator.
/// `\n`, `\r\n` and a lone `\r` all end a line.
fn next_line(text: &str, from: usize) -> (&str, usize) {
    let rest = &text.as_bytes()[from..];
    match memchr::memchr2(b'\n', b'\r', rest) {
        None => (&text[from..], text.len()),
        Some(i) => {
            let after = if rest[i] == b'\r' && rest.get(i + 1) == Some(&b'\n') {
                i + 2
            } else {
                i + 1
            };
            (&text[from..from + i], from + after)
        }
    }
}

/// Parses a leading front matter block. Never fails: a block that does not close or holds a line
/// that is not `key: value` is not front matter (a Markdown file may open with a `---` rule), so
/// the whole input is the body; a warning says so when the block began with known keys.
pub fn parse(text: &str) -> FrontMatter {
    let (first, mut offset) = next_line(text, 0);
    if first.trim_end() != "---" {
        return FrontMatter::default();
    }
    let mut fm = FrontMatter::default();
    let mut line_no = 1;
    let mut known_keys = 0;
    // Keys dateline does not know may carry YAML lists or nested values; their lines are skipped.
    let mut in_unknown_key = false;
    let not_front_matter = |line_no: usize, why: String, known_keys: usize| {
        let mut fm = FrontMatter::default();
        if known_keys > 0 {
            fm.warnings.push((
                line_no,
                format!("front matter not read ({why}); the whole file is read as text"),
            ));
        }
        fm
    };
    loop {
        if offset >= text.len() {
            return not_front_matter(1, "no closing `---` line".into(), known_keys);
        }
        line_no += 1;
        let (line, next) = next_line(text, offset);
        offset = next;
        if line.trim_end() == "---" || line.trim_end() == "..." {
            break;
        }
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            continue;
        }
        if in_unknown_key
            && (line.starts_with(' ') || line.starts_with('\t') || line.starts_with("- "))
        {
            continue;
        }
        let key_value = line.split_once(':').and_then(|(k, v)| {
            let k = k.trim();
            (!k.is_empty() && !k.contains(' ')).then_some((k, v))
        });
        let Some((key, value)) = key_value else {
            let why = format!("line {line_no} is not `key: value`: {:?}", truncate(line));
            return not_front_matter(line_no, why, known_keys);
        };
        let key = key.to_ascii_lowercase();
        let value = unquote(strip_comment(value.trim()));
        in_unknown_key = false;
        let slot = match key.as_str() {
            "title" => &mut fm.title,
            "source" | "publisher" => &mut fm.source,
            "url" | "link" => &mut fm.url,
            "author" | "byline" => &mut fm.author,
            k if DATE_KEYS.contains(&k) => {
                known_keys += 1;
                if value.is_empty() || fm.date.is_some() {
                    continue;
                }
                match read_date(value) {
                    Ok(d) => fm.date = Some(d),
                    Err(e) => fm.warnings.push((
                        line_no,
                        format!(
                            "unreadable date {value:?} ({}); the article is read undated",
                            e.describe()
                        ),
                    )),
                }
                continue;
            }
            _ => {
                in_unknown_key = true;
                continue;
            }
        };
        known_keys += 1;
        if !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
    fm.body_offset = offset;
    fm
}

/// A YAML comment: `#` at the start of a plain value or after a space. Quoted values keep theirs.
fn strip_comment(v: &str) -> &str {
    if v.starts_with('"') || v.starts_with('\'') {
        // The comment, if any, follows the closing quote.
        let q = &v[..1];
        if let Some(close) = v[1..].find(q) {
            let after = &v[close + 2..];
            if after.trim_start().starts_with('#') || after.trim().is_empty() {
                return &v[..close + 2];
            }
        }
        return v;
    }
    if v.starts_with('#') {
        return "";
    }
    match v.find(" #").or_else(|| v.find("\t#")) {
        Some(i) => v[..i].trim_end(),
        None => v,
    }
}

fn unquote(v: &str) -> &str {
    let b = v.as_bytes();
    if b.len() >= 2
        && ((b[0] == b'"' && b[b.len() - 1] == b'"') || (b[0] == b'\'' && b[b.len() - 1] == b'\''))
    {
        &v[1..v.len() - 1]
    } else {
        v
    }
}

fn truncate(s: &str) -> String {
    s.chars().take(40).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<NaiveDate> {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    }

    #[test]
    fn table() {
        struct Case {
            input: &'static str,
            date: Option<NaiveDate>,
            title: Option<&'static str>,
            body: &'static str,
        }
        let cases = [
            Case {
                input: "no front matter\n",
                date: None,
                title: None,
                body: "no front matter\n",
            },
            Case {
                input: "---\ndate: 2025-11-20\n---\nBody",
                date: d("2025-11-20"),
                title: None,
                body: "Body",
            },
            Case {
                input: "---\r\ntitle: \"A: B\"\r\npublished: 2025-11-20T10:00:00+04:00\r\n---\r\nBody",
                date: d("2025-11-20"),
                title: Some("A: B"),
                body: "Body",
            },
            Case {
                input: "---\ntags:\n  - a\n  - b\nTitle: 'T'\n# note\n\n...\nX",
                date: None,
                title: Some("T"),
                body: "X",
            },
            Case {
                input: "---\rtitle: Old Mac\rdate: 14 March 2025\r---\rBody\rmore",
                date: d("2025-03-14"),
                title: Some("Old Mac"),
                body: "Body\rmore",
            },
            Case {
                input: "---\npubDate: Fri, 14 Mar 2025 10:00:00 GMT\n---\nB",
                date: d("2025-03-14"),
                title: None,
                body: "B",
            },
            Case {
                input: "---\ndate: 2025-01-02T23:30:00-05:00\n---\n",
                date: d("2025-01-02"),
                title: None,
                body: "",
            },
        ];
        for c in cases {
            let fm = parse(c.input);
            assert_eq!(fm.date, c.date, "{:?}", c.input);
            assert_eq!(fm.title.as_deref(), c.title, "{:?}", c.input);
            assert_eq!(&c.input[fm.body_offset..], c.body, "{:?}", c.input);
        }
    }

    #[test]
    fn bad_dates_and_false_blocks_are_warnings() {
        let fm = parse("---\ntitle: x\ndate: 20/11/20x5\n---\nBody");
        assert_eq!(fm.date, None);
        assert_eq!(fm.title.as_deref(), Some("x"));
        assert_eq!(fm.warnings.len(), 1);
        assert_eq!(fm.warnings[0].0, 3);
        assert!(fm.warnings[0].1.contains("unreadable date \"20/11/20x5\""));
        // A Markdown rule, not front matter: read as text, silently.
        let fm = parse("---\n\nA paragraph under a rule.\n\n---\n");
        assert_eq!((fm.body_offset, fm.warnings.len()), (0, 0));
        let fm = parse("---\nJust text\n");
        assert_eq!((fm.body_offset, fm.warnings.len()), (0, 0));
        // Looked like front matter: read as text with a warning.
        let fm = parse("---\ntitle: x\nBody.");
        assert_eq!(fm.body_offset, 0);
        assert!(
            fm.warnings[0].1.contains("line 3 is not `key: value`"),
            "{:?}",
            fm.warnings
        );
        let fm = parse("---\ntitle: x\n");
        assert!(fm.warnings[0].1.contains("no closing"), "{:?}", fm.warnings);
    }

    #[test]
    fn comments_after_values() {
        let rows = [
            (
                "2025-03-14            # or `published:`; YYYY-MM-DD",
                "2025-03-14",
            ),
            ("Talks # resumed", "Talks"),
            ("\"We're #1\" # a comment", "\"We're #1\""),
            ("'a # b'", "'a # b'"),
            ("#1 story", ""),
            ("C#", "C#"),
            ("a\t# tab", "a"),
        ];
        for (input, want) in rows {
            assert_eq!(strip_comment(input), want, "{input:?}");
        }
    }
}
