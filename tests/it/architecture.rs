//! The shape of `src/`: no module depends on itself through others, and no file grows
//! past what one reader can hold.
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

/// The graph with each module folded into its top-level module (`tui::app` → `tui`),
/// unit-test files (`tests`, `*_tests`, `tests_*`) left out.
fn top_level(graph: &BTreeMap<String, BTreeSet<String>>) -> BTreeMap<String, BTreeSet<String>> {
    let is_test = |module: &str| {
        let last = module.rsplit("::").next().unwrap_or(module);
        last == "tests" || last.ends_with("_tests") || last.starts_with("tests_")
    };
    let top = |module: &str| module.split("::").next().unwrap_or(module).to_owned();
    let mut folded: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, deps) in graph {
        if is_test(module) || module.is_empty() {
            continue;
        }
        let entry = folded.entry(top(module)).or_default();
        entry.extend(
            deps.iter()
                .filter(|dep| !dep.is_empty() && top(dep) != top(module))
                .map(|dep| top(dep)),
        );
    }
    folded
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
    // The shape that was there before `explore` moved out of the terminal shell.
    let mut planted = read_src();
    planted
        .get_mut("tui::shell::watch")
        .unwrap()
        .insert_str(0, "use crate::config::Settings;\n");
    assert!(
        !cycles(&top_level(&dependencies(&planted))).is_empty(),
        "a planted tui → config edge closes tui → config → tui"
    );
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
#[test]
fn no_file_in_src_is_over_500_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut long = Vec::new();
    let mut stack = vec![root];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let lines = std::fs::read_to_string(&path).unwrap().lines().count();
                if lines > 500 {
                    long.push(format!("{} ({lines} lines)", path.display()));
                }
            }
        }
    }
    assert!(long.is_empty(), "{long:?}");
}

/// The length of `fn name` in `file` (from its signature to its closing brace).
fn function_lines(file: &str, name: &str) -> usize {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(path).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let start = lines
        .iter()
        .position(|line| line.contains(&format!("fn {name}(")))
        .unwrap_or_else(|| panic!("no fn {name} in {file}"));
    let indent = lines[start].len() - lines[start].trim_start().len();
    let close = format!("{}}}", " ".repeat(indent));
    let end = lines[start..]
        .iter()
        .position(|line| *line == close)
        .unwrap_or_else(|| panic!("fn {name} in {file} does not end"));
    end + 1
}

#[test]
fn the_long_functions_stay_broken_up() {
    for (file, name) in [
        ("src/story/graph/validate.rs", "check_all"),
        ("src/story/report/document/build/mod.rs", "build"),
        ("src/tui/update/mod.rs", "apply"),
        ("src/story/lint/mod.rs", "lint"),
        ("src/story/search/mod.rs", "search_until"),
        ("src/story/search/mod.rs", "search_tiers"),
        ("src/story/search/in_order.rs", "in_order_tier"),
        ("src/story/search/in_order.rs", "scan_on_cores"),
    ] {
        let lines = function_lines(file, name);
        assert!(lines < 70, "{file}: fn {name} is {lines} lines");
        assert!(lines > 3, "{file}: fn {name} was not measured ({lines})");
    }
}
