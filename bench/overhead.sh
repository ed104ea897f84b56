#!/usr/bin/env bash
# Whole-program overhead of the paragent agent: demos' fixed variants, a hello world and real
# open-source workloads (h2, lucene, jetty), each run on every side (none, default, flame),
# interleaved, N times. See docs/PERFORMANCE.md.
#
#   bench/overhead.sh [--repeat N] [--jdk JAVA_HOME]... [--programs a,b,...] [--sides none,default,flame]
#                     [--markdown FILE] [--csv FILE] [other harness options]
#
# Builds what it runs (demo-apps' test-compile also writes the workloads' class path,
# demo-apps/target/workload-classpath.txt), then runs paragent.demo.bench.OverheadHarness on the
# JDK found first in $JAVA_HOME or PATH; the measured children use each --jdk (default: that same
# JDK). Exits 3 if the agent changed a program's printed result. Set SKIP_BUILD=1 to reuse a build.
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
