/*
 * mif-audit's workers: each item (a history) is turned into a record by
 * one of N processes, item i by process i mod N, and the records are
 * taken in item order by the calling process, which alone writes the
 * report.  Each process sends its records through its own pipe, so
 * memory stays bounded by the pipes and one record at a time.
 */
#ifndef AUDIT_WORKERS_H
#define AUDIT_WORKERS_H

#include <stdbool.h>
#include <stddef.h>

#include "mif.h"

/* A job audited, or a history skipped: for its errors, or because it
 * could not be read (which is trouble, miftools(7), EXIT STATUS). */
enum audit_record_kind {
	AUDIT_RECORD_JOB, AUDIT_RECORD_SKIP, AUDIT_RECORD_SKIP_UNREAD
};

/* What one item gave: its part of the report and of standard error. */
typedef struct audit_record {
	enum audit_record_kind kind;
	mif_audit_counts counts;   /* a job's counts */
	mif_audit_identity id;     /* the job's or skipped history's */
	char *out;             /* mif_audit_write_job() or mif_audit_write_skip() */
	size_t out_len;
	char *err;             /* diagnostics */
	size_t err_len;
	char *db;              /* mif_audit_db_write_*(), with --db */
	size_t db_len;
} audit_record;

/* Make item i's record, its buffers malloc'd (the caller frees them);
 * false when the run cannot go on (no memory), after saying why. */
typedef bool audit_produce_fn(void *ctx, size_t i, audit_record *rec);
/* Take item i's record; items come in order.  False stops the run
 * (the consumer says why). */
typedef bool audit_consume_fn(void *ctx, size_t i, const audit_record *rec);

/*
 * Produce items 0 to n - 1 in `workers` processes (1: in this one, no
 * process started) and consume them in order here.  False after
 * reporting trouble: a process that cannot be started, or that failed;
 * also when produce or consume stopped the run.
 */
bool audit_workers_run(const char *prog, unsigned workers, size_t n,
    audit_produce_fn *produce, audit_consume_fn *consume, void *ctx);

#endif /* AUDIT_WORKERS_H */
