#!/usr/bin/env bash
# Runs a command with a real, unlocked OS keychain (gnome-keyring's Secret Service) on a
# private D-Bus session, so keychain tests exercise the real thing in CI:
#   bash scripts/with-keyring.sh npx vitest run test/integration/keychain
# Recipe from shared/keyring-ci.md: fresh XDG_DATA_HOME (empty keyring store), daemon in
# the foreground with --unlock, wait for org.freedesktop.secrets, run, kill the daemon by
# PID, clean up, exit with the command's status.
# Needs: dbus-run-session, dbus-send, gnome-keyring (Debian: apt-get install -y
# libsecret-1-dev gnome-keyring). Do NOT install dbus-x11 (it can make keytar block on a prompt).
set -u

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "with-keyring: '$tool' not found (apt-get install -y gnome-keyring libsecret-1-dev)" >&2
    exit 127
  fi
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/krev-keyring.XXXXXX") || exit 1
mkdir -p "$tmp/data" "$tmp/runtime" "$tmp/cache"
chmod 700 "$tmp/runtime"
trap 'rm -rf "$tmp"' EXIT

# Everything the daemon writes (keyrings, control socket) stays inside $tmp.
export XDG_DATA_HOME="$tmp/data"
export XDG_RUNTIME_DIR="$tmp/runtime"
export XDG_CACHE_HOME="$tmp/cache"
export KREV_KEYRING_SESSION=1

dbus-run-session -- sh -c '
  printf %s "krev-ci-keyring" | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
  daemon=$!
  ready=0
  i=0
  while [ "$i" -lt 100 ]; do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
         org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      ready=1
      break
    fi
    if ! kill -0 "$daemon" 2>/dev/null; then break; fi
    sleep 0.1
    i=$((i + 1))
  done
  if [ "$ready" -ne 1 ]; then
    echo "with-keyring: org.freedesktop.secrets did not appear within 10 s" >&2
    kill "$daemon" 2>/dev/null
    wait "$daemon" 2>/dev/null
    exit 1
  fi
  "$@"
  status=$?
  kill "$daemon" 2>/dev/null
  wait "$daemon" 2>/dev/null
  exit "$status"
' with-keyring "$@"
status=$?
exit "$status"
