/*
 * libmif, the meaning layer: validation and its SMS profiles, dates, typed
 * values, lookups, keyed tables as rows, comparing tables row by row.
 * Part of the public API: "mif.h" gathers every layer.
 */
#ifndef MIF_MEANING_H
#define MIF_MEANING_H

#include "mif/lang.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* Checking                                                            */

/*
 * What a document is checked as.  Each profile other than DMI adds the
 * rules of one kind of SMS file (see mif-check(1), PROFILES) to the DMI
 * checks.
 */
typedef enum mif_profile {
	MIF_PROFILE_DMI,     /* the DMI checks only: the default */
	MIF_PROFILE_STATUS,  /* the status MIF a package writes */
	MIF_PROFILE_NOIDMIF, /* inventory attached to the collecting client */
	MIF_PROFILE_IDMIF,   /* inventory with its own identity */
	MIF_PROFILE_AUTO,    /* as mif_detect_profile() says */
} mif_profile;

/* The size limit of NOIDMIFs and IDMIFs in KB (1024 bytes): SMS's
 * default (SMS 2003 and later; SMS 2.0's was 100, Q202078), and the most
 * its setting allows. */
#define MIF_MAX_SIZE_KB_DEFAULT 250u
#define MIF_MAX_SIZE_KB_SMS20   100u
#define MIF_MAX_SIZE_KB_MAX     5120u

/* The SMS product the files of a profile are meant for: the size limit
 * and the rules on architectures follow it (mif-check(1), PROFILES). */
typedef enum mif_sms_product {
	MIF_SMS_ANY,  /* none named: SMS 2003's limit, the rules as warnings */
	MIF_SMS_1X,   /* SMS 1.0, 1.1, 1.2: no size limit */
	MIF_SMS_20,   /* SMS 2.0: 100 KB, refused architectures an error */
	MIF_SMS_2003, /* SMS 2003 and later: 250 KB */
} mif_sms_product;

/* The product called name ("1.0", "1.1", "1.2", "2.0", "2003") into
 * *product; false when there is none. */
bool mif_sms_product_parse(const char *name, mif_sms_product *product);

typedef struct mif_check_options {
	unsigned max_errors;  /* 0: default */
	mif_profile profile;  /* 0: MIF_PROFILE_DMI */
	unsigned max_size_kb; /* NOIDMIF and IDMIF; 0: the product's */
	mif_sms_product sms;  /* 0: MIF_SMS_ANY */
} mif_check_options;

/*
 * Validate the document: every check of the reference parser (see
 * mif(5)), then the rules of the profile.  Diagnostics are appended to
 * the document.  Returns the number of errors this call added.  opts
 * may be NULL: the DMI checks only.
 */
size_t mif_check(mif_doc *doc, const mif_check_options *opts);

/* "dmi", "status", "noidmif", "idmif", "auto"; "?" for no profile. */
const char *mif_profile_name(mif_profile profile);
/* The reverse: the profile called name (exactly as mif_profile_name()
 * spells it) into *profile; false when there is none. */
bool mif_profile_parse(const char *name, mif_profile *profile);

/*
 * The profile a document's content asks for: MIF_PROFILE_STATUS when a
 * group of the component has class MICROSOFT|JOBSTATUS|1.0 (case
 * ignored), MIF_PROFILE_IDMIF when a comment before START COMPONENT is
 * an //Architecture<...> line (well formed or not) or a group named
 * Architecture has an ArchitectureName attribute (SMS 1.x),
 * MIF_PROFILE_NOIDMIF otherwise.  MIF_PROFILE_AUTO checks as this says.
 */
mif_profile mif_detect_profile(const mif_doc *doc);

/* ------------------------------------------------------------------ */
/* Values and rows                                                     */

/*
 * A DATE, "yyyymmddHHMMSS.uuuuuu+ooo": the sign and ooo give the offset
 * from UTC in minutes (+060 is an hour east of Greenwich).  A field
 * written all '*' is unknown and holds MIF_DATE_UNKNOWN; DMI allows it
 * field by field, and so does this library.  `unknown` says that every
 * field is (the form "**************.******+***", or 25 '*').
 */
#define MIF_DATE_LEN 25
#define MIF_DATE_UNKNOWN INT32_MIN

typedef struct mif_date {
	int32_t year;        /* 0 to 9999 */
	int32_t month;       /* 1 to 12 */
	int32_t day;         /* 1 to the month's last */
	int32_t hour;        /* 0 to 23 */
	int32_t minute;      /* 0 to 59 */
	int32_t second;      /* 0 to 60 (a leap second) */
	int32_t microsecond; /* 0 to 999999 */
	int32_t utc_offset;  /* -840 to 840 minutes */
	bool unknown;        /* every field is MIF_DATE_UNKNOWN */
} mif_date;

/*
 * Parse len bytes of text as a DATE (the validator's rules: see mif(5)).
 * False when it is none, with the reason written to why (may be NULL).
 */
bool mif_date_parse(const char *text, size_t len, mif_date *date,
    char *why, size_t whylen);
/* Write a date's 25 characters and a NUL into out; unknown fields as
 * '*' (an unknown offset as "+***"), a field out of range as its last
 * digits.  Returns out. */
char *mif_date_format(const mif_date *date, char out[MIF_DATE_LEN + 1]);

/* An attribute's TYPE, resolved. */
typedef struct mif_attr_type {
	const mif_block *attr;  /* the attribute */
	const mif_stmt *stmt;   /* its TYPE statement */
	mif_type_kind kind;     /* as written: MIF_T_INT stays INT */
	mif_type_kind base;     /* the integer type of enum values (the
	                           enum's TYPE, INTEGER when it has none);
	                           kind for the other types */
	uint64_t size;          /* n of STRING(n) and the like; 0: none */
	const mif_block *enm;   /* enum types: the ENUM block */
} mif_attr_type;

/*
 * The type of an attribute.  TYPE = "name" is followed to the
 * component's ENUM of that NAME (exact match first, then one that
 * ignores ASCII case, as mif_check() does); TYPE = START ENUM to its
 * inline enum.  Returns false, with *err (may be NULL) placed at the
 * attribute or its TYPE, when it has no TYPE (MIF_E_MISSING), a TYPE
 * that is no type (MIF_E_TYPE), or an enum type that names no enum or
 * whose enum's TYPE is not an integer type (MIF_E_ENUM).
 */
bool mif_attr_type_of(const mif_doc *doc, const mif_block *attr,
    mif_attr_type *type, mif_error *err);

typedef enum mif_value_kind {
	MIF_V_ABSENT,      /* no value: no VALUE, or an empty position
	                      whose attribute has none */
	MIF_V_SIGNED,      /* INTEGER, INT, INTEGER64, INT64: i */
	MIF_V_UNSIGNED,    /* COUNTER, COUNTER64, GAUGE: u */
	MIF_V_STRING,      /* STRING, DISPLAYSTRING: str, len */
	MIF_V_OCTETS,      /* OCTETSTRING: str, len */
	MIF_V_DATE,        /* date; str, len: the text as written (empty
	                      for "", which counts as unknown) */
	MIF_V_ENUM,        /* i: the number (above INT64_MAX, in an enum
	                      of type COUNTER64: i is INT64_MAX and u the
	                      number); str, len: its symbol (str NULL when
	                      the enum has none for it) */
	MIF_V_UNKNOWN,     /* UNKNOWN */
	MIF_V_UNSUPPORTED, /* UNSUPPORTED */
	MIF_V_OVERLAY,     /* *"path": str, len name the PATH that gives
	                      the value at run time */
} mif_value_kind;

/*
 * A typed value.  It points into the document it came from (or, from
 * mif_value_parse(), into the caller's text) and lives as long as that.
 */
typedef struct mif_value {
	mif_value_kind kind;
	bool is_default;       /* a table position left empty or missing,
	                          filled with the attribute's VALUE */
	const mif_stmt *stmt;  /* the VALUE statement or cell it came from;
	                          NULL when absent or parsed from text */
	int64_t i;
	uint64_t u;
	const char *str;       /* not NUL-terminated: use len */
	size_t len;
	mif_date date;
} mif_value;

/*
 * The value of a VALUE statement or table cell `stmt` (NULL, or an
 * empty cell: MIF_V_ABSENT) for an attribute of type `type`.  Returns
 * true when it suits the type.  Otherwise returns false with *err (may
 * be NULL) at the statement: a string for a number or the reverse, or a
 * statement that is no value (MIF_E_TYPE); a number out of the type's
 * range, or a negative enum number beyond int64_t (MIF_E_RANGE); a string
 * longer than its size in characters (MIF_E_SIZE); an invalid date
 * (MIF_E_DATE); a symbol the enum lacks (MIF_E_ENUM).  *value then
 * holds the value as written: a number as MIF_V_SIGNED (negative) or
 * MIF_V_UNSIGNED, a string as MIF_V_STRING.  Enum symbols match
 * exactly, or else ignoring ASCII case (the value then carries the
 * enum's spelling); of a symbol or number given twice, the first item
 * counts.  UNKNOWN, UNSUPPORTED and overlays suit any type.
 */
bool mif_value_of(const mif_doc *doc, const mif_attr_type *type,
    const mif_stmt *stmt, mif_value *value, mif_error *err);

/*
 * A value from text, as a command line gives it, for an attribute of
 * type `type`: a number (decimal, 0octal or 0xhex, '-' for the signed
 * types) for integer types; the text itself for string types; a DATE
 * string for dates; a number, or a symbol as mif_value_of() matches
 * one, for enums; for every type, the words UNKNOWN and UNSUPPORTED
 * stand for those values.  The value points into text.  False with *err
 * (may be NULL; no place) when the text does not suit the type; *value
 * then holds the text as a MIF_V_STRING.
 */
bool mif_value_parse(const mif_attr_type *type, const char *text,
    size_t len, mif_value *value, mif_error *err);

/*
 * Whether two values are equal: numbers by their value whatever kind
 * holds them (7, 0x07 and the enum value 7 are equal), strings and
 * octet strings byte by byte, dates field by field, overlays by path;
 * ABSENT, UNKNOWN and UNSUPPORTED each equal only to themselves.
 * Where a value came from (stmt, is_default) does not count.
 */
bool mif_value_equal(const mif_value *a, const mif_value *b);
/* A hash of a value: equal values have equal hashes. */
uint64_t mif_value_hash(const mif_value *value);

/* mif_value_format() flags. */
#define MIF_FORMAT_ESCAPE 0x01u /* strings escaped as mif_escape() does */

/*
 * A value as shell scripts want it, raw: integers in decimal, strings
 * and octet strings as they are (UTF-8), dates as written, an enum value
 * as its symbol (its number when it has none), the words UNKNOWN and
 * UNSUPPORTED, an overlay as *"path", an absent value as nothing.
 * Writes at most size bytes, NUL included, into buf (which may be NULL
 * when size is 0) and returns the length of the whole text, as
 * snprintf() does.
 */
size_t mif_value_format(const mif_value *value, unsigned flags, char *buf,
    size_t size);
/* The same onto a stream; false on a write error. */
bool mif_value_print(const mif_value *value, unsigned flags, FILE *fp);
/*
 * A value as JSON, typed as miftools(7), OUTPUT, states: integers, and an
 * enum value without a symbol, as JSON numbers; an absent value as null;
 * anything else as a JSON string of what mif_value_format() writes
 * without flags.  False when memory runs out or fp has a write error.
 */
bool mif_value_json_print(const mif_value *value, FILE *fp);

/*
 * Lookups.  They return blocks of the document, valid as long as it,
 * or NULL when nothing matches; the first match in file order wins.
 *
 * mif_find_group(): the group or table a spec names, trying in turn
 *   1. a spec of decimal digits: the ID;
 *   2. the CLASS, exactly (groups before tables, so that a template's
 *      class gives the template rather than one of its tables);
 *   3. the NAME, exactly;
 *   4. the CLASS, ignoring ASCII case (groups before tables);
 *   5. the NAME, ignoring ASCII case.
 */
const mif_block *mif_find_group(const mif_doc *doc, const char *spec);
/* The attribute of a group with this ID. */
const mif_block *mif_group_attribute(const mif_block *group, uint64_t id);
/* The attribute a spec names: decimal digits for the ID, else the NAME,
 * exactly, then ignoring ASCII case. */
const mif_block *mif_find_attribute(const mif_block *group,
    const char *spec);
/* Whether a group is a template: a KEY and no ID. */
bool mif_is_template(const mif_block *group);
/* The template of a table: the first template with the table's CLASS. */
const mif_block *mif_table_template(const mif_doc *doc,
    const mif_block *table);
/* The component's ENUM named `name`: exactly, then ignoring ASCII case. */
const mif_block *mif_find_enum(const mif_doc *doc, const char *name);

/*
 * The outline of a document: its groups and tables in file order, as
 * mif-get(1) lists them without -g.  A group with a KEY and no ID is a
 * template, one with both is keyed, one without KEY scalar.
 */
typedef enum mif_outline_kind {
	MIF_OUTLINE_SCALAR,
	MIF_OUTLINE_KEYED,
	MIF_OUTLINE_TEMPLATE,
	MIF_OUTLINE_TABLE,
} mif_outline_kind;

typedef struct mif_outline_entry {
	const mif_block *block;   /* the group or table */
	mif_outline_kind kind;
	size_t rows;              /* a table's rows; a template's, those of
	                             every table of its CLASS; 1 for a group */
} mif_outline_entry;

/* "scalar", "keyed", "template", "table"; NULL for another value. */
const char *mif_outline_kind_name(mif_outline_kind kind);
/*
 * The entries of the document's groups and tables, *count of them, in a
 * malloc'd array the caller frees with free(); its blocks point into the
 * document.  A document without component has none.  Linear, but for a
 * sort of the tables by class.  NULL with *err (MIF_E_NOMEM) when out
 * of memory.
 */
mif_outline_entry *mif_outline(const mif_doc *doc, size_t *count,
    mif_error *err) MIF_MUST_USE;

/*
 * Rows: one view of the instances of a group, whatever their source.
 *   - A group with an ID (scalar, or keyed with its values in place):
 *     one row, its attributes' VALUEs.  So is a group with neither ID
 *     nor KEY (an error for mif_check()).  mif_rows_open_class() gives
 *     the view of every keyed group of a class instead.
 *   - A template (KEY, no ID): the rows of every table of its CLASS, in
 *     file order; none when it has no table.
 *   - A table: its rows, under its template (mif_table_template()).
 * The columns are the group's attributes that have an ID, in ID order
 * (the first of two with one ID).  A table row gives its values in that
 * order; a position left empty, or missing at the end of a short row,
 * takes the attribute's VALUE, and is absent when there is none.
 *
 * Opening the view indexes the rows by their key values (the KEY's
 * attributes, typed as mif_value_equal() compares them), so that
 * mif_rows_find() takes constant time.  It is linear in the number of
 * rows, and costs 24 to 40 bytes per row (a pointer, and the index's
 * slots when the group has a KEY) and nothing per cell.
 *
 * Rows and columns count from 0, and the accessors want them in range.
 * What they return points into the document, or into the view for
 * mif_rows_column_type(), and is valid until mif_rows_free().
 */
typedef struct mif_rows mif_rows;

#define MIF_NO_ROW SIZE_MAX
#define MIF_NO_COLUMN SIZE_MAX

/*
 * Open the view of a group or table.  NULL with *err (may be NULL) when
 * block is no group or table, a table has no template (MIF_E_TABLE), or
 * memory runs out (MIF_E_NOMEM).  The caller frees the view with
 * mif_rows_free(); it reads doc, which must outlive it unchanged.
 */
mif_rows *mif_rows_open(const mif_doc *doc, const mif_block *block,
    mif_error *err) MIF_MUST_USE;
/*
 * The same, but the view of a keyed group (ID and KEY) holds every
 * instance of its class: one row for each keyed group whose CLASS is the
 * group's (exactly), in file order, as NOIDMIFs and IDMIFs give several
 * instances of a class.  The columns are those of `block`; a row takes
 * the VALUE of its own group's attribute with the column's ID, and is
 * absent there when that group has none.  Other blocks give the view of
 * mif_rows_open().
 */
mif_rows *mif_rows_open_class(const mif_doc *doc, const mif_block *block,
    mif_error *err) MIF_MUST_USE;
/*
 * The rows that a spec names, as mif-get(1) and mif-diff(1) take them:
 * those of the group or table mif_find_group() finds.  A keyed group
 * named by its ID is that one instance (mif_rows_open()); named by its
 * class or name it stands for every instance of its class
 * (mif_rows_open_class()).  NULL with *err when nothing answers to spec
 * (MIF_E_MISSING, no place), or as mif_rows_open().
 */
mif_rows *mif_rows_open_spec(const mif_doc *doc, const char *spec,
    mif_error *err) MIF_MUST_USE;
void mif_rows_free(mif_rows *rows);

/* The document the view reads. */
const mif_doc *mif_rows_doc(const mif_rows *rows);
/* The group whose attributes are the columns (the template of a table). */
const mif_block *mif_rows_group(const mif_rows *rows);
size_t mif_rows_count(const mif_rows *rows);
size_t mif_rows_columns(const mif_rows *rows);
/* The attribute of a column. */
const mif_block *mif_rows_column(const mif_rows *rows, size_t col);
/* Its type, or NULL when mif_attr_type_of() fails for it. */
const mif_attr_type *mif_rows_column_type(const mif_rows *rows, size_t col);
/* The column of the attribute with this ID, or MIF_NO_COLUMN. */
size_t mif_rows_column_of(const mif_rows *rows, uint64_t id);

/* The table a row comes from, and the row itself; NULL for a row that
 * a group gives in place. */
const mif_block *mif_rows_table(const mif_rows *rows, size_t row);
const mif_row *mif_rows_row(const mif_rows *rows, size_t row);
/* The group that gives a row in place; NULL for a row of a table. */
const mif_block *mif_rows_instance(const mif_rows *rows, size_t row);

/*
 * What gives a row's value in a column: its cell, or the attribute's
 * VALUE when the position is empty or missing (*is_default, which may be
 * NULL, then says so: the VALUEs of a row a group gives are in place, no
 * defaults); NULL when neither.
 */
const mif_stmt *mif_rows_stmt(const mif_rows *rows, size_t row, size_t col,
    bool *is_default);
/* The typed value there: mif_value_of() of mif_rows_stmt().  A column
 * whose type is broken gives its values as written, and false with the
 * type's error. */
bool mif_rows_value(const mif_rows *rows, size_t row, size_t col,
    mif_value *value, mif_error *err);

/* The key: the columns of the KEY's attributes, in KEY order (IDs that
 * name no column, or name one again, are left out).  None for a group
 * without KEY. */
size_t mif_rows_key_count(const mif_rows *rows);
size_t mif_rows_key_column(const mif_rows *rows, size_t k);

/*
 * The row whose key values equal keys[0 .. key count - 1] (in KEY
 * order), or MIF_NO_ROW; constant time.  When several rows have equal
 * keys the first one is found (mif_check() reports the others).  Rows
 * with an absent key value are never found.
 */
size_t mif_rows_find(const mif_rows *rows, const mif_value *keys);

/* The column of the attribute a spec names (mif_find_attribute() in the
 * view's group), or MIF_NO_COLUMN. */
size_t mif_rows_column_spec(const mif_rows *rows, const char *spec);

/*
 * Picking rows by the values of attributes, as mif-get -k does.  A
 * condition: the attribute a spec names (mif_rows_column_spec()) has
 * the value that text gives (mif_value_parse() for its type, so that
 * 7 and 0x07 are one number); a row matches when it meets every one.
 */
typedef struct mif_rows_condition {
	const char *attr;   /* a spec: ID or NAME */
	const char *value;  /* NUL-terminated text */
} mif_rows_condition;

typedef struct mif_rows_filter mif_rows_filter;

/*
 * Resolve n conditions against a view.  A condition on an attribute the
 * view lacks gives a filter that matches no row (the conditions after it
 * are not read).  Conditions that name each key column once find their
 * row through the view's index (mif_rows_find()).  NULL with *err when
 * an attribute's TYPE is broken (mif_attr_type_of()'s error, placed in
 * the document), a value does not suit its attribute's type
 * (mif_value_parse()'s error, no place; *bad, which may be NULL,
 * receives the condition's index, else SIZE_MAX), or memory runs out
 * (MIF_E_NOMEM).  The values point into the condition texts, which
 * must outlive the filter, as must the view.  Free it with
 * mif_rows_filter_free().
 */
mif_rows_filter *mif_rows_filter_new(const mif_rows *rows,
    const mif_rows_condition *conds, size_t n, size_t *bad, mif_error *err)
    MIF_MUST_USE;
void mif_rows_filter_free(mif_rows_filter *filter);
/* Whether a condition names an attribute the view lacks, so that no row
 * can match. */
bool mif_rows_filter_empty(const mif_rows_filter *filter);
/* The first row from `from` on that matches, or MIF_NO_ROW. */
size_t mif_rows_filter_next(const mif_rows_filter *filter, size_t from);

/* ------------------------------------------------------------------ */
/* Comparing tables row by row                                         */

typedef enum mif_diff_kind {
	MIF_DIFF_SAME,
	MIF_DIFF_REMOVED,  /* only in the old table */
	MIF_DIFF_ADDED,    /* only in the new table */
	MIF_DIFF_CHANGED,
} mif_diff_kind;

typedef struct mif_diff_options {
	/* The key: attribute names or IDs (mif_find_attribute() specs, read
	 * in the old table's group); none: the table's KEY. */
	const char *const *key;
	size_t nkey;
	/* Attributes left out of the comparison. */
	const char *const *ignore;
	size_t nignore;
} mif_diff_options;

/* One row's difference, from mif_diff_next(). */
typedef struct mif_diff_change {
	mif_diff_kind kind;
	size_t old_row, new_row;   /* MIF_NO_ROW on the side that lacks it */
	const size_t *changed;     /* CHANGED: the compared columns that
	                              differ, valid until the next call */
	size_t nchanged;
} mif_diff_change;

typedef struct mif_diff_counts {
	size_t same, removed, added, changed;
} mif_diff_counts;

typedef struct mif_diff mif_diff;

/*
 * Prepare the comparison of two views (mif_rows_open()): columns are
 * matched by attribute ID; each side is indexed by its key values.
 * Linear in the rows.  NULL with *err when there is no key (no KEY and
 * no opts->key), a key or ignored attribute names none, a key value is
 * given twice in one table (MIF_E_DUP_ROW; err->source is then "old" or
 * "new"), or memory runs out.  The views must outlive the comparison.
 */
mif_diff *mif_diff_new(const mif_rows *old, const mif_rows *new_rows,
    const mif_diff_options *opts, mif_error *err) MIF_MUST_USE;
void mif_diff_free(mif_diff *diff);

/* The columns: the attributes of either side, by ID, the ignored ones
 * included (they are only left out of the comparison).  For each, the
 * attribute (the old side's when both have it) and its column on each
 * side (MIF_NO_COLUMN where missing). */
size_t mif_diff_columns(const mif_diff *diff);
const mif_block *mif_diff_attribute(const mif_diff *diff, size_t col);
size_t mif_diff_old_column(const mif_diff *diff, size_t col);
size_t mif_diff_new_column(const mif_diff *diff, size_t col);
/* The key's compared columns, in key order. */
size_t mif_diff_key_count(const mif_diff *diff);
size_t mif_diff_key_column(const mif_diff *diff, size_t k);

/*
 * The next row that differs: the old table's rows in order (removed or
 * changed), then the new table's rows that the old one lacks (added).
 * False when there are no more; rows that are the same are counted,
 * not returned.
 */
bool mif_diff_next(mif_diff *diff, mif_diff_change *change);
/* Counts of the rows returned so far (and of those found the same). */
mif_diff_counts mif_diff_counts_of(const mif_diff *diff);

/*
 * The value of compared column col in a row of one side (old: the old
 * view, else the new): mif_rows_value() there, MIF_V_ABSENT when row is
 * MIF_NO_ROW or that side lacks the column.  False when the column's
 * type is broken; the value is then as written.  It points into that
 * side's document.
 */
bool mif_diff_value(const mif_diff *diff, bool old, size_t row, size_t col,
    mif_value *value);
/* The k-th key value (in key order) of a change: from its old row, or
 * from its new row when the old table lacks it. */
void mif_diff_key_value(const mif_diff *diff, const mif_diff_change *change,
    size_t k, mif_value *value);
/* "same", "removed", "added", "changed"; NULL for another value. */
const char *mif_diff_kind_name(mif_diff_kind kind);

/*
 * What mif-diff(1) compares when no table is named: the CLASS of the
 * document's first group with a KEY, else of its first table, as a
 * mif_rows_open_spec() spec, so that the other file's tables are found
 * by class wherever they stand.  It points into the document; NULL when
 * there is no such group or table, or it has no CLASS.
 */
const char *mif_diff_default_spec(const mif_doc *doc);

/*
 * Big tables compared without holding their rows.  mif_diff_parse()
 * parses path as mif_parse_path() does and checks it as mif_check(doc,
 * NULL) does, with the same diagnostics, but holds the rows of the
 * document's first table, when its template comes before it, as a digest
 * in *digest (a few hashes per row) instead of in the tree; *digest is
 * NULL when the document holds every row (the file has errors, or its
 * rows cannot be read that way: it is then read again whole).  The
 * digest points into the document: free it first.
 *
 * mif_diff_new_digests() is mif_diff_new() on the rows of spec
 * (mif_rows_open_spec()) of the two documents, with the same changes and
 * counts: rows written alike under one key are the same, and only the
 * others are parsed again.  With *whole set and NULL returned it cannot
 * compare them so (a key other than the KEY, spec naming other rows than
 * the digest's, templates that differ): read the files whole.  The
 * comparison reads both digests: free it first.
 */
typedef struct mif_diff_digest mif_diff_digest;
mif_doc *mif_diff_parse(const char *path, const mif_parse_options *opts,
    mif_diff_digest **digest, mif_error *err) MIF_MUST_USE;
mif_diff *mif_diff_new_digests(mif_diff_digest *old, mif_diff_digest *new_d,
    const char *spec, const mif_diff_options *opts, bool *whole,
    mif_error *err) MIF_MUST_USE;
void mif_diff_digest_free(mif_diff_digest *digest);

/* The class of the document mif_diff_write() makes. */
#define MIF_DIFF_CLASS "MIFTOOLS|DIFF|1.0"

/*
 * The rest of a comparison (mif_diff_next() until it returns false) as
 * a new document, as mif-diff -f mif writes it: component "mif-diff"
 * whose DESCRIPTION names the sides "Differences from OLD to NEW", and a
 * table of class MIF_DIFF_CLASS with one row for each attribute that
 * changed, and one for each row removed or added: Sequence (from 1),
 * Change (mif_diff_kind_name()), Key (the key values joined by ", "),
 * Attribute, Old and New (empty for a row removed or added; an absent
 * value as an empty cell).  Values are as mif_value_format() writes
 * them without flags.  NULL when out of memory.  The caller frees it
 * with mif_doc_free(); the counts stay in the comparison.
 */
mif_doc *mif_diff_write(mif_diff *diff, const char *old_name,
    const char *new_name) MIF_MUST_USE;

/* The forms of mif_diff_report_write(): mif-diff(1) -f. */
typedef enum mif_diff_format {
	MIF_DIFF_TEXT,
	MIF_DIFF_TSV,
	MIF_DIFF_JSON,
} mif_diff_format;

/*
 * The rest of a comparison (mif_diff_next() until it returns false)
 * written to out in format, as mif-diff(1) prints it: text, a line per
 * row, then a line of counts with MIF_DIFF_SUMMARY in flags; TSV, a line
 * per attribute that changed and per row removed or added, after a
 * header line with MIF_DIFF_HEADER; or one JSON object whose "old" and
 * "new" are old_name and new_name, its counts always in it.
 * Values in text and TSV are escaped (MIF_FORMAT_ESCAPE); in JSON they
 * are as mif_value_format() writes them without flags.  Rows are
 * written as they come, nothing is kept.  False when memory runs out
 * or out has a write error; the report then stops without its counts.
 */
#define MIF_DIFF_HEADER  0x01u /* TSV: a header line first */
#define MIF_DIFF_SUMMARY 0x02u /* text: the line of counts last */
#define MIF_DIFF_COLOUR  0x04u /* text: rows in ANSI colours, for a
                                  terminal: removed red, added green,
                                  changed yellow */
bool mif_diff_report_write(FILE *out, mif_diff *diff, const char *old_name,
    const char *new_name, mif_diff_format format, unsigned flags);

/* ------------------------------------------------------------------ */
/* Comparing two whole documents                                       */

/*
 * Every group of two documents (the first component of each), matched
 * with the other's and compared row by row: a keyed group or a template
 * with a CLASS stands for its class, every keyed group of that class or
 * the rows of its tables (mif_rows_open_class()), compared as
 * mif_diff_new() compares them, by the KEY; another group with a CLASS
 * is matched by it (the n-th such group of a class in one document
 * with the n-th in the other) and compared attribute by attribute, as
 * one row without key; a group without CLASS is matched by its ID.
 */
typedef struct mif_doc_diff mif_doc_diff;

/* One group, or class of groups, from mif_doc_diff_next(). */
typedef struct mif_doc_diff_part {
	mif_diff_kind kind;  /* REMOVED: only in old; ADDED: only in new;
	                        SAME: in both, `rows` tells how they differ */
	const mif_block *old_group, *new_group;  /* the first of each side,
	                        NULL on the side that lacks it */
	mif_diff *rows;      /* SAME: the comparison of the rows, for
	                        mif_diff_next(); NULL otherwise */
} mif_doc_diff_part;

typedef struct mif_doc_diff_counts {
	/* groups: those in both, same or changed by their rows, and those
	 * only in old (removed) or new (added); rows: the rows of the groups
	 * in both, as mif_diff_counts_of() counts them */
	mif_diff_counts groups, rows;
} mif_doc_diff_counts;

/*
 * Match the groups of both documents and prepare each comparison, all
 * of them at once, so that a document that cannot be compared fails
 * here, before any is reported: linear in the groups and rows.  NULL
 * with *err as mif_rows_open() or mif_diff_new() fails for a group
 * (err->source is then "old" or "new" where one document is at fault),
 * or when memory runs out.  The documents must outlive the comparison.
 */
mif_doc_diff *mif_doc_diff_new(const mif_doc *old, const mif_doc *new_doc,
    mif_error *err) MIF_MUST_USE;
void mif_doc_diff_free(mif_doc_diff *diff);
/*
 * The next group: the old document's in file order (a class where its
 * first group stands), then those only in the new one, in its order.
 * False when there are no more.
 */
bool mif_doc_diff_next(mif_doc_diff *diff, mif_doc_diff_part *part);
/* Counts of the groups returned so far, and of the rows of theirs read
 * (mif_diff_next()); a group in both counts when its rows were read. */
mif_doc_diff_counts mif_doc_diff_counts_of(const mif_doc_diff *diff);

/*
 * The rest of a comparison of documents written to out in format, as
 * mif-diff -A prints it: each difference of mif_diff_report_write()
 * with the place of its group (NAME and CLASS, or ID), a group only in
 * one side as one line (text "only in old"/"only in new"; TSV and JSON
 * change "group-removed"/"group-added"); groups that are the same
 * print nothing.  TSV fields: change, class, ID (of a group compared
 * alone), group, key (the values joined by ", "), attribute, old, new,
 * after a header line with MIF_DIFF_HEADER.  JSON: one object with
 * "old", "new", "rows" (objects as in mif_diff_report_write() with the
 * members "group", "class" and "id" besides) and "counts" ("groups" and
 * "rows", each as mif_diff_report_write() counts).  Text ends with the
 * counts with MIF_DIFF_SUMMARY.  False when memory runs out or out has a
 * write error.
 */
bool mif_doc_diff_report_write(FILE *out, mif_doc_diff *diff,
    const char *old_name, const char *new_name, mif_diff_format format,
    unsigned flags);

#ifdef __cplusplus
}
#endif
#endif /* MIF_MEANING_H */
