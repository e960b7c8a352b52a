#!/usr/bin/env python3
"""Rebuild the shipped story's article text files from the seed articles.

The shipped story (assets/story.json) cites two articles by paragraph. storyscope
ships no article text, so to check those citations against the articles this script
writes one text file per article, named `<source id>.txt`, into a folder OUTSIDE the
product (a temporary folder by default), laid out by the paragraph rule of
docs/story-format.md: every non-blank line is a paragraph, and site furniture (the
banner, the headline and its repeat, the share bar, promos, the date and view-count
line, related links, the reprint notice) is kept as `#` lines so it is not counted.

    python3 scripts/seed-texts.py [--seeds ../shared/seeds] [--out DIR]
    storyscope check --texts DIR
    storyscope lint --texts DIR --only unsupported-citation,origin-mismatch,unmarked-inference

It prints the folder it wrote. The text files must never be committed.
"""

import argparse
import os
import re
import sys
import tempfile

# Which seed is which source: a phrase only that article's page carries.
SOURCES = [
    ("mi-2025-02-12", "MARKETING-INTERACTIVE has reached out"),
    ("reprint-2025-02-13", "Solemnly declare"),
]

# Lines that are furniture wherever they stand.
FURNITURE = [
    re.compile(r"^share on$", re.I),
    re.compile(r"^Don't miss:", re.I),
    re.compile(r"^Content 360\b"),
    re.compile(r"^\d\d/\d\d \d{4} \d+$"),  # date and view count
    re.compile(r"^Solemnly declare:"),
]

# From this line to the end, the page's related links.
TAIL = re.compile(r"^Related articles:?$", re.I)


def layout(text):
    """The seed's lines with furniture marked `#`, blank lines dropped."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    seen = {}
    for line in lines:
        seen[line] = seen.get(line, 0) + 1
    out = []
    in_tail = False
    for i, line in enumerate(lines):
        in_tail = in_tail or bool(TAIL.match(line))
        headline = seen[line] > 1 or (i == 0 and not any(p.match(line) for p in FURNITURE))
        furniture = in_tail or headline or any(p.match(line) for p in FURNITURE)
        if furniture:
            out.append("# " + line)
        elif line.startswith("#"):
            out.append("\\" + line)
        else:
            out.append(line)
    return "\n".join(out) + "\n"


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", default=os.path.join(here, "..", "..", "shared", "seeds"))
    parser.add_argument("--out", help="folder to write into (default: a new temporary one)")
    args = parser.parse_args()
    if not os.path.isdir(args.seeds):
        sys.exit(f"seed-texts: no seeds folder at {args.seeds}")
    out = args.out or tempfile.mkdtemp(prefix="storyscope-texts-")
    os.makedirs(out, exist_ok=True)
    written = 0
    for name in sorted(os.listdir(args.seeds)):
        with open(os.path.join(args.seeds, name), encoding="utf-8") as f:
            text = f.read()
        for source_id, mark in SOURCES:
            if mark in text:
                with open(os.path.join(out, source_id + ".txt"), "w", encoding="utf-8") as f:
                    f.write(layout(text))
                written += 1
    if written != len(SOURCES):
        sys.exit(f"seed-texts: found {written} of {len(SOURCES)} articles in {args.seeds}")
    print(out)


if __name__ == "__main__":
    main()
