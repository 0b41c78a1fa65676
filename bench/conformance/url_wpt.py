#!/usr/bin/env python3
"""Scores `hallyu inspect url` against web-platform-tests' url/resources/urltestdata.json.

Usage: url_wpt.py URLTESTDATA_JSON HALLYU_BINARY [--verbose]

The suite file is not in this repository (it is the WPT project's data): read it from the
public repository into a scratch directory and pass its path.

Selection (issue 15): every case whose input or base is an http: or https: URL (ASCII
case-insensitive, after the leading C0 controls and spaces the URL parser strips), including
the inputs that must fail ("failure": true). Strings in the file (comments) are skipped.
Fragments are ignored: the expected href and hallyu's answer are compared up to their first
'#'. A case passes when hallyu prints `invalid` for a failure case, or the expected href
otherwise. Lone UTF-16 surrogates in the JSON (which a browser's USVString conversion turns
into U+FFFD) are passed as U+FFFD.

Each base is one run of `HALLYU inspect url --base BASE -z` with the inputs NUL-separated on
stdin (`about:blank` and null bases: no --base; inputs holding a NUL byte run one per
process, newline-terminated). Prints each failure and the score; exit 0 when all pass.
"""
import json
import os
import re
import subprocess
import sys
import tempfile

SURROGATE = re.compile("[\ud800-\udfff]")
LEADING_JUNK = re.compile("^[\u0000-\u0020]*")


def usv(s):
    return SURROGATE.sub("\ufffd", s)


def is_http(s):
    if s is None:
        return False
    s = LEADING_JUNK.sub("", s).replace("\t", "").replace("\n", "").replace("\r", "").lower()
    return s.startswith("http:") or s.startswith("https:")


def select(cases):
    return [c for c in cases if isinstance(c, dict) and (is_http(c["input"]) or is_http(c.get("base")))]


def strip_fragment(href):
    return href.split("#", 1)[0]


def run_hallyu(hallyu, base, inputs, workdir):
    """Answers of `inspect url` for `inputs` (list of str), in order."""
    args = [hallyu, "inspect", "url"]
    if base not in (None, "about:blank"):
        args.append("--base=" + usv(base))
    encoded = [usv(i).encode("utf-8") for i in inputs]
    out = [None] * len(inputs)
    batch = [i for i, e in enumerate(encoded) if b"\0" not in e]
    if batch:
        p = subprocess.run(args + ["-z"], input=b"".join(encoded[i] + b"\0" for i in batch),
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=workdir)
        if p.returncode != 0:
            sys.stderr.write("hallyu exit %d for base %r: %s\n" % (
                p.returncode, base, p.stderr.decode(errors="replace").strip()))
        else:
            records = p.stdout.decode("utf-8", errors="replace").split("\0")
            for k, i in enumerate(batch):
                out[i] = records[k] if k < len(records) else None
    # An input holding a NUL byte: one process, one newline-terminated record (an input
    # holding both NUL and a newline cannot be passed and counts as a failure).
    for i, e in enumerate(encoded):
        if b"\0" not in e or b"\n" in e:
            continue
        p = subprocess.run(args, input=e + b"\n", stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, cwd=workdir)
        if p.returncode == 0:
            out[i] = p.stdout.decode("utf-8", errors="replace").split("\n")[0]
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    suite, hallyu = argv[1], os.path.abspath(argv[2])
    verbose = "--verbose" in argv[3:]
    with open(suite, encoding="utf-8") as f:
        cases = select(json.load(f))
    by_base = {}
    for c in cases:
        by_base.setdefault(c.get("base"), []).append(c)
    passed = 0
    failures_expected_invalid = 0
    with tempfile.TemporaryDirectory() as workdir:
        for base, group in by_base.items():
            answers = run_hallyu(hallyu, base, [c["input"] for c in group], workdir)
            for c, got in zip(group, answers):
                if c.get("failure"):
                    want = "invalid"
                    ok = got == "invalid"
                else:
                    want = strip_fragment(usv(c["href"]))
                    ok = got is not None and got != "invalid" and strip_fragment(got) == want
                passed += ok
                if not ok:
                    failures_expected_invalid += bool(c.get("failure"))
                if not ok or verbose:
                    print("%s input=%s base=%s expected=%s got=%s" % (
                        "PASS" if ok else "FAIL", json.dumps(c["input"]), json.dumps(base),
                        json.dumps(want), json.dumps(got)))
    total = len(cases)
    must_fail = sum(1 for c in cases if c.get("failure"))
    print("cases: %d (of which %d must fail)" % (total, must_fail))
    print("failed: %d (of which %d should have been invalid)" % (total - passed, failures_expected_invalid))
    print("total: %d/%d = %.1f %%" % (passed, total, 100.0 * passed / max(total, 1)))
    return 0 if passed == total else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
