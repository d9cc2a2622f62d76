/*
 * Templates and tables.  A template is a group with a KEY and no ID; a
 * table names one by its class (compared exactly) and gives its rows.
 * A row's values follow the template's attributes in ID order; an empty
 * or missing position takes the attribute's VALUE.  Rows with equal key
 * values (typed: 7 and 0x07 are equal, and so are an enum symbol and its
 * number) are found with a hash set, so a table of a million rows costs
 * a million lookups.
 */
#include <stdlib.h>

#include "meaning/check.h"

static bool
template_has_class(const void *item, const void *key, const void *arg)
{
	(void)arg;
	return ((const check_template *)item)->class_name == key;
}

static check_template *
find_template(const check_ctx *c, const mif_string *cls)
{
	return (check_template *)check_set_find(&c->templates,
	    check_hash_ptr(cls), cls, template_has_class, NULL);
}

void
check_template_add(check_ctx *c, const mif_block *group)
{
	const mif_string *cls = mif_block_string(group, MIF_KW_CLASS);
	bool nomem = false;

	if (cls == NULL || find_template(c, cls) != NULL)
		return; /* a second one is reported in the walk */
	check_template *t = calloc(1, sizeof *t);
	if (t == NULL || !mif_vec_reserve((void **)&c->tmpl_list, &c->tmpl_cap,
	    c->ntmpl, sizeof *c->tmpl_list)) {
		free(t);
		check_nomem(c);
		return;
	}
	t->group = group;
	t->class_name = cls;
	c->tmpl_list[c->ntmpl++] = t;
	check_set_add(&c->templates, check_hash_ptr(cls), cls, t,
	    template_has_class, NULL, &nomem);
	if (nomem)
		check_nomem(c);
}

check_template *
check_template_of_group(check_ctx *c, const mif_block *group)
{
	const mif_string *cls = mif_block_string(group, MIF_KW_CLASS);
	check_template *t = cls != NULL ? find_template(c, cls) : NULL;

	return t != NULL && t->group == group ? t : NULL;
}

const check_attrs *
check_template_attrs(check_ctx *c, check_template *t)
{
	if (!t->gathered) {
		t->gathered = true;
		if (!check_attrs_gather(c, t->group, &t->attrs))
			return NULL;
	}
	return &t->attrs;
}

void
check_template_unique(check_ctx *c, const mif_block *group)
{
	char cls[CHECK_QUOTE_MAX], name[CHECK_QUOTE_MAX];
	const mif_string *s = mif_block_string(group, MIF_KW_CLASS);
	const check_template *t = s != NULL ? find_template(c, s) : NULL;

	if (t == NULL || t->group == group)
		return;
	uint32_t at = mif_block_stmt(t->group, MIF_KW_CLASS)->pos;
	check_report(c, MIF_E_CLASS, MIF_ERROR,
	    mif_block_stmt(group, MIF_KW_CLASS)->pos, at,
	    "template class %s of group %s is not unique (first at line %u)",
	    check_quote(cls, sizeof cls, s),
	    check_block_name(c, name, sizeof name, group),
	    check_line(c, at));
}

void
check_templates_free(check_ctx *c)
{
	for (size_t i = 0; i < c->ntmpl; i++) {
		check_template *t = c->tmpl_list[i];
		check_attrs_free(&t->attrs);
		free(t->columns);
		free(t->key_columns);
		free(t);
	}
	free(c->tmpl_list);
	c->tmpl_list = NULL;
	c->ntmpl = c->tmpl_cap = 0;
	check_set_free(&c->templates);
}

/* ---- the row layout ------------------------------------------------------ */

static int
by_id(const void *a, const void *b)
{
	uint64_t x = (*(const check_attr *const *)a)->idv;
	uint64_t y = (*(const check_attr *const *)b)->idv;
	return (x > y) - (x < y);
}

/* The column of attribute ID id, or SIZE_MAX. */
static size_t
column_of(const check_template *t, uint64_t id)
{
	size_t lo = 0, hi = t->ncolumns;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (t->columns[mid]->idv < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < t->ncolumns && t->columns[lo]->idv == id ? lo : SIZE_MAX;
}

static bool
lay_out(check_ctx *c, check_template *t)
{
	if (t->laid_out)
		return true;
	const check_attrs *attrs = check_template_attrs(c, t);
	if (attrs == NULL)
		return false;
	t->columns = malloc((attrs->count + 1) * sizeof *t->columns);
	if (t->columns == NULL)
		return false;
	for (size_t i = 0; i < attrs->count; i++) {
		const check_attr *a = &attrs->items[i];
		if (a->has_id && a->first_same_id == SIZE_MAX)
			t->columns[t->ncolumns++] = a;
	}
	qsort(t->columns, t->ncolumns, sizeof *t->columns, by_id);

	const mif_stmt *key = mif_block_stmt(t->group, MIF_KW_KEY);
	if (key != NULL && key->form == MIF_F_KEYS && t->ncolumns > 0) {
		const mif_keys *keys = key->v.keys;
		bool *used = calloc(t->ncolumns, sizeof *used);
		t->key_columns = malloc((keys->count + 1) *
		    sizeof *t->key_columns);
		if (used == NULL || t->key_columns == NULL) {
			free(used);
			return false;
		}
		for (uint32_t i = 0; i < keys->count; i++) {
			const mif_number *n = &keys->items[i];
			size_t col = (n->flags & MIF_NEGATIVE) && n->mag != 0 ?
			    SIZE_MAX : column_of(t, n->mag);
			if (col == SIZE_MAX || used[col])
				continue; /* reported with the template */
			used[col] = true;
			t->key_columns[t->nkeys++] = col;
		}
		free(used);
	}
	t->laid_out = true;
	return true;
}

bool
check_template_ready(check_ctx *c, check_template *t)
{
	return lay_out(c, t);
}

/* ---- key values -------------------------------------------------------- */

typedef enum key_kind {
	KEY_INT, KEY_STRING, KEY_OVERLAY, KEY_UNKNOWN, KEY_UNSUPPORTED
} key_kind;

typedef struct key_value {
	key_kind kind;
	bool neg;
	uint64_t mag;
	const mif_string *str;
} key_value;

/* The value at a column of a row, its default filling a gap; false when
 * there is none. */
static bool
key_value_at(const check_template *t, const mif_row *row, size_t col,
    key_value *kv)
{
	const check_attr *a = t->columns[col];
	const mif_stmt *v = col < row->ncells ? &row->cells[col] : NULL;

	if (v == NULL || v->form == MIF_F_NONE)
		v = a->value;
	if (v == NULL)
		return false;
	kv->neg = false;
	kv->mag = 0;
	kv->str = NULL;
	switch (v->form) {
	case MIF_F_INTEGER:
		kv->kind = KEY_INT;
		kv->mag = v->v.u;
		kv->neg = (v->flags & MIF_NEGATIVE) && v->v.u != 0;
		return true;
	case MIF_F_STRING:
		kv->kind = KEY_STRING;
		kv->str = v->v.str;
		if (a->enm != NULL) {
			bool exact;
			const mif_enum_item *it = check_enum_symbol(a->enm,
			    v->v.str, &exact);
			if (it != NULL) {
				kv->kind = KEY_INT;
				kv->str = NULL;
				kv->mag = it->value.mag;
				kv->neg = (it->value.flags & MIF_NEGATIVE) &&
				    it->value.mag != 0;
			}
		}
		return true;
	case MIF_F_OVERLAY:
		kv->kind = KEY_OVERLAY;
		kv->str = v->v.str;
		return true;
	case MIF_F_UNKNOWN:
		kv->kind = KEY_UNKNOWN;
		return true;
	case MIF_F_UNSUPPORTED:
		kv->kind = KEY_UNSUPPORTED;
		return true;
	default:
		return false;
	}
}

/* The hash of a row's key; false when a key value is missing. */
static bool
key_hash(const check_template *t, const mif_row *row, uint64_t *hash)
{
	uint64_t h = 0;
	key_value kv;

	for (size_t k = 0; k < t->nkeys; k++) {
		if (!key_value_at(t, row, t->key_columns[k], &kv))
			return false;
		uint64_t part = kv.str != NULL ? check_hash_ptr(kv.str) :
		    mif_hash_u64(kv.mag ^ ((uint64_t)kv.neg << 63));
		h = mif_hash_u64(h ^ part ^ kv.kind);
	}
	*hash = h;
	return true;
}

static bool
same_key(const void *item, const void *key, const void *arg)
{
	const check_template *t = arg;
	key_value x, y;

	for (size_t k = 0; k < t->nkeys; k++) {
		size_t col = t->key_columns[k];
		if (!key_value_at(t, item, col, &x) ||
		    !key_value_at(t, key, col, &y))
			return false;
		if (x.kind != y.kind || x.neg != y.neg || x.mag != y.mag ||
		    x.str != y.str)
			return false;
	}
	return true;
}

/* ---- tables ------------------------------------------------------------ */

#define TABLE_NAME(c, table, buf) \
	check_block_name((c), (buf), sizeof (buf), (table))

static void
check_row(check_ctx *c, const mif_block *table, const check_template *t,
    const mif_row *row)
{
	char tname[CHECK_QUOTE_MAX], gname[CHECK_QUOTE_MAX];
	char aname[CHECK_QUOTE_MAX];

	if (row->ncells > t->ncolumns &&
	    !check_report(c, MIF_E_TABLE, MIF_ERROR, row->pos, MIF_NOPOS,
	    "row of table %s has %u values, but its template %s has %zu "
	    "attributes", TABLE_NAME(c, table, tname), row->ncells,
	    check_block_name(c, gname, sizeof gname, t->group),
	    t->ncolumns))
		return;
	for (size_t col = 0; col < t->ncolumns && !c->stop; col++) {
		const check_attr *a = t->columns[col];
		const mif_stmt *v = col < row->ncells ? &row->cells[col] : NULL;
		if (v != NULL && v->form != MIF_F_NONE) {
			check_value(c, a, v);
			continue;
		}
		if (a->value != NULL)
			continue;
		uint32_t at = v == NULL ? row->end_pos :
		    v->pos != MIF_NOPOS ? v->pos : row->pos;
		check_report(c, MIF_E_TABLE, MIF_ERROR, at, MIF_NOPOS,
		    "row of table %s has no value for attribute %s, which has "
		    "no default", TABLE_NAME(c, table, tname),
		    check_block_name(c, aname, sizeof aname, a->block));
	}
}

/* Ask for the slot a row's key will probe, so that the cache miss of a
 * large table's set overlaps the checks of the row before. */
static void
prefetch_slot(const check_set *set, uint64_t hash)
{
#if defined(__GNUC__)
	__builtin_prefetch(&set->slots[(size_t)hash & set->mask]);
#else
	(void)set;
	(void)hash;
#endif
}

/* Record a row by its key, and report an earlier row with the same. */
static void
add_row(check_ctx *c, const mif_block *table, const check_template *t,
    check_set *rows, const mif_row *row, uint64_t hash)
{
	char tname[CHECK_QUOTE_MAX];
	bool nomem = false;
	const mif_row *first = check_set_add(rows, hash, row, row,
	    same_key, t, &nomem);

	if (nomem)
		check_nomem(c);
	else if (first != NULL)
		check_report(c, MIF_E_DUP_ROW, MIF_ERROR, row->pos,
		    first->pos, "duplicate row key in table %s (first at line "
		    "%u)", TABLE_NAME(c, table, tname),
		    check_line(c, first->pos));
}

static void
check_rows(check_ctx *c, const mif_block *table, const check_template *t)
{
	check_set rows = { 0 };

	if (t->nkeys > 0 && !check_set_reserve(&rows, table->count)) {
		check_nomem(c);
		return;
	}
	const mif_row *row = table->u.rows;
	uint64_t h = 0;
	bool keyed = row != NULL && t->nkeys > 0 && key_hash(t, row, &h);
	for (; row != NULL && !c->stop; row = row->next) {
		uint64_t next_h = 0;
		bool next_keyed = row->next != NULL && t->nkeys > 0 &&
		    key_hash(t, row->next, &next_h);
		if (next_keyed)
			prefetch_slot(&rows, next_h);
		check_row(c, table, t, row);
		if (keyed && !c->stop)
			add_row(c, table, t, &rows, row, h);
		h = next_h;
		keyed = next_keyed;
	}
	check_set_free(&rows);
}

static void
report_missing(check_ctx *c, const mif_block *table)
{
	char name[CHECK_QUOTE_MAX];

	TABLE_NAME(c, table, name);
	if (mif_block_stmt(table, MIF_KW_NAME) == NULL &&
	    !check_report(c, MIF_E_MISSING, MIF_ERROR, table->pos,
	    MIF_NOPOS, "table has no NAME"))
		return;
	if (mif_block_stmt(table, MIF_KW_ID) == NULL &&
	    !check_report(c, MIF_E_MISSING, MIF_ERROR, table->pos,
	    MIF_NOPOS, "table %s has no ID", name))
		return;
	if (mif_block_stmt(table, MIF_KW_CLASS) == NULL)
		check_report(c, MIF_E_MISSING, MIF_ERROR, table->pos,
		    MIF_NOPOS, "table %s has no CLASS", name);
}

void
check_table(check_ctx *c, const mif_block *table)
{
	char name[CHECK_QUOTE_MAX], cls[CHECK_QUOTE_MAX];
	check_template *t = NULL;
	unsigned seen = 0;

	report_missing(c, table);
	for (uint16_t i = 0; i < table->nstmts && !c->stop; i++) {
		const mif_stmt *s = &table->stmts[i];
		if (s->kw >= 32 || (seen & (1u << s->kw)))
			continue;
		seen |= 1u << s->kw;
		if (s->kw == MIF_KW_ID)
			check_component_id(c, table);
		if (s->kw != MIF_KW_CLASS || s->form != MIF_F_STRING)
			continue;
		t = find_template(c, s->v.str);
		if (t == NULL)
			check_report(c, MIF_E_TABLE, MIF_ERROR, s->pos,
			    MIF_NOPOS, "class %s of table %s names no template",
			    check_quote(cls, sizeof cls, s->v.str),
			    TABLE_NAME(c, table, name));
	}
	if (t == NULL || c->stop)
		return;
	if (!lay_out(c, t)) {
		check_nomem(c);
		return;
	}
	check_rows(c, table, t);
}

/* ---- rows one at a time, outside mif_check() (diff_digest.c) ---------- */

struct mif_row_check {
	check_ctx c;
	check_template t;
};

mif_row_check *
mif_row_check_new(mif_doc *scratch, const mif_block *group)
{
	mif_row_check *rc = calloc(1, sizeof *rc);

	if (rc == NULL)
		return NULL;
	rc->c.doc = scratch;
	rc->c.profile = MIF_PROFILE_DMI;
	rc->c.sms = MIF_SMS_ANY;
	rc->t.group = group;
	rc->t.class_name = mif_block_string(group, MIF_KW_CLASS);
	if (!lay_out(&rc->c, &rc->t)) {
		mif_row_check_free(rc);
		return NULL;
	}
	/* a type known only from what comes later (an enum by name) would
	 * leave its values unchecked here */
	for (size_t i = 0; i < rc->t.attrs.count; i++)
		if (rc->t.attrs.items[i].state != CHECK_TYPE_OK) {
			mif_row_check_free(rc);
			return NULL;
		}
	return rc;
}

bool
mif_row_check_row(mif_row_check *rc, const mif_block *table,
    const mif_row *row)
{
	size_t before = mif_doc_diag_count(rc->c.doc);

	check_row(&rc->c, table, &rc->t, row);
	return !rc->c.stop && mif_doc_diag_count(rc->c.doc) == before;
}

void
mif_row_check_free(mif_row_check *rc)
{
	if (rc == NULL)
		return;
	check_ctx *c = &rc->c;
	for (size_t i = 0; c->enums.slots != NULL && i <= c->enums.mask; i++)
		if (c->enums.slots[i].item != NULL)
			check_enum_free((check_enum *)c->enums.slots[i].item);
	check_set_free(&c->enums);
	check_attrs_free(&rc->t.attrs);
	free(rc->t.columns);
	free(rc->t.key_columns);
	free(rc);
}
