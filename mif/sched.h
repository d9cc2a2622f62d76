/*
 * libmif, the SMS 2.0 client: link speed, advertisements, timelines and
 * the assignment scheduler's simulation.
 * Part of the public API: "mif.h" gathers every layer.
 */
#ifndef MIF_SCHED_H
#define MIF_SCHED_H

#include "mif/sms.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* SMS 2.0 scheduling                                                  */

/*
 * The SMS 2.0 client's Advertised Programs Manager (SMSAPM32) deciding
 * when advertised programs run, and the advertisement check box
 * "assignments are not mandatory over slow links".  mif-sched(1) tells
 * the rules, mif-sched(5) the files.  Times are seconds since 1970 UTC.
 */

/* The class of the advertisements' template group. */
#define MIF_SCHED_CLASS "MIFTOOLS|ADVERTISEMENT|1.0"
/* A link slower than this, in bit/s, is slow (SMS's default). */
#define MIF_SCHED_THRESHOLD_DEFAULT 40000u
/* A speed test less than this many seconds after the last real one
 * gives that one's answer. */
#define MIF_SCHED_CACHE_SECONDS 60
/* An assignment's time when it is "as soon as possible", at logon, at
 * logoff: the event assignments (mif_sched_time_is_event()). */
#define MIF_SCHED_ASAP INT64_MIN
#define MIF_SCHED_AT_LOGON (INT64_MIN + 1)
#define MIF_SCHED_AT_LOGOFF (INT64_MIN + 2)
/* No assignment. */
#define MIF_SCHED_NONE SIZE_MAX

/* ---- the link and the speed test ---- */

/* The network as the client sees it. */
typedef struct mif_sched_link {
	uint64_t speed;        /* bit/s; 0: unknown */
	bool ras;              /* a RAS (dial-up) connection is active */
	bool cap_unreachable;  /* the client access point cannot be reached */
	const char *site;      /* the site whose CAP the test went to: the
	                          first of the client's site list (KB
	                          Q246974); NULL while the timeline names
	                          no site */
} mif_sched_link;

/* What a speed test finds, and why. */
typedef enum mif_sched_verdict {
	MIF_SCHED_LINK_FAST,        /* the speed is not below the threshold */
	MIF_SCHED_LINK_SLOW,        /* the speed is below the threshold */
	MIF_SCHED_LINK_UNKNOWN_RAS, /* speed unknown, RAS active: slow */
	MIF_SCHED_LINK_UNKNOWN_LAN, /* speed unknown, no RAS: fast */
	MIF_SCHED_LINK_NO_CAP,      /* the CAP cannot be reached: slow */
} mif_sched_verdict;

/* The verdict on a link: an unreachable CAP first, then an unknown
 * speed, then the threshold (0: MIF_SCHED_THRESHOLD_DEFAULT). */
mif_sched_verdict mif_sched_judge(const mif_sched_link *link,
    uint64_t threshold);
/* Whether a verdict means slow. */
bool mif_sched_verdict_slow(mif_sched_verdict verdict);
/* "threshold-met", "below-threshold", "unknown-with-ras",
 * "unknown-without-ras", "cap-unreachable"; NULL out of range. */
const char *mif_sched_verdict_name(mif_sched_verdict verdict);

/* One speed test's answer. */
typedef struct mif_sched_test {
	bool cached;           /* given by the cache: no test was made */
	int64_t tested;        /* when the real test that answers was made */
	mif_sched_link link;   /* the link as that test found it */
	uint64_t threshold;
	mif_sched_verdict verdict;
	bool slow;
} mif_sched_test;

/* The client's speed tests: the 60-second cache and the counts.  The
 * caller owns it (on the stack is fine); it holds no memory. */
typedef struct mif_sched_speed {
	uint64_t threshold;
	bool tested;           /* a real test has been made */
	mif_sched_test last;   /* the last real test */
	size_t made, cached;   /* tests made, answers from the cache */
} mif_sched_speed;

/* A cache with no test made yet; threshold 0: the default. */
void mif_sched_speed_init(mif_sched_speed *speed, uint64_t threshold);
/*
 * Test the link at time now: when a real test was made less than
 * MIF_SCHED_CACHE_SECONDS before (and not after now), its answer,
 * marked cached; otherwise a real test of `link`, which the cache keeps.
 */
mif_sched_test mif_sched_speed_test(mif_sched_speed *speed,
    const mif_sched_link *link, int64_t now);

/* ---- advertisements ---- */

/* A program: a package's program, named as its advertisements name it. */
typedef struct mif_sched_program {
	const char *package;   /* Package ID */
	const char *name;      /* the program's name */
} mif_sched_program;

/* One assignment of an advertisement. */
typedef struct mif_sched_assignment {
	const char *advert;    /* Advertisement ID */
	int64_t number;        /* the assignment within its advertisement */
	size_t program;        /* index of its advertisement's program */
	int64_t time;          /* when it is due, or MIF_SCHED_ASAP */
	bool not_mandatory_slow; /* its advertisement's check box */
	mif_mark mark;         /* its row in the file; line 0 when built */
	int64_t every;         /* a recurring assignment: seconds from one
	                          occurrence to the next; 0: it does not
	                          recur */
	int64_t available;     /* its advertisement is offered to clients
	                          from then on; MIF_SCHED_ASAP: from the
	                          start */
} mif_sched_assignment;

typedef struct mif_sched_adverts mif_sched_adverts;

/* No advertisements yet; NULL when out of memory. */
mif_sched_adverts *mif_sched_adverts_new(void) MIF_MUST_USE;
void mif_sched_adverts_free(mif_sched_adverts *adverts);

/*
 * Add an assignment (the strings are copied; time may be
 * MIF_SCHED_ASAP).  False with *err (may be NULL; no place) when the
 * advertisement already has this assignment number, when its earlier
 * assignments name another program or another check box (an
 * advertisement is for one program, and its box is one), or when a
 * string is empty or memory runs out.
 */
bool mif_sched_adverts_add(mif_sched_adverts *adverts, const char *advert,
    int64_t number, const char *package, const char *program, int64_t time,
    bool not_mandatory_slow, mif_error *err);

/*
 * Read the advertisements of a MIF (mif-sched(5)): the rows of the
 * template of class MIF_SCHED_CLASS, through mif_rows_open().  The
 * document should have passed mif_check().  NULL with *err placed in
 * the document (may be NULL) when there is no such template, an
 * attribute is missing or of the wrong type, a value is absent or
 * unusable (a date partly unknown, a check box other than 0 and 1), or
 * rows of one advertisement disagree; also when out of memory.  The
 * result owns copies of its strings: it does not need doc.
 */
mif_sched_adverts *mif_sched_adverts_read(const mif_doc *doc,
    mif_error *err) MIF_MUST_USE;

/* Assignments in the order added (file order), and programs in the
 * order first named; indexes count from 0.  Valid until freed. */
size_t mif_sched_adverts_count(const mif_sched_adverts *adverts);
const mif_sched_assignment *mif_sched_adverts_assignment(
    const mif_sched_adverts *adverts, size_t index);
size_t mif_sched_adverts_programs(const mif_sched_adverts *adverts);
const mif_sched_program *mif_sched_adverts_program(
    const mif_sched_adverts *adverts, size_t index);

/* ---- the client's timeline ---- */

typedef enum mif_sched_event_kind {
	MIF_SCHED_ODP,         /* the Offer Data Providers run: evaluate */
	MIF_SCHED_REFRESH,     /* the user presses Refresh: evaluate */
	MIF_SCHED_SPEED,       /* value: the link's speed in bit/s, 0 unknown */
	MIF_SCHED_RAS,         /* value: 1 a RAS connection is up, 0 down */
	MIF_SCHED_CAP,         /* value: 1 the CAP is reachable, 0 not */
	MIF_SCHED_RESULT,      /* value: 1 the last run before it succeeded
	                          (the default), 0 it failed */
	MIF_SCHED_LOGON,       /* the user logs on: evaluate, with the
	                          assignments at logon due */
	MIF_SCHED_LOGOFF,      /* the user logs off: the same at logoff */
	MIF_SCHED_SITES,       /* the client's site list changes; name: its
	                          first site, value: how many it has */
	MIF_SCHED_OFFER,       /* name: an advertisement offered to the
	                          client from now on, which the next ODP run
	                          learns */
} mif_sched_event_kind;

typedef struct mif_sched_event {
	int64_t time;
	mif_sched_event_kind kind;
	uint64_t value;
	unsigned line;         /* in the timeline text; 0 when built */
	const char *name;      /* speed, cap: the site whose CAP the link
	                          goes to, NULL for every site's; sites:
	                          the first site; offer: the advertisement
	                          ID; NULL otherwise */
} mif_sched_event;

/* "odp", "refresh", "speed", "ras", "cap", "result", "logon",
 * "logoff", "sites", "offer"; NULL out of range. */
const char *mif_sched_event_name(mif_sched_event_kind kind);

typedef struct mif_sched_timeline mif_sched_timeline;

/*
 * Parse a timeline (mif-sched(5)): one event a line, "TIME EVENT
 * [ARGUMENT]", '#' comments, times never going back.  Every bad line
 * is recorded as an error (up to MIF_MAX_ERRORS_DEFAULT, then one
 * MIF_E_TOO_MANY), with source_name and the line; the good lines are
 * kept.  NULL only when out of memory.  Free with
 * mif_sched_timeline_free().
 */
mif_sched_timeline *mif_sched_timeline_parse(const char *text, size_t len,
    const char *source_name) MIF_MUST_USE;
void mif_sched_timeline_free(mif_sched_timeline *timeline);
/* The events, in order; valid until freed. */
const mif_sched_event *mif_sched_timeline_events(
    const mif_sched_timeline *timeline, size_t *count);
size_t mif_sched_timeline_error_count(const mif_sched_timeline *timeline);
const mif_error *mif_sched_timeline_error(const mif_sched_timeline *timeline,
    size_t index);

/* ---- the simulation ---- */

typedef struct mif_sched_options {
	uint64_t threshold;    /* bit/s; 0: MIF_SCHED_THRESHOLD_DEFAULT */
	bool has_until;        /* stop at `until`; otherwise go on after the
	                          last event until every scheduled program
	                          has run */
	int64_t until;
	bool drops_event_flag; /* an SMS 2.0 client without the fix of KB
	                          Q235777 (mif-sched --client-sp 0): its
	                          ODPs drop the "mandatory over slow links"
	                          of event assignments */
} mif_sched_options;

/* What the simulation tells, in the order it happens. */
typedef enum mif_sched_step_kind {
	/* an evaluation scheduled the program */
	MIF_SCHED_STEP_SCHEDULED,
	/* an evaluation found no assignment that qualifies (a schedule
	 * the program had is dropped) */
	MIF_SCHED_STEP_NOT_SCHEDULED,
	/* one assignment the evaluation before it looked at, and what it
	 * found (one that has run is passed over) */
	MIF_SCHED_STEP_LOOKED,
	/* the program ran for an assignment */
	MIF_SCHED_STEP_RAN,
	/* at `until`: scheduled, not yet run */
	MIF_SCHED_STEP_PENDING,
	/* a result event: the program's last run (`assignment`) failed */
	MIF_SCHED_STEP_FAILED,
} mif_sched_step_kind;

typedef struct mif_sched_step {
	mif_sched_step_kind kind;
	int64_t time;          /* when it happened */
	size_t program;        /* mif_sched_adverts_program() index */
	size_t assignment;     /* the assignment scheduled, looked at, run
	                          or pending; MIF_SCHED_NONE for
	                          NOT_SCHEDULED */
	int64_t due;           /* SCHEDULED, PENDING: when the program runs
	                          (the assignment's time; the evaluation's
	                          when that has passed or is ASAP) */
	mif_sched_event_kind by; /* evaluations: MIF_SCHED_ODP or _REFRESH */
	unsigned line;         /* evaluations: the event's line */
	bool tested;           /* SCHEDULED, LOOKED: a speed test was asked
	                          (the box is set); test is its answer */
	mif_sched_test test;
	bool qualifies;        /* LOOKED: the assignment qualifies */
	bool has_run;          /* LOOKED: passed over, it has run already
	                          (no test, no due) */
	size_t skipped;        /* SCHEDULED, NOT_SCHEDULED: assignments
	                          skipped over a slow link (NOT_SCHEDULED
	                          with 0: every assignment has run) */
	size_t dropped;        /* NOT_SCHEDULED: the assignment of the
	                          schedule dropped, or MIF_SCHED_NONE */
	bool waiting;          /* NOT_SCHEDULED with skipped 0: assignments
	                          left wait for another event (ASAP, logon,
	                          logoff) */
	int64_t when;          /* SCHEDULED, LOOKED, RAN, PENDING, FAILED:
	                          for a recurring assignment, the occurrence
	                          it is for; NOT_SCHEDULED: that of the
	                          schedule dropped */
} mif_sched_step;

typedef struct mif_sched_sim mif_sched_sim;

/*
 * Simulate the client over the events (in time order) with these
 * advertisements: at each evaluation, for each program, the
 * assignments of the advertisements learned (by ODP runs) that have not
 * run, and the recurring ones at the occurrence the evaluation reaches,
 * earliest first (ASAP ones at the evaluation's time); the first that qualifies schedules the program,
 * and each scheduled program runs when its time comes.  A run settles
 * every assignment of the program due by then, and once the program
 * has run (and no result event says it failed) only the assignments of
 * recurring advertisements run it again (KB Q257271; mif-sched(1),
 * RULES).  opts may be NULL.  NULL with *err
 * (may be NULL) when the events go back in time, an offer event names
 * an advertisement that adverts does not have (placed on its line), or
 * memory runs out.
 *
 * The steps are not kept: mif_sched_sim_replay() tells them.  What is
 * kept is the order of each program's assignments and, per event, who
 * made a speed test there and whose run a result tells of: memory grows with the advertisements and
 * the events, never with their product.  Reads adverts and events,
 * which must outlive the result; free it with mif_sched_sim_free().
 */
mif_sched_sim *mif_sched_simulate(const mif_sched_adverts *adverts,
    const mif_sched_event *events, size_t nevents,
    const mif_sched_options *opts, mif_error *err) MIF_MUST_USE;
void mif_sched_sim_free(mif_sched_sim *sim);

/* Called with each step as it happens. */
typedef void (*mif_sched_each_step)(const mif_sched_step *step, void *arg);

/*
 * Go through the story again and call each(step, arg) for every step
 * of one program (a mif_sched_adverts_program() index), or of every
 * program with MIF_SCHED_NONE, in the order the steps happen; the
 * assignments looked at (MIF_SCHED_STEP_LOOKED) only when `looked`.
 * One program's steps are those it has in the whole story, speed
 * tests answered from the cache included.  Memory: the client's state
 * for those programs; without `looked`, the assignments that have run
 * cost nothing at later evaluations.  False when out of memory (or the
 * program is out of range), after the steps told so far.
 */
bool mif_sched_sim_replay(const mif_sched_sim *sim, size_t program,
    bool looked, mif_sched_each_step each, void *arg);

/* The whole story's speed tests: made, cached, and the last real one. */
const mif_sched_speed *mif_sched_sim_speed(const mif_sched_sim *sim);

/* The forms of mif_sched_report_write(): mif-sched(1), OUTPUT. */
typedef enum mif_sched_format {
	MIF_SCHED_TEXT,
	MIF_SCHED_TSV,
	MIF_SCHED_JSON,
} mif_sched_format;

/*
 * Write the story of sim over adverts to out in format, as mif-sched(1)
 * prints it: text program by program, TSV every step in time order, or
 * one JSON object; with explain, every assignment looked at too.  opts
 * (may be NULL) are those of the simulation, for what the report says
 * of them.  Steps are written as they are told, nothing is kept.  False
 * when memory runs out (after what was written so far) or out has a
 * write error.
 */
bool mif_sched_report_write(FILE *out, const mif_sched_sim *sim,
    const mif_sched_adverts *adverts, const mif_sched_options *opts,
    mif_sched_format format, bool explain);
/* The header line of the TSV form (mif-sched -H): its field names,
 * newline-terminated. */
const char *mif_sched_tsv_header(void);

#ifdef __cplusplus
}
#endif
#endif /* MIF_SCHED_H */
