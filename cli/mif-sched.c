/*
 * mif-sched: the SMS 2.0 client's assignment scheduler and the check box
 * "assignments are not mandatory over slow links" (KB 202332).
 *
 * Reads advertisements (a MIF) and the client's timeline, simulates, and
 * prints when each program was scheduled and when it ran: text for
 * people, TSV or JSON for scripts; --all-assignments adds every assignment
 * looked at and every speed test.  Exit statuses as miftools(7) says.
 */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "load.h"
#include "diag_options.h"
#include "report.h"
#include "text_input.h"

static const char prog[] = "mif-sched";

static const char usage[] =
    "usage: mif-sched [--threshold BPS] [--until TIME] [-H] [-f text|tsv|json]\n"
    "                 [--all-assignments] [--client-sp N] [--input-encoding ENC]\n"
    "                 ADVERTS TIMELINE\n";

static const char help[] =
    "Simulate the SMS 2.0 client scheduling advertised programs, with\n"
    "\"assignments are not mandatory over slow links\".\n"
    "\n"
    "  -f, --format FORMAT    text (default), tsv or json\n"
    "  -H, --header           a header line first (tsv)\n"
    "      --threshold BPS    slower than this is slow (default 40000)\n"
    "      --until TIME       stop at TIME (default: when every scheduled\n"
    "                         program has run)\n"
    "      --all-assignments  every assignment looked at, every speed test\n"
    "                         (--explain is its old spelling)\n"
    "      --client-sp N      the client's SMS 2.0 service pack (default: the\n"
    "                         latest); 0 keeps the bug of KB Q235777\n"
    "      --input-encoding ENC  read ADVERTS as latin1, utf-8, utf-16le or\n"
    "                         utf-16be (default: as its byte-order mark\n"
    "                         says, latin1 without one)\n"
    DIAG_HELP
    "      --help             this help\n"
    "      --version          the version\n"
    "\n"
    "ADVERTS is a MIF of advertisements, TIMELINE the client's events\n"
    "(mif-sched(5)); either may be - for standard input.  Exit status\n"
    "(miftools(7)): 0 done, 2 trouble, 3 ADVERTS or TIMELINE has errors.\n";

/* ---- inputs ----------------------------------------------------------- */

/* Read and parse the timeline, reporting every bad line; NULL when it
 * cannot be read or has errors, *status saying which. */
static mif_sched_timeline *
load_timeline(const char *path, int *status)
{
	const char *name = cli_display_name(path);
	size_t len;
	mif_error err;
	char *text = cli_read_text(prog, path, &len, &err);

	if (text == NULL) {
		*status = report_status(&err);
		return NULL;
	}
	mif_sched_timeline *tl = mif_sched_timeline_parse(text, len, name);
	free(text);
	if (tl == NULL) {
		report_fatal(stderr, prog, name, MIF_RULE_NOMEM, "out of memory");
		*status = CLI_TROUBLE;
		return NULL;
	}
	size_t n = mif_sched_timeline_error_count(tl);
	for (size_t i = 0; i < n; i++)
		report_diag(stderr, prog, name, NULL,
		    mif_sched_timeline_error(tl, i));
	if (n > 0) {
		mif_sched_timeline_free(tl);
		*status = CLI_INPUT;
		return NULL;
	}
	return tl;
}

/* The advertisements of a MIF that parses and checks clean; NULL
 * after reporting, with *status what that deserves. */
static mif_sched_adverts *
load_adverts(const char *path, const mif_parse_options *input, int *status)
{
	const char *name = cli_display_name(path);
	mif_doc *doc = cli_load(prog, path, input, status);

	if (doc == NULL)
		return NULL;
	mif_error err;
	mif_sched_adverts *a = mif_sched_adverts_read(doc, &err);
	if (a == NULL) {
		report_diag(stderr, prog, name, doc, &err);
		*status = report_status(&err);
	}
	mif_doc_free(doc);
	return a;
}

int
main(int argc, char *argv[])
{
	enum { OPT_THRESHOLD = 256, OPT_UNTIL, OPT_ALL_ASSIGNMENTS, OPT_CLIENT_SP,
		OPT_EXPLAIN, OPT_HELP, OPT_VERSION, OPT_INPUT_ENCODING };
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "header", no_argument, NULL, 'H' },
		{ "threshold", required_argument, NULL, OPT_THRESHOLD },
		{ "client-sp", required_argument, NULL, OPT_CLIENT_SP },
		{ "until", required_argument, NULL, OPT_UNTIL },
		{ "all-assignments", no_argument, NULL, OPT_ALL_ASSIGNMENTS },
		{ "explain", no_argument, NULL, OPT_EXPLAIN },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		DIAG_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	mif_sched_format format = MIF_SCHED_TEXT;
	mif_sched_options opts = { 0 };
	bool explain = false, header = false;
	mif_parse_options input = { .source_name = NULL };
	unsigned threshold, client_sp;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:H" DIAG_OPTSTRING, longopts,
	    NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0) format = MIF_SCHED_TEXT;
			else if (strcmp(optarg, "tsv") == 0) format = MIF_SCHED_TSV;
			else if (strcmp(optarg, "json") == 0) format = MIF_SCHED_JSON;
			else cli_usage_error(prog, usage,
			    "unknown format \"%s\" (text, tsv or json)", optarg);
			break;
		case 'H':
			header = true;
			break;
		case OPT_THRESHOLD:
			if (!cli_parse_count(optarg, &threshold))
				cli_usage_error(prog, usage, "--threshold wants a "
				    "speed in bit/s from 1 to 4294967295, not "
				    "\"%s\"", optarg);
			opts.threshold = threshold;
			break;
		case OPT_CLIENT_SP:
			/* KB Q235777: fixed by a service pack of SMS 2.0 */
			if (strcmp(optarg, "0") == 0)
				opts.drops_event_flag = true;
			else if (cli_parse_count(optarg, &client_sp))
				opts.drops_event_flag = false;
			else
				cli_usage_error(prog, usage, "--client-sp wants a "
				    "service pack number, 0 for none, not \"%s\"",
				    optarg);
			break;
		case OPT_UNTIL:
			if (!mif_time_parse(optarg, &opts.until))
				cli_usage_error(prog, usage, "--until wants a time "
				    "(yyyy-mm-ddTHH:MM[:SS], or a DMI date), not "
				    "\"%s\"", optarg);
			opts.has_until = true;
			break;
		case OPT_EXPLAIN:
			/* --explain writes why on standard error in every tool;
			 * these are rows of the report, on standard output */
			cli_deprecated(prog, "--explain", "--all-assignments");
			/* FALLTHROUGH */
		case OPT_ALL_ASSIGNMENTS:
			explain = true;
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
			if (!diag_option(prog, usage, c, optarg))
				cli_bad_option(prog, usage, c, argv, longopts);
		}
	}
	if (argc - optind != 2)
		cli_usage_error(prog, usage, "two files: ADVERTS and TIMELINE");
	if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1], "-") == 0)
		cli_usage_error(prog, usage, "only one file can be standard input");

	/* Both files are read before giving up, so that one run reports
	 * the mistakes of both. */
	int adverts_status = CLI_OK, timeline_status = CLI_OK;
	mif_sched_adverts *adverts = load_adverts(argv[optind], &input,
	    &adverts_status);
	mif_sched_timeline *tl = load_timeline(argv[optind + 1],
	    &timeline_status);
	int status = cli_worse(adverts_status, timeline_status);
	mif_sched_sim *sim = NULL;
	if (adverts != NULL && tl != NULL) {
		size_t nevents;
		const mif_sched_event *events = mif_sched_timeline_events(tl,
		    &nevents);
		mif_error err;
		sim = mif_sched_simulate(adverts, events, nevents, &opts, &err);
		if (sim == NULL) {
			report_diag(stderr, prog,
			    cli_display_name(argv[optind + 1]), NULL, &err);
			status = report_status(&err);
		}
	}
	if (sim != NULL) {
		if (header && format == MIF_SCHED_TSV)
			fputs(mif_sched_tsv_header(), stdout);
		bool ok = mif_sched_report_write(stdout, sim, adverts, &opts,
		    format, explain);
		if (!ok && !ferror(stdout))
			report_out_of_memory(prog);
		status = cli_flush_stdout(prog) && ok ? CLI_OK : CLI_TROUBLE;
	}
	mif_sched_sim_free(sim);
	mif_sched_timeline_free(tl);
	mif_sched_adverts_free(adverts);
	return report_finish(status, CLI_INPUT);
}
