//! A doorbell for the event loop: the watcher rings it when it sends a reload, and
//! the loop's wait for a key ends at once, so the new story is drawn the moment it is
//! ready rather than at the loop's next tick (up to 200 ms later: a channel cannot wake
//! the terminal's poll, BENCHMARKS.md, issue 23, fourth stop). The wait is one poll on
//! the terminal and the bell together; a window resize rings the bell too, so the
//! wait never hides one. Unix only; elsewhere the loop ticks as before.

use std::io::{self, Read, Write};
use std::os::fd::AsRawFd;
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::time::Duration;

/// The side that rings; cheap to share between threads.
#[derive(Debug)]
pub struct Ringer(UnixStream);

impl Ringer {
    /// Wakes whoever waits on the bell (now or at its next wait). Never blocks: when
    /// the bell is full of rings already, one more adds nothing.
    pub fn ring(&self) {
        let _ = (&self.0).write(&[1]);
    }
}

/// The side that waits: the event loop's.
#[derive(Debug)]
pub struct Doorbell {
    rung: UnixStream,
    ringer: Arc<Ringer>,
    /// SIGWINCH rings the bell for as long as it lives.
    resize: Option<signal_hook::SigId>,
}

impl Doorbell {
    /// A bell nobody has rung yet, rung also by each resize of the window.
    pub fn new() -> io::Result<Doorbell> {
        let (rung, ringing) = UnixStream::pair()?;
        rung.set_nonblocking(true)?;
        ringing.set_nonblocking(true)?;
        let resize = ringing
            .try_clone()
            .and_then(|copy| {
                signal_hook::low_level::pipe::register(signal_hook::consts::SIGWINCH, copy)
            })
            .ok();
        Ok(Doorbell {
            rung,
            ringer: Arc::new(Ringer(ringing)),
            resize,
        })
    }

    /// What rings this bell, for another thread.
    pub fn ringer(&self) -> Arc<Ringer> {
        Arc::clone(&self.ringer)
    }

    /// Waits until `fd` has something to read, the bell rings (or rang since the last
    /// wait), or `timeout` passes; the rings heard are taken. True if it rang.
    pub fn wait(&self, fd: std::os::fd::RawFd, timeout: Duration) -> io::Result<bool> {
        let mut fds = [
            libc::pollfd {
                fd,
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: self.rung.as_raw_fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let millis = libc::c_int::try_from(timeout.as_millis()).unwrap_or(libc::c_int::MAX);
        // SAFETY: `fds` is a valid array of two pollfd for the length of the call.
        let ready = unsafe { libc::poll(fds.as_mut_ptr(), 2, millis) };
        if ready < 0 {
            let err = io::Error::last_os_error();
            // A signal (SIGWINCH among them) ends the wait early: not an error.
            return match err.kind() {
                io::ErrorKind::Interrupted => Ok(false),
                _ => Err(err),
            };
        }
        Ok(self.take_rings())
    }

    /// Empties the bell; true if it had rung.
    fn take_rings(&self) -> bool {
        let mut buffer = [0u8; 64];
        let mut rang = false;
        while let Ok(count @ 1..) = (&self.rung).read(&mut buffer) {
            rang = true;
            if count < buffer.len() {
                break;
            }
        }
        rang
    }
}

impl Drop for Doorbell {
    fn drop(&mut self) {
        if let Some(id) = self.resize.take() {
            signal_hook::low_level::unregister(id);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, Instant};

    use super::Doorbell;

    /// A wait that nothing ends lasts this long: a test that relied on it would hang.
    const LONG: Duration = Duration::from_secs(60);

    /// A descriptor that never has anything to read: the read end of a pipe whose
    /// write end stays open (and silent) for the test.
    fn silent_fd() -> (
        std::os::unix::net::UnixStream,
        std::os::unix::net::UnixStream,
    ) {
        std::os::unix::net::UnixStream::pair().unwrap()
    }

    #[test]
    fn a_ring_from_another_thread_ends_the_wait() {
        let bell = Doorbell::new().unwrap();
        let ringer = bell.ringer();
        let (quiet, _keep) = silent_fd();
        let started = Instant::now();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_millis(50));
            ringer.ring();
        });
        let rang = bell
            .wait(std::os::fd::AsRawFd::as_raw_fd(&quiet), LONG)
            .unwrap();
        assert!(rang, "the wait ended without the ring being heard");
        assert!(
            started.elapsed() < LONG / 2,
            "the ring did not end the wait"
        );
    }

    #[test]
    fn a_ring_before_the_wait_is_not_lost_and_is_heard_once() {
        let bell = Doorbell::new().unwrap();
        let (quiet, _keep) = silent_fd();
        let fd = std::os::fd::AsRawFd::as_raw_fd(&quiet);
        bell.ringer().ring();
        bell.ringer().ring();
        assert!(
            bell.wait(fd, LONG).unwrap(),
            "a ring before the wait was lost"
        );
        assert!(
            !bell.wait(fd, Duration::from_millis(20)).unwrap(),
            "the rings already heard rang again"
        );
    }

    #[test]
    fn input_on_the_terminal_ends_the_wait_without_a_ring() {
        use std::io::Write;
        let bell = Doorbell::new().unwrap();
        let (keys, mut typed) = silent_fd();
        typed.write_all(b"j").unwrap();
        let started = Instant::now();
        let fd = std::os::fd::AsRawFd::as_raw_fd(&keys);
        assert!(!bell.wait(fd, LONG).unwrap(), "no ring, but it said rung");
        assert!(started.elapsed() < LONG / 2, "a key did not end the wait");
    }
}
