/*
 * Reading a TSV report of mif-audit for a merge: the header gives the
 * versions and the inventory, then each line is a workstation of a job
 * (consecutive lines of one job ID and file), a job without targets, or
 * a skipped history (mif-audit(1), OUTPUT).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_merge_read.h"

/* Undo the escapes of audit_format.c in place; false for a stray
 * backslash. */
static bool
unescape(char *s)
{
	size_t len = strlen(s);

	if (!mif_unescape(s, &len) || memchr(s, '\0', len) != NULL)
		return false;
	s[len] = '\0';
	return true;
}

/* The fields of a TSV line, split in place. */
#define TSV_MAX_FIELDS (4 + 2 * MIF_SMS_AUDIT_MAX + 3)

typedef struct tsv_line {
	char *field[TSV_MAX_FIELDS];
	unsigned column[TSV_MAX_FIELDS];
	size_t n;
} tsv_line;

static bool
split(merge *m, char *line, unsigned lineno, tsv_line *t)
{
	size_t len = strlen(line);

	if (len > 0 && line[len - 1] == '\n')
		line[--len] = '\0';
	/* a report that went through Windows: a field's own CR is "\r" */
	if (len > 0 && line[len - 1] == '\r')
		line[--len] = '\0';
	t->n = 0;
	for (char *s = line; ; ) {
		if (t->n == TSV_MAX_FIELDS)
			return merge_fail(m, lineno, (unsigned)(s - line) + 1,
			    "more fields than a report has");
		t->column[t->n] = (unsigned)(s - line) + 1;
		t->field[t->n++] = s;
		char *tab = strchr(s, '\t');
		if (tab == NULL)
			break;
		*tab = '\0';
		s = tab + 1;
	}
	for (size_t i = 0; i < t->n; i++)
		if (!unescape(t->field[i]))
			return merge_fail(m, lineno, t->column[i], "a backslash that "
			    "escapes nothing known");
	return true;
}

static const char *const header_start[] = { "job", "file", "sms_id", "truth" };

/* Whether a line starts as a header does: no row does, "truth" being
 * no truth.  Reports joined with cat(1) have one inside. */
static bool
is_header(const tsv_line *t)
{
	for (size_t i = 0; i < 4; i++)
		if (i >= t->n || strcmp(t->field[i], header_start[i]) != 0)
			return false;
	return true;
}

/* The header names the columns: job, file, sms_id, truth, shown_V and
 * lost_V for each version V, inventory and disagrees when the run had
 * an inventory, error. */
static bool
tsv_header(merge *m, tsv_line *t, unsigned lineno)
{
	const char *names[MIF_SMS_AUDIT_MAX];
	size_t n = 0, i;

	for (i = 0; i < 4; i++)
		if (i >= t->n || strcmp(t->field[i], header_start[i]) != 0)
			return merge_fail(m, lineno, i < t->n ? t->column[i] : 1,
			    "not a report of mif-audit: the header should start "
			    "with job, file, sms_id, truth");
	for (; i + 1 < t->n && strncmp(t->field[i], "shown_", 6) == 0; i += 2) {
		const char *v = t->field[i] + 6;
		if (strncmp(t->field[i + 1], "lost_", 5) != 0 ||
		    strcmp(t->field[i + 1] + 5, v) != 0)
			return merge_fail(m, lineno, t->column[i + 1], "column shown_%s "
			    "without its lost_%s", v, v);
		if (mif_sms_version_find(v) == NULL)
			return merge_fail(m, lineno, t->column[i], "unknown SMS version "
			    "\"%s\"", v);
		if (n == MIF_SMS_AUDIT_MAX)
			return merge_fail(m, lineno, t->column[i], "more than %d versions",
			    MIF_SMS_AUDIT_MAX);
		names[n++] = v;
	}
	bool inventory = i + 1 < t->n && strcmp(t->field[i], "inventory") == 0;
	if (inventory && strcmp(t->field[i + 1], "disagrees") != 0)
		return merge_fail(m, lineno, t->column[i + 1], "column inventory without "
		    "disagrees");
	if (inventory)
		i += 2;
	if (i + 1 != t->n || strcmp(t->field[i], "error") != 0)
		return merge_fail(m, lineno, i < t->n ? t->column[i] : 1, "not a "
		    "report of mif-audit: the header should end with error");
	if (n == 0)
		return merge_fail(m, lineno, t->column[4], "no SMS version in the "
		    "header");
	return merge_job_flush(m) && merge_declare(m, names, n, inventory,
	    lineno, 1);
}

static bool
parse_yes_no(const char *s, bool *out)
{
	*out = strcmp(s, "yes") == 0;
	return *out || strcmp(s, "no") == 0;
}

/* "12:5: text" as the place and the text of a skipped entry. */
static void
parse_place(const char *s, audit_skip *skip)
{
	unsigned line, column;
	int used = 0;

	skip->line = skip->column = 0;
	skip->text = s;
	if (s[0] >= '1' && s[0] <= '9' &&
	    sscanf(s, "%u:%u: %n", &line, &column, &used) == 2 && used > 0) {
		skip->line = line;
		skip->column = column;
		skip->text = s + used;
	}
}

static bool
tsv_row(merge *m, tsv_line *t, unsigned lineno)
{
	size_t nfields = 4 + 2 * m->nversions + (m->inventory ? 2 : 0) + 1;
	char **f = t->field;

	if (t->n != nfields)
		return merge_fail(m, lineno, 1, "%zu fields where the header has %zu",
		    t->n, nfields);
	const char *error = f[nfields - 1];
	if (strcmp(f[3], "skipped") == 0) {
		audit_skip s = { f[1], 0, 0, "" };
		parse_place(error, &s);
		return merge_job_flush(m) && merge_put_skip(m, &s);
	}
	if (*error != '\0')
		return merge_fail(m, lineno, t->column[nfields - 1], "an error on a "
		    "line that is no skipped history");
	bool same_job = m->open && strcmp(m->pool + m->id_at, f[0]) == 0 &&
	    strcmp(m->pool + m->file_at, f[1]) == 0;
	if (!same_job && (!merge_job_flush(m) || !merge_job_start(m) ||
	    !merge_pool_add(m, f[0], &m->id_at) || !merge_pool_add(m, f[1], &m->file_at)))
		return false;
	if (f[2][0] == '\0' && f[3][0] == '\0')
		return merge_job_flush(m); /* a job without targets */
	audit_inv *inv;
	mif_sms_audit_row *row = merge_job_row(m, f[2], &inv);
	if (row == NULL)
		return false;
	if (!audit_truth_parse(f[3], &row->truth))
		return merge_fail(m, lineno, t->column[3], "unknown truth \"%s\" "
		    "(Complete, Failed, never ran, skipped)", f[3]);
	for (size_t i = 0; i < m->nversions; i++) {
		size_t v = m->map[i], c = 4 + 2 * i;
		if (!mif_sms_status_parse(f[c], &row->shown[v]))
			return merge_fail(m, lineno, t->column[c], "unknown status "
			    "\"%s\"", f[c]);
		if (!parse_yes_no(f[c + 1], &row->lost[v]))
			return merge_fail(m, lineno, t->column[c + 1], "\"%s\" where "
			    "yes or no should be", f[c + 1]);
	}
	if (m->inventory) {
		size_t c = 4 + 2 * m->nversions;
		bool disagrees;
		if (strcmp(f[c], "unknown") != 0) {
			inv->known = true;
			if (!audit_truth_parse(f[c], &inv->status))
				return merge_fail(m, lineno, t->column[c], "unknown "
				    "inventory answer \"%s\"", f[c]);
		}
		/* counted again from the answer */
		if (!parse_yes_no(f[c + 1], &disagrees))
			return merge_fail(m, lineno, t->column[c + 1], "\"%s\" where "
			    "yes or no should be", f[c + 1]);
	}
	return true;
}

bool
merge_read_tsv(merge *m, FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	bool ok = true;
	tsv_line t;

	while (ok && getline(&line, &cap, in) != -1) {
		lineno++;
		/* a header again: the next report of several joined */
		ok = split(m, line, lineno, &t) &&
		    (lineno == 1 || is_header(&t) ? tsv_header(m, &t, lineno)
		    : tsv_row(m, &t, lineno));
	}
	if (ok && ferror(in))
		ok = merge_fail(m, 0, 0, "%s", strerror(errno));
	if (ok && lineno == 0)
		ok = merge_fail(m, 0, 0, "empty: not a report of mif-audit");
	free(line);
	return ok && merge_job_flush(m);
}

