#!/usr/bin/env python3
"""Python peers for the extraction benchmark: trafilatura and readability-lxml.

  speed:   pages/s on one core over bench/out/extract-pages (same pages as
           bench/extract_bench.cc), page -> main text.
  quality: body-text F1 on tests/data/extract/ with exactly the metric of
           tests/support/shingle_metric.cc (Unicode \\w+ tokens, overlapping
           4-token shingles counted with repeats, per-page precision/recall,
           averaged over pages, F1 of the averages).
Optionally also scores our extractor through `hallyu inspect page` (--ours BIN).
"""
import argparse
import collections
import json
import os
import re
import subprocess
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EVAL = os.path.join(ROOT, "tests", "data", "extract")
PAGES = os.path.join(ROOT, "bench", "out", "extract-pages")
WORD = re.compile(r"\w+")


def shingles(text, n=4):
    toks = WORD.findall(text or "")
    if not toks:
        return collections.Counter()
    if len(toks) < n:
        return collections.Counter(["\x1f".join(toks)])
    return collections.Counter("\x1f".join(toks[i:i + n]) for i in range(len(toks) - n + 1))


def pr(extracted, truth):
    e, t = shingles(extracted), shingles(truth)
    ne, nt = sum(e.values()), sum(t.values())
    if ne == 0 and nt == 0:
        return 1.0, 1.0
    common = sum((e & t).values())
    return (common / ne if ne else 0.0), (common / nt if nt else 0.0)


def run_trafilatura(html, url):
    import trafilatura
    return trafilatura.extract(html, url=url, include_comments=False, include_tables=True) or ""


def run_readability(html, url):
    from readability import Document
    import lxml.html
    summary = Document(html, url=url).summary(html_partial=True)
    root = lxml.html.fromstring(summary)
    return "\n\n".join(t.strip() for t in root.itertext() if t.strip())


def run_ours(binary):
    def f(html, url, path=None):
        out = subprocess.run([binary, "inspect", "page", path, "--url", url], capture_output=True, check=True)
        return json.loads(out.stdout)["text"]
    return f


def load(dirname, ext_truth):
    pages = []
    for name in sorted(os.listdir(dirname)):
        if not name.endswith(".html"):
            continue
        path = os.path.join(dirname, name)
        html = open(path, encoding="utf-8").read()
        if ext_truth:
            truth = json.load(open(path[:-5] + ".json", encoding="utf-8"))
            pages.append((name, path, html, truth["url"], truth["body"]))
        else:
            url = open(path[:-5] + ".url").read().strip()
            pages.append((name, path, html, url, None))
    return pages


def quality(name, fn, pages, verbose):
    sp = sr = 0.0
    for pname, path, html, url, body in pages:
        text = fn(html, url, path) if name == "hallyu" else fn(html, url)
        p, r = pr(text, body)
        sp += p
        sr += r
        if verbose:
            print("  %-8s %-28s P=%.3f R=%.3f" % (name, pname, p, r))
    p, r = sp / len(pages), sr / len(pages)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f1


def speed(fn, pages, rounds):
    for _, _, html, url, _ in pages[:3]:
        fn(html, url)  # warm imports
    t0 = time.process_time()
    for _ in range(rounds):
        for _, _, html, url, _ in pages:
            fn(html, url)
    dt = time.process_time() - t0
    n = rounds * len(pages)
    mb = rounds * sum(len(h.encode("utf-8")) for _, _, h, _, _ in pages) / 1e6
    return n / dt, mb / dt


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ours", help="path to the hallyu binary: also score our extractor via the CLI")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    import trafilatura  # noqa: F401
    import readability  # noqa: F401
    from importlib.metadata import version
    peers = [("trafilatura " + version("trafilatura"), run_trafilatura),
             ("readability-lxml " + version("readability-lxml"), run_readability)]
    eval_pages = load(EVAL, True)
    bench_pages = load(PAGES, False)
    print("quality on %d eval pages (shingle F1):" % len(eval_pages))
    rows = []
    if args.ours:
        p, r, f1 = quality("hallyu", run_ours(args.ours), eval_pages, args.v)
        rows.append(("hallyu (this repo)", p, r, f1))
    for name, fn in peers:
        p, r, f1 = quality(name.split()[0], fn, eval_pages, args.v)
        rows.append((name, p, r, f1))
    for name, p, r, f1 in rows:
        print("  %-28s precision=%.4f recall=%.4f F1=%.4f" % (name, p, r, f1))
    print("speed on %d bench pages (%.1f KB avg), one core, %d rounds:" %
          (len(bench_pages), sum(len(h.encode()) for _, _, h, _, _ in bench_pages) / len(bench_pages) / 1024, args.rounds))
    for name, fn in peers:
        pps, mbs = speed(fn, bench_pages, args.rounds)
        print("  %-28s %8.1f pages/s  %6.2f MB/s" % (name, pps, mbs))


if __name__ == "__main__":
    main()
