//! Word lists and gazetteers: embedded from `assets/` at compile time, extendable from a user folder.
//!
//! A file in the user's folder with the same name as a built-in one is appended to it; when its first
//! non-blank line is `#!replace` it replaces the built-in list instead. The user's folder is
//! `--assets DIR`, else `$DATELINE_ASSETS`, else `$XDG_CONFIG_HOME/dateline/assets` (or
//! `~/.config/dateline/assets`). A file with no built-in namesake is reported with the nearest
//! name (`place.tsv`: did you mean `places.tsv`?), and a line with the wrong number of
//! tab-separated fields as `path:line: reason`; the rest of the folder is still read.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A list compiled into the binary.
pub(crate) struct Builtin {
    pub name: &'static str,
    pub text: &'static str,
    /// The fewest and most tab-separated fields of its data lines (trailing empty fields trimmed).
    pub fields: (usize, usize),
}

include!(concat!(env!("OUT_DIR"), "/assets.rs"));

/// The set of word lists the extraction stages read, by file name.
#[derive(Clone, Debug, Default)]
pub struct Assets {
    files: BTreeMap<String, Cow<'static, str>>,
    /// Problems found while reading the user's folder; the built-in lists are used instead.
    pub warnings: Vec<String>,
}

impl Assets {
    /// Only the lists compiled into the binary.
    pub fn builtin() -> Self {
        let files = EMBEDDED
            .iter()
            .map(|b| (b.name.to_string(), Cow::Borrowed(b.text)))
            .collect();
        Assets {
            files,
            warnings: Vec::new(),
        }
    }

    /// A hash of every list in force, name and text: runs with equal fingerprints read the same
    /// word lists (the cache and `dateline assemble` check it).
    pub fn fingerprint(&self) -> u64 {
        let mut h = xxhash_rust::xxh3::Xxh3::new();
        for (name, text) in &self.files {
            h.update(name.as_bytes());
            h.update(&[0]);
            h.update(text.as_bytes());
            h.update(&[0]);
        }
        h.digest()
    }

    /// The built-in lists merged with the user's folder, if one exists.
    pub fn load(user_dir: Option<&Path>) -> Self {
        let mut assets = Self::builtin();
        let dir = user_dir.map(Path::to_path_buf).or_else(default_user_dir);
        if let Some(dir) = dir.filter(|d| d.is_dir()) {
            assets.merge_dir(&dir);
        } else if let Some(d) = user_dir {
            assets
                .warnings
                .push(format!("{}: assets folder not found", d.display()));
        }
        assets
    }

    fn merge_dir(&mut self, dir: &Path) {
        let entries = match std::fs::read_dir(dir) {
            Ok(rd) => rd,
            Err(e) => {
                self.warnings.push(format!("{}: {e}", dir.display()));
                return;
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths.into_iter().filter(|p| p.is_file()) {
            let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
                self.warnings.push(format!(
                    "{}: not a word list dateline reads (the name is not UTF-8)",
                    path.display()
                ));
                continue;
            };
            // Editors' and systems' hidden files (".DS_Store", ".places.tsv.swp") are not lists.
            if name.starts_with('.') {
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(text) => self.merge_from(&path.display().to_string(), &name, &text),
                Err(e) => self.warnings.push(format!("{}: {e}", path.display())),
            }
        }
    }

    /// Appends (or with `#!replace`, substitutes) a user list; problems are reported under `name`.
    pub fn merge_text(&mut self, name: &str, text: &str) {
        self.merge_from(name, name, text);
    }

    /// Merges the list `name` read from `origin` (a path, for messages): an unknown name is
    /// reported with the nearest built-in one and skipped; a line whose field count is outside
    /// the built-in list's is reported as `origin:line: reason` and skipped.
    fn merge_from(&mut self, origin: &str, name: &str, text: &str) {
        let Some(builtin) = EMBEDDED.iter().find(|b| b.name == name) else {
            let hint = nearest_name(name)
                .map(|n| format!("; did you mean {n}?"))
                .unwrap_or_default();
            self.warnings.push(format!(
                "{origin}: not a word list dateline reads, so it is ignored{hint}"
            ));
            return;
        };
        let mut kept = String::with_capacity(text.len());
        for (i, line) in text.lines().enumerate() {
            if let Some(reason) = bad_line(line, builtin.fields) {
                self.warnings
                    .push(format!("{origin}:{}: {reason}; line skipped", i + 1));
                continue;
            }
            kept.push_str(line);
            kept.push('\n');
        }
        let replace = kept
            .lines()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| l.trim() == "#!replace");
        let entry = self.files.entry(name.to_string()).or_default();
        if replace {
            *entry = Cow::Owned(kept);
        } else {
            let mut merged = entry.to_string();
            if !merged.is_empty() && !merged.ends_with('\n') {
                merged.push('\n');
            }
            merged.push_str(&kept);
            *entry = Cow::Owned(merged);
        }
    }

    /// The raw text of a list, or "" when there is none by that name.
    pub fn text(&self, name: &str) -> &str {
        self.files.get(name).map(|c| c.as_ref()).unwrap_or("")
    }

    /// The data lines of a list: trimmed, without blanks and `#` comments.
    pub fn lines<'a>(&'a self, name: &str) -> impl Iterator<Item = &'a str> + 'a {
        data_lines(self.text(name))
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.files.keys().map(String::as_str)
    }
}

/// Trimmed non-blank lines that are not `#` comments.
pub fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Why a user's line does not fit a list whose lines have `fields` (fewest, most) tab-separated
/// fields, or `None` when it fits (blank lines and comments always do).
fn bad_line(line: &str, (fewest, most): (usize, usize)) -> Option<String> {
    let line = line.trim();
    if line.is_empty() || line.starts_with('#') {
        return None;
    }
    let n = line.split('\t').count();
    if (fewest..=most).contains(&n) {
        return None;
    }
    Some(match (fewest, most) {
        (1, 1) => format!("expected one entry without tabs, found {n} tab-separated fields"),
        (a, b) if a == b => format!("expected {a} tab-separated fields, found {n}"),
        (a, b) => format!("expected {a} to {b} tab-separated fields, found {n}"),
    })
}

/// The built-in list name nearest to `name` by edit distance, when it is near enough to be a slip
/// (at most a third of the name's length, and at least 1 and at most 3 edits away).
fn nearest_name(name: &str) -> Option<&'static str> {
    let limit = (name.chars().count() / 3).clamp(1, 3);
    EMBEDDED
        .iter()
        .map(|b| (edit_distance(name, b.name), b.name))
        .filter(|&(d, _)| d <= limit)
        .min()
        .map(|(_, n)| n)
}

/// Levenshtein distance over chars.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let substitute = diagonal + usize::from(ca != cb);
            diagonal = row[j + 1];
            row[j + 1] = substitute.min(row[j] + 1).min(row[j + 1] + 1);
        }
    }
    row[b.len()]
}

fn default_user_dir() -> Option<PathBuf> {
    if let Some(d) = std::env::var_os("DATELINE_ASSETS") {
        return Some(PathBuf::from(d));
    }
    let config = std::env::var_os("XDG_CONFIG_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".config")))?;
    Some(config.join("dateline").join("assets"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn user_lists_extend_or_replace() {
        let mut a = Assets::builtin();
        let builtin = a.lines(name::GROUP_HEADS_TXT).count();
        assert!(builtin > 5);
        a.merge_text(name::GROUP_HEADS_TXT, "one\n# comment\n\ntwo");
        a.merge_text(name::GROUP_HEADS_TXT, "three\n");
        let lines: Vec<&str> = a.lines(name::GROUP_HEADS_TXT).collect();
        assert_eq!(lines.len(), builtin + 3);
        assert_eq!(lines[builtin..], ["one", "two", "three"]);
        a.merge_text(name::GROUP_HEADS_TXT, "#!replace\nfour\n");
        assert_eq!(a.lines(name::GROUP_HEADS_TXT).collect::<Vec<_>>(), ["four"]);
        assert_eq!(a.lines("missing.txt").count(), 0);
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    }

    #[test]
    fn every_builtin_list_has_a_constant_and_a_field_count() {
        assert_eq!(name::PLACES_TSV, "places.tsv");
        assert_eq!(name::GIVEN_NAMES_TXT, "given-names.txt");
        let places = EMBEDDED.iter().find(|b| b.name == name::PLACES_TSV);
        // Name, kind and country; the country is empty (so trimmed away) for some places.
        assert_eq!(places.map(|b| b.fields), Some((2, 3)));
        for b in EMBEDDED {
            assert!(b.fields.0 >= 1 && b.fields.0 <= b.fields.1, "{}", b.name);
            for line in data_lines(b.text) {
                assert_eq!(bad_line(line, b.fields), None, "{}: {line:?}", b.name);
            }
        }
    }

    #[test]
    fn misspelt_file_names_get_the_nearest_list() {
        let rows: &[(&str, Option<&str>)] = &[
            ("place.tsv", Some("places.tsv")),
            ("places.txt", Some("places.tsv")),
            ("Places.tsv", Some("places.tsv")),
            ("given-name.txt", Some("given-names.txt")),
            ("speech_verbs.txt", Some("speech-verbs.txt")),
            ("titles.tsv", Some("titles.txt")),
            ("places.tsv.bak", None),
            ("notes.md", None),
            ("README", None),
            ("", None),
        ];
        for &(file, want) in rows {
            assert_eq!(nearest_name(file), want, "{file:?}");
        }
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("é", "e"), 1);
    }

    #[test]
    fn user_lines_with_the_wrong_number_of_fields() {
        let rows: &[((usize, usize), &str, Option<&str>)] = &[
            ((2, 3), "Yerevan\tcapital\tArmenia", None),
            ((2, 3), "Gyumri\tcity", None),
            ((2, 3), "Gyumri\tcity\t", None),
            (
                (2, 3),
                "Yerevan capital Armenia",
                Some("expected 2 to 3 tab-separated fields, found 1"),
            ),
            (
                (2, 3),
                "a\tb\tc\td",
                Some("expected 2 to 3 tab-separated fields, found 4"),
            ),
            (
                (3, 3),
                "chess\tChess",
                Some("expected 3 tab-separated fields, found 2"),
            ),
            ((1, 1), "Aaron", None),
            ((1, 1), "  Aaron  ", None),
            (
                (1, 1),
                "Aaron\tAbigail",
                Some("expected one entry without tabs, found 2 tab-separated fields"),
            ),
            ((3, 3), "", None),
            ((3, 3), "   ", None),
            ((3, 3), "# a comment\twith a tab", None),
            ((3, 3), "#!replace", None),
        ];
        for &(fields, line, want) in rows {
            assert_eq!(bad_line(line, fields).as_deref(), want, "{line:?}");
        }
    }

    #[test]
    fn a_user_folder_is_read_with_its_problems_named() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
        write("place.tsv", "Gyumri\tcity\tArmenia\n");
        write(
            "places.tsv",
            "# my places\nGyumri\tcity\tArmenia\nVanadzor city Armenia\nDilijan\tcity\n",
        );
        write(".places.tsv.swp", "binary junk");
        let a = Assets::load(Some(dir.path()));
        let path = |name: &str| dir.path().join(name).display().to_string();
        assert_eq!(
            a.warnings,
            [
                format!(
                    "{}: not a word list dateline reads, so it is ignored; did you mean places.tsv?",
                    path("place.tsv")
                ),
                format!(
                    "{}:3: expected 2 to 3 tab-separated fields, found 1; line skipped",
                    path("places.tsv")
                ),
            ]
        );
        let places: Vec<&str> = a.lines(name::PLACES_TSV).collect();
        assert_eq!(
            places[places.len() - 2..],
            ["Gyumri\tcity\tArmenia", "Dilijan\tcity"]
        );
        assert!(!a.names().any(|n| n == "place.tsv"));
    }
}
