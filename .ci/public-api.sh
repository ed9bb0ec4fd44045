#!/usr/bin/env bash
# Regenerates every package's PublicAPI.Unshipped.txt from the code (Microsoft.CodeAnalysis.PublicApiAnalyzers'
# code fixes for RS0016 "add to the declared API" and RS0017 "remove from the declared API"), so the build — which
# fails on an undeclared public API change — passes again. Review the diff: every line is a public contract.
#   .ci/public-api.sh                     all packages
#   .ci/public-api.sh src/OrBench.Testing one package
set -euo pipefail
cd "$(dirname "$0")/.."
projects=("$@")
if [ ${#projects[@]} -eq 0 ]; then
  # Every project that carries the files (the packable libraries; the orbench tool has no public API to lock).
  mapfile -t projects < <(ls -d src/*/PublicAPI.Unshipped.txt | xargs -n1 dirname)
fi
for project in "${projects[@]}"; do
  echo "public API: $project"
  dotnet format analyzers "$project" --diagnostics RS0016 RS0017 --severity warn -v q
  # Sorted, one header line: the order the analyzer keeps, so a regenerated file diffs only by what changed.
  file="$project/PublicAPI.Unshipped.txt"
  { echo '#nullable enable'; grep -v '^#nullable enable$' "$file" | grep -v '^$' | LC_ALL=C sort -u; } > "$file.tmp"
  mv "$file.tmp" "$file"
done
