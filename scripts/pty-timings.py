#!/usr/bin/env python3
"""Times the explorer in a pseudo-terminal, several binaries interleaved run by run.

    scripts/pty-timings.py STORY RUNS BIN [BIN ...]

For each run and binary: start `BIN --story STORY` in a 200x50 pty, wait until the
first frame is drawn and output has been quiet for 0.5 s, then
  - first keys: type `/` (search opens) and then `a`, each timed until the screen
    changes,
  - quit: press Esc twice and `q`, time until the terminal is restored (the alternate
    screen left) and until the process has exited.
Prints one line per run and the medians per binary (milliseconds).
"""
import os
import pty
import select
import statistics
import subprocess
import sys
import time
import fcntl
import struct
import termios

LEAVE_ALT = b"\x1b[?1049l"


def read_until(fd, predicate, timeout):
    """Reads from fd until predicate(data) or timeout; returns (data, time of match)."""
    data = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        ready, _, _ = select.select([fd], [], [], 0.005)
        if ready:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
            if predicate(data):
                return data, time.monotonic()
    return data, None


def quiet(fd, seconds, timeout=30):
    """Reads until nothing arrives for `seconds`."""
    start = time.monotonic()
    last = time.monotonic()
    while time.monotonic() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.01)
        if ready:
            try:
                if not os.read(fd, 1 << 16):
                    return
            except OSError:
                return
            last = time.monotonic()
        elif time.monotonic() - last > seconds:
            return


def one_run(binary, story):
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", NO_COLOR="1")
    env["XDG_CONFIG_HOME"] = "/tmp/pty-timings-config"
    proc = subprocess.Popen(
        [binary, "--no-watch", "--story", story],
        stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True,
    )
    os.close(slave)
    # Nothing is written while the story loads: wait for the first frame itself.
    read_until(master, lambda d: len(d) > 4000, 120)
    quiet(master, 0.5)
    opened_at = time.monotonic()
    os.write(master, b"/")
    _, opened = read_until(master, lambda d: len(d) > 0, 10)
    quiet(master, 0.3)
    sent = time.monotonic()
    os.write(master, b"a")
    _, echoed = read_until(master, lambda d: len(d) > 0, 10)
    quiet(master, 0.5)
    os.write(master, b"\x1b")
    quiet(master, 0.2)
    os.write(master, b"\x1b")
    quiet(master, 0.2)
    sent_q = time.monotonic()
    os.write(master, b"q")
    _, restored = read_until(master, lambda d: LEAVE_ALT in d, 10)
    proc.wait(timeout=30)
    exited = time.monotonic()
    os.close(master)
    ms = lambda t, t0: (t - t0) * 1000 if t else float("nan")
    return ms(opened, opened_at), ms(echoed, sent), ms(restored, sent_q), ms(exited, sent_q)


def main():
    story, runs, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    results = {b: [] for b in binaries}
    for run in range(runs):
        for binary in binaries:
            row = one_run(binary, story)
            results[binary].append(row)
            print(f"run {run + 1} {binary}: " + describe(row), flush=True)
    for binary, rows in results.items():
        med = [statistics.median(r[i] for r in rows) for i in range(4)]
        print(f"median {binary}: " + describe(med))


def describe(row):
    return (f"/ shown {row[0]:.1f} ms, first letter {row[1]:.1f} ms, terminal back "
            f"{row[2]:.1f} ms, exited {row[3]:.1f} ms")


if __name__ == "__main__":
    main()
