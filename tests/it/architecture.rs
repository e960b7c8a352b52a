//! The shape of `src/`: no module depends on itself through others (file by file,
//! folder by folder, and between the crate's top modules), no file grows past what one
//! reader can hold (400 lines), no function past a screen (60 lines), no `#[path]`.
//!
//! Dependencies are read from the source text: every `crate::`, `super::` and `self::`
//! path (in `use` trees too) names a module, the longest prefix of the path that is one.
//! A module's own unit tests (from `#[cfg(test)]` on) and comments are left out, and so
//! are edges between a module and its ancestors (`mod` declarations and `super::`
//! helpers are the ordinary way a parent and its children share code).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// Module path ("story::load", "" for the crate root) → source text.
type Sources = BTreeMap<String, String>;

fn read_src() -> Sources {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Sources::new();
    let mut stack = vec![root.clone()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(&root).unwrap().with_extension("");
                let mut parts: Vec<String> = relative
                    .iter()
                    .map(|p| p.to_string_lossy().into_owned())
                    .collect();
                if matches!(
                    parts.last().map(String::as_str),
                    Some("mod" | "lib" | "main")
                ) {
                    parts.pop();
                }
                let text = std::fs::read_to_string(&path).unwrap();
                // main.rs is its own crate; it reaches the library as `storyscope::`.
                if relative != Path::new("main") {
                    sources.insert(parts.join("::"), text);
                }
            }
        }
    }
    sources
}

/// The code of a file without comments and without its unit tests.
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]").next().unwrap_or("");
    text.lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Every path a `crate::` / `super::` / `self::` path (or use tree) in `code` names,
/// as segments.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < bytes.len() {
        let starts_word = i == 0 || !is_ident(bytes[i - 1]) && bytes[i - 1] != ':';
        if starts_word {
            let rest: String = bytes[i..bytes.len().min(i + 7)].iter().collect();
            if ["crate::", "super::", "self::"]
                .iter()
                .any(|head| rest.starts_with(head))
            {
                let (end, trees) = use_tree(&bytes, i, Vec::new());
                found.extend(trees);
                i = end.max(i + 1);
                continue;
            }
        }
        i += 1;
    }
    found
}

/// Parses a path or use tree starting at `at`, below `prefix`; returns where it ends
/// and the full paths it names.
fn use_tree(chars: &[char], mut at: usize, mut prefix: Vec<String>) -> (usize, Vec<Vec<String>>) {
    loop {
        while at < chars.len() && chars[at].is_whitespace() {
            at += 1;
        }
        if at < chars.len() && chars[at] == '{' {
            let mut all = Vec::new();
            at += 1;
            loop {
                while at < chars.len() && (chars[at].is_whitespace() || chars[at] == ',') {
                    at += 1;
                }
                if at >= chars.len() || chars[at] == '}' {
                    return (at + 1, all);
                }
                let (end, trees) = use_tree(chars, at, prefix.clone());
                all.extend(trees);
                at = end.max(at + 1);
            }
        }
        let start = at;
        while at < chars.len() && is_ident(chars[at]) {
            at += 1;
        }
        if start == at {
            return (at, vec![prefix]);
        }
        prefix.push(chars[start..at].iter().collect());
        if chars.get(at) == Some(&':') && chars.get(at + 1) == Some(&':') {
            at += 2;
        } else {
            return (at, vec![prefix]);
        }
    }
}

/// The module a path written in `module` names: the longest prefix that is a module.
fn resolve(sources: &Sources, module: &str, path: &[String]) -> Option<String> {
    let mut base: Vec<&str> = if module.is_empty() {
        Vec::new()
    } else {
        module.split("::").collect()
    };
    let mut segments = path.iter().map(String::as_str).peekable();
    match segments.next()? {
        "crate" => base.clear(),
        "self" => {}
        "super" => {
            base.pop()?;
            while segments.peek() == Some(&"super") {
                segments.next();
                base.pop()?;
            }
        }
        _ => return None,
    }
    let mut best = None;
    let mut current = base;
    if sources.contains_key(&current.join("::")) {
        best = Some(current.join("::"));
    }
    for segment in segments {
        if segment == "self" {
            continue;
        }
        current.push(segment);
        if sources.contains_key(&current.join("::")) {
            best = Some(current.join("::"));
        }
    }
    best
}

fn is_ancestor(ancestor: &str, module: &str) -> bool {
    ancestor.is_empty() || module.starts_with(&format!("{ancestor}::"))
}

fn dependencies(sources: &Sources) -> BTreeMap<String, BTreeSet<String>> {
    let mut graph = BTreeMap::new();
    for (module, text) in sources {
        let mut deps = BTreeSet::new();
        for path in paths(&code(text)) {
            if let Some(dep) = resolve(sources, module, &path) {
                if dep != *module && !is_ancestor(&dep, module) && !is_ancestor(module, &dep) {
                    deps.insert(dep);
                }
            }
        }
        graph.insert(module.clone(), deps);
    }
    graph
}

/// Each cycle found, as the modules on it in order (first repeated at the end).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let mut done: BTreeSet<&str> = BTreeSet::new();
    for start in graph.keys() {
        let mut stack: Vec<(&str, Vec<&str>)> = vec![(start, vec![start])];
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        while let Some((node, path)) = stack.pop() {
            for next in graph.get(node).into_iter().flatten() {
                if next == start {
                    let mut cycle: Vec<String> = path.iter().map(|m| m.to_string()).collect();
                    cycle.push(start.clone());
                    found.push(cycle);
                } else if !done.contains(next.as_str()) && seen.insert(next) {
                    let mut longer = path.clone();
                    longer.push(next);
                    stack.push((next, longer));
                }
            }
        }
        done.insert(start);
    }
    found
}

/// One cycle a line: `a → b → a`.
fn listed(cycles: &[Vec<String>]) -> String {
    cycles
        .iter()
        .map(|cycle| cycle.join(" → "))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn no_module_depends_on_itself_through_others() {
    let sources = read_src();
    assert!(sources.len() > 20, "read {} modules", sources.len());
    let graph = dependencies(&sources);
    assert!(
        graph["tui::app"].contains("story"),
        "the parser sees `use crate::story::…`: {:?}",
        graph["tui::app"]
    );
    let found = cycles(&graph);
    assert!(found.is_empty(), "module cycles:\n{}", listed(&found));
}

#[test]
fn a_planted_cycle_is_found() {
    let mut sources = read_src();
    // The core must not know the terminal shell: one line from the shell into the
    // loader's problem types closes a loop (the shell already uses the core).
    sources
        .get_mut("story::problem")
        .unwrap()
        .insert_str(0, "use crate::tui::app::App;\n");
    let found = cycles(&dependencies(&sources));
    assert!(
        found
            .iter()
            .any(|cycle| cycle.contains(&"story::problem".to_owned())
                && cycle.iter().any(|m| m.starts_with("tui"))),
        "{found:?}"
    );
    // Inline paths and nested use trees count too.
    let mut sources = read_src();
    sources.get_mut("story::model::date").unwrap().insert_str(
        0,
        "fn f() { let _ = crate::story::query::{views::{self, Clock}}; }\n",
    );
    sources.get_mut("story::query::views").unwrap().insert_str(
        0,
        "fn g() { crate::story::model::date::days_from_civil(1, 1, 1); }\n",
    );
    let found = cycles(&dependencies(&sources));
    assert!(
        found
            .iter()
            .any(|c| c.contains(&"story::model::date".to_owned())),
        "{found:?}"
    );
}

#[test]
fn paths_and_use_trees_are_read() {
    let found = paths("use super::{a::{b, c::D}, e};\nlet x = crate::f::g(self::h);");
    let found: Vec<String> = found.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        found,
        [
            "super::a::b",
            "super::a::c::D",
            "super::e",
            "crate::f::g",
            "self::h"
        ]
    );
}

/// The graph with each module folded into its first `depth` segments (`story::report::
/// export::records` at depth 2 is `story::report`), unit-test files (`tests`, `*_tests`,
/// `tests_*`) and the crate root left out. Depth 1 is the crate's top modules; depths
/// 2 and 3 are the folders under them (`story::model`, `story::report::document`).
/// Edges between a folder and its own parent stay out, as between a file and its
/// ancestors: `mod` declarations and re-exports are how a parent shares its children.
fn folded(
    graph: &BTreeMap<String, BTreeSet<String>>,
    depth: usize,
) -> BTreeMap<String, BTreeSet<String>> {
    let is_test = |module: &str| {
        let last = module.rsplit("::").next().unwrap_or(module);
        last == "tests" || last.ends_with("_tests") || last.starts_with("tests_")
    };
    let prefix = |module: &str| {
        module
            .split("::")
            .take(depth)
            .collect::<Vec<_>>()
            .join("::")
    };
    let mut folded: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, deps) in graph {
        if is_test(module) || module.is_empty() {
            continue;
        }
        let node = prefix(module);
        let entry = folded.entry(node.clone()).or_default();
        entry.extend(
            deps.iter()
                .filter(|dep| !dep.is_empty())
                .map(|dep| prefix(dep))
                .filter(|dep| *dep != node && !is_ancestor(dep, &node) && !is_ancestor(&node, dep)),
        );
    }
    folded
}

/// The top modules (`story`, `tui`, `commands` …) form layers.
fn top_level(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, BTreeSet<String>> {
    folded(graph, 1)
}

#[test]
fn no_top_level_module_depends_on_itself_through_others() {
    // The finer test leaves out edges between a module and its ancestors, so
    // `tui → config → tui::input::keymap` passed it; folded into top-level modules, the
    // crate's parts (cli, commands, config, tui, story …) still form layers.
    let folded = top_level(&dependencies(&read_src()));
    assert!(
        folded["commands"].contains("tui"),
        "{:?}",
        folded["commands"]
    );
    let found = cycles(&folded);
    assert!(found.is_empty(), "top-level cycles:\n{}", listed(&found));
    // The core reaching up into the command layer closes story → commands → story,
    // though no single file of it loops.
    let mut planted = read_src();
    planted
        .get_mut("story::graph::narrowing")
        .unwrap()
        .insert_str(0, "use crate::commands::BadInput;\n");
    let graph = dependencies(&planted);
    assert!(
        !cycles(&top_level(&graph)).is_empty(),
        "a planted story → commands edge closes story → commands → story"
    );
    assert!(cycles(&graph).is_empty(), "{}", listed(&cycles(&graph)));
}

#[test]
fn no_folder_depends_on_itself_through_others() {
    let graph = dependencies(&read_src());
    let groups = folded(&graph, 2);
    assert!(
        groups["story::report"].contains("story::query")
            && groups["story::load"].contains("story::graph"),
        "{:?}",
        groups["story::report"]
    );
    for depth in [2, 3] {
        let found = cycles(&folded(&graph, depth));
        assert!(
            found.is_empty(),
            "folder cycles at depth {depth}:\n{}",
            listed(&found)
        );
    }
}

#[test]
fn a_planted_folder_loop_is_found_where_no_file_loops() {
    // The file format reaching up into the reports: model → report → model, a loop of
    // folders, though scale.rs and markdown.rs do not loop file by file.
    let mut planted = read_src();
    planted
        .get_mut("story::model::scale")
        .unwrap()
        .insert_str(0, "use crate::story::report::lint_report::LintReport;\n");
    let graph = dependencies(&planted);
    assert!(cycles(&graph).is_empty(), "{}", listed(&cycles(&graph)));
    let found = cycles(&folded(&graph, 2));
    assert!(
        found
            .iter()
            .any(|cycle| cycle.contains(&"story::model".to_owned())
                && cycle.contains(&"story::report".to_owned())),
        "{found:?}"
    );
    // One folder of the reports reaching into another that already uses it: a
    // source's document using the export's history notes (the exports use documents).
    let mut planted = read_src();
    planted
        .get_mut("story::report::document::build::sources")
        .unwrap()
        .insert_str(0, "use crate::story::report::export::histories::mark;\n");
    let graph = dependencies(&planted);
    assert!(cycles(&graph).is_empty(), "{}", listed(&cycles(&graph)));
    assert!(cycles(&folded(&graph, 2)).is_empty());
    let found = cycles(&folded(&graph, 3));
    assert!(
        found
            .iter()
            .any(|cycle| cycle.contains(&"story::report::document".to_owned())),
        "{found:?}"
    );
}

/// Every `.rs` file under `src/` and `crates/`, as a path relative to the package.
fn rust_files() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    let mut stack = vec![root.join("src"), root.join("crates")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            if path.is_dir() {
                if !path.ends_with("target") {
                    stack.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(root).unwrap();
                files.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    files.sort();
    files
}

fn read(file: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap()
}

/// Files over 400 lines waiting for the regrouping of their folder to land.
const LONG_FILES_PENDING: &[(&str, &str)] = &[];

#[test]
fn no_file_is_over_400_lines() {
    let mut long = Vec::new();
    for file in rust_files() {
        let lines = read(&file).lines().count();
        let listed = LONG_FILES_PENDING.iter().any(|(name, _)| *name == file);
        if lines > 400 && !listed {
            long.push(format!("{file} ({lines} lines)"));
        }
        if lines <= 400 && listed {
            long.push(format!(
                "{file} is {lines} lines now: take it off LONG_FILES_PENDING"
            ));
        }
    }
    for (file, _) in LONG_FILES_PENDING {
        if !Path::new(env!("CARGO_MANIFEST_DIR")).join(file).exists() {
            long.push(format!("{file} is gone: take it off LONG_FILES_PENDING"));
        }
    }
    assert!(long.is_empty(), "{long:#?}");
}

#[test]
fn no_path_attribute_sets_a_module_file() {
    // A module's file is where its name says: folders, not `#[path]` satellites.
    let found: Vec<String> = rust_files()
        .into_iter()
        .filter(|file| {
            code(&read(file))
                .lines()
                .any(|line| line.trim_start().starts_with("#[path"))
        })
        .collect();
    assert!(found.is_empty(), "{found:?}");
    assert!(code("#[path = \"x.rs\"]\nmod x;").contains("#[path"));
}

/// Every function in `text`: its name, the line it starts on (1-based) and its length
/// in lines, from the signature to the closing brace at the signature's indent.
/// Declarations without a body (trait methods) are left out.
fn functions(text: &str) -> Vec<(String, usize, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut found = Vec::new();
    for (start, line) in lines.iter().enumerate() {
        let trimmed = line.trim_start();
        let Some(at) = trimmed.find("fn ") else {
            continue;
        };
        let qualifiers = ["const", "async", "unsafe", "extern", "\"C\""];
        let is_signature = trimmed[..at]
            .split_whitespace()
            .all(|word| word.starts_with("pub") || qualifiers.contains(&word));
        let name: String = trimmed[at + 3..]
            .chars()
            .take_while(|c| c.is_alphanumeric() || *c == '_')
            .collect();
        if !is_signature || name.is_empty() {
            continue;
        }
        // The body opens on the first line with `{`; a `;` first is a declaration.
        let Some(open) = (start..lines.len())
            .find(|&i| lines[i].contains('{') || lines[i].trim_end().ends_with(';'))
        else {
            continue;
        };
        if !lines[open].contains('{') {
            continue;
        }
        let opened = lines[open].matches('{').count();
        let end = if opened == lines[open].matches('}').count() {
            Some(open)
        } else {
            let close = format!("{}}}", &line[..line.len() - trimmed.len()]);
            (open + 1..lines.len()).find(|&i| lines[i] == close)
        };
        if let Some(end) = end {
            found.push((name, start + 1, end - start + 1));
        }
    }
    found
}

/// Functions over 60 lines allowed for now, each with its reason. An entry whose
/// function has come down to 60 lines or less fails the test: take it off.
const LONG_FUNCTIONS: &[(&str, &str, &str)] = &[
    (
        "src/commands/explore.rs",
        "explore",
        "pending split (F/T): explore is being reshaped with the terminal shell",
    ),
    (
        "src/config/file.rs",
        "parse",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/story/graph/author_notes.rs",
        "check_notes",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/story/graph/validate.rs",
        "reference",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/story/load/mod.rs",
        "collect_record_problems",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/story/model/amount/mod.rs",
        "amount_problems",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/story/report/diff_report/json.rs",
        "diff_json",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/story/report/diff_report/mod.rs",
        "diff_markdown",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/story/report/lint_report.rs",
        "render",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/story/search/build.rs",
        "build",
        "pending split (F): the search engine moves to crates/search",
    ),
    (
        "src/story/search/build.rs",
        "from_entries_in_order",
        "pending split (F): the search engine moves to crates/search",
    ),
    (
        "src/story/search/skim.rs",
        "run",
        "pending split (F): the search engine moves to crates/search",
    ),
    (
        "src/story/time/asof.rs",
        "as_of",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/story/time/diff.rs",
        "diff",
        "pending split (F): long functions are split after the layout",
    ),
    (
        "src/synth/names.rs",
        "entity",
        "pending split (F): long functions are split after the layout",
    ),
];

#[test]
fn no_function_is_over_60_lines() {
    let mut problems = Vec::new();
    let mut seen = BTreeSet::new();
    for file in rust_files() {
        for (name, line, length) in functions(&read(&file)) {
            let listed = LONG_FUNCTIONS
                .iter()
                .any(|(f, n, _)| *f == file && *n == name);
            if listed {
                seen.insert((file.clone(), name.clone()));
            }
            if length > 60 && !listed {
                problems.push(format!("{file}:{line}: fn {name} is {length} lines"));
            }
            if length <= 60 && listed {
                problems.push(format!(
                    "{file}:{line}: fn {name} is {length} lines now: take it off LONG_FUNCTIONS"
                ));
            }
        }
    }
    for (file, name, _) in LONG_FUNCTIONS {
        if !seen.contains(&((*file).to_owned(), (*name).to_owned())) {
            problems.push(format!("{file}: no fn {name}: take it off LONG_FUNCTIONS"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn function_lengths_are_measured_from_signature_to_closing_brace() {
    let text = "fn short() {}\n\
                pub(crate) fn two(\n    a: u8,\n) -> u8 {\n    a\n}\n\
                trait T {\n    fn declared(&self);\n    fn given(&self) {\n        x();\n    }\n}\n\
                // fn commented() {\n";
    let found = functions(text);
    assert_eq!(
        found,
        [
            ("short".to_owned(), 1, 1),
            ("two".to_owned(), 2, 5),
            ("given".to_owned(), 9, 3)
        ]
    );
    // A long one is caught: 61 lines from signature to brace.
    let long = format!("fn long() {{\n{}}}\n", "    x();\n".repeat(59));
    assert_eq!(functions(&long), [("long".to_owned(), 1, 61)]);
}
