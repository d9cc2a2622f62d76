/*
 * A comparison of whole documents written for people and scripts
 * (mif-diff -A): each group's differences as mif_diff_report_write()
 * writes a table's, with the place of the group on each line.
 */
#include <stdio.h>
#include <string.h>

#include "meaning/internal.h"
#include "meaning/diff.h"

/* The place of a part: its old group, else its new one; the ID when the
 * group is compared alone. */
static diff_where
where_of(const mif_doc_diff_part *p)
{
	diff_where w = { .group = p->old_group != NULL ? p->old_group
	    : p->new_group };

	w.has_id = !diff_group_is_class(w.group) &&
	    mif_block_id(w.group, &w.id);
	return w;
}

static void
header(FILE *out)
{
	fputs("change\tclass\tid\tgroup\tkey\tattribute\told\tnew\n", out);
}

static void
counts(FILE *out, const char *what, mif_diff_counts n, bool json)
{
	if (json)
		fprintf(out, "\"%s\":{\"changed\":%zu,\"removed\":%zu,"
		    "\"added\":%zu,\"same\":%zu}", what, n.changed, n.removed,
		    n.added, n.same);
	else
		fprintf(out, "%s: %zu changed, %zu only in old, %zu only in new, "
		    "%zu the same", what, n.changed, n.removed, n.added, n.same);
}

bool
mif_doc_diff_report_write(FILE *out, mif_doc_diff *dd, const char *old_name,
    const char *new_name, mif_diff_format format, unsigned flags)
{
	mif_doc_diff_part p;
	bool first = true, ok = true;

	if (format == MIF_DIFF_JSON) {
		fputs("{\"old\":", out);
		mif_json_print(old_name, strlen(old_name), out);
		fputs(",\"new\":", out);
		mif_json_print(new_name, strlen(new_name), out);
		fputs(",\"rows\":[", out);
	}
	if (format == MIF_DIFF_TSV && (flags & MIF_DIFF_HEADER))
		header(out);
	while (ok && mif_doc_diff_next(dd, &p)) {
		diff_where w = where_of(&p);
		ok = p.rows != NULL
		    ? diff_rows_write(out, p.rows, format, &w, flags, &first)
		    : diff_group_write(out, &w, p.kind, format, flags, &first);
	}
	if (!ok || ferror(out))
		return false; /* no counts of a report cut short */
	mif_doc_diff_counts n = mif_doc_diff_counts_of(dd);
	if (format == MIF_DIFF_TEXT && (flags & MIF_DIFF_SUMMARY)) {
		counts(out, "groups", n.groups, false);
		fputs("; ", out);
		counts(out, "rows", n.rows, false);
		putc('\n', out);
	}
	if (format == MIF_DIFF_JSON) {
		fputs("\n],\"counts\":{", out);
		counts(out, "groups", n.groups, true);
		putc(',', out);
		counts(out, "rows", n.rows, true);
		fputs("}}\n", out);
	}
	return !ferror(out);
}
