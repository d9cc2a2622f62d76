/*
 * libmif, the SMS 1.x layer: statuses, instructions and versions, times,
 * replaying instructions, the job formats (status MIFs, detailed status,
 * job status tables, histories, NOIDMIF records) and auditing.
 * Part of the public API: "mif.h" gathers every layer.
 */
#ifndef MIF_SMS_H
#define MIF_SMS_H

#include "mif/meaning.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* SMS 1.x software distribution: statuses, instructions, versions     */

/* A workstation's row in a job's detailed status. */
typedef enum mif_sms_status {
	MIF_SMS_NONE,      /* never ran */
	MIF_SMS_PENDING,
	MIF_SMS_COMPLETE,
	MIF_SMS_FAILED,
	MIF_SMS_RETRYING,
	MIF_SMS_CANCELED,
	MIF_SMS_STATUS_COUNT
} mif_sms_status;

/* What the despooler is told by a client. */
typedef enum mif_sms_instruction {
	MIF_SMS_SUCCESS,   /* a status MIF reporting Success */
	MIF_SMS_FAILURE,   /* a status MIF reporting Failed */
	MIF_SMS_EXPIRED,   /* PCM's expiry notification */
	MIF_SMS_INSTRUCTION_COUNT
} mif_sms_instruction;

/* One SMS version's despooler, as data: the status each instruction
 * gives a row (MIF_SMS_KEEP: the row keeps its status and no detailed
 * job status MIF is created), and its known quirks. */
#define MIF_SMS_KEEP MIF_SMS_STATUS_COUNT
typedef struct mif_sms_version {
	const char *name;                        /* "1.0" */
	uint8_t gives[MIF_SMS_INSTRUCTION_COUNT]; /* mif_sms_status or KEEP */
	bool drops_escaped_quote; /* Q140810: a job status MIF with \" in a
	                             string is not loaded; the row stays */
	const char *note;          /* one line on what this version does */
} mif_sms_version;

/* "Complete", "Canceled" ...; NULL for a value out of range. */
const char *mif_sms_status_name(mif_sms_status status);
/* Read a status name (any case; "Cancelled" is read as Canceled). */
bool mif_sms_status_parse(const char *name, mif_sms_status *status);
const char *mif_sms_instruction_name(mif_sms_instruction ins);
/* "Success", "Failed", "Expired" (any case); also status MIF values
 * as real writers spell them ("FAILED"). */
bool mif_sms_instruction_parse(const char *name, mif_sms_instruction *ins);

/* Every version known, oldest first; *count receives their number. */
const mif_sms_version *mif_sms_versions(size_t *count);
/* A version by name ("1.0", "1.1", "1.2"); NULL if unknown. */
const mif_sms_version *mif_sms_version_find(const char *name);

/*
 * The row's status after the despooler of `version` handles one
 * instruction.  `description` is the text the instruction carries (may
 * be NULL).  *created (if not NULL) says whether a detailed job status
 * MIF is created, *loaded whether the site loaded it (the row changes
 * only then).
 */
mif_sms_status mif_sms_apply(const mif_sms_version *version,
    mif_sms_status current, mif_sms_instruction ins, const char *description,
    bool *created, bool *loaded);

/* ---- times ---- */

/*
 * Read a time: a DMI DATE "yyyymmddHHMMSS.uuuuuu+ooo" (offset in
 * minutes), or ISO 8601 "yyyy-mm-dd", "yyyy-mm-ddTHH:MM[:SS]" (also
 * with a space for T) with an optional "Z" or "+HH:MM"; no offset means
 * UTC.  *t receives seconds since 1970-01-01 UTC.
 */
bool mif_time_parse(const char *text, int64_t *t);
/* Write t as a DMI DATE in UTC ("20261121091407.000000+000"); buf
 * holds at least 26 bytes.  Returns buf. */
char *mif_time_dmi(int64_t t, char *buf);
/* Write t as "2026-11-21 09:14:07" (UTC); buf holds at least 20 bytes. */
char *mif_time_iso(int64_t t, char *buf);

/* ---- replaying a job's instructions ---- */

/* A workstation's row of a job status table. */
typedef struct mif_sms_row {
	const char *sms_id;
	mif_sms_status status;
	bool reported;            /* an instruction changed it */
	int64_t time;             /* of the last instruction loaded */
	mif_sms_instruction instruction;
	const char *description;  /* of the last instruction loaded */
	bool by_expiry;           /* its status was last set by an expiry */
	int result;               /* the last result the client reported:
	                             -1 never ran, or MIF_SMS_SUCCESS/FAILURE */
	unsigned ignored;         /* instructions not replayed (ignored) */
	unsigned expiries;        /* expiry instructions replayed */
} mif_sms_row;

/* One despooler instruction of a job history. */
typedef struct mif_sms_event {
	int64_t time;
	const char *sms_id;
	mif_sms_instruction instruction;
	const char *description;
	/* not replayed: a result older than the job, which the Package
	 * Command Manager does not collect (Knowledge Base Q166833) */
	bool ignored;
} mif_sms_event;

/* What one instruction did. */
typedef struct mif_sms_effect {
	size_t row;               /* index of the row; SIZE_MAX: no such target */
	mif_sms_status before, after;
	bool created, loaded;     /* detailed job status MIF made, loaded */
} mif_sms_effect;

typedef struct mif_sms_replay mif_sms_replay;

/*
 * A replay of one job under a version, its rows one per target in the
 * given order, all None.  The strings are the caller's and must outlive
 * the replay.  NULL when out of memory.  Free with mif_sms_replay_free().
 */
mif_sms_replay *mif_sms_replay_new(const mif_sms_version *version,
    const char *const *targets, size_t ntargets) MIF_MUST_USE;
void mif_sms_replay_free(mif_sms_replay *replay);
/* Set a row as a table gives it (before replaying more); false if the
 * target is unknown. */
bool mif_sms_replay_set(mif_sms_replay *replay, const mif_sms_row *row);
/* Handle one instruction; the effect says what happened.  An ignored
 * one only counts in its row's `ignored`. */
mif_sms_effect mif_sms_replay_step(mif_sms_replay *replay,
    const mif_sms_event *event);
/* The rows, in target order. */
const mif_sms_row *mif_sms_replay_rows(const mif_sms_replay *replay,
    size_t *count);
/* The row of a target, or NULL. */
const mif_sms_row *mif_sms_replay_row(const mif_sms_replay *replay,
    const char *sms_id);

/* ------------------------------------------------------------------ */
/* SMS job formats                                                     */

/*
 * The toolkit's own files for SMS 1.x jobs, in MIF, as mif-jobs(5)
 * describes them: the detailed job status MIF that the despooler creates
 * for one workstation, the job status table, the job history; and the
 * NOIDMIF record of a package's install status.  Attributes are found by
 * ID, and the IDs never change.
 *
 * Readers take a parsed document (run mif_check() on it first for the DMI
 * rules) and give the first problem they find in *err (may be NULL),
 * placed in the document where it has a place; err->source is the
 * document's source name.  The strings they return point into the
 * document, which must outlive what they fill.
 */
#define MIF_SMS_JOB_CLASS         "MIFTOOLS|JOB|1.0"
#define MIF_SMS_DETAIL_CLASS      "MIFTOOLS|JOBDETAIL|1.0"
#define MIF_SMS_TARGET_CLASS      "MIFTOOLS|JOBTARGET|1.0"
#define MIF_SMS_INSTRUCTION_CLASS "MIFTOOLS|JOBINSTRUCTION|1.0"
#define MIF_SMS_PACKAGE_CLASS     "MIFTOOLS|PACKAGESTATUS|1.0"

/* A job, as its group (MIF_SMS_JOB_CLASS) gives it. */
typedef struct mif_sms_job {
	const char *job_id;
	const char *package_id;
	int64_t offer;
	bool expires_known;       /* false: the job never expires */
	int64_t expires;
} mif_sms_job;

/* The instruction a status MIF gives the despooler: its Status
 * ("Success" or "Failed", any case) and Description ("" when it has
 * none), from the group of class MICROSOFT|JOBSTATUS|1.0, attributes
 * found by name as SMS finds them (ASCII case ignored).  False with *err
 * when there is no such group, or no Status that is one of those. */
bool mif_sms_status_mif_read(const mif_doc *doc, mif_sms_instruction *ins,
    const char **description, mif_error *err);

/* ---- the detailed job status MIF ---- */

/* One row's update, as the despooler writes it. */
typedef struct mif_sms_detail {
	const char *job_id;
	const char *sms_id;
	mif_sms_status status;            /* Workstation Job Status */
	int64_t time;                     /* Reported: of the instruction */
	mif_sms_instruction instruction;
	const char *description;          /* never NULL: "" for none */
	const mif_sms_version *version;   /* the despooler that made it */
} mif_sms_detail;

/*
 * What the despooler of `version` creates for one instruction of job
 * job_id: the status its rules give (whatever the row held).  False
 * when that version creates no detailed job status MIF for it (SMS 1.2
 * for an expired job), or the instruction is ignored.  The strings are
 * the caller's.
 */
bool mif_sms_detail_of(const mif_sms_version *version, const char *job_id,
    const mif_sms_event *event, mif_sms_detail *detail);
/* A new document holding the detailed job status MIF; NULL when out of
 * memory.  The caller frees it with mif_doc_free(). */
mif_doc *mif_sms_detail_write(const mif_sms_detail *detail) MIF_MUST_USE;
/* Read one; false with *err when it is not one (an unknown status,
 * instruction or version, a bad date, a missing attribute). */
bool mif_sms_detail_read(const mif_doc *doc, mif_sms_detail *detail,
    mif_error *err);

/* ---- the job status table ---- */

/* A job and its rows, one per workstation.  Row strings point into the
 * documents they came from, or are the caller's. */
typedef struct mif_sms_table {
	mif_sms_job job;
	mif_sms_row *rows;
	/* per row: the SMS version whose detailed job status MIF last set
	 * it; NULL while none has */
	const mif_sms_version **set_by;
	size_t nrows;
} mif_sms_table;

/* A table of the job whose rows, one per target in the given order
 * (a target named twice has one row), are all None.  False when out of
 * memory.  Release it with mif_sms_table_release(). */
bool mif_sms_table_init(mif_sms_table *table, const mif_sms_job *job,
    const char *const *targets, size_t ntargets);
/* Read a job status table: the job group, and the rows of the template
 * MIF_SMS_DETAIL_CLASS.  False with *err for an unknown status,
 * instruction or version, a bad date, two rows for one SMS ID, a row of
 * another job, or out of memory; nothing is left to release then. */
bool mif_sms_table_read(const mif_doc *doc, mif_sms_table *table,
    mif_error *err);
void mif_sms_table_release(mif_sms_table *table);
/* A new document holding the table; NULL when out of memory. */
mif_doc *mif_sms_table_write(const mif_sms_table *table) MIF_MUST_USE;

/*
 * Handle instructions in order, as the despooler of `version` does
 * (mif_sms_replay_step()).  effects[i] (effects may be NULL) receives
 * what events[i] did; an instruction for no row of the table changes
 * nothing.  False, the table unchanged, when out of memory or when two
 * rows have one SMS ID (which mif_sms_table_read() refuses).
 */
bool mif_sms_table_run(mif_sms_table *table, const mif_sms_version *version,
    const mif_sms_event *events, size_t nevents, mif_sms_effect *effects);

/*
 * Load a detailed job status MIF into the table as the site of its
 * version does: the row of its SMS ID takes its status, time,
 * instruction and description, unless that version's quirk keeps it out
 * (*loaded false: SMS 1.1 and a double quote, Q140810).  Returns the
 * row's index, or SIZE_MAX when no row has that SMS ID.
 */
size_t mif_sms_table_load(mif_sms_table *table, const mif_sms_detail *detail,
    bool *loaded);
/* Read the detailed job status MIF of doc into *detail and load it into
 * the table (mif_sms_table_load()).  False with *err, placed in doc,
 * when it is none, is for another job, or is for an SMS ID that has no
 * row. */
bool mif_sms_table_apply(mif_sms_table *table, const mif_doc *doc,
    mif_sms_detail *detail, bool *loaded, mif_error *err);

/* ---- expiring a job status table ---- */

/*
 * When a job expires, each client sends one expiry instruction at its
 * first poll after the expiry, and the despooler handles instructions
 * in time order (Knowledge Base Q152229).  A row's fate at the time of
 * the expiry instructions, `at`:
 */
typedef enum mif_sms_fate {
	MIF_SMS_EXPIRES,         /* polled: its expiry instruction is handled */
	MIF_SMS_NOT_POLLED,      /* did not poll after the expiry: none sent */
	MIF_SMS_ALREADY_EXPIRED, /* an expiry instruction set it before */
	MIF_SMS_REPORTED_LATER,  /* its last instruction came after `at`:
	                            the expiry was handled before it */
} mif_sms_fate;

/* The fate of a row whose workstation polled after the expiry or not. */
mif_sms_fate mif_sms_fate_of(const mif_sms_row *row, bool polled, int64_t at);

/*
 * When the job's expiry instructions are handled: *at, or the job's
 * Expires when at is NULL.  False with *err (no place) when at is NULL
 * and the job never expires (MIF_E_MISSING), or *at is before the job
 * expires (MIF_E_RANGE); the text names the job and the times.
 */
bool mif_sms_expiry_time(const mif_sms_job *job, const int64_t *at,
    int64_t *when, mif_error *err);

/*
 * Set marked[i] (the caller's array of table->nrows) for the row of
 * each SMS ID of ids; other entries are left as they are.  Costs
 * n log n for n IDs and rows.  False with *err (no place) when an ID
 * has no row (MIF_E_MISSING; *missing, which may be NULL, receives its
 * index) or memory runs out (MIF_E_NOMEM).
 */
bool mif_sms_table_mark(const mif_sms_table *table, const char *const *ids,
    size_t nids, bool *marked, size_t *missing, mif_error *err);

/*
 * Expire the job at `at` under `version`: every row whose fate
 * (mif_sms_fate_of(); polled NULL: every workstation polled) is
 * MIF_SMS_EXPIRES gets an expiry instruction at `at`, handled in row
 * order by mif_sms_table_run().  fates[i] (the caller's array of
 * table->nrows) receives row i's fate, effects[i] (may be NULL) what
 * its instruction did, or, for a row without one, its status as before
 * and after.  False, the table unchanged, when memory runs out or two
 * rows have one SMS ID (as mif_sms_table_run()).
 */
bool mif_sms_table_expire(mif_sms_table *table,
    const mif_sms_version *version, int64_t at, const bool *polled,
    mif_sms_fate *fates, mif_sms_effect *effects);

/* ---- the job history ---- */

/* A job, its targets and the despooler's instructions. */
typedef struct mif_sms_history {
	mif_sms_job job;
	const char **targets;
	size_t ntargets;
	mif_sms_event *events;   /* in the order processed */
	size_t nevents;
	mif_error *warnings;     /* in file order, placed in the document */
	size_t nwarnings;
} mif_sms_history;

/*
 * Read a job history: the job group, the targets (template
 * MIF_SMS_TARGET_CLASS) and the instructions (template
 * MIF_SMS_INSTRUCTION_CLASS) in file order.  False with *err when a
 * sequence number does not grow, a time goes backwards, an instruction
 * names no target or is unknown, an expiry comes before the job
 * expires, a target is listed twice, or memory runs out; nothing is
 * left to release then.  Warnings, which the history keeps: a result
 * (Success or Failed) timed before the job's offer, which the Package
 * Command Manager does not collect (Q166833) and which is marked
 * ignored; a workstation's second and later expiry instructions (it
 * sends one), which are replayed.
 */
bool mif_sms_history_read(const mif_doc *doc, mif_sms_history *history,
    mif_error *err);
void mif_sms_history_release(mif_sms_history *history);
/*
 * Replay a history under `version`, its instructions up to *until (all
 * when until is NULL; times never go backwards, so these are the first
 * ones): *table receives the job status table they leave, from rows one
 * per target, all None (mif_sms_table_init(), mif_sms_table_run()),
 * which the caller releases with mif_sms_table_release().  When details
 * is not NULL, *details receives a malloc'd array, which the caller
 * frees with free(), of the *ndetails detailed job status MIFs those
 * instructions created (mif_sms_detail_of()), in order.  The strings
 * are the history's.  False when memory runs out; nothing is left to
 * release then.
 */
bool mif_sms_history_replay(const mif_sms_history *history,
    const mif_sms_version *version, const int64_t *until,
    mif_sms_table *table, mif_sms_detail **details, size_t *ndetails);
/* The history as a document in the layout of mif-jobs(5), its
 * instructions numbered from 1 in order; the strings are copied.  NULL
 * when out of memory.  The caller frees it. */
mif_doc *mif_sms_history_write(const mif_sms_history *history) MIF_MUST_USE;

/* ---- the NOIDMIF record of a package's install status ---- */

/*
 * Record in a NOIDMIF how the install of a package went (result
 * MIF_SMS_SUCCESS: "Complete", MIF_SMS_FAILURE: "Failed") and when: the
 * attribute named after the package in the group of class
 * MIF_SMS_PACKAGE_CLASS gets the VALUE "Complete 1996-06-03T10:15:00Z".
 * An attribute of that name in any case keeps its spelling (SMS refuses
 * a NOIDMIF whose attribute names change case); a missing one is added
 * with the next free ID, a missing group with the next free group ID,
 * and a missing component as NAME = "WORKSTATION".  Everything else in
 * the document stays.  False with *err for a package ID that is empty
 * or over 64 characters, another result, or out of memory.
 */
bool mif_sms_noidmif_record(mif_doc *doc, const char *package_id,
    mif_sms_instruction result, int64_t time, mif_error *err);
/* What a NOIDMIF records for a package: false when nothing, or nothing
 * in that form. */
bool mif_sms_noidmif_lookup(const mif_doc *doc, const char *package_id,
    mif_sms_status *status, int64_t *time);

/* ------------------------------------------------------------------ */
/* SMS 1.x auditing: what expiry lost                                  */

/*
 * What each version's detailed job status shows after a job's history,
 * against what the clients reported (mif-audit(1)).  The truth of a
 * workstation is the last result it reported, as a status:
 * MIF_SMS_COMPLETE, MIF_SMS_FAILED, or MIF_SMS_NONE when it never ran.
 */

/* The most versions one audit compares. */
#define MIF_SMS_AUDIT_MAX 8

/* The truth of a replayed row: its `result` as a status. */
mif_sms_status mif_sms_truth(const mif_sms_row *row);

/* Whether a displayed status tells the truth: only Complete tells
 * Complete; Retrying or Failed tell Failed; None or Pending tell that
 * the package never ran. */
bool mif_sms_status_tells(mif_sms_status shown, mif_sms_status truth);

/* Whether a row's status is lost: an expiry set it last (every row
 * that polled shows the same then), or it does not tell the truth
 * (such as a success that SMS 1.1 did not load, Q140810). */
bool mif_sms_row_lost(const mif_sms_row *row);

/* One workstation of an audited job. */
typedef struct mif_sms_audit_row {
	const char *sms_id;                      /* the history's target */
	mif_sms_status truth;                    /* None, Complete, Failed */
	mif_sms_status shown[MIF_SMS_AUDIT_MAX]; /* per version, as asked */
	bool lost[MIF_SMS_AUDIT_MAX];            /* mif_sms_row_lost() */
	unsigned before_offer;   /* results before the offer, ignored */
	unsigned expired_again;  /* expiry instructions after the first */
} mif_sms_audit_row;

/*
 * Replay a history under each of the versions (1 to MIF_SMS_AUDIT_MAX
 * of them) and fill rows[i], for target i, of the caller's array of
 * history->ntargets rows.  The strings are the history's.  False when
 * the number of versions is out of range or memory runs out.
 */
bool mif_sms_audit(const mif_sms_history *history,
    const mif_sms_version *const *versions, size_t nversions,
    mif_sms_audit_row *rows);

/* ---- audit reports: many histories, in text, TSV, JSON or HTML ---- */

/*
 * A report of audited jobs and skipped histories, as mif-audit(1)
 * writes it (OUTPUT there): each job and skipped history is written
 * apart (mif_audit_write_job(), mif_audit_write_skip(), which a worker
 * process may do), then placed in the report (mif_audit_put_job(),
 * mif_audit_put_skip()), which lists each once and counts the totals.
 * A merge (mif_audit_merge_read()) reads reports back into one.
 */
typedef enum mif_audit_format {
	MIF_AUDIT_TEXT, MIF_AUDIT_TSV, MIF_AUDIT_JSON, MIF_AUDIT_HTML
} mif_audit_format;

/* The truths, in the order the totals give them. */
enum { MIF_AUDIT_COMPLETE, MIF_AUDIT_FAILED, MIF_AUDIT_NEVER_RAN,
	MIF_AUDIT_TRUTHS };

/* What a workstation's NOIDMIFs say about the job's package. */
typedef struct mif_audit_inv {
	bool known;             /* a NOIDMIF of the workstation was found */
	mif_sms_status status;  /* then: None (never ran), Complete, Failed */
} mif_audit_inv;

/* One audited job; the strings and arrays are the caller's. */
typedef struct mif_audit_job {
	const char *id;
	const char *file;                /* the history, as named */
	const mif_sms_audit_row *rows;
	const mif_audit_inv *inv;        /* per row; NULL without inventory */
	size_t nrows;
} mif_audit_job;

/* A history that could not be audited, and the first reason. */
typedef struct mif_audit_skip {
	const char *file;
	unsigned line, column;           /* 0: no place */
	const char *text;
} mif_audit_skip;

typedef struct mif_audit_counts {
	size_t jobs, skipped, workstations;
	size_t truth[MIF_AUDIT_TRUTHS];
	size_t lost[MIF_SMS_AUDIT_MAX];
	size_t recovered[MIF_SMS_AUDIT_MAX];
	/* lost per version and truth, for the HTML chart; reports do not
	 * give it, so mif_audit_counts_equal() leaves it out */
	size_t lost_truth[MIF_SMS_AUDIT_MAX][MIF_AUDIT_TRUTHS];
	size_t disagreements;
	size_t before_offer;             /* results before the offer, ignored */
	size_t expired_again;            /* expiries after the first, replayed */
} mif_audit_counts;

/* What tells a job or skipped history from another: key, its job ID
 * and file; digest, everything it reports. */
typedef struct mif_audit_identity {
	uint64_t key, digest;
} mif_audit_identity;

/* The jobs a report has listed (private). */
typedef struct mif_audit_seen {
	struct mif_audit_seen_slot *slots;
	size_t mask, used;
	uint32_t generation;
} mif_audit_seen;

/* Told of a job or skipped history placed twice with the same result,
 * which the report lists once: a warning, its source the history. */
typedef void mif_audit_warn_fn(void *ctx, const mif_error *warning);

/* A report: the caller zeroes it and sets the settings; the rest is the
 * library's. */
typedef struct mif_audit_report {
	/* settings */
	mif_audit_format format;
	const char *versions[MIF_SMS_AUDIT_MAX];  /* names, as asked: the
	                                  caller's strings, or a merge's */
	size_t nversions;
	bool inventory;                  /* rows carry inventory answers */
	FILE *out;                       /* where it goes */
	const char *prog;                /* names the INCOMPLETE REPORT line */
	mif_audit_warn_fn *warn;         /* may be NULL */
	void *warn_ctx;
	/* private: JSON's skipped entries wait in a file until the jobs
	 * are written */
	FILE *skipped;
	size_t njson_jobs, njson_skipped;
	mif_audit_seen seen;
	char merged_names[MIF_SMS_AUDIT_MAX][32]; /* versions a merge read */
	/* state */
	bool begun;                      /* mif_audit_begin() wrote the start */
	mif_audit_counts totals;         /* of what is placed */
} mif_audit_report;

/* "Complete", "Failed", "never ran" for a truth or inventory status. */
const char *mif_audit_truth_name(mif_sms_status truth);
/* Read one back; false when it is none of them. */
bool mif_audit_truth_parse(const char *name, mif_sms_status *truth);
/* Whether an inventory answer disagrees with the truth. */
bool mif_audit_disagrees(const mif_audit_inv *inv, mif_sms_status truth);

/* Add a job's counts (and one job) to *counts. */
void mif_audit_count_job(const mif_audit_report *r, const mif_audit_job *job,
    mif_audit_counts *counts);
void mif_audit_counts_add(mif_audit_counts *to, const mif_audit_counts *from,
    size_t nversions);
bool mif_audit_counts_equal(const mif_audit_counts *a,
    const mif_audit_counts *b, size_t nversions);

/* The identity of a job, or of a skipped history. */
mif_audit_identity mif_audit_job_identity(const mif_audit_report *r,
    const mif_audit_job *job);
mif_audit_identity mif_audit_skip_identity(const mif_audit_skip *skip);

/* The job's lines, or its JSON object, onto out (not r->out: a worker
 * writes into its own buffer); mif_audit_put_job() then places them. */
void mif_audit_write_job(const mif_audit_report *r, const mif_audit_job *job,
    FILE *out);
/* The skipped history's line or JSON object onto out. */
void mif_audit_write_skip(const mif_audit_report *r,
    const mif_audit_skip *skip, FILE *out);

/* Start the report: the TSV header, the start of the JSON object.
 * False with *err when JSON's waiting file cannot be made. */
bool mif_audit_begin(mif_audit_report *r, mif_error *err);
/*
 * Place what mif_audit_write_job() or mif_audit_write_skip() wrote (len
 * bytes) in the report, and add its counts to the totals; file names it
 * in messages.  A job or skipped history listed before is not listed
 * again (r->warn is told); false with *err (its source the file) when
 * it was listed with another result, or memory runs out.
 */
bool mif_audit_put_job(mif_audit_report *r, const char *text, size_t len,
    const mif_audit_counts *counts, mif_audit_identity id, const char *file,
    mif_error *err);
bool mif_audit_put_skip(mif_audit_report *r, const char *text, size_t len,
    mif_audit_identity id, const char *file, mif_error *err);
/* End the report with the totals and, in TSV, its closing line; false
 * with *err when the skipped histories' file cannot be read back. */
bool mif_audit_end(mif_audit_report *r, mif_error *err);
/* After trouble: end a report that was begun with its INCOMPLETE
 * REPORT line, and free what it holds. */
void mif_audit_abandon(mif_audit_report *r);

/* ---- auditing one history into a report's record ---- */

typedef struct mif_audit_inventory mif_audit_inventory;

/*
 * Audit a history that was read (mif_sms_history_read()) under the
 * report's versions (`versions`, r->nversions of them), look up each
 * workstation in inv (may be NULL), and write the job onto out
 * (mif_audit_write_job()), its counts into *counts and its identity
 * into *id.  file names the history.  With db not NULL, the job's SQL
 * goes onto it too (mif_audit_db_write_job()).  False when memory runs
 * out.
 */
bool mif_audit_history(const mif_audit_report *r,
    const mif_sms_version *const *versions, const mif_audit_inventory *inv,
    const mif_sms_history *history, const char *file, FILE *out, FILE *db,
    mif_audit_counts *counts, mif_audit_identity *id);

/* ---- audits in an SQLite database (mif-audit-db(5)) ---- */

typedef struct mif_audit_db mif_audit_db;

/* Open the database at path, creating it and its tables as needed;
 * NULL with *err (its source the path) when it cannot. */
mif_audit_db *mif_audit_db_open(const char *path, mif_error *err)
    MIF_MUST_USE;
void mif_audit_db_close(mif_audit_db *db);
/* A job's or a skipped history's SQL onto out (a worker process may
 * write it: no database is needed); it replaces what the database
 * holds of the same history.  mif_audit_db_put() then applies it. */
void mif_audit_db_write_job(const mif_audit_report *r,
    const mif_audit_job *job, FILE *out);
void mif_audit_db_write_skip(const mif_audit_skip *skip, FILE *out);
/* Apply what mif_audit_db_write_*() wrote (len bytes) in one
 * transaction: all of it or, false with *err, none. */
bool mif_audit_db_put(mif_audit_db *db, const char *sql, size_t len,
    mif_error *err);

/* ---- the inventory: package status NOIDMIFs of the clients ---- */

/* An empty inventory; NULL when out of memory. */
mif_audit_inventory *mif_audit_inventory_new(void) MIF_MUST_USE;
void mif_audit_inventory_free(mif_audit_inventory *inv);
/*
 * Add one NOIDMIF of workstation sms_id: the packages that the first
 * group of class MIF_SMS_PACKAGE_CLASS records as Complete or Failed
 * (mif_sms_noidmif_lookup()).  The workstation is known from then on,
 * even when it records none.  SMS IDs and package IDs match ignoring
 * ASCII case; when several NOIDMIFs record a package, the latest time
 * counts.  Nothing of doc is kept.  False with *err when out of memory.
 */
bool mif_audit_inventory_add(mif_audit_inventory *inv, const char *sms_id,
    const mif_doc *doc, mif_error *err);
/* What the inventory knows of a workstation and a package: nothing
 * (no NOIDMIF of it), never ran (its NOIDMIFs do not name the package),
 * Complete or Failed. */
mif_audit_inv mif_audit_inventory_lookup(const mif_audit_inventory *inv,
    const char *sms_id, const char *package_id);

/* ---- merging reports ---- */

typedef struct mif_audit_merge mif_audit_merge;

/*
 * A merge into r, which the caller set up (format, out, prog, warn)
 * and has not begun: the first report read gives r's versions (unless
 * versions_given: r's versions are set) and whether rows carry
 * inventory answers, and begins r.  NULL when out of memory.
 */
mif_audit_merge *mif_audit_merge_new(mif_audit_report *r,
    bool versions_given) MIF_MUST_USE;
void mif_audit_merge_free(mif_audit_merge *m);
/*
 * Read a whole report from in, TSV or JSON as mif_audit_write_*() and
 * mif_audit_end() write them (told apart by the first character that
 * is no blank; JSON reports joined one after another are read too),
 * and place its jobs and skipped histories in r in the order of the run
 * that wrote it.  It must be whole: a TSV one ends with its closing
 * line, a JSON one has totals, and their counts are those of what it
 * lists; its versions and inventory are those of r.  Memory holds one
 * job at a time.  name is the report's, for errors.  False with *err,
 * placed in the report (source name) or placeless (source "": out of
 * memory, a temporary file).
 */
bool mif_audit_merge_read(mif_audit_merge *m, FILE *in, const char *name,
    mif_error *err);

#ifdef __cplusplus
}
#endif
#endif /* MIF_SMS_H */
