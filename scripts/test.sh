#!/usr/bin/env bash
# The whole test suite, exactly as CI runs it (.ci/run calls this):
#   installs what is missing, builds with -Werror, checks formatting, starts a real
#   Kafka broker (KRaft) and PostgreSQL on 127.0.0.1, runs every CTest test, stops the
#   services even when tests fail, then runs the unit tests again under ASan+UBSan.
# Exits non-zero on any failure.
# Environment: HALLYU_SKIP_ASAN=1 skips the sanitizer pass and HALLYU_FUZZ_SECONDS=0 the
# fuzzing pass (local iterations only); HALLYU_FUZZ_SECONDS sets seconds per fuzz target.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
JOBS="${HALLYU_JOBS:-$(nproc)}"
t0=$SECONDS
step() { echo "== test.sh [$((SECONDS - t0))s] $*"; }

step "dependencies"
scripts/setup-deps.sh

step "build (RelWithDebInfo, -Werror)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DHALLYU_WERROR=ON >/dev/null
ninja -C build -j "$JOBS"

step "format check"
git ls-files -- '*.h' '*.cc' | xargs -r clang-format --dry-run --Werror

cleanup() {
  step "stopping services"
  scripts/kafka-local.sh stop || true
  if [[ -x scripts/pg-local.sh ]]; then scripts/pg-local.sh stop || true; fi
}
trap cleanup EXIT

step "starting Kafka"
HALLYU_KAFKA_BROKERS="$(scripts/kafka-local.sh start)"
export HALLYU_KAFKA_BROKERS
# The distributed-crawl tests use a 3-broker cluster (and kill/restart its nodes).
HALLYU_DIST_KAFKA_BROKERS="$(KAFKA_BASE_PORT=19192 scripts/kafka-local.sh start --brokers 3)"
export HALLYU_DIST_KAFKA_BROKERS HALLYU_DIST_KAFKA_BASE_PORT=19192
if [[ -x scripts/pg-local.sh ]]; then
  step "starting PostgreSQL"
  HALLYU_PG_URL="$(scripts/pg-local.sh start)"
  export HALLYU_PG_URL
fi

step "ctest (unit + integration)"
ctest --test-dir build --output-on-failure -j "$JOBS" --timeout 300 -LE chaos

# The crash checkers (tests/chaos): `hallyu crawl --once` SIGKILLed 20 times at random
# moments, its broker killed and restarted under it now and then and some runs on a full
# disk (HALLYU_CHAOS_FULL_DISK=0 turns those off), then run to completion;
# every planted announcement must reach the broker. And three distributed workers
# SIGKILLed or frozen past their session timeout 20 times (broker kills: below) while
# announcements change status: every one with its latest status,
# versions never repeated with another payload nor going back. Both end with `hallyu sink`
# into SQLite, whose rows must match the topics.
step "chaos: crawl SIGKILLed ${HALLYU_CHAOS_KILLS:-20} times, distributed workers ${HALLYU_DIST_CHAOS_FAULTS:-20} faults"
# The distributed checker also kills and restarts brokers (HALLYU_DIST_CHAOS_BROKER_FAULTS=0
# turns that off). A worker stopped between its JoinGroup and its first assignment used to
# abort inside librdkafka 2.0.2 (issue 4312); it now keeps that consumer open until exit
# (DistributedCrawlTest.WorkerStoppedBeforeItsFirstAssignmentExitsCleanly).
HALLYU_CHAOS_KILLS="${HALLYU_CHAOS_KILLS:-20}" HALLYU_DIST_CHAOS_FAULTS="${HALLYU_DIST_CHAOS_FAULTS:-20}" \
  HALLYU_DIST_CHAOS_BROKER_FAULTS="${HALLYU_DIST_CHAOS_BROKER_FAULTS:-1}" \
  ctest --test-dir build --output-on-failure -L chaos --timeout 900

if [[ "${HALLYU_SKIP_ASAN:-0}" != 1 ]]; then
  step "build (ASan+UBSan)"
  cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS=-O1 \
    -DHALLYU_WERROR=ON -DHALLYU_SANITIZE=address,undefined >/dev/null
  ninja -C build-asan -j "$JOBS" extractors_tests crawler_tests hallyu  # what the unit label runs
  step "ctest under ASan+UBSan (unit)"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    ctest --test-dir build-asan -L unit --output-on-failure -j "$JOBS" --timeout 600
fi
if [[ "${HALLYU_FUZZ_SECONDS:-40}" -gt 0 ]]; then
  step "fuzz: libFuzzer targets under ASan+UBSan, ${HALLYU_FUZZ_SECONDS:-40} s each"
  scripts/fuzz.sh "${HALLYU_FUZZ_SECONDS:-40}"
fi
step "all passed"
