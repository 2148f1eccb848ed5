#!/usr/bin/env bash
# Builds golangci-lint v2 with the sigtermcheck plugin compiled in, using
# nothing but the Go module proxy (golangci-lint custom git-clones
# golangci-lint instead; see README.md).
#
# usage: golangci/build.sh [output]
#   output defaults to bin/golangci-lint-sigtermcheck in the repository root.
#
# The build module (golangci/build) uses this checkout of sigtermcheck
# through a replace directive. -mod=mod lets go add go.sum entries that a
# new requirement of sigtermcheck's own go.mod calls for; commit them.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here/../bin/golangci-lint-sigtermcheck}
mkdir -p "$(dirname "$out")"
# Make the output path absolute before changing directory.
out=$(cd "$(dirname "$out")" && pwd)/$(basename "$out")

cd "$here/build"
go build -mod=mod -trimpath -ldflags='-s -w' -o "$out" .
echo "built $out"
