#!/usr/bin/env bash
# CPU time per request (docs/operations.md, "Benchmark"): on a shared machine req/s says more about the neighbours
# than about the page, so this reads the server process's own CPU time (utime + stime in /proc/PID/stat) before and
# after wrk sends requests for a few seconds, and divides by the requests answered. Same settings as run.sh
# (Release, Production, loopback); the reference page is measured the same way, for the ratio.
#
#   tools/bench/cpu.sh                                   # publishes, makes the small set once, measures
#   BENCH_SKIP_BUILD=1 tools/bench/cpu.sh                # reuse artifacts/bench/{portal,reference}
#   BENCH_PORTAL=artifacts/bench/portal-before tools/bench/cpu.sh   # another build of the portal
#   BENCH_DATA=national tools/bench/cpu.sh               # the national set (500 establishments) for the dashboards
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/../.."
root=$(pwd)
out="$root/artifacts/bench"
portal_dir=${BENCH_PORTAL:-$out/portal}
duration=${BENCH_DURATION:-5s}
connections=${BENCH_CONNECTIONS:-8}
port=${BENCH_PORT:-5090}
ref_port=${BENCH_REFERENCE_PORT:-5091}
data=${BENCH_DATA:-small}
email=bench@bench.local
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$out/data" "$out/logs" "$out/cpu-pages"
# shellcheck source=tools/bench/needs.sh
. "$root/tools/bench/needs.sh"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  dotnet publish src/RegionalTraining.Web -c Release -o "$out/portal" -nologo -v q -clp:ErrorsOnly
  dotnet publish tools/bench/Reference -c Release -o "$out/reference" -nologo -v q -clp:ErrorsOnly
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

portal_env=(
  ASPNETCORE_ENVIRONMENT=Production
  DataProtection__AllowUnencryptedKeys=true
  Security__SecureCookies=false
  RateLimiting__SignInPerAddress__PermitLimit=1000000
  RateLimiting__PublicArchivePerAddress__PermitLimit=100000000
  RateLimiting__ExportsPerAddress__PermitLimit=100000000
  Serilog__WriteTo__1__Args__path="$out/logs/cpu-portal-.json"
  Benchmark__SignedInFloor=true
)

# Generated once and reused (the same seed gives the same data); the administrator's password is kept beside it.
database="$out/data/cpu-$data.db"
if [ ! -f "$database" ]; then
  establishments=$([ "$data" = national ] && echo 500 || echo 50)
  (cd "$portal_dir" && env "${portal_env[@]}" dotnet RegionalTraining.Web.dll generate-synthetic --database "$database" --establishments "$establishments" >"$out/logs/cpu-generate.log" 2>&1)
  (cd "$portal_dir" && env "${portal_env[@]}" Database__ConnectionString="Data Source=$database" dotnet RegionalTraining.Web.dll create-admin --email "$email" 2>&1) \
    | sed -n 's/.*Temporary password[^:]*: //p' >"$database.password"
fi
password=$(cat "$database.password")

wait_for() { for _ in $(seq 1 240); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1"; exit 1; }
ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)

rm -f "$out/cpu-pages/"*.html
(cd "$out/reference" && exec env ASPNETCORE_URLS="http://127.0.0.1:$ref_port" Database="$out/data/cpu-reference.db" Pages="$out/cpu-pages" dotnet Reference.dll >"$out/logs/cpu-reference.log" 2>&1) &
ref_pid=$!; pids+=("$ref_pid")
(cd "$portal_dir" && exec env "${portal_env[@]}" Database__ConnectionString="Data Source=$database" ASPNETCORE_URLS="http://127.0.0.1:$port" \
   dotnet RegionalTraining.Web.dll >"$out/logs/cpu-portal-console.log" 2>&1) &
portal_pid=$!; pids+=("$portal_pid")
wait_for "http://127.0.0.1:$ref_port/fortunes"
wait_for "http://127.0.0.1:$port/health"

jar="$out/cpu-cookies.txt"; rm -f "$jar"
token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
# Two-factor sign-in stays required for administrators, as in Production: signed in with the password alone, then
# marked enrolled behind the portal's back, so the pages pay for the enrolment check (run.sh, enrol_second_factor).
sqlite3 "$database" "update AspNetUsers set TwoFactorEnabled = 0 where NormalizedEmail = upper('$email')"
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Email=$email" --data-urlencode "Password=$password" --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/Account/Login"
sqlite3 "$database" "update AspNetUsers set TwoFactorEnabled = 1 where NormalizedEmail = upper('$email')"
cookie=$(awk -F'\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")

# Prints the CPU milliseconds per request of process $1 for $2 (a warm-up first); $3 "auth" sends the cookie.
cpu_per_request() {
  local headers=() status before after requests
  [ "${3:-}" = auth ] && headers+=(-H "Cookie: $cookie")
  status=$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$2")
  [ "$status" = 200 ] || { echo "$2 answered $status" >&2; echo "-"; return 0; }
  wrk -t2 -c"$connections" -d3s "${headers[@]}" "$2" >/dev/null
  before=$(ticks "$1")
  requests=$(wrk -t2 -c"$connections" -d"$duration" "${headers[@]}" "$2" | sed -n 's/^ *\([0-9]*\) requests in.*/\1/p')
  after=$(ticks "$1")
  awk -v t=$((after - before)) -v hz="$hz" -v n="$requests" 'BEGIN { printf "%.3f\n", t * 1000 / hz / n }'
}

base="http://127.0.0.1:$port"
directorate=$(sqlite3 "$database" "select Id from Directorates where Code = 'SYN-DR-01'")
slug=$(curl -s "$base/archive" | grep -o 'href="/archive/[^"/?]*"' | grep -v -e feed.atom -e calendar.ics | head -1 | sed 's/href="\/archive\///; s/"$//')
# The dashboards saved for the reference to serve from memory (run.sh, "same bytes").
curl -s -H "Cookie: $cookie" -o "$out/cpu-pages/directorate.html" "$base/Dashboards?directorate=$directorate"
curl -s -H "Cookie: $cookie" -o "$out/cpu-pages/office.html" "$base/Dashboards"
reference=$(cpu_per_request "$ref_pid" "http://127.0.0.1:$ref_port/fortunes"); reference=$(cpu_per_request "$ref_pid" "http://127.0.0.1:$ref_port/fortunes")
printf '%-34s %12s %8s\n' "page ($data set, load $(cut -d' ' -f1-3 /proc/loadavg))" "CPU ms/req" "ratio"
printf '%-34s %12s %8s\n' "reference (Fortunes)" "$reference" "1.00"
row() { local ms; ms=$(cpu_per_request "$portal_pid" "$2" "${3:-}"); printf '%-34s %12s %8s\n' "$1" "$ms" "$(awk -v a="$ms" -v b="$reference" 'BEGIN { if (a + 0 > 0) printf "%.2f", b / a; else print "-" }')"; }
row "archive list" "$base/archive"
row "meeting page" "$base/archive/$slug"
row "archive search" "$base/archive?q=formation"
row "Atom feed" "$base/archive/feed.atom"
row "ICS calendar" "$base/archive/calendar.ics"
row "home page" "$base/"
row "signed-in floor (renders nothing)" "$base/bench/signed-in-floor" auth
row "dashboard, one directorate" "$base/Dashboards?directorate=$directorate" auth
row "dashboard, whole office" "$base/Dashboards" auth
ref_row() { local ms; ms=$(cpu_per_request "$ref_pid" "$2"); printf '%-34s %12s %8s\n' "$1" "$ms" "$(awk -v a="$ms" -v b="$reference" 'BEGIN { if (a + 0 > 0) printf "%.2f", b / a; else print "-" }')"; }
ref_row "same bytes, directorate (memory)" "http://127.0.0.1:$ref_port/same-size/directorate"
ref_row "same bytes, whole office (memory)" "http://127.0.0.1:$ref_port/same-size/office"
echo "ratio = reference CPU per request / page CPU per request (1.00 = as cheap as the reference page)."
