/*
 * The attributes of the toolkit's SMS job classes (mif-jobs(5)), and
 * reading and writing their values: what sms_table.c, sms_history.c and
 * sms_detail.c share.  Attribute IDs are part of the formats: they never
 * change.
 */
#ifndef MIF_SMS_FIELDS_H
#define MIF_SMS_FIELDS_H

/* Internal names carry the library's prefix, so that no program that
 * links libmif statically meets them. */
#define sms_detail_attrs mif_sms_detail_attrs
#define sms_instruction_attrs mif_sms_instruction_attrs
#define sms_job_attrs mif_sms_job_attrs
#define sms_target_attrs mif_sms_target_attrs
#define sms_add_attr mif_sms_add_attr
#define sms_add_attrs mif_sms_add_attrs
#define sms_add_group mif_sms_add_group
#define sms_add_table mif_sms_add_table
#define sms_cell_ok mif_sms_cell_ok
#define sms_error mif_sms_error
#define sms_first_duplicate mif_sms_first_duplicate
#define sms_fit_string mif_sms_fit_string
#define sms_instruction_list mif_sms_instruction_list
#define sms_job_read mif_sms_job_read
#define sms_job_write mif_sms_job_write
#define sms_new_doc mif_sms_new_doc
#define sms_set_value mif_sms_set_value
#define sms_status_list mif_sms_status_list
#define sms_string_cell mif_sms_string_cell
#define sms_time_cell mif_sms_time_cell
#define sms_version_list mif_sms_version_list
#define sms_view_close mif_sms_view_close
#define sms_view_count mif_sms_view_count
#define sms_view_id mif_sms_view_id
#define sms_view_instruction mif_sms_view_instruction
#define sms_view_number mif_sms_view_number
#define sms_view_open mif_sms_view_open
#define sms_view_pos mif_sms_view_pos
#define sms_view_row_pos mif_sms_view_row_pos
#define sms_view_status mif_sms_view_status
#define sms_view_string mif_sms_view_string
#define sms_view_time mif_sms_view_time
#define sms_view_version mif_sms_view_version


#include "sms/internal.h"

/* One attribute of a class. */
typedef struct sms_attr {
	uint32_t id;
	const char *name;
	mif_type_kind type;  /* MIF_T_STRING, MIF_T_DATE or MIF_T_INTEGER */
	uint32_t size;       /* n of STRING(n) */
} sms_attr;

/* MIFTOOLS|JOB|1.0 */
enum { JOB_ID = 1, JOB_PACKAGE, JOB_OFFER, JOB_EXPIRES, JOB_NATTRS = 4 };
extern const sms_attr sms_job_attrs[JOB_NATTRS];

/* MIFTOOLS|JOBDETAIL|1.0 */
enum {
	DETAIL_SMS_ID = 1, DETAIL_STATUS, DETAIL_REPORTED, DETAIL_INSTRUCTION,
	DETAIL_DESCRIPTION, DETAIL_VERSION, DETAIL_JOB_ID, DETAIL_NATTRS = 7
};
extern const sms_attr sms_detail_attrs[DETAIL_NATTRS];

/* MIFTOOLS|JOBTARGET|1.0 */
enum { TARGET_SMS_ID = 1, TARGET_NATTRS = 1 };
extern const sms_attr sms_target_attrs[TARGET_NATTRS];

/* MIFTOOLS|JOBINSTRUCTION|1.0 */
enum {
	INS_SEQUENCE = 1, INS_TIME, INS_SMS_ID, INS_INSTRUCTION,
	INS_DESCRIPTION, INS_NATTRS = 5
};
extern const sms_attr sms_instruction_attrs[INS_NATTRS];

#define SMS_MAX_ATTRS 8

/* The times a DATE can hold in UTC: 0000-01-01 to 9999-12-31T23:59:59. */
#define SMS_TIME_MIN INT64_C(-62167219200)
#define SMS_TIME_MAX INT64_C(253402300799)

/* ---- errors -------------------------------------------------------- */

/* Fill *err (may be NULL) with an error at pos of doc and a context
 * place (MIF_NOPOS: none), as mif_error_vat() places them. */
void sms_error(mif_error *err, const mif_doc *doc, uint32_t pos,
    uint32_t context, mif_code code, const char *fmt, ...) MIF_PRINTF(6, 7);

/* "None, Pending, ..." and the like, for messages; buf returned. */
char *sms_status_list(char *buf, size_t size);
char *sms_instruction_list(char *buf, size_t size);
char *sms_version_list(char *buf, size_t size);

/* The first entry of list, in list order, that an earlier entry
 * equals: its index, and the earlier one's in *first; SIZE_MAX when
 * none, or when out of memory (then *nomem). */
size_t sms_first_duplicate(const char *const *list, size_t n, size_t *first,
    bool *nomem);

/* ---- reading ------------------------------------------------------- */

/* The rows of one class of a document, its columns found by ID. */
typedef struct sms_view {
	const mif_doc *doc;
	const mif_block *group;    /* the group or template */
	mif_rows *rows;
	const char *what;          /* "job group", for messages */
	const sms_attr *attrs;
	size_t cols[SMS_MAX_ATTRS + 1]; /* by attribute ID */
} sms_view;

/* Open the view of the first group of class cls (a group, or a template
 * with its tables); every attribute of attrs must be a column.  False
 * with *err when it is missing or out of memory. */
bool sms_view_open(sms_view *v, const mif_doc *doc, const char *cls,
    const char *what, const sms_attr *attrs, size_t nattrs, mif_error *err);
void sms_view_close(sms_view *v);
size_t sms_view_count(const sms_view *v);

/* Where a row's value of attribute id is, for messages: its cell or
 * VALUE; the row itself when the value is a default or absent. */
uint32_t sms_view_pos(const sms_view *v, size_t row, uint32_t id);
/* Where the row is: its '{', or the group for a group's one row. */
uint32_t sms_view_row_pos(const sms_view *v, size_t row);

/* A string value ("" allowed), NUL-terminated, in the document. */
bool sms_view_string(const sms_view *v, size_t row, uint32_t id,
    const char **out, mif_error *err);
/* The same, but it must not be empty. */
bool sms_view_id(const sms_view *v, size_t row, uint32_t id,
    const char **out, mif_error *err);
/* A time: a full DATE; when `optional`, an unknown date (all '*', "",
 * UNKNOWN or no value) gives *known false. */
bool sms_view_time(const sms_view *v, size_t row, uint32_t id,
    bool optional, bool *known, int64_t *t, mif_error *err);
/* A non-negative integer. */
bool sms_view_number(const sms_view *v, size_t row, uint32_t id,
    uint64_t *out, mif_error *err);

/* A Workstation Job Status. */
bool sms_view_status(const sms_view *v, size_t row, uint32_t id,
    mif_sms_status *out, mif_error *err);
/* An instruction; when `optional`, "" gives *given false. */
bool sms_view_instruction(const sms_view *v, size_t row, uint32_t id,
    bool optional, bool *given, mif_sms_instruction *out, mif_error *err);
/* An SMS version; when `optional`, "" gives NULL. */
bool sms_view_version(const sms_view *v, size_t row, uint32_t id,
    bool optional, const mif_sms_version **out, mif_error *err);

/* ---- writing ------------------------------------------------------- */

/* A new document of one component named `name`: the component, and the
 * document in *doc.  NULL (and *doc NULL) when out of memory. */
mif_block *sms_new_doc(const char *name, mif_doc **doc);

/* A group of the component: NAME, ID (0: none), CLASS, and KEY = 1 when
 * keyed.  NULL when out of memory. */
mif_block *sms_add_group(mif_doc *doc, const mif_block *comp,
    const char *name, uint64_t id, const char *cls, bool keyed);
/* An attribute: NAME, ID, TYPE.  NULL when out of memory. */
mif_block *sms_add_attr(mif_doc *doc, const mif_block *group,
    const sms_attr *a);
/* Every attribute of a class; out[id] receives each.  False when out of
 * memory. */
bool sms_add_attrs(mif_doc *doc, const mif_block *group,
    const sms_attr *attrs, size_t nattrs, mif_block **out);
/* A table: NAME, ID, CLASS. */
mif_block *sms_add_table(mif_doc *doc, const mif_block *comp,
    const char *name, uint64_t id, const char *cls);

/* Values as statements or cells (form NONE, v.str NULL, when out of
 * memory: callers check sms_cell_ok()). */
mif_stmt sms_string_cell(mif_doc *doc, const char *s);
mif_stmt sms_time_cell(mif_doc *doc, bool known, int64_t t);
bool sms_cell_ok(const mif_stmt *cell);
/* Widen the STRING(n) TYPE of attr to the characters of cell when they
 * are more than n: a Description is as long as the status MIF's own type
 * let it be (mif-status(1)).  False when out of memory. */
bool sms_fit_string(mif_doc *doc, const mif_block *attr,
    const mif_stmt *cell);
/* VALUE of an attribute. */
bool sms_set_value(mif_doc *doc, const mif_block *attr, const mif_stmt *v);

/* ---- the job group (sms_job.c) ------------------------------------- */

/* Read the job group of a table or a history. */
bool sms_job_read(const mif_doc *doc, mif_sms_job *job, mif_error *err);
/* Add it to a component, as group 1.  False when out of memory. */
bool sms_job_write(mif_doc *doc, const mif_block *comp,
    const mif_sms_job *job);

#endif /* MIF_SMS_FIELDS_H */
