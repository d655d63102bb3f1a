#!/usr/bin/env bash
# `make run`: the desktop app on the demo store, with a local HQ on 127.0.0.1 to sync with.
# The demo store is created (with synthetic arrivals) by the Makefile; this script starts the HQ, enrolls the
# demo store once, launches the app, and stops the HQ when the app closes. Nothing here is a real person.
set -euo pipefail
VENV=${VENV:-.venv}
DEMO_DB=${DEMO_DB:-var/demo/checkpoint.db}
export CHECKPOINT_PASSPHRASE=${DEMO_PASS:-demo-passphrase-poipet}
HQ_DIR=var/demo/hq
HQ_PORT=${HQ_PORT:-8470}
export CHECKPOINT_HQ_PASSPHRASE=demo-hq-keys-passphrase
HQ=("$VENV/bin/checkpoint-hq" --db "sqlite:///$HQ_DIR/hq.db" --keys "$HQ_DIR/keys")

mkdir -p "$HQ_DIR"
if [ ! -d "$HQ_DIR/keys" ]; then
  "${HQ[@]}" init-keys > /dev/null
  "${HQ[@]}" migrate > /dev/null
fi
"${HQ[@]}" serve --host 127.0.0.1 --port "$HQ_PORT" --log-level warning > "$HQ_DIR/serve.log" 2>&1 &
HQ_PID=$!
trap 'kill "$HQ_PID" 2>/dev/null || true; wait "$HQ_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  if "$VENV/bin/python" -c "import httpx,sys; httpx.get('http://127.0.0.1:$HQ_PORT/v1/health', timeout=1)" 2>/dev/null; then
    break
  fi
  if ! kill -0 "$HQ_PID" 2>/dev/null; then
    echo "The local HQ did not start (see $HQ_DIR/serve.log); the app runs without it." >&2
    break
  fi
  sleep 0.1
done
if ! "$VENV/bin/checkpoint-admin" --db "$DEMO_DB" sync-status --json 2>/dev/null | grep -q '"enrolled": true'; then
  # the last line is the enrollment code: the token and the fingerprint of this HQ's signing key, one string
  code=$("${HQ[@]}" enroll-token --checkpoint "Poipet demo" | tail -n 1)
  CHECKPOINT_ENROLL_TOKEN=$code "$VENV/bin/checkpoint-admin" --db "$DEMO_DB" enroll \
      --server "http://127.0.0.1:$HQ_PORT" > /dev/null && echo "Demo store enrolled with the local HQ."
fi
echo "Local HQ: http://127.0.0.1:$HQ_PORT (var/demo/hq). Demo users: supervisor, officer, health;"
echo "passphrase: $CHECKPOINT_PASSPHRASE"
unset CHECKPOINT_PASSPHRASE CHECKPOINT_HQ_PASSPHRASE
"$VENV/bin/checkpoint" --store "$DEMO_DB" "$@"
