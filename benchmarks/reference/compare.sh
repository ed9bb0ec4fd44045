#!/usr/bin/env bash
# Times the Python re-implementation of the reference OR-Bench keyword checks and the C# KeywordClassifier
# presets on the same synthetic corpus (80,000 responses of ~1 KB), one thread each, and prints the ratio.
# Usage: bash benchmarks/reference/compare.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build -c Release tools/OrBench.ClassifierLab -v quiet -nologo >/dev/null
lab="dotnet tools/OrBench.ClassifierLab/bin/Release/net10.0/OrBench.ClassifierLab.dll"
$lab corpus --output "$work/corpus.jsonl" >/dev/null
python3 benchmarks/reference/orbench_keyword_check.py "$work/corpus.jsonl" > "$work/python.tsv"
$lab speed > "$work/csharp.tsv"
echo "check	python MB/s	C# MB/s	ratio	(refusals python / C#)"
while IFS=$'\t' read -r name refusals seconds mbps; do
  [[ "$name" == corpus:* ]] && continue
  line=$(grep -P "^${name}\t" "$work/csharp.tsv" || true)
  [[ -z "$line" ]] && continue
  cs_refusals=$(cut -f2 <<<"$line"); cs_mbps=$(cut -f4 <<<"$line")
  ratio=$(python3 -c "print(f'{$cs_mbps / $mbps:.1f}x')")
  echo "$name	$mbps	$cs_mbps	$ratio	($refusals / $cs_refusals)"
done < "$work/python.tsv"
grep -P "^(default|offline)\t" "$work/csharp.tsv" | awk -F'\t' '{print $1 " (C# only)\t-\t" $4}'
