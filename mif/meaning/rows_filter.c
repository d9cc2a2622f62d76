/*
 * Picking rows of a view by the values of some attributes, as
 * mif-get -k ATTRIBUTE=VALUE does: conditions that name exactly the key
 * find their row through the view's index, in constant time; others
 * are tested row by row.
 */
#include <stdlib.h>
#include <string.h>

#include "meaning/internal.h"

struct mif_rows_filter {
	const mif_rows *rows;
	size_t n;
	size_t *cols;
	mif_value *values;
	bool none;        /* a condition on an attribute the view lacks */
	bool use_key;     /* the conditions are exactly the key */
	size_t by_key;    /* then the one row, or MIF_NO_ROW */
};

size_t
mif_rows_column_spec(const mif_rows *rows, const char *spec)
{
	const mif_block *attr = mif_find_attribute(mif_rows_group(rows), spec);
	uint64_t id;

	return attr != NULL && mif_block_id(attr, &id)
	    ? mif_rows_column_of(rows, id) : MIF_NO_COLUMN;
}

/* Whether the conditions name each key column exactly once; then put
 * their values in KEY order into keys. */
static bool
is_whole_key(const mif_rows_filter *f, mif_value *keys)
{
	size_t nkeys = mif_rows_key_count(f->rows);

	if (nkeys == 0 || f->n != nkeys)
		return false;
	for (size_t k = 0; k < nkeys; k++) {
		size_t col = mif_rows_key_column(f->rows, k), hits = 0;
		for (size_t i = 0; i < f->n; i++) {
			if (f->cols[i] == col) {
				keys[k] = f->values[i];
				hits++;
			}
		}
		if (hits != 1)
			return false;
	}
	return true;
}

/* Resolve one condition into f; false with *err. */
static bool
resolve(mif_rows_filter *f, const mif_rows_condition *c, bool *bad_value,
    mif_error *err)
{
	size_t col = mif_rows_column_spec(f->rows, c->attr);

	if (col == MIF_NO_COLUMN) {
		f->none = true;
		return true;
	}
	const mif_attr_type *type = mif_rows_column_type(f->rows, col);
	if (type == NULL) {
		mif_attr_type broken;
		if (mif_attr_type_of(mif_rows_doc(f->rows),
		    mif_rows_column(f->rows, col), &broken, err))
			mif_error_set(err, MIF_E_TYPE, NULL, "no type");
		return false;
	}
	if (!mif_value_parse(type, c->value, strlen(c->value),
	    &f->values[f->n], err)) {
		*bad_value = true;
		return false;
	}
	f->cols[f->n++] = col;
	return true;
}

mif_rows_filter *
mif_rows_filter_new(const mif_rows *rows, const mif_rows_condition *conds,
    size_t n, size_t *bad, mif_error *err)
{
	mif_rows_filter *f = calloc(1, sizeof *f);
	mif_value *keys = NULL;

	if (bad != NULL)
		*bad = SIZE_MAX;
	if (f != NULL) {
		f->rows = rows;
		f->by_key = MIF_NO_ROW;
		f->cols = malloc((n + 1) * sizeof *f->cols);
		f->values = malloc((n + 1) * sizeof *f->values);
		keys = malloc((n + 1) * sizeof *keys);
	}
	if (f == NULL || f->cols == NULL || f->values == NULL || keys == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		goto fail;
	}
	/* nothing matches a condition on an attribute the view lacks */
	for (size_t i = 0; i < n && !f->none; i++) {
		bool bad_value = false;
		if (!resolve(f, &conds[i], &bad_value, err)) {
			if (bad_value && bad != NULL)
				*bad = i;
			goto fail;
		}
	}
	if (!f->none && is_whole_key(f, keys)) {
		f->use_key = true;
		f->by_key = mif_rows_find(rows, keys);
	}
	free(keys);
	return f;
fail:
	free(keys);
	mif_rows_filter_free(f);
	return NULL;
}

void
mif_rows_filter_free(mif_rows_filter *f)
{
	if (f == NULL)
		return;
	free(f->cols);
	free(f->values);
	free(f);
}

static bool
matches(const mif_rows_filter *f, size_t row)
{
	mif_value v;

	for (size_t i = 0; i < f->n; i++) {
		mif_rows_value(f->rows, row, f->cols[i], &v, NULL);
		if (!mif_value_equal(&v, &f->values[i]))
			return false;
	}
	return true;
}

bool
mif_rows_filter_empty(const mif_rows_filter *f)
{
	return f->none;
}

size_t
mif_rows_filter_next(const mif_rows_filter *f, size_t from)
{
	size_t count = mif_rows_count(f->rows);

	if (f->none)
		return MIF_NO_ROW;
	if (f->use_key)
		return f->by_key != MIF_NO_ROW && f->by_key >= from ? f->by_key
		    : MIF_NO_ROW;
	for (size_t row = from; row < count; row++)
		if (matches(f, row))
			return row;
	return MIF_NO_ROW;
}
