#!/usr/bin/env bash
# Long run of the distributed crash checker (tests/chaos/dist_chaos_test.cc, issue 19):
# three `hallyu crawl --distributed` workers on the 3-broker cluster, FAULTS random faults
# (SIGKILL + restart of a worker, SIGSTOP past its session timeout, or SIGKILL + restart of
# one broker), announcements
# changing status between rounds, transient 503s; then every planted event must show its
# latest status with no (event_id, version) of two payloads and no regressed version, in the
# topics and, through `hallyu sink`, in the SQLite store.
#
# usage: bench/chaos/dist_long.sh            (FAULTS=300 by default)
# env:   FAULTS (faults injected), HOSTS (generated hosts, default 8), HALLYU_CHAOS_SEED
#        (replay a run), HALLYU_DIST_KAFKA_BROKERS (default: the cluster of
#        KAFKA_BASE_PORT=19192), BUILD (default ./build)
# The last line of the log is the figure: "distributed chaos seed ...: N SIGKILLs, ...".
set -euo pipefail
cd "$(dirname "$0")/../.."
BUILD=${BUILD:-$PWD/build}
mkdir -p bench/out
LOG=bench/out/dist-chaos-long.log
start=$(date +%s)
HALLYU_DIST_CHAOS_FAULTS=${FAULTS:-300} HALLYU_DIST_CHAOS_HOSTS=${HOSTS:-8} \
  "$BUILD/tests/chaos_tests" --gtest_filter='DistributedChaosTest.*' 2>&1 | tee "$LOG"
grep "distributed chaos seed" "$LOG" | tail -1
echo "duration: $(($(date +%s) - start)) s"
