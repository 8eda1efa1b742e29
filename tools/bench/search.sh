#!/usr/bin/env bash
# Search on the national synthetic set (docs/operations.md, "Search"): generates the set (500 establishments, as
# tools/bench/run.sh), starts the portal on it in Production, signs in as an administrator (who searches
# everything) and times each query 30 times one after the other with curl; prints the median and the slowest.
#
#   tools/bench/search.sh                          # uses the Debug build of src/RegionalTraining.Web
#   SEARCH_PORTAL=artifacts/bench/portal tools/bench/search.sh   # a published portal (tools/bench/run.sh makes one)
set -euo pipefail
export LC_ALL=C
cd "$(dirname "$0")/../.."
root=$(pwd)
portal=${SEARCH_PORTAL:-$root/src/RegionalTraining.Web/bin/Debug/net10.0}
out="$root/artifacts/bench-search"
port=${SEARCH_PORT:-5090}
email=bench@bench.local
db="$out/national.db"
mkdir -p "$out"
env_vars=(
  ASPNETCORE_ENVIRONMENT=Production DataProtection__AllowUnencryptedKeys=true Security__SecureCookies=false
  Security__TwoFactor__RequiredRoles= RateLimiting__SignInPerAddress__PermitLimit=1000000
  RateLimiting__PublicArchivePerAddress__PermitLimit=100000000 Serilog__WriteTo__1__Args__path="$out/portal-.json"
  Database__ConnectionString="Data Source=$db"
)
rm -f "$db" "$db-wal" "$db-shm"
(cd "$portal" && env "${env_vars[@]}" dotnet RegionalTraining.Web.dll generate-synthetic --database "$db" --establishments 500 >"$out/generate.log" 2>&1)
password=$( (cd "$portal" && env "${env_vars[@]}" dotnet RegionalTraining.Web.dll create-admin --email "$email" 2>&1) | sed -n 's/.*Temporary password[^:]*: //p')
(cd "$portal" && exec env "${env_vars[@]}" ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet RegionalTraining.Web.dll >"$out/portal.log" 2>&1) &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 1 240); do curl -fs -o /dev/null "http://127.0.0.1:$port/health" && break; sleep 0.5; done
jar="$out/cookies.txt"; rm -f "$jar"
token=$(curl -s -c "$jar" -b "$jar" "http://127.0.0.1:$port/Account/Login" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -s -c "$jar" -b "$jar" -o /dev/null --data-urlencode "Email=$email" --data-urlencode "Password=$password" \
  --data-urlencode "__RequestVerificationToken=$token" "http://127.0.0.1:$port/Account/Login"
echo "entries: $(sqlite3 "$db" 'SELECT count(*) FROM SearchEntries' 2>/dev/null || echo '?')"
time_query() { # $1 path; prints median and max in ms over 30 requests (after 3 warm-ups)
  local times=()
  for i in $(seq 1 33); do
    t=$(curl -s -b "$jar" -o /dev/null -w '%{http_code} %{time_total}' "http://127.0.0.1:$port$1")
    [ "${t%% *}" = 200 ] || { echo "$1 answered ${t%% *}"; return; }
    [ "$i" -gt 3 ] && times+=("${t##* }")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v q="$1" '{ a[NR] = $1 } END { printf "%-60s median %4.0f ms  max %4.0f ms\n", q, a[int((NR + 1) / 2)] * 1000, a[NR] * 1000 }'
}
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$1"; }
for q in "Laayoune" "ميراللفت" "بالعيون" "El Aaiún" "atelier" "Mirlefd" "formation"; do
  time_query "/Search?q=$(enc "$q")"
done
time_query "/archive?q=$(enc "مير اللفت")"
time_query "/Establishments?q=$(enc "Goulimine")"
time_query "/Search"
