#!/usr/bin/env python3
"""Builds the 983-page evaluation corpus of issue 16 from go-trafilatura's comparison data.

Usage: build_trafilatura_corpus.py [OUT_DIR] [--module-dir=DIR]

go-trafilatura (github.com/markusmobius/go-trafilatura v1.12.2) ships trafilatura's own
evaluation: `scripts/comparison/data.go` maps each page's address to its file name and the
snippets that must (`With`) and must not (`Without`) appear in the extracted text; the pages are
under `test-files/comparison` and `test-files/mock`. Fetch the module into the Go module cache
first (it is other people's text: never copy it into this repository):

    mkdir -p ../realtext/x16/gomod && cd ../realtext/x16/gomod && go mod init tmpx16
    GOFLAGS=-mod=mod go mod download -json github.com/markusmobius/go-trafilatura@v1.12.2

This script then copies the pages to OUT_DIR/eval/ (default ../realtext/x16 beside the
repository) and writes OUT_DIR/eval.json in the form bench/extract_real.py reads: file name ->
{"url", "must", "must_not"}. Every `Without` snippet is kept, as go-trafilatura's own comparison
scores them. The module directory is found with `go env GOMODCACHE` unless given.
"""
import json
import os
import re
import shutil
import subprocess
import sys

MODULE = "github.com/markusmobius/go-trafilatura@v1.12.2"
STRING = r'"(?:[^"\\\n]|\\.)*"'
ENTRY = re.compile(r"^\t(" + STRING + r"):\s*\{\s*$(.*?)^\t\},?\s*$", re.M | re.S)
FIELD = re.compile(r"\b(File|With|Without)\s*:\s*(" + STRING + r"|\[\]string\{(.*?)\})",
                   re.S)
LITERAL = re.compile(STRING)


def go_string(literal):
    """Decodes a Go interpreted string literal (the escapes data.go uses are JSON's too)."""
    return json.loads(literal)


def strings_of(list_body):
    """The string literals inside a []string{...} body, in order."""
    return [go_string(s) for s in LITERAL.findall(list_body)]


def parse(data_go):
    """address -> {"file", "with", "without"} for every entry of comparisonData."""
    start = data_go.index("var comparisonData")
    entries = {}
    for match in ENTRY.finditer(data_go, start):
        url = go_string(match.group(1))
        entry = {"file": None, "with": [], "without": []}
        for field in FIELD.finditer(match.group(2)):
            name, value, list_body = field.group(1), field.group(2), field.group(3)
            if name == "File":
                entry["file"] = go_string(value)
            else:
                entry[name.lower()] = strings_of(list_body or "")
        entries[url] = entry
    return entries


def module_dir(flags):
    """The module's directory in the Go module cache (or --module-dir)."""
    for flag in flags:
        if flag.startswith("--module-dir="):
            return flag.split("=", 1)[1]
    cache = subprocess.run(["go", "env", "GOMODCACHE"], capture_output=True, text=True,
                           check=True).stdout.strip()
    return os.path.join(cache, MODULE)  # no capital letters, so no "!" escapes


def main(argv):
    """Copies the pages and writes eval.json; prints counts and anything missing."""
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = [a for a in argv[1:] if a.startswith("--")]
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    out = args[0] if args else os.path.join(os.path.dirname(repo), "realtext", "x16")
    source = module_dir(flags)
    with open(os.path.join(source, "scripts", "comparison", "data.go"), encoding="utf-8") as f:
        entries = parse(f.read())
    pages = os.path.join(out, "eval")
    os.makedirs(pages, exist_ok=True)
    expect, missing = {}, []
    for url, entry in entries.items():
        name = entry["file"]
        found = None
        for folder in ("comparison", "mock"):  # the order of scripts/comparison/utils.go
            candidate = os.path.join(source, "test-files", folder, name or "")
            if name and os.path.isfile(candidate):
                found = candidate
                break
        if found is None:
            missing.append(f"{name} ({url})")
            continue
        if name in expect:
            print(f"duplicate file name {name}: {url} kept out", file=sys.stderr)
            continue
        shutil.copyfile(found, os.path.join(pages, name))
        expect[name] = {"url": url, "must": entry["with"], "must_not": entry["without"]}
    with open(os.path.join(out, "eval.json"), "w", encoding="utf-8") as f:
        json.dump(expect, f, ensure_ascii=False, indent=1, sort_keys=True)
    musts = sum(len(e["must"]) for e in expect.values())
    must_nots = sum(len(e["must_not"]) for e in expect.values())
    print(f"{len(entries)} entries, {len(expect)} pages written to {pages}, "
          f"{musts} must and {must_nots} must-not snippets")
    for item in missing:
        print(f"missing page: {item}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
