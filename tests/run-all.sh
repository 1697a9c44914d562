#!/usr/bin/env bash
# Every test of the project, in the order a failure is cheapest to read: types, unit, builds, lint, browsers.
set -euo pipefail
cd "$(dirname "$0")/.."

for browser in "${CHROMIUM_PATH:-/usr/bin/chromium}" "${FIREFOX_PATH:-/usr/bin/firefox-esr}"; do
  if [ ! -x "$browser" ]; then
    echo "Missing $browser: install Debian's browsers first (sudo apt-get install -y chromium firefox-esr)." >&2
    exit 1
  fi
done

step() { printf '\n=== %s\n' "$*"; }

step "Type check (TypeScript strict)"
npx tsc --noEmit -p .

step "Build: Chrome MV3 and Firefox (what ships), and their test builds (the overlay reachable by the tests)"
npx wxt build
npx wxt build -b firefox
TW_TEST_HOOKS=1 npx wxt build
TW_TEST_HOOKS=1 npx wxt build -b firefox

step "Guide script size budget (≤ 25 KB gzip each, everything a tab may load)"
npx tsx tests/tools/check-size.ts

step "Unit tests (vitest)"
npx vitest run

step "web-ext lint on the Firefox build"
npx web-ext lint --source-dir .output/firefox-mv2 --self-hosted

step "Anchor audit scored on the real saved pages (../shared/tools/score-anchors.mjs)"
# The same scorer and rules as on the held-out pages: a change that breaks an anchor on a real page fails here.
if [ ! -f ../shared/tools/score-anchors.mjs ] || [ ! -f ../shared/realpages/expected.json ]; then
  echo "Missing ../shared/realpages or ../shared/tools/score-anchors.mjs: the real saved pages must sit beside the project." >&2
  exit 1
fi
node ../shared/tools/score-anchors.mjs

step "Chromium end to end (Playwright)"
npx playwright test -c tests/e2e/playwright.config.ts

step "Firefox end to end (puppeteer-core over WebDriver BiDi)"
node --import tsx --test tests/firefox/*.test.ts
