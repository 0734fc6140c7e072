#!/usr/bin/env bash
# Checks the packaging files and builds the Debian package; run by
# tests/run.sh after the test suite (which built target/debug/koperta).
#  - the desktop entry and AppStream metainfo validate;
#  - the .deb is built with cargo-deb from the debug build (a release build
#    would take longer than the whole test run), unpacked with dpkg -x, every
#    file is where it belongs, and the installed binary prints --version;
#  - the files of the platforms this machine cannot build for parse:
#    the Flatpak manifest, the WiX source, the macOS Info.plist.
set -euo pipefail
cd "$(dirname "$0")/.."
id=io.github.koperta.Koperta
fail() { echo "packaging/check.sh: $*" >&2; exit 1; }

desktop-file-validate "packaging/linux/$id.desktop"
appstreamcli validate --no-net "packaging/linux/$id.metainfo.xml"
grep -q '^MimeType=x-scheme-handler/mailto;$' "packaging/linux/$id.desktop" || fail "no mailto handler"

cargo_deb="${CARGO_DEB:-target/tools/bin/cargo-deb}"
rm -rf target/debian
"$cargo_deb" --no-build --profile dev --fast -o target/debian/ 2>&1 \
    | grep -v -e 'dev profile is not supported' -e 'To enable debug symbols' || true
deb=$(ls target/debian/koperta_*.deb)
root=target/debian/root
dpkg -x "$deb" "$root"
for f in usr/bin/koperta \
         "usr/share/applications/$id.desktop" \
         "usr/share/metainfo/$id.metainfo.xml" \
         "usr/share/icons/hicolor/scalable/apps/$id.svg" \
         usr/share/doc/koperta/README.md; do
    [ -f "$root/$f" ] || fail "$f is missing from $deb"
done
for s in 16 32 48 64 128 256 512; do
    [ -f "$root/usr/share/icons/hicolor/${s}x${s}/apps/$id.png" ] || fail "the ${s}px icon is missing"
done
[ -x "$root/usr/bin/koperta" ] || fail "usr/bin/koperta is not executable"
depends=$(dpkg-deb -f "$deb" Depends)
for lib in libc6 libx11-6 libx11-xcb1 libxcursor1 libxi6 libxkbcommon-x11-0; do
    case "$depends" in *"$lib"*) ;; *) fail "Depends lacks $lib: $depends" ;; esac
done
version=$("$root/usr/bin/koperta" --version)
[ "$version" = "koperta $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)" ] || fail "--version printed: $version"
echo "packaging/check.sh: $deb: $(du -h "$deb" | cut -f1), $version, Depends: $depends"

# (flatpak-builder leaves a state folder in the current directory.)
manifest="$PWD/packaging/flatpak/$id.yml"
warnings=$(cd "$(mktemp -d)" && flatpak-builder --show-manifest "$manifest" 2>&1 >/dev/null) \
    || fail "flatpak-builder cannot read the manifest: $warnings"
[ -z "$warnings" ] || fail "flatpak-builder: $warnings"
xmllint --noout packaging/windows/koperta.wxs
python3 - <<'PY'
import plistlib
with open("packaging/macos/Info.plist", "rb") as f:
    info = plistlib.load(f)
assert info["CFBundleIdentifier"] == "io.github.koperta.Koperta", info
assert ["mailto"] in [t["CFBundleURLSchemes"] for t in info["CFBundleURLTypes"]], info
PY
echo "packaging/check.sh: desktop entry, metainfo, .deb, Flatpak manifest, WiX source and Info.plist are fine"
