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
    feed_fuzzer) cp -n tests/data/feeds/* "$corpus"/ 2>/dev/null || true ;;
    sitemap_fuzzer) cp -n tests/data/sitemaps/* "$corpus"/ 2>/dev/null || true ;;
    robots_fuzzer) cp -n tests/data/robots/* "$corpus"/ 2>/dev/null || true ;;
    social_fuzzer)  # first byte picks the parser: 0 reddit, 1 mastodon, 2 bluesky, 3 youtube
      for f in tests/data/social/*; do
        case $(basename "$f") in
          reddit*) k='\x00' ;; mastodon*) k='\x01' ;; bluesky*) k='\x02' ;; *) k='\x03' ;;
        esac
        [[ -e "$corpus/$(basename "$f")" ]] || { printf "$k"; cat "$f"; } > "$corpus/$(basename "$f")"
      done ;;
    content_decoder_fuzzer)  # first byte picks the coding: 0 gzip, 1 deflate (zlib)
      for f in tests/data/extract/*.html; do
        b=$(basename "$f" .html)
        [[ -e "$corpus/gz-$b" ]] || { printf '\x00'; gzip -1 -c "$f"; } > "$corpus/gz-$b"
        [[ -e "$corpus/df-$b" ]] || { printf '\x01'; /usr/bin/python3 -c \
          'import sys, zlib; sys.stdout.buffer.write(zlib.compress(sys.stdin.buffer.read()))' <"$f"; } \
          > "$corpus/df-$b"
      done ;;
    url_fuzzer)
      [[ -e "$corpus/seed-1" ]] || printf 'https://News.Example.co.kr:443/a/../b/./c?utm_source=x&id=1#top\n../d?e=f' > "$corpus/seed-1"
      [[ -e "$corpus/seed-2" ]] || printf 'http://xn--3e0b707e.kr/%%ea%%b0%%80?q=%%20\n//cdn.example.com/x.js' > "$corpus/seed-2" ;;
  esac
  # Checked-in seeds (tests/fuzz/seeds/<target>, e.g. hostile inputs of issue 20) are a
  # second, read-only corpus: libFuzzer reads them and writes new inputs to $corpus only.
  seeds=()
  [[ -d tests/fuzz/seeds/$t ]] && seeds=("tests/fuzz/seeds/$t")
  echo "fuzz: $t for ${SECONDS_PER_TARGET}s on $(ls "$corpus" | wc -l) seeds" \
    "+ ${#seeds[@]} checked-in seed dir(s)"
  "$BUILD/fuzz/$t" -max_total_time="$SECONDS_PER_TARGET" -max_len=262144 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 "$corpus" ${seeds[@]+"${seeds[@]}"}
done
