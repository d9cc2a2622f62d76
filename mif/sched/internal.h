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

/* ---- which assignments have run (sched_runs.c) ------------------------- */

typedef struct mif_sched_runs {
	size_t base, n;        /* positions base .. base + n - 1 */
	size_t *next;          /* toward the next position not run */
	size_t *next_mandatory; /* ... and mandatory over slow links */
	size_t *optional;      /* Fenwick tree of those not mandatory and
	                          not run */
} mif_sched_runs;

/* None run, all mandatory; false when out of memory. */
bool mif_sched_runs_init(mif_sched_runs *r, size_t base, size_t n);
void mif_sched_runs_free(mif_sched_runs *r);
/* Before any run: the assignment at pos is not mandatory over slow
 * links. */
void mif_sched_runs_optional(mif_sched_runs *r, size_t pos);
/* The first position from pos on not run (mandatory), base + n when
 * none. */
size_t mif_sched_runs_next(mif_sched_runs *r, size_t pos);
size_t mif_sched_runs_next_mandatory(mif_sched_runs *r, size_t pos);
bool mif_sched_runs_has_run(const mif_sched_runs *r, size_t pos);
void mif_sched_runs_mark(mif_sched_runs *r, size_t pos);
/* How many in lo .. hi - 1 are not mandatory and not run. */
size_t mif_sched_runs_optional_count(const mif_sched_runs *r, size_t lo,
    size_t hi);

#endif /* MIF_SCHED_INTERNAL_H */
