/* The jobs a report has listed: see audit_seen.h. */
#include <stdlib.h>

#include "audit_seen.h"

struct audit_seen_slot {
	uint64_t key, digest;
	uint32_t generation;    /* 0: never used */
};

uint64_t
audit_hash(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * UINT64_C(1099511628211);
	return h;
}

uint64_t
audit_hash_str(uint64_t h, const char *s)
{
	for (;; s++) {
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
		if (*s == '\0')
			return h;
	}
}

static struct audit_seen_slot *
find(const audit_seen *s, uint64_t key)
{
	size_t i = (size_t)(key ^ key >> 32) & s->mask;

	while (s->slots[i].generation == s->generation &&
	    s->slots[i].key != key)
		i = (i + 1) & s->mask;
	return &s->slots[i];
}

static bool
grow(audit_seen *s)
{
	size_t cap = s->slots != NULL ? 2 * (s->mask + 1) : 64;
	audit_seen old = *s;

	s->slots = calloc(cap, sizeof *s->slots);
	if (s->slots == NULL) {
		*s = old;
		return false;
	}
	s->mask = cap - 1;
	s->generation = 1;
	for (size_t i = 0; old.slots != NULL && i <= old.mask; i++)
		if (old.slots[i].generation == old.generation) {
			struct audit_seen_slot *to = find(s, old.slots[i].key);
			*to = old.slots[i];
			to->generation = 1;
		}
	free(old.slots);
	return true;
}

enum audit_seen_answer
audit_seen_add(audit_seen *s, uint64_t key, uint64_t digest)
{
	/* at most half full, so that a search ends soon */
	if ((s->slots == NULL || 2 * (s->used + 1) > s->mask + 1) && !grow(s))
		return AUDIT_SEEN_NOMEM;
	struct audit_seen_slot *slot = find(s, key);
	if (slot->generation == s->generation)
		return slot->digest == digest ? AUDIT_SEEN_SAME : AUDIT_SEEN_OTHER;
	*slot = (struct audit_seen_slot){ key, digest, s->generation };
	s->used++;
	return AUDIT_SEEN_NEW;
}

void
audit_seen_clear(audit_seen *s)
{
	s->used = 0;
	if (++s->generation == 0) {
		/* after 2^32 clears: start over */
		for (size_t i = 0; s->slots != NULL && i <= s->mask; i++)
			s->slots[i].generation = 0;
		s->generation = 1;
	}
}

void
audit_seen_free(audit_seen *s)
{
	free(s->slots);
	s->slots = NULL;
	s->mask = s->used = 0;
}
