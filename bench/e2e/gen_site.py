#!/usr/bin/python3
"""Generates the end-to-end benchmark site: the fetch benchmark's news site
(bench/fetch/gen_site.py: ~45 KB article pages, mostly inline script and
boilerplate, listing pages) with neutral article text, plus about 1 article in
20 carrying a casting or OST announcement in English or Korean about fictional
people and works. Writes, next to the site:

  sitemap.xml            sitemap index -> sitemap-N.xml (1,000 articles each),
                         what `hallyu crawl` starts from
  expected.tsv           one line per planted announcement:
                         type, person, work, lang, url
  gazetteer/bench.yaml   the fictional people and works (an extra gazetteer)

Everything is invented here; deterministic for a given seed.

usage: gen_site.py OUT_DIR [--articles 5000] [--per-list 50] [--plant-every 20]
"""
import argparse
import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fetch"))
from gen_site import FOOTER, NAV, script_blob  # noqa: E402  (the fetch benchmark's page parts)

# Fictional people: surname x given name, romanized and in Hangul.
SURNAMES = [("Pyo", "표"), ("Tak", "탁"), ("Yeo", "여"), ("Gu", "구"), ("Bong", "봉"),
            ("Seok", "석"), ("Ma", "마"), ("Eom", "엄"), ("Ha", "하"), ("Ok", "옥")]
GIVEN = [("Dal-bi", "달비"), ("Ru-an", "루안"), ("Seul-ha", "슬하"), ("Yun-sol", "윤솔"),
         ("Ga-on", "가온")]
# Fictional works: adjective x noun.
WORK_A = [("Velvet", "벨벳"), ("Paper", "종이"), ("Copper", "구리"), ("Silent", "고요한"),
          ("Crimson", "진홍"), ("Hollow", "텅 빈"), ("Amber", "호박색"), ("Misty", "안개 낀"),
          ("Salt", "소금"), ("Ninth", "아홉 번째")]
WORK_B = [("Lantern", "등불"), ("Ferry", "나룻배"), ("Atelier", "아틀리에"), ("Greenhouse", "온실"),
          ("Signal", "신호"), ("Alley", "골목")]
NETS = ["tvN", "JTBC", "KBS2", "SBS", "MBC", "Netflix"]
PEOPLE = [("%s %s" % (s[0], g[0]), s[1] + g[1]) for s in SURNAMES for g in GIVEN]  # 50
WORKS = [("%s %s" % (a[0], b[0]), "%s %s" % (a[1], b[1])) for a in WORK_A for b in WORK_B]  # 60

NEUTRAL_KO = [
    "지난 주말 서울 도심에서 열린 문화 축제에는 가족 단위 관람객이 몰렸다.",
    "행사장에는 사진 전시와 공연이 이어졌고 늦은 시간까지 발길이 끊이지 않았다.",
    "주최 측은 내년에도 비슷한 규모로 축제를 이어갈 계획이라고 설명했다.",
    "시청률 조사 회사에 따르면 주말 예능 프로그램의 평균 시청률은 소폭 올랐다.",
    "온라인 커뮤니티에서는 출연진의 입담과 편집 방식에 대한 호평이 이어졌다.",
    "한편 이번 주에는 전국적으로 맑은 날씨가 이어질 것으로 예보됐다.",
]
NEUTRAL_EN = [
    "Weekend ratings for variety programs rose slightly according to the survey firm.",
    "Visitors filled the festival grounds in central Seoul until late in the evening.",
    "Organizers said the photo exhibition would travel to Busan next spring.",
]


def plant(k):
    """The k-th planted announcement: (type, lang, person, work, net, sentence, title)."""
    p = PEOPLE[k % len(PEOPLE)]
    w = WORKS[(k // len(PEOPLE) + 7 * (k % len(PEOPLE))) % len(WORKS)]
    net = NETS[k % len(NETS)]
    kind = k % 4
    if kind == 0:
        s = "%s has been cast in %s's new drama '%s'." % (p[0], net, w[0])
        return "casting", "en", p, w, s, "%s cast in %s's '%s'" % (p[0], net, w[0])
    if kind == 1:
        s = "%s, '%s' 출연 확정" % (p[1], w[1])
        return "casting", "ko", p, w, s, s
    if kind == 2:
        s = "%s to sing for %s's '%s' OST" % (p[0], net, w[0])
        return "ost", "en", p, w, s, s
    s = "%s, '%s' OST 가창" % (p[1], w[1])
    return "ost", "ko", p, w, s, s


def article(rng, n, n_articles, planted):
    date = "2026-11-%02dT%02d:%02d:00+09:00" % (1 + n % 28, n % 24, n % 60)
    if planted:
        typ, lang, p, w, sentence, title = planted
    else:
        title = "주말 문화 소식 %d호: 도심 축제와 시청률 이야기" % n
    paras = []
    english = planted is not None and planted[1] == "en"  # English pages carry English news
    for j in range(6):
        if english:
            paras.append("<p>%s %s</p>" % (rng.choice(NEUTRAL_EN), rng.choice(NEUTRAL_EN)))
        else:
            paras.append("<p>%s %s %s</p>" % (rng.choice(NEUTRAL_KO), rng.choice(NEUTRAL_KO),
                                              rng.choice(NEUTRAL_EN)))
    if planted:
        paras.insert(1, "<p>%s</p>" % sentence)
    related = "".join('<li><a href="/news/%d.html">관련 기사 %d</a></li>' % (rng.randrange(n_articles), k)
                      for k in range(8))
    jsonld = ('<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",'
              '"headline":"%s","datePublished":"%s","author":{"@type":"Person","name":"연예팀"}}</script>'
              % (title.replace('"', '\\"'), date))
    head = ('<!DOCTYPE html>\n<html lang="%s">' % ("en" if english else "ko") + '<head><meta charset="utf-8">'
            '<title>%s</title><meta property="og:title" content="%s">'
            '<meta property="article:published_time" content="%s">'
            '<link rel="canonical" href="/news/%d.html">\n%s\n' % (title, title, date, n, jsonld))
    return (head + script_blob(rng, 26) + "</head><body>\n<header><ul class=\"gnb\">" + NAV +
            "</ul></header>\n" + script_blob(rng, 6) +
            '<article class="news"><h1>%s</h1><div class="byline">연예팀 기자 <time datetime="%s">%s</time></div>\n'
            % (title, date, date[:10]) + "\n".join(paras) + "</article>\n<aside><ul>" + related +
            "</ul></aside>\n" + script_blob(rng, 6) + FOOTER + "</body></html>\n")


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--articles", type=int, default=5000)
    ap.add_argument("--per-list", type=int, default=50)
    ap.add_argument("--plant-every", type=int, default=20)
    ap.add_argument("--base", default="http://127.0.0.1:18090")
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    if a.articles // a.plant_every > len(PEOPLE) * len(WORKS):
        sys.exit("too many planted announcements for the name pool")
    rng = random.Random(a.seed)
    for d in ["news", "list", "section", "about", "gazetteer"]:
        os.makedirs(os.path.join(a.out, d), exist_ok=True)
    total = 0
    expected = []
    for n in range(a.articles):
        planted = plant(n // a.plant_every) if n % a.plant_every == a.plant_every // 2 else None
        html = article(rng, n, a.articles, planted)
        total += len(html.encode())
        write(os.path.join(a.out, "news", "%d.html" % n), html)
        if planted:
            typ, lang, p, w = planted[:4]
            expected.append("%s\t%s\t%s\t%s\t/news/%d.html" % (typ, p[0], w[0], lang, n))
    lists = (a.articles + a.per_list - 1) // a.per_list
    for l in range(lists):
        links = "".join('<li><a href="/news/%d.html">기사 %d</a></li>\n' % (k, k)
                        for k in range(l * a.per_list, min(a.articles, (l + 1) * a.per_list)))
        nxt = '<a href="/list/%d.html">다음</a>' % (l + 1) if l + 1 < lists else ""
        write(os.path.join(a.out, "list", "%d.html" % l),
              "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>목록 %d</title></head>"
              "<body><ul>%s</ul>%s</body></html>\n" % (l, links, nxt))
    for s in ["ent", "drama", "movie", "music", "kpop", "photo", "video", "star", "global", "ranking"]:
        write(os.path.join(a.out, "section", s + ".html"),
              '<!DOCTYPE html><html><body><a href="/list/0.html">%s</a></body></html>\n' % s)
    for i in range(12):
        write(os.path.join(a.out, "about", "%d.html" % i),
              '<!DOCTYPE html><html><body><a href="/index.html">about %d</a></body></html>\n' % i)
    write(os.path.join(a.out, "index.html"),
          "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>홈</title></head><body><ul>"
          + "".join('<li><a href="/list/%d.html">목록 %d</a></li>' % (l, l) for l in range(lists))
          + "</ul></body></html>\n")
    # Sitemaps (what hallyu starts from): an index and one file per 1,000 articles.
    per_map = 1000
    maps = (a.articles + per_map - 1) // per_map
    for m in range(maps):
        urls = "".join("<url><loc>%s/news/%d.html</loc><lastmod>2026-11-20T09:00:00+09:00</lastmod></url>\n"
                       % (a.base, k) for k in range(m * per_map, min(a.articles, (m + 1) * per_map)))
        write(os.path.join(a.out, "sitemap-%d.xml" % m),
              '<?xml version="1.0" encoding="UTF-8"?>\n'
              '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n%s</urlset>\n' % urls)
    write(os.path.join(a.out, "sitemap.xml"),
          '<?xml version="1.0" encoding="UTF-8"?>\n'
          '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n%s</sitemapindex>\n'
          % "".join("<sitemap><loc>%s/sitemap-%d.xml</loc><lastmod>2026-11-20T09:00:00+09:00</lastmod></sitemap>\n"
                    % (a.base, m) for m in range(maps)))
    write(os.path.join(a.out, "expected.tsv"), "".join(e + "\n" for e in expected))
    write(os.path.join(a.out, "gazetteer", "bench.yaml"),
          "# Fictional people and works of the end-to-end benchmark site (bench/e2e/gen_site.py).\n"
          "actors:\n" + "".join("  - {name: %s, native: %s}\n" % p for p in PEOPLE) +
          "works:\n" + "".join("  - {title: %s, native: %s}\n" % w for w in WORKS))
    print("articles=%d lists=%d planted=%d avg_article_bytes=%d"
          % (a.articles, lists, len(expected), total // max(1, a.articles)))


if __name__ == "__main__":
    main()
