#!/usr/bin/env bash
# Analyzer speed: the JDK's own `jfr summary FILE` against paragent's full analysis
# (`java -jar paragent.jar report FILE -o x.html`: load, diagnose, render), on the same file with
# the same JDK, interleaved --runs times. See docs/PERFORMANCE.md "Analyzer speed and memory".
#
#   bench/analyzer-speed.sh [--jdk JAVA_HOME]... [--runs N] [--copies N[,N...]] [--jar NAME=JAR[@JVM OPTIONS]]... [--floor] [FILE.jfr...]
#
# Without files it records two demos under the agent (shared-counter, pool) with the first --jdk,
# and concatenates copies of the first into multi-chunk files, one per --copies count (default
# 100,600: ~30 and ~180 MB; a JFR file is a sequence of chunks). Each --jar adds a paragent build to
# compare (e.g. --jar before=/tmp/old.jar --jar after=agent/target/paragent.jar; default: this
# tree's build as "paragent"; after an @, JVM options for it, e.g. --jar in-place=JAR@-Dparagent.tune=false);
# per run, jfr summary and every jar take turns on the same file and JDK.
# Prints one markdown row per JDK, file and jar: size, median wall and CPU (user+sys) seconds,
# MB/s by wall and by CPU, and the jar / jfr summary ratio of MB/s (by wall / by CPU: above 1 is
# faster than jfr summary). Both are whole commands, JVM start included. --floor adds a row "JFR
# parse only": the file streamed as the analyzer streams it, the same event types, each event only
# counted (paragent.analyzer.load.ParseFloor, analyzer test sources): the floor under any analysis
# built on JFR's consumer API. Set SKIP_BUILD=1 to reuse an existing build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jdks=()
runs=5
copies=100,600
files=()
jars=()
floor=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jdk) jdks+=("$2"); shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --copies) copies="$2"; shift 2 ;;
    --jar) jars+=("$2"); shift 2 ;;
    --floor) floor=1; shift ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) files+=("$1"); shift ;;
  esac
done
[[ ${#jdks[@]} -gt 0 ]] || jdks=("${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}")
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q package -DskipTests -pl agent,demo-apps -am
  if [[ "$floor" == 1 ]]; then mvn -B -q test-compile -pl analyzer -am; fi
fi
jar="$root/agent/target/paragent.jar"
[[ ${#jars[@]} -gt 0 ]] || jars=("paragent=$jar")
work="$(mktemp -d "${TMPDIR:-/tmp}/analyzer-speed.XXXXXX")"
trap 'rm -rf "$work"' EXIT

if [[ ${#files[@]} -eq 0 ]]; then
  for demo in shared-counter pool; do
    "${jdks[0]}/bin/java" "-javaagent:$jar=out=$work/$demo,jfr,quiet" -jar demo-apps/target/demo-apps.jar \
      "$demo" --threads 4 > /dev/null
    files+=("$(ls "$work/$demo"/*.jfr | head -1)")
  done
  for n in ${copies//,/ }; do
    for ((i = 0; i < n; i++)); do cat "${files[0]}"; done > "$work/shared-counter-x$n.jfr"
    files+=("$work/shared-counter-x$n.jfr")
  done
fi

# Prints "wall cpu" seconds of one command (its output discarded); fails when the command fails.
timed() {
  local TIMEFORMAT='%R %U %S' t
  t=$( { time "$@" > /dev/null 2> "$work/stderr"; } 2>&1 ) || { cat "$work/stderr" >&2; return 1; }
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' <<< "$t"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| JDK | file | MB | tool | wall s / CPU s | MB/s wall / CPU | / jfr summary (wall / CPU) |"
echo "|---|---|---:|---|---:|---:|---:|"
for jdk in "${jdks[@]}"; do
  version="$("$jdk/bin/java" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.version =/ { print $2 }')"
  for file in "${files[@]}"; do
    : > "$work/jfr.times"
    for j in "${jars[@]}"; do : > "$work/${j%%=*}.times"; done
    : > "$work/floor.times"
    for ((r = 0; r < runs; r++)); do
      timed "$jdk/bin/jfr" summary "$file" >> "$work/jfr.times"
      for j in "${jars[@]}"; do
        spec="${j#*=}"; opts=()
        [[ "$spec" == *@* ]] && read -ra opts <<< "${spec#*@}"
        timed "$jdk/bin/java" "${opts[@]}" -jar "${spec%%@*}" report "$file" -o "$work/report.html" >> "$work/${j%%=*}.times"
      done
      if [[ "$floor" == 1 ]]; then
        timed "$jdk/bin/java" -cp "$jar:$root/analyzer/target/test-classes" paragent.analyzer.load.ParseFloor "$file" \
          >> "$work/floor.times"
      fi
    done
    mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
    jw=$(cut -d' ' -f1 "$work/jfr.times" | median); jc=$(cut -d' ' -f2 "$work/jfr.times" | median)
    row() {
      awk -v jdk="$version" -v f="$(basename "$file")" -v mb="$mb" -v tool="$1" -v w="$2" -v c="$3" -v jw="$jw" -v jc="$jc" \
        'BEGIN { printf "| %s | %s | %s | %s | %.2f / %.2f | %.1f / %.1f | %.2f / %.2f |\n",
                 jdk, f, mb, tool, w, c, mb / w, mb / c, jw / w, jc / c }'
    }
    row "jfr summary" "$jw" "$jc"
    if [[ "$floor" == 1 ]]; then
      row "JFR parse only" "$(cut -d' ' -f1 "$work/floor.times" | median)" "$(cut -d' ' -f2 "$work/floor.times" | median)"
    fi
    for j in "${jars[@]}"; do
      name="${j%%=*}"
      row "$name" "$(cut -d' ' -f1 "$work/$name.times" | median)" "$(cut -d' ' -f2 "$work/$name.times" | median)"
    done
  done
done
