//! Quotation marks: pairs opening and closing double quotes into runs, reopened across paragraphs.
//!
//! Straight quotes are read from context (an opener precedes a word, a closer follows one). A quote
//! still open at the end of a paragraph continues when the next paragraph opens with a quotation
//! mark (the convention for multi-paragraph quotations); otherwise it ends with its paragraph.
//! Single quotes are only nested quotes inside a run, so they need no pairing of their own.

use crate::model::Span;

/// One quotation: from its opening mark to its closing mark (both included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Run {
    pub span: Span,
    /// False when the paragraph ended before a closing mark.
    pub closed: bool,
}

fn is_open(c: char) -> bool {
    matches!(c, '“' | '„' | '«')
}

fn is_close(c: char) -> bool {
    matches!(c, '”' | '»')
}

/// A straight mark with a space before it and a word after it: "Father …
fn opens_inner(prev: char, next: char) -> bool {
    prev.is_whitespace() && next.is_alphanumeric()
}

/// Whether `before` ends with a full stop, question or exclamation mark and a space.
fn ends_sentence(before: &str) -> bool {
    before.len() > before.trim_end().len() && before.trim_end().ends_with(['.', '!', '?'])
}

fn opens_para(text: &str, para: Span) -> bool {
    para.slice(text)
        .chars()
        .next()
        .is_some_and(|c| is_open(c) || c == '"')
}

/// Runs of one document, in text order, given its paragraph spans in order. A pair of marks with
/// no letter or digit between them quotes nothing and is no run: a document of marks alone then
/// costs no memory per mark.
pub fn runs(text: &str, paragraphs: &[Span]) -> Vec<Run> {
    let mut out = Vec::new();
    runs_into(text, paragraphs, &mut out);
    out
}

/// Pushes onto `out` only the runs that hold a letter or digit.
struct Sink<'a> {
    text: &'a str,
    out: &'a mut Vec<Run>,
}

impl Sink<'_> {
    fn push(&mut self, run: Run) {
        if run.span.slice(self.text).chars().any(char::is_alphanumeric) {
            self.out.push(run);
        }
    }
}

fn runs_into(text: &str, paragraphs: &[Span], out: &mut Vec<Run>) {
    let mut out = Sink { text, out };
    let mut open: Option<usize> = None;
    // Inside a markup attribute value (tweet-id="..."): not a quotation.
    let mut attr = false;
    for (pi, para) in paragraphs.iter().enumerate() {
        // A straight-quoted passage is open inside the open quotation (never past a paragraph).
        let mut nested = false;
        let mut curly_nested = false;
        let s = para.slice(text);
        // Only double quotation marks matter: '"' itself, and “ ” „ (E2 80 ..) or « » (C2 ..).
        for i in memchr::memchr3_iter(b'"', 0xE2, 0xC2, s.as_bytes()) {
            let Some(c) = s.get(i..).and_then(|r| r.chars().next()) else {
                continue;
            };
            if !(c == '"' || is_open(c) || is_close(c)) {
                continue;
            }
            let at = para.start + i;
            let prev = s[..i].chars().next_back().unwrap_or(' ');
            let next = s[i + c.len_utf8()..].chars().next().unwrap_or(' ');
            if open.is_none() {
                curly_nested = false;
            }
            // A quotation mark opening a paragraph while a quotation is open continues it.
            if i == 0 && open.is_some() && (is_open(c) || c == '"') {
                continue;
            }
            if is_open(c) {
                match open {
                    None => open = Some(at),
                    // A curly quotation inside a straight one: "... about “Equal Justice” ..."
                    Some(o) if text.as_bytes()[o] == b'"' && prev.is_whitespace() => {
                        curly_nested = true;
                    }
                    // An opening mark typed as the closer, glued to the words before it:
                    // “It's unusual,“ said Noble (and the German „…“).
                    Some(o) if !prev.is_whitespace() && !next.is_alphanumeric() => {
                        out.push(Run {
                            span: Span::new(o, at + c.len_utf8()),
                            closed: true,
                        });
                        open = None;
                        nested = false;
                    }
                    Some(_) => {}
                }
            } else if is_close(c) {
                match open {
                    Some(_) if curly_nested => curly_nested = false,
                    Some(o) => {
                        out.push(Run {
                            span: Span::new(o, at + c.len_utf8()),
                            closed: true,
                        });
                        open = None;
                        nested = false;
                    }
                    // A closing mark used as an opener: ”Sorry, ...”
                    None if prev.is_whitespace() && !next.is_whitespace() => open = Some(at),
                    None => {}
                }
            } else if attr || (open.is_none() && prev == '=') {
                attr = !attr;
            } else {
                match open {
                    // Straight quotes cannot nest, so inside a quotation a mark that reads as an
                    // opener (space before, word after) starts a quotation within it: “he was the
                    // "Father of the House" and …”. Its closer follows; the outer one goes on.
                    Some(_) if nested => nested = false,
                    // After a sentence's end it is a new paragraph's opener, run together with
                    // the last one ("… Empire. "The problems …"): the open quotation went
                    // unclosed and a new one begins.
                    Some(o) if opens_inner(prev, next) && ends_sentence(&s[..i]) => {
                        out.push(Run {
                            span: Span::new(o, para.start + s[..i].trim_end().len()),
                            closed: false,
                        });
                        open = Some(at);
                    }
                    Some(_) if opens_inner(prev, next) => nested = true,
                    Some(o) => {
                        out.push(Run {
                            span: Span::new(o, at + 1),
                            closed: true,
                        });
                        open = None;
                    }
                    None if !(next.is_whitespace()
                        || prev.is_alphanumeric() && next.is_alphanumeric()) =>
                    {
                        open = Some(at);
                    }
                    None => {}
                }
            }
        }
        if let Some(o) = open {
            let continues = paragraphs.get(pi + 1).is_some_and(|n| opens_para(text, *n));
            if !continues {
                out.push(Run {
                    span: Span::new(o, para.end),
                    closed: false,
                });
                open = None;
            }
        }
    }
    if let Some(o) = open
        && let Some(last) = paragraphs.last()
    {
        out.push(Run {
            span: Span::new(o, last.end),
            closed: false,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut pos = 0;
        for line in text.split('\n') {
            if !line.trim().is_empty() {
                out.push(Span::new(pos, pos + line.len()));
            }
            pos += line.len() + 1;
        }
        out
    }

    #[test]
    fn run_table() {
        let cases: &[(&str, &[&str])] = &[
            ("He said “yes” and “no”.", &["“yes”", "“no”"]),
            ("\"Go,\" she said. \"Now.\"", &["\"Go,\"", "\"Now.\""]),
            ("the “A ‘B’ C” case", &["“A ‘B’ C”"]),
            ("“One.\n“Two.”\nThree.", &["“One.\n“Two.”"]),
            ("“Unclosed here.\nNext para.", &["“Unclosed here."]),
            ("a 5\" pipe and \"x\"", &["\"x\""]),
            ("<tweet id=\"12\" by=\"@a\">“Hi.”", &["“Hi.”"]),
            (
                "He said: \"I was the \"Father of the House\" then.\" Next.",
                &["\"I was the \"Father of the House\" then.\""],
            ),
            ("\"One. \"Two.\" Three.", &["\"One.", "\"Two.\""]),
            // marks with nothing between them quote nothing
            ("an empty \"\" pair, “” and “yes”", &["“yes”"]),
            ("\"\"\"\"\"\"", &[]),
            (
                "\"Yes,\" she said. \"No.\" Then \"maybe\".",
                &["\"Yes,\"", "\"No.\"", "\"maybe\""],
            ),
            // an opening mark typed as the closer
            (
                "“It's unusual,“ said Noble. “Go.”",
                &["“It's unusual,“", "“Go.”"],
            ),
            ("„Wir gehen“, sagte er.", &["„Wir gehen“"]),
            // a curly quotation inside a straight one
            (
                "\"It isn't about “Equal Justice” anymore.\" Next.",
                &["\"It isn't about “Equal Justice” anymore.\""],
            ),
            (
                "“He called it “fake news” today.”",
                &["“He called it “fake news”"],
            ),
        ];
        for (text, want) in cases {
            let got: Vec<&str> = runs(text, &paras(text))
                .iter()
                .map(|r| r.span.slice(text))
                .collect();
            assert_eq!(got, *want, "{text}");
        }
    }
}
