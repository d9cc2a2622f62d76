# Each report in HTML against the same in text: the HTML is well formed
# (as XML, and as HTML but for the HTML5 elements libxml2's HTML 4 parser
# does not know) and has the same figures (figures.sh).
set -u
mkdir gen && awk -v jobs=6 -f "$SRCDIR/tests/common/gen_histories.awk" || exit 1
cp gen/JOB00002.mif gen/JOB00007.mif
sed -i 's/JOB00002/JOB00007/; s/"Failed"/"Failure"/' gen/JOB00007.mif
cp -R "$SRCDIR/samples/jobs/inventory" "$SRCDIR/samples/jobs/seed-history.mif" .
cp seed-history.mif "a&<>\"'.mif"

well_formed() {
	xmllint --noout "$1" 2>&1
	xmllint --html --noout "$1" 2>&1 | awk '
		/HTML parser error : Tag (main|section|figure|figcaption|svg|text|rect) invalid/ { skip = 3 }
		skip > 0 { skip--; next }
		{ print }'
}

same() {
	name=$1; shift
	mif-audit "$@" > "$name.txt"
	mif-audit -f html "$@" > "$name.html"
	trouble=$(well_formed "$name.html")
	[ -z "$trouble" ] || { echo "$name: not well formed:"; echo "$trouble"; }
	sh figures.sh text < "$name.txt" > "$name.text-figures"
	sh figures.sh html < "$name.html" > "$name.html-figures"
	if cmp -s "$name.text-figures" "$name.html-figures"; then
		echo "$name: $(grep -c '^row' "$name.text-figures") lost rows, the same figures"
	else
		echo "$name: the figures differ:"
		diff "$name.text-figures" "$name.html-figures"
	fi
}

same seed seed-history.mif
same seed-inventory --inventory inventory seed-history.mif
same escapes --sms 1.1 "a&<>\"'.mif"
same generated gen 2>/dev/null
same generated-1.1 --sms 1.1,1.0 gen 2>/dev/null
mif-audit -f tsv gen/JOB0000[1-3].mif > part1.tsv
mif-audit -f json gen/JOB0000[4-7].mif seed-history.mif > part2.json 2>/dev/null
same merged --merge part1.tsv part2.json
