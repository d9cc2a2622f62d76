#!/bin/sh
# libmif.so exports the documented API and nothing else: the functions
# of libmif(3)'s SYNOPSIS are the names that nm finds defined in the
# shared library, and every function the public headers declare is one
# of them.  Each difference is named, as
#   mif_sink_put, exported by libmif.so, is not in libmif(3) SYNOPSIS
# Usage: tests/lint/exports.sh LIBMIF.SO [CC]
lib=$1 cc=${2:-cc}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

awk '/^\.Sh /{ in_syn = ($2 == "SYNOPSIS") }
    in_syn && /^\.F[no] / { print $2 }' man/libmif.3 | sort -u >"$tmp/page"
nm -D --defined-only "$lib" | awk '{ print $NF }' | sort -u >"$tmp/lib"
# Comments stripped (the headers name functions in their prose) and
# function types left out (typedef void mif_x_fn(...)).
for h in mif/*.h; do $cc -fpreprocessed -dD -E -P "$h" 2>/dev/null; done |
    grep -v '^typedef' | grep -oE '\bmif_[A-Za-z0-9_]+ *\(' |
    tr -d ' (' | sort -u >"$tmp/headers"

[ -s "$tmp/page" ] || { echo "libmif(3): no functions in SYNOPSIS"; exit 1; }
comm -23 "$tmp/lib" "$tmp/page" |
    sed 's/$/, exported by libmif.so, is not in libmif(3) SYNOPSIS/' >"$tmp/out"
comm -13 "$tmp/lib" "$tmp/page" |
    sed 's/$/, in libmif(3) SYNOPSIS, is not exported by libmif.so/' >>"$tmp/out"
comm -23 "$tmp/headers" "$tmp/page" |
    sed 's/$/, declared in mif\/*.h, is not in libmif(3) SYNOPSIS/' >>"$tmp/out"
cat "$tmp/out"
[ ! -s "$tmp/out" ]
