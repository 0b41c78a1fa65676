#!/usr/bin/env python3
"""Strict casting/OST scores the way a scorer that knows no gazetteer would count them.

`hallyu eval detect` accepts a detected person or work when the gazetteer says it is the
labelled one ("Jo Byung-kyu" for a label "Jo Byung-gyu"). A scorer outside the project
compares strings. This script does: a label event is hit by a detected event of the same
type and status whose person/artist equals the label's in `name` or `native`, and whose
work equals it in `title` or `native` (null equals null), after folding case, spaces,
hyphens, dots, apostrophes, quotes, brackets and middle dots. Each detection hits at most
one label. `denied` events and release/collab are left out on both sides.

Usage: bench/detect_literal_score.py HALLYU_BINARY FILE.jsonl [FILE.jsonl ...]
Extra arguments for `hallyu detect` (e.g. another rules directory) go in $HALLYU_ARGS.
Input lines are the labelled format of `hallyu eval detect`.
"""
import json
import os
import re
import subprocess
import sys


def norm(s):
    return re.sub(r"[\s\-.'’‘“”\"·:,!?()\[\]]", "", (s or "").lower())


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    binary, files = sys.argv[1], sys.argv[2:]
    extra = os.environ.get("HALLYU_ARGS", "").split()
    tp = fp = fn = 0
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                d = json.loads(line)
                text = (d["title"] + "\n" if d.get("title") else "") + d["text"]
                out = subprocess.run([binary, "detect", "--lang", d["lang"]] + extra + ["-"],
                                     input=text, capture_output=True, text=True).stdout
                found = [json.loads(x) for x in out.splitlines() if x.strip().startswith("{")]
                found = [e for e in found
                         if e.get("type") in ("casting", "ost") and e.get("status") != "denied"]
                labels = [e for e in d.get("events", [])
                          if e["type"] in ("casting", "ost") and e.get("status") != "denied"]
                used = set()
                for want in labels:
                    name = want.get("person") or want.get("artist")
                    work = want.get("work")
                    hit = None
                    for i, e in enumerate(found):
                        if i in used or e["type"] != want["type"] or e["status"] != want["status"]:
                            continue
                        p = e.get("person") or e.get("artist") or {}
                        w = e.get("work") or {}
                        if norm(name) not in (norm(p.get("name")), norm(p.get("native"))):
                            continue
                        if norm(work) not in (norm(w.get("title")), norm(w.get("native"))):
                            continue
                        hit = i
                        break
                    if hit is None:
                        fn += 1
                    else:
                        used.add(hit)
                        tp += 1
                fp += len(found) - len(used)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    print(f"literal strict P {p:.3f} R {r:.3f} tp {tp} fp {fp} fn {fn}")


if __name__ == "__main__":
    main()
