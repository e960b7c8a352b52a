//! A terminal that goes away without a SIGHUP (it was not the explorer's controlling
//! terminal, as under some harnesses and `setsid` launches): crossterm then retries the
//! dead tty for ever, so the explorer must notice the hang-up itself and exit instead
//! of spinning at full CPU.

use std::os::fd::{FromRawFd, OwnedFd};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use super::tempdir;

/// A pseudo-terminal's two ends, 100×30.
fn open_pty() -> (OwnedFd, OwnedFd) {
    let (mut master, mut slave) = (0, 0);
    let size = libc::winsize {
        ws_row: 30,
        ws_col: 100,
        ws_xpixel: 0,
        ws_ypixel: 0,
    };
    // SAFETY: two out-parameters and a winsize on the stack; no name buffer, no termios.
    let done = unsafe {
        libc::openpty(
            &mut master,
            &mut slave,
            std::ptr::null_mut(),
            std::ptr::null(),
            &size,
        )
    };
    assert_eq!(done, 0, "openpty: {}", std::io::Error::last_os_error());
    // The child must not inherit the terminal's end, or it would keep it open itself.
    // SAFETY: a descriptor openpty just returned.
    unsafe { libc::fcntl(master, libc::F_SETFD, libc::FD_CLOEXEC) };
    // SAFETY: openpty returned two open descriptors that nothing else owns.
    unsafe { (OwnedFd::from_raw_fd(master), OwnedFd::from_raw_fd(slave)) }
}

#[test]
fn a_terminal_gone_without_a_sighup_ends_the_explorer() {
    let dir = tempdir();
    let (master, slave) = open_pty();
    let story = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/small.json");
    let mut child = Command::new(env!("CARGO_BIN_EXE_storyscope"))
        .args(["--no-watch", "--story"])
        .arg(story)
        .env("TERM", "xterm-256color")
        .env("XDG_CONFIG_HOME", dir.path())
        .env_remove("STORYSCOPE_CONFIG")
        .stdin(Stdio::from(slave.try_clone().unwrap()))
        .stdout(Stdio::from(slave.try_clone().unwrap()))
        .stderr(Stdio::from(slave))
        .spawn()
        .unwrap();
    // Let it draw (reading what it writes, so it never blocks on a full pty), then
    // close the terminal's end.
    let started = Instant::now();
    let mut buffer = [0u8; 65536];
    let reader = std::fs::File::from(master);
    // SAFETY: a valid descriptor; O_NONBLOCK only changes how reads wait.
    unsafe {
        use std::os::fd::AsRawFd;
        libc::fcntl(reader.as_raw_fd(), libc::F_SETFL, libc::O_NONBLOCK);
    }
    while started.elapsed() < Duration::from_millis(1500) {
        let _ = std::io::Read::read(&mut &reader, &mut buffer);
        std::thread::sleep(Duration::from_millis(20));
    }
    drop(reader);
    let closed = Instant::now();
    while closed.elapsed() < Duration::from_secs(10) {
        if let Some(status) = child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(129), "ends as a hang-up does");
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
    panic!("still running 10 s after its terminal went away");
}
