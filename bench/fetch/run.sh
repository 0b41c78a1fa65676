#!/usr/bin/env bash
# Fetch benchmark: hallyu's Fetcher (+ href extraction) vs wget2 -r vs Scrapy,
# crawling the same generated site served by nginx (gzip on) on loopback, side
# by side in one run. Writes bench/RESULTS-fetch.md.
#
# usage: bench/fetch/run.sh [ARTICLES=5000] [CONCURRENCY=16]
# needs: nginx-light, wget2, python3-scrapy (Debian), a build with -DHALLYU_BUILD_BENCH=ON
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ARTICLES=${1:-5000}
CONC=${2:-16}
PORT=${PORT:-18080}
OUT=$ROOT/bench/out/fetch
SITE=$ROOT/bench/site/fetch
BUILD=${BUILD:-$ROOT/build-bench}
mkdir -p "$OUT"

if [[ ! -x $BUILD/bench/fetch_crawl_bench ]]; then
  cmake -S . -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHALLYU_BUILD_BENCH=ON \
    -DHALLYU_BUILD_TESTS=OFF >/dev/null
  ninja -C "$BUILD" -j2 fetch_crawl_bench
fi

if [[ ! -f $SITE/.done-$ARTICLES ]]; then
  rm -rf "$SITE"
  /usr/bin/python3 bench/fetch/gen_site.py "$SITE" --articles "$ARTICLES"
  touch "$SITE/.done-$ARTICLES"
fi

# nginx on loopback, gzip on, no access log.
mkdir -p "$OUT/nginx"
cat >"$OUT/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $OUT/nginx/tmp;
  proxy_temp_path $OUT/nginx/tmp;
  fastcgi_temp_path $OUT/nginx/tmp;
  uwsgi_temp_path $OUT/nginx/tmp;
  scgi_temp_path $OUT/nginx/tmp;
  default_type text/html;
  types { text/html html; }
  sendfile on;
  keepalive_requests 100000;
  gzip on;
  gzip_comp_level 1;
  gzip_min_length 256;
  gzip_types text/html;
  server {
    listen 127.0.0.1:$PORT;
    root $SITE;
  }
}
CONF
mkdir -p "$OUT/nginx/tmp"
/usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" 2>/dev/null
trap '/usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" -s stop 2>/dev/null || true' EXIT
sleep 0.5
START=http://127.0.0.1:$PORT/index.html
curl -sf --compressed -o /dev/null "$START"

# measure NAME CMD...: runs CMD under /usr/bin/time -v; leaves NAME.out / NAME.time.
measure() {
  local name=$1
  shift
  /usr/bin/time -v -o "$OUT/$name.time" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || true
}
field() { grep -F "$2" "$OUT/$1.time" | head -1 | awk -F': ' '{print $2}'; }
cpu() { echo "$(field "$1" 'User time (seconds)') + $(field "$1" 'System time (seconds)')" | bc -l; }
wall() {  # h:mm:ss or m:ss.ss -> seconds
  field "$1" 'Elapsed (wall clock)' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'
}
rss() { field "$1" 'Maximum resident set size (kbytes)'; }

rm -rf "$OUT/wget2-files"
measure hallyu "$BUILD/bench/fetch_crawl_bench" "$START" --concurrency "$CONC"
HALLYU_PAGES=$(grep -o 'pages_ok=[0-9]*' "$OUT/hallyu.out" | cut -d= -f2)

measure wget2 wget2 -r -l inf -np -q --robots=off --compression=gzip --max-threads="$CONC" \
  --no-host-directories -P "$OUT/wget2-files" --delete-after "$START"
# wget2 counts: every page it fetched (from its stats it cannot print quietly; count site pages)
WGET_PAGES=$(find "$SITE" -name '*.html' | wc -l)

measure scrapy /usr/bin/python3 bench/fetch/scrapy_spider.py "$START" "$CONC"
SCRAPY_PAGES=$(grep -o 'pages_ok=[0-9]*' "$OUT/scrapy.out" | cut -d= -f2)

row() {  # name pages
  local w c r
  w=$(wall "$1")
  c=$(cpu "$1")
  r=$(rss "$1")
  printf '| %s | %s | %.2f | %.1f | %.3f | %d |\n' "$1" "$2" "$w" "$(echo "$2 / $w" | bc -l)" \
    "$(echo "$c * 1000 / $2" | bc -l)" "$((r / 1024))"
}
H_PPS=$(echo "$HALLYU_PAGES / $(wall hallyu)" | bc -l)
W_PPS=$(echo "$WGET_PAGES / $(wall wget2)" | bc -l)
S_PPS=$(echo "$SCRAPY_PAGES / $(wall scrapy)" | bc -l)
H_CPP=$(echo "$(cpu hallyu) / $HALLYU_PAGES" | bc -l)
W_CPP=$(echo "$(cpu wget2) / $WGET_PAGES" | bc -l)
S_CPP=$(echo "$(cpu scrapy) / $SCRAPY_PAGES" | bc -l)
AVG=$(du -sb "$SITE/news" | awk -v n="$ARTICLES" '{printf "%.1f", $1/n/1024}')

{
  echo "# Fetch benchmark: whole-site crawl over loopback"
  echo
  echo "Command: \`bench/fetch/run.sh $ARTICLES $CONC\` ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared"
  echo "with other jobs; nginx-light, gzip on, level 1). Site: $ARTICLES articles of ~$AVG KiB"
  echo "(mostly inline script + boilerplate) plus listing/section pages, $WGET_PAGES pages in all."
  echo "Each crawler starts at /index.html, follows every same-host href, $CONC concurrent requests,"
  echo "no politeness delay, robots off. CPU = user+sys of the crawler process (nginx excluded)."
  echo
  echo "| crawler | pages | wall s | pages/s | CPU ms/page | peak RSS MiB |"
  echo "|---|---|---|---|---|---|"
  row hallyu "$HALLYU_PAGES"
  row wget2 "$WGET_PAGES"
  row scrapy "$SCRAPY_PAGES"
  echo
  printf 'Ratios: hallyu pages/s = %.2fx wget2, %.2fx Scrapy; hallyu CPU/page = %.2fx wget2, %.3fx Scrapy (%.0f%% of it).\n' \
    "$(echo "$H_PPS / $W_PPS" | bc -l)" "$(echo "$H_PPS / $S_PPS" | bc -l)" \
    "$(echo "$H_CPP / $W_CPP" | bc -l)" "$(echo "$H_CPP / $S_CPP" | bc -l)" \
    "$(echo "100 * $H_CPP / $S_CPP" | bc -l)"
  echo
  echo "hallyu: fetch_crawl_bench (Fetcher on curl multi, one loop thread; href scan + UrlResolver"
  echo "resolution on the main thread). wget2: \`wget2 -r -l inf -np --compression=gzip"
  echo "--max-threads=$CONC --delete-after\` (writes then deletes each file). Scrapy 2.8 (Debian), spider"
  echo "in bench/fetch/scrapy_spider.py with CSS link extraction."
  echo
  echo "Notes: load average at the end of the run: $(cut -d' ' -f1-3 /proc/loadavg) (other engineers'"
  echo "builds share the 2 cores), so wall-clock figures are noisy; CPU/page is the steadier"
  echo "figure. wget2's page count is the number of pages on the site (it cannot print its count"
  echo "in quiet mode); hallyu and Scrapy count the pages they received."
  echo "Build used: BUILD=build (RelWithDebInfo, -O2) or build-bench (Release) when run without BUILD."
} >"$ROOT/bench/RESULTS-fetch.md"
cat "$ROOT/bench/RESULTS-fetch.md"
