# Every mif-diff case of tests/tools, run again with -j 1 (OLD, then NEW)
# and -j 2 (both read at once): the two must print the same bytes, in
# the same order, and exit alike.  Prints the cases that differ, with
# how, then how many were run, so that new cases need no new output.
# With "whole" (sh alike.sh whole, from diff-digest-alike) the two runs
# are with MIF_DIFF_WHOLE set (tables read whole) and without (read as
# digests, mif_diff_parse()).
mode=${1:-jobs}
real=$(command -v mif-diff)
top=$(pwd)
n=0
differ=0
for jobs in 1 2; do
	mkdir -p "$top/bin$jobs"
	if [ "$mode" = whole ]; then
		[ "$jobs" = 1 ] && set_whole='MIF_DIFF_WHOLE=1 ' || set_whole=
		printf '#!/bin/sh\n%sexec "%s" "$@"\n' "$set_whole" "$real"
	else
		printf '#!/bin/sh\nexec "%s" -j %s "$@"\n' "$real" "$jobs"
	fi >"$top/bin$jobs/mif-diff"
	chmod +x "$top/bin$jobs/mif-diff"
done
for case in "$SRCDIR"/tests/tools/diff-*; do
	name=${case##*/}
	[ -f "$case/cmd" ] && [ "$name" != diff-jobs-alike ] &&
	    [ "$name" != diff-digest-alike ] || continue
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
	n=$((n + 1))
	for f in stdout stderr status; do
		if ! cmp -s "$top/out1/$f" "$top/out2/$f"; then
			echo "$name: $mode runs 1 and 2 differ on $f"
			diff "$top/out1/$f" "$top/out2/$f"
			differ=$((differ + 1))
		fi
	done
done
[ "$n" -gt 30 ] && [ "$differ" -eq 0 ] && echo "every mif-diff case alike" ||
    echo "$differ differences in $n cases"
