#!/usr/bin/env bash
# kafka-local.sh — a throwaway, real Apache Kafka (KRaft mode, combined broker+controller
# nodes, no ZooKeeper) on 127.0.0.1, built only from Maven Central jars resolved with Maven.
# Facts checked on the first real runs are in scripts/kafka/README.md.
#
#   kafka-local.sh start [--brokers 1|3]        resolve jars (cached), format, start, wait until
#                                               every node answers a metadata request; prints ONLY
#                                               the bootstrap servers on stdout (logs: stderr)
#   kafka-local.sh stop [--brokers 1|3]         SIGTERM the nodes, SIGKILL after KAFKA_STOP_TIMEOUT
#                                               (no --brokers: stops both clusters)
#   kafka-local.sh status [--brokers 1|3]       one line per node; exit 0 only if all answer
#   kafka-local.sh kill <id> [--brokers 1|3]    SIGKILL one node (fault tests)
#   kafka-local.sh start-node <id> [--brokers 1|3]
#                                               restart a killed/stopped node on its data, wait ready
#
# The 1-broker and the 3-broker cluster are independent (own state, own ports), so both can run
# at once:   --brokers 1: 127.0.0.1:19092            (controller 19093)
#            --brokers 3: 127.0.0.1:19192,19202,19212 (controllers 19193,19203,19213)
# kill/start-node/status default to the 1-broker cluster; pass --brokers 3 for the other one.
#
# Environment (all optional):
#   KAFKA_VERSION        default 4.3.1 (4.x or 3.9.x; each version gets its own jar folder)
#   KAFKA_BASE_PORT      first client port of the chosen cluster (default 19092 / 19192);
#                        node n listens on BASE+10(n-1), its controller on BASE+10(n-1)+1
#   KAFKA_LIB_DIR        jar cache root (default scripts/kafka/lib, git-ignored)
#   KAFKA_STATE_DIR      configs, data, logs, pids (default <repo>/.kafka-local, git-ignored)
#   KAFKA_START_TIMEOUT  seconds to wait for readiness (default 120)
#   KAFKA_STOP_TIMEOUT   seconds between SIGTERM and SIGKILL (default 20)
#   KAFKA_HEAP_OPTS      JVM heap flags (default -Xms128m -Xmx512m, 3 nodes: -Xms128m -Xmx384m)
#   LOG4J2_VERSION       override the log4j2 version picked for 4.x
#   MAVEN_REPO_LOCAL     -Dmaven.repo.local for CI caching
#   MVN, JAVA_HOME, KCAT tool locations
set -euo pipefail

KAFKA_VERSION="${KAFKA_VERSION:-4.3.1}"
SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT_DIR="$(cd "$SCRIPT_DIR/.." && pwd)"
POM="$SCRIPT_DIR/kafka/pom.xml"
LIB_ROOT="${KAFKA_LIB_DIR:-$SCRIPT_DIR/kafka/lib}"
STATE_ROOT="${KAFKA_STATE_DIR:-$ROOT_DIR/.kafka-local}"
START_TIMEOUT="${KAFKA_START_TIMEOUT:-120}"
STOP_TIMEOUT="${KAFKA_STOP_TIMEOUT:-20}"
MVN="${MVN:-mvn}"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
KCAT="${KCAT:-kcat}"
# Maven 3.8.7's super POM would pick maven-dependency-plugin 2.8: pin a current one.
DEP_PLUGIN="org.apache.maven.plugins:maven-dependency-plugin:3.8.1"

case "$KAFKA_VERSION" in
  3.9.*) MAJOR=3 ;;
  4.*) MAJOR=4 ;;
  *) echo "kafka-local: unsupported KAFKA_VERSION=$KAFKA_VERSION (use 4.x or 3.9.x)" >&2; exit 2 ;;
esac
LIB_DIR="$LIB_ROOT/$KAFKA_VERSION" # one folder per version: never mix jars of two releases

die() { echo "kafka-local: error: $*" >&2; exit 1; }
log() { echo "kafka-local: $*" >&2; }

# --- cluster selection (set by select_cluster) -------------------------------------------
N=1 STATE_DIR="" BASE_PORT=""
select_cluster() { # $1 = number of brokers (1 or 3)
  [[ "$1" == 1 || "$1" == 3 ]] || die "--brokers must be 1 or 3, got '$1'"
  N="$1"
  STATE_DIR="$STATE_ROOT/cluster$N"
  if [[ "$N" == 1 ]]; then BASE_PORT="${KAFKA_BASE_PORT:-19092}"; else BASE_PORT="${KAFKA_BASE_PORT:-19192}"; fi
}
client_port() { echo $((BASE_PORT + 10 * ($1 - 1))); }
controller_port() { echo $((BASE_PORT + 10 * ($1 - 1) + 1)); }
node_dir() { echo "$STATE_DIR/node$1"; }
node_log() { echo "$STATE_DIR/node$1/logs/kafka.out"; }
bootstrap() {
  local id out=""
  for ((id = 1; id <= N; id++)); do out+="${out:+,}127.0.0.1:$(client_port "$id")"; done
  echo "$out"
}

# The log4j2 version each Kafka release builds with (gradle/dependencies.gradle); the pom
# declares log4j-api/-core/-slf4j-impl at this one version.
log4j2_version() {
  if [[ -n "${LOG4J2_VERSION:-}" ]]; then echo "$LOG4J2_VERSION"; return; fi
  case "$KAFKA_VERSION" in
    4.0.0 | 4.0.1 | 4.1.0 | 4.1.1) echo 2.24.3 ;;
    4.0.2 | 4.1.2 | 4.2.*) echo 2.25.3 ;;
    *) echo 2.25.4 ;; # 4.3.x (checked: kafka-server 4.3.1's POM says 2.25.4)
  esac
}

check_tools() {
  local v
  v="$("$JAVA" -version 2>&1 | sed -n 's/.* version "\([0-9]*\).*/\1/p' | head -n1)" || true
  [[ -n "$v" ]] || die "cannot run '$JAVA' (install a JDK 17: scripts/setup-deps.sh)"
  if [[ "$MAJOR" == 4 && "$v" -lt 17 ]]; then die "Kafka $KAFKA_VERSION needs Java 17+, found $v"; fi
  command -v "$KCAT" >/dev/null || die "'$KCAT' not found; it probes readiness (scripts/setup-deps.sh installs kcat)"
}

resolve_jars() {
  [[ -f "$LIB_DIR/.complete" ]] && return 0
  command -v "$MVN" >/dev/null || die "'$MVN' not found (scripts/setup-deps.sh installs maven)"
  local props=(-Dkafka.version="$KAFKA_VERSION")
  [[ "$MAJOR" == 4 ]] && props+=(-Dlog4j2.version="$(log4j2_version)")
  [[ -n "${MAVEN_REPO_LOCAL:-}" ]] && props+=(-Dmaven.repo.local="$MAVEN_REPO_LOCAL")
  rm -rf "$LIB_DIR"
  mkdir -p "$LIB_DIR"
  log "resolving Kafka $KAFKA_VERSION jars from Maven Central into $LIB_DIR"
  local mvn_log="$LIB_ROOT/mvn-$KAFKA_VERSION.log"
  "$MVN" -B -q -f "$POM" -P "kafka$MAJOR" "${props[@]}" "$DEP_PLUGIN:copy-dependencies" \
    -DincludeScope=runtime -Dmdep.prependGroupId=true -DoutputDirectory="$LIB_DIR" >"$mvn_log" 2>&1 \
    || { tail -n 40 "$mvn_log" >&2; die "maven could not resolve Kafka $KAFKA_VERSION (network? log: $mvn_log)"; }
  compgen -G "$LIB_DIR/org.apache.kafka.kafka_2.13-$KAFKA_VERSION.jar" >/dev/null \
    || die "kafka_2.13-$KAFKA_VERSION.jar missing after resolution"
  touch "$LIB_DIR/.complete"
}

gen_uuid() { # the text form of org.apache.kafka.common.Uuid: 16 random bytes, base64url, unpadded
  local id
  while :; do
    id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    if [[ ${#id} -eq 22 && "$id" != -* ]]; then echo "$id"; return; fi
  done
}

write_log_configs() {
  local c="$STATE_DIR/conf"
  mkdir -p "$c"
  if [[ "$MAJOR" == 3 ]]; then # reload4j (log4j 1.x API)
    cat >"$c/server-log4j.properties" <<'P'
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.kafka.network.RequestChannel$=WARN
log4j.logger.state.change.logger=WARN
log4j.logger.org.apache.zookeeper=WARN
P
    cat >"$c/tools-log4j.properties" <<'P'
log4j.rootLogger=WARN, stderr
log4j.appender.stderr=org.apache.log4j.ConsoleAppender
log4j.appender.stderr.Target=System.err
log4j.appender.stderr.layout=org.apache.log4j.PatternLayout
log4j.appender.stderr.layout.ConversionPattern=[%d] %p %m (%c)%n
P
    SERVER_LOG_OPTS=(-Dlog4j.configuration="file:$c/server-log4j.properties")
    TOOLS_LOG_OPTS=(-Dlog4j.configuration="file:$c/tools-log4j.properties")
  else # log4j2, properties syntax
    cat >"$c/server-log4j2.properties" <<'P'
status = warn
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = INFO
rootLogger.appenderRef.stdout.ref = STDOUT
logger.request.name = kafka.request.logger
logger.request.level = WARN
logger.channel.name = kafka.network.RequestChannel$
logger.channel.level = WARN
logger.statechange.name = state.change.logger
logger.statechange.level = WARN
P
    cat >"$c/tools-log4j2.properties" <<'P'
status = warn
appender.stderr.type = Console
appender.stderr.name = STDERR
appender.stderr.target = SYSTEM_ERR
appender.stderr.layout.type = PatternLayout
appender.stderr.layout.pattern = [%d] %p %m (%c)%n
rootLogger.level = WARN
rootLogger.appenderRef.stderr.ref = STDERR
P
    SERVER_LOG_OPTS=(-Dlog4j2.configurationFile="$c/server-log4j2.properties")
    TOOLS_LOG_OPTS=(-Dlog4j2.configurationFile="$c/tools-log4j2.properties")
  fi
}

write_server_properties() { # $1 node id
  local id="$1" d rf isr voters="" i
  d="$(node_dir "$id")"
  mkdir -p "$d/data" "$d/logs"
  if [[ "$N" -ge 3 ]]; then rf=3 isr=2; else rf=1 isr=1; fi
  for ((i = 1; i <= N; i++)); do voters+="${voters:+,}$i@127.0.0.1:$(controller_port "$i")"; done
  cat >"$d/server.properties" <<EOF
process.roles=broker,controller
node.id=$id
controller.quorum.voters=$voters
listeners=PLAINTEXT://127.0.0.1:$(client_port "$id"),CONTROLLER://127.0.0.1:$(controller_port "$id")
advertised.listeners=PLAINTEXT://127.0.0.1:$(client_port "$id")
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$d/data
num.partitions=1
default.replication.factor=$rf
min.insync.replicas=$isr
offsets.topic.replication.factor=$rf
offsets.topic.num.partitions=$rf
transaction.state.log.replication.factor=$rf
transaction.state.log.min.isr=$isr
transaction.state.log.num.partitions=$rf
group.initial.rebalance.delay.ms=0
num.network.threads=2
num.io.threads=2
num.recovery.threads.per.data.dir=1
# tests create topics with compaction: run the cleaner often enough to observe it
log.cleaner.threads=1
log.cleaner.backoff.ms=1000
EOF
  if [[ "$MAJOR" == 4 ]]; then
    printf 'share.coordinator.state.topic.replication.factor=%s\nshare.coordinator.state.topic.min.isr=%s\n' \
      "$rf" "$isr" >>"$d/server.properties"
  fi
  if [[ "$N" -ge 3 ]]; then
    # fence a SIGKILLed node fast (defaults 2000/9000 ms): the controller then drops it from
    # every ISR and acks=all writes continue on the 2 remaining replicas (min.insync.replicas=2)
    printf 'broker.heartbeat.interval.ms=500\nbroker.session.timeout.ms=3000\n' >>"$d/server.properties"
  fi
}

format_node() { # $1 node id, $2 cluster id; static quorum (controller.quorum.voters): no quorum flag
  local id="$1" cid="$2"
  "$JAVA" -Xmx256m -XX:TieredStopAtLevel=1 "${TOOLS_LOG_OPTS[@]}" -cp "$LIB_DIR/*" kafka.tools.StorageTool \
    format --cluster-id="$cid" --config "$(node_dir "$id")/server.properties" \
    >"$(node_dir "$id")/logs/format.out" 2>&1 \
    || { cat "$(node_dir "$id")/logs/format.out" >&2; log "format of node $id failed"; return 1; }
}

node_pid() { cat "$(node_dir "$1")/pid" 2>/dev/null || true; }
is_node_pid() { # $1 node id, $2 pid: the process is alive AND is this node's JVM (guards PID reuse)
  [[ -n "${2:-}" && -r "/proc/$2/cmdline" ]] \
    && tr '\0' ' ' <"/proc/$2/cmdline" | grep -qF "kafka.Kafka $(node_dir "$1")/server.properties"
}
node_running() { is_node_pid "$1" "$(node_pid "$1")"; }

port_busy() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits until node $1's client and controller ports are free, at most $2 tries 0.05 s apart
# (a JVM just SIGKILLed may hold its listeners a while after its main thread is a zombie).
wait_ports_free() { # $1 node id, $2 tries of 0.05 s
  local i
  for ((i = 0; i < $2; i++)); do
    port_busy "$(client_port "$1")" || port_busy "$(controller_port "$1")" || return 0
    sleep 0.05
  done
}

# A real metadata request through librdkafka (kcat): the node answers and lists every broker
# of the cluster, i.e. all of them are registered and unfenced.
node_answers() { # $1 node id
  local out
  out="$("$KCAT" -L -b "127.0.0.1:$(client_port "$1")" -m 3 2>/dev/null)" || return 1
  [[ "$(grep -c '^  broker [0-9]* at ' <<<"$out")" -eq "$N" ]]
}

launch_node() { # $1 node id: JVM in its own session; the pid file holds the JVM's pid
  local id="$1" d heap i
  d="$(node_dir "$id")"
  if [[ "$N" -ge 3 ]]; then heap="${KAFKA_HEAP_OPTS:--Xms128m -Xmx384m}"; else heap="${KAFKA_HEAP_OPTS:--Xms128m -Xmx512m}"; fi
  wait_ports_free "$id" 200 # a node killed just before may still be letting go (10 s)
  port_busy "$(client_port "$id")" && die "port $(client_port "$id") is already in use (another broker? set KAFKA_BASE_PORT)"
  port_busy "$(controller_port "$id")" && die "port $(controller_port "$id") is already in use (set KAFKA_BASE_PORT)"
  rm -f "$d/pid"
  # shellcheck disable=SC2086,SC2016  # $heap is a flag list; $$ must expand in the child sh
  setsid sh -c 'echo $$ > "$0"; exec "$@"' "$d/pid" \
    "$JAVA" $heap -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true \
    "${SERVER_LOG_OPTS[@]}" -Dkafka.logs.dir="$d/logs" \
    -cp "$LIB_DIR/*" kafka.Kafka "$d/server.properties" \
    >>"$d/logs/kafka.out" 2>&1 </dev/null &
  for ((i = 0; i < 50; i++)); do
    [[ -s "$d/pid" ]] && return 0
    sleep 0.1
  done
  die "node $id did not start"
}

wait_ready() { # node ids...; one shared deadline; on failure prints the log tail, returns 1
  local deadline=$((SECONDS + START_TIMEOUT)) id
  for id in "$@"; do
    until node_answers "$id"; do
      if ! node_running "$id"; then
        tail -n 60 "$(node_log "$id")" >&2 || true
        log "node $id exited before it answered (log: $(node_log "$id"))"
        return 1
      fi
      if ((SECONDS >= deadline)); then
        tail -n 60 "$(node_log "$id")" >&2 || true
        log "node $id did not answer a metadata request within ${START_TIMEOUT}s (log: $(node_log "$id"))"
        return 1
      fi
      sleep 0.5
    done
  done
}

stop_nodes() { # node ids...: SIGTERM all, wait, SIGKILL leftovers
  local id pid deadline ids=()
  for id in "$@"; do
    pid="$(node_pid "$id")"
    if is_node_pid "$id" "$pid"; then
      kill -TERM "$pid" 2>/dev/null || true
      ids+=("$id")
    fi
  done
  deadline=$((SECONDS + STOP_TIMEOUT))
  for id in "${ids[@]}"; do
    pid="$(node_pid "$id")"
    while is_node_pid "$id" "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if is_node_pid "$id" "$pid"; then
      log "node $id (pid $pid) ignored SIGTERM for ${STOP_TIMEOUT}s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  done
  for id in "$@"; do rm -f "$(node_dir "$id")/pid"; done
}

cmd_start() {
  local id cid t0=$SECONDS
  check_tools
  cmd_stop_cluster >/dev/null 2>&1 || true
  rm -rf "$STATE_DIR"
  mkdir -p "$STATE_DIR"
  resolve_jars
  write_log_configs
  cid="$(gen_uuid)"
  echo "$cid" >"$STATE_DIR/cluster.id"
  local pids=() ok=1
  for ((id = 1; id <= N; id++)); do
    write_server_properties "$id"
    format_node "$id" "$cid" & # one JVM each: run them side by side
    pids+=($!)
  done
  for id in "${pids[@]}"; do wait "$id" || ok=0; done
  [[ "$ok" == 1 ]] || die "formatting the storage failed"
  # start every node before waiting: a combined node only finishes startup once a quorum
  # majority (2 of 3) is up
  for ((id = 1; id <= N; id++)); do launch_node "$id"; done
  # shellcheck disable=SC2046
  if ! wait_ready $(seq 1 "$N"); then
    stop_nodes $(seq 1 "$N")
    die "start failed (state kept in $STATE_DIR)"
  fi
  bootstrap >"$STATE_DIR/bootstrap.servers"
  log "ready in $((SECONDS - t0))s: Kafka $KAFKA_VERSION, $N node(s), bootstrap servers $(bootstrap)"
  bootstrap
}

cmd_stop_cluster() {
  [[ -d "$STATE_DIR" ]] || return 0
  # shellcheck disable=SC2046
  stop_nodes $(seq 1 "$N")
}

cmd_status() {
  local id pid state rc=0
  [[ -d "$STATE_DIR" ]] || { echo "cluster$N: not started"; return 1; }
  for ((id = 1; id <= N; id++)); do
    pid="$(node_pid "$id")"
    if is_node_pid "$id" "$pid"; then
      if node_answers "$id"; then state="running,ready"; else state="running,not-answering" rc=1; fi
    else
      state=down rc=1
    fi
    echo "node $id pid=${pid:--} $state 127.0.0.1:$(client_port "$id")"
  done
  echo "bootstrap.servers=$(bootstrap)"
  return "$rc"
}

cmd_kill() {
  local id="$1" pid
  [[ "$id" =~ ^[0-9]+$ && "$id" -ge 1 && "$id" -le "$N" ]] || die "no node '$id' in the $N-broker cluster"
  pid="$(node_pid "$id")"
  is_node_pid "$id" "$pid" || die "node $id is not running"
  kill -KILL "$pid"
  local i st
  for ((i = 0; i < 600; i++)); do # until gone or a zombie (its other threads may still run), 30 s
    st="$(awk '/^State:/{print $2}' "/proc/$pid/status" 2>/dev/null || true)"
    [[ -z "$st" || "$st" == Z ]] && break
    sleep 0.05
  done
  wait_ports_free "$id" 600 # a restart right after must find them free (30 s)
  rm -f "$(node_dir "$id")/pid"
  log "node $id (pid $pid) killed"
}

cmd_start_node() {
  local id="$1"
  [[ "$id" =~ ^[0-9]+$ && "$id" -ge 1 && "$id" -le "$N" ]] || die "no node '$id' in the $N-broker cluster"
  [[ -f "$(node_dir "$id")/server.properties" ]] || die "node $id was never formatted (run start first)"
  node_running "$id" && die "node $id is already running"
  check_tools
  [[ -f "$LIB_DIR/.complete" ]] || die "no jars in $LIB_DIR (run start first)"
  write_log_configs
  echo "---- start-node $(date -u +%FT%TZ)" >>"$(node_log "$id")"
  launch_node "$id"
  wait_ready "$id" || { stop_nodes "$id"; die "node $id failed to start"; }
  log "node $id ready"
}

usage() {
  echo "usage: $0 start [--brokers 1|3] | stop [--brokers 1|3] | status [--brokers 1|3]" \
    "| kill <id> [--brokers 1|3] | start-node <id> [--brokers 1|3]" >&2
  exit 2
}

main() {
  local cmd="${1:-}" n="" args=()
  shift || true
  while [[ $# -gt 0 ]]; do
    case "$1" in
      --brokers) n="${2:-}"; shift 2 || usage ;;
      --brokers=*) n="${1#*=}"; shift ;;
      -*) die "unknown option $1" ;;
      *) args+=("$1"); shift ;;
    esac
  done
  case "$cmd" in
    start) select_cluster "${n:-1}"; cmd_start ;;
    stop)
      if [[ -n "$n" ]]; then
        select_cluster "$n"; cmd_stop_cluster
      else
        select_cluster 1; cmd_stop_cluster
        select_cluster 3; cmd_stop_cluster
      fi
      log "stopped" ;;
    status) select_cluster "${n:-1}"; cmd_status ;;
    kill) select_cluster "${n:-1}"; cmd_kill "${args[0]:?node id}" ;;
    start-node) select_cluster "${n:-1}"; cmd_start_node "${args[0]:?node id}" ;;
    *) usage ;;
  esac
}
main "$@"
