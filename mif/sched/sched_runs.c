/*
 * Which assignments of a scheduler pass the client knows and which have
 * run (sched_sim.c), asked in the ways an evaluation needs without
 * walking those that have run or are not known yet: the next one live
 * (known, not run), the next live one mandatory over slow links, and
 * how many live ones not mandatory lie in a range.  Two Fenwick trees
 * count the live positions and the live mandatory ones, so that a
 * position can come to life when its advertisement is learned, as well
 * as leave it when it runs; each question costs O(log n).  Positions
 * are those of the pass's order of assignments, base .. base + n - 1.
 */
#include <stdlib.h>

#include "sched/internal.h"

enum { HIDDEN, LIVE_OPTIONAL, LIVE_MANDATORY, RUN };

bool
mif_sched_runs_init(mif_sched_runs *r, size_t base, size_t n)
{
	*r = (mif_sched_runs){ .base = base, .n = n };
	r->state = calloc(n + 1, sizeof *r->state);
	r->live = calloc(n + 1, sizeof *r->live);
	r->mandatory = calloc(n + 1, sizeof *r->mandatory);
	if (r->state == NULL || r->live == NULL || r->mandatory == NULL) {
		mif_sched_runs_free(r);
		return false;
	}
	for (r->top = 1; r->top * 2 <= n; r->top *= 2)
		;
	return true;
}

void
mif_sched_runs_free(mif_sched_runs *r)
{
	free(r->state);
	free(r->live);
	free(r->mandatory);
	*r = (mif_sched_runs){ 0 };
}

/* One more (or one less) at i, from 0. */
static void
tree_add(size_t *tree, size_t n, size_t i, bool more)
{
	for (i++; i <= n; i += i & -i)
		tree[i] = more ? tree[i] + 1 : tree[i] - 1;
}

/* The count at 0 .. i - 1. */
static size_t
tree_before(const size_t *tree, size_t i)
{
	size_t sum = 0;

	for (; i > 0; i -= i & -i)
		sum += tree[i];
	return sum;
}

/* The first i from `from` on with a count, n when none: the place where
 * the count before it grows past that before `from`. */
static size_t
tree_next(const mif_sched_runs *r, const size_t *tree, size_t from)
{
	size_t rest = tree_before(tree, from), i = 0;

	for (size_t step = r->top; step > 0 && r->n > 0; step /= 2) {
		if (i + step <= r->n && tree[i + step] <= rest) {
			i += step;
			rest -= tree[i];
		}
	}
	return i;
}

void
mif_sched_runs_show(mif_sched_runs *r, size_t pos, bool mandatory)
{
	size_t i = pos - r->base;

	if (r->state[i] != HIDDEN)
		return;
	r->state[i] = mandatory ? LIVE_MANDATORY : LIVE_OPTIONAL;
	tree_add(r->live, r->n, i, true);
	if (mandatory)
		tree_add(r->mandatory, r->n, i, true);
}

size_t
mif_sched_runs_next(const mif_sched_runs *r, size_t pos)
{
	return tree_next(r, r->live, pos - r->base) + r->base;
}

size_t
mif_sched_runs_next_mandatory(const mif_sched_runs *r, size_t pos)
{
	return tree_next(r, r->mandatory, pos - r->base) + r->base;
}

bool
mif_sched_runs_has_run(const mif_sched_runs *r, size_t pos)
{
	return r->state[pos - r->base] == RUN;
}

bool
mif_sched_runs_hidden(const mif_sched_runs *r, size_t pos)
{
	return r->state[pos - r->base] == HIDDEN;
}

void
mif_sched_runs_mark(mif_sched_runs *r, size_t pos)
{
	size_t i = pos - r->base;

	if (r->state[i] == LIVE_OPTIONAL || r->state[i] == LIVE_MANDATORY)
		tree_add(r->live, r->n, i, false);
	if (r->state[i] == LIVE_MANDATORY)
		tree_add(r->mandatory, r->n, i, false);
	r->state[i] = RUN;
}

size_t
mif_sched_runs_optional_count(const mif_sched_runs *r, size_t lo, size_t hi)
{
	size_t l = lo - r->base, h = hi - r->base;

	return tree_before(r->live, h) - tree_before(r->live, l) -
	    (tree_before(r->mandatory, h) - tree_before(r->mandatory, l));
}
