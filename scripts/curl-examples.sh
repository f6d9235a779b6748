#!/usr/bin/env bash
# The reference's curl examples, run as written against `npm run sandbox` (only the host
# and key swapped, and placeholder ids replaced by real ones). Each answer must be
# {"success":true,…} in the documented shape. Usage: bash scripts/curl-examples.sh
set -euo pipefail
cd "$(dirname "$0")/.."

data=$(mktemp -d)
log="$data/sandbox.log"
node --import tsx scripts/sandbox.ts --port 0 --data "$data/sandbox" --speed 20 --quiet >"$log" 2>&1 &
pid=$!  # the sandbox itself (one node process), so the trap stops it
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 200); do grep -q 'data dir:' "$log" && break; sleep 0.1; done
API=$(sed -n 's/.*base URL:[[:space:]]*\(\S*\).*/\1/p' "$log" | head -1)
KEY=$(sed -n 's/.*API key:[[:space:]]*\(\S*\).*/\1/p' "$log" | head -1)
[ -n "$API" ] && [ -n "$KEY" ] || { echo "sandbox did not start"; cat "$log"; exit 1; }

# check NAME JSON FIELD… : success is true and every dotted field path is present.
check() {
  local name=$1 body=$2; shift 2
  node -e '
    const [name, body, ...fields] = process.argv.slice(1)
    let j; try { j = JSON.parse(body) } catch { console.error(`${name}: not JSON: ${body.slice(0, 200)}`); process.exit(1) }
    if (j.success !== true) { console.error(`${name}: ${body.slice(0, 300)}`); process.exit(1) }
    for (const f of fields) {
      const v = f.split(".").reduce((o, k) => (o == null ? undefined : o[k]), j)
      if (v === undefined) { console.error(`${name}: missing ${f}`); process.exit(1) }
    }
    console.log(`ok  ${name}`)
  ' "$name" "$body" "$@"
}

r=$(curl -sS "$API/credits" -H "Authorization: Bearer $KEY")
check "GET /credits" "$r" data.plan data.plan_name data.credits.current data.credits.limit data.credits.current_formatted data.storage.used_bytes data.storage.limit_formatted data.resets_at

r=$(curl -sS -X POST "$API/products" -H "Authorization: Bearer $KEY" -F "file=@test/fixtures/product.jpg" -F "name=Premium Leather Wallet")
check "POST /products (multipart)" "$r" data.id data.name data.image_url data.segmented_image_url data.metadata data.source data.created_at
PRODUCT=$(node -e 'console.log(JSON.parse(process.argv[1]).data.id)' "$r")

r=$(curl -sS "$API/products?limit=10" -H "Authorization: Bearer $KEY")
check "GET /products?limit=10" "$r" data.0.id data.0.name data.0.image_url data.0.metadata data.0.created_at meta.count

r=$(curl -sS "$API/products?id=$PRODUCT" -H "Authorization: Bearer $KEY")
check "GET /products?id=" "$r" data.id

r=$(curl -sS -X POST "$API/images" -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{
"prompt": "Premium leather wallet on dark marble surface, studio lighting",
"aspect_ratio": "1:1",
"image_count": 2
}')
check "POST /images" "$r" data.generation_id data.images data.image_count data.credits_used
GEN=$(node -e 'console.log(JSON.parse(process.argv[1]).data.generation_id)' "$r")

r=$(curl -sS -X POST "$API/videos" -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{
"prompt": "Smooth camera pan around sneakers with soft lighting",
"aspect_ratio": "16:9",
"duration": 5
}')
check "POST /videos" "$r" data.generation_id data.duration data.credits_used

r=$(curl -sS -X POST "$API/ads" -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{
"brief": "Create a direct response ad for this protein bar",
"product_ids": ["'"$PRODUCT"'"],
"aspect_ratio": "4:5",
"image_count": 2
}')
check "POST /ads" "$r" data.generation_id data.images data.image_count data.credits_used

r=$(curl -sS -X POST "$API/chat" -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{
"message": "Make three ad concepts for this product and include image ideas",
"product_ids": ["'"$PRODUCT"'"],
"agent": "asset"
}')
check "POST /chat" "$r" data.conversation_id data.user_message_id data.assistant_message_id data.run_id data.job_id data.status data.poll_url
RUN=$(node -e 'console.log(JSON.parse(process.argv[1]).data.run_id)' "$r")
CONV=$(node -e 'console.log(JSON.parse(process.argv[1]).data.conversation_id)' "$r")

r=$(curl -sS "$API/chat/runs/$RUN" -H "Authorization: Bearer $KEY")
check "GET /chat/runs/{id}" "$r" data.run_id data.status data.messages data.generation_ids

r=$(curl -sS "$API/chat/conversations/$CONV" -H "Authorization: Bearer $KEY")
check "GET /chat/conversations/{id}" "$r" data.id data.messages

r=$(curl -sS -X POST "$API/conversions/meta" -H "Authorization: Bearer $KEY" -H "Content-Type: application/json" -d '{
"event_name": "Purchase",
"event_time": '"$(date +%s)"',
"event_id": "order_123",
"action_source": "website",
"event_source_url": "https://example.com/products/wallet",
"user_data": {
"email": "customer@example.com"
},
"custom_data": {
"currency": "USD",
"value": 79.00
}
}')
check "POST /conversions/meta" "$r" status events_received

# Poll the image generation until it has finished, as the reference suggests.
for _ in $(seq 1 120); do
  r=$(curl -sS "$API/generations/$GEN" -H "Authorization: Bearer $KEY")
  status=$(node -e 'console.log(JSON.parse(process.argv[1]).data.status)' "$r")
  [ "$status" = succeeded ] || [ "$status" = failed ] && break
  sleep 0.5
done
check "GET /generations/{id} ($status)" "$r" data.id data.kind data.status data.progress data.output.urls data.created_at data.completed_at
[ "$status" = succeeded ] || { echo "generation ended $status"; exit 1; }

r=$(curl -sS "$API/openapi.json")
node -e 'const j = JSON.parse(process.argv[1]); if (!j.openapi?.startsWith("3.1")) process.exit(1); console.log("ok  GET /openapi.json (" + Object.keys(j.paths).length + " paths)")' "$r"
echo "All reference examples answered in the documented shapes."
