#!/bin/sh
# The layer rule of libmif (HACKING.md): a file of mif/LAYER/, the public
# header mif/LAYER.h and the grammar (of lang) include headers of their
# own layer and of the layers it may use, nothing above.  Headers are
# named by layer: "lang/internal.h", "mif/sms.h"; "mif.h", which gathers
# every layer, is for programs, never for the library.
#
# Usage: tests/lint/layers.sh [TOP]   (TOP: the tree's top, default .)
# Prints each include that breaks the rule as FILE:LINE: why; exits 1
# when there is one.

cd "${1:-.}" || exit 2

# What each layer may use, itself included.
uses() {
	case $1 in
	lang) echo lang ;;
	meaning) echo lang meaning ;;
	forms) echo lang forms ;;
	sms) echo lang meaning sms ;;
	sched) echo lang meaning sms sched ;;
	esac
}
layers='lang meaning forms sms sched'

# The layer a file belongs to, from where it stands; nothing when the rule
# does not cover it.
layer_of_file() {
	case $1 in
	grammar/*) echo lang ;;
	mif/mif.h) ;;
	mif/*/*) l=${1#mif/}; echo "${l%%/*}" ;;
	mif/*.h) l=${1#mif/}; echo "${l%.h}" ;;
	esac
}

status=0
for f in mif/*.c mif/*.h mif/*/* grammar/*.l grammar/*.y; do
	[ -f "$f" ] || continue
	# (In case patterns * crosses slashes: count them on the name.)
	case ${f#mif/} in
	*/*/*) deep=yes ;;
	*/*) deep=no ;;
	*.c) deep=yes ;;
	*) deep=no ;;
	esac
	if [ "${f%%/*}" = mif ] && [ $deep = yes ]; then
		echo "$f: stands in no layer folder (mif/LAYER/)"; status=1
		continue
	fi
	own=$(layer_of_file "$f")
	[ -n "$own" ] || continue
	case " $layers " in
	*" $own "*) ;;
	*) echo "$f: mif/$own is no layer ($layers)"; status=1; continue ;;
	esac
	allowed=" $(uses "$own") "
	# FILE:LINE:HEADER for each include of a quoted or a mif/ header.
	out=$(awk -v f="$f" '
		/^[ \t]*#[ \t]*include[ \t]*"/ {
			h = $0; sub(/^[^"]*"/, "", h); sub(/".*/, "", h)
			print f ":" FNR ":" h
		}
		/^[ \t]*#[ \t]*include[ \t]*<mif[\/.]/ {
			h = $0; sub(/^[^<]*</, "", h); sub(/>.*/, "", h)
			print f ":" FNR ":" h
		}' "$f") || exit 2
	for hit in $out; do
		place=${hit%:*}
		h=${hit##*:}
		case $h in
		mif.h) layer=all ;;
		mif/*.h) layer=${h#mif/}; layer=${layer%.h} ;;
		*..*) layer=outside ;;
		*/*) layer=${h%%/*} ;;
		mif.tab.h | mif.lex.h) layer=lang ;;   # the generated parser
		mif_xsd.h) layer=forms ;;              # the XML Schema, as C
		*) layer=unnamed ;;
		esac
		case $layer in
		all) why='"mif.h" gathers every layer; include the layers by name' ;;
		outside) why='a header outside the library' ;;
		unnamed) why='name the header by its layer ("lang/internal.h")' ;;
		*)
			case " $layers " in
			*" $layer "*) ;;
			*) why="$layer is no layer"; layer=bad ;;
			esac
			case $allowed in
			*" $layer "*) continue ;;
			esac
			[ "$layer" = bad ] ||
			    why="the $own layer may not use $layer (only:$(printf %s "$allowed" | sed 's/ $//'))" ;;
		esac
		echo "$place: includes \"$h\": $why"
		status=1
	done
done
exit $status
