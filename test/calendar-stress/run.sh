#!/usr/bin/env bash
# Runs the suite with the whole process tree's clock moved (libfaketime, Debian's `faketime`) to instants that
# stress the calendar, so a test that reads "now" without setting it fails here rather than on that day.
# The clock is shifted by an offset, not frozen: every process (vitest, its workers, DynamoDB Local's JVM)
# agrees on the time and it runs on. FAKETIME_FORCE_MONOTONIC_FIX keeps the JVM's timed waits working.
# It runs the unit and integration projects (the infra tests read templates, not the clock); the console's browser
# tests run in the ordinary and shuffled runs only (Chromium keeps its own clock checks).
#   test/calendar-stress/run.sh [vitest args…]      (each instant in turn; exits non-zero if any run failed)
set -uo pipefail
cd "$(dirname "$0")/../.."
command -v faketime >/dev/null || { echo "calendar-stress: libfaketime is missing (apt-get install faketime)" >&2; exit 2; }

# Instants in UTC, each with what it stresses (Việt Nam is UTC+7, no daylight saving).
instants=(
  "2026-12-31T17:30:00Z|00:30 on 1 January 2027 in Việt Nam, still 2026 in UTC: the year, ISO week and month turn"
  "2027-02-07T16:30:00Z|23:30 on Sunday 7 February 2027 in Việt Nam: Tết holidays, the ISO week turns at midnight"
)
status=0
for entry in "${instants[@]}"; do
  instant=${entry%%|*}
  offset=$(( $(date -d "$instant" +%s) - $(date +%s) ))
  echo "calendar-stress: ${entry#*|} (now = $instant, offset ${offset} s)"
  FAKETIME_FORCE_MONOTONIC_FIX=1 faketime -f "+${offset}" npx vitest run --project unit --project integration \
    --exclude 'test/integration/console-*.test.ts' "$@" || status=1
done
exit $status
