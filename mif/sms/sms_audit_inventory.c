/*
 * An audit's inventory: the package status NOIDMIFs (mif-jobs(5))
 * collected from the clients, held as a compact map
 * SMS ID -> package ID -> status and time; nothing of the documents is
 * kept.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sms/internal.h"

#define NONE SIZE_MAX

/* One package a client's NOIDMIFs record. */
typedef struct entry {
	size_t package;          /* offset in the string pool */
	size_t next;             /* the client's next entry, or NONE */
	int64_t time;
	mif_sms_status status;
} entry;

typedef struct client {
	size_t name;             /* offset in the string pool */
	size_t first;            /* its first entry, or NONE */
} client;

struct mif_audit_inventory {
	char *pool;              /* NUL-terminated strings */
	size_t pool_len, pool_cap;
	client *clients;
	size_t nclients, clients_cap;
	entry *entries;
	size_t nentries, entries_cap;
	size_t *slots;           /* client index + 1; 0 is empty */
	size_t mask;
};

/* ---- ASCII case, whatever the locale ---- */

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static bool
same_ignoring_case(const char *a, const char *b)
{
	for (; *a != '\0' && lower((unsigned char)*a) == lower((unsigned char)*b);
	    a++, b++)
		;
	return *a == '\0' && *b == '\0';
}

static uint64_t
hash_ignoring_case(const char *s)
{
	uint64_t h = 1469598103934665603u;

	for (; *s != '\0'; s++)
		h = (h ^ (uint64_t)lower((unsigned char)*s)) * 1099511628211u;
	return h;
}

/* ---- the map ---- */

/* Grow an array to hold one more; false when out of memory. */
static bool
reserve(void **array, size_t *cap, size_t count, size_t size)
{
	if (count < *cap)
		return true;
	size_t n = *cap > 0 ? *cap * 2 : 64;
	void *p = realloc(*array, n * size);
	if (p == NULL)
		return false;
	*array = p;
	*cap = n;
	return true;
}

static bool
pool_add(mif_audit_inventory *inv, const char *s, size_t *offset)
{
	size_t n = strlen(s) + 1;

	while (inv->pool_len + n > inv->pool_cap) {
		size_t cap = inv->pool_cap > 0 ? inv->pool_cap * 2 : 4096;
		char *p = realloc(inv->pool, cap);
		if (p == NULL)
			return false;
		inv->pool = p;
		inv->pool_cap = cap;
	}
	memcpy(inv->pool + inv->pool_len, s, n);
	*offset = inv->pool_len;
	inv->pool_len += n;
	return true;
}

static size_t
slot_of(const mif_audit_inventory *inv, const char *sms_id)
{
	size_t i = (size_t)hash_ignoring_case(sms_id) & inv->mask;

	while (inv->slots[i] != 0 && !same_ignoring_case(
	    inv->pool + inv->clients[inv->slots[i] - 1].name, sms_id))
		i = (i + 1) & inv->mask;
	return i;
}

static bool
rehash(mif_audit_inventory *inv)
{
	size_t cap = inv->slots != NULL ? (inv->mask + 1) * 2 : 256;
	size_t *old = inv->slots;

	inv->slots = calloc(cap, sizeof *inv->slots);
	if (inv->slots == NULL) {
		inv->slots = old;
		return false;
	}
	inv->mask = cap - 1;
	free(old);
	for (size_t c = 0; c < inv->nclients; c++)
		inv->slots[slot_of(inv, inv->pool + inv->clients[c].name)] = c + 1;
	return true;
}

/* The client's index, added when new; NONE when out of memory. */
static size_t
client_of(mif_audit_inventory *inv, const char *sms_id)
{
	if (inv->slots == NULL || (inv->nclients + 1) * 2 > inv->mask + 1)
		if (!rehash(inv))
			return NONE;
	size_t s = slot_of(inv, sms_id);
	if (inv->slots[s] != 0)
		return inv->slots[s] - 1;
	client c = { 0, NONE };
	if (!reserve((void **)&inv->clients, &inv->clients_cap, inv->nclients,
	    sizeof *inv->clients) || !pool_add(inv, sms_id, &c.name))
		return NONE;
	inv->clients[inv->nclients] = c;
	inv->slots[s] = ++inv->nclients;
	return inv->nclients - 1;
}

/* Record a package's status for a client: a later time replaces an
 * earlier one. */
static bool
record(mif_audit_inventory *inv, size_t c, const char *package,
    mif_sms_status status, int64_t time)
{
	for (size_t e = inv->clients[c].first; e != NONE; e = inv->entries[e].next) {
		entry *x = &inv->entries[e];
		if (same_ignoring_case(inv->pool + x->package, package)) {
			if (time > x->time) {
				x->time = time;
				x->status = status;
			}
			return true;
		}
	}
	entry x = { 0, inv->clients[c].first, time, status };
	if (!reserve((void **)&inv->entries, &inv->entries_cap, inv->nentries,
	    sizeof *inv->entries) || !pool_add(inv, package, &x.package))
		return false;
	inv->entries[inv->nentries] = x;
	inv->clients[c].first = inv->nentries++;
	return true;
}

mif_audit_inv
mif_audit_inventory_lookup(const mif_audit_inventory *inv, const char *sms_id,
    const char *package_id)
{
	mif_audit_inv answer = { false, MIF_SMS_NONE };
	size_t s = inv->slots != NULL ? slot_of(inv, sms_id) : 0;

	if (inv->slots == NULL || inv->slots[s] == 0)
		return answer;
	answer.known = true;
	for (size_t e = inv->clients[inv->slots[s] - 1].first; e != NONE;
	    e = inv->entries[e].next)
		if (same_ignoring_case(inv->pool + inv->entries[e].package,
		    package_id))
			answer.status = inv->entries[e].status;
	return answer;
}

void
mif_audit_inventory_free(mif_audit_inventory *inv)
{
	if (inv == NULL)
		return;
	free(inv->pool);
	free(inv->clients);
	free(inv->entries);
	free(inv->slots);
	free(inv);
}

mif_audit_inventory *
mif_audit_inventory_new(void)
{
	return calloc(1, sizeof(mif_audit_inventory));
}

bool
mif_audit_inventory_add(mif_audit_inventory *inv, const char *sms_id,
    const mif_doc *doc, mif_error *err)
{
	/* a client is known once one of its NOIDMIFs is read */
	size_t c = client_of(inv, sms_id);
	bool ok = c != NONE;
	const mif_block *comp = mif_doc_component(doc);
	for (const mif_block *g = comp != NULL ? comp->u.children : NULL;
	    g != NULL && ok; g = g->next) {
		const mif_string *cls = mif_block_string(g, MIF_KW_CLASS);
		if (g->kind != MIF_GROUP || cls == NULL ||
		    !same_ignoring_case(cls->bytes, MIF_SMS_PACKAGE_CLASS))
			continue;
		for (const mif_block *a = g->u.children; a != NULL && ok;
		    a = a->next) {
			const mif_string *name = mif_block_string(a, MIF_KW_NAME);
			mif_sms_status st;
			int64_t t;
			/* a name with a NUL inside names no package */
			if (a->kind == MIF_ATTRIBUTE && name != NULL &&
			    strlen(name->bytes) == name->len &&
			    mif_sms_noidmif_lookup(doc, name->bytes, &st, &t) &&
			    (st == MIF_SMS_COMPLETE || st == MIF_SMS_FAILED))
				ok = record(inv, c, name->bytes, st, t);
		}
		break; /* the first such group, as the lookup reads it */
	}
	if (!ok)
		mif_error_set(err, MIF_E_NOMEM, "", "out of memory for the "
		    "inventory");
	return ok;
}
