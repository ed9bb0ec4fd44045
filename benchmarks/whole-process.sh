#!/usr/bin/env bash
# Whole-process benchmarks of issue 19, side by side in one run, printing the ratios:
#   1. `orbench classify` (keyword and default) vs the Python reference check reading and writing the same CSV
#      (benchmarks/reference/orbench_keyword_check.py --csv), 80,000 rows of ~1 KB, with hyperfine;
#   2. peak RSS of `orbench classify` at 80,000 and 800,000 rows, with /usr/bin/time -v;
#   3. `orbench run` without and with --cache (an empty cache each time) vs a bare keep-alive HTTP client
#      (benchmarks/BareClient), 1,319 prompts, concurrency 16, loopback stub answering after 50 ms.
# Usage: bash benchmarks/whole-process.sh [RUNS]      (RUNS per hyperfine command, default 5)
# Needs: dotnet, python3, hyperfine (apt-get install -y hyperfine), /usr/bin/time (apt-get install -y time).
# Nothing is left behind: the inputs live in a temp directory; the stub is started in the background, bounded by
# `timeout`, and killed by its pid on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
stub_pid=""
cleanup() {
  if [[ -n "$stub_pid" ]] && kill -0 "$stub_pid" 2>/dev/null; then kill "$stub_pid"; wait "$stub_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "# $(date -u '+%Y-%m-%d %H:%M UTC') on $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
echo "# load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for project in src/OrBench.Tool tests/OrBench.Probe benchmarks/BareClient; do
  dotnet build -c Release "$project" -v quiet -nologo >/dev/null
done
orbench="dotnet src/OrBench.Tool/bin/Release/net10.0/orbench.dll"
probe="dotnet tests/OrBench.Probe/bin/Release/net10.0/OrBench.Probe.dll"
bare="dotnet benchmarks/BareClient/bin/Release/net10.0/BareClient.dll"
python3 benchmarks/whole-process/make_inputs.py responses 80000 "$work/r80k.csv"
# 800,000 rows: the 80,000 data rows ten times over (memory is what is measured there, not the verdicts).
{ cat "$work/r80k.csv"; for _ in $(seq 1 9); do tail -n +2 "$work/r80k.csv"; done; } > "$work/r800k.csv"
python3 benchmarks/whole-process/make_inputs.py prompts 1319 "$work/prompts.csv"
echo "# inputs: r80k.csv $(du -m "$work/r80k.csv" | cut -f1) MB, r800k.csv $(du -m "$work/r800k.csv" | cut -f1) MB, prompts.csv 1,319 prompts"

mean() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join(f\"{x['mean']:.3f}\" for x in r))" "$1"; }
cpu() { python3 -c "import json,sys; r=json.load(open(sys.argv[1]))['results']; print(' '.join(f\"{x['user'] + x['system']:.3f}\" for x in r))" "$1"; }

echo; echo "## classify, 80,000 rows (hyperfine, $runs runs, 1 warm-up)"
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/classify.json" \
  -n python-reference "python3 benchmarks/reference/orbench_keyword_check.py --csv $work/r80k.csv $work/py.csv" \
  -n orbench-keyword "$orbench classify --input $work/r80k.csv --output $work/kw.csv --classifier keyword" \
  -n orbench-default "$orbench classify --input $work/r80k.csv --output $work/default.csv"
read -r py kw def <<<"$(mean "$work/classify.json")"
read -r py_cpu kw_cpu def_cpu <<<"$(cpu "$work/classify.json")"

echo; echo "## classify peak RSS (/usr/bin/time -v)"
rss() { /usr/bin/time -v "$@" 2>&1 >/dev/null | awk -F': ' '/Maximum resident set size/ {printf "%.0f", $2/1024}'; }
declare -A peak
for rows in 80k 800k; do
  peak[python-$rows]=$(rss python3 benchmarks/reference/orbench_keyword_check.py --csv "$work/r$rows.csv" "$work/py.csv")
  peak[keyword-$rows]=$(rss $orbench classify --input "$work/r$rows.csv" --output "$work/kw.csv" --classifier keyword)
  peak[default-$rows]=$(rss $orbench classify --input "$work/r$rows.csv" --output "$work/default.csv")
  echo "$rows rows: python ${peak[python-$rows]} MB, keyword ${peak[keyword-$rows]} MB, default ${peak[default-$rows]} MB"
done

echo; echo "## run, 1,319 prompts, concurrency 16, stub latency 50 ms (hyperfine, $runs runs, 1 warm-up)"
timeout 900 $probe stub 880 50 > "$work/stub.out" 2>"$work/stub.err" &
stub_pid=$!
for _ in $(seq 1 100); do [[ -s "$work/stub.out" ]] && break; sleep 0.1; done
endpoint=$(head -1 "$work/stub.out")
[[ -n "$endpoint" ]] || { echo "stub did not start: $(cat "$work/stub.err")"; exit 1; }
run="$orbench run --endpoint $endpoint --model stub-model --prompts $work/prompts.csv --classifier keyword --concurrency 16"
hyperfine --style basic --warmup 1 --runs "$runs" --export-json "$work/run.json" \
  -n bare-client "$bare $endpoint stub-model $work/prompts.csv 16" \
  -n orbench-run "$run --out $work/out-plain" \
  -n orbench-run-cache --prepare "rm -rf $work/cache" "$run --cache $work/cache --out $work/out-cache"
read -r floor plain cached <<<"$(mean "$work/run.json")"

echo; echo "## ratios"
python3 - "$py" "$kw" "$def" "$floor" "$plain" "$cached" "$py_cpu" "$kw_cpu" "$def_cpu" <<'PY'
import sys
py, kw, d, floor, plain, cached, py_cpu, kw_cpu, d_cpu = map(float, sys.argv[1:])
def verdict(ok): return "met" if ok else "MISSED"
print(f"classify keyword: {kw:.3f} s vs python {py:.3f} s = {py / kw:.2f}x python (goal >= 5x: {verdict(py / kw >= 5)})")
print(f"classify default: {d:.3f} s vs python {py:.3f} s = {py / d:.2f}x python (goal >= 2x: {verdict(py / d >= 2)})")
print(f"classify CPU time (user+sys, all cores): python {py_cpu:.3f} s, keyword {kw_cpu:.3f} s ({py_cpu / kw_cpu:.2f}x), default {d_cpu:.3f} s ({py_cpu / d_cpu:.2f}x)")
print(f"run without cache: {plain:.3f} s = {plain / floor:.3f}x the bare client ({floor:.3f} s)")
print(f"run with --cache:  {cached:.3f} s = {cached / floor:.3f}x the bare client (goal <= 1.05x: {verdict(cached / floor <= 1.05)})")
PY
for rows in 80k 800k; do
  for kind in keyword default; do
    v=${peak[$kind-$rows]}; [[ $v -lt 150 ]] && s=met || s=MISSED
    echo "classify $kind peak RSS at $rows rows: $v MB (goal < 150 MB: $s)"
  done
done
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
