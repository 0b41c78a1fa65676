#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan+UBSan) and runs each for a bounded
# time on a seed corpus made from the test fixtures.
# Usage: scripts/fuzz.sh [seconds-per-target, default 60] [target ...]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
shift || true
BUILD=build-fuzz
CC=clang CXX=clang++ cmake -S . -B $BUILD -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DHALLYU_BUILD_FUZZERS=ON -DHALLYU_BUILD_TESTS=OFF -DHALLYU_SANITIZE=address,undefined >/dev/null
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for f in tests/fuzz/*_fuzzer.cc; do targets+=("$(basename "$f" .cc)"); done
fi
ninja -C $BUILD "${targets[@]}"
for t in "${targets[@]}"; do
  corpus=$BUILD/fuzz/corpus-$t
  mkdir -p "$corpus"
  case $t in
    extract_fuzzer) cp -n tests/data/extract/*.html "$corpus"/ 2>/dev/null || true ;;
  esac
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s on $(ls "$corpus" | wc -l) seeds"
  "$BUILD/fuzz/$t" -max_total_time="$SECONDS_PER_TARGET" -max_len=262144 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus"
done
