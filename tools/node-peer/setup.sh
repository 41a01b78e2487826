#!/usr/bin/env bash
# Installs the Node peer's packages into tools/node-peer/node_modules, exactly as package-lock.json pins them
# (sharp 0.35.5 with its prebuilt libvips, onnxruntime-node 1.30.0 with its CPU binaries), from the npm registry.
# Install scripts are skipped: onnxruntime-node's would fetch GPU binaries from outside the registry, and sharp's
# prebuilt libvips arrives as ordinary npm packages.
set -euo pipefail
cd "$(dirname "$0")"
command -v npm >/dev/null || { echo "node peer: npm not found; install Node.js 18 or later (apt-get install nodejs npm)" >&2; exit 2; }
npm ci --no-audit --no-fund --ignore-scripts >/dev/null
node -e "import('sharp').then(s => console.log('node peer ready: sharp ' + s.default.versions.sharp + ', libvips ' + s.default.versions.vips))"
