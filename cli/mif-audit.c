/*
 * mif-audit: replay SMS 1.x job histories under each SMS version and
 * report, per job and in total, the workstations whose status the
 * version's detailed job status no longer tells (Knowledge Base
 * Q152229), and what the clients' NOIDMIFs give back.  Exit 0 when every
 * history was audited, 1 when some were skipped, 2 on trouble.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "audit_inventory.h"
#include "audit_workers.h"
#include "cli.h"
#include "jobs.h"
#include "progress.h"
#include "diag_options.h"
#include "report.h"
#include "walk.h"

static const char prog[] = "mif-audit";

static const char usage[] =
    "usage: mif-audit [--sms VERSIONS] [--inventory DIR] [-f text|tsv|json|html]\n"
    "                 [--db FILE] [-j N] [--input-encoding ENC] [-R]\n"
    "                 [--files-from LIST [-0]] HISTORY...\n"
    "       mif-audit --merge [--sms VERSIONS] [-f text|tsv|json|html] REPORT...\n";

static const char help[] =
    "Replay SMS 1.x job histories under each SMS version and report the\n"
    "workstations whose detailed job status no longer tells what happened.\n"
    "\n"
    "  --sms VERSIONS       the versions, comma-separated (default: all:\n"
    "                       1.0,1.1,1.2)\n"
    "  --inventory DIR      the clients' package status NOIDMIFs, as\n"
    "                       DIR/SMSID.mif or DIR/SMSID/*.mif\n"
    "  -f, --format FORMAT  text (default), tsv, json or html\n"
    "  -H, --header         (the tsv report always starts with its header)\n"
    "      --db FILE        the audit into the SQLite database FILE too\n"
    "                       (mif-audit-db(5))\n"
    "  -j, --jobs N         audit in N processes (default 1)\n"
    "      --merge          combine the TSV or JSON reports of earlier runs\n"
    "  -R, --recursive      a HISTORY folder's subfolders too\n"
    "      --files-from LIST  the HISTORYs LIST names, one a line (-:\n"
    "                       standard input)\n"
    "  -0, --null           names in LIST end in NUL (find -print0)\n"
    "      --input-encoding ENC  read histories and NOIDMIFs as latin1,\n"
    "                       utf-8, utf-16le or utf-16be (default: as the\n"
    "                       byte-order mark says, latin1 without one)\n"
    DIAG_HELP
    "      --help           this help\n"
    "      --version        the version\n"
    "\n"
    "A HISTORY that is a folder stands for its *.mif files, in name order\n"
    "(with -R, its subfolders' too, where they fall in that order);\n"
    "- reads standard input.  Exit status (miftools(7)): 0 all audited,\n"
    "2 trouble (a history unreadable, a folder missing or empty), 3 a\n"
    "history skipped for its errors.\n";

/* ---- messages of the library ---- */

/* An error or warning of the report or the merge: placed in a file, or
 * placeless (memory, a temporary file). */
static void
say(const mif_error *e)
{
	if (e->source[0] != '\0')
		report_diag(stderr, prog, e->source, NULL, e);
	else
		report_diag(stderr, prog, NULL, NULL, e);
}

static void
warn(void *ctx, const mif_error *w)
{
	(void)ctx;
	say(w);
}

/* ---- auditing one history ---- */

typedef struct audit {
	mif_audit_report report;
	const mif_sms_version *versions[MIF_SMS_AUDIT_MAX];
	const mif_audit_inventory *inventory;
	mif_audit_db *db;                /* --db: the parent's */
	bool db_wanted;                  /* records carry their SQL */
	mif_parse_options input;
	walk_files in;
	progress progress;
	int status;
} audit;

/* The first error of a history, as its skipped entry. */
static void
skip(audit *a, const char *name, const mif_error *e, FILE *out, FILE *db,
    audit_record *rec)
{
	mif_audit_skip s = { name, e->mark.line, e->mark.column, e->text };

	rec->kind = report_status(e) == CLI_TROUBLE ? AUDIT_RECORD_SKIP_UNREAD
	    : AUDIT_RECORD_SKIP;
	rec->id = mif_audit_skip_identity(&s);
	mif_audit_write_skip(&a->report, &s, out);
	if (db != NULL)
		mif_audit_db_write_skip(&s, db);
}

/* Report the errors of a document (warnings are mif-check's); the
 * first one, or NULL when there is none. */
static const mif_error *
report_errors(const mif_doc *doc, const char *name, FILE *err)
{
	const mif_error *first = NULL;

	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		if (e->severity < MIF_ERROR)
			continue;
		report_diag(err, prog, name, doc, e);
		if (first == NULL)
			first = e;
	}
	return first;
}

/* Audit a history that was read. */
static bool
audit_history(audit *a, const char *name, const mif_sms_history *h,
    FILE *out, FILE *db, audit_record *rec)
{
	rec->kind = AUDIT_RECORD_JOB;
	if (!mif_audit_history(&a->report, a->versions, a->inventory, h, name,
	    out, db, &rec->counts, &rec->id)) {
		report_fatal(stderr, prog, name, MIF_RULE_NOMEM, "out of memory");
		return false;
	}
	return true;
}

static bool
produce(void *ctx, size_t i, audit_record *rec)
{
	audit *a = ctx;
	const char *path = walk_file(&a->in, i);
	const char *name = cli_display_name(path);
	FILE *out = open_memstream(&rec->out, &rec->out_len);
	FILE *err = open_memstream(&rec->err, &rec->err_len);
	FILE *db = a->db_wanted ? open_memstream(&rec->db, &rec->db_len) : NULL;
	bool ok = out != NULL && err != NULL && (db != NULL || !a->db_wanted);

	if (!ok) {
		report_out_of_memory(prog);
		goto done;
	}
	mif_parse_options o = cli_input_named(&a->input, name);
	mif_error e;
	mif_doc *doc = mif_parse_path(path, &o, &e);
	if (doc == NULL) {
		report_diag(err, prog, name, NULL, &e);
		skip(a, name, &e, out, db, rec);
		goto done;
	}
	/* the DMI rules cost about a tenth of the time: worth it */
	if (mif_doc_error_count(doc) == 0)
		mif_check(doc, NULL);
	report_doubts(err, prog, name, doc);
	const mif_error *first = report_errors(doc, name, err);
	mif_sms_history h;
	if (first != NULL) {
		skip(a, name, first, out, db, rec);
	} else if (!mif_sms_history_read(doc, &h, &e)) {
		report_diag(err, prog, name, doc, &e);
		skip(a, name, &e, out, db, rec);
	} else {
		/* what the history holds that its client would not have sent */
		for (size_t w = 0; w < h.nwarnings; w++)
			report_diag(err, prog, name, doc, &h.warnings[w]);
		ok = audit_history(a, name, &h, out, db, rec);
		mif_sms_history_release(&h);
	}
	mif_doc_free(doc);
done:
	if (out != NULL && fclose(out) != 0)
		ok = false;
	if (err != NULL && fclose(err) != 0)
		ok = false;
	if (db != NULL && fclose(db) != 0)
		ok = false;
	return ok;
}

static bool
consume(void *ctx, size_t i, const audit_record *rec)
{
	audit *a = ctx;

	if (rec->err_len > 0) {
		progress_clear(&a->progress);
		fwrite(rec->err, 1, rec->err_len, stderr);
	}
	progress_before_report(&a->progress);
	const char *name = cli_display_name(walk_file(&a->in, i));
	mif_error e;

	a->status = cli_worse(a->status, rec->kind == AUDIT_RECORD_JOB ? CLI_OK
	    : rec->kind == AUDIT_RECORD_SKIP ? CLI_INPUT : CLI_TROUBLE);
	bool placed = rec->kind == AUDIT_RECORD_JOB
	    ? mif_audit_put_job(&a->report, rec->out, rec->out_len, &rec->counts,
	    rec->id, name, &e)
	    : mif_audit_put_skip(&a->report, rec->out, rec->out_len, rec->id, name,
	    &e);
	/* the database takes each history whole, in its own transaction */
	if (placed && a->db != NULL && !mif_audit_db_put(a->db, rec->db,
	    rec->db_len, &e)) {
		progress_clear(&a->progress);
		say(&e);
		return false;
	}
	if (!placed || ferror(stdout)) {
		progress_clear(&a->progress);
		if (!placed)
			say(&e);
		return false; /* a write error: said by cli_flush_stdout() */
	}
	progress_update(&a->progress, i + 1, a->in.n,
	    progress_now());
	return true;
}

/* ---- options ---- */

static _Noreturn void
out_of_memory(void)
{
	report_out_of_memory(prog);
	exit(CLI_TROUBLE);
}

/* --sms 1.0,1.2: versions in the order given. */
static size_t
parse_versions(const char *text, const mif_sms_version **out)
{
	size_t n = 0;
	char *copy = strdup(text);

	if (copy == NULL)
		out_of_memory();
	for (char *s = copy, *end; ; s = end + 1) {
		end = strchr(s, ',');
		if (end != NULL)
			*end = '\0';
		if (*s == '\0')
			cli_usage_error(prog, usage, "--sms: an empty version in "
			    "\"%s\"", text);
		const mif_sms_version *v = jobs_version(prog, usage, s);
		for (size_t k = 0; k < n; k++)
			if (out[k] == v)
				cli_usage_error(prog, usage, "--sms: version %s is "
				    "given twice", s);
		if (n == MIF_SMS_AUDIT_MAX)
			cli_usage_error(prog, usage, "--sms: at most %d versions",
			    MIF_SMS_AUDIT_MAX);
		out[n++] = v;
		if (end == NULL)
			break;
	}
	free(copy);
	return n;
}

static int
run_audit(audit *a, const walk_options *wo, char *const *args, size_t nargs,
    unsigned workers)
{
	/* the other histories are audited all the same; with none, there
	 * is no report to print */
	if (!walk_collect(prog, wo, args, nargs, &a->in)) {
		if (a->in.n == 0)
			return CLI_TROUBLE;
		a->status = CLI_TROUBLE;
	}
	mif_error e;
	if (!mif_audit_begin(&a->report, &e)) {
		say(&e);
		return CLI_TROUBLE;
	}
	progress_start(&a->progress, prog, "histories", stderr, stdout,
	    isatty(STDERR_FILENO), isatty(STDOUT_FILENO), progress_now());
	bool ok = audit_workers_run(prog, workers,
	    a->in.n, produce, consume, a);
	progress_clear(&a->progress);
	if (ok && !(ok = mif_audit_end(&a->report, &e)))
		say(&e);
	if (!ok)
		mif_audit_abandon(&a->report);
	if (!cli_flush_stdout(prog) || !ok)
		return CLI_TROUBLE;
	return a->status;
}

/* ---- merging ---- */

/* False after reporting, with *status what that deserves. */
static bool
merge_one(mif_audit_merge *m, const char *path, int *status)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = cli_display_name(path);
	FILE *in = is_stdin ? stdin : fopen(path, "r");
	mif_error e;

	if (in == NULL) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s", strerror(errno));
		*status = CLI_TROUBLE;
		return false;
	}
	/* a report PowerShell rewrote is UTF-16: read it as UTF-8 */
	FILE *text;
	bool ok = mif_text_utf8_stream(in, &text, name, &e) &&
	    mif_audit_merge_read(m, text, name, &e);
	if (!ok) {
		say(&e);
		*status = report_status(&e);
	}
	if (text != in)
		fclose(text);
	if (!is_stdin)
		fclose(in);
	return ok;
}

/* Combine the reports as if one run had audited every history they
 * name (mif_audit_merge_read()). */
static int
run_merge(mif_audit_report *r, bool sms_given, char *const *paths,
    size_t npaths)
{
	mif_audit_merge *m = mif_audit_merge_new(r, sms_given);
	bool ok = m != NULL;
	int status = CLI_TROUBLE;
	mif_error e;

	if (m == NULL)
		report_out_of_memory(prog);
	for (size_t i = 0; i < npaths && ok; i++)
		ok = merge_one(m, paths[i], &status);
	if (ok && r->begun && !(ok = mif_audit_end(r, &e))) {
		say(&e);
		status = report_status(&e);
	}
	if (!ok)
		mif_audit_abandon(r);
	mif_audit_merge_free(m);
	if (!cli_flush_stdout(prog))
		return CLI_TROUBLE;
	if (!ok)
		return status;
	/* a history the earlier runs skipped is still unaudited */
	return r->totals.skipped > 0 ? CLI_INPUT : CLI_OK;
}

int
main(int argc, char *argv[])
{
	enum {
		OPT_SMS = 256, OPT_INVENTORY, OPT_MERGE, OPT_HELP, OPT_VERSION,
		OPT_INPUT_ENCODING, OPT_DB
	};
	static const struct option longopts[] = {
		{ "sms", required_argument, NULL, OPT_SMS },
		{ "inventory", required_argument, NULL, OPT_INVENTORY },
		{ "format", required_argument, NULL, 'f' },
		{ "header", no_argument, NULL, 'H' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "merge", no_argument, NULL, OPT_MERGE },
		{ "db", required_argument, NULL, OPT_DB },
		WALK_LONGOPTS,
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		DIAG_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	audit a = { .report = { .format = MIF_AUDIT_TEXT } };
	const char *inventory = NULL, *db = NULL;
	bool merge = false, sms_given = false;
	unsigned workers = 1;
	walk_options wo = { .folders = true };
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:j:H" WALK_SHORTOPTS
	    DIAG_OPTSTRING, longopts, NULL)) != -1) {
		if (walk_option(c, optarg, &wo))
			continue;
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0) a.report.format = MIF_AUDIT_TEXT;
			else if (strcmp(optarg, "tsv") == 0) a.report.format = MIF_AUDIT_TSV;
			else if (strcmp(optarg, "json") == 0) a.report.format = MIF_AUDIT_JSON;
			else if (strcmp(optarg, "html") == 0) a.report.format = MIF_AUDIT_HTML;
			else cli_usage_error(prog, usage, "unknown format \"%s\"", optarg);
			break;
		case 'H':
			break; /* a report's header is part of its format */
		case 'j':
			if (!cli_parse_count(optarg, &workers))
				cli_usage_error(prog, usage, "-j: \"%s\" is not a number "
				    "of processes from 1 up", optarg);
			break;
		case OPT_SMS:
			a.report.nversions = parse_versions(optarg, a.versions);
			sms_given = true;
			break;
		case OPT_INVENTORY: inventory = optarg; break;
		case OPT_MERGE: merge = true; break;
		case OPT_DB: db = optarg; break;
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &a.input);
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
	if (optind == argc && (merge || wo.files_from == NULL))
		cli_usage_error(prog, usage, merge ? "no report to merge"
		    : "no history to audit");
	if (merge && (wo.recursive || wo.files_from != NULL || wo.nul))
		cli_usage_error(prog, usage, "--merge takes reports as they are "
		    "named: no %s", wo.recursive ? "-R" : wo.nul ? "-0"
		    : "--files-from");
	/* read twice, it would give nothing the second time, or with -j
	 * share its bytes between two processes */
	for (int i = optind, seen = 0; i < argc; i++)
		if (strcmp(argv[i], "-") == 0 && seen++ > 0)
			cli_usage_error(prog, usage, "standard input (-) can be "
			    "named once");
	if (merge && inventory != NULL)
		cli_usage_error(prog, usage, "--merge takes no --inventory: the "
		    "reports hold its answers");
	if (merge && db != NULL)
		cli_usage_error(prog, usage, "--merge takes no --db: merge "
		    "databases with ATTACH (mif-audit-db(5))");
	if (merge && a.input.input_encoding_given)
		cli_usage_error(prog, usage, "--merge takes no --input-encoding: "
		    "reports are UTF-8");
	if (!sms_given) {
		size_t n;
		const mif_sms_version *all = mif_sms_versions(&n);
		for (size_t v = 0; v < n && v < MIF_SMS_AUDIT_MAX; v++)
			a.versions[a.report.nversions++] = &all[v];
	}
	for (size_t v = 0; v < a.report.nversions; v++)
		a.report.versions[v] = a.versions[v]->name;
	a.report.out = stdout;
	a.report.prog = prog;
	a.report.warn = warn;

	if (merge)
		return report_finish(run_merge(&a.report, sms_given,
		    argv + optind, (size_t)(argc - optind)), CLI_INPUT);

	mif_audit_inventory *inv = NULL;
	if (inventory != NULL) {
		int status;
		inv = audit_inventory_load(prog, inventory, &a.input, &status);
		if (inv == NULL)
			return status;
		a.inventory = inv;
		a.report.inventory = true;
	}
	if (db != NULL) {
		mif_error e;
		a.db_wanted = true;
		if ((a.db = mif_audit_db_open(db, &e)) == NULL) {
			say(&e);
			mif_audit_inventory_free(inv);
			return CLI_TROUBLE;
		}
	}
	int status = run_audit(&a, &wo, argv + optind, (size_t)(argc - optind),
	    workers);
	mif_audit_db_close(a.db);
	mif_audit_inventory_free(inv);
	walk_free(&a.in);
	return report_finish(status, CLI_INPUT);
}
