# bash completion for the miftools (mif-check, mif-fmt, ...).
#
# Installed once as share/bash-completion/completions/mif-check, and as
# a link of that name for every other tool, so that bash-completion
# loads it for whichever tool is typed first.  The options are those
# the tool's --help lists, so that they stay in step with the tool; the
# values are those its usage lines spell "OPTION a|b|c", and the SMS
# versions and mif-check profiles.

_miftools_help()
{
	# one --help per tool and shell
	local var="_miftools_help_${1//[^a-zA-Z0-9]/_}"
	if [[ -z ${!var} ]]; then
		printf -v "$var" '%s' "$("$1" --help 2>/dev/null)"
	fi
	printf '%s\n' "${!var}"
}

# The values a usage line spells after an option ("-f text|tsv|json").
_miftools_spelled()
{
	local word prev_word=
	for word in $1; do
		word=${word#[}
		word=${word%]}
		if [[ $prev_word == "$2" && $word == *"|"* ]]; then
			echo "${word//|/ }"
			return
		fi
		prev_word=$word
	done
}

# The values an option takes; the short and long spellings of an option
# (as "-f, --format" in --help) share them.
_miftools_values()
{
	local help other
	case $2 in
	--sms)
		# mif-check also names the SMS that profiles' files are for
		if [[ $1 == mif-check ]]; then echo "1.0 1.1 1.2 2.0 2003"
		else echo "1.0 1.1 1.2"; fi
		return ;;
	--profile) echo "dmi status noidmif idmif auto"; return ;;
	--input-encoding) echo "latin1 utf-8 utf-16le utf-16be"; return ;;
	esac
	help=$(_miftools_help "$1")
	other=$(sed -n 's/^ *\(-[a-zA-Z]\), \(--[a-z-]*\).*/\1 \2/p' <<<"$help" |
	    awk -v o="$2" '$1 == o { print $2 } $2 == o { print $1 }')
	_miftools_spelled "$help" "$2" | grep . ||
	    { [[ -n $other ]] && _miftools_spelled "$help" "$other"; }
}

_miftools()
{
	local cur=${COMP_WORDS[COMP_CWORD]} prev= tool=${COMP_WORDS[0]}
	local values opts
	((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}
	COMPREPLY=()

	if [[ $prev == -* ]]; then
		values=$(_miftools_values "$tool" "$prev")
		if [[ -n $values ]]; then
			COMPREPLY=($(compgen -W "$values" -- "$cur"))
			return
		fi
	fi
	if [[ $cur == -* ]]; then
		# "-f" and "--format", not "-qsH" (options bundled in a usage line)
		opts=$(_miftools_help "$tool" |
		    grep -oE -- '(^|[ [,|])(--[a-zA-Z][a-zA-Z0-9-]*|-[a-zA-Z])([],= |]|$)' |
		    sed -E 's/^[ [,|]//; s/[],= |]$//' | sort -u)
		COMPREPLY=($(compgen -W "$opts" -- "$cur"))
		return
	fi
	COMPREPLY=($(compgen -f -- "$cur"))
}

complete -o filenames -F _miftools mif-audit mif-check mif-conv mif-diff \
    mif-expire mif-fmt mif-get mif-sched mif-status
