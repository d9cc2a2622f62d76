/*
 * mif-diff: compare two keyed tables row by row, or (-A) every group of
 * two documents.
 *
 * Rows only in OLD, only in NEW, and changed rows with the attributes
 * that changed, as text for people, TSV or JSON for scripts, or MIF for
 * the toolkit.  Exit 0 when equal, 1 when different, 2 on trouble.
 */
#include <getopt.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobs.h"
#include "load.h"
#include "diag_options.h"
#include "report.h"

static const char prog[] = "mif-diff";

static const char usage[] =
    "usage: mif-diff [-qsH] [-f text|tsv|json|mif] [-g GROUP] [-K ATTRIBUTE]...\n"
    "                [--ignore ATTRIBUTE]... [--input-encoding ENC] [-j N] OLD NEW\n"
    "       mif-diff -A [-qsH] [-f text|tsv|json] [--input-encoding ENC] [-j N]\n"
    "                OLD NEW\n";

static const char help[] =
    "Compare two keyed tables row by row, by key, or every group of two\n"
    "documents.\n"
    "\n"
    "  -A, --all-groups     compare every group and table of OLD and NEW,\n"
    "                       matched by class, or by ID without one\n"
    "  -f, --format FORMAT  text (default), tsv, json or mif (not with -A)\n"
    "  -g, --group GROUP    the group or table to compare, by ID, class or\n"
    "                       name, as mif-get -g shows its rows (default:\n"
    "                       the class of OLD's first group with a KEY)\n"
    "  -K, --key-attribute ATTRIBUTE  key on this attribute (repeat for\n"
    "                       several; default: the table's KEY; -k ATTRIBUTE\n"
    "                       is its old spelling)\n"
    "      --ignore ATTRIBUTE  leave this attribute out (repeatable)\n"
    "  -H, --header         a header line first (tsv)\n"
    "  -q, --quiet          print nothing; the exit status tells\n"
    "  -s, --summary        end the text with the counts, even when equal\n"
    "      --input-encoding ENC  read OLD and NEW as latin1, utf-8,\n"
    "                       utf-16le or utf-16be (default: as the\n"
    "                       byte-order mark says, latin1 without one)\n"
    "  -j, --jobs N         read OLD and NEW in N threads: 2 (the default)\n"
    "                       reads both at once, 1 one after the other\n"
    DIAG_HELP
    "      --help           this help\n"
    "      --version        the version\n"
    "\n"
    "OLD or NEW may be - for standard input.  Exit status (miftools(7)):\n"
    "0 equal, 1 different, 2 trouble, 3 OLD or NEW has errors.\n";

/* The forms of mif_diff_report_write(), and MIF (mif_diff_write()). */
enum { MIF = MIF_DIFF_JSON + 1 };

typedef struct side {
	const char *path;
	mif_doc *doc;
	mif_rows *rows;
	/* Read by read_side(), perhaps in a thread: the document until its
	 * diagnostics are printed, and its rows when open_early asks for
	 * them (those of group, or of its own default), opened for spec
	 * with the outcome in rows or err. */
	const mif_parse_options *input;
	cli_loaded loaded;
	bool open_early;
	/* Read by mif_diff_parse() when digested: its first table's rows
	 * held as a digest (mif_diff_new_digests()), not in the tree. */
	bool digested;
	mif_diff_digest *digest;
	const char *group, *spec;
	mif_error err;
} side;

typedef struct job {
	int format;     /* a mif_diff_format, or MIF */
	bool header, quiet, summary, all_groups;
	side old, new_side;
	mif_diff *diff;
	mif_doc_diff *doc_diff;   /* -A */
	mif_parse_options input;
	unsigned jobs;  /* threads that read OLD and NEW */
	mif_doc *out;   /* -f mif: the document */
} job;

static _Noreturn void
out_of_memory(void)
{
	report_out_of_memory(prog);
	exit(CLI_TROUBLE);
}

/* ---- the comparison ---- */

/* One side read, and its rows opened when they can be at once. */
static void *
read_side(void *arg)
{
	side *s = arg;
	const mif_doc *doc;

	if (s->digested) {
		mif_parse_options o = cli_input_named(s->input,
		    cli_display_name(s->path));
		s->loaded.doc = mif_diff_parse(s->path, &o, &s->digest,
		    &s->loaded.err);
	} else {
		cli_load_read(s->path, s->input, &s->loaded);
	}
	if (!s->open_early || (doc = s->loaded.doc) == NULL ||
	    mif_doc_error_count(doc) > 0)
		return NULL;
	s->spec = s->group != NULL ? s->group : mif_diff_default_spec(doc);
	if (s->spec != NULL)
		s->rows = mif_rows_open_spec(doc, s->spec, &s->err);
	return NULL;
}

/*
 * Both documents, NEW read in a thread of its own while this one reads
 * OLD when j->jobs allows (parsing is most of the work on big tables),
 * each thread then opening its side's rows, which open_rows() takes
 * when they are the ones it wants.  What is printed is what reading
 * them in turn prints: OLD's diagnostics, then NEW's, and nothing of
 * NEW when OLD cannot be used.  In turn, the rows wait until both
 * documents are read: a view's index is not in memory while the other
 * file is read, and for tables of millions of rows that is where
 * memory peaks.
 */
static int
load_sides(job *j, const char *group, bool digested)
{
	side *old = &j->old, *new_side = &j->new_side;
	pthread_t thread;
	int status = CLI_OK;

	old->input = new_side->input = &j->input;
	old->group = new_side->group = group;
	old->open_early = new_side->open_early = j->jobs > 1 && !j->all_groups;
	/* standard input cannot be read again when a digest will not do */
	old->digested = digested && strcmp(old->path, "-") != 0;
	new_side->digested = digested && strcmp(new_side->path, "-") != 0;
	/* POSIX threads rather than C11's: ThreadSanitizer knows them */
	bool threaded = j->jobs > 1 &&
	    pthread_create(&thread, NULL, read_side, new_side) == 0;

	read_side(old);
	old->doc = cli_load_report(prog, old->path, &old->loaded, &status);
	if (threaded)
		pthread_join(thread, NULL);
	if (old->doc != NULL) {
		if (!threaded)
			read_side(new_side);
		new_side->doc = cli_load_report(prog, new_side->path,
		    &new_side->loaded, &status);
	}
	if (new_side->loaded.doc != NULL) { /* not taken */
		mif_rows_free(new_side->rows);
		new_side->rows = NULL;
		mif_diff_digest_free(new_side->digest);
		new_side->digest = NULL;
		mif_doc_free(new_side->loaded.doc);
	}
	if (old->doc == NULL) {
		mif_diff_digest_free(old->digest);
		old->digest = NULL;
	}
	return old->doc != NULL && new_side->doc != NULL ? CLI_OK : status;
}

/* The rows that mif-get -g shows: a keyed group named by its class or
 * name stands for every instance of its class. */
static int
open_rows(side *s, const char *group)
{
	const char *name = cli_display_name(s->path);
	mif_error err = s->err;

	/* rows opened for another spec (the other side's default is
	 * another class) are not these */
	if (s->spec == NULL || strcmp(s->spec, group) != 0) {
		mif_rows_free(s->rows);
		s->rows = mif_rows_open_spec(s->doc, group, &err);
	}
	if (s->rows == NULL && err.code == MIF_E_MISSING) {
		report_fatal(stderr, prog, name, MIF_RULE_MISSING, "%s", err.text);
		return CLI_TROUBLE;
	}
	if (s->rows == NULL) {
		report_diag(stderr, prog, name, s->doc, &err);
		return report_status(&err);
	}
	return CLI_OK;
}

/* Why a comparison could not be made, on the side the library names. */
static int
failed(const job *j, const mif_error *err)
{
	/* the library names the side; messages name the file */
	const side *s = strcmp(err->source, "new") == 0 ? &j->new_side
	    : strcmp(err->source, "old") == 0 ? &j->old : NULL;
	if (s != NULL)
		report_diag(stderr, prog, cli_display_name(s->path), s->doc, err);
	else
		report_diag(stderr, prog, NULL, NULL, err);
	/* a key or ignored attribute the table lacks is the command line's
	 * fault (-K, --ignore); a key given twice, or any fault of a group
	 * of -A, the file's */
	return err->code == MIF_E_KEY && !j->all_groups ? CLI_TROUBLE
	    : err->code == MIF_E_KEY ? CLI_INPUT : report_status(err);
}

static unsigned
report_flags(const job *j)
{
	return (j->header ? MIF_DIFF_HEADER : 0) |
	    (j->summary ? MIF_DIFF_SUMMARY : 0) |
	    (report_colour_on(stdout) ? MIF_DIFF_COLOUR : 0);
}

/* -A: every group of both documents. */
static int
compare_documents(job *j)
{
	mif_error err;
	mif_doc_diff_part p;
	mif_diff_change ch;
	bool ok = true;

	j->doc_diff = mif_doc_diff_new(j->old.doc, j->new_side.doc, &err);
	if (j->doc_diff == NULL)
		return failed(j, &err);
	if (j->quiet) {
		while (mif_doc_diff_next(j->doc_diff, &p))
			while (p.rows != NULL && mif_diff_next(p.rows, &ch))
				continue; /* the counts tell */
	} else if (!(ok = mif_doc_diff_report_write(stdout, j->doc_diff,
	    cli_display_name(j->old.path), cli_display_name(j->new_side.path),
	    (mif_diff_format)j->format, report_flags(j))) && !ferror(stdout)) {
		report_out_of_memory(prog);
	}
	mif_doc_diff_counts n = mif_doc_diff_counts_of(j->doc_diff);
	if (!cli_flush_stdout(prog) || !ok)
		return CLI_TROUBLE;
	return n.groups.changed + n.groups.removed + n.groups.added > 0
	    ? CLI_NO : CLI_OK;
}

/* A side whose rows are a digest read again whole, its diagnostics
 * printed already (those of the whole), and its rows opened. */
static int
read_whole(job *j, side *s, const char *group)
{
	cli_loaded l;
	int status = CLI_OK;

	if (s->digest == NULL)
		return CLI_OK;
	mif_rows_free(s->rows);
	s->rows = NULL;
	s->spec = NULL;
	mif_diff_digest_free(s->digest);
	s->digest = NULL;
	mif_doc_free(s->doc);
	cli_load_read(s->path, &j->input, &l);
	/* the file changed since: what is wrong with it now */
	s->doc = l.doc != NULL && mif_doc_error_count(l.doc) == 0 ? l.doc
	    : cli_load_report(prog, s->path, &l, &status);
	return s->doc != NULL ? open_rows(s, group) : status;
}

/* The comparison of the digests, or of the whole tables when a digest
 * will not do. */
static int
compare_rows(job *j, const char *group, const mif_diff_options *opts,
    mif_error *err)
{
	bool whole = true;
	int status;

	if (j->old.digest != NULL && j->new_side.digest != NULL) {
		j->diff = mif_diff_new_digests(j->old.digest,
		    j->new_side.digest, group, opts, &whole, err);
		if (!whole)
			return CLI_OK;
	}
	/* the default group points into the document read again */
	char *spec = strdup(group);
	if (spec == NULL)
		out_of_memory();
	if ((status = read_whole(j, &j->old, spec)) == CLI_OK &&
	    (status = read_whole(j, &j->new_side, spec)) == CLI_OK)
		j->diff = mif_diff_new(j->old.rows, j->new_side.rows, opts, err);
	free(spec);
	return status;
}

static int
compare(job *j, const char *group, const mif_diff_options *opts)
{
	mif_error err;
	int status = compare_rows(j, group, opts, &err);
	if (status != CLI_OK)
		return status;
	if (j->diff == NULL)
		return failed(j, &err);
	const char *old_name = cli_display_name(j->old.path);
	const char *new_name = cli_display_name(j->new_side.path);
	mif_diff_change ch;
	bool ok = true;
	if (j->quiet) {
		while (mif_diff_next(j->diff, &ch))
			continue; /* the counts tell */
	} else if (j->format == MIF) {
		/* ISO 8859-1, or UTF-8 when the values need more */
		if ((j->out = mif_diff_write(j->diff, old_name, new_name)) == NULL) {
			report_out_of_memory(prog);
			return CLI_TROUBLE;
		}
		if (!jobs_print(prog, j->out))
			return CLI_TROUBLE;
	} else if (!(ok = mif_diff_report_write(stdout, j->diff, old_name,
	    new_name, (mif_diff_format)j->format, report_flags(j))) &&
	    !ferror(stdout)) {
		report_out_of_memory(prog);
	}
	mif_diff_counts n = mif_diff_counts_of(j->diff);
	if (!cli_flush_stdout(prog) || !ok)
		return CLI_TROUBLE;
	return n.changed + n.removed + n.added > 0 ? CLI_NO : CLI_OK;
}

/* One table: -g GROUP, else the first keyed group's class. */
static int
compare_table(job *j, const char *group, const mif_diff_options *opts)
{
	if (group == NULL &&
	    (group = mif_diff_default_spec(j->old.doc)) == NULL) {
		report_fatal(stderr, prog, cli_display_name(j->old.path),
		    MIF_RULE_MISSING, "no keyed group or table");
		return CLI_TROUBLE;
	}
	int status = open_rows(&j->old, group);
	if (status == CLI_OK)
		status = open_rows(&j->new_side, group);
	return status == CLI_OK ? compare(j, group, opts) : status;
}

/* Append an option's argument to a list. */
static void
push(const char ***list, size_t *n, const char *arg)
{
	const char **l = realloc(*list, (*n + 1) * sizeof *l);
	if (l == NULL)
		out_of_memory();
	l[(*n)++] = arg;
	*list = l;
}

int
main(int argc, char *argv[])
{
	enum { OPT_IGNORE = 256, OPT_HELP, OPT_VERSION, OPT_INPUT_ENCODING };
	static const struct option longopts[] = {
		{ "all-groups", no_argument, NULL, 'A' },
		{ "format", required_argument, NULL, 'f' },
		{ "group", required_argument, NULL, 'g' },
		{ "key-attribute", required_argument, NULL, 'K' },
		{ "key", required_argument, NULL, 'k' },
		{ "ignore", required_argument, NULL, OPT_IGNORE },
		{ "header", no_argument, NULL, 'H' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "summary", no_argument, NULL, 's' },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "jobs", required_argument, NULL, 'j' },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		DIAG_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	job j = { .format = MIF_DIFF_TEXT, .jobs = 2 };
	const char *group = NULL;
	mif_diff_options opts = { NULL, 0, NULL, 0 };
	const char **key = NULL, **ignore = NULL;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":Af:g:j:k:K:Hqs" DIAG_OPTSTRING, longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0) j.format = MIF_DIFF_TEXT;
			else if (strcmp(optarg, "tsv") == 0) j.format = MIF_DIFF_TSV;
			else if (strcmp(optarg, "json") == 0) j.format = MIF_DIFF_JSON;
			else if (strcmp(optarg, "mif") == 0) j.format = MIF;
			else cli_usage_error(prog, usage, "unknown format \"%s\"", optarg);
			break;
		case 'A': j.all_groups = true; break;
		case 'g': group = optarg; break;
		case 'k':
			/* -k KEY=VALUE selects rows in mif-get: here only the
			 * old spelling of -K */
			if (strchr(optarg, '=') != NULL)
				cli_usage_error(prog, usage, "-k KEY=VALUE selects "
				    "rows in mif-get; key attributes are -K ATTRIBUTE");
			cli_deprecated(prog, "-k ATTRIBUTE (--key)",
			    "-K ATTRIBUTE (--key-attribute)");
			/* FALLTHROUGH */
		case 'K': push(&key, &opts.nkey, optarg); break;
		case OPT_IGNORE: push(&ignore, &opts.nignore, optarg); break;
		case 'H': j.header = true; break;
		case 'q': j.quiet = true; break;
		case 's': j.summary = true; break;
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &j.input);
			break;
		case 'j':
			if (!cli_parse_count(optarg, &j.jobs))
				cli_usage_error(prog, usage, "-j: \"%s\" is not a "
				    "number of threads from 1 up", optarg);
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
		cli_usage_error(prog, usage, "two tables to compare, OLD and NEW");
	if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1], "-") == 0)
		cli_usage_error(prog, usage, "only one side can be standard input");
	if (j.all_groups && (group != NULL || opts.nkey > 0 ||
	    opts.nignore > 0 || j.format == MIF))
		cli_usage_error(prog, usage, "-A compares every group by its own "
		    "KEY, as text, tsv or json: not with -g, -K, --ignore or "
		    "-f mif");
	opts.key = key;
	opts.ignore = ignore;
	j.old.path = argv[optind];
	j.new_side.path = argv[optind + 1];

	/* a key other than the KEY is compared whole */
	int status = load_sides(&j, group, !j.all_groups && opts.nkey == 0 &&
	    getenv("MIF_DIFF_WHOLE") == NULL);
	if (status == CLI_OK)
		status = j.all_groups ? compare_documents(&j)
		    : compare_table(&j, group, &opts);

	mif_doc_diff_free(j.doc_diff);
	mif_diff_free(j.diff);
	mif_diff_digest_free(j.old.digest);
	mif_diff_digest_free(j.new_side.digest);
	mif_rows_free(j.old.rows);
	mif_rows_free(j.new_side.rows);
	mif_doc_free(j.old.doc);
	mif_doc_free(j.new_side.doc);
	mif_doc_free(j.out);
	free(key);
	free(ignore);
	return report_finish(status, CLI_INPUT);
}
