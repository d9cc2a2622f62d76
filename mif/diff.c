/*
 * Comparing two tables row by row by key.  Each side gets a hash index
 * of its key values (built once; a repeated key is an error, since a
 * row-by-row comparison of such a table means nothing), then one pass
 * over the old rows finds each one's partner, and one pass over the new
 * rows finds those without a partner.  Linear in the rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

typedef struct column {
	const mif_block *attr;
	size_t old_col, new_col;
	bool ignored;
} column;

/* Rows by key.  Each row's key hash is kept, so that a probe compares
 * hashes and touches a row (in random order: cache misses) only when
 * they match. */
typedef struct index {
	size_t *slots;   /* row + 1; 0: empty */
	size_t mask;
	uint64_t *hashes; /* per row */
} index;

struct mif_diff {
	const mif_rows *old, *new_rows;
	column *cols;
	size_t ncols;
	size_t *key;     /* compared columns of the key */
	size_t nkey;
	index old_index, new_index;
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

static bool
match_columns(mif_diff *d)
{
	size_t no = mif_rows_columns(d->old), nn = mif_rows_columns(d->new_rows);

	d->cols = malloc((no + nn + 1) * sizeof *d->cols);
	if (d->cols == NULL)
		return false;
	for (size_t c = 0; c < no; c++) {
		const mif_block *a = mif_rows_column(d->old, c);
		d->cols[d->ncols++] = (column){ a, c,
		    mif_rows_column_of(d->new_rows, attr_id(a)), false };
	}
	for (size_t c = 0; c < nn; c++) {
		const mif_block *a = mif_rows_column(d->new_rows, c);
		if (mif_rows_column_of(d->old, attr_id(a)) == MIF_NO_COLUMN)
			d->cols[d->ncols++] = (column){ a, MIF_NO_COLUMN, c, false };
	}
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

/* ---- the indexes ---- */

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

/* Index every row of one side; a repeated key is an error. */
static bool
build_index(mif_diff *d, const mif_rows *rows, bool old, index *ix,
    mif_error *err)
{
	size_t n = mif_rows_count(rows), cap = 16;
	while (cap < n * 2)
		cap *= 2;
	ix->slots = calloc(cap, sizeof *ix->slots);
	ix->hashes = malloc((n + 1) * sizeof *ix->hashes);
	ix->mask = cap - 1;
	if (ix->slots == NULL || ix->hashes == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return false;
	}
	for (size_t r = 0; r < n; r++)
		ix->hashes[r] = key_hash(d, rows, old, r);
	for (size_t r = 0; r < n; r++) {
		size_t i = (size_t)ix->hashes[r] & ix->mask;
		for (; ix->slots[i] != 0; i = (i + 1) & ix->mask) {
			size_t first = ix->slots[i] - 1;
			if (ix->hashes[first] == ix->hashes[r] &&
			    same_key(d, rows, old, first, rows, old, r)) {
				char key[128];
				key_text(d, rows, old, r, key, sizeof key);
				mif_error_set(err, MIF_E_DUP_ROW, old ? "old" : "new",
				    "the key %s is given twice (rows %zu and %zu)",
				    key, first + 1, r + 1);
				return false;
			}
		}
		ix->slots[i] = r + 1;
	}
	return true;
}

/* The row of `rows` (side `old`, index ix) with the key of row r of the
 * other side, whose key hash is h. */
static size_t
partner(const mif_diff *d, const index *ix, const mif_rows *rows, bool old,
    const mif_rows *from, size_t r, uint64_t h)
{
	for (size_t i = (size_t)h & ix->mask; ix->slots[i] != 0; i = (i + 1) & ix->mask) {
		size_t p = ix->slots[i] - 1;
		if (ix->hashes[p] == h && same_key(d, rows, old, p, from, !old, r))
			return p;
	}
	return MIF_NO_ROW;
}

mif_diff *
mif_diff_new(const mif_rows *old, const mif_rows *new_rows,
    const mif_diff_options *opts, mif_error *err)
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
	if (!choose_key(d, opts, err))
		goto fail;
	d->matched = calloc(mif_rows_count(new_rows) + 1, 1);
	d->changed = malloc((d->ncols + 1) * sizeof *d->changed);
	if (d->matched == NULL || d->changed == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		goto fail;
	}
	if (!build_index(d, old, true, &d->old_index, err) ||
	    !build_index(d, new_rows, false, &d->new_index, err))
		goto fail;
	return d;
fail:
	mif_diff_free(d);
	return NULL;
}

void
mif_diff_free(mif_diff *d)
{
	if (d == NULL)
		return;
	free(d->cols);
	free(d->key);
	free(d->old_index.slots);
	free(d->old_index.hashes);
	free(d->new_index.slots);
	free(d->new_index.hashes);
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

bool
mif_diff_next(mif_diff *d, mif_diff_change *ch)
{
	while (d->next_old < mif_rows_count(d->old)) {
		size_t r = d->next_old++;
		size_t p = partner(d, &d->new_index, d->new_rows, false, d->old, r,
		    d->old_index.hashes[r]);
		if (p == MIF_NO_ROW) {
			d->counts.removed++;
			*ch = (mif_diff_change){ MIF_DIFF_REMOVED, r, MIF_NO_ROW, NULL, 0 };
			return true;
		}
		d->matched[p] = 1;
		size_t n = 0;
		for (size_t c = 0; c < d->ncols; c++) {
			if (d->cols[c].ignored)
				continue;
			mif_value a, b;
			value_at(d->old, r, d->cols[c].old_col, &a);
			value_at(d->new_rows, p, d->cols[c].new_col, &b);
			if (!mif_value_equal(&a, &b))
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
