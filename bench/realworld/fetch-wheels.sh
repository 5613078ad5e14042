# Sourced by the get-*.sh scripts: one way to fetch a labelled set's code.
#   fetch_wheels DEST SET REQUIREMENT...   -> DEST/SET/<package> for each pinned requirement
# Each is a pure-Python wheel from PyPI, unzipped (nothing is installed), kept in DEST/.wheels;
# idempotent: a folder with a .done marker is left alone. Modelled on shared/bench/get-corpus.sh.
fetch_wheels() {
  local dest=$1 set=$2 req tmp whl target py=${PYTHON:-python3}
  shift 2
  mkdir -p "$dest/$set" "$dest/.wheels"
  for req in "$@"; do
    target="$dest/$set/${req%%==*}"
    [ -f "$target/.done" ] && continue
    tmp=$(mktemp -d)
    "$py" -m pip download -q --no-deps --only-binary :all: --python-version 3.14.2 -d "$tmp" "$req"
    whl=$(ls "$tmp"/*.whl | head -n 1)
    case "$whl" in *-none-any.whl) ;; *) echo "not a pure-Python wheel: $whl" >&2; exit 1 ;; esac
    rm -rf "$target" && mkdir -p "$target"
    "$py" -m zipfile -e "$whl" "$target"
    cp "$whl" "$dest/.wheels/" && rm -rf "$tmp"
    touch "$target/.done"
    echo "$req -> $target"
  done
}

# The same for libraries that ship only compiled wheels (Cython or mypyc speed-ups beside their
# `.py` sources, which are what taskleak reads) or that do not admit Python 3.14: the CPython
# 3.12 wheel for this machine's platform. The `.py` files are the same on every platform.
fetch_platform_wheels() {
  local dest=$1 set=$2 req tmp whl target py=${PYTHON:-python3}
  shift 2
  mkdir -p "$dest/$set" "$dest/.wheels"
  for req in "$@"; do
    target="$dest/$set/${req%%==*}"
    [ -f "$target/.done" ] && continue
    tmp=$(mktemp -d)
    "$py" -m pip download -q --no-deps --only-binary :all: --python-version 3.12 -d "$tmp" "$req"
    whl=$(ls "$tmp"/*.whl | head -n 1)
    rm -rf "$target" && mkdir -p "$target"
    "$py" -m zipfile -e "$whl" "$target"
    cp "$whl" "$dest/.wheels/" && rm -rf "$tmp"
    touch "$target/.done"
    echo "$req -> $target"
  done
}

# The same for libraries that publish no wheel of their current release, only an sdist: its top
# folder unpacked into DEST/SET/<package> (the layout of an unzipped wheel: the package folder
# at the top, beside the sdist's own files).
fetch_sdist() {
  local dest=$1 set=$2 req tmp sdist target py=${PYTHON:-python3}
  shift 2
  mkdir -p "$dest/$set" "$dest/.wheels"
  for req in "$@"; do
    target="$dest/$set/${req%%==*}"
    [ -f "$target/.done" ] && continue
    tmp=$(mktemp -d)
    "$py" -m pip download -q --no-deps --no-binary :all: -d "$tmp" "$req"
    sdist=$(ls "$tmp"/*.tar.gz | head -n 1)
    rm -rf "$target" && mkdir -p "$target"
    tar -xzf "$sdist" -C "$target" --strip-components=1
    cp "$sdist" "$dest/.wheels/" && rm -rf "$tmp"
    touch "$target/.done"
    echo "$req -> $target"
  done
}
