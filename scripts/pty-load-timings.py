#!/usr/bin/env python3
"""Times opening, typing, quitting and reloading in a pseudo-terminal, several
binaries interleaved run by run (issue 23's table in BENCHMARKS.md).

    scripts/pty-load-timings.py STORY RUNS BIN [BIN ...] [--reloads N] [--other CMD]

For each run and storyscope binary, in a 200x50 pty, from the moment the process
starts:
  - first frame: until "storyscope ·" (the title bar) is on screen,
  - panes: until the status bar's "NORMAL" is (the timeline filled),
then at once, with nothing waited for:
  - `/` and the first letter, each timed until the screen changes (the first key
    lands while the search index may still be building),
  - nine more letters a moment apart, the tenth timed the same way,
  - quit: Esc twice and `q`, until the terminal is restored and the process exits.
With --reloads N (and N >= 1), one more run per binary with the file watched: the
story file is replaced N times by a copy (written, synced and renamed over it, as vim
saves by default) whose story title ends in a mark of its own (" AAAAAA", then
" BBBBBB", ...: every letter differs from the last save's, so the screen, drawn as a
diff, writes the whole mark), and each reload is timed from the rename until the frame
of the new story is written: its title (the mark in the title bar) and "reloaded FILE"
on the status line. The resident memory (VmRSS) is
read after the first and after the last, each once the freed memory had 1 s to go back.
The story file is put back as it was at the end.
After each reload, while the explorer idles, one `BIN --story STORY check` is timed
(the whole process), so each reload has a `check` of the same file beside it.

--other CMD (repeatable) times another viewer on the same file in the same pty: the
time until its first screen holds text of the story ("format" or "story"), e.g.
--other jless --other vd. The story's path is appended to CMD.

Prints one line per run and the medians (milliseconds; memory in MiB).
"""
import os
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time

from pty_session import Pty, ms

LEAVE_ALT = b"\x1b[?1049l"


def one_run(binary, story):
    p = Pty([binary, "--no-watch", "--story", story])
    first = p.read_until(lambda d: "storyscope ·".encode() in d, 120)
    # The whole output so far counts: the status bar may be in the same write.
    panes = time.monotonic() if b"NORMAL" in p.data else p.read_until(
        lambda d: b"NORMAL" in d, 120)
    # Each letter is timed until it is written (the search box shows it).
    slash = p.key(b"/")
    letter = p.key(b"a", b"a")
    for c in b"lib aba":
        time.sleep(0.05)
        p.key(bytes([c]), bytes([c]))
    time.sleep(0.05)
    tenth = p.key(b"c", b"c")
    p.quiet(0.5)
    os.write(p.master, b"\x1b")
    p.quiet(0.2)
    os.write(p.master, b"\x1b")
    p.quiet(0.2)
    sent_q = time.monotonic()
    os.write(p.master, b"q")
    restored = p.read_until(lambda d: LEAVE_ALT in d, 30)
    p.proc.wait(timeout=60)
    exited = time.monotonic()
    os.close(p.master)
    return [ms(first, p.started), ms(panes, p.started), slash, letter, tenth,
            ms(restored, sent_q), ms(exited, sent_q)]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def check_ms(binary, story):
    """One `check` of the story, the whole process, in ms."""
    start = time.monotonic()
    subprocess.run([binary, "--story", story, "check"], stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=True)
    return ms(time.monotonic(), start)


def marked(text, mark):
    """The story's text with `mark` at the end of its title (the first "title" in the
    file is the story's: docs/story-format.md puts `story` before the records)."""
    match = re.search(rb'"title"\s*:\s*"', text[:1 << 16])
    end = text.index(b'"', match.end())
    return text[:end] + mark + text[end:]


def reload_run(binary, story, reloads):
    """Reload times (ms), the memory after the first and the last reload, and the
    time of a `check` after each reload."""
    copy, held = story + ".reload-copy", story + ".reload-held"
    if os.path.exists(held):
        os.remove(held)
    with open(story, "rb") as f:
        original = f.read()
    p = Pty([binary, "--story", story])
    p.read_until(lambda d: b"NORMAL" in d, 120)
    p.quiet(1.0)
    times, memory, checks = [], [], []
    name = os.path.basename(story).encode()
    for i in range(reloads):
        # A key clears the last "reloaded" note, so the next one is written anew.
        os.write(p.master, b"j")
        p.quiet(0.3)
        letters = bytes([ord("A") + i % 26]) * 6
        # Saved as vim saves by default: written, synced to disk, renamed over the
        # story. The rename is the saving program's work, and unsynced it was slow:
        # ext4 starts writing back a file renamed over another within the rename, and
        # a trace of the eighth stop's harness (which counted it) had the rename of the
        # 48 MB copy take 19-28 ms; synced first, it takes 0.2 ms.
        with open(copy, "wb") as f:
            f.write(marked(original, b" " + letters))
            f.flush()
            os.fsync(f.fileno())
        # A second name for the file being replaced, so the rename does not free it:
        # freeing a 48 MB file made the rename itself take 12-40 ms on this machine's
        # ext4 (mounted with `discard`). It is let go once the reload is timed.
        os.link(story, held)
        sent = time.monotonic()
        os.rename(copy, story)
        # The new story's frame: its title's mark, and "reloaded PATH" (the screen is
        # written as a diff; after "reloading…", what is sure to be written is the path).
        shown = p.read_until(lambda d: letters in d and name in d, 120)
        times.append(ms(shown, sent))
        os.remove(held)
        p.quiet(1.0)
        if i == 0 or i == reloads - 1:
            memory.append(rss_mib(p.proc.pid))
        checks.append(check_ms(binary, story))
    p.close()
    with open(copy, "wb") as f:
        f.write(original)
    os.rename(copy, story)
    return times, memory, checks


def other_run(command, story):
    p = Pty(shlex.split(command) + [story])
    shown = p.read_until(lambda d: b"format" in d or b"story" in d, 300)
    first = ms(shown, p.started)
    p.close()
    return first


def main():
    args = sys.argv[1:]
    reloads, others = 0, []
    while "--reloads" in args:
        at = args.index("--reloads")
        reloads = int(args[at + 1])
        del args[at:at + 2]
    while "--other" in args:
        at = args.index("--other")
        others.append(args[at + 1])
        del args[at:at + 2]
    story, runs, binaries = args[0], int(args[1]), args[2:]
    results = {b: [] for b in binaries}
    other_results = {o: [] for o in others}
    for run in range(runs):
        for binary in binaries:
            row = one_run(binary, story)
            results[binary].append(row)
            print(f"run {run + 1} {binary}: " + describe(row), flush=True)
        for other in others:
            first = other_run(other, story)
            other_results[other].append(first)
            print(f"run {run + 1} {other}: first screen {first:.1f} ms", flush=True)
    for binary, rows in results.items():
        if not rows:
            continue
        med = [statistics.median(r[i] for r in rows) for i in range(7)]
        print(f"median {binary}: " + describe(med))
    for other, firsts in other_results.items():
        if not firsts:
            continue
        print(f"median {other}: first screen {statistics.median(firsts):.1f} ms")
    if reloads:
        for binary in binaries:
            times, memory, checks = reload_run(binary, story, reloads)
            reload, check = statistics.median(times), statistics.median(checks)
            print(f"reload {binary}: median {reload:.1f} ms of "
                  f"{len(times)} ({', '.join(f'{t:.0f}' for t in times)}); `check` "
                  f"between them: median {check:.1f} ms; reload / check "
                  f"{reload / check:.2f}x; VmRSS after "
                  f"1: {memory[0]:.1f} MiB, after {reloads}: {memory[-1]:.1f} MiB "
                  f"({memory[-1] / memory[0]:.2f}x)", flush=True)


def describe(row):
    return (f"first frame {row[0]:.1f}, panes {row[1]:.1f}, / {row[2]:.1f}, first letter "
            f"{row[3]:.1f}, tenth letter {row[4]:.1f}, terminal back {row[5]:.1f}, "
            f"exited {row[6]:.1f}")


if __name__ == "__main__":
    main()

