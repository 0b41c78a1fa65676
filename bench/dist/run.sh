#!/usr/bin/env bash
# Distributed crawl benchmark: pages/s and CPU per page of `hallyu crawl --distributed`
# with 1, 2 and 3 worker processes, crawling the same generated test web (HOSTS host names
# x PAGES pages, one RSS feed per host) served by nginx on loopback, on a real Kafka
# cluster. Each run uses fresh topics and a fresh group; workers exit after 3 s idle.
#
# usage: bench/dist/run.sh [HOSTS=20] [PAGES=250] [WORKER_COUNTS="1 2 3"]
# env:   BROKERS (default the 3-broker cluster of KAFKA_BASE_PORT=25192), BUILD (default
#        ./build), PORT (nginx, default 18480), PERF=1 to record every worker with
#        `perf record` (cpu-clock, 999 Hz) and print, per worker count, the CPU per page
#        spent in each library (hallyu, librdkafka, libcurl, SQLite, kernel, ...): the
#        profile that shows whether the per-worker cost grows with the number of workers
# needs: nginx-light, a built build/hallyu, the Kafka cluster running
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
HOSTS=${1:-20}
PAGES=${2:-250}
COUNTS=${3:-"1 2 3"}
PORT=${PORT:-18480}
BROKERS=${BROKERS:-127.0.0.1:25192,127.0.0.1:25202,127.0.0.1:25212}
BUILD=${BUILD:-$ROOT/build}
OUT=$ROOT/bench/out/dist
SITE=$OUT/site
mkdir -p "$OUT"

rm -rf "$SITE"
/usr/bin/python3 - "$SITE" "$HOSTS" "$PAGES" "$PORT" <<'PY'
import os, sys
site, hosts, pages, port = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
para = ("The chart of the week saw several new entries and a few returning songs, with "
        "streaming numbers rising across the board for the season. ") * 6
for h in range(hosts):
    host = "site%02d.test" % h
    d = os.path.join(site, host)
    os.makedirs(d)
    items = []
    for p in range(pages):
        title = "Weekly music chart %d-%d" % (h, p)
        body = para
        if p == 0:
            work = "Wonderful World %d" % (h + 1)
            title = "ASTRO's Cha Eun-woo in talks to star in MBC's '%s'" % work
            body = ("ASTRO's Cha Eun-woo is in talks to star in MBC's new drama '%s'. His agency "
                    "said he received an offer and is reviewing it. " % work) + para
        html = ("<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s</title>"
                "</head><body><nav><a href=\"/\">Home</a> <a href=\"/news/\">News</a></nav>"
                "<article><h1>%s</h1><div class=\"article-body\">%s</div></article>"
                "<footer>Copyright Test Outlet</footer></body></html>") % (
                    title, title, "".join("<p>%s</p>" % body for _ in range(4)))
        open(os.path.join(d, "p%d.html" % p), "w").write(html)
        url = "http://%s:%s/p%d.html" % (host, port, p)
        items.append("<item><title>%s</title><link>%s</link><guid>%s</guid>"
                     "<pubDate>Tue, 24 Nov 2026 01:00:00 GMT</pubDate></item>" % (title, url, url))
    open(os.path.join(d, "feed.xml"), "w").write(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>%s</title><link>http://%s/"
        "</link>%s</channel></rss>" % (host, host, "".join(items)))
PY

mkdir -p "$OUT/nginx/tmp"
cat >"$OUT/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/error.log warn;
events { worker_connections 1024; }
http {
  log_format t '\$msec \$host \$uri';
  access_log $OUT/nginx/access.log t;
  client_body_temp_path $OUT/nginx/tmp;
  proxy_temp_path $OUT/nginx/tmp;
  fastcgi_temp_path $OUT/nginx/tmp;
  uwsgi_temp_path $OUT/nginx/tmp;
  scgi_temp_path $OUT/nginx/tmp;
  default_type text/html;
  types { text/html html; application/rss+xml xml; }
  keepalive_requests 100000;
  server {
    listen 127.0.0.1:$PORT;
    root $SITE/\$host;
  }
}
CONF
/usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" 2>/dev/null
trap '/usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" -s stop 2>/dev/null || true' EXIT

TABLE=$OUT/table.md
echo "| workers | pages | wall s | pages/s | CPU s (all workers) | CPU ms/page |" >"$TABLE"
echo "|---|---|---|---|---|---|" >>"$TABLE"
for N in $COUNTS; do
  RUN="bench.$(date +%s).$N"
  CFG=$OUT/config-$N.yaml
  {
    echo "sources:"
    for ((h = 0; h < HOSTS; h++)); do
      host=$(printf "site%02d.test" "$h")
      printf "  - {name: %s, kind: feed, url: \"http://%s:%s/feed.xml\", lang: en, site: %s, interval: 1h}\n" \
        "$host" "$host" "$PORT" "$host"
    done
    echo "state: {path: $OUT/state-$N.db}"
    echo "crawl: {respect_robots: false}"
    echo "fetcher:"
    echo "  min_host_delay_ms: 0"
    echo "  max_in_flight_per_host: 4"
    echo "  allowed_cidrs: [\"127.0.0.0/8\"]"
    echo "  resolve:"
    for ((h = 0; h < HOSTS; h++)); do printf "    - \"site%02d.test:%s:127.0.0.1\"\n" "$h" "$PORT"; done
    echo "kafka:"
    echo "  brokers: \"$BROKERS\""
    echo "  replication_factor: 3"
    echo "  partitions: 3"
    echo "  topics: {casting: $RUN.casting, ost: $RUN.ost, documents: $RUN.docs, dlq: $RUN.dlq}"
    echo "distributed:"
    echo "  group_id: $RUN.group"
    echo "  frontier_topic: $RUN.frontier"
    echo "  state_topic: $RUN.state"
    echo "  workers_topic: $RUN.workers"
    echo "  partitions: 12"
    echo "  replication_factor: 3"
    echo "  idle_exit_ms: 3000"
  } >"$CFG"
  : >"$OUT/nginx/access.log"
  /usr/sbin/nginx -c "$OUT/nginx/nginx.conf" -p "$OUT/nginx" -s reopen
  pids=()
  rm -f "$OUT"/perf-"$N"-*.data
  for ((w = 1; w <= N; w++)); do
    prefix=()
    [[ "${PERF:-0}" == 1 ]] && prefix=(perf record -q -F 999 -e cpu-clock -o "$OUT/perf-$N-$w.data" --)
    /usr/bin/time -f "%U %S" -o "$OUT/time-$N-$w" "${prefix[@]}" "$BUILD/hallyu" --config "$CFG" \
      --log-level warn crawl --distributed --worker-id "b$w" 2>"$OUT/worker-$N-$w.log" &
    pids+=($!)
  done
  for p in "${pids[@]}"; do wait "$p" || true; done
  sleep 0.5
  read -r pages first last < <(awk '$3 ~ /^\/p[0-9]+\.html$/ {n++; if (f == "" || $1 < f) f = $1; if ($1 > l) l = $1} END {print n, f, l}' "$OUT/nginx/access.log")
  cpu=$(cat "$OUT"/time-"$N"-* | awk '{s += $1 + $2} END {print s}')
  echo "$N workers: $pages pages, first $first last $last, CPU $cpu s" >&2
  awk -v n="$N" -v p="$pages" -v f="$first" -v l="$last" -v c="$cpu" 'BEGIN {
    w = l - f; printf "| %d | %d | %.2f | %.1f | %.2f | %.3f |\n", n, p, w, p / w, c, 1000 * c / p }' >>"$TABLE"
done
cat "$TABLE"

# The profile: samples (1 ms of CPU each at 999 Hz) per library, summed over the workers
# of a run and divided by the pages of that run, so the columns compare per-page cost.
if [[ "${PERF:-0}" == 1 ]]; then
  PROFILE=$OUT/profile.md
  for N in $COUNTS; do
    pages=$(sed -n "s/^| $N | \([0-9]*\) .*/\1/p" "$TABLE")
    for f in "$OUT"/perf-"$N"-*.data; do
      perf report -i "$f" --stdio -q -n --sort dso 2>/dev/null | awk -v n="$N" -v p="$pages" \
        'NF >= 3 { print n, p, $3, $2 }'
    done
  done | awk '
    { key = $3; if (!(key in seen)) { seen[key] = 1; order[++k] = key }
      s[$1, key] += $4; pages[$1] = $2; ns[$1] = 1; tot[key] += $4 }
    END {
      m = 0; for (n in ns) cols[++m] = n
      for (i = 1; i <= m; i++) for (j = i + 1; j <= m; j++) if (cols[j] < cols[i]) { t = cols[i]; cols[i] = cols[j]; cols[j] = t }
      printf "| library (CPU ms per page, all workers) |"; for (i = 1; i <= m; i++) printf " %s worker(s) |", cols[i]; print ""
      printf "|---|"; for (i = 1; i <= m; i++) printf "---|"; print ""
      for (a = 1; a <= k; a++) for (b = a + 1; b <= k; b++) if (tot[order[b]] > tot[order[a]]) { t = order[a]; order[a] = order[b]; order[b] = t }
      for (a = 1; a <= k && a <= 12; a++) {
        printf "| %s |", order[a]
        for (i = 1; i <= m; i++) printf " %.3f |", s[cols[i], order[a]] * 1.001 / pages[cols[i]]
        print ""
      }
      printf "| **all** |"
      for (i = 1; i <= m; i++) { t = 0; for (a = 1; a <= k; a++) t += s[cols[i], order[a]]; printf " **%.3f** |", t * 1.001 / pages[cols[i]] }
      print ""
    }' >"$PROFILE"
  cat "$PROFILE"
fi
