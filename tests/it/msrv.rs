//! The stated minimum Rust version is honest: `rust-version` in Cargo.toml is at least what the
//! code needs (let-chains, stable since 1.88) and at least every dependency's own `rust-version`
//! as `cargo metadata` reports it, so a dependency update cannot silently raise the real minimum.
//! (Standard-library APIs newer than `rust-version` are caught by clippy's `incompatible_msrv`.)

use std::process::Command;

use serde_json::Value;

/// What the code itself needs: let-chains in `if` and `while` (Rust 1.88, edition 2024).
const LANGUAGE_MINIMUM: (u32, u32, u32) = (1, 88, 0);

/// "1.88" or "1.88.0" as (major, minor, patch).
fn parse(v: &str) -> Option<(u32, u32, u32)> {
    let mut parts = v.trim().split('.').map(str::parse::<u32>);
    let major = parts.next()?.ok()?;
    let minor = parts.next().unwrap_or(Ok(0)).ok()?;
    let patch = parts.next().unwrap_or(Ok(0)).ok()?;
    parts.next().is_none().then_some((major, minor, patch))
}

/// The `rust-version` of the `[package]` table of Cargo.toml.
fn stated() -> String {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml");
    let manifest = std::fs::read_to_string(path).expect("Cargo.toml");
    let mut in_package = false;
    for line in manifest.lines().map(str::trim) {
        if line.starts_with('[') {
            in_package = line == "[package]";
        } else if in_package && let Some(rest) = line.strip_prefix("rust-version") {
            let value = rest.trim_start().trim_start_matches('=').trim();
            return value.trim_matches('"').to_string();
        }
    }
    panic!("{path}: no rust-version in [package]");
}

/// `cargo metadata` for every platform; when that cannot be had (offline, with only this host's
/// crates downloaded), for this host's dependencies.
fn metadata() -> Value {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let run = |extra: &[&str]| {
        Command::new(&cargo)
            .args(["metadata", "--format-version", "1", "--locked"])
            .args(extra)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("running cargo metadata")
    };
    let mut out = run(&[]);
    if !out.status.success() {
        let host = Command::new(std::env::var("RUSTC").unwrap_or_else(|_| "rustc".to_string()))
            .arg("-vV")
            .output()
            .ok()
            .and_then(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .find_map(|l| l.strip_prefix("host: ").map(str::to_string))
            });
        if let Some(host) = host {
            out = run(&["--offline", "--filter-platform", &host]);
        }
    }
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("cargo metadata's JSON")
}

#[test]
fn versions_parse() {
    let rows = [
        ("1.88", Some((1, 88, 0))),
        ("1.88.0", Some((1, 88, 0))),
        (" 1.85.1 ", Some((1, 85, 1))),
        ("1", Some((1, 0, 0))),
        ("1.x", None),
        ("1.2.3.4", None),
        ("", None),
    ];
    for (text, want) in rows {
        assert_eq!(parse(text), want, "{text:?}");
    }
}

#[test]
#[ignore = "slow: the full suite runs it (cargo test -- --include-ignored, as CI does)"]
fn rust_version_is_at_least_every_dependencys() {
    let stated_text = stated();
    let stated = parse(&stated_text).expect("rust-version is a version");
    assert!(
        stated >= LANGUAGE_MINIMUM,
        "rust-version {stated_text} is below 1.88, which the let-chains in the code need"
    );
    let meta = metadata();
    let packages = meta["packages"].as_array().expect("packages");
    let mut checked = 0;
    let mut above = Vec::new();
    for p in packages {
        if p["name"] == "dateline" {
            continue;
        }
        let Some(v) = p["rust_version"].as_str() else {
            continue;
        };
        checked += 1;
        let needs = parse(v).unwrap_or_else(|| panic!("{}: rust_version {v:?}", p["name"]));
        if needs > stated {
            above.push(format!("{} {} needs {v}", p["name"], p["version"]));
        }
    }
    assert!(
        checked > 10,
        "cargo metadata listed only {checked} versions"
    );
    assert!(
        above.is_empty(),
        "rust-version {stated_text} in Cargo.toml is below what dependencies declare: {above:?}"
    );
}
