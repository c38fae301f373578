#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with an unlocked gnome-keyring, so that the OS
# keychain (Secret Service) works on a headless machine:
#
#   tests/harness/keyring-session.sh node_modules/.bin/tsx some-script.ts ARGS...
#
# HOME and the XDG folders point into a fresh temporary folder, so the keyring files never touch
# the user's own keyring. The folder is removed when the command ends. KEYRING_PASSWORD sets the
# password of the throwaway login keyring. The exit status is the command's.
# Needs: apt-get install dbus gnome-keyring libsecret-1-0
set -euo pipefail

if [ "$#" -eq 0 ]; then
  echo "usage: $0 COMMAND [ARGS...]" >&2
  exit 2
fi
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "keyring-session: $tool is not installed (apt-get install dbus gnome-keyring)." >&2
    exit 127
  fi
done

sandbox=$(mktemp -d "${TMPDIR:-/tmp}/keyring-session.XXXXXX")
trap 'rm -rf "$sandbox"' EXIT
mkdir -p "$sandbox/home" "$sandbox/data" "$sandbox/config" "$sandbox/cache" "$sandbox/runtime"
chmod 700 "$sandbox/runtime"

export HOME="$sandbox/home"
export XDG_DATA_HOME="$sandbox/data"
export XDG_CONFIG_HOME="$sandbox/config"
export XDG_CACHE_HOME="$sandbox/cache"
export XDG_RUNTIME_DIR="$sandbox/runtime"
export KEYRING_PASSWORD="${KEYRING_PASSWORD:-keyring-session-password}"

# Inside the session, the daemon reads the password on stdin, creates the login keyring when missing
# and unlocks it. The variables it prints (GNOME_KEYRING_CONTROL) are exported. The command starts
# only once the daemon owns the Secret Service name, so it never races a D-Bus-activated, locked daemon.
# dbus-daemon may warn that it cannot raise its file limit in a container; that warning is harmless.
dbus-run-session -- bash -c '
  set -euo pipefail
  while IFS="=" read -r name value; do
    if [ -n "$name" ]; then export "$name=$value"; fi
  done < <(printf "%s" "$KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets)
  unset KEYRING_PASSWORD

  for _ in $(seq 1 50); do
    if dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q "boolean true"; then
      exec "$@"
    fi
    sleep 0.1
  done
  echo "keyring-session: gnome-keyring-daemon did not register org.freedesktop.secrets within 5 s." >&2
  exit 1
' keyring-session "$@"
