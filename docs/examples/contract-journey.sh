#!/usr/bin/env bash
# A contract from draft to registration in the demo corridor, over the HTTP API, as each party.
# Start the demo first (npm start), then: bash docs/examples/contract-journey.sh  (B=http://host:port to change)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$(mktemp -d)"  # cookie jars
B=${B:-http://localhost:3000}
# Sign in (a cookie jar per person) and keep the CSRF token each answer gives. Any refusal
# stops the script with the problem+json the server sent (sign-in allows 10 attempts a minute).
signin() { curl -s --fail-with-body -c "jar-$1" -H 'content-type: application/json' \
  -d "{\"email\":\"$1@demo.corridor\",\"password\":\"corridor-demo-2026\"}" "$B/api/v1/auth/login" \
  | node -pe 'JSON.parse(require("fs").readFileSync(0)).csrf_token'; }
json() { node -pe "const d=JSON.parse(require('fs').readFileSync(0)); $1"; }
post() { curl -s --fail-with-body -b "jar-$1" -H 'content-type: application/json' -H "x-csrf-token: $2" -d "${4:-{\}}" "$B$3"; }

EMPLOYER=$(signin alnoor); WORKER=$(signin gita); ORIGIN=$(signin dofe); DESTINATION=$(signin mohre)
GITA=$(curl -s -b jar-gita "$B/api/v1/auth/me" | json 'd.user.worker_id')

# 1. The employer drafts an offer for Gita from the terms of an existing contract: first a bad
#    one, which the check refuses naming every breach (term, rule, allowed, offered) ...
TEMPLATE=$(curl -s -b jar-alnoor "$B/api/v1/contracts?limit=1" | json 'd.contracts[0].id')
TERMS=$(curl -s -b jar-alnoor "$B/api/v1/contracts/$TEMPLATE" | json "JSON.stringify({...d.versions.at(-1).terms, worker_id: '$GITA', occupation_isco: '5120', job_title: 'Cook'})")
BAD=$(echo "$TERMS" | json 'JSON.stringify({terms: {...d, hours_per_week: 60, annual_leave_days: 10, passport_retained_by_worker: false}})')
echo "== breaches of the bad offer"
post alnoor "$EMPLOYER" /api/v1/contracts/check "$BAD" | json 'd.breaches.map(b => `${b.term}: ${b.message} (allowed ${JSON.stringify(b.allowed)}, offered ${JSON.stringify(b.offered)})`).join("\n")'
# ... then a fair one, drafted and offered.
ID=$(post alnoor "$EMPLOYER" /api/v1/contracts "{\"terms\": $TERMS}" | json 'd.id')
echo "== offered: $(post alnoor "$EMPLOYER" "/api/v1/contracts/$ID/offer" | json 'd.contract_no + " " + d.status')"

# 2. The worker reads the offer in Nepali, then accepts exactly what she read (its digest).
DIGEST=$(curl -s -b jar-gita "$B/api/v1/contracts/$ID?lang=ne" | json 'd.versions.find(v => v.state === "offered").terms_digest')
echo "== worker: $(post gita "$WORKER" "/api/v1/contracts/$ID/accept" "{\"terms_digest\":\"$DIGEST\",\"language\":\"ne\"}" | json 'd.status')"

# 3. The origin authority approves; 4. the destination authority registers (signed, in the log).
echo "== origin authority: $(post dofe "$ORIGIN" "/api/v1/contracts/$ID/approve" | json 'd.status')"
NO=$(post mohre "$DESTINATION" "/api/v1/contracts/$ID/register" | json 'd.contract_no')
echo "== destination authority: registered $NO"

# 5. Anyone verifies it online (initials only), and offline against the log key alone.
curl -s "$B/api/v1/verify/$NO" > verification.json
json 'JSON.stringify({status: d.status, key_terms: d.key_terms})' < verification.json
json 'JSON.stringify(d.offline_payload)' < verification.json > payload.json
KEY=$(curl -s "$B/.well-known/corridor-registry.json" | json 'd.log_key.public_key')
echo "== offline check of the QR payload ($(wc -c < payload.json) bytes):"
node "$ROOT/bin/corridor.js" registry verify-payload payload.json --log-key "$KEY"
