/*
 * mif-audit --merge: earlier reports in, one report out (see
 * audit_merge.h).  Each report is read a job at a time: memory holds one
 * job's rows, whatever the size of the reports.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "audit_merge.h"
#include "cli.h"
#include "jsonr.h"
#include "report.h"

#define NAME_MAX_LEN 32

typedef struct merge {
	const char *prog;
	audit_report *r;
	bool sms_given;
	bool begun;                /* the report's start is written */
	char names[MIF_SMS_AUDIT_MAX][NAME_MAX_LEN]; /* versions, when read */
	/* the report being read */
	const char *file;          /* its name, for messages */
	size_t map[MIF_SMS_AUDIT_MAX]; /* its version i is the report's map[i] */
	size_t nversions;
	bool inventory;
	/* the job being gathered: strings in a pool, as offsets until the
	 * job is complete (the pool moves as it grows) */
	char *pool;
	size_t pool_len, pool_cap;
	size_t id_at, file_at;
	mif_sms_audit_row *rows;
	audit_inv *inv;
	size_t *sms_at;
	size_t nrows, cap;
	bool open;
	/* what a job or skipped entry is written into before it is placed */
	char *text;
	size_t text_len;
} merge;

/* ---- messages ---- */

/* An error at line:column of the report being read (line 0: none). */
static bool
fail_at(merge *m, unsigned line, unsigned column, const char *fmt, ...)
{
	mif_error e = { .code = MIF_E_SYNTAX, .severity = MIF_ERROR };
	va_list ap;

	e.mark.line = line;
	e.mark.column = column;
	va_start(ap, fmt);
	vsnprintf(e.text, sizeof e.text, fmt, ap);
	va_end(ap);
	report_diag(stderr, m->prog, m->file, NULL, &e);
	return false;
}

static bool
nomem(merge *m)
{
	fprintf(stderr, "%s: out of memory\n", m->prog);
	return false;
}

/* "1.0, 1.1, 1.2" */
static void
version_list(const char *const *names, size_t n, char *buf, size_t size)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%s", i > 0 ? ", " : "",
		    names[i]);
		used += w > 0 ? (size_t)w : 0;
	}
}

/* ---- the report's start, from the first report read ---- */

/*
 * A report read declares its versions and whether it has inventory
 * answers: the first one gives the merged report's (unless --sms gave
 * the versions), and every one must agree with it.  Its versions may
 * come in another order: map says where each goes.
 */
static bool
declare(merge *m, const char *const *names, size_t n, bool inventory,
    unsigned line, unsigned column)
{
	audit_report *r = m->r;

	if (!m->begun) {
		if (!m->sms_given) {
			for (size_t i = 0; i < n; i++) {
				snprintf(m->names[i], NAME_MAX_LEN, "%s", names[i]);
				r->versions[i] = m->names[i];
			}
			r->nversions = n;
		}
		r->inventory = inventory;
	}
	bool same = n == r->nversions;
	bool used[MIF_SMS_AUDIT_MAX] = { false };
	for (size_t i = 0; i < n && same; i++) {
		size_t v = 0;
		while (v < r->nversions && strcmp(r->versions[v], names[i]) != 0)
			v++;
		same = v < r->nversions && !used[v];
		if (same) {
			used[v] = true;
			m->map[i] = v;
		}
	}
	if (!same) {
		char these[128], those[128];
		version_list(names, n, these, sizeof these);
		version_list(r->versions, r->nversions, those, sizeof those);
		return fail_at(m, line, column, "its SMS versions (%s) are not "
		    "those of the merged report (%s): runs of different --sms "
		    "cannot be merged", these, those);
	}
	if (inventory != r->inventory)
		return fail_at(m, line, column, "a report %s inventory answers "
		    "cannot be merged with reports %s", inventory ? "with"
		    : "without", inventory ? "without" : "with");
	m->nversions = n;
	m->inventory = inventory;
	if (!m->begun) {
		if (!audit_begin(r)) {
			fprintf(stderr, "%s: a temporary file: %s\n", m->prog,
			    strerror(errno));
			return false;
		}
		m->begun = true;
	}
	return true;
}

/* ---- gathering a job ---- */

static bool
pool_add(merge *m, const char *s, size_t *at)
{
	size_t n = strlen(s) + 1;

	while (m->pool_len + n > m->pool_cap) {
		size_t cap = m->pool_cap > 0 ? m->pool_cap * 2 : 4096;
		char *p = realloc(m->pool, cap);
		if (p == NULL)
			return nomem(m);
		m->pool = p;
		m->pool_cap = cap;
	}
	memcpy(m->pool + m->pool_len, s, n);
	*at = m->pool_len;
	m->pool_len += n;
	return true;
}

static bool
job_start(merge *m)
{
	m->pool_len = 0;
	m->nrows = 0;
	m->open = true;
	return pool_add(m, "", &m->id_at) && pool_add(m, "", &m->file_at);
}

/* A new row, its versions by the report's order; NULL when out of
 * memory. */
static mif_sms_audit_row *
job_row(merge *m, const char *sms_id, audit_inv **inv)
{
	if (m->nrows == m->cap) {
		size_t cap = m->cap > 0 ? m->cap * 2 : 512;
		mif_sms_audit_row *rows = realloc(m->rows, cap * sizeof *rows);
		if (rows != NULL)
			m->rows = rows;
		audit_inv *iv = realloc(m->inv, cap * sizeof *iv);
		if (iv != NULL)
			m->inv = iv;
		size_t *at = realloc(m->sms_at, cap * sizeof *at);
		if (at != NULL)
			m->sms_at = at;
		if (rows == NULL || iv == NULL || at == NULL) {
			nomem(m);
			return NULL;
		}
		m->cap = cap;
	}
	if (!pool_add(m, sms_id, &m->sms_at[m->nrows]))
		return NULL;
	mif_sms_audit_row *row = &m->rows[m->nrows];
	memset(row, 0, sizeof *row);
	*inv = &m->inv[m->nrows++];
	(*inv)->known = false;
	(*inv)->status = MIF_SMS_NONE;
	return row;
}

static bool
put_written(merge *m, FILE *f, bool job, const audit_counts *counts)
{
	if (fclose(f) != 0)
		return nomem(m);
	if (job)
		audit_put_job(m->r, m->text, m->text_len, counts);
	else
		audit_put_skip(m->r, m->text, m->text_len);
	free(m->text);
	m->text = NULL;
	return true;
}

/* Write the job gathered, if any. */
static bool
job_flush(merge *m)
{
	if (!m->open)
		return true;
	m->open = false;
	for (size_t i = 0; i < m->nrows; i++)
		m->rows[i].sms_id = m->pool + m->sms_at[i];
	audit_job job = { m->pool + m->id_at, m->pool + m->file_at, m->rows,
	    m->r->inventory ? m->inv : NULL, m->nrows };
	audit_counts n = { 0 };
	FILE *f = open_memstream(&m->text, &m->text_len);
	if (f == NULL)
		return nomem(m);
	audit_count_job(m->r, &job, &n);
	audit_write_job(m->r, &job, f);
	return put_written(m, f, true, &n);
}

static bool
put_skip(merge *m, const audit_skip *s)
{
	FILE *f = open_memstream(&m->text, &m->text_len);

	if (f == NULL)
		return nomem(m);
	audit_write_skip(m->r, s, f);
	return put_written(m, f, false, NULL);
}

/* ---- TSV ---- */

/* Undo the escapes of audit_format.c in place; false for a stray
 * backslash. */
static bool
unescape(char *s)
{
	char *to = s;

	for (; *s != '\0'; s++) {
		if (*s != '\\') {
			*to++ = *s;
			continue;
		}
		switch (*++s) {
		case '\\': *to++ = '\\'; break;
		case 't': *to++ = '\t'; break;
		case 'n': *to++ = '\n'; break;
		case 'r': *to++ = '\r'; break;
		default: return false;
		}
	}
	*to = '\0';
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
	t->n = 0;
	for (char *s = line; ; ) {
		if (t->n == TSV_MAX_FIELDS)
			return fail_at(m, lineno, (unsigned)(s - line) + 1,
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
			return fail_at(m, lineno, t->column[i], "a backslash that "
			    "escapes nothing known");
	return true;
}

/* The header names the columns: job, file, sms_id, truth, shown_V and
 * lost_V for each version V, inventory and disagrees when the run had
 * an inventory, error. */
static bool
tsv_header(merge *m, tsv_line *t)
{
	static const char *const first[] = { "job", "file", "sms_id", "truth" };
	const char *names[MIF_SMS_AUDIT_MAX];
	size_t n = 0, i;

	for (i = 0; i < 4; i++)
		if (i >= t->n || strcmp(t->field[i], first[i]) != 0)
			return fail_at(m, 1, i < t->n ? t->column[i] : 1, "not a "
			    "report of mif-audit: the header should start with "
			    "job, file, sms_id, truth");
	for (; i + 1 < t->n && strncmp(t->field[i], "shown_", 6) == 0; i += 2) {
		const char *v = t->field[i] + 6;
		if (strncmp(t->field[i + 1], "lost_", 5) != 0 ||
		    strcmp(t->field[i + 1] + 5, v) != 0)
			return fail_at(m, 1, t->column[i + 1], "column shown_%s "
			    "without its lost_%s", v, v);
		if (mif_sms_version_find(v) == NULL)
			return fail_at(m, 1, t->column[i], "unknown SMS version "
			    "\"%s\"", v);
		if (n == MIF_SMS_AUDIT_MAX)
			return fail_at(m, 1, t->column[i], "more than %d versions",
			    MIF_SMS_AUDIT_MAX);
		names[n++] = v;
	}
	bool inventory = i + 1 < t->n && strcmp(t->field[i], "inventory") == 0;
	if (inventory && strcmp(t->field[i + 1], "disagrees") != 0)
		return fail_at(m, 1, t->column[i + 1], "column inventory without "
		    "disagrees");
	if (inventory)
		i += 2;
	if (i + 1 != t->n || strcmp(t->field[i], "error") != 0)
		return fail_at(m, 1, i < t->n ? t->column[i] : 1, "not a report "
		    "of mif-audit: the header should end with error");
	if (n == 0)
		return fail_at(m, 1, t->column[4], "no SMS version in the header");
	return declare(m, names, n, inventory, 1, 1);
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
		return fail_at(m, lineno, 1, "%zu fields where the header has %zu",
		    t->n, nfields);
	const char *error = f[nfields - 1];
	if (strcmp(f[3], "skipped") == 0) {
		audit_skip s = { f[1], 0, 0, "" };
		parse_place(error, &s);
		return job_flush(m) && put_skip(m, &s);
	}
	if (*error != '\0')
		return fail_at(m, lineno, t->column[nfields - 1], "an error on a "
		    "line that is no skipped history");
	bool same_job = m->open && strcmp(m->pool + m->id_at, f[0]) == 0 &&
	    strcmp(m->pool + m->file_at, f[1]) == 0;
	if (!same_job && (!job_flush(m) || !job_start(m) ||
	    !pool_add(m, f[0], &m->id_at) || !pool_add(m, f[1], &m->file_at)))
		return false;
	if (f[2][0] == '\0' && f[3][0] == '\0')
		return job_flush(m); /* a job without targets */
	audit_inv *inv;
	mif_sms_audit_row *row = job_row(m, f[2], &inv);
	if (row == NULL)
		return false;
	if (!audit_truth_parse(f[3], &row->truth))
		return fail_at(m, lineno, t->column[3], "unknown truth \"%s\" "
		    "(Complete, Failed, never ran, skipped)", f[3]);
	for (size_t i = 0; i < m->nversions; i++) {
		size_t v = m->map[i], c = 4 + 2 * i;
		if (!mif_sms_status_parse(f[c], &row->shown[v]))
			return fail_at(m, lineno, t->column[c], "unknown status "
			    "\"%s\"", f[c]);
		if (!parse_yes_no(f[c + 1], &row->lost[v]))
			return fail_at(m, lineno, t->column[c + 1], "\"%s\" where "
			    "yes or no should be", f[c + 1]);
	}
	if (m->inventory) {
		size_t c = 4 + 2 * m->nversions;
		bool disagrees;
		if (strcmp(f[c], "unknown") != 0) {
			inv->known = true;
			if (!audit_truth_parse(f[c], &inv->status))
				return fail_at(m, lineno, t->column[c], "unknown "
				    "inventory answer \"%s\"", f[c]);
		}
		/* counted again from the answer */
		if (!parse_yes_no(f[c + 1], &disagrees))
			return fail_at(m, lineno, t->column[c + 1], "\"%s\" where "
			    "yes or no should be", f[c + 1]);
	}
	return true;
}

static bool
merge_tsv(merge *m, FILE *in)
{
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	bool ok = true;
	tsv_line t;

	while (ok && getline(&line, &cap, in) != -1) {
		lineno++;
		ok = split(m, line, lineno, &t) &&
		    (lineno == 1 ? tsv_header(m, &t) : tsv_row(m, &t, lineno));
	}
	if (ok && ferror(in))
		ok = fail_at(m, 0, 0, "%s", strerror(errno));
	if (ok && lineno == 0)
		ok = fail_at(m, 0, 0, "empty: not a report of mif-audit");
	free(line);
	return ok && job_flush(m);
}

/* ---- JSON ---- */

static bool
json_fail(merge *m, jsonr *j)
{
	return fail_at(m, j->line, j->column, "%s", j->error);
}

/* The next token, which must be `want`. */
static bool
expect(merge *m, jsonr *j, jsonr_token want)
{
	jsonr_token t = jsonr_next(j);

	if (t == want)
		return true;
	if (t != JSONR_ERROR)
		jsonr_fail(j, "%s where %s should be", jsonr_token_name(t),
		    jsonr_token_name(want));
	return json_fail(m, j);
}

/*
 * Go through an object's members: for each, `member` is called with the
 * key (copied: the reader's text is then the value's) and the first
 * token of the value, which it must read whole.  Keys longer than
 * keys of this format are given as "".
 */
typedef bool member_fn(merge *m, jsonr *j, void *arg, const char *key,
    jsonr_token value);

static bool
members(merge *m, jsonr *j, void *arg, member_fn *member)
{
	jsonr_token t = jsonr_next(j);

	if (t == JSONR_END_OBJECT)
		return true;
	for (;;) {
		char key[NAME_MAX_LEN];
		if (t != JSONR_STRING) {
			if (t != JSONR_ERROR)
				jsonr_fail(j, "%s where a key should be",
				    jsonr_token_name(t));
			return json_fail(m, j);
		}
		snprintf(key, sizeof key, "%s", j->len < sizeof key ? j->text : "");
		if (!expect(m, j, JSONR_COLON) ||
		    !member(m, j, arg, key, jsonr_next(j)))
			return false;
		t = jsonr_next(j);
		if (t == JSONR_END_OBJECT)
			return true;
		if (t != JSONR_COMMA) {
			if (t != JSONR_ERROR)
				jsonr_fail(j, "%s where , or } should be",
				    jsonr_token_name(t));
			return json_fail(m, j);
		}
		t = jsonr_next(j);
	}
}

/* The same for an array's elements. */
typedef bool element_fn(merge *m, jsonr *j, void *arg, jsonr_token value);

static bool
elements(merge *m, jsonr *j, void *arg, element_fn *element)
{
	jsonr_token t = jsonr_next(j);

	if (t == JSONR_END_ARRAY)
		return true;
	for (;;) {
		if (!element(m, j, arg, t))
			return false;
		t = jsonr_next(j);
		if (t == JSONR_END_ARRAY)
			return true;
		if (t != JSONR_COMMA) {
			if (t != JSONR_ERROR)
				jsonr_fail(j, "%s where , or ] should be",
				    jsonr_token_name(t));
			return json_fail(m, j);
		}
		t = jsonr_next(j);
	}
}

/* A value of the wrong kind. */
static bool
wrong(merge *m, jsonr *j, jsonr_token t, const char *key, const char *want)
{
	if (t == JSONR_ERROR)
		return json_fail(m, j);
	return fail_at(m, j->line, j->column, "\"%s\" is %s; it should be %s",
	    key, jsonr_token_name(t), want);
}

static bool
skip_value(merge *m, jsonr *j, jsonr_token t)
{
	return jsonr_skip(j, t) || json_fail(m, j);
}

/* ---- a row: {"sms_id":...,"truth":...,"shown":{...},"lost":{...}} ---- */

typedef struct row_ctx {
	mif_sms_audit_row *row;
	audit_inv *inv;
	unsigned seen;             /* bits: sms_id, truth, shown, lost, inventory */
	unsigned shown, lost;      /* bits: versions given */
	bool in_lost;              /* members of "lost", not "shown" */
} row_ctx;

/* The report position of one of the input's versions, by name. */
static size_t
version_of(merge *m, const char *name)
{
	for (size_t i = 0; i < m->nversions; i++)
		if (strcmp(m->r->versions[m->map[i]], name) == 0)
			return m->map[i];
	return SIZE_MAX;
}

static bool
version_member(merge *m, jsonr *j, void *arg, const char *key,
    jsonr_token t)
{
	row_ctx *c = arg;
	size_t v = version_of(m, key);

	if (v == SIZE_MAX)
		return fail_at(m, j->line, j->column, "\"%s\" is not one of the "
		    "report's versions", key);
	if (c->in_lost) {
		if (t != JSONR_TRUE && t != JSONR_FALSE)
			return wrong(m, j, t, key, "true or false");
		c->row->lost[v] = t == JSONR_TRUE;
		c->lost |= 1u << v;
	} else {
		if (t != JSONR_STRING)
			return wrong(m, j, t, key, "a status");
		if (!mif_sms_status_parse(j->text, &c->row->shown[v]))
			return fail_at(m, j->line, j->column, "unknown status "
			    "\"%s\"", j->text);
		c->shown |= 1u << v;
	}
	return true;
}

static bool
row_member(merge *m, jsonr *j, void *arg, const char *key, jsonr_token t)
{
	row_ctx *c = arg;

	if (strcmp(key, "truth") == 0 || strcmp(key, "inventory") == 0) {
		bool truth = key[0] == 't';
		if (t != JSONR_STRING)
			return wrong(m, j, t, key, "a string");
		if (truth && !audit_truth_parse(j->text, &c->row->truth))
			return fail_at(m, j->line, j->column, "unknown truth \"%s\" "
			    "(Complete, Failed, never ran)", j->text);
		if (!truth && strcmp(j->text, "unknown") != 0) {
			c->inv->known = true;
			if (!audit_truth_parse(j->text, &c->inv->status))
				return fail_at(m, j->line, j->column, "unknown "
				    "inventory answer \"%s\"", j->text);
		}
		c->seen |= truth ? 2u : 16u;
		return true;
	}
	if (strcmp(key, "shown") == 0 || strcmp(key, "lost") == 0) {
		if (t != JSONR_BEGIN_OBJECT)
			return wrong(m, j, t, key, "an object");
		c->in_lost = key[0] == 'l';
		c->seen |= c->in_lost ? 8u : 4u;
		return members(m, j, c, version_member);
	}
	if (strcmp(key, "sms_id") == 0) {
		if (t != JSONR_STRING)
			return wrong(m, j, t, key, "a string");
		c->seen |= 1u;
		/* the row is the last one made: its string goes last */
		return pool_add(m, j->text, &m->sms_at[m->nrows - 1]);
	}
	return skip_value(m, j, t);
}

static bool
row_element(merge *m, jsonr *j, void *arg, jsonr_token t)
{
	unsigned line = j->line, column = j->column;
	row_ctx c = { 0 };

	(void)arg;
	if (t != JSONR_BEGIN_OBJECT)
		return wrong(m, j, t, "rows[]", "an object");
	c.row = job_row(m, "", &c.inv);
	if (c.row == NULL || !members(m, j, &c, row_member))
		return false;
	unsigned versions = 0;
	for (size_t i = 0; i < m->nversions; i++)
		versions |= 1u << m->map[i];
	if ((c.seen & 15u) != 15u || c.shown != versions || c.lost != versions ||
	    (m->inventory && !(c.seen & 16u)))
		return fail_at(m, line, column, "a row should have \"sms_id\", "
		    "\"truth\", and \"shown\" and \"lost\" for each version%s",
		    m->inventory ? ", and \"inventory\"" : "");
	return true;
}

/* ---- a job: {"id":...,"file":...,"rows":[...]} ---- */

static bool
job_member(merge *m, jsonr *j, void *arg, const char *key, jsonr_token t)
{
	unsigned *seen = arg;

	if (strcmp(key, "id") == 0 || strcmp(key, "file") == 0) {
		bool id = key[0] == 'i';
		if (t != JSONR_STRING)
			return wrong(m, j, t, key, "a string");
		*seen |= id ? 1u : 2u;
		return pool_add(m, j->text, id ? &m->id_at : &m->file_at);
	}
	if (strcmp(key, "rows") == 0) {
		if (t != JSONR_BEGIN_ARRAY)
			return wrong(m, j, t, key, "an array");
		*seen |= 4u;
		return elements(m, j, NULL, row_element);
	}
	return skip_value(m, j, t);
}

static bool
job_element(merge *m, jsonr *j, void *arg, jsonr_token t)
{
	unsigned line = j->line, column = j->column, seen = 0;

	(void)arg;
	if (t != JSONR_BEGIN_OBJECT)
		return wrong(m, j, t, "jobs[]", "an object");
	if (!job_start(m) || !members(m, j, &seen, job_member))
		return false;
	if (seen != 7u)
		return fail_at(m, line, column, "a job should have \"id\", "
		    "\"file\" and \"rows\"");
	return job_flush(m);
}

/* ---- a skipped history: {"file":...,"line":...,"column":...,"error":...} */

typedef struct skip_ctx {
	audit_skip skip;
	unsigned seen;
} skip_ctx;

static bool
skip_member(merge *m, jsonr *j, void *arg, const char *key, jsonr_token t)
{
	skip_ctx *c = arg;

	if (strcmp(key, "file") == 0 || strcmp(key, "error") == 0) {
		bool file = key[0] == 'f';
		size_t at;
		if (t != JSONR_STRING)
			return wrong(m, j, t, key, "a string");
		if (!pool_add(m, j->text, &at))
			return false;
		/* offsets for now: the pool may move */
		if (file)
			c->skip.file = (const char *)(uintptr_t)at;
		else
			c->skip.text = (const char *)(uintptr_t)at;
		c->seen |= file ? 1u : 2u;
		return true;
	}
	if (strcmp(key, "line") == 0 || strcmp(key, "column") == 0) {
		unsigned *to = key[0] == 'l' ? &c->skip.line : &c->skip.column;
		char *end;
		errno = 0;
		unsigned long n = t == JSONR_NUMBER && j->text[0] != '-'
		    ? strtoul(j->text, &end, 10) : 0;
		if (t != JSONR_NUMBER || j->text[0] == '-' || *end != '\0' ||
		    errno != 0 || n > UINT32_MAX)
			return wrong(m, j, t, key, "a number from 0 up");
		*to = (unsigned)n;
		return true;
	}
	return skip_value(m, j, t);
}

static bool
skip_element(merge *m, jsonr *j, void *arg, jsonr_token t)
{
	unsigned line = j->line, column = j->column;
	skip_ctx c = { { NULL, 0, 0, NULL }, 0 };

	(void)arg;
	if (t != JSONR_BEGIN_OBJECT)
		return wrong(m, j, t, "skipped[]", "an object");
	m->pool_len = 0;
	if (!members(m, j, &c, skip_member))
		return false;
	if (c.seen != 3u)
		return fail_at(m, line, column, "a skipped history should have "
		    "\"file\" and \"error\"");
	c.skip.file = m->pool + (uintptr_t)c.skip.file;
	c.skip.text = m->pool + (uintptr_t)c.skip.text;
	return put_skip(m, &c.skip);
}

/* ---- the report: {"versions":[...],"inventory":...,"jobs":[...],
 * "skipped":[...],"totals":{...}} ---- */

typedef struct top_ctx {
	char names[MIF_SMS_AUDIT_MAX][NAME_MAX_LEN];
	size_t n;
	bool versions, inventory, declared;
	unsigned line, column;     /* of the versions */
} top_ctx;

static bool
version_element(merge *m, jsonr *j, void *arg, jsonr_token t)
{
	top_ctx *c = arg;

	if (t != JSONR_STRING)
		return wrong(m, j, t, "versions[]", "a version");
	if (mif_sms_version_find(j->text) == NULL)
		return fail_at(m, j->line, j->column, "unknown SMS version "
		    "\"%s\"", j->text);
	if (c->n == MIF_SMS_AUDIT_MAX)
		return fail_at(m, j->line, j->column, "more than %d versions",
		    MIF_SMS_AUDIT_MAX);
	snprintf(c->names[c->n++], NAME_MAX_LEN, "%s", j->text);
	return true;
}

/* The versions and the inventory come before the jobs: declare them
 * before the first job or skipped entry. */
static bool
top_declare(merge *m, jsonr *j, top_ctx *c)
{
	const char *names[MIF_SMS_AUDIT_MAX];

	if (c->declared)
		return true;
	if (!c->versions)
		return fail_at(m, j->line, j->column, "no \"versions\" before "
		    "the jobs");
	if (c->n == 0)
		return fail_at(m, c->line, c->column, "no SMS version");
	for (size_t i = 0; i < c->n; i++)
		names[i] = c->names[i];
	c->declared = true;
	return declare(m, names, c->n, c->inventory, c->line, c->column);
}

static bool
top_member(merge *m, jsonr *j, void *arg, const char *key, jsonr_token t)
{
	top_ctx *c = arg;

	if (strcmp(key, "versions") == 0) {
		if (t != JSONR_BEGIN_ARRAY)
			return wrong(m, j, t, key, "an array");
		if (c->versions)
			return fail_at(m, j->line, j->column, "\"versions\" comes "
			    "twice");
		c->versions = true;
		c->line = j->line;
		c->column = j->column;
		return elements(m, j, c, version_element);
	}
	if (strcmp(key, "inventory") == 0) {
		if (t != JSONR_TRUE && t != JSONR_FALSE)
			return wrong(m, j, t, key, "true or false");
		if (c->declared)
			return fail_at(m, j->line, j->column, "\"inventory\" comes "
			    "after the jobs");
		c->inventory = t == JSONR_TRUE;
		return true;
	}
	if (strcmp(key, "jobs") == 0 || strcmp(key, "skipped") == 0) {
		if (t != JSONR_BEGIN_ARRAY)
			return wrong(m, j, t, key, "an array");
		return top_declare(m, j, c) && elements(m, j, NULL,
		    key[0] == 'j' ? job_element : skip_element);
	}
	return skip_value(m, j, t);
}

static bool
merge_json(merge *m, FILE *in)
{
	jsonr j;
	top_ctx c = { .n = 0 };
	bool ok;

	jsonr_init(&j, in);
	ok = expect(m, &j, JSONR_BEGIN_OBJECT) &&
	    members(m, &j, &c, top_member) && top_declare(m, &j, &c);
	if (ok) {
		jsonr_token t = jsonr_next(&j);
		if (t == JSONR_ERROR)
			ok = json_fail(m, &j);
		else if (t != JSONR_EOF)
			ok = fail_at(m, j.line, j.column, "more after the report's "
			    "object");
	}
	jsonr_free(&j);
	return ok;
}

/* ---- the merge ---- */

static bool
merge_one(merge *m, const char *path)
{
	bool is_stdin = strcmp(path, "-") == 0;
	FILE *in = is_stdin ? stdin : fopen(path, "r");
	int c;

	m->file = cli_display_name(path);
	if (in == NULL) {
		report_fatal(stderr, m->prog, m->file, "%s", strerror(errno));
		return false;
	}
	/* JSON starts with its object; TSV with its header */
	while ((c = getc(in)) == ' ' || c == '\t' || c == '\n' || c == '\r')
		;
	if (c != EOF)
		ungetc(c, in);
	bool ok = c == '{' ? merge_json(m, in) : merge_tsv(m, in);
	if (!is_stdin)
		fclose(in);
	return ok;
}

int
audit_merge(const char *prog, audit_report *r, bool sms_given,
    char *const *paths, size_t npaths)
{
	merge m = { .prog = prog, .r = r, .sms_given = sms_given };
	bool ok = true;

	for (size_t i = 0; i < npaths && ok; i++)
		ok = merge_one(&m, paths[i]);
	if (ok && m.begun && !audit_end(r, prog))
		ok = false;
	else if (!ok && r->skipped != NULL)
		fclose(r->skipped);
	free(m.pool);
	free(m.rows);
	free(m.inv);
	free(m.sms_at);
	free(m.text);
	if (!cli_flush_stdout(prog) || !ok)
		return CLI_TROUBLE;
	return r->totals.skipped > 0 ? CLI_NO : CLI_OK;
}
