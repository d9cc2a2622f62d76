/*
 * The scheduler's story written for people (text) and for scripts (TSV,
 * JSON), step by step as mif_sched_sim_replay() tells it, so that
 * nothing is kept but the step at hand (mif-sched(1), OUTPUT).
 */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sched/internal.h"

/* One report being written. */
typedef struct job {
	FILE *out;
	bool explain;
	const mif_sched_options *opts;
	const mif_sched_adverts *adverts;
	const mif_sched_sim *sim;
	const mif_sched_speed *speed;
	size_t told;         /* steps of the program written so far */
} job;

/* A JSON string of s, UTF-8. */
static void
json_text(const job *j, const char *s)
{
	mif_json_print(s, strlen(s), j->out);
}

/* ---- pieces ----------------------------------------------------------- */

/* Text for a person or a TSV field: controls escaped as mif-get does. */
static void
print_text(const job *j, const char *s)
{
	mif_value v = { .kind = MIF_V_STRING, .str = s, .len = strlen(s) };

	mif_value_print(&v, MIF_FORMAT_ESCAPE, j->out);
}

static const char *
iso(int64_t t, char buf[20])
{
	return mif_time_iso(t, buf);
}

static const mif_sched_assignment *
assignment_of(const job *j, const mif_sched_step *s)
{
	return s->assignment == MIF_SCHED_NONE ? NULL
	    : mif_sched_adverts_assignment(j->adverts, s->assignment);
}

/* A recurrence for a person: "every 2 hours", "every week". */
static void
print_every(const job *j, int64_t every)
{
	static const struct {
		int64_t seconds;
		const char *unit;
	} units[] = {
		{ 7 * 86400, "week" }, { 86400, "day" }, { 3600, "hour" },
		{ 60, "minute" }, { 1, "second" },
	};
	size_t u = 0;

	while (every % units[u].seconds != 0)
		u++;
	int64_t n = every / units[u].seconds;
	if (n == 1)
		fprintf(j->out, "every %s", units[u].unit);
	else
		fprintf(j->out, "every %" PRId64 " %ss", n, units[u].unit);
}

/* "PAR20001 assignment 1", and "(every day)" for a recurring one */
static void
print_assignment(const job *j, const mif_sched_assignment *a)
{
	print_text(j, a->advert);
	fprintf(j->out, " assignment %" PRId64, a->number);
	if (a->every > 0) {
		fputs(" (", j->out);
		print_every(j, a->every);
		fputc(')', j->out);
	}
}

/* The time of the assignment a step is about: for a recurring one, the
 * occurrence. */
static int64_t
time_of(const mif_sched_step *s, const mif_sched_assignment *a)
{
	return a->every > 0 ? s->when : a->time;
}

static const char *
step_name(mif_sched_step_kind kind)
{
	switch (kind) {
	case MIF_SCHED_STEP_SCHEDULED: return "scheduled";
	case MIF_SCHED_STEP_NOT_SCHEDULED: return "not-scheduled";
	case MIF_SCHED_STEP_LOOKED: return "looked";
	case MIF_SCHED_STEP_RAN: return "ran";
	case MIF_SCHED_STEP_FAILED: return "failed";
	default: return "pending";
	}
}

/* Steps that an event of the timeline made: evaluations, results. */
static bool
has_event(const mif_sched_step *s)
{
	return s->kind == MIF_SCHED_STEP_FAILED ||
	    s->kind == MIF_SCHED_STEP_SCHEDULED ||
	    s->kind == MIF_SCHED_STEP_NOT_SCHEDULED ||
	    s->kind == MIF_SCHED_STEP_LOOKED;
}

/* ---- text ------------------------------------------------------------- */

/* Why the link is fast or slow, for a person. */
static void
print_verdict(const job *j, const mif_sched_test *t)
{
	fprintf(j->out, "%s (", t->slow ? "slow" : "fast");
	if (t->link.site != NULL) {
		fputs("site ", j->out);
		print_text(j, t->link.site);
		fputs(", the first of the site list: ", j->out);
	}
	switch (t->verdict) {
	case MIF_SCHED_LINK_FAST:
		fprintf(j->out, "%" PRIu64 " bit/s is not below %" PRIu64, t->link.speed,
		    t->threshold);
		break;
	case MIF_SCHED_LINK_SLOW:
		fprintf(j->out, "%" PRIu64 " bit/s is below %" PRIu64, t->link.speed,
		    t->threshold);
		break;
	case MIF_SCHED_LINK_UNKNOWN_RAS:
		fputs("speed unknown, RAS on", j->out);
		break;
	case MIF_SCHED_LINK_UNKNOWN_LAN:
		fputs("speed unknown, RAS off", j->out);
		break;
	case MIF_SCHED_LINK_NO_CAP:
		fputs("the CAP is unreachable", j->out);
		break;
	}
	fputc(')', j->out);
}

/* An event assignment's time for a person, and in TSV and JSON; NULL
 * for a timed one. */
static const char *
event_words(int64_t time)
{
	return time == MIF_SCHED_ASAP ? "as soon as possible"
	    : time == MIF_SCHED_AT_LOGON ? "at logon"
	    : time == MIF_SCHED_AT_LOGOFF ? "at logoff" : NULL;
}

static const char *
event_word(int64_t time)
{
	return time == MIF_SCHED_ASAP ? "asap"
	    : time == MIF_SCHED_AT_LOGON ? "logon"
	    : time == MIF_SCHED_AT_LOGOFF ? "logoff" : NULL;
}

/* How the client sees the box: a test asked for an assignment whose box
 * is clear is one whose flag the ODPs dropped (KB Q235777). */
static const char *
box_words(const mif_sched_step *s, const mif_sched_assignment *a)
{
	return !s->tested ? "mandatory over slow links"
	    : a->not_mandatory_slow ? "not mandatory over slow links"
	    : "mandatory over slow links, but the ODPs dropped the flag "
	    "(KB Q235777)";
}

static void
text_reason(const job *j, const mif_sched_step *s,
    const mif_sched_assignment *a)
{
	fprintf(j->out, " (%s%s", box_words(s, a), s->tested
	    ? "; the link is fast" : ": needs no speed test");
	if (s->skipped > 0)
		fprintf(j->out, "; %zu earlier assignment%s skipped over the slow link",
		    s->skipped, s->skipped > 1 ? "s" : "");
	fputc(')', j->out);
}

static void
text_scheduled(const job *j, const mif_sched_step *s,
    const mif_sched_assignment *a)
{
	char t[20];

	if (s->due > s->time) {
		fprintf(j->out, "scheduled for %s, ", iso(s->due, t));
		print_assignment(j, a);
	} else {
		fputs("runs at once, ", j->out);
		print_assignment(j, a);
		if (event_words(a->time) != NULL)
			fprintf(j->out, " is %s", event_words(a->time));
		else if (time_of(s, a) == s->time)
			fputs(" is due now", j->out);
		else
			fprintf(j->out, " was due at %s", iso(time_of(s, a), t));
	}
	text_reason(j, s, a);
}

static void
text_not_scheduled(const job *j, const mif_sched_step *s)
{
	char t[20];

	fputs(s->skipped > 0 ? "not scheduled: the link is slow and no "
	    "assignment left is mandatory over slow links"
	    : s->waiting ? "not scheduled: the assignments left wait for "
	    "another event" : "not scheduled: every assignment has run", j->out);
	if (s->dropped != MIF_SCHED_NONE) {
		const mif_sched_assignment *d =
		    mif_sched_adverts_assignment(j->adverts, s->dropped);
		fputs("; the schedule for ", j->out);
		if (event_words(d->time) != NULL)
			fputs(event_words(d->time), j->out);
		else
			fputs(iso(time_of(s, d), t), j->out);
		fputs(" (", j->out);
		print_assignment(j, d);
		fputs(") is dropped", j->out);
	}
}

/* An assignment looked at, under its evaluation. */
static void
text_looked(const job *j, const mif_sched_step *s,
    const mif_sched_assignment *a)
{
	char t[20];

	fputs("    ", j->out);
	print_assignment(j, a);
	if (event_words(a->time) != NULL)
		fprintf(j->out, ", %s", event_words(a->time));
	else
		fprintf(j->out, ", %s", iso(time_of(s, a), t));
	if (s->has_run) {
		fputs(", has run: passed over\n", j->out);
		return;
	}
	if (!s->tested) {
		fputs(", mandatory over slow links: qualifies with no speed "
		    "test\n", j->out);
		return;
	}
	fprintf(j->out, ", %s: ", box_words(s, a));
	if (s->test.cached)
		fprintf(j->out, "cached answer of the test at %s: ",
		    iso(s->test.tested, t));
	else
		fputs("speed test: ", j->out);
	print_verdict(j, &s->test);
	fprintf(j->out, "%s\n", s->qualifies ? ": qualifies" : ": skipped");
}

static void
text_step(const job *j, const mif_sched_step *s)
{
	const mif_sched_assignment *a = assignment_of(j, s);
	char t[20];

	if (s->kind == MIF_SCHED_STEP_LOOKED) {
		text_looked(j, s, a);
		return;
	}
	fprintf(j->out, "  %s  ", iso(s->time, t));
	if (has_event(s))
		fprintf(j->out, "%s: ", mif_sched_event_name(s->by));
	switch (s->kind) {
	case MIF_SCHED_STEP_SCHEDULED:
		text_scheduled(j, s, a);
		break;
	case MIF_SCHED_STEP_NOT_SCHEDULED:
		text_not_scheduled(j, s);
		break;
	case MIF_SCHED_STEP_RAN:
		fputs("ran for ", j->out);
		print_assignment(j, a);
		break;
	case MIF_SCHED_STEP_FAILED:
		fputs("the run for ", j->out);
		print_assignment(j, a);
		fputs(" failed", j->out);
		break;
	default:
		fprintf(j->out, "end: still scheduled for %s, ", iso(s->due, t));
		print_assignment(j, a);
		break;
	}
	fputc('\n', j->out);
}

static void
text_each(const mif_sched_step *s, void *arg)
{
	job *j = arg;

	text_step(j, s);
	j->told++;
}

/* Program by program, each told as it happened (looked-at assignments
 * only with --explain). */
static bool
print_text_report(job *j)
{
	for (size_t p = 0; p < mif_sched_adverts_programs(j->adverts); p++) {
		const mif_sched_program *pr =
		    mif_sched_adverts_program(j->adverts, p);
		print_text(j, pr->name);
		fputs(" (package ", j->out);
		print_text(j, pr->package);
		fprintf(j->out, "%s\n", ")");
		j->told = 0;
		if (!mif_sched_sim_replay(j->sim, p, j->explain, text_each, j))
			return false;
		if (j->told == 0)
			fprintf(j->out, "%s\n", "  never evaluated: not scheduled");
		fputc('\n', j->out);
	}
	fprintf(j->out, "speed tests: %zu made, %zu answered from the cache\n",
	    j->speed->made, j->speed->cached);
	return true;
}

/* ---- TSV -------------------------------------------------------------- */

static void
tsv_step(const mif_sched_step *s, void *arg)
{
	const job *j = arg;
	const mif_sched_program *pr =
	    mif_sched_adverts_program(j->adverts, s->program);
	const mif_sched_assignment *a = assignment_of(j, s);
	bool looked = s->kind == MIF_SCHED_STEP_LOOKED && !s->has_run;
	bool has_due = s->kind == MIF_SCHED_STEP_SCHEDULED || looked ||
	    s->kind == MIF_SCHED_STEP_PENDING;
	bool has_test = s->kind == MIF_SCHED_STEP_SCHEDULED || looked;
	char t[20];

	fprintf(j->out, "%s\t%s\t%s\t", iso(s->time, t), step_name(s->kind),
	    has_event(s) ? mif_sched_event_name(s->by) : "");
	print_text(j, pr->package);
	fputc('\t', j->out);
	print_text(j, pr->name);
	fputc('\t', j->out);
	if (a != NULL) {
		print_text(j, a->advert);
		fprintf(j->out, "\t%" PRId64 "\t%s", a->number, event_word(a->time) != NULL
		    ? event_word(a->time) : iso(time_of(s, a), t));
	} else {
		fputs("\t\t", j->out);
	}
	fprintf(j->out, "\t%s", has_due ? iso(s->due, t) : "");
	fprintf(j->out, "\t%s\t%s", !has_test ? "" : !s->tested ? "none"
	    : s->test.cached ? "cached" : "made",
	    has_test && s->tested ? mif_sched_verdict_name(s->test.verdict)
	    : "");
	if (s->kind == MIF_SCHED_STEP_LOOKED)
		fprintf(j->out, "\t%s\n", s->has_run ? "has-run" : s->qualifies
		    ? "qualifies" : "skipped");
	else if (s->kind == MIF_SCHED_STEP_NOT_SCHEDULED)
		fprintf(j->out, "\t%s\n", s->skipped > 0 ? "slow-link"
		    : s->waiting ? "waits-event" : "all-run");
	else
		fputs("\t\n", j->out);
}

const char *
mif_sched_tsv_header(void)
{
	return "time\tstep\tevent\tpackage\tprogram\tadvertisement\t"
	    "assignment\tassignment_time\tdue\ttest\tverdict\toutcome\n";
}

/* Every program's steps in the order they happened. */
static bool
print_tsv_report(job *j)
{
	return mif_sched_sim_replay(j->sim, MIF_SCHED_NONE, j->explain,
	    tsv_step, j);
}

/* ---- JSON ------------------------------------------------------------- */

static void
json_time(const job *j, const char *name, int64_t t)
{
	char buf[20];

	fprintf(j->out, ", \"%s\": ", name);
	json_text(j, mif_time_iso(t, buf));
}

static void
json_assignment(const job *j, const char *prefix,
    const mif_sched_step *s, const mif_sched_assignment *a)
{
	fprintf(j->out, "%s\"advertisement\": ", prefix);
	json_text(j, a->advert);
	fprintf(j->out, ", \"assignment\": %" PRId64 ", \"assignment_time\": ", a->number);
	if (event_word(a->time) != NULL)
		fprintf(j->out, "\"%s\"", event_word(a->time));
	else {
		char buf[20];
		json_text(j, mif_time_iso(time_of(s, a), buf));
	}
	if (a->every > 0)
		fprintf(j->out, ", \"every\": %" PRId64, a->every);
	else
		fputs(", \"every\": null", j->out);
	fprintf(j->out, ", \"not_mandatory_over_slow_links\": %s",
	    a->not_mandatory_slow ? "true" : "false");
}

static void
json_test(const job *j, const mif_sched_step *s)
{
	if (!s->tested) {
		fputs(", \"test\": null", j->out);
		return;
	}
	const mif_sched_test *t = &s->test;
	fprintf(j->out, ", \"test\": {\"cached\": %s", t->cached ? "true" : "false");
	json_time(j, "tested", t->tested);
	fputs(", \"site\": ", j->out);
	if (t->link.site != NULL)
		json_text(j, t->link.site);
	else
		fputs("null", j->out);
	fprintf(j->out, ", \"speed\": %" PRIu64 ", \"ras\": %s, \"cap_reachable\": %s, "
	    "\"threshold\": %" PRIu64 ", \"verdict\": \"%s\", \"slow\": %s}",
	    t->link.speed, t->link.ras ? "true" : "false",
	    t->link.cap_unreachable ? "false" : "true", t->threshold,
	    mif_sched_verdict_name(t->verdict), t->slow ? "true" : "false");
}

static void
json_step(const job *j, const mif_sched_step *s)
{
	const mif_sched_assignment *a = assignment_of(j, s);
	char buf[20];

	fprintf(j->out, "        {\"time\": \"%s\", \"step\": \"%s\"",
	    mif_time_iso(s->time, buf), step_name(s->kind));
	if (has_event(s))
		fprintf(j->out, ", \"event\": \"%s\", \"line\": %u",
		    mif_sched_event_name(s->by), s->line);
	if (a != NULL)
		json_assignment(j, ", ", s, a);
	switch (s->kind) {
	case MIF_SCHED_STEP_SCHEDULED:
		json_time(j, "due", s->due);
		json_test(j, s);
		break;
	case MIF_SCHED_STEP_LOOKED:
		if (s->has_run)
			fputs(", \"due\": null", j->out);
		else
			json_time(j, "due", s->due);
		json_test(j, s);
		fprintf(j->out, ", \"qualifies\": %s, \"has_run\": %s",
		    s->qualifies ? "true" : "false",
		    s->has_run ? "true" : "false");
		break;
	case MIF_SCHED_STEP_NOT_SCHEDULED:
		fprintf(j->out, ", \"reason\": \"%s\", \"dropped\": ",
		    s->skipped > 0 ? "slow-link"
		    : s->waiting ? "waits-event" : "all-run");
		if (s->dropped == MIF_SCHED_NONE) {
			fputs("null", j->out);
		} else {
			json_assignment(j, "{", s,
			    mif_sched_adverts_assignment(j->adverts, s->dropped));
			fputc('}', j->out);
		}
		break;
	case MIF_SCHED_STEP_PENDING:
		json_time(j, "due", s->due);
		break;
	default:
		break;
	}
	fputc('}', j->out);
}

static void
json_each(const mif_sched_step *s, void *arg)
{
	job *j = arg;

	fputs(j->told > 0 ? ",\n" : "\n", j->out);
	json_step(j, s);
	j->told++;
}

static bool
print_json_report(job *j)
{
	char buf[20];

	fprintf(j->out, "{\n  \"threshold\": %" PRIu64 ",\n  \"until\": ",
	    j->speed->threshold);
	if (j->opts->has_until)
		json_text(j, mif_time_iso(j->opts->until, buf));
	else
		fputs("null", j->out);
	fprintf(j->out, ",\n  \"speed_tests\": {\"made\": %zu, \"cached\": %zu},\n"
	    "  \"programs\": [", j->speed->made, j->speed->cached);
	size_t np = mif_sched_adverts_programs(j->adverts);
	for (size_t p = 0; p < np; p++) {
		const mif_sched_program *pr =
		    mif_sched_adverts_program(j->adverts, p);
		fputs(p > 0 ? ",\n    {\n      \"package\": " :
		    "\n    {\n      \"package\": ", j->out);
		json_text(j, pr->package);
		fputs(",\n      \"program\": ", j->out);
		json_text(j, pr->name);
		fputs(",\n      \"steps\": [", j->out);
		j->told = 0;
		if (!mif_sched_sim_replay(j->sim, p, j->explain, json_each, j))
			return false;
		fputs(j->told > 0 ? "\n      ]\n    }" : "]\n    }", j->out);
	}
	fputs(np > 0 ? "\n  ]\n}\n" : "]\n}\n", j->out);
	return true;
}

bool
mif_sched_report_write(FILE *out, const mif_sched_sim *sim,
    const mif_sched_adverts *adverts, const mif_sched_options *opts,
    mif_sched_format format, bool explain)
{
	mif_sched_options none;

	if (opts == NULL) {
		memset(&none, 0, sizeof none);
		opts = &none;
	}
	job j = { out, explain, opts, adverts, sim, mif_sched_sim_speed(sim), 0 };
	bool ok = format == MIF_SCHED_TEXT ? print_text_report(&j)
	    : format == MIF_SCHED_TSV ? print_tsv_report(&j)
	    : print_json_report(&j);
	return ok && !ferror(out);
}
