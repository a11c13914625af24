# Sourced by up.sh: procurator up beside foreman and supervisord, in the same run.
# Uses up.sh's WORK, CMD, PEER_RUNS, IDLE_SECONDS, CLK_TCK, FAILED and its helpers.
# Each tool runs the same bash commands; procurator orders the chain itself (DependsOn and
# its default TCP readiness), the peers, which have no readiness, wait in the command.

PORT_BASE=$(( 41000 + RANDOM % 2000 ))
BURST_LINES=200000
declare -A PEER_RESULT

# open PORT: whether something accepts on 127.0.0.1:PORT (bash's /dev/tcp, no process spawned).
open_port() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The unit scripts: wait for a port (peers only), open our own 0.1 s after starting; a burst.
cat >"$WORK/chain-unit.sh" <<'EOF'
prev=$1 port=$2
if [[ $prev != 0 ]]; then until (exec 3<>"/dev/tcp/127.0.0.1/$prev") 2>/dev/null; do sleep 0.01; done; fi
sleep 0.1
exec nc -lk 127.0.0.1 "$port"
EOF
cat >"$WORK/burst-unit.sh" <<EOF
date +%s%N >"$WORK/burst.start"
seq 1 $BURST_LINES
exec sleep 1000
EOF

# peer_dirs: a folder per tool and case, with the same units.
write_peer_case() { # case tool
  local case=$1 tool=$2 dir="$WORK/peer-$1-$2" p1=$PORT_BASE p2=$(( PORT_BASE + 1 )) p3=$(( PORT_BASE + 2 ))
  mkdir -p "$dir"
  local -a names cmds deps
  case $case in
    chain)
      names=(c1 c2 c3); deps=("" c1 c2)
      if [[ $tool == procurator ]]; then
        cmds=("exec bash $WORK/chain-unit.sh 0 $p1" "exec bash $WORK/chain-unit.sh 0 $p2" "exec bash $WORK/chain-unit.sh 0 $p3")
      else
        cmds=("exec bash $WORK/chain-unit.sh 0 $p1" "exec bash $WORK/chain-unit.sh $p1 $p2" "exec bash $WORK/chain-unit.sh $p2 $p3")
      fi ;;
    burst) names=(burst); deps=(""); cmds=("exec bash $WORK/burst-unit.sh") ;;
    idle) for (( i = 0; i < 20; i++ )); do names+=("$(printf 'i%02d' "$i")"); deps+=(""); cmds+=("exec sleep 1000"); done ;;
  esac
  local i port
  case $tool in
    procurator)
      : >"$dir/procurator.csx"
      for i in "${!names[@]}"; do
        mkdir -p "$dir/${names[$i]}"
        port=""; [[ $case == chain ]] && port=".Port($(( PORT_BASE + i )))"
        printf 'Project("%s", "./%s")%s%s.Process("run", "%s");\n' "${names[$i]}" "${names[$i]}" "$port" \
          "$([[ -z "${deps[$i]}" ]] || printf '.DependsOn("%s")' "${deps[$i]}")" "${cmds[$i]}" >>"$dir/procurator.csx"
      done ;;
    foreman)
      : >"$dir/Procfile"
      for i in "${!names[@]}"; do printf '%s: %s\n' "${names[$i]}" "${cmds[$i]}" >>"$dir/Procfile"; done ;;
    supervisord)
      { printf '[supervisord]\nnodaemon=true\nlogfile=%s/supervisord.log\npidfile=%s/supervisord.pid\n\n' "$dir" "$dir"
        printf '[unix_http_server]\nfile=%s/supervisor.sock\n\n' "$dir"
        for i in "${!names[@]}"; do
          printf '[program:%s]\ncommand=bash -c "%s"\nautorestart=false\nstartsecs=0\nstopasgroup=true\nkillasgroup=true\n' "${names[$i]}" "${cmds[$i]}"
          printf 'stdout_logfile=%s/%s.log\nstdout_logfile_maxbytes=0\nredirect_stderr=true\n\n' "$dir" "${names[$i]}"
        done; } >"$dir/supervisord.conf" ;;
  esac
}

# launch_peer case tool: starts the tool in its folder, stdout to console.log; sets PEER_PID.
launch_peer() {
  local dir="$WORK/peer-$1-$2"
  rm -rf "$dir/state"; : >"$dir/console.log"
  case $2 in
    procurator) (cd "$dir" && PROCURATOR_STATE_DIR="$dir/state" exec "${CMD[@]}" up --no-color) >"$dir/console.log" 2> >(stamp >"$dir/stderr.log") & ;;
    foreman) (cd "$dir" && exec foreman start -f Procfile -d "$dir") >"$dir/console.log" 2>"$dir/stderr.log" & ;;
    supervisord) (cd "$dir" && exec supervisord -n -c "$dir/supervisord.conf") >"$dir/console.log" 2>"$dir/stderr.log" & ;;
  esac
  PEER_PID=$!
}

# stop_peer: the tool's own stop (INT for procurator and foreman, TERM for supervisord), then wait.
stop_peer() {
  local tool=$1
  kill "-$([[ $tool == supervisord ]] && echo TERM || echo INT)" "$PEER_PID" 2>/dev/null || true
  local deadline=$(( $(date +%s) + 20 ))
  while kill -0 "$PEER_PID" 2>/dev/null && (( $(date +%s) < deadline )); do sleep 0.05; done
  kill -KILL "$PEER_PID" 2>/dev/null || true
  wait "$PEER_PID" 2>/dev/null || true
  PEER_PID=""
}

# wait_until CMD...: polls every 5 ms, at most 60 s.
wait_until() {
  local deadline=$(( $(date +%s) + 60 ))
  until "$@"; do (( $(date +%s) < deadline )) || return 1; sleep 0.005; done
}

# The chain by hand: each command once the previous port accepts (polled every 1 ms).
chain_by_hand() {
  local t0 t1 i pids=()
  t0=$(now_ns)
  for (( i = 0; i < 3; i++ )); do
    bash "$WORK/chain-unit.sh" 0 $(( PORT_BASE + i )) & pids+=($!)
    until open_port $(( PORT_BASE + i )); do sleep 0.001; done
  done
  t1=$(now_ns)
  # Each job exec'd into its nc, so these PIDs are the listeners.
  kill "${pids[@]}" 2>/dev/null; wait "${pids[@]}" 2>/dev/null
  echo $(( (t1 - t0) / 1000000 ))
}

chain_once() { # tool -> "ms from launch to the third port" and, for procurator, "starting -> all ready" ms
  local t0 t1 err="$WORK/peer-chain-$1/stderr.log" extra=""
  t0=$(now_ns); launch_peer chain "$1"
  wait_until open_port $(( PORT_BASE + 2 )) || { stop_peer "$1"; return 1; }
  t1=$(now_ns)
  if [[ $1 == procurator ]]; then
    wait_until grep -q 'procurator: all ready' "$err" || { stop_peer "$1"; return 1; }
    extra=" $(( ($(line_time "$err" 'procurator: all ready') - $(line_time "$err" 'procurator: starting ')) / 1000000 ))"
  fi
  stop_peer "$1"
  echo "$(( (t1 - t0) / 1000000 ))$extra"
}

# burst_once tool -> "lines_per_s lost out_of_order"
burst_once() {
  local tool=$1 dir="$WORK/peer-burst-$1" file t1 start
  rm -f "$WORK/burst.start"
  launch_peer burst "$tool"
  case $tool in
    procurator) file="$dir/console.log" ;;
    foreman) file="$dir/console.log" ;;
    supervisord) file="$dir/burst.log" ;;
  esac
  last_line() { [[ -f $1 ]] && tail -c 64 "$1" | grep -qE "(^|[ |])$BURST_LINES\$"; }
  if ! wait_until last_line "$file"; then stop_peer "$tool"; return 1; fi
  t1=$(now_ns)
  # procurator's unit log file must hold every line too before the burst counts as done.
  [[ $tool != procurator ]] || wait_until last_line "$dir/state/logs/burst.log" || { stop_peer "$tool"; return 1; }
  [[ $tool != procurator ]] || t1=$(now_ns)
  start=$(cat "$WORK/burst.start")
  stop_peer "$tool"
  local -a files=("$file"); [[ $tool != procurator ]] || files+=("$dir/state/logs/burst.log")
  local lost=0 disorder=0 f counts
  for f in "${files[@]}"; do
    # The number ends each of the unit's lines; check 1..N, each once, in order.
    counts=$(grep -E '(^|\| |out )[0-9]+$' "$f" \
      | sed -E 's/.*[^0-9]([0-9]+)$/\1/' | awk -v n="$BURST_LINES" '{ if ($1 != prev + 1) bad++; prev = $1; seen++ } END { printf "%d %d", n - seen, bad + 0 }')
    lost=$(( lost + ${counts% *} )); disorder=$(( disorder + ${counts#* } ))
  done
  awk -v n="$BURST_LINES" -v ns=$(( t1 - start )) -v l="$lost" -v d="$disorder" 'BEGIN { printf "%.0f %d %d\n", n / (ns / 1e9), l, d }'
}

# Resident memory of a process and its guardian child (procurator's /bin/sh guardian), in MB.
mem_of() { # pid -> "rss pss" summed over the pid and, for procurator, its guardian
  local pids=("$1") c rss=0 pss=0
  for c in $(pgrep -P "$1"); do grep -q 'watched=' "/proc/$c/cmdline" 2>/dev/null && pids+=("$c"); done
  for c in "${pids[@]}"; do
    rss=$(( rss + $(awk '/^Rss:/ { print $2 }' "/proc/$c/smaps_rollup") ))
    pss=$(( pss + $(awk '/^Pss:/ { print $2 }' "/proc/$c/smaps_rollup") ))
  done
  awk -v r="$rss" -v p="$pss" -v n="${#pids[@]}" 'BEGIN { printf "%.1f %.1f %d\n", r / 1024, p / 1024, n }'
}

idle_once() { # tool -> "cpu% rss pss processes"
  local tool=$1 before after t0 t1 mem
  launch_peer idle "$tool"
  # Start-up (and procurator's script load) is over well within this.
  sleep 5
  kill -0 "$PEER_PID" 2>/dev/null || { log "$tool exited early"; return 1; }
  before=$(cpu_ticks "$PEER_PID"); t0=$(now_ns)
  sleep "$IDLE_SECONDS"
  after=$(cpu_ticks "$PEER_PID"); t1=$(now_ns)
  mem=$(mem_of "$PEER_PID")
  stop_peer "$tool"
  awk -v d=$(( after - before )) -v hz="$CLK_TCK" -v ns=$(( t1 - t0 )) -v m="$mem" 'BEGIN { printf "%.3f %s\n", 100 * d / hz / (ns / 1e9), m }'
}

# summary FILE COLUMN -> "median (min-max)"
summary() {
  awk -v c="$2" '{ print $c }' "$1" | sort -g | awk '{ t[NR] = $1 } END {
    if (NR == 0) { print "n/a"; exit }
    m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
    printf "%g (%g-%g)", m, t[1], t[NR] }'
}

run_peers() {
  # Failures are counted per case below, not left to errexit (kill and wait report signals).
  set +e
  PEER_TOOLS=(procurator)
  local tool
  for tool in foreman supervisord; do
    if command -v "$tool" >/dev/null; then PEER_TOOLS+=("$tool"); else log "$tool not installed: skipped (apt-get install ruby-foreman supervisor)"; fi
  done
  command -v nc >/dev/null || { log "nc not installed (netcat-openbsd): the chain is skipped"; }
  for tool in "${PEER_TOOLS[@]}"; do
    for c in chain burst idle; do write_peer_case "$c" "$tool"; done
  done
  # Warm the compile cache of each procurator workspace.
  for c in chain burst idle; do (cd "$WORK/peer-$c-procurator" && "${CMD[@]}" validate >/dev/null 2>&1) || true; done

  : >"$WORK/chain.hand"
  local i
  log "peers: chain of 3, burst of $BURST_LINES lines, $PEER_RUNS runs each, interleaved"
  for (( i = 0; i < PEER_RUNS; i++ )); do
    chain_by_hand >>"$WORK/chain.hand"
    for tool in "${PEER_TOOLS[@]}"; do
      chain_once "$tool" >>"$WORK/chain.$tool" || { log "$tool: chain failed"; FAILED=1; }
      burst_once "$tool" >>"$WORK/burst.$tool" || { log "$tool: burst failed"; FAILED=1; }
    done
  done
  log "peers: 20 idle units, ${IDLE_SECONDS} s each"
  for tool in "${PEER_TOOLS[@]}"; do idle_once "$tool" >>"$WORK/idle.$tool" || { log "$tool: idle failed"; FAILED=1; }; done
  set -e
}

peers_report() {
  echo "### Beside foreman and supervisord (same run, interleaved; median (min-max) of $PEER_RUNS)"
  echo
  echo "Chain of 3 by hand (each command started once the previous port accepts, polled every 1 ms): $(summary "$WORK/chain.hand" 1) ms."
  echo "procurator's chain of 3 from its \"starting\" line to \"all ready\" (the orchestrator alone): $(summary "$WORK/chain.procurator" 2) ms."
  echo
  echo "| Tool | Chain of 3: launch → third port (ms) | Burst: lines/s | Lost | Out of order | Idle CPU (% of a core, ${IDLE_SECONDS} s) | Idle RSS (MB) | Idle PSS (MB) | Processes measured |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  local tool version
  for tool in "${PEER_TOOLS[@]}"; do
    case $tool in
      procurator) version="procurator" ;;
      foreman) version="foreman $(foreman version 2>/dev/null | head -1)" ;;
      supervisord) version="supervisord $(supervisord --version 2>/dev/null)" ;;
    esac
    printf '| %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$version" "$(summary "$WORK/chain.$tool" 1)" \
      "$(summary "$WORK/burst.$tool" 1)" "$(summary "$WORK/burst.$tool" 2)" "$(summary "$WORK/burst.$tool" 3)" \
      "$(summary "$WORK/idle.$tool" 1)" "$(summary "$WORK/idle.$tool" 2)" "$(summary "$WORK/idle.$tool" 3)" "$(summary "$WORK/idle.$tool" 4)"
  done
  echo
  echo "procurator counts from launching the process (runtime start and cached script load included);"
  echo "its \"starting\" → \"all ready\" is in the start-up table above for trivial units. Burst: the"
  echo "unit's own start to the last line in the console file (procurator: and in its unit log file);"
  echo "supervisord writes only its log file. RSS/PSS: procurator's manager plus its guardian."
}
