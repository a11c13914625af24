#!/usr/bin/env bash
# Times procurator as whole processes, the way a user runs it, and prints a Markdown table.
#
#   bash benchmarks/run.sh [--runs N] [--big-runs N] [--warmup N] [--rss-runs N]
#                          [--projects N] [--services M] [--large-projects N] [--large-runs N]
#                          [--out FILE] [--keep] [--no-hyperfine]
#
# Builds the CLI twice (ReadyToRun publish, as installed; plain Release build, for
# comparison), generates the synthetic workspace, then times each case with hyperfine (or a
# bash loop without it) and reports median, min and max wall time, the ratio to the
# `--version` floor, and the median peak RSS and CPU time (GNU time). Checks that the big
# workspace's output is byte-identical across runs, and whole: flake.nix parses as Nix and
# procurator.json lists every project. See benchmarks/README.md for the cases.
#
# Exit status: 0 when every case ran and the output was identical and whole (targets missed
# are reported, not failed); 1 otherwise; 64 on a usage error.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS=10          # timed runs per case on the example (and --version)
BIG_RUNS=5       # timed runs per case on the synthetic workspace
WARMUP=1         # untimed runs before each case (they fill the cache of warm cases)
RSS_RUNS=3       # runs under /usr/bin/time per case, for peak RSS and CPU time (medians)
PROJECTS=1000
SERVICES=200
LARGE_PROJECTS=10000  # the second synthetic workspace (0: none)
LARGE_RUNS=3          # timed runs per case on it
OUT="$ROOT/benchmarks/results/latest.md"
KEEP=0
NO_HYPERFINE=0

usage() { sed -n '2,16p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 64; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) RUNS="${2:?}"; shift 2 ;;
    --big-runs) BIG_RUNS="${2:?}"; shift 2 ;;
    --warmup) WARMUP="${2:?}"; shift 2 ;;
    --rss-runs) RSS_RUNS="${2:?}"; shift 2 ;;
    --projects) PROJECTS="${2:?}"; shift 2 ;;
    --services) SERVICES="${2:?}"; shift 2 ;;
    --large-projects) LARGE_PROJECTS="${2:?}"; shift 2 ;;
    --large-runs) LARGE_RUNS="${2:?}"; shift 2 ;;
    --out) OUT="${2:?}"; shift 2 ;;
    --keep) KEEP=1; shift ;;
    --no-hyperfine) NO_HYPERFINE=1; shift ;;
    *) usage ;;
  esac
done
[[ "$LARGE_PROJECTS" =~ ^[0-9]+$ ]] || usage
for n in "$RUNS" "$BIG_RUNS" "$RSS_RUNS" "$LARGE_RUNS"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || usage; done
[[ "$WARMUP" =~ ^[0-9]+$ ]] || usage

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log() { printf '[bench] %s\n' "$*" >&2; }

# --- Tools -----------------------------------------------------------------------------
command -v dotnet >/dev/null || { log "dotnet is required"; exit 1; }
if ! command -v hyperfine >/dev/null || [[ ! -x /usr/bin/time ]]; then
  if [[ $(id -u) -eq 0 ]] && command -v apt-get >/dev/null; then
    log "installing hyperfine and GNU time with apt-get"
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hyperfine time; } >/dev/null 2>&1 \
      || log "apt-get failed; falling back where needed"
  fi
fi
HYPERFINE=$(command -v hyperfine || true)
[[ $NO_HYPERFINE -eq 0 ]] || HYPERFINE=""
GNU_TIME=$([[ -x /usr/bin/time ]] && echo /usr/bin/time || true)
[[ -n "$HYPERFINE" ]] || log "timing with a bash loop (date +%s%N): no hyperfine"
[[ -n "$GNU_TIME" ]] || log "/usr/bin/time not found: peak RSS will be n/a"

# --- Work folder -----------------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/procurator-bench.XXXXXX")
# Case commands below are split on whitespace, so the work folder must have none.
[[ "$WORK" != *[[:space:]]* ]] || { log "TMPDIR must not contain spaces: $WORK"; rm -rf "$WORK"; exit 1; }
cleanup() { if [[ $KEEP -eq 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi; }
trap cleanup EXIT
mkdir -p "$WORK/json" "$(dirname "$OUT")"
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
awk -v l="${LOAD_BEFORE%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n / 2) }' \
  && log "load average $LOAD_BEFORE on $(nproc) CPUs: other work is running; expect noisy numbers"

# --- Build: ReadyToRun publish (as installed) and a plain Release build ---------------
cd "$ROOT"
log "publishing ReadyToRun, framework-dependent, to $WORK/publish"
dotnet publish src/Procurator.Cli -c Release -r linux-x64 --self-contained false \
  -p:PublishReadyToRun=true -o "$WORK/publish" >"$WORK/publish.log" 2>&1 \
  || { tail -30 "$WORK/publish.log" >&2; log "publish failed"; exit 1; }
log "building Release (no ReadyToRun) to $WORK/build"
dotnet build src/Procurator.Cli -c Release -o "$WORK/build" >"$WORK/build.log" 2>&1 \
  || { tail -30 "$WORK/build.log" >&2; log "build failed"; exit 1; }
R2R="$WORK/publish/procurator"
JIT="$WORK/build/procurator"

# --- Workspaces: a copy of the example (runs write beside the script) and the synthetic one
cp -R examples/microservices "$WORK/example"
rm -f "$WORK/example/flake.nix" "$WORK/example/procurator.json"
log "generating $PROJECTS projects and $SERVICES services"
bash benchmarks/generate-workspace.sh --projects "$PROJECTS" --services "$SERVICES" "$WORK/synthetic" >/dev/null
EXAMPLE="$WORK/example/procurator.csx"
SYNTHETIC="$WORK/synthetic/procurator.csx"
if [[ $LARGE_PROJECTS -gt 0 ]]; then
  log "generating $LARGE_PROJECTS projects and $SERVICES services"
  bash benchmarks/generate-workspace.sh --projects "$LARGE_PROJECTS" --services "$SERVICES" "$WORK/large" >/dev/null
fi
LARGE="$WORK/large/procurator.csx"

# Each case: "name|cache|runs|command". cache is none, warm (one folder kept across runs,
# filled by the warm-up), compiled (warm, but the model cache is deleted before every run, so
# the compiled script is loaded and run) or cold (the folder is deleted before every run).
CASES=(
  "--version|none|$RUNS|$R2R --version"
  "run example, warm|warm|$RUNS|$R2R run $EXAMPLE"
  "run example, cold|cold|$RUNS|$R2R run $EXAMPLE"
  "validate example, warm|warm|$RUNS|$R2R validate $EXAMPLE"
  "run $PROJECTS-project workspace, warm|warm|$BIG_RUNS|$R2R run $SYNTHETIC"
  "run $PROJECTS-project workspace, cold|cold|$BIG_RUNS|$R2R run $SYNTHETIC"
  "validate $PROJECTS-project workspace, warm|warm|$BIG_RUNS|$R2R validate $SYNTHETIC"
  "--version (dotnet build, no R2R)|none|$RUNS|$JIT --version"
  "run example, warm (dotnet build, no R2R)|warm|$RUNS|$JIT run $EXAMPLE"
)
if [[ $LARGE_PROJECTS -gt 0 ]]; then
  CASES+=(
    "run $LARGE_PROJECTS-project workspace, warm|warm|$LARGE_RUNS|$R2R run $LARGE"
    "run $LARGE_PROJECTS-project workspace, compiled script only|compiled|$LARGE_RUNS|$R2R run $LARGE"
    "run $LARGE_PROJECTS-project workspace, cold|cold|$LARGE_RUNS|$R2R run $LARGE"
    "graph $LARGE_PROJECTS-project workspace, warm|warm|$LARGE_RUNS|$R2R graph --format json $LARGE"
  )
fi
# With the compile cache (the CLI has --no-cache), also time it switched off.
if "$R2R" run --help 2>/dev/null | grep -q -- '--no-cache'; then
  CASES+=("run example, --no-cache|none|$RUNS|$R2R run --no-cache $EXAMPLE")
fi

# --- Measuring -------------------------------------------------------------------------
# Prints "median min max" in seconds from a list of seconds.
stats() { sort -g | awk '{ t[NR] = $1 } END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2; printf "%.4f %.4f %.4f\n", m, t[1], t[NR] }'; }

# Reads a number field of the first result in a hyperfine JSON export.
json_field() { awk -v key="\"$2\":" '$1 == key { gsub(/,/, "", $2); print $2; exit }' "$1"; }

# time_case SLUG CACHE_DIR CACHE RUNS COMMAND... ; prints "median min max".
time_case() {
  local slug=$1 cache_dir=$2 cache=$3 runs=$4; shift 4
  local cmd; cmd=$(printf '%q ' env "PROCURATOR_CACHE_DIR=$cache_dir" "$@")
  local prepare=":" prepare_option=()
  if [[ $cache == cold ]]; then
    prepare="rm -rf $(printf '%q' "$cache_dir")"
    prepare_option=(--prepare "$prepare")
  elif [[ $cache == compiled ]]; then
    prepare="rm -rf $(printf '%q' "$cache_dir/models-v1")"
    prepare_option=(--prepare "$prepare")
  fi
  if [[ -n "$HYPERFINE" ]]; then
    "$HYPERFINE" --warmup "$WARMUP" --runs "$runs" "${prepare_option[@]}" --style basic \
      --command-name "$slug" --export-json "$WORK/json/$slug.json" "$cmd" >"$WORK/json/$slug.log" 2>&1 \
      || { cat "$WORK/json/$slug.log" >&2; return 1; }
    local f="$WORK/json/$slug.json"
    echo "$(json_field "$f" median) $(json_field "$f" min) $(json_field "$f" max)"
  else
    local i start end
    for (( i = 0; i < WARMUP; i++ )); do eval "$prepare"; eval "$cmd" >/dev/null 2>&1 || return 1; done
    for (( i = 0; i < runs; i++ )); do
      eval "$prepare"
      start=$(date +%s%N); eval "$cmd" >/dev/null 2>&1 || return 1; end=$(date +%s%N)
      echo "$(( end - start ))" | awk '{ printf "%.6f\n", $1 / 1e9 }'
    done | stats
  fi
}

# rss_case CACHE_DIR CACHE COMMAND... ; prints "PEAK_RSS_MB CPU_SECONDS", the medians over
# RSS_RUNS runs under GNU time (CPU = user + system; less sensitive than wall time to other
# load on the machine). The warm cache is already filled by time_case.
rss_case() {
  local cache_dir=$1 cache=$2; shift 2
  [[ -n "$GNU_TIME" ]] || { echo "n/a n/a"; return; }
  local i
  for (( i = 0; i < RSS_RUNS; i++ )); do
    [[ $cache == cold ]] && rm -rf "$cache_dir"
    [[ $cache == compiled ]] && rm -rf "$cache_dir/models-v1"
    PROCURATOR_CACHE_DIR="$cache_dir" "$GNU_TIME" -f '%M %U %S' -o "$WORK/rss" "$@" >/dev/null 2>&1 || return 1
    tail -1 "$WORK/rss"
  done | awk '{ k[NR] = $1; c[NR] = $2 + $3 }
    function median(a, n,   i, j, t) {
      for (i = 2; i <= n; i++) for (j = i; j > 1 && a[j - 1] > a[j]; j--) { t = a[j]; a[j] = a[j - 1]; a[j - 1] = t }
      return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
    }
    END { printf "%.0f %.2f\n", median(k, NR) / 1024, median(c, NR) }'
}

ROWS=()
FLOOR=""
FAILED=0
declare -A MEDIAN RSS
for entry in "${CASES[@]}"; do
  IFS='|' read -r name cache runs command <<<"$entry"
  slug=$(printf '%s' "$name" | tr -c 'a-zA-Z0-9' '-' | tr -s '-' | sed 's/^-//; s/-$//')
  cache_dir="$WORK/cache-$slug"
  read -r -a argv <<<"$command"
  log "timing: $name ($runs runs)"
  if ! result=$(time_case "$slug" "$cache_dir" "$cache" "$runs" "${argv[@]}") || [[ -z "$result" ]]; then
    log "FAILED: $name"; FAILED=1; continue
  fi
  read -r median min max <<<"$result"
  rss_cpu=$(rss_case "$cache_dir" "$cache" "${argv[@]}") || { log "FAILED (rss): $name"; FAILED=1; rss_cpu="n/a n/a"; }
  read -r rss cpu <<<"$rss_cpu"
  [[ -n "$FLOOR" ]] || FLOOR=$median
  ratio=$(awk -v a="$median" -v b="$FLOOR" 'BEGIN { printf "%.1fx", a / b }')
  MEDIAN["$name"]=$median
  RSS["$name"]=$rss
  ROWS+=("$(printf '| %s | %.3f | %.3f | %.3f | %s | %s | %s |' "$name" "$median" "$min" "$max" "$ratio" "$rss" "$cpu")")
done

# --- Output is byte-identical across runs (cold then warm, so the cache cannot change it)
IDENTICAL="no"
out_dir="$WORK/synthetic"
if PROCURATOR_CACHE_DIR="$WORK/cache-identical" "$R2R" run "$SYNTHETIC" >/dev/null 2>&1 \
  && cp "$out_dir/flake.nix" "$WORK/flake.nix.1" && cp "$out_dir/procurator.json" "$WORK/procurator.json.1" \
  && PROCURATOR_CACHE_DIR="$WORK/cache-identical" "$R2R" run "$SYNTHETIC" >/dev/null 2>&1 \
  && cmp -s "$WORK/flake.nix.1" "$out_dir/flake.nix" && cmp -s "$WORK/procurator.json.1" "$out_dir/procurator.json"; then
  IDENTICAL="yes"
else
  FAILED=1
fi
# --- ... and whole: identical runs say nothing when every run cuts the output the same way
# (Scriban's 1 MiB limit once did). The flake must parse as Nix (nix-instantiate --parse, else
# `run --check`, whose render parses it with Procurator's own checker and compares it with the
# file), and procurator.json must list every generated project.
VALID="no"
if [[ -n "$(command -v nix-instantiate || true)" ]]; then
  PARSER="nix-instantiate --parse"
  nix-instantiate --parse "$out_dir/flake.nix" >/dev/null 2>"$WORK/parse.log" && FLAKE_PARSES=1 || FLAKE_PARSES=0
else
  PARSER="procurator run --check (nix-instantiate not found)"
  PROCURATOR_CACHE_DIR="$WORK/cache-identical" "$R2R" run --check "$SYNTHETIC" >/dev/null 2>"$WORK/parse.log" && FLAKE_PARSES=1 || FLAKE_PARSES=0
fi
# Projects are the objects at four spaces of indentation inside the two-space "projects" array.
JSON_PROJECTS=$(awk '/^  "projects": \[/ { p = 1; next } p && /^  \]/ { p = 0 } p && /^    \{$/ { n++ } END { print n + 0 }' "$out_dir/procurator.json" 2>/dev/null || echo 0)
if [[ $FLAKE_PARSES -eq 1 && $JSON_PROJECTS -eq $PROJECTS ]]; then
  VALID="yes"
else
  [[ $FLAKE_PARSES -eq 1 ]] || { log "flake.nix does not parse ($PARSER):"; head -5 "$WORK/parse.log" >&2; }
  [[ $JSON_PROJECTS -eq $PROJECTS ]] || log "procurator.json lists $JSON_PROJECTS projects, not $PROJECTS"
  FAILED=1
fi
FLAKE_BYTES=$(wc -c <"$out_dir/flake.nix" 2>/dev/null || echo 0)
JSON_BYTES=$(wc -c <"$out_dir/procurator.json" 2>/dev/null || echo 0)
# The example's output should also match the committed files (informational).
EXAMPLE_MATCHES="no"
cmp -s "$WORK/example/flake.nix" examples/microservices/flake.nix \
  && cmp -s "$WORK/example/procurator.json" examples/microservices/procurator.json && EXAMPLE_MATCHES="yes"

# --- Where the time goes: one `run -v` each, cold then warm (-v prints time per step) ----
STEPS=()
steps() { # steps LABEL SCRIPT CACHE_DIR
  local lines
  lines=$(PROCURATOR_CACHE_DIR="$3" "$R2R" run -v "$2" 2>&1 >/dev/null | sed -n 's/^procurator: //p' | sed 's| (/[^)]*)||' | paste -sd '|' - | sed 's/|/; /g')
  STEPS+=("- $1: ${lines:-(no step times printed)}")
}
if "$R2R" run --help 2>/dev/null | grep -q -- '--verbose'; then
  for ws in example synthetic; do
    label=$([[ $ws == example ]] && echo "example" || echo "$PROJECTS-project workspace")
    rm -rf "$WORK/cache-steps-$ws"
    steps "$label, cold" "$WORK/$ws/procurator.csx" "$WORK/cache-steps-$ws"
    steps "$label, warm" "$WORK/$ws/procurator.csx" "$WORK/cache-steps-$ws"
  done
fi

# --- Report ----------------------------------------------------------------------------
target() { # target DESCRIPTION MEASURED OK
  printf -- '- %s: %s — %s\n' "$1" "$2" "$([[ $3 == 1 ]] && echo met || echo "NOT met")"
}
lt() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a != "n/a" && a + 0 < b + 0) }'; }
le() { awk -v a="$1" -v b="$2" 'BEGIN { exit !(a != "" && a != "n/a" && a + 0 <= b + 0) }'; }
seconds() { [[ -z "$1" ]] || printf '%.3f' "$1"; }
warm_ex=${MEDIAN["run example, warm"]:-}
cold_ex=$(seconds "${MEDIAN["run example, cold"]:-}")
warm_big=$(seconds "${MEDIAN["run $PROJECTS-project workspace, warm"]:-}")
rss_big=${RSS["run $PROJECTS-project workspace, warm"]:-}
ratio_ex=$(awk -v a="$warm_ex" -v b="$FLOOR" 'BEGIN { if (a != "" && b != "") printf "%.2f", a / b }')

{
  echo "## Results"
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)$(git -C "$ROOT" diff --quiet HEAD 2>/dev/null || echo ' (with local changes)')"
  echo "- Machine: $(nproc) CPUs ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo) RAM, $(uname -sr)"
  echo "- .NET SDK $(dotnet --version), runtime $(dotnet --list-runtimes | awk '/Microsoft.NETCore.App/ { v = $2 } END { print v }'); $( [[ -n "$HYPERFINE" ]] && "$HYPERFINE" --version || echo 'bash loop (no hyperfine)')"
  echo "- Load average: $LOAD_BEFORE before, $(cut -d' ' -f1-3 /proc/loadavg) after"
  echo "- Runs: $RUNS per case ($BIG_RUNS on the $PROJECTS-project workspace) after $WARMUP warm-up; peak RSS and CPU: median of $RSS_RUNS more"
  echo
  echo "| Case | Median (s) | Min (s) | Max (s) | vs --version | Peak RSS (MB) | CPU user+sys (s) |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "$PROJECTS-project workspace output byte-identical across runs: $IDENTICAL (flake.nix $FLAKE_BYTES bytes, procurator.json $JSON_BYTES bytes)."
  echo "Example output equals the committed examples/microservices files: $EXAMPLE_MATCHES."
  echo "$PROJECTS-project output valid: $VALID (flake.nix parses with $PARSER; procurator.json lists $JSON_PROJECTS of $PROJECTS projects)."
  if [[ ${#STEPS[@]} -gt 0 ]]; then
    echo
    echo "Steps of one \`procurator run -v\` (in-process timings):"
    echo
    printf '%s\n' "${STEPS[@]}"
  fi
  echo
  echo "Targets:"
  target "warm run of the example at most 2.5x --version" "${ratio_ex:-n/a}x" "$(le "$ratio_ex" 2.5 && echo 1 || echo 0)"
  target "cold run of the example under 1.5 s" "${cold_ex:-n/a} s" "$(lt "$cold_ex" 1.5 && echo 1 || echo 0)"
  target "warm run of the $PROJECTS-project workspace under 1.5 s" "${warm_big:-n/a} s" "$(lt "$warm_big" 1.5 && echo 1 || echo 0)"
  target "its peak RSS under 300 MB" "${rss_big:-n/a} MB" "$(lt "$rss_big" 300 && echo 1 || echo 0)"
  target "its output byte-identical across runs" "$IDENTICAL" "$([[ $IDENTICAL == yes ]] && echo 1 || echo 0)"
  target "its output whole: flake.nix parses, procurator.json lists every project" "$VALID" "$([[ $VALID == yes ]] && echo 1 || echo 0)"
} | tee "$OUT"
if [[ -n "$HYPERFINE" ]]; then
  mkdir -p "$(dirname "$OUT")/json" && cp "$WORK"/json/*.json "$(dirname "$OUT")/json/"
fi
log "wrote $OUT"
exit "$FAILED"
