#!/usr/bin/env bash
# The whole test suite, on the embedded database (PGlite) and on a real PostgreSQL server.
# Installs what it needs (npm packages, Debian's postgresql and chromium) and starts and stops the server itself.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -d node_modules ] || npm ci --no-audit --no-fund
bash scripts/ensure-system-packages.sh
# The browser tests (test/web) drive the built application: build it from the current sources (~1 s).
node scripts/build-web-if-needed.js

work=$(mktemp -d)
chmod 755 "$work"  # the postgres user must reach its folder inside
cleanup() { bash scripts/pg-test-server.sh stop "$work/pg"; rm -rf "$work"; }
trap cleanup EXIT

export CORRIDOR_TEST_PG_URL
CORRIDOR_TEST_PG_URL=$(bash scripts/pg-test-server.sh start "$work/pg")
export CORRIDOR_TEST_TEMPLATE="$work/pglite-template.tar"
node --import tsx test/prepare-template.ts "$CORRIDOR_TEST_TEMPLATE"

# Test files: every *.test.ts, or those named on the command line.
if [ $# -gt 0 ]; then files=("$@"); else mapfile -t files < <(find src test -name '*.test.ts' | sort); fi

passed=0; failed=0; status=0
for engine in pglite postgres; do
  echo "== tests on $engine"
  set +e
  CORRIDOR_TEST_ENGINE=$engine node --import tsx --test --test-concurrency=2 --test-timeout=300000 \
    --test-reporter=spec "${files[@]}" 2>&1 | tee "$work/$engine.out"
  code=${PIPESTATUS[0]}
  set -e
  p=$(sed -n 's/^ℹ pass \([0-9]*\)$/\1/p' "$work/$engine.out" | tail -1)
  f=$(sed -n 's/^ℹ fail \([0-9]*\)$/\1/p' "$work/$engine.out" | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  [ "$code" -eq 0 ] || status=$code
done

echo "tests: $passed passed, $failed failed"
exit $status
