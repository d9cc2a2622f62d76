/*
 * Advertisements for the SMS 2.0 scheduler: their assignments, the
 * programs they are for, and reading them from the rows of a MIF
 * template of class MIFTOOLS|ADVERTISEMENT|1.0 (mif-sched(5)).
 *
 * One hash table of byte keys finds advertisements ("A" + ID), programs
 * ("P" + package + NUL + name) and assignment numbers ("N" + ID + NUL +
 * number), so that adding is constant time.
 */
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sched/internal.h"

/* ---- the key table ---------------------------------------------------- */

typedef struct entry {
	uint64_t hash;
	char *key;       /* owned; NULL: an empty slot */
	size_t len;
	size_t value;
} entry;

typedef struct keymap {
	entry *slots;
	size_t mask;     /* capacity - 1; capacity is a power of two */
	size_t used;
} keymap;

static entry *
slot_for(const keymap *m, const char *key, size_t len, uint64_t hash)
{
	size_t i = (size_t)hash & m->mask;
	for (;; i = (i + 1) & m->mask) {
		entry *e = &m->slots[i];
		if (e->key == NULL || (e->hash == hash && e->len == len &&
		    memcmp(e->key, key, len) == 0))
			return e;
	}
}

static bool
keymap_grow(keymap *m)
{
	size_t cap = m->slots == NULL ? 64 : (m->mask + 1) * 2;
	entry *old = m->slots;
	size_t old_cap = old == NULL ? 0 : m->mask + 1;

	m->slots = calloc(cap, sizeof *m->slots);
	if (m->slots == NULL) {
		m->slots = old;
		return false;
	}
	m->mask = cap - 1;
	for (size_t i = 0; i < old_cap; i++)
		if (old[i].key != NULL)
			*slot_for(m, old[i].key, old[i].len, old[i].hash) = old[i];
	free(old);
	return true;
}

/* The entry of a key, or NULL. */
static const entry *
keymap_find(const keymap *m, const char *key, size_t len)
{
	if (m->slots == NULL)
		return NULL;
	const entry *e = slot_for(m, key, len, mif_hash_bytes(key, len));
	return e->key != NULL ? e : NULL;
}

/* Add a key that is not there; returns its entry (which owns a copy of
 * the key, NUL-terminated), or NULL when out of memory. */
static const entry *
keymap_add(keymap *m, const char *key, size_t len, size_t value)
{
	if ((m->used + 1) * 2 > (m->slots == NULL ? 0 : m->mask + 1) &&
	    !keymap_grow(m))
		return NULL;
	char *copy = malloc(len + 1);
	if (copy == NULL)
		return NULL;
	memcpy(copy, key, len);
	copy[len] = '\0';
	uint64_t hash = mif_hash_bytes(key, len);
	entry *e = slot_for(m, key, len, hash);
	*e = (entry){ hash, copy, len, value };
	m->used++;
	return e;
}

static void
keymap_free(keymap *m)
{
	for (size_t i = 0; m->slots != NULL && i <= m->mask; i++)
		free(m->slots[i].key);
	free(m->slots);
}

/* ---- the advertisements ----------------------------------------------- */

typedef struct advert {
	const char *id;      /* in the key table */
	size_t program;
	bool box;
	int64_t available;   /* offered from then on; MIF_SCHED_ASAP: from
	                        the start */
	size_t first;        /* its first assignment */
	size_t timed;        /* its assignments that are not ASAP */
	bool recurs;         /* one of them has a recurrence */
} advert;

struct mif_sched_adverts {
	keymap keys;
	mif_sched_assignment *items;
	size_t nitems, items_cap;
	size_t *owner;       /* per item: its advert */
	size_t owner_cap;
	mif_sched_program *programs;
	size_t nprograms, programs_cap;
	advert *adverts;
	size_t nadverts, adverts_cap;
	char *key;           /* scratch for composing keys */
	size_t key_cap;
};

mif_sched_adverts *
mif_sched_adverts_new(void)
{
	return calloc(1, sizeof(mif_sched_adverts));
}

void
mif_sched_adverts_free(mif_sched_adverts *a)
{
	if (a == NULL)
		return;
	keymap_free(&a->keys);
	free(a->items);
	free(a->owner);
	free(a->programs);
	free(a->adverts);
	free(a->key);
	free(a);
}

size_t
mif_sched_adverts_count(const mif_sched_adverts *a)
{
	return a->nitems;
}

const mif_sched_assignment *
mif_sched_adverts_assignment(const mif_sched_adverts *a, size_t index)
{
	return &a->items[index];
}

bool
mif_sched_time_is_event(int64_t time)
{
	return time <= MIF_SCHED_AT_LOGOFF;
}

bool
mif_sched_adverts_recurring(const mif_sched_adverts *a, size_t index)
{
	const advert *ad = &a->adverts[a->owner[index]];

	return !mif_sched_time_is_event(a->items[index].time) &&
	    (ad->timed >= 2 || ad->recurs);
}

size_t
mif_sched_adverts_owner(const mif_sched_adverts *a, size_t index)
{
	return a->owner[index];
}

size_t
mif_sched_adverts_count_adverts(const mif_sched_adverts *a)
{
	return a->nadverts;
}

size_t
mif_sched_adverts_programs(const mif_sched_adverts *a)
{
	return a->nprograms;
}

const mif_sched_program *
mif_sched_adverts_program(const mif_sched_adverts *a, size_t index)
{
	return &a->programs[index];
}

/* Room for n bytes in a growing buffer. */
static bool
reserve_bytes(char **buf, size_t *cap, size_t n)
{
	if (n <= *cap)
		return true;
	size_t ncap = n < 64 ? 64 : n * 2;
	char *p = realloc(*buf, ncap);
	if (p == NULL)
		return false;
	*buf = p;
	*cap = ncap;
	return true;
}

/* Compose a key: a tag byte, then the parts, each after the first
 * preceded by a NUL.  Returns its length, or 0 when out of memory. */
static size_t
compose(mif_sched_adverts *a, char tag, const char *p1, const char *p2)
{
	size_t n1 = strlen(p1), n2 = p2 != NULL ? strlen(p2) + 1 : 0;
	size_t len = 1 + n1 + n2;

	if (!reserve_bytes(&a->key, &a->key_cap, len))
		return 0;
	a->key[0] = tag;
	memcpy(a->key + 1, p1, n1);
	if (p2 != NULL) {
		a->key[1 + n1] = '\0';
		memcpy(a->key + 2 + n1, p2, n2 - 1);
	}
	return len;
}

/* A string for a message: at most 40 characters, controls as '?'. */
static const char *
shown(char *buf, size_t size, const char *s)
{
	size_t n = 0;
	for (; s[n] != '\0' && n + 4 < size && n < 40; n++)
		buf[n] = (unsigned char)s[n] < 0x20 || s[n] == 0x7F ? '?' : s[n];
	if (s[n] != '\0') {
		memcpy(buf + n, "...", 3);
		n += 3;
	}
	buf[n] = '\0';
	return buf;
}

static bool
no_memory(mif_error *err)
{
	mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
	return false;
}

/* The program's index, added when new; MIF_SCHED_NONE when out of
 * memory. */
static size_t
program_of(mif_sched_adverts *a, const char *package, const char *name)
{
	size_t len = compose(a, 'P', package, name);
	if (len == 0)
		return MIF_SCHED_NONE;
	const entry *e = keymap_find(&a->keys, a->key, len);
	if (e != NULL)
		return e->value;
	if (!mif_vec_reserve((void **)&a->programs, &a->programs_cap,
	    a->nprograms + 1, sizeof *a->programs))
		return MIF_SCHED_NONE;
	e = keymap_add(&a->keys, a->key, len, a->nprograms);
	if (e == NULL)
		return MIF_SCHED_NONE;
	a->programs[a->nprograms] = (mif_sched_program){
		.package = e->key + 1,
		.name = e->key + 1 + strlen(package) + 1,
	};
	return a->nprograms++;
}

/* What an assignment has beyond its advertisement, program and time. */
typedef struct extras {
	bool box;
	int64_t every;       /* seconds; 0: it does not recur */
	int64_t available;   /* its advertisement's; MIF_SCHED_ASAP: always */
} extras;

/*
 * Add an assignment.  When it conflicts with an earlier assignment of
 * its advertisement, *conflict receives that one's index.
 */
static bool
add(mif_sched_adverts *a, const char *id, int64_t number,
    const char *package, const char *name, int64_t time, extras x,
    size_t *conflict, mif_error *err)
{
	char b1[48], b2[48], b3[48];
	bool box = x.box;

	*conflict = MIF_SCHED_NONE;
	if (*id == '\0' || *package == '\0' || *name == '\0') {
		mif_error_set(err, MIF_E_MISSING, NULL, "an empty %s",
		    *id == '\0' ? "advertisement ID" : *package == '\0'
		    ? "package ID" : "program name");
		return false;
	}
	size_t program = program_of(a, package, name);
	if (program == MIF_SCHED_NONE)
		return no_memory(err);

	size_t len = compose(a, 'A', id, NULL);
	if (len == 0)
		return no_memory(err);
	const entry *e = keymap_find(&a->keys, a->key, len);
	const advert *ad = e != NULL ? &a->adverts[e->value] : NULL;
	if (ad != NULL && ad->program != program) {
		const mif_sched_program *p = &a->programs[ad->program];
		*conflict = ad->first;
		mif_error_set(err, MIF_E_CONFLICT, NULL,
		    "advertisement %s is for program \"%s\" of package %s, "
		    "as an earlier row says: an advertisement has one program",
		    shown(b1, sizeof b1, id), shown(b2, sizeof b2, p->name),
		    shown(b3, sizeof b3, p->package));
		return false;
	}
	if (ad != NULL && ad->box != box) {
		*conflict = ad->first;
		mif_error_set(err, MIF_E_CONFLICT, NULL,
		    "advertisement %s has \"not mandatory over slow links\" %s "
		    "in an earlier row: the check box is the advertisement's",
		    shown(b1, sizeof b1, id), ad->box ? "Yes" : "No");
		return false;
	}
	if (ad != NULL && ad->available != x.available) {
		*conflict = ad->first;
		if (ad->available == MIF_SCHED_ASAP)
			snprintf(b2, sizeof b2, "no Available Time");
		else
			snprintf(b2, sizeof b2, "Available Time %s",
			    mif_time_iso(ad->available, b3));
		mif_error_set(err, MIF_E_CONFLICT, NULL,
		    "advertisement %s has %s in an earlier row: the time it is "
		    "offered from is the advertisement's",
		    shown(b1, sizeof b1, id), b2);
		return false;
	}

	char num[24];
	snprintf(num, sizeof num, "%" PRId64, number);
	size_t nlen = compose(a, 'N', id, num);
	if (nlen == 0)
		return no_memory(err);
	const entry *dup = keymap_find(&a->keys, a->key, nlen);
	if (dup != NULL) {
		*conflict = dup->value;
		mif_error_set(err, MIF_E_DUP_ROW, NULL,
		    "advertisement %s has assignment %" PRId64 " twice",
		    shown(b1, sizeof b1, id), number);
		return false;
	}
	if (!mif_vec_reserve((void **)&a->items, &a->items_cap, a->nitems + 1,
	    sizeof *a->items) ||
	    !mif_vec_reserve((void **)&a->owner, &a->owner_cap, a->nitems + 1,
	    sizeof *a->owner) ||
	    keymap_add(&a->keys, a->key, nlen, a->nitems) == NULL)
		return no_memory(err);

	if (ad == NULL) {
		if (!mif_vec_reserve((void **)&a->adverts, &a->adverts_cap,
		    a->nadverts + 1, sizeof *a->adverts))
			return no_memory(err);
		compose(a, 'A', id, NULL);
		e = keymap_add(&a->keys, a->key, len, a->nadverts);
		if (e == NULL)
			return no_memory(err);
		a->adverts[a->nadverts] = (advert){ e->key + 1, program, box,
		    x.available, a->nitems, 0, false };
		ad = &a->adverts[a->nadverts++];
	}
	size_t owner = (size_t)(ad - a->adverts);
	a->owner[a->nitems] = owner;
	if (!mif_sched_time_is_event(time))
		a->adverts[owner].timed++;
	if (x.every > 0)
		a->adverts[owner].recurs = true;
	a->items[a->nitems++] = (mif_sched_assignment){
		.advert = ad->id,
		.number = number,
		.program = program,
		.time = time,
		.not_mandatory_slow = box,
		.every = x.every,
		.available = x.available,
	};
	return true;
}

bool
mif_sched_adverts_add(mif_sched_adverts *a, const char *advert,
    int64_t number, const char *package, const char *program, int64_t time,
    bool not_mandatory_slow, mif_error *err)
{
	size_t conflict;

	return add(a, advert, number, package, program, time,
	    (extras){ not_mandatory_slow, 0, MIF_SCHED_ASAP }, &conflict, err);
}

/* ---- reading a MIF ---------------------------------------------------- */

/* The attributes of the template, by ID. */
enum column {
	COL_ADVERT,      /* 1 Advertisement ID: a string */
	COL_NUMBER,      /* 2 Assignment: an integer */
	COL_PACKAGE,     /* 3 Package ID: a string */
	COL_PROGRAM,     /* 4 Program: a string */
	COL_TIME,        /* 5 Assignment Time: a DATE, all '*' for ASAP */
	COL_BOX,         /* 6 Not Mandatory Over Slow Links: 0 or 1 */
	NCOLUMNS,
	/* optional: 7 Assignment Event: 0 the time, 1 logon, 2 logoff */
	COL_EVENT = NCOLUMNS,
	COL_AVAILABLE,   /* 8 Available Time: a DATE, all '*' always */
	COL_RECURRENCE,  /* 9 Recurrence: 0 none, 1 minutes ... 4 weeks */
	COL_INTERVAL,    /* 10 Recurrence Interval: how many of them */
	NALL
};

static const char *const column_names[NALL] = {
	"Advertisement ID", "Assignment", "Package ID", "Program",
	"Assignment Time", "Not Mandatory Over Slow Links", "Assignment Event",
	"Available Time", "Recurrence", "Recurrence Interval",
};

typedef struct reader {
	const mif_doc *doc;
	mif_rows *rows;
	size_t cols[NALL];   /* MIF_NO_COLUMN: an optional one is absent */
	mif_error *err;
	char *strings[3];    /* advertisement, package, program of a row */
	size_t strings_cap[3];
} reader;

static bool MIF_PRINTF(4, 5)
fail(reader *r, mif_code code, uint32_t pos, const char *fmt, ...)
{
	if (r->err == NULL)
		return false;
	mif_error *err = r->err;
	memset(err, 0, sizeof *err);
	err->code = code;
	err->severity = MIF_ERROR;
	snprintf(err->source, sizeof err->source, "%s",
	    mif_doc_source_name(r->doc) != NULL ? mif_doc_source_name(r->doc)
	    : "");
	if (pos != MIF_NOPOS)
		err->mark = mif_doc_mark(r->doc, pos);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof err->text, fmt, ap);
	va_end(ap);
	return false;
}

static bool
is_integer_type(mif_type_kind t)
{
	switch (t) {
	case MIF_T_INTEGER: case MIF_T_INT: case MIF_T_INTEGER64:
	case MIF_T_INT64: case MIF_T_COUNTER: case MIF_T_COUNTER64:
	case MIF_T_GAUGE:
		return true;
	default:
		return false;
	}
}

static bool
type_suits(enum column c, const mif_attr_type *t)
{
	switch (c) {
	case COL_ADVERT: case COL_PACKAGE: case COL_PROGRAM:
		return t->kind == MIF_T_STRING || t->kind == MIF_T_DISPLAYSTRING;
	case COL_NUMBER:
		return is_integer_type(t->kind);
	case COL_TIME: case COL_AVAILABLE:
		return t->kind == MIF_T_DATE;
	case COL_INTERVAL:
		return is_integer_type(t->kind);
	default:
		return is_integer_type(t->kind) || t->kind == MIF_T_ENUM_NAMED ||
		    t->kind == MIF_T_ENUM_INLINE;
	}
}

static const char *const type_wanted[NALL] = {
	"STRING or DISPLAYSTRING", "an integer type",
	"STRING or DISPLAYSTRING", "STRING or DISPLAYSTRING", "DATE",
	"an enumeration (0 No, 1 Yes) or an integer type",
	"an enumeration (0 Time, 1 Logon, 2 Logoff) or an integer type",
	"DATE",
	"an enumeration (0 None, 1 Minutes, 2 Hours, 3 Days, 4 Weeks) or an "
	"integer type",
	"an integer type",
};

/* Find the six attributes, and those of the optional ones that are
 * there, and check their types. */
static bool
find_columns(reader *r, const mif_block *group)
{
	for (int c = 0; c < NALL; c++) {
		size_t col = mif_rows_column_of(r->rows, (uint64_t)c + 1);
		r->cols[c] = col;
		if (col == MIF_NO_COLUMN && c >= NCOLUMNS)
			continue;
		if (col == MIF_NO_COLUMN)
			return fail(r, MIF_E_MISSING, group->pos,
			    "the advertisement template has no attribute %d "
			    "(%s)", c + 1, column_names[c]);
		const mif_attr_type *t = mif_rows_column_type(r->rows, col);
		const mif_block *attr = mif_rows_column(r->rows, col);
		if (t == NULL || !type_suits((enum column)c, t)) {
			const mif_stmt *s = mif_block_stmt(attr, MIF_KW_TYPE);
			return fail(r, MIF_E_TYPE, s != NULL ? s->pos : attr->pos,
			    "attribute %d (%s) of the advertisement template "
			    "must be %s", c + 1, column_names[c],
			    type_wanted[c]);
		}
		r->cols[c] = col;
	}
	return true;
}

static const char *
value_word(const mif_value *v)
{
	switch (v->kind) {
	case MIF_V_ABSENT: return "no value";
	case MIF_V_UNKNOWN: return "UNKNOWN";
	case MIF_V_UNSUPPORTED: return "UNSUPPORTED";
	case MIF_V_OVERLAY: return "a value given by a path";
	default: return "this value";
	}
}

/* The value of a row's column, and where to place a complaint: the cell,
 * or the row when the value is the attribute's default. */
static bool
value_at(reader *r, size_t row, enum column c, mif_value *v, uint32_t *pos)
{
	bool is_default = false;
	const mif_stmt *s = mif_rows_stmt(r->rows, row, r->cols[c],
	    &is_default);
	const mif_row *rw = mif_rows_row(r->rows, row);

	*pos = s != NULL && !is_default ? s->pos
	    : rw != NULL ? rw->pos : MIF_NOPOS;
	if (!mif_rows_value(r->rows, row, r->cols[c], v, r->err))
		return false;
	return true;
}

/* A non-empty string value, copied NUL-terminated into strings[slot]. */
static bool
string_at(reader *r, size_t row, enum column c, int slot)
{
	mif_value v;
	uint32_t pos;

	if (!value_at(r, row, c, &v, &pos))
		return false;
	if (v.kind != MIF_V_STRING)
		return fail(r, MIF_E_MISSING, pos, "%s has %s: it needs a "
		    "string", column_names[c], value_word(&v));
	if (v.len == 0 || memchr(v.str, '\0', v.len) != NULL)
		return fail(r, MIF_E_TYPE, pos, "%s is %s", column_names[c],
		    v.len == 0 ? "empty" : "a string with a NUL in it");
	if (!reserve_bytes(&r->strings[slot], &r->strings_cap[slot], v.len + 1))
		return fail(r, MIF_E_NOMEM, MIF_NOPOS, "out of memory");
	memcpy(r->strings[slot], v.str, v.len);
	r->strings[slot][v.len] = '\0';
	return true;
}

static bool
integer_of(const mif_value *v, int64_t *out)
{
	if (v->kind == MIF_V_SIGNED || v->kind == MIF_V_ENUM) {
		*out = v->i;
		return true;
	}
	if (v->kind == MIF_V_UNSIGNED && v->u <= INT64_MAX) {
		*out = (int64_t)v->u;
		return true;
	}
	return false;
}

static bool
number_at(reader *r, size_t row, int64_t *number)
{
	mif_value v;
	uint32_t pos;

	if (!value_at(r, row, COL_NUMBER, &v, &pos))
		return false;
	if (!integer_of(&v, number))
		return fail(r, MIF_E_MISSING, pos, "%s has %s: it needs a "
		    "number", column_names[COL_NUMBER], value_word(&v));
	return true;
}

static bool
partly_unknown(const mif_date *d)
{
	const int32_t f[] = { d->year, d->month, d->day, d->hour, d->minute,
		d->second, d->microsecond, d->utc_offset };
	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		if (f[i] == MIF_DATE_UNKNOWN)
			return true;
	return false;
}

/* A whole DATE in column c, or MIF_SCHED_ASAP for an unknown one,
 * which means `unknown` (for a message). */
static bool
date_at(reader *r, size_t row, enum column c, const char *unknown,
    int64_t *time)
{
	mif_value v;
	uint32_t pos;

	if (!value_at(r, row, c, &v, &pos))
		return false;
	if (v.kind == MIF_V_UNKNOWN || (v.kind == MIF_V_DATE && v.date.unknown)) {
		*time = MIF_SCHED_ASAP;
		return true;
	}
	if (v.kind != MIF_V_DATE)
		return fail(r, MIF_E_MISSING, pos, "%s has %s: it needs a "
		    "date, or all '*' for %s", column_names[c], value_word(&v),
		    unknown);
	if (partly_unknown(&v.date))
		return fail(r, MIF_E_DATE, pos, "%s is partly unknown: give "
		    "the whole date, or all '*' for %s", column_names[c],
		    unknown);
	char text[MIF_DATE_LEN + 1];
	if (!mif_time_parse(mif_date_format(&v.date, text), time))
		return fail(r, MIF_E_DATE, pos, "%s %s is no time of day "
		    "the scheduler can use", column_names[c], text);
	return true;
}

static bool
time_at(reader *r, size_t row, int64_t *time)
{
	return date_at(r, row, COL_TIME, "as soon as possible", time);
}

/* The advertisement's Available Time (optional): offered from the
 * start without it. */
static bool
available_at(reader *r, size_t row, int64_t *time)
{
	*time = MIF_SCHED_ASAP;
	return r->cols[COL_AVAILABLE] == MIF_NO_COLUMN ||
	    date_at(r, row, COL_AVAILABLE, "from the start", time);
}

/*
 * The recurrence of an assignment (optional), as the schedule tokens of
 * SMS 2.0 give one: every N minutes (1-59), hours (1-23) or days (1-31),
 * SMS_ST_RecurInterval, or every N weeks (1-4) on the weekday of its
 * time, SMS_ST_RecurWeekly.  An event assignment does not recur (KB
 * Q257271: "Event-based assignments do not support rescheduling").
 */
static bool
recurrence_at(reader *r, size_t row, int64_t time, int64_t *every)
{
	static const struct {
		const char *name, *word;
		int64_t seconds, most;
	} units[] = {
		{ "None", "", 0, 0 }, { "Minutes", "minutes", 60, 59 },
		{ "Hours", "hours", 3600, 23 }, { "Days", "days", 86400, 31 },
		{ "Weeks", "weeks", 7 * 86400, 4 },
	};
	mif_value v;
	uint32_t pos;
	int64_t unit, n = 1;

	*every = 0;
	if (r->cols[COL_RECURRENCE] == MIF_NO_COLUMN)
		return true;
	if (!value_at(r, row, COL_RECURRENCE, &v, &pos))
		return false;
	if (!integer_of(&v, &unit) || unit < 0 || unit > 4)
		return fail(r, MIF_E_RANGE, pos, "%s has %s: it needs 0 (None), "
		    "1 (Minutes), 2 (Hours), 3 (Days) or 4 (Weeks)",
		    column_names[COL_RECURRENCE], integer_of(&v, &unit)
		    ? "another number" : value_word(&v));
	if (unit == 0)
		return true;
	if (mif_sched_time_is_event(time))
		return fail(r, MIF_E_RANGE, pos, "%s is %s, but the assignment "
		    "is at an event, which does not recur (KB Q257271)",
		    column_names[COL_RECURRENCE], units[unit].name);
	if (r->cols[COL_INTERVAL] != MIF_NO_COLUMN) {
		uint32_t ipos;
		if (!value_at(r, row, COL_INTERVAL, &v, &ipos))
			return false;
		if (!integer_of(&v, &n) || n < 1 || n > units[unit].most)
			return fail(r, MIF_E_RANGE, ipos, "%s has %s: every 1 to "
			    "%" PRId64 " %s", column_names[COL_INTERVAL],
			    integer_of(&v, &n) ? "a number out of range"
			    : value_word(&v), units[unit].most, units[unit].word);
	}
	*every = n * units[unit].seconds;
	return true;
}

static bool
box_at(reader *r, size_t row, bool *box)
{
	mif_value v;
	uint32_t pos;
	int64_t n;

	if (!value_at(r, row, COL_BOX, &v, &pos))
		return false;
	if (!integer_of(&v, &n) || (n != 0 && n != 1))
		return fail(r, MIF_E_RANGE, pos, "%s has %s: it needs 0 (No) "
		    "or 1 (Yes)", column_names[COL_BOX],
		    integer_of(&v, &n) ? "another number" : value_word(&v));
	*box = n == 1;
	return true;
}

/* An assignment at an event (KB Q235777): the optional Assignment Event,
 * 1 at logon or 2 at logoff, in place of a time, which must be unknown. */
static bool
event_at(reader *r, size_t row, int64_t *time)
{
	static const int64_t events[] = { 0, MIF_SCHED_AT_LOGON,
		MIF_SCHED_AT_LOGOFF };
	mif_value v;
	uint32_t pos;
	int64_t n;

	if (r->cols[COL_EVENT] == MIF_NO_COLUMN)
		return true;
	if (!value_at(r, row, COL_EVENT, &v, &pos))
		return false;
	if (!integer_of(&v, &n) || n < 0 || n > 2)
		return fail(r, MIF_E_RANGE, pos, "%s has %s: it needs 0 "
		    "(Time), 1 (Logon) or 2 (Logoff)", column_names[COL_EVENT],
		    integer_of(&v, &n) ? "another number" : value_word(&v));
	if (n == 0)
		return true;
	if (*time != MIF_SCHED_ASAP)
		return fail(r, MIF_E_RANGE, pos, "%s is %s, but the %s is a "
		    "date: give all '*' there", column_names[COL_EVENT],
		    n == 1 ? "Logon" : "Logoff", column_names[COL_TIME]);
	*time = events[n];
	return true;
}

static bool
read_row(reader *r, mif_sched_adverts *a, size_t row)
{
	int64_t number = 0, time = 0;
	extras x = { 0 };
	size_t conflict;

	if (!string_at(r, row, COL_ADVERT, 0) ||
	    !number_at(r, row, &number) ||
	    !string_at(r, row, COL_PACKAGE, 1) ||
	    !string_at(r, row, COL_PROGRAM, 2) ||
	    !time_at(r, row, &time) || !event_at(r, row, &time) ||
	    !box_at(r, row, &x.box) || !available_at(r, row, &x.available) ||
	    !recurrence_at(r, row, time, &x.every))
		return false;
	const mif_row *rw = mif_rows_row(r->rows, row);
	uint32_t pos = rw != NULL ? rw->pos : MIF_NOPOS;
	mif_error e;
	if (!add(a, r->strings[0], number, r->strings[1], r->strings[2], time,
	    x, &conflict, &e)) {
		fail(r, e.code, pos, "%s", e.text);
		if (r->err != NULL && conflict != MIF_SCHED_NONE)
			r->err->context = a->items[conflict].mark;
		return false;
	}
	if (pos != MIF_NOPOS)
		a->items[a->nitems - 1].mark = mif_doc_mark(r->doc, pos);
	return true;
}

mif_sched_adverts *
mif_sched_adverts_read(const mif_doc *doc, mif_error *err)
{
	reader r = { .doc = doc, .err = err };
	const mif_block *group = mif_find_group(doc, MIF_SCHED_CLASS);

	if (group == NULL) {
		fail(&r, MIF_E_MISSING, MIF_NOPOS, "no advertisement template: "
		    "no group of class \"%s\"", MIF_SCHED_CLASS);
		return NULL;
	}
	if (group->kind != MIF_GROUP || !mif_is_template(group)) {
		fail(&r, MIF_E_TABLE, group->pos, "the %s of class \"%s\" is "
		    "no template (a group with a KEY and no ID)",
		    group->kind == MIF_TABLE ? "table" : "group",
		    MIF_SCHED_CLASS);
		return NULL;
	}
	r.rows = mif_rows_open(doc, group, err);
	if (r.rows == NULL)
		return NULL;
	mif_sched_adverts *a = mif_sched_adverts_new();
	bool ok = a != NULL;
	if (!ok)
		fail(&r, MIF_E_NOMEM, MIF_NOPOS, "out of memory");
	ok = ok && find_columns(&r, group);
	for (size_t row = 0; ok && row < mif_rows_count(r.rows); row++)
		ok = read_row(&r, a, row);
	mif_rows_free(r.rows);
	for (int i = 0; i < 3; i++)
		free(r.strings[i]);
	if (!ok) {
		mif_sched_adverts_free(a);
		return NULL;
	}
	return a;
}
