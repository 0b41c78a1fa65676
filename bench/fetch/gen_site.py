#!/usr/bin/python3
"""Generates a synthetic K-entertainment news site for the fetch benchmark.

N article pages of ~45 KB each, shaped like real Korean news pages: most of the
bytes are inline <script> (analytics, ad slots, JSON state), navigation and
footer boilerplate; a few paragraphs of article text. Listing pages link 50
articles each and the next listing; index.html links every listing page.
Everything is made up here (no copied content). Deterministic for a given seed.

usage: gen_site.py OUT_DIR [--articles 5000] [--per-list 50]
"""
import argparse
import os
import random

ACTORS = ["김민준", "이서연", "박지훈", "최수아", "정하늘", "강도윤", "윤채원", "임시우", "한예린", "오태양"]
WORKS = ["푸른 계절", "서울의 밤", "별빛 연가", "마지막 약속", "비밀의 정원", "바람의 노래"]
NETS = ["tvN", "JTBC", "KBS2", "SBS", "MBC", "Netflix", "Disney+"]


def script_blob(rng, kb):
    """Inline JS of roughly `kb` KiB: ad slot config, analytics, serialized state."""
    parts = ["<script>window.__AD_SLOTS__=["]
    size = 0
    i = 0
    while size < kb * 1024:
        s = ('{"id":"div-gpt-ad-%d-%d","unit":"/1234567/news_%s_%d","sizes":[[300,250],[728,90]],'
             '"targeting":{"sec":"%s","pos":"%d","kw":["%s","%s"]},"lazy":%s},'
             % (rng.randrange(10**9), i, rng.choice(["ent", "drama", "music"]), i,
                rng.choice(["ent", "tv", "kpop"]), i, rng.choice(ACTORS), rng.choice(WORKS),
                "true" if i % 2 else "false"))
        parts.append(s)
        size += len(s.encode())
        i += 1
    parts.append("];\n(function(w,d){var q=w.__AD_SLOTS__;for(var i=0;i<q.length;i++){"
                 "var e=d.createElement('div');e.id=q[i].id;e.setAttribute('data-unit',q[i].unit);"
                 "d.body&&d.body.appendChild(e);}w.dataLayer=w.dataLayer||[];"
                 "w.dataLayer.push({event:'pv',ts:Date.now()});})(window,document);</script>\n")
    return "".join(parts)


NAV = "".join('<li class="gnb-item"><a href="/section/%s.html" class="gnb-link">%s</a></li>\n'
              % (s, s.upper()) for s in ["ent", "drama", "movie", "music", "kpop", "photo",
                                           "video", "star", "global", "ranking"])
FOOTER = ('<footer class="site-footer"><div class="inner"><ul class="policy">'
          + "".join('<li><a href="/about/%d.html">회사소개 %d</a></li>' % (i, i) for i in range(12))
          + '</ul><p class="copy">Copyright (c) Example Entertainment News. All rights reserved. '
          '무단전재 및 재배포 금지.</p></div></footer>\n')


def article(rng, n, n_articles):
    actor, work, net = rng.choice(ACTORS), rng.choice(WORKS), rng.choice(NETS)
    title = "%s, %s 새 드라마 '%s' 주연 확정" % (actor, net, work)
    paras = []
    for j in range(6):
        paras.append("<p>배우 %s이(가) %s 새 드라마 '%s'에 캐스팅됐다. 소속사 관계자는 %d일 "
                     "\"%s이(가) 작품에 합류해 촬영을 준비 중\"이라고 밝혔다. "
                     "Actor %s has been cast in %s, the network confirmed on day %d.</p>"
                     % (actor, net, work, j + 1, actor, actor, work, j + 1))
    related = "".join('<li><a href="/news/%d.html">관련 기사 %d</a></li>' % (rng.randrange(n_articles), k)
                      for k in range(8))
    head = ('<!DOCTYPE html>\n<html lang="ko"><head><meta charset="utf-8">'
            '<title>%s</title><meta property="og:title" content="%s">'
            '<link rel="canonical" href="/news/%d.html">\n' % (title, title, n))
    body = (head + script_blob(rng, 26) + "</head><body>\n<header><ul class=\"gnb\">" + NAV +
            "</ul></header>\n" + script_blob(rng, 6) +
            '<article class="news"><h1>%s</h1><div class="byline">연예팀 기자</div>\n' % title +
            "\n".join(paras) + "</article>\n<aside><ul>" + related + "</ul></aside>\n" +
            script_blob(rng, 6) + FOOTER + "</body></html>\n")
    return body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--per-list", type=int, default=50)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    os.makedirs(os.path.join(a.out, "news"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "list"), exist_ok=True)
    total = 0
    for n in range(a.articles):
        html = article(rng, n, a.articles)
        total += len(html.encode())
        with open(os.path.join(a.out, "news", "%d.html" % n), "w", encoding="utf-8") as f:
            f.write(html)
    lists = (a.articles + a.per_list - 1) // a.per_list
    for l in range(lists):
        links = "".join('<li><a href="/news/%d.html">기사 %d</a></li>\n' % (k, k)
                        for k in range(l * a.per_list, min(a.articles, (l + 1) * a.per_list)))
        nxt = '<a href="/list/%d.html">다음</a>' % (l + 1) if l + 1 < lists else ""
        with open(os.path.join(a.out, "list", "%d.html" % l), "w", encoding="utf-8") as f:
            f.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>목록 %d</title></head>"
                    "<body><ul>%s</ul>%s</body></html>\n" % (l, links, nxt))
    # Section and policy pages linked from every article's navigation and footer.
    os.makedirs(os.path.join(a.out, "section"), exist_ok=True)
    os.makedirs(os.path.join(a.out, "about"), exist_ok=True)
    for s in ["ent", "drama", "movie", "music", "kpop", "photo", "video", "star", "global", "ranking"]:
        with open(os.path.join(a.out, "section", s + ".html"), "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html><body><a href="/list/0.html">%s</a></body></html>\n' % s)
    for i in range(12):
        with open(os.path.join(a.out, "about", "%d.html" % i), "w", encoding="utf-8") as f:
            f.write('<!DOCTYPE html><html><body><a href="/index.html">about %d</a></body></html>\n' % i)
    with open(os.path.join(a.out, "index.html"), "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>홈</title></head><body><ul>"
                + "".join('<li><a href="/list/%d.html">목록 %d</a></li>' % (l, l) for l in range(lists))
                + "</ul></body></html>\n")
    print("articles=%d lists=%d avg_article_bytes=%d" % (a.articles, lists, total // max(1, a.articles)))


if __name__ == "__main__":
    main()
