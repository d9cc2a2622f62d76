/* mif-get: groups, attributes, values and table rows of MIF files, for
 * shell scripts. */
#include <getopt.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mif.h"
#include "report.h"

static const char prog[] = "mif-get";

static const char usage[] =
    "usage: mif-get [-H] [-g GROUP [-a ATTRIBUTE | -p] [-k KEY=VALUE]...]\n"
    "               [--input-encoding ENC] [FILE...]\n";

static const char help[] =
    "Print groups, attributes, values and table rows of MIF files.\n"
    "\n"
    "  -g, --group GROUP      a group or table: ID, class or name\n"
    "  -a, --attribute ATTR   only this attribute's values: ID or name\n"
    "  -k, --key KEY=VALUE    only rows whose attribute KEY has VALUE\n"
    "  -p, --pairs            each row as NAME VALUE lines, rows apart\n"
    "  -H, --header           print a header line first\n"
    "      --input-encoding ENC\n"
    "                         read each FILE as latin1, utf-8, utf-16le or\n"
    "                         utf-16be (default: as its byte-order mark\n"
    "                         says, latin1 without one)\n"
    "      --help             show this help and exit\n"
    "      --version          show the version and exit\n"
    "\n"
    "Without -g: one line per group and table, ID KIND CLASS NAME ROWS.\n"
    "With -g: one line per row of a group, of the keyed groups of a class\n"
    "or of a table, however many rows there are; with -a: the values alone.\n"
    "Fields are separated by tabs.\n"
    "With no FILE, or FILE -, read standard input.\n"
    "Exit status: 0 something printed, 1 nothing matched, 2 trouble.\n";

enum { OPT_HELP = 256, OPT_VERSION, OPT_INPUT_ENCODING };

typedef struct key_spec {
	const char *attr;   /* before the '=' */
	const char *value;  /* after it */
} key_spec;

struct settings {
	const char *group;
	const char *attr;
	key_spec *keys;
	size_t nkeys;
	bool header;
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
	bool trouble;
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
	j->trouble = true;
}

/* ---- the outline ------------------------------------------------------ */

typedef struct class_rows {
	const mif_string *cls;
	size_t rows;
} class_rows;

static int
by_class(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const class_rows *)a)->cls;
	uintptr_t y = (uintptr_t)((const class_rows *)b)->cls;

	return (x > y) - (x < y);
}

/* The rows of the tables of each class, sorted by class (interned
 * strings: one pointer per class); NULL when out of memory. */
static class_rows *
table_rows(const mif_block *comp, size_t *count)
{
	class_rows *list = malloc((comp->count + 1) * sizeof *list);
	size_t n = 0;

	if (list == NULL)
		return NULL;
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		const mif_string *cls = mif_block_string(b, MIF_KW_CLASS);
		if (b->kind == MIF_TABLE && cls != NULL && n < comp->count)
			list[n++] = (class_rows){ cls, b->count };
	}
	qsort(list, n, sizeof *list, by_class);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (kept > 0 && list[kept - 1].cls == list[i].cls)
			list[kept - 1].rows += list[i].rows;
		else
			list[kept++] = list[i];
	}
	*count = kept;
	return list;
}

static size_t
template_rows(const class_rows *list, size_t n, const mif_block *group)
{
	class_rows key = { mif_block_string(group, MIF_KW_CLASS), 0 };
	const class_rows *found = key.cls == NULL ? NULL
	    : bsearch(&key, list, n, sizeof *list, by_class);

	return found != NULL ? found->rows : 0;
}

static const char *
kind_of(const mif_block *b)
{
	if (b->kind == MIF_TABLE)
		return "table";
	if (mif_is_template(b))
		return "template";
	return mif_block_stmt(b, MIF_KW_KEY) != NULL ? "keyed" : "scalar";
}

static void
outline(job *j)
{
	const mif_block *comp = mif_doc_component(j->doc);
	size_t nclasses = 0;

	if (comp == NULL)
		return;
	class_rows *classes = table_rows(comp, &nclasses);
	if (classes == NULL) {
		mif_error err = { .code = MIF_E_NOMEM, .severity = MIF_FATAL };
		snprintf(err.text, sizeof err.text, "out of memory");
		report(j, &err);
		return;
	}
	if (j->set->header) {
		line_start(j);
		fputs("ID\tKIND\tCLASS\tNAME\tROWS\n", stdout);
	}
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		if (b->kind != MIF_GROUP && b->kind != MIF_TABLE)
			continue;
		uint64_t id;
		const mif_string *cls = mif_block_string(b, MIF_KW_CLASS);
		const mif_string *name = mif_block_string(b, MIF_KW_NAME);
		const char *kind = kind_of(b);
		size_t rows = b->kind == MIF_TABLE ? b->count
		    : mif_is_template(b) ? template_rows(classes, nclasses, b)
		    : 1;

		line_start(j);
		if (mif_block_id(b, &id))
			printf("%" PRIu64, id);
		else
			putchar('-');
		printf("\t%s\t", kind);
		if (cls != NULL)
			print_text(cls->bytes, cls->len);
		else
			putchar('-');
		putchar('\t');
		if (name != NULL)
			print_text(name->bytes, name->len);
		else
			putchar('-');
		printf("\t%zu\n", rows);
		j->status = CLI_OK;
	}
	free(classes);
}

/* ---- picking rows ----------------------------------------------------- */

/* The -k conditions of a view: columns and the values they want. */
typedef struct picks {
	size_t n;
	size_t *cols;
	mif_value *values;
	mif_value *ordered; /* the values in KEY order, for a key lookup */
	size_t by_key;      /* the one row of a key lookup, or MIF_NO_ROW */
	bool use_key;       /* the conditions are exactly the key */
} picks;

/* Whether the conditions name each key column exactly once; then put
 * their values in KEY order into keys. */
static bool
is_whole_key(const mif_rows *rows, const picks *p, mif_value *keys)
{
	size_t nkeys = mif_rows_key_count(rows);

	if (nkeys == 0 || p->n != nkeys)
		return false;
	for (size_t k = 0; k < nkeys; k++) {
		size_t col = mif_rows_key_column(rows, k), hits = 0;
		for (size_t i = 0; i < p->n; i++) {
			if (p->cols[i] == col) {
				keys[k] = p->values[i];
				hits++;
			}
		}
		if (hits != 1)
			return false;
	}
	return true;
}

/*
 * Resolve -k against a view.  Returns CLI_OK, CLI_NO when an attribute
 * is not there (nothing can match), or CLI_TROUBLE after a message.
 */
static int
resolve_picks(job *j, const mif_rows *rows, picks *p)
{
	const struct settings *set = j->set;
	const mif_block *group = mif_rows_group(rows);
	mif_error err;

	p->n = 0;
	p->use_key = false;
	p->by_key = MIF_NO_ROW;
	for (size_t i = 0; i < set->nkeys; i++) {
		const mif_block *attr = mif_find_attribute(group,
		    set->keys[i].attr);
		uint64_t id;
		size_t col = attr != NULL && mif_block_id(attr, &id)
		    ? mif_rows_column_of(rows, id) : MIF_NO_COLUMN;
		if (col == MIF_NO_COLUMN)
			return CLI_NO;
		const mif_attr_type *type = mif_rows_column_type(rows, col);
		if (type == NULL) {
			mif_attr_type broken;
			if (!mif_attr_type_of(j->doc, attr, &broken, &err))
				report(j, &err);
			return CLI_TROUBLE;
		}
		const char *text = set->keys[i].value;
		if (!mif_value_parse(type, text, strlen(text), &p->values[p->n],
		    &err)) {
			/* the value comes from the command line: no place */
			fprintf(stderr, "%s: %s: %s: -k %s=%s: %s\n", prog,
			    j->name, mif_severity_name(err.severity),
			    set->keys[i].attr, text, err.text);
			j->trouble = true;
			return CLI_TROUBLE;
		}
		p->cols[p->n++] = col;
	}
	if (is_whole_key(rows, p, p->ordered)) {
		p->use_key = true;
		p->by_key = mif_rows_find(rows, p->ordered);
	}
	return CLI_OK;
}

static bool
row_matches(const mif_rows *rows, const picks *p, size_t row)
{
	mif_value v;

	if (p->use_key)
		return row == p->by_key;
	for (size_t i = 0; i < p->n; i++) {
		mif_rows_value(rows, row, p->cols[i], &v, NULL);
		if (!mif_value_equal(&v, &p->values[i]))
			return false;
	}
	return true;
}

/* ---- printing rows ---------------------------------------------------- */

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
	mif_value_print(&v, MIF_FORMAT_ESCAPE, stdout);
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

static void
print_rows(job *j, const mif_rows *rows, const picks *p, size_t only)
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
	if (j->set->header)
		print_header(j, rows, only, pairs);
	size_t first = 0, end = mif_rows_count(rows);
	if (p->use_key) {
		first = p->by_key == MIF_NO_ROW ? end : p->by_key;
		end = first == end ? end : first + 1;
	}
	for (size_t row = first; row < end; row++) {
		if (!row_matches(rows, p, row))
			continue;
		if (ncols > 0)
			j->status = CLI_OK;
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
	mif_rows *rows = mif_rows_open_spec(j->doc, set->group, &err);

	if (rows == NULL) {
		if (err.code != MIF_E_MISSING) /* else nothing matched */
			report(j, &err);
		return;
	}
	size_t only = MIF_NO_COLUMN;
	if (set->attr != NULL) {
		const mif_block *attr = mif_find_attribute(mif_rows_group(rows),
		    set->attr);
		uint64_t id;
		if (attr == NULL || !mif_block_id(attr, &id) ||
		    (only = mif_rows_column_of(rows, id)) == MIF_NO_COLUMN) {
			mif_rows_free(rows);
			return;
		}
	}
	picks p = { 0 };
	p.cols = malloc((set->nkeys + 1) * sizeof *p.cols);
	p.values = malloc((set->nkeys + 1) * sizeof *p.values);
	p.ordered = malloc((set->nkeys + 1) * sizeof *p.ordered);
	if (p.cols == NULL || p.values == NULL || p.ordered == NULL) {
		err = (mif_error){ .code = MIF_E_NOMEM, .severity = MIF_FATAL };
		snprintf(err.text, sizeof err.text, "out of memory");
		report(j, &err);
	} else if (resolve_picks(j, rows, &p) == CLI_OK) {
		print_rows(j, rows, &p, only);
	}
	free(p.cols);
	free(p.values);
	free(p.ordered);
	mif_rows_free(rows);
}

/* ---- files ------------------------------------------------------------ */

/* Returns the file's exit status. */
static int
get_file(const char *path, const struct settings *set)
{
	job j = { .set = set, .name = cli_display_name(path),
	    .status = CLI_NO };
	mif_parse_options popts = cli_input_named(&set->input, j.name);
	mif_error err;

	j.doc = mif_parse_path(path, &popts, &err);
	if (j.doc == NULL) {
		report_diag(stderr, prog, j.name, NULL, &err);
		return CLI_TROUBLE;
	}
	if (mif_doc_error_count(j.doc) > 0) {
		/* no answers from a file that does not parse */
		report_doc(stderr, prog, j.name, j.doc);
		mif_doc_free(j.doc);
		return CLI_TROUBLE;
	}
	report_doubts(stderr, prog, j.name, j.doc);
	if (set->group == NULL)
		outline(&j);
	else
		get_group(&j);
	mif_doc_free(j.doc);
	return j.trouble ? CLI_TROUBLE : j.status;
}

/* Split KEY=VALUE in place, the '=' ending the key; false when there is
 * no '=' or no KEY. */
static bool
split_key(char *arg, key_spec *out)
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
		{ "pairs", no_argument, NULL, 'p' },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	struct settings set = { 0 };
	int c;

	set.keys = calloc((size_t)argc + 1, sizeof *set.keys);
	if (set.keys == NULL) {
		fprintf(stderr, "%s: out of memory\n", prog);
		return CLI_TROUBLE;
	}
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":g:a:k:Hp", longopts,
	    NULL)) != -1) {
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
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &set.input);
			break;
		case OPT_HELP:
			free(set.keys);
			fputs(usage, stdout);
			fputs(help, stdout);
			return cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE;
		case OPT_VERSION:
			free(set.keys);
			cli_version(prog);
			return cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE;
		default:
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
	set.prefix = argc - optind > 1;

	/* Trouble anywhere wins; else anything printed anywhere. */
	bool trouble = false, printed = false;
	if (optind == argc) {
		int s = get_file("-", &set);
		trouble = s == CLI_TROUBLE;
		printed = s == CLI_OK;
	}
	for (int i = optind; i < argc; i++) {
		int s = get_file(argv[i], &set);
		trouble = trouble || s == CLI_TROUBLE;
		printed = printed || s == CLI_OK;
		if (fflush(stdout) != 0)
			break;
	}
	free(set.keys);
	if (!cli_flush_stdout(prog))
		return CLI_TROUBLE;
	return trouble ? CLI_TROUBLE : printed ? CLI_OK : CLI_NO;
}
