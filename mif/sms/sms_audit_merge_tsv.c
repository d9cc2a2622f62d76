/*
 * Reading a TSV report of mif-audit for a merge: the header gives the
 * versions and the inventory, then each line is a workstation of a job
 * (consecutive lines of one job ID and file, no workstation twice), a
 * job without targets, or a skipped history, and the closing line gives
 * the counts (mif-audit(1), OUTPUT).
 */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sms/sms_audit_merge.h"

/* Undo the escapes of mif_audit_format.c in place; false for a stray
 * backslash. */
static bool
unescape(char *s, size_t *len)
{
	*len = strlen(s);
	if (!mif_unescape(s, len) || memchr(s, '\0', *len) != NULL)
		return false;
	s[*len] = '\0';
	return true;
}

/* The fields of a TSV line, split in place. */
#define TSV_MAX_FIELDS (4 + 2 * MIF_SMS_AUDIT_MAX + 5)

/* Where a report is: before its header, in it, or after its closing
 * line; and the workstations of the job being read. */
typedef struct tsv_state {
	enum { TSV_START, TSV_IN, TSV_ENDED } at;
	mif_audit_seen sms_ids;
} tsv_state;

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
	for (size_t i = 0; i < t->n; i++) {
		size_t n;
		if (!unescape(t->field[i], &n))
			return merge_fail(m, lineno, t->column[i], "a backslash that "
			    "escapes nothing known");
		/* mif-audit writes UTF-8: other bytes would go on into the
		 * merged report */
		if (mif_utf8_span(t->field[i], n) != n)
			return merge_fail(m, lineno, t->column[i], "a field that is "
			    "not UTF-8");
	}
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
	if (i + 3 != t->n || strcmp(t->field[i], "before_offer") != 0 ||
	    strcmp(t->field[i + 1], "expired_again") != 0 ||
	    strcmp(t->field[i + 2], "error") != 0)
		return merge_fail(m, lineno, i < t->n ? t->column[i] : 1, "not a "
		    "report of mif-audit: the header should end with "
		    "before_offer, expired_again, error");
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

/* A count as the writer writes it: digits, no sign, no leading 0. */
static bool
parse_count(const char *s, size_t *out)
{
	char *end;

	if (s[0] < '0' || s[0] > '9' || (s[0] == '0' && s[1] != '\0'))
		return false;
	errno = 0;
	unsigned long long n = strtoull(s, &end, 10);
	*out = (size_t)n;
	return *end == '\0' && errno == 0 && n <= SIZE_MAX;
}

static bool
parse_unsigned(const char *s, unsigned *out)
{
	size_t n;

	if (!parse_count(s, &n) || n > UINT_MAX)
		return false;
	*out = (unsigned)n;
	return true;
}

/* "end JOBS SKIPPED WORKSTATIONS": what the report lists, which must be
 * what was read. */
static bool
tsv_end(merge *m, const tsv_line *t, unsigned lineno)
{
	size_t n[3];
	const size_t read[3] = { m->read.jobs, m->read.skipped,
	    m->read.workstations };

	for (size_t i = 0; i < 3; i++)
		if (!parse_count(t->field[i + 1], &n[i]))
			return merge_fail(m, lineno, t->column[i + 1], "\"%s\" where "
			    "a count should be", t->field[i + 1]);
	if (n[0] != read[0] || n[1] != read[1] || n[2] != read[2])
		return merge_fail(m, lineno, 1, "the closing line counts %zu jobs, "
		    "%zu skipped and %zu workstations, but the report lists %zu, "
		    "%zu and %zu: it is not whole", n[0], n[1], n[2], read[0],
		    read[1], read[2]);
	return true;
}

/* "12:5: text" as the place and the text of a skipped entry. */
static void
parse_place(const char *s, mif_audit_skip *skip)
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
tsv_row(merge *m, tsv_state *st, tsv_line *t, unsigned lineno)
{
	size_t nfields = 4 + 2 * m->nversions + (m->inventory ? 2 : 0) + 3;
	char **f = t->field;

	if (t->n != nfields)
		return merge_fail(m, lineno, 1, "%zu fields where the header has %zu",
		    t->n, nfields);
	const char *error = f[nfields - 1];
	if (strcmp(f[3], "skipped") == 0) {
		mif_audit_skip s = { f[1], 0, 0, "" };
		parse_place(error, &s);
		return merge_job_flush(m) && merge_put_skip(m, &s, 0, lineno, 1);
	}
	if (*error != '\0')
		return merge_fail(m, lineno, t->column[nfields - 1], "an error on a "
		    "line that is no skipped history");
	/* a job lists each workstation once: one listed again starts the
	 * next job, the same history audited again */
	uint64_t sms_key = mif_audit_hash_str(MIF_AUDIT_HASH_START, f[2]);
	bool same_job = m->open && strcmp(m->pool + m->id_at, f[0]) == 0 &&
	    strcmp(m->pool + m->file_at, f[1]) == 0;
	enum mif_audit_seen_answer a = same_job ? mif_audit_seen_add(&st->sms_ids,
	    sms_key, 0) : MIF_AUDIT_SEEN_NEW;
	if (a == MIF_AUDIT_SEEN_NOMEM)
		return merge_nomem(m);
	if (!same_job || a != MIF_AUDIT_SEEN_NEW) {
		mif_audit_seen_clear(&st->sms_ids);
		if (!merge_job_flush(m) || !merge_job_start(m) ||
		    !merge_pool_add(m, f[0], &m->id_at) ||
		    !merge_pool_add(m, f[1], &m->file_at))
			return false;
		if (mif_audit_seen_add(&st->sms_ids, sms_key, 0) == MIF_AUDIT_SEEN_NOMEM)
			return merge_nomem(m);
	}
	if (f[2][0] == '\0' && f[3][0] == '\0')
		return merge_job_flush(m); /* a job without targets */
	mif_audit_inv *inv;
	mif_sms_audit_row *row = merge_job_row(m, f[2], &inv);
	if (row == NULL)
		return false;
	if (!mif_audit_truth_parse(f[3], &row->truth))
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
			if (!mif_audit_truth_parse(f[c], &inv->status))
				return merge_fail(m, lineno, t->column[c], "unknown "
				    "inventory answer \"%s\"", f[c]);
		}
		/* counted again from the answer */
		if (!parse_yes_no(f[c + 1], &disagrees))
			return merge_fail(m, lineno, t->column[c + 1], "\"%s\" where "
			    "yes or no should be", f[c + 1]);
	}
	size_t c = nfields - 3;
	if (!parse_unsigned(f[c], &row->before_offer))
		return merge_fail(m, lineno, t->column[c], "\"%s\" where a count "
		    "should be", f[c]);
	if (!parse_unsigned(f[c + 1], &row->expired_again))
		return merge_fail(m, lineno, t->column[c + 1], "\"%s\" where a "
		    "count should be", f[c + 1]);
	return true;
}

/* One line, where the report is. */
static bool
tsv_line_read(merge *m, tsv_state *st, tsv_line *t, unsigned lineno)
{
	bool header = is_header(t);

	if (st->at == TSV_START || header) {
		if (st->at == TSV_IN)
			return merge_fail(m, lineno, 1, "a header, but the report "
			    "before it has no closing line: it is not whole");
		st->at = TSV_IN;
		mif_audit_seen_clear(&st->sms_ids);
		return tsv_header(m, t, lineno);
	}
	if (st->at == TSV_ENDED)
		return merge_fail(m, lineno, 1, "a line after the report's closing "
		    "line that starts no other report");
	if (t->n == 4 && strcmp(t->field[0], "end") == 0) {
		st->at = TSV_ENDED;
		return merge_job_flush(m) && tsv_end(m, t, lineno);
	}
	return tsv_row(m, st, t, lineno);
}

/* No report has a line near this long (its longest field is a file name):
 * past it the input is no report, and reading on would only grow memory. */
#define TSV_MAX_LINE (1u << 20)

/*
 * One line of in, its newline kept, into *line (grown as needed): its
 * length, -1 at the end of the input, or -2 when it is longer than
 * TSV_MAX_LINE (what follows is not read).
 */
static ssize_t
read_line(FILE *in, char **line, size_t *cap)
{
	size_t len = 0;
	int c;

	while ((c = getc(in)) != EOF) {
		if (len >= TSV_MAX_LINE)
			return -2;
		if (len + 2 > *cap) {
			size_t ncap = *cap > 0 ? *cap * 2 : 256;
			char *p = realloc(*line, ncap);
			if (p == NULL)
				return -3;
			*line = p;
			*cap = ncap;
		}
		(*line)[len++] = (char)c;
		if (c == '\n')
			break;
	}
	if (len == 0)
		return -1;
	(*line)[len] = '\0';
	return (ssize_t)len;
}

bool
merge_read_tsv(merge *m, FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned lineno = 0;
	bool ok = true;
	tsv_line t;
	tsv_state st = { TSV_START, { 0 } };

	while (ok && (len = read_line(in, &line, &cap)) != -1) {
		lineno++;
		if (len < 0) {
			ok = len == -2 ? merge_fail(m, lineno, 1, "a line over %u "
			    "bytes: not a report of mif-audit", TSV_MAX_LINE)
			    : merge_nomem(m);
			break;
		}
		/* every line the writer writes ends: one that does not was
		 * cut */
		if (line[len - 1] != '\n')
			ok = merge_fail(m, lineno, (unsigned)len + 1, "the line is cut "
			    "short: the report is not whole");
		/* a header again: the next report of several joined */
		ok = ok && split(m, line, lineno, &t) &&
		    tsv_line_read(m, &st, &t, lineno);
	}
	if (ok && ferror(in))
		ok = merge_fail(m, 0, 0, "%s", strerror(errno));
	if (ok && lineno == 0)
		ok = merge_fail(m, 0, 0, "empty: not a report of mif-audit");
	if (ok && st.at != TSV_ENDED)
		ok = merge_fail(m, lineno, 1, "the report ends here without its "
		    "closing line (end, then its counts): it is not whole");
	mif_audit_seen_free(&st.sms_ids);
	free(line);
	return ok;
}

