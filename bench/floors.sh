#!/usr/bin/env bash
# The floors under issue 9's budgets, measured without paragent (docs/PERFORMANCE.md, "The floors
# under the budgets"):
#   - per event: one clock read, one JFR event without a stack trace, and the two clock reads
#     around one such event that recording one wait exactly needs (JMH, RecordingFloorBenchmark);
#   - start-up: a hello world with no agent, with only the JVM's own -XX:StartFlightRecording, and
#     with paragent (bench/startup.sh, interleaved).
# The analyzer's floor, JFR's parser alone, is bench/analyzer-speed.sh --floor.
#
#   bench/floors.sh [--jdk JAVA_HOME]... [--rounds N]
#
# Set SKIP_BUILD=1 to reuse an existing build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jdks=()
rounds=6
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jdk) jdks+=("$2"); shift 2 ;;
    --rounds) rounds="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "floors.sh: unknown option $1 (use --jdk JAVA_HOME, --rounds N)" >&2; exit 2 ;;
  esac
done
[[ ${#jdks[@]} -gt 0 ]] || jdks=("${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}")
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q package -DskipTests -pl agent,bench -am
fi
for jdk in "${jdks[@]}"; do
  echo "== floors $("$jdk/bin/java" -version 2>&1 | head -1) $(date +%T) load $(cut -d' ' -f1-3 /proc/loadavg)"
  "$jdk/bin/java" -cp bench/target/benchmarks.jar org.openjdk.jmh.Main RecordingFloorBenchmark -f 2 \
    -jvm "$jdk/bin/java" 2>&1 | sed -n '/^Benchmark /,$p'
  bench/startup.sh "$rounds" "$jdk" none=none jfr=jfr paragent=agent/target/paragent.jar
done
