#!/usr/bin/env bash
# Installs the Debian 12 packages that Taizhang needs to build, run and test,
# and only those that are missing; generates the zh_CN.UTF-8 locale the
# translation tests use. Run as root (or through sudo) on Debian 12.
set -euo pipefail

packages=(
  # build
  build-essential meson ninja-build pkg-config gettext clang-format
  libglib2.0-dev libglib2.0-bin libgtk-4-dev libadwaita-1-dev
  libsqlite3-dev libjson-glib-dev libxlsxwriter-dev libpoppler-glib-dev
  libgsf-1-dev libxml2-dev libcairo2-dev libpango1.0-dev libgdk-pixbuf-2.0-dev
  # run
  fonts-noto-cjk hicolor-icon-theme adwaita-icon-theme locales
  # test: a virtual display and session bus, validators, readers of our output
  xvfb xauth dbus dbus-x11 at-spi2-core python3 python3-gi gir1.2-atspi-2.0
  desktop-file-utils appstream sqlite3 poppler-utils imagemagick
  # test: spreadsheets written by other programs (openpyxl, LibreOffice), read back
  python3-openpyxl libreoffice-calc-nogui
  # benchmarks: the comparisons of bench/run
  python3-xlsxwriter
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -q
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Chinese messages need a Chinese locale; C.UTF-8 ignores LANGUAGE.
if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo sed -i 's/^# *zh_CN.UTF-8 UTF-8/zh_CN.UTF-8 UTF-8/' /etc/locale.gen
  grep -q '^zh_CN.UTF-8 UTF-8' /etc/locale.gen || echo 'zh_CN.UTF-8 UTF-8' | $sudo tee -a /etc/locale.gen >/dev/null
  $sudo locale-gen >/dev/null
fi
