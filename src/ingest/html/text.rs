//! HTML to article text: paragraphs and headings apart, list items and `<br>` on their own lines,
//! `<pre>` kept as written; scripts, styles and captions dropped.
//!
//! Our own walk rather than the crate's formatter, which glues `<br>`-separated lines inside
//! `<pre>` (`EMSCRIPTEN_KEEPALIVEint`) and keeps figure captions that the issue asks to drop.
//! It walks siblings and parents rather than recursing, so no nesting depth can exhaust the stack.

use dom_query::NodeRef;

/// Elements whose text is never article text.
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "figcaption",
    "button",
    "select",
    "input",
    "textarea",
    "iframe",
    "object",
    "embed",
    "canvas",
    "svg",
    "head",
    "title",
];

/// Elements that stand apart as paragraphs.
const PARAGRAPH: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dl",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "aside",
    "nav",
    "figure",
    "address",
    "form",
    "fieldset",
    "details",
    "hr",
    "center",
];

/// Elements that start a new line.
const LINE: &[&str] = &["li", "tr", "dt", "dd", "summary", "caption", "option"];

/// The text of `root`'s descendants.
pub fn text_of(root: &NodeRef) -> String {
    let mut out = Out::default();
    let Some(mut node) = root.first_child() else {
        return String::new();
    };
    loop {
        let name = node.node_name();
        let name = name.as_deref().unwrap_or("");
        let mut descend = false;
        if node.is_text() {
            out.text(&node.text(), out.pre > 0);
        } else if node.is_element() && !SKIP.contains(&name) {
            out.open(name);
            descend = true;
        }
        if descend {
            if let Some(child) = node.first_child() {
                node = child;
                continue;
            }
            out.close(name);
        }
        // Up until there is a next sibling, closing each element left.
        loop {
            if let Some(next) = node.next_sibling() {
                node = next;
                break;
            }
            match node.parent() {
                Some(parent) if parent.id != root.id => {
                    let pname = parent.node_name();
                    out.close(pname.as_deref().unwrap_or(""));
                    node = parent;
                }
                _ => return out.finish(),
            }
        }
    }
}

#[derive(Default)]
struct Out {
    s: String,
    /// Inside how many `<pre>` elements.
    pre: usize,
}

impl Out {
    fn text(&mut self, t: &str, pre: bool) {
        if pre {
            self.s.push_str(t);
            return;
        }
        let mut words = t.split_whitespace().peekable();
        if words.peek().is_none() {
            // White space between inline elements still separates words.
            if !t.is_empty() && !self.s.is_empty() && !self.s.ends_with([' ', '\n']) {
                self.s.push(' ');
            }
            return;
        }
        if t.starts_with(char::is_whitespace)
            && !self.s.is_empty()
            && !self.s.ends_with([' ', '\n'])
        {
            self.s.push(' ');
        }
        let mut first = true;
        for w in words {
            if !first {
                self.s.push(' ');
            }
            self.s.push_str(w);
            first = false;
        }
        if t.ends_with(char::is_whitespace) {
            self.s.push(' ');
        }
    }

    /// Ends the current line with at least `n` line breaks (none at the very start).
    fn breaks(&mut self, n: usize) {
        let trimmed = self.s.trim_end_matches([' ', '\t']).len();
        self.s.truncate(trimmed);
        if self.s.is_empty() {
            return;
        }
        let have = self.s.len() - self.s.trim_end_matches('\n').len();
        for _ in have..n {
            self.s.push('\n');
        }
    }

    fn open(&mut self, name: &str) {
        if name == "pre" {
            self.pre += 1;
        }
        if name == "br" {
            if self.pre > 0 {
                self.s.push('\n');
            } else {
                let trimmed = self.s.trim_end_matches(' ').len();
                self.s.truncate(trimmed);
                self.s.push('\n');
            }
        } else if PARAGRAPH.contains(&name) {
            self.breaks(2);
        } else if LINE.contains(&name) {
            self.breaks(1);
        } else if matches!(name, "td" | "th")
            && !self.s.is_empty()
            && !self.s.ends_with(['\n', ' ', '\t'])
        {
            self.s.push('\t');
        }
    }

    fn close(&mut self, name: &str) {
        if name == "pre" {
            self.pre = self.pre.saturating_sub(1);
        }
        if PARAGRAPH.contains(&name) {
            self.breaks(2);
        } else if LINE.contains(&name) {
            self.breaks(1);
        }
    }

    fn finish(self) -> String {
        // No run of more than one blank line.
        let mut out = String::with_capacity(self.s.len());
        let mut newlines = 0;
        for c in self.s.trim().chars() {
            if c == '\n' {
                newlines += 1;
                if newlines > 2 {
                    continue;
                }
            } else {
                newlines = 0;
            }
            out.push(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use dom_query::Document;

    fn text(html: &str) -> String {
        let d = Document::fragment(html);
        super::text_of(&d.root())
    }

    #[test]
    fn table() {
        let rows = [
            ("<p>One</p><p>Two</p>", "One\n\nTwo"),
            (
                "<h2>Head</h2>Body <b>bold</b> text",
                "Head\n\nBody bold text",
            ),
            ("<ul><li>a</li><li>b</li></ul><p>c</p>", "a\nb\n\nc"),
            ("line<br>next<br/>last", "line\nnext\nlast"),
            ("<pre>int x;<br>int y;\n  z</pre>", "int x;\nint y;\n  z"),
            (
                "<figure><img src=a><figcaption>A caption</figcaption></figure><p>Text</p>",
                "Text",
            ),
            ("<p>a<script>x()</script>b</p>", "ab"),
            ("<span>a</span> <span>b</span>", "a b"),
            (
                "<table><tr><td>1</td><td>2</td></tr><tr><td>3</td></tr></table>",
                "1\t2\n3",
            ),
            ("<p>  spaced   out  </p>", "spaced out"),
            ("<div><div><p>x</p></div></div><p>y</p>", "x\n\ny"),
            ("", ""),
        ];
        for (html, want) in rows {
            assert_eq!(text(html), want, "{html}");
        }
    }

    #[test]
    fn deep_nesting_does_not_recurse() {
        let html = format!("{}deep{}", "<span>".repeat(5_000), "</span>".repeat(5_000));
        assert_eq!(text(&html), "deep");
    }
}
