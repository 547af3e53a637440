#!/usr/bin/env bash
# Instruction counts per operation under callgrind (repeatable on a loaded machine):
#   Benchmarks/Sources/RatioRunner/callgrind.sh CASE [N]     (CASE: rs256 es256 eddsa saml saml-xml)
# Runs the release RatioRunner once with 1 and once with 1+N operations per side and prints the
# difference / N, so set-up (key generation, fixture loading) cancels out.
set -euo pipefail
case=$1
n=${2:-40}
here="$(cd "$(dirname "$0")/../.." && pwd)"
binary=$(mktemp)
trap 'rm -f "$binary" "$binary".out.*' EXIT
cp "$here/.build/release/RatioRunner" "$binary"
strip --strip-debug "$binary"  # valgrind 3.19 cannot read Swift's DWARF
chmod +x "$binary"
count() {
    RATIO_PROFILE=$1 valgrind --tool=callgrind --callgrind-out-file="$binary.out.$1.$2" "$binary" 1 "$2" "$case" 2>&1 \
        | sed -n 's/.*I *refs: *//p' | tr -d ,
}
for side in ours bare; do
    one=$(count "$side" 1)
    many=$(count "$side" $((n + 1)))
    echo "$case $side: $(( (many - one) / n )) instructions/op"
    if [ -n "${KEEP_CALLGRIND:-}" ]; then cp "$binary.out.$side.$((n + 1))" "/tmp/callgrind.$case.$side"; fi
done
