#!/usr/bin/env bash
# Long run of the single-node crash checker (tests/chaos/crawl_sigkill_test.cc, issue 19):
# `hallyu crawl --once` SIGKILLed KILLS times at random moments, with broker kills and
# restarts and full-disk runs mixed in (one round in five each), then run to completion;
# every planted announcement must reach the topics and, through `hallyu sink`, the SQLite
# store, with no (event_id, version) of two payloads and no regressed version.
#
# usage: bench/chaos/crawl_long.sh           (KILLS=300 by default)
# env:   KILLS (crawl SIGKILLs), PAGES (site pages, default 300), HALLYU_CHAOS_SEED (replay a
#        run), HALLYU_KAFKA_BROKERS (default: the 1-broker cluster of scripts/kafka-local.sh,
#        127.0.0.1:19092; it is killed and restarted through that script), BUILD (./build)
# The last line of the log is the figure: "chaos seed ...: N crawl SIGKILLs, ...".
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-$PWD/build}
mkdir -p bench/out
LOG=bench/out/crawl-chaos-long.log
start=$(date +%s)
HALLYU_CHAOS_KILLS=${KILLS:-300} HALLYU_CHAOS_PAGES=${PAGES:-300} \
  "$BUILD/tests/chaos_tests" --gtest_filter='CrawlSigkillTest.*' 2>&1 | tee "$LOG"
grep "chaos seed [0-9]*:" "$LOG" | tail -1
echo "duration: $(($(date +%s) - start)) s"
