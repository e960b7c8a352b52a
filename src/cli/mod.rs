//! Command-line definitions (clap derive): the options every story command shares, the
//! explorer's own options, and the subcommands. Each flag sits only on the commands it
//! applies to; the man page and shell completions come from this same definition.

use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};

use crate::color::ColorChoice;
use crate::completion::COMPLETE_ENV;
use crate::tui::ui::theme::ThemeName;

mod values;
use values::check_names;
pub use values::{ConfigAction, DenyLevel, DiffFormat, OutputFormat, ViewArg};

/// The command line as clap parses and documents it: `Cli`'s definition with its
/// global options spread to the subcommands, and the ones a subcommand refuses hidden
/// from that subcommand's help, man page and completions (`diff` takes `--from` and
/// `--to`, not `--as-of`).
pub fn command() -> clap::Command {
    with_refused_flags_hidden(Cli::command())
}

/// `command` with the globals a subcommand refuses hidden there: the subcommand gets
/// its own hidden copy, which clap then does not propagate over (changing an argument
/// after clap has built the command would leave its lookup table stale).
pub fn with_refused_flags_hidden(command: clap::Command) -> clap::Command {
    let as_of = (command.get_arguments())
        .find(|arg| arg.get_id() == "as_of")
        .cloned()
        .expect("--as-of is defined");
    command.mut_subcommand("diff", |diff| diff.arg(as_of.hide(true)))
}

/// Answers a shell's completion request (`COMPLETE=bash storyscope -- …`) and exits,
/// if this run is one; otherwise returns.
pub fn complete_if_asked() {
    clap_complete::CompleteEnv::with_factory(command)
        .var(COMPLETE_ENV)
        .complete();
}

/// Explore a news story as a graph of sourced facts.
///
/// With no command, opens the explorer on the story (the embedded Apple–Alibaba story
/// unless FILE or --story names another). Exit codes: 0 ok, 2 bad input, 1 other failure.
#[derive(Debug, Parser)]
#[command(
    name = "storyscope",
    version,
    about,
    long_about,
    after_long_help = FILES_AND_ENVIRONMENT
)]
pub struct Cli {
    /// Story file (JSON) to use instead of the embedded story.
    #[arg(long, global = true, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub story: Option<PathBuf>,

    /// Story file to explore: `storyscope story.json` is `storyscope --story story.json`.
    #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath, conflicts_with = "story")]
    pub file: Option<PathBuf>,

    /// Show the story as known on this date (YYYY-MM-DD, or coarser: YYYY-MM, YYYY …, read
    /// as its last day; or as the explorer shows dates: "18 Nov 2023", "Nov 2023",
    /// FY2024): only sources certainly published by then; undated ones left out.
    #[arg(long, global = true, value_name = "DATE")]
    pub as_of: Option<String>,

    /// When to use colour: auto (on a terminal, unless NO_COLOR is set or CLICOLOR=0;
    /// CLICOLOR_FORCE forces it), always, or never.
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,

    /// The explorer's own options (refused with a subcommand).
    #[command(flatten)]
    pub explore: ExploreArgs,

    /// The command to run; none opens the explorer.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The end of `--help` and of the man page.
const FILES_AND_ENVIRONMENT: &str = "\
Files:
  $XDG_CONFIG_HOME/storyscope/config.toml (~/.config/storyscope/config.toml when unset)
      The explorer's keys, theme and defaults; `storyscope config default` prints one.

Environment:
  STORYSCOPE_CONFIG   a config file to read instead (as --config)
  NO_COLOR            when set and not empty, no colour (unless --color always)
  CLICOLOR=0          no colour;  CLICOLOR_FORCE (not 0): colour even into a pipe
  COMPLETE            set by the shell code of `storyscope completions` to ask for
                      completions";

/// Options of the explorer (no subcommand); settings in the config file are their
/// defaults. Given with a subcommand they are refused (`Cli::refuse_misplaced_flags`):
/// clap's own `args_conflicts_with_subcommands` would refuse `--story` and `--as-of`
/// before a subcommand too, which the README's examples use.
#[derive(Debug, Clone, Default, Args)]
#[command(next_help_heading = "Explorer options")]
pub struct ExploreArgs {
    /// Leave the mouse to the terminal (its own text selection keeps working).
    #[arg(long)]
    pub no_mouse: bool,

    /// Do not reload the story file when it changes on disk (default: the config's
    /// watch, else on).
    #[arg(long)]
    pub no_watch: bool,

    /// Folder the explorer's `e` writes exports into (default: the config's
    /// export-dir, else the current folder).
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub export_dir: Option<PathBuf>,

    /// Colour theme for this run (default: the config's theme, else dark).
    #[arg(long, value_enum, value_name = "NAME")]
    pub theme: Option<ThemeName>,

    /// Config file to read instead of the usual one (also: STORYSCOPE_CONFIG); see
    /// `storyscope config path`.
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub config: Option<PathBuf>,
}

impl ExploreArgs {
    /// The explorer flags given, as written on the command line.
    pub fn given(&self) -> Vec<&'static str> {
        let mut given = Vec::new();
        if self.no_mouse {
            given.push("--no-mouse");
        }
        if self.no_watch {
            given.push("--no-watch");
        }
        if self.export_dir.is_some() {
            given.push("--export-dir");
        }
        if self.theme.is_some() {
            given.push("--theme");
        }
        if self.config.is_some() {
            given.push("--config");
        }
        given
    }
}

impl Cli {
    /// `storyscope FILE` names the story as `--story FILE` does. A word that is neither
    /// a file nor a command is a usage error naming the nearest command, as clap's own
    /// "unrecognized subcommand" was before the file could be given bare.
    pub fn take_bare_file(&mut self, command: &mut clap::Command) -> Result<(), clap::Error> {
        let Some(file) = self.file.take() else {
            return Ok(());
        };
        if file.exists() {
            self.story = Some(file);
            return Ok(());
        }
        let word = file.display().to_string();
        let nearest = command
            .get_subcommands()
            .map(|sub| sub.get_name())
            .filter(|name| strsim::jaro_winkler(name, &word) > 0.8)
            .max_by(|a, b| {
                strsim::jaro_winkler(a, &word).total_cmp(&strsim::jaro_winkler(b, &word))
            });
        let hint = match nearest {
            Some(name) => format!(" (did you mean `storyscope {name}`?)"),
            None => " (see --help for the commands)".to_owned(),
        };
        Err(command.error(
            clap::error::ErrorKind::InvalidSubcommand,
            format!("{word:?} is neither a story file nor a command{hint}"),
        ))
    }

    /// Explorer flags belong to the explorer: with a subcommand they are a usage error
    /// (exit 2), not silently ignored.
    /// `subcommand` is the name clap parsed, if any.
    pub fn misplaced_flags_error(
        &self,
        command: &mut clap::Command,
        subcommand: Option<&str>,
    ) -> Option<clap::Error> {
        let name = subcommand?;
        let given = self.explore.given();
        let flag = given.first()?;
        Some(command.error(
            clap::error::ErrorKind::ArgumentConflict,
            format!(
                "{flag} is an option of the explorer (`storyscope` with no command), not of `storyscope {name}`"
            ),
        ))
    }
}

/// A non-interactive command, run by `commands::run_command`.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the story; print counts, or every problem (exit 2).
    Check {
        /// `json`: the problems as JSON objects in Ruff's shape, for editors and CI.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// Look the sources' text files up in this folder, by file name (a source
        /// with no `text` as `<source id>.txt`), instead of beside the story.
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        texts: Option<PathBuf>,
    },
    /// Write a view as Markdown to stdout or a file.
    Export {
        /// Which view to write.
        #[arg(value_enum)]
        view: ViewArg,
        /// Record id: an entity for the `entity` view, any record for `record`.
        #[arg(
            long,
            value_name = "ID",
            required_if_eq_any([("view", "entity"), ("view", "record")]),
            add = crate::completion::record_ids()
        )]
        id: Option<String>,
        /// Only rows involving this entity id.
        #[arg(long, value_name = "ENTITY_ID", add = crate::completion::entity_ids())]
        filter: Option<String>,
        /// Write here (atomically) instead of stdout.
        #[arg(short, long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
        /// Mark rows new or changed since this earlier date (before --as-of, if given).
        #[arg(long, value_name = "DATE")]
        since: Option<String>,
    },
    /// Fuzzy-search every named thing; every word of the query must match.
    ///
    /// A word matches when its letters appear in a name in order ("nadela" finds
    /// Nadella), or when it is within a few typos of a word of the name: a wrong, extra,
    /// missing or swapped letter, one from 5 letters and two from 9 ("tencnet" finds
    /// Tencent). An entity whose own name or alias the query is comes first (spaces
    /// aside: "open ai" names OpenAI); then the best scores, an in-order match before a typo match of equal score. Typo matches
    /// are marked "(typo)", and `"match": "typo"` in --json. Chinese, Japanese and
    /// Korean words match in order only, never by typo.
    Search {
        /// The words to look for.
        query: String,
        /// How many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Print JSON for scripts.
        #[arg(long)]
        json: bool,
    },
    /// Check a story for weak sourcing and loose ends (warnings exit 0, errors 2).
    ///
    /// Facts resting on the same chain of sources are one line; --verbose lists each.
    /// Exit codes: 0 with only warnings, 2 with errors, 1 with warnings under
    /// --deny warnings.
    Lint {
        /// `json`: the findings as JSON objects in Ruff's shape, for editors and CI.
        #[arg(long, value_enum, default_value_t = OutputFormat::Human)]
        format: OutputFormat,
        /// The findings as JSON as they are (`check`, `location`, `message`), as
        /// scripts written before `--format json` read them.
        #[arg(long)]
        json: bool,
        /// List every finding, not one line per group.
        #[arg(long, short)]
        verbose: bool,
        /// Run only these checks (comma-separated).
        #[arg(long, value_name = "CHECK,…", value_delimiter = ',', value_parser = check_names())]
        only: Vec<String>,
        /// Leave these checks out (comma-separated; the names listed under --only).
        #[arg(long, value_name = "CHECK,…", value_delimiter = ',', value_parser = check_names(), hide_possible_values = true)]
        skip: Vec<String>,
        /// `warnings`: fail (exit 1) when there are warnings, as clippy does.
        #[arg(long, value_enum, value_name = "LEVEL")]
        deny: Option<DenyLevel>,
        /// Look the sources' text files up in this folder, by file name (a source
        /// with no `text` as `<source id>.txt`), instead of beside the story.
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        texts: Option<PathBuf>,
    },
    /// Write a starter story to FILE (`-` prints it): one record of every kind.
    ///
    /// Refuses to replace an existing file (exit 2). The story's `$schema` names
    /// storyscope.schema.json beside it, which `new` writes there too unless a file of
    /// that name exists (or --no-schema).
    New {
        /// Where to write the story; `-` for stdout.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Do not write storyscope.schema.json beside the story.
        #[arg(long)]
        no_schema: bool,
    },
    /// What became known between two dates: new sources, facts, statuses, stages,
    /// metrics, disputes and expectations that fell due.
    Diff {
        /// The earlier date (YYYY-MM-DD, or coarser, read as its last day).
        #[arg(long, value_name = "DATE")]
        from: String,
        /// The later date; leave it out to compare with every source, undated ones
        /// included.
        #[arg(long, value_name = "DATE")]
        to: Option<String>,
        /// Markdown for people, JSON for scripts.
        #[arg(long, value_enum, default_value_t = DiffFormat::Md)]
        format: DiffFormat,
    },
    /// Draft a cited story from articles: plain text (headline on the first line),
    /// Markdown with YAML front matter, saved HTML pages, web-page text dumps.
    ///
    /// Every drafted record is marked `drafted` with the rule that wrote it; `lint`
    /// lists them until a person removes the mark. Each article's text is written
    /// beside the story (STORY.texts/ with -o, else ./texts/), numbered so `check`
    /// finds every quote. --outlet, --date, --title and --url given once apply to every
    /// article, given once per article to each in order (`-` keeps the article's own).
    /// Rules and limits: docs/drafting.md.
    Draft {
        /// The articles, in the order their sources are listed.
        #[arg(value_name = "ARTICLE", required = true, value_hint = clap::ValueHint::FilePath)]
        articles: Vec<PathBuf>,
        /// Write the story here instead of stdout (texts go to its stem + `.texts/`).
        #[arg(short, long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        output: Option<PathBuf>,
        /// Add the articles to this story: matched entities gain citations, reviewed
        /// records stay as they are; a summary goes to stderr.
        #[arg(long, value_name = "STORY", value_hint = clap::ValueHint::FilePath)]
        merge: Option<PathBuf>,
        /// The outlet (once for all, or once per article).
        #[arg(long, value_name = "NAME")]
        outlet: Vec<String>,
        /// The publication date, YYYY-MM-DD (once for all, or once per article).
        #[arg(long, value_name = "DATE")]
        date: Vec<String>,
        /// The headline (once for all, or once per article).
        #[arg(long, value_name = "TEXT")]
        title: Vec<String>,
        /// The address (once for all, or once per article).
        #[arg(long, value_name = "URL")]
        url: Vec<String>,
    },
    /// Print the story format's JSON Schema.
    Schema,
    /// Print shell completion code, record ids included: e.g. `source <(storyscope
    /// completions bash)` in ~/.bashrc (it asks storyscope for ids as you type).
    Completions {
        /// The shell to register the completer with.
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `storyscope man | man -l -`; with a command, that
    /// command's page.
    Man {
        /// A command whose own page to print.
        #[arg(value_name = "COMMAND")]
        command: Option<String>,
    },
    /// Where the config file is, and a complete default one.
    Config {
        /// Config file to use instead of the usual one (also: STORYSCOPE_CONFIG).
        #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        config: Option<PathBuf>,
        /// What to print or check.
        #[command(subcommand)]
        action: ConfigAction,
    },
}
