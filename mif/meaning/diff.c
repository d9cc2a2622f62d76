/*
 * Comparing two tables row by row by key.  Each row of the old table
 * finds its partner in the new one by its key values, and one pass over
 * the new rows finds those without a partner.  Linear in the rows.
 *
 * When the key is both tables' KEY, as it is unless the caller names
 * another, the views' own indexes (mif_rows_find()) serve: nothing more
 * is built, which matters for tables of millions of rows.  Otherwise
 * the comparison builds an index of its own.  Either way a key value
 * given twice in one table is an error, since a row-by-row comparison
 * of such a table means nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meaning/internal.h"
#include "meaning/diff.h"
#include "meaning/rows.h"

typedef struct column {
	const mif_block *attr;
	size_t old_col, new_col;
	bool ignored;
	bool types_alike;  /* both sides type its values the same way */
} column;

/* Rows by key, for a key that is not the tables' KEY: open addressing
 * over 64-bit slots, each the high half of the row's key hash and the
 * row's index plus one (0: empty), at most half full, so that a probe
 * rarely touches a row (in random order: cache misses) whose key is not
 * the one sought. */
typedef struct index {
	uint64_t *slots;
	size_t mask;
} index;

#define SLOT_ROW(s) ((size_t)((s) & 0xFFFFFFFFu) - 1)
#define SLOT_TAG(s) ((s) >> 32)

/* Old rows whose partners are looked up at once. */
enum { PARTNERS_AHEAD = 16 };

struct mif_diff {
	const mif_rows *old, *new_rows;
	column *cols;
	size_t ncols;
	size_t *key;     /* compared columns of the key */
	size_t nkey;
	bool by_views;   /* partners through mif_rows_find() */
	bool pair;       /* no key: the first row of each side are partners */
	mif_value *key_values;   /* PARTNERS_AHEAD rows' key values */
	/* by_views: the partners of old rows [ahead_from, ahead_to), looked
	 * up together (rows_prefetch()) */
	size_t ahead[PARTNERS_AHEAD];
	size_t ahead_from, ahead_to;
	index new_index; /* partners otherwise */
	unsigned char *matched;  /* new rows that have an old partner */
	size_t next_old, next_new;
	size_t *changed;
	mif_diff_counts counts;
};

/* ---- columns ---- */

static uint64_t
attr_id(const mif_block *attr)
{
	uint64_t id = 0;
	mif_block_id(attr, &id);
	return id;
}

/* Whether a value written the same way on both sides is the same
 * value: the attribute has one type on both, or none that holds (values
 * then compare as written).  Not for enumerations: a symbol may have
 * another value in the other file. */
static bool
types_alike(const mif_diff *d, size_t old_col, size_t new_col)
{
	if (old_col == MIF_NO_COLUMN || new_col == MIF_NO_COLUMN)
		return false;
	const mif_attr_type *a = mif_rows_column_type(d->old, old_col);
	const mif_attr_type *b = mif_rows_column_type(d->new_rows, new_col);
	if (a == NULL || b == NULL)
		return a == b;
	return a->enm == NULL && b->enm == NULL && a->kind == b->kind &&
	    a->base == b->base && a->size == b->size;
}

static bool
match_columns(mif_diff *d)
{
	size_t no = mif_rows_columns(d->old), nn = mif_rows_columns(d->new_rows);

	d->cols = malloc((no + nn + 1) * sizeof *d->cols);
	if (d->cols == NULL)
		return false;
	for (size_t c = 0; c < no; c++) {
		const mif_block *a = mif_rows_column(d->old, c);
		d->cols[d->ncols++] = (column){ .attr = a, .old_col = c,
		    .new_col = mif_rows_column_of(d->new_rows, attr_id(a)) };
	}
	for (size_t c = 0; c < nn; c++) {
		const mif_block *a = mif_rows_column(d->new_rows, c);
		if (mif_rows_column_of(d->old, attr_id(a)) == MIF_NO_COLUMN)
			d->cols[d->ncols++] = (column){ .attr = a,
			    .old_col = MIF_NO_COLUMN, .new_col = c };
	}
	for (size_t c = 0; c < d->ncols; c++)
		d->cols[c].types_alike = types_alike(d, d->cols[c].old_col,
		    d->cols[c].new_col);
	return true;
}

/* The compared column of the attribute a spec names (old side first). */
static size_t
column_of_spec(const mif_diff *d, const char *spec)
{
	const mif_block *a = mif_find_attribute(mif_rows_group(d->old), spec);
	if (a == NULL)
		a = mif_find_attribute(mif_rows_group(d->new_rows), spec);
	if (a == NULL)
		return MIF_NO_COLUMN;
	uint64_t id = attr_id(a);
	for (size_t c = 0; c < d->ncols; c++)
		if (attr_id(d->cols[c].attr) == id)
			return c;
	return MIF_NO_COLUMN;
}

static bool
choose_key(mif_diff *d, const mif_diff_options *o, mif_error *err)
{
	size_t n = o != NULL && o->nkey > 0 ? o->nkey : mif_rows_key_count(d->old);

	d->key = malloc((n + 1) * sizeof *d->key);
	if (d->key == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return false;
	}
	for (size_t k = 0; k < n; k++) {
		size_t c;
		if (o != NULL && o->nkey > 0) {
			c = column_of_spec(d, o->key[k]);
			if (c == MIF_NO_COLUMN) {
				mif_error_set(err, MIF_E_KEY, NULL,
				    "no attribute \"%s\" to key on", o->key[k]);
				return false;
			}
		} else {
			uint64_t id = attr_id(mif_rows_column(d->old,
			    mif_rows_key_column(d->old, k)));
			for (c = 0; c < d->ncols && attr_id(d->cols[c].attr) != id; c++)
				;
		}
		d->key[d->nkey++] = c;
	}
	if (d->nkey == 0) {
		mif_error_set(err, MIF_E_KEY, NULL,
		    "the table has no KEY: name the key attributes");
		return false;
	}
	return true;
}

/* ---- key values ---- */

static void
value_at(const mif_rows *rows, size_t row, size_t col, mif_value *v)
{
	if (col == MIF_NO_COLUMN) {
		memset(v, 0, sizeof *v);
		v->kind = MIF_V_ABSENT;
		return;
	}
	/* a value that does not suit its type compares as written */
	mif_rows_value(rows, row, col, v, NULL);
}

/* A row's key values into keys, in key order; false when one is
 * absent. */
static bool
key_values(const mif_diff *d, const mif_rows *rows, bool old, size_t row,
    mif_value *keys)
{
	bool all = true;

	for (size_t k = 0; k < d->nkey; k++) {
		const column *c = &d->cols[d->key[k]];
		value_at(rows, row, old ? c->old_col : c->new_col, &keys[k]);
		all = all && keys[k].kind != MIF_V_ABSENT;
	}
	return all;
}

static uint64_t
key_hash(const mif_diff *d, const mif_rows *rows, bool old, size_t row)
{
	uint64_t h = 0x9E3779B97F4A7C15u;
	for (size_t k = 0; k < d->nkey; k++) {
		const column *c = &d->cols[d->key[k]];
		mif_value v;
		value_at(rows, row, old ? c->old_col : c->new_col, &v);
		h = (h ^ mif_value_hash(&v)) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 31;
	}
	return h;
}

static bool
same_key(const mif_diff *d, const mif_rows *ra, bool olda, size_t a,
    const mif_rows *rb, bool oldb, size_t b)
{
	for (size_t k = 0; k < d->nkey; k++) {
		const column *c = &d->cols[d->key[k]];
		mif_value va, vb;
		value_at(ra, a, olda ? c->old_col : c->new_col, &va);
		value_at(rb, b, oldb ? c->old_col : c->new_col, &vb);
		if (!mif_value_equal(&va, &vb))
			return false;
	}
	return true;
}

/* A row's key values for a message: "PAR00001" or "1, \"a\"". */
static void
key_text(const mif_diff *d, const mif_rows *rows, bool old, size_t row,
    char *buf, size_t size)
{
	size_t used = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < d->nkey && used + 4 < size; k++) {
		const column *c = &d->cols[d->key[k]];
		mif_value v;
		value_at(rows, row, old ? c->old_col : c->new_col, &v);
		used += (size_t)snprintf(buf + used, size - used, "%s\"", k > 0 ? ", " : "");
		if (used < size)
			used += mif_value_format(&v, MIF_FORMAT_ESCAPE, buf + used, size - used);
		if (used < size)
			used += (size_t)snprintf(buf + used, size - used, "\"");
	}
}

/* Where a row starts in its file: its '{', or the START of the group
 * that gives it in place. */
static mif_mark
row_mark(const mif_rows *rows, size_t row)
{
	const mif_row *r = mif_rows_row(rows, row);
	const mif_block *g = mif_rows_instance(rows, row);
	uint32_t pos = r != NULL ? r->pos : g != NULL ? g->pos : 0;

	return mif_doc_mark(mif_rows_doc(rows), pos);
}

static bool
duplicate(const mif_diff *d, const mif_rows *rows, bool old, size_t first,
    size_t again, mif_error *err)
{
	char key[128];
	mif_mark at = row_mark(rows, again), before = row_mark(rows, first);

	key_text(d, rows, old, again, key, sizeof key);
	mif_error_set(err, MIF_E_DUP_ROW, old ? "old" : "new",
	    "the key %s is given twice (first at line %u, column %u)", key,
	    before.line, before.column);
	if (err != NULL) {
		err->severity = MIF_ERROR;
		err->mark = at;
		err->context = before;
	}
	return false;
}

/* Whether two cells (or defaults) are written alike, so that their
 * values are equal under types alike: typing them, which for a DATE
 * means parsing it, can then be skipped.  False says nothing (7 and
 * 0x07 are equal values written otherwise). */
static bool
written_alike(const mif_stmt *a, const mif_stmt *b)
{
	if (a == NULL || b == NULL || a->form != b->form)
		return false;
	switch (a->form) {
	case MIF_F_INTEGER:
		return a->v.u == b->v.u && a->flags == b->flags;
	case MIF_F_STRING:
		return a->v.str == b->v.str || (a->v.str->hash == b->v.str->hash &&
		    a->v.str->len == b->v.str->len &&
		    memcmp(a->v.str->bytes, b->v.str->bytes, a->v.str->len) == 0);
	default:
		return false;
	}
}

static bool
same_value(const mif_diff *d, const column *c, size_t old_row,
    size_t new_row)
{
	if (c->types_alike && written_alike(
	    mif_rows_stmt(d->old, old_row, c->old_col, NULL),
	    mif_rows_stmt(d->new_rows, new_row, c->new_col, NULL)))
		return true;
	mif_value a, b;
	value_at(d->old, old_row, c->old_col, &a);
	value_at(d->new_rows, new_row, c->new_col, &b);
	return mif_value_equal(&a, &b);
}

/* ---- partners through the views' KEY indexes ---- */

/* Whether the key is both views' KEY, in KEY order, so that
 * mif_rows_find() looks rows up by it. */
static bool
key_is_views_key(const mif_diff *d)
{
	if (mif_rows_key_count(d->old) != d->nkey ||
	    mif_rows_key_count(d->new_rows) != d->nkey)
		return false;
	for (size_t k = 0; k < d->nkey; k++) {
		const column *c = &d->cols[d->key[k]];
		if (c->old_col != mif_rows_key_column(d->old, k) ||
		    c->new_col != mif_rows_key_column(d->new_rows, k))
			return false;
	}
	return true;
}

enum unique { UNIQUE, REPEATED, ABSENT_KEY };

/* Whether each row's key is its own, as the view found when it
 * indexed its rows.  A row with an absent key value is in no view's
 * index: the comparison then needs its own (absent values compare
 * equal there).  What comes first in the rows decides. */
static enum unique
views_unique(mif_diff *d, const mif_rows *rows, bool old, mif_error *err)
{
	size_t first, again = rows_repeat(rows, &first);
	size_t absent = rows_absent_key(rows);

	if (absent != MIF_NO_ROW && (again == MIF_NO_ROW || absent < again))
		return ABSENT_KEY;
	if (again != MIF_NO_ROW) {
		duplicate(d, rows, old, first, again, err);
		return REPEATED;
	}
	return UNIQUE;
}

/* ---- partners through an index of the comparison's own ---- */

static bool
index_init(index *ix, size_t nrows, mif_error *err)
{
	size_t cap = 16;

	if (nrows >= UINT32_MAX) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "too many rows to index");
		return false;
	}
	while (cap / 2 < nrows)
		cap *= 2;
	ix->slots = mif_table_alloc(cap, sizeof *ix->slots);
	ix->mask = cap - 1;
	if (ix->slots == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return false;
	}
	return true;
}

/* Index every row of one side; a repeated key is an error. */
static bool
build_index(const mif_diff *d, const mif_rows *rows, bool old, index *ix,
    mif_error *err)
{
	if (!index_init(ix, mif_rows_count(rows), err))
		return false;
	for (size_t r = 0; r < mif_rows_count(rows); r++) {
		uint64_t h = key_hash(d, rows, old, r);
		size_t i = (size_t)h & ix->mask;
		for (; ix->slots[i] != 0; i = (i + 1) & ix->mask) {
			size_t first = SLOT_ROW(ix->slots[i]);
			if (SLOT_TAG(ix->slots[i]) == h >> 32 &&
			    same_key(d, rows, old, first, rows, old, r))
				return duplicate(d, rows, old, first, r, err);
		}
		ix->slots[i] = (h >> 32 << 32) | (uint64_t)(r + 1);
	}
	return true;
}

/* The row of the new side with the key of old row r. */
static size_t
own_partner(const mif_diff *d, size_t r)
{
	const index *ix = &d->new_index;
	uint64_t h = key_hash(d, d->old, true, r);

	for (size_t i = (size_t)h & ix->mask; ix->slots[i] != 0;
	    i = (i + 1) & ix->mask) {
		size_t p = SLOT_ROW(ix->slots[i]);
		if (SLOT_TAG(ix->slots[i]) == h >> 32 &&
		    same_key(d, d->new_rows, false, p, d->old, true, r))
			return p;
	}
	return MIF_NO_ROW;
}

/* Both sides checked for repeated keys and made ready for partner():
 * an index of each side in turn, the old one only for its check. */
static bool
prepare_own(mif_diff *d, mif_error *err)
{
	index old_index = { NULL, 0 };
	bool ok = build_index(d, d->old, true, &old_index, err);

	free(old_index.slots);
	return ok && build_index(d, d->new_rows, false, &d->new_index, err);
}

static bool
prepare(mif_diff *d, mif_error *err)
{
	if (key_is_views_key(d)) {
		enum unique u = views_unique(d, d->old, true, err);
		if (u == UNIQUE)
			u = views_unique(d, d->new_rows, false, err);
		if (u == REPEATED)
			return false;
		d->by_views = u == UNIQUE;
	}
	return d->by_views || prepare_own(d, err);
}

/* The partners of old rows from r on, a batch of them: every key hashed
 * and its slot asked for before the first is read. */
static void
look_ahead(mif_diff *d, size_t r)
{
	size_t n = mif_rows_count(d->old) - r;
	uint64_t h[PARTNERS_AHEAD];
	bool keyed[PARTNERS_AHEAD];

	if (n > PARTNERS_AHEAD)
		n = PARTNERS_AHEAD;
	for (size_t b = 0; b < n; b++) {
		mif_value *keys = &d->key_values[b * d->nkey];
		keyed[b] = key_values(d, d->old, true, r + b, keys) &&
		    rows_keys_hash(d->new_rows, keys, &h[b]);
		if (keyed[b])
			rows_prefetch(d->new_rows, h[b]);
	}
	for (size_t b = 0; b < n; b++)
		d->ahead[b] = keyed[b] ? rows_find_hashed(d->new_rows,
		    &d->key_values[b * d->nkey], h[b]) : MIF_NO_ROW;
	d->ahead_from = r;
	d->ahead_to = r + n;
}

static size_t
partner(mif_diff *d, size_t r)
{
	if (d->pair)
		return r == 0 && mif_rows_count(d->new_rows) > 0 ? 0 : MIF_NO_ROW;
	if (!d->by_views)
		return own_partner(d, r);
	if (r < d->ahead_from || r >= d->ahead_to)
		look_ahead(d, r);
	return d->ahead[r - d->ahead_from];
}

static mif_diff *
create(const mif_rows *old, const mif_rows *new_rows,
    const mif_diff_options *opts, bool pair, mif_error *err)
{
	mif_diff *d = calloc(1, sizeof *d);
	if (d == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return NULL;
	}
	d->old = old;
	d->new_rows = new_rows;
	if (!match_columns(d)) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		goto fail;
	}
	for (size_t i = 0; opts != NULL && i < opts->nignore; i++) {
		size_t c = column_of_spec(d, opts->ignore[i]);
		if (c == MIF_NO_COLUMN) {
			mif_error_set(err, MIF_E_KEY, NULL,
			    "no attribute \"%s\" to ignore", opts->ignore[i]);
			goto fail;
		}
		d->cols[c].ignored = true;
	}
	d->pair = pair;
	if (!pair && !choose_key(d, opts, err))
		goto fail;
	d->matched = calloc(mif_rows_count(new_rows) + 1, 1);
	d->changed = malloc((d->ncols + 1) * sizeof *d->changed);
	d->key_values = malloc((PARTNERS_AHEAD * d->nkey + 1) *
	    sizeof *d->key_values);
	if (d->matched == NULL || d->changed == NULL || d->key_values == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		goto fail;
	}
	if (!pair && !prepare(d, err))
		goto fail;
	return d;
fail:
	mif_diff_free(d);
	return NULL;
}

mif_diff *
mif_diff_new(const mif_rows *old, const mif_rows *new_rows,
    const mif_diff_options *opts, mif_error *err)
{
	return create(old, new_rows, opts, false, err);
}

mif_diff *
diff_new_pair(const mif_rows *old, const mif_rows *new_rows, mif_error *err)
{
	return create(old, new_rows, NULL, true, err);
}

void
mif_diff_free(mif_diff *d)
{
	if (d == NULL)
		return;
	free(d->cols);
	free(d->key);
	free(d->key_values);
	free(d->new_index.slots);
	free(d->matched);
	free(d->changed);
	free(d);
}

size_t
mif_diff_columns(const mif_diff *d)
{
	return d->ncols;
}

const mif_block *
mif_diff_attribute(const mif_diff *d, size_t col)
{
	return d->cols[col].attr;
}

size_t mif_diff_old_column(const mif_diff *d, size_t col) { return d->cols[col].old_col; }
size_t mif_diff_new_column(const mif_diff *d, size_t col) { return d->cols[col].new_col; }
size_t mif_diff_key_count(const mif_diff *d) { return d->nkey; }
size_t mif_diff_key_column(const mif_diff *d, size_t k) { return d->key[k]; }
mif_diff_counts mif_diff_counts_of(const mif_diff *d) { return d->counts; }
void diff_add_same(mif_diff *d, size_t n) { d->counts.same += n; }

bool
mif_diff_next(mif_diff *d, mif_diff_change *ch)
{
	while (d->next_old < mif_rows_count(d->old)) {
		size_t r = d->next_old++;
		size_t p = partner(d, r);
		if (p == MIF_NO_ROW) {
			d->counts.removed++;
			*ch = (mif_diff_change){ MIF_DIFF_REMOVED, r, MIF_NO_ROW, NULL, 0 };
			return true;
		}
		d->matched[p] = 1;
		size_t n = 0;
		for (size_t c = 0; c < d->ncols; c++) {
			if (!d->cols[c].ignored && !same_value(d, &d->cols[c], r, p))
				d->changed[n++] = c;
		}
		if (n == 0) {
			d->counts.same++;
			continue;
		}
		d->counts.changed++;
		*ch = (mif_diff_change){ MIF_DIFF_CHANGED, r, p, d->changed, n };
		return true;
	}
	while (d->next_new < mif_rows_count(d->new_rows)) {
		size_t r = d->next_new++;
		if (d->matched[r])
			continue;
		d->counts.added++;
		*ch = (mif_diff_change){ MIF_DIFF_ADDED, MIF_NO_ROW, r, NULL, 0 };
		return true;
	}
	return false;
}

bool
mif_diff_value(const mif_diff *d, bool old, size_t row, size_t col,
    mif_value *v)
{
	size_t c = old ? d->cols[col].old_col : d->cols[col].new_col;

	if (row == MIF_NO_ROW || c == MIF_NO_COLUMN) {
		value_at(NULL, 0, MIF_NO_COLUMN, v);
		return true;
	}
	return mif_rows_value(old ? d->old : d->new_rows, row, c, v, NULL);
}

void
mif_diff_key_value(const mif_diff *d, const mif_diff_change *ch, size_t k,
    mif_value *v)
{
	bool old = ch->old_row != MIF_NO_ROW;

	mif_diff_value(d, old, old ? ch->old_row : ch->new_row, d->key[k], v);
}

const char *
mif_diff_kind_name(mif_diff_kind kind)
{
	static const char *const names[] = { "same", "removed", "added",
	    "changed" };

	return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind]
	    : NULL;
}

/* The first keyed group, else the first table: the order of the groups
 * in the other file does not matter, since both are named by class. */
const char *
mif_diff_default_spec(const mif_doc *doc)
{
	const mif_block *comp = mif_doc_component(doc), *b = NULL;

	for (const mif_block *c = comp != NULL ? comp->u.children : NULL;
	    c != NULL && b == NULL; c = c->next)
		if (c->kind == MIF_GROUP && mif_block_stmt(c, MIF_KW_KEY) != NULL)
			b = c;
	for (const mif_block *c = comp != NULL ? comp->u.children : NULL;
	    c != NULL && b == NULL; c = c->next)
		if (c->kind == MIF_TABLE)
			b = c;
	const mif_string *cls = b != NULL ? mif_block_string(b, MIF_KW_CLASS)
	    : NULL;
	return cls != NULL ? cls->bytes : NULL;
}
