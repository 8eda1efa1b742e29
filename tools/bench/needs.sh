# Sourced by run.sh and cpu.sh: what the bench needs beyond the .NET SDK, installed from apt when missing
# (wrk sends the requests; sqlite3 prepares the data sets and reads ids from them).
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
missing=()
command -v wrk >/dev/null || missing+=(wrk)
command -v sqlite3 >/dev/null || missing+=(sqlite3)
if [ "${#missing[@]}" -gt 0 ]; then
  echo "== installing ${missing[*]} from apt"
  as_root apt-get update -qq && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
