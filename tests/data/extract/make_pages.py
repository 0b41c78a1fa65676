#!/usr/bin/env python3
"""Writes the article-extraction evaluation pages (NN-<key>.html + NN-<key>.json).

The pages imitate the *layouts* of English and Korean K-news outlets, portals and
blogs (navigation, bylines, share bars, ads, related blocks, comment sections,
cookie banners, heavy inline scripts, footers); all text is invented (articles.py).
Sidecar JSON = ground truth: url, title, published_at (RFC 3339 UTC), authors, body, and for
some pages must / must_not: lines of the page that must / must not come out.
Run: python3 tests/data/extract/make_pages.py   (rewrites the files in place)
"""
import datetime as dt
import html
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from articles import EN, KO, OTHER  # noqa: E402

OUT = os.path.dirname(os.path.abspath(__file__))
KST = dt.timezone(dt.timedelta(hours=9))
E = html.escape


def kst(s):
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=KST)


def utc_str(d):
    return d.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def iso_kst(d):
    return d.strftime("%Y-%m-%dT%H:%M:%S+09:00")


def slug(a):
    return a["key"]


def big_script(rng, kb):
    """An inline script of about `kb` KB: ad-slot config and a bundled widget."""
    parts = ["window.__ADS__ = window.__ADS__ || [];", "(function(w,d){var q=[];"]
    i = 0
    while sum(len(p) for p in parts) < kb * 1024:
        i += 1
        parts.append(
            'w.__ADS__.push({slot:"div-gpt-ad-%d-%d",sizes:[[300,250],[336,280]],targeting:{pos:"%s",kw:["kpop","drama","%x"]},'
            'render:function(el){if(el&&el.innerHTML.length<%d){el.innerHTML="<div class=\\"ad\\">"+"</div>";}}});'
            % (i, rng.randint(1000, 9999), rng.choice(["top", "mid", "btm"]), rng.randint(0, 1 << 30), rng.randint(10, 99)))
    parts.append("})(window,document);")
    return "\n".join(parts)


COMMENTS_EN = [
    ("kdramalover88", "I have been waiting for this news for months and I am so happy it is finally official. The casting makes perfect sense to me."),
    ("midnight_tea", "Honestly the plot sounds a bit like another show from last year, but I will give it a chance because the director is great."),
    ("seoul_searcher", "Does anyone know if this will be available with subtitles on release day? Last time we had to wait a whole week."),
    ("pinkbanana", "Their voice is perfect for ballads. I still listen to the last soundtrack they did every single night before sleeping."),
    ("jun_fan_forever", "Congratulations! Hard work really pays off, and you can tell from the interviews how much effort went into this."),
]
COMMENTS_KO = [
    ("별빛**", "와 이 조합 진짜 기대된다. 첫 방송 날만 손꼽아 기다리고 있어요."),
    ("drama***", "원작 웹툰 정말 재밌게 봤는데 캐스팅이 잘 어울리는 것 같아요. 부디 원작 분위기 살려주세요."),
    ("서울사는**", "목소리가 너무 좋아서 OST 나오면 매일 들을 것 같네요. 응원합니다!"),
    ("kpop***", "요즘 드라마 중에 제일 재밌게 보고 있어요. 배우들 연기가 다들 너무 자연스러워요."),
]


def related(others, lang, n, with_summary=True):
    items = []
    for o in others[:n]:
        summ = o["paras"][0] if with_summary else ""
        items.append((o["title"], summ, "/article/%s" % o["key"]))
    return items


def ld_article(a, url, d_pub, d_upd, site, typ="NewsArticle", body=False, author_obj=True, graph=False, image=None):
    obj = {
        "@context": "https://schema.org",
        "@type": typ,
        "headline": a["title"],
        "datePublished": iso_kst(d_pub),
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "publisher": {"@type": "Organization", "name": site, "logo": {"@type": "ImageObject", "url": "https://img.example/logo.png"}},
    }
    if d_upd:
        obj["dateModified"] = iso_kst(d_upd)
    if author_obj:
        obj["author"] = [{"@type": "Person", "name": n} for n in a["authors"]]
    if image:
        obj["image"] = {"@type": "ImageObject", "url": image, "width": 1200, "height": 800}
    if body:
        obj["articleBody"] = "\n".join(a["paras"])
    if graph:
        return json.dumps({"@context": "https://schema.org", "@graph": [
            {"@type": "WebSite", "name": site, "url": url.split("/article")[0]},
            {"@type": "BreadcrumbList", "itemListElement": [{"@type": "ListItem", "position": 1, "name": a["section"]}]},
            obj]}, ensure_ascii=False, indent=1)
    return json.dumps(obj, ensure_ascii=False, indent=1)


def paras_html(paras, tag="p", cls=None):
    c = ' class="%s"' % cls if cls else ""
    return "\n".join("<%s%s>%s</%s>" % (tag, c, E(p), tag) for p in paras)


def br_html(paras):
    return "<br><br>\n".join(E(p) for p in paras)


def nav_en(site_links):
    return "<ul class=\"menu\">" + "".join('<li><a href="/%s">%s</a></li>' % (s.lower().replace(" ", "-"), s) for s in site_links) + "</ul>"


# ---------------------------------------------------------------- English layouts

def t_soompi(a, i, others, rng, cookie=False):
    site, host = "K-Wave Daily", "https://www.kwavedaily.com"
    url = "%s/article/%d/%s" % (host, 1800000 + i, slug(a))
    d_pub, d_upd = kst(a["pub"]), (kst(a["upd"]) if a["upd"] else None)
    rel = related(others, "en", 4)
    com = COMMENTS_EN[: 3 + i % 3]
    cookie_html = """<div id="cookie-consent" class="cookie-banner"><p>We use cookies and similar technologies to improve your experience on our site, to analyse traffic and to show you personalised content and advertising. By continuing to browse, you agree to our use of cookies as described in our privacy policy.</p><button>Accept all</button><button>Manage settings</button></div>""" if cookie else ""
    return url, d_pub, f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{E(a['title'])} | {site}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{E(a['paras'][0])}">
<meta property="og:type" content="article"><meta property="og:site_name" content="{site}">
<meta property="og:title" content="{E(a['title'])}"><meta property="og:url" content="{url}">
<meta property="og:image" content="https://img.kwavedaily.com/{slug(a)}.jpg">
<meta property="article:published_time" content="{utc_str(d_pub)}">
{'<meta property="article:modified_time" content="%s">' % utc_str(d_upd) if d_upd else ''}
<meta property="article:section" content="{a['section']}">
{''.join('<meta property="article:tag" content="%s">' % E(t) for t in a['tags'])}
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:site" content="@kwavedaily">
<link rel="canonical" href="{url}">
<script type="application/ld+json">{ld_article(a, url, d_pub, d_upd, site)}</script>
<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments);}}gtag('js',new Date());gtag('config','G-XXXX');</script>
<style>.article-body p{{line-height:1.7}} .share-bar{{display:flex}}</style>
</head><body class="single-article">
{cookie_html}
<header class="site-header"><a class="logo" href="/">{site}</a>{nav_en(['News', 'Music', 'TV/Film', 'Lifestyle', 'Quizzes', 'Videos'])}
<form class="search"><input name="q" placeholder="Search"></form></header>
<div class="ad-slot ad-leaderboard"><div id="div-gpt-ad-top">Advertisement</div></div>
<main class="content-area"><article class="post">
<div class="post-header"><a class="category" href="/category/{a['section'].lower()}">{a['section']}</a>
<h1 class="post-title">{E(a['title'])}</h1>
<div class="byline">by <a href="/author/{a['authors'][0].lower().replace(' ', '-')}">{E(a['authors'][0])}</a> <time datetime="{utc_str(d_pub)}">{d_pub.strftime('%b %d, %Y')}</time></div>
<div class="share-bar"><a href="https://www.facebook.com/sharer?u={url}">Share on Facebook</a><a href="https://twitter.com/intent/tweet?url={url}">Tweet</a><span>{rng.randint(20, 900)} shares</span></div></div>
<figure class="featured-image"><img src="https://img.kwavedaily.com/{slug(a)}.jpg" alt=""><figcaption>{E(a['title'].split(' ')[0])} at a press event earlier this year. (Photo courtesy of the agency)</figcaption></figure>
<div class="article-body">
{paras_html(a['paras'][:2])}
<div class="ad-slot ad-inarticle"><span>Advertisement - scroll to continue reading</span><div id="div-gpt-ad-mid"></div></div>
{paras_html(a['paras'][2:])}
<p class="source">Source (<a href="https://news.example.kr/1">1</a>)</p>
</div>
<div class="tags">Tags: {''.join('<a href="/tag/%s">%s</a> ' % (E(t), E(t)) for t in a['tags'])}</div>
<div class="author-box"><img src="/a.jpg"><p>{E(a['authors'][0])} is a staff writer who has covered Korean dramas and music since 2016. She loves thrillers, ballads and late-night convenience store snacks.</p></div>
</article>
<section class="related-posts"><h3>You might also like</h3>
{''.join('<div class="related-item"><a href="%s"><h4>%s</h4></a><p>%s</p></div>' % (u, E(t), E(s)) for t, s, u in rel)}
</section>
<section id="comments" class="comments-area"><h3>{len(com)} Comments</h3><ol class="comment-list">
{''.join('<li class="comment"><div class="comment-author">%s</div><div class="comment-content"><p>%s</p></div><a class="reply" href="#">Reply</a></li>' % (E(u), E(c)) for u, c in com)}
</ol></section></main>
<aside class="sidebar"><div class="widget popular"><h3>Popular Now</h3><ol>{''.join('<li><a href="%s">%s</a></li>' % (u, E(t)) for t, s, u in rel)}</ol></div></aside>
<footer class="site-footer"><p>{site} is your source for the latest Korean entertainment news, covering K-pop, K-dramas, films and more, every day of the year.</p>
<p><a href="/about">About</a> <a href="/privacy">Privacy Policy</a> <a href="/terms">Terms</a></p><p>&copy; 2025 {site}. All rights reserved.</p></footer>
</body></html>"""


def t_allkpop(a, i, others, rng, heavy=False):
    site, host = "kpopbeat", "https://www.kpopbeat.com"
    url = "%s/article/%s/%s" % (host, a["pub"][:7].replace("-", "/"), slug(a))
    d_pub = kst(a["pub"])
    rel = related(others, "en", 6, with_summary=False)
    scripts = "<script>%s</script>" % big_script(rng, 34) if heavy else ""
    body = a["paras"]
    embed = '<blockquote class="twitter-tweet"><p lang="en">So excited for this!! Can\'t wait to see it. #kpop</p>&mdash; fan account (@fanacc) <a href="https://twitter.com/fanacc/status/1">May 1, 2024</a></blockquote>'
    return url, d_pub, f"""<!doctype html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{E(a['title'])} | kpopbeat</title>
<meta property="og:title" content="{E(a['title'])}">
<meta property="og:description" content="{E(body[0][:150])}">
<meta property="og:site_name" content="kpopbeat">
<meta name="twitter:title" content="{E(a['title'])}">
<meta name="author" content="{E(', '.join(a['authors']))}">
{scripts}
<script src="/js/app.min.js"></script>
</head><body>
<div id="top_nav"><a href="/">kpopbeat</a> <a href="/news">News</a> <a href="/forums">Forums</a> <a href="/login">Login</a></div>
<div id="wrapper"><div id="left">
<div class="article-title"><h1>{E(a['title'])}</h1></div>
<div class="article_info">Posted by <span class="author-name">{E(' and '.join(a['authors']))}</span> <span class="date">{d_pub.astimezone(dt.timezone.utc).strftime('%A, %B %d, %Y')} {d_pub.astimezone(dt.timezone.utc).strftime('%H:%M')} UTC</span> <span class="views">{rng.randint(1000, 90000)} views</span></div>
<div class="social_btns"><a class="fb">Facebook</a> <a class="tw">Twitter</a> <a class="rd">Reddit</a> <a class="sms">SMS</a></div>
<div id="article-content">
{E(body[0])}<br><br>
{E(body[1])}<br><br>
{embed}
{br_html(body[2:])}
<div class="ad_container"><ins class="adsbygoogle" data-ad-client="ca-pub-1"></ins></div>
</div>
<div class="share_bottom">Share this article with your friends: <a>Facebook</a> <a>Twitter</a></div>
<div id="comments"><div class="comment_count">Comments ({rng.randint(5, 300)})</div>
{''.join('<div class="comment"><b>%s</b><div class="comment_text">%s</div><span class="time">%d hours ago</span></div>' % (E(u), E(c), k + 1) for k, (u, c) in enumerate(COMMENTS_EN))}
</div></div>
<div id="right"><div class="trending"><h2>Trending</h2>{''.join('<div class="trend_item"><a href="%s">%s</a></div>' % (u, E(t)) for t, s, u in rel)}</div>
<div class="ad_box">Advertisement</div></div></div>
<div id="footer">Copyright © 2025 kpopbeat. All rights reserved. <a href="/contact">Contact us</a> | <a href="/privacy">Privacy</a></div>
</body></html>"""


def t_joongang(a, i, others, rng):
    site, host = "Korea Central Daily", "https://koreacentraldaily.example.com"
    url = "%s/news/%s/entertainment/%s/%s" % (host, a["pub"][:10], a["section"].lower().replace("/", ""), slug(a))
    d_pub = kst(a["pub"])
    rel = related(others, "en", 5)
    email = a["authors"][0].lower().replace(" ", ".").replace("-", "") + "@kcd.example.com"
    return url, d_pub, f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(a['title'])} - Korea Central Daily</title>
<meta property="og:title" content="{E(a['title'])} - Korea Central Daily">
<meta property="og:site_name" content="Korea Central Daily">
<meta property="og:url" content="{url}"><meta property="og:image" content="/data/photo/{slug(a)}.jpg">
<meta name="keywords" content="{', '.join(a['tags'])}">
<script type="application/ld+json">{ld_article(a, url, d_pub, None, site, graph=True)}</script>
</head><body>
<div class="gnb"><ul><li><a href="/section/national">National</a></li><li><a href="/section/business">Business</a></li><li><a href="/section/entertainment">Entertainment</a></li><li><a href="/section/sports">Sports</a></li><li><a href="/section/opinion">Opinion</a></li></ul></div>
<div class="container"><div class="article_wrap">
<div class="article_header"><span class="section_name">{a['section']}</span><h1 class="view_tit">{E(a['title'])}</h1>
<p class="view_subtit">{E(a['paras'][0][:90])}...</p>
<div class="view_info"><span class="date">Published: {d_pub.strftime('%d %b. %Y, %H:%M')}</span></div></div>
<div id="article_body" class="article_body">
<div class="ab_photo photo_center"><img src="/data/photo/{slug(a)}.jpg"><p class="caption">A scene from the production. [SCREEN CAPTURE]</p></div>
{paras_html(a['paras'])}
<p class="byline">BY {E(a['authors'][0].upper())} [{email}]</p>
</div>
<div class="article_relate"><h3>More in Entertainment</h3>{''.join('<div class="relate_item"><a href="%s"><strong>%s</strong><span>%s</span></a></div>' % (u, E(t), E(s)) for t, s, u in rel)}</div>
</div>
<div class="aside_right"><div class="most_viewed"><h3>Most Viewed</h3><ol>{''.join('<li><a href="%s">%s</a></li>' % (u, E(t)) for t, s, u in rel)}</ol></div></div></div>
<div class="footer"><p>Korea Central Daily, 100 Seosomun-ro, Jung-gu, Seoul. Copyright by Korea Central Daily. All rights reserved.</p></div>
</body></html>"""


def t_herald(a, i, others, rng):
    site, host = "The Seoul Herald", "https://www.seoulherald.example.com"
    url = "%s/view.php?ud=%s%06d" % (host, a["pub"][:10].replace("-", ""), 500 + i)
    d_pub, d_upd = kst(a["pub"]), (kst(a["upd"]) if a["upd"] else kst(a["pub"]) + dt.timedelta(minutes=45))
    email = "".join(w[0] for w in a["authors"][0].split()).lower() + "@seoulherald.example.com"
    rel = related(others, "en", 5)
    return url, d_pub, f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(a['title'])}</title>
<meta property="og:title" content="{E(a['title'])}">
<meta property="og:site_name" content="The Seoul Herald">
<meta property="og:locale" content="ko_KR">
<meta name="description" content="{E(a['paras'][0])}">
</head><body>
<div id="header"><div class="top_menu"><a href="/">The Seoul Herald</a> <a href="/list.php?ct=020000000000">National</a> <a href="/list.php?ct=030000000000">Business</a> <a href="/list.php?ct=040000000000">Entertainment</a> <a href="/list.php?ct=050000000000">Sports</a></div></div>
<div id="contents"><div class="view_wrap">
<div class="view_tit_byline"><h1 class="view_tit">{E(a['title'])}</h1>
<div class="view_tit_byline_l">By <a href="/reporter/1">{E(a['authors'][0])}</a></div>
<div class="view_tit_byline_r">Published : {d_pub.strftime('%b. %-d, %Y - %H:%M')} &nbsp; Updated : {d_upd.strftime('%b. %-d, %Y - %H:%M')}</div></div>
<div class="view_con_t"><div class="view_con">
<div class="img_wrap"><img src="/news/photo/{slug(a)}.jpg"><span class="img_caption">{E(a['paras'][0][:60])} (Yonhap)</span></div>
{paras_html(a['paras'])}
<p>({email})</p>
</div></div>
<div class="view_sns"><a>Facebook</a><a>Twitter</a><a>Linkedin</a><a>Email</a><a>Print</a></div>
<div class="related_news"><h3>Related Articles</h3><ul>{''.join('<li><a href="%s">%s</a></li>' % (u, E(t)) for t, s, u in rel)}</ul></div>
<div class="most_popular"><h3>Most Popular</h3>{''.join('<div><a href="%s"><b>%s</b></a><p>%s</p></div>' % (u, E(t), E(s)) for t, s, u in rel[:3])}</div>
</div></div>
<div id="footer"><p>The Seoul Herald | Registration No.: Seoul, Ah-00000 | Publisher: Example Publisher | Tel: 02-000-0000</p><p>Copyright &copy; The Seoul Herald. All Rights Reserved.</p></div>
</body></html>"""


def t_ktimes(a, i, others, rng):
    site, host = "The Korea Chronicle", "https://www.koreachronicle.example.co.kr"
    url = "%s/www/entertainment/2025/%02d/%d_%d.html" % (host, int(a["pub"][5:7]), 680 + i % 9, 300000 + i)
    d_pub, d_upd = kst(a["pub"]), kst(a["pub"]) + dt.timedelta(hours=2, minutes=21)
    rel = related(others, "en", 4)
    return url, d_pub, f"""<html><head><meta charset="utf-8">
<title>{E(a['title'])} - The Korea Chronicle</title>
<meta property="og:title" content="{E(a['title'])}">
<meta property="og:site_name" content="The Korea Chronicle">
<meta name="twitter:creator" content="@koreachronicle">
</head><body>
<table width="100%"><tr><td class="top_nav"><a href="/www/nation">Nation</a> | <a href="/www/biz">Biz</a> | <a href="/www/opinion">Opinion</a> | <a href="/www/entertainment">Entertainment</a></td></tr></table>
<div class="wrapper"><div class="view_page_news">
<div class="view_page_news_header_wrapper"><div class="view_page_news_header">{E(a['title'])}</div>
<div class="view_page_news_writer">By {E(a['authors'][0])}</div>
<div class="view_page_news_date">Posted : {d_pub.strftime('%Y-%m-%d %H:%M')} | Updated : {d_upd.strftime('%Y-%m-%d %H:%M')}</div></div>
<div id="startts"><span>
{br_html(a['paras'])}
</span></div>
<div class="view_page_news_keyword">Keywords: {', '.join(a['tags'])}</div>
<div class="view_page_news_copyright">© Korea Chronicle. Unauthorized reproduction and redistribution prohibited.</div>
</div>
<div class="view_page_news_right"><div class="view_page_news_right_title">TOP 5 ENTERTAINMENT</div>
{''.join('<div class="view_page_news_right_item"><a href="%s">%s</a><p>%s</p></div>' % (u, E(t), E(s[:120])) for t, s, u in rel)}</div></div>
<div class="footer">The Korea Chronicle | 17 Sejong-daero, Jung-gu, Seoul | Publisher &amp; Editor: Example Editor</div>
</body></html>"""


def t_wordpress(a, i, others, rng):
    site, host = "Seoul Notes", "https://seoulnotes.example.blog"
    url = "%s/%s/%s/" % (host, a["pub"][:10].replace("-", "/"), slug(a))
    d_pub = kst(a["pub"])
    com = [("Mina", "This is such a lovely post. I went to the same place last year and you described the atmosphere perfectly, especially the part about the crowds on Saturdays."),
           ("Jordan K.", "Thanks for the recommendations! I added three of these to my list and I am going to try the early bus tip when I visit in the autumn."),
           ("Hye-jin", "Great writing as always. Could you do a post about autumn next time? I would love to know which places you think are underrated.")]
    return url, d_pub, f"""<!DOCTYPE html>
<html lang="en-US"><head><meta charset="UTF-8">
<title>{E(a['title'])} &#8211; Seoul Notes</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:type" content="article">
<meta property="og:site_name" content="Seoul Notes">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<link rel="canonical" href="{url}">
<link rel="stylesheet" href="/wp-content/themes/simple/style.css">
<script type="application/ld+json">{json.dumps({"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "@id": url, "name": a["title"]}, {"@type": "Person", "@id": host + "#author", "name": a["authors"][0]}, {"@type": "BlogPosting", "headline": a["title"], "datePublished": iso_kst(d_pub), "author": {"@id": host + "#author", "name": a["authors"][0]}}]})}</script>
</head><body class="post-template-default single single-post">
<a class="skip-link screen-reader-text" href="#content">Skip to content</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">Seoul Notes</a></p><p class="site-description">Music, dramas and slow travel in Korea</p>
<nav id="site-navigation" class="main-navigation"><ul><li><a href="/about/">About</a></li><li><a href="/category/music/">Music</a></li><li><a href="/category/travel/">Travel</a></li><li><a href="/contact/">Contact</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-{100 + i}" class="post type-post status-publish format-standard hentry">
<header class="entry-header"><h1 class="entry-title">{E(a['title'])}</h1>
<div class="entry-meta"><span class="posted-on">Posted on <a href="{url}"><time class="entry-date published" datetime="{iso_kst(d_pub)}">{d_pub.strftime('%B %-d, %Y')}</time></a></span> <span class="byline">by <span class="author vcard"><a class="url fn n" href="/author/x/">{E(a['authors'][0])}</a></span></span></div></header>
<div class="entry-content">
{paras_html(a['paras'])}
<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">Share this:</h3><ul><li><a>Twitter</a></li><li><a>Facebook</a></li></ul></div>
<div class="jp-relatedposts"><h3>Related</h3><p>{E(others[0]['title'])}</p><p>{E(others[1]['title'])}</p></div>
</div>
<footer class="entry-footer"><span class="cat-links">Posted in <a href="/category/x/">{a['section']}</a></span><span class="tags-links">Tagged {', '.join(a['tags'])}</span></footer>
</article>
<nav class="navigation post-navigation"><div class="nav-previous"><a href="/prev/">Previous post: {E(others[2]['title'])}</a></div></nav>
<div id="comments" class="comments-area"><h2 class="comments-title">{len(com)} thoughts on &ldquo;{E(a['title'])}&rdquo;</h2><ol class="comment-list">
{''.join('<li class="comment"><article class="comment-body"><footer class="comment-meta"><b class="fn">%s</b> <time>%s at 9:14 pm</time></footer><div class="comment-content"><p>%s</p></div></article></li>' % (E(u), d_pub.strftime('%B %-d, %Y'), E(c)) for u, c in com)}
</ol><div id="respond" class="comment-respond"><h3>Leave a Reply</h3><form><p>Your email address will not be published. Required fields are marked *</p><textarea></textarea></form></div></div>
</main></div>
<aside id="secondary" class="widget-area"><section class="widget widget_text"><h2 class="widget-title">About me</h2><div class="textwidget"><p>I moved to Seoul in 2019 to study Korean and never left. I write about the music I listen to and the places I wander to on weekends.</p></div></section></aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">Proudly powered by a blogging platform. Theme: Simple.</div></footer>
</body></html>"""


def t_gallery_en(a, i, others, rng):
    site, host = "K-Wave Daily", "https://www.kwavedaily.com"
    url = "%s/gallery/%d/%s" % (host, 90000 + i, slug(a))
    d_pub = kst(a["pub"])
    photos = [("Actress Yoo Ga-eun poses in a lavender suit at the entrance.", "Kim Photo"), ("Singer Jang Hye-rin waves to fans gathered behind the barrier.", "Lee Lens"),
              ("Members of NOVA7 arrive together in matching grey coats.", "Kim Photo"), ("Actor Min Jae-won stops for photographers on the red carpet.", "Park Studio"),
              ("Model Seo Ji-yu walks in the opening show wearing a hanbok-inspired jacket.", "Lee Lens"), ("The runway before the opening show begins.", "Park Studio")]
    return url, d_pub, f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{E(a['title'])} | K-Wave Daily</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="K-Wave Daily">
<meta property="article:published_time" content="{iso_kst(d_pub)}"><meta property="article:author" content="{E(a['authors'][0])}">
</head><body><header class="site-header"><a href="/">K-Wave Daily</a>{nav_en(['News', 'Photos', 'Videos'])}</header>
<main><article class="gallery-article"><h1>{E(a['title'])}</h1><div class="byline">Photos by staff, words by {E(a['authors'][0])}</div>
<div class="gallery-intro">{paras_html(a['paras'])}</div>
<div class="gallery">{''.join('<figure class="gallery-item"><img src="/g/%d.jpg" alt="%s"><figcaption><p>%s</p><span class="credit">Photo: %s</span></figcaption></figure>' % (k, E(c), E(c), E(cr)) for k, (c, cr) in enumerate(photos))}</div>
<div class="gallery-nav"><a href="?p=2">Next photo</a> <span>1 / {len(photos)}</span></div>
</article>
<section class="more-galleries"><h2>More galleries</h2>{''.join('<div class="card"><a href="%s"><h3>%s</h3></a><p>%s</p></div>' % (u, E(t), E(s)) for t, s, u in related(others, 'en', 3))}</section></main>
<footer><p>&copy; 2025 K-Wave Daily</p></footer></body></html>"""


def t_jsonld_only(a, i, others, rng):
    ko = a in KO
    site = "스타투데이플러스" if ko else "StarWire"
    host = "https://m.startoday.example.kr" if ko else "https://www.starwire.example.com"
    url = "%s/news/%d" % (host, 7700000 + i)
    d_pub = kst(a["pub"])
    ld = ld_article(a, url, d_pub, None, site, body=True, image=host + "/img/%s.jpg" % slug(a))
    return url, d_pub, f"""<!DOCTYPE html><html lang="{'ko' if ko else 'en'}"><head><meta charset="utf-8">
<title>{E(a['title'])} - {site}</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="{site}">
<script type="application/ld+json">{ld}</script>
<script>window.__INITIAL_STATE__={{"route":"/news/{7700000 + i}","user":null,"flags":{{"ssr":false}}}};</script>
<script src="/static/js/main.8f3a1c.js" defer></script>
<link rel="stylesheet" href="/static/css/main.css">
</head><body><noscript>{'이 사이트를 이용하려면 자바스크립트를 활성화해 주세요.' if ko else 'You need to enable JavaScript to run this app.'}</noscript>
<div id="root"><div class="app-shell"><div class="header-skeleton"></div><div class="loading">{'불러오는 중' if ko else 'Loading'}...</div></div></div>
</body></html>"""


def t_long_related(a, i, others, rng):
    site, host = "Hallyu Insider", "https://www.hallyuinsider.example.com"
    url = "%s/%s/%s" % (host, a["pub"][:10].replace("-", "/"), slug(a))
    d_pub = kst(a["pub"])
    rel = related(others, "en", 14)
    return url, d_pub, f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{E(a['title'])} — Hallyu Insider</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="Hallyu Insider">
<meta itemprop="datePublished" content="{iso_kst(d_pub)}">
</head><body>
<div class="cookie-notice" role="dialog"><p>This website uses cookies to give you the best experience. Some are essential, others help us understand how the site is used and allow our partners to show relevant ads. You can change your choice at any time.</p><a href="/cookies">Learn more</a><button>OK</button></div>
<nav class="top">{nav_en(['Home', 'Dramas', 'Music', 'Movies', 'Interviews'])}</nav>
<div class="page"><article itemscope itemtype="https://schema.org/NewsArticle">
<h1 itemprop="headline">{E(a['title'])}</h1>
<p class="meta">By <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">{E(a['authors'][0])}</span></span> · {d_pub.strftime('%B %-d, %Y')}</p>
<div itemprop="articleBody">{paras_html(a['paras'])}</div>
<p class="newsletter-cta">Never miss a story: sign up for our free weekly newsletter and get the biggest K-drama and K-pop news delivered to your inbox every Friday morning.</p>
</article>
<div class="read-next"><h2>Read next</h2>
{''.join('<div class="story-card"><a href="%s"><h3>%s</h3></a><p class="dek">%s</p><span class="date">%s</span></div>' % (u, E(t), E(s), d_pub.strftime('%b %-d')) for t, s, u in rel)}
</div></div>
<footer><div class="footer-about"><p>Hallyu Insider is an independent publication about Korean pop culture, written by fans for fans since 2015.</p></div></footer></body></html>"""


# ---------------------------------------------------------------- Korean layouts

KO_FOOTER = """<div class="footer"><p>서울특별시 중구 세종대로 100 | 대표전화 02-000-0000 | 등록번호 서울 아00000 | 발행인·편집인 홍길동 | 청소년보호책임자 김철수</p><p>이 사이트의 모든 콘텐츠는 저작권법의 보호를 받습니다. 무단 전재, 복사, 배포 등을 금합니다.</p></div>"""


def ko_email(name):
    roman = {"김민지": "minji", "박서준": "sjpark", "이하나": "hana", "정수아": "sua", "최유진": "yujin", "한지민": "jimin", "오세훈": "sehoon",
             "김도윤": "doyun", "윤서연": "syyoon", "강민호": "minho", "임하늘": "haneul", "조현우": "hyunwoo"}
    return roman.get(name, "desk") + "@example.co.kr"


def t_naver(a, i, others, rng):
    site = "N뉴스"
    url = "https://n.news.example.com/mnews/article/%03d/%010d" % (100 + i, 2000000 + i)
    d_pub, d_upd = kst(a["pub"]), (kst(a["upd"]) if a["upd"] else None)
    def ndate(d):
        h = d.hour % 12 or 12
        return "%s. %s %d:%02d" % (d.strftime("%Y.%m.%d"), "오후" if d.hour >= 12 else "오전", h, d.minute)
    rel = related(others, "ko", 5)
    upd_html = ('<div class="media_end_head_info_datestamp_bunch"><span class="media_end_head_info_datestamp_term">수정</span><span class="media_end_head_info_datestamp_time _ARTICLE_MODIFY_DATE_TIME" data-modify-date-time="%s">%s</span></div>' % (d_upd.strftime("%Y-%m-%d %H:%M:%S"), ndate(d_upd))) if d_upd else ""
    press = ["스타데일리", "연예투데이", "K엔터뉴스"][i % 3]
    return url, d_pub, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])}</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:type" content="article">
<meta property="og:url" content="{url}"><meta property="og:image" content="https://imgnews.example.net/image/{100 + i}/{slug(a)}.jpg">
<meta property="og:description" content="{E(a['paras'][0])}"><meta property="og:article:author" content="{press} | 네이버">
<meta name="twitter:card" content="summary_large_image"><meta name="twitter:title" content="{E(a['title'])}">
<meta property="og:site_name" content="{site}">
<script>var g_ssc="news.end"; var article = {{officeId:"{100 + i}", articleId:"{2000000 + i}"}};</script>
</head><body>
<div id="u_skip"><a href="#ct">본문 바로가기</a></div>
<header class="Nlnb"><div class="Nlnb_menu"><ul><li><a href="/main">뉴스홈</a></li><li><a href="/section/100">정치</a></li><li><a href="/section/101">경제</a></li><li><a href="/section/102">사회</a></li><li><a href="/section/106">연예</a></li><li><a href="/section/107">스포츠</a></li></ul></div></header>
<div id="ct" class="newsct"><div class="media_end_head go_trans">
<div class="media_end_head_top"><a class="media_end_head_top_logo" href="/press/{100 + i}"><img alt="{press}"></a></div>
<div class="media_end_head_title"><h2 id="title_area" class="media_end_head_headline"><span>{E(a['title'])}</span></h2></div>
<div class="media_end_head_info nv_notrans"><div class="media_end_head_journalist"><a class="media_end_head_journalist_box"><em class="media_end_head_journalist_name">{E(a['authors'][0])} 기자</em></a></div>
<div class="media_end_head_info_datestamp"><div class="media_end_head_info_datestamp_bunch"><span class="media_end_head_info_datestamp_term">입력</span><span class="media_end_head_info_datestamp_time _ARTICLE_DATE_TIME" data-date-time="{d_pub.strftime('%Y-%m-%d %H:%M:%S')}">{ndate(d_pub)}</span></div>{upd_html}</div>
<div class="media_end_head_info_variety"><span class="u_likeit_text _count">좋아요</span><span class="media_end_head_cmtcount">댓글 {rng.randint(3, 400)}</span><button class="media_end_head_fontsize">본문 텍스트 크기</button><button class="media_end_head_share">공유하기</button></div></div></div>
<div id="contents" class="newsct_body"><div id="newsct_article" class="newsct_article _article_body">
<article id="dic_area" class="go_trans _article_content">
<span class="end_photo_org"><img src="https://imgnews.example.net/{slug(a)}.jpg"><em class="img_desc">{E(a['title'][:20])} 관련 이미지. 사진=소속사 제공</em></span><br><br>
{br_html(a['paras'])}<br><br>
{E(a['authors'][0])} 기자 {ko_email(a['authors'][0])}<br>
</article></div>
<div class="byline"><p class="byline_p"><span class="byline_s">{E(a['authors'][0])} 기자({ko_email(a['authors'][0])})</span></p></div>
<p class="source_copyright">Copyright ⓒ {press}. All rights reserved. 무단 전재 및 재배포 금지.</p>
<div class="media_end_linked"><h4 class="media_end_linked_title">{press} 주요뉴스</h4><ul>{''.join('<li><a href="%s"><div class="media_end_linked_item_title">%s</div><p class="media_end_linked_item_desc">%s</p></a></li>' % (u, E(t), E(s)) for t, s, u in rel)}</ul></div>
<div class="_reactionModule u_likeit"><a>좋아요</a><a>훈훈해요</a><a>슬퍼요</a><a>화나요</a><a>후속기사 원해요</a></div>
<div id="cbox_module" class="u_cbox"><h5>댓글</h5>{''.join('<div class="u_cbox_comment"><span class="u_cbox_nick">%s</span><span class="u_cbox_contents">%s</span><span class="u_cbox_date">2024.05.01. 16:0%d</span></div>' % (E(u), E(c), k) for k, (u, c) in enumerate(COMMENTS_KO))}</div>
</div></div>
<footer class="Nfooter"><p>각 기사의 저작권은 해당 언론사에 있으며, 기사 내용에 대한 책임은 해당 언론사에 있습니다.</p></footer>
</body></html>"""


def t_daum(a, i, others, rng):
    site = "다음뉴스"
    url = "https://v.daum.example.net/v/%s%06d" % (a["pub"][:10].replace("-", ""), 100000 + i)
    d_pub = kst(a["pub"])
    rel = related(others, "ko", 6)
    press = ["엔터일보", "스타포커스"][i % 2]
    return url, d_pub, f"""<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])} | 다음뉴스</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="다음뉴스">
<meta property="og:regDate" content="{d_pub.strftime('%Y%m%d%H%M%S')}">
<meta property="og:description" content="{E(a['paras'][0][:100])}">
<meta name="article:media_name" content="{press}">
<meta property="dg:plink" content="{url}">
</head><body>
<div id="kakaoHead"><h1 class="tit_daum"><a href="/">다음</a></h1><ul class="gnb_comm"><li><a href="/news">뉴스</a></li><li><a href="/entertain">연예</a></li><li><a href="/sports">스포츠</a></li></ul></div>
<div id="kakaoContent"><div id="cMain"><div id="mArticle">
<div class="head_view"><h3 class="tit_view" data-translation="true">{E(a['title'])}</h3>
<span class="info_view"><span class="txt_info">{E(a['authors'][0])} 기자</span><span class="txt_info">입력 <span class="num_date">{d_pub.strftime('%Y. %-m. %-d. %H:%M')}</span></span></span>
<div class="util_view"><button class="btn_share">공유</button><button class="btn_font">글씨크기 조절하기</button><button class="btn_print">인쇄하기</button></div></div>
<div class="news_view fs_type1"><div class="article_view" data-translation-body="true"><section dmcf-sid="x">
<figure class="figure_frm origin_fig" dmcf-ptype="figure"><p class="link_figure"><img src="/img/{slug(a)}.jpg"></p><figcaption class="txt_caption default_figure">{E(a['title'][:18])} 관련 사진 [사진 = 소속사 제공]</figcaption></figure>
{''.join('<p dmcf-ptype="general">%s</p>' % E(p) for p in a['paras'])}
<p dmcf-ptype="general">{E(a['authors'][0])} 기자 {ko_email(a['authors'][0])}</p>
</section></div></div>
<div class="foot_view"><p class="txt_copyright">Copyright © {press}. 무단전재 및 재배포 금지.</p></div>
<div class="box_related"><h4>이 기사와 관련된 뉴스</h4><ul class="list_related">{''.join('<li><a href="%s"><strong class="tit_g">%s</strong><span class="desc_g">%s</span></a></li>' % (u, E(t), E(s)) for t, s, u in rel)}</ul></div>
<div class="cmt_box alex-area"><strong>댓글 {rng.randint(10, 99)}</strong>{''.join('<div class="cmt_item"><span class="txt_name">%s</span><p class="desc_txt">%s</p></div>' % (E(u), E(c)) for u, c in COMMENTS_KO[:3])}</div>
</div></div></div>
<div id="kakaoFoot"><p>Copyright © Example Corp. All rights reserved.</p></div>
</body></html>"""


def t_yonhap(a, i, others, rng):
    site = "연합뉴스플러스"
    url = "https://www.yonhapplus.example.co.kr/view/AKR%s%06d005" % (a["pub"][:10].replace("-", ""), 100 + i)
    d_pub = kst(a["pub"])
    rel = related(others, "ko", 5)
    first = "(서울=연합뉴스) %s 기자 = %s" % (a["authors"][0], a["paras"][0])
    paras = [first] + a["paras"][1:]
    return url, d_pub, paras, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])} | 연합뉴스플러스</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="연합뉴스플러스">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
<meta property="og:image" content="https://img.yonhapplus.example.co.kr/photo/{slug(a)}.jpg">
</head><body>
<div id="header"><nav class="nav-gnb"><ul><li><a href="/politics">정치</a></li><li><a href="/economy">경제</a></li><li><a href="/entertainment">연예</a></li><li><a href="/sports">스포츠</a></li></ul></nav></div>
<div class="container"><div class="content03"><div class="title-article01"><h1 class="tit">{E(a['title'])}</h1>
<p class="update-time" data-published-time="{d_pub.strftime('%Y%m%d%H%M')}">송고시간{d_pub.strftime('%Y-%m-%d %H:%M')}</p></div>
<div class="writer-zone01"><strong class="tit-name"><a>{E(a['authors'][0])}</a> 기자</strong></div>
<div class="story-news article">
<div class="comp-box photo-group"><figure><img src="/photo/{slug(a)}.jpg"><figcaption class="desc-con">{E(a['title'][:20])} [소속사 제공. 재판매 및 DB 금지]</figcaption></figure></div>
{paras_html(paras)}
<p>{ko_email(a['authors'][0])}</p>
<p class="txt-copyright adrs">제보는 카카오톡 okjebo &lt;저작권자(c) 연합뉴스플러스, 무단 전재-재배포, AI 학습 및 활용 금지&gt;</p>
</div>
<div class="keyword-zone"><ul>{''.join('<li><a href="/tag/%s">#%s</a></li>' % (E(t), E(t)) for t in a['tags'])}</ul></div>
<div class="related-zone"><strong>관련 뉴스</strong><ul>{''.join('<li><a href="%s"><span class="tit">%s</span><span class="lead">%s</span></a></li>' % (u, E(t), E(s)) for t, s, u in rel)}</ul></div>
</div><aside class="aside-box"><div class="rank-news"><strong>많이 본 뉴스</strong><ol>{''.join('<li><a href="%s">%s</a></li>' % (u, E(t)) for t, s, u in rel)}</ol></div></aside></div>
{KO_FOOTER}
</body></html>"""


def t_sportschosun(a, i, others, rng, heavy=False):
    site = "스포츠조은"
    url = "https://sports.joeun.example.com/news/ntype.htm?id=%s%07d&servicedate=%s" % (a["pub"][:10].replace("-", ""), 1000 + i, a["pub"][:10].replace("-", ""))
    d_pub = kst(a["pub"])
    d_upd = d_pub + dt.timedelta(minutes=37)
    first = "[스포츠조은 %s 기자] %s" % (a["authors"][0], a["paras"][0])
    paras = [first] + a["paras"][1:]
    rel = related(others, "ko", 6)
    scripts = "".join("<script>%s</script>" % big_script(rng, 12) for _ in range(3)) if heavy else ""
    return url, d_pub, paras, f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{E(a['title'])} - 스포츠조은</title>
<meta property="og:title" content="{E(a['title'])}">
<meta property="og:site_name" content="스포츠조은">
<meta name="description" content="{E(a['paras'][0][:80])}">
{scripts}
</head><body>
<div id="wrap"><div class="gnb_area"><a href="/">스포츠조은</a> <a href="/baseball">야구</a> <a href="/soccer">축구</a> <a href="/enter">연예</a> <a href="/photo">포토</a></div>
<div class="banner_top ad"><a href="https://ad.example.com/click?1"><img alt="광고"></a></div>
<div class="news_view"><div class="news_title_area"><h1 class="news_title">{E(a['title'])}</h1>
<div class="news_date">기사입력 {d_pub.strftime('%Y-%m-%d %H:%M')} | 최종수정 {d_upd.strftime('%Y-%m-%d %H:%M')}</div></div>
<div class="news_text" id="news_body_id"><div class="article">
<table class="news_photo"><tr><td><img src="/photo/{slug(a)}.jpg"></td></tr><tr><td class="photo_caption">사진제공=소속사</td></tr></table>
{br_html(paras)}<br><br>
{E(a['authors'][0])} 기자 {ko_email(a['authors'][0])}<br><br>
</div></div>
<div class="news_copy">Copyright ⓒ 스포츠조은. All rights reserved. 무단 전재 및 재배포 금지</div>
<div class="hot_news"><h3>스포츠조은 핫뉴스</h3><ul>{''.join('<li><a href="%s">%s</a></li>' % (u, E(t)) for t, s, u in rel)}</ul></div>
<div class="photo_news"><h3>포토</h3>{''.join('<div class="item"><a href="%s"><img><p>%s</p></a></div>' % (u, E(s[:60])) for t, s, u in rel[:3])}</div>
</div>
{KO_FOOTER}</div></body></html>"""


def t_osen(a, i, others, rng):
    site = "오센스타"
    url = "https://www.osenstar.example.co.kr/article/G%s%04d" % (a["pub"][:10].replace("-", ""), 10 + i)
    d_pub = kst(a["pub"])
    first = "[OSEN스타=%s 기자] %s" % (a["authors"][0], a["paras"][0])
    paras = [first] + a["paras"][1:]
    rel = related(others, "ko", 5)
    return url, d_pub, paras, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="UTF-8">
<title>{E(a['title'])} | 오센스타</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="오센스타">
<meta property="og:type" content="article"><meta name="news_keywords" content="{','.join(a['tags'])}">
<script type="application/ld+json">{ld_article(a, url, d_pub, None, site, author_obj=False)}</script>
</head><body>
<header id="header"><div class="top-menu"><a href="/">오센스타</a><ul class="menu-list"><li><a href="/enter">연예</a></li><li><a href="/sports">스포츠</a></li><li><a href="/photo">포토</a></li></ul></div></header>
<section class="detail"><div class="detail-header"><h1 class="detail-title">{E(a['title'])}</h1>
<div class="detail-info"><span class="writer">{E(a['authors'][0])} 기자</span><span class="date">기사입력 : {d_pub.strftime('%Y.%m.%d %H:%M')}</span></div>
<div class="detail-sns"><a>페이스북</a><a>트위터</a><a>카카오톡</a><a>링크복사</a></div></div>
<div class="detail-body font-size" id="view_cont">
{paras_html(paras[:2])}
<div class="img-box"><img src="/img/{slug(a)}.jpg"><p class="img-desc">[사진] 소속사 제공</p></div>
{paras_html(paras[2:])}
<p>/{ko_email(a['authors'][0]).split('@')[0]}@osenstar.example.co.kr</p>
<p>[사진] 소속사 제공</p>
</div>
<div class="detail-copyright">ⓒ오센스타 무단전재 및 재배포 금지</div>
<div class="detail-recom"><h3>추천 기사</h3>{''.join('<div class="recom-item"><a href="%s"><h4>%s</h4><p>%s</p></a></div>' % (u, E(t), E(s)) for t, s, u in rel)}</div>
</section>
{KO_FOOTER}</body></html>"""


def t_newsen(a, i, others, rng):
    site = "뉴스엔터"
    url = "https://www.newsenter.example.com/news_view.php?uid=%s%09d" % (a["pub"][:10].replace("-", ""), 1000 + i)
    d_pub = kst(a["pub"])
    first = "[뉴스엔터 %s 기자] %s" % (a["authors"][0], a["paras"][0])
    paras = [first] + a["paras"][1:]
    rel = related(others, "ko", 8)
    return url, d_pub, paras, f"""<html><head><meta http-equiv="content-type" content="text/html; charset=utf-8">
<title>{E(a['title'])}</title>
<meta property="og:title" content="{E(a['title'])}">
</head><body topmargin="0" leftmargin="0">
<table width="1000" cellpadding="0" cellspacing="0"><tr><td class="top_menu"><a href="/">뉴스엔터</a> | <a href="/news_list.php?code=ent">연예</a> | <a href="/news_list.php?code=music">가요</a> | <a href="/news_list.php?code=tv">방송</a></td></tr></table>
<table width="1000"><tr><td width="680" valign="top">
<table width="100%"><tr><td class="title_1" style="font-size:24px"><b>{E(a['title'])}</b></td></tr>
<tr><td class="date_1">기사입력 {d_pub.strftime('%Y-%m-%d %H:%M:%S')}</td></tr></table>
<table width="100%"><tr><td class="article" id="articleContent">
<table align="center"><tr><td><img src="/photo/{slug(a)}.jpg"></td></tr><tr><td class="photo_desc">{E(a['title'][:16])} 사진</td></tr></table>
{br_html(paras)}<br><br>
뉴스엔터 {E(a['authors'][0])} {ko_email(a['authors'][0])}<br><br>
정보제공 및 보도자료 press@newsenter.example.com<br>
copyright(c) 뉴스엔터. 무단전재 &amp; 재배포 금지
</td></tr></table>
</td><td width="300" valign="top" class="right_area"><table><tr><td class="best_title">많이 본 뉴스</td></tr>
{''.join('<tr><td class="best_list"><a href="%s">%s</a></td></tr>' % (u, E(t)) for t, s, u in rel)}</table></td></tr></table>
<table width="1000"><tr><td class="copy">(주)뉴스엔터 | 서울특별시 마포구 | 대표 홍길동 | Copyright ⓒ 뉴스엔터 All rights reserved.</td></tr></table>
</body></html>"""


def t_ndsoft(a, i, others, rng, long_related=False):
    site = "한류데일리"
    url = "https://www.hallyudaily.example.co.kr/news/articleView.html?idxno=%d" % (30000 + i)
    d_pub = kst(a["pub"])
    rel = related(others, "ko", 16 if long_related else 5)
    names = "·".join(a["authors"])
    return url, d_pub, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])} &lt; {a['section']} &lt; 기사본문 - 한류데일리</title>
<meta property="og:type" content="article"><meta property="og:title" content="{E(a['title'])} - 한류데일리">
<meta property="og:site_name" content="한류데일리"><meta property="og:url" content="{url}">
<meta name="author" content="{names} 기자">
<meta property="article:section" content="{a['section']}">
<link rel="canonical" href="{url}">
</head><body>
<div id="user-wrap"><header class="user-header"><div class="header-top"><a href="/" class="logo">한류데일리</a></div>
<nav class="nav-menu"><ul><li><a href="/news/articleList.html?sc_section_code=S1N1">연예</a></li><li><a href="/news/articleList.html?sc_section_code=S1N2">방송</a></li><li><a href="/news/articleList.html?sc_section_code=S1N3">가요</a></li></ul></nav></header>
<div id="user-container"><div class="float-center max-width-1080"><section class="user-snb"></section>
<div id="article-view"><header class="article-view-header"><div class="info-group"><ul class="infomation"><li><i class="icon-user-o"></i> {names} 기자</li><li><i class="icon-clock-o"></i> 승인 {d_pub.strftime('%Y.%m.%d %H:%M')}</li><li><i class="icon-comment-o"></i> 댓글 0</li></ul></div>
<h3 class="heading">{E(a['title'])}</h3><h4 class="subheading">{E(a['paras'][1][:50])}</h4></header>
<div class="article-view-content"><article id="article-view-content-div" class="article-veiw-body view-page font-size17">
<figure class="photo-layout image"><img src="/news/photo/{slug(a)}.jpg"><figcaption>{E(a['title'][:15])} 관련 이미지</figcaption></figure>
{paras_html(a['paras'])}
</article>
<div class="view-copyright">저작권자 © 한류데일리 무단전재 및 재배포 금지</div>
<div class="view-editors"><div class="profile"><strong>{E(a['authors'][0])} 기자</strong><p>{ko_email(a['authors'][0])}</p><a>다른기사 보기</a></div></div></div>
<section class="relation-list"><h2>관련기사</h2><ul>{''.join('<li><a href="%s"><strong>%s</strong><p>%s</p></a></li>' % (u, E(t), E(s)) for t, s, u in rel)}</ul></section>
</div></div></div>
<footer class="user-footer"><div class="footer-address">서울특별시 강남구 | 대표전화 : 02-000-0000 | 청소년보호책임자 : 김철수 | 제호 : 한류데일리 | 등록번호 : 서울 아 00000</div>
<div class="footer-copyright">Copyright © 2025 한류데일리. All rights reserved.</div></footer></div>
</body></html>"""


def t_tistory(a, i, others, rng):
    site = "하늘정원의 여행노트"
    url = "https://skygarden.tistory.example.com/%d" % (200 + i)
    d_pub = kst(a["pub"])
    com = [("지나가던 여행자", "저도 지난달에 다녀왔는데 정말 분위기 좋더라고요. 유자 파운드케이크는 못 먹어봐서 다음에 꼭 먹어보려고요."),
           ("하늘정원", "네 다음에 가시면 꼭 드셔보세요! 평일 오전이 확실히 한적해요."),
           ("초록빛", "사진이 너무 예뻐요. 주말에 친구랑 가보려고 했는데 일찍 가야겠네요. 좋은 정보 감사합니다.")]
    return url, d_pub, f"""<!doctype html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])}</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="{site}">
<meta property="og:type" content="article"><meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta property="og:article:author" content="{E(a['authors'][0])}">
</head><body id="tt-body-page">
<div id="wrap"><header id="header"><h1><a href="/">{site}</a></h1><div class="search"><input placeholder="검색"></div></header>
<div id="container"><main class="main"><div class="area-main"><div class="area-view">
<div class="article-header"><div class="inner-article-header"><div class="box-meta"><p class="category">{a['section']}</p><h2 class="title-article">{E(a['title'])}</h2>
<div class="box-info"><p class="writer">{E(a['authors'][0])}</p><p class="date">{d_pub.strftime('%Y. %-m. %-d. %H:%M')}</p></div></div></div></div>
<div class="article-view"><div class="contents_style"><div class="tt_article_useless_p_margin">
{paras_html(a['paras'])}
<p data-ke-size="size16">&nbsp;</p>
<figure class="imageblock alignCenter"><span><img src="/img/cafe.jpg"></span><figcaption>창가 자리에서 본 풍경</figcaption></figure>
</div></div>
<div class="container_postbtn"><div class="postbtn_like"><span>공감</span><span class="txt_like">{rng.randint(3, 90)}</span></div><button>공유하기</button><button>게시글 관리</button></div>
<div class="another_category another_category_color_gray"><h4>'{a['section']}' 카테고리의 다른 글</h4><table><tr><th><a href="/1">봄날의 한옥마을 산책</a></th><td>2025.04.01</td></tr><tr><th><a href="/2">전주 여행 2박 3일 코스 정리</a></th><td>2025.03.20</td></tr></table></div>
</div>
<div class="area-reply"><div class="tt-box-total"><span>댓글</span><span>{len(com)}</span></div><ul class="tt-list-reply">
{''.join('<li class="tt-item-reply"><div class="tt-box-meta"><strong class="tt-link-user">%s</strong><span class="tt-txt-date">2025.04.13 09:1%d</span></div><div class="tt-box-content"><p class="tt_desc">%s</p></div></li>' % (E(u), k, E(c)) for k, (u, c) in enumerate(com))}
</ul></div></div></div></main>
<aside class="area-aside"><div class="box-profile"><p>여행과 카페, 드라마 촬영지를 기록하는 블로그입니다. 주말마다 새로운 곳을 찾아다녀요.</p></div><div class="box-recent"><h3>최근글</h3><ul><li><a href="/1">봄날의 한옥마을 산책</a></li><li><a href="/2">전주 여행 2박 3일 코스 정리</a></li></ul></div></aside></div>
<footer id="footer"><p>Designed by 티스토리</p></footer></div></body></html>"""


def t_gallery_ko(a, i, others, rng):
    site = "스타포토뉴스"
    url = "https://photo.starphoto.example.co.kr/view/%d" % (55000 + i)
    d_pub = kst(a["pub"])
    captions = ["배우 유가은이 18일 오후 서울 동대문에서 열린 패션위크 개막 쇼 포토월 행사에 참석해 포즈를 취하고 있다.",
                "가수 장혜린이 포토월에서 팬들에게 손을 흔들고 있다.", "그룹 노바세븐이 나란히 입장하고 있다.",
                "배우 민재원이 레드카펫에서 미소 짓고 있다.", "모델 서지유가 한복 원단 재킷을 입고 런웨이에 서고 있다."]
    return url, d_pub, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8"><title>{E(a['title'])} - 스타포토뉴스</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="스타포토뉴스">
<meta property="article:published_time" content="{d_pub.strftime('%Y-%m-%dT%H:%M:%S')}">
</head><body><div class="gnb"><a href="/">스타포토뉴스</a> <a href="/photo">포토</a> <a href="/video">영상</a></div>
<div class="photo_view"><h1 class="tit">{E(a['title'])}</h1><div class="info"><span class="name">{E(a['authors'][0])} 기자</span></div>
<div class="photo_txt">{paras_html(a['paras'])}</div>
<div class="photo_list">{''.join('<div class="photo_item"><img src="/p/%d.jpg"><p class="photo_caption">%s /사진=%s 기자 %s</p></div>' % (k, E(c), E(a['authors'][0]), ko_email(a['authors'][0])) for k, c in enumerate(captions))}</div>
<div class="paging"><a>이전</a> <span>1/5</span> <a>다음</a></div>
<div class="copyright">ⓒ 스타포토뉴스 무단전재 및 재배포 금지</div></div>
<div class="more_photo"><h3>다른 포토 뉴스</h3>{''.join('<a href="%s"><img><span>%s</span></a>' % (u, E(t)) for t, s, u in related(others, 'ko', 6, False))}</div>
{KO_FOOTER}</body></html>"""


def t_naver_entertain(a, i, others, rng):
    """Portal entertainment article view: the body in <div id="articeBody"> (sic) as <br> runs
    with a photo and its caption at the top, ranking and cluster teasers beside it."""
    url = "https://m.entertain.example.com/article/%03d/%010d" % (100 + i, 3000000 + i)
    d_pub = kst(a["pub"])
    h = d_pub.hour % 12 or 12
    stamp = "%s. %s %d:%02d" % (d_pub.strftime("%Y.%m.%d"), "오후" if d_pub.hour >= 12 else "오전", h, d_pub.minute)
    rel = related(others, "ko", 8)
    press = "스타투데이엔"
    return url, d_pub, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])} : 엔터 포털</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:type" content="article">
<meta property="og:site_name" content="엔터 포털"><meta property="og:url" content="{url}">
<meta property="og:description" content="{E(a['paras'][0])}">
</head><body>
<div class="u_skip"><a href="#articeBody">본문 바로가기</a></div>
<div id="header" class="header"><h1 class="logo"><a href="/">엔터 포털</a></h1><ul class="lnb"><li><a href="/home">홈</a></li><li><a href="/now">TV</a></li><li><a href="/movie">영화</a></li><li><a href="/music">뮤직</a></li><li><a href="/ranking">랭킹</a></li></ul></div>
<div id="content" class="end_ct"><div class="end_ct_area">
<div class="press_logo"><a href="/press/{100 + i}"><img alt="{press}"></a></div>
<h2 class="end_tit">{E(a['title'])}</h2>
<div class="article_info"><span class="author"><em>{E(a['authors'][0])} 기자</em></span><span class="author_more"><a>구독</a></span>
<div class="info"><span>기사입력 <em class="date">{stamp}</em></span></div></div>
<div class="end_btn"><button class="u_likeit_btn">좋아요 {rng.randint(10, 900)}</button><a class="btn_font">글자 크기</a><a class="btn_share">공유</a></div>
<div id="articeBody" class="end_body_wrp">
<span class="end_photo_org"><img src="https://imgnews.example.net/ent/{slug(a)}.jpg"><em class="img_desc">배우 {E(a['title'][3:6])}. 사진={press} DB</em></span><br><br>
{br_html(a['paras'])}<br><br><br>
{E(a['authors'][0])} 기자 {ko_email(a['authors'][0])}<br>
</div>
<p class="source">기사제공 {press}</p>
<div class="copyright">ⓒ {press}, 무단전재 및 재배포 금지</div>
<div class="end_rcm"><h3>이 기사를 추천합니다</h3><ul><li>좋아요</li><li>훈훈해요</li><li>팬이에요</li></ul></div>
</div>
<div class="end_ct_aside"><div class="cluster_area"><h3>이 시각 많이 본 연예 뉴스</h3>
{''.join('<div class="cluster_item"><a href="%s"><strong class="cluster_tit">%s</strong><p class="cluster_desc">%s</p></a></div>' % (u, E(t), E(s)) for t, s, u in rel)}
</div></div></div>
<div id="cbox_module" class="u_cbox"><h4>댓글</h4>{''.join('<div class="u_cbox_comment"><span class="u_cbox_nick">%s</span><span class="u_cbox_contents">%s</span></div>' % (E(u), E(c)) for u, c in COMMENTS_KO)}</div>
<div id="footer"><p>각 기사의 저작권은 해당 언론사에 있습니다.</p></div>
</body></html>"""


def t_outlet_br_runs(a, i, others, rng):
    """An older outlet CMS: the body is bare text in <div id="article_body"> split by runs of
    <br>, with a photo table, inline tags, a related-story line, tags and the reporter line
    inside the same div."""
    site = "뮤직앤스타"
    url = "http://www.musicnstar.example.co.kr/news/view.asp?idx=%d&code=M02" % (77000 + i)
    d_pub = kst(a["pub"])
    first = "[뮤직앤스타=%s 기자] %s" % (a["authors"][0], a["paras"][0])
    paras = [first] + a["paras"][1:]
    rel = related(others, "ko", 5)
    body = ("<br />\n<br />\n&nbsp;<br />\n").join(
        E(p).replace("OST", "<b>OST</b>", 1) if k == 1 else E(p) for k, p in enumerate(paras))
    return url, d_pub, paras, f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{site} - {E(a['title'])}</title>
<meta property="og:title" content="{E(a['title'])}">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
</head><body>
<div id="top_menu"><a href="/">{site}</a> <a href="/news/list.asp?code=M01">가요</a> <a href="/news/list.asp?code=M02">OST</a> <a href="/news/list.asp?code=M03">공연</a></div>
<div id="container"><div id="left_area">
<div class="art_head"><h1 class="art_title">{E(a['title'])}</h1><div class="art_date">입력 {d_pub.strftime('%Y.%m.%d %H:%M')}</div></div>
<div id="article_body">
<table class="photo_table" align="center"><tr><td><img src="/upload/{slug(a)}.jpg" width="500"></td></tr><tr><td class="caption">▲ {E(a['title'][:6])} / 사진=소속사 제공</td></tr></table>
<br /><br />
{body}<br />
<br /><br /><br />
<font color="#0055aa">▶ 관련기사 : <a href="{rel[0][2]}">{E(rel[0][0])}</a></font><br />
<br />
{E(a['authors'][0])} 기자 {ko_email(a['authors'][0])}<br />
&lt;저작권자 ⓒ {site} 무단전재 및 재배포금지&gt;
<div class="art_keyword">#{E(a['tags'][0])} #{E(a['tags'][1])}</div>
</div>
<div class="other_news"><h3>{site} 다른 기사</h3><ul>{''.join('<li><a href="%s">%s</a></li>' % (u, E(t)) for t, s, u in rel[1:])}</ul></div>
</div>
<div id="right_area"><div class="ad_box"><a href="https://ad.example.com/c?2"><img alt="광고"></a></div>
<div class="best_news"><h3>인기 기사</h3><ol>{''.join('<li><a href="%s">%s</a></li>' % (u, E(t)) for t, s, u in rel)}</ol></div></div></div>
{KO_FOOTER}</body></html>"""


def t_photo_heavy(a, i, others, rng):
    """A photo-heavy entertainment page (press event): every short paragraph sits between
    photos whose captions are longer than the text, and a photo strip follows."""
    url = "https://enter.starlens.example.com/view/%d" % (91000 + i)
    d_pub = kst(a["pub"])
    people = ["서은결", "마도윤", "백시아", "주태경", "노가온 감독"]
    caps = ["%s이(가) 2일 오후 서울 구로구의 한 호텔에서 열린 드라마 '별빛 연회' 제작발표회에 참석해 포토타임을 갖고 있다. '별빛 연회'는 9일 첫 방송된다." % n for n in people]
    blocks = []
    for k, p in enumerate(a["paras"]):
        blocks.append('<div class="photo_area"><figure><img src="/p/%d-%d.jpg" alt=""><figcaption>%s /사진=%s 기자</figcaption></figure></div>' % (i, k, E(caps[k % len(caps)]), E(a["authors"][0])))
        blocks.append("<p>%s</p>" % E(p))
    blocks.append('<div class="photo_area"><img src="/p/%d-x.jpg"><p class="photo_caption">%s</p></div>' % (i, E(caps[0])))
    return url, d_pub, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])} | 스타렌즈</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="스타렌즈">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body><header class="gnb"><a href="/">스타렌즈</a> <a href="/photo">포토</a> <a href="/tv">방송</a></header>
<div class="container"><div class="view_head"><h1>{E(a['title'])}</h1><p class="view_byline">{E(a['authors'][0])} 기자 · {d_pub.strftime('%Y.%m.%d %H:%M')}</p></div>
<section class="viewer">
{chr(10).join(blocks)}
<p class="reporter">{E(a['authors'][0])} 기자 {ko_email(a['authors'][0])}</p>
</section>
<div class="photo_more"><h3>포토 더보기</h3>{''.join('<a href="/view/%d"><img><span>%s</span></a>' % (92000 + k, E(c)) for k, c in enumerate(caps))}</div>
<div class="copyright">ⓒ 스타렌즈 무단전재 및 재배포 금지</div></div>
{KO_FOOTER}</body></html>"""


def t_nfd_ruby(a, i, others, rng):
    """A page from a CMS that stores text decomposed (Hangul as conjoining jamo, NFD) with a
    Japanese place name carrying ruby readings; the byline comes from the staff table (NFC)."""
    import unicodedata
    nfd = lambda t: unicodedata.normalize("NFD", t)
    ruby = "<ruby>東京<rp>(</rp><rt>とうきょう</rt><rp>)</rp></ruby>の<ruby>下町<rp>(</rp><rt>したまち</rt><rp>)</rp></ruby>"
    url = "https://www.dramaletter.example.kr/news/articleView.html?idxno=%d" % (41000 + i)
    d_pub, d_upd = kst(a["pub"]), kst(a["upd"])
    body = "\n".join("<p>%s</p>" % E(nfd(p)).replace("東京の下町", ruby) for p in a["paras"])
    return url, d_pub, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(nfd(a['title']))} - 드라마레터</title>
<meta property="og:title" content="{E(nfd(a['title']))}"><meta property="og:site_name" content="드라마레터">
<meta property="article:published_time" content="{iso_kst(d_pub)}"><meta property="article:modified_time" content="{iso_kst(d_upd)}">
</head><body><div class="nav"><a href="/">드라마레터</a> <a href="/drama">드라마</a> <a href="/remake">리메이크</a></div>
<div id="article-view"><h1 class="heading">{E(nfd(a['title']))}</h1>
<ul class="infomation"><li>{E(a['authors'][0])} 기자</li><li>입력 {d_pub.strftime('%Y.%m.%d %H:%M')}</li></ul>
<article id="article-view-content-div">
{body}
</article>
<div class="view-copyright">저작권자 © 드라마레터 무단전재 및 재배포 금지</div></div>
{KO_FOOTER}</body></html>"""


def t_drupal_sidebar(a, i, others, rng):
    """A Drupal outlet page: the <body> carries layout classes ("one-sidebar sidebar-first"),
    the article sits in a wrapper whose class is misspelt ("full_articel"), and the sidebar
    column holds a one-paragraph promotion in a block named "content" (issue 16)."""
    url = "https://www.stagebridge.example.kr/news/%d" % (52000 + i)
    d_pub = kst(a["pub"])
    rel = "".join('<li><a href="/news/%d">%s</a></li>' % (53000 + k, E(o["title"])) for k, o in enumerate(others[:3]))
    tags = " ".join('<a href="/tag/%s">%s</a>' % (E(t), E(t)) for t in a["tags"])
    return url, d_pub, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])} | 스테이지브리지</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="스테이지브리지">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body class="html not-front not-logged-in one-sidebar sidebar-first node-type-article">
<div class="container"><ul class="topmenu"><li><a href="/">홈</a></li><li><a href="/stage">공연</a></li><li><a href="/drama">드라마</a></li></ul>
<div class="content"><div class="section group"><div class="col span_8_of_12">
<div class="introduction__full_article"><div class="category"><a href="/tag/stage">{E(a['section'])}</a></div><h1>{E(a['title'])}</h1></div>
<div class="author_share"><span>{E(a['authors'][0])} 기자</span> <span>{d_pub.strftime('%Y.%m.%d %H:%M')}</span></div>
<div class="full_articel">
{paras_html(a['paras'])}
</div>
<div class="related_to"><strong>관련 기사</strong><ul>{rel}</ul></div>
</div>
<div class="col span_4_of_12">
<div class="widget_articel_info"><strong>태그</strong> {tags}</div>
<div id="node-31540" class="node node-block clearfix"><div class="content"><p>스테이지브리지 정기 구독을 신청하시면 매주 금요일, 새로 오르는 공연의 할인 예매 정보와 배우 인터뷰를 가장 먼저 받아 보실 수 있습니다.</p></div></div>
</div></div></div></div>
{KO_FOOTER}</body></html>"""


def t_drupal_paragraphs(a, i, others, rng):
    """A Drupal page built from "paragraphs" entities: the lead, the body and a closing box
    each sit in their own field--item > paragraph > field wrappers, cousins of one another;
    the sidebar column holds a promotion (issue 16)."""
    url = "https://www.gugak-now.example.kr/news/%d" % (54000 + i)
    d_pub = kst(a["pub"])
    lead, body, closing = a["paras"][0], a["paras"][1:-1], a["paras"][-1]
    rel = "".join('<li><a href="/news/%d">%s</a></li>' % (55000 + k, E(o["title"])) for k, o in enumerate(others[:3]))
    return url, d_pub, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])} | 국악나우</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="국악나우">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body class="path-node page-node-type-article">
<div class="dialog-off-canvas-main-canvas"><nav class="navbar"><ul class="menu"><li><a href="/">홈</a></li><li><a href="/concert">공연</a></li><li><a href="/people">사람</a></li></ul></nav>
<div class="main-container"><section class="main_section"><div class="region region-content"><div class="page_with_bar"><div class="left_part">
<h1><span>{E(a['title'])}</span></h1>
<div class="field field--name-field-date field--type-datetime field--label-hidden field--item"><time datetime="{iso_kst(d_pub)}">{d_pub.strftime('%Y.%m.%d %H:%M')}</time> {E(a['authors'][0])} 기자</div>
<div class="field field--name-field-contenu field--type-entity-reference-revisions field--label-hidden field--items">
<div class="field--item"><div class="paragraph paragraph--type--chapo paragraph--view-mode--default"><div class="chapo_block">
<p>{E(lead)}</p>
</div></div></div>
<div class="field--item"><div class="paragraph paragraph--type--image paragraph--view-mode--default"><div class="field field--name-field-image field--type-image field--label-hidden field--item"><img src="/files/2024-09/orchestra.jpg" alt=""></div></div></div>
<div class="field--item"><div class="paragraph paragraph--type--text-simple paragraph--view-mode--default"><div class="field field--name-field-text-simple field--type-text-long field--label-hidden field--item">
{paras_html(body)}
</div></div></div>
<div class="field--item"><div class="paragraph paragraph--type--en-savoir-plus paragraph--view-mode--default"><div class="savoir_plus_block"><h4>공연 안내</h4>
<p>{E(closing)}</p>
</div></div></div>
</div>
<div class="related_to"><strong>관련 기사</strong><ul>{rel}</ul></div>
</div>
<div class="right_part"><div class="field field--name-field-barre-lateral field--type-entity-reference-revisions field--label-hidden field--items"><div class="field--item"><div class="btn_paragraph_block"><a class="boutton_paragraph" href="/subscribe">정기 구독 신청</a></div></div>
<div class="field--item"><div class="side_block"><p>국악나우 회원이 되시면 매달 둘째 주 화요일, 이달의 공연 일정과 할인 예매 소식을 전자우편으로 받아 보실 수 있습니다.</p></div></div></div></div>
</div></div></section></div></div>
{KO_FOOTER}</body></html>"""


def t_aside_articlebody(a, i, others, rng):
    """A regional paper whose template wraps the whole story column in an <aside>; the body
    is named by microdata (itemprop="articleBody"), the teaser above it repeats the lead, and
    a recommendation widget sits after it in the same aside (issue 16)."""
    url = "https://www.daejeon-daily.example.kr/news_article,_arid,%d.html" % (56000 + i)
    d_pub = kst(a["pub"])
    rel = "".join('<li><a href="/news/%d">%s</a></li>' % (57000 + k, E(o["title"])) for k, o in enumerate(others[:3]))
    return url, d_pub, f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])} - 대전데일리</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="대전데일리">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body class="nfy nfy-responsive">
<div class="nfy-outer"><div class="nfy-inner cf"><header class="nfy-head"><nav class="nfy-nav"><ul class="nfy-nav-list"><li><a href="/">홈</a></li><li><a href="/culture">문화</a></li><li><a href="/local">지역</a></li></ul></nav></header>
<div class="nfy-inner-wrap cf"><main class="nfy-content"><aside class="nfy-pa nfy-pa-direct-content cf"><section class="nfy-ar nfy-ar-detail" itemscope itemtype="http://schema.org/Article">
<header class="nfy-ar-functions cf"><h1 class="nfy-ar-headline" itemprop="headline">{E(a['title'])}</h1>
<div class="nfy-ar-teaser-detail" itemprop="description"><p>{E(a['paras'][0])}</p></div>
<div class="nfy-ar-date">{d_pub.strftime('%Y.%m.%d %H:%M')} {E(a['authors'][0])} 기자</div></header>
<article class="cf"><div class="nfy-ar-text-detail cf" itemprop="articleBody">
{paras_html(a['paras'])}
</div><aside class="plista"><strong>추천 기사</strong><ul>{rel}</ul></aside></article>
</section></aside></main>
<aside class="nfy-service"><section class="nfy-cobo"><p>대전데일리 종이신문 구독 신청은 평일 오전 9시부터 오후 6시까지 독자센터에서 받습니다.</p></section></aside></div></div></div>
{KO_FOOTER}</body></html>"""


def t_forum_thread(a, i, others, rng):
    """A fan community's discussion thread (an older ASP.NET forum): the whole page sits in
    one <form>, and the opening post and every reply are blocks named for comments
    ("BoardComment", "BoardCommentText"), so no block reads as an article (issue 16)."""
    url = "https://www.dramaro.example.kr/board/drama/thread-%d.html" % (61000 + i)
    d_pub = kst(a["pub"])
    op = [a["paras"][0], a["paras"][1]]
    replies = [("물빛정원", a["paras"][2]), ("새벽세시라디오", a["paras"][3]), ("해질녘산책", a["paras"][4])]

    def post(n, who, when, paras):
        return (f"""<div class="BoardComment" id="Body_BoardComment_{n}"><div class="BoardCommentProfile">"""
                f"""<span class="BoardCommentAvatar"></span></div><div class="BoardCommentContent">"""
                f"""<div class="BoardCommentInformation"><span class="BoardCommentUser">{E(who)}</span>"""
                f"""<span class="BoardCommentTime">{when}</span></div><div class="BoardCommentText">"""
                + "<br />".join(E(p) for p in paras) +
                """</div></div><div class="BoardCommentFunctions"><div class="BoardCommentVote">"""
                """<span class="Note" style="display:none;">도움이 됐나요?</span><span class="Count">+2</span>"""
                """</div></div></div>""")
    rel = "".join('<li><a href="/board/drama/thread-%d.html">%s</a></li>' % (62000 + k, E(o["title"])) for k, o in enumerate(others[:4]))
    body = post("First", a["authors"][0], d_pub.strftime("%y.%m.%d %H:%M"), op)
    body += '\n<h2 class="Title" id="comments">댓글 3</h2>\n'
    for k, (who, text) in enumerate(replies):
        body += post(k, who, (d_pub + dt.timedelta(minutes=40 * (k + 1))).strftime("%y.%m.%d %H:%M"), [text]) + "\n"
    return url, d_pub, a["paras"], f"""<!DOCTYPE html><html lang="ko"><head><meta charset="utf-8">
<title>{E(a['title'])} : 드라마 게시판 - 드라마로</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="드라마로">
<meta name="description" content="드라마와 OST 이야기를 나누는 팬 커뮤니티 드라마로">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body id="HtmlBody" class="Board"><form method="post" action="./thread" id="HtmlForm1">
<header class="Head"><a class="Logo" href="/">드라마로</a><nav><ul><li><a href="/board/drama">드라마</a></li><li><a href="/board/ost">OST</a></li><li><a href="/board/free">자유</a></li></ul></nav></header>
<main id="content"><div class="BoardBreadcrumb"><a href="/">홈</a> &gt; <a href="/board/drama">드라마 게시판</a></div>
<h2 class="Title">{E(a['title'])}</h2>
{body}<div class="BoardCommentWrite login-required"><p>로그인한 회원만 댓글을 쓸 수 있습니다.</p><input type="submit" value="댓글 쓰기"></div>
</main><aside class="BoardSide"><strong>같은 게시판 새 글</strong><ul>{rel}</ul></aside>
<footer class="Foot"><p>드라마로 | 운영: 드라마로 커뮤니티 | 문의 help@dramaro.example.kr</p></footer></form></body></html>"""


def t_de_magazine(a, i, others, rng):
    """A German culture magazine: picture credits below its photos and closing lines at the
    end of the article, written as plain paragraphs in the body's own blocks with no class
    word that reads as boilerplate: a pointer to more on the topic, a sharing prompt and a
    newsletter prompt (issue 16)."""
    url = "https://www.kulturblatt.example.de/musik/navire-tournee-%d.html" % (63000 + i)
    d_pub = kst(a["pub"])
    return url, d_pub, f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>{E(a['title'])} | Kulturblatt</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="Kulturblatt">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body class="c-page c-page--article">
<header class="c-head"><a class="c-logo" href="/">Kulturblatt</a><nav><ul><li><a href="/musik">Musik</a></li><li><a href="/film">Film</a></li><li><a href="/buehne">Bühne</a></li></ul></nav></header>
<main class="c-main"><article class="c-article"><h1 class="c-article__title">{E(a['title'])}</h1>
<div class="c-article__byline">Von {E(a['authors'][0])}</div>
<div class="c-article__text">
<div class="c-article__media"><img src="/img/navire.jpg" alt=""><p>Foto: Sternhafen Entertainment</p></div>
{paras_html(a['paras'][:2])}
<div class="c-article__media"><img src="/img/halle.jpg" alt=""><p>(Bild: Kulturblatt-Archiv)</p></div>
{paras_html(a['paras'][2:])}
<p><strong>Mehr zum Thema:</strong> unsere Reihe über neue Musik aus Seoul</p>
<p>Zum Newsletter anmelden und keine Konzertankündigung verpassen</p>
</div>
<div class="c-article__tools"><p>Diesen Artikel teilen</p></div>
<div class="c-article__more"><h2>Schon gelesen?</h2><ul><li><a href="/musik/1">Drei Festivals für den Spätsommer</a></li><li><a href="/musik/2">Ein Besuch im Tonstudio</a></li></ul></div>
</article></main>
<footer class="c-foot"><p>Kulturblatt, Berlin. Impressum, Datenschutz.</p></footer></body></html>"""


def t_header_lead_main(a, i, others, rng):
    """A magazine theme that sets the entry header, with the lead paragraph below the title,
    in <main> above the wrapper of the <article> that holds the text: the lead is outside the
    article element but inside the page's main column (issue 16)."""
    url = "https://www.screenweekly.example.com/tv/night-ward-season-two-%d/" % (64000 + i)
    d_pub = kst(a["pub"])
    return url, d_pub, f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(a['title'])} - Screen Weekly</title>
<meta property="og:title" content="{E(a['title'])}"><meta property="og:site_name" content="Screen Weekly">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body class="post-template-default single single-post">
<div id="page" class="site"><header id="masthead" class="site-header"><a href="/">Screen Weekly</a><nav><ul><li><a href="/tv/">TV</a></li><li><a href="/film/">Film</a></li></ul></nav></header>
<div id="content" class="site-content"><section id="primary" class="content-area"><main id="main" class="site-main">
<header class="entry-header"><span class="cat-label"><a href="/tv/">{E(a['section'])}</a></span><h1 class="entry-title">{E(a['title'])}</h1>
<div class="lead"><p>{E(a['paras'][0])}</p></div>
<div class="entry-meta">By {E(a['authors'][0])} | {d_pub.strftime('%B %-d, %Y')}</div></header>
<div class="main-content"><article id="post-{700 + i}" class="post type-post"><div class="entry-content"><div class="article-body">
{paras_html(a['paras'][1:])}
</div></div></article></div>
</main></section></div>
<footer id="colophon" class="site-footer"><p>Screen Weekly. All about what we watch.</p></footer></div></body></html>"""


def t_news_teaser_lead(a, i, others, rng):
    """A town's news record in a CMS news detail view (TYPO3 shape): no <main> or <article>,
    the lead in a "teaser-text" box beside the text wrapper, which itemprop="articleBody"
    marks as the text; the lead must come out first (issue 16)."""
    url = "https://www.stadt-lindenau.example.de/aktuelles/detail/buecherei-samstag-%d" % (3100 + i)
    d_pub = kst(a["pub"])
    return url, d_pub, f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>{E(a['title'])} | Stadt Lindenau</title>
<meta property="og:title" content="{E(a['title'])}">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body>
<div class="page"><div class="top-bar"><a href="/">Stadt Lindenau</a><ul class="menu"><li><a href="/rathaus/">Rathaus</a></li><li><a href="/aktuelles/">Aktuelles</a></li><li><a href="/kultur/">Kultur</a></li></ul></div>
<div class="container"><div class="row"><div id="c2714" class="frame frame-default frame-type-list">
<div class="news news-single"><div class="article">
<div class="header"><h1>{E(a['title'])}</h1><span class="news-date">{d_pub.strftime('%d.%m.%Y')}</span></div>
<div class="teaser-text" itemprop="description"><p>{E(a['paras'][0])}</p></div>
<div class="news-img-wrap"><img src="/fileadmin/buecherei.jpg" alt=""></div>
<div class="news-text-wrap" itemprop="articleBody">
{paras_html(a['paras'][1:])}
</div>
<div class="news-backlink-wrap"><a href="/aktuelles/">Zurück</a></div>
</div></div></div></div></div>
<div class="footer-wrap"><p>Stadt Lindenau, Marktplatz 1. Impressum, Datenschutz.</p></div></div></body></html>"""


def t_drupal_intro_field(a, i, others, rng):
    """A regional paper on Drupal 7 with Panels: the lead is a text field of its own above the
    body field, both flagged "field-label-hidden" (a display flag: the field's label is not
    shown), beside a field of related links (issue 16)."""
    url = "https://www.kreisbote-muehltal.example.de/region/tierheim-pflegestellen-%d" % (5200 + i)
    d_pub = kst(a["pub"])
    related = "".join(f'<li><a href="/region/{slug(o)}">{E(o["title"])}</a></li>' for o in others[:3])
    return url, d_pub, f"""<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<title>{E(a['title'])} | Kreisbote</title>
<meta property="og:title" content="{E(a['title'])}">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body class="html not-front page-node node-type-article">
<div id="page"><div id="navigation"><ul class="menu"><li><a href="/region/">Region</a></li><li><a href="/sport/">Sport</a></li></ul></div>
<div id="content" class="column"><div class="panel-2col-stacked clearfix panel-display"><div class="center-wrapper"><div class="panel-col-first panel-panel"><div class="inside">
<div class="panel-pane pane-entity-view pane-node"><article class="node node-article view-mode-full ds-1col clearfix">
<h1>{E(a['title'])}</h1>
<div class="field field-name-field-intro-text field-type-text-long field-label-hidden"><p>{E(a['paras'][0])}</p></div>
<div class="field field-name-field-image field-type-image field-label-hidden"><img src="/files/tierheim.jpg" alt=""></div>
<div class="field field-name-body field-type-text-with-summary field-label-hidden">
{paras_html(a['paras'][1:])}
</div>
<aside class="field field-name-field-related field-label-above"><div class="field-label">Mehr aus der Region:</div><ul>{related}</ul></aside>
</article></div></div></div></div></div></div>
<div id="footer"><p>Kreisbote Mühltal. Impressum, Datenschutz, Kontakt.</p></div></div></body></html>"""


def t_hgroup_subtitle_lead(a, i, others, rng):
    """A music outlet whose entry header carries the title and, as a subtitle heading in an
    <hgroup>, the lead sentence; the text block below holds the rest (issue 16)."""
    url = "https://www.popbeat.example.com/music/lumiere-europe-tour-%d" % (8100 + i)
    d_pub = kst(a["pub"])
    return url, d_pub, f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{E(a['title'])} | PopBeat</title>
<meta property="og:title" content="{E(a['title'])}">
<meta property="article:published_time" content="{iso_kst(d_pub)}">
<meta name="author" content="{E(a['authors'][0])}">
</head><body>
<div class="site"><div class="topnav"><a href="/">PopBeat</a><ul class="menu"><li><a href="/music/">Music</a></li><li><a href="/tv/">TV</a></li></ul></div>
<main class="main"><div class="content-box"><article class="art-detail">
<header><span class="kicker">{E(a['section'])}</span><hgroup><h1>{E(a['title'])}</h1><h2>{E(a['paras'][0])}</h2></hgroup>
<div class="art-meta">By {E(a['authors'][0])}, {d_pub.strftime('%B %-d, %Y')}</div></header>
<figure><img src="/img/lumiere.jpg" alt=""></figure>
<div class="article-text">
{paras_html(a['paras'][1:])}
</div>
</article></div></main>
<div class="site-foot"><p>PopBeat. About us, contact, privacy.</p></div></div></body></html>"""


# ---------------------------------------------------------------- assignment

EN_LAYOUT = {
    "lumina-ost": t_soompi, "cha-joins-thriller": t_soompi, "nova-comeback": t_allkpop, "webtoon-adapt": t_allkpop,
    "variety-return": t_joongang, "film-festival": t_joongang, "idol-acting": t_herald, "concert-review": t_herald,
    "drama-ratings": t_ktimes, "fan-meeting": t_ktimes, "label-split": lambda *x: t_soompi(*x, cookie=True),
    "musical-cast": lambda *x: t_allkpop(*x, heavy=True), "documentary": t_joongang, "award-show": t_herald,
    "drama-script": t_ktimes, "blog-playlist": t_wordpress, "blog-filming": t_wordpress, "gallery-fashion": t_gallery_en,
    "jsonld-only": t_jsonld_only, "longrelated": t_long_related,
}
KO_LAYOUT = {
    "ko-ost-singer": t_naver, "ko-casting-confirm": t_naver, "ko-idol-drama": t_daum, "ko-variety": t_daum,
    "ko-comeback": t_yonhap, "ko-webtoon": t_yonhap, "ko-film-fest": t_sportschosun, "ko-ratings": t_sportschosun,
    "ko-fanmeet": t_osen, "ko-contract": t_osen, "ko-musical": t_newsen, "ko-award": t_ndsoft, "ko-script": t_ndsoft,
    "ko-documentary": t_naver, "ko-blog-cafe": t_tistory, "ko-gallery": t_gallery_ko, "ko-jsonld-only": t_jsonld_only,
    "ko-heavy-script": lambda *x: t_sportschosun(*x, heavy=True), "ko-related-long": lambda *x: t_ndsoft(*x, long_related=True),
    "ko-interview": t_daum, "ko-portal-entertain": t_naver_entertain, "ko-outlet-br-runs": t_outlet_br_runs,
    "ko-photo-heavy": t_photo_heavy, "ko-nfd-ruby": t_nfd_ruby, "ko-drupal-sidebar": t_drupal_sidebar,
    "ko-drupal-paragraphs": t_drupal_paragraphs, "ko-aside-articlebody": t_aside_articlebody,
    "ko-forum-thread": t_forum_thread,
}
OTHER_LAYOUT = {"de-magazine-prompts": t_de_magazine, "en-header-lead-main": t_header_lead_main,
                "de-news-teaser-lead": t_news_teaser_lead,
                "de-drupal-intro-field": t_drupal_intro_field,
                "en-hgroup-subtitle-lead": t_hgroup_subtitle_lead}

# Pages added in later rounds (issue 16): 1 = second round, 2 = third round, 3 = fourth,
# 4 = session 14, 5 and 6 = its second round; the rest are 0.
ROUND = {"ko-portal-entertain": 1, "ko-outlet-br-runs": 1, "ko-photo-heavy": 1, "ko-nfd-ruby": 1,
         "ko-drupal-sidebar": 2, "ko-drupal-paragraphs": 3, "ko-aside-articlebody": 3,
         "ko-forum-thread": 4, "de-magazine-prompts": 4, "en-header-lead-main": 4,
         "de-news-teaser-lead": 5, "de-drupal-intro-field": 5,
         "en-hgroup-subtitle-lead": 6}


def main():
    n = 0
    for group, layouts in ((EN, EN_LAYOUT), (KO, KO_LAYOUT), (OTHER, OTHER_LAYOUT)):
        for i, a in enumerate(group):
            rng = random.Random(a["key"])
            # Pages added in a later round never show up in the teasers of earlier ones, so
            # those stay byte for byte what they were.
            others = [o for o in group if o is not a and ROUND.get(o["key"], 0) <= ROUND.get(a["key"], 0)]
            rng.shuffle(others)
            res = layouts[a["key"]](a, n, others, rng)
            if len(res) == 4:
                url, d_pub, paras, page = res
            else:
                url, d_pub, page = res
                paras = a["paras"]
            n += 1
            name = "%02d-%s" % (n, a["key"])
            with open(os.path.join(OUT, name + ".html"), "w", encoding="utf-8") as f:
                f.write(page)
            truth = {"url": url, "title": a["title"], "published_at": utc_str(d_pub), "authors": a["authors"],
                     "body": "\n\n".join(paras)}
            for field in ("must", "must_not"):
                if a.get(field):
                    truth[field] = a[field]
            with open(os.path.join(OUT, name + ".json"), "w", encoding="utf-8") as f:
                json.dump(truth, f, ensure_ascii=False, indent=1)
                f.write("\n")
    print("wrote", n, "pages")


if __name__ == "__main__":
    main()
