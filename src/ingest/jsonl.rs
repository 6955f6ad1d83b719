//! JSONL ingestion: one article per line, each bad line reported as `file:line: reason` and skipped.
//!
//! Lines end at `\n`, `\r\n` or a lone `\r` (old Mac exports). The publication date is the first of
//! `date`, `published`, `published_at`, `pubDate`, `datePublished` present: a string in any form
//! `dates` reads, or a Unix timestamp (a number, or a string of digits; seconds or milliseconds).
//! A date that cannot be read is a warning and the article is read undated.

use serde_json::Value;

use super::dates::{from_unix, read_date, unix_string};
use super::{Diagnostic, IngestOptions};
use crate::model::{DateFrom, Document};

/// The JSONL fields that may hold the publication date, in the order they are tried.
pub const DATE_FIELDS: &[&str] = &[
    "date",
    "published",
    "published_at",
    "pubDate",
    "datePublished",
];

pub(crate) fn parse_jsonl(
    shown: &str,
    stem: &str,
    text: &str,
    opts: &IngestOptions,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let mut diags = Vec::new();
    let mut docs = Vec::new();
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for (i, line) in lines(text).enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match document(shown, stem, line_no, line, opts) {
            Ok((doc, warning)) => {
                diags.extend(warning);
                docs.push(doc);
            }
            Err(d) => diags.push(d),
        }
    }
    if docs.is_empty() && diags.is_empty() {
        diags.push(Diagnostic {
            path: shown.into(),
            line: None,
            message: "empty file, skipped".into(),
            skipped: true,
        });
    }
    (docs, diags)
}

/// The article on line `line_no` of a JSONL file (a line that is not blank), with the warning
/// about its date if any; or why the line was skipped. `extract` reads large files line by line
/// through this, so a line reads the same whichever way the file is read.
pub(crate) fn document(
    shown: &str,
    stem: &str,
    line_no: usize,
    line: &str,
    opts: &IngestOptions,
) -> Result<(Document, Option<Diagnostic>), Diagnostic> {
    match parse_line(line, opts) {
        Ok((mut doc, date_warning)) => {
            if doc.id.is_empty() {
                doc.id = format!("{stem}-{line_no}");
            }
            doc.path = format!("{shown}:{line_no}");
            let warning = date_warning.map(|w| {
                doc.warnings.push(w.clone());
                Diagnostic {
                    path: shown.into(),
                    line: Some(line_no),
                    message: w,
                    skipped: false,
                }
            });
            Ok((doc, warning))
        }
        Err(message) => Err(Diagnostic {
            path: shown.into(),
            line: Some(line_no),
            message,
            skipped: true,
        }),
    }
}

/// Lines ended by `\n`, `\r\n` or a lone `\r`; line numbers count each ending once.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let b = rest.as_bytes();
        match memchr::memchr2(b'\n', b'\r', b) {
            None => {
                let line = rest;
                rest = "";
                Some(line)
            }
            Some(i) => {
                let line = &rest[..i];
                let skip = if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                    2
                } else {
                    1
                };
                rest = &rest[i + skip..];
                Some(line)
            }
        }
    })
}

fn string_field(obj: &serde_json::Map<String, Value>, key: &str) -> Result<Option<String>, String> {
    match obj.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(Value::Number(n)) if key == "id" => Ok(Some(n.to_string())),
        Some(other) => Err(format!(
            "field `{key}` must be a string, found {}",
            kind(other)
        )),
    }
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The publication date of one line, or a warning naming the field and value.
fn date_of(obj: &serde_json::Map<String, Value>) -> (Option<chrono::NaiveDate>, Option<String>) {
    for &key in DATE_FIELDS {
        let (found, shown) = match obj.get(key) {
            None | Some(Value::Null) => continue,
            Some(Value::String(s)) if s.trim().is_empty() => continue,
            Some(Value::String(s)) => (
                unix_string(s).map(Ok).unwrap_or_else(|| read_date(s)),
                format!("{s:?}"),
            ),
            Some(Value::Number(n)) => (
                n.as_i64()
                    .or_else(|| n.as_f64().filter(|f| f.is_finite()).map(|f| f as i64))
                    .and_then(from_unix)
                    .ok_or(super::dates::DateError::Unreadable),
                n.to_string(),
            ),
            Some(other) => (Err(super::dates::DateError::Unreadable), kind(other).into()),
        };
        return match found {
            Ok(d) => (Some(d), None),
            Err(e) => (
                None,
                Some(format!(
                    "unreadable date in `{key}`: {shown} ({}); the article is read undated",
                    e.describe()
                )),
            ),
        };
    }
    (None, None)
}

fn parse_line(line: &str, opts: &IngestOptions) -> Result<(Document, Option<String>), String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(obj) = value else {
        return Err(format!("expected a JSON object, found {}", kind(&value)));
    };
    let mut text = match obj.get("text") {
        Some(Value::String(s)) => s.clone(),
        Some(other) => {
            return Err(format!(
                "field `text` must be a string, found {}",
                kind(other)
            ));
        }
        None => return Err("missing required field `text`".into()),
    };
    if text.trim().is_empty() {
        return Err("field `text` is empty".into());
    }
    let (date, warning) = date_of(&obj);
    let mut warnings = Vec::new();
    super::charset::scrub_nuls(&mut text, &mut warnings);
    let date_from = match (date, opts.default_date) {
        (Some(_), _) => DateFrom::Jsonl,
        (None, Some(_)) => DateFrom::Flag,
        (None, None) => DateFrom::None,
    };
    Ok((
        Document {
            id: string_field(&obj, "id")?.unwrap_or_default(),
            path: String::new(),
            title: string_field(&obj, "title")?,
            source: string_field(&obj, "source")?,
            url: string_field(&obj, "url")?,
            author: string_field(&obj, "author")?,
            published: date.or(opts.default_date),
            date_basis: date_from.basis(),
            date_from,
            text_start: 0,
            text,
            warnings,
            ..Document::default()
        },
        warning,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_endings() {
        let got: Vec<&str> = lines("a\nb\r\nc\rd\r\r\ne").collect();
        assert_eq!(got, ["a", "b", "c", "d", "", "e"]);
        assert_eq!(lines("").count(), 0);
        assert_eq!(lines("x\n").collect::<Vec<_>>(), ["x"]);
    }
}
