#!/bin/sh
# Builds the libFuzzer harness (Fuzz/) and fuzzes the loader with the manifest corpus as seeds.
# Usage: scripts/fuzz-loader.sh [SECONDS] [extra libFuzzer flags…]   (see docs/fuzzing.md)
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-900}; [ $# -gt 0 ] && shift
work=${FUZZ_WORK:-"$root/Fuzz/.work"}
mkdir -p "$work/corpus" "$work/seeds" "$work/artifacts"
# Seeds: the project's fixtures and ../shared/corpus when present (copied once; file names = content hashes).
if [ -z "$(ls -A "$work/seeds")" ]; then
    for dir in "$root/Fixtures" "$root/../shared/corpus"; do
        [ -d "$dir" ] || continue
        find "$dir" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.jsonl' \) -size -64k |
            while read -r f; do cp "$f" "$work/seeds/$(sha1sum "$f" | cut -c1-16)"; done
    done
fi
cd "$root/Fuzz"
swift build -Xswiftc -sanitize=fuzzer
exec .build/debug/loader-fuzzer "$work/corpus" "$work/seeds" \
    -max_total_time="$seconds" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$work/artifacts/" -print_final_stats=1 "$@"
