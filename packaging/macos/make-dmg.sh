#!/usr/bin/env bash
# Builds Koperta.app and Koperta.dmg on macOS (not buildable on Linux):
#   bash packaging/macos/make-dmg.sh
# Needs Xcode's command-line tools (iconutil, hdiutil) and librsvg
# (rsvg-convert, from Homebrew) for the icon.
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --locked
app=target/macos/Koperta.app
rm -rf "$app" && mkdir -p "$app/Contents/MacOS" "$app/Contents/Resources"
cp target/release/koperta "$app/Contents/MacOS/koperta"
cp packaging/macos/Info.plist "$app/Contents/Info.plist"
iconset=target/macos/Koperta.iconset
mkdir -p "$iconset"
for s in 16 32 128 256 512; do
    rsvg-convert -w $s -h $s packaging/linux/icons/io.github.koperta.Koperta.svg -o "$iconset/icon_${s}x${s}.png"
    rsvg-convert -w $((s * 2)) -h $((s * 2)) packaging/linux/icons/io.github.koperta.Koperta.svg -o "$iconset/icon_${s}x${s}@2x.png"
done
iconutil -c icns "$iconset" -o "$app/Contents/Resources/Koperta.icns"
hdiutil create -volname Koperta -srcfolder "$app" -ov -format UDZO target/macos/Koperta.dmg
echo "target/macos/Koperta.dmg"
