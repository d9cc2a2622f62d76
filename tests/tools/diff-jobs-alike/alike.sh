# Every mif-diff case of tests/tools, run again with -j 1 (OLD, then NEW)
# and -j 2 (both read at once): the two must print the same bytes, in
# the same order, and exit alike.  Prints each case with "alike" or
# what differed.
real=$(command -v mif-diff)
top=$(pwd)
for jobs in 1 2; do
	mkdir -p "$top/bin$jobs"
	printf '#!/bin/sh\nexec "%s" -j %s "$@"\n' "$real" "$jobs" \
	    >"$top/bin$jobs/mif-diff"
	chmod +x "$top/bin$jobs/mif-diff"
done
for case in "$SRCDIR"/tests/tools/diff-*; do
	name=${case##*/}
	[ -f "$case/cmd" ] && [ "$name" != diff-jobs-alike ] || continue
	for jobs in 1 2; do
		out=$top/out$jobs
		rm -rf "$out" && mkdir -p "$out/run"
		for f in "$case"/*; do
			case ${f##*/} in cmd|stdout|stderr|status) ;;
			*) cp -R "$f" "$out/run/" ;;
			esac
		done
		(cd "$out/run" && PATH="$top/bin$jobs:$PATH" sh -c "$(cat "$case/cmd")" \
		    >"$out/stdout" 2>"$out/stderr" </dev/null; echo $? >"$out/status")
	done
	if cmp -s "$top/out1/stdout" "$top/out2/stdout" &&
	   cmp -s "$top/out1/stderr" "$top/out2/stderr" &&
	   cmp -s "$top/out1/status" "$top/out2/status"; then
		echo "$name: alike"
	else
		echo "$name: -j 1 and -j 2 differ"
		diff "$top/out1/stderr" "$top/out2/stderr"
	fi
done
