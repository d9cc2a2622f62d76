# The figures of an audit report, one a line, sorted, so that the text
# and HTML forms of one report can be compared:
#   sh figures.sh text|html < REPORT
# totals (jobs, skipped, workstations, each truth), per version the lost
# and recovered rows, per version and truth the kept and lost rows, and
# each lost row as "row JOB SMS-ID VERSION".
case $1 in
text) awk '
	/^job / { job = $2; next }
	/^  / {
		truth = $2 == "never" ? "never ran" : $2
		for (j = 3; j <= NF; j++)
			if ($j == "(lost)") {
				print "row", job, $1, $(j - 2)
				lost[$(j - 2), truth]++
			}
		next
	}
	/^audited / {
		print "totals", $2, $5, $6, $8, $10, $12
		total["Complete"] = $8; total["Failed"] = $10; total["never ran"] = $12
	}
	/^lost: / || /^recovered from the inventory: / {
		what = $1 == "lost:" ? "lost" : "recovered"
		s = $0; sub(/^[^:]*: /, "", s); gsub(/,/, "", s)
		n = split(s, f, " ")
		for (j = 1; j + 2 <= n; j += 3) {
			print what, f[j + 2], f[j]
			if (what == "lost")
				versions[++nv] = f[j + 2]
		}
	}
	END {
		for (v = 1; v <= nv; v++)
			for (t in total)
				print "outcome", versions[v], t, total[t] - lost[versions[v], t],
				    lost[versions[v], t] + 0
	}' ;;
html) awk '
	function cell(i) { return c[i] }
	/^<h2>job / { job = $2; next }
	/^<thead><tr><th>workstation/ {
		nv = 0; s = $0
		while (match(s, /<th>SMS [^<]*<\/th>/)) {
			v[++nv] = substr(s, RSTART + 8, RLENGTH - 13)
			s = substr(s, RSTART + RLENGTH)
		}
		next
	}
	/^<section class="summary">/ { summary = 1 }
	/^<p>audited / && summary {
		s = $0; gsub(/<[^>]*>/, "", s); split(s, f, " ")
		print "totals", f[2], f[5], f[6], f[8], f[10], f[12]
	}
	/^<tr/ {
		s = $0; sub(/^<tr[^>]*>/, "", s); sub(/<\/tr>$/, "", s)
		n = split(s, c, "</td>")
		for (i = 1; i <= n; i++) {
			lostcell[i] = c[i] ~ /class="lost"/
			sub(/^<td[^>]*>/, "", c[i])
		}
		if (summary) {
			print "outcome", c[1], "Complete", c[2], c[3]
			print "outcome", c[1], "Failed", c[4], c[5]
			print "outcome", c[1], "never ran", c[6], c[7]
			print "lost", c[1], c[8]
			if (n > 9)
				print "recovered", c[1], c[9]
		} else
			for (i = 1; i <= nv; i++)
				if (lostcell[i + 2])
					print "row", job, c[1], v[i]
	}' ;;
esac | LC_ALL=C sort
