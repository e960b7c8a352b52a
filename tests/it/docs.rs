//! The documentation tells the truth: the format guide's example is the small fixture
//! and loads, every field and value of the format is documented, and every command
//! shown in the README prints what the README says it prints.

use std::path::Path;
use std::process::Command;

use storyscope::story::load::{load_bytes, load_path};
use storyscope::story::model::{Citation, Relation, Status, StoryFile};

fn read(relative: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(relative))
        .unwrap_or_else(|err| panic!("{relative}: {err}"))
}

/// The fenced blocks of a Markdown text with the given info string, in order.
fn fenced_blocks(markdown: &str, info: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current: Option<String> = None;
    for line in markdown.lines() {
        match current.as_mut() {
            None if line.trim_end() == format!("```{info}") => current = Some(String::new()),
            None => {}
            Some(_) if line.trim_end() == "```" => blocks.extend(current.take()),
            Some(block) => {
                block.push_str(line);
                block.push('\n');
            }
        }
    }
    assert!(current.is_none(), "an unclosed ```{info} block");
    blocks
}

#[test]
fn the_format_guide_example_is_the_small_fixture_and_loads() {
    let guide = read("docs/story-format.md");
    let section = guide
        .split("## A complete example")
        .nth(1)
        .expect("the guide has a complete example");
    let example = fenced_blocks(section, "json")
        .into_iter()
        .next()
        .expect("a ```json block in the example section");
    let story = load_bytes(example.as_bytes(), "docs/story-format.md")
        .expect("the documented example loads");
    assert!(story.file.entities.iter().any(|e| e.name == "阿里巴巴"));

    let fixture = read("tests/fixtures/small.json");
    let documented: serde_json::Value = serde_json::from_str(&example).unwrap();
    let tested: serde_json::Value = serde_json::from_str(&fixture).unwrap();
    assert_eq!(
        documented, tested,
        "docs/story-format.md and tests/fixtures/small.json drifted apart"
    );
    load_path(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json")).unwrap();
}

#[test]
fn the_format_guide_second_example_is_the_boardroom_fixture_and_loads() {
    let guide = read("docs/story-format.md");
    let section = guide
        .split("## A second example")
        .nth(1)
        .expect("the guide has a second example");
    let example = fenced_blocks(section, "json")
        .into_iter()
        .next()
        .expect("a ```json block in the second example");
    load_bytes(example.as_bytes(), "docs/story-format.md").expect("the second example loads");
    let documented: serde_json::Value = serde_json::from_str(&example).unwrap();
    let tested: serde_json::Value =
        serde_json::from_str(&read("tests/fixtures/boardroom.json")).unwrap();
    assert_eq!(
        documented, tested,
        "docs/story-format.md and tests/fixtures/boardroom.json drifted apart"
    );
}

#[test]
fn the_format_guide_snippets_are_valid_parts_of_a_story() {
    let guide = read("docs/story-format.md");
    let blocks = fenced_blocks(&guide, "json");
    assert!(blocks.len() >= 4);
    let relation: Relation = serde_json::from_str(&blocks[0]).expect("the relation snippet");
    assert_eq!(relation.kind.label(), "member of");
    let status: Status = serde_json::from_str(&blocks[1]).expect("the status snippet");
    assert_eq!(status.timing, storyscope::story::model::Timing::Conditional);
    let citation: Citation = serde_json::from_str(&blocks[2]).expect("the citation snippet");
    assert_eq!(citation.para, Some(3));
}

/// Every property name and enum value in the JSON Schema, which is generated from
/// the same types the loader uses.
fn schema_words() -> Vec<String> {
    let schema = serde_json::to_value(schemars::schema_for!(StoryFile)).unwrap();
    let mut words = Vec::new();
    let mut stack = vec![&schema];
    while let Some(node) = stack.pop() {
        match node {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::Object(properties)) = map.get("properties") {
                    words.extend(properties.keys().cloned());
                }
                for key in ["enum", "const", "examples"] {
                    match map.get(key) {
                        Some(serde_json::Value::Array(values)) => words
                            .extend(values.iter().filter_map(|v| v.as_str().map(str::to_owned))),
                        Some(serde_json::Value::String(value)) => words.push(value.clone()),
                        _ => {}
                    }
                }
                stack.extend(map.values());
            }
            serde_json::Value::Array(items) => stack.extend(items),
            _ => {}
        }
    }
    words.sort();
    words.dedup();
    words
}

#[test]
fn every_field_and_value_of_the_format_is_documented() {
    let guide = read("docs/story-format.md");
    let words = schema_words();
    assert!(
        words.len() > 80,
        "the schema walk found only {} names",
        words.len()
    );
    let missing: Vec<&String> = words
        .iter()
        .filter(|word| !guide.contains(&format!("`{word}`")))
        .collect();
    assert!(
        missing.is_empty(),
        "docs/story-format.md does not mention {missing:?}"
    );
}

/// Splits a shell command line on spaces, honouring double quotes (enough for the
/// README's examples, which use no other shell syntax).
fn shell_words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut quoted = false;
    let mut started = false;
    for c in line.chars() {
        match c {
            '"' => {
                quoted = !quoted;
                started = true;
            }
            ' ' if !quoted => {
                if started {
                    words.push(std::mem::take(&mut word));
                    started = false;
                }
            }
            _ => {
                word.push(c);
                started = true;
            }
        }
    }
    assert!(!quoted, "unbalanced quotes in {line:?}");
    if started {
        words.push(word);
    }
    words
}

#[test]
fn the_readme_examples_are_real_output() {
    let readme = read("README.md");
    let mut commands = 0;
    // `console scratch` blocks write files (`storyscope new`): each runs in an empty
    // folder of its own.
    let plain = fenced_blocks(&readme, "console")
        .into_iter()
        .map(|b| (b, false));
    let scratch = fenced_blocks(&readme, "console scratch")
        .into_iter()
        .map(|b| (b, true));
    for (block, in_scratch) in plain.chain(scratch) {
        let folder = in_scratch.then(|| tempfile::tempdir().unwrap());
        // A block holds one or more `$ command` lines, each followed by its output.
        let mut examples: Vec<(String, String)> = Vec::new();
        for line in block.lines() {
            if let Some(command) = line.strip_prefix("$ ") {
                examples.push((command.to_owned(), String::new()));
            } else {
                let (_, output) = examples
                    .last_mut()
                    .expect("a console block starts with `$ `");
                output.push_str(line);
                output.push('\n');
            }
        }
        for (command, expected) in examples {
            let words = shell_words(&command);
            assert_eq!(
                words[0], "storyscope",
                "README examples run storyscope: {command}"
            );
            let cwd = folder
                .as_ref()
                .map_or(Path::new(env!("CARGO_MANIFEST_DIR")), |dir| dir.path());
            let output = Command::new(env!("CARGO_BIN_EXE_storyscope"))
                .args(&words[1..])
                .current_dir(cwd)
                .output()
                .unwrap();
            let mut actual = String::from_utf8(output.stdout).unwrap();
            actual.push_str(&String::from_utf8(output.stderr).unwrap());
            assert!(
                actual == expected,
                "README example `{command}` is out of date; it now prints:\n{actual}\n--- README says:\n{expected}"
            );
            commands += 1;
        }
    }
    assert!(commands >= 5, "only {commands} README examples found");
}

#[test]
fn the_readme_states_the_exit_codes_and_links_the_format_guide() {
    let readme = read("README.md");
    assert!(readme.contains("](docs/story-format.md)"));
    assert!(readme.contains("cargo run --release") && readme.contains("cargo test"));
    for (code, meaning) in [
        ("0", "Success."),
        ("1", "Other failure"),
        ("2", "Bad input"),
    ] {
        assert!(
            readme.contains(&format!("| {code} | {meaning}")),
            "exit code {code}"
        );
    }
    assert!(readme.contains("## The explorer"));
}

/// GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens,
/// repeats numbered `-1`, `-2` ….
fn heading_anchors(markdown: &str) -> Vec<String> {
    let mut anchors: Vec<String> = Vec::new();
    let mut bases: Vec<String> = Vec::new();
    let mut in_fence = false;
    for line in markdown.lines() {
        if line.starts_with("```") {
            in_fence = !in_fence;
        }
        let Some(text) = line.strip_prefix('#').filter(|_| !in_fence) else {
            continue;
        };
        let text = text.trim_start_matches('#').trim();
        let base: String = text
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '_'))
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let repeats = bases.iter().filter(|b| **b == base).count();
        anchors.push(if repeats == 0 {
            base.clone()
        } else {
            format!("{base}-{repeats}")
        });
        bases.push(base);
    }
    anchors
}

#[test]
fn the_format_guide_links_to_its_own_sections() {
    let guide = read("docs/story-format.md");
    let anchors = heading_anchors(&guide);
    let mut rest = guide.as_str();
    let mut links = 0;
    while let Some(start) = rest.find("](#") {
        let after = &rest[start + 3..];
        let end = after.find(')').unwrap();
        let target = &after[..end];
        assert!(
            anchors.iter().any(|a| a == target),
            "link to #{target}, but the headings give {anchors:?}"
        );
        links += 1;
        rest = &after[end..];
    }
    assert!(links >= 10, "only {links} internal links checked");
}

/// Each record table of the guide (`| Field | Type | Required | Meaning |`): its
/// fields, each with whether the guide says it is required.
fn guide_record_tables(guide: &str) -> Vec<Vec<(String, bool)>> {
    let mut tables = Vec::new();
    let mut current: Option<Vec<(String, bool)>> = None;
    for line in guide.lines() {
        if line.starts_with("| Field | Type | Required |") {
            current = Some(Vec::new());
            continue;
        }
        let Some(table) = current.as_mut() else {
            continue;
        };
        if line.starts_with("| ---") {
            continue;
        }
        if !line.starts_with('|') {
            tables.extend(current.take());
            continue;
        }
        // `a` \| `b` is one cell listing values.
        let line = line.replace("\\|", "/");
        let cells: Vec<&str> = line.split('|').map(str::trim).collect();
        let required = cells[3] == "yes";
        for name in cells[1].split(", ") {
            table.push((name.trim_matches('`').to_owned(), required));
        }
    }
    tables.extend(current);
    tables
}

#[test]
fn the_schema_requires_exactly_what_the_guide_requires() {
    let guide = read("docs/story-format.md");
    let schema = serde_json::to_value(schemars::schema_for!(StoryFile)).unwrap();
    let defs = schema["$defs"].as_object().unwrap();
    let tables = guide_record_tables(&guide);
    assert!(tables.len() >= 10, "only {} record tables", tables.len());
    for table in tables {
        let mut fields: Vec<&str> = table.iter().map(|(name, _)| name.as_str()).collect();
        fields.sort_unstable();
        let (name, def) = defs
            .iter()
            .find(|(_, def)| {
                let mut properties: Vec<&str> = def["properties"]
                    .as_object()
                    .map(|p| p.keys().map(String::as_str).collect())
                    .unwrap_or_default();
                properties.sort_unstable();
                properties == fields
            })
            .unwrap_or_else(|| panic!("no schema record has the fields {fields:?}"));
        for (field, required) in &table {
            let in_schema = def["required"]
                .as_array()
                .is_some_and(|list| list.iter().any(|r| r == field.as_str()));
            assert_eq!(
                in_schema, *required,
                "{name}.{field}: the guide says required = {required}"
            );
            if !required {
                let text = def["properties"][field.as_str()].to_string();
                assert!(!text.contains("null"), "{name}.{field} allows null: {text}");
            }
        }
    }
}

#[test]
fn the_guide_s_metric_snippets_load_and_read_as_it_says() {
    let guide = read("docs/story-format.md");
    let section = guide
        .split("## Money, scales, ranges and words")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .expect("the guide has a section on money, ranges and words");
    let shown: Vec<String> = fenced_blocks(section, "json")
        .iter()
        .map(|snippet| {
            let mut metric: serde_json::Value = serde_json::from_str(snippet).unwrap();
            for (key, value) in [
                ("id", serde_json::json!("m")),
                ("subject", serde_json::json!("s")),
                ("label", serde_json::json!("l")),
                ("basis", serde_json::json!("level")),
                ("cite", serde_json::json!([{"source": "src"}])),
            ] {
                metric.as_object_mut().unwrap().entry(key).or_insert(value);
            }
            let metric: storyscope::story::model::Metric =
                serde_json::from_value(metric).expect("a valid metric");
            storyscope::story::query::metric_value_text(&metric)
        })
        .collect();
    assert_eq!(shown, ["about $13 billion", "nearly all staff"]);
    for value in &shown {
        assert!(section.contains(&format!("**{value}**")), "{value}");
    }
}
