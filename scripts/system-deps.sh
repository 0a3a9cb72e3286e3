#!/usr/bin/env bash
# Debian packages the tests need (CJK fonts and LibreOffice to build PDF fixtures, Chromium for the report's
# browser tests).
# fonts-wqy-microhei: reportlab embeds only TrueType outlines, and fonts-noto-cjk's are CFF (tests/pdfgen.py).
# Installs only what is missing; needs root (CI and the developers' machines run as root).
set -euo pipefail
need=()
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
dpkg -s fonts-wqy-microhei >/dev/null 2>&1 || need+=(fonts-wqy-microhei)
# The report's browser tests drive Debian's Chromium (Playwright's own browser download is not used).
dpkg -s chromium >/dev/null 2>&1 || need+=(chromium)
dpkg -s chromium-driver >/dev/null 2>&1 || need+=(chromium-driver)
# LibreOffice exports the Word-made PDF fixtures (tests/docxgen.py): 50 packages, ~86 MB download, 263 MB
# installed, under a minute to install from a warm cache; the tests skip when soffice is absent.
dpkg -s libreoffice-writer-nogui >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)
# poppler's pdftotext: the independent extractor the real-PDF tests compare our text with
dpkg -s poppler-utils >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" != 0 ]; then
    echo "system-deps: missing ${need[*]}; install them with apt-get (needs root)" >&2
    exit 0
  fi
  echo "system-deps: installing ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
