/* mif-status: what the SMS 1.x despooler does with the instructions of
 * its clients, and the NOIDMIF that keeps a package's install status. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "atomic.h"
#include "cli.h"
#include "jobs.h"
#include "load.h"
#include "noidmif_file.h"
#include "outdir.h"
#include "diag_options.h"
#include "report.h"

static const char prog[] = "mif-status";

static const char usage[] =
    "usage: mif-status --sms VERSION --job JOBID --sms-id SMSID [--time TIME] "
    "[STATUSMIF]\n"
    "       mif-status --sms VERSION --job JOBID --sms-id SMSID [--time TIME] "
    "--expired\n"
    "       mif-status --apply TABLE [DETAILMIF...]\n"
    "       mif-status --sms VERSION --replay HISTORY [--until TIME] [-o DIR]\n"
    "       mif-status --noidmif --package PKGID [--time TIME] "
    "[--update FILE] [STATUSMIF]\n"
    "       each but --expired also takes [--input-encoding ENC]\n";

static const char help[] =
    "Do what the SMS 1.x despooler does with its clients' instructions.\n"
    "\n"
    "  --sms VERSION       the site's SMS version: %s\n"
    "  --job JOBID         the job the status MIF reports on\n"
    "  --sms-id SMSID      the workstation that sent it\n"
    "  --time TIME         when the despooler got it (default: now)\n"
    "  --expired           the job's expiry instruction, not a status MIF\n"
    "  --apply TABLE       load detailed job status MIFs into a job status\n"
    "                      table; the new table on standard output\n"
    "  --replay HISTORY    replay a job history; its table on standard output\n"
    "  --until TIME        the table as of that time (with --replay)\n"
    "  -o, --output DIR    also write each detailed job status MIF created,\n"
    "                      DIR/0001.mif, 0002.mif ... (with --replay)\n"
    "  --noidmif           write a NOIDMIF recording the package's install\n"
    "                      status, as an attribute named after the package\n"
    "  --package PKGID     the package (with --noidmif)\n"
    "  --update FILE       add or replace the package's attribute in FILE\n"
    "                      (with --noidmif)\n"
    "  --input-encoding ENC  read the MIFs as latin1, utf-8, utf-16le or\n"
    "                      utf-16be (default: as each one's byte-order\n"
    "                      mark says, latin1 without one)\n"
    DIAG_HELP
    "  --help              show this help and exit\n"
    "  --version           show the version and exit\n"
    "\n"
    "A status MIF is read from STATUSMIF, or from standard input.\n"
    "TIME is yyyy-mm-dd[Thh:mm[:ss]][Z|+hh:mm] or a DMI date, UTC by default.\n"
    "Exit status (miftools(7)): 0 done, 2 trouble, 3 an input has errors.\n";

/* The options, each a bit, so that each mode can say which it takes. */
enum {
	O_SMS = 1 << 0, O_JOB = 1 << 1, O_SMS_ID = 1 << 2, O_TIME = 1 << 3,
	O_EXPIRED = 1 << 4, O_APPLY = 1 << 5, O_REPLAY = 1 << 6,
	O_UNTIL = 1 << 7, O_OUTPUT = 1 << 8, O_NOIDMIF = 1 << 9,
	O_PACKAGE = 1 << 10, O_UPDATE = 1 << 11, O_INPUT_ENCODING = 1 << 12,
	O_COUNT = 13,
};

static const char *const option_names[O_COUNT] = {
	"--sms", "--job", "--sms-id", "--time", "--expired", "--apply",
	"--replay", "--until", "--output", "--noidmif", "--package", "--update",
	"--input-encoding",
};

typedef enum mode { DESPOOL, EXPIRED, APPLY, REPLAY, NOIDMIF } mode;

/* What each mode needs and allows, and how many files it takes. */
static const struct mode_rule {
	const char *name;
	unsigned needs, allows;
	int max_files; /* -1: any number */
} mode_rules[] = {
	[DESPOOL] = { "a status MIF", O_SMS | O_JOB | O_SMS_ID,
	    O_SMS | O_JOB | O_SMS_ID | O_TIME | O_INPUT_ENCODING, 1 },
	[EXPIRED] = { "--expired", O_SMS | O_JOB | O_SMS_ID,
	    O_SMS | O_JOB | O_SMS_ID | O_TIME | O_EXPIRED, 0 },
	[APPLY] = { "--apply", O_APPLY, O_APPLY | O_INPUT_ENCODING, -1 },
	[REPLAY] = { "--replay", O_SMS | O_REPLAY,
	    O_SMS | O_REPLAY | O_UNTIL | O_OUTPUT | O_INPUT_ENCODING, 0 },
	[NOIDMIF] = { "--noidmif", O_PACKAGE,
	    O_NOIDMIF | O_PACKAGE | O_TIME | O_UPDATE | O_INPUT_ENCODING, 1 },
};

typedef struct settings {
	unsigned given;
	const mif_sms_version *version;
	const char *job, *sms_id, *package;
	int64_t time, until;
	const char *table, *history, *output, *update;
	char **files;
	int nfiles;
	mif_parse_options input;
} settings;

/* ---- options ------------------------------------------------------- */

static mode
mode_of(unsigned given)
{
	unsigned modes = given & (O_EXPIRED | O_APPLY | O_REPLAY | O_NOIDMIF);

	if (modes & (modes - 1))
		cli_usage_error(prog, usage, "--expired, --apply, --replay and "
		    "--noidmif go one at a time");
	return modes == O_EXPIRED ? EXPIRED : modes == O_APPLY ? APPLY
	    : modes == O_REPLAY ? REPLAY : modes == O_NOIDMIF ? NOIDMIF
	    : DESPOOL;
}

static void
check_mode(mode m, const settings *s)
{
	const struct mode_rule *r = &mode_rules[m];

	for (unsigned i = 0; i < O_COUNT; i++) {
		unsigned bit = 1u << i;
		if ((s->given & bit) && !(r->allows & bit))
			cli_usage_error(prog, usage, "%s does not go with %s",
			    option_names[i], r->name);
		if (!(s->given & bit) && (r->needs & bit))
			cli_usage_error(prog, usage, "%s needs %s", r->name,
			    option_names[i]);
	}
	if (r->max_files >= 0 && s->nfiles > r->max_files)
		cli_usage_error(prog, usage, r->max_files == 0
		    ? "%s takes no file" : "%s takes one file at most", r->name);
}

static mode
parse_options(int argc, char **argv, settings *s)
{
	enum { OPT_HELP = 256, OPT_VERSION, OPT_INPUT_ENCODING };
	static const struct option longopts[] = {
		{ "sms", required_argument, NULL, 's' },
		{ "job", required_argument, NULL, 'j' },
		{ "sms-id", required_argument, NULL, 'w' },
		{ "time", required_argument, NULL, 't' },
		{ "expired", no_argument, NULL, 'x' },
		{ "apply", required_argument, NULL, 'a' },
		{ "replay", required_argument, NULL, 'r' },
		{ "until", required_argument, NULL, 'U' },
		{ "at", required_argument, NULL, 'A' },
		{ "output", required_argument, NULL, 'o' },
		{ "noidmif", no_argument, NULL, 'n' },
		{ "package", required_argument, NULL, 'p' },
		{ "update", required_argument, NULL, 'u' },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		DIAG_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	int c;
	char known[128];

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":o:" DIAG_OPTSTRING, longopts, NULL)) != -1) {
		unsigned bit = 0;
		switch (c) {
		case 's':
			bit = O_SMS;
			s->version = jobs_version(prog, usage, optarg);
			break;
		case 'j':
			bit = O_JOB;
			s->job = jobs_id(prog, usage, "--job", optarg);
			break;
		case 'w':
			bit = O_SMS_ID;
			s->sms_id = jobs_id(prog, usage, "--sms-id", optarg);
			break;
		case 't':
			bit = O_TIME;
			s->time = jobs_time(prog, usage, "--time", optarg);
			break;
		case 'x':
			bit = O_EXPIRED;
			break;
		case 'a':
			bit = O_APPLY;
			s->table = optarg;
			break;
		case 'r':
			bit = O_REPLAY;
			s->history = optarg;
			break;
		case 'A': /* "up to" is --until in every tool; --at "the moment of" */
			cli_deprecated(prog, "--at", "--until");
			/* FALLTHROUGH */
		case 'U':
			bit = O_UNTIL;
			s->until = jobs_time(prog, usage, "--until", optarg);
			break;
		case 'o':
			bit = O_OUTPUT;
			s->output = optarg;
			break;
		case 'n':
			bit = O_NOIDMIF;
			break;
		case 'p':
			bit = O_PACKAGE;
			s->package = jobs_id(prog, usage, "--package", optarg);
			break;
		case 'u':
			bit = O_UPDATE;
			s->update = optarg;
			break;
		case OPT_INPUT_ENCODING:
			bit = O_INPUT_ENCODING;
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
		s->given |= bit;
	}
	s->files = argv + optind;
	s->nfiles = argc - optind;
	mode m = mode_of(s->given);
	check_mode(m, s);
	if (m == APPLY && s->nfiles == 0 && strcmp(s->table, "-") == 0)
		cli_usage_error(prog, usage, "the standard input cannot give both "
		    "the table and a detailed job status MIF");
	if (s->update != NULL && strcmp(s->update, "-") == 0)
		cli_usage_error(prog, usage, "--update needs a file, not the "
		    "standard input");
	if (!(s->given & O_TIME))
		s->time = (int64_t)time(NULL);
	return m;
}

/* ---- the despooler: a status MIF or an expiry in, a detailed MIF out - */

/* A note of rule, about file (NULL: none), that the row of sms_id keeps
 * its status, and why (a format of one string, the SMS version's name,
 * then of what). */
static void
keeps_status(const char *file, mif_rule rule, const char *why,
    const char *version, const char *what, const char *sms_id)
{
	char text[200];

	snprintf(text, sizeof text, why, version, what);
	report_say(stderr, prog, file, MIF_INFO, rule,
	    "%s the row of %s keeps its status", text, sms_id);
}

static int
despool(const settings *s, mode m)
{
	mif_sms_event e = { s->time, s->sms_id, MIF_SMS_EXPIRED, "", false };
	mif_doc *in = NULL;
	mif_sms_detail d;
	bool created, loaded;
	int status = CLI_TROUBLE;

	if (m == DESPOOL) {
		in = jobs_load_status_mif(prog, s->nfiles > 0 ? s->files[0] : "-",
		    &s->input, &e.instruction, &e.description, &status);
		if (in == NULL)
			return status;
		status = CLI_TROUBLE;
	}
	if (!mif_sms_detail_of(s->version, s->job, &e, &d)) {
		keeps_status(NULL, MIF_RULE_SMS_NO_DETAIL, "SMS %s creates no "
		    "detailed job status MIF for an %s instruction:",
		    s->version->name, mif_sms_instruction_name(e.instruction),
		    s->sms_id);
		mif_doc_free(in);
		return CLI_OK;
	}
	mif_doc *out = mif_sms_detail_write(&d);
	if (out == NULL)
		report_out_of_memory(prog);
	else if (jobs_print(prog, out))
		status = CLI_OK;
	mif_sms_apply(s->version, MIF_SMS_NONE, e.instruction, e.description,
	    &created, &loaded);
	if (status == CLI_OK && created && !loaded) {
		keeps_status(NULL, MIF_RULE_SMS_NOT_LOADED, "SMS %s does not "
		    "load this detailed job status MIF: its Description holds "
		    "\\\" (Q140810);", s->version->name, NULL, s->sms_id);
	}
	mif_doc_free(out);
	mif_doc_free(in);
	return status;
}

/* ---- --apply: detailed MIFs into a table --------------------------- */

static int
apply(const settings *s)
{
	mif_sms_table t;
	int status = CLI_TROUBLE;
	mif_doc *table_doc = jobs_load_table(prog, s->table, &s->input, &t,
	    &status);
	int n = s->nfiles > 0 ? s->nfiles : 1;
	mif_doc **docs = calloc((size_t)n, sizeof *docs);

	if (table_doc == NULL)
		goto done;
	status = CLI_TROUBLE;
	if (docs == NULL)
		goto done;
	/* each MIF's strings live in its document until the table is out */
	for (int i = 0; i < n; i++) {
		const char *path = s->nfiles > 0 ? s->files[i] : "-";
		mif_error err;
		mif_sms_detail d;
		bool loaded;
		if ((docs[i] = cli_load(prog, path, &s->input, &status)) == NULL)
			goto done;
		status = CLI_TROUBLE;
		if (!mif_sms_table_apply(&t, docs[i], &d, &loaded, &err)) {
			jobs_report(prog, path, docs[i], &err);
			status = report_status(&err);
			goto done;
		}
		if (!loaded) {
			keeps_status(cli_display_name(path),
			    MIF_RULE_SMS_NOT_LOADED, "SMS %s does not load a job "
			    "status MIF with \\\" in a string (Q140810):",
			    d.version->name, NULL, d.sms_id);
		}
	}
	mif_doc *out = mif_sms_table_write(&t);
	if (out == NULL)
		report_out_of_memory(prog);
	else if (jobs_print(prog, out))
		status = CLI_OK;
	mif_doc_free(out);
done:
	for (int i = 0; docs != NULL && i < n; i++)
		mif_doc_free(docs[i]);
	free(docs);
	if (table_doc != NULL)
		mif_sms_table_release(&t);
	mif_doc_free(table_doc);
	return status;
}

/* ---- --replay: a history under a version --------------------------- */

/* The detailed job status MIFs, rendered; NULL after a message. */
static outdir_file *
render_details(const settings *s, const mif_sms_detail *details, size_t n)
{
	outdir_file *out = calloc(n > 0 ? n : 1, sizeof *out);

	if (out == NULL)
		report_out_of_memory(prog);
	for (size_t i = 0; out != NULL && i < n; i++) {
		mif_doc *doc = mif_sms_detail_write(&details[i]);
		out[i].text = doc != NULL ? jobs_render(prog, s->output, doc,
		    false, &out[i].len) : NULL;
		mif_doc_free(doc);
		if (out[i].text == NULL) {
			if (doc == NULL)
				report_out_of_memory(prog);
			while (i > 0)
				free(out[--i].text);
			free(out);
			return NULL;
		}
	}
	return out;
}

static int
replay(const settings *s)
{
	int st;
	mif_error err;
	mif_sms_history h;
	mif_sms_table t;
	mif_doc *in = cli_load(prog, s->history, &s->input, &st);

	if (in == NULL)
		return st;
	if (!mif_sms_history_read(in, &h, &err)) {
		jobs_report(prog, s->history, in, &err);
		mif_doc_free(in);
		return report_status(&err);
	}
	for (size_t w = 0; w < h.nwarnings; w++)
		jobs_report(prog, s->history, in, &h.warnings[w]);
	int status = CLI_TROUBLE;
	mif_sms_detail *details = NULL;
	size_t count = 0;
	outdir_file *files = NULL;
	outdir *staged = NULL;
	mif_doc *out = NULL;
	if (!mif_sms_history_replay(&h, s->version, (s->given & O_UNTIL) ? &s->until
	    : NULL, &t, s->output != NULL ? &details : NULL, &count)) {
		report_out_of_memory(prog);
		goto done_history;
	}
	if ((out = mif_sms_table_write(&t)) == NULL) {
		report_out_of_memory(prog);
		goto done;
	}
	/* the files go into place only once the table is out whole */
	if (s->output != NULL &&
	    ((files = render_details(s, details, count)) == NULL ||
	    (staged = outdir_stage(prog, s->output, files, count)) == NULL))
		goto done;
	if (!jobs_print(prog, out))
		goto done;
	if (staged == NULL || outdir_commit(staged))
		status = CLI_OK;
	staged = NULL;
done:
	outdir_discard(staged);
	for (size_t i = 0; files != NULL && i < count; i++)
		free(files[i].text);
	free(files);
	free(details);
	mif_doc_free(out);
	mif_sms_table_release(&t);
done_history:
	mif_sms_history_release(&h);
	mif_doc_free(in);
	return status;
}

/* ---- --noidmif: the package's install status, kept from expiry ---- */

static int
noidmif(const settings *s)
{
	mif_sms_instruction result;
	const char *description;
	const char *what = s->update != NULL ? s->update : "standard output";
	mif_error err;
	char *text = NULL, why[ATOMIC_WHY_SIZE];
	size_t len;
	atomic_lock lock = { .fd = -1 };
	int status = CLI_TROUBLE;
	mif_doc *in = jobs_load_status_mif(prog,
	    s->nfiles > 0 ? s->files[0] : "-", &s->input, &result, &description,
	    &status);
	mif_doc *doc = NULL;

	/* no other update of the file between reading and writing it */
	if (in != NULL && s->update != NULL &&
	    atomic_lock_take(s->update, &lock, why) != 0) {
		jobs_error(prog, s->update, "not updated: %s", why);
		status = CLI_TROUBLE;
	} else if (in != NULL) {
		doc = noidmif_load(prog, s->update, &s->input, &status);
	}
	if (doc == NULL)
		goto done;
	status = CLI_TROUBLE;
	if (!mif_sms_noidmif_record(doc, s->package, result, s->time, &err)) {
		report_diag(stderr, prog, what, NULL, &err);
		status = report_status(&err);
		goto done;
	}
	/* SMS reads a NOIDMIF only as ANSI text: no UTF-8 for want of a
	 * character; and whatever the file held, what is written must be
	 * a NOIDMIF that SMS reads */
	if ((text = jobs_render(prog, what, doc, true, &len)) == NULL ||
	    !noidmif_verify(prog, what, text, len))
		goto done;
	if (s->update == NULL) {
		fwrite(text, 1, len, stdout);
		if (cli_flush_stdout(prog))
			status = CLI_OK;
	} else if (atomic_write(s->update, text, len, why) != 0) {
		jobs_error(prog, s->update, "not updated: %s", why);
	} else {
		status = CLI_OK;
	}
done:
	atomic_lock_release(&lock);
	free(text);
	mif_doc_free(doc);
	mif_doc_free(in);
	return status;
}

int
main(int argc, char **argv)
{
	settings s = { 0 };

	int status = CLI_TROUBLE;

	switch (parse_options(argc, argv, &s)) {
	case DESPOOL:
		status = despool(&s, DESPOOL);
		break;
	case EXPIRED:
		status = despool(&s, EXPIRED);
		break;
	case APPLY:
		status = apply(&s);
		break;
	case REPLAY:
		status = replay(&s);
		break;
	case NOIDMIF:
		status = noidmif(&s);
		break;
	}
	return report_finish(status, CLI_INPUT);
}
