//! The one place the explorer narrows the story to a date. A date the story cannot be
//! narrowed to (a bug in the narrowing) is reported on the status line; the explorer
//! never shows the whole story under a date.

use crate::story::Story;
use crate::story::model::date::{DateSpec, DayNumber};

use crate::tui::app::App;

impl App {
    /// The whole story as known on `day`; None, with the reason on the status line, when
    /// it cannot be narrowed to that day.
    pub(crate) fn narrowed_to(&mut self, day: DayNumber) -> Option<Story> {
        match self.full.as_of(day) {
            Ok(story) => Some(story),
            Err(err) => {
                self.error(err.to_string());
                None
            }
        }
    }

    /// Shows the story as of `as_of` (every source when None); true when it does. When
    /// the story cannot be narrowed to the date, that is reported and nothing else
    /// changes: the story shown and the date in the title bar still agree.
    pub(crate) fn show_as_of(&mut self, as_of: Option<DateSpec>) -> bool {
        let story = match as_of {
            Some(date) => self.narrowed_to(date.latest()),
            None => Some(self.full.clone()),
        };
        match story {
            Some(story) => {
                self.story = story;
                self.as_of = as_of;
                true
            }
            None => false,
        }
    }

    /// As `show_as_of`, for opening and reloading, where no narrowing is shown yet to
    /// stay on: a date that cannot be honoured leaves every source shown with no date in
    /// the title bar, and the reason on the status line.
    pub(crate) fn show_as_of_or_every_source(&mut self, as_of: Option<DateSpec>) {
        if !self.show_as_of(as_of) {
            self.show_as_of(None);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::story::model::date::DateSpec;
    use crate::tui::app::MessageKind;
    use crate::tui::update::reload::{self, Reload};

    const TODAY: DayNumber = 20_300;

    /// The shipped story and one of people rather than companies.
    fn stories() -> Vec<Story> {
        let board = include_str!("../../../tests/fixtures/board_rehire.json");
        vec![
            crate::story::embedded().unwrap(),
            crate::story::load::load_bytes(board.as_bytes(), "board_rehire.json").unwrap(),
        ]
    }

    /// `good` with one event listed twice, so narrowing it to any date from the first
    /// one that knows an event fails (two records with one id), as a bug in the
    /// narrowing would: the whole story still draws.
    fn unnarrowable(good: &Story) -> Story {
        let days = days(good);
        let early = days
            .iter()
            .find_map(|&day| {
                let story = good.as_of(day).unwrap();
                story.file.events.first().map(|e| e.id.clone())
            })
            .expect("an event known at some date");
        let mut bad = good.clone();
        let file = Arc::make_mut(&mut bad.file);
        let event = file.events.iter().find(|e| e.id == early).unwrap().clone();
        file.events.push(event);
        for &day in &days {
            if good
                .as_of(day)
                .unwrap()
                .file
                .events
                .iter()
                .any(|e| e.id == early)
            {
                assert!(bad.as_of(day).is_err(), "narrowing to {day} must fail");
            }
        }
        bad
    }

    fn days(story: &Story) -> Vec<DayNumber> {
        let days = story.publication_days();
        assert!(days.len() >= 2, "{}: two publication dates", story.origin);
        days
    }

    fn last_date(story: &Story) -> DateSpec {
        DateSpec::from_day_number(*days(story).last().unwrap())
    }

    fn reported(app: &App) -> bool {
        matches!(&app.session.message, Some((text, MessageKind::Error)) if text.contains("could not be built"))
    }

    #[test]
    fn opening_on_a_date_that_cannot_be_honoured_shows_every_source_and_says_why() {
        for good in stories() {
            let bad = unnarrowable(&good);
            let app = App::new(bad.clone(), Some(last_date(&good)), TODAY);
            assert_eq!(
                app.as_of, None,
                "{}: no date over the whole story",
                good.origin
            );
            assert_eq!(app.story.file.events.len(), bad.file.events.len());
            assert!(reported(&app), "{}: {:?}", good.origin, app.session.message);
        }
    }

    #[test]
    fn a_step_to_a_date_that_cannot_be_honoured_stays_put_and_says_why() {
        for good in stories() {
            let bad = unnarrowable(&good);
            let mut app = App::new(bad.clone(), None, TODAY);
            app.step_as_of(false);
            assert_eq!(app.as_of, None, "{}", good.origin);
            assert_eq!(app.story.file.events.len(), bad.file.events.len());
            assert!(reported(&app), "{}: {:?}", good.origin, app.session.message);
        }
    }

    #[test]
    fn a_reload_that_cannot_keep_the_date_drops_it_and_says_why() {
        for good in stories() {
            let date = last_date(&good);
            let mut app = App::new(good.clone(), Some(date), TODAY);
            assert_eq!(app.as_of, Some(date));
            let bad = unnarrowable(&good);
            reload::apply(&mut app, Reload::Loaded(Box::new(bad.clone())));
            assert_eq!(app.as_of, None, "{}", good.origin);
            assert_eq!(app.story.file.events.len(), bad.file.events.len());
            assert!(reported(&app), "{}: {:?}", good.origin, app.session.message);
        }
    }

    #[test]
    fn marks_that_cannot_be_computed_are_dropped_and_reported() {
        for good in stories() {
            let mut app = App::new(good.clone(), Some(last_date(&good)), TODAY);
            assert!(app.new_since.is_some(), "{}", good.origin);
            app.full = unnarrowable(&good);
            app.refresh_new_since();
            assert!(app.new_since.is_none(), "{}", good.origin);
            assert!(reported(&app), "{}: {:?}", good.origin, app.session.message);
        }
    }
}
