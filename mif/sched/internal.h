/*
 * What every file of the sched layer (the SMS 2.0 client's scheduler)
 * starts from: the layers below with their internals, and this layer's
 * public API.  Internal to libmif.
 */
#ifndef MIF_SCHED_INTERNAL_H
#define MIF_SCHED_INTERNAL_H

#include "sms/internal.h"
#include "mif/sched.h"

/* ---- the speed cache (sched_speed.c) ----------------------------------- */

/* A real speed test of `link` at `now`, kept in the cache as the last
 * one, but not counted as made (a replay of one program puts there the
 * tests that other programs made). */
mif_sched_test mif_sched_speed_put(mif_sched_speed *speed,
    const mif_sched_link *link, int64_t now);

/* ---- advertisements (sched_adverts.c) --------------------------------- */

/* Whether an assignment's time is an event's: as soon as possible, at
 * logon or at logoff. */
bool mif_sched_time_is_event(int64_t time);

/* Whether the assignment at index is of a recurring advertisement: a
 * timed one whose advertisement has two timed assignments or more,
 * which SMS treats as recurring (KB Q257271). */
bool mif_sched_adverts_recurring(const mif_sched_adverts *adverts,
    size_t index);

/* The advertisement (0 .. mif_sched_adverts_count_adverts() - 1) of the
 * assignment at index. */
size_t mif_sched_adverts_owner(const mif_sched_adverts *adverts,
    size_t index);
size_t mif_sched_adverts_count_adverts(const mif_sched_adverts *adverts);

/* ---- learning advertisements (sched_learn.c) ---------------------------- */

/* When an advertisement can be learned: an ODP run at event i, time t
 * learns it when (time, seq) <= (t, i + 1).  seq is 0 for its Available
 * Time, or the first offer event's index + 1, so that an ODP run at the
 * time of an offer learns it only on a later line. */
typedef struct mif_sched_learn_key {
	int64_t time;
	size_t seq;
} mif_sched_learn_key;

typedef struct mif_sched_learning {
	mif_sched_learn_key *key; /* per advertisement */
	size_t *by_program;  /* advertisements by program, then key */
	size_t *afirst;      /* per program + 1: its range in by_program */
	size_t *apos;        /* order positions by advertisement */
	size_t *apfirst;     /* per advertisement + 1: its range in apos */
} mif_sched_learning;

/* From the advertisements, the place of each assignment in the
 * simulation's order, and the offer events.  False with *err when an
 * offer names an advertisement that is not there, or out of memory. */
bool mif_sched_learning_init(mif_sched_learning *l,
    const mif_sched_adverts *adverts, const size_t *position_of,
    const mif_sched_event *events, size_t nevents, mif_error *err);
void mif_sched_learning_free(mif_sched_learning *l);

/* ---- which assignments are known and have run (sched_runs.c) ------------ */

typedef struct mif_sched_runs {
	size_t base, n;        /* positions base .. base + n - 1 */
	unsigned char *state;  /* per position: hidden (its advertisement
	                          not learned), live, or run */
	size_t *live;          /* Fenwick trees of the live positions */
	size_t *mandatory;     /* ... and of those mandatory over slow links */
	size_t top;            /* the highest power of two <= n */
} mif_sched_runs;

/* All hidden; false when out of memory. */
bool mif_sched_runs_init(mif_sched_runs *r, size_t base, size_t n);
void mif_sched_runs_free(mif_sched_runs *r);
/* A hidden position comes to life: its advertisement is learned. */
void mif_sched_runs_show(mif_sched_runs *r, size_t pos, bool mandatory);
/* The first live position from pos on (mandatory over slow links),
 * base + n when none. */
size_t mif_sched_runs_next(const mif_sched_runs *r, size_t pos);
size_t mif_sched_runs_next_mandatory(const mif_sched_runs *r, size_t pos);
bool mif_sched_runs_has_run(const mif_sched_runs *r, size_t pos);
bool mif_sched_runs_hidden(const mif_sched_runs *r, size_t pos);
/* The position has run, or is passed over. */
void mif_sched_runs_mark(mif_sched_runs *r, size_t pos);
/* How many in lo .. hi - 1 are live and not mandatory. */
size_t mif_sched_runs_optional_count(const mif_sched_runs *r, size_t lo,
    size_t hi);

#endif /* MIF_SCHED_INTERNAL_H */
