/*
 * Enumerations, named (component level) and inline (in a TYPE): an index
 * of their symbols for value checks, and their own problems.  Decisions:
 * an enum's TYPE must be an integer type (INTEGER when absent); a symbol
 * or value given twice is a warning (the first one counts); symbols
 * match exactly, and a match that needs case folding is a warning.
 */
#include <pthread.h>
#include <stdlib.h>

#include "meaning/check.h"

static bool
enum_has_block(const void *item, const void *key, const void *arg)
{
	(void)arg;
	return ((const check_enum *)item)->block == key;
}

bool
check_enum_has_name(const void *item, const void *key, const void *arg)
{
	(void)arg;
	return mif_block_string(item, MIF_KW_NAME) == key;
}

bool
check_enum_has_folded_name(const void *item, const void *key,
    const void *arg)
{
	const mif_string *name = mif_block_string(item, MIF_KW_NAME);
	(void)arg;
	return name != NULL && check_same_folded(name, key);
}

static bool
item_has_symbol(const void *item, const void *key, const void *arg)
{
	(void)arg;
	return ((const mif_enum_item *)item)->symbol == key;
}

static bool
item_has_folded_symbol(const void *item, const void *key, const void *arg)
{
	const mif_enum_item *it = item;
	(void)arg;
	return check_same_folded(it->symbol, key);
}

static bool
same_number(const mif_number *a, const mif_number *b)
{
	bool na = (a->flags & MIF_NEGATIVE) && a->mag != 0;
	bool nb = (b->flags & MIF_NEGATIVE) && b->mag != 0;
	return a->mag == b->mag && na == nb;
}

static bool
item_has_value(const void *item, const void *key, const void *arg)
{
	(void)arg;
	return same_number(&((const mif_enum_item *)item)->value, key);
}

static uint64_t
number_hash(const mif_number *n)
{
	bool neg = (n->flags & MIF_NEGATIVE) && n->mag != 0;
	return mif_hash_u64(n->mag ^ (neg ? 0x9e3779b97f4a7c15ULL : 0));
}

void
check_enum_free(check_enum *e)
{
	check_set_free(&e->symbols);
	check_set_free(&e->folded);
	free(e);
}

static check_enum *
build(const mif_block *block, bool *nomem)
{
	check_enum *e = calloc(1, sizeof *e);
	if (e == NULL) {
		*nomem = true;
		return NULL;
	}
	e->block = block;
	e->base = MIF_T_INTEGER;
	e->base_ok = true;
	const mif_stmt *t = mif_block_stmt(block, MIF_KW_TYPE);
	if (t != NULL) {
		e->base_ok = t->form == MIF_F_TYPE &&
		    check_is_integer_type((mif_type_kind)t->sub);
		if (e->base_ok)
			e->base = (mif_type_kind)t->sub;
	}
	for (uint32_t i = 0; i < block->count && !*nomem; i++) {
		const mif_enum_item *it = &block->u.items[i];
		if (it->symbol == NULL)
			continue;
		check_set_add(&e->symbols, check_hash_ptr(it->symbol),
		    it->symbol, it, item_has_symbol, NULL, nomem);
		check_set_add(&e->folded, check_hash_folded(it->symbol),
		    it->symbol, it, item_has_folded_symbol, NULL, nomem);
	}
	if (*nomem) {
		check_enum_free(e);
		return NULL;
	}
	return e;
}

/* The index of block in the set of indexes `enums`; NULL when out of
 * memory. */
static check_enum *
enum_in(check_set *enums, const mif_block *block)
{
	uint64_t h = check_hash_ptr(block);
	check_enum *e = (check_enum *)check_set_find(enums, h, block,
	    enum_has_block, NULL);
	if (e != NULL)
		return e;
	bool nomem = false;
	e = build(block, &nomem);
	if (e != NULL)
		check_set_add(enums, h, block, e, enum_has_block, NULL,
		    &nomem);
	if (nomem) {
		if (e != NULL)
			check_enum_free(e);
		return NULL;
	}
	return e;
}

check_enum *
check_enum_of(check_ctx *c, const mif_block *block)
{
	/* the two parts of a split walk share the first part's indexes */
	check_ctx *owner = c->owner != NULL ? c->owner : c;
	check_enum *e;

	if (owner->enums_lock != NULL) {
		pthread_mutex_lock(owner->enums_lock);
		e = enum_in(&owner->enums, block);
		pthread_mutex_unlock(owner->enums_lock);
	} else {
		e = enum_in(&c->enums, block);
	}
	if (e == NULL)
		check_nomem(c);
	return e;
}

const mif_enum_item *
check_enum_symbol(const check_enum *e, const mif_string *symbol,
    bool *exact)
{
	const mif_enum_item *it = check_set_find(&e->symbols,
	    check_hash_ptr(symbol), symbol, item_has_symbol, NULL);
	*exact = it != NULL;
	if (it == NULL)
		it = check_set_find(&e->folded,
		    check_hash_folded(symbol), symbol,
		    item_has_folded_symbol, NULL);
	return it;
}

/* Its NAME, and whether an earlier enum has it too. */
static void
check_enum_name(check_ctx *c, const mif_block *block)
{
	char name[CHECK_QUOTE_MAX];
	const mif_string *s = mif_block_string(block, MIF_KW_NAME);

	if (s == NULL) {
		check_report(c, MIF_E_MISSING, MIF_ERROR, block->pos,
		    MIF_NOPOS, "enum has no NAME");
		return;
	}
	const mif_block *first = check_set_find(&c->enum_names,
	    check_hash_ptr(s), s, check_enum_has_name, NULL);
	if (first == NULL || first == block)
		return;
	uint32_t at = mif_block_stmt(first, MIF_KW_NAME)->pos;
	check_report_rule(c, MIF_RULE_ENUM_TWICE, MIF_WARNING,
	    mif_block_stmt(block, MIF_KW_NAME)->pos, at,
	    "enum %s is defined twice (first at line %u)",
	    check_quote(name, sizeof name, s), check_line(c, at));
}

/* An item's value against the enum's type. */
static void
check_item_range(check_ctx *c, const check_enum *e, const mif_enum_item *it,
    const char *name, const char *num)
{
	switch (check_int_range(e->base, it->value.mag, it->value.flags)) {
	case CHECK_NEGATIVE:
		check_report(c, MIF_E_RANGE, MIF_ERROR, it->pos, MIF_NOPOS,
		    "value %s of enum %s is negative, but its type is %s", num,
		    name, mif_type_name(e->base));
		break;
	case CHECK_TOO_BIG:
		check_report(c, MIF_E_RANGE, MIF_ERROR, it->pos, MIF_NOPOS,
		    "value %s of enum %s is out of range for %s (%s)", num,
		    name, mif_type_name(e->base),
		    check_range_text(e->base));
		break;
	case CHECK_IN_RANGE:
		break;
	}
}

static void
check_items(check_ctx *c, const mif_block *block, const check_enum *e)
{
	char name[CHECK_QUOTE_MAX], num[32], sym[CHECK_QUOTE_MAX];
	check_set values = { 0 };
	bool nomem = false;

	check_block_name(c, name, sizeof name, block);
	for (uint32_t i = 0; i < block->count && !c->stop; i++) {
		const mif_enum_item *it = &block->u.items[i];
		const mif_number *v = &it->value;
		check_number_text(num, sizeof num, v->mag, v->flags);
		check_item_range(c, e, it, name, num);
		const mif_enum_item *first = check_set_add(&values,
		    number_hash(v), v, it, item_has_value, NULL, &nomem);
		if (nomem) {
			check_nomem(c);
			break;
		}
		if (first != NULL)
			check_report_rule(c, MIF_RULE_ENUM_VALUE_TWICE, MIF_WARNING, it->pos,
			    first->pos, "enum %s gives value %s twice (first "
			    "at line %u)", name, num,
			    check_line(c, first->pos));
		if (it->symbol == NULL)
			continue;
		first = check_set_find(&e->symbols,
		    check_hash_ptr(it->symbol), it->symbol, item_has_symbol,
		    NULL);
		if (first != NULL && first != it)
			check_report_rule(c, MIF_RULE_ENUM_SYMBOL_TWICE, MIF_WARNING, it->pos,
			    first->pos, "enum %s gives symbol %s twice (first "
			    "at line %u)", name,
			    check_quote(sym, sizeof sym, it->symbol),
			    check_line(c, first->pos));
	}
	check_set_free(&values);
}

void
check_enum_block(check_ctx *c, const mif_block *block, bool named)
{
	char name[CHECK_QUOTE_MAX], type[40];
	const check_enum *e = check_enum_of(c, block);

	if (e == NULL)
		return;
	if (named)
		check_enum_name(c, block);
	if (!e->base_ok && !c->stop) {
		const mif_stmt *t = mif_block_stmt(block, MIF_KW_TYPE);
		check_type_text(type, sizeof type, (mif_type_kind)t->sub,
		    t->v.u);
		check_report(c, MIF_E_TYPE, MIF_ERROR, t->pos, MIF_NOPOS,
		    "enum %s has type %s, but an enum's type must be an "
		    "integer type",
		    check_block_name(c, name, sizeof name, block), type);
	}
	check_items(c, block, e);
}
