#!/usr/bin/env bash
# Agent start-up on a hello world (docs/PERFORMANCE.md, issue 9):
#   bench/startup.sh ROUNDS JAVA_HOME label=JAR[@OPTIONS]|none|jfr ...
# e.g. bench/startup.sh 5 /usr/lib/jvm/java-17-openjdk-amd64 none=none agent=agent/target/paragent.jar \
#        nocache=agent/target/paragent.jar@cache=off
# Interleaved: one untimed round first (warms the page cache and the agent's weave cache), then
# each round runs every variant once (agent options out=<tmp>,jfr,quiet[,OPTIONS]; "jfr" is no agent,
# only the JVM's own -XX:StartFlightRecording with JFR's default settings: the floor under any
# JFR-based recording). Prints per
# variant the medians of the uptime at main, main's thread CPU, the process CPU at main, and the
# whole run's wall and user+sys time.
set -euo pipefail
rounds=$1; jh=$2; shift 2
out=$(mktemp -d)
classes=$out/classes
"$jh/bin/javac" -d "$classes" "$(dirname "$0")/startup/Hello.java"
for r in $(seq 0 $rounds); do
  for v in "$@"; do
    label=${v%%=*}; spec=${v#*=}; jar=${spec%%@*}; opts=${spec#"$jar"}; opts=${opts/#@/,}
    case "$jar" in
      none) ag=() ;;
      jfr) ag=(-XX:StartFlightRecording=filename=$out/plain-$label.jfr,settings=default) ;;
      *) ag=(-javaagent:$jar=out=$out/o-$label,jfr,quiet$opts) ;;
    esac
    /usr/bin/time -f "%e %U %S" -o $out/t $jh/bin/java "${ag[@]}" -cp $classes Hello > $out/m 2>$out/err || cat $out/err
    if [ "$r" -gt 0 ]; then echo "$label $(tail -1 $out/m) $(cat $out/t)" >> $out/all; fi
  done
done
python3 - $out/all <<'PY'
import sys,statistics as st
rows={}
for l in open(sys.argv[1]):
    p=l.split(); rows.setdefault(p[0],[]).append((int(p[1]),int(p[2]),int(p[3]),float(p[4]),float(p[5])+float(p[6])))
for k,v in rows.items():
    m=[x[0] for x in v]; mt=[x[1] for x in v]; pc=[x[2] for x in v]; w=[x[3] for x in v]; c=[x[4] for x in v]
    print(f"{k:7s} n={len(v)} to-main: uptime {st.median(m):5.0f} ms (min {min(m)}), main-thread CPU {st.median(mt):4.0f} ms, process CPU {st.median(pc):5.0f} ms | whole run: wall {st.median(w):.2f} s, user+sys {st.median(c):.2f} s (min {min(c):.2f})")
PY
rm -rf $out
