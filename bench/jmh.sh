#!/usr/bin/env bash
# JMH benchmarks of every path the agent instruments, each run without and with -javaagent,
# interleaved, in one invocation; prints a Markdown table with the budget verdicts.
# See docs/PERFORMANCE.md ("JMH: instrumented paths").
#
#   bench/jmh.sh [--agent JAR] [--agent-options OPTS] [--only id,...] [--markdown FILE]
#                [JMH options: -f ROUNDS -wi N -i N -w TIME -r TIME -jvm JAVA ...]
#
# Builds the agent and bench/target/benchmarks.jar (mvn package, no install), then runs
# paragent.bench.AgentOverhead on the JDK found first in $JAVA_HOME or PATH; -jvm picks another
# JVM for the measured forks. Set SKIP_BUILD=1 to reuse an existing build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  mvn -B -q package -DskipTests -pl agent,bench -am
fi
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
export PARAGENT_JMH_COMMAND="bench/jmh.sh${*:+ $*}"
exec "$java_bin" -jar bench/target/benchmarks.jar "$@"
