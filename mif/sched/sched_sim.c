/*
 * The SMS 2.0 scheduler at work (KB 202332; mif-sched(1), RULES): the
 * client's events in time order, an evaluation of every program at each
 * ODP run and Refresh, and each scheduled program run when its time
 * comes.  Every decision is a step, handed over as it happens (for
 * --explain) and never kept: a pass over the story holds the client's
 * state alone, so memory follows the advertisements, not the story.
 *
 * Programs share nothing but the speed test cache.  The first pass
 * (mif_sched_simulate) goes through every program and notes, per
 * event, which program made a real test there; a replay of some of the
 * programs then puts the others' tests into its cache from that note,
 * so that one program's story comes out alone, as it happened.
 *
 * A program runs once (KB Q257271): SMS keeps the package/program pair's
 * status, so a run settles every assignment due by then (those received
 * together run once), and after a run that did not fail only recurring
 * advertisements' assignments are left.  A result event tells how the
 * last run ended; the first pass notes, per event, whose run that was.
 *
 * The client learns an advertisement at the ODP run that finds it
 * offered (sched_learn.c); until then its assignments are hidden.  A
 * recurring assignment stays out of the order of positions: each
 * evaluation works out the occurrence it reaches and merges it with the
 * positions by time (sched_eval.c).  The speed test measures the link
 * to the CAP of the first site of the client's site list (KB Q246974).
 *
 * Runs wait in a heap ordered by (due, program); a program's entry is
 * stale once its schedule changes (its generation moves on), so
 * replacing a schedule costs no search.
 */
#include <stdlib.h>
#include <string.h>

#include "sched/sim.h"

/* ---- the heap of runs ------------------------------------------------- */

static bool
runs_before(const pending_run *a, const pending_run *b)
{
	return a->due < b->due || (a->due == b->due && a->program < b->program);
}

static bool
is_current(const pass *c, const pending_run *run)
{
	const schedule *s = sched_of(c, run->program);
	return s->assignment != MIF_SCHED_NONE &&
	    s->generation == run->generation;
}

static void heap_push(pass *c, pending_run run);

/* Drop the stale entries, so that the heap stays within twice the
 * programs however often schedules change. */
static void
heap_compact(pass *c)
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
heap_push(pass *c, pending_run run)
{
	if (c->nheap >= 2 * (c->p1 - c->p0) + 64)
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
heap_pop(pass *c)
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

/* Give a program a new schedule (assignment MIF_SCHED_NONE: none). */
static void
set_schedule(pass *c, size_t program, size_t assignment, int64_t when,
    int64_t due)
{
	schedule *s = sched_of(c, program);

	s->assignment = assignment;
	s->when = when;
	s->due = due;
	s->generation++;
	if (assignment != MIF_SCHED_NONE)
		heap_push(c, (pending_run){ due, program, s->generation });
}

/* Program p has run at t: every assignment due by then is done with,
 * run or not; received together, they run once (KB Q257271). */
static void
settle_through(pass *c, size_t p, int64_t t)
{
	const mif_sched_sim *sim = c->sim;
	size_t asap = sim->first[p], timed = asap + sim->nasap[p];
	size_t end = sim->first[p + 1], pos;

	for (pos = mif_sched_runs_next(&c->runs, asap); pos < timed;
	    pos = mif_sched_runs_next(&c->runs, pos + 1))
		mif_sched_runs_mark(&c->runs, pos);
	for (pos = mif_sched_runs_next(&c->runs, timed);
	    pos < end && sim->order[pos].time <= t;
	    pos = mif_sched_runs_next(&c->runs, pos + 1))
		mif_sched_runs_mark(&c->runs, pos);
}


/* Run every program whose time has come by `limit`, in time order. */
static void
run_due(pass *c, int64_t limit)
{
	while (c->ok && c->nheap > 0) {
		if (!is_current(c, &c->heap[0])) {
			heap_pop(c);
			continue;
		}
		if (c->heap[0].due > limit)
			break;
		pending_run run = heap_pop(c);
		schedule *s = sched_of(c, run.program);
		emit(c, &(mif_sched_step){
			.kind = MIF_SCHED_STEP_RAN,
			.time = run.due,
			.program = run.program,
			.assignment = s->assignment,
			.dropped = MIF_SCHED_NONE,
			.when = s->when,
		});
		settle_through(c, run.program, run.due);
		s->ran_for = s->assignment;
		s->ran_when = s->when;
		s->last_run = run.due;
		s->failed = false;
		c->last_ran = run.program;
		set_schedule(c, run.program, MIF_SCHED_NONE, 0, 0);
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


/* A result event: how the last run before it ended.  The first pass
 * notes whose run that was, for the replays of one program. */
static void
tell_result(pass *c, const mif_sched_event *ev)
{
	size_t q = c->recording ? c->last_ran : c->sim->result_of[c->event];

	if (c->recording)
		c->sim->result_of[c->event] = q;
	if (q == MIF_SCHED_NONE || q < c->p0 || q >= c->p1)
		return;
	schedule *s = sched_of(c, q);
	s->failed = ev->value == 0;
	if (s->failed)
		emit(c, &(mif_sched_step){
			.kind = MIF_SCHED_STEP_FAILED,
			.time = ev->time,
			.program = q,
			.assignment = s->ran_for,
			.when = s->ran_when,
			.by = MIF_SCHED_RESULT,
			.line = ev->line,
			.dropped = MIF_SCHED_NONE,
		});
}

static void
apply(pass *c, const mif_sched_event *ev)
{
	switch (ev->kind) {
	case MIF_SCHED_ODP:
	case MIF_SCHED_REFRESH:
	case MIF_SCHED_LOGON:
	case MIF_SCHED_LOGOFF: {
		/* A program outside this pass made a real test here: the
		 * cache holds it from now on (before or after the programs
		 * of the pass, which then ask for none here). */
		size_t q = c->sim->tester[c->event];
		if (!c->recording && q != MIF_SCHED_NONE &&
		    (q < c->p0 || q >= c->p1)) {
			mif_sched_link link = tested_link(c);
			mif_sched_speed_put(&c->speed, &link, ev->time);
		}
		for (size_t p = c->p0; c->ok && p < c->p1; p++) {
			mif_sched_step outcome;
			if (!evaluate_program(c, p, ev, &outcome))
				continue;
			emit(c, &outcome);
			for (size_t i = 0; i < c->nlooks; i++)
				emit(c, &c->looks[i]);
			set_schedule(c, p, outcome.assignment, outcome.when,
			    outcome.due);
		}
		break;
	}
	case MIF_SCHED_SPEED:
	case MIF_SCHED_CAP: {
		size_t site = c->sim->site_of[c->event];
		cap_link *l = site == MIF_SCHED_NONE ? &c->every
		    : &c->sites[site];
		if (ev->kind == MIF_SCHED_SPEED) {
			l->speed = ev->value;
			l->speed_at = c->event + 1;
		} else {
			l->cap_unreachable = ev->value == 0;
			l->cap_at = c->event + 1;
		}
		break;
	}
	case MIF_SCHED_RAS:
		c->ras = ev->value != 0;
		break;
	case MIF_SCHED_SITES:
		c->first_site = c->sim->site_of[c->event];
		break;
	case MIF_SCHED_OFFER:
		break;
	case MIF_SCHED_RESULT:
		tell_result(c, ev);
		break;
	}
}

/* ---- a pass ----------------------------------------------------------- */

static void
emit_pending(pass *c, int64_t until)
{
	for (size_t p = c->p0; c->ok && p < c->p1; p++) {
		const schedule *s = sched_of(c, p);
		if (s->assignment == MIF_SCHED_NONE)
			continue;
		emit(c, &(mif_sched_step){
			.kind = MIF_SCHED_STEP_PENDING,
			.time = until,
			.program = p,
			.assignment = s->assignment,
			.due = s->due,
			.when = s->when,
			.dropped = MIF_SCHED_NONE,
		});
	}
}

/* Go through the story for programs p0 .. p1 - 1; false when out of
 * memory. */
static bool
run_pass(pass *c)
{
	const mif_sched_sim *sim = c->sim;
	const mif_sched_options *opts = &sim->opts;
	size_t base = sim->first[c->p0], n = sim->first[c->p1] - base;

	c->base = base;
	c->ok = true;
	/* Until the timeline says otherwise: no site named, speed unknown,
	 * no RAS, the CAP reachable, which the rules call fast. */
	mif_sched_speed_init(&c->speed, opts->threshold);
	c->sched = calloc(c->p1 - c->p0 + 1, sizeof *c->sched);
	c->sites = calloc(sim->nsites + 1, sizeof *c->sites);
	c->rec_known = calloc(sim->rfirst[c->p1] - sim->rfirst[c->p0] + 1,
	    sizeof *c->rec_known);
	c->first_site = MIF_SCHED_NONE;
	if (c->sched == NULL || c->sites == NULL || c->rec_known == NULL ||
	    !mif_sched_runs_init(&c->runs, base, n))
		c->ok = false;
	c->last_ran = MIF_SCHED_NONE;
	for (size_t p = c->p0; c->ok && p < c->p1; p++) {
		sched_of(c, p)->assignment = MIF_SCHED_NONE;
		sched_of(c, p)->ran_for = MIF_SCHED_NONE;
		sched_of(c, p)->learned = sim->learning.afirst[p];
	}

	int64_t limit = opts->has_until ? opts->until : INT64_MAX;
	for (size_t i = 0; c->ok && i < sim->nevents &&
	    sim->events[i].time <= limit; i++) {
		c->event = i;
		/* What is due by an event's time runs before the event. */
		run_due(c, sim->events[i].time);
		apply(c, &sim->events[i]);
		/* ... and what it made due at once runs at once. */
		run_due(c, sim->events[i].time);
	}
	/* Nothing after the last event can change a schedule: without
	 * --until every scheduled program runs. */
	run_due(c, limit);
	if (opts->has_until)
		emit_pending(c, opts->until);
	free(c->sched);
	free(c->sites);
	free(c->rec_known);
	free(c->rc);
	mif_sched_runs_free(&c->runs);
	free(c->looks);
	free(c->heap);
	return c->ok;
}

/* ---- the simulation --------------------------------------------------- */

static int
by_name(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* Whether the event names a site. */
static bool
names_site(const mif_sched_event *ev)
{
	return ev->name != NULL && (ev->kind == MIF_SCHED_SITES ||
	    ev->kind == MIF_SCHED_SPEED || ev->kind == MIF_SCHED_CAP);
}

/* Number the sites the events name, by their codes: sorted, so that
 * each event finds its own by a binary search. */
static bool
number_sites(mif_sched_sim *sim)
{
	size_t n = 0;

	sim->site_of = calloc(sim->nevents + 1, sizeof *sim->site_of);
	sim->site_name = calloc(sim->nevents + 1, sizeof *sim->site_name);
	if (sim->site_of == NULL || sim->site_name == NULL)
		return false;
	for (size_t i = 0; i < sim->nevents; i++)
		if (names_site(&sim->events[i]))
			sim->site_name[n++] = sim->events[i].name;
	qsort(sim->site_name, n, sizeof *sim->site_name, by_name);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++)
		if (kept == 0 || strcmp(sim->site_name[kept - 1],
		    sim->site_name[i]) != 0)
			sim->site_name[kept++] = sim->site_name[i];
	sim->nsites = kept;
	for (size_t i = 0; i < sim->nevents; i++) {
		const char *const *found = NULL;
		if (names_site(&sim->events[i]))
			found = bsearch(&sim->events[i].name, sim->site_name,
			    kept, sizeof *sim->site_name, by_name);
		sim->site_of[i] = found != NULL
		    ? (size_t)(found - sim->site_name) : MIF_SCHED_NONE;
	}
	return true;
}

/* The recurring assignments of each program, in order. */
static bool
list_recurring(mif_sched_sim *sim)
{
	size_t na = mif_sched_adverts_count(sim->adverts);
	size_t np = mif_sched_adverts_programs(sim->adverts), n = 0;

	sim->rec = calloc(na + 1, sizeof *sim->rec);
	sim->rfirst = calloc(np + 1, sizeof *sim->rfirst);
	sim->rec_of = calloc(na + 1, sizeof *sim->rec_of);
	if (sim->rec == NULL || sim->rfirst == NULL || sim->rec_of == NULL)
		return false;
	for (size_t p = 0; p < np; p++) {
		sim->rfirst[p] = n;
		for (size_t pos = sim->first[p]; pos < sim->first[p + 1]; pos++) {
			sim->rec_of[pos] = MIF_SCHED_NONE;
			if (mif_sched_adverts_assignment(sim->adverts,
			    sim->order[pos].index)->every > 0) {
				sim->rec_of[pos] = n;
				sim->rec[n++] = pos;
			}
		}
	}
	sim->rfirst[np] = n;
	return true;
}

/* The programs' orders of assignments, the notes of tests, and when
 * the advertisements are learned; false with *err. */
static bool
prepare(mif_sched_sim *sim, mif_error *err)
{
	const mif_sched_adverts *adverts = sim->adverts;
	size_t np = mif_sched_adverts_programs(adverts);
	size_t na = mif_sched_adverts_count(adverts);

	sim->order = calloc(na + 1, sizeof *sim->order);
	sim->first = calloc(np + 1, sizeof *sim->first);
	sim->nasap = calloc(np + 1, sizeof *sim->nasap);
	sim->tester = calloc(sim->nevents + 1, sizeof *sim->tester);
	sim->result_of = calloc(sim->nevents + 1, sizeof *sim->result_of);
	if (sim->order == NULL || sim->first == NULL || sim->nasap == NULL ||
	    sim->tester == NULL || sim->result_of == NULL || !number_sites(sim)) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return false;
	}
	for (size_t i = 0; i < sim->nevents; i++)
		sim->tester[i] = sim->result_of[i] = MIF_SCHED_NONE;
	for (size_t i = 0; i < na; i++) {
		const mif_sched_assignment *a =
		    mif_sched_adverts_assignment(adverts, i);
		sim->order[i] = (sorted){ a->program, a->time, i };
		if (mif_sched_time_is_event(a->time))
			sim->nasap[a->program]++;
	}
	qsort(sim->order, na, sizeof *sim->order, by_program_time);
	/* first[p] .. first[p + 1]: program p's range */
	for (size_t i = 0, p = 0; p <= np; p++) {
		while (i < na && sim->order[i].program < p)
			i++;
		sim->first[p] = i;
	}
	if (!list_recurring(sim)) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return false;
	}
	size_t *position_of = calloc(na + 1, sizeof *position_of);
	if (position_of == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return false;
	}
	for (size_t pos = 0; pos < na; pos++)
		position_of[sim->order[pos].index] = pos;
	bool ok = mif_sched_learning_init(&sim->learning, adverts, position_of,
	    sim->events, sim->nevents, err);
	free(position_of);
	return ok;
}

mif_sched_sim *
mif_sched_simulate(const mif_sched_adverts *adverts,
    const mif_sched_event *events, size_t nevents,
    const mif_sched_options *opts, mif_error *err)
{
	for (size_t i = 1; i < nevents; i++) {
		if (events[i].time < events[i - 1].time) {
			mif_error_set(err, MIF_E_RANGE, NULL,
			    "event %zu goes back in time", i + 1);
			return NULL;
		}
	}

	mif_sched_sim *sim = calloc(1, sizeof *sim);
	if (sim != NULL) {
		sim->adverts = adverts;
		sim->events = events;
		sim->nevents = nevents;
		if (opts != NULL)
			sim->opts = *opts;
	}
	pass first = {
		.sim = sim,
		.p0 = 0,
		.p1 = mif_sched_adverts_programs(adverts),
		.recording = true,
	};
	if (sim == NULL || !prepare(sim, err)) {
		if (sim == NULL)
			mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		mif_sched_sim_free(sim);
		return NULL;
	}
	if (!run_pass(&first)) {
		mif_sched_sim_free(sim);
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		return NULL;
	}
	sim->speed = first.speed;
	return sim;
}

bool
mif_sched_sim_replay(const mif_sched_sim *sim, size_t program, bool looked,
    mif_sched_each_step each, void *arg)
{
	size_t np = mif_sched_adverts_programs(sim->adverts);
	pass c = {
		.sim = sim,
		.p0 = program == MIF_SCHED_NONE ? 0 : program,
		.p1 = program == MIF_SCHED_NONE ? np : program + 1,
		.looked = looked,
		.each = each,
		.arg = arg,
	};

	if (program != MIF_SCHED_NONE && program >= np)
		return false;
	return run_pass(&c);
}

void
mif_sched_sim_free(mif_sched_sim *sim)
{
	if (sim == NULL)
		return;
	free(sim->order);
	free(sim->first);
	free(sim->nasap);
	free(sim->tester);
	free(sim->result_of);
	free(sim->site_of);
	free(sim->site_name);
	mif_sched_learning_free(&sim->learning);
	free(sim->rec);
	free(sim->rfirst);
	free(sim->rec_of);
	free(sim);
}

const mif_sched_speed *
mif_sched_sim_speed(const mif_sched_sim *sim)
{
	return &sim->speed;
}
