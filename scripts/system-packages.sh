#!/usr/bin/env bash
# Make sure the Debian packages the test suite needs are installed.
#
#   scripts/system-packages.sh PACKAGE...
#
# Installs whatever is missing with apt when run as root on Debian (as CI does). Anywhere else
# it prints the command to run and fails, so a missing database or browser is never a silent skip.
set -euo pipefail

if [ "$#" -eq 0 ]; then
    echo "usage: $0 PACKAGE..." >&2
    exit 2
fi

if ! command -v dpkg-query >/dev/null 2>&1; then
    echo "!! Not a Debian system: cannot check for the packages: $*" >&2
    echo "!! Install the equivalents yourself (PostgreSQL 15 server, Chromium)." >&2
    exit 0
fi

missing=()
for package in "$@"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
    if [ "$status" != "installed" ]; then
        missing+=("$package")
    fi
done

if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
    {
        echo
        echo "!! The tests need these Debian packages, which are not installed: ${missing[*]}"
        echo "!! Install them, then run make again:"
        echo "!!"
        echo "!!     sudo apt-get update && sudo apt-get install -y ${missing[*]}"
        echo
    } >&2
    exit 1
fi

echo ">> Installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo ">> Installed: ${missing[*]}"
