"""A program run on a pseudo-terminal of its own (200x50), for the timing and memory
scripts beside this file: what it writes is kept, read a chunk at a time."""
import fcntl
import os
import pty
import select
import struct
import subprocess
import termios
import time


class Pty:
    """A program on a pty of its own; all it writes is kept."""

    def __init__(self, argv, env=None):
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
        full_env = dict(os.environ, TERM="xterm-256color", NO_COLOR="1")
        full_env["XDG_CONFIG_HOME"] = "/tmp/pty-timings-config"
        full_env.update(env or {})
        self.started = time.monotonic()
        self.proc = subprocess.Popen(
            argv, stdin=slave, stdout=slave, stderr=slave, env=full_env,
            start_new_session=True,
        )
        os.close(slave)
        self.data = bytearray()

    def read_until(self, predicate, timeout):
        """Reads until predicate(new bytes) holds; the time it did, or None."""
        start = len(self.data)
        end = time.monotonic() + timeout
        while (left := end - time.monotonic()) > 0:
            # Asleep until the program writes: a poll every few ms would take CPU from
            # the program timed on a 2-core machine.
            ready, _, _ = select.select([self.master], [], [], left)
            if ready:
                if not self.read_chunk():
                    return None
                if predicate(self.data[start:]):
                    return time.monotonic()
        return None

    def read_chunk(self):
        """Appends what the terminal has written (one read); False once it is closed."""
        try:
            chunk = os.read(self.master, 1 << 16)
        except OSError:
            return False
        self.data += chunk
        return bool(chunk)

    def quiet(self, seconds, timeout=60):
        start = time.monotonic()
        last = time.monotonic()
        while time.monotonic() - start < timeout:
            ready, _, _ = select.select([self.master], [], [], 0.01)
            if ready:
                if not self.read_chunk():
                    return
                last = time.monotonic()
            elif time.monotonic() - last > seconds:
                return

    def drain(self):
        """Takes what has been written already, without waiting."""
        while select.select([self.master], [], [], 0)[0]:
            if not self.read_chunk():
                return

    def key(self, byte, echo=None):
        """Sends a key; the time until the screen changes (until `echo` is written,
        when given), in ms. What was written before the key does not count."""
        self.drain()
        sent = time.monotonic()
        os.write(self.master, byte)
        shown = self.read_until(lambda d: echo is None and len(d) > 0 or echo in d, 30)
        return ms(shown, sent)

    def close(self):
        try:
            self.proc.kill()
        except OSError:
            pass
        self.proc.wait()
        os.close(self.master)


def ms(t, t0):
    """Milliseconds from t0 to t; NaN when t never came."""
    return (t - t0) * 1000 if t else float("nan")
