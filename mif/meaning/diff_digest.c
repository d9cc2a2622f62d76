/*
 * Comparing big tables without holding their rows (mif_diff_parse(),
 * mif_diff_new_digests()).  Each side is parsed once with a row hook
 * (mif_parse_path_rows()) that keeps, of each row of the first table, the
 * hash of its typed key, the hash of its text and its place, and drops
 * the row.  Rows whose text is the same on both sides under the same key
 * are the same under any --ignore; the others are parsed again, alone
 * with the rest of the file (a text without the rows found the same),
 * and compared as mif_diff_new() compares them, so that what is reported
 * is what comparing the whole tables reports.
 *
 * The hook checks each row as mif_check() would and finds repeated keys
 * by their hash.  On anything else than a table it can read that way
 * (a diagnostic, two keys with one hash, a template that does not come
 * first, statements between rows) the file is read again whole, so that
 * every diagnostic is the one the whole file gets.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "meaning/check.h"
#include "meaning/diff.h"
#include "meaning/rows.h"

typedef struct digest_row {
	uint64_t key;        /* the hash of its typed key */
	uint32_t pos, len;   /* its text, '{' to '}' */
} digest_row;

struct mif_diff_digest {
	const mif_doc *doc;      /* the document, without the rows */
	bool have_table, unusable;
	uint32_t table_pos;      /* the table whose rows are here */
	uint16_t table_nstmts;
	const mif_block *group;  /* its template */
	/* while parsing */
	mif_rows *columns;
	mif_row_check *check;
	mif_doc *scratch;        /* where the row checks report */
	digest_row *rows;
	size_t nrows, cap;
	/* rows by key hash, once read: the hash's high half and the row's
	 * index plus one (0: empty) */
	uint64_t *slots;
	size_t mask;
	unsigned threads;        /* mif_parse_options.threads: 1, one */
	/* the rows parsed again (mif_diff_new_digests()) */
	mif_doc *reduced;
	mif_rows *view;
};

/* ---- the rows' digest ------------------------------------------------- */

/* A key hash's first slot.  The hash is keyed already (SipHash of each
 * value, rows.c), so a fixed mix of its bits (MurmurHash3's finalizer)
 * spreads keys a file cannot choose as well as hashing it again would, at
 * a tenth of the cost, which a million rows looked up twice each feel. */
static size_t
first_slot(uint64_t h, size_t mask)
{
	h ^= h >> 33;
	h *= UINT64_C(0xFF51AFD7ED558CCD);
	h ^= h >> 33;
	h *= UINT64_C(0xC4CEB9FE1A85EC53);
	h ^= h >> 33;
	return (size_t)h & mask;
}

#define SLOT_ROW(s) ((size_t)((s) & 0xFFFFFFFFu) - 1)
#define SLOT_TAG(s) ((s) >> 32)

/* The row with key hash h, or SIZE_MAX. */
static size_t
find_key(const mif_diff_digest *d, uint64_t h)
{
	for (size_t i = first_slot(h, d->mask); d->slots[i] != 0;
	    i = (i + 1) & d->mask)
		if (SLOT_TAG(d->slots[i]) == h >> 32 &&
		    d->rows[SLOT_ROW(d->slots[i])].key == h)
			return SLOT_ROW(d->slots[i]);
	return SIZE_MAX;
}

/* Rows whose slots are asked for at once before any is read. */
enum { BATCH = 16 };

/* Ask for the slots of the keys of n rows from `rows` in index d: each
 * is a cache miss in tables of millions of rows. */
static void
prefetch_slots(const mif_diff_digest *d, const digest_row *rows, size_t n)
{
#if defined(__GNUC__)
	for (size_t b = 0; b < n; b++)
		__builtin_prefetch(&d->slots[first_slot(rows[b].key, d->mask)]);
#else
	(void)d;
	(void)rows;
	(void)n;
#endif
}

/* Index the rows by key hash; false when two have one hash (the same
 * key, or as good as: the file is read again) or out of memory. */
static bool
index_rows(mif_diff_digest *d)
{
	size_t cap = 16;

	while (cap / 2 < d->nrows)
		cap *= 2;
	if ((d->slots = mif_table_alloc(cap, sizeof *d->slots)) == NULL)
		return false;
	d->mask = cap - 1;
	for (size_t start = 0; start < d->nrows; start += BATCH) {
		size_t n = d->nrows - start < BATCH ? d->nrows - start : BATCH;
		prefetch_slots(d, d->rows + start, n);
		for (size_t b = 0; b < n; b++) {
			uint64_t h = d->rows[start + b].key;
			if (find_key(d, h) != SIZE_MAX)
				return false;
			size_t i = first_slot(h, d->mask);
			while (d->slots[i] != 0)
				i = (i + 1) & d->mask;
			d->slots[i] = (h >> 32 << 32) | (uint64_t)(start + b + 1);
		}
	}
	return true;
}

/* Room for one more row. */
static bool
grow(mif_diff_digest *d)
{
	if (d->nrows < d->cap)
		return true;
	size_t cap = d->cap > 0 ? 2 * d->cap : 1024;
	digest_row *rows = cap < UINT32_MAX ?
	    realloc(d->rows, cap * sizeof *rows) : NULL;
	if (rows == NULL)
		return false;
	d->rows = rows;
	d->cap = cap;
	return true;
}

/* The table's template among the blocks before it, and what reading its
 * rows one at a time needs; false when they cannot be read so. */
static bool
start(mif_diff_digest *d, const mif_built_row *b)
{
	const mif_string *cls = mif_block_string(b->table, MIF_KW_CLASS);
	const mif_block *g = b->blocks_before;

	d->have_table = true;
	d->table_pos = b->table->pos;
	d->table_nstmts = b->table->nstmts;
	while (g != NULL && !(mif_is_template(g) && cls != NULL &&
	    mif_block_string(g, MIF_KW_CLASS) == cls))
		g = g->next;
	if (g == NULL || b->index != 0)
		return false;
	d->group = g;
	d->columns = rows_open_template(b->doc, g);
	d->scratch = mif_doc_new(mif_doc_source_name(b->doc));
	d->check = d->scratch != NULL ? mif_row_check_new(d->scratch, g) : NULL;
	return d->columns != NULL && d->check != NULL &&
	    rows_all_typed(d->columns) && mif_rows_key_count(d->columns) > 0;
}

/* The row hook: the rows of the first table into the digest. */
static bool
take_row(const mif_built_row *b, void *arg)
{
	mif_diff_digest *d = arg;
	uint64_t key;

	if (d->unusable)
		return false; /* the file is read again */
	if (!d->have_table && !start(d, b)) {
		d->unusable = true;
		return false;
	}
	if (b->table->pos != d->table_pos)
		return true; /* another table: kept whole */
	const mif_row *row = b->row;
	if (b->table->nstmts != d->table_nstmts ||
	    !mif_row_check_row(d->check, b->table, row) ||
	    !rows_row_key_hash(d->columns, row, &key) || !grow(d)) {
		d->unusable = true;
		return false;
	}
	d->rows[d->nrows++] = (digest_row){ key, row->pos,
	    row->end_pos + 1 - row->pos };
	return false;
}

/* What only the parse needed. */
static void
parse_done(mif_diff_digest *d)
{
	mif_rows_free(d->columns);
	mif_row_check_free(d->check);
	mif_doc_free(d->scratch);
	d->columns = NULL;
	d->check = NULL;
	d->scratch = NULL;
}

/* The row hook's restart: the parse is made again from the start. */
static void
forget_rows(void *arg)
{
	mif_diff_digest *d = arg;

	parse_done(d);
	d->have_table = d->unusable = false;
	d->group = NULL;
	d->nrows = 0;
}

void
mif_diff_digest_free(mif_diff_digest *d)
{
	if (d == NULL)
		return;
	parse_done(d);
	mif_rows_free(d->view);
	mif_doc_free(d->reduced);
	free(d->rows);
	free(d->slots);
	free(d);
}

static void
check_valid(mif_doc *doc)
{
	if (doc != NULL && mif_doc_error_count(doc) == 0)
		mif_check(doc, NULL);
}

mif_doc *
mif_diff_parse(const char *path, const mif_parse_options *opts,
    mif_diff_digest **digest, mif_error *err)
{
	mif_diff_digest *d = calloc(1, sizeof *d);
	mif_doc *doc;

	*digest = NULL;
	if (d == NULL) {
		doc = mif_parse_path(path, opts, err);
		check_valid(doc);
		return doc;
	}
	d->threads = opts != NULL ? opts->threads : 0;
	doc = mif_parse_path_rows(path, opts, take_row, forget_rows, d, err);
	parse_done(d);
	if (doc != NULL && !d->unusable && (!d->have_table || index_rows(d))) {
		check_valid(doc);
		if (d->have_table && mif_doc_error_count(doc) == 0) {
			d->doc = doc;
			*digest = d;
			return doc;
		}
		if (!d->have_table) { /* every row is in the tree */
			mif_diff_digest_free(d);
			return doc;
		}
	}
	mif_diff_digest_free(d);
	if (doc == NULL)
		return NULL;
	/* read again whole, for the diagnostics of the whole */
	mif_doc_free(doc);
	doc = mif_parse_path(path, opts, err);
	check_valid(doc);
	return doc;
}

/* ---- the comparison ---------------------------------------------------- */

/* Whether the rows of spec are the digest's table, all of it. */
static bool
is_digested(const mif_diff_digest *d, const char *spec)
{
	mif_rows *v = mif_rows_open_spec(d->doc, spec, NULL);
	size_t n = 0;
	const mif_block *t = v != NULL ? rows_tables(v, 0, &n) : NULL;
	bool ok = t != NULL && n == 1 && t->pos == d->table_pos &&
	    mif_rows_count(v) == 0 && mif_rows_group(v) == d->group;

	mif_rows_free(v);
	return ok;
}

/* Whether two statements are written alike (NULL for none). */
static bool
stmts_alike(const mif_stmt *a, const mif_stmt *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (a->form != b->form || a->flags != b->flags)
		return false;
	switch (a->form) {
	case MIF_F_INTEGER:
		return a->v.u == b->v.u;
	case MIF_F_STRING:
	case MIF_F_OVERLAY:
		return a->v.str->len == b->v.str->len &&
		    memcmp(a->v.str->bytes, b->v.str->bytes, a->v.str->len) == 0;
	case MIF_F_UNKNOWN:
	case MIF_F_UNSUPPORTED:
		return true;
	default:
		return false;
	}
}

/* Whether a row written alike in both templates has the same values in
 * both: the same attributes by ID, of the same types (no enum, whose
 * symbols may differ), with defaults written alike. */
static bool
templates_alike(const mif_diff_digest *old, const mif_diff_digest *new_d)
{
	mif_rows *a = rows_open_template(old->doc, old->group);
	mif_rows *b = rows_open_template(new_d->doc, new_d->group);
	bool alike = a != NULL && b != NULL &&
	    mif_rows_columns(a) == mif_rows_columns(b);

	for (size_t c = 0; alike && c < mif_rows_columns(a); c++) {
		uint64_t ia = 0, ib = 0;
		const mif_attr_type *ta = mif_rows_column_type(a, c);
		const mif_attr_type *tb = mif_rows_column_type(b, c);
		mif_block_id(mif_rows_column(a, c), &ia);
		mif_block_id(mif_rows_column(b, c), &ib);
		alike = ia == ib && ta != NULL && tb != NULL &&
		    ta->enm == NULL && tb->enm == NULL && ta->kind == tb->kind &&
		    ta->base == tb->base && ta->size == tb->size &&
		    stmts_alike(mif_block_stmt(mif_rows_column(a, c), MIF_KW_VALUE),
		    mif_block_stmt(mif_rows_column(b, c), MIF_KW_VALUE));
	}
	mif_rows_free(a);
	mif_rows_free(b);
	return alike;
}

/* The document again with only the rows marked in keep: its text before
 * the first row and after the last, and the kept rows between. */
static bool
reduce(mif_diff_digest *d, const unsigned char *keep, const char *spec,
    size_t *kept)
{
	const char *text = d->doc->text;
	const digest_row *first = &d->rows[0], *last = &d->rows[d->nrows - 1];
	size_t tail = last->pos + last->len;
	size_t size = first->pos + (d->doc->text_len - tail) + 1;
	char *buf, *at;

	*kept = 0;
	for (size_t r = 0; r < d->nrows; r++)
		size += keep[r] ? d->rows[r].len + 1 : 0;
	if ((buf = malloc(size)) == NULL)
		return false;
	memcpy(buf, text, first->pos);
	at = buf + first->pos;
	for (size_t r = 0; r < d->nrows; r++) {
		if (!keep[r])
			continue;
		memcpy(at, text + d->rows[r].pos, d->rows[r].len);
		at += d->rows[r].len;
		*at++ = '\n';
		++*kept;
	}
	memcpy(at, text + tail, d->doc->text_len - tail);
	at += d->doc->text_len - tail;
	/* the text is UTF-8, or ISO 8859-1 only when ASCII */
	mif_parse_options o = { .source_name = mif_doc_source_name(d->doc),
	    .input_encoding_given = true, .input_encoding = MIF_ENC_UTF8,
	    .threads = 1 };
	d->reduced = mif_parse_buffer(buf, (size_t)(at - buf), &o, NULL);
	free(buf);
	if (d->reduced == NULL || mif_doc_error_count(d->reduced) > 0)
		return false;
	d->view = mif_rows_open_spec(d->reduced, spec, NULL);
	return d->view != NULL && mif_rows_count(d->view) == *kept;
}

/* OLD's rows from..to matched against NEW's by key and text: each row
 * alike is dropped from both sides (keep_*[r] = 0) and counted. */
typedef struct match_part {
	const mif_diff_digest *old, *new_d;
	unsigned char *keep_old, *keep_new;
	size_t from, to, same;
} match_part;

static void *
match_rows(void *arg)
{
	match_part *m = arg;
	const mif_diff_digest *old = m->old, *nd = m->new_d;
	size_t found[BATCH];

	for (size_t start = m->from; start < m->to; start += BATCH) {
		size_t n = m->to - start < BATCH ? m->to - start : BATCH;
		/* NEW's slots, then its rows, asked for a batch at a time */
		prefetch_slots(nd, old->rows + start, n);
		for (size_t b = 0; b < n; b++) {
			found[b] = find_key(nd, old->rows[start + b].key);
#if defined(__GNUC__)
			if (found[b] != SIZE_MAX)
				__builtin_prefetch(&nd->rows[found[b]]);
#endif
		}
		for (size_t b = 0; b < n; b++) {
			const digest_row *o = &old->rows[start + b];
			size_t p = found[b];
			const digest_row *nr = p != SIZE_MAX ? &nd->rows[p] : NULL;
			/* the same text under the same key: the same row */
			bool alike = nr != NULL && nr->len == o->len &&
			    memcmp(old->doc->text + o->pos,
			    nd->doc->text + nr->pos, o->len) == 0;
			m->keep_old[start + b] = !alike;
			if (alike) {
				/* keys are unique on each side: no other
				 * part writes this byte */
				m->keep_new[p] = 0;
				m->same++;
			}
		}
	}
	return NULL;
}

/* Tables from this many rows are matched in two threads, each half of
 * OLD's rows, unless the parse was given one. */
#define MATCH_SPLIT_MIN 65536

/* Match OLD's rows against NEW's; returns how many were alike. */
static size_t
match_all(const mif_diff_digest *old, const mif_diff_digest *new_d,
    unsigned char *keep_old, unsigned char *keep_new)
{
	match_part first = { old, new_d, keep_old, keep_new, 0, old->nrows, 0 };
	match_part second = first;
	pthread_t thread;

	second.from = first.to = old->nrows / 2;
	if (old->threads == 1 || old->nrows < MATCH_SPLIT_MIN ||
	    pthread_create(&thread, NULL, match_rows, &second) != 0) {
		first.to = old->nrows;
		match_rows(&first);
		return first.same;
	}
	match_rows(&first);
	pthread_join(thread, NULL);
	return first.same + second.same;
}

mif_diff *
mif_diff_new_digests(mif_diff_digest *old, mif_diff_digest *new_d,
    const char *spec, const mif_diff_options *opts, bool *whole,
    mif_error *err)
{
	unsigned char *keep_old = NULL, *keep_new = NULL;
	size_t same = 0, kept;
	mif_diff *diff = NULL;

	*whole = true;
	if ((opts != NULL && opts->nkey > 0) || old->view != NULL ||
	    new_d->view != NULL || !is_digested(old, spec) ||
	    !is_digested(new_d, spec) || !templates_alike(old, new_d))
		return NULL;
	keep_old = malloc(old->nrows + 1);
	keep_new = malloc(new_d->nrows + 1);
	if (keep_old == NULL || keep_new == NULL)
		goto done;
	memset(keep_new, 1, new_d->nrows);
	same = match_all(old, new_d, keep_old, keep_new);
	if (!reduce(old, keep_old, spec, &kept) ||
	    !reduce(new_d, keep_new, spec, &kept))
		goto done;
	*whole = false;
	diff = mif_diff_new(old->view, new_d->view, opts, err);
	if (diff != NULL)
		diff_add_same(diff, same);
done:
	free(keep_old);
	free(keep_new);
	return diff;
}
