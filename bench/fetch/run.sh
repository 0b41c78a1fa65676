#!/usr/bin/env bash
# Fetch benchmark: hallyu's Fetcher (+ href extraction) vs wget2 -r vs Scrapy,
# crawling the same generated site served by nginx (gzip) on loopback, side by
# side in one run. Writes bench/RESULTS-fetch.md.
#
# Two server set-ups, each crawled in ROUNDS alternating rounds (hallyu and wget2
# swap order every round; Scrapy once per set-up, it takes ~30 s):
#   dynamic: nginx compresses every response on the fly (gzip level 1, one worker),
#   static:  nginx sends pre-compressed copies (gzip_static; .gz files of level 1
#            next to each page), as a cache or CDN in front of a news site does.
# With on-the-fly gzip one nginx worker is the ceiling (~0.2 ms of CPU per page),
# so both fast crawlers wait on it; the static set-up takes the server out of the
# way and compares the crawlers. nginx's own CPU per page is reported for each run.
#
# usage: bench/fetch/run.sh [ARTICLES=5000] [CONCURRENCY=16]
#   env: ROUNDS (3), BUILD (build-bench, configured here when missing), PORT (18080)
# needs: nginx-light, wget2, python3-scrapy (Debian), a build with -DHALLYU_BUILD_BENCH=ON
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ARTICLES=${1:-5000}
CONC=${2:-16}
ROUNDS=${ROUNDS:-3}
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
if [[ ! -f $SITE/.gz-$ARTICLES ]]; then  # the static set-up's pre-compressed copies
  find "$SITE" -name '*.html' -exec gzip -1 -k -f {} +
  touch "$SITE/.gz-$ARTICLES"
fi
START=http://127.0.0.1:$PORT/index.html

# nginx_conf MODE: on loopback, gzip on, no access log; static adds gzip_static.
nginx_conf() {
  local static=""
  [[ $1 == static ]] && static="gzip_static on;"
  cat <<CONF
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
  sendfile on;
  keepalive_requests 100000;
  gzip on;
  $static
  gzip_comp_level 1;
  gzip_min_length 256;
  gzip_types text/html;
  server {
    listen 127.0.0.1:$PORT;
    root $SITE;
  }
}
CONF
}
mkdir -p "$OUT/nginx/tmp"
nginx_stop() { /usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" -s stop 2>/dev/null || true; }
trap nginx_stop EXIT
nginx_start() {
  nginx_stop
  sleep 0.3
  nginx_conf "$1" >"$OUT/nginx/nginx.conf"
  /usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx"
  sleep 0.3
  local enc
  enc=$(curl -sf --compressed -o /dev/null -D - "$START" | tr -d '\r' | grep -i '^content-encoding' || true)
  [[ $enc == *gzip* ]] || { echo "nginx ($1) does not send gzip: '$enc'" >&2; exit 1; }
}
# CPU ticks used so far by nginx's worker(s).
nginx_ticks() {
  local master t=0
  master=$(cat "$OUT/nginx/nginx.pid")
  for p in $(pgrep -P "$master"); do
    t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat")))
  done
  echo "$t"
}

# measure NAME CMD...: runs CMD under /usr/bin/time -v; leaves NAME.out / NAME.time / NAME.nginx.
measure() {
  local name=$1 before
  shift
  before=$(nginx_ticks)
  /usr/bin/time -v -o "$OUT/$name.time" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || true
  echo $(($(nginx_ticks) - before)) >"$OUT/$name.nginx"
}
field() { grep -F "$2" "$OUT/$1.time" | head -1 | awk -F': ' '{print $2}'; }
cpu() { echo "$(field "$1" 'User time (seconds)') + $(field "$1" 'System time (seconds)')" | bc -l; }
wall() {  # h:mm:ss or m:ss.ss -> seconds
  field "$1" 'Elapsed (wall clock)' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'
}
rss() { field "$1" 'Maximum resident set size (kbytes)'; }
TICK=$(getconf CLK_TCK)
SITE_PAGES=$(find "$SITE" -name '*.html' | wc -l)

run_hallyu() {
  measure "$1" "$BUILD/bench/fetch_crawl_bench" "$START" --concurrency "$CONC"
  grep -o 'pages_ok=[0-9]*' "$OUT/$1.out" | cut -d= -f2
}
run_wget2() {
  rm -rf "$OUT/wget2-files"
  measure "$1" wget2 -r -l inf -np -q --robots=off --compression=gzip --max-threads="$CONC" \
    --no-host-directories -P "$OUT/wget2-files" --delete-after "$START"
  echo "$SITE_PAGES"  # wget2 cannot print its count quietly: every page of the site
}
run_scrapy() {
  measure "$1" /usr/bin/python3 bench/fetch/scrapy_spider.py "$START" "$CONC"
  grep -o 'pages_ok=[0-9]*' "$OUT/$1.out" | cut -d= -f2
}

declare -A PAGES
for mode in dynamic static; do
  nginx_start "$mode"
  run_wget2 "$mode-warmup" >/dev/null  # pages into the page cache, connections warm
  for r in $(seq 1 "$ROUNDS"); do
    if ((r % 2)); then order="hallyu wget2"; else order="wget2 hallyu"; fi
    for c in $order; do PAGES[$mode-$c-$r]=$("run_$c" "$mode-$c-$r"); done
  done
  PAGES[$mode-scrapy-1]=$(run_scrapy "$mode-scrapy-1")
done

row() {  # name pages
  local w c r n
  w=$(wall "$1")
  c=$(cpu "$1")
  r=$(rss "$1")
  n=$(cat "$OUT/$1.nginx")
  printf '| %s | %s | %.2f | %.0f | %.3f | %.3f | %d |\n' "$1" "$2" "$w" "$(echo "$2 / $w" | bc -l)" \
    "$(echo "$c * 1000 / $2" | bc -l)" "$(echo "$n * 1000 / $TICK / $2" | bc -l)" "$((r / 1024))"
}
pps() { echo "${PAGES[$1]} / $(wall "$1")" | bc -l; }
cpp() { echo "$(cpu "$1") * 1000 / ${PAGES[$1]}" | bc -l; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
summary() {  # mode
  local m=$1 ratios hp wp hc wc sp sc
  ratios=$(for r in $(seq 1 "$ROUNDS"); do echo "$(pps "$m-hallyu-$r") / $(pps "$m-wget2-$r")" | bc -l; done)
  hp=$(for r in $(seq 1 "$ROUNDS"); do pps "$m-hallyu-$r"; done | median)
  wp=$(for r in $(seq 1 "$ROUNDS"); do pps "$m-wget2-$r"; done | median)
  hc=$(for r in $(seq 1 "$ROUNDS"); do cpp "$m-hallyu-$r"; done | median)
  wc=$(for r in $(seq 1 "$ROUNDS"); do cpp "$m-wget2-$r"; done | median)
  sp=$(pps "$m-scrapy-1")
  sc=$(cpp "$m-scrapy-1")
  printf 'Medians: hallyu %.0f pages/s, %.3f CPU ms/page; wget2 %.0f pages/s, %.3f ms/page; Scrapy %.0f pages/s, %.2f ms/page.\n' \
    "$hp" "$hc" "$wp" "$wc" "$sp" "$sc"
  printf 'Ratios: **hallyu pages/s = %.2fx wget2** (rounds: %s), %.1fx Scrapy; hallyu CPU/page = %.2fx wget2, %.1f%% of Scrapy.\n' \
    "$(echo "$hp / $wp" | bc -l)" "$(printf '%.2f ' $ratios | sed 's/ $//')" "$(echo "$hp / $sp" | bc -l)" \
    "$(echo "$hc / $wc" | bc -l)" "$(echo "100 * $hc / $sc" | bc -l)"
}
AVG=$(du -sb --exclude='*.gz' "$SITE/news" | awk -v n="$ARTICLES" '{printf "%.1f", $1/n/1024}')

{
  echo "# Fetch benchmark: whole-site crawl over loopback"
  echo
  echo "Command: \`BUILD=${BUILD#"$ROOT"/} ROUNDS=$ROUNDS bench/fetch/run.sh $ARTICLES $CONC\`"
  echo "($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by crawler and nginx; load average at"
  echo "the end: $(cut -d' ' -f1-3 /proc/loadavg)). Site: $ARTICLES articles of ~$AVG KiB (mostly inline"
  echo "script + boilerplate) plus listing/section pages, $SITE_PAGES pages in all. Each crawler starts"
  echo "at /index.html, follows every same-host href, $CONC concurrent requests, no politeness delay,"
  echo "robots off. CPU = user+sys of the crawler process; nginx ms/page = CPU of nginx's worker"
  echo "during that crawl. Rounds alternate which of hallyu and wget2 goes first; a wget2 crawl"
  echo "before the first round warms the page cache."
  for mode in dynamic static; do
    echo
    if [[ $mode == dynamic ]]; then
      echo "## nginx compresses on the fly (gzip level 1, one worker)"
    else
      echo "## nginx sends pre-compressed files (gzip_static, level-1 .gz next to each page)"
    fi
    echo
    echo "| run | pages | wall s | pages/s | CPU ms/page | nginx ms/page | peak RSS MiB |"
    echo "|---|---|---|---|---|---|---|"
    for r in $(seq 1 "$ROUNDS"); do
      row "$mode-hallyu-$r" "${PAGES[$mode-hallyu-$r]}"
      row "$mode-wget2-$r" "${PAGES[$mode-wget2-$r]}"
    done
    row "$mode-scrapy-1" "${PAGES[$mode-scrapy-1]}"
    echo
    summary "$mode"
  done
  echo
  echo "hallyu: fetch_crawl_bench (Fetcher on curl multi, one loop thread that only moves bytes;"
  echo "the main thread inflates each body with Fetcher::DecodeBody, as the crawl's workers do, then"
  echo "scans hrefs and resolves them with UrlResolver). wget2: \`wget2 -r -l inf -np"
  echo "--compression=gzip --max-threads=$CONC --delete-after\` (writes then deletes each file). Scrapy"
  echo "(Debian's python3-scrapy), spider in bench/fetch/scrapy_spider.py with CSS link extraction."
  echo "wget2's page count is the number of pages on the site (it cannot print its count in quiet"
  echo "mode); hallyu and Scrapy count the pages they received."
} >"$ROOT/bench/RESULTS-fetch.md"
cat "$ROOT/bench/RESULTS-fetch.md"
