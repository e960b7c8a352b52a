//! Drawing: one full frame at 200×50 on ratatui's TestBackend with the biggest story,
//! at the top of the timeline, at its end, and with the search overlay open.

use ratatui::Terminal;
use ratatui::backend::TestBackend;
use storyscope::story::Story;
use storyscope::tui::app::App;
use storyscope::tui::input::Action;
use storyscope::tui::ui;
use storyscope::tui::ui::Theme;
use storyscope::tui::update::update;

use crate::stats::{Table, ms, repeat, time};

const FRAMES: usize = 60;

pub fn bench_frame(table: &mut Table, label: &str, story: Story) {
    let theme = Theme::from_env();
    let (setup, mut app) = time(|| App::new(story, None, storyscope::commands::today()));
    table.row(
        format!("Explorer state for {label} (`App::new`: every pane's rows, search index)"),
        format!("{:.0} ms", ms(setup)),
        "",
        "",
        None,
    );
    update(&mut app, Action::Resize(200, 50));
    let mut terminal = Terminal::new(TestBackend::new(200, 50)).expect("test terminal");
    let mut draw = |app: &App| {
        repeat(FRAMES, || {
            terminal
                .draw(|frame| ui::draw(frame, app, theme))
                .map(|_| ())
                .expect("draws")
        })
    };
    let mut frames = Vec::new();
    frames.push(("top of the timeline", draw(&app)));
    update(&mut app, Action::Bottom);
    frames.push(("end of the timeline", draw(&app)));
    update(&mut app, Action::OpenSearch);
    for c in "qwen".chars() {
        update(&mut app, Action::SearchInput(c));
    }
    frames.push(("search overlay, 200 hits", draw(&app)));
    for (state, sample) in frames {
        table.row(
            format!("One frame at 200×50, {label}, {state}, median / p95 of {FRAMES}"),
            format!("{:.2} / {:.2} ms", ms(sample.median()), ms(sample.p95())),
            "",
            "< 2 ms",
            Some(ms(sample.p95()) < 2.0),
        );
    }
}
