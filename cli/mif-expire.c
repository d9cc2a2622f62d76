/* mif-expire: a job status table as it stands after the job expires,
 * under the expiry rules of one SMS version (KB Q152229). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobs.h"
#include "report.h"

static const char prog[] = "mif-expire";

static const char usage[] =
    "usage: mif-expire --sms VERSION [--at TIME] [--polled SMSID[,SMSID...]]... "
    "[--explain]\n"
    "                  [--input-encoding ENC] [TABLE]\n";

static const char help[] =
    "Apply an SMS version's expiry rules to a job status table.\n"
    "\n"
    "  --sms VERSION       the site's SMS version: %s\n"
    "  --at TIME           when the clients polled and sent their expiry\n"
    "                      instructions (default: the job's Expires); rows\n"
    "                      reported later keep their status\n"
    "  --polled LIST       the workstations that polled after the expiry,\n"
    "                      SMS IDs separated by commas (default: all)\n"
    "  --explain           tell on standard error, row by row, what changed\n"
    "                      and why\n"
    "  --input-encoding ENC  read TABLE as latin1, utf-8, utf-16le or\n"
    "                      utf-16be (default: as its byte-order mark says,\n"
    "                      latin1 without one)\n"
    "  --help              show this help and exit\n"
    "  --version           show the version and exit\n"
    "\n"
    "The table is read from TABLE, or from standard input, and written to\n"
    "standard output.\n"
    "TIME is yyyy-mm-dd[Thh:mm[:ss]][Z|+hh:mm] or a DMI date, UTC by default.\n"
    "Exit status: 0 done, 2 trouble.\n";

typedef struct settings {
	const mif_sms_version *version;
	bool at_given;
	int64_t at;
	char **polled;      /* the --polled arguments */
	size_t npolled;
	bool explain;
	const char *table;
	mif_parse_options input;
} settings;

static void
parse_options(int argc, char **argv, settings *s)
{
	enum { OPT_SMS = 256, OPT_AT, OPT_POLLED, OPT_EXPLAIN, OPT_HELP,
	    OPT_VERSION, OPT_INPUT_ENCODING };
	static const struct option longopts[] = {
		{ "sms", required_argument, NULL, OPT_SMS },
		{ "at", required_argument, NULL, OPT_AT },
		{ "polled", required_argument, NULL, OPT_POLLED },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	int c;
	char known[128];

	s->polled = calloc((size_t)argc, sizeof *s->polled);
	if (s->polled == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		exit(CLI_TROUBLE);
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":", longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SMS:
			s->version = jobs_version(prog, usage, optarg);
			break;
		case OPT_AT:
			s->at = jobs_time(prog, usage, "--at", optarg);
			s->at_given = true;
			break;
		case OPT_POLLED:
			s->polled[s->npolled++] = optarg;
			break;
		case OPT_EXPLAIN:
			s->explain = true;
			break;
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &s->input);
			break;
		case OPT_HELP:
			fputs(usage, stdout);
			printf(help, jobs_version_list(known, sizeof known));
			exit(cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE);
		case OPT_VERSION:
			cli_version(prog);
			exit(cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE);
		default:
			cli_bad_option(prog, usage, c, argv, longopts);
		}
	}
	if (s->version == NULL)
		cli_usage_error(prog, usage, "--sms VERSION is needed");
	if (argc - optind > 1)
		cli_usage_error(prog, usage, "one table at a time");
	s->table = optind < argc ? argv[optind] : "-";
}

static int
by_sms_id(const void *a, const void *b)
{
	const mif_sms_row *ra = *(const mif_sms_row *const *)a;
	const mif_sms_row *rb = *(const mif_sms_row *const *)b;
	return strcmp(ra->sms_id, rb->sms_id);
}

/* The row of SMS ID id (len bytes) in rows sorted by SMS ID, or NULL. */
static const mif_sms_row *
find_row(const mif_sms_row *const *sorted, size_t n, const char *id,
    size_t len)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *s = sorted[mid]->sms_id;
		int c = strncmp(s, id, len);
		if (c == 0 && s[len] != '\0')
			c = 1;
		if (c == 0)
			return sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/*
 * Mark the rows whose workstations polled: all of them without
 * --polled.  False after saying which SMS ID has no row.  The rows are
 * looked up in a sorted copy, so that many IDs cost n log n, not n².
 */
static bool
mark_polled(const settings *s, const mif_sms_table *t, bool *polled)
{
	for (size_t i = 0; i < t->nrows; i++)
		polled[i] = s->npolled == 0;
	if (s->npolled == 0)
		return true;
	const mif_sms_row **sorted = malloc((t->nrows + 1) * sizeof *sorted);
	if (sorted == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return false;
	}
	for (size_t i = 0; i < t->nrows; i++)
		sorted[i] = &t->rows[i];
	qsort(sorted, t->nrows, sizeof *sorted, by_sms_id);
	bool ok = true;
	for (size_t k = 0; ok && k < s->npolled; k++) {
		for (char *id = s->polled[k], *end; *id != '\0'; id = end) {
			end = id + strcspn(id, ",");
			size_t len = (size_t)(end - id);
			const mif_sms_row *row = find_row(sorted, t->nrows, id, len);
			if (row == NULL) {
				jobs_error(prog, s->table, "--polled: job %s has no "
				    "row for \"%.*s\"", t->job.job_id, (int)len, id);
				ok = false;
				break;
			}
			polled[row - t->rows] = true;
			if (*end == ',')
				end++;
		}
	}
	free(sorted);
	return ok;
}

/* The expiry time: --at, or the job's; false after saying what is wrong. */
static bool
expiry_time(const settings *s, const mif_sms_job *job, int64_t *at)
{
	char a[32], b[32];

	if (!s->at_given && !job->expires_known) {
		jobs_error(prog, s->table, "job %s has no expiration time; say "
		    "when it expired with --at", job->job_id);
		return false;
	}
	if (s->at_given && job->expires_known && s->at < job->expires) {
		jobs_error(prog, s->table, "--at %s is before job %s expires (%s)",
		    mif_time_iso(s->at, a), job->job_id,
		    mif_time_iso(job->expires, b));
		return false;
	}
	*at = s->at_given ? s->at : job->expires;
	return true;
}

/* Why a row gets an expiry instruction at `at`, or why not. */
typedef enum fate {
	EXPIRES,         /* polled: its expiry instruction is handled */
	NOT_POLLED,      /* never polled after the expiry: none sent */
	ALREADY_EXPIRED, /* its expiry instruction was handled before */
	REPORTED_LATER,  /* its last report came after `at`: handled later */
} fate;

/*
 * Instructions are handled in time order, and a client sends one expiry
 * instruction, at its first poll after the expiry: a row whose last
 * instruction is later than `at` was set after the expiry at `at`, and
 * a row an expiry set has had its expiry.  Either keeps its status.
 */
static fate
fate_of(const mif_sms_row *row, bool polled, int64_t at)
{
	if (!polled)
		return NOT_POLLED;
	if (row->reported && row->instruction == MIF_SMS_EXPIRED)
		return ALREADY_EXPIRED;
	if (row->reported && row->time > at)
		return REPORTED_LATER;
	return EXPIRES;
}

/* One line of --explain. */
static void
explain(const mif_sms_version *v, const mif_sms_row *row, fate f,
    const mif_sms_effect *fx)
{
	const char *before = mif_sms_status_name(f == EXPIRES ? fx->before
	    : row->status);
	uint8_t gives = v->gives[MIF_SMS_EXPIRED];
	char t[32];

	cli_put_text(stderr, row->sms_id);
	if (f == NOT_POLLED)
		fprintf(stderr, ": %s, kept (did not poll after the expiry: "
		    "no expiry instruction)\n", before);
	else if (f == ALREADY_EXPIRED)
		fprintf(stderr, ": %s, kept (its expiry instruction was "
		    "handled at %s: a workstation sends one)\n", before,
		    mif_time_iso(row->time, t));
	else if (f == REPORTED_LATER)
		fprintf(stderr, ": %s, kept (reported at %s, after the expiry "
		    "instruction)\n", before, mif_time_iso(row->time, t));
	else if (fx->loaded)
		fprintf(stderr, ": %s -> %s (polled after the expiry; SMS %s "
		    "sets %s)\n", before, mif_sms_status_name(fx->after), v->name,
		    mif_sms_status_name((mif_sms_status)gives));
	else if (!fx->created)
		fprintf(stderr, ": %s, kept (polled after the expiry; SMS %s "
		    "keeps the last reported status)\n", before, v->name);
	else
		fprintf(stderr, ": %s, kept (polled after the expiry; SMS %s "
		    "did not load the detailed job status MIF)\n", before,
		    v->name);
}

int
main(int argc, char **argv)
{
	settings s = { 0 };
	mif_sms_table t;
	int64_t at;
	int status = CLI_TROUBLE;

	parse_options(argc, argv, &s);
	mif_doc *in = jobs_load_table(prog, s.table, &s.input, &t);
	if (in == NULL) {
		free(s.polled);
		return CLI_TROUBLE;
	}
	size_t n = t.nrows > 0 ? t.nrows : 1;
	bool *polled = calloc(n, sizeof *polled);
	fate *fates = calloc(n, sizeof *fates);
	mif_sms_event *events = calloc(n, sizeof *events);
	mif_sms_effect *effects = calloc(n, sizeof *effects);
	size_t *row_of = calloc(n, sizeof *row_of);
	mif_doc *out = NULL;
	if (polled == NULL || fates == NULL || events == NULL ||
	    effects == NULL || row_of == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		goto done;
	}
	if (!mark_polled(&s, &t, polled) || !expiry_time(&s, &t.job, &at))
		goto done;
	/* one expiry instruction per row that gets one, in row order */
	size_t nevents = 0;
	for (size_t i = 0; i < t.nrows; i++) {
		if ((fates[i] = fate_of(&t.rows[i], polled[i], at)) != EXPIRES)
			continue;
		row_of[i] = nevents;
		events[nevents++] = (mif_sms_event){ at, t.rows[i].sms_id,
		    MIF_SMS_EXPIRED, NULL, false };
	}
	if (!mif_sms_table_run(&t, s.version, events, nevents, effects) ||
	    (out = mif_sms_table_write(&t)) == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		goto done;
	}
	if (!jobs_print(prog, out))
		goto done;
	status = CLI_OK;
	for (size_t i = 0; s.explain && i < t.nrows; i++)
		explain(s.version, &t.rows[i], fates[i],
		    fates[i] == EXPIRES ? &effects[row_of[i]] : NULL);
done:
	mif_doc_free(out);
	free(polled);
	free(fates);
	free(events);
	free(effects);
	free(row_of);
	free(s.polled);
	mif_sms_table_release(&t);
	mif_doc_free(in);
	return status;
}
