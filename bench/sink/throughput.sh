#!/usr/bin/env bash
# Sink throughput: N casting events (3 versions each) produced to a fresh topic with kcat,
# then `hallyu sink --idle-exit-ms 1000` drains them into a store; prints messages/s.
# Compares one transaction per poll batch (--max-batch 500, the default) with one
# transaction per message (--max-batch 1), on SQLite and PostgreSQL.
# Usage: HALLYU_KAFKA_BROKERS=... HALLYU_PG_URL=... bench/sink/throughput.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-2000}"
B="${HALLYU_KAFKA_BROKERS:?start scripts/kafka-local.sh}"
PG="${HALLYU_PG_URL:?start scripts/pg-local.sh}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
python3 - "$N" >"$TMP/events.txt" <<'PY'
import json, sys
n = int(sys.argv[1])
for i in range(n):
    for v, st in ((1, "rumored"), (2, "in_talks"), (3, "confirmed")):
        e = {"schema": "hallyu.casting/1", "event_id": f"c-{i}", "version": v, "type": "casting",
             "status": st, "person": {"name": f"Person {i}", "group": "G", "idol": True},
             "work": {"title": f"Work {i % 50}", "network": "MBC"}, "crossover": True,
             "sources": [{"url": f"https://n.example/{i}/{v}", "site": "n"}],
             "first_seen_at": "2026-05-01T09:00:00Z", "detected_at": f"2026-05-0{v}T10:00:00Z"}
        print(f"c-{i}\t{json.dumps(e)}")
PY
msgs=$((N * 3))
run() {  # run NAME STORE MAXBATCH
  local topic="bench.sink.$$.$RANDOM"
  kcat -b "$B" -P -t "$topic" -K $'\t' -l "$TMP/events.txt"
  local t0 t1
  t0=$(date +%s.%N)
  build/hallyu --log-level warn sink --store "$2" --brokers "$B" --topics "$topic" \
    --dlq-topic "$topic.dlq" --group "g.$topic" --max-batch "$3" --idle-exit-ms 1000
  t1=$(date +%s.%N)
  python3 -c "import sys; t=float(sys.argv[2])-float(sys.argv[1])-1.0; print(f'{sys.argv[3]:<34} {int(sys.argv[4])/t:10.0f} msg/s  ({t:.2f} s, idle wait excluded)')" \
    "$t0" "$t1" "$1" "$msgs"
}
PGS="$PG"; [[ "$PG" == *\?* ]] || PGS="$PG?"
for kind in sqlite postgres; do
  for batch in 500 1; do
    if [[ $kind == sqlite ]]; then store="sqlite:$TMP/b$batch.db"; else
      schema="bench_$$_$batch"
      psql "$PG" -qc "CREATE SCHEMA $schema" >/dev/null
      store="${PGS}&options=-csearch_path%3D$schema"; store="${store/\?&/?}"
    fi
    run "$kind --max-batch $batch" "$store" "$batch"
  done
done
