#!/usr/bin/env bash
# Proves an air-gapped Linux install: build the wheelhouse (the only step that uses the index),
# then install into a fresh venv with pip --no-index and run bmnn from it, outside the repository.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d /tmp/bmnn-offline.XXXXXX)
trap 'kill "${SERVER:-0}" 2>/dev/null || true; rm -rf "$WORK"' EXIT
PY=${PYTHON:-python3}
"$PY" "$ROOT/tools/wheelhouse.py" --out "$WORK/wh" --platform all
"$PY" -m venv "$WORK/venv"
"$WORK/venv/bin/pip" install --quiet --no-index --find-links "$WORK/wh/linux" "bmnn[encrypted,postgres]"
cd "$WORK"  # not the repository: only the installed package may be used
export BMNN_DATA_DIR="$WORK/data" DJANGO_SETTINGS_MODULE=config.settings BMNN_ALLOW_TEMP_PATHS=1
unset DATABASE_URL
"$WORK/venv/bin/bmnn" --version
"$WORK/venv/bin/bmnn" init --no-input
"$WORK/venv/bin/bmnn" demo >/dev/null 2>&1
"$WORK/venv/bin/bmnn" ledger verify
PORT=$("$PY" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$WORK/venv/bin/bmnn" serve --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/accounts/login/" -o "$WORK/login.html" 2>/dev/null && break; sleep 0.5; done
grep -q "Đăng nhập" "$WORK/login.html"
CSS=$(grep -o '/static/[^"]*\.css' "$WORK/login.html" | head -1)
curl -fsS "http://127.0.0.1:$PORT$CSS" -o /dev/null
echo "offline install OK: $(ls "$WORK/wh/linux" | grep -c whl) Linux wheels, $(ls "$WORK/wh/windows" | grep -c whl) Windows wheels; login page and $CSS served from the installed package"
