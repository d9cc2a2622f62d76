/* mif-check: parse and validate MIF files, and say what is wrong. */
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "mif.h"
#include "diag_options.h"
#include "report.h"
#include "walk.h"

static const char prog[] = "mif-check";

static const char usage[] =
    "usage: mif-check [-q] [--max-errors N] [--profile NAME] [--sms VERSION]\n"
    "                 [--max-size KB] [--input-encoding ENC] [-R]\n"
    "                 [--files-from LIST [-0]] [FILE...]\n";

static const char help[] =
    "Parse and validate MIF files; print every problem as\n"
    "FILE:LINE:COL: SEVERITY: TEXT on standard error.\n"
    "\n"
    "  -q, --quiet         print nothing; the exit status tells\n"
    "      --max-errors N  stop a file after N errors (default 50)\n"
    "      --profile NAME  also check the rules of one kind of SMS file:\n"
    "                      status, noidmif, idmif, or auto (the kind the\n"
    "                      content shows); dmi, the default, adds none\n"
    "      --sms VERSION   the SMS the files are for: 1.0, 1.1, 1.2, 2.0 or\n"
    "                      2003 (and later); the size limit and the rules\n"
    "                      on architectures follow it\n"
    "      --max-size KB   the size limit of noidmif and idmif, 1 to 5120\n"
    "                      (default 250; 100 with --sms 2.0, none with 1.x)\n"
    "      --input-encoding ENC\n"
    "                      read each FILE as latin1, utf-8, utf-16le or\n"
    "                      utf-16be (default: as its byte-order mark says,\n"
    "                      latin1 without one)\n"
    DIAG_HELP;

/* after the options of walk_help() */
static const char help_end[] =
    "      --help          show this help and exit\n"
    "      --version       show the version and exit\n"
    "\n"
    "With no FILE, or FILE -, read standard input.\n"
    "Exit status (miftools(7)): 0 no errors (warnings allowed), 1 errors\n"
    "found, 2 trouble (bad usage, unreadable file).\n";

enum {
	OPT_MAX_ERRORS = 256, OPT_PROFILE, OPT_MAX_SIZE, OPT_HELP, OPT_VERSION,
	OPT_INPUT_ENCODING, OPT_SMS
};

struct settings {
	bool quiet;
	unsigned max_errors; /* 0: the library's default */
	mif_profile profile;
	unsigned max_size_kb; /* 0: the library's default */
	mif_sms_product sms;
	mif_parse_options input;
};

/* Say which profile --profile auto chose, as a note without a place. */
static void
report_chosen(const char *name, mif_profile profile)
{
	mif_error note = { .code = MIF_E_PROFILE, .severity = MIF_INFO,
	    .rule = MIF_RULE_PROFILE_CHOSEN };
	const char *what = profile == MIF_PROFILE_STATUS ? "a status MIF"
	    : profile == MIF_PROFILE_IDMIF ? "an IDMIF" : "a NOIDMIF";

	snprintf(note.text, sizeof note.text,
	    "checked as %s (--profile auto)", what);
	report_diag(stderr, prog, name, NULL, &note);
}

/* Check one file; returns its exit status. */
static int
check_file(const char *path, const struct settings *set)
{
	const char *name = cli_display_name(path);
	mif_parse_options popts = cli_input_named(&set->input, name);
	popts.max_errors = set->max_errors;
	mif_error err;
	mif_doc *doc = mif_parse_path(path, &popts, &err);

	if (doc == NULL) {
		/* -q hides the answer, never trouble */
		if (!set->quiet || report_status(&err) == CLI_TROUBLE)
			report_diag(stderr, prog, name, NULL, &err);
		/* errors are mif-check's answer, not a failure to give one */
		return report_status(&err) == CLI_TROUBLE ? CLI_TROUBLE : CLI_NO;
	}
	mif_check_options copts = { .max_errors = set->max_errors,
	    .profile = set->profile, .max_size_kb = set->max_size_kb,
	    .sms = set->sms };
	if (copts.profile == MIF_PROFILE_AUTO) {
		copts.profile = mif_detect_profile(doc);
		if (!set->quiet)
			report_chosen(name, copts.profile);
	}
	mif_check(doc, &copts);
	if (!set->quiet)
		report_doc(stderr, prog, name, doc);
	int status = report_doc_fails(doc) ? CLI_NO : CLI_OK;
	mif_doc_free(doc);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "max-errors", required_argument, NULL, OPT_MAX_ERRORS },
		{ "profile", required_argument, NULL, OPT_PROFILE },
		{ "max-size", required_argument, NULL, OPT_MAX_SIZE },
		{ "sms", required_argument, NULL, OPT_SMS },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		WALK_LONGOPTS,
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		DIAG_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct settings set = { .profile = MIF_PROFILE_DMI };
	walk_options wo = { .stdin_default = true };
	int c;

	report_batch_stderr();
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":q" WALK_SHORTOPTS DIAG_OPTSTRING,
	    longopts, NULL)) != -1) {
		if (walk_option(c, optarg, &wo))
			continue;
		switch (c) {
		case 'q':
			set.quiet = true;
			break;
		case OPT_MAX_ERRORS:
			if (!cli_parse_count(optarg, &set.max_errors))
				cli_usage_error(prog, usage,
				    "--max-errors wants a number from 1 up, not '%s'",
				    optarg);
			break;
		case OPT_PROFILE:
			if (!mif_profile_parse(optarg, &set.profile))
				cli_usage_error(prog, usage, "--profile wants dmi, "
				    "status, noidmif, idmif or auto, not '%s'", optarg);
			break;
		case OPT_MAX_SIZE:
			if (!cli_parse_count(optarg, &set.max_size_kb) ||
			    set.max_size_kb > MIF_MAX_SIZE_KB_MAX)
				cli_usage_error(prog, usage, "--max-size wants a number "
				    "of KB from 1 to %u, not '%s'", MIF_MAX_SIZE_KB_MAX,
				    optarg);
			break;
		case OPT_SMS:
			/* --sms takes a comma list everywhere (miftools(7)) */
			if (strchr(optarg, ',') != NULL)
				cli_usage_error(prog, usage, "--sms: one version "
				    "here, not a list (\"%s\")", optarg);
			if (!mif_sms_product_parse(optarg, &set.sms))
				cli_usage_error(prog, usage, "--sms wants 1.0, 1.1, "
				    "1.2, 2.0 or 2003, not '%s'", optarg);
			break;
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &set.input);
			break;
		case OPT_HELP:
			fputs(usage, stdout);
			fputs(help, stdout);
			walk_help(stdout, 22);
			fputs(help_end, stdout);
			return cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE;
		case OPT_VERSION:
			cli_version(prog);
			return cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE;
		default:
			if (!diag_option(prog, usage, c, optarg))
				cli_bad_option(prog, usage, c, argv, longopts);
		}
	}

	walk_files files;
	int status = walk_collect(prog, &wo, argv + optind,
	    (size_t)(argc - optind), &files) ? CLI_OK : CLI_TROUBLE;
	for (size_t i = 0; i < files.n; i++)
		status = cli_worse(status, check_file(walk_file(&files, i), &set));
	walk_free(&files);
	return report_finish(status, CLI_NO);
}
