#!/bin/sh
# Every name libmif defines for other files carries its prefix, mif_, so
# that a program linking the static library meets none of its own.
# Internal names get it from a #define in their layer's header.
#
# Usage: tests/lint/prefix.sh LIBMIF.A

lib=${1:?usage: tests/lint/prefix.sh LIBMIF.A}
# (AddressSanitizer adds an __odr_asan.NAME beside each global NAME.)
bad=$(nm --defined-only -g "$lib" 2>/dev/null |
    awk 'NF == 3 && $3 !~ /^mif_/ && $3 !~ /^__odr_asan[.]mif_/ { print $3 }' |
    sort -u)
[ -z "$bad" ] && exit 0
echo "$lib: names without the mif_ prefix:" $bad
exit 1
