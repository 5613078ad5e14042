# Sourced by the get-*.sh scripts: one way to fetch a labelled set's code.
#   fetch_wheels DEST SET REQUIREMENT...   -> DEST/SET/<package> for each pinned requirement
# Each is a pure-Python wheel from PyPI, unzipped (nothing is installed), kept in DEST/.wheels;
# idempotent: a folder with a .done marker is left alone. Modelled on shared/bench/get-corpus.sh.
fetch_wheels() {
  _fetch_each "$1" "$2" _pure_wheel "${@:3}"
}

# The same for libraries that ship only compiled wheels (Cython or mypyc speed-ups beside their
# `.py` sources, which are what taskleak reads) or that do not admit Python 3.14: the CPython
# 3.12 wheel for this machine's platform. The `.py` files are the same on every platform.
fetch_platform_wheels() {
  _fetch_each "$1" "$2" _platform_wheel "${@:3}"
}

# The same for libraries that publish no wheel of their current release, only an sdist: its top
# folder unpacked into DEST/SET/<package> (the layout of an unzipped wheel: the package folder
# at the top, beside the sdist's own files).
fetch_sdist() {
  _fetch_each "$1" "$2" _sdist "${@:3}"
}

# The loop the three share: HOW TMP TARGET REQUIREMENT downloads one requirement into TMP (its
# only file, then kept in DEST/.wheels) and unpacks it into TARGET.
_fetch_each() {
  local dest=$1 set=$2 how=$3 req tmp target
  shift 3
  mkdir -p "$dest/$set" "$dest/.wheels"
  for req in "$@"; do
    target="$dest/$set/${req%%==*}"
    [ -f "$target/.done" ] && continue
    tmp=$(mktemp -d)
    "$how" "$tmp" "$target" "$req"
    cp "$tmp"/* "$dest/.wheels/" && rm -rf "$tmp"
    touch "$target/.done"
    echo "$req -> $target"
  done
}

_pure_wheel() {
  local py=${PYTHON:-python3} whl
  "$py" -m pip download -q --no-deps --only-binary :all: --python-version 3.14.2 -d "$1" "$3"
  whl=$(ls "$1"/*.whl | head -n 1)
  case "$whl" in *-none-any.whl) ;; *) echo "not a pure-Python wheel: $whl" >&2; exit 1 ;; esac
  rm -rf "$2" && mkdir -p "$2"
  "$py" -m zipfile -e "$whl" "$2"
}

_platform_wheel() {
  local py=${PYTHON:-python3} whl
  "$py" -m pip download -q --no-deps --only-binary :all: --python-version 3.12 -d "$1" "$3"
  whl=$(ls "$1"/*.whl | head -n 1)
  rm -rf "$2" && mkdir -p "$2"
  "$py" -m zipfile -e "$whl" "$2"
}

_sdist() {
  local py=${PYTHON:-python3} sdist
  "$py" -m pip download -q --no-deps --no-binary :all: -d "$1" "$3"
  sdist=$(ls "$1"/*.tar.gz | head -n 1)
  rm -rf "$2" && mkdir -p "$2"
  tar -xzf "$sdist" -C "$2" --strip-components=1
}
