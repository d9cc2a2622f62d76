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
 * positions by time.  The speed test measures the link to the CAP of
 * the first site of the client's site list (KB Q246974).
 *
 * Runs wait in a heap ordered by (due, program); a program's entry is
 * stale once its schedule changes (its generation moves on), so
 * replacing a schedule costs no search.  Unless the assignments looked
 * at are wanted, those that have run are skipped at no cost, and over a
 * slow link those not mandatory are counted, not walked (sched_runs.c).
 */
#include <stdlib.h>
#include <string.h>

#include "sched/internal.h"

/* An assignment in a program's order: ASAP ones first, then by time;
 * ties in file order. */
typedef struct sorted {
	size_t program;
	int64_t time;
	size_t index;
} sorted;

struct mif_sched_sim {
	const mif_sched_adverts *adverts;
	const mif_sched_event *events;
	size_t nevents;
	mif_sched_options opts;
	sorted *order;       /* by program, then as above */
	size_t *first;       /* per program + 1: its range in order */
	size_t *nasap;       /* per program: its event assignments (ASAP, at
	                        logon, at logoff), before the timed ones */
	size_t *tester;      /* per event: the program that made a real
	                        speed test there, or MIF_SCHED_NONE */
	size_t *result_of;   /* per result event: the program whose run
	                        it tells of, or MIF_SCHED_NONE */
	size_t *site_of;     /* per event: the site it names, or
	                        MIF_SCHED_NONE */
	const char **site_name; /* per site, by its code */
	size_t nsites;
	mif_sched_learning learning; /* when each advertisement is learned */
	size_t *rec;         /* the positions of recurring assignments, by
	                        program (mif_sched_assignment.every) */
	size_t *rfirst;      /* per program + 1: its range in rec */
	size_t *rec_of;      /* per position: its place in rec, or
	                        MIF_SCHED_NONE */
	mif_sched_speed speed; /* the whole story's tests */
};

typedef struct schedule {
	size_t assignment;   /* MIF_SCHED_NONE: not scheduled */
	int64_t when;        /* the occurrence, for a recurring assignment */
	int64_t due;
	uint64_t generation;
	size_t ran_for;      /* the assignment of its last run, or
	                        MIF_SCHED_NONE: it has not run */
	bool failed;         /* a result event says that run failed */
	bool settled;        /* after a run that did not fail, the
	                        assignments not recurring are passed over */
	int64_t last_run;    /* when it ran last, if ran_for is set */
	int64_t ran_when;    /* the occurrence that run was for */
	size_t learned;      /* by_program: its advertisements learned are
	                        those before this */
} schedule;

/* An assignment as an evaluation sees it: a position of order, or a
 * recurring assignment at one occurrence; they come by (key, index). */
typedef struct candidate {
	int64_t key;         /* the assignment's time, or its occurrence's;
	                        the evaluation's for an event assignment */
	size_t index;
	size_t pos;          /* in order */
	bool recurring;
} candidate;

typedef struct pending_run {
	int64_t due;
	size_t program;
	uint64_t generation;
} pending_run;

/* The link to one CAP, or to every CAP, as the timeline last said. */
typedef struct cap_link {
	uint64_t speed;
	bool cap_unreachable;
	size_t speed_at, cap_at; /* the event that said so, + 1; 0: none */
} cap_link;

/* One pass over the story for programs p0 .. p1 - 1. */
typedef struct pass {
	const mif_sched_sim *sim;
	size_t p0, p1;
	size_t base;         /* order position of p0's first assignment */
	bool recording;      /* the first pass: fills sim->tester */
	bool looked;         /* hand over the assignments looked at */
	mif_sched_each_step each;
	void *arg;
	size_t event;        /* the event being applied */
	size_t last_ran;     /* the first pass: the program that ran last */
	cap_link every;      /* speed and cap events without a site */
	cap_link *sites;     /* ... and with one, per site */
	bool ras;
	size_t first_site;   /* the first of the client's site list, or
	                        MIF_SCHED_NONE */
	mif_sched_speed speed;
	schedule *sched;     /* per program, from p0 */
	mif_sched_runs runs; /* which positions have run */
	bool *rec_known;     /* per recurring assignment from rfirst[p0]:
	                        its advertisement is learned */
	candidate *rc;       /* one evaluation's recurring candidates */
	size_t nrc, rc_cap;
	mif_sched_step *looks; /* one evaluation's assignments looked at */
	size_t nlooks, looks_cap;
	pending_run *heap;
	size_t nheap, heap_cap;
	bool ok;             /* false: out of memory */
} pass;

static void
emit(pass *c, const mif_sched_step *step)
{
	if (c->each != NULL)
		c->each(step, c->arg);
}

/* ---- the heap of runs ------------------------------------------------- */

static schedule *
sched_of(const pass *c, size_t program)
{
	return &c->sched[program - c->p0];
}

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

/* Program p has run and no result said that it failed: SMS does not
 * run it again for an advertisement that is not recurring (KB Q257271).
 * Done once a program, so each assignment is walked once. */
static void
pass_over_once_run(pass *c, size_t p)
{
	const mif_sched_sim *sim = c->sim;
	schedule *s = sched_of(c, p);

	if (s->ran_for == MIF_SCHED_NONE || s->failed || s->settled)
		return;
	s->settled = true;
	for (size_t pos = mif_sched_runs_next(&c->runs, sim->first[p]);
	    pos < sim->first[p + 1];
	    pos = mif_sched_runs_next(&c->runs, pos + 1))
		if (!mif_sched_adverts_recurring(sim->adverts,
		    sim->order[pos].index))
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

/*
 * The next assignment of program p in the order of an evaluation at
 * `now`: ASAP ones count as due now, so they merge with the timed ones
 * there.  *ia and *it walk the ASAP and the timed ranges, over those
 * that have run unless they are to be looked at.  Returns the position
 * in order, or MIF_SCHED_NONE at the end.
 */
static size_t
next_in_order(pass *c, size_t p, int64_t now, size_t asap_end, size_t *ia,
    size_t *it)
{
	const mif_sched_sim *sim = c->sim;

	if (!c->looked) {
		*ia = mif_sched_runs_next(&c->runs, *ia);
		*it = mif_sched_runs_next(&c->runs, *it);
	}
	/* those of advertisements not learned are not there at all */
	while (*ia < asap_end && mif_sched_runs_hidden(&c->runs, *ia))
		(*ia)++;
	while (*it < sim->first[p + 1] && mif_sched_runs_hidden(&c->runs, *it))
		(*it)++;
	const sorted *a = *ia < asap_end ? &sim->order[*ia] : NULL;
	const sorted *t = *it < sim->first[p + 1] ? &sim->order[*it] : NULL;

	if (a != NULL && t != NULL) {
		bool asap_first = now < t->time ||
		    (now == t->time && a->index < t->index);
		if (asap_first)
			t = NULL;
		else
			a = NULL;
	}
	if (a != NULL)
		return (*ia)++;
	if (t != NULL)
		return (*it)++;
	return MIF_SCHED_NONE;
}

/* The link a speed test measures: the one to the CAP of the first site
 * of the client's site list (KB Q246974, Q246863), as the latest event
 * about that CAP or about every CAP says. */
static mif_sched_link
tested_link(const pass *c)
{
	const cap_link *e = &c->every;
	const cap_link *s = c->first_site == MIF_SCHED_NONE ? NULL
	    : &c->sites[c->first_site];
	mif_sched_link link = { .ras = c->ras };

	link.speed = s != NULL && s->speed_at > e->speed_at ? s->speed
	    : e->speed;
	link.cap_unreachable = s != NULL && s->cap_at > e->cap_at
	    ? s->cap_unreachable : e->cap_unreachable;
	if (s != NULL)
		link.site = c->sim->site_name[c->first_site];
	return link;
}

/* The link's speed, through the cache; the first pass notes who made
 * each real test. */
static mif_sched_test
test_link(pass *c, size_t program, int64_t now)
{
	mif_sched_link link = tested_link(c);
	mif_sched_test t = mif_sched_speed_test(&c->speed, &link, now);

	if (c->recording && !t.cached)
		c->sim->tester[c->event] = program;
	return t;
}

/* Keep an assignment looked at, to hand over after the outcome. */
static void
keep_look(pass *c, const mif_sched_step *look)
{
	if (!c->looked)
		return;
	if (!mif_vec_reserve((void **)&c->looks, &c->looks_cap, c->nlooks + 1,
	    sizeof *c->looks)) {
		c->ok = false;
		return;
	}
	c->looks[c->nlooks++] = *look;
}

/* In positions lo .. hi - 1 of order, sorted by time then file order,
 * the first that comes at or after (time, index). */
static size_t
first_from(const mif_sched_sim *sim, size_t lo, size_t hi, int64_t time,
    size_t index)
{
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const sorted *o = &sim->order[mid];
		if (o->time < time || (o->time == time && o->index < index))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* The assignments an evaluation by `kind` counts as due now, in
 * positions *lo .. *hi - 1 of program p's event assignments: ASAP ones
 * at an ODP run or Refresh, those at logon or logoff at that event.  The
 * time they share is returned. */
static int64_t
event_range(const mif_sched_sim *sim, size_t p, mif_sched_event_kind kind,
    size_t *lo, size_t *hi)
{
	int64_t t = kind == MIF_SCHED_LOGON ? MIF_SCHED_AT_LOGON
	    : kind == MIF_SCHED_LOGOFF ? MIF_SCHED_AT_LOGOFF : MIF_SCHED_ASAP;
	size_t timed = sim->first[p] + sim->nasap[p];

	*lo = first_from(sim, sim->first[p], timed, t, 0);
	*hi = first_from(sim, *lo, timed, t, SIZE_MAX);
	return t;
}

/* Whether the assignment at index is not mandatory over slow links as
 * the client sees it: its box, or an event assignment whose flag the
 * ODPs of a client without the fix of KB Q235777 drop. */
static bool
not_mandatory(const mif_sched_sim *sim, size_t index)
{
	const mif_sched_assignment *a =
	    mif_sched_adverts_assignment(sim->adverts, index);
	return a->not_mandatory_slow || (sim->opts.drops_event_flag &&
	    mif_sched_time_is_event(a->time));
}

/* The first mandatory assignment not run in lo .. hi - 1, or
 * MIF_SCHED_NONE. */
static size_t
first_mandatory(pass *c, size_t lo, size_t hi)
{
	size_t pos = mif_sched_runs_next_mandatory(&c->runs, lo);
	return pos < hi ? pos : MIF_SCHED_NONE;
}

/*
 * Over a slow link an evaluation of program p at `now` skips every
 * assignment not mandatory and not run before the first mandatory one
 * not run, in the order of next_in_order(): the timed ones before now,
 * then the ASAP ones and those due now by file order, then the later
 * ones.  Count them, and find that one (*mandatory, MIF_SCHED_NONE when
 * there is none), without walking them.
 */
static size_t
slow_skips(pass *c, size_t p, const mif_sched_event *ev, size_t *mandatory)
{
	const mif_sched_sim *sim = c->sim;
	const mif_sched_runs *r = &c->runs;
	int64_t now = ev->time;
	size_t asap, asap_end, timed = sim->first[p] + sim->nasap[p];
	int64_t etime = event_range(sim, p, ev->kind, &asap, &asap_end);
	size_t end = sim->first[p + 1];
	size_t at = first_from(sim, timed, end, now, 0);
	size_t after = first_from(sim, at, end, now, SIZE_MAX);
	size_t m = first_mandatory(c, timed, at);

	*mandatory = m;
	if (m != MIF_SCHED_NONE)
		return mif_sched_runs_optional_count(r, timed, m);
	size_t skipped = mif_sched_runs_optional_count(r, timed, at);
	size_t ma = first_mandatory(c, asap, asap_end);
	size_t mt = first_mandatory(c, at, after);
	if (ma != MIF_SCHED_NONE || mt != MIF_SCHED_NONE) {
		m = mt == MIF_SCHED_NONE || (ma != MIF_SCHED_NONE &&
		    sim->order[ma].index < sim->order[mt].index) ? ma : mt;
		size_t x = sim->order[m].index;
		*mandatory = m;
		return skipped + mif_sched_runs_optional_count(r, asap,
		    first_from(sim, asap, asap_end, etime, x)) +
		    mif_sched_runs_optional_count(r, at,
		    first_from(sim, at, after, now, x));
	}
	skipped += mif_sched_runs_optional_count(r, asap, asap_end) +
	    mif_sched_runs_optional_count(r, at, after);
	m = first_mandatory(c, after, end);
	*mandatory = m;
	return skipped + mif_sched_runs_optional_count(r, after,
	    m == MIF_SCHED_NONE ? end : m);
}

/*
 * The program runs at once for the timed assignment at pos: received
 * together, its advertisement's assignments due by now run once, for
 * the last one scheduled (KB Q257271).  One advertisement has one box,
 * so that one qualifies as pos did.  The run settles every position
 * walked here, so each is walked once.
 */
static size_t
last_due_of_advert(pass *c, size_t p, size_t pos, int64_t now)
{
	const mif_sched_sim *sim = c->sim;
	const char *advert = mif_sched_adverts_assignment(sim->adverts,
	    sim->order[pos].index)->advert;
	size_t last = pos;

	for (size_t q = mif_sched_runs_next(&c->runs, pos + 1);
	    q < sim->first[p + 1] && sim->order[q].time <= now;
	    q = mif_sched_runs_next(&c->runs, q + 1))
		if (mif_sched_adverts_assignment(sim->adverts,
		    sim->order[q].index)->advert == advert)
			last = q;
	return last;
}

/* The occurrence of recurring assignment a that an evaluation at `now`
 * sees: the latest due by then that no run has settled, which is
 * past-due, or else the next one; worked out, not walked, however many
 * came between.  INT64_MAX when that is past what a date can say. */
static int64_t
occurrence(const mif_sched_assignment *a, int64_t now, const schedule *s)
{
	if (now < a->time)
		return a->time;
	int64_t latest = a->time + (now - a->time) / a->every * a->every;
	if (s->ran_for == MIF_SCHED_NONE || latest > s->last_run)
		return latest;
	return latest > INT64_MAX - a->every ? INT64_MAX : latest + a->every;
}

static bool
candidate_before(const candidate *x, const candidate *y)
{
	return x->key < y->key || (x->key == y->key && x->index < y->index);
}

static int
by_candidate(const void *x, const void *y)
{
	return candidate_before(x, y) ? -1 : candidate_before(y, x) ? 1 : 0;
}

/* The recurring assignments of program p known to the client, each at
 * the occurrence the evaluation at `now` sees, in the walk's order. */
static void
recurring_candidates(pass *c, size_t p, int64_t now)
{
	const mif_sched_sim *sim = c->sim;
	const schedule *s = sched_of(c, p);

	c->nrc = 0;
	for (size_t r = sim->rfirst[p]; r < sim->rfirst[p + 1]; r++) {
		if (!c->rec_known[r - sim->rfirst[c->p0]])
			continue;
		size_t pos = sim->rec[r], index = sim->order[pos].index;
		int64_t t = occurrence(mif_sched_adverts_assignment(sim->adverts,
		    index), now, s);
		if (t == INT64_MAX)
			continue;
		if (!mif_vec_reserve((void **)&c->rc, &c->rc_cap, c->nrc + 1,
		    sizeof *c->rc)) {
			c->ok = false;
			return;
		}
		c->rc[c->nrc++] = (candidate){ t, index, pos, true };
	}
	qsort(c->rc, c->nrc, sizeof *c->rc, by_candidate);
}

/* The assignment at pos of order as a candidate: an event assignment
 * counts as due at the evaluation's time. */
static candidate
at_position(const mif_sched_sim *sim, size_t p, size_t pos, int64_t now)
{
	const sorted *o = &sim->order[pos];
	bool event = pos < sim->first[p] + sim->nasap[p];

	return (candidate){ event ? now : o->time, o->index, pos, false };
}

/* How many live assignments not mandatory over slow links, of program
 * p's at this evaluation, come before `key` in the walk's order:
 * those of the event due now (they come at its time, by file order) and
 * the timed ones. */
static size_t
optional_before(pass *c, size_t p, const mif_sched_event *ev,
    const candidate *key)
{
	const mif_sched_sim *sim = c->sim;
	size_t asap, asap_end, timed = sim->first[p] + sim->nasap[p];
	int64_t etime = event_range(sim, p, ev->kind, &asap, &asap_end);
	size_t end = sim->first[p + 1];
	size_t n = mif_sched_runs_optional_count(&c->runs, timed,
	    first_from(sim, timed, end, key->key, key->index));

	if (ev->time < key->key)
		n += mif_sched_runs_optional_count(&c->runs, asap, asap_end);
	else if (ev->time == key->key)
		n += mif_sched_runs_optional_count(&c->runs, asap,
		    first_from(sim, asap, asap_end, etime, key->index));
	return n;
}

/*
 * Over a slow link every assignment not mandatory is skipped, up to the
 * first mandatory one in the walk's order: of the positions, as
 * slow_skips() finds it, or of the recurring candidates, whichever
 * comes first.  *chosen receives it (found false when there is none);
 * the number skipped is returned.  The slow link is met at the walk's
 * first look, since a look that qualifies ends the walk.
 */
static size_t
skip_slow(pass *c, size_t p, const mif_sched_event *ev, candidate *chosen,
    bool *found)
{
	size_t m, skipped = slow_skips(c, p, ev, &m);
	size_t r = 0;

	while (r < c->nrc && not_mandatory(c->sim, c->rc[r].index))
		r++;
	candidate sm = m == MIF_SCHED_NONE ? (candidate){ 0 }
	    : at_position(c->sim, p, m, ev->time);
	if (r < c->nrc && (m == MIF_SCHED_NONE ||
	    candidate_before(&c->rc[r], &sm))) {
		*chosen = c->rc[r];
		*found = true;
		return optional_before(c, p, ev, chosen) + r;
	}
	*found = m != MIF_SCHED_NONE;
	*chosen = sm;
	size_t before = 0;
	while (before < c->nrc && (m == MIF_SCHED_NONE ||
	    candidate_before(&c->rc[before], &sm)))
		before++;
	return skipped + before;
}

/* What program p's evaluation finds in a candidate. */
static mif_sched_step
look_at(pass *c, size_t p, const candidate *x, const mif_sched_event *ev)
{
	int64_t now = ev->time;
	mif_sched_step look = {
		.kind = MIF_SCHED_STEP_LOOKED,
		.time = now,
		.program = p,
		.assignment = x->index,
		.by = ev->kind,
		.line = ev->line,
		.dropped = MIF_SCHED_NONE,
		.when = x->key,
	};

	/* Once per assignment: one that has run is passed over, shown so
	 * that --explain says why it was not chosen. */
	if (!x->recurring && mif_sched_runs_has_run(&c->runs, x->pos)) {
		look.has_run = true;
		return look;
	}
	look.tested = not_mandatory(c->sim, x->index);
	/* The box asks for a test; without it the assignment is mandatory
	 * and no test is made at all. */
	if (look.tested)
		look.test = test_link(c, p, now);
	look.qualifies = !look.tested || !look.test.slow;
	look.due = x->key < now ? now : x->key;
	return look;
}

/*
 * A program runs at once for a candidate past due: received together,
 * the assignments of its advertisement due by now run it once, for the
 * last one scheduled (KB Q257271).
 */
static candidate
last_due(pass *c, size_t p, candidate x, int64_t now)
{
	const mif_sched_sim *sim = c->sim;
	const char *advert = mif_sched_adverts_assignment(sim->adverts,
	    x.index)->advert;

	if (!x.recurring && x.pos >= sim->first[p] + sim->nasap[p])
		x = at_position(sim, p, last_due_of_advert(c, p, x.pos, now),
		    now);
	for (size_t r = 0; r < c->nrc && c->rc[r].key <= now; r++)
		if (mif_sched_adverts_assignment(sim->adverts,
		    c->rc[r].index)->advert == advert &&
		    candidate_before(&x, &c->rc[r]))
			x = c->rc[r];
	return x;
}

/*
 * The client learns an advertisement: its assignments come to life.
 * Those the program's last run settled (timed ones due by then), and
 * all but the recurring ones once it has run and not failed (KB
 * Q257271), are passed over at once; those with a recurrence of their
 * own join the program's recurring ones.
 */
static void
learn_advert(pass *c, size_t p, size_t advert)
{
	const mif_sched_sim *sim = c->sim;
	const schedule *s = sched_of(c, p);
	bool ran = s->ran_for != MIF_SCHED_NONE;

	for (size_t i = sim->learning.apfirst[advert]; i < sim->learning.apfirst[advert + 1];
	    i++) {
		size_t pos = sim->learning.apos[i], index = sim->order[pos].index;
		int64_t t = sim->order[pos].time;
		/* a recurring assignment is seen at its occurrences instead */
		if (sim->rec_of[pos] != MIF_SCHED_NONE)
			c->rec_known[sim->rec_of[pos] - sim->rfirst[c->p0]] = true;
		else if ((ran && !mif_sched_time_is_event(t) && t <= s->last_run) ||
		    (ran && !s->failed &&
		    !mif_sched_adverts_recurring(sim->adverts, index)))
			mif_sched_runs_mark(&c->runs, pos);
		else
			mif_sched_runs_show(&c->runs, pos,
			    !not_mandatory(sim, index));
	}
}

/* An ODP run finds the advertisements of program p offered by now.
 * False when the client knows none of them yet. */
static bool
learn(pass *c, size_t p, const mif_sched_event *ev)
{
	const mif_sched_sim *sim = c->sim;
	schedule *s = sched_of(c, p);

	while (ev->kind == MIF_SCHED_ODP && s->learned < sim->learning.afirst[p + 1]) {
		const mif_sched_learn_key *k = &sim->learning.key[sim->learning.by_program[s->learned]];
		if (k->time > ev->time ||
		    (k->time == ev->time && k->seq > c->event + 1))
			break;
		learn_advert(c, p, sim->learning.by_program[s->learned++]);
	}
	return s->learned > sim->learning.afirst[p];
}

/*
 * One program at one evaluation: its assignments that have not run,
 * and its recurring ones at their occurrences, earliest first; the
 * first that qualifies schedules it.  The outcome step comes first, the
 * assignments looked at after it.  A program none of whose
 * advertisements the client has learned is not evaluated.
 */
static void
evaluate_program(pass *c, size_t p, const mif_sched_event *ev)
{
	const mif_sched_sim *sim = c->sim;
	mif_sched_step outcome = {
		.kind = MIF_SCHED_STEP_NOT_SCHEDULED,
		.time = ev->time,
		.program = p,
		.assignment = MIF_SCHED_NONE,
		.by = ev->kind,
		.line = ev->line,
		.dropped = sched_of(c, p)->assignment,
		.when = sched_of(c, p)->when,
	};
	size_t ia, asap_end, it = sim->first[p] + sim->nasap[p];
	size_t held = MIF_SCHED_NONE, ri = 0;
	candidate x;

	if (!learn(c, p, ev))
		return;
	event_range(sim, p, ev->kind, &ia, &asap_end);
	pass_over_once_run(c, p);
	recurring_candidates(c, p, ev->time);
	c->nlooks = 0;
	while (c->ok) {
		/* the positions and the recurring candidates, merged */
		if (held == MIF_SCHED_NONE)
			held = next_in_order(c, p, ev->time, asap_end, &ia, &it);
		candidate h = held == MIF_SCHED_NONE ? (candidate){ 0 }
		    : at_position(sim, p, held, ev->time);
		if (ri < c->nrc && (held == MIF_SCHED_NONE ||
		    candidate_before(&c->rc[ri], &h)))
			x = c->rc[ri++];
		else if (held != MIF_SCHED_NONE) {
			x = h;
			held = MIF_SCHED_NONE;
		} else
			break;
		mif_sched_step look = look_at(c, p, &x, ev);
		keep_look(c, &look);
		if (look.has_run)
			continue;
		if (!look.qualifies) {
			outcome.skipped++;
			if (c->looked)
				continue;
			/* The link is slow, and each later test at this time
			 * gives the cache's same answer: count those skipped
			 * and their tests rather than walk them. */
			bool found;
			size_t skipped = skip_slow(c, p, ev, &x, &found);
			c->speed.cached += skipped - 1;
			outcome.skipped = skipped;
			if (!found)
				break;
			look = look_at(c, p, &x, ev);
		}
		bool event = !x.recurring &&
		    x.pos < sim->first[p] + sim->nasap[p];
		if (look.due == ev->time && !event) {
			x = last_due(c, p, x, ev->time);
			look.assignment = x.index;
			look.when = x.key;
		}
		outcome.kind = MIF_SCHED_STEP_SCHEDULED;
		outcome.assignment = look.assignment;
		outcome.when = look.when;
		outcome.due = look.due;
		outcome.tested = look.tested;
		outcome.test = look.test;
		outcome.dropped = MIF_SCHED_NONE;
		break;
	}
	if (!c->ok)
		return;
	/* Nothing here, but event assignments of another event are left:
	 * they wait for it rather than having run. */
	if (outcome.kind == MIF_SCHED_STEP_NOT_SCHEDULED && outcome.skipped == 0)
		outcome.waiting = mif_sched_runs_next(&c->runs, sim->first[p]) <
		    sim->first[p] + sim->nasap[p];
	emit(c, &outcome);
	for (size_t i = 0; i < c->nlooks; i++)
		emit(c, &c->looks[i]);
	set_schedule(c, p, outcome.assignment, outcome.when, outcome.due);
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
		for (size_t p = c->p0; c->ok && p < c->p1; p++)
			evaluate_program(c, p, ev);
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
