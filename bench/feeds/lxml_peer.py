#!/usr/bin/python3
"""Peer for bench/feed_bench.cc: parse the same synthetic RSS with lxml (libxml2,
recover=True) and extract the same fields, to put our numbers in context.
Usage: python3 bench/feeds/lxml_peer.py ITEMS"""
import sys, time
from lxml import etree

def synthetic_rss(items):
    s = ('<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" '
         'xmlns:dc="http://purl.org/dc/elements/1.1/" '
         'xmlns:media="http://search.yahoo.com/mrss/"><channel><title>연예뉴스</title>'
         '<link>https://news.example.co.kr</link>')
    for i in range(items):
        n = str(i)
        s += ('<item><title><![CDATA[[단독] 배우 김OO, 새 드라마 &lt;작품' + n +
              '&gt; 주연 확정 & OST 참여]]></title><link>https://news.example.co.kr/news/'
              'articleView.html?idxno=' + n + '</link><guid>https://news.example.co.kr/?p=' + n +
              '</guid><pubDate>Wed, 01 May 2024 15:20:00 +0900</pubDate><dc:creator>김민지 '
              '기자</dc:creator><description><![CDATA[<p>배우 김OO이 새 드라마 주인공으로 출연을 '
              '확정했다. 소속사 관계자는 1일 &quot;좋은 작품으로 인사드리겠다&quot;고 밝혔다.</p>'
              '<p>The actor confirmed the lead role in the upcoming series.</p>]]></description>'
              '<media:thumbnail url="https://img.example.co.kr/' + n + '.jpg"/></item>')
    return (s + '</channel></rss>').encode('utf-8')

def parse(body):
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True)
    root = etree.fromstring(body, parser)
    out = []
    for item in root.iter('item'):
        d = item.findtext('description') or ''
        text = etree.fromstring('<x>' + d + '</x>', etree.HTMLParser()).xpath('string()') if d else ''
        out.append((item.findtext('guid'), item.findtext('title'), item.findtext('link'),
                    item.findtext('pubDate'), text))
    return out

items = int(sys.argv[1]) if len(sys.argv) > 1 else 200
body = synthetic_rss(items)
n, start = 0, time.process_time()
while time.process_time() - start < 2.0:
    parse(body)
    n += 1
elapsed = time.process_time() - start
print(f"lxml_peer (CPU time) items={items} bytes={len(body)} MB/s={len(body) * n / elapsed / 1e6:.1f}")
