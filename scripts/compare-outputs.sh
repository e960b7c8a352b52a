#!/usr/bin/env bash
# Runs two storyscope binaries over every fixture and every subcommand and prints where
# their stdout, stderr or exit code differ; prints nothing when the outputs are identical.
#
#   scripts/compare-outputs.sh OLD_BIN NEW_BIN
#   COMPARE_QUICK=1 scripts/compare-outputs.sh OLD_BIN NEW_BIN   # embedded story only
#
# Used to show that a change meant to keep behaviour (a refactor) kept it byte for byte.
# Every story in tests/fixtures (valid or not) and the embedded story is run through
# check, lint (human, --format json, --json, --verbose), export of each view (with and
# without --as-of, to stdout and to a file), search (several queries, --json), diff
# between two dates (Markdown and JSON), schema, new, completions, man, config and the
# --help of each subcommand. Ids, dates and search words come from each story itself.
set -u

if [ $# -ne 2 ]; then
    echo "usage: $0 OLD_BIN NEW_BIN" >&2
    exit 64
fi
old_bin=$(realpath "$1")
new_bin=$(realpath "$2")
repo=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The environment both runs see: no colour decisions from the caller's terminal, no
# user config, a fixed config folder.
export NO_COLOR=1
unset CLICOLOR CLICOLOR_FORCE STORYSCOPE_CONFIG COMPLETE
export XDG_CONFIG_HOME="$work/config-home"
export HOME="$work/home"
mkdir -p "$XDG_CONFIG_HOME" "$HOME"

differences=0

# run_both NAME ARGS... : runs ARGS under each binary in the same fresh folder (so paths
# printed and files written match), then compares stdout, stderr, exit code and any
# files written.
run_both() {
    local name=$1
    shift
    local side bin
    for side in old new; do
        if [ "$side" = old ]; then bin=$old_bin; else bin=$new_bin; fi
        rm -rf "$work/run"
        mkdir -p "$work/run" "$work/$side"
        # A file already there, for commands that must refuse to replace one.
        if [ -n "${existing_file:-}" ]; then
            echo '{}' >"$work/run/$existing_file"
        fi
        # The binary is reached through a link named `storyscope`, so clap's usage
        # lines name the same program whatever the file is called.
        ln -sf "$bin" "$work/$side/storyscope"
        (cd "$work/run" && "$work/$side/storyscope" "$@" >"$work/$side.out" 2>"$work/$side.err" </dev/null)
        echo "$?" >"$work/$side.code"
        (cd "$work/run" && find . -type f -print0 | sort -z | xargs -0 -r sha256sum) >"$work/$side.files"
    done
    local part
    for part in out err code files; do
        if ! cmp -s "$work/old.$part" "$work/new.$part"; then
            differences=$((differences + 1))
            echo "=== $name: $part differs (storyscope $*)"
            diff "$work/old.$part" "$work/new.$part" | head -20
        fi
    done
}

# story_facts FILE : prints four lines: an entity id, record ids (one per list, space
# separated), a date in the middle of the sources, the earliest source date, and two
# search words (from the first names), all empty when the file does not parse.
story_facts() {
    python3 - "$1" <<'PY'
import json, sys
try:
    story = json.load(open(sys.argv[1], encoding="utf-8"))
    assert isinstance(story, dict)
except Exception:
    print("\n\n\n\n")
    sys.exit(0)
def ids(name):
    items = story.get(name) or []
    return [i["id"] for i in items if isinstance(i, dict) and isinstance(i.get("id"), str)]
entity = (ids("entities") or [""])[0]
records = [ids(n)[0] for n in ("sources", "entities", "relations", "events", "candidates", "metrics", "disputes") if ids(n)]
dates = sorted(s["published"] for s in story.get("sources") or []
               if isinstance(s, dict) and isinstance(s.get("published"), str))
middle = dates[len(dates) // 2] if dates else ""
first = dates[0] if dates else ""
words = []
for e in story.get("entities") or []:
    if isinstance(e, dict) and isinstance(e.get("name"), str):
        words.extend(e["name"].split()[:1])
print(entity)
print(" ".join(records))
print(middle)
print(first)
print(" ".join(words[:3]))
PY
}

views="timeline candidates metrics disputes sources report"

compare_story() {
    local label=$1
    shift
    # $@: the --story argument, or nothing for the embedded story.
    local story_args=("$@")
    local facts entity records middle first words
    if [ ${#story_args[@]} -eq 0 ]; then
        facts=$(story_facts "$repo/assets/story.json")
    else
        facts=$(story_facts "${story_args[1]}")
    fi
    entity=$(sed -n 1p <<<"$facts")
    records=$(sed -n 2p <<<"$facts")
    middle=$(sed -n 3p <<<"$facts")
    first=$(sed -n 4p <<<"$facts")
    words=$(sed -n 5p <<<"$facts")

    run_both "$label check" "${story_args[@]}" check
    run_both "$label check json" "${story_args[@]}" check --format json
    run_both "$label lint" "${story_args[@]}" lint
    run_both "$label lint verbose" "${story_args[@]}" lint --verbose
    run_both "$label lint format json" "${story_args[@]}" lint --format json
    run_both "$label lint json" "${story_args[@]}" lint --json
    run_both "$label lint deny" "${story_args[@]}" lint --deny warnings
    local view
    for view in $views; do
        run_both "$label export $view" "${story_args[@]}" export "$view"
        run_both "$label export $view to file" "${story_args[@]}" export "$view" --output out.md
        if [ -n "$middle" ]; then
            run_both "$label export $view as of $middle" "${story_args[@]}" --as-of "$middle" export "$view"
        fi
        if [ -n "$entity" ]; then
            run_both "$label export $view filter" "${story_args[@]}" export "$view" --filter "$entity"
        fi
    done
    run_both "$label export entity (no id)" "${story_args[@]}" export entity
    run_both "$label export record unknown" "${story_args[@]}" export record --id no-such-id
    if [ -n "$entity" ]; then
        run_both "$label export entity $entity" "${story_args[@]}" export entity --id "$entity"
    fi
    local id
    for id in $records; do
        run_both "$label export record $id" "${story_args[@]}" export record --id "$id"
        if [ -n "$middle" ]; then
            run_both "$label export record $id as of" "${story_args[@]}" --as-of "$middle" export record --id "$id"
        fi
    done
    local query
    for query in $words "" "zzqx" "tencnet" "ali baba"; do
        run_both "$label search '$query'" "${story_args[@]}" search "$query"
        run_both "$label search '$query' json" "${story_args[@]}" search "$query" --json --limit 5
    done
    if [ -n "$first" ]; then
        run_both "$label search as of" "${story_args[@]}" --as-of "$first" search "${words%% *}"
        run_both "$label diff from first" "${story_args[@]}" diff --from "$first"
        run_both "$label diff from first json" "${story_args[@]}" diff --from "$first" --format json
    fi
    if [ -n "$first" ] && [ -n "$middle" ]; then
        run_both "$label diff first..middle" "${story_args[@]}" diff --from "$first" --to "$middle"
        run_both "$label diff first..middle json" "${story_args[@]}" diff --from "$first" --to "$middle" --format json
    fi
    run_both "$label diff 2000..2100" "${story_args[@]}" diff --from 2000 --to 2100
    run_both "$label diff bad date" "${story_args[@]}" diff --from 2025-02-30
    run_both "$label as-of bad date" "${story_args[@]}" --as-of "soon" check
    run_both "$label as-of 1990" "${story_args[@]}" --as-of 1990 export report
}

compare_story "embedded"
if [ -z "${COMPARE_QUICK:-}" ]; then
    while IFS= read -r -d '' fixture; do
        compare_story "${fixture#"$repo"/}" --story "$fixture"
    done < <(find "$repo/tests/fixtures" -name '*.json' -type f -print0 | sort -z)
fi
run_both "missing story" --story /no/such/story.json check

# Commands that do not read a story.
run_both "schema" schema
run_both "new to stdout" new -
run_both "new file" new story.json
run_both "new file no schema" new story.json --no-schema
existing_file=story.json run_both "new refuses to overwrite" new story.json
run_both "completions bash" completions bash
run_both "completions zsh" completions zsh
run_both "completions fish" completions fish
run_both "man" man
run_both "man export" man export
run_both "config path" config path
run_both "config default" config default
run_both "version" --version
run_both "no such command" frobnicate
run_both "help" --help
run_both "short help" -h
for command in check export search lint new diff schema completions man config help; do
    run_both "help $command" "$command" --help
    run_both "short help $command" "$command" -h
done
run_both "help export record" help export

if [ "$differences" -ne 0 ]; then
    exit 1
fi
