#!/usr/bin/env bash
# Installs what the tests need when it is missing, checks both migration sets, runs every test project,
# and ends with one line: "Tests: N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)
artifacts="$root/artifacts"
mkdir -p "$artifacts"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# Browser tests drive Debian's Chromium (Playwright cannot download its own browser here).
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi dejavu; then
  echo "== installing chromium and fonts"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null \
    || { echo "could not install chromium"; exit 1; }
fi

# The page crawl checks the HTML of every page with the W3C Nu checker (vnu.jar from the npm registry; it needs Java).
vnu="$artifacts/tools/node_modules/vnu-jar/build/dist/vnu.jar"
if ! command -v java >/dev/null; then
  echo "== installing java"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null || { echo "could not install java"; exit 1; }
fi
if [ ! -f "$vnu" ]; then
  echo "== installing the HTML checker (vnu-jar)"
  npm install --silent --no-audit --no-fund --prefix "$artifacts/tools" vnu-jar@26.9.27 >/dev/null || { echo "could not install vnu-jar"; exit 1; }
fi

echo "== restoring tools and building"
dotnet tool restore >/dev/null || exit 1
dotnet build RegionalTraining.sln -nologo -v q -clp:ErrorsOnly || { echo "Tests: 0 passed, 1 failed, 0 skipped"; exit 1; }

echo "== checking that both migration sets match the model"
sqlserver_conn="Server=localhost;Database=RegionalTraining;Integrated Security=true;TrustServerCertificate=true"
gate_failed=0
dotnet ef migrations has-pending-model-changes --no-build --project src/RegionalTraining.Migrations.Sqlite \
  --startup-project src/RegionalTraining.Web -- --Database:Provider Sqlite || gate_failed=1
dotnet ef migrations has-pending-model-changes --no-build --project src/RegionalTraining.Migrations.SqlServer \
  --startup-project src/RegionalTraining.Web -- --Database:Provider SqlServer --Database:ConnectionString "$sqlserver_conn" || gate_failed=1
# The script production applies (docs/operations.md); generating it proves the SQL Server set is coherent.
dotnet ef migrations script --idempotent --no-build --project src/RegionalTraining.Migrations.SqlServer \
  --startup-project src/RegionalTraining.Web --output "$artifacts/sqlserver-migrate.sql" \
  -- --Database:Provider SqlServer --Database:ConnectionString "$sqlserver_conn" >/dev/null || gate_failed=1
if [ "$gate_failed" = 1 ]; then
  echo "migration check failed: run dotnet ef migrations add for the provider that drifted (docs/operations.md)"
fi

passed=0; failed=0; skipped=0; run_failed=0; failed_names=""
for project in tests/RegionalTraining.UnitTests tests/RegionalTraining.IntegrationTests tests/RegionalTraining.BrowserTests; do
  name=$(basename "$project")
  echo "== $name"
  log="$artifacts/$name.log"
  # The user guide's screenshots rewrite docs/images/guide: only ./tools/screenshots.sh takes them.
  dotnet test "$project" --no-build -nologo --filter "Category!=UserGuide" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  summary=$(grep -E '(Passed|Failed)!  - Failed:' "$log" | tail -1)
  if [ -z "$summary" ]; then
    echo "$name: no test summary (exit $status)"
    run_failed=1
    continue
  fi
  p=$(echo "$summary" | sed -E 's/.*Passed: *([0-9]+).*/\1/')
  f=$(echo "$summary" | sed -E 's/.*Failed: *([0-9]+),.*/\1/')
  s=$(echo "$summary" | sed -E 's/.*Skipped: *([0-9]+).*/\1/')
  passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
  # Name every failed test in the final summary: a red run must say what to look at without scrolling.
  failed_names+=$(grep -E '^\s+Failed [A-Za-z]' "$log" | sed -E 's/^\s+Failed /  - /; s/ \[[^]]*\]$//')$'\n'
  [ "$status" = 0 ] || run_failed=1
done

if [ "$gate_failed" = 1 ] || { [ "$run_failed" = 1 ] && [ "$failed" = 0 ]; }; then
  failed=$((failed + 1))
fi
if [ -n "$(echo "$failed_names" | tr -d '[:space:]')" ]; then
  echo "Failed tests:"
  echo "$failed_names" | sed '/^$/d'
fi
echo "Tests: $passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ]
