/*
 * The scheduler's simulation shared by its two files: sched_sim.c goes
 * through the story (the events, the runs, the passes) and
 * sched_eval.c evaluates one program at one event.  Internal to the
 * sched layer.
 */
#ifndef MIF_SCHED_SIM_H
#define MIF_SCHED_SIM_H

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

static inline void
emit(pass *c, const mif_sched_step *step)
{
	if (c->each != NULL)
		c->each(step, c->arg);
}

static inline schedule *
sched_of(const pass *c, size_t program)
{
	return &c->sched[program - c->p0];
}

/* Names for other files carry the library's prefix. */
#define evaluate_program mif_sched_evaluate_program
#define tested_link mif_sched_tested_link

/*
 * Program p at the evaluation ev: learn what an ODP run finds, then
 * look at its assignments (kept in c->looks when c->looked) and fill
 * *outcome.  False when the program is not evaluated (the client knows
 * none of its advertisements) or memory runs out (c->ok false).
 */
bool evaluate_program(pass *c, size_t p, const mif_sched_event *ev,
    mif_sched_step *outcome);

/* The link a speed test measures now. */
mif_sched_link tested_link(const pass *c);

#endif /* MIF_SCHED_SIM_H */
