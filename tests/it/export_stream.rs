//! `export` writes a view as it makes it: the same bytes as the whole-document export
//! the explorer uses, handed over in bounded pieces, and a failing sink is an error.

use std::io::{self, Write};

use storyscope::story::Story;
use storyscope::story::load::load_bytes;
use storyscope::story::query::Clock;
use storyscope::story::report::{ExportOptions, ExportView, export_markdown, write_markdown};
use storyscope::synth::{SynthOptions, generate_json};

fn generated() -> Story {
    let options = SynthOptions {
        events: 2_000,
        entities: 300,
        seed: 7,
    };
    let json = generate_json(&options);
    load_bytes(json.as_bytes(), "generated").expect("a generated story loads")
}

fn clock() -> Clock {
    Clock {
        reference_day: crate::common::fixed_today(),
    }
}

/// Keeps what it is given and the size of each piece.
#[derive(Default)]
struct Pieces {
    bytes: Vec<u8>,
    sizes: Vec<usize>,
}

impl Write for Pieces {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        self.sizes.push(buf.len());
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn streamed_exports_match_the_whole_document_in_bounded_pieces() {
    let story = generated();
    let options = ExportOptions {
        chart: true,
        ..ExportOptions::default()
    };
    for view in [
        ExportView::Timeline,
        ExportView::Candidates,
        ExportView::Metrics,
        ExportView::Disputes,
        ExportView::Sources,
        ExportView::Entity(0),
        ExportView::Report,
    ] {
        let whole = export_markdown(&story, view, &options, clock());
        let mut pieces = Pieces::default();
        write_markdown(&story, view, &options, clock(), &mut pieces).expect("written");
        assert!(
            pieces.bytes == whole.as_bytes(),
            "{} differs when streamed",
            view.name()
        );
        if view == ExportView::Timeline {
            // 2,000 rows are several hundred KB: handed over in pieces, none large.
            assert!(pieces.sizes.len() > 3, "{:?}", pieces.sizes);
            let largest = pieces.sizes.iter().max().copied().unwrap_or(0);
            assert!(largest < 200 * 1024, "a piece of {largest} bytes");
        }
    }
}

/// Fails every write, as a full disk does.
struct FullDisk;

impl Write for FullDisk {
    fn write(&mut self, _: &[u8]) -> io::Result<usize> {
        Err(io::Error::other("disk full"))
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failing_sink_is_an_error() {
    let story = generated();
    let written = write_markdown(
        &story,
        ExportView::Timeline,
        &ExportOptions::default(),
        clock(),
        &mut FullDisk,
    );
    let err = written.expect_err("the sink failed");
    assert_eq!(err.to_string(), "disk full");
}
