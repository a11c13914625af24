#!/usr/bin/env bash
# Times how fast `procurator up` starts 30 units, spread out and in a chain, and prints medians.
#
#   bash benchmarks/up-starts.sh [--runs N] [--warmup N] [--cli PATH] [--no-check] [--shapes "independent chain"]
#
# Two workspaces of 30 units, each `echo up; exec sleep 1000` with a LogLine("^up$") readiness
# check (so a unit is ready as soon as it prints, and a chain is not paced by the one second a
# unit without a probe must stay up): 30 independent units, and a chain of 30 (each depends on
# the previous one). For each run, from the "procurator: starting" line to the 30th
# "-> Running" line (all spawned) and to "procurator: all ready": the orchestrator alone,
# without the runtime's start or the script's load. Independent units spawn concurrently, so
# the first figure should be a few spawns, not thirty; the chain is bounded by its 30 steps.
# --no-check leaves the check out (for builds before issue 14, whose log-line readiness could
# miss a line printed before the spawn was handled; a chain then waits 1 s a step on later builds).
# Uses the Release build (dotnet build -c Release; run as dotnet .../procurator.dll) unless
# --cli names a procurator.dll or executable. See benchmarks/README.md.
#
# Exit status: 0 when every run reached "all ready" and stopped cleanly; 1 otherwise; 64 on a usage error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=5
WARMUP=1
CLI=""
CHECK='.HealthCheck(LogLine("^up$"))'
SHAPES="independent chain"

usage() { sed -n '2,18p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 64; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="${2:?}"; shift 2 ;;
    --warmup) WARMUP="${2:?}"; shift 2 ;;
    --cli) CLI="${2:?}"; shift 2 ;;
    --no-check) CHECK=""; shift ;;
    --shapes) SHAPES="${2:?}"; shift 2 ;;
    *) usage ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ && "$WARMUP" =~ ^[0-9]+$ ]] || usage
[[ -n "${EPOCHREALTIME:-}" ]] || { echo "up-starts.sh needs bash 5 (\$EPOCHREALTIME)" >&2; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1 NO_COLOR=1
log() { printf '[bench-starts] %s\n' "$*" >&2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/procurator-bench-starts.XXXXXX")
UP_PID=""
cleanup() {
  [[ -z "$UP_PID" ]] || kill -KILL "$UP_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
export PROCURATOR_CACHE_DIR="$WORK/cache" PROCURATOR_STATE_DIR="$WORK/state"

if [[ -z "$CLI" ]]; then
  CLI="$ROOT/src/Procurator.Cli/bin/Release/net10.0/procurator.dll"
  [[ -f "$CLI" ]] || { log "no Release build at $CLI (run dotnet build Procurator.sln -c Release, or pass --cli)"; exit 1; }
fi
CLI=$(realpath "$CLI")
if [[ "$CLI" == *.dll ]]; then CMD=(dotnet "$CLI"); else CMD=("$CLI"); fi

# --- Workspaces ------------------------------------------------------------------------------
# write_workspace DIR chain|independent: 30 projects u00..u29, one process each.
write_workspace() {
  local dir=$1 shape=$2 i name deps
  mkdir -p "$dir"
  : >"$dir/procurator.csx"
  for (( i = 0; i < 30; i++ )); do
    name=$(printf 'u%02d' "$i"); deps=""
    if [[ $shape == chain ]] && (( i > 0 )); then deps=$(printf '.DependsOn("u%02d")' $(( i - 1 ))); fi
    mkdir -p "$dir/$name"
    printf 'Project("%s", "./%s")%s.Process("run", "echo up; exec sleep 1000")%s;\n' \
      "$name" "$name" "$deps" "$CHECK" >>"$dir/procurator.csx"
  done
}
write_workspace "$WORK/independent" independent
write_workspace "$WORK/chain" chain

# --- One run ---------------------------------------------------------------------------------
# Prefixes each output line (stdout and stderr together) with the time it arrived, in µs.
# $EPOCHREALTIME (bash 5) costs no fork: a `date` per line would lag a burst of 120 lines by seconds.
stamp() { local line; while IFS= read -r line; do printf '%s %s\n' "${EPOCHREALTIME/./}" "$line"; done; }
line_time() { awk -v p="$2" 'index($0, p) { print $1; exit }' "$1"; }
nth_time() { awk -v p="$2" -v n="$3" 'index($0, p) && ++seen == n { print $1; exit }' "$1"; }

# run_once DIR: sets RESULT to "running_ms ready_ms" (from the "starting" line).
run_once() {
  RESULT=""
  local out="$WORK/out.log" deadline status=0
  : >"$out"
  (cd "$1" && exec "${CMD[@]}" up --no-color) > >(stamp >"$out") 2>&1 &
  UP_PID=$!
  deadline=$(( $(date +%s) + 120 ))
  until grep -q 'procurator: all ready' "$out"; do
    if ! kill -0 "$UP_PID" 2>/dev/null || (( $(date +%s) > deadline )); then
      log "no 'all ready' from procurator up:"; sed 's/^[0-9]* //' "$out" | tail -20 >&2
      kill -KILL "$UP_PID" 2>/dev/null || true; wait "$UP_PID" 2>/dev/null || true; UP_PID=""; return 1
    fi
    sleep 0.02
  done
  kill -INT "$UP_PID"
  wait "$UP_PID" || status=$?
  UP_PID=""
  sleep 0.05 # let the stamper finish
  [[ $status -eq 0 ]] || { log "procurator up exited $status after Ctrl-C"; return 1; }
  local started running ready
  started=$(line_time "$out" 'procurator: starting ')
  running=$(nth_time "$out" 'Starting -> Running' 30)
  ready=$(line_time "$out" 'procurator: all ready')
  [[ -n "$running" ]] || { log "fewer than 30 units reached Running"; return 1; }
  RESULT="$(( (running - started) / 1000 )) $(( (ready - started) / 1000 ))"
}

median() { sort -g | awk '{ t[NR] = $1 } END { if (NR == 0) { print "n/a"; exit } m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; print m }'; }

FAILED=0
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)
echo "| Shape | Start → all running (ms) | Start → all ready (ms) | Runs |"
echo "| --- | ---: | ---: | ---: |"
for shape in $SHAPES; do
  log "timing: $shape ($WARMUP warm-up, $RUNS runs)"
  for (( i = 0; i < WARMUP; i++ )); do run_once "$WORK/$shape" || FAILED=1; done
  : >"$WORK/$shape.times"
  for (( i = 0; i < RUNS; i++ )); do
    if run_once "$WORK/$shape"; then echo "$RESULT" >>"$WORK/$shape.times"; else FAILED=1; fi
  done
  name=$([[ $shape == chain ]] && echo "1 chain of 30" || echo "30 independent")
  printf '| %s | %s | %s | %s |\n' "$name" "$(awk '{ print $1 }' "$WORK/$shape.times" | median)" \
    "$(awk '{ print $2 }' "$WORK/$shape.times" | median)" "$(wc -l <"$WORK/$shape.times")"
done
echo
echo "Medians; $(nproc) CPUs, load average $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a) after; CLI: ${CMD[*]}"
exit "$FAILED"
