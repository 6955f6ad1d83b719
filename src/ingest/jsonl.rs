//! JSONL ingestion: one article per line, each bad line reported as `file:line: reason` and skipped.

use serde_json::Value;

use super::{Diagnostic, IngestOptions, decode, parse_date};
use crate::model::{DateBasis, Document};

pub(crate) fn parse_jsonl(
    shown: &str,
    stem: &str,
    bytes: &[u8],
    opts: &IngestOptions,
) -> (Vec<Document>, Vec<Diagnostic>) {
    let (text, bad_utf8) = decode(bytes);
    let mut diags = Vec::new();
    if let Some(w) = bad_utf8 {
        diags.push(Diagnostic {
            path: shown.into(),
            line: None,
            message: w,
            skipped: false,
        });
    }
    let mut docs = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let line_no = i + 1;
        if line.trim().is_empty() {
            continue;
        }
        match parse_line(line, opts) {
            Ok(mut doc) => {
                if doc.id.is_empty() {
                    doc.id = format!("{stem}-{line_no}");
                }
                doc.path = format!("{shown}:{line_no}");
                docs.push(doc);
            }
            Err(message) => diags.push(Diagnostic {
                path: shown.into(),
                line: Some(line_no),
                message,
                skipped: true,
            }),
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

fn parse_line(line: &str, opts: &IngestOptions) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let Value::Object(obj) = value else {
        return Err(format!("expected a JSON object, found {}", kind(&value)));
    };
    let text = match obj.get("text") {
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
    let date_text = match string_field(&obj, "date")? {
        Some(d) => Some(d),
        None => string_field(&obj, "published")?,
    };
    let date = match date_text {
        Some(s) => Some(
            parse_date(&s)
                .ok_or_else(|| format!("invalid date {s:?} (expected YYYY-MM-DD or RFC 3339)"))?,
        ),
        None => None,
    };
    let (published, date_basis) = match (date, opts.default_date) {
        (Some(d), _) => (Some(d), DateBasis::Metadata),
        (None, Some(d)) => (Some(d), DateBasis::Flag),
        (None, None) => (None, DateBasis::None),
    };
    Ok(Document {
        id: string_field(&obj, "id")?.unwrap_or_default(),
        path: String::new(),
        title: string_field(&obj, "title")?,
        source: string_field(&obj, "source")?,
        url: string_field(&obj, "url")?,
        author: string_field(&obj, "author")?,
        published,
        date_basis,
        text_start: 0,
        text,
        warnings: Vec::new(),
    })
}
