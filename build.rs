//! Embeds every file under `assets/` into the binary, so word lists stay plain data files, and
//! generates their names: a constant per list for the code (a misspelt name does not compile) and
//! the table `Assets` checks a user's files against (a misspelt file name, or a line with the
//! wrong number of tab-separated fields, is reported instead of silently ignored).

use std::{env, fs, path::Path};

/// A list's file name as a Rust constant: "places.tsv" → `PLACES_TSV`.
fn const_name(file: &str) -> String {
    file.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_uppercase()
            } else {
                '_'
            }
        })
        .collect()
}

/// The fewest and most tab-separated fields of the list's data lines, as `Assets` reads them
/// (trimmed; blank lines and `#` comments skipped), so a trailing empty field does not count.
fn field_range(text: &str) -> (usize, usize) {
    let mut range: Option<(usize, usize)> = None;
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let n = line.split('\t').count();
        range = Some(range.map_or((n, n), |(lo, hi)| (lo.min(n), hi.max(n))));
    }
    range.unwrap_or((1, 1))
}

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("assets");
    println!("cargo:rerun-if-changed=assets");
    let mut names: Vec<String> = fs::read_dir(&root)
        .map(|rd| {
            rd.filter_map(|e| e.ok())
                .filter(|e| e.file_type().map(|t| t.is_file()).unwrap_or(false))
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| !n.starts_with('.'))
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    let mut table = String::from(
        "/// Every built-in list: its file name, its text and how many tab-separated fields its\n\
         /// lines have.\n\
         pub(crate) static EMBEDDED: &[Builtin] = &[\n",
    );
    let mut consts = String::from(
        "/// The file names of the built-in lists, one constant each (`places.tsv` is `PLACES_TSV`).\n\
         pub mod name {\n",
    );
    for n in &names {
        println!("cargo:rerun-if-changed=assets/{n}");
        let text = fs::read_to_string(root.join(n))
            .unwrap_or_else(|e| panic!("assets/{n}: {e} (lists are UTF-8 text)"));
        let (lo, hi) = field_range(&text);
        // The path is spelled from the crate's own directory at compile time, not written out
        // here: a target directory copied to another checkout then embeds that checkout's files.
        let rel = format!("/assets/{n}");
        table.push_str(&format!(
            "    Builtin {{ name: {n:?}, text: include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \
             {rel:?})), fields: ({lo}, {hi}) }},\n"
        ));
        consts.push_str(&format!("    pub const {}: &str = {n:?};\n", const_name(n)));
    }
    table.push_str("];\n");
    consts.push_str("}\n");
    let dest = Path::new(&env::var("OUT_DIR").unwrap()).join("assets.rs");
    fs::write(dest, table + "\n" + &consts).unwrap();
}
