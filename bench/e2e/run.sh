#!/usr/bin/env bash
# End-to-end benchmark (issue 10): `hallyu --config <bench.yaml> crawl --once` (fetch, decode, parse,
# extract, detect, merge, produce to a real Kafka broker) vs Scrapy (crawl +
# title/date/body extraction) vs `wget2 -r` (fetch + link extraction only), on
# the same generated site served by nginx (gzip) on loopback, alternating, in
# one go. Prints a Markdown report and keeps it in bench/out/e2e-N/results.md
# (bench/RESULTS-e2e.md is written by hand from these reports).
#
# usage: bench/e2e/run.sh [ARTICLES=5000] [ROUNDS=2] [CONCURRENCY=16]
#   env: HALLYU_KAFKA_BROKERS (default 127.0.0.1:27092; start one with
#        KAFKA_BASE_PORT=27092 scripts/kafka-local.sh start), BUILD (default build),
#        PEERS=0 to run hallyu alone (the 50,000-page memory run), PORT (18090).
# needs: nginx-light, wget2, python3-scrapy, a build of `hallyu`.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
ARTICLES=${1:-5000}
ROUNDS=${2:-2}
CONC=${3:-16}
PORT=${PORT:-18090}
PEERS=${PEERS:-1}
BROKERS=${HALLYU_KAFKA_BROKERS:-127.0.0.1:27092}
BUILD=${BUILD:-$ROOT/build}
HALLYU=${HALLYU:-$BUILD/hallyu}
OUT=$ROOT/bench/out/e2e-$ARTICLES
SITE=$ROOT/bench/site/e2e-$ARTICLES
BASE=http://127.0.0.1:$PORT
mkdir -p "$OUT"

[[ -x $HALLYU ]] || { echo "build $HALLYU first (ninja -C build hallyu)" >&2; exit 1; }

if [[ ! -f $SITE/.done ]]; then
  rm -rf "$SITE"
  /usr/bin/python3 bench/e2e/gen_site.py "$SITE" --articles "$ARTICLES" --base "$BASE"
  touch "$SITE/.done"
fi
PLANTED=$(wc -l <"$SITE/expected.tsv")

# Every planted announcement must be found by `hallyu detect` on its page alone
# (checked once per site, on a sample of 40, so a miss is the generator's fault).
if [[ ! -f $SITE/.detect-ok ]]; then
  mkdir -p "$OUT/gazetteer-check"  # configs/gazetteer + the site's names, as the crawl loads them
  ln -sf "$ROOT"/configs/gazetteer/*.yaml "$SITE/gazetteer/bench.yaml" "$OUT/gazetteer-check/"
  miss=0
  while IFS=$'\t' read -r typ person work lang path; do
    got=$("$HALLYU" detect --gazetteer "$OUT/gazetteer-check" "$SITE$path" 2>/dev/null || true)
    if ! grep -q "\"type\":\"$typ\"" <<<"$got" || ! grep -qF "$person" <<<"$got"; then
      echo "not detected: $typ $person $work $lang $path" >&2
      miss=$((miss + 1))
    fi
  done < <(head -40 "$SITE/expected.tsv")
  [[ $miss -eq 0 ]] || { echo "$miss planted announcements not detected" >&2; exit 1; }
  touch "$SITE/.detect-ok"
fi

# nginx on loopback, gzip on (level 1), no access log.
mkdir -p "$OUT/nginx/tmp"
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
  types { text/html html; application/xml xml; }
  sendfile on;
  keepalive_requests 100000;
  gzip on;
  gzip_comp_level 1;
  gzip_min_length 256;
  gzip_types text/html application/xml;
  server {
    listen 127.0.0.1:$PORT;
    root $SITE;
  }
}
CONF
/usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" 2>/dev/null
trap '/usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" -s stop 2>/dev/null || true' EXIT
sleep 0.5
curl -sf --compressed -o /dev/null "$BASE/index.html"

# hallyu's configuration: one sitemap source, robots off and no politeness delay
# for this host (it is ours), loopback allowed, events to the real broker. Each
# run gets fresh state, spool and topics, so every run does the full work.
hallyu_config() {  # RUN_DIR
  cat <<YAML
sources:
  - name: bench-site
    kind: sitemap
    url: $BASE/sitemap.xml
    site: Bench News
    lang: auto
    horizon: 100000d
state:
  path: $1/state.db
detect:
  rules: configs/rules
  gazetteer: configs/gazetteer
  extra_gazetteer: [$SITE/gazetteer]
crawl:
  workers: 0
  respect_robots: false
fetcher:
  allowed_cidrs: [127.0.0.0/8]
  min_host_delay_ms: 0
  max_in_flight: $CONC
  max_in_flight_per_host: $CONC
kafka:
  brokers: $BROKERS
  client_id: hallyu-bench
  topics:
    casting: bench.$(basename "$1").casting
    ost: bench.$(basename "$1").ost
    documents: bench.$(basename "$1").documents
    dlq: bench.$(basename "$1").dlq
  partitions: 2
  spool:
    dir: $1/spool
monitoring:
  metrics_enabled: false
YAML
}

# measure NAME CMD...: runs CMD under /usr/bin/time -v; leaves NAME.out/.err/.time.
measure() {
  local name=$1
  shift
  /usr/bin/time -v -o "$OUT/$name.time" "$@" >"$OUT/$name.out" 2>"$OUT/$name.err" || true
}
field() { grep -F "$2" "$OUT/$1.time" | head -1 | awk -F': ' '{print $2}'; }
cpu() { echo "$(field "$1" 'User time (seconds)') + $(field "$1" 'System time (seconds)')" | bc -l; }
wall() {
  field "$1" 'Elapsed (wall clock)' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }'
}
rss() { field "$1" 'Maximum resident set size (kbytes)'; }
# sample_rss NAME: every 2 s, "seconds pages_so_far rss_mib" of the running hallyu
# into NAME.rss (pages from the crawl's progress line), until it exits.
sample_rss() {
  local name=$1 pid="" t=0
  for _ in $(seq 1 50); do
    pid=$(pgrep -n -f -- "--config $OUT/run-$STAMP-" || true)
    [[ -n $pid ]] && break
    sleep 0.1
  done
  [[ -n $pid ]] || return 0
  : >"$OUT/$name.rss"
  while kill -0 "$pid" 2>/dev/null; do
    local kb
    kb=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    echo "$t $((${kb:-0} / 1024))" >>"$OUT/$name.rss"
    sleep 2
    t=$((t + 2))
  done
}

SITE_PAGES=$(find "$SITE" -name '*.html' | wc -l)
STAMP=$(date -u +%Y%m%d%H%M%S)
declare -a ROWS
for r in $(seq 1 "$ROUNDS"); do
  run_dir=$OUT/run-$STAMP-$r
  rm -rf "$run_dir"
  mkdir -p "$run_dir"
  hallyu_config "$run_dir" >"$run_dir/bench.yaml"
  if [[ -n ${PERF:-} ]]; then  # profile instead: perf record -g of the crawl (PERF=1)
    perf record -g -F 999 -o "$OUT/perf.data" "$HALLYU" --config "$run_dir/bench.yaml" crawl --once \
      >"$OUT/perf.out" 2>"$OUT/perf.err" || true
    # (|| true: head closes the pipe early, and pipefail would end the script.)
    perf report -i "$OUT/perf.data" --no-children -g none --sort dso,symbol --stdio 2>/dev/null |
      grep -E '^ +[0-9]' | cut -c1-120 | head -40 >"$OUT/perf-top.txt" || true
    perf report -i "$OUT/perf.data" --no-children -g none --sort dso --stdio 2>/dev/null |
      grep -E '^ +[0-9]' | head -15 >"$OUT/perf-dso.txt" || true
    cat "$OUT/perf-dso.txt" "$OUT/perf-top.txt"
    exit 0
  fi
  sample_rss "hallyu-$r" &
  measure "hallyu-$r" "$HALLYU" --config "$run_dir/bench.yaml" crawl --once
  wait
  line=$(grep "^crawl:" "$OUT/hallyu-$r.err" | tail -1 || true)
  pages=$(sed -n 's/.*; \([0-9]*\) pages (.*/\1/p' <<<"$line")
  events=$(sed -n 's/.* \([0-9]*\) events published.*/\1/p' <<<"$line")
  ROWS+=("hallyu $r $pages $events")
  rm -rf "$run_dir/spool"
  if [[ $PEERS == 1 ]]; then
    measure "scrapy-$r" /usr/bin/python3 bench/e2e/scrapy_spider.py "$BASE/index.html" "$CONC"
    spages=$(grep -o 'pages_ok=[0-9]*' "$OUT/scrapy-$r.out" | cut -d= -f2)
    ROWS+=("scrapy $r ${spages:-0} -")
    rm -rf "$OUT/wget2-files"
    measure "wget2-$r" wget2 -r -l inf -np -q --robots=off --compression=gzip --max-threads="$CONC" \
      --no-host-directories -P "$OUT/wget2-files" --delete-after "$BASE/index.html"
    ROWS+=("wget2 $r $SITE_PAGES -")
  fi
done

# Per crawler: sums over the rounds (pages/s = all pages / all wall seconds).
summ() {  # NAME -> "pages wall cpu rss_max"
  local pages=0 w=0 c=0 rmax=0
  for row in "${ROWS[@]}"; do
    read -r n r p _ <<<"$row"
    [[ $n == "$1" ]] || continue
    pages=$((pages + p))
    w=$(echo "$w + $(wall "$n-$r")" | bc -l)
    c=$(echo "$c + $(cpu "$n-$r")" | bc -l)
    local rs
    rs=$(rss "$n-$r")
    ((rs > rmax)) && rmax=$rs
  done
  echo "$pages $w $c $rmax"
}
{
  echo "## End-to-end: $ARTICLES articles, $ROUNDS rounds ($(date -u +%Y-%m-%dT%H:%MZ))"
  echo
  echo "Command: \`bench/e2e/run.sh $ARTICLES $ROUNDS $CONC\`$([[ $PEERS == 1 ]] || echo " with PEERS=0")."
  echo "Site: $ARTICLES articles of ~$(du -sb "$SITE/news" | awk -v n="$ARTICLES" '{printf "%.1f", $1/n/1024}') KiB"
  echo "($SITE_PAGES HTML pages with listings), $PLANTED planted announcements; nginx gzip level 1 on loopback;"
  echo "$(nproc) cores shared with nginx and other engineers' jobs (load $(cut -d' ' -f1-3 /proc/loadavg))."
  echo
  echo "| run | crawler | pages | events | wall s | pages/s | CPU ms/page | peak RSS MiB |"
  echo "|---|---|---|---|---|---|---|---|"
  for row in "${ROWS[@]}"; do
    read -r n r p e <<<"$row"
    w=$(wall "$n-$r")
    c=$(cpu "$n-$r")
    printf '| %s | %s | %s | %s | %.2f | %.0f | %.3f | %d |\n' "$r" "$n" "$p" "$e" "$w" \
      "$(echo "$p / $w" | bc -l)" "$(echo "$c * 1000 / $p" | bc -l)" "$(($(rss "$n-$r") / 1024))"
  done
  echo
  read -r hp hw hc hr <<<"$(summ hallyu)"
  echo "hallyu over all rounds: $(printf '%.0f' "$(echo "$hp / $hw" | bc -l)") pages/s," \
    "$(printf '%.3f' "$(echo "$hc * 1000 / $hp" | bc -l)") CPU ms/page, peak RSS $((hr / 1024)) MiB;" \
    "events found per run: $(for row in "${ROWS[@]}"; do read -r n _ _ e <<<"$row"; [[ $n == hallyu ]] && printf '%s ' "$e"; done)(planted: $PLANTED)."
  for row in "${ROWS[@]}"; do
    read -r n r _ _ <<<"$row"
    [[ $n == hallyu && -s $OUT/hallyu-$r.rss ]] || continue
    echo "hallyu run $r RSS (MiB) every 2 s: $(awk '{printf "%s ", $2}' "$OUT/hallyu-$r.rss")"
  done
  if [[ $PEERS == 1 ]]; then
    read -r sp sw sc _ <<<"$(summ scrapy)"
    read -r wp ww wc _ <<<"$(summ wget2)"
    H=$(echo "$hp / $hw" | bc -l)
    S=$(echo "$sp / $sw" | bc -l)
    W=$(echo "$wp / $ww" | bc -l)
    printf 'Ratios (pages/s): hallyu = %.1fx Scrapy, %.2fx wget2. CPU per page: hallyu = %.3fx Scrapy, %.2fx wget2.\n' \
      "$(echo "$H / $S" | bc -l)" "$(echo "$H / $W" | bc -l)" \
      "$(echo "($hc / $hp) / ($sc / $sp)" | bc -l)" "$(echo "($hc / $hp) / ($wc / $wp)" | bc -l)"
  fi
  echo
} >"$OUT/results.md"
cat "$OUT/results.md"
