#!/usr/bin/env bash
# Installs what Regie needs to build, test and run on Debian bookworm. Idempotent: only
# missing packages are installed. Boost is pinned to the versioned 1.81 packages (the
# unversioned libboost-*-dev conflict with them).
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config dpkg-dev file ccache git
  qt6-base-dev qt6-declarative-dev qt6-multimedia-dev qt6-tools-dev qt6-l10n-tools
  qt6-websockets-dev
  qml6-module-qtquick qml6-module-qtquick-controls qml6-module-qtquick-layouts
  qml6-module-qtquick-templates qml6-module-qtquick-window qml6-module-qtqml-workerscript
  qml6-module-qtmultimedia qml6-module-qttest qml6-module-qtquick-dialogs
  libboost1.81-dev libboost-json1.81-dev libboost-url1.81-dev
  libavformat-dev libavcodec-dev libavfilter-dev libavutil-dev libswscale-dev libswresample-dev
  libssl-dev libsqlite3-dev
  ffmpeg xvfb xauth pulseaudio wrk curl fonts-noto-cjk fonts-arphic-ukai fonts-dejavu-core
  gstreamer1.0-tools gstreamer1.0-plugins-base gstreamer1.0-plugins-good gstreamer1.0-plugins-bad
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

echo "install-deps: installing ${#missing[@]} packages: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get -o DPkg::Lock::Timeout=900 update -qq
$sudo apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
