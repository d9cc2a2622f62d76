/*
 * Comparing two whole documents: the union of their groups, each
 * compared with the other side's as mif-diff compares one table.
 *
 * A part is what one side's groups are matched by: a keyed class (its
 * keyed groups, or a template with its tables, all of them one view,
 * rows by key), a scalar group of a class (the first, second ... of that
 * class, so that repeated scalar groups pair in order), or a group
 * without a class, by its ID.  Each document's parts are found in one
 * pass through a hash table, so the work is linear in the groups; then
 * each part in both is compared row by row (mif_diff).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meaning/internal.h"
#include "meaning/diff.h"

/* What a group is matched by.  nth: 0 for a keyed class or a group
 * without class (by id), n for the n-th scalar group of its class;
 * COUNTER for the entry that counts those. */
typedef struct ident {
	const mif_string *cls;
	uint64_t id;
	size_t nth;
} ident;

#define COUNTER SIZE_MAX

typedef struct entry {
	ident key;
	uint64_t hash;
	size_t value;   /* a part's index, or a COUNTER's count */
	bool used;
} entry;

/* One document's idents; open addressing, at most half full. */
typedef struct map {
	entry *slots;
	size_t mask;
} map;

typedef struct part {
	const mif_block *group[2];   /* old, new; NULL on the side that lacks it */
	mif_rows *rows[2];
	mif_diff *diff;
} part;

struct mif_doc_diff {
	const mif_doc *doc[2];
	part *parts;
	size_t nparts, next;
};

bool
diff_group_is_class(const mif_block *g)
{
	return mif_block_string(g, MIF_KW_CLASS) != NULL &&
	    (mif_block_stmt(g, MIF_KW_KEY) != NULL || mif_is_template(g));
}

/* ---- the idents of a document ---- */

static uint64_t
ident_hash(const ident *k)
{
	uint64_t h = k->cls != NULL ? mif_hash_bytes(k->cls->bytes, k->cls->len)
	    : mif_hash_u64(k->id);
	return h ^ mif_hash_u64((uint64_t)k->nth + (k->cls != NULL));
}

/* Equal across documents: classes by their bytes. */
static bool
ident_equal(const ident *a, const ident *b)
{
	if (a->nth != b->nth || (a->cls == NULL) != (b->cls == NULL))
		return false;
	if (a->cls == NULL)
		return a->id == b->id;
	return a->cls->len == b->cls->len &&
	    memcmp(a->cls->bytes, b->cls->bytes, a->cls->len) == 0;
}

static bool
map_init(map *m, size_t n)
{
	size_t cap = 16;
	while (cap / 2 < n)
		cap *= 2;
	m->slots = mif_table_alloc(cap, sizeof *m->slots);
	m->mask = cap - 1;
	return m->slots != NULL;
}

/* The entry of k: its own, or the empty one where it goes. */
static entry *
map_slot(const map *m, const ident *k)
{
	uint64_t h = ident_hash(k);
	size_t i = (size_t)h & m->mask;

	while (m->slots[i].used && !(m->slots[i].hash == h &&
	    ident_equal(&m->slots[i].key, k)))
		i = (i + 1) & m->mask;
	m->slots[i].hash = h;
	return &m->slots[i];
}

static size_t
count_groups(const mif_doc *doc)
{
	const mif_block *comp = mif_doc_component(doc);
	size_t n = 0;

	for (const mif_block *c = comp != NULL ? comp->u.children : NULL;
	    c != NULL; c = c->next)
		n += c->kind == MIF_GROUP;
	return n;
}

/* What group g is matched by; m counts the scalar groups of each class
 * (one entry a class beside its groups' entries). */
static ident
ident_of(map *m, const mif_block *g)
{
	ident k = { .cls = mif_block_string(g, MIF_KW_CLASS) };

	if (k.cls == NULL) {
		mif_block_id(g, &k.id);
	} else if (!diff_group_is_class(g)) {
		ident c = { .cls = k.cls, .nth = COUNTER };
		entry *e = map_slot(m, &c);
		if (!e->used)
			*e = (entry){ .key = c, .hash = e->hash, .used = true };
		k.nth = ++e->value;
	}
	return k;
}

/* ---- the parts ---- */

/* The parts of one side: new ones, or the other side's that match. */
static void
gather(mif_doc_diff *dd, int side, map *own, map *old_map)
{
	const mif_block *comp = mif_doc_component(dd->doc[side]);

	for (const mif_block *c = comp != NULL ? comp->u.children : NULL;
	    c != NULL; c = c->next) {
		if (c->kind != MIF_GROUP)
			continue;
		ident k = ident_of(own, c);
		entry *e = map_slot(own, &k);
		if (e->used)
			continue; /* another group of a keyed class seen */
		*e = (entry){ .key = k, .hash = e->hash, .used = true,
		    .value = dd->nparts };
		if (side == 1) {
			entry *o = map_slot(old_map, &k);
			if (o->used) {
				dd->parts[o->value].group[1] = c;
				continue;
			}
		}
		dd->parts[dd->nparts++].group[side] = c;
	}
}

/* The view of a part's groups on one side: the whole class, or one. */
static mif_rows *
open_side(const mif_doc_diff *dd, int side, const mif_block *g,
    mif_error *err)
{
	mif_rows *r = diff_group_is_class(g)
	    ? mif_rows_open_class(dd->doc[side], g, err)
	    : mif_rows_open(dd->doc[side], g, err);

	if (r == NULL && err != NULL)
		snprintf(err->source, sizeof err->source, "%s",
		    side == 0 ? "old" : "new");
	return r;
}

static bool
compare_part(const mif_doc_diff *dd, part *p, mif_error *err)
{
	for (int side = 0; side < 2; side++)
		if ((p->rows[side] = open_side(dd, side, p->group[side], err)) == NULL)
			return false;
	p->diff = diff_group_is_class(p->group[0])
	    ? mif_diff_new(p->rows[0], p->rows[1], NULL, err)
	    : diff_new_pair(p->rows[0], p->rows[1], err);
	return p->diff != NULL;
}

mif_doc_diff *
mif_doc_diff_new(const mif_doc *old, const mif_doc *new_doc, mif_error *err)
{
	mif_doc_diff *dd = calloc(1, sizeof *dd);
	size_t nold = count_groups(old), nnew = count_groups(new_doc);
	/* room for each group, and for each class's counter */
	map m[2] = { { NULL, 0 }, { NULL, 0 } };
	bool ok = dd != NULL && map_init(&m[0], 2 * nold) &&
	    map_init(&m[1], 2 * nnew) &&
	    (dd->parts = calloc(nold + nnew + 1, sizeof *dd->parts)) != NULL;

	if (!ok) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
	} else {
		dd->doc[0] = old;
		dd->doc[1] = new_doc;
		gather(dd, 0, &m[0], NULL);
		gather(dd, 1, &m[1], &m[0]);
		for (size_t i = 0; ok && i < dd->nparts; i++)
			if (dd->parts[i].group[0] != NULL &&
			    dd->parts[i].group[1] != NULL)
				ok = compare_part(dd, &dd->parts[i], err);
	}
	free(m[0].slots);
	free(m[1].slots);
	if (!ok) {
		mif_doc_diff_free(dd);
		return NULL;
	}
	return dd;
}

void
mif_doc_diff_free(mif_doc_diff *dd)
{
	if (dd == NULL)
		return;
	for (size_t i = 0; i < dd->nparts; i++) {
		mif_diff_free(dd->parts[i].diff);
		mif_rows_free(dd->parts[i].rows[0]);
		mif_rows_free(dd->parts[i].rows[1]);
	}
	free(dd->parts);
	free(dd);
}

bool
mif_doc_diff_next(mif_doc_diff *dd, mif_doc_diff_part *out)
{
	if (dd->next >= dd->nparts)
		return false;
	const part *p = &dd->parts[dd->next++];
	out->kind = p->group[0] == NULL ? MIF_DIFF_ADDED
	    : p->group[1] == NULL ? MIF_DIFF_REMOVED : MIF_DIFF_SAME;
	out->old_group = p->group[0];
	out->new_group = p->group[1];
	out->rows = p->diff;
	return true;
}

static void
add_counts(mif_diff_counts *to, mif_diff_counts n)
{
	to->same += n.same;
	to->removed += n.removed;
	to->added += n.added;
	to->changed += n.changed;
}

mif_doc_diff_counts
mif_doc_diff_counts_of(const mif_doc_diff *dd)
{
	mif_doc_diff_counts n = { { 0, 0, 0, 0 }, { 0, 0, 0, 0 } };

	for (size_t i = 0; i < dd->next; i++) {
		const part *p = &dd->parts[i];
		if (p->diff == NULL) {
			n.groups.removed += p->group[1] == NULL;
			n.groups.added += p->group[0] == NULL;
			continue;
		}
		mif_diff_counts r = mif_diff_counts_of(p->diff);
		add_counts(&n.rows, r);
		if (r.changed + r.removed + r.added > 0)
			n.groups.changed++;
		else
			n.groups.same++;
	}
	return n;
}
