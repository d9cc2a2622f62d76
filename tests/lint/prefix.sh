#!/bin/sh
# Every name libmif defines for other files carries its prefix, mif_, so
# that a program linking the static library meets none of its own.
# Internal names get it from a #define in their layer's header.  Names
# that start with two underscores are the compiler's (the sanitizers add
# __odr_asan.NAME beside globals).
#
# Usage: tests/lint/prefix.sh LIBMIF.A

lib=${1:?usage: tests/lint/prefix.sh LIBMIF.A}
bad=$(nm --defined-only -g "$lib" 2>/dev/null |
    awk 'NF == 3 && $3 !~ /^mif_/ && $3 !~ /^__/ { print $3 }' | sort -u)
[ -z "$bad" ] && exit 0
echo "$lib: names without the mif_ prefix:" $bad
exit 1
