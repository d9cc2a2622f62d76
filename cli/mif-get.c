/* mif-get: groups, attributes, values and table rows of MIF files, for
 * shell scripts. */
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cli.h"
#include "diag_options.h"
#include "jsonw.h"
#include "mif.h"
#include "report.h"
#include "walk.h"

static const char prog[] = "mif-get";

static const char usage[] =
    "usage: mif-get [-Hl] [-f tsv|json] [-g GROUP [-a ATTRIBUTE [-r] | -p]\n"
    "               [-k KEY=VALUE]...] [--input-encoding ENC]\n"
    "               [-R] [--files-from LIST [-0]] [FILE...]\n";

static const char help[] =
    "Print groups, attributes, values and table rows of MIF files.\n"
    "\n"
    "  -g, --group GROUP      a group or table: ID, class or name\n"
    "  -a, --attribute ATTR   only this attribute's values: ID or name\n"
    "  -k, --key KEY=VALUE    only rows whose attribute KEY has VALUE\n"
    "  -p, --pairs            each row as NAME VALUE lines, rows apart\n"
    "  -H, --header           print a header line first (tsv)\n"
    "  -f, --format FORMAT    tsv (default; text is the same) or json\n"
    "  -r, --raw              the one value -a finds, unescaped; trouble\n"
    "                         when there are several\n"
    "  -l, --files-with-matches\n"
    "                         only the names of the files that match\n"
    "      --input-encoding ENC\n"
    "                         read each FILE as latin1, utf-8, utf-16le or\n"
    "                         utf-16be (default: as its byte-order mark\n"
    "                         says, latin1 without one)\n"
    DIAG_HELP;

/* after the options of walk_help() */
static const char help_end[] =
    "      --help             show this help and exit\n"
    "      --version          show the version and exit\n"
    "\n"
    "Without -g: one line per group and table, ID KIND CLASS NAME ROWS.\n"
    "With -g: one line per row of a group, of the keyed groups of a class\n"
    "or of a table, however many rows there are; with -a: the values alone.\n"
    "Fields are separated by tabs.\n"
    "With no FILE, or FILE -, read standard input.\n"
    "Exit status (miftools(7)): 0 something printed, 1 nothing matched,\n"
    "2 trouble, 3 a file has errors.\n";

enum { OPT_HELP = 256, OPT_VERSION, OPT_INPUT_ENCODING };

struct settings {
	const char *group;
	const char *attr;
	mif_rows_condition *keys; /* -k: attribute before the '=', value after */
	size_t nkeys;
	bool header;
	bool json;          /* -f json */
	bool raw;           /* -r: one value, unescaped */
	bool list;          /* -l: names of files that match */
	bool pairs;         /* -p: rows as NAME VALUE lines */
	bool prefix;        /* name the file on each line */
	mif_parse_options input;
};

/* One file's run. */
typedef struct job {
	const struct settings *set;
	const char *name;   /* the file, as messages name it */
	mif_doc *doc;
	int status;         /* CLI_OK once something is printed */
	int failed;         /* CLI_TROUBLE or CLI_INPUT when no answer */
	size_t items;       /* JSON items printed, for the commas */
	size_t *nraw;       /* -r: values found in all files */
	char **raw;         /* -r: the first, formatted (malloc'd) */
	size_t *raw_len;
} job;

/* ---- printing --------------------------------------------------------- */

static void
line_start(const job *j)
{
	if (j->set->prefix) {
		cli_put_text(stdout, j->name);
		putchar(':');
	}
}

static void
print_text(const char *s, size_t len)
{
	mif_value v = { .kind = MIF_V_STRING, .str = s, .len = len };

	mif_value_print(&v, MIF_FORMAT_ESCAPE, stdout);
}

/* A block's NAME, its ID when it has none, or a dash. */
static void
print_name(const mif_block *b)
{
	const mif_string *s = mif_block_string(b, MIF_KW_NAME);
	uint64_t id;

	if (s != NULL)
		print_text(s->bytes, s->len);
	else if (mif_block_id(b, &id))
		printf("%" PRIu64, id);
	else
		putchar('-');
}

static void
report(job *j, const mif_error *err)
{
	report_diag(stderr, prog, j->name, j->doc, err);
	j->failed = cli_worse(j->failed, report_status(err));
}

/* ---- the outline ------------------------------------------------------ */

/* A NAME or CLASS in a field of the outline; empty when absent. */
static void
print_field(const mif_string *s)
{
	if (s != NULL)
		print_text(s->bytes, s->len);
}

/* The same as a JSON member value: null when absent. */
static void
json_field(const char *name, const mif_string *s)
{
	printf(",\"%s\":", name);
	if (s != NULL)
		json_string(stdout, s->bytes, s->len);
	else
		fputs("null", stdout);
}

/* A JSON item of a file's list: a comma before all but the first. */
static void
json_item(job *j)
{
	fputs(j->items++ > 0 ? ",\n" : "\n", stdout);
}

static void
json_outline_entry(job *j, const mif_outline_entry *e)
{
	uint64_t id;

	json_item(j);
	fputs("{\"id\":", stdout);
	if (mif_block_id(e->block, &id))
		printf("%" PRIu64, id);
	else
		fputs("null", stdout);
	printf(",\"kind\":\"%s\"", mif_outline_kind_name(e->kind));
	json_field("class", mif_block_string(e->block, MIF_KW_CLASS));
	json_field("name", mif_block_string(e->block, MIF_KW_NAME));
	printf(",\"rows\":%zu}", e->rows);
}

static void
outline(job *j)
{
	size_t n;
	mif_error err;

	if (mif_doc_component(j->doc) == NULL)
		return;
	mif_outline_entry *list = mif_outline(j->doc, &n, &err);
	if (list == NULL) {
		report(j, &err);
		return;
	}
	if (n > 0)
		j->status = CLI_OK;
	if (j->set->list) {
		free(list);
		return;
	}
	if (j->set->header && !j->set->json) {
		line_start(j);
		fputs("ID\tKIND\tCLASS\tNAME\tROWS\n", stdout);
	}
	for (size_t i = 0; i < n; i++) {
		const mif_block *b = list[i].block;
		uint64_t id;
		if (j->set->json) {
			json_outline_entry(j, &list[i]);
			continue;
		}
		line_start(j);
		if (mif_block_id(b, &id))
			printf("%" PRIu64, id);
		printf("\t%s\t", mif_outline_kind_name(list[i].kind));
		print_field(mif_block_string(b, MIF_KW_CLASS));
		putchar('\t');
		print_field(mif_block_string(b, MIF_KW_NAME));
		printf("\t%zu\n", list[i].rows);
	}
	free(list);
}

/* ---- printing rows ---------------------------------------------------- */

/* -r: count a value and keep the first, formatted raw. */
static void
keep_raw(job *j, const mif_value *v)
{
	if ((*j->nraw)++ > 0)
		return;
	size_t n = mif_value_format(v, 0, NULL, 0);
	*j->raw = malloc(n + 1);
	if (*j->raw == NULL) {
		report_out_of_memory(prog);
		exit(CLI_TROUBLE);
	}
	mif_value_format(v, 0, *j->raw, n + 1);
	*j->raw_len = n;
}

/* Print a value; one that does not suit its type is printed as written,
 * and said so (once for a column whose TYPE is broken). */
static void
print_value(job *j, const mif_rows *rows, size_t row, size_t col,
    bool *type_reported)
{
	mif_value v;
	mif_error err;

	if (!mif_rows_value(rows, row, col, &v, &err)) {
		bool broken = mif_rows_column_type(rows, col) == NULL;
		if (!broken || !type_reported[col])
			report(j, &err);
		if (broken)
			type_reported[col] = true;
	}
	if (j->set->json) {
		json_value(stdout, &v);
	} else if (j->set->raw) {
		keep_raw(j, &v);
	} else {
		mif_value_print(&v, MIF_FORMAT_ESCAPE, stdout);
	}
}

static void
print_header(const job *j, const mif_rows *rows, size_t only, bool pairs)
{
	line_start(j);
	if (pairs) {
		fputs("NAME\tVALUE\n", stdout);
		return;
	}
	for (size_t c = 0; c < mif_rows_columns(rows); c++) {
		if (only != MIF_NO_COLUMN && c != only)
			continue;
		if (only == MIF_NO_COLUMN && c > 0)
			putchar('\t');
		print_name(mif_rows_column(rows, c));
	}
	putchar('\n');
}

/* A row as an object keyed by attribute name (only: the one of -a). */
static void
json_row(job *j, const mif_rows *rows, size_t row, size_t only,
    bool *type_reported)
{
	bool first = true;

	json_item(j);
	putchar('{');
	for (size_t c = 0; c < mif_rows_columns(rows); c++) {
		if (only != MIF_NO_COLUMN && c != only)
			continue;
		if (!first)
			putchar(',');
		first = false;
		const mif_block *attr = mif_rows_column(rows, c);
		const mif_string *name = mif_block_string(attr, MIF_KW_NAME);
		uint64_t id = 0;
		if (name != NULL)
			json_string(stdout, name->bytes, name->len);
		else if (mif_block_id(attr, &id))
			printf("\"%" PRIu64 "\"", id);
		else
			fputs("\"\"", stdout);
		putchar(':');
		print_value(j, rows, row, c, type_reported);
	}
	putchar('}');
}

static void
print_rows(job *j, const mif_rows *rows, const mif_rows_filter *f,
    size_t only)
{
	bool pairs = j->set->pairs;
	size_t printed = 0;
	size_t ncols = mif_rows_columns(rows);
	bool *type_reported = calloc(ncols + 1, sizeof *type_reported);

	if (type_reported == NULL) {
		mif_error err = { .code = MIF_E_NOMEM, .severity = MIF_FATAL };
		snprintf(err.text, sizeof err.text, "out of memory");
		report(j, &err);
		return;
	}
	if (j->set->header && !j->set->json && !j->set->raw)
		print_header(j, rows, only, pairs);
	for (size_t row = mif_rows_filter_next(f, 0); row != MIF_NO_ROW;
	    row = mif_rows_filter_next(f, row + 1)) {
		if (ncols > 0)
			j->status = CLI_OK;
		if (j->set->list)
			break;
		if (j->set->json) {
			json_row(j, rows, row, only, type_reported);
			continue;
		}
		if (j->set->raw) {
			print_value(j, rows, row, only, type_reported);
			continue;
		}
		if (pairs && printed++ > 0) {
			/* an empty line between rows: a pair line has a tab */
			line_start(j);
			putchar('\n');
		}
		if (only != MIF_NO_COLUMN) {
			line_start(j);
			print_value(j, rows, row, only, type_reported);
			putchar('\n');
			continue;
		}
		if (pairs) {
			for (size_t c = 0; c < ncols; c++) {
				line_start(j);
				print_name(mif_rows_column(rows, c));
				putchar('\t');
				print_value(j, rows, row, c, type_reported);
				putchar('\n');
			}
			continue;
		}
		line_start(j);
		for (size_t c = 0; c < ncols; c++) {
			if (c > 0)
				putchar('\t');
			print_value(j, rows, row, c, type_reported);
		}
		putchar('\n');
	}
	free(type_reported);
}

/* -g, with -a and -k: the rows of mif_rows_open_spec(). */
static void
get_group(job *j)
{
	const struct settings *set = j->set;
	mif_error err;
	size_t bad;
	mif_rows *rows = mif_rows_open_spec(j->doc, set->group, &err);

	if (rows == NULL) {
		if (err.code != MIF_E_MISSING) /* else nothing matched */
			report(j, &err);
		return;
	}
	size_t only = MIF_NO_COLUMN;
	if (set->attr != NULL &&
	    (only = mif_rows_column_spec(rows, set->attr)) == MIF_NO_COLUMN) {
		mif_rows_free(rows);
		return;
	}
	mif_rows_filter *f = mif_rows_filter_new(rows, set->keys, set->nkeys,
	    &bad, &err);
	if (f == NULL && bad != SIZE_MAX) {
		/* the value comes from the command line: no place */
		report_say(stderr, prog, j->name, err.severity,
		    mif_error_rule(&err), "-k %s=%s: %s", set->keys[bad].attr,
		    set->keys[bad].value, err.text);
		j->failed = CLI_TROUBLE; /* the command line's fault */
	} else if (f == NULL) {
		report(j, &err);
	} else if (!mif_rows_filter_empty(f)) {
		print_rows(j, rows, f, only);
	}
	mif_rows_filter_free(f);
	mif_rows_free(rows);
}

/* ---- files ------------------------------------------------------------ */

/*
 * -g: the parse keeps only the groups and tables the spec may name (by
 * ID, class or name, in any case: mif_find_group() tries them all) and
 * every other block, so that a big file is not held whole for a few of
 * its groups.  The view of what it names may take in every block of its
 * class (mif_rows_open_spec()): when one of those was dropped, the file
 * is read again whole (drops_class()).
 */
struct keeper {
	const char *spec;
	size_t spec_len;
	bool numeric;       /* the spec is digits: an ID too */
	uint64_t id;
	struct dropped {    /* the classes of the blocks dropped, each told */
		char *bytes;    /* apart from the one before */
		size_t len;
	} *classes;
	size_t nclasses, cap;
	bool classless;     /* a block without CLASS was dropped */
	bool nomem;
};

static bool
same_text(const mif_string *s, const char *text, size_t len)
{
	return s != NULL && s->len == len && strncasecmp(s->bytes, text, len) == 0;
}

static bool
keep_block(const mif_block *b, void *arg)
{
	struct keeper *k = arg;
	uint64_t id;

	if (b->kind != MIF_GROUP && b->kind != MIF_TABLE)
		return true;
	if (k->numeric && mif_block_id(b, &id) && id == k->id)
		return true;
	const mif_string *cls = mif_block_string(b, MIF_KW_CLASS);
	if (same_text(cls, k->spec, k->spec_len) ||
	    same_text(mif_block_string(b, MIF_KW_NAME), k->spec, k->spec_len))
		return true;
	if (cls == NULL) {
		k->classless = true;
		return false;
	}
	if (k->nclasses > 0 && same_text(cls, k->classes[k->nclasses - 1].bytes,
	    k->classes[k->nclasses - 1].len))
		return false;
	if (k->nclasses == k->cap) {
		size_t cap = k->cap > 0 ? 2 * k->cap : 16;
		struct dropped *more = realloc(k->classes, cap * sizeof *more);
		if (more == NULL) {
			k->nomem = true; /* read again whole */
			return false;
		}
		k->classes = more;
		k->cap = cap;
	}
	char *copy = malloc(cls->len + 1);
	if (copy == NULL) {
		k->nomem = true;
		return false;
	}
	memcpy(copy, cls->bytes, cls->len + 1);
	k->classes[k->nclasses++] = (struct dropped){ copy, cls->len };
	return false;
}

/* Whether the block the spec names shares its class with a dropped one. */
static bool
drops_class(const struct keeper *k, const mif_doc *doc)
{
	const mif_block *b = mif_find_group(doc, k->spec);

	if (k->nomem)
		return true;
	if (b == NULL)
		return false;
	/* a group the spec names by its ID is the view, alone */
	uint64_t id;
	if (k->numeric && mif_block_id(b, &id) && id == k->id &&
	    b->kind == MIF_GROUP && !mif_is_template(b))
		return false;
	const mif_string *cls = mif_block_string(b, MIF_KW_CLASS);
	if (cls == NULL)
		return k->classless;
	for (size_t i = 0; i < k->nclasses; i++)
		if (same_text(cls, k->classes[i].bytes, k->classes[i].len))
			return true;
	return false;
}

static void
keeper_free(struct keeper *k)
{
	for (size_t i = 0; i < k->nclasses; i++)
		free(k->classes[i].bytes);
	free(k->classes);
}

/* The file parsed for -g: see struct keeper. */
static mif_doc *
parse_for_group(const char *path, const mif_parse_options *opts,
    const char *spec, mif_error *err)
{
	struct keeper k = { .spec = spec, .spec_len = strlen(spec) };
	mif_parse_options o = *opts;
	char *end;

	errno = 0;
	k.numeric = spec[0] >= '0' && spec[0] <= '9';
	k.id = strtoull(spec, &end, 10);
	k.numeric = k.numeric && *end == '\0' && errno == 0;
	o.keep_block = keep_block;
	o.keep_block_arg = &k;
	mif_doc *doc = mif_parse_path(path, &o, err);
	if (doc != NULL && mif_doc_error_count(doc) == 0 && drops_class(&k, doc)) {
		mif_doc_free(doc);
		doc = mif_parse_path(path, opts, err);
	}
	keeper_free(&k);
	return doc;
}

/* Returns the file's exit status. */
static int
get_file(const char *path, const struct settings *set, job *all)
{
	job j = { .set = set, .name = cli_display_name(path),
	    .status = CLI_NO, .nraw = all->nraw, .raw = all->raw,
	    .raw_len = all->raw_len };
	mif_parse_options popts = cli_input_named(&set->input, j.name);
	mif_error err;

	/* the standard input cannot be read twice: kept whole */
	j.doc = set->group != NULL && strcmp(path, "-") != 0
	    ? parse_for_group(path, &popts, set->group, &err)
	    : mif_parse_path(path, &popts, &err);
	if (j.doc == NULL) {
		report_diag(stderr, prog, j.name, NULL, &err);
		return report_status(&err);
	}
	if (mif_doc_error_count(j.doc) > 0) {
		/* no answers from a file that does not parse */
		report_doc(stderr, prog, j.name, j.doc);
		mif_doc_free(j.doc);
		return CLI_INPUT;
	}
	report_doubts(stderr, prog, j.name, j.doc);
	if (set->json) {
		fputs(all->items++ > 0 ? ",\n{\"file\":" : "{\"file\":", stdout);
		json_cstring(stdout, j.name);
		fputs(set->group == NULL ? ",\"outline\":[" : ",\"rows\":[",
		    stdout);
	}
	if (set->group == NULL)
		outline(&j);
	else
		get_group(&j);
	if (set->json)
		fputs(j.items > 0 ? "\n]}" : "]}", stdout);
	if (set->list && j.status == CLI_OK) {
		cli_put_text(stdout, j.name);
		putchar('\n');
	}
	mif_doc_free(j.doc);
	return j.failed != CLI_OK ? j.failed : j.status;
}

/* Split KEY=VALUE in place, the '=' ending the key; false when there is
 * no '=' or no KEY. */
static bool
split_key(char *arg, mif_rows_condition *out)
{
	char *eq = strchr(arg, '=');

	if (eq == NULL || eq == arg)
		return false;
	*eq = '\0';
	out->attr = arg;
	out->value = eq + 1;
	return true;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "group", required_argument, NULL, 'g' },
		{ "attribute", required_argument, NULL, 'a' },
		{ "key", required_argument, NULL, 'k' },
		{ "header", no_argument, NULL, 'H' },
		{ "format", required_argument, NULL, 'f' },
		{ "raw", no_argument, NULL, 'r' },
		{ "files-with-matches", no_argument, NULL, 'l' },
		{ "pairs", no_argument, NULL, 'p' },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		WALK_LONGOPTS,
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		DIAG_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct settings set = { 0 };
	walk_options wo = { .stdin_default = true };
	int c;

	set.keys = calloc((size_t)argc + 1, sizeof *set.keys);
	if (set.keys == NULL) {
		report_out_of_memory(prog);
		return CLI_TROUBLE;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":g:a:k:Hpf:rl" WALK_SHORTOPTS
	    DIAG_OPTSTRING,
	    longopts, NULL)) != -1) {
		if (walk_option(c, optarg, &wo))
			continue;
		switch (c) {
		case 'g':
			set.group = optarg;
			break;
		case 'a':
			set.attr = optarg;
			break;
		case 'k':
			if (!split_key(optarg, &set.keys[set.nkeys]))
				cli_usage_error(prog, usage,
				    "-k wants KEY=VALUE, not '%s'", optarg);
			set.nkeys++;
			break;
		case 'H':
			set.header = true;
			break;
		case 'p':
			set.pairs = true;
			break;
		case 'f':
			if (strcmp(optarg, "json") == 0)
				set.json = true;
			else if (strcmp(optarg, "tsv") == 0 ||
			    strcmp(optarg, "text") == 0)
				set.json = false;
			else
				cli_usage_error(prog, usage,
				    "unknown format \"%s\" (tsv or json)", optarg);
			break;
		case 'r':
			set.raw = true;
			break;
		case 'l':
			set.list = true;
			break;
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &set.input);
			break;
		case OPT_HELP:
			free(set.keys);
			fputs(usage, stdout);
			fputs(help, stdout);
			walk_help(stdout, 25);
			fputs(help_end, stdout);
			return cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE;
		case OPT_VERSION:
			free(set.keys);
			cli_version(prog);
			return cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE;
		default:
			if (!diag_option(prog, usage, c, optarg))
				cli_bad_option(prog, usage, c, argv, longopts);
		}
	}
	if (set.group == NULL && (set.attr != NULL || set.nkeys > 0 ||
	    set.pairs))
		cli_usage_error(prog, usage, "%s needs -g",
		    set.attr != NULL ? "-a" : set.pairs ? "-p" : "-k");
	if (set.pairs && set.attr != NULL)
		cli_usage_error(prog, usage,
		    "-a prints values alone: no -p with it");
	if (set.raw && set.attr == NULL)
		cli_usage_error(prog, usage, "-r prints one value: it needs -a");
	if ((set.raw || set.list) && (set.json || set.header || set.pairs))
		cli_usage_error(prog, usage, "%s prints no %s", set.raw ? "-r" : "-l",
		    set.json ? "JSON" : set.header ? "header" : "pairs");
	if (set.raw && set.list)
		cli_usage_error(prog, usage, "-r or -l, not both");
	if (set.json && set.pairs)
		cli_usage_error(prog, usage, "-f json prints no pairs");
	/* named files, not how many a folder holds, shape the lines */
	set.prefix = (argc - optind > 1 || wo.recursive ||
	    wo.files_from != NULL) && !set.json && !set.raw;

	/* A file without an answer anywhere wins (trouble before errors);
	 * else anything printed anywhere. */
	walk_files files;
	int failed = walk_collect(prog, &wo, argv + optind,
	    (size_t)(argc - optind), &files) ? CLI_OK : CLI_TROUBLE;
	bool printed = false;
	size_t nraw = 0, raw_len = 0;
	char *raw = NULL;
	job all = { .nraw = &nraw, .raw = &raw, .raw_len = &raw_len };
	if (set.json)
		putchar('[');
	for (size_t i = 0; i < files.n; i++) {
		int s = get_file(walk_file(&files, i), &set, &all);
		failed = cli_worse(failed, s == CLI_NO ? CLI_OK : s);
		printed = printed || s == CLI_OK;
		if (fflush(stdout) != 0)
			break;
	}
	free(set.keys);
	walk_free(&files);
	if (set.json)
		fputs(all.items > 0 ? "\n]\n" : "]\n", stdout);
	if (nraw == 1) {
		fwrite(raw, 1, raw_len, stdout);
		putchar('\n');
	} else if (nraw > 1) {
		fprintf(stderr, "%s: -r: %zu values, not one\n", prog, nraw);
		failed = CLI_TROUBLE;
	}
	free(raw);
	if (!cli_flush_stdout(prog))
		return CLI_TROUBLE;
	return report_finish(failed != CLI_OK ? failed : printed ? CLI_OK
	    : CLI_NO, CLI_INPUT);
}
