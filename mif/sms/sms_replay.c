/*
 * Replaying a job's despooler instructions under one SMS version: rows
 * found by SMS ID through a hash table, each instruction handled by the
 * version's rules (sms_rules.c).  Linear in the instructions.
 */
#include <stdlib.h>
#include <string.h>

#include "sms/internal.h"

struct mif_sms_replay {
	const mif_sms_version *version;
	mif_sms_row *rows;
	size_t nrows;
	size_t *slots;  /* row index + 1; 0 is empty */
	size_t mask;
};

static uint64_t
hash_id(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

static size_t
slot_of(const mif_sms_replay *r, const char *sms_id)
{
	size_t i = (size_t)hash_id(sms_id) & r->mask;
	while (r->slots[i] != 0 && strcmp(r->rows[r->slots[i] - 1].sms_id, sms_id) != 0)
		i = (i + 1) & r->mask;
	return i;
}

mif_sms_replay *
mif_sms_replay_new(const mif_sms_version *version, const char *const *targets,
    size_t ntargets)
{
	mif_sms_replay *r = calloc(1, sizeof *r);
	if (r == NULL)
		return NULL;
	size_t cap = 16;
	while (cap < ntargets * 2)
		cap *= 2;
	r->version = version;
	r->rows = calloc(ntargets > 0 ? ntargets : 1, sizeof *r->rows);
	r->slots = calloc(cap, sizeof *r->slots);
	r->mask = cap - 1;
	if (r->rows == NULL || r->slots == NULL) {
		mif_sms_replay_free(r);
		return NULL;
	}
	for (size_t i = 0; i < ntargets; i++) {
		size_t s = slot_of(r, targets[i]);
		if (r->slots[s] != 0)
			continue; /* a target named twice has one row */
		r->rows[r->nrows] = (mif_sms_row){ .sms_id = targets[i],
		    .status = MIF_SMS_NONE, .result = -1 };
		r->slots[s] = ++r->nrows;
	}
	return r;
}

void
mif_sms_replay_free(mif_sms_replay *r)
{
	if (r == NULL)
		return;
	free(r->rows);
	free(r->slots);
	free(r);
}

static mif_sms_row *
find(const mif_sms_replay *r, const char *sms_id)
{
	size_t s = slot_of(r, sms_id);
	return r->slots[s] != 0 ? &r->rows[r->slots[s] - 1] : NULL;
}

bool
mif_sms_replay_set(mif_sms_replay *r, const mif_sms_row *row)
{
	mif_sms_row *x = find(r, row->sms_id);
	if (x == NULL)
		return false;
	const char *id = x->sms_id;
	*x = *row;
	x->sms_id = id;
	return true;
}

mif_sms_effect
mif_sms_replay_step(mif_sms_replay *r, const mif_sms_event *e)
{
	mif_sms_effect fx = { SIZE_MAX, MIF_SMS_NONE, MIF_SMS_NONE, false, false };
	mif_sms_row *row = find(r, e->sms_id);

	if (row == NULL)
		return fx;
	fx.row = (size_t)(row - r->rows);
	fx.before = fx.after = row->status;
	if (e->ignored) {
		row->ignored++;
		return fx;
	}
	row->expiries += e->instruction == MIF_SMS_EXPIRED;
	fx.after = mif_sms_apply(r->version, row->status, e->instruction,
	    e->description, &fx.created, &fx.loaded);
	/* what the client reported is the truth, whatever the site loaded */
	if (e->instruction != MIF_SMS_EXPIRED)
		row->result = (int)e->instruction;
	if (fx.loaded) {
		row->status = fx.after;
		row->reported = true;
		row->time = e->time;
		row->instruction = e->instruction;
		row->description = e->description;
		row->by_expiry = e->instruction == MIF_SMS_EXPIRED;
	}
	return fx;
}

const mif_sms_row *
mif_sms_replay_rows(const mif_sms_replay *r, size_t *count)
{
	*count = r->nrows;
	return r->rows;
}

const mif_sms_row *
mif_sms_replay_row(const mif_sms_replay *r, const char *sms_id)
{
	return find(r, sms_id);
}
