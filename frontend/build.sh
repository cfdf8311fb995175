#!/usr/bin/env bash
# Rebuild judge/web/static/editor.js (CodeMirror 6) from the npm packages pinned in
# package-lock.json. The built file is committed and shipped inside the wheel, so
# installing the judge needs neither npm nor the network; run this only after changing
# src/ or the packages (npm ci needs the npm registry). The first line of the bundle
# records the digest of its inputs: tests/test_web_assets.py fails when they changed
# without a rebuild.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
digest=$(cat package-lock.json src/editor.js | sha256sum | cut -d' ' -f1)
npm run build -- "--banner:js=/* judge editor: CodeMirror 6 (MIT, Marijn Haverbeke and others) and @lezer (MIT), bundled by esbuild from frontend/ (inputs sha256 ${digest}) */"
