#!/usr/bin/env bash
# The portal's benchmark (docs/operations.md, "Benchmark"): builds the portal and a reference page in Release, runs
# the portal in Production on the synthetic national data set, signs in, and measures pages with wrk, each as a
# ratio to the reference page served in the same run, measured just before or after it (rounds, below). Then the growth
# from a 10x smaller set, and the bytes a browser moves. Not part of ./test.sh. Takes about 13 minutes on 2 cores.
#
#   tools/bench/run.sh                      # everything
#   BENCH_ROUNDS=5 tools/bench/run.sh       # more rounds per page (default 3: reference and page, alternately)
#   BENCH_DURATION=10s tools/bench/run.sh   # longer runs (default 5s each, after a 3s warm-up of the page)
#   BENCH_WARMUP=60s tools/bench/run.sh     # longer JIT warm-up of each portal start (default 30s, see warm_portal)
#   BENCH_SKIP_BUILD=1 tools/bench/run.sh   # reuse artifacts/bench/{portal,reference}
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/../.."
root=$(pwd)
out="$root/artifacts/bench"
duration=${BENCH_DURATION:-5s}
rounds=${BENCH_ROUNDS:-3}
warmup=${BENCH_WARMUP:-30s}
connections=${BENCH_CONNECTIONS:-32}
threads=${BENCH_THREADS:-2}
port=${BENCH_PORT:-5080}
ref_port=${BENCH_REFERENCE_PORT:-5081}
email=bench@bench.local
director_email=director@bench.local
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
mkdir -p "$out/data" "$out/logs" "$out/pages"

# shellcheck source=tools/bench/needs.sh
. "$root/tools/bench/needs.sh"

if [ -z "${BENCH_SKIP_BUILD:-}" ]; then
  echo "== publishing the portal and the reference page (Release)"
  dotnet publish src/RegionalTraining.Web -c Release -o "$out/portal" -nologo -v q -clp:ErrorsOnly
  dotnet publish tools/bench/Reference -c Release -o "$out/reference" -nologo -v q -clp:ErrorsOnly
fi

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# Production settings for a bench on loopback: plain HTTP (so cookies may not be Secure), Data Protection keys
# unencrypted (no certificate on a bench machine), and rate limits raised so that wrk measures the pages, not the
# limiter (one client address sends every request here). The signed-in floor (Benchmark:SignedInFloor, decision 0032)
# is a page that renders nothing: what every signed-in page pays before MVC, measured beside the dashboards. Two-factor sign-in stays required for administrators, as in
# Production, so every page pays for the enrolment check a regional director's does; the bench signs in with the
# password alone (a second step would measure nothing more) and then marks the administrator enrolled behind the
# portal's back (enrol_second_factor): the session stays open, and the pages answer instead of sending to enrolment.
portal_env=(
  ASPNETCORE_ENVIRONMENT=Production
  DataProtection__AllowUnencryptedKeys=true
  Security__SecureCookies=false
  RateLimiting__SignInPerAddress__PermitLimit=1000000
  RateLimiting__PublicArchivePerAddress__PermitLimit=100000000
  RateLimiting__ExportsPerAddress__PermitLimit=100000000
  Serilog__WriteTo__1__Args__path="$out/logs/portal-.json"
  Benchmark__SignedInFloor=true
)

# A fresh data set every run (the same seed gives the same data) and an administrator to sign in with.
prepare() { # $1 database file, $2 establishments; prints the administrator's password
  rm -f "$1" "$1-wal" "$1-shm"
  (cd "$out/portal" && env "${portal_env[@]}" dotnet RegionalTraining.Web.dll generate-synthetic --database "$1" --establishments "$2" >"$out/logs/generate-$2.log" 2>&1)
  (cd "$out/portal" && env "${portal_env[@]}" Database__ConnectionString="Data Source=$1" \
     dotnet RegionalTraining.Web.dll create-admin --email "$email" 2>&1) | sed -n 's/.*Temporary password[^:]*: //p'
}

wait_for() { for _ in $(seq 1 120); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done; echo "no answer from $1"; exit 1; }

start_portal() { # $1 database file
  (cd "$out/portal" && exec env "${portal_env[@]}" Database__ConnectionString="Data Source=$1" ASPNETCORE_URLS="http://127.0.0.1:$port" \
     dotnet RegionalTraining.Web.dll >"$out/logs/portal-console.log" 2>&1) &
  portal_pid=$!
  pids+=("$portal_pid")
  wait_for "http://127.0.0.1:$port/health"
}

stop_portal() { kill "$portal_pid" 2>/dev/null || true; wait "$portal_pid" 2>/dev/null || true; }

# A director of the establishment of a sheet still in draft, for the section save: only an establishment's director
# may edit its sheet. Made from the administrator's row (same password hash, so the same password) rather than
# through the accounts page, whose invitation goes by e-mail. Prints the sheet's id.
add_director() { # $1 database file
  local profile
  profile=$(sql "$1" "select Id from Profiles where Status in ('Draft', 'Returned') order by Id desc limit 1")
  sql "$1" "insert into AspNetUsers (Id, DisplayName, DirectorateId, IsDisabled, CreatedAtUtc, UserName, NormalizedUserName, Email,
      NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp, PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled,
      LockoutEnd, LockoutEnabled, AccessFailedCount)
    select 'bench-director', 'Bench director', null, 0, CreatedAtUtc, '$director_email', upper('$director_email'), '$director_email',
      upper('$director_email'), 1, PasswordHash, lower(hex(randomblob(16))), lower(hex(randomblob(16))), null, 0, 0, null, 1, 0
    from AspNetUsers where NormalizedEmail = upper('$email');
    insert into AspNetUserRoles (UserId, RoleId) select 'bench-director', Id from AspNetRoles where Name = 'EstablishmentDirector';
    insert into UserEstablishments (UserId, EstablishmentId) select 'bench-director', EstablishmentId from Profiles where Id = $profile;"
  echo "$profile"
}

sign_in() { # $1 password, [$2 e-mail, default the administrator's]; sets $cookie to the Cookie header of the signed-in person
  local jar="$out/cookies.txt" token status
  rm -f "$jar"
  token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/Account/Login" \
    | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
  status=$(curl -s -c "$jar" -b "$jar" -o /dev/null -w '%{http_code}' --data-urlencode "Email=${2:-$email}" \
    --data-urlencode "Password=$1" --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/Account/Login")
  [ "$status" = 302 ] || { echo "sign-in failed ($status)"; exit 1; }
  cookie=$(awk -F'\t' 'NF == 7 { sub(/^#HttpOnly_/, "", $1); printf "%s%s=%s", sep, $6, $7; sep = "; " }' "$jar")
}

sql() { sqlite3 "$1" "$2"; }

enrol_second_factor() { # $1 database file; after sign_in, see portal_env
  sql "$1" "update AspNetUsers set TwoFactorEnabled = 1 where NormalizedEmail = upper('$email')"
}

# One wrk run; prints "req/s p99(ms) errors" (errors: non-2xx/3xx answers, timeouts and socket errors).
wrk_once() { # $1 url, $2 "auth" or "anon", [$3 extra header]
  local headers=() result
  [ "$2" = auth ] && headers+=(-H "Cookie: $cookie")
  [ -n "${3:-}" ] && headers+=(-H "$3")
  result=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 60s --latency "${headers[@]}" "$1")
  awk '/Requests\/sec/ { rps = $2 }
       /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; p99 = v }
       /Non-2xx/ { bad += $NF }
       /Socket errors/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
       END { printf "%.0f %.1f %d\n", rps, p99, bad }' <<<"$result"
}

# A first request must answer 200, or the figures would be those of a redirect to the sign-in page or of a 429; then
# a warm-up of the address.
warm_up() { # $1 url, $2 "auth" or "anon", [$3 extra header], [$4 warm-up, default 3s]
  local headers=() status
  [ "$2" = auth ] && headers+=(-H "Cookie: $cookie")
  [ -n "${3:-}" ] && headers+=(-H "$3")
  status=$(curl -s -o /dev/null -w '%{http_code}' "${headers[@]}" "$1")
  [ "$status" = 200 ] || { echo "$1 answered $status, not 200" >&2; return 1; }
  wrk -t"$threads" -c"$connections" -d"${4:-3s}" --timeout 60s "${headers[@]}" "$1" >/dev/null
}

# The median of numbers given one per line (the lower middle one for an even count).
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# A page measured in $rounds rounds, each one a run of the reference page next to a run of the page, in turns (reference
# first in odd rounds, page first in even ones). A shared machine's speed drifts over a run of several minutes: a ratio
# of two runs seconds apart follows the drift, where the reference measured at the start and at the end did not (the
# same build measured 0.43-0.67x within 45 minutes, 2026-12-04). Prints "req/s p99 errors ratio ratios": the page's
# median req/s and p99, its errors summed, the median of the rounds' ratios, the rounds' ratios joined by "/", and
# the reference's median req/s in those rounds.
paired() { # $1 url, $2 "auth" or "anon", [$3 extra header]
  local r page ref ratios=() pages=() p99s=() refs=() bad=0
  warm_up "$1" "$2" "${3:-}" || { echo "0 0.0 -1 0.000 not-200 -"; return 0; }
  for r in $(seq 1 "$rounds"); do
    if [ $((r % 2)) = 1 ]; then ref=$(wrk_once "$reference" anon); page=$(wrk_once "$@"); else page=$(wrk_once "$@"); ref=$(wrk_once "$reference" anon); fi
    refs+=("${ref%% *}")
    pages+=("${page%% *}"); p99s+=("$(cut -d' ' -f2 <<<"$page")"); bad=$((bad + ${page##* } + ${ref##* }))
    ratios+=("$(awk -v a="${page%% *}" -v b="${ref%% *}" 'BEGIN { printf "%.3f", a / b }')")
  done
  echo "$(printf '%s\n' "${pages[@]}" | median) $(printf '%s\n' "${p99s[@]}" | median) $bad $(printf '%s\n' "${ratios[@]}" | median)" \
    "$(IFS=/; echo "${ratios[*]}") $(printf '%s\n' "${refs[@]}" | median)"
}

# The section save (tools/bench/section-save.lua): prints "saves/s p99(ms) errors", errors being answers other than
# 302 and 409 (a 422 counts as an error: the form posted back as shown should be valid); the counts go to
# artifacts/bench/save-counts.txt. Requests per second would count the page reads as well.
measure_save() { # $1 url of the section
  local status result seconds counts
  status=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $director_cookie" "$1")
  [ "$status" = 200 ] || { echo "$1 answered $status, not 200" >&2; echo "answered $status" >"$out/save-counts.txt"; echo "0 0.0 -1"; return 0; }
  wrk -t"$threads" -c"$connections" -d3s --timeout 60s -s "$root/tools/bench/section-save.lua" -H "Cookie: $director_cookie" "$1" >/dev/null
  result=$(wrk -t"$threads" -c"$connections" -d"$duration" --timeout 60s --latency -s "$root/tools/bench/section-save.lua" -H "Cookie: $director_cookie" "$1")
  counts=$(grep '^saves ' <<<"$result")
  seconds=$(sed -n 's/.* requests in \([0-9.]*\)\(m*s\),.*/\1 \2/p' <<<"$result" | awk '{ print ($2 == "ms") ? $1 / 1000 : $1 }')
  echo "$counts in ${seconds}s" >"$out/save-counts.txt"
  awk -v counts="$counts" -v seconds="$seconds" '
       /^ +99%/ { v = $2; if (v ~ /us$/) { sub(/us/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms/, "", v) } else if (v ~ /s$/) { sub(/s/, "", v); v *= 1000 }; p99 = v }
       /Socket errors/ { gsub(/,/, ""); bad += $4 + $6 + $8 + $10 }
       END { split(counts, c, " "); printf "%.0f %.1f %d\n", c[2] / seconds, p99, bad + c[6] + c[8] }' <<<"$result"
}

# A portal just started needs about 25-30 s under full load before its throughput settles: with both cores busy
# serving requests, the JIT's background thread that recompiles hot methods optimised (tier 1) gets little CPU. Measured
# on 2 cores (2026-12-03): one directorate's dashboard went 677, 721, 768, 1,062, 1,575, 1,781, 1,807 req/s in
# consecutive 5 s runs from a fresh start. So after each start the two dashboards are loaded for $warmup before
# anything is measured; the pages measured later share most of their code, and each still gets its own 3 s.
warm_portal() {
  local half=$(( ${warmup%s} / 2 ))
  wrk -t"$threads" -c"$connections" -d"${half}s" --timeout 60s -H "Cookie: $cookie" "$base/Dashboards?directorate=$directorate" >/dev/null
  wrk -t"$threads" -c"$connections" -d"${half}s" --timeout 60s -H "Cookie: $cookie" "$base/Dashboards" >/dev/null
}

rows=()
record() { # $1 label, $2 "req/s p99 bad"
  rows+=("$1|$2")
}

# The 1-, 5- and 15-minute load averages: on a shared machine, read the figures next to them.
load() { cut -d' ' -f1-3 /proc/loadavg; }

echo "== preparing the data sets (national: 500 establishments x 10 years; small: 50)"
national="$out/data/national.db"
small="$out/data/small.db"
national_password=$(prepare "$national" 500)
small_password=$(prepare "$small" 50)

# Pages: the portal's pages saved after signing in (below), which the reference serves from memory for the "same bytes" rows.
rm -f "$out/pages/"*.html
(cd "$out/reference" && exec env ASPNETCORE_URLS="http://127.0.0.1:$ref_port" Database="$out/data/reference.db" Pages="$out/pages" dotnet Reference.dll \
   >"$out/logs/reference.log" 2>&1) &
ref_pid=$!
pids+=("$ref_pid")
wait_for "http://127.0.0.1:$ref_port/fortunes"
reference="http://127.0.0.1:$ref_port/fortunes"

load_before=$(load)
echo "== national set (load average $load_before); $connections connections; $rounds rounds of $duration for each page and the reference, after a 3s warm-up"
section_profile=$(add_director "$national")
start_portal "$national"
sign_in "$national_password" "$director_email"
director_cookie=$cookie
sign_in "$national_password"
enrol_second_factor "$national"
base="http://127.0.0.1:$port"
directorate=$(sql "$national" "select Id from Directorates where Code = 'SYN-DR-01'")
slug=$(curl -s "$base/archive" | grep -o 'href="/archive/[^"/?]*"' | grep -v -e feed.atom -e calendar.ics | head -1 | sed 's/href="\/archive\///; s/"$//')

# The dashboards as the administrator sees them, saved for the reference to serve: what sending the same bytes costs
# a page that computes nothing (from memory, through the same MVC and Razor as the Fortunes page).
curl -s -H "Cookie: $cookie" -o "$out/pages/directorate.html" "$base/Dashboards?directorate=$directorate"
curl -s -H "Cookie: $cookie" -o "$out/pages/office.html" "$base/Dashboards"

# The first run of the reference warms its JIT up (tiered compilation), so it gets a longer warm-up.
warm_up "$reference" anon "" 10s
warm_portal
record "dashboard, one directorate" "$(paired "$base/Dashboards?directorate=$directorate" auth)"
record "dashboard, whole office" "$(paired "$base/Dashboards" auth)"
record "dashboard, directorate + filter (ISTA)" "$(paired "$base/Dashboards?directorate=$directorate&type=ISTA" auth)"
record "signed-in floor (renders nothing)" "$(paired "$base/bench/signed-in-floor" auth)"
record "same bytes, one directorate (memory)" "$(paired "http://127.0.0.1:$ref_port/same-size/directorate" anon)"
record "same bytes, whole office (memory)" "$(paired "http://127.0.0.1:$ref_port/same-size/office" anon)"
record "dashboard, whole office, Brotli" "$(paired "$base/Dashboards" auth "Accept-Encoding: br")"
record "export (CSV, provinces)" "$(paired "$base/Dashboards/Export?directorate=$directorate&table=provinces&format=csv" auth)"
record "archive list" "$(paired "$base/archive" anon)"
record "meeting page" "$(paired "$base/archive/$slug" anon)"
record "archive search" "$(paired "$base/archive?q=formation" anon)"
record "Atom feed" "$(paired "$base/archive/feed.atom" anon)"
record "ICS calendar" "$(paired "$base/archive/calendar.ics" anon)"
record "home page" "$(paired "$base/" anon)"
# Accepted saves per second depend on how often 32 connections meet each other's token, not on a page's speed: no ratio.
record "profile section save (accepted saves/s)" "$(measure_save "$base/Profiles/$section_profile/HumanResources") - - -"

echo "== transfer (what a browser moves, compressed; repeat view with its cache)"
profile=$(sql "$national" "select Id from Profiles order by Id desc limit 1")
transfer=$("$root/tools/bench/transfer.sh" "$base" "$cookie" "$base/Profiles/$profile/General" "$base/Dashboards?directorate=$directorate")
stop_portal

echo "== small set (50 establishments), for the growth"
start_portal "$small"
sign_in "$small_password"
enrol_second_factor "$small"
directorate=$(sql "$small" "select Id from Directorates where Code = 'SYN-DR-01'")
warm_portal
small_office=$(paired "$base/Dashboards" auth)
stop_portal
national_office=$(printf '%s\n' "${rows[@]}" | sed -n 's/^dashboard, whole office|//p')
load_after=$(load)

ref_rps=$(printf '%s\n' "${rows[@]}" | awk -F'|' '{ split($2, f, " "); if (f[6] != "-" && f[6] != "") print f[6] }' | median)
echo
echo "Benchmark $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, wrk $connections connections, $duration per run, $rounds rounds per page;"
echo "load average before $load_before, after $load_after (other work on the machine lowers every figure)."
echo "Rate limits raised for the run (sign-in, archive, exports) so that the pages are measured, not the limiter."
echo "No Accept-Encoding unless said (as the reference page): figures are for rendering, not compressing."
echo "Each round runs the reference page (MVC + EF Core + SQLite, 13 rows) next to the page; ratio = the median of the"
echo "rounds' ratios (each round's ratio after it). req/s and p99: the page's medians; ref req/s: the reference's median"
echo "in that row's rounds (how far the host drifted during the run). The reference's median over all rows: $ref_rps req/s."
echo
printf '%-40s %8s %8s %7s %-20s %9s %6s\n' "page" "req/s" "p99 ms" "ratio" "rounds" "ref req/s" "errors"
for row in "${rows[@]}"; do
  label=${row%%|*}; read -r rps p99 bad ratio ratios ref <<<"${row#*|}"
  printf '%-40s %8s %8s %7s %-20s %9s %6s\n' "$label" "$rps" "$p99" "$ratio" "$ratios" "$ref" "$bad"
done
echo "Profile section save (read the section, post it back; director of the sheet's establishment): $(cat "$out/save-counts.txt");"
echo "refused = 409, the section's token had changed under a concurrent save of the same section (the next post uses the token the 409 shows)."
echo
# The growth as time per request relative to the reference page measured beside it, on each set: the two sets are
# measured minutes apart, on a machine whose speed may have moved in between.
read -r small_rps small_p99 _ small_ratio _ <<<"$small_office"
read -r national_rps national_p99 _ national_ratio _ <<<"$national_office"
echo "Growth, dashboard of the whole office: small set $small_rps req/s (p99 $small_p99 ms, ratio $small_ratio),"
echo "national $national_rps req/s (p99 $national_p99 ms, ratio $national_ratio);"
echo "time per request national / small = $(awk -v s="$small_ratio" -v n="$national_ratio" 'BEGIN { printf "%.2f", s / n }')x (goal <= 1.5x)."
echo
echo "$transfer"
