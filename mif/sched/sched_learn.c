/*
 * When the client can learn each advertisement (mif-sched(1),
 * Learning): from its Available Time, and from the first offer event of
 * the timeline that names it; the ODP run after both learns it.  Made
 * once for a simulation, so that a pass learns in order, each
 * advertisement once, without searching.
 */
#include <stdlib.h>
#include <string.h>

#include "sched/internal.h"

static bool
key_before(const mif_sched_learn_key *a, const mif_sched_learn_key *b)
{
	return a->time < b->time || (a->time == b->time && a->seq < b->seq);
}

/* An advertisement as the sorts see it. */
typedef struct item {
	size_t advert;
	size_t program;
	mif_sched_learn_key key;
	const char *id;
} item;

static int
by_program_key(const void *x, const void *y)
{
	const item *a = x, *b = y;

	if (a->program != b->program)
		return a->program < b->program ? -1 : 1;
	if (key_before(&a->key, &b->key))
		return -1;
	if (key_before(&b->key, &a->key))
		return 1;
	return (a->advert > b->advert) - (a->advert < b->advert);
}

static int
by_id(const void *x, const void *y)
{
	return strcmp(((const item *)x)->id, ((const item *)y)->id);
}

/* The offers of the timeline: each advertisement's key moves to its
 * first offer, if that is later than its Available Time.  An offer of
 * an advertisement that is not there is an error. */
static bool
apply_offers(mif_sched_learning *l, item *items, size_t na,
    const mif_sched_event *events, size_t nevents, mif_error *err)
{
	bool *offered = calloc(na + 1, sizeof *offered);

	if (offered == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return false;
	}
	qsort(items, na, sizeof *items, by_id);
	for (size_t i = 0; i < nevents; i++) {
		if (events[i].kind != MIF_SCHED_OFFER || events[i].name == NULL)
			continue;
		item probe = { .id = events[i].name };
		const item *found = bsearch(&probe, items, na, sizeof *items,
		    by_id);
		if (found == NULL) {
			mif_error_set(err, MIF_E_MISSING, NULL, "an offer of "
			    "advertisement \"%.40s\", which the advertisements "
			    "do not have", events[i].name);
			if (err != NULL) {
				/* a mistake of the timeline, on the event's line */
				err->severity = MIF_ERROR;
				err->mark.line = events[i].line;
				err->mark.column = 1;
			}
			free(offered);
			return false;
		}
		size_t a = found->advert;
		mif_sched_learn_key k = { events[i].time, i + 1 };
		if (!offered[a] && key_before(&l->key[a], &k))
			l->key[a] = k;
		offered[a] = true;
	}
	free(offered);
	return true;
}

bool
mif_sched_learning_init(mif_sched_learning *l,
    const mif_sched_adverts *adverts, const size_t *position_of,
    const mif_sched_event *events, size_t nevents, mif_error *err)
{
	size_t na = mif_sched_adverts_count_adverts(adverts);
	size_t n = mif_sched_adverts_count(adverts);
	size_t np = mif_sched_adverts_programs(adverts);
	item *items = calloc(na + 1, sizeof *items);

	*l = (mif_sched_learning){ 0 };
	l->key = calloc(na + 1, sizeof *l->key);
	l->by_program = calloc(na + 1, sizeof *l->by_program);
	l->afirst = calloc(np + 1, sizeof *l->afirst);
	l->apos = calloc(n + 1, sizeof *l->apos);
	l->apfirst = calloc(na + 2, sizeof *l->apfirst);
	if (items == NULL || l->key == NULL || l->by_program == NULL ||
	    l->afirst == NULL || l->apos == NULL || l->apfirst == NULL) {
		free(items);
		mif_sched_learning_free(l);
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return false;
	}
	/* each advertisement's positions, by a counting sort */
	for (size_t i = 0; i < n; i++) {
		const mif_sched_assignment *as =
		    mif_sched_adverts_assignment(adverts, i);
		size_t a = mif_sched_adverts_owner(adverts, i);
		l->apfirst[a + 2]++;
		l->key[a] = (mif_sched_learn_key){ as->available, 0 };
		items[a] = (item){ a, as->program, l->key[a], as->advert };
	}
	for (size_t a = 0; a < na; a++)
		l->apfirst[a + 2] += l->apfirst[a + 1];
	for (size_t i = 0; i < n; i++)
		l->apos[l->apfirst[mif_sched_adverts_owner(adverts, i) + 1]++] =
		    position_of[i];
	if (!apply_offers(l, items, na, events, nevents, err)) {
		free(items);
		mif_sched_learning_free(l);
		return false;
	}
	for (size_t i = 0; i < na; i++)
		items[i].key = l->key[items[i].advert];
	qsort(items, na, sizeof *items, by_program_key);
	for (size_t i = 0, p = 0; p <= np; p++) {
		while (i < na && items[i].program < p)
			i++;
		l->afirst[p] = i;
	}
	for (size_t i = 0; i < na; i++)
		l->by_program[i] = items[i].advert;
	free(items);
	return true;
}

void
mif_sched_learning_free(mif_sched_learning *l)
{
	free(l->key);
	free(l->by_program);
	free(l->afirst);
	free(l->apos);
	free(l->apfirst);
	*l = (mif_sched_learning){ 0 };
}
