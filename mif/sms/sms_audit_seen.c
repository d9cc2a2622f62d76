/* The jobs a report has listed: see sms_audit_seen.h. */
#include <stdlib.h>

#include "sms/sms_audit_seen.h"

struct mif_audit_seen_slot {
	uint64_t key, digest;
	uint32_t generation;    /* 0: never used */
};

uint64_t
mif_audit_hash(uint64_t h, const void *data, size_t n)
{
	const unsigned char *p = data;

	for (size_t i = 0; i < n; i++)
		h = (h ^ p[i]) * UINT64_C(1099511628211);
	return h;
}

uint64_t
mif_audit_hash_str(uint64_t h, const char *s)
{
	for (;; s++) {
		h = (h ^ (unsigned char)*s) * UINT64_C(1099511628211);
		if (*s == '\0')
			return h;
	}
}

static struct mif_audit_seen_slot *
find(const mif_audit_seen *s, uint64_t key)
{
	size_t i = (size_t)(key ^ key >> 32) & s->mask;

	while (s->slots[i].generation == s->generation &&
	    s->slots[i].key != key)
		i = (i + 1) & s->mask;
	return &s->slots[i];
}

static bool
grow(mif_audit_seen *s)
{
	size_t cap = s->slots != NULL ? 2 * (s->mask + 1) : 64;
	mif_audit_seen old = *s;

	s->slots = calloc(cap, sizeof *s->slots);
	if (s->slots == NULL) {
		*s = old;
		return false;
	}
	s->mask = cap - 1;
	s->generation = 1;
	for (size_t i = 0; old.slots != NULL && i <= old.mask; i++)
		if (old.slots[i].generation == old.generation) {
			struct mif_audit_seen_slot *to = find(s, old.slots[i].key);
			*to = old.slots[i];
			to->generation = 1;
		}
	free(old.slots);
	return true;
}

enum mif_audit_seen_answer
mif_audit_seen_add(mif_audit_seen *s, uint64_t key, uint64_t digest)
{
	/* at most half full, so that a search ends soon */
	if ((s->slots == NULL || 2 * (s->used + 1) > s->mask + 1) && !grow(s))
		return MIF_AUDIT_SEEN_NOMEM;
	struct mif_audit_seen_slot *slot = find(s, key);
	if (slot->generation == s->generation)
		return slot->digest == digest ? MIF_AUDIT_SEEN_SAME : MIF_AUDIT_SEEN_OTHER;
	*slot = (struct mif_audit_seen_slot){ key, digest, s->generation };
	s->used++;
	return MIF_AUDIT_SEEN_NEW;
}

void
mif_audit_seen_clear(mif_audit_seen *s)
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
mif_audit_seen_free(mif_audit_seen *s)
{
	free(s->slots);
	s->slots = NULL;
	s->mask = s->used = 0;
}
