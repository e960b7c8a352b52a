#!/usr/bin/env python3
"""Peak memory of the explorer on a story, several binaries interleaved run by run.

    scripts/explorer-peak.py STORY RUNS BIN [BIN ...]

For each run and binary: start `BIN --story STORY` in a 200x50 pty, wait until the
timeline is on screen and output has been quiet for 2 s (the search index, built in
the background after the first frame, is then ready), type `/` and `a` (a search runs),
wait for quiet again, press Esc and `q`, and read the process's peak resident memory
from the kernel (ru_maxrss of the reaped child). Prints MiB per run, the medians, and
each median as a multiple of the story file's size.
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import subprocess
import sys
import termios
import time


def quiet(fd, seconds, timeout=120):
    """Reads until nothing arrives for `seconds`."""
    start = last = time.monotonic()
    while time.monotonic() - start < timeout:
        ready, _, _ = select.select([fd], [], [], 0.02)
        if ready:
            try:
                if not os.read(fd, 1 << 16):
                    return
            except OSError:
                return
            last = time.monotonic()
        elif time.monotonic() - last > seconds:
            return


def wait_for(fd, text, timeout=600):
    """Reads until `text` has appeared in the output (or timeout)."""
    seen = b""
    end = time.monotonic() + timeout
    while time.monotonic() < end and text not in seen:
        ready, _, _ = select.select([fd], [], [], 0.05)
        if ready:
            try:
                chunk = os.read(fd, 1 << 16)
            except OSError:
                return
            if not chunk:
                return
            seen = seen[-len(text):] + chunk


def peak_mib(binary, story):
    primary, secondary = pty.openpty()
    fcntl.ioctl(secondary, termios.TIOCSWINSZ, struct.pack("HHHH", 50, 200, 0, 0))
    env = dict(os.environ, TERM="xterm-256color")
    child = subprocess.Popen(
        [binary, "--story", story, "--no-watch"],
        stdin=secondary, stdout=secondary, stderr=secondary, env=env, close_fds=True,
    )
    os.close(secondary)
    wait_for(primary, b"Timeline")
    quiet(primary, 2.0)
    for key in (b"/", b"a"):
        os.write(primary, key)
        quiet(primary, 1.0)
    for key in (b"\x1b", b"\x1b", b"q"):
        os.write(primary, key)
        time.sleep(0.2)
    _, _, usage = os.wait4(child.pid, 0)
    quiet(primary, 0.1, timeout=1)
    os.close(primary)
    return usage.ru_maxrss / 1024


def main():
    story, runs, binaries = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    size_mib = os.path.getsize(story) / (1 << 20)
    peaks = {binary: [] for binary in binaries}
    for run in range(runs):
        for binary in binaries:
            peak = peak_mib(binary, story)
            peaks[binary].append(peak)
            print(f"run {run + 1} {binary}: {peak:.1f} MiB", flush=True)
    print(f"story file: {size_mib:.1f} MiB")
    for binary, values in peaks.items():
        median = statistics.median(values)
        print(f"{binary}: median peak {median:.1f} MiB, {median / size_mib:.2f}x the file")


if __name__ == "__main__":
    main()
