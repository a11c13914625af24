#!/usr/bin/env bash
# Times `procurator up` with trivial units and prints a Markdown table.
#
#   bash benchmarks/up.sh [--runs N] [--warmup N] [--idle-seconds S] [--peer-runs N] [--cli PATH] [--out FILE] [--keep]
#
# 1. Start-up: time from launching `procurator up` to its "all ready" line for 30 units
#    (`echo up; exec sleep 1000` with a LogLine("^up$") readiness check, so each is ready once it
#    prints, not after the 1 s a unit without a probe must stay up) in four shapes:
#    30 independent, 1 root fanning out to 29, 5 chains of 6, 1 chain of 30. Reports the
#    median over N runs, per unit, and against the critical path (chain length x the cost of
#    one step, measured on the chain of 30).
# 2. Idle: with 20 units running, the manager's CPU over S seconds (utime + stime from
#    /proc/PID/stat, as % of one core) and its peak RSS (VmHWM).
# 3. Beside its peers, foreman and supervisord (skipped, with a note, when not installed), in
#    the same run, medians and ranges over --peer-runs: a chain of 3 units, each opening its
#    port 0.1 s after it starts and waiting for the previous one's port (procurator: DependsOn
#    with the default TCP readiness; peers: a wait loop in the command), from launch to the
#    third port accepting, against the chain run by hand; a burst of 200,000 lines
#    (console redirected to a file, and unit log files), lines/s, lost and out-of-order lines;
#    with 20 idle units, CPU over S seconds and RSS and PSS (manager plus guardian).
# Uses the Release build (dotnet build -c Release; run as dotnet .../procurator.dll) unless
# --cli names a procurator.dll or executable. Linux only (reads /proc). See benchmarks/README.md.
#
# Exit status: 0 when every run reached "all ready" and stopped cleanly; 1 otherwise; 64 on a usage error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=5
WARMUP=1
IDLE_SECONDS=30
PEER_RUNS=5
CLI=""
OUT="$ROOT/benchmarks/results/up-latest.md"
KEEP=0

usage() { sed -n '2,23p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 64; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="${2:?}"; shift 2 ;;
    --warmup) WARMUP="${2:?}"; shift 2 ;;
    --idle-seconds) IDLE_SECONDS="${2:?}"; shift 2 ;;
    --peer-runs) PEER_RUNS="${2:?}"; shift 2 ;;
    --cli) CLI="${2:?}"; shift 2 ;;
    --out) OUT="${2:?}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    *) usage ;;
  esac
done
for n in "$RUNS" "$IDLE_SECONDS" "$PEER_RUNS"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || usage; done
[[ "$WARMUP" =~ ^[0-9]+$ ]] || usage
[[ -d /proc/self ]] || { echo "up.sh needs Linux (/proc)" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 NO_COLOR=1
log() { printf '[bench-up] %s\n' "$*" >&2; }

# --- Work folder and the CLI -------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/procurator-bench-up.XXXXXX")
UP_PID=""
cleanup() {
  [[ -z "$UP_PID" ]] || kill -KILL "$UP_PID" 2>/dev/null || true
  if [[ $KEEP -eq 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
export PROCURATOR_CACHE_DIR="$WORK/cache"
mkdir -p "$(dirname "$OUT")"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

cd "$ROOT"
if [[ -z "$CLI" ]]; then
  log "publishing ReadyToRun, framework-dependent (as installed), to $WORK/publish"
  dotnet publish src/Procurator.Cli -c Release -r linux-x64 --self-contained false \
    -p:PublishReadyToRun=true -o "$WORK/publish" >"$WORK/build.log" 2>&1 \
    || { tail -30 "$WORK/build.log" >&2; log "build failed"; exit 1; }
  CLI="$WORK/publish/procurator"
fi
CLI=$(realpath "$CLI")
if [[ "$CLI" == *.dll ]]; then CMD=(dotnet "$CLI"); else CMD=("$CLI"); fi

# --- Workspaces ----------------------------------------------------------------------------
# write_workspace DIR NAME:DEPS... ; one project per unit, each with one process (so the
# unit is named like the project), its folder created so the process can start there.
write_workspace() {
  local dir=$1; shift
  mkdir -p "$dir"
  : >"$dir/procurator.csx"
  local spec name deps
  for spec in "$@"; do
    name=${spec%%:*}; deps=${spec#*:}
    mkdir -p "$dir/$name"
    printf 'Project("%s", "./%s")%s.Process("run", "echo up; exec sleep 1000").HealthCheck(LogLine("^up$"));\n' "$name" "$name" \
      "$([[ -z "$deps" ]] || printf '.DependsOn(%s)' "$(sed 's/[^,]*/"&"/g' <<<"$deps")")" >>"$dir/procurator.csx"
  done
}
unit() { printf 'u%02d' "$1"; }

independent=(); fan=(); chains=(); chain=(); idle=()
for (( i = 0; i < 30; i++ )); do
  independent+=("$(unit "$i"):")
  if (( i == 0 )); then fan+=("$(unit 0):"); else fan+=("$(unit "$i"):$(unit 0)"); fi
  if (( i % 6 == 0 )); then chains+=("$(unit "$i"):"); else chains+=("$(unit "$i"):$(unit $(( i - 1 )))"); fi
  if (( i == 0 )); then chain+=("$(unit 0):"); else chain+=("$(unit "$i"):$(unit $(( i - 1 )))"); fi
done
for (( i = 0; i < 20; i++ )); do idle+=("$(unit "$i"):"); done
write_workspace "$WORK/independent" "${independent[@]}"
write_workspace "$WORK/fan" "${fan[@]}"
write_workspace "$WORK/chains" "${chains[@]}"
write_workspace "$WORK/chain" "${chain[@]}"
write_workspace "$WORK/idle" "${idle[@]}"

# --- One run ---------------------------------------------------------------------------------
now_ns() { date +%s%N; }
# Prefixes each stderr line with the time it arrived (ns), so the "all ready" moment is known
# to a millisecond or so without polling.
stamp() { local line; while IFS= read -r line; do printf '%s %s\n' "$(now_ns)" "$line"; done; }
line_time() { awk -v p="$2" 'index($0, p) { print $1; exit }' "$1"; }

# start_up DIR: launches `procurator up` there; sets UP_PID, LAUNCHED and ERR.
start_up() {
  ERR="$WORK/stderr.log"
  : >"$ERR"
  LAUNCHED=$(now_ns)
  (cd "$1" && exec "${CMD[@]}" up --no-color) >"$WORK/stdout.log" 2> >(stamp >"$ERR") &
  UP_PID=$!
}

# wait_ready: until the "all ready" line (or a failure, or 120 s).
wait_ready() {
  local deadline=$(( $(date +%s) + 120 ))
  until grep -q 'procurator: all ready' "$ERR"; do
    if ! kill -0 "$UP_PID" 2>/dev/null || (( $(date +%s) > deadline )); then
      log "no 'all ready' from procurator up:"; sed 's/^[0-9]* //' "$ERR" | tail -20 >&2; return 1
    fi
    sleep 0.02
  done
}

# stop_up: Ctrl-C, then wait; sets STOP_MS, from SIGINT to exit. Fails unless it exits 0.
# (Not called in $(...): only the shell that started procurator can wait for it.)
stop_up() {
  local sent status=0
  sent=$(now_ns)
  kill -INT "$UP_PID"
  wait "$UP_PID" || status=$?
  local ended; ended=$(now_ns)
  UP_PID=""
  sleep 0.05 # let the stderr stamper finish
  grep -q 'procurator: everything stopped' "$ERR" || { log "no 'everything stopped' line"; return 1; }
  [[ $status -eq 0 ]] || { log "procurator up exited $status after Ctrl-C"; return 1; }
  STOP_MS=$(( (ended - sent) / 1000000 ))
}

# run_once DIR: sets RESULT to "wall_ms ready_ms stop_ms": launch -> all ready, "starting" line
# -> all ready (without runtime start and script loading), SIGINT -> exit.
run_once() {
  RESULT=""
  start_up "$1"
  wait_ready || { kill -KILL "$UP_PID" 2>/dev/null; wait "$UP_PID" 2>/dev/null; UP_PID=""; return 1; }
  local started ready
  started=$(line_time "$ERR" 'procurator: starting ')
  ready=$(line_time "$ERR" 'procurator: all ready')
  stop_up || return 1
  RESULT="$(( (ready - LAUNCHED) / 1000000 )) $(( (ready - started) / 1000000 )) $STOP_MS"
}

median() { sort -g | awk '{ t[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; print m }'; }

# --- 1. Start-up ------------------------------------------------------------------------------
FAILED=0
SHAPES=("independent|30 independent|1" "fan|1 root fanning out to 29|2" "chains|5 chains of 6|6" "chain|1 chain of 30|30")
declare -A WALL READY STOP
for entry in "${SHAPES[@]}"; do
  IFS='|' read -r slug name depth <<<"$entry"
  log "timing: $name ($WARMUP warm-up, $RUNS runs)"
  for (( i = 0; i < WARMUP; i++ )); do run_once "$WORK/$slug" || FAILED=1; done
  : >"$WORK/$slug.times"
  for (( i = 0; i < RUNS; i++ )); do
    if run_once "$WORK/$slug"; then echo "$RESULT" >>"$WORK/$slug.times"; else FAILED=1; fi
  done
  WALL[$slug]=$(awk '{ print $1 }' "$WORK/$slug.times" | median)
  READY[$slug]=$(awk '{ print $2 }' "$WORK/$slug.times" | median)
  STOP[$slug]=$(awk '{ print $3 }' "$WORK/$slug.times" | median)
done

# One step of the critical path (spawn, no probe, the next unit's start) from the chain of 30.
STEP=$(awk -v r="${READY[chain]}" 'BEGIN { if (r != "n/a") printf "%.1f", r / 30; else print "n/a" }')

# --- 2. Idle ------------------------------------------------------------------------------------
log "idle: 20 units running, ${IDLE_SECONDS} s"
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { sed 's/^.*) //' "/proc/$1/stat" | awk '{ print $12 + $13 }'; }
IDLE_CPU="n/a"; HWM="n/a"; RSS_NOW="n/a"; IDLE_WALL="n/a"
start_up "$WORK/idle"
if wait_ready; then
  sleep 2 # let start-up work (JIT, GC) finish
  before=$(cpu_ticks "$UP_PID"); t0=$(now_ns)
  sleep "$IDLE_SECONDS"
  after=$(cpu_ticks "$UP_PID"); t1=$(now_ns)
  IDLE_CPU=$(awk -v d=$(( after - before )) -v hz="$CLK_TCK" -v ns=$(( t1 - t0 )) 'BEGIN { printf "%.2f", 100 * d / hz / (ns / 1e9) }')
  IDLE_WALL=$(awk -v ns=$(( t1 - t0 )) 'BEGIN { printf "%.1f", ns / 1e9 }')
  HWM=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$UP_PID/status")
  RSS_NOW=$(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$UP_PID/status")
  IDLE_TICKS=$(( after - before ))
  stop_up || FAILED=1
else
  FAILED=1
fi

# --- 3. Beside foreman and supervisord ----------------------------------------------------------
# shellcheck source=benchmarks/up-peers.sh
source "$ROOT/benchmarks/up-peers.sh"
run_peers

# --- Report -------------------------------------------------------------------------------------
{
  echo "## \`procurator up\` results"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
  echo "- Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
  echo "- .NET SDK $(dotnet --version); CLI: ${CMD[*]}"
  echo "- Load average: $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after"
  echo "- Runs: $RUNS per shape after $WARMUP warm-up (compile cache warm); medians"
  echo
  echo "30 units, each \`echo up; exec sleep 1000\` ready on its \"up\" line (LogLine). *Launch* is from"
  echo "starting the process to the \"all ready\" line (runtime start and cached script load included);"
  echo "*start* is from the \"starting\" line to \"all ready\" (the orchestrator alone). One critical-path"
  echo "step = start of the chain of 30 / 30 = ${STEP} ms."
  echo
  echo "| Shape | Critical path (units) | Launch → all ready (ms) | Start → all ready (ms) | Per unit (ms) | Per path step (ms) | vs critical path | Ctrl-C → exit (ms) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  for entry in "${SHAPES[@]}"; do
    IFS='|' read -r slug name depth <<<"$entry"
    awk -v n="$name" -v d="$depth" -v w="${WALL[$slug]}" -v r="${READY[$slug]}" -v s="${STOP[$slug]}" -v step="$STEP" 'BEGIN {
      if (r == "n/a") { printf "| %s | %d | n/a | n/a | n/a | n/a | n/a | n/a |\n", n, d; exit }
      ratio = (step != "n/a" && step > 0) ? sprintf("%.1fx", r / (d * step)) : "n/a"
      printf "| %s | %d | %.0f | %.0f | %.1f | %.1f | %s | %.0f |\n", n, d, w, r, r / 30, r / d, ratio, s }'
  done
  echo
  echo "Idle: 20 units running, manager measured over ${IDLE_WALL} s: CPU ${IDLE_CPU}% of one core (${IDLE_TICKS:-n/a} ticks at ${CLK_TCK} Hz), peak RSS (VmHWM) ${HWM} MB, RSS at the end ${RSS_NOW} MB."
  echo
  peers_report
} | tee "$OUT"
log "wrote $OUT"
exit "$FAILED"
