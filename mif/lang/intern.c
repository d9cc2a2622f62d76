/*
 * Interned strings: one copy of each distinct string per document.  Real
 * MIFs repeat the same names, descriptions and classes in every group,
 * so interning saves memory and makes string equality a pointer test.
 */
#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"

/* A table of ncap slots (a power of two) holding what t holds. */
static bool
grow_to(mif_interner *t, size_t ncap)
{
	mif_intern_slot *slots = mif_table_alloc(ncap, sizeof *slots);

	if (slots == NULL)
		return false;
	for (size_t i = 0; t->slots != NULL && i <= t->mask; i++) {
		if (t->slots[i].index == 0)
			continue;
		size_t j = t->slots[i].hash & (ncap - 1);
		while (slots[j].index != 0)
			j = (j + 1) & (ncap - 1);
		slots[j] = t->slots[i];
	}
	free(t->slots);
	t->slots = slots;
	t->mask = ncap - 1;
	return true;
}

static bool
grow(mif_interner *t)
{
	return grow_to(t, t->slots == NULL ? 64 : (t->mask + 1) * 2);
}

bool
mif_intern_reserve(mif_doc *doc, size_t n)
{
	mif_interner *t = &doc->strings;
	size_t ncap = t->slots == NULL ? 64 : t->mask + 1;

	if (n >= UINT32_MAX - 1)
		return false;
	while ((n + 1) * 4 > ncap * 3)
		ncap *= 2;
	/* the list of strings grows by doubling, as cheaply as it would */
	return (t->slots != NULL && ncap <= t->mask + 1) || grow_to(t, ncap);
}

/* Room for one more string; false when out of memory. */
static bool
room(mif_interner *t)
{
	if (t->count >= UINT32_MAX - 1)
		return false;
	if (t->slots == NULL || (t->count + 1) * 4 > (t->mask + 1) * 3) {
		if (!grow(t))
			return false;
	}
	return t->count < t->cap || mif_vec_reserve((void **)&t->strings,
	    &t->cap, t->count, sizeof *t->strings);
}

/* The slot of the string of these bytes, or the empty one it would take. */
static size_t
slot_of(const mif_interner *t, uint32_t h, const char *bytes, size_t len)
{
	size_t i = h & t->mask;

	for (; t->slots[i].index != 0; i = (i + 1) & t->mask) {
		if (t->slots[i].hash != h)
			continue;
		const mif_string *s = t->strings[t->slots[i].index - 1];
		if (s->len == len && memcmp(s->bytes, bytes, len) == 0)
			break;
	}
	return i;
}

const mif_string *
mif_intern(mif_doc *doc, const char *bytes, size_t len)
{
	mif_interner *t = &doc->strings;

	if (len > UINT32_MAX - 16 || !room(t))
		return NULL;
	uint32_t h = (uint32_t)mif_hash_bytes(bytes, len);
	size_t i = slot_of(t, h, bytes, len);
	if (t->slots[i].index != 0)
		return t->strings[t->slots[i].index - 1];
	mif_string *s = mif_arena_alloc(&doc->arena, sizeof *s + len + 1);
	if (s == NULL)
		return NULL;
	s->len = (uint32_t)len;
	s->hash = h;
	if (len > 0)
		memcpy(s->bytes, bytes, len);
	s->bytes[len] = '\0';
	t->strings[t->count++] = s;
	t->slots[i] = (mif_intern_slot){ h, (uint32_t)t->count };
	return s;
}

const mif_string *
mif_intern_adopt(mif_doc *doc, const mif_string *s)
{
	mif_interner *t = &doc->strings;

	if (!room(t))
		return NULL;
	size_t i = slot_of(t, s->hash, s->bytes, s->len);
	if (t->slots[i].index != 0)
		return t->strings[t->slots[i].index - 1];
	t->strings[t->count++] = s;
	t->slots[i] = (mif_intern_slot){ s->hash, (uint32_t)t->count };
	return s;
}

/* How far ahead of the adoption the strings and their slots are fetched
 * into the cache: a table of a big file's strings is far larger than it,
 * and each adoption waits for a string's hash, then for its slot. */
#define ADOPT_AHEAD 16

bool
mif_intern_adopt_all(mif_doc *doc, const mif_string **list, size_t n,
    const mif_string **out)
{
	mif_interner *t = &doc->strings;

	for (size_t i = 0; i < n; i++) {
		if (i + ADOPT_AHEAD < n)
			__builtin_prefetch(list[i + ADOPT_AHEAD]);
		if (i + ADOPT_AHEAD / 2 < n && t->slots != NULL)
			__builtin_prefetch(&t->slots[list[i + ADOPT_AHEAD / 2]->hash &
			    t->mask]);
		const mif_string *had = mif_intern_adopt(doc, list[i]);
		if (had == NULL)
			return false;
		out[i] = had;
	}
	return true;
}

/* Empty slot i, moving back the entries after it that probed past it,
 * so that every lookup still finds them (no tombstones). */
static void
remove_slot(mif_interner *t, size_t i)
{
	for (size_t j = i;;) {
		j = (j + 1) & t->mask;
		if (t->slots[j].index == 0)
			break;
		size_t home = t->slots[j].hash & t->mask;
		/* the entry at j may stay when its home lies in (i, j] */
		bool stays = i <= j ? i < home && home <= j : i < home || home <= j;
		if (stays)
			continue;
		t->slots[i] = t->slots[j];
		i = j;
	}
	t->slots[i] = (mif_intern_slot){ 0, 0 };
}

void
mif_intern_forget(mif_interner *t, size_t count)
{
	for (; t->count > count; t->count--) {
		const mif_string *s = t->strings[t->count - 1];
		size_t i = s->hash & t->mask;
		while (t->slots[i].index != t->count)
			i = (i + 1) & t->mask;
		remove_slot(t, i);
	}
}
