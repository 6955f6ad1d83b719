//! Front matter: the optional leading `---` block of `key: value` lines in `.txt` and `.md` articles.

use chrono::NaiveDate;

use super::parse_date;

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
}

/// Parses a leading front matter block. Errors carry a 1-based line number and a reason.
pub fn parse(text: &str) -> Result<FrontMatter, (usize, String)> {
    let mut fm = FrontMatter::default();
    let first_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_end].trim_end() != "---" {
        return Ok(fm);
    }
    let mut offset = first_end;
    let mut line_no = 1;
    // Keys dateline does not know may carry YAML lists or nested values; their lines are skipped.
    let mut in_unknown_key = false;
    loop {
        if offset >= text.len() {
            return Err((1, "no closing `---` line".into()));
        }
        line_no += 1;
        let end = text[offset..]
            .find('\n')
            .map_or(text.len(), |i| offset + i + 1);
        let raw = &text[offset..end];
        offset = end;
        let line = raw.trim_end_matches(['\n', '\r']);
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
        let Some((key, value)) = line.split_once(':') else {
            return Err((
                line_no,
                format!("expected `key: value`, found {:?}", truncate(line)),
            ));
        };
        let key = key.trim().to_ascii_lowercase();
        if key.is_empty() || key.contains(' ') {
            return Err((
                line_no,
                format!("expected `key: value`, found {:?}", truncate(line)),
            ));
        }
        let value = unquote(value.trim());
        in_unknown_key = false;
        let slot = match key.as_str() {
            "title" => &mut fm.title,
            "source" => &mut fm.source,
            "url" | "link" => &mut fm.url,
            "author" | "byline" => &mut fm.author,
            "date" | "published" => {
                if value.is_empty() {
                    continue;
                }
                match parse_date(value) {
                    Some(d) => fm.date = Some(d),
                    None => {
                        return Err((
                            line_no,
                            format!("invalid date {value:?} (expected YYYY-MM-DD or RFC 3339)"),
                        ));
                    }
                }
                continue;
            }
            _ => {
                in_unknown_key = true;
                continue;
            }
        };
        if !value.is_empty() {
            *slot = Some(value.to_string());
        }
    }
    fm.body_offset = offset;
    Ok(fm)
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
                input: "---\ndate: 2025-01-02T23:30:00-05:00\n---\n",
                date: d("2025-01-02"),
                title: None,
                body: "",
            },
        ];
        for c in cases {
            let fm = parse(c.input).unwrap();
            assert_eq!(fm.date, c.date, "{:?}", c.input);
            assert_eq!(fm.title.as_deref(), c.title, "{:?}", c.input);
            assert_eq!(&c.input[fm.body_offset..], c.body, "{:?}", c.input);
        }
    }

    #[test]
    fn malformed_blocks_name_the_line() {
        assert_eq!(parse("---\ntitle: x\n").unwrap_err().0, 1);
        assert_eq!(parse("---\ntitle x\n---\n").unwrap_err().0, 2);
        let (line, msg) = parse("---\ntitle: x\ndate: 20/11/2025\n---\n").unwrap_err();
        assert_eq!(line, 3);
        assert!(msg.contains("invalid date"), "{msg}");
    }
}
