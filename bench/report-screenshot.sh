#!/usr/bin/env bash
# Renders `dm report --html` (and `dm adr preview`) for a realistic synthetic week and screenshots them in headless
# Debian Chromium. Output: artifacts/report-demo/{report.html,report.png,adr.html,adr.png}.
# Needs: the .NET SDK, awk, and chromium (`apt-get install -y chromium`). Not part of the unit tests.
set -euo pipefail
cd "$(dirname "$0")/.."
out="artifacts/report-demo"
repo="$out/repo"
rm -rf "$out"; mkdir -p "$repo/.claude/dm" "$repo/audits"

chromium_bin="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$chromium_bin" ] || { echo "chromium not found: apt-get install -y chromium (or set CHROMIUM=...)" >&2; exit 2; }

dotnet build src/DistributedModel.Cli -c Release --nologo -v q >/dev/null
dm="src/DistributedModel.Cli/bin/Release/net10.0/dm"

now=$(date -u +%s)
# A deterministic, realistic week: ~150 tool calls a day (build logs get compressed hard, small outputs pass through),
# one prompt hook per turn, ~25 specialist calls a day with an occasional provider outage, and a handful of decisions.
awk -v now="$now" -v hooks="$repo/.claude/hooks.log" -v ledger="$repo/.claude/dm/ledger.jsonl" 'BEGIN {
  srand(42)
  day = 86400
  for (d = 8; d >= 0; d--) {
    n = (d == 8) ? 20 : 110 + int(rand() * 80)
    for (i = 0; i < n; i++) {
      t = now - d * day - int(rand() * (d == 0 ? 36000 : day))
      if (t > now) t = now - 60
      r = rand()
      if (r < 0.45) { inb = 20000 + int(rand() * 400000); outb = 4000 + int(rand() * 9000); oc = "compressed"; tool = (rand() < 0.7) ? "Bash" : "Read" }
      else if (r < 0.95) { inb = 200 + int(rand() * 1800); outb = inb; oc = "passthrough"; tool = (rand() < 0.5) ? "Grep" : "Bash" }
      else { inb = 5000 + int(rand() * 50000); outb = 3000 + int(rand() * 4000); oc = "compressed"; tool = "mcp__distributed-model__summarize" }
      ms = 2 + rand() * 3 + (inb / 100000) * 4 + (rand() < 0.03 ? 10 + rand() * 20 : 0)
      printf "{\"ts\":\"%s\",\"event\":\"PostToolUse\",\"tool\":\"%s\",\"in\":%d,\"out\":%d,\"ms\":%.1f,\"outcome\":\"%s\"}\n", iso(t), tool, inb, outb, ms, oc >> hooks
      if (rand() < 0.3) {
        ms = 1.2 + rand() * 1.5 + (rand() < 0.02 ? 6 : 0)
        printf "{\"ts\":\"%s\",\"event\":\"UserPromptSubmit\",\"in\":%d,\"out\":%d,\"ms\":%.1f,\"outcome\":\"%s\"}\n", iso(t - 5), 80 + int(rand() * 900), 0, ms, (rand() < 0.4 ? "injected" : "passthrough") >> hooks
      }
    }
    if (d == 8) continue
    m = 18 + int(rand() * 14)
    for (i = 0; i < m; i++) {
      t = now - d * day - int(rand() * (d == 0 ? 36000 : day))
      if (t > now) t = now - 90
      r = rand()
      if (r < 0.5) { lane = "summarize"; prov = "gemini"; model = "gemini-3.8-flash"; pin = 0.30; pout = 2.50 }
      else if (r < 0.75) { lane = "scaffold"; prov = "deepseek"; model = "deepseek-flash"; pin = 0.28; pout = 0.42 }
      else if (r < 0.93) { lane = "consult"; prov = "openai"; model = "gpt-6.1-terra"; pin = 1.25; pout = 10 }
      else { lane = "tribunal"; prov = "openai"; model = "gpt-6.1-sol"; pin = 2.5; pout = 15 }
      tin = 4000 + int(rand() * 60000); tout = 300 + int(rand() * 3000)
      cost = (tin * pin + tout * pout) / 1e6; base = (tin * 5 + tout * 25) / 1e6
      if (rand() < 0.025) {
        printf "{\"ts\":\"%s\",\"lane\":\"%s\",\"provider\":\"%s\",\"model\":\"%s\",\"in\":0,\"out\":0,\"reasoning\":0,\"cached\":0,\"cost_usd\":0,\"baseline_usd\":0,\"ms\":30000,\"attempts\":3,\"fallback_from\":null,\"outcome\":\"error\",\"error\":\"timeout\"}\n", iso(t), lane, prov, model >> ledger
        fb = prov; prov = (prov == "gemini") ? "deepseek" : "gemini"; model = (prov == "gemini") ? "gemini-3.8-flash" : "deepseek-flash"; t += 31
        cost = (tin * 0.3 + tout * 1.5) / 1e6
        printf "{\"ts\":\"%s\",\"lane\":\"%s\",\"provider\":\"%s\",\"model\":\"%s\",\"in\":%d,\"out\":%d,\"reasoning\":0,\"cached\":0,\"cost_usd\":%.6f,\"baseline_usd\":%.6f,\"ms\":%d,\"attempts\":1,\"fallback_from\":\"%s\",\"outcome\":\"ok\",\"error\":null}\n", iso(t), lane, prov, model, tin, tout, cost, base, 900 + int(rand() * 9000), fb >> ledger
      } else {
        printf "{\"ts\":\"%s\",\"lane\":\"%s\",\"provider\":\"%s\",\"model\":\"%s\",\"in\":%d,\"out\":%d,\"reasoning\":%d,\"cached\":0,\"cost_usd\":%.6f,\"baseline_usd\":%.6f,\"ms\":%d,\"attempts\":1,\"fallback_from\":null,\"outcome\":\"ok\",\"error\":null}\n", iso(t), lane, prov, model, tin, tout, (lane == "consult" ? tout * 2 : 0), cost, base, 900 + int(rand() * 9000) >> ledger
      }
    }
  }
}
function iso(t,   cmd, s) { cmd = "date -u -d @" t " +%Y-%m-%dT%H:%M:%S.000Z"; cmd | getline s; close(cmd); return s }'

verdicts=(AFFIRM AFFIRM MODIFY AFFIRM REVERSE AFFIRM MODIFY)
for i in "${!verdicts[@]}"; do
  d=$(date -u -d "@$((now - (6 - i) * 86400))" +%Y-%m-%d)
  kind=consult; providers=openai
  [ "$i" -eq 4 ] && { kind=tribunal; providers=openai,gemini,deepseek; }
  printf -- "---\ndate: %s\nkind: %s\nverdict: %s\nproviders: %s\n---\n\n# Decision %d\n" "$d" "$kind" "${verdicts[$i]}" "$providers" "$i" > "$repo/audits/$d-decision-$i.md"
done
# Install record: the window opened 8 days ago.
printf '{\n  "version": 1,\n  "installedAt": "%s",\n  "windowStart": "%s",\n  "files": {},\n  "createdDirectories": []\n}\n' \
  "$(date -u -d "@$((now - 8 * 86400))" +%Y-%m-%dT%H:%M:%SZ)" "$(date -u -d "@$((now - 8 * 86400))" +%Y-%m-%dT%H:%M:%SZ)" > "$repo/.claude/dm/install.json"

set +e
"$dm" report --repo "$repo" --html "$out/report.html"
echo "dm report exit code: $?"
set -e

cat > "$out/adr.md" <<'ADR'
---
date: 2026-11-23
kind: tribunal
verdict: MODIFY
providers: openai,gemini,deepseek
---
# Route `summarize` to Gemini Flash with DeepSeek as fallback

## Context
The orchestrator spends ~40% of its context on build and test logs. A cheaper lane should read them first.

## Option A: Gemini Flash, DeepSeek fallback (chosen)
Flash-class model digests the compressed log; DeepSeek takes over on outages.
### Pros
- Lowest price per 1M input tokens of the candidates
- Long context window: most logs fit in one call
### Cons
- Two providers to keep keys and budgets for

## Option B: DeepSeek only
### Pros
- One provider, one key
### Cons
- No fallback during outages
- Smaller context: map-reduce more often

## Option C: Keep everything on the orchestrator
### Pros
- No new moving parts
### Cons
- Highest cost; context fills up with logs

## Decision
Option A, with the tribunal's modification: cap the lane at $5/day and log every fallback.
ADR
"$dm" adr preview "$out/adr.md" --html "$out/adr.html"

shot() {
  "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --hide-scrollbars --user-data-dir="$(mktemp -d)" \
    --window-size="$2" --screenshot="$3" "file://$(realpath "$1")" >/dev/null 2>&1
  echo "screenshot: $3"
}
shot "$out/report.html" 1280,2500 "$out/report.png"
shot "$out/adr.html" 1280,1000 "$out/adr.png"
