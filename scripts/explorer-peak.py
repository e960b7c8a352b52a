#!/usr/bin/env python3
"""Peak memory of the explorer on a story, several binaries interleaved run by run.

    scripts/explorer-peak.py STORY RUNS BIN [BIN ...]

For each run and binary: start `BIN --story STORY` in a 200x50 pty, wait until the
timeline is on screen and output has been quiet for 2 s, open the search with `/`, wait
until the search box says the index is ready (not "indexing…": it is built in the
background after the first frame), type `tencent` a key at a time, each time waiting
for quiet (a word of 5+ letters builds the typo tier's word index too), check that
results were shown, press Esc and `q`, and read the process's peak resident memory from
the kernel (ru_maxrss of the reaped child). Prints MiB per run, the medians, and each
median as a multiple of the story file's size.
"""
import os
import statistics
import sys
import time

from pty_session import Pty


def peak_mib(binary, story):
    session = Pty([binary, "--story", story, "--no-watch"])
    session.read_until(lambda written: b"Timeline" in written, 600)
    session.quiet(2.0)
    # The search box's title says " Search · indexing… " while the index is built,
    # then " Search: names, aliases, …" (only what changes on screen is written).
    os.write(session.master, b"/")
    if session.read_until(lambda written: b"names, aliases" in written, 600) is None:
        sys.exit(f"{binary}: the search index never came")
    typed_from = len(session.data)
    for key in b"tencent":
        os.write(session.master, bytes([key]))
        session.quiet(1.0)
    # The typo tier's word index is built on the fifth letter: wait for it too.
    session.quiet(3.0)
    if b" result" not in session.data[typed_from:]:
        sys.exit(f"{binary}: no search results on screen")
    for key in (b"\x1b", b"\x1b", b"q"):
        os.write(session.master, key)
        time.sleep(0.2)
    _, _, usage = os.wait4(session.proc.pid, 0)
    session.quiet(0.1, timeout=1)
    session.close()
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
