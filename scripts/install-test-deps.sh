#!/usr/bin/env bash
# Installs the Debian packages the test suite runs against: Chromium for the browser tests,
# gnome-keyring with D-Bus for the keychain tests, iproute2 and python3 for the network-namespace
# tests (python3 holds a tun device open so that it has a carrier), nut-server and nut-client for the
# UPS tests, openvpn for the VPN tunnel tests, iperf3 as the speed-test reference.
set -euo pipefail

packages=(chromium gnome-keyring dbus libsecret-1-0 iproute2 python3 nut-server nut-client openvpn iperf3)

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "Test packages already installed: ${packages[*]}"
  exit 0
fi

run_as_root=()
[ "$(id -u)" -eq 0 ] || run_as_root=(sudo)

echo "Installing ${missing[*]} ..."
"${run_as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "Installed ${missing[*]}"
