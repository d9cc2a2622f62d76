/*
 * One program evaluated at one event (mif-sched(1), RULES): the
 * advertisements an ODP run learns, then the program's assignments
 * that have not run and its recurring ones at their occurrences,
 * earliest first, until one qualifies.  Those that have run are skipped
 * at no cost, and over a slow link those not mandatory are counted, not
 * walked (sched_runs.c), unless the assignments looked at are wanted.
 */
#include <stdlib.h>

#include "sched/sim.h"

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
mif_sched_link
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
	/* now - time in unsigned arithmetic, which cannot overflow */
	uint64_t since = (uint64_t)now - (uint64_t)a->time;
	int64_t latest = a->time + (int64_t)(since / (uint64_t)a->every *
	    (uint64_t)a->every);
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
	if (c->nrc > 1)
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
bool
evaluate_program(pass *c, size_t p, const mif_sched_event *ev,
    mif_sched_step *result)
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
		return false;
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
		return false;
	/* Nothing here, but event assignments of another event are left:
	 * they wait for it rather than having run. */
	if (outcome.kind == MIF_SCHED_STEP_NOT_SCHEDULED && outcome.skipped == 0)
		outcome.waiting = mif_sched_runs_next(&c->runs, sim->first[p]) <
		    sim->first[p] + sim->nasap[p];
	*result = outcome;
	return true;
}
