#!/usr/bin/env bash
# Installs every Debian package hallyu needs to build, test and run.
# Idempotent: when everything is present it only checks (well under a second).
# Usage: scripts/setup-deps.sh [--bench]   (--bench adds the peers used by bench/)
set -euo pipefail

BUILD_PKGS=(
  build-essential cmake ninja-build pkg-config git ca-certificates
  libcurl4-openssl-dev libidn2-dev libgumbo-dev libre2-dev librdkafka-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  libyaml-cpp-dev nlohmann-json3-dev libspdlog-dev libfmt-dev libcli11-dev
  libsqlite3-dev libpqxx-dev libcpp-httplib-dev
  zlib1g-dev libbrotli-dev libzstd-dev libdeflate-dev libssl-dev
  clang-format
)
TEST_PKGS=(
  openjdk-17-jre-headless maven
  postgresql
  python3 python3-jsonschema
  kcat                      # scripts/kafka-local.sh probes readiness with it
  clang libclang-rt-14-dev  # libFuzzer targets (scripts/fuzz.sh)
  nginx-light openssl       # HTTP/2-over-TLS server for the fetcher's protocol tests
)
BENCH_PKGS=(wget2 python3-scrapy python3-lxml linux-perf python3-venv)

want=("${BUILD_PKGS[@]}" "${TEST_PKGS[@]}")
[[ "${1:-}" == "--bench" ]] && want+=("${BENCH_PKGS[@]}")

missing=()
for p in "${want[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

echo "setup-deps: installing ${missing[*]}" >&2
SUDO=""
[[ "$(id -u)" -ne 0 ]] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "setup-deps: done" >&2
