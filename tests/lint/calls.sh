#!/bin/sh
# Circles between libmif's files: each line names files that call one
# another round (A calls B, ..., which calls A), read from the symbols
# the built objects define and use (nm).  Nothing printed: no circle.
#
# Usage: tests/lint/calls.sh [BUILD]   (BUILD: the build folder, default build)

b=${1:-build}
objs=$(ls "$b"/obj/mif/*/*.o "$b"/obj/gen/*.o 2>/dev/null) ||
    { echo "calls.sh: no objects under $b/obj: run make first" >&2; exit 2; }
for o in $objs; do
	n=${o#"$b"/obj/}; n=${n#mif/}; n=${n%.o}
	nm --defined-only -g "$o" | awk -v n="$n" 'NF == 3 { print "D", $3, n }'
	nm -u "$o" | awk -v n="$n" '{ print "U", $NF, n }'
done | awk '
	$1 == "D" { def[$2] = $3; next }
	{ use[++nu] = $2; user[nu] = $3 }
	END {
		for (i = 1; i <= nu; i++) {
			d = def[use[i]]
			if (d == "" || d == user[i]) continue
			if (!((user[i], d) in r)) { r[user[i], d] = 1 }
			node[user[i]] = node[d] = 1
		}
		for (k in node) for (i in node) if ((i, k) in r)
			for (j in node) if ((k, j) in r) r[i, j] = 1
		n = 0
		for (i in node) name[++n] = i
		# sort the names, so that the output is stable
		for (i = 2; i <= n; i++)
			for (j = i; j > 1 && name[j - 1] > name[j]; j--) {
				t = name[j]; name[j] = name[j - 1]; name[j - 1] = t
			}
		for (i = 1; i <= n; i++) {
			a = name[i]
			if (done[a] || !((a, a) in r)) continue
			line = a
			for (j = i + 1; j <= n; j++)
				if ((a, name[j]) in r && (name[j], a) in r) {
					line = line " " name[j]; done[name[j]] = 1
				}
			print line
		}
	}'
