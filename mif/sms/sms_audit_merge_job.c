/*
 * What the readers of earlier reports (sms_audit_merge_tsv.c,
 * sms_audit_merge_json.c) share: their messages, the report's start,
 * the gathering of one job at a time, and placing jobs and skipped
 * histories in the merged report in the order of a single run.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sms/sms_audit_merge.h"

/* ---- messages ---- */

/* A place its reader gives, in the report as the file holds it. */
void
merge_place(const merge *m, unsigned *line, unsigned *column)
{
	if (*line == 0)  /* no place: the report as a whole */
		return;
	if (*line == 1)
		*column += m->skipped_columns;
	*line += m->skipped_lines;
}

/* An error at line:column of the report being read (line 0: none). */
bool
merge_fail(merge *m, unsigned line, unsigned column, const char *fmt, ...)
{
	char text[sizeof m->err->text];
	va_list ap;

	merge_place(m, &line, &column);
	va_start(ap, fmt);
	vsnprintf(text, sizeof text, fmt, ap);
	va_end(ap);
	mif_error_set(m->err, MIF_E_SYNTAX, m->file, "%s", text);
	m->err->severity = MIF_ERROR;
	m->err->mark.line = line;
	m->err->mark.column = column;
	return false;
}

bool
merge_nomem(merge *m)
{
	mif_error_set(m->err, MIF_E_NOMEM, "", "out of memory");
	return false;
}

/* A temporary file failed (why); returns false. */
static bool
temp_fail(merge *m, const char *why)
{
	mif_error_set(m->err, MIF_E_IO, "", "a temporary file: %s", why);
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
bool
merge_declare(merge *m, const char *const *names, size_t n, bool inventory,
    unsigned line, unsigned column)
{
	mif_audit_report *r = m->r;

	if (!r->begun) {
		if (!m->sms_given) {
			for (size_t i = 0; i < n; i++) {
				snprintf(r->merged_names[i], sizeof r->merged_names[i],
				    "%s", names[i]);
				r->versions[i] = r->merged_names[i];
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
		return merge_fail(m, line, column, "its SMS versions (%s) are not "
		    "those of the merged report (%s): runs of different --sms "
		    "cannot be merged", these, those);
	}
	if (inventory != r->inventory)
		return merge_fail(m, line, column, "a report %s inventory answers "
		    "cannot be merged with reports %s", inventory ? "with"
		    : "without", inventory ? "without" : "with");
	m->nversions = n;
	m->inventory = inventory;
	memset(&m->read, 0, sizeof m->read);
	return r->begun || mif_audit_begin(r, m->err);
}

/* ---- gathering a job ---- */

bool
merge_pool_add(merge *m, const char *s, size_t *at)
{
	size_t n = strlen(s) + 1;

	while (m->pool_len + n > m->pool_cap) {
		size_t cap = m->pool_cap > 0 ? m->pool_cap * 2 : 4096;
		char *p = realloc(m->pool, cap);
		if (p == NULL)
			return merge_nomem(m);
		m->pool = p;
		m->pool_cap = cap;
	}
	memcpy(m->pool + m->pool_len, s, n);
	*at = m->pool_len;
	m->pool_len += n;
	return true;
}

bool
merge_job_start(merge *m)
{
	m->pool_len = 0;
	m->nrows = 0;
	m->open = true;
	return merge_pool_add(m, "", &m->id_at) && merge_pool_add(m, "", &m->file_at);
}

/* A new row, its versions by the report's order; NULL when out of
 * memory. */
mif_sms_audit_row *
merge_job_row(merge *m, const char *sms_id, mif_audit_inv **inv)
{
	if (m->nrows == m->cap) {
		size_t cap = m->cap > 0 ? m->cap * 2 : 512;
		mif_sms_audit_row *rows = realloc(m->rows, cap * sizeof *rows);
		if (rows != NULL)
			m->rows = rows;
		mif_audit_inv *iv = realloc(m->inv, cap * sizeof *iv);
		if (iv != NULL)
			m->inv = iv;
		size_t *at = realloc(m->sms_at, cap * sizeof *at);
		if (at != NULL)
			m->sms_at = at;
		if (rows == NULL || iv == NULL || at == NULL) {
			merge_nomem(m);
			return NULL;
		}
		m->cap = cap;
	}
	if (!merge_pool_add(m, sms_id, &m->sms_at[m->nrows]))
		return NULL;
	mif_sms_audit_row *row = &m->rows[m->nrows];
	memset(row, 0, sizeof *row);
	*inv = &m->inv[m->nrows++];
	(*inv)->known = false;
	(*inv)->status = MIF_SMS_NONE;
	return row;
}

/* ---- placing what was read ---- */

/* What waits in a spool before its bytes: the text written, then the
 * file name, each with its NUL. */
typedef struct spooled {
	mif_audit_counts counts;
	mif_audit_identity id;
	size_t after;              /* a skipped history's place */
	unsigned line, column;     /* of that place, for messages */
	size_t text_len, file_len;
} spooled;

static bool
spool_write(merge *m, FILE *to, const spooled *head, const char *text,
    const char *file)
{
	if (fwrite(head, sizeof *head, 1, to) != 1 ||
	    fwrite(text, 1, head->text_len, to) != head->text_len ||
	    fwrite(file, 1, head->file_len, to) != head->file_len) {
		return temp_fail(m, strerror(errno));
	}
	return true;
}

/* The text written in m->text, with its file, into the merged report,
 * or the spool while a JSON report is read. */
static bool
place(merge *m, bool job, const spooled *head, const char *file)
{
	bool ok;

	if (m->spool_jobs != NULL)
		ok = spool_write(m, job ? m->spool_jobs : m->spool_skips, head,
		    m->text, file);
	else if (job)
		ok = mif_audit_put_job(m->r, m->text, head->text_len, &head->counts,
		    head->id, file, m->err);
	else
		ok = mif_audit_put_skip(m->r, m->text, head->text_len, head->id,
		    file, m->err);
	free(m->text);
	m->text = NULL;
	return ok;
}

/* Write the job gathered, if any. */
bool
merge_job_flush(merge *m)
{
	if (!m->open)
		return true;
	m->open = false;
	for (size_t i = 0; i < m->nrows; i++)
		m->rows[i].sms_id = m->pool + m->sms_at[i];
	mif_audit_job job = { m->pool + m->id_at, m->pool + m->file_at, m->rows,
	    m->r->inventory ? m->inv : NULL, m->nrows };
	spooled head = { .id = mif_audit_job_identity(m->r, &job) };
	FILE *f = open_memstream(&m->text, &head.text_len);
	if (f == NULL)
		return merge_nomem(m);
	mif_audit_count_job(m->r, &job, &head.counts);
	mif_audit_counts_add(&m->read, &head.counts, m->r->nversions);
	mif_audit_write_job(m->r, &job, f);
	if (fclose(f) != 0)
		return merge_nomem(m);
	head.file_len = strlen(job.file) + 1;
	return place(m, true, &head, job.file);
}

bool
merge_put_skip(merge *m, const mif_audit_skip *s, size_t after, unsigned line,
    unsigned column)
{
	merge_place(m, &line, &column);
	spooled head = { .id = mif_audit_skip_identity(s), .after = after,
	    .line = line, .column = column };
	FILE *f = open_memstream(&m->text, &head.text_len);

	if (f == NULL)
		return merge_nomem(m);
	m->read.skipped++;
	mif_audit_write_skip(m->r, s, f);
	if (fclose(f) != 0)
		return merge_nomem(m);
	head.file_len = strlen(s->file) + 1;
	return place(m, false, &head, s->file);
}

bool
merge_spool_begin(merge *m)
{
	m->spool_jobs = tmpfile();
	m->spool_skips = tmpfile();
	if (m->spool_jobs != NULL && m->spool_skips != NULL)
		return true;
	return temp_fail(m, strerror(errno));
}

/* The next record of a spool into head and m->text (the file name
 * after the text); false at its end, or after reporting an error. */
static bool
spool_read(merge *m, FILE *from, spooled *head, bool *error)
{
	*error = false;
	if (fread(head, sizeof *head, 1, from) != 1)
		return false;
	size_t len = head->text_len + head->file_len;
	free(m->text);
	m->text = malloc(len > 0 ? len : 1);
	if (m->text == NULL || fread(m->text, 1, len, from) != len) {
		*error = true;
		if (m->text == NULL)
			return merge_nomem(m);
		return temp_fail(m, ferror(from) ? strerror(errno) : "cut short");
	}
	return true;
}

/* Put a spooled record into the merged report. */
static bool
unspool(merge *m, bool job, const spooled *head)
{
	char *file = m->text + head->text_len;

	return job ? mif_audit_put_job(m->r, m->text, head->text_len,
	    &head->counts, head->id, file, m->err) : mif_audit_put_skip(m->r,
	    m->text, head->text_len, head->id, file, m->err);
}

void
merge_spool_close(merge *m)
{
	if (m->spool_jobs != NULL)
		fclose(m->spool_jobs);
	if (m->spool_skips != NULL)
		fclose(m->spool_skips);
	m->spool_jobs = m->spool_skips = NULL;
}

/* Each skipped history after the jobs that came before it in the run
 * that wrote the report, as that run listed them. */
bool
merge_spool_end(merge *m)
{
	FILE *jobs = m->spool_jobs, *skips = m->spool_skips;
	spooled job, skip;
	size_t placed = 0;
	bool error = false, ok = true;

	m->spool_jobs = m->spool_skips = NULL;   /* place() puts, now */
	if (fflush(jobs) != 0 || fflush(skips) != 0 || fseek(jobs, 0,
	    SEEK_SET) != 0 || fseek(skips, 0, SEEK_SET) != 0) {
		ok = temp_fail(m, strerror(errno));
	}
	while (ok && spool_read(m, skips, &skip, &error)) {
		if (skip.after < placed || skip.after > m->read.jobs) {
			ok = merge_fail(m, skip.line, skip.column, "\"after_jobs\" is "
			    "%zu, where %zu to %zu should be: the skipped histories "
			    "go in the order of the run, after some of its %zu jobs",
			    skip.after, placed, m->read.jobs, m->read.jobs);
			break;
		}
		/* the skipped history's text waits while the jobs go */
		char *text = m->text;
		m->text = NULL;
		for (; ok && placed < skip.after; placed++)
			ok = spool_read(m, jobs, &job, &error) && unspool(m, true, &job);
		free(m->text);
		m->text = text;
		ok = ok && unspool(m, false, &skip);
	}
	while (ok && !error && spool_read(m, jobs, &job, &error))
		ok = unspool(m, true, &job);
	free(m->text);           /* what place() writes next goes there */
	m->text = NULL;
	m->spool_jobs = jobs;
	m->spool_skips = skips;
	merge_spool_close(m);
	return ok && !error;
}
