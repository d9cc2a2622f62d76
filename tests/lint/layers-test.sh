#!/bin/sh
# tests/lint/layers.sh on a small tree: silent on includes the layer rule
# allows, and one line per include it forbids, with exit status 1.
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d) || exit 2
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/mif/lang" "$tmp/mif/meaning" "$tmp/mif/sched" "$tmp/grammar"
printf '#include "mif/lang.h"\n' > "$tmp/mif/meaning.h"
printf '#include <stdio.h>\n#include "lang/internal.h"\n#include "mif.tab.h"\n' \
    > "$tmp/mif/lang/a.c"
printf '#include "lang/internal.h"\n#include "meaning/check.h"\n' \
    > "$tmp/mif/meaning/b.c"
printf '#include "sms/internal.h"\n#include "mif/meaning.h"\n' \
    > "$tmp/mif/sched/c.c"
printf '%%{\n#include "lang/parse.h"\n%%}\n' > "$tmp/grammar/g.y"

fail() { echo "layers-test: $*"; exit 1; }
out=$("$here/layers.sh" "$tmp") || fail "a tree that keeps the rule fails: $out"
[ -z "$out" ] || fail "a tree that keeps the rule gives: $out"

printf '#include "meaning/check.h"\n' >> "$tmp/mif/lang/a.c"
printf '#include "mif/sched.h"\n' >> "$tmp/mif/meaning.h"
printf '#include "mif.h"\n#include "check.h"\n' >> "$tmp/mif/meaning/b.c"
printf '#include "../cli/cli.h"\n' >> "$tmp/mif/sched/c.c"
printf '#include "sched/internal.h"\n' > "$tmp/grammar/g.l"
: > "$tmp/mif/loose.c"
want='grammar/g.l:1: includes "sched/internal.h": the lang layer may not use sched (only: lang)
mif/loose.c: stands in no layer folder (mif/LAYER/)
mif/meaning.h:2: includes "mif/sched.h": the meaning layer may not use sched (only: lang meaning)
mif/lang/a.c:4: includes "meaning/check.h": the lang layer may not use meaning (only: lang)
mif/meaning/b.c:3: includes "mif.h": "mif.h" gathers every layer; include the layers by name
mif/meaning/b.c:4: includes "check.h": name the header by its layer ("lang/internal.h")
mif/sched/c.c:3: includes "../cli/cli.h": a header outside the library'
out=$("$here/layers.sh" "$tmp") && fail "a tree that breaks the rule passes"
[ "$(printf '%s\n' "$out" | sort)" = "$(printf '%s\n' "$want" | sort)" ] ||
    fail "$(printf 'expected:\n%s\ngot:\n%s' "$want" "$out")"
