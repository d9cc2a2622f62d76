/*
 * mif-audit's report: audited jobs and skipped histories in, counted
 * and written as text, TSV or JSON (mif-audit(1), OUTPUT).  The same
 * code writes a live audit and a merge of earlier ones, so that the two
 * give the same bytes.
 */
#ifndef AUDIT_FORMAT_H
#define AUDIT_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "audit_seen.h"
#include "mif.h"

enum audit_format { AUDIT_TEXT, AUDIT_TSV, AUDIT_JSON };

/* The truths, in the order the totals give them. */
enum { AUDIT_COMPLETE, AUDIT_FAILED, AUDIT_NEVER_RAN, AUDIT_TRUTHS };

/* What a workstation's NOIDMIFs say about the job's package. */
typedef struct audit_inv {
	bool known;             /* a NOIDMIF of the workstation was found */
	mif_sms_status status;  /* then: None (never ran), Complete, Failed */
} audit_inv;

/* One audited job. */
typedef struct audit_job {
	const char *id;
	const char *file;                /* as named on the command line */
	const mif_sms_audit_row *rows;
	const audit_inv *inv;            /* per row; NULL without inventory */
	size_t nrows;
} audit_job;

/* A history that could not be audited, and the first reason. */
typedef struct audit_skip {
	const char *file;
	unsigned line, column;           /* 0: no place */
	const char *text;
} audit_skip;

typedef struct audit_counts {
	size_t jobs, skipped, workstations;
	size_t truth[AUDIT_TRUTHS];
	size_t lost[MIF_SMS_AUDIT_MAX];
	size_t recovered[MIF_SMS_AUDIT_MAX];
	size_t disagreements;
	size_t before_offer;             /* results before the offer, ignored */
	size_t expired_again;            /* expiries after the first, replayed */
} audit_counts;

/* What tells a job or skipped history from another (audit_seen.h):
 * key, its job ID and file; digest, everything it reports. */
typedef struct audit_identity {
	uint64_t key, digest;
} audit_identity;

/* The report's settings and its state while it is written. */
typedef struct audit_report {
	enum audit_format format;
	const char *versions[MIF_SMS_AUDIT_MAX];  /* names, as asked */
	size_t nversions;
	bool inventory;                  /* rows carry inventory answers */
	FILE *out;                       /* where it goes: stdout */
	const char *prog;                /* for messages */
	/* JSON: the skipped entries wait here until the jobs are written */
	FILE *skipped;
	size_t njson_jobs, njson_skipped;
	audit_seen seen;                 /* what is listed */
	bool begun;                      /* audit_begin() wrote the start */
	audit_counts totals;
} audit_report;

/* "Complete", "Failed", "never ran" for a truth or inventory status. */
const char *audit_truth_name(mif_sms_status truth);
/* Read one back; false when it is none of them. */
bool audit_truth_parse(const char *name, mif_sms_status *truth);

/* Whether an inventory answer disagrees with the truth. */
bool audit_disagrees(const audit_inv *inv, mif_sms_status truth);

/* Add a job's counts (and one job) to *counts. */
void audit_count_job(const audit_report *r, const audit_job *job,
    audit_counts *counts);
void audit_counts_add(audit_counts *to, const audit_counts *from,
    size_t nversions);
bool audit_counts_equal(const audit_counts *a, const audit_counts *b,
    size_t nversions);

/* The identity of a job, or of a skipped history. */
audit_identity audit_job_identity(const audit_report *r, const audit_job *job);
audit_identity audit_skip_identity(const audit_skip *skip);

/* The job's lines, or its JSON object, onto out (not r->out: a worker
 * writes into its own buffer); audit_put_job() then places them. */
void audit_write_job(const audit_report *r, const audit_job *job, FILE *out);
/* The skipped history's line or JSON object onto out. */
void audit_write_skip(const audit_report *r, const audit_skip *skip,
    FILE *out);

/* Start the report: the TSV header, the start of the JSON object.
 * False when the JSON's waiting place cannot be made (said). */
bool audit_begin(audit_report *r);
/*
 * Place what audit_write_job() or audit_write_skip() wrote (len bytes)
 * in the report, and add its counts to the totals; file names it in
 * messages.  A job or skipped history listed before is not listed again
 * (a warning says so); false after saying so when it was listed with
 * another result, or memory runs out.
 */
bool audit_put_job(audit_report *r, const char *text, size_t len,
    const audit_counts *counts, audit_identity id, const char *file);
bool audit_put_skip(audit_report *r, const char *text, size_t len,
    audit_identity id, const char *file);
/* End the report with the totals and, in TSV, its closing line; false
 * on a write error (said). */
bool audit_end(audit_report *r);
/* After trouble: mark a report that was begun as incomplete, and free
 * what it holds. */
void audit_abandon(audit_report *r);

#endif /* AUDIT_FORMAT_H */
