//! When the watcher reads: what each kind of event says, and the loop that waits (or
//! not) and reads again after a save that landed during a read.

use std::ffi::OsStr;
use std::path::PathBuf;
use std::sync::mpsc::{Sender, channel};
use std::time::Duration;

use notify::event::{
    AccessKind, AccessMode, CreateKind, DataChange, EventKind, ModifyKind, RemoveKind, RenameMode,
};

use super::{Settle, Signal, run};

/// Long enough that a test which waited for it would hang, not pass.
const FOREVER: Duration = Duration::from_secs(3600);
/// Long enough for a read that needs no wait to have happened on a loaded machine.
const SOON: Duration = Duration::from_secs(10);

fn event(kind: EventKind, paths: &[&str]) -> notify::Event {
    paths.iter().fold(notify::Event::new(kind), |event, path| {
        event.add_path(PathBuf::from("/stories").join(path))
    })
}

fn signal(kind: EventKind, paths: &[&str]) -> Option<Signal> {
    Signal::of(&event(kind, paths), OsStr::new("story.json"))
}

#[test]
fn a_rename_onto_the_file_or_a_close_after_writing_completes_a_save() {
    let to = EventKind::Modify(ModifyKind::Name(RenameMode::To));
    let both = EventKind::Modify(ModifyKind::Name(RenameMode::Both));
    let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
    assert_eq!(signal(to, &["story.json"]), Some(Signal::Complete));
    assert_eq!(
        signal(both, &[".story.json.swp", "story.json"]),
        Some(Signal::Complete)
    );
    assert_eq!(signal(closed, &["story.json"]), Some(Signal::Complete));
}

#[test]
fn bare_writes_creates_removes_and_renames_away_wait_for_quiet() {
    let kinds = [
        (
            EventKind::Modify(ModifyKind::Data(DataChange::Any)),
            vec!["story.json"],
        ),
        (EventKind::Create(CreateKind::File), vec!["story.json"]),
        (EventKind::Remove(RemoveKind::File), vec!["story.json"]),
        (
            EventKind::Modify(ModifyKind::Name(RenameMode::From)),
            vec!["story.json"],
        ),
        (
            EventKind::Modify(ModifyKind::Name(RenameMode::Both)),
            vec!["story.json", "story.json.bak"],
        ),
    ];
    for (kind, paths) in kinds {
        assert_eq!(signal(kind, &paths), Some(Signal::Partial), "{kind:?}");
    }
}

#[test]
fn reads_and_other_files_say_nothing() {
    let opened = EventKind::Access(AccessKind::Open(AccessMode::Any));
    let read_closed = EventKind::Access(AccessKind::Close(AccessMode::Read));
    let written = EventKind::Modify(ModifyKind::Data(DataChange::Any));
    let closed = EventKind::Access(AccessKind::Close(AccessMode::Write));
    let to = EventKind::Modify(ModifyKind::Name(RenameMode::To));
    assert_eq!(signal(opened, &["story.json"]), None);
    assert_eq!(signal(read_closed, &["story.json"]), None);
    assert_eq!(signal(written, &["other.json"]), None);
    assert_eq!(signal(closed, &["story.json.tmp"]), None);
    assert_eq!(signal(to, &["notes.txt"]), None);
}

#[test]
fn the_latest_signal_decides_when_to_read() {
    let start = std::time::Instant::now();
    let mut settle = Settle::new(Duration::from_millis(100));
    assert_eq!(settle.wait(start), None, "nothing to wait for");
    settle.saw(Signal::Partial, start);
    assert!(!settle.take_due(start), "a bare write waits");
    assert_eq!(settle.wait(start), Some(Duration::from_millis(100)));
    settle.saw(Signal::Complete, start);
    assert_eq!(settle.wait(start), Some(Duration::ZERO));
    assert!(settle.take_due(start), "the save is over: read now");
    assert!(!settle.take_due(start), "read once");
    settle.saw(Signal::Complete, start);
    settle.saw(Signal::Partial, start);
    assert!(!settle.take_due(start), "written again after: wait");
}

/// Runs the loop on a thread with `quiet`; each read is reported on the receiver.
fn reader(quiet: Duration) -> (Sender<Signal>, std::sync::mpsc::Receiver<usize>) {
    let (signals, received) = channel();
    let (reads, told) = channel();
    std::thread::spawn(move || {
        let mut count = 0;
        run(&received, quiet, || {
            count += 1;
            let _ = reads.send(count);
        });
    });
    (signals, told)
}

#[test]
fn a_rename_over_the_file_is_read_without_waiting_for_quiet() {
    let (signals, reads) = reader(FOREVER);
    let renamed = event(
        EventKind::Modify(ModifyKind::Name(RenameMode::To)),
        &["story.json"],
    );
    let seen = Signal::of(&renamed, OsStr::new("story.json")).expect("about the story");
    signals.send(seen).unwrap();
    assert_eq!(reads.recv_timeout(SOON), Ok(1), "read at once, no settle");
}

#[test]
fn a_bare_write_is_read_once_the_file_is_quiet() {
    let (signals, reads) = reader(FOREVER);
    signals.send(Signal::Partial).unwrap();
    assert!(
        reads.recv_timeout(Duration::from_millis(300)).is_err(),
        "read before the file was quiet"
    );
    let (signals, reads) = reader(Duration::from_millis(20));
    signals.send(Signal::Partial).unwrap();
    assert_eq!(reads.recv_timeout(SOON), Ok(1));
}

#[test]
fn a_save_during_a_read_is_read_again() {
    let (signals, received) = channel();
    let again = signals.clone();
    let (reads, told) = channel();
    std::thread::spawn(move || {
        let mut count = 0;
        run(&received, FOREVER, || {
            count += 1;
            if count == 1 {
                // The file is saved again while it is being read.
                again.send(Signal::Complete).unwrap();
            }
            reads.send(count).unwrap();
        });
    });
    signals.send(Signal::Complete).unwrap();
    assert_eq!(told.recv_timeout(SOON), Ok(1));
    assert_eq!(told.recv_timeout(SOON), Ok(2), "the second save was read");
}
