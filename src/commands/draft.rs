//! `storyscope draft ARTICLE… [-o story.json] [--merge story.json]`: reads the articles,
//! drafts a cited story (crate::draft), writes each article's text beside the story
//! and the story to the output file or stdout. With --merge, the draft is merged into
//! the given story and a summary of what was added goes to stderr.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

use crate::bad_input::BadInput;
use crate::draft::input::{Article, read_article};
use crate::draft::merge::merge;
use crate::draft::write::story_json;
use crate::draft::{Draft, draft};
use crate::story::model::date::DateSpec;

/// What `draft` was asked to do.
pub(crate) struct DraftArgs<'a> {
    pub(crate) articles: &'a [PathBuf],
    pub(crate) output: Option<&'a Path>,
    pub(crate) merge: Option<&'a Path>,
    pub(crate) outlet: &'a [String],
    pub(crate) date: &'a [String],
    pub(crate) title: &'a [String],
    pub(crate) url: &'a [String],
}

/// Runs `storyscope draft` as parsed by clap (any other command: exit 1, unreachable
/// from `run_command`, which only hands `Draft` here).
pub(crate) fn run_draft_command(command: &crate::cli::Command) -> Result<i32> {
    let crate::cli::Command::Draft {
        articles,
        output,
        merge,
        outlet,
        date,
        title,
        url,
    } = command
    else {
        return Ok(1);
    };
    run_draft(&DraftArgs {
        articles,
        output: output.as_deref(),
        merge: merge.as_deref(),
        outlet,
        date,
        title,
        url,
    })
}

/// Runs `draft`; exit code 0, or a BadInput (exit 2) naming every article that could
/// not be read.
pub(crate) fn run_draft(args: &DraftArgs) -> Result<i32> {
    let mut articles = Vec::new();
    let mut problems = Vec::new();
    for path in args.articles {
        let name = path.display().to_string();
        match std::fs::read(path) {
            Ok(bytes) if bytes.iter().all(u8::is_ascii_whitespace) => {
                problems.push(format!("{name}: the file is empty (nothing to draft from)"));
            }
            Ok(bytes) => match read_article(&name, &bytes) {
                Ok(article) => articles.push(article),
                Err(problem) => problems.push(problem),
            },
            Err(err) => problems.push(format!("{name}: {err}")),
        }
    }
    if !problems.is_empty() {
        return Err(BadInput(format!(
            "draft: nothing written:\n  {}",
            clean(&problems.join("\n  "))
        ))
        .into());
    }
    apply_overrides(&mut articles, args)?;
    let (story_dir, text_dir) = match args.output {
        Some(out) => {
            let stem = out
                .file_stem()
                .map_or("story".into(), |s| s.to_string_lossy().into_owned());
            (
                out.parent().map(Path::to_path_buf).unwrap_or_default(),
                format!("{stem}.texts"),
            )
        }
        None => (PathBuf::new(), "texts".to_owned()),
    };
    let drafted = match args.merge {
        Some(path) => {
            let existing = read_story(path)?;
            let (drafted, summary) = merge(existing, &articles, &text_dir);
            for line in &summary.lines {
                eprintln!("storyscope: draft --merge: {}", clean(line));
            }
            drafted
        }
        None => draft(&articles, &text_dir, Vec::new()),
    };
    write_out(&drafted, args.output, &story_dir.join(&text_dir))?;
    Ok(0)
}

fn read_story(path: &Path) -> Result<crate::story::model::StoryFile> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| BadInput(format!("--merge {}: {e}", path.display())))?;
    serde_json::from_str(&text).map_err(|e| {
        BadInput(format!(
            "--merge {}: not a story file ({e}); `storyscope --story {} check` says more",
            path.display(),
            path.display()
        ))
        .into()
    })
}

fn write_out(drafted: &Draft, output: Option<&Path>, text_dir: &Path) -> Result<()> {
    std::fs::create_dir_all(text_dir)
        .with_context(|| format!("creating {}", text_dir.display()))?;
    for (id, text) in &drafted.texts {
        let path = text_dir.join(format!("{id}.txt"));
        crate::fsutil::write_atomic(&path, text.as_bytes())
            .with_context(|| format!("writing {}", path.display()))?;
    }
    let json = story_json(&drafted.story);
    match output {
        Some(out) => crate::fsutil::write_atomic(out, json.as_bytes())
            .with_context(|| format!("writing {}", out.display()))?,
        None => super::output::write_stdout(json.as_bytes())?,
    }
    Ok(())
}

/// Applies --outlet, --date, --title and --url: a flag given once applies to every
/// article; given once per article, the nth to the nth (`-` keeps that article's own).
fn apply_overrides(articles: &mut [Article], args: &DraftArgs) -> Result<()> {
    let flags: [(&str, &[String]); 4] = [
        ("--outlet", args.outlet),
        ("--date", args.date),
        ("--title", args.title),
        ("--url", args.url),
    ];
    for (flag, values) in flags {
        let per_article: Vec<Option<&String>> = match values.len() {
            0 => continue,
            1 => vec![values.first(); articles.len()],
            n if n == articles.len() => values.iter().map(Some).collect(),
            n => {
                return Err(BadInput(format!(
                    "{flag} was given {n} times for {} articles: give it once (for every article) or once per article, in order (`-` keeps an article's own)",
                    articles.len()
                ))
                .into());
            }
        };
        for (article, value) in articles.iter_mut().zip(per_article) {
            let Some(value) = value.filter(|v| v.as_str() != "-") else {
                continue;
            };
            match flag {
                "--outlet" => article.outlet = Some(value.clone()),
                "--title" => article.title = value.clone(),
                "--url" => article.url = Some(value.clone()),
                _ => {
                    DateSpec::parse(value).map_err(|e| BadInput(format!("--date {value}: {e}")))?;
                    article.published = Some(value.clone());
                }
            }
        }
    }
    Ok(())
}

/// Article text never reaches the terminal raw.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect()
}
