#!/usr/bin/env bash
# Analyzer memory: a recording of --size MB (default 1024), made by concatenating copies of a
# demo's recording (a JFR file is a sequence of chunks, so copies make a valid multi-chunk file,
# checked with `jfr summary`), analyzed by `java -Xmx512m -jar paragent.jar report`. Also analyzes
# a file 1/4 the size, so that the two peaks show whether memory grows with the events.
# See docs/PERFORMANCE.md "Analyzer speed and memory".
#
#   bench/analyzer-memory.sh [--jdk JAVA_HOME] [--size MB] [--xmx SIZE] [FILE.jfr]
#
# Prints per file: size, chunks, exit code, wall and CPU (user+sys) seconds, the largest heap
# after a GC (the live set; from -Xlog:gc), and the report's warnings. Needs ~1.3x --size of free
# space under $TMPDIR. Set SKIP_BUILD=1 to reuse an existing build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
size=1024
xmx=512m
source_file=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --jdk) jdk="$2"; shift 2 ;;
    --size) size="$2"; shift 2 ;;
    --xmx) xmx="$2"; shift 2 ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) source_file="$1"; shift ;;
  esac
done
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q package -DskipTests -pl agent,demo-apps -am
fi
jar="$root/agent/target/paragent.jar"
work="$(mktemp -d "${TMPDIR:-/tmp}/analyzer-memory.XXXXXX")"
trap 'rm -rf "$work"' EXIT
if [[ -z "$source_file" ]]; then
  "$jdk/bin/java" "-javaagent:$jar=out=$work/rec,jfr,quiet" -jar demo-apps/target/demo-apps.jar \
    shared-counter --threads 4 > /dev/null
  source_file="$(ls "$work"/rec/*.jfr | head -1)"
fi

# Writes copies of $source_file into $2 until it holds at least $1 MB.
concatenate() {
  local want=$(( $1 * 1000000 )) piece
  piece=$(stat -c %s "$source_file")
  for ((written = 0; written < want; written += piece)); do cat "$source_file"; done > "$2"
}

echo "| file | MB | chunks | -Xmx | exit | wall s | CPU s | max heap after GC MB | warnings |"
echo "|---|---:|---:|---|---:|---:|---:|---:|---|"
for mb in $(( size / 4 )) "$size"; do
  big="$work/big-$mb.jfr"
  concatenate "$mb" "$big"
  chunks=$("$jdk/bin/jfr" summary "$big" | awk '/Chunks:/ { print $2 }')
  TIMEFORMAT='%R %U %S'
  set +e
  t=$( { time "$jdk/bin/java" "-Xmx$xmx" "-Xlog:gc:file=$work/gc.log" -jar "$jar" report "$big" \
         -o "$work/big.html" --json "$work/big.json" > "$work/out" 2> "$work/err"; } 2>&1 )
  code=$?
  set -e
  peak=$(grep -o '[0-9]*M->[0-9]*M' "$work/gc.log" | sed 's/.*->//; s/M//' | sort -n | tail -1)
  warnings=$(python3 -c 'import json,sys; print("; ".join(json.load(open(sys.argv[1])).get("warnings", [])))' \
      "$work/big.json" 2> /dev/null || head -c 300 "$work/err")
  awk -v f="$(basename "$big")" -v b="$(stat -c %s "$big")" -v c="$chunks" -v x="$xmx" -v e="$code" -v t="$t" \
      -v p="${peak:-?}" -v w="${warnings//|/\\|}" \
    'BEGIN { split(t, s, " "); printf "| %s | %.0f | %s | %s | %s | %.1f | %.1f | %s | %s |\n",
             f, b / 1e6, c, x, e, s[1], s[2] + s[3], p, w }'
  rm -f "$big"
done
