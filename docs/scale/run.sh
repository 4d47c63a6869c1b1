#!/usr/bin/env bash
# Reproduces the measurements of docs/scale.md: ~100M simulated transactions written as many Parquet files, the
# per-customer summary and the compressed tables built from them with DuckDB running the library's SQL, and a local fit
# from the compressed tables. Every step's wall-clock time and peak memory (GNU time) go to <work>/times.txt.
#   docs/scale/run.sh [work folder, default /tmp/clv-scale]
# Environment: CHUNKS (default 50) simulated logs of CUSTOMERS (default 700000) customers each; CLV_DUCKDB_MEMORY
# (default 8GB) caps DuckDB's memory; BASELINE=0 skips summarising the same log with `clv summarize` as one CSV.
# Needs ~10 GB of free disk at the defaults; delete the work folder afterwards.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${1:-/tmp/clv-scale}"
chunks="${CHUNKS:-50}"
customers="${CUSTOMERS:-700000}"
export CLV_DUCKDB_MEMORY="${CLV_DUCKDB_MEMORY:-8GB}"
mkdir -p "$work/csv"
: > "$work/times.txt"
measure() { local name=$1; shift; /usr/bin/time -f "$name: wall %e s, peak RSS %M KB" -a -o "$work/times.txt" "$@"; }
size() { du -sh --apparent-size "$@" | tee -a "$work/times.txt"; }

dotnet build "$root/src/Clv.Cli" -c Release -v q -nologo
dotnet build "$root/docs/scale/scale.cs" -c Release -v q -nologo -o "$work/app"
clv="$root/src/Clv.Cli/bin/Release/net10.0/clv"
app="$work/app/scale"

# 1. The transaction log: CHUNKS simulated BG/NBD logs (CDNOW's parameters, in weeks) with Gamma-Gamma amounts, two years,
#    first purchases spread over the first year; then one Parquet file per chunk (ids made distinct across chunks).
simulate() {
  for k in $(seq 1 "$chunks"); do
    "$clv" simulate --model bg-nbd --customers "$customers" --seed "$k" --days 730 --acquisition-days 365 \
      --spend-parameters p=6.25,q=3.74,gamma=15.44 --output "$work/csv/chunk-$(printf %03d "$k").csv" > /dev/null
  done
}
export -f simulate; export clv chunks customers work
measure simulate bash -c simulate
size "$work/csv"
measure to-parquet "$app" to-parquet "$work/csv" "$work/parquet" | tee -a "$work/times.txt"
size "$work/parquet"

# 2. Summary and compressed tables, in SQL (DuckDB, all cores).
measure summarize "$app" summarize "$work/parquet/*.parquet" 2026-12-31 7 "$work/out" | tee -a "$work/times.txt"
size "$work/out/summary.parquet" "$work/out/compressed.csv" "$work/out/spend.csv"

# 3. Fit locally from the compressed tables.
measure fit "$app" fit "$work/out/compressed.csv" "$work/out/spend.csv" | tee -a "$work/times.txt"

# Cross-check on one chunk: the library's own summary of the CSV = the SQL's compressed table of its Parquet file.
"$clv" summarize --input "$work/csv/chunk-001.csv" --customer-column customer_id --date-column date --time-unit weeks \
  --calibration-end 2026-12-31 --output "$work/chunk-001-summary.csv" | tee -a "$work/times.txt"
"$app" summarize "$work/parquet/part-000.parquet" 2026-12-31 7 "$work/out-000" > /dev/null
"$app" check "$work/chunk-001-summary.csv" "$work/out-000/compressed.csv" | tee -a "$work/times.txt"

# Baseline: the same log as one CSV through `clv summarize` (one streaming pass, one core).
if [ "${BASELINE:-1}" != 0 ]; then
  rm -rf "$work/csv"
  "$work/app/scale" to-csv "$work/parquet/*.parquet" "$work/all.csv" | tee -a "$work/times.txt"
  size "$work/all.csv"
  measure clv-summarize "$clv" summarize --input "$work/all.csv" --customer-column customer_id --date-column purchase_date \
    --amount-column amount --time-unit weeks --calibration-end 2026-12-31 --output "$work/all-summary.csv" | tee -a "$work/times.txt"
fi
cat "$work/times.txt"
