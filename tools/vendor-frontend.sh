#!/usr/bin/env bash
# Refreshes the front-end libraries vendored under src/RegionalTraining.Web/wwwroot/lib from npm.
# The portal never loads anything from a CDN (users may be cut off from the internet at large and
# the CSP forbids it), so the files are committed; run this only to change a version.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
lib="$root/src/RegionalTraining.Web/wwwroot/lib"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent bootstrap@5.3.8 >/dev/null
tar xzf bootstrap-5.3.8.tgz
rm -rf "$lib/bootstrap"
mkdir -p "$lib/bootstrap/css" "$lib/bootstrap/js"
cp package/dist/css/bootstrap.min.css package/dist/css/bootstrap.rtl.min.css "$lib/bootstrap/css/"
cp package/dist/js/bootstrap.bundle.min.js "$lib/bootstrap/js/"
cp package/LICENSE "$lib/bootstrap/LICENSE"
npm pack --silent chart.js@4.6.1 >/dev/null
rm -rf package && tar xzf chart.js-4.6.1.tgz
rm -rf "$lib/chartjs"
mkdir -p "$lib/chartjs"
cp package/dist/chart.umd.min.js "$lib/chartjs/"
cp package/LICENSE.md "$lib/chartjs/LICENSE.md"
# Source-map comments point at files we do not ship; drop them so browsers do not request them.
sed -i '/sourceMappingURL/d' "$lib/bootstrap/css/"*.css "$lib/bootstrap/js/"*.js
sed -i 's|//# sourceMappingURL=.*$||' "$lib/chartjs/chart.umd.min.js"
echo "vendored bootstrap 5.3.8 and chart.js 4.6.1 into $lib"
