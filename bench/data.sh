#!/usr/bin/env bash
# Makes the benchmark data under $BENCH_DATA (default bench/data) when it is missing.
# Deterministic: the same files on every machine with the same dict-gcide package.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=${BENCH_DATA:-$here/data}
mkdir -p "$data"
dict=/usr/share/dictd/gcide.dict.dz
index=/usr/share/dictd/gcide.index
if [ ! -f "$dict" ] || [ ! -f "$index" ]; then
    echo "bench: installing dict-gcide (the English text corpus)" >&2
    apt-get update && apt-get install -y dict-gcide
fi
gen() { python3 "$here/gen_data.py" "$@"; }
MB=$((1024 * 1024))
[ -f "$data/tiny-10k.txt" ] || gen tiny "$dict" "$index" $((10 * 1024)) "$data/tiny-10k.txt"
[ -f "$data/corpus-100m.txt" ] || gen corpus "$dict" "$index" $((100 * MB)) "$data/corpus-100m.txt"
[ -d "$data/corpus-100m" ] || gen chunks $((100 * MB)) $((64 * MB)) "$dict" "$index" "$data/corpus-100m"
[ -d "$data/corpus-100m-halves" ] || gen halves "$data/corpus-100m.txt" "$data/corpus-100m-halves"
if [ "${BENCH_SKIP_1G:-0}" != 1 ]; then
    [ -d "$data/corpus-1g" ] || gen chunks $((1024 * MB)) $((64 * MB)) "$dict" "$index" "$data/corpus-1g"
    # the same bytes as one file (the chunks are cut from one stream at line boundaries)
    if [ ! -f "$data/corpus-1g.txt" ]; then
        cat "$data"/corpus-1g/part-*.txt > "$data/corpus-1g.txt.tmp" && mv "$data/corpus-1g.txt.tmp" "$data/corpus-1g.txt"
    fi
fi
# many small inputs: files of ~4 KB of whole lines (BENCH_SMALL: the counts to make, e.g. "1k 10k")
for n in ${BENCH_SMALL:-}; do
    [ -d "$data/small-$n" ] || gen small "$data/corpus-100m.txt" $((${n%k} * 1000)) 4096 "$data/small-$n"
done
[ -f "$data/records-100m.txt" ] || gen records $((100 * MB)) "$data/records-100m.txt"
if [ "${BENCH_SKIP_RECORDS_1G:-0}" != 1 ]; then
    [ -f "$data/records-1g.txt" ] || gen records $((1024 * MB)) "$data/records-1g.txt"
fi
