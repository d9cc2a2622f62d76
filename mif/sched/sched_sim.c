/*
 * The SMS 2.0 scheduler at work (KB 202332; mif-sched(1), RULES): the
 * client's events in time order, an evaluation of every program at each
 * ODP run and Refresh, and each scheduled program run when its time
 * comes.  Every decision is recorded as a step, for --explain.
 *
 * Runs wait in a heap ordered by (due, program); a program's entry is
 * stale once its schedule changes (its generation moves on), so
 * replacing a schedule costs no search.
 */
#include <stdlib.h>
#include <string.h>

#include "sched/internal.h"

struct mif_sched_sim {
	mif_sched_step *steps;
	size_t nsteps, steps_cap;
	mif_sched_speed speed;
};

typedef struct schedule {
	size_t assignment;   /* MIF_SCHED_NONE: not scheduled */
	int64_t due;
	uint64_t generation;
} schedule;

typedef struct pending_run {
	int64_t due;
	size_t program;
	uint64_t generation;
} pending_run;

/* An assignment in a program's order: ASAP ones first, then by time;
 * ties in file order. */
typedef struct sorted {
	size_t program;
	int64_t time;
	size_t index;
} sorted;

typedef struct sim_ctx {
	const mif_sched_adverts *adverts;
	mif_sched_sim *sim;
	mif_sched_link link;
	schedule *sched;     /* per program */
	bool *done;          /* per assignment: it has run */
	sorted *order;       /* by program, then as above */
	size_t *first;       /* per program + 1: its range in order */
	size_t *nasap;       /* per program: its ASAP assignments */
	pending_run *heap;
	size_t nheap, heap_cap;
	bool ok;             /* false: out of memory */
} sim_ctx;

/* ---- steps ------------------------------------------------------------ */

/* Append a step; its index, or MIF_SCHED_NONE when out of memory. */
static size_t
push_step(sim_ctx *c, const mif_sched_step *step)
{
	mif_sched_sim *s = c->sim;

	if (!c->ok || !mif_vec_reserve((void **)&s->steps, &s->steps_cap,
	    s->nsteps + 1, sizeof *s->steps)) {
		c->ok = false;
		return MIF_SCHED_NONE;
	}
	s->steps[s->nsteps] = *step;
	return s->nsteps++;
}

/* ---- the heap of runs ------------------------------------------------- */

static bool
runs_before(const pending_run *a, const pending_run *b)
{
	return a->due < b->due || (a->due == b->due && a->program < b->program);
}

static bool is_current(const sim_ctx *c, const pending_run *run);
static void heap_push(sim_ctx *c, pending_run run);

/* Drop the stale entries, so that the heap stays within twice the
 * programs however often schedules change. */
static void
heap_compact(sim_ctx *c)
{
	size_t n = c->nheap, kept = 0;

	for (size_t i = 0; i < n; i++)
		if (is_current(c, &c->heap[i]))
			c->heap[kept++] = c->heap[i];
	c->nheap = 0;
	/* pushing in turn restores the order; kept <= programs */
	for (size_t i = 0; i < kept; i++)
		heap_push(c, c->heap[i]);
}

static void
heap_push(sim_ctx *c, pending_run run)
{
	if (c->nheap >= 2 * mif_sched_adverts_programs(c->adverts) + 64)
		heap_compact(c);
	if (!mif_vec_reserve((void **)&c->heap, &c->heap_cap, c->nheap + 1,
	    sizeof *c->heap)) {
		c->ok = false;
		return;
	}
	size_t i = c->nheap++;
	while (i > 0 && runs_before(&run, &c->heap[(i - 1) / 2])) {
		c->heap[i] = c->heap[(i - 1) / 2];
		i = (i - 1) / 2;
	}
	c->heap[i] = run;
}

static pending_run
heap_pop(sim_ctx *c)
{
	pending_run top = c->heap[0], last = c->heap[--c->nheap];
	size_t i = 0;

	for (;;) {
		size_t k = 2 * i + 1;
		if (k >= c->nheap)
			break;
		if (k + 1 < c->nheap && runs_before(&c->heap[k + 1], &c->heap[k]))
			k++;
		if (!runs_before(&c->heap[k], &last))
			break;
		c->heap[i] = c->heap[k];
		i = k;
	}
	if (c->nheap > 0)
		c->heap[i] = last;
	return top;
}

static bool
is_current(const sim_ctx *c, const pending_run *run)
{
	const schedule *s = &c->sched[run->program];
	return s->assignment != MIF_SCHED_NONE &&
	    s->generation == run->generation;
}

/* Give a program a new schedule (assignment MIF_SCHED_NONE: none). */
static void
set_schedule(sim_ctx *c, size_t program, size_t assignment, int64_t due)
{
	schedule *s = &c->sched[program];

	s->assignment = assignment;
	s->due = due;
	s->generation++;
	if (assignment != MIF_SCHED_NONE)
		heap_push(c, (pending_run){ due, program, s->generation });
}

/* Run every program whose time has come by `limit`, in time order. */
static void
run_due(sim_ctx *c, int64_t limit)
{
	while (c->ok && c->nheap > 0) {
		if (!is_current(c, &c->heap[0])) {
			heap_pop(c);
			continue;
		}
		if (c->heap[0].due > limit)
			break;
		pending_run run = heap_pop(c);
		size_t a = c->sched[run.program].assignment;
		push_step(c, &(mif_sched_step){
			.kind = MIF_SCHED_STEP_RAN,
			.time = run.due,
			.program = run.program,
			.assignment = a,
			.dropped = MIF_SCHED_NONE,
		});
		c->done[a] = true;
		set_schedule(c, run.program, MIF_SCHED_NONE, 0);
	}
}

/* ---- evaluating ------------------------------------------------------- */

static int
by_program_time(const void *x, const void *y)
{
	const sorted *a = x, *b = y;

	if (a->program != b->program)
		return a->program < b->program ? -1 : 1;
	if (a->time != b->time)
		return a->time < b->time ? -1 : 1;
	return (a->index > b->index) - (a->index < b->index);
}

/*
 * The next assignment of program p in the order of an evaluation at
 * `now`: ASAP ones count as due now, so they merge with the timed ones
 * there.  *ia and *it walk the ASAP and the timed ranges.  Returns the
 * order entry, or NULL at the end.
 */
static const sorted *
next_in_order(const sim_ctx *c, size_t p, int64_t now, size_t *ia,
    size_t *it)
{
	size_t asap_end = c->first[p] + c->nasap[p];
	const sorted *a = *ia < asap_end ? &c->order[*ia] : NULL;
	const sorted *t = *it < c->first[p + 1] ? &c->order[*it] : NULL;

	if (a != NULL && t != NULL) {
		bool asap_first = now < t->time ||
		    (now == t->time && a->index < t->index);
		if (asap_first)
			t = NULL;
		else
			a = NULL;
	}
	if (a != NULL)
		(*ia)++;
	else if (t != NULL)
		(*it)++;
	return a != NULL ? a : t;
}

/*
 * One program at one evaluation: its assignments that have not run,
 * earliest first; the first that qualifies schedules it.  The outcome
 * step comes first, the assignments looked at after it.
 */
static void
evaluate_program(sim_ctx *c, size_t p, const mif_sched_event *ev)
{
	int64_t now = ev->time;
	mif_sched_step outcome = {
		.kind = MIF_SCHED_STEP_NOT_SCHEDULED,
		.time = now,
		.program = p,
		.assignment = MIF_SCHED_NONE,
		.by = ev->kind,
		.line = ev->line,
		.dropped = c->sched[p].assignment,
	};
	size_t at = push_step(c, &outcome);
	size_t ia = c->first[p], it = c->first[p] + c->nasap[p];
	const sorted *o;

	while (c->ok && (o = next_in_order(c, p, now, &ia, &it)) != NULL) {
		const mif_sched_assignment *a =
		    mif_sched_adverts_assignment(c->adverts, o->index);
		mif_sched_step look = {
			.kind = MIF_SCHED_STEP_LOOKED,
			.time = now,
			.program = p,
			.assignment = o->index,
			.by = ev->kind,
			.line = ev->line,
			.dropped = MIF_SCHED_NONE,
		};
		/* Once per assignment: one that has run is passed over,
		 * recorded so that --explain says why it was not chosen. */
		if (c->done[o->index]) {
			look.has_run = true;
			push_step(c, &look);
			continue;
		}
		look.tested = a->not_mandatory_slow;
		/* The box asks for a test; without it the assignment is
		 * mandatory and no test is made at all. */
		if (look.tested)
			look.test = mif_sched_speed_test(&c->sim->speed, &c->link,
			    now);
		look.qualifies = !look.tested || !look.test.slow;
		int64_t when = a->time == MIF_SCHED_ASAP ? now : a->time;
		look.due = when < now ? now : when;
		push_step(c, &look);
		if (!look.qualifies) {
			outcome.skipped++;
			continue;
		}
		outcome.kind = MIF_SCHED_STEP_SCHEDULED;
		outcome.assignment = o->index;
		outcome.due = look.due;
		outcome.tested = look.tested;
		outcome.test = look.test;
		outcome.dropped = MIF_SCHED_NONE;
		break;
	}
	if (!c->ok)
		return;
	c->sim->steps[at] = outcome;
	set_schedule(c, p, outcome.assignment, outcome.due);
}

static void
apply(sim_ctx *c, const mif_sched_event *ev)
{
	switch (ev->kind) {
	case MIF_SCHED_ODP:
	case MIF_SCHED_REFRESH:
		for (size_t p = 0; c->ok &&
		    p < mif_sched_adverts_programs(c->adverts); p++)
			evaluate_program(c, p, ev);
		break;
	case MIF_SCHED_SPEED:
		c->link.speed = ev->value;
		break;
	case MIF_SCHED_RAS:
		c->link.ras = ev->value != 0;
		break;
	case MIF_SCHED_CAP:
		c->link.cap_unreachable = ev->value == 0;
		break;
	}
}

/* ---- the whole run ---------------------------------------------------- */

static bool
prepare(sim_ctx *c)
{
	size_t np = mif_sched_adverts_programs(c->adverts);
	size_t na = mif_sched_adverts_count(c->adverts);

	c->sched = calloc(np + 1, sizeof *c->sched);
	c->done = calloc(na + 1, sizeof *c->done);
	c->order = calloc(na + 1, sizeof *c->order);
	c->first = calloc(np + 1, sizeof *c->first);
	c->nasap = calloc(np + 1, sizeof *c->nasap);
	if (c->sched == NULL || c->done == NULL || c->order == NULL ||
	    c->first == NULL || c->nasap == NULL)
		return false;
	for (size_t p = 0; p < np; p++)
		c->sched[p].assignment = MIF_SCHED_NONE;
	for (size_t i = 0; i < na; i++) {
		const mif_sched_assignment *a =
		    mif_sched_adverts_assignment(c->adverts, i);
		c->order[i] = (sorted){ a->program, a->time, i };
		if (a->time == MIF_SCHED_ASAP)
			c->nasap[a->program]++;
	}
	qsort(c->order, na, sizeof *c->order, by_program_time);
	/* first[p] .. first[p + 1]: program p's range */
	for (size_t i = 0, p = 0; p <= np; p++) {
		while (i < na && c->order[i].program < p)
			i++;
		c->first[p] = i;
	}
	return true;
}

static void
release(sim_ctx *c)
{
	free(c->sched);
	free(c->done);
	free(c->order);
	free(c->first);
	free(c->nasap);
	free(c->heap);
}

static void
record_pending(sim_ctx *c, int64_t until)
{
	for (size_t p = 0; c->ok && p < mif_sched_adverts_programs(c->adverts);
	    p++) {
		const schedule *s = &c->sched[p];
		if (s->assignment == MIF_SCHED_NONE)
			continue;
		push_step(c, &(mif_sched_step){
			.kind = MIF_SCHED_STEP_PENDING,
			.time = until,
			.program = p,
			.assignment = s->assignment,
			.due = s->due,
			.dropped = MIF_SCHED_NONE,
		});
	}
}

mif_sched_sim *
mif_sched_simulate(const mif_sched_adverts *adverts,
    const mif_sched_event *events, size_t nevents,
    const mif_sched_options *opts, mif_error *err)
{
	mif_sched_options none = { 0 };
	if (opts == NULL)
		opts = &none;
	for (size_t i = 1; i < nevents; i++) {
		if (events[i].time < events[i - 1].time) {
			mif_error_set(err, MIF_E_RANGE, NULL,
			    "event %zu goes back in time", i + 1);
			return NULL;
		}
	}

	mif_sched_sim *sim = calloc(1, sizeof *sim);
	sim_ctx c = { .adverts = adverts, .sim = sim, .ok = sim != NULL };
	/* Until the timeline says otherwise: speed unknown, no RAS, the
	 * CAP reachable, which the rules call fast. */
	c.ok = c.ok && prepare(&c);
	if (c.ok)
		mif_sched_speed_init(&sim->speed, opts->threshold);

	int64_t limit = opts->has_until ? opts->until : INT64_MAX;
	for (size_t i = 0; c.ok && i < nevents && events[i].time <= limit;
	    i++) {
		/* What is due by an event's time runs before the event. */
		run_due(&c, events[i].time);
		apply(&c, &events[i]);
		/* ... and what it made due at once runs at once. */
		run_due(&c, events[i].time);
	}
	/* Nothing after the last event can change a schedule: without
	 * --until every scheduled program runs. */
	run_due(&c, limit);
	if (opts->has_until)
		record_pending(&c, opts->until);
	release(&c);
	if (!c.ok) {
		mif_sched_sim_free(sim);
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return NULL;
	}
	return sim;
}

void
mif_sched_sim_free(mif_sched_sim *sim)
{
	if (sim == NULL)
		return;
	free(sim->steps);
	free(sim);
}

const mif_sched_step *
mif_sched_sim_steps(const mif_sched_sim *sim, size_t *count)
{
	*count = sim->nsteps;
	return sim->steps;
}

const mif_sched_speed *
mif_sched_sim_speed(const mif_sched_sim *sim)
{
	return &sim->speed;
}
