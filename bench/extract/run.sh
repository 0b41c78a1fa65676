#!/usr/bin/env bash
# One run of the extraction benchmark: our Google Benchmark + the Python peers on
# the same pages, all pinned to one core. Usage: bench/extract/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=bench/extract/.venv
if [[ ! -x $VENV/bin/python ]]; then
  /usr/bin/python3 -m venv $VENV
  $VENV/bin/pip install -q -U pip
  $VENV/bin/pip install -q trafilatura readability-lxml
fi
python3 bench/extract/make_bench_pages.py
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -DHALLYU_BUILD_BENCH=ON -DHALLYU_BUILD_TESTS=OFF >/dev/null
ninja -C build-bench extract_bench hallyu >/dev/null
echo "== hallyu (Google Benchmark, 1 core)"
taskset -c 0 build-bench/bench/extract_bench --benchmark_min_time=2
echo "== peers (1 core)"
taskset -c 0 $VENV/bin/python bench/extract/peers.py --ours build-bench/hallyu
