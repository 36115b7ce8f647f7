//! Tidy tests: ordinary tests that read the source tree and fail on what docs/ARCHITECTURE.md
//! forbids.
//!
//! - The core's modules are in layers (`LAYERS`, lowest first) and a `crate::` path in a module's
//!   code may only name a module *below* it: the core has no import cycle, and a newcomer can read
//!   it bottom-up. Test code (`#[cfg(test)]` items and the files they declare) may use anything.
//! - Only `ui/js/api.js` touches `window.__TAURI…`.
//! - `api.js` calls exactly the commands `src-tauri/src/lib.rs` registers.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The core's top-level modules, lowest layer first; within a layer, a module may use the ones
/// listed before it. Keep in step with docs/ARCHITECTURE.md, "Layers".
const LAYERS: &[(&str, &[&str])] = &[
    ("foundation", &["error", "labelled", "time", "ids", "validate", "privacy", "money", "figures"]),
    ("engines", &["pdf", "docx", "search", "store"]),
    ("templates", &["notices"]),
    ("registers", &["community", "attachments"]),
    ("topics", &["topics"]),
    ("meeting parts", &["minutes", "points", "meetings", "votes", "elections", "decisions", "plans"]),
    ("workflows", &["proceedings", "followup", "evaluations", "conventions", "casework", "funds"]),
    ("outputs", &["stats", "printouts", "bulletin", "navigate", "info"]),
    ("maintenance", &["reindex", "archive", "demo"]),
];

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).to_path_buf()
}

fn files(dir: &Path, ext: &str, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, ext, out);
        } else if path.extension().is_some_and(|e| e == ext) {
            out.push(path);
        }
    }
}

/// The text of the item that starts at `lines[i]`: up to its `;` or its matching `}`.
fn item_end(lines: &[&str], i: usize) -> usize {
    let mut depth = 0i32;
    let mut opened = false;
    for (j, line) in lines.iter().enumerate().skip(i) {
        for c in line.chars() {
            match c {
                '{' => {
                    depth += 1;
                    opened = true;
                }
                '}' => depth -= 1,
                _ => {}
            }
        }
        if (opened && depth <= 0) || (!opened && line.trim_end().ends_with(';')) {
            return j;
        }
    }
    lines.len() - 1
}

/// A file's code without comments and without `#[cfg(test)]` items; and the names of the
/// modules it declares under `#[cfg(test)]` (their files are test code too).
fn code_and_test_modules(text: &str) -> (Vec<(usize, String)>, Vec<String>) {
    let lines: Vec<&str> = text.lines().collect();
    let mut code = Vec::new();
    let mut test_mods = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let t = lines[i].trim();
        if t == "#[cfg(test)]" {
            let mut k = i + 1;
            while k < lines.len() && lines[k].trim().starts_with("#[") {
                k += 1;
            }
            if k < lines.len() {
                let decl = lines[k].trim();
                if let Some(rest) = decl.strip_prefix("mod ").or_else(|| decl.strip_prefix("pub(crate) mod ")) {
                    let name: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                    if rest.trim_end().ends_with(';') {
                        test_mods.push(name);
                    }
                }
                i = item_end(&lines, k) + 1;
                continue;
            }
        }
        let line = match lines[i].find("//") {
            Some(at) => &lines[i][..at],
            None => lines[i],
        };
        code.push((i + 1, line.to_string()));
        i += 1;
    }
    (code, test_mods)
}

/// The top-level modules a line names through `crate::`, including `crate::{a, b::c}`.
fn crate_paths(line: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = line;
    while let Some(at) = rest.find("crate::") {
        let after = &rest[at + "crate::".len()..];
        if let Some(group) = after.strip_prefix('{') {
            let inner = &group[..group.find('}').unwrap_or(group.len())];
            let mut depth = 0;
            let mut start = true;
            for (n, c) in inner.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    ',' if depth == 0 => start = true,
                    c if start && (c.is_alphanumeric() || c == '_') => {
                        let name: String =
                            inner[n..].chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
                        out.push(name);
                        start = false;
                    }
                    _ => {}
                }
            }
        } else {
            out.push(after.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect());
        }
        rest = after;
    }
    out
}

/// Every `crate::` edge of the core's non-test code: (from module, to module, file:line).
fn edges() -> Vec<(String, String, String)> {
    let src = root().join("src");
    let mut all = Vec::new();
    files(&src, "rs", &mut all);
    all.sort();
    let mut test_files: BTreeSet<PathBuf> = BTreeSet::new();
    let mut parsed = BTreeMap::new();
    for file in &all {
        let text = std::fs::read_to_string(file).unwrap();
        let (code, test_mods) = code_and_test_modules(&text);
        let dir = if file.ends_with("mod.rs") || file.ends_with("lib.rs") {
            file.parent().unwrap().to_path_buf()
        } else {
            file.with_extension("")
        };
        for m in test_mods {
            test_files.insert(dir.join(format!("{m}.rs")));
            test_files.insert(dir.join(&m).join("mod.rs"));
        }
        parsed.insert(file.clone(), code);
    }
    let mut out = Vec::new();
    for (file, code) in parsed {
        let rel = file.strip_prefix(&src).unwrap();
        let first = rel.components().next().unwrap().as_os_str().to_string_lossy().to_string();
        if first == "bin"
            || first == "lib.rs"
            || test_files.iter().any(|t| file.starts_with(t.with_extension("")) || &file == t)
        {
            continue;
        }
        let from = first.trim_end_matches(".rs").to_string();
        for (n, line) in code {
            for to in crate_paths(&line) {
                if to != from {
                    out.push((from.clone(), to, format!("src/{}:{n}: {}", rel.display(), line.trim())));
                }
            }
        }
    }
    out
}

fn rank() -> BTreeMap<&'static str, (usize, &'static str)> {
    let mut rank = BTreeMap::new();
    for (layer, modules) in LAYERS {
        for m in *modules {
            let n = rank.len();
            rank.insert(*m, (n, *layer));
        }
    }
    rank
}

#[test]
fn every_module_of_the_core_has_a_layer() {
    let lib = std::fs::read_to_string(root().join("src/lib.rs")).unwrap();
    let rank = rank();
    let declared: Vec<&str> = lib
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub mod ").or_else(|| l.trim().strip_prefix("mod ")))
        .map(|l| l.trim_end_matches(';'))
        .filter(|m| *m != "testing")
        .collect();
    assert!(declared.len() > 20, "lib.rs was not read: {declared:?}");
    let missing: Vec<&&str> = declared.iter().filter(|m| !rank.contains_key(**m)).collect();
    assert!(
        missing.is_empty(),
        "give these modules a layer in tests/tidy.rs LAYERS and docs/ARCHITECTURE.md: {missing:?}"
    );
}

#[test]
fn the_core_uses_only_modules_below_it() {
    let rank = rank();
    let edges = edges();
    assert!(edges.len() > 100, "the source tree was not read: {} edges", edges.len());
    let mut upward = Vec::new();
    for (from, to, at) in &edges {
        let (Some(f), Some(t)) = (rank.get(from.as_str()), rank.get(to.as_str())) else { continue };
        if t.0 > f.0 {
            upward.push(format!("{from} ({}) uses {to} ({}): {at}", f.1, t.1));
        }
    }
    assert!(
        upward.is_empty(),
        "a module may only use modules below it (docs/ARCHITECTURE.md, \"Layers\"):\n{}",
        upward.join("\n")
    );
}

#[test]
fn only_api_js_touches_tauri() {
    let ui = root().join("../../ui");
    let mut js = Vec::new();
    files(&ui.join("js"), "js", &mut js);
    files(&ui, "html", &mut js);
    assert!(js.len() > 20, "ui/ was not found: {} files", js.len());
    let found: Vec<String> = js
        .iter()
        .filter(|f| !f.ends_with("js/api.js"))
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("__TAURI"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(found.is_empty(), "only ui/js/api.js may touch window.__TAURI…: {found:?}");
}

#[test]
fn api_js_calls_exactly_the_commands_lib_rs_registers() {
    let api = std::fs::read_to_string(root().join("../../ui/js/api.js")).unwrap();
    let called: BTreeSet<String> =
        api.split("call('").skip(1).map(|s| s[..s.find('\'').unwrap_or(0)].to_string()).collect();
    let lib = std::fs::read_to_string(root().join("../src/lib.rs")).unwrap();
    let handler = &lib[lib.find("generate_handler![").expect("lib.rs registers its commands")..];
    let handler = &handler[..handler.find(']').unwrap_or(handler.len())];
    let registered: BTreeSet<String> = handler
        .split(',')
        .filter_map(|s| s.trim().rsplit("::").next())
        .filter(|s| !s.is_empty() && !s.contains('['))
        .map(str::to_string)
        .collect();
    assert!(
        called.len() > 50 && registered.len() > 50,
        "api.js {} / lib.rs {} commands",
        called.len(),
        registered.len()
    );
    let unregistered: Vec<&String> = called.difference(&registered).collect();
    let uncalled: Vec<&String> = registered.difference(&called).collect();
    assert!(unregistered.is_empty(), "api.js calls commands lib.rs does not register: {unregistered:?}");
    assert!(uncalled.is_empty(), "lib.rs registers commands api.js never calls: {uncalled:?}");
}

#[test]
fn the_core_depends_on_neither_tauri_nor_clap() {
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    let deps: Vec<&str> = manifest
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter(|l| l.starts_with("tauri") || l.starts_with("clap") || l.starts_with("rfd") || l.starts_with("wry"))
        .collect();
    assert!(deps.is_empty(), "yishi-core must build without Tauri, dialogs or the CLI's parser: {deps:?}");
    let mut src = Vec::new();
    files(&root().join("src"), "rs", &mut src);
    let found: Vec<String> = src
        .iter()
        .filter(|f| std::fs::read_to_string(f).unwrap().contains("tauri::"))
        .map(|f| f.display().to_string())
        .collect();
    assert!(found.is_empty(), "the core names Tauri: {found:?}");
}

#[test]
fn the_shell_holds_no_sql() {
    let mut shell = Vec::new();
    files(&root().join("../src"), "rs", &mut shell);
    assert!(shell.len() > 20, "the shell was not found: {} files", shell.len());
    let mut found = Vec::new();
    for file in &shell {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if ["SELECT ", "INSERT INTO", "DELETE FROM", "UPDATE ", "rusqlite", ".prepare("]
                .iter()
                .any(|p| line.contains(p))
            {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "SQL belongs to the core module that owns the table:\n{}", found.join("\n"));
}

#[test]
fn the_ui_loads_nothing_from_the_network() {
    let conf = std::fs::read_to_string(root().join("../../tauri.conf.json")).unwrap();
    assert!(conf.contains(r#""default-src": "'self'""#), "the CSP allows only the app's own files");
    let ui = root().join("../../ui");
    let mut own = Vec::new();
    for ext in ["js", "html", "css"] {
        files(&ui, ext, &mut own);
    }
    let mut found = Vec::new();
    for file in own.iter().filter(|f| !f.components().any(|c| c.as_os_str() == "vendor")) {
        let text = std::fs::read_to_string(file).unwrap();
        for (n, line) in text.lines().enumerate() {
            // The SVG namespace is a name, not an address that is loaded.
            if (line.contains("http://") || line.contains("https://")) && !line.contains("http://www.w3.org/2000/svg") {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(found.is_empty(), "ui/ loads only its own files:\n{}", found.join("\n"));
}

/// Issue 16: every amount is integer fen from the form to the page; a float in the money code
/// (or a `parse::<f64>` of an amount) would round 0.1 + 0.2 into a wrong total on a 财务公开.
#[test]
fn money_code_has_no_floating_point() {
    let mut paths = vec![root().join("src/money.rs")];
    files(&root().join("src/funds"), "rs", &mut paths);
    // The money of the notices and the 台账 (issue 16, publish).
    for p in ["src/notices/fund_use.rs", "src/printouts/funds.rs", "src/archive/csv.rs"] {
        paths.push(root().join(p));
    }
    let mut scanned = paths.into_iter().map(|p| (std::fs::read_to_string(&p).unwrap(), p)).collect::<Vec<_>>();
    // The ledger's 资金 sheet, from `funds_sheet` on. The one documented exception is the xlsx
    // currency cell (`fen_cell_value`: whole fen to a float at the cell write), above it.
    let ledger = root().join("src/archive/ledger.rs");
    let text = std::fs::read_to_string(&ledger).unwrap();
    let from = text.find("fn funds_sheet").expect("the 资金 sheet in ledger.rs");
    assert_eq!(text.matches("as f64").count(), 2, "only the Int cell and fen_cell_value make floats in ledger.rs");
    scanned.push((text[from..].to_string(), ledger));
    for (text, path) in scanned {
        for (i, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for float in ["f32", "f64", "as f", "powf", "powi"] {
                assert!(!code.contains(float), "{}:{}: {float} in money code: {line}", path.display(), i + 1);
            }
        }
    }
}
