/*
 * Groups and tables of a component share one ID space.  (The parser
 * keeps only IDs that are numbers from 0 to 2^32-1.)
 */
#include "meaning/check.h"

static const char *
kind_word(const mif_block *block)
{
	return block->kind == MIF_TABLE ? "table" : "group";
}

static bool
block_has_id(const void *item, const void *key, const void *arg)
{
	uint64_t id;
	(void)arg;
	return mif_block_id(item, &id) && id == *(const uint64_t *)key;
}

bool
check_ids_gather(check_ctx *c, const mif_block *from)
{
	bool nomem = false;
	uint64_t id;

	for (const mif_block *b = from; b != NULL && !nomem; b = b->next)
		if ((b->kind == MIF_GROUP || b->kind == MIF_TABLE) &&
		    mif_block_id(b, &id))
			check_set_add(&c->ids, mif_hash_u64(id), &id, b,
			    block_has_id, NULL, &nomem);
	c->ids_known = !nomem;
	return !nomem;
}

void
check_component_id(check_ctx *c, const mif_block *block)
{
	char name[CHECK_QUOTE_MAX], first_name[CHECK_QUOTE_MAX];
	uint64_t id;
	bool nomem = false;

	if (!mif_block_id(block, &id))
		return;
	const mif_block *first;
	if (c->ids_known) {
		first = check_set_find(&c->ids, mif_hash_u64(id), &id,
		    block_has_id, NULL);
		first = first != block ? first : NULL;
	} else {
		first = check_set_add(&c->ids, mif_hash_u64(id), &id, block,
		    block_has_id, NULL, &nomem);
	}
	if (nomem) {
		check_nomem(c);
		return;
	}
	if (first == NULL)
		return;
	uint32_t at = mif_block_stmt(first, MIF_KW_ID)->pos;
	check_report(c, MIF_E_DUP_ID, MIF_ERROR,
	    mif_block_stmt(block, MIF_KW_ID)->pos, at,
	    "duplicate ID %llu of %s %s, already used by %s %s (first at "
	    "line %u)",
	    (unsigned long long)id, kind_word(block),
	    check_block_name(c, name, sizeof name, block), kind_word(first),
	    check_block_name(c, first_name, sizeof first_name, first),
	    check_line(c, at));
}
