#!/usr/bin/env bash
# Whole-program overhead of the paragent agent: demos' fixed variants and a hello world, each run
# without and with -javaagent, interleaved, N times. See docs/PERFORMANCE.md.
#
#   bench/overhead.sh [--repeat N] [--jdk JAVA_HOME]... [--markdown FILE] [--csv FILE] [other harness options]
#
# Builds what it runs, then runs paragent.demo.bench.OverheadHarness on the JDK found
# first in $JAVA_HOME or PATH; the measured children use each --jdk (default: that same JDK).
# Set SKIP_BUILD=1 to reuse an existing build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -q install -DskipTests
  mvn -q -pl demo-apps test-compile
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export PARAGENT_BENCH_COMMAND="bench/overhead.sh${*:+ $*}"
exec "$java_bin" -cp demo-apps/target/test-classes:demo-apps/target/demo-apps.jar \
  paragent.demo.bench.OverheadHarness "$@"
