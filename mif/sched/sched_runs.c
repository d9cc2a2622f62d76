/*
 * Which assignments of a scheduler pass have run (sched_sim.c), asked
 * in the ways an evaluation needs without walking those that have: the
 * next one not run, the next mandatory one not run (union-finds with
 * path halving), and how many not mandatory over slow links and not
 * run lie in a range (a Fenwick tree).  Positions are those of the
 * pass's order of assignments, base .. base + n - 1.
 */
#include <stdlib.h>

#include "sched/internal.h"

bool
mif_sched_runs_init(mif_sched_runs *r, size_t base, size_t n)
{
	*r = (mif_sched_runs){ .base = base, .n = n };
	r->next = calloc(n + 1, sizeof *r->next);
	r->next_mandatory = calloc(n + 1, sizeof *r->next_mandatory);
	r->optional = calloc(n + 1, sizeof *r->optional);
	if (r->next == NULL || r->next_mandatory == NULL ||
	    r->optional == NULL) {
		mif_sched_runs_free(r);
		return false;
	}
	/* one past the end stands for "none": never run, mandatory */
	for (size_t i = 0; i <= n; i++)
		r->next[i] = r->next_mandatory[i] = i;
	return true;
}

void
mif_sched_runs_free(mif_sched_runs *r)
{
	free(r->next);
	free(r->next_mandatory);
	free(r->optional);
	*r = (mif_sched_runs){ 0 };
}

/* One more (or one less) at i, from 0, in the Fenwick tree. */
static void
optional_add(mif_sched_runs *r, size_t i, bool more)
{
	for (i++; i <= r->n; i += i & -i)
		r->optional[i] = more ? r->optional[i] + 1 : r->optional[i] - 1;
}

/* The count at 0 .. i - 1. */
static size_t
optional_before(const mif_sched_runs *r, size_t i)
{
	size_t sum = 0;

	for (; i > 0; i -= i & -i)
		sum += r->optional[i];
	return sum;
}

void
mif_sched_runs_optional(mif_sched_runs *r, size_t pos)
{
	size_t i = pos - r->base;

	r->next_mandatory[i] = i + 1;
	optional_add(r, i, true);
}

static size_t
find(size_t *u, size_t i)
{
	while (u[i] != i) {
		u[i] = u[u[i]];
		i = u[i];
	}
	return i;
}

size_t
mif_sched_runs_next(mif_sched_runs *r, size_t pos)
{
	return find(r->next, pos - r->base) + r->base;
}

size_t
mif_sched_runs_next_mandatory(mif_sched_runs *r, size_t pos)
{
	return find(r->next_mandatory, pos - r->base) + r->base;
}

bool
mif_sched_runs_has_run(const mif_sched_runs *r, size_t pos)
{
	return r->next[pos - r->base] != pos - r->base;
}

void
mif_sched_runs_mark(mif_sched_runs *r, size_t pos)
{
	size_t i = pos - r->base;

	if (r->next_mandatory[i] != i)
		optional_add(r, i, false);
	r->next[i] = r->next_mandatory[i] = i + 1;
}

size_t
mif_sched_runs_optional_count(const mif_sched_runs *r, size_t lo, size_t hi)
{
	return optional_before(r, hi - r->base) -
	    optional_before(r, lo - r->base);
}
