#!/bin/sh
# Each public header compiles alone, as libmif(3) promises: mif.h and
# every layer's mif/LAYER.h, each including the layers it is built on.
# Usage: tests/lint/headers.sh [CC]
cc=${1:-cc}
status=0
# -I. -Imif: the headers stand as installed, mif.h beside mif/.
for h in mif/*.h; do
	case $h in mif/mif.h) inc=mif.h ;; *) inc=$h ;; esac
	printf '#include <%s>\nint main(void) { return 0; }\n' "$inc" |
	    $cc -std=c11 -Wall -Wextra -pedantic -Werror -I. -Imif -fsyntax-only \
	    -x c - || { echo "$h does not compile alone"; status=1; }
done
exit $status
