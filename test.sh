#!/usr/bin/env bash
# ./test.sh [FILTER...]: bootstrap, build the solution, run every test project and a dry benchmark pass.
# Ends with exactly one summary line "N passed, N failed, N skipped" (CI reads it) and exits 0 only when nothing
# failed. FILTER words become one `dotnet test --filter` expression (e.g. ./test.sh FullyQualifiedName~Wav);
# with a filter the benchmark pass is left out, since the filter names tests.
# Results: artifacts/test-results/*.trx, plus build.log and benchmarks.log there.
#
# Counting: a test project's TRX results, one per test case (theory rows count separately); a failed bootstrap or
# build counts as 1 failed and stops the run; a test project that exits non-zero without a failed result in its
# TRX (host crash, bad filter) counts as 1 failed; the dry benchmark pass counts as 1 passed or 1 failed.
# Parsing uses awk and grep only: base Debian has them, it need not have python3.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$repo"
results="$repo/artifacts/test-results"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

passed=0
failed=0
skipped=0
notes=() # "SKIP name: reason" / "FAIL name: reason" lines for the closing report

filter_args=()
if [ "$#" -gt 0 ]; then
  filter_args=(--filter "$*")
fi

finish() {
  local note
  if [ "${#notes[@]}" -gt 0 ]; then
    printf '\n'
    for note in "${notes[@]}"; do printf '%s\n' "$note"; done
  fi
  printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
  if [ "$failed" -eq 0 ]; then exit 0; else exit 1; fi
}

fail_step() { # fail_step WHAT REASON
  failed=$((failed + 1))
  notes+=("FAIL $1: $2")
  printf 'test.sh: %s failed: %s\n' "$1" "$2" >&2
}

rm -rf "$results"
mkdir -p "$results"

# 1. Machine state: packages, pinned artifacts, whisper.cpp. Tests depend on all of it.
if ! scripts/bootstrap.sh; then
  fail_step bootstrap "see the bootstrap line above for the fix"
  finish
fi

# 2. Build once; test projects then run with --no-build. Warnings are errors, so the log's error lines say why.
printf 'test.sh: building Captions.sln (Release)\n'
if ! dotnet build Captions.sln -c Release -nologo -v quiet > "$results/build.log" 2>&1; then
  # MSBuild prints each error twice (inline and in the summary): keep one copy, at most 40 lines.
  grep -E ': error [A-Z]+[0-9]+' "$results/build.log" | sort -u | head -n 40 >&2 || tail -n 40 "$results/build.log" >&2
  fail_step build "dotnet build Captions.sln -c Release (log: $results/build.log)"
  finish
fi

# trx_summary FILE: prints "passed failed skipped", then one "SKIP name: reason" / "FAIL name: message" line per
# test. The Counters element is not used: it leaves skipped tests out of every field but "total".
trx_summary() {
  awk '
    function unescape(s) {
      gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s); gsub(/&apos;/, "'\''", s)
      gsub(/&amp;/, "\\&", s); return s
    }
    function attr(line, name,    m) {
      if (match(line, " " name "=\"[^\"]*\"")) { m = substr(line, RSTART + length(name) + 3, RLENGTH - length(name) - 4); return unescape(m) }
      return ""
    }
    /<UnitTestResult / {
      name = attr($0, "testName"); outcome = attr($0, "outcome"); reason = ""; open = ($0 !~ /\/>[[:space:]]*$/)
      if (outcome == "Passed") p++
      else if (outcome == "NotExecuted") s++
      else f++
      if (!open) report()
      next
    }
    open && /<Message>/ && reason == "" {
      reason = $0; sub(/.*<Message>/, "", reason); sub(/<\/Message>.*/, "", reason); reason = unescape(reason)
    }
    open && /<\/UnitTestResult>/ { open = 0; report() }
    function report() {
      if (outcome == "NotExecuted") lines[++n] = "SKIP " name ": " reason
      else if (outcome != "Passed") lines[++n] = "FAIL " name ": " reason
    }
    END { printf "%d %d %d\n", p, f, s; for (i = 1; i <= n; i++) print lines[i] }
  ' "$1"
}

# 3. Every test project. A project with no tests yet writes a TRX with no results: 0 of everything, not a failure.
mapfile -t projects < <(find tests -name '*.Tests.csproj' -not -path '*/bin/*' -not -path '*/obj/*' | sort)
for project in "${projects[@]}"; do
  name="$(basename "$project" .csproj)"
  trx="$results/$name.trx"
  printf 'test.sh: %s\n' "$name"
  status=0
  dotnet test "$project" -c Release --no-build -nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$results" "${filter_args[@]}" || status=$?

  if [ ! -f "$trx" ]; then
    fail_step "$name" "dotnet test exited $status and wrote no TRX"
    continue
  fi
  mapfile -t summary < <(trx_summary "$trx")
  read -r p f s <<< "${summary[0]}"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
  notes+=("${summary[@]:1}")
  if [ "$status" -ne 0 ] && [ "$f" -eq 0 ]; then
    fail_step "$name" "dotnet test exited $status with no failed test in its TRX (test host crash? output above)"
  fi
done

# 4. Benchmarks, dry: every [Benchmark] runs once, in-process (9 s instead of ~70 s building a separate project per
# run). It proves the benchmarks run, not how fast. BenchmarkDotNet 0.14 exits 0 even when a benchmark throws, so
# its "Benchmarks with issues" and "// ERROR" markers count as failure too.
if [ "${#filter_args[@]}" -eq 0 ]; then
  printf 'test.sh: benchmarks (dry)\n'
  bench_log="$results/benchmarks.log"
  status=0
  dotnet run -c Release --no-build --project perf/Captions.Benchmarks -- \
    --filter '*' --job Dry --inProcess --artifacts "$results/benchmarks" > "$bench_log" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    tail -n 20 "$bench_log" >&2
    fail_step benchmarks "dry run exited $status (log: $bench_log)"
  elif grep -qE '^Benchmarks with issues:|^// ERROR' "$bench_log"; then
    grep -A5 -E '^Benchmarks with issues:|^// ERROR' "$bench_log" >&2
    fail_step benchmarks "a benchmark failed in the dry run (log: $bench_log)"
  elif grep -q '^No benchmarks to choose from' "$bench_log"; then
    skipped=$((skipped + 1))
    notes+=("SKIP benchmarks: perf/Captions.Benchmarks has no [Benchmark] methods yet")
  else
    passed=$((passed + 1))
    printf 'test.sh: benchmarks: %s\n' "$(grep -E '^Global total time' "$bench_log" | tail -n 1)"
  fi
fi

finish
