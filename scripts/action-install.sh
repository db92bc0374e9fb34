#!/usr/bin/env bash
# Installs apigwlint for the GitHub Action (action.yml); tested by
# internal/cli/action_install_test.go with a local fake release.
#
#   action-install.sh resolve   which release and platform; writes version, os,
#                               arch, dir, mode (download|source) to GITHUB_OUTPUT
#   action-install.sh install   downloads the release archive and checksums.txt
#                               into dir (kept when already there: the cache),
#                               verifies the sha256, unpacks, sets APIGWLINT_BIN;
#                               writes source=true when a source build is needed
#   action-install.sh build     builds apigwlint from the action's checkout
#
# A checksum that does not match, or an archive missing from checksums.txt,
# fails the step: an unverified binary is never run, and never replaced by
# a source build. A release that cannot be downloaded (no such release, a
# platform without binaries) falls back to the source build.
#
# Environment: INPUT_VERSION (vX.Y.Z, default: the action's ref when it is
# such a tag), ACTION_REF, ACTION_PATH, RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP,
# RUNNER_TOOL_CACHE, GITHUB_OUTPUT, GITHUB_ENV, APIGWLINT_RELEASE_URL (base
# URL of the release downloads; tests use a file:// directory).
set -euo pipefail

release_url=${APIGWLINT_RELEASE_URL:-https://github.com/apigwlint/apigwlint/releases/download}
semver='^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$'

out() { echo "$1=$2" >> "${GITHUB_OUTPUT:?}"; }

# platform maps the runner to a release target: "os arch", or nothing.
platform() {
  local os arch
  case "${RUNNER_OS:-}" in
    Linux) os=linux ;;
    macOS) os=darwin ;;
    Windows) os=windows ;;
    *) return 0 ;;
  esac
  case "${RUNNER_ARCH:-}" in
    X64) arch=amd64 ;;
    ARM64) arch=arm64 ;;
    *) return 0 ;;
  esac
  echo "$os $arch"
}

sha256() {
  if command -v sha256sum >/dev/null 2>&1; then sha256sum "$1" | cut -d' ' -f1
  else shasum -a 256 "$1" | cut -d' ' -f1; fi
}

resolve() {
  local version=${INPUT_VERSION:-} mode=download
  if [ -n "$version" ]; then
    if ! [[ "$version" =~ $semver ]]; then
      echo "::error title=apigwlint::version \"$version\" is not a release tag like v1.2.3"
      exit 2
    fi
  elif [[ "${ACTION_REF:-}" =~ $semver ]]; then
    version=$ACTION_REF
  else
    echo "apigwlint: the action's ref \"${ACTION_REF:-}\" is not a release tag; building from source"
    mode=source
  fi
  local target
  target=$(platform)
  if [ -z "$target" ]; then
    echo "apigwlint: no release binary for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}; building from source"
    mode=source
    target="unknown unknown"
  fi
  set -- $target
  out version "$version"
  out os "$1"
  out arch "$2"
  out dir "${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:?}}/apigwlint/${version:-source}/$1-$2"
  out mode "$mode"
}

install() {
  local version=${VERSION:-} os=${OS:-} arch=${ARCH:-} dir=${DIR:-} mode=${MODE:-}
  if [ "$mode" != download ]; then
    out source true
    return 0
  fi
  local ext=tar.gz exe=apigwlint
  if [ "$os" = windows ]; then ext=zip exe=apigwlint.exe; fi
  local archive="apigwlint_${version#v}_${os}_${arch}.$ext"
  mkdir -p "$dir"
  if [ -f "$dir/$archive" ] && [ -f "$dir/checksums.txt" ]; then
    echo "apigwlint $version: $archive from the cache"
  else
    echo "apigwlint $version: downloading $archive"
    if ! curl -fsSL --retry 3 -o "$dir/checksums.txt.part" "$release_url/$version/checksums.txt" ||
       ! curl -fsSL --retry 3 -o "$dir/$archive.part" "$release_url/$version/$archive"; then
      rm -f "$dir/checksums.txt.part" "$dir/$archive.part"
      echo "::warning title=apigwlint::could not download the $version release for $os/$arch; building from source"
      out source true
      return 0
    fi
    mv "$dir/checksums.txt.part" "$dir/checksums.txt"
    mv "$dir/$archive.part" "$dir/$archive"
  fi
  # Verified on every run, also when the files come from the cache.
  local want got
  want=$(awk -v f="$archive" '$2 == f || $2 == "*" f { print $1; exit }' "$dir/checksums.txt")
  got=$(sha256 "$dir/$archive")
  if [ -z "$want" ] || [ "$want" != "$got" ]; then
    rm -f "$dir/$archive" "$dir/checksums.txt"
    if [ -z "$want" ]; then
      echo "::error title=apigwlint::$archive is not listed in checksums.txt of $version; not running it"
    else
      echo "::error title=apigwlint::checksum mismatch for $archive: checksums.txt says $want, the download is $got; not running it"
    fi
    exit 1
  fi
  rm -rf "$dir/bin"
  mkdir -p "$dir/bin"
  if [ "$ext" = zip ]; then
    if command -v unzip >/dev/null 2>&1; then
      unzip -q -o "$dir/$archive" -d "$dir/bin"
    else
      powershell -NoProfile -Command "Expand-Archive -Force -LiteralPath '$dir/$archive' -DestinationPath '$dir/bin'"
    fi
  else
    tar -xzf "$dir/$archive" -C "$dir/bin"
  fi
  chmod +x "$dir/bin/$exe" 2>/dev/null || true
  echo "APIGWLINT_BIN=$dir/bin/$exe" >> "${GITHUB_ENV:?}"
  out source false
}

build() {
  local ldflags="" exe=""
  if [[ "${ACTION_REF:-}" =~ $semver ]]; then
    ldflags="-X github.com/apigwlint/apigwlint/internal/version.Version=$ACTION_REF"
  fi
  exe=$(go env GOEXE)
  local bin="${RUNNER_TEMP:?}/apigwlint-bin/apigwlint$exe"
  (cd "${ACTION_PATH:?}" && go build -trimpath -ldflags "$ldflags" -o "$bin" ./cmd/apigwlint)
  echo "APIGWLINT_BIN=$bin" >> "${GITHUB_ENV:?}"
}

case "${1:-}" in
  resolve) resolve ;;
  install) install ;;
  build) build ;;
  *) echo "usage: action-install.sh resolve|install|build" >&2; exit 2 ;;
esac
