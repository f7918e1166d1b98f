#!/usr/bin/env bash
# Whole-command scaling of `kube-reach reach` on generated worlds, with the Python reference
# evaluator (Benchmarks/reference/reach_ref.py) on the same inputs; prints a Markdown table.
#
# Usage: Benchmarks/scripts/reach-scaling.sh KUBE_REACH [KUBE_REACH_GEN]
#   KUBE_REACH       the kube-reach binary to time (e.g. .build/release/kube-reach)
#   KUBE_REACH_GEN   the generator (default: Benchmarks/.build/release/kube-reach-gen)
# Environment (defaults in brackets):
#   OUT [/tmp/kube-reach-scaling]   where the worlds are written (re-used when present)
#   DENSE_SIZES [1000 3000 10000 30000 100000]   pods of the dense worlds
#   FORMATS [json text csv md]       reach output formats to time
#   REF_MAX_PODS [10000]             run the reference only on worlds up to this many pods
#   TIMEOUT [900]                    seconds per command (a row then says "timeout")
#   DENSE_PROBES [TCP/8080,UDP/53]   probes for the dense worlds
#   RANDOM_PROBES [TCP/80,UDP/53]    probes for the random world (the issue's)
#   OBJECTS_PROBES []                probes for the --objects 30000 world (empty: every declared port)
#   INCLUDE [dense random objects]   which worlds to run
#
# Worlds (all deterministic):
#   dense-N      kube-reach-gen --mode dense --pods N --namespaces N/500 --network-policies N/10
#                --workloads N/20 --seed 1 (permissive policies: millions of allowed pairs)
#   random-2k    kube-reach-gen --mode random --pods 2000 --network-policies 500 --namespaces 10
#                --workloads 0 --seed 1 (the issue's random 2,000-pod / 500-policy cluster)
#   objects-30k  kube-reach-gen --objects 30000 --seed 3 (10,500 pods, 1,800 policies)
#
# Each command runs under /usr/bin/time -v (wall, user+sys CPU, peak RSS); output goes through a
# pipe into wc -c and sha256sum (nothing is written to disk). For json, the row also says whether
# the tool's output is byte-identical to the reference's.
set -euo pipefail

KR=${1:?usage: reach-scaling.sh KUBE_REACH [KUBE_REACH_GEN]}
HERE=$(cd "$(dirname "$0")/.." && pwd)
GEN=${2:-$HERE/.build/release/kube-reach-gen}
REF=$HERE/reference/reach_ref.py
OUT=${OUT:-/tmp/kube-reach-scaling}
DENSE_SIZES=${DENSE_SIZES:-"1000 3000 10000 30000 100000"}
FORMATS=${FORMATS:-"json text csv md"}
REF_MAX_PODS=${REF_MAX_PODS:-10000}
TIMEOUT=${TIMEOUT:-900}
DENSE_PROBES=${DENSE_PROBES:-TCP/8080,UDP/53}
RANDOM_PROBES=${RANDOM_PROBES:-TCP/80,UDP/53}
OBJECTS_PROBES=${OBJECTS_PROBES:-}
INCLUDE=${INCLUDE:-"dense random objects"}
mkdir -p "$OUT"

generate() { # name, generator arguments...
    local name=$1; shift
    [ -s "$OUT/$name.yaml" ] || "$GEN" "$@" -o "$OUT/$name.yaml"
}

# world name, pods, probes
WORLDS=()
if [[ " $INCLUDE " == *" dense "* ]]; then
    for n in $DENSE_SIZES; do
        ns=$(( n / 500 > 2 ? n / 500 : 2 ))
        generate "dense-$n" --mode dense --pods "$n" --namespaces "$ns" --network-policies $(( n / 10 )) --workloads $(( n / 20 )) --seed 1
        WORLDS+=("dense-$n $n $DENSE_PROBES")
    done
fi
if [[ " $INCLUDE " == *" random "* ]]; then
    generate random-2k --mode random --pods 2000 --network-policies 500 --namespaces 10 --workloads 0 --seed 1
    WORLDS+=("random-2k 2000 $RANDOM_PROBES")
fi
if [[ " $INCLUDE " == *" objects "* ]]; then
    generate objects-30k --objects 30000 --seed 3
    WORLDS+=("objects-30k 10500 ${OBJECTS_PROBES:--}")
fi

# run command...: prints "wall cpu rssMB outMB sha", or "timeout" / "failed(exit N)"
run() {
    local tf; tf=$(mktemp)
    local res status=0
    res=$( { timeout "$TIMEOUT" /usr/bin/time -v -o "$tf" "$@" | tee >(sha256sum | cut -c1-12 > "$tf.sha") | wc -c; } 2>/dev/null ) || status=$?
    if [ "$status" -eq 0 ]; then
        sleep 0.2
        awk -v bytes="$res" -v sha="$(cat "$tf.sha")" '
            /Elapsed \(wall clock\)/ { n = split($NF, t, ":"); wall = (n == 3) ? t[1] * 3600 + t[2] * 60 + t[3] : t[1] * 60 + t[2] }
            /User time/ { cpu += $NF } /System time/ { cpu += $NF }
            /Maximum resident set size/ { rss = $NF / 1024 }
            END { printf "%.2f %.2f %.0f %.1f %s\n", wall, cpu, rss, bytes / 1e6, sha }' "$tf"
    elif [ "$status" -eq 124 ]; then
        echo "timeout"
    else
        echo "failed(exit-$status)"
    fi
    rm -f "$tf" "$tf.sha"
}

echo "kube-reach reach scaling — $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "binary: $KR"
echo
echo "| world | pods | command | wall s | CPU s | peak RSS MB | output MB | JSON = reference |"
echo "|---|---|---|---|---|---|---|---|"
for w in "${WORLDS[@]}"; do
    read -r name pods probes <<< "$w"
    file="$OUT/$name.yaml"
    probeArgs=(); [ "$probes" != "-" ] && probeArgs=(--probes "$probes")
    refSha=""
    if [ "$pods" -le "$REF_MAX_PODS" ]; then
        r=$(run python3 "$REF" "${probeArgs[@]}" -f "$file")
        if [ "${r%% *}" = "$r" ]; then
            echo "| $name | $pods | reach_ref.py (Python) | $r | | | | |"
        else
            read -r wall cpu rss mb sha <<< "$r"
            refSha=$sha
            echo "| $name | $pods | reach_ref.py (Python) | $wall | $cpu | $rss | $mb | |"
        fi
    fi
    for f in $FORMATS; do
        r=$(run "$KR" reach -o "$f" "${probeArgs[@]}" -f "$file")
        if [ "${r%% *}" = "$r" ]; then
            echo "| $name | $pods | reach -o $f | $r (limit ${TIMEOUT} s) | | | | |"
            continue
        fi
        read -r wall cpu rss mb sha <<< "$r"
        same=""
        if [ "$f" = json ] && [ -n "$refSha" ]; then
            if [ "$sha" = "$refSha" ]; then same="yes"; else same="**NO** (sha $sha vs $refSha)"; fi
        fi
        echo "| $name | $pods | reach -o $f | $wall | $cpu | $rss | $mb | $same |"
    done
done
echo
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
