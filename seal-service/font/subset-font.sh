#!/usr/bin/env bash
# Makes src/main/resources/org/fujie/seal/image/font/NotoSerifSC-Bold-GB2312.ttf from the
# Noto Serif SC Bold TTF that the npm package @expo-google-fonts/noto-serif-sc@0.4.3 ships.
# Needs: npm, python3 with fontTools (Debian: apt-get install -y fonttools; made with 4.38.0).
# The output is byte-for-byte reproducible with the same fontTools version (timestamps kept).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$here/../src/main/resources/org/fujie/seal/image/font"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"

npm pack --silent @expo-google-fonts/noto-serif-sc@0.4.3 >/dev/null
echo "ff6bcf5ba68d92dfecc05544bb150f9e724741a932354a0dd97e7289c40a3f5e  expo-google-fonts-noto-serif-sc-0.4.3.tgz" | sha256sum -c -
tar xzf expo-google-fonts-noto-serif-sc-0.4.3.tgz package/700Bold/NotoSerifSC_700Bold.ttf package/LICENSE_FONT

# Every character GB 2312 encodes (6,763 hanzi plus its symbols and punctuation) and printable ASCII.
/usr/bin/python3 - <<'PY' > chars.txt
chars = [chr(c) for c in range(0x20, 0x7F)]
for hi in range(0xA1, 0xF8):
    for lo in range(0xA1, 0xFF):
        try:
            chars.append(bytes([hi, lo]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
print("".join(chars))
PY

# No layout features or hinting: the renderer sets text glyph by glyph and draws at large sizes.
pyftsubset package/700Bold/NotoSerifSC_700Bold.ttf \
  --text-file=chars.txt --layout-features='' --no-hinting --notdef-outline \
  --name-IDs='*' --name-languages='*' \
  --output-file="$out/NotoSerifSC-Bold-GB2312.ttf"
# The font's own copyright (name ID 0) first, then the package's licence file as shipped.
/usr/bin/python3 - "$out/NotoSerifSC-Bold-GB2312.ttf" <<'PY' > "$out/OFL.txt"
import sys
from fontTools.ttLib import TTFont
print("Noto Serif SC Bold: " + TTFont(sys.argv[1])["name"].getDebugName(0))
PY
echo >> "$out/OFL.txt"
cat package/LICENSE_FONT >> "$out/OFL.txt"
sha256sum "$out/NotoSerifSC-Bold-GB2312.ttf"
