/*
 * mif-diff: compare two keyed tables row by row.
 *
 * Rows only in OLD, only in NEW, and changed rows with the attributes
 * that changed, as text for people, TSV or JSON for scripts, or MIF for
 * the toolkit.  Exit 0 when equal, 1 when different, 2 on trouble.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobs.h"
#include "jsonw.h"
#include "load.h"
#include "report.h"

static const char prog[] = "mif-diff";

static const char usage[] =
    "usage: mif-diff [-qH] [-f text|tsv|json|mif] [-g GROUP] [-k ATTRIBUTE]...\n"
    "                [--ignore ATTRIBUTE]... [--input-encoding ENC] OLD NEW\n";

static const char help[] =
    "Compare two keyed tables row by row, by key.\n"
    "\n"
    "  -f, --format FORMAT  text (default), tsv, json or mif\n"
    "  -g, --group GROUP    the group or table to compare, by ID, class or\n"
    "                       name, as mif-get -g shows its rows (default:\n"
    "                       the class of OLD's first group with a KEY)\n"
    "  -k, --key ATTRIBUTE  key on this attribute (repeat for several;\n"
    "                       default: the table's KEY)\n"
    "      --ignore ATTRIBUTE  leave this attribute out (repeatable)\n"
    "  -H, --header         a header line first (tsv)\n"
    "  -q, --quiet          print nothing; the exit status tells\n"
    "      --input-encoding ENC  read OLD and NEW as latin1, utf-8,\n"
    "                       utf-16le or utf-16be (default: as the\n"
    "                       byte-order mark says, latin1 without one)\n"
    "      --help           this help\n"
    "      --version        the version\n"
    "\n"
    "OLD or NEW may be - for standard input.  Exit status: 0 equal,\n"
    "1 different, 2 trouble.\n";

enum format { TEXT, TSV, JSON, MIF };

typedef struct side {
	const char *path;
	mif_doc *doc;
	mif_rows *rows;
} side;

typedef struct job {
	enum format format;
	bool header, quiet;
	side old, new_side;
	mif_diff *diff;
	char *buf;      /* formatted values */
	size_t cap;
	mif_parse_options input;
	mif_doc *out;   /* -f mif: the document */
} job;

/* ---- values ---- */

static _Noreturn void
out_of_memory(void)
{
	fprintf(stderr, "%s: out of memory\n", prog);
	exit(CLI_TROUBLE);
}

/* The value of compared column c of a row on one side, formatted, and
 * its length (a NUL may be part of it); NULL when absent. */
static const char *
value_bytes(job *j, bool old, size_t row, size_t c, unsigned flags,
    size_t *len)
{
	mif_value v;

	*len = 0;
	mif_diff_value(j->diff, old, row, c, &v);
	if (v.kind == MIF_V_ABSENT)
		return NULL;
	size_t n = mif_value_format(&v, flags, j->buf, j->cap);
	if (n >= j->cap) {
		free(j->buf);
		j->cap = n + 64;
		j->buf = malloc(j->cap);
		if (j->buf == NULL)
			out_of_memory();
		mif_value_format(&v, flags, j->buf, j->cap);
	}
	*len = n;
	return j->buf;
}

static const char *
value_text(job *j, bool old, size_t row, size_t c, unsigned flags)
{
	size_t len;

	return value_bytes(j, old, row, c, flags, &len);
}

/* An attribute's name, whole (a NUL may be part of it). */
static mif_value
attr_name(const job *j, size_t c)
{
	const mif_string *n = mif_block_string(mif_diff_attribute(j->diff, c),
	    MIF_KW_NAME);
	return (mif_value){ .kind = MIF_V_STRING, .str = n != NULL ? n->bytes : "",
	    .len = n != NULL ? n->len : 0 };
}

/* An attribute's name in a line of text or TSV: escaped as values are,
 * so that a tab or newline in it cannot split the line. */
static void
print_attr_name(const job *j, size_t c)
{
	mif_value v = attr_name(j, c);

	mif_value_print(&v, MIF_FORMAT_ESCAPE, stdout);
}

static void
json_attr_name(const job *j, size_t c)
{
	mif_value v = attr_name(j, c);

	json_string(stdout, v.str, v.len);
}

/* The k-th key value of a change, formatted; NULL when absent. */
static const char *
key_bytes(job *j, const mif_diff_change *ch, size_t k, unsigned flags,
    size_t *len)
{
	bool old = ch->old_row != MIF_NO_ROW;

	return value_bytes(j, old, old ? ch->old_row : ch->new_row,
	    mif_diff_key_column(j->diff, k), flags, len);
}

/* ---- text ---- */

static void
text_key(job *j, const mif_diff_change *ch)
{
	size_t len;

	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		const char *v = key_bytes(j, ch, k, MIF_FORMAT_ESCAPE, &len);
		printf("%s%s", k > 0 ? ", " : "", v != NULL ? v : "(none)");
	}
}

static void
text_change(job *j, const mif_diff_change *ch)
{
	static const char mark[] = { '=', '-', '+', '~' };

	printf("%c ", mark[ch->kind]);
	text_key(j, ch);
	if (ch->kind == MIF_DIFF_REMOVED)
		fputs(": only in old", stdout);
	else if (ch->kind == MIF_DIFF_ADDED)
		fputs(": only in new", stdout);
	for (size_t i = 0; i < ch->nchanged; i++) {
		size_t c = ch->changed[i];
		fputs(i == 0 ? ": " : "; ", stdout);
		print_attr_name(j, c);
		fputs(": ", stdout);
		const char *o = value_text(j, true, ch->old_row, c, MIF_FORMAT_ESCAPE);
		printf("%s -> ", o != NULL ? o : "(none)");
		const char *n = value_text(j, false, ch->new_row, c, MIF_FORMAT_ESCAPE);
		fputs(n != NULL ? n : "(none)", stdout);
	}
	putchar('\n');
}

static void
text_summary(const mif_diff_counts *n)
{
	printf("%zu changed, %zu only in old, %zu only in new, %zu the same\n",
	    n->changed, n->removed, n->added, n->same);
}

/* ---- TSV ---- */

static void
tsv_header(job *j)
{
	fputs("change", stdout);
	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		putchar('\t');
		print_attr_name(j, mif_diff_key_column(j->diff, k));
	}
	fputs("\tattribute\told\tnew\n", stdout);
}

static void
tsv_line(job *j, const mif_diff_change *ch, size_t c)
{
	size_t len;

	fputs(mif_diff_kind_name(ch->kind), stdout);
	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		const char *v = key_bytes(j, ch, k, MIF_FORMAT_ESCAPE, &len);
		printf("\t%s", v != NULL ? v : "");
	}
	if (c == MIF_NO_COLUMN) {
		fputs("\t\t\t\n", stdout);
		return;
	}
	putchar('\t');
	print_attr_name(j, c);
	putchar('\t');
	const char *o = value_text(j, true, ch->old_row, c, MIF_FORMAT_ESCAPE);
	printf("%s\t", o != NULL ? o : "");
	const char *n = value_text(j, false, ch->new_row, c, MIF_FORMAT_ESCAPE);
	printf("%s\n", n != NULL ? n : "");
}

static void
tsv_change(job *j, const mif_diff_change *ch)
{
	if (ch->nchanged == 0)
		tsv_line(j, ch, MIF_NO_COLUMN);
	for (size_t i = 0; i < ch->nchanged; i++)
		tsv_line(j, ch, ch->changed[i]);
}

/* ---- JSON ---- */

/* A compared value of a row on one side, typed (miftools(7), OUTPUT). */
static void
json_side_value(const job *j, bool old, size_t row, size_t c)
{
	mif_value v;

	mif_diff_value(j->diff, old, row, c, &v);
	json_value(stdout, &v);
}

static void
json_start(job *j)
{
	fputs("{\"old\":", stdout);
	json_cstring(stdout, cli_display_name(j->old.path));
	fputs(",\"new\":", stdout);
	json_cstring(stdout, cli_display_name(j->new_side.path));
	fputs(",\"key\":[", stdout);
	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		if (k > 0)
			putchar(',');
		json_attr_name(j, mif_diff_key_column(j->diff, k));
	}
	fputs("],\"rows\":[", stdout);
}

static void
json_change(job *j, const mif_diff_change *ch, bool first)
{
	fputs(first ? "\n" : ",\n", stdout);

	printf("{\"change\":\"%s\",\"key\":[", mif_diff_kind_name(ch->kind));
	for (size_t k = 0; k < mif_diff_key_count(j->diff); k++) {
		if (k > 0)
			putchar(',');
		bool old = ch->old_row != MIF_NO_ROW;
		json_side_value(j, old, old ? ch->old_row : ch->new_row,
		    mif_diff_key_column(j->diff, k));
	}
	putchar(']');
	if (ch->kind == MIF_DIFF_CHANGED) {
		fputs(",\"attributes\":[", stdout);
		for (size_t i = 0; i < ch->nchanged; i++) {
			size_t c = ch->changed[i];
			fputs(i > 0 ? ",{\"name\":" : "{\"name\":", stdout);
			json_attr_name(j, c);
			fputs(",\"old\":", stdout);
			json_side_value(j, true, ch->old_row, c);
			fputs(",\"new\":", stdout);
			json_side_value(j, false, ch->new_row, c);
			putchar('}');
		}
		putchar(']');
	}
	putchar('}');
}

static void
json_end(const mif_diff_counts *n)
{
	printf("\n],\"counts\":{\"changed\":%zu,\"removed\":%zu,\"added\":%zu,"
	    "\"same\":%zu}}\n", n->changed, n->removed, n->added, n->same);
}

/* ---- the comparison ---- */

static int
load_side(side *s, const mif_parse_options *input)
{
	int status = CLI_OK;
	s->doc = cli_load(prog, s->path, input, CLI_TROUBLE, &status);
	return s->doc != NULL ? CLI_OK : status;
}

/* The rows that mif-get -g shows: a keyed group named by its class or
 * name stands for every instance of its class. */
static int
open_rows(side *s, const char *group)
{
	const char *name = cli_display_name(s->path);
	mif_error err;

	s->rows = mif_rows_open_spec(s->doc, group, &err);
	if (s->rows == NULL && err.code == MIF_E_MISSING) {
		report_fatal(stderr, prog, name, "%s", err.text);
		return CLI_TROUBLE;
	}
	if (s->rows == NULL) {
		report_diag(stderr, prog, name, s->doc, &err);
		return CLI_TROUBLE;
	}
	return CLI_OK;
}

static int
compare(job *j, const mif_diff_options *opts)
{
	mif_error err;
	j->diff = mif_diff_new(j->old.rows, j->new_side.rows, opts, &err);
	if (j->diff == NULL) {
		/* the library names the side; messages name the file */
		const char *file = strcmp(err.source, "new") == 0 ? j->new_side.path
		    : strcmp(err.source, "old") == 0 ? j->old.path : NULL;
		if (file != NULL)
			report_fatal(stderr, prog, cli_display_name(file), "%s", err.text);
		else
			fprintf(stderr, "%s: %s\n", prog, err.text);
		return CLI_TROUBLE;
	}
	if (j->format == JSON && !j->quiet)
		json_start(j);
	if (j->format == TSV && j->header && !j->quiet)
		tsv_header(j);
	if (j->format == MIF && !j->quiet &&
	    (j->out = mif_diff_write(j->diff, cli_display_name(j->old.path),
	    cli_display_name(j->new_side.path))) == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return CLI_TROUBLE;
	}
	mif_diff_change ch;
	bool first = true;
	while (mif_diff_next(j->diff, &ch)) {
		if (j->quiet)
			continue;
		switch (j->format) {
		case TEXT: text_change(j, &ch); break;
		case TSV: tsv_change(j, &ch); break;
		case JSON: json_change(j, &ch, first); break;
		case MIF: break; /* mif_diff_write() took them all */
		}
		first = false;
	}
	mif_diff_counts n = mif_diff_counts_of(j->diff);
	if (!j->quiet && j->format == TEXT)
		text_summary(&n);
	if (!j->quiet && j->format == JSON)
		json_end(&n);
	/* ISO 8859-1, or UTF-8 when the values need more */
	if (!j->quiet && j->format == MIF && !jobs_print(prog, j->out))
		return CLI_TROUBLE;
	if (!cli_flush_stdout(prog))
		return CLI_TROUBLE;
	return n.changed + n.removed + n.added > 0 ? CLI_NO : CLI_OK;
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
		{ "format", required_argument, NULL, 'f' },
		{ "group", required_argument, NULL, 'g' },
		{ "key", required_argument, NULL, 'k' },
		{ "ignore", required_argument, NULL, OPT_IGNORE },
		{ "header", no_argument, NULL, 'H' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	job j = { .format = TEXT };
	const char *group = NULL;
	mif_diff_options opts = { NULL, 0, NULL, 0 };
	const char **key = NULL, **ignore = NULL;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:g:k:Hq", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (strcmp(optarg, "text") == 0) j.format = TEXT;
			else if (strcmp(optarg, "tsv") == 0) j.format = TSV;
			else if (strcmp(optarg, "json") == 0) j.format = JSON;
			else if (strcmp(optarg, "mif") == 0) j.format = MIF;
			else cli_usage_error(prog, usage, "unknown format \"%s\"", optarg);
			break;
		case 'g': group = optarg; break;
		case 'k': push(&key, &opts.nkey, optarg); break;
		case OPT_IGNORE: push(&ignore, &opts.nignore, optarg); break;
		case 'H': j.header = true; break;
		case 'q': j.quiet = true; break;
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &j.input);
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
		cli_usage_error(prog, usage, "two tables to compare, OLD and NEW");
	if (strcmp(argv[optind], "-") == 0 && strcmp(argv[optind + 1], "-") == 0)
		cli_usage_error(prog, usage, "only one side can be standard input");
	opts.key = key;
	opts.ignore = ignore;
	j.old.path = argv[optind];
	j.new_side.path = argv[optind + 1];

	/* both documents first: a view's index is not in memory while the
	 * other file is read, and for tables of millions of rows that is
	 * where memory peaks */
	int status = load_side(&j.old, &j.input);
	if (status == CLI_OK)
		status = load_side(&j.new_side, &j.input);
	if (status == CLI_OK && group == NULL &&
	    (group = mif_diff_default_spec(j.old.doc)) == NULL) {
		report_fatal(stderr, prog, cli_display_name(j.old.path),
		    "no keyed group or table");
		status = CLI_TROUBLE;
	}
	if (status == CLI_OK)
		status = open_rows(&j.old, group);
	if (status == CLI_OK)
		status = open_rows(&j.new_side, group);
	if (status == CLI_OK)
		status = compare(&j, &opts);
	else
		status = CLI_TROUBLE; /* an invalid side is trouble for a diff */

	mif_diff_free(j.diff);
	mif_rows_free(j.old.rows);
	mif_rows_free(j.new_side.rows);
	mif_doc_free(j.old.doc);
	mif_doc_free(j.new_side.doc);
	mif_doc_free(j.out);
	free(j.buf);
	free(key);
	free(ignore);
	return status;
}
