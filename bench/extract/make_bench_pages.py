#!/usr/bin/env python3
"""Builds the extraction benchmark pages: each evaluation page from
tests/data/extract/ with inline <script> blocks added so that the page is about
45 KB of which about 35 KB is inline script (bundled widget/ad code, as news pages
carry). Writes bench/out/extract-pages/NN-name.html (+ .url). Deterministic."""
import os
import random

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SRC = os.path.join(ROOT, "tests", "data", "extract")
OUT = os.path.join(ROOT, "bench", "out", "extract-pages")


def script_body(rng, size):
    chunks = []
    n = 0
    i = 0
    while n < size:
        i += 1
        c = rng.choice([
            'function t%d(e,n){var r=document.createElement("div");r.className="ad-unit-%d";r.innerHTML="<a href=\\"https://ad.example.com/c?id=%d\\"><img src=\\"/i/%d.jpg\\"></a>";return e&&e.appendChild(r),n<%d?r:null}' % (i, i, rng.randint(1, 10**6), i, rng.randint(1, 99)),
            'window.__NEXT_DATA__%d={"props":{"pageProps":{"id":%d,"title":"story %d","tags":["kpop","drama"],"html":"<p>teaser %d</p>"}}};' % (i, i, i, i),
            'for(var k%d=0;k%d<%d;k%d++){if(a[k%d]&&a[k%d].length>%d){b.push(a[k%d].slice(0,%d))}}' % ((i,) * 3 + (i,) * 3 + (rng.randint(1, 50), i, rng.randint(1, 50))),
            '/* module %d */ define("m%d",["require","exports"],function(r,e){"use strict";e.render=function(x){return x<%d&&x>0?"<span>"+x+"</span>":""}});' % (i, i, rng.randint(1, 999)),
        ])
        chunks.append(c)
        n += len(c) + 1
    return "\n".join(chunks)


def main():
    os.makedirs(OUT, exist_ok=True)
    import json
    count = 0
    for name in sorted(os.listdir(SRC)):
        if not name.endswith(".html"):
            continue
        html = open(os.path.join(SRC, name), encoding="utf-8").read()
        url = json.load(open(os.path.join(SRC, name[:-5] + ".json"), encoding="utf-8"))["url"]
        rng = random.Random(name)
        size = len(html.encode("utf-8"))
        script_total = 35 * 1024
        head_script = "<script>%s</script>" % script_body(rng, script_total * 2 // 3)
        tail_script = "<script>%s</script>" % script_body(rng, script_total // 3)
        html = html.replace("</head>", head_script + "</head>", 1) if "</head>" in html else head_script + html
        html = html.replace("</body>", tail_script + "</body>", 1) if "</body>" in html else html + tail_script
        pad = 45 * 1024 - len(html.encode("utf-8"))
        if pad > 0:  # pad with more markup-free footer script text so pages are ~45 KB
            html = html.replace("</body>", "<script>%s</script></body>" % script_body(rng, pad), 1)
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(html)
        with open(os.path.join(OUT, name[:-5] + ".url"), "w") as f:
            f.write(url)
        count += 1
    print("wrote %d pages to %s" % (count, OUT))


if __name__ == "__main__":
    main()
