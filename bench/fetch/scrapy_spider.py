#!/usr/bin/python3
"""Scrapy peer for the fetch benchmark: crawls the whole site from START_URL,
same host, following every <a href>, politeness off (no delay, no robots,
no autothrottle), gzip accepted. Prints one summary line.

usage: /usr/bin/python3 scrapy_spider.py START_URL CONCURRENCY
"""
import sys
import time
from urllib.parse import urlparse

import scrapy
from scrapy.crawler import CrawlerProcess

START, CONC = sys.argv[1], int(sys.argv[2])
HOST = urlparse(START).hostname
STATS = {"ok": 0, "bytes": 0}


class SiteSpider(scrapy.Spider):
    name = "site"
    start_urls = [START]
    allowed_domains = [HOST]

    def parse(self, response):
        STATS["ok"] += 1
        STATS["bytes"] += len(response.body)
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
print("pages_ok=%d seconds=%.3f pages_per_s=%.1f body_mb=%.1f"
      % (STATS["ok"], secs, STATS["ok"] / secs, STATS["bytes"] / 1048576.0))
