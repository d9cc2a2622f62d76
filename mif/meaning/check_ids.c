/*
 * Groups and tables of a component share one ID space.  (The parser
 * keeps only IDs that are numbers from 0 to 2^32-1.)
 *
 * The first pass (check.c's remember()) lists every group's and table's
 * ID in source order; sorting the list (stable, by radix) brings each
 * repeated ID together with its first block.  Only those go into a set,
 * so that the walk, in one part or two, looks up nothing for the IDs of
 * a file without duplicates: a hash set of every block's ID took a
 * cache miss or two per block on big files.
 */
#include <stdlib.h>
#include <string.h>

#include "meaning/check.h"

static const char *
kind_word(const mif_block *block)
{
	return block->kind == MIF_TABLE ? "table" : "group";
}

static bool
dup_has_id(const void *item, const void *key, const void *arg)
{
	uint64_t id;
	(void)arg;
	return mif_block_id(item, &id) && id == *(const uint64_t *)key;
}

bool
check_ids_note(check_ctx *c, const mif_block *block, uint64_t id)
{
	if (c->nid_list == c->id_list_cap && !mif_vec_reserve(
	    (void **)&c->id_list, &c->id_list_cap, c->nid_list,
	    sizeof *c->id_list))
		return false;
	c->id_list[c->nid_list++] = (check_id_entry){ id, block };
	return true;
}

/* Sort by ID, keeping source order among equal IDs: one counting pass
 * per byte that is not the same in every ID (three for IDs below 2^24). */
static bool
sort_by_id(check_id_entry *list, size_t n)
{
	size_t count[8][256] = { { 0 } };
	check_id_entry *tmp = malloc(n * sizeof *tmp);

	if (tmp == NULL)
		return false;
	for (size_t i = 0; i < n; i++)
		for (unsigned b = 0; b < 8; b++)
			count[b][(list[i].id >> (8 * b)) & 0xFF]++;
	check_id_entry *from = list, *to = tmp;
	for (unsigned b = 0; b < 8; b++) {
		if (count[b][(list[0].id >> (8 * b)) & 0xFF] == n)
			continue; /* this byte is the same in every ID */
		size_t at = 0;
		for (unsigned v = 0; v < 256; v++) {
			size_t k = count[b][v];
			count[b][v] = at;
			at += k;
		}
		for (size_t i = 0; i < n; i++)
			to[count[b][(from[i].id >> (8 * b)) & 0xFF]++] = from[i];
		check_id_entry *t = from;
		from = to;
		to = t;
	}
	if (from != list)
		memcpy(list, from, n * sizeof *list);
	free(tmp);
	return true;
}

bool
check_ids_ready(check_ctx *c)
{
	bool nomem = false;
	check_id_entry *list = c->id_list;
	size_t n = c->nid_list;

	if (n > 1 && !sort_by_id(list, n))
		nomem = true;
	for (size_t i = 0; i + 1 < n && !nomem; i++) {
		if (list[i + 1].id != list[i].id)
			continue;
		check_set_add(&c->dup_ids, mif_hash_u64(list[i].id), &list[i].id,
		    list[i].block, dup_has_id, NULL, &nomem);
		while (i + 1 < n && list[i + 1].id == list[i].id)
			i++;
	}
	free(c->id_list);
	c->id_list = NULL;
	c->nid_list = c->id_list_cap = 0;
	return !nomem;
}

void
check_component_id(check_ctx *c, const mif_block *block)
{
	char name[CHECK_QUOTE_MAX], first_name[CHECK_QUOTE_MAX];
	uint64_t id;

	if (c->dup_ids.count == 0 || !mif_block_id(block, &id))
		return;
	const mif_block *first = check_set_find(&c->dup_ids, mif_hash_u64(id),
	    &id, dup_has_id, NULL);
	if (first == NULL || first == block)
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
