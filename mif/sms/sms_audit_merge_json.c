/*
 * Reading a JSON report of mif-audit for a merge, a token at a time
 * (sms_json_pull.h): the versions and the inventory first, then each job as it
 * comes, each skipped history (mif-audit(1), OUTPUT).
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sms/sms_audit_merge.h"
#include "sms/sms_json_pull.h"

static bool
json_fail(merge *m, jpull *j)
{
	return merge_fail(m, j->line, j->column, "%s", j->error);
}

/* t, the end of the input or an error, where `want` should be. */
static bool
unexpected(merge *m, jpull *j, jpull_token t, const char *want)
{
	if (t == JPULL_ERROR)
		return json_fail(m, j);
	return merge_fail(m, j->line, j->column, "%s where %s should be",
	    jpull_token_name(t), want);
}

/*
 * Go through an object's members: for each, `member` is called with the
 * key (copied: the reader's text is then the value's) and the first
 * token of the value, which it must read whole.  Keys longer than
 * keys of this format are given as "".  yajl has checked the grammar:
 * what comes instead of a key is the end of the input or an error.
 */
typedef bool member_fn(merge *m, jpull *j, void *arg, const char *key,
    jpull_token value);

static bool
members(merge *m, jpull *j, void *arg, member_fn *member)
{
	const char *want = "a key";

	for (jpull_token t = jpull_next(j); t != JPULL_END_OBJECT;
	    t = jpull_next(j)) {
		char key[NAME_MAX_LEN];
		if (t != JPULL_KEY)
			return unexpected(m, j, t, want);
		snprintf(key, sizeof key, "%s", j->len < sizeof key ? j->text : "");
		if (!member(m, j, arg, key, jpull_next(j)))
			return false;
		want = ", or }";
	}
	return true;
}

/* The same for an array's elements. */
typedef bool element_fn(merge *m, jpull *j, void *arg, jpull_token value);

static bool
elements(merge *m, jpull *j, void *arg, element_fn *element)
{
	bool first = true;

	for (jpull_token t = jpull_next(j); t != JPULL_END_ARRAY;
	    t = jpull_next(j)) {
		if (!first && (t == JPULL_EOF || t == JPULL_ERROR))
			return unexpected(m, j, t, ", or ]");
		if (!element(m, j, arg, t))
			return false;
		first = false;
	}
	return true;
}

/* A value of the wrong kind. */
static bool
wrong(merge *m, jpull *j, jpull_token t, const char *key, const char *want)
{
	if (t == JPULL_ERROR)
		return json_fail(m, j);
	return merge_fail(m, j->line, j->column, "\"%s\" is %s; it should be %s",
	    key, jpull_token_name(t), want);
}

static bool
skip_value(merge *m, jpull *j, jpull_token t)
{
	return jpull_skip(j, t) || json_fail(m, j);
}

/* A count: a whole number from 0 up, at most max. */
static bool
read_count(merge *m, jpull *j, jpull_token t, const char *key, size_t max,
    size_t *out)
{
	char *end;

	if (t != JPULL_NUMBER)
		return wrong(m, j, t, key, "a number from 0 up");
	errno = 0;
	unsigned long long n = j->text[0] != '-' ? strtoull(j->text, &end, 10)
	    : 0;
	if (j->text[0] == '-' || *end != '\0' || errno != 0 || n > max)
		return merge_fail(m, j->line, j->column, "\"%s\" is %s; it "
		    "should be a whole number from 0 up", key, j->text);
	*out = (size_t)n;
	return true;
}

static bool
read_unsigned(merge *m, jpull *j, jpull_token t, const char *key,
    unsigned *out)
{
	size_t n;

	if (!read_count(m, j, t, key, UINT32_MAX, &n))
		return false;
	*out = (unsigned)n;
	return true;
}

/* ---- a row: {"sms_id":...,"truth":...,"shown":{...},"lost":{...}} ---- */

typedef struct row_ctx {
	mif_sms_audit_row *row;
	mif_audit_inv *inv;
	unsigned seen;             /* bits: sms_id, truth, shown, lost, inventory,
	                              before_offer, expired_again */
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
version_member(merge *m, jpull *j, void *arg, const char *key,
    jpull_token t)
{
	row_ctx *c = arg;
	size_t v = version_of(m, key);

	if (v == SIZE_MAX)
		return merge_fail(m, j->line, j->column, "\"%s\" is not one of the "
		    "report's versions", key);
	if (c->in_lost) {
		if (t != JPULL_TRUE && t != JPULL_FALSE)
			return wrong(m, j, t, key, "true or false");
		c->row->lost[v] = t == JPULL_TRUE;
		c->lost |= 1u << v;
	} else {
		if (t != JPULL_STRING)
			return wrong(m, j, t, key, "a status");
		if (!mif_sms_status_parse(j->text, &c->row->shown[v]))
			return merge_fail(m, j->line, j->column, "unknown status "
			    "\"%s\"", j->text);
		c->shown |= 1u << v;
	}
	return true;
}

static bool
row_member(merge *m, jpull *j, void *arg, const char *key, jpull_token t)
{
	row_ctx *c = arg;

	if (strcmp(key, "truth") == 0 || strcmp(key, "inventory") == 0) {
		bool truth = key[0] == 't';
		if (t != JPULL_STRING)
			return wrong(m, j, t, key, "a string");
		if (truth && !mif_audit_truth_parse(j->text, &c->row->truth))
			return merge_fail(m, j->line, j->column, "unknown truth \"%s\" "
			    "(Complete, Failed, never ran)", j->text);
		if (!truth && strcmp(j->text, "unknown") != 0) {
			c->inv->known = true;
			if (!mif_audit_truth_parse(j->text, &c->inv->status))
				return merge_fail(m, j->line, j->column, "unknown "
				    "inventory answer \"%s\"", j->text);
		}
		c->seen |= truth ? 2u : 16u;
		return true;
	}
	if (strcmp(key, "shown") == 0 || strcmp(key, "lost") == 0) {
		if (t != JPULL_BEGIN_OBJECT)
			return wrong(m, j, t, key, "an object");
		c->in_lost = key[0] == 'l';
		c->seen |= c->in_lost ? 8u : 4u;
		return members(m, j, c, version_member);
	}
	if (strcmp(key, "sms_id") == 0) {
		if (t != JPULL_STRING)
			return wrong(m, j, t, key, "a string");
		c->seen |= 1u;
		/* the row is the last one made: its string goes last */
		return merge_pool_add(m, j->text, &m->sms_at[m->nrows - 1]);
	}
	if (strcmp(key, "before_offer") == 0) {
		c->seen |= 32u;
		return read_unsigned(m, j, t, key, &c->row->before_offer);
	}
	if (strcmp(key, "expired_again") == 0) {
		c->seen |= 64u;
		return read_unsigned(m, j, t, key, &c->row->expired_again);
	}
	return skip_value(m, j, t);
}

static bool
row_element(merge *m, jpull *j, void *arg, jpull_token t)
{
	unsigned line = j->line, column = j->column;
	row_ctx c = { 0 };

	(void)arg;
	if (t != JPULL_BEGIN_OBJECT)
		return wrong(m, j, t, "rows[]", "an object");
	c.row = merge_job_row(m, "", &c.inv);
	if (c.row == NULL || !members(m, j, &c, row_member))
		return false;
	unsigned versions = 0;
	for (size_t i = 0; i < m->nversions; i++)
		versions |= 1u << m->map[i];
	if ((c.seen & 111u) != 111u || c.shown != versions ||
	    c.lost != versions || (m->inventory && !(c.seen & 16u)))
		return merge_fail(m, line, column, "a row should have \"sms_id\", "
		    "\"truth\", \"shown\" and \"lost\" for each version, "
		    "\"before_offer\" and \"expired_again\"%s",
		    m->inventory ? ", and \"inventory\"" : "");
	return true;
}

/* ---- a job: {"id":...,"file":...,"rows":[...]} ---- */

static bool
job_member(merge *m, jpull *j, void *arg, const char *key, jpull_token t)
{
	unsigned *seen = arg;

	if (strcmp(key, "id") == 0 || strcmp(key, "file") == 0) {
		bool id = key[0] == 'i';
		if (t != JPULL_STRING)
			return wrong(m, j, t, key, "a string");
		*seen |= id ? 1u : 2u;
		return merge_pool_add(m, j->text, id ? &m->id_at : &m->file_at);
	}
	if (strcmp(key, "rows") == 0) {
		if (t != JPULL_BEGIN_ARRAY)
			return wrong(m, j, t, key, "an array");
		*seen |= 4u;
		return elements(m, j, NULL, row_element);
	}
	return skip_value(m, j, t);
}

static bool
job_element(merge *m, jpull *j, void *arg, jpull_token t)
{
	unsigned line = j->line, column = j->column, seen = 0;

	(void)arg;
	if (t != JPULL_BEGIN_OBJECT)
		return wrong(m, j, t, "jobs[]", "an object");
	if (!merge_job_start(m) || !members(m, j, &seen, job_member))
		return false;
	if (seen != 7u)
		return merge_fail(m, line, column, "a job should have \"id\", "
		    "\"file\" and \"rows\"");
	return merge_job_flush(m);
}

/* ---- a skipped history: {"file":...,"line":...,"column":...,"error":...} */

typedef struct skip_ctx {
	mif_audit_skip skip;
	size_t after;              /* jobs listed before it */
	unsigned seen;
} skip_ctx;

static bool
skip_member(merge *m, jpull *j, void *arg, const char *key, jpull_token t)
{
	skip_ctx *c = arg;

	if (strcmp(key, "file") == 0 || strcmp(key, "error") == 0) {
		bool file = key[0] == 'f';
		size_t at;
		if (t != JPULL_STRING)
			return wrong(m, j, t, key, "a string");
		if (!merge_pool_add(m, j->text, &at))
			return false;
		/* offsets for now: the pool may move */
		if (file)
			c->skip.file = (const char *)(uintptr_t)at;
		else
			c->skip.text = (const char *)(uintptr_t)at;
		c->seen |= file ? 1u : 2u;
		return true;
	}
	if (strcmp(key, "line") == 0 || strcmp(key, "column") == 0)
		return read_unsigned(m, j, t, key, key[0] == 'l' ? &c->skip.line
		    : &c->skip.column);
	if (strcmp(key, "after_jobs") == 0) {
		c->seen |= 4u;
		return read_count(m, j, t, key, SIZE_MAX, &c->after);
	}
	return skip_value(m, j, t);
}

static bool
skip_element(merge *m, jpull *j, void *arg, jpull_token t)
{
	unsigned line = j->line, column = j->column;
	skip_ctx c = { { NULL, 0, 0, NULL }, 0, 0 };

	(void)arg;
	if (t != JPULL_BEGIN_OBJECT)
		return wrong(m, j, t, "skipped[]", "an object");
	m->pool_len = 0;
	if (!members(m, j, &c, skip_member))
		return false;
	if (c.seen != 7u)
		return merge_fail(m, line, column, "a skipped history should have "
		    "\"file\", \"error\" and \"after_jobs\"");
	c.skip.file = m->pool + (uintptr_t)c.skip.file;
	c.skip.text = m->pool + (uintptr_t)c.skip.text;
	return merge_put_skip(m, &c.skip, c.after, line, column);
}

/* ---- the report: {"versions":[...],"inventory":...,"jobs":[...],
 * "skipped":[...],"totals":{...}} ---- */

typedef struct top_ctx {
	char names[MIF_SMS_AUDIT_MAX][NAME_MAX_LEN];
	size_t n;
	bool versions, inventory, declared;
	unsigned line, column;     /* of the versions */
	/* the totals as the report gives them, and where */
	bool totals;
	mif_audit_counts given;
	unsigned totals_line, totals_column;
} top_ctx;

/* ---- the totals: {"jobs":...,"truth":{...},"lost":{...},...} ---- */

typedef struct totals_ctx {
	mif_audit_counts *n;
	size_t *per;               /* the counts by version being read */
	unsigned seen;             /* bits of the members below */
	unsigned versions[3];      /* lost, recovered, truth: bits given */
	unsigned which;            /* index into versions */
} totals_ctx;

static const char *const truth_keys[MIF_AUDIT_TRUTHS] = {
	[MIF_AUDIT_COMPLETE] = "Complete", [MIF_AUDIT_FAILED] = "Failed",
	[MIF_AUDIT_NEVER_RAN] = "never ran",
};

/* A member of "lost" or "recovered" (by version) or of "truth". */
static bool
count_member(merge *m, jpull *j, void *arg, const char *key, jpull_token t)
{
	totals_ctx *c = arg;
	size_t i = 0;

	if (c->which == 2) {
		while (i < MIF_AUDIT_TRUTHS && strcmp(truth_keys[i], key) != 0)
			i++;
		if (i == MIF_AUDIT_TRUTHS)
			return merge_fail(m, j->line, j->column, "\"%s\" is not a "
			    "truth (Complete, Failed, never ran)", key);
	} else if ((i = version_of(m, key)) == SIZE_MAX) {
		return merge_fail(m, j->line, j->column, "\"%s\" is not one of "
		    "the report's versions", key);
	}
	c->versions[c->which] |= 1u << i;
	return read_count(m, j, t, key, SIZE_MAX, &c->per[i]);
}

static bool
totals_member(merge *m, jpull *j, void *arg, const char *key,
    jpull_token t)
{
	static const char *const counts[] = { "jobs", "skipped",
	    "workstations", "disagreements", "before_offer", "expired_again" };
	static const char *const objects[] = { "lost", "recovered", "truth" };
	totals_ctx *c = arg;
	size_t *to[] = { &c->n->jobs, &c->n->skipped, &c->n->workstations,
	    &c->n->disagreements, &c->n->before_offer, &c->n->expired_again };
	size_t *per[] = { c->n->lost, c->n->recovered, c->n->truth };

	for (unsigned i = 0; i < 6; i++)
		if (strcmp(key, counts[i]) == 0) {
			c->seen |= 1u << i;
			return read_count(m, j, t, key, SIZE_MAX, to[i]);
		}
	for (unsigned i = 0; i < 3; i++)
		if (strcmp(key, objects[i]) == 0) {
			if (t != JPULL_BEGIN_OBJECT)
				return wrong(m, j, t, key, "an object");
			c->seen |= 64u << i;
			c->which = i;
			c->per = per[i];
			return members(m, j, c, count_member);
		}
	return skip_value(m, j, t);
}

/* Read the totals (after the versions) into c->given. */
static bool
read_totals(merge *m, jpull *j, top_ctx *c, jpull_token t)
{
	totals_ctx tc = { .n = &c->given };

	if (t != JPULL_BEGIN_OBJECT)
		return wrong(m, j, t, "totals", "an object");
	if (c->totals)
		return merge_fail(m, j->line, j->column, "\"totals\" comes twice");
	c->totals = true;
	c->totals_line = j->line;
	c->totals_column = j->column;
	if (!members(m, j, &tc, totals_member))
		return false;
	unsigned versions = 0;
	for (size_t i = 0; i < m->nversions; i++)
		versions |= 1u << m->map[i];
	/* the inventory's: recovered (bit 7) and disagreements (bit 3) */
	unsigned want = m->inventory ? 0x1ffu : 0x177u;
	if ((tc.seen & want) != want || tc.versions[0] != versions ||
	    (m->inventory && tc.versions[1] != versions) ||
	    tc.versions[2] != (1u << MIF_AUDIT_TRUTHS) - 1)
		return merge_fail(m, c->totals_line, c->totals_column, "the totals "
		    "should have \"jobs\", \"skipped\", \"workstations\", "
		    "\"truth\" for each truth, \"lost\"%s for each version, "
		    "\"before_offer\" and \"expired_again\"%s", m->inventory
		    ? " and \"recovered\"" : "", m->inventory
		    ? ", and \"disagreements\"" : "");
	return true;
}

static bool
version_element(merge *m, jpull *j, void *arg, jpull_token t)
{
	top_ctx *c = arg;

	if (t != JPULL_STRING)
		return wrong(m, j, t, "versions[]", "a version");
	if (mif_sms_version_find(j->text) == NULL)
		return merge_fail(m, j->line, j->column, "unknown SMS version "
		    "\"%s\"", j->text);
	if (c->n == MIF_SMS_AUDIT_MAX)
		return merge_fail(m, j->line, j->column, "more than %d versions",
		    MIF_SMS_AUDIT_MAX);
	snprintf(c->names[c->n++], NAME_MAX_LEN, "%s", j->text);
	return true;
}

/* The versions and the inventory come before the jobs: declare them
 * before the first job or skipped entry. */
static bool
top_declare(merge *m, jpull *j, top_ctx *c)
{
	const char *names[MIF_SMS_AUDIT_MAX];

	if (c->declared)
		return true;
	if (!c->versions)
		return merge_fail(m, j->line, j->column, "no \"versions\" before "
		    "the jobs");
	if (c->n == 0)
		return merge_fail(m, c->line, c->column, "no SMS version");
	for (size_t i = 0; i < c->n; i++)
		names[i] = c->names[i];
	c->declared = true;
	return merge_declare(m, names, c->n, c->inventory, c->line, c->column);
}

static bool
top_member(merge *m, jpull *j, void *arg, const char *key, jpull_token t)
{
	top_ctx *c = arg;

	if (strcmp(key, "versions") == 0) {
		if (t != JPULL_BEGIN_ARRAY)
			return wrong(m, j, t, key, "an array");
		if (c->versions)
			return merge_fail(m, j->line, j->column, "\"versions\" comes "
			    "twice");
		c->versions = true;
		c->line = j->line;
		c->column = j->column;
		return elements(m, j, c, version_element);
	}
	if (strcmp(key, "inventory") == 0) {
		if (t != JPULL_TRUE && t != JPULL_FALSE)
			return wrong(m, j, t, key, "true or false");
		if (c->declared)
			return merge_fail(m, j->line, j->column, "\"inventory\" comes "
			    "after the jobs");
		c->inventory = t == JPULL_TRUE;
		return true;
	}
	if (strcmp(key, "jobs") == 0 || strcmp(key, "skipped") == 0) {
		if (t != JPULL_BEGIN_ARRAY)
			return wrong(m, j, t, key, "an array");
		return top_declare(m, j, c) && elements(m, j, NULL,
		    key[0] == 'j' ? job_element : skip_element);
	}
	if (strcmp(key, "totals") == 0)
		return top_declare(m, j, c) && read_totals(m, j, c, t);
	return skip_value(m, j, t);
}

/* One report's object, its { read: its jobs and skipped histories
 * placed once it is whole, with totals that count them. */
static bool
read_report(merge *m, jpull *j)
{
	top_ctx c = { .n = 0 };
	unsigned line = j->line, column = j->column;

	if (!merge_spool_begin(m) || !members(m, j, &c, top_member) ||
	    !top_declare(m, j, &c))
		return false;
	if (!c.totals)
		return merge_fail(m, line, column, "the report has no \"totals\": "
		    "it is not whole");
	if (!mif_audit_counts_equal(&c.given, &m->read, m->r->nversions))
		return merge_fail(m, c.totals_line, c.totals_column, "the totals "
		    "(%zu jobs, %zu skipped, %zu workstations ...) are not those of "
		    "what the report lists (%zu, %zu, %zu ...): it is not whole",
		    c.given.jobs, c.given.skipped, c.given.workstations,
		    m->read.jobs, m->read.skipped, m->read.workstations);
	return merge_spool_end(m);
}

bool
merge_read_json(merge *m, FILE *in)
{
	jpull j;
	bool ok;

	if (!jpull_init(&j, in))
		return merge_nomem(m);
	jpull_token t = jpull_next(&j);
	ok = t == JPULL_BEGIN_OBJECT ? read_report(m, &j)
	    : unexpected(m, &j, t, "{");
	/* reports joined with cat(1): one object after another */
	while (ok) {
		t = jpull_next(&j);
		if (t == JPULL_EOF)
			break;
		if (t == JPULL_BEGIN_OBJECT)
			ok = read_report(m, &j);
		else if (t == JPULL_ERROR)
			ok = json_fail(m, &j);
		else
			ok = merge_fail(m, j.line, j.column, "more after the report's "
			    "object");
	}
	jpull_free(&j);
	return ok;
}
