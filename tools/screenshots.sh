#!/usr/bin/env bash
# Regenerates the user guide's screenshots (docs/images/guide/*.png) from the browser test class
# UserGuideScreenshots: the portal with the Development demo data, 1280×800, in Arabic and French.
# The normal run (./test.sh) leaves them alone; DocsTests checks that every image the guide shows exists.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/RegionalTraining.BrowserTests -nologo -v q -clp:ErrorsOnly
dotnet test tests/RegionalTraining.BrowserTests --no-build -nologo --filter "Category=UserGuide"
# Fewer colours keep each picture small in the repository (≤ 150 KB); skipped where ImageMagick is missing.
if command -v convert >/dev/null; then
  for image in docs/images/guide/*.png; do
    convert "$image" -strip -colors 96 "PNG8:$image"
  done
fi
ls -l docs/images/guide
