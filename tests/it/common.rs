//! Shared helpers for the explorer tests: build an App from a fixture, type key strings,
//! draw onto a TestBackend.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use storyscope::story::model::days_from_civil;
use storyscope::story::{self, Story, load};
use storyscope::tui::app::App;
use storyscope::tui::app::action_for;
use storyscope::tui::input::Action;
use storyscope::tui::ui;
use storyscope::tui::ui::Theme;
use storyscope::tui::update::{Effect, update};

/// A fixed "today" so overdue badges don't depend on when tests run.
pub fn fixed_today() -> i64 {
    days_from_civil(2026, 1, 1)
}

pub fn embedded_story() -> Story {
    story::embedded().expect("the embedded story loads")
}

pub fn fixture(name: &str) -> Story {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name);
    load::load_path(&path).expect("fixture loads")
}

/// An explorer on `story` at `width`×`height`.
pub fn app_with(story: Story, width: u16, height: u16) -> App {
    let mut app = App::new(story, None, fixed_today());
    update(&mut app, Action::Resize(width, height));
    app
}

pub fn app(width: u16, height: u16) -> App {
    app_with(embedded_story(), width, height)
}

/// Parses "jj<Enter>/qwen<Esc><C-c><Tab><S-Tab><BS><Up><Down><PgDn><Home><End>".
pub fn parse_keys(keys: &str) -> Vec<KeyEvent> {
    let mut events = Vec::new();
    let mut rest = keys;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some(end) = rest.find('>') {
                let name = &rest[1..end];
                let event = match name {
                    "Enter" => Some(KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE)),
                    "Esc" => Some(KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE)),
                    "Tab" => Some(KeyEvent::new(KeyCode::Tab, KeyModifiers::NONE)),
                    "S-Tab" => Some(KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT)),
                    "BS" => Some(KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE)),
                    "Up" => Some(KeyEvent::new(KeyCode::Up, KeyModifiers::NONE)),
                    "Down" => Some(KeyEvent::new(KeyCode::Down, KeyModifiers::NONE)),
                    "PgDn" => Some(KeyEvent::new(KeyCode::PageDown, KeyModifiers::NONE)),
                    "PgUp" => Some(KeyEvent::new(KeyCode::PageUp, KeyModifiers::NONE)),
                    "Home" => Some(KeyEvent::new(KeyCode::Home, KeyModifiers::NONE)),
                    "End" => Some(KeyEvent::new(KeyCode::End, KeyModifiers::NONE)),
                    "C-c" => Some(KeyEvent::new(KeyCode::Char('c'), KeyModifiers::CONTROL)),
                    "C-u" => Some(KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL)),
                    "lt" => Some(KeyEvent::new(KeyCode::Char('<'), KeyModifiers::NONE)),
                    "gt" => Some(KeyEvent::new(KeyCode::Char('>'), KeyModifiers::NONE)),
                    _ => None,
                };
                if let Some(event) = event {
                    events.push(event);
                    rest = &rest[end + 1..];
                    continue;
                }
            }
        }
        events.push(KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        rest = &rest[c.len_utf8()..];
    }
    events
}

/// Types `keys` into the app; returns the effects asked for, in order.
pub fn press(app: &mut App, keys: &str) -> Vec<Effect> {
    let mut effects = Vec::new();
    for key in parse_keys(keys) {
        if let Some(action) = action_for(app, &Event::Key(key), true) {
            effects.extend(update(app, action));
        }
    }
    effects
}

/// The screen as text, drawn without colour so snapshots read plainly.
pub fn screen(app: &App) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(app.session.size.0, app.session.size.1))
        .expect("test terminal");
    terminal
        .draw(|frame| ui::draw(frame, app, Theme::no_color()))
        .expect("draw");
    terminal
}

/// The screen's text, one string per row.
pub fn screen_text(app: &App) -> String {
    let terminal = screen(app);
    let buffer = terminal.backend().buffer();
    let mut text = String::new();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            text.push_str(buffer[(x, y)].symbol());
        }
        text.push('\n');
    }
    text
}

/// Runs the built `storyscope` in the repository's root (fixture paths as written in
/// the tests), with no standard input and no colour.
pub fn storyscope_in_repo(args: &[&str]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(std::process::Stdio::null())
        .env("NO_COLOR", "1")
        .output()
        .expect("run storyscope")
}
