#!/usr/bin/env bash
# jdisco's end-to-end benchmark suite: one command, see bench/README.md.
#   bench/run.sh                      every case, BENCH_RUNS (5) measured runs after 1 warm-up
#   BENCH_CASES="wc-tiny sort-100m" bench/run.sh   only these cases (their baselines are added)
# Environment: BENCH_DATA (data dir, default bench/data), BENCH_RUNS (5), BENCH_CASES (all),
# BENCH_RESULTS (bench/results), BENCH_BUILD=1 (rebuild the shaded jar first), BENCH_TMPDIR (where
# the embedded masters and the *-master case keep their data; default: the JVM's, /tmp).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
export BENCH_DATA=${BENCH_DATA:-$here/data}
DATA=$BENCH_DATA
RUNS=${BENCH_RUNS:-5}
RESULTS=${BENCH_RESULTS:-$here/results}
JAR=$root/cli/target/jdisco.jar
# the jdisco command: bin/jdisco runs the jar with the client's JVM flags (C1, serial GC, AppCDS)
JDISCO=$root/bin/jdisco
export JDISCO_JAR=$JAR
if [ -n "${BENCH_TMPDIR:-}" ]; then
    mkdir -p "$BENCH_TMPDIR"
    export JDISCO_CLIENT_JAVA_OPTS="-Djava.io.tmpdir=$BENCH_TMPDIR ${JDISCO_CLIENT_JAVA_OPTS:-}"
fi
ALL_CASES="wc-tiny wc-tiny-jar wc-100m-file wc-100m-file-nocomb wc-100m-halves wc-100m-halves-nocomb
 sort-100m sort-100m-heap24m small-1k small-10k small-10k-master small-50k wc-1g-file wc-1g-file-nocomb
 wc-1g-chunks wc-1g-chunks-nocomb sort-1g-heap256m"
CASES=${BENCH_CASES:-$ALL_CASES}
# the word-count baseline: the reference hand-written loop (2 threads), compiled from shared/
ANCHORS=${BENCH_ANCHORS:-$root/../shared/bench-anchors}
FAST=(java -Dwc.mode=count -cp "$here/build" bench.FastWordCount)

# --- the baseline each case is compared with ---
baseline_of() {
    case "$1" in
        wc-tiny*) echo base-tiny ;;
        wc-100m-*) echo base-100m ;;
        wc-1g-*) echo base-1g ;;
        sort-100m*) echo gnu-sort-100m ;;
        sort-1g*) echo gnu-sort-1g ;;
    esac
}

# --- the command line of a case, in the array CMD; its input size in BYTES ---
set_case() {
    local halves=("$DATA"/corpus-100m-halves/part-*.txt) chunks1g=("$DATA"/corpus-1g/part-*.txt)
    local wc=("$JDISCO" wordcount --partitions 2)
    case "$1" in
        # FastWordCount writes OUTPUT; /dev/stdout is the run's output file
        base-tiny) CMD=("${FAST[@]}" "$DATA/tiny-10k.txt" /dev/stdout 2) ;;
        base-100m) CMD=("${FAST[@]}" "$DATA/corpus-100m.txt" /dev/stdout 2) ;;
        base-1g) CMD=("${FAST[@]}" "$DATA/corpus-1g.txt" /dev/stdout 2) ;;
        gnu-sort-100m) CMD=(env LC_ALL=C sort -S 50% "$DATA/records-100m.txt") ;;
        gnu-sort-1g) CMD=(env LC_ALL=C sort -S 50% "$DATA/records-1g.txt") ;;
        wc-tiny) CMD=("${wc[@]}" "$DATA/tiny-10k.txt") ;;
        wc-tiny-jar) CMD=(java -jar "$JAR" wordcount --partitions 2 "$DATA/tiny-10k.txt") ;;
        wc-100m-file) CMD=("${wc[@]}" "$DATA/corpus-100m.txt") ;;
        wc-100m-file-nocomb) CMD=("${wc[@]}" --no-combiner "$DATA/corpus-100m.txt") ;;
        wc-100m-halves) CMD=("${wc[@]}" "${halves[@]}") ;;
        wc-100m-halves-nocomb) CMD=("${wc[@]}" --no-combiner "${halves[@]}") ;;
        wc-1g-file) CMD=("${wc[@]}" "$DATA/corpus-1g.txt") ;;
        wc-1g-file-nocomb) CMD=("${wc[@]}" --no-combiner "$DATA/corpus-1g.txt") ;;
        wc-1g-chunks) CMD=("${wc[@]}" "${chunks1g[@]}") ;;
        wc-1g-chunks-nocomb) CMD=("${wc[@]}" --no-combiner "${chunks1g[@]}") ;;
        # many small inputs, each a map task: the files are named relative to their folder (50,000
        # absolute paths would pass the kernel's limit on a command line)
        small-*-master) local n=${1#small-}; n=${n%-master}
            CMD=(bash -c 'cd "$0" && exec "$@" f*.txt' "$DATA/small-$n" "${wc[@]}" --master "$MASTER_URL") ;;
        small-*) CMD=(bash -c 'cd "$0" && exec "$@" f*.txt' "$DATA/small-${1#small-}" "${wc[@]}") ;;
        sort-100m) CMD=("$JDISCO" sort --partitions 2 --key-bytes 10 "$DATA/records-100m.txt") ;;
        # the big-shuffle reduce, scaled down: one reduce task gets the whole ~110 MB shuffle
        # (internal format, uncompressed) with a 24 MiB worker heap (-Xmx24m through JDISCO_JAVA_OPTS, which the
        # workers inherit; the local master drops DISCO_WORKER_MAX_MEM from its environment)
        sort-100m-heap24m) CMD=(env JDISCO_JAVA_OPTS=-Xmx24m "$JDISCO" sort
            --partitions 1 --key-bytes 10 "$DATA/records-100m.txt") ;;
        # the big-shuffle reduce at full size: one reduce task gets the whole shuffle of 1 GiB of
        # records (~1.1 GB in the internal format), 4x its -Xmx256m heap
        sort-1g-heap256m) CMD=(env JDISCO_JAVA_OPTS=-Xmx256m "$JDISCO" sort
            --partitions 1 --key-bytes 10 "$DATA/records-1g.txt") ;;
        *) echo "bench: unknown case $1" >&2; exit 2 ;;
    esac
    BYTES=0
    local a
    case "$1" in
        small-*) local n=${1#small-}; n=${n%-master}
            BYTES=$(find "$DATA/small-$n" -name 'f*.txt' -printf '%s\n' | awk '{s += $1} END {print s + 0}') ;;
        *) for a in "${CMD[@]}"; do
               if [ -f "$a" ] && [[ "$a" == "$DATA"/* ]]; then BYTES=$((BYTES + $(stat -c %s "$a"))); fi
           done ;;
    esac
}

# --- prerequisites ---
if [ ! -x /usr/bin/time ]; then
    echo "bench: installing GNU time" >&2
    apt-get update && apt-get install -y time
fi
case " $CASES " in *" wc-1g"*) ;; *) export BENCH_SKIP_1G=1 ;; esac
small=""
for c in $CASES; do
    case $c in small-*) n=${c#small-}; n=${n%-master}; case " $small " in *" $n "*) ;; *) small="$small $n" ;; esac ;; esac
done
export BENCH_SMALL=$small
case " $CASES " in *" sort-1g"*) ;; *) export BENCH_SKIP_RECORDS_1G=1 ;; esac
"$here/data.sh"
if [ "${BENCH_BUILD:-0}" = 1 ] || [ ! -f "$JAR" ]; then
    (cd "$root" && mvn -B -q -DskipTests package)
fi
mkdir -p "$here/build" "$RESULTS"
javac -d "$here/build" "$ANCHORS/FastWordCount.java"

# a jdisco master for the *-master cases, on a free port, its data in the run's work folder
MASTER_URL="" MASTER_PID=""
case " $CASES " in *"-master "*)
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    MASTER_URL=http://127.0.0.1:$port
    mkdir -p "$RESULTS"
    master_data=$(mktemp -d "${BENCH_TMPDIR:-$RESULTS}/master-XXXXXX")
    "$JDISCO" master --port "$port" --data "$master_data" --workers reused > "$master_data.log" 2>&1 &
    MASTER_PID=$!
    trap 'status=$?; kill "$MASTER_PID" 2> /dev/null; wait "$MASTER_PID" 2> /dev/null || true; rm -rf "$master_data"; exit $status' EXIT
    for _ in $(seq 100); do curl -sf "$MASTER_URL/disco/ctrl/joblist" > /dev/null && break; sleep 0.1; done ;;
esac

# the warm-ups: baselines first (their outputs are the references the cases are checked against)
order=""
for c in $CASES; do
    b=$(baseline_of "$c")
    case " $order " in *" $b "*) ;; *) [ -z "$b" ] || order="$order $b" ;; esac
done
order="$order $CASES"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
csv=$RESULTS/$stamp.csv
work=$RESULTS/work-$stamp
mkdir -p "$work"
echo "case,run,status,wall_s,user_s,sys_s,max_rss_kb,worker_peak_rss_kb,workers,bytes,paired_with" > "$csv"
echo "bench: $RUNS runs after 1 warm-up, each case's runs alternating with its baseline's; raw results in $csv" >&2

# run_one CASE RUN PAIRED: one run of CASE (run 0 is the warm-up, whose output is checked);
# PAIRED names the case this baseline run alternates with. Fails when the run did.
failed=" "
run_one() {
    local c=$1 run=$2 paired=$3 base status=0 kind=run wall user sys rss wpeak workers
    set_case "$c"
    base=$(baseline_of "$c")
    rm -f "$work/stop" "$work/rss"
    python3 "$here/rss_sampler.py" "$work/stop" "$work/rss" &
    local sampler=$!
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "${CMD[@]}" > "$work/out" 2> "$work/err" || status=$?
    touch "$work/stop"
    wait "$sampler"
    if [ "$status" != 0 ]; then
        # a failed case is reported (status != 0) and the suite goes on with the next case
        echo "bench: $c failed (status $status):" >&2
        tail -20 "$work/err" >&2
        echo "$c,$run,$status,,,,,,,$BYTES,$paired" >> "$csv"
        return 1
    fi
    if [ "$run" = 0 ]; then
        if [ -z "$base" ]; then
            mv "$work/out" "$work/ref-$c"
        elif ! cmp -s "$work/out" "$work/ref-$base" \
                && ! cmp -s <(LC_ALL=C sort "$work/out") <(LC_ALL=C sort "$work/ref-$base"); then
            echo "bench: $c's output differs from $base's ($work/out, $work/ref-$base)" >&2
            echo "$c,$run,wrong-output,,,,,,,$BYTES,$paired" >> "$csv"
            return 1
        fi
        kind=warmup
    fi
    rm -f "$work/out"
    read -r wall user sys rss < <(tail -1 "$work/time")
    read -r wpeak workers < "$work/rss"
    [ "$kind" = warmup ] || echo "$c,$run,0,$wall,$user,$sys,$rss,$wpeak,$workers,$BYTES,$paired" >> "$csv"
    echo "bench: $c $kind $run: ${wall}s wall, $user+$sys s CPU, max RSS ${rss} KB, worker peak ${wpeak} KB ($workers workers)" >&2
}

for c in $order; do
    run_one "$c" 0 "" || failed="$failed$c "
done
# the measured runs: baseline, case, baseline, case, ... so that a slow minute on a shared machine
# falls on both sides of a ratio rather than on one
for c in $CASES; do
    base=$(baseline_of "$c")
    case "$failed" in *" $c "*|*" $base "*) continue ;; esac
    for run in $(seq 1 "$RUNS"); do
        if [ -n "$base" ]; then run_one "$base" "$run" "$c" || break; fi
        run_one "$c" "$run" "" || break
    done
done
[ "${BENCH_KEEP_WORK:-0}" = 1 ] || rm -rf "$work"
if [ -n "$MASTER_PID" ]; then
    # the master's own peak resident set over all its runs (the kernel's VmHWM)
    echo "master peak RSS: $(awk '/VmHWM/ {print $2}' "/proc/$MASTER_PID/status") KB" | tee "${csv%.csv}.master"
fi
python3 "$here/report.py" "$csv" | tee "${csv%.csv}.md"
