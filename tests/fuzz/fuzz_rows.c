/*
 * libFuzzer harness for typed values, lookups and rows.
 *
 * Any input that parses: open the rows of every group and table (and the
 * class view of each keyed group), type and format every value, and
 * require that
 *   - a group or table is found again by its class and by its name;
 *   - formatting into a short buffer tells the same length as into none;
 *   - a value that suits its type, written out and read back with
 *     mif_value_parse(), is equal to itself (numbers, strings, dates);
 *   - every row whose key values are all present is found by them, as
 *     itself or as an earlier row with equal keys.
 * Nothing may crash, leak or trip a sanitizer; a failed property aborts
 * with its reason so that libFuzzer keeps the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mif.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
broken(const char *what, size_t row, size_t col)
{
	fprintf(stderr, "fuzz_rows: %s (row %zu, column %zu)\n", what, row,
	    col);
	abort();
}

/* Whether text read back as a value of this kind can be the same. */
static bool
reads_back(const mif_value *v, const char *text, size_t len)
{
	switch (v->kind) {
	case MIF_V_SIGNED:
	case MIF_V_UNSIGNED:
	case MIF_V_DATE:
		return true;
	case MIF_V_STRING:
	case MIF_V_OCTETS:
		/* the two words stand for UNKNOWN and UNSUPPORTED */
		return !(len == 7 && memcmp(text, "UNKNOWN", 7) == 0) &&
		    !(len == 11 && memcmp(text, "UNSUPPORTED", 11) == 0);
	default:
		return false;
	}
}

static void
check_value(const mif_rows *rows, size_t row, size_t col)
{
	mif_value v, back;
	mif_error err;
	char small[4];
	bool ok = mif_rows_value(rows, row, col, &v, &err);
	size_t len = mif_value_format(&v, 0, NULL, 0);

	if (mif_value_format(&v, 0, small, sizeof small) != len)
		broken("formatted lengths differ", row, col);
	if (!mif_value_equal(&v, &v) ||
	    mif_value_hash(&v) != mif_value_hash(&v))
		broken("a value differs from itself", row, col);
	const mif_attr_type *type = mif_rows_column_type(rows, col);
	if (!ok || type == NULL)
		return;
	char *text = malloc(len + 1);
	if (text == NULL)
		return;
	mif_value_format(&v, 0, text, len + 1);
	if (reads_back(&v, text, len)) {
		if (!mif_value_parse(type, text, len, &back, &err))
			broken(err.text, row, col);
		if (!mif_value_equal(&v, &back) ||
		    mif_value_hash(&v) != mif_value_hash(&back))
			broken("a value read back differs", row, col);
	}
	free(text);
}

static void
check_keys(const mif_rows *rows, size_t row)
{
	size_t nkeys = mif_rows_key_count(rows);
	mif_value *keys = malloc((nkeys + 1) * sizeof *keys);

	if (keys == NULL)
		return;
	for (size_t k = 0; k < nkeys; k++) {
		size_t col = mif_rows_key_column(rows, k);
		mif_rows_value(rows, row, col, &keys[k], NULL);
		if (keys[k].kind == MIF_V_ABSENT) {
			free(keys);
			return;
		}
	}
	size_t found = nkeys > 0 ? mif_rows_find(rows, keys) : row;
	if (found == MIF_NO_ROW || found > row)
		broken("a row is not found by its key", row, found);
	for (size_t k = 0; k < nkeys; k++) {
		mif_value v;
		size_t col = mif_rows_key_column(rows, k);
		mif_rows_value(rows, found, col, &v, NULL);
		if (!mif_value_equal(&v, &keys[k]))
			broken("a row is found with other keys", row, found);
	}
	free(keys);
}

static void
check_found_again(const mif_doc *doc, const mif_block *b)
{
	const mif_string *s;

	s = mif_block_string(b, MIF_KW_CLASS);
	if (s != NULL && strlen(s->bytes) == s->len &&
	    mif_find_group(doc, s->bytes) == NULL)
		broken("a class is not found", 0, 0);
	s = mif_block_string(b, MIF_KW_NAME);
	if (s != NULL && strlen(s->bytes) == s->len &&
	    mif_find_group(doc, s->bytes) == NULL)
		broken("a name is not found", 0, 0);
}

/* Every value and key of a view (NULL: none to check), then free it. */
static void
check_view(mif_rows *rows)
{
	if (rows == NULL)
		return;
	size_t ncols = mif_rows_columns(rows);
	for (size_t row = 0; row < mif_rows_count(rows); row++) {
		for (size_t col = 0; col < ncols; col++)
			check_value(rows, row, col);
		check_keys(rows, row);
	}
	mif_rows_free(rows);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mif_error err;
	mif_doc *doc = mif_parse_buffer(data, size, NULL, &err);

	if (doc == NULL)
		return 0;
	const mif_block *comp = mif_doc_component(doc);
	for (const mif_block *b = comp != NULL ? comp->u.children : NULL;
	    b != NULL; b = b->next) {
		if (b->kind != MIF_GROUP && b->kind != MIF_TABLE)
			continue;
		check_found_again(doc, b);
		check_view(mif_rows_open(doc, b, &err));
		check_view(mif_rows_open_class(doc, b, &err));
	}
	mif_doc_free(doc);
	return 0;
}
