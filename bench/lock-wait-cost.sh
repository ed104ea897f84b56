#!/usr/bin/env bash
# What recording one contended java.util.concurrent wait costs the waiter, in CPU time, without
# the wait: paragent.agent.recording.LockWaitCost (agent test sources), interleaved between this
# build and, optionally, another build's agent classes. See docs/PERFORMANCE.md ("Lock-wait
# recording: sampled stacks").
#
#   bench/lock-wait-cost.sh [--runs N] [--jdk JAVA_HOME] [--before CLASSES_DIR]
#
# CLASSES_DIR is another checkout's agent/target/classes (build it there with
# mvn -o -q package -DskipTests -pl agent -am). Prints, per run and side, ns per wait of the last
# three rounds, with the recording on and off. Set SKIP_BUILD=1 to reuse this checkout's build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
runs=3
jdk="${JAVA_HOME:-}"
before=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --runs) runs="$2"; shift 2 ;;
    --jdk) jdk="$2"; shift 2 ;;
    --before) before="$2"; shift 2 ;;
    *) echo "lock-wait-cost.sh: unknown option $1 (use --runs N, --jdk JAVA_HOME, --before CLASSES_DIR)" >&2; exit 2 ;;
  esac
done
if [[ -n "$before" && ! -d "$before/paragent/agent/bootstrap" ]]; then
  echo "lock-wait-cost.sh: $before holds no agent classes; pass another checkout's agent/target/classes" >&2
  exit 2
fi
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q -o test-compile -pl agent -am
fi
java_bin="${jdk:+$jdk/bin/}java"
hdr="$(ls ~/.m2/repository/org/hdrhistogram/HdrHistogram/*/HdrHistogram-*.jar | grep -v sources | tail -1)"
tests="agent/target/test-classes"
sides=(after)
[[ -n "$before" ]] && sides=(before after)
echo "== lock-wait-cost $("$java_bin" -version 2>&1 | head -1) $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((r = 1; r <= runs; r++)); do
  for side in "${sides[@]}"; do
    classes="agent/target/classes"
    [[ "$side" == before ]] && classes="$before"
    for mode in on off; do
      ns=$("$java_bin" --add-opens java.base/java.util.concurrent.locks=ALL-UNNAMED -cp "$classes:$hdr:$tests" \
        paragent.agent.recording.LockWaitCost "$mode" | tail -3 | awk '{print $4}' | tr '\n' ' ')
      printf 'run %d %-6s %-3s ns/wait: %s\n' "$r" "$side" "$mode" "$ns"
    done
  done
done
