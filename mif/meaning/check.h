/*
 * The validator's shared parts (mif_check): the walk's context, the hash
 * set it uses for every "seen before?" question, attributes with their
 * resolved types, enumerations and templates.  Internal to libmif.
 *
 * The walk is linear in the size of the tree: every set is a hash set,
 * and tables are matched to their templates by class through one.
 * Scratch memory is malloc'd and freed before mif_check() returns.
 */
#ifndef MIF_CHECK_H
#define MIF_CHECK_H

#include "meaning/internal.h"

/*
 * The validator's files call each other by these short names; the linker
 * sees them with the library's prefix, so that a program linked with
 * libmif.a never meets a clash with its own check_* functions.
 */
#define check_attr_block mif_check_attr_block
#define check_attrs_find mif_check_attrs_find
#define check_attrs_free mif_check_attrs_free
#define check_attrs_gather mif_check_attrs_gather
#define check_block_name mif_check_block_name
#define check_char_count mif_check_char_count
#define check_children mif_check_children
#define check_children_split mif_check_children_split
#define check_component_id mif_check_component_id
#define check_componentid_attr mif_check_componentid_attr
#define check_componentid_class mif_check_componentid_class
#define check_componentid_missing mif_check_componentid_missing
#define check_date mif_check_date
#define check_date_sms12 mif_check_date_sms12
#define check_enum_block mif_check_enum_block
#define check_enum_free mif_check_enum_free
#define check_enum_has_folded_name mif_check_enum_has_folded_name
#define check_enum_has_name mif_check_enum_has_name
#define check_enum_of mif_check_enum_of
#define check_enum_symbol mif_check_enum_symbol
#define check_group mif_check_group
#define check_hash_folded mif_check_hash_folded
#define check_hash_ptr mif_check_hash_ptr
#define check_ids_note mif_check_ids_note
#define check_ids_ready mif_check_ids_ready
#define check_int_range mif_check_int_range
#define check_is_componentid mif_check_is_componentid
#define check_is_integer_type mif_check_is_integer_type
#define check_is_string_type mif_check_is_string_type
#define check_line mif_check_line
#define check_nomem mif_check_nomem
#define check_number_text mif_check_number_text
#define check_quote mif_check_quote
#define check_range_text mif_check_range_text
#define check_report mif_check_report
#define check_report_rule mif_check_report_rule
#define check_same_folded mif_check_same_folded
#define check_same_item mif_check_same_item
#define check_set_add mif_check_set_add
#define check_set_find mif_check_set_find
#define check_set_free mif_check_set_free
#define check_set_reserve mif_check_set_reserve
#define check_table mif_check_table
#define check_template_add mif_check_template_add
#define check_template_attrs mif_check_template_attrs
#define check_template_of_group mif_check_template_of_group
#define check_template_unique mif_check_template_unique
#define check_template_ready mif_check_template_ready
#define check_templates_free mif_check_templates_free
#define check_type_text mif_check_type_text
#define check_value mif_check_value

/* ---- hash set (check_hash.c) -------------------------------------------- */

/* Whether a stored item matches a key; arg is the caller's. */
typedef bool check_eq_fn(const void *item, const void *key, const void *arg);

typedef struct check_slot {
	uint64_t hash;
	const void *item; /* NULL: empty */
} check_slot;

/* Items (non-NULL pointers) by a caller-computed hash of their keys.
 * Zero it to start. */
typedef struct check_set {
	check_slot *slots;
	size_t mask;
	size_t count;
} check_set;

void check_set_free(check_set *set);
/* Make room for n items at once (saves rehashing); false when out of
 * memory. */
bool check_set_reserve(check_set *set, size_t n);
/*
 * Add item under key unless an item with that key is there.  Returns that
 * earlier item, or NULL when item was added (or when out of memory: then
 * *nomem is set).
 */
const void *check_set_add(check_set *set, uint64_t hash, const void *key,
    const void *item, check_eq_fn *eq, const void *arg, bool *nomem);
/* The item with this key, or NULL. */
const void *check_set_find(const check_set *set, uint64_t hash,
    const void *key, check_eq_fn *eq, const void *arg);

uint64_t check_hash_ptr(const void *p);
/* A hash of s that ignores ASCII case. */
uint64_t check_hash_folded(const mif_string *s);
/* Equality callback: the item is the key itself (interned strings). */
check_eq_fn check_same_item;
/* Whether two strings are equal when ASCII case is ignored. */
bool check_same_folded(const mif_string *a, const mif_string *b);

/* ---- enumerations (check_enums.c) --------------------------------------- */

typedef struct check_enum {
	const mif_block *block;
	mif_type_kind base;   /* the integer type of its values */
	bool base_ok;         /* false: its TYPE is not an integer type */
	check_set symbols;    /* first item of each symbol (exact) */
	check_set folded;     /* first item of each symbol, case ignored */
} check_enum;

/* ---- attributes (check_attrs.c) ----------------------------------------- */

/* What is wrong with an attribute's TYPE, found once, reported once. */
typedef enum check_type_state {
	CHECK_TYPE_OK,
	CHECK_TYPE_MISSING,     /* no TYPE statement */
	CHECK_TYPE_NO_SIZE,     /* a string type without (n), or (0) */
	CHECK_TYPE_NO_ENUM,     /* names an enum the component lacks */
	CHECK_TYPE_ENUM_CASE,   /* names an enum only when case is ignored */
	CHECK_TYPE_BAD,         /* a TYPE statement that is no type */
} check_type_state;

typedef struct check_attr {
	const mif_block *block;
	const mif_string *name;  /* NULL when it has no NAME */
	const mif_stmt *id;      /* first ID statement, or NULL */
	bool has_id;             /* id is a usable non-negative integer */
	uint64_t idv;
	size_t first_same_id;    /* index of the first attribute with this ID,
	                            or SIZE_MAX when this is the first */
	const mif_stmt *type;    /* first TYPE statement, or NULL */
	const mif_stmt *value;   /* first VALUE statement, or NULL */
	check_type_state state;
	mif_type_kind kind;      /* valid when state is OK or ENUM_CASE */
	uint64_t size;           /* string types */
	check_enum *enm;         /* enum types */
	const mif_block *enum_block; /* the enum the TYPE resolved to */
} check_attr;

/* A group's attributes in source order, with resolved types. */
typedef struct check_attrs {
	check_attr *items;
	size_t count;
	check_set by_id;         /* first attribute of each ID */
} check_attrs;

/* ---- templates (check_tables.c) ----------------------------------------- */

typedef struct check_template {
	const mif_block *group;
	const mif_string *class_name;
	check_attrs attrs;       /* gathered when first needed */
	bool gathered;
	/* The row layout: attributes with an ID, first of each, by ID. */
	const check_attr **columns;
	size_t ncolumns;
	size_t *key_columns;     /* columns of the KEY's attributes */
	size_t nkeys;
	bool laid_out;
} check_template;

/* ---- the walk ----------------------------------------------------------- */

typedef struct check_ctx {
	mif_doc *doc;
	const mif_block *component;
	bool stop;               /* the error limit was reached, or no memory */

	check_set paths;         /* PATH names (interned strings) */
	check_set enum_names;    /* first named enum block of each NAME */
	check_set enum_folded;   /* the same, case ignored */
	check_set enums;         /* check_enum of each enum block met */
	check_set templates;     /* first check_template of each class */
	check_template **tmpl_list;
	size_t ntmpl, tmpl_cap;
	check_set dup_ids;       /* first group or table of each repeated ID */
	struct check_id_entry *id_list; /* the first pass's IDs, till ready */
	size_t nid_list, id_list_cap;
	const mif_block *group1; /* the first group with ID 1 */
	mif_profile profile;     /* what the file is checked as (not auto) */
	mif_sms_product sms;     /* the SMS the file is meant for */

	/* checking the component's blocks in two parts (check_split.c) */
	mif_doc *sink;           /* the second part's diagnostics, or NULL */
	struct check_ctx *owner; /* the second part's: the first part's ctx */
	void *enums_lock;        /* pthread_mutex_t over enums, or NULL */
	int split_outcome;       /* enum check_split_outcome */
	const mif_block *middle; /* the first block at or past the text's middle */
} check_ctx;

/* mif_diag() that remembers when to stop; false then (check_report.c). */
bool check_report(check_ctx *c, mif_code code, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, ...)
    MIF_PRINTF(6, 7);
/* The same, for a check with a rule of its own. */
bool check_report_rule(check_ctx *c, mif_rule rule, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, ...)
    MIF_PRINTF(6, 7);
/* Report running out of memory once and stop. */
void check_nomem(check_ctx *c);

/* Line of pos, for "first at line N". */
unsigned check_line(const check_ctx *c, uint32_t pos);

/* ---- text for messages (check_text.c) ----------------------------------- */

#define CHECK_QUOTE_MAX 72  /* bytes of a quoted name, quotes included */

/* `"text"`, escaped and cut to fit (then ending in ..."); returns buf. */
const char *check_quote(char *buf, size_t size, const mif_string *s);
/* A block's name for messages: `"Name"`, or `at line N` without NAME. */
const char *check_block_name(const check_ctx *c, char *buf, size_t size,
    const mif_block *block);
/* An integer as written: -5, 0x1F, 017. */
const char *check_number_text(char *buf, size_t size, uint64_t mag,
    uint8_t flags);
/* A type for messages: INTEGER, STRING(64), DATE. */
const char *check_type_text(char *buf, size_t size, mif_type_kind kind,
    uint64_t string_size);
/* The number of characters of UTF-8 text. */
size_t check_char_count(const mif_string *s);

/* ---- pieces of the walk ------------------------------------------------- */

/* Integer types' ranges (check_ranges.c). */
bool check_is_integer_type(mif_type_kind kind);
bool check_is_string_type(mif_type_kind kind);
typedef enum check_range {
	CHECK_IN_RANGE, CHECK_NEGATIVE, CHECK_TOO_BIG
} check_range;
check_range check_int_range(mif_type_kind kind, uint64_t mag,
    uint8_t flags);
/* "-2147483648 to 2147483647" */
const char *check_range_text(mif_type_kind kind);

/* Check one value (a VALUE statement or a table cell) against its
 * attribute's type (check_types.c).  Types in error are not checked. */
void check_value(check_ctx *c, const check_attr *attr,
    const mif_stmt *value);

/* Validate a DATE string; NULL when valid, else why not (check_date.c). */
const char *check_date(const mif_string *s, char *why, size_t size);
/* Whether len bytes at s are a date in SMS 1.2's form, "MM/DD/YY
 * HH:MM:SS", read into *date when they are (check_date.c). */
bool check_date_sms12(const char *s, size_t len, mif_date *date);

/* Enumerations (check_enums.c). */
/* The index of an enum block, built on first use; NULL when out of memory. */
check_enum *check_enum_of(check_ctx *c, const mif_block *block);
/* The item with this symbol: exact match first, then case ignored
 * (*exact false); NULL when none. */
const mif_enum_item *check_enum_symbol(const check_enum *e,
    const mif_string *symbol, bool *exact);
/* Set callbacks: an enum block whose NAME is the key, exactly or with
 * ASCII case ignored. */
check_eq_fn check_enum_has_name;
check_eq_fn check_enum_has_folded_name;
/* Report an enum block's own problems: NAME, TYPE, items. */
void check_enum_block(check_ctx *c, const mif_block *block, bool named);
void check_enum_free(check_enum *e);

/* Attributes (check_attrs.c). */
/* Gather a group's attributes and resolve their types (no diagnostics);
 * false when out of memory. */
bool check_attrs_gather(check_ctx *c, const mif_block *group,
    check_attrs *out);
void check_attrs_free(check_attrs *attrs);
/* The attribute with ID id, or NULL. */
const check_attr *check_attrs_find(const check_attrs *attrs, uint64_t id);
/* Report an attribute's own problems and check its VALUE. */
void check_attr_block(check_ctx *c, const mif_block *group,
    const check_attrs *attrs, size_t index);

/* IDs (check_ids.c). */
typedef struct check_id_entry {
	uint64_t id;
	const mif_block *block;
} check_id_entry;
/* List the ID of a group or table of the component (the first pass, in
 * source order); false when out of memory. */
bool check_ids_note(check_ctx *c, const mif_block *block, uint64_t id);
/* Find the IDs listed more than once, and free the list; false when out
 * of memory. */
bool check_ids_ready(check_ctx *c);
/* Report a group's or table's ID when an earlier block has it. */
void check_component_id(check_ctx *c, const mif_block *block);

/* What became of a check's split (check_children_split()). */
enum check_split_outcome {
	CHECK_SPLIT_NONE,     /* checked in one part */
	CHECK_SPLIT_TAKEN,    /* in two: the second part's diagnostics taken */
	CHECK_SPLIT_DROPPED,  /* the first part stopped: they were not needed */
	CHECK_SPLIT_AGAIN,    /* the cap fell among them: checked again */
};
/* mif_check(), its blocks checked in two parts as check_children_split()
 * says; *outcome (when not NULL) what became of that (for tests). */
size_t mif_check_with_split(mif_doc *doc, const mif_check_options *opts,
    size_t split_min, size_t split_at, enum check_split_outcome *outcome);
/* Texts shorter than this are checked in one thread (as they are parsed:
 * parse_split.h). */
#define CHECK_SPLIT_MIN ((size_t)4 << 20)

/* The component's blocks from `from` up to `to` (NULL: to the end), in
 * source order (check.c). */
void check_children(check_ctx *c, const mif_block *from,
    const mif_block *to);
/* The same for all of them, in two threads when the component is big
 * enough and the document's parse was not kept to one: the diagnostics
 * are those of check_children(), in the same order (check_split.c).
 * `split_min`: the least text to split; `split_at`: the index of the
 * block the second part starts at, SIZE_MAX for the middle (tests). */
enum check_split_outcome check_children_split(check_ctx *c,
    size_t split_min, size_t split_at);

/* Groups (check_groups.c). */
void check_group(check_ctx *c, const mif_block *group);

/* Templates and tables (check_tables.c). */
/* Register a template group under its class (before the walk). */
void check_template_add(check_ctx *c, const mif_block *group);
/* The template registered for this group (the first of its class), or
 * NULL. */
check_template *check_template_of_group(check_ctx *c,
    const mif_block *group);
/* Its attributes, gathered on first use; NULL when out of memory. */
const check_attrs *check_template_attrs(check_ctx *c, check_template *t);
/* Report a template class given twice. */
void check_template_unique(check_ctx *c, const mif_block *group);
void check_table(check_ctx *c, const mif_block *table);
void check_templates_free(check_ctx *c);
/* Gather and lay out a template now rather than on first use (before
 * threads read it); false when out of memory. */
bool check_template_ready(check_ctx *c, check_template *t);

/* The ComponentID group (check_componentid.c).  Only warnings: status
 * MIFs of SMS shape it their own way. */
/* Whether group is group 1 with class DMTF|ComponentID|1.0. */
bool check_is_componentid(const check_ctx *c, const mif_block *group);
/* Warn when group 1 has another class. */
void check_componentid_class(check_ctx *c, const mif_block *group);
/* Warn about each standard attribute the group lacks. */
void check_componentid_missing(check_ctx *c, const mif_block *group,
    const check_attrs *attrs);
/* Warn when a standard attribute has an unexpected type or value. */
void check_componentid_attr(check_ctx *c, const check_attr *attr);

/*
 * The checks of rows given one at a time, against one template, outside
 * mif_check() (check_tables.c): each row's values as check_table() checks
 * them, reported into scratch; mif_row_check_row() says false when the
 * row was given a diagnostic.  Repeated keys are the caller's to find.
 * NULL when out of memory, or when an attribute's type does not resolve
 * from the template alone (an enum named by TYPE).
 */
typedef struct mif_row_check mif_row_check;
mif_row_check *mif_row_check_new(mif_doc *scratch, const mif_block *group);
bool mif_row_check_row(mif_row_check *rc, const mif_block *table,
    const mif_row *row);
void mif_row_check_free(mif_row_check *rc);

#endif /* MIF_CHECK_H */
