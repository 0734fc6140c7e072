#!/usr/bin/env bash
# Koperta's whole test suite, on a fresh Debian or Ubuntu machine.
#
# Installs what the tests need, then runs them:
#  - Debian packages (with apt-get, when run as root): a C compiler for the
#    crypto crates, D-Bus and gnome-keyring (the real Secret Service),
#    libsecret-tools (an independent look into the keyring), the Polish
#    and English Hunspell dictionaries (spell checking), Python with
#    venv (the SMTP test peer), Xvfb, xdotool, xclip and ImageMagick (the real
#    windows, driven and photographed) and the X11 libraries iced loads;
#  - a Python venv in target/test-venv with aiosmtpd (the SMTP peer) and
#    vobject (an independent vCard parser).
# The tests start and stop their own D-Bus sessions, keyrings and SMTP
# servers, on 127.0.0.1 only.
#
# Prerequisite: Rust >= 1.89 through rustup. Extra arguments go to cargo test.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(gcc libc6-dev pkg-config ca-certificates openssl dbus dbus-daemon gnome-keyring
          libsecret-tools python3 python3-venv dnsmasq-base hunspell-pl hunspell-en-us
          desktop-file-utils appstream libxml2-utils flatpak-builder dpkg-dev
          xvfb xdotool xclip imagemagick dunst libx11-6 libx11-xcb1 libxcursor1 libxi6 libxkbcommon-x11-0)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
if ((${#missing[@]})); then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        echo "tests/run.sh: installing ${missing[*]}"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    else
        echo "tests/run.sh: please install these packages first: ${missing[*]}" >&2
        exit 1
    fi
fi

venv=target/test-venv
if ! "$venv/bin/python" -c 'import aiosmtpd, vobject' 2>/dev/null; then
    echo "tests/run.sh: making the Python venv for the SMTP test peer and the vCard check"
    rm -rf "$venv"
    mkdir -p target
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet --disable-pip-version-check 'aiosmtpd==1.4.6' 'vobject==0.9.9'
fi
export KOPERTA_TEST_PYTHON="$PWD/$venv/bin/python"
# iced_test renders with the CPU so results do not depend on a GPU.
export ICED_TEST_BACKEND=tiny-skia

# The command line alone (the `gui` feature off): it builds, and the binary
# links no X11, Wayland or other desktop library. Built first: the test build
# below then makes the desktop binary that the packaging check uses.
cargo build --locked --quiet --no-default-features --bin koperta
if ldd target/debug/koperta | grep -Ei 'x11|xcb|wayland|xkbcommon|xcursor|dbus|gtk'; then
    echo "tests/run.sh: koperta without the gui feature links a desktop library" >&2
    exit 1
fi
echo "tests/run.sh: koperta without the gui feature builds and links no desktop library"

log=target/test-output.log
cargo test --locked "$@" 2>&1 | tee "$log"

# Packaging: the desktop entry and metainfo validate, the .deb builds from
# the debug build above and installs its files (cargo-deb, pinned, into
# target/tools), the other platforms' files parse.
if ! target/tools/bin/cargo-deb --version 2>/dev/null | grep -q '^cargo-deb 3.8.0$'; then
    echo "tests/run.sh: installing cargo-deb 3.8.0 into target/tools"
    cargo install --quiet --locked cargo-deb --version 3.8.0 --root target/tools
fi
bash packaging/check.sh 2>&1 | tee -a "$log"

# After the whole suite: the test password appears nowhere in what the
# tests printed, raw or in any base64 form AUTH PLAIN or LOGIN would use.
"$KOPERTA_TEST_PYTHON" tests/support/scan_secrets.py "$log"
