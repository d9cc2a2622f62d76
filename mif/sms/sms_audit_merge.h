/*
 * What the readers of earlier reports share (mif_audit_merge_read()):
 * the merge's state, the declaration of a report's
 * versions and inventory, and the gathering of one job at a time, which
 * is then written to the merged report.  Internal to libmif.
 */
#ifndef MIF_SMS_AUDIT_MERGE_H
#define MIF_SMS_AUDIT_MERGE_H

/* Internal names carry the library's prefix, so that no program that
 * links libmif statically meets them. */
#define merge_declare mif_merge_declare
#define merge_fail mif_merge_fail
#define merge_place mif_merge_place
#define merge_job_flush mif_merge_job_flush
#define merge_job_row mif_merge_job_row
#define merge_job_start mif_merge_job_start
#define merge_nomem mif_merge_nomem
#define merge_pool_add mif_merge_pool_add
#define merge_put_skip mif_merge_put_skip
#define merge_read_json mif_merge_read_json
#define merge_read_tsv mif_merge_read_tsv
#define merge_spool_begin mif_merge_spool_begin
#define merge_spool_close mif_merge_spool_close
#define merge_spool_end mif_merge_spool_end


#include "sms/sms_audit_seen.h"

#define NAME_MAX_LEN 32

typedef struct mif_audit_merge merge;

struct mif_audit_merge {
	mif_audit_report *r;
	bool sms_given;
	/* the report being read */
	const char *file;          /* its name, for messages */
	mif_error *err;            /* where its first error goes */
	/* the blank lines and spaces skipped before its first character,
	 * which its reader does not see: added to every place it gives */
	unsigned skipped_lines, skipped_columns;
	size_t map[MIF_SMS_AUDIT_MAX]; /* its version i is the report's map[i] */
	size_t nversions;
	bool inventory;
	mif_audit_counts read;         /* what it lists, to check its totals */
	/* JSON: its jobs and skipped histories wait here until its end,
	 * which tells where each skipped one goes among the jobs */
	FILE *spool_jobs, *spool_skips;
	/* the job being gathered: strings in a pool, as offsets until the
	 * job is complete (the pool moves as it grows) */
	char *pool;
	size_t pool_len, pool_cap;
	size_t id_at, file_at;
	mif_sms_audit_row *rows;
	mif_audit_inv *inv;
	size_t *sms_at;
	size_t nrows, cap;
	bool open;
	/* what a job or skipped entry is written into before it is placed */
	char *text;
	size_t text_len;
};

/* A place that the reader of a report gives (after the blank lines and
 * spaces skipped before its first character), made the file's. */
void merge_place(const merge *m, unsigned *line, unsigned *column);
/* An error at line:column (line 0: none) of the report being read,
 * into m->err; returns false. */
bool merge_fail(merge *m, unsigned line, unsigned column, const char *fmt,
    ...) MIF_PRINTF(4, 5);
/* "out of memory", into m->err; returns false. */
bool merge_nomem(merge *m);

/*
 * A report read declares its versions and whether it has inventory
 * answers: the first one gives the merged report's (unless --sms gave
 * the versions) and starts it; every one must agree with it, its
 * versions in any order (m->map says where each goes).  line:column
 * place the declaration for messages.  False with m->err.
 */
bool merge_declare(merge *m, const char *const *names, size_t n,
    bool inventory, unsigned line, unsigned column);

/* A copy of s in the job's pool, at offset *at; false when out of
 * memory (m->err). */
bool merge_pool_add(merge *m, const char *s, size_t *at);
/* Start gathering a job (its ID and file empty until set through
 * merge_pool_add() into m->id_at and m->file_at). */
bool merge_job_start(merge *m);
/* A new row of the job for sms_id, zeroed, and its inventory answer
 * (unknown); versions by the merged report's order.  NULL when out of
 * memory (m->err).  The row stays in place until the next one. */
mif_sms_audit_row *merge_job_row(merge *m, const char *sms_id,
    mif_audit_inv **inv);
/* Write the job gathered, if any, to the merged report (or the
 * spool). */
bool merge_job_flush(merge *m);
/* Write a skipped history to the merged report (or the spool, with its
 * place: after the report's first `after` jobs, given at line:column). */
bool merge_put_skip(merge *m, const mif_audit_skip *s, size_t after,
    unsigned line, unsigned column);

/* JSON: start spooling a report's jobs and skipped histories; at its
 * end, place them in the order of the run that wrote it.  False with
 * m->err. */
bool merge_spool_begin(merge *m);
bool merge_spool_end(merge *m);
/* Close and forget the spool files of the report being read. */
void merge_spool_close(merge *m);

/* Read a whole report of each kind into the merged report; false with
 * m->err what is wrong with it. */
bool merge_read_tsv(merge *m, FILE *in);
bool merge_read_json(merge *m, FILE *in);

#endif /* MIF_SMS_AUDIT_MERGE_H */
