#!/usr/bin/env python3
"""Scores `hallyu inspect page` on real pages with must / must-not snippets (issue 16).

Usage: extract_real.py HALLYU_BINARY EXPECT_JSON PAGE.html... [--part tune|held|all] [--verbose]

The pages and the snippets are other projects' files (for instance a public extraction
test cache and the sentences its tests say must or must not appear): read them into a
scratch directory, never into this repository, and pass their paths. EXPECT_JSON maps a
page's file name (no directory) to {"url": URL, "must": [...], "must_not": [...]}; pages
without an entry are skipped and listed.

Each page is one run of `HALLYU inspect page FILE --url URL`; the Document's "text" is the
extracted body. A snippet matches when it occurs in the body after both are NFC-normalised
and every run of white space is one space. Per snippet: a must snippet found is a true
positive, a must snippet missing a false negative, a must-not snippet found a false
positive. Precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic mean. An
empty body counts every must snippet of the page as missed and is counted apart.

Held-out split, fixed before any failure was looked at: a page is in the held part when
crc32 of its file name is divisible by 3 (about a third of the pages, independent of which
pages were fetched), otherwise in the tuning part. Never tune on the held part. Both parts
and their union are reported unless --part picks one. Exit 0 always (a measurement).
"""
import json
import os
import re
import subprocess
import sys
import unicodedata
import zlib

SPACES = re.compile(r"\s+")


def normalise(text):
    """NFC and one space for every run of white space."""
    return SPACES.sub(" ", unicodedata.normalize("NFC", text)).strip()


def part_of(name):
    """'held' for about a third of the page names, 'tune' for the rest (fixed rule)."""
    return "held" if zlib.crc32(name.encode("utf-8")) % 3 == 0 else "tune"


def extract_body(hallyu, path, url):
    """Runs `hallyu inspect page` and returns the body text, or None when it failed."""
    run = subprocess.run([hallyu, "inspect", "page", path, "--url", url],
                         capture_output=True, check=False)
    if run.returncode != 0:
        return None
    try:
        return json.loads(run.stdout.decode("utf-8")).get("text", "")
    except (ValueError, UnicodeDecodeError):
        return None


class Score:
    """Snippet counts over a set of pages."""

    def __init__(self):
        self.tp = self.fn = self.fp = self.tn = self.pages = self.empty = 0

    def line(self, label):
        """One summary line: pages, snippet counts, P / R / F1, empty bodies."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return (f"{label}: {self.pages} pages, must {self.tp}/{self.tp + self.fn}, "
                f"must-not leaked {self.fp}/{self.fp + self.tn}; "
                f"P {p:.3f} / R {r:.3f} / F1 {f:.3f}; empty bodies {self.empty}")


def main(argv):
    """Scores every page given on the command line and prints failures and totals."""
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = [a for a in argv[1:] if a.startswith("--")]
    verbose = "--verbose" in flags
    only = None
    for flag in flags:
        if flag.startswith("--part="):
            only = flag.split("=", 1)[1]
    if len(args) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    hallyu, expect_path, pages = args[0], args[1], args[2:]
    with open(expect_path, encoding="utf-8") as f:
        expect = json.load(f)
    scores = {"tune": Score(), "held": Score()}
    skipped = []
    for path in sorted(pages, key=os.path.basename):
        name = os.path.basename(path)
        if name not in expect:
            skipped.append(name)
            continue
        part = part_of(name)
        if only and only != "all" and part != only:
            continue
        case = expect[name]
        body = extract_body(hallyu, path, case["url"])
        score = scores[part]
        score.pages += 1
        problems = []
        if body is None:
            problems.append("hallyu failed")
            body = ""
        text = normalise(body)
        if not text:
            score.empty += 1
            problems.append("EMPTY BODY")
        for snippet in case.get("must", []):
            if normalise(snippet) in text:
                score.tp += 1
            else:
                score.fn += 1
                problems.append(f"missing:  {snippet!r}")
        for snippet in case.get("must_not", []):
            if normalise(snippet) in text:
                score.fp += 1
                problems.append(f"leaked:   {snippet!r}")
            else:
                score.tn += 1
        if problems or verbose:
            print(f"[{part}] {name} ({len(text)} chars)")
            for problem in problems:
                print(f"    {problem}")
    total = Score()
    for score in scores.values():
        for field in ("tp", "fn", "fp", "tn", "pages", "empty"):
            setattr(total, field, getattr(total, field) + getattr(score, field))
    print()
    if only in (None, "all", "tune"):
        print(scores["tune"].line("tuning part"))
    if only in (None, "all", "held"):
        print(scores["held"].line("held part (never tuned on)"))
    if only in (None, "all"):
        print(total.line("all"))
    if skipped:
        print(f"skipped (no expectations): {', '.join(skipped)}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
