/* mif-expire: a job status table as it stands after the job expires,
 * under the expiry rules of one SMS version (KB Q152229). */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobs.h"
#include "diag_options.h"
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
    DIAG_HELP
    "  --help              show this help and exit\n"
    "  --version           show the version and exit\n"
    "\n"
    "The table is read from TABLE, or from standard input, and written to\n"
    "standard output.\n"
    "TIME is yyyy-mm-dd[Thh:mm[:ss]][Z|+hh:mm] or a DMI date, UTC by default.\n"
    "Exit status (miftools(7)): 0 done, 2 trouble, 3 TABLE has errors.\n";

typedef struct settings {
	const mif_sms_version *version;
	bool at_given;
	int64_t at;
	char **polled;      /* the SMS IDs of the --polled lists */
	size_t npolled;
	bool explain;
	const char *table;
	mif_parse_options input;
} settings;

/* Add the SMS IDs of a --polled list, cut apart in place. */
static void
add_polled(settings *s, char *list)
{
	for (char *id = list, *end; *id != '\0'; id = end) {
		end = id + strcspn(id, ",");
		if (*end == ',')
			*end++ = '\0';
		char **l = realloc(s->polled, (s->npolled + 1) * sizeof *l);
		if (l == NULL) {
			report_out_of_memory(prog);
			exit(CLI_TROUBLE);
		}
		l[s->npolled++] = id;
		s->polled = l;
	}
}

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
		DIAG_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	int c;
	char known[128];

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":" DIAG_OPTSTRING, longopts, NULL)) != -1) {
		switch (c) {
		case OPT_SMS:
			s->version = jobs_version(prog, usage, optarg);
			break;
		case OPT_AT:
			s->at = jobs_time(prog, usage, "--at", optarg);
			s->at_given = true;
			break;
		case OPT_POLLED:
			add_polled(s, optarg);
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
			if (!diag_option(prog, usage, c, optarg))
				cli_bad_option(prog, usage, c, argv, longopts);
		}
	}
	if (s->version == NULL)
		cli_usage_error(prog, usage, "--sms VERSION is needed");
	if (argc - optind > 1)
		cli_usage_error(prog, usage, "one table at a time");
	s->table = optind < argc ? argv[optind] : "-";
}

/*
 * Mark the rows whose workstations polled: all of them without
 * --polled.  False after saying which SMS ID has no row.
 */
static bool
mark_polled(const settings *s, const mif_sms_table *t, bool *polled)
{
	mif_error err;

	for (size_t i = 0; i < t->nrows; i++)
		polled[i] = s->npolled == 0;
	if (s->npolled == 0 || mif_sms_table_mark(t, (const char *const *)s->polled, s->npolled,
	    polled, NULL, &err))
		return true;
	if (err.code == MIF_E_NOMEM)
		report_out_of_memory(prog);
	else
		jobs_error(prog, s->table, "--polled: %s", err.text);
	return false;
}

/* The expiry time: --at, or the job's; false after saying what is wrong. */
static bool
expiry_time(const settings *s, const mif_sms_job *job, int64_t *at)
{
	mif_error err;

	if (mif_sms_expiry_time(job, s->at_given ? &s->at : NULL, at, &err))
		return true;
	if (err.code == MIF_E_MISSING)
		jobs_error(prog, s->table, "%s; say when it expired with --at",
		    err.text);
	else
		jobs_error(prog, s->table, "--at %s", err.text);
	return false;
}

/* One line of --explain. */
static void
explain(const mif_sms_version *v, const mif_sms_row *row, mif_sms_fate f,
    const mif_sms_effect *fx)
{
	const char *before = mif_sms_status_name(fx->before);
	uint8_t gives = v->gives[MIF_SMS_EXPIRED];
	char t[32];

	cli_put_text(stderr, row->sms_id);
	if (f == MIF_SMS_NOT_POLLED)
		fprintf(stderr, ": %s, kept (did not poll after the expiry: "
		    "no expiry instruction)\n", before);
	else if (f == MIF_SMS_ALREADY_EXPIRED)
		fprintf(stderr, ": %s, kept (its expiry instruction was "
		    "handled at %s: a workstation sends one)\n", before,
		    mif_time_iso(row->time, t));
	else if (f == MIF_SMS_REPORTED_LATER)
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
	mif_doc *in = jobs_load_table(prog, s.table, &s.input, &t, &status);
	if (in == NULL) {
		free(s.polled);
		return status;
	}
	status = CLI_TROUBLE;
	size_t n = t.nrows > 0 ? t.nrows : 1;
	bool *polled = calloc(n, sizeof *polled);
	mif_sms_fate *fates = calloc(n, sizeof *fates);
	mif_sms_effect *effects = calloc(n, sizeof *effects);
	mif_doc *out = NULL;
	if (polled == NULL || fates == NULL || effects == NULL) {
		report_out_of_memory(prog);
		goto done;
	}
	if (!mark_polled(&s, &t, polled) || !expiry_time(&s, &t.job, &at))
		goto done;
	if (!mif_sms_table_expire(&t, s.version, at, polled, fates, effects) ||
	    (out = mif_sms_table_write(&t)) == NULL) {
		report_out_of_memory(prog);
		goto done;
	}
	if (!jobs_print(prog, out))
		goto done;
	status = CLI_OK;
	for (size_t i = 0; s.explain && i < t.nrows; i++)
		explain(s.version, &t.rows[i], fates[i], &effects[i]);
done:
	mif_doc_free(out);
	free(polled);
	free(fates);
	free(effects);
	free(s.polled);
	mif_sms_table_release(&t);
	mif_doc_free(in);
	return report_finish(status, CLI_INPUT);
}
