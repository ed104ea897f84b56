#!/usr/bin/env bash
# Agent footprint (docs/PERFORMANCE.md, issue 9): a program with THREADS parked threads, with or
# without the agent (JAR or "none"): heap after GC, NMT committed by category, paragent's objects.
#   bench/footprint.sh JAVA_HOME JAR|none THREADS
set -euo pipefail
jh=$1; jar=$2; n=$3; f=$(mktemp -u); o=$(mktemp -d)
"$jh/bin/javac" -d "$o/classes" "$(dirname "$0")/startup/Foot.java"
if [ "$jar" = none ]; then ag=(); else ag=(-javaagent:$jar=out=$o,jfr,quiet); fi
$jh/bin/java -XX:NativeMemoryTracking=summary "${ag[@]}" -cp $o/classes Foot $n $f > $o/stdout &
jp=$!
while [ ! -s $f ]; do sleep 0.1; done; pid=$(cat $f)
$jh/bin/jcmd $pid VM.native_memory summary scale=KB > $o/nmt
$jh/bin/jcmd $pid GC.class_histogram > $o/histo
rm $f; wait $jp
heap=$(awk '{print $2}' $o/stdout)
python3 - $o/nmt $o/histo $heap $n $jar <<'PY'
import sys,re
nmt=open(sys.argv[1]).read()
tot=int(re.search(r'Total: reserved=\d+KB, committed=(\d+)KB',nmt).group(1))
def cat(name):
    m=re.search(r'-\s+'+name+r' \(reserved=\d+KB, committed=(\d+)KB',nmt); return int(m.group(1)) if m else 0
h=open(sys.argv[2]).read().splitlines()
total=[l for l in h if l.startswith('Total')][0].split()
para=sum(int(l.split()[2]) for l in h if 'paragent' in l and re.match(r'\s*\d+:',l))
print(f"threads={sys.argv[4]:5s} {sys.argv[5].split('/')[-1]:12s} heapAfterGC={sys.argv[3]}KB liveObjectsBytes={int(total[2])//1024}KB paragentObjs={para//1024}KB NMT committed total={tot}KB nonHeap={tot-cat('Java Heap')}KB class={cat('Class')}KB thread={cat('Thread')}KB code={cat('Code')}KB compiler={cat('Compiler')}KB internal={cat('Internal')}KB symbol={cat('Symbol')}KB tracing={cat('Tracing')}KB other={cat('Other')}KB arena={cat('Arena Chunk')}KB")
PY
rm -rf $o
