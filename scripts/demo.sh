#!/usr/bin/env bash
# The main job on the embedded defaults, on a fresh machine:
#   installs what is missing, builds Release, serves the bundled sample web
#   (configs/demo/site) on 127.0.0.1:18080, crawls it once through the embedded Kafka
#   (librdkafka's mock cluster) into a SQLite store, and prints the crossover events.
# No network and no Kafka installation needed. Everything in the sample is fictional.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT=18080
scripts/setup-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DHALLYU_BUILD_TESTS=OFF >/dev/null
ninja -C build-release hallyu
HALLYU=build-release/hallyu

rm -rf .hallyu/demo-state.db* .hallyu/demo.db* .hallyu/demo-spool
mkdir -p .hallyu
"$HALLYU" --log-level warn serve configs/demo/site --port "$PORT" &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  sleep 0.1
done

echo "== crawling the bundled sample (configs/demo.yaml)"
"$HALLYU" --config configs/demo.yaml --log-level warn crawl --once
echo
echo "== crossover events (hallyu events --crossover)"
"$HALLYU" --config configs/demo.yaml events --crossover
echo
echo "All events: $HALLYU --config configs/demo.yaml events   (add --json for JSON lines)"
