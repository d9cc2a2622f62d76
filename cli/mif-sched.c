/*
 * mif-sched: the SMS 2.0 client's assignment scheduler and the check box
 * "assignments are not mandatory over slow links" (KB 202332).
 *
 * Reads advertisements (a MIF) and the client's timeline, simulates, and
 * prints when each program was scheduled and when it ran: text for
 * people, TSV or JSON for scripts; --explain adds every assignment
 * looked at and every speed test.  Exit 0, or 2 on trouble.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jsonw.h"
#include "load.h"
#include "report.h"

static const char prog[] = "mif-sched";

static const char usage[] =
    "usage: mif-sched [--threshold BPS] [--until TIME] [-f text|tsv|json]\n"
    "                 [--explain] [--input-encoding ENC] ADVERTS TIMELINE\n";

static const char help[] =
    "Simulate the SMS 2.0 client scheduling advertised programs, with\n"
    "\"assignments are not mandatory over slow links\".\n"
    "\n"
    "  -f, --format FORMAT    text (default), tsv or json\n"
    "      --threshold BPS    slower than this is slow (default 40000)\n"
    "      --until TIME       stop at TIME (default: when every scheduled\n"
    "                         program has run)\n"
    "      --explain          every assignment looked at, every speed test\n"
    "      --input-encoding ENC  read ADVERTS as latin1, utf-8, utf-16le or\n"
    "                         utf-16be (default: as its byte-order mark\n"
    "                         says, latin1 without one)\n"
    "      --help             this help\n"
    "      --version          the version\n"
    "\n"
    "ADVERTS is a MIF of advertisements, TIMELINE the client's events\n"
    "(mif-sched(5)); either may be - for standard input.  Exit status:\n"
    "0 done, 2 trouble.\n";

enum format { TEXT, TSV, JSON };

typedef struct job {
	enum format format;
	bool explain;
	mif_sched_options opts;
	const mif_sched_adverts *adverts;
	const mif_sched_sim *sim;
	const mif_sched_speed *speed;
	size_t told;         /* steps of the program printed so far */
} job;

/* ---- pieces ----------------------------------------------------------- */

/* Text for a person or a TSV field: controls escaped as mif-get does. */
static void
print_text(const char *s)
{
	mif_value v = { .kind = MIF_V_STRING, .str = s, .len = strlen(s) };

	mif_value_print(&v, MIF_FORMAT_ESCAPE, stdout);
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

/* "PAR20001 assignment 1" */
static void
print_assignment(const mif_sched_assignment *a)
{
	print_text(a->advert);
	printf(" assignment %" PRId64, a->number);
}

static const char *
step_name(mif_sched_step_kind kind)
{
	switch (kind) {
	case MIF_SCHED_STEP_SCHEDULED: return "scheduled";
	case MIF_SCHED_STEP_NOT_SCHEDULED: return "not-scheduled";
	case MIF_SCHED_STEP_LOOKED: return "looked";
	case MIF_SCHED_STEP_RAN: return "ran";
	default: return "pending";
	}
}

static bool
is_evaluation(const mif_sched_step *s)
{
	return s->kind == MIF_SCHED_STEP_SCHEDULED ||
	    s->kind == MIF_SCHED_STEP_NOT_SCHEDULED ||
	    s->kind == MIF_SCHED_STEP_LOOKED;
}

/* ---- text ------------------------------------------------------------- */

/* Why the link is fast or slow, for a person. */
static void
print_verdict(const mif_sched_test *t)
{
	printf("%s (", t->slow ? "slow" : "fast");
	switch (t->verdict) {
	case MIF_SCHED_LINK_FAST:
		printf("%" PRIu64 " bit/s is not below %" PRIu64, t->link.speed,
		    t->threshold);
		break;
	case MIF_SCHED_LINK_SLOW:
		printf("%" PRIu64 " bit/s is below %" PRIu64, t->link.speed,
		    t->threshold);
		break;
	case MIF_SCHED_LINK_UNKNOWN_RAS:
		fputs("speed unknown, RAS on", stdout);
		break;
	case MIF_SCHED_LINK_UNKNOWN_LAN:
		fputs("speed unknown, RAS off", stdout);
		break;
	case MIF_SCHED_LINK_NO_CAP:
		fputs("the CAP is unreachable", stdout);
		break;
	}
	putchar(')');
}

static void
text_reason(const mif_sched_step *s)
{
	fputs(s->tested ? " (not mandatory over slow links; the link is fast"
	    : " (mandatory over slow links: needs no speed test", stdout);
	if (s->skipped > 0)
		printf("; %zu earlier assignment%s skipped over the slow link",
		    s->skipped, s->skipped > 1 ? "s" : "");
	putchar(')');
}

static void
text_scheduled(const mif_sched_step *s, const mif_sched_assignment *a)
{
	char t[20];

	if (s->due > s->time) {
		printf("scheduled for %s, ", iso(s->due, t));
		print_assignment(a);
	} else {
		fputs("runs at once, ", stdout);
		print_assignment(a);
		if (a->time == MIF_SCHED_ASAP)
			fputs(" is as soon as possible", stdout);
		else if (a->time == s->time)
			fputs(" is due now", stdout);
		else
			printf(" was due at %s", iso(a->time, t));
	}
	text_reason(s);
}

static void
text_not_scheduled(const job *j, const mif_sched_step *s)
{
	char t[20];

	fputs(s->skipped > 0 ? "not scheduled: the link is slow and no "
	    "assignment left is mandatory over slow links"
	    : "not scheduled: every assignment has run", stdout);
	if (s->dropped != MIF_SCHED_NONE) {
		const mif_sched_assignment *d =
		    mif_sched_adverts_assignment(j->adverts, s->dropped);
		fputs("; the schedule for ", stdout);
		if (d->time == MIF_SCHED_ASAP)
			fputs("as soon as possible", stdout);
		else
			fputs(iso(d->time, t), stdout);
		fputs(" (", stdout);
		print_assignment(d);
		fputs(") is dropped", stdout);
	}
}

/* An assignment looked at, under its evaluation. */
static void
text_looked(const mif_sched_step *s, const mif_sched_assignment *a)
{
	char t[20];

	fputs("    ", stdout);
	print_assignment(a);
	if (a->time == MIF_SCHED_ASAP)
		fputs(", as soon as possible", stdout);
	else
		printf(", %s", iso(a->time, t));
	if (s->has_run) {
		fputs(", has run: passed over\n", stdout);
		return;
	}
	if (!s->tested) {
		fputs(", mandatory over slow links: qualifies with no speed "
		    "test\n", stdout);
		return;
	}
	fputs(", not mandatory over slow links: ", stdout);
	if (s->test.cached)
		printf("cached answer of the test at %s: ",
		    iso(s->test.tested, t));
	else
		fputs("speed test: ", stdout);
	print_verdict(&s->test);
	puts(s->qualifies ? ": qualifies" : ": skipped");
}

static void
text_step(const job *j, const mif_sched_step *s)
{
	const mif_sched_assignment *a = assignment_of(j, s);
	char t[20];

	if (s->kind == MIF_SCHED_STEP_LOOKED) {
		text_looked(s, a);
		return;
	}
	printf("  %s  ", iso(s->time, t));
	if (is_evaluation(s))
		printf("%s: ", mif_sched_event_name(s->by));
	switch (s->kind) {
	case MIF_SCHED_STEP_SCHEDULED:
		text_scheduled(s, a);
		break;
	case MIF_SCHED_STEP_NOT_SCHEDULED:
		text_not_scheduled(j, s);
		break;
	case MIF_SCHED_STEP_RAN:
		fputs("ran for ", stdout);
		print_assignment(a);
		break;
	default:
		printf("end: still scheduled for %s, ", iso(s->due, t));
		print_assignment(a);
		break;
	}
	putchar('\n');
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
		print_text(pr->name);
		fputs(" (package ", stdout);
		print_text(pr->package);
		puts(")");
		j->told = 0;
		if (!mif_sched_sim_replay(j->sim, p, j->explain, text_each, j))
			return false;
		if (j->told == 0)
			puts("  never evaluated: not scheduled");
		putchar('\n');
	}
	printf("speed tests: %zu made, %zu answered from the cache\n",
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

	printf("%s\t%s\t%s\t", iso(s->time, t), step_name(s->kind),
	    is_evaluation(s) ? mif_sched_event_name(s->by) : "-");
	print_text(pr->package);
	putchar('\t');
	print_text(pr->name);
	putchar('\t');
	if (a != NULL) {
		print_text(a->advert);
		printf("\t%" PRId64 "\t%s", a->number, a->time == MIF_SCHED_ASAP
		    ? "asap" : iso(a->time, t));
	} else {
		fputs("-\t-\t-", stdout);
	}
	printf("\t%s", has_due ? iso(s->due, t) : "-");
	printf("\t%s\t%s", !has_test ? "-" : !s->tested ? "none"
	    : s->test.cached ? "cached" : "made",
	    has_test && s->tested ? mif_sched_verdict_name(s->test.verdict)
	    : "-");
	if (s->kind == MIF_SCHED_STEP_LOOKED)
		printf("\t%s\n", s->has_run ? "has-run" : s->qualifies
		    ? "qualifies" : "skipped");
	else if (s->kind == MIF_SCHED_STEP_NOT_SCHEDULED)
		printf("\t%s\n", s->skipped > 0 ? "slow-link" : "all-run");
	else
		fputs("\t-\n", stdout);
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
json_time(const char *name, int64_t t)
{
	char buf[20];

	printf(", \"%s\": ", name);
	json_cstring(stdout, mif_time_iso(t, buf));
}

static void
json_assignment(const char *prefix, const mif_sched_assignment *a)
{
	printf("%s\"advertisement\": ", prefix);
	json_cstring(stdout, a->advert);
	printf(", \"assignment\": %" PRId64 ", \"assignment_time\": ", a->number);
	if (a->time == MIF_SCHED_ASAP)
		fputs("\"asap\"", stdout);
	else {
		char buf[20];
		json_cstring(stdout, mif_time_iso(a->time, buf));
	}
	printf(", \"not_mandatory_over_slow_links\": %s",
	    a->not_mandatory_slow ? "true" : "false");
}

static void
json_test(const mif_sched_step *s)
{
	if (!s->tested) {
		fputs(", \"test\": null", stdout);
		return;
	}
	const mif_sched_test *t = &s->test;
	printf(", \"test\": {\"cached\": %s", t->cached ? "true" : "false");
	json_time("tested", t->tested);
	printf(", \"speed\": %" PRIu64 ", \"ras\": %s, \"cap_reachable\": %s, "
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

	printf("        {\"time\": \"%s\", \"step\": \"%s\"",
	    mif_time_iso(s->time, buf), step_name(s->kind));
	if (is_evaluation(s))
		printf(", \"event\": \"%s\", \"line\": %u",
		    mif_sched_event_name(s->by), s->line);
	if (a != NULL)
		json_assignment(", ", a);
	switch (s->kind) {
	case MIF_SCHED_STEP_SCHEDULED:
		json_time("due", s->due);
		json_test(s);
		break;
	case MIF_SCHED_STEP_LOOKED:
		if (s->has_run)
			fputs(", \"due\": null", stdout);
		else
			json_time("due", s->due);
		json_test(s);
		printf(", \"qualifies\": %s, \"has_run\": %s",
		    s->qualifies ? "true" : "false",
		    s->has_run ? "true" : "false");
		break;
	case MIF_SCHED_STEP_NOT_SCHEDULED:
		printf(", \"reason\": \"%s\", \"dropped\": ",
		    s->skipped > 0 ? "slow-link" : "all-run");
		if (s->dropped == MIF_SCHED_NONE) {
			fputs("null", stdout);
		} else {
			json_assignment("{",
			    mif_sched_adverts_assignment(j->adverts, s->dropped));
			putchar('}');
		}
		break;
	case MIF_SCHED_STEP_PENDING:
		json_time("due", s->due);
		break;
	default:
		break;
	}
	putchar('}');
}

static void
json_each(const mif_sched_step *s, void *arg)
{
	job *j = arg;

	fputs(j->told > 0 ? ",\n" : "\n", stdout);
	json_step(j, s);
	j->told++;
}

static bool
print_json_report(job *j)
{
	char buf[20];

	printf("{\n  \"threshold\": %" PRIu64 ",\n  \"until\": ",
	    j->speed->threshold);
	if (j->opts.has_until)
		json_cstring(stdout, mif_time_iso(j->opts.until, buf));
	else
		fputs("null", stdout);
	printf(",\n  \"speed_tests\": {\"made\": %zu, \"cached\": %zu},\n"
	    "  \"programs\": [", j->speed->made, j->speed->cached);
	size_t np = mif_sched_adverts_programs(j->adverts);
	for (size_t p = 0; p < np; p++) {
		const mif_sched_program *pr =
		    mif_sched_adverts_program(j->adverts, p);
		fputs(p > 0 ? ",\n    {\n      \"package\": " :
		    "\n    {\n      \"package\": ", stdout);
		json_cstring(stdout, pr->package);
		fputs(",\n      \"program\": ", stdout);
		json_cstring(stdout, pr->name);
		fputs(",\n      \"steps\": [", stdout);
		j->told = 0;
		if (!mif_sched_sim_replay(j->sim, p, j->explain, json_each, j))
			return false;
		fputs(j->told > 0 ? "\n      ]\n    }" : "]\n    }", stdout);
	}
	fputs(np > 0 ? "\n  ]\n}\n" : "]\n}\n", stdout);
	return true;
}

/* ---- inputs ----------------------------------------------------------- */

/* Read and parse the timeline, reporting every bad line; NULL when it
 * cannot be read or has errors. */
static mif_sched_timeline *
load_timeline(const char *path)
{
	const char *name = cli_display_name(path);
	size_t len;
	char *text = cli_read_file(path, &len);

	if (text == NULL) {
		report_fatal(stderr, prog, name, "%s", cli_read_error(errno));
		return NULL;
	}
	mif_sched_timeline *tl = mif_sched_timeline_parse(text, len, name);
	free(text);
	if (tl == NULL) {
		report_fatal(stderr, prog, name, "out of memory");
		return NULL;
	}
	size_t n = mif_sched_timeline_error_count(tl);
	for (size_t i = 0; i < n; i++) {
		const mif_error *e = mif_sched_timeline_error(tl, i);
		/* a line-oriented file: the line says enough */
		fprintf(stderr, "%s: %s:%u: %s: %s\n", prog, name, e->mark.line,
		    mif_severity_name(e->severity), e->text);
	}
	if (n > 0) {
		mif_sched_timeline_free(tl);
		return NULL;
	}
	return tl;
}

/* The advertisements of a MIF that parses and checks clean. */
static mif_sched_adverts *
load_adverts(const char *path, const mif_parse_options *input)
{
	const char *name = cli_display_name(path);
	int status;
	mif_doc *doc = cli_load(prog, path, input, CLI_TROUBLE, &status);

	if (doc == NULL)
		return NULL;
	mif_error err;
	mif_sched_adverts *a = mif_sched_adverts_read(doc, &err);
	if (a == NULL)
		report_diag(stderr, prog, name, doc, &err);
	mif_doc_free(doc);
	return a;
}

int
main(int argc, char *argv[])
{
	enum { OPT_THRESHOLD = 256, OPT_UNTIL, OPT_EXPLAIN, OPT_HELP,
		OPT_VERSION, OPT_INPUT_ENCODING };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "threshold", required_argument, NULL, OPT_THRESHOLD },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	job j = { .format = TEXT };
	mif_parse_options input = { .source_name = NULL };
	unsigned threshold;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0) j.format = TEXT;
			else if (strcmp(optarg, "tsv") == 0) j.format = TSV;
			else if (strcmp(optarg, "json") == 0) j.format = JSON;
			else cli_usage_error(prog, usage,
			    "unknown format \"%s\" (text, tsv or json)", optarg);
			break;
		case OPT_THRESHOLD:
			if (!cli_parse_count(optarg, &threshold))
				cli_usage_error(prog, usage, "--threshold wants a "
				    "speed in bit/s from 1 to 4294967295, not "
				    "\"%s\"", optarg);
			j.opts.threshold = threshold;
			break;
		case OPT_UNTIL:
			if (!mif_time_parse(optarg, &j.opts.until))
				cli_usage_error(prog, usage, "--until wants a time "
				    "(yyyy-mm-ddTHH:MM[:SS], or a DMI date), not "
				    "\"%s\"", optarg);
			j.opts.has_until = true;
			break;
		case OPT_EXPLAIN:
			j.explain = true;
			break;
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &input);
			break;
		case OPT_HELP:
			fputs(usage, stdout);
			fputs(help, stdout);
			return CLI_OK;
		case OPT_VERSION:
			cli_version(prog);
			return CLI_OK;
		default:
			cli_bad_option(prog, usage, c, argv, longopts);
		}
	}
	if (argc - optind != 2)
		cli_usage_error(prog, usage, "two files: ADVERTS and TIMELINE");
	if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1], "-") == 0)
		cli_usage_error(prog, usage, "only one file can be standard input");

	/* Both files are read before giving up, so that one run reports
	 * the mistakes of both. */
	mif_sched_adverts *adverts = load_adverts(argv[optind], &input);
	mif_sched_timeline *tl = load_timeline(argv[optind + 1]);
	int status = CLI_TROUBLE;
	mif_sched_sim *sim = NULL;
	if (adverts != NULL && tl != NULL) {
		size_t nevents;
		const mif_sched_event *events = mif_sched_timeline_events(tl,
		    &nevents);
		mif_error err;
		sim = mif_sched_simulate(adverts, events, nevents, &j.opts, &err);
		if (sim == NULL)
			fprintf(stderr, "%s: %s\n", prog, err.text);
	}
	if (sim != NULL) {
		j.adverts = adverts;
		j.sim = sim;
		j.speed = mif_sched_sim_speed(sim);
		bool ok = j.format == TEXT ? print_text_report(&j)
		    : j.format == TSV ? print_tsv_report(&j)
		    : print_json_report(&j);
		if (!ok)
			fprintf(stderr, "%s: out of memory\n", prog);
		status = ok && cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE;
	}
	mif_sched_sim_free(sim);
	mif_sched_timeline_free(tl);
	mif_sched_adverts_free(adverts);
	return status;
}
