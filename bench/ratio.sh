#!/usr/bin/env bash
# Prints how much sigtermcheck (its exits stage included) costs on top of
# inspect, the pass every analyzer shares, on real standard-library code. A ratio, not a time:
# it holds on a slow or busy machine. Usage: bash bench/ratio.sh [count]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5}
out=$(go test -run '^$' -bench 'Sigtermcheck|Required' -count "$count" ./analyzer)
echo "$out" | grep -E '^Benchmark'
echo "$out" | awk '
	/^BenchmarkSigtermcheck/ { s += $3; ns++ }
	/^BenchmarkRequired/     { r += $3; nr++ }
	END {
		if (ns == 0 || nr == 0) { print "no benchmark results"; exit 1 }
		printf "sigtermcheck with its requirements: %.1f ms; requirements alone: %.1f ms; ratio %.2fx\n",
			s/ns/1e6, r/nr/1e6, (s/ns)/(r/nr)
	}'
