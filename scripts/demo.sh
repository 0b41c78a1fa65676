#!/usr/bin/env bash
# The main job on the embedded defaults: installs what is missing, builds Release,
# crawls the bundled sample and prints the events it detected.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup-deps.sh
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DHALLYU_BUILD_TESTS=OFF >/dev/null
ninja -C build-release hallyu
exec build-release/hallyu --config configs/demo.yaml crawl --once
