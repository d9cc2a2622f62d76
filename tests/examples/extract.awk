# Cut the examples out of one page for tests/examples/run (whose comment
# states the conventions).  A manual page's examples are its .Bd -literal
# blocks under .Sh EXAMPLES; the README's are its indented blocks that
# start with "$ ".  Writes into the folder OUT, for example number N:
#   N.meta  kind (cmd or file), folder, whether output is checked,
#           PAGE:LINE, and for a file its name, one a line
#   N.cmd   the command, or the file's contents
#   N.out   the output the page shows
#
#   awk -v out=DIR -v md=0|1 -f extract.awk PAGE

BEGIN { dir = md ? "." : "samples"; n = 0 }

# the directive of a comment line, "" when it holds none
function directive(line) {
	if (md) {
		if (line !~ /^<!-- *example-[a-z]+: .* -->$/ &&
		    line !~ /^<!-- *output: not checked *-->$/)
			return ""
		sub(/^<!-- */, "", line)
		sub(/ *-->$/, "", line)
	} else {
		if (line !~ /^\.\\" (example-[a-z]+|output): /)
			return ""
		sub(/^\.\\" /, "", line)
	}
	return line
}

function obey(d,   value) {
	value = d
	sub(/^[a-z-]+: */, "", value)
	if (d ~ /^example-dir: /) dir = value
	else if (d ~ /^example-file: /) file = value
	else if (d ~ /^output: not checked$/) unchecked = 1
	else bad(FILENAME ":" FNR ": unknown directive: " d)
}

function bad(msg) { print msg > "/dev/stderr"; errors++ }

# mdoc's escapes, as the page shows them
function unescape(s) {
	gsub(/\\e/, "\001", s)
	gsub(/\\\(aq/, "'", s)
	gsub(/\\\(dq/, "\"", s)
	gsub(/\\\(ga/, "`", s)
	gsub(/\\&/, "", s)
	gsub(/\\-/, "-", s)
	gsub(/\001/, "\\", s)
	return s
}

# whether the shell would ask for more: an open quote, or a line that
# ends in \, | or &&
function incomplete(s,   i, c, q) {
	q = ""
	for (i = 1; i <= length(s); i++) {
		c = substr(s, i, 1)
		if (q == "'") { if (c == "'") q = ""; continue }
		if (c == "\\") { i++; continue }
		if (q == "\"") { if (c == "\"") q = ""; continue }
		if (c == "'" || c == "\"") q = c
	}
	return q != "" || s ~ /(\\|\||&&)[ \t]*$/
}

function emit(kind, where, name, text, expected,   f) {
	f = out "/" sprintf("%03d", ++n)
	printf "%s\n%s\n%s\n%s\n%s\n", kind, dir, unchecked ? "no" : "yes",
	    where, name > (f ".meta")
	printf "%s", text > (f ".cmd")
	printf "%s", expected > (f ".out")
	close(f ".meta"); close(f ".cmd"); close(f ".out")
}

function flush(   i, text, cmd, where, expected) {
	if (file != "") {
		for (i = 1; i <= nb; i++)
			text = text line[i] "\n"
		emit("file", FILENAME ":" at[1], file, text, "")
	} else {
		i = 1
		if (nb > 0 && line[1] !~ /^\$ /)
			bad(FILENAME ":" at[1] ": an example block that is no " \
			    "command and names no example-file")
		while (i <= nb) {
			if (line[i] !~ /^\$ /) { i++; continue }
			where = FILENAME ":" at[i]
			cmd = substr(line[i], 3)
			for (i++; i <= nb && (incomplete(cmd) || line[i] ~ /^> /); i++)
				cmd = cmd "\n" (line[i] ~ /^> / ? substr(line[i], 3) : line[i])
			expected = ""
			for (; i <= nb && line[i] !~ /^\$ /; i++)
				expected = expected line[i] "\n"
			emit("cmd", where, "", cmd "\n", expected)
		}
	}
	nb = 0; file = ""; unchecked = 0; inblock = 0
}

!md && /^\.Sh / { inex = ($0 == ".Sh EXAMPLES"); next }
!md && !inex { next }
!md && !inblock && /^\.Bd -literal/ { inblock = 1; nb = 0; next }
!md && inblock && /^\.Ed/ { flush(); next }
!md && inblock && /^\.\\"/ { next }
!md && inblock { line[++nb] = unescape($0); at[nb] = FNR; next }
!md { d = directive($0); if (d != "") obey(d); next }

md && inblock && /^    / { while (blanks > 0) { line[++nb] = ""; at[nb] = FNR - blanks--; }
	line[++nb] = substr($0, 5); at[nb] = FNR; next }
md && inblock && /^$/ { blanks++; next }
md && inblock { flush(); blanks = 0 }
md && /^    \$ / { inblock = 1; nb = 0; line[++nb] = substr($0, 5); at[nb] = FNR; next }
md { d = directive($0); if (d != "") obey(d) }

END {
	if (inblock) flush()
	exit errors > 0
}
