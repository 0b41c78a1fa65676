#!/usr/bin/python3
"""Scrapy peer for the end-to-end benchmark: crawls the whole site from
START_URL (same host, every <a href>), politeness off (no delay, no robots, no
autothrottle), gzip accepted, and extracts title, date and body text of each
article page (/news/N.html) as an item. Prints one summary line.

usage: /usr/bin/python3 scrapy_spider.py START_URL CONCURRENCY
"""
import sys
import time
from urllib.parse import urlparse

import scrapy
from scrapy.crawler import CrawlerProcess

START, CONC = sys.argv[1], int(sys.argv[2])
HOST = urlparse(START).hostname
STATS = {"ok": 0, "articles": 0, "body_chars": 0}


class SiteSpider(scrapy.Spider):
    name = "site"
    start_urls = [START]
    allowed_domains = [HOST]

    def parse(self, response):
        STATS["ok"] += 1
        if "/news/" in response.url:
            title = response.css("title::text").get(default="").strip()
            date = response.css('meta[property="article:published_time"]::attr(content)').get()
            body = " ".join(t.strip() for t in response.css("article p::text").getall())
            STATS["articles"] += 1
            STATS["body_chars"] += len(body)
            yield {"url": response.url, "title": title, "date": date, "body": body}
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, callback=self.parse)


process = CrawlerProcess(settings={
    "LOG_LEVEL": "ERROR",
    "ROBOTSTXT_OBEY": False,
    "CONCURRENT_REQUESTS": CONC,
    "CONCURRENT_REQUESTS_PER_DOMAIN": CONC,
    "DOWNLOAD_DELAY": 0,
    "AUTOTHROTTLE_ENABLED": False,
    "COOKIES_ENABLED": False,
    "TELNETCONSOLE_ENABLED": False,
    "COMPRESSION_ENABLED": True,
    "REQUEST_FINGERPRINTER_IMPLEMENTATION": "2.7",
    "DEPTH_LIMIT": 0,
})
t0 = time.monotonic()
process.crawl(SiteSpider)
process.start()
secs = time.monotonic() - t0
print("pages_ok=%d articles=%d seconds=%.3f pages_per_s=%.1f body_chars=%d"
      % (STATS["ok"], STATS["articles"], secs, STATS["ok"] / secs, STATS["body_chars"]))
