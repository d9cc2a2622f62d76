/* The validator's hash set: open addressing, linear probing, kept at
 * most half full so that lookups stay short. */
#include <stdlib.h>

#include "meaning/check.h"

void
check_set_free(check_set *set)
{
	free(set->slots);
	set->slots = NULL;
	set->mask = 0;
	set->count = 0;
}

/* Move to a table of ncap slots (a power of two). */
static bool
resize(check_set *set, size_t ncap)
{
	if (ncap > SIZE_MAX / sizeof(check_slot))
		return false;
	check_slot *slots = mif_table_alloc(ncap, sizeof *slots);
	if (slots == NULL)
		return false;
	size_t nmask = ncap - 1;
	if (set->slots != NULL) {
		for (size_t i = 0; i <= set->mask; i++) {
			const check_slot *s = &set->slots[i];
			if (s->item == NULL)
				continue;
			size_t j = (size_t)s->hash & nmask;
			while (slots[j].item != NULL)
				j = (j + 1) & nmask;
			slots[j] = *s;
		}
	}
	free(set->slots);
	set->slots = slots;
	set->mask = nmask;
	return true;
}

bool
check_set_reserve(check_set *set, size_t n)
{
	size_t cap = 16;

	while (cap / 2 < n) {
		if (cap > SIZE_MAX / 4)
			return false;
		cap *= 2;
	}
	return set->slots != NULL && set->mask + 1 >= cap ? true :
	    resize(set, cap);
}

const void *
check_set_find(const check_set *set, uint64_t hash, const void *key,
    check_eq_fn *eq, const void *arg)
{
	if (set->slots == NULL)
		return NULL;
	for (size_t i = (size_t)hash & set->mask;; i = (i + 1) & set->mask) {
		const check_slot *s = &set->slots[i];
		if (s->item == NULL)
			return NULL;
		if (s->hash == hash && eq(s->item, key, arg))
			return s->item;
	}
}

const void *
check_set_add(check_set *set, uint64_t hash, const void *key,
    const void *item, check_eq_fn *eq, const void *arg, bool *nomem)
{
	const void *old = check_set_find(set, hash, key, eq, arg);
	if (old != NULL)
		return old;
	if ((set->count + 1) * 2 > (set->slots == NULL ? 0 : set->mask + 1) &&
	    !resize(set, set->slots == NULL ? 16 : (set->mask + 1) * 2)) {
		*nomem = true;
		return NULL;
	}
	size_t i = (size_t)hash & set->mask;
	while (set->slots[i].item != NULL)
		i = (i + 1) & set->mask;
	set->slots[i].hash = hash;
	set->slots[i].item = item;
	set->count++;
	return NULL;
}

/* Keyed (hash.c): a crafted file cannot choose which of its names,
 * IDs or key values share a slot. */
uint64_t
check_hash_ptr(const void *p)
{
	return mif_hash_u64((uint64_t)(uintptr_t)p);
}

uint64_t
check_hash_folded(const mif_string *s)
{
	return mif_hash_bytes_folded(s->bytes, s->len);
}

bool
check_same_item(const void *item, const void *key, const void *arg)
{
	(void)arg;
	return item == key;
}

bool
check_same_folded(const mif_string *x, const mif_string *y)
{
	if (x->len != y->len)
		return false;
	for (uint32_t i = 0; i < x->len; i++) {
		unsigned char a = (unsigned char)x->bytes[i];
		unsigned char b = (unsigned char)y->bytes[i];
		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b - 'A' + 'a');
		if (a != b)
			return false;
	}
	return true;
}
