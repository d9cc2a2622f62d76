/*
 * Rows: the instances of a group seen one way, whether a group gives its
 * one instance in place, several keyed groups of one class give one each,
 * or a template's tables give many.  A row is a pointer to its mif_row,
 * or NULL for a row that a group gives in place; such a row's values are
 * its attributes' VALUEs, looked up once per column when the view opens.
 * Cells and values are read in place, never copied.
 *
 * The key index is open addressing over 64-bit slots: the high 32 bits
 * of the key's hash and the row's index plus one (0: empty slot), kept
 * at most half full, so that a probe rarely looks at a row whose key is
 * not the one sought.  Building it is one pass over the rows, which
 * notes the first row that repeats a key and the first without one.
 * The slots of a big table are far apart in memory: rows are hashed in
 * batches, and each batch's slots asked for before any is read.
 */
#include <stdlib.h>
#include <string.h>

#include "meaning/check.h"
#include "meaning/rows.h"
#include "meaning/value.h"

typedef struct rows_column {
	const mif_block *attr;
	uint64_t id;
	size_t order;            /* among the group's attributes */
	bool own;                /* attr is of the view's group, not another
	                            instance of its class */
	const mif_stmt *dflt;    /* its VALUE, or NULL */
	bool typed;              /* type holds its resolved TYPE */
	mif_attr_type type;
	bool indexed;            /* enm indexes its (big) enum */
	value_enum_index enm;
} rows_column;

typedef struct rows_table {
	size_t first;            /* its first row */
	const mif_block *table;
} rows_table;

struct mif_rows {
	const mif_doc *doc;
	const mif_block *group;
	rows_column *cols;
	size_t ncols;
	size_t *keys;            /* key columns, in KEY order */
	size_t nkeys;
	const mif_row **rows;    /* NULL: a row that a group gives in place */
	size_t nrows;
	/* Rows given in place: the group of each row, and its VALUEs, one
	 * per column (row * ncols + col).  NULL for the rows of tables. */
	const mif_block **instances;
	const mif_stmt **values;
	rows_table *tables;
	size_t ntables;
	uint64_t *slots;
	size_t mask;
	size_t repeat, repeated;  /* the first row whose key an earlier row
	                             (repeated) has; MIF_NO_ROW: none */
	size_t absent;           /* the first row without a key value */
};

/* Rows hashed at once before their slots are read. */
enum { BATCH = 16 };

/* ---- columns ---------------------------------------------------------- */

static int
by_id(const void *a, const void *b)
{
	const rows_column *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	return (x->order > y->order) - (x->order < y->order);
}

/* A group with ID and KEY: one instance of a class that may have more. */
static bool
is_keyed(const mif_block *b)
{
	return b->kind == MIF_GROUP && mif_block_stmt(b, MIF_KW_ID) != NULL &&
	    mif_block_stmt(b, MIF_KW_KEY) != NULL;
}

/* Whether group b gives a row of the view: it is the view's group, or,
 * for a class view of a keyed group, another keyed group of its class. */
static bool
is_instance(const mif_rows *r, const mif_block *b, bool whole_class)
{
	if (b == r->group)
		return true;
	const mif_string *cls = mif_block_string(r->group, MIF_KW_CLASS);
	return whole_class && cls != NULL && is_keyed(b) &&
	    mif_block_string(b, MIF_KW_CLASS) == cls;
}

/* Whether the view's rows are every keyed group of its group's class. */
static bool
is_class_view(const mif_rows *r, bool whole_class)
{
	return whole_class && mif_doc_component(r->doc) != NULL &&
	    is_keyed(r->group);
}

/*
 * The columns: the attributes of the view's group, by ID; for a class
 * view, of every group of the class, so that an attribute that only a
 * later instance has is a column too (empty in the others) rather than
 * left out.  Of two attributes with one ID, the first in file order
 * (the view's group first) makes the column.
 */
static bool
gather_columns(mif_rows *r, bool whole_class)
{
	const mif_block *first = r->group, *comp = mif_doc_component(r->doc);
	bool cls = is_class_view(r, whole_class);
	size_t cap = first->count, n = 0, order = 0;

	if (cls)
		for (const mif_block *g = comp->u.children; g != NULL; g = g->next)
			if (g != first && g->kind == MIF_GROUP &&
			    is_instance(r, g, true))
				cap += g->count;
	r->cols = calloc(cap + 1, sizeof *r->cols);
	if (r->cols == NULL)
		return false;
	const mif_block *g = first;
	const mif_block *next = cls ? comp->u.children : NULL;
	while (g != NULL) {
		for (const mif_block *b = g->u.children; b != NULL; b = b->next) {
			uint64_t id;
			order++;
			if (b->kind != MIF_ATTRIBUTE || !mif_block_id(b, &id) ||
			    n >= cap)
				continue;
			r->cols[n++] = (rows_column){ .attr = b, .id = id,
			    .order = order, .own = g == first };
		}
		/* the other instances in file order */
		g = NULL;
		for (; next != NULL && g == NULL; next = next->next)
			if (next != first && next->kind == MIF_GROUP &&
			    is_instance(r, next, true))
				g = next;
	}
	qsort(r->cols, n, sizeof *r->cols, by_id);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (kept == 0 || r->cols[kept - 1].id != r->cols[i].id)
			r->cols[kept++] = r->cols[i];
	r->ncols = kept;
	for (size_t i = 0; i < kept; i++) {
		rows_column *c = &r->cols[i];
		c->dflt = mif_block_stmt(c->attr, MIF_KW_VALUE);
		c->typed = mif_attr_type_of(r->doc, c->attr, &c->type, NULL);
		if (c->typed && c->type.enm != NULL &&
		    c->type.enm->count > VALUE_ENUM_SCAN_MAX) {
			if (!mif_enum_index_build(c->type.enm, &c->enm))
				return false;
			c->indexed = true;
		}
	}
	return true;
}

size_t
mif_rows_column_of(const mif_rows *r, uint64_t id)
{
	size_t lo = 0, hi = r->ncols;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->cols[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < r->ncols && r->cols[lo].id == id ? lo : MIF_NO_COLUMN;
}

static bool
gather_keys(mif_rows *r)
{
	const mif_stmt *key = mif_block_stmt(r->group, MIF_KW_KEY);

	if (key == NULL || key->form != MIF_F_KEYS)
		return true;
	r->keys = malloc((key->v.keys->count + 1) * sizeof *r->keys);
	if (r->keys == NULL)
		return false;
	for (uint32_t i = 0; i < key->v.keys->count; i++) {
		const mif_number *n = &key->v.keys->items[i];
		size_t col = (n->flags & MIF_NEGATIVE) && n->mag != 0
		    ? MIF_NO_COLUMN : mif_rows_column_of(r, n->mag);
		bool again = false;
		for (size_t k = 0; k < r->nkeys; k++)
			again = again || r->keys[k] == col;
		if (col != MIF_NO_COLUMN && !again)
			r->keys[r->nkeys++] = col;
	}
	return true;
}

/* ---- rows ------------------------------------------------------------- */

/* Whether the rows of block b belong to the view: it is the one table
 * asked for, or else a table of the template's class. */
static bool
is_source(const mif_block *b, const mif_block *only, const mif_string *cls)
{
	if (only != NULL)
		return b == only;
	return b->kind == MIF_TABLE && cls != NULL &&
	    mif_block_string(b, MIF_KW_CLASS) == cls;
}

/* The tables (one, or the template's), then their rows. */
static bool
gather_table_rows(mif_rows *r, const mif_block *only)
{
	const mif_block *comp = mif_doc_component(r->doc);
	const mif_string *cls = mif_block_string(r->group, MIF_KW_CLASS);
	size_t ntables = 0, nrows = 0;

	if (comp == NULL)
		return true;
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		if (!is_source(b, only, cls))
			continue;
		ntables++;
		nrows += b->count;
	}
	r->tables = malloc((ntables + 1) * sizeof *r->tables);
	r->rows = malloc((nrows + 1) * sizeof *r->rows);
	if (r->tables == NULL || r->rows == NULL)
		return false;
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		if (!is_source(b, only, cls))
			continue;
		r->tables[r->ntables++] = (rows_table){ r->nrows, b };
		for (const mif_row *w = b->u.rows; w != NULL; w = w->next)
			r->rows[r->nrows++] = w;
	}
	return true;
}

/* The rows that groups give in place: the view's group alone, or every
 * keyed group of its class in file order. */
static bool
gather_instances(mif_rows *r, bool whole_class)
{
	const mif_block *comp = mif_doc_component(r->doc);
	size_t n = 1;

	whole_class = is_class_view(r, whole_class);
	if (whole_class) {
		n = 0;
		for (const mif_block *b = comp->u.children; b != NULL;
		    b = b->next)
			n += b->kind == MIF_GROUP && is_instance(r, b, true);
	}
	r->rows = calloc(n + 1, sizeof *r->rows);
	r->instances = malloc((n + 1) * sizeof *r->instances);
	r->values = malloc((n * r->ncols + 1) * sizeof *r->values);
	if (r->rows == NULL || r->instances == NULL || r->values == NULL)
		return false;
	const mif_block *b = whole_class ? comp->u.children : r->group;
	for (; b != NULL && r->nrows < n; b = b->next) {
		if (b->kind != MIF_GROUP || !is_instance(r, b, whole_class))
			continue;
		const mif_stmt **v = &r->values[r->nrows * r->ncols];
		for (size_t col = 0; col < r->ncols; col++) {
			const mif_block *a = b == r->group && r->cols[col].own
			    ? r->cols[col].attr
			    : mif_group_attribute(b, r->cols[col].id);
			v[col] = a != NULL ? mif_block_stmt(a, MIF_KW_VALUE) : NULL;
		}
		r->instances[r->nrows++] = b;
	}
	return true;
}

const mif_stmt *
mif_rows_stmt(const mif_rows *r, size_t row, size_t col, bool *is_default)
{
	const mif_row *rw = r->rows[row];

	if (is_default != NULL)
		*is_default = false;
	/* a group holds its VALUEs in place: no default there */
	if (rw == NULL)
		return r->values[row * r->ncols + col];
	const mif_stmt *cell = col < rw->ncells ? &rw->cells[col] : NULL;
	if (cell != NULL && cell->form != MIF_F_NONE)
		return cell;
	if (is_default != NULL)
		*is_default = r->cols[col].dflt != NULL;
	return r->cols[col].dflt;
}

/* The value at (row, col), errors ignored (as written when it does not
 * suit its type). */
static void
value_at(const mif_rows *r, size_t row, size_t col, mif_value *v)
{
	const rows_column *c = &r->cols[col];
	const mif_stmt *s = mif_rows_stmt(r, row, col, NULL);

	if (c->typed)
		mif_value_of_indexed(r->doc, &c->type,
		    c->indexed ? &c->enm : NULL, s, v, NULL);
	else
		mif_value_as_written(s, v);
}

bool
mif_rows_value(const mif_rows *r, size_t row, size_t col, mif_value *v,
    mif_error *err)
{
	const rows_column *c = &r->cols[col];
	bool is_default;
	const mif_stmt *s = mif_rows_stmt(r, row, col, &is_default);
	bool ok;

	if (c->typed) {
		ok = mif_value_of_indexed(r->doc, &c->type,
		    c->indexed ? &c->enm : NULL, s, v, err);
	} else {
		mif_attr_type broken;
		mif_value_as_written(s, v);
		ok = mif_attr_type_of(r->doc, c->attr, &broken, err);
	}
	v->is_default = is_default;
	return ok;
}

/* ---- the key index ---------------------------------------------------- */

/* The hash of key values so far (h), with one more; false when it is
 * absent. */
static bool
hash_key(uint64_t *h, const mif_value *v)
{
	if (v->kind == MIF_V_ABSENT)
		return false;
	*h = (*h ^ mif_value_hash(v)) * 0xFF51AFD7ED558CCDu;
	*h ^= *h >> 32;
	return true;
}

#define HASH_START UINT64_C(0x9E3779B97F4A7C15)

/* The hash of a row's key values; false when one is absent. */
static bool
row_key_hash(const mif_rows *r, size_t row, uint64_t *hash)
{
	mif_value v;

	*hash = HASH_START;
	for (size_t k = 0; k < r->nkeys; k++) {
		value_at(r, row, r->keys[k], &v);
		if (!hash_key(hash, &v))
			return false;
	}
	return true;
}

bool
rows_keys_hash(const mif_rows *r, const mif_value *keys, uint64_t *hash)
{
	*hash = HASH_START;
	for (size_t k = 0; k < r->nkeys; k++)
		if (!hash_key(hash, &keys[k]))
			return false;
	return true;
}

void
rows_prefetch(const mif_rows *r, uint64_t hash)
{
#if defined(__GNUC__)
	if (r->slots != NULL)
		__builtin_prefetch(&r->slots[(size_t)hash & r->mask]);
#else
	(void)r;
	(void)hash;
#endif
}

/* Whether a row's key values are these (keys NULL: those of row b). */
static bool
row_has_keys(const mif_rows *r, size_t row, const mif_value *keys, size_t b)
{
	mif_value v, w;

	for (size_t k = 0; k < r->nkeys; k++) {
		value_at(r, row, r->keys[k], &v);
		if (keys == NULL)
			value_at(r, b, r->keys[k], &w);
		if (!mif_value_equal(&v, keys != NULL ? &keys[k] : &w))
			return false;
	}
	return true;
}

#define SLOT_ROW(s) ((size_t)((s) & 0xFFFFFFFFu) - 1)
#define SLOT_TAG(s) ((s) >> 32)

/* Index a row by its key hash h; the first of equal keys stays. */
static void
add_row(mif_rows *r, size_t row, uint64_t h)
{
	size_t i = (size_t)h & r->mask;

	for (; r->slots[i] != 0; i = (i + 1) & r->mask) {
		size_t first = SLOT_ROW(r->slots[i]);
		if (SLOT_TAG(r->slots[i]) == h >> 32 &&
		    row_has_keys(r, first, NULL, row)) {
			if (r->repeat == MIF_NO_ROW) {
				r->repeat = row;
				r->repeated = first;
			}
			return;
		}
	}
	r->slots[i] = (h >> 32 << 32) | (uint64_t)(row + 1);
}

static bool
build_index(mif_rows *r)
{
	size_t cap = 16;

	r->repeat = r->repeated = r->absent = MIF_NO_ROW;
	if (r->nkeys == 0 || r->nrows == 0)
		return true;
	if (r->nrows >= UINT32_MAX)
		return false;
	while (cap / 2 < r->nrows)
		cap *= 2;
	r->slots = mif_table_alloc(cap, sizeof *r->slots);
	if (r->slots == NULL)
		return false;
	r->mask = cap - 1;
	for (size_t start = 0; start < r->nrows; start += BATCH) {
		size_t n = r->nrows - start < BATCH ? r->nrows - start : BATCH;
		uint64_t h[BATCH];
		bool keyed[BATCH];
		for (size_t b = 0; b < n; b++)
			if ((keyed[b] = row_key_hash(r, start + b, &h[b])))
				rows_prefetch(r, h[b]);
		for (size_t b = 0; b < n; b++) {
			if (keyed[b])
				add_row(r, start + b, h[b]);
			else if (r->absent == MIF_NO_ROW)
				r->absent = start + b; /* never found */
		}
	}
	return true;
}

size_t
rows_find_hashed(const mif_rows *r, const mif_value *keys, uint64_t h)
{
	if (r->slots == NULL)
		return MIF_NO_ROW;
	for (size_t i = (size_t)h & r->mask; r->slots[i] != 0;
	    i = (i + 1) & r->mask) {
		uint64_t s = r->slots[i];
		if (SLOT_TAG(s) == h >> 32 &&
		    row_has_keys(r, SLOT_ROW(s), keys, 0))
			return SLOT_ROW(s);
	}
	return MIF_NO_ROW;
}

size_t
mif_rows_find(const mif_rows *r, const mif_value *keys)
{
	uint64_t h;

	return rows_keys_hash(r, keys, &h) ? rows_find_hashed(r, keys, h)
	    : MIF_NO_ROW;
}

size_t
rows_repeat(const mif_rows *r, size_t *first)
{
	*first = r->repeated;
	return r->repeat;
}

size_t
rows_absent_key(const mif_rows *r)
{
	return r->absent;
}

/* ---- the view --------------------------------------------------------- */

/* A table without template: why, in *err. */
static void
no_template(const mif_doc *doc, const mif_block *table, mif_error *err)
{
	char name[CHECK_QUOTE_MAX], cls[CHECK_QUOTE_MAX];
	const mif_stmt *c = mif_block_stmt(table, MIF_KW_CLASS);

	mif_value_block_name(doc, name, sizeof name, table);
	if (c != NULL && c->form == MIF_F_STRING)
		mif_value_error(err, doc, c->pos, MIF_E_TABLE,
		    "class %s of table %s names no template",
		    mif_check_quote(cls, sizeof cls, c->v.str), name);
	else
		mif_value_error(err, doc, table->pos, MIF_E_TABLE,
		    "table %s has no CLASS", name);
}

/* Fill a new view; false when out of memory. */
static bool
fill(mif_rows *r, const mif_block *block, bool whole_class)
{
	if (!gather_columns(r, whole_class) || !gather_keys(r))
		return false;
	if (block->kind == MIF_TABLE) {
		if (!gather_table_rows(r, block))
			return false;
	} else if (mif_is_template(block)) {
		if (!gather_table_rows(r, NULL))
			return false;
	} else if (!gather_instances(r, whole_class)) {
		return false;
	}
	return build_index(r);
}

static mif_rows *
open_view(const mif_doc *doc, const mif_block *block, bool whole_class,
    mif_error *err)
{
	char name[CHECK_QUOTE_MAX];

	if (block == NULL ||
	    (block->kind != MIF_GROUP && block->kind != MIF_TABLE)) {
		mif_value_error(err, doc, MIF_NOPOS, MIF_E_TABLE,
		    "rows are those of a group or a table");
		return NULL;
	}
	const mif_block *group = block->kind == MIF_GROUP ? block
	    : mif_table_template(doc, block);
	if (group == NULL) {
		no_template(doc, block, err);
		return NULL;
	}
	mif_rows *r = calloc(1, sizeof *r);
	if (r != NULL) {
		r->doc = doc;
		r->group = group;
		if (fill(r, block, whole_class))
			return r;
	}
	mif_rows_free(r);
	mif_value_error(err, doc, MIF_NOPOS, MIF_E_NOMEM,
	    "out of memory for the rows of %s",
	    mif_value_block_name(doc, name, sizeof name, block));
	return NULL;
}

mif_rows *
mif_rows_open(const mif_doc *doc, const mif_block *block, mif_error *err)
{
	return open_view(doc, block, false, err);
}

mif_rows *
mif_rows_open_class(const mif_doc *doc, const mif_block *block,
    mif_error *err)
{
	return open_view(doc, block, true, err);
}

mif_rows *
mif_rows_open_spec(const mif_doc *doc, const char *spec, mif_error *err)
{
	const mif_block *block = mif_find_group(doc, spec);
	uint64_t want, id;

	if (block == NULL) {
		mif_value_error(err, doc, MIF_NOPOS, MIF_E_MISSING,
		    "no group or table \"%s\"", spec != NULL ? spec : "");
		return NULL;
	}
	/* mif_find_group() tries the ID first: a spec of digits that is
	 * the block's ID named that one instance */
	bool by_id = mif_decimal_id(spec, &want) && mif_block_id(block, &id) &&
	    id == want;
	return open_view(doc, block, !by_id, err);
}

void
mif_rows_free(mif_rows *r)
{
	if (r == NULL)
		return;
	for (size_t i = 0; i < r->ncols; i++)
		if (r->cols[i].indexed)
			mif_enum_index_free(&r->cols[i].enm);
	free(r->cols);
	free(r->keys);
	free(r->rows);
	free(r->instances);
	free(r->values);
	free(r->tables);
	free(r->slots);
	free(r);
}

/* ---- accessors -------------------------------------------------------- */

const mif_block *
mif_rows_group(const mif_rows *r)
{
	return r->group;
}

size_t
mif_rows_count(const mif_rows *r)
{
	return r->nrows;
}

size_t
mif_rows_columns(const mif_rows *r)
{
	return r->ncols;
}

const mif_block *
mif_rows_column(const mif_rows *r, size_t col)
{
	return r->cols[col].attr;
}

const mif_attr_type *
mif_rows_column_type(const mif_rows *r, size_t col)
{
	return r->cols[col].typed ? &r->cols[col].type : NULL;
}

size_t
mif_rows_key_count(const mif_rows *r)
{
	return r->nkeys;
}

size_t
mif_rows_key_column(const mif_rows *r, size_t k)
{
	return r->keys[k];
}

const mif_row *
mif_rows_row(const mif_rows *r, size_t row)
{
	return r->rows[row];
}

const mif_block *
mif_rows_instance(const mif_rows *r, size_t row)
{
	return r->instances != NULL ? r->instances[row] : NULL;
}

const mif_block *
mif_rows_table(const mif_rows *r, size_t row)
{
	size_t lo = 0, hi = r->ntables;

	if (r->ntables == 0)
		return NULL;
	/* the last table that starts at or before row */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (r->tables[mid].first <= row)
			lo = mid;
		else
			hi = mid;
	}
	return r->tables[lo].table;
}

const mif_doc *
mif_rows_doc(const mif_rows *r)
{
	return r->doc;
}

/* ---- rows one at a time (diff_digest.c) ------------------------------- */

mif_rows *
rows_open_template(const mif_doc *doc, const mif_block *group)
{
	mif_rows *r = calloc(1, sizeof *r);

	if (r == NULL)
		return NULL;
	r->doc = doc;
	r->group = group;
	r->repeat = r->repeated = r->absent = MIF_NO_ROW;
	if (gather_columns(r, false) && gather_keys(r))
		return r;
	mif_rows_free(r);
	return NULL;
}

bool
rows_row_key_hash(mif_rows *r, const mif_row *row, uint64_t *hash)
{
	const mif_row **rows = r->rows;
	bool keyed;

	r->rows = &row; /* the view's row 0, for this call */
	keyed = row_key_hash(r, 0, hash);
	r->rows = rows;
	return keyed;
}

bool
rows_all_typed(const mif_rows *r)
{
	for (size_t c = 0; c < r->ncols; c++)
		if (!r->cols[c].typed)
			return false;
	return true;
}

const mif_block *
rows_tables(const mif_rows *r, size_t i, size_t *n)
{
	*n = r->ntables;
	return i < r->ntables ? r->tables[i].table : NULL;
}
