/* mif-fmt: write MIF files in canonical form, or rewrite them in place. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "atomic.h"
#include "cli.h"
#include "mif.h"
#include "diag_options.h"
#include "report.h"
#include "udiff.h"
#include "walk.h"

static const char prog[] = "mif-fmt";

static const char usage[] =
    "usage: mif-fmt [-w | -l | -d | --check] [--newline lf|crlf]\n"
    "               [--encoding latin1|utf-8|utf-16le|utf-16be]\n"
    "               [--input-encoding ENC] [--eof-mark keep|drop|add]\n"
    "               [-R] [--files-from LIST [-0]] [FILE...]\n";

static const char help[] =
    "Write MIF files in canonical form on standard output.\n"
    "\n"
    "  -w, --write        rewrite each FILE in place, when it changes\n"
    "  -l, --list         list the files whose formatting would change\n"
    "  -d, --diff         print what -w would change as a unified diff\n"
    "      --check        exit 1 if any file's formatting would change\n"
    "      --newline NL   write line ends as lf or crlf (default: as read)\n"
    "      --encoding ENC write latin1, utf-8, utf-16le or utf-16be\n"
    "                     (default: as read)\n"
    "      --eof-mark MARK\n"
    "                     end with a ^Z: keep (as read), drop or add\n"
    "      --input-encoding ENC\n"
    "                     read each FILE as one of these (default: as its\n"
    "                     byte-order mark says, latin1 without one)\n"
    DIAG_HELP;

/* after the options of walk_help() */
static const char help_end[] =
    "      --help         show this help and exit\n"
    "      --version      show the version and exit\n"
    "\n"
    "With no FILE, or FILE -, read standard input (not with -w).\n"
    "Problems, warnings as well as errors, go to standard error as\n"
    "mif-check prints them; a file with errors is never written.\n"
    "Exit status (miftools(7)): 0 all well (warnings allowed), 1 with\n"
    "--check, -l or -d, a file not in canonical form, 2 trouble (bad\n"
    "usage, unreadable file, write error), 3 a file has errors.\n";

enum {
	OPT_CHECK = 256, OPT_NEWLINE, OPT_ENCODING, OPT_HELP, OPT_VERSION,
	OPT_INPUT_ENCODING, OPT_EOF_MARK
};

enum mode {
	MODE_PRINT, /* canonical text on standard output */
	MODE_WRITE, /* rewrite in place */
	MODE_LIST,  /* name the files that would change */
	MODE_CHECK, /* exit 1 if any would change */
	MODE_DIFF,  /* show what would change, exit 1 if anything would */
};

struct settings {
	enum mode mode;
	mif_write_options write;
	mif_parse_options input;
};

static mif_eof_mark
parse_eof_mark(const char *text)
{
	if (strcmp(text, "keep") == 0)
		return MIF_EOF_SOURCE;
	if (strcmp(text, "drop") == 0)
		return MIF_EOF_DROP;
	if (strcmp(text, "add") == 0)
		return MIF_EOF_ADD;
	cli_usage_error(prog, usage,
	    "--eof-mark wants keep, drop or add, not '%s'", text);
}

static void
set_mode(struct settings *set, enum mode mode)
{
	if (set->mode != MODE_PRINT && set->mode != mode)
		cli_usage_error(prog, usage,
		    "-w, -l, -d and --check exclude each other");
	set->mode = mode;
}

/* Check a parsed input; NULL (diagnostics printed, *status set) when
 * it cannot be formatted. */
static mif_doc *
checked(const char *name, mif_doc *doc, const mif_error *err, int *status)
{
	if (doc == NULL) {
		report_diag(stderr, prog, name, NULL, err);
		*status = report_status(err);
		return NULL;
	}
	mif_check(doc, NULL);
	report_doc(stderr, prog, name, doc); /* warnings too, as mif-check */
	if (mif_doc_error_count(doc) > 0) {
		mif_doc_free(doc);
		*status = CLI_INPUT;
		return NULL;
	}
	return doc;
}

/* Parse and check one input held in memory. */
static mif_doc *
load(const char *name, const char *data, size_t len,
    const mif_parse_options *input, int *status)
{
	mif_parse_options popts = cli_input_named(input, name);
	mif_error err;
	mif_doc *doc = mif_parse_buffer(data, len, &popts, &err);

	return checked(name, doc, &err, status);
}

/* Parse and check the file at path, mapped rather than copied. */
static mif_doc *
load_path(const char *path, const mif_parse_options *input, int *status)
{
	const char *name = cli_display_name(path);
	mif_parse_options popts = cli_input_named(input, name);
	mif_error err;
	int read_error;
	mif_doc *doc = cli_parse_mif(path, &popts, &err, &read_error);

	if (doc == NULL && read_error != 0) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s",
		    cli_read_error(read_error));
		*status = CLI_TROUBLE;
		return NULL;
	}
	return checked(name, doc, &err, status);
}

/*
 * Whether the canonical text differs from the input, found as it is
 * written: the input is either in memory or a file read alongside.
 * With `first_only` the writing stops at the first difference (the
 * caller writes again what it needs); otherwise it goes on, so that
 * what fails later is still found.
 */
struct compare {
	const char *data;   /* the input in memory, or */
	FILE *fp;           /* the input file */
	size_t len, at;
	bool differs;
	bool first_only;
};

static bool
compare_put(void *ctx, const void *bytes, size_t n)
{
	struct compare *c = ctx;
	const char *b = bytes;

	while (n > 0 && !c->differs) {
		char chunk[16384];
		size_t k = n < sizeof chunk ? n : sizeof chunk;
		const char *old = chunk;
		if (c->fp == NULL) {
			k = n;
			old = c->data + c->at;
			c->differs = n > c->len - c->at;
		} else {
			c->differs = fread(chunk, 1, k, c->fp) != k;
		}
		c->differs = c->differs || memcmp(old, b, k) != 0;
		c->at += k;
		b += k;
		n -= k;
	}
	return !(c->differs && c->first_only);
}

/* Whether the canonical text of doc differs from the input; -1, the
 * problem reported, when it cannot be written. */
static int
differs(const char *name, const mif_doc *doc, const struct settings *set,
    struct compare *c)
{
	mif_error err;

	if (mif_write_to(doc, &set->write, compare_put, c, &err) != 0 &&
	    !(c->differs && c->first_only)) {
		report_diag(stderr, prog, name, doc, &err);
		return -1;
	}
	if (!c->differs)
		c->differs = c->fp != NULL ? getc(c->fp) != EOF : c->at != c->len;
	return c->differs;
}

/* The file at path rewritten as the canonical text of doc: a temporary
 * file written as the text is made, renamed to path when whole. */
struct rewrite {
	atomic_file file;
	int error;          /* errno of a failed write */
};

static bool
rewrite_put(void *ctx, const void *bytes, size_t n)
{
	struct rewrite *r = ctx;

	if (atomic_put(&r->file, bytes, n) != 0) {
		r->error = errno;
		return false;
	}
	return true;
}

static int
rewrite(const char *path, const char *name, const mif_doc *doc,
    const struct settings *set)
{
	char why[ATOMIC_WHY_SIZE];
	struct rewrite r = { .error = 0 };
	mif_error err;

	if (atomic_begin(path, &r.file, why) != 0) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "not rewritten: %s", why);
		return CLI_TROUBLE;
	}
	if (mif_write_to(doc, &set->write, rewrite_put, &r, &err) != 0) {
		atomic_abort(&r.file);
		if (r.error == 0) {
			report_diag(stderr, prog, name, doc, &err);
			return CLI_TROUBLE;
		}
		report_fatal(stderr, prog, name, MIF_RULE_IO,
		    "not rewritten: cannot write: %s", strerror(r.error));
		return CLI_TROUBLE;
	}
	if (atomic_commit(&r.file, why) != 0) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "not rewritten: %s", why);
		return CLI_TROUBLE;
	}
	return CLI_OK;
}

/* The unified diff of a file and its canonical form, labelled a/NAME
 * and b/NAME as git writes them (patch -p1 applies it); as diff(1)
 * does, only a line that says they differ when either holds a NUL
 * byte (UTF-16). */
static bool
print_diff(const char *name, const char *old, size_t old_len,
    const char *new_text, size_t new_len)
{
	size_t n = strlen(name) + 3;
	char *a = malloc(n), *b = malloc(n);
	bool ok = a != NULL && b != NULL;

	if (ok) {
		snprintf(a, n, "a/%s", name);
		snprintf(b, n, "b/%s", name);
	}
	if (ok && (memchr(old, 0, old_len) != NULL ||
	    memchr(new_text, 0, new_len) != NULL))
		printf("Binary files %s and %s differ\n", a, b);
	else if (ok)
		ok = udiff_write(stdout, a, old, old_len, b, new_text, new_len);
	free(a);
	free(b);
	return ok;
}

/* -d: the file and its canonical text, both in memory for the diff. */
static int
diff_file(const char *path, const struct settings *set)
{
	const char *name = cli_display_name(path);
	size_t len;
	char *data = cli_read_file(path, &len);

	if (data == NULL) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s", cli_read_error(errno));
		return CLI_TROUBLE;
	}
	int status = CLI_OK;
	mif_doc *doc = load(name, data, len, &set->input, &status);
	if (doc == NULL) {
		free(data);
		return status;
	}
	mif_error err;
	char *out = NULL;
	size_t outlen = 0;
	if (mif_write_buffer(doc, &set->write, &out, &outlen, &err) != 0) {
		report_diag(stderr, prog, name, doc, &err);
		status = CLI_TROUBLE;
	} else if (outlen != len || memcmp(out, data, len) != 0) {
		status = CLI_NO;
		if (!print_diff(name, data, len, out, outlen)) {
			report_out_of_memory(prog);
			status = CLI_TROUBLE;
		}
	}
	free(out);
	mif_doc_free(doc);
	free(data);
	return status;
}

/* Format one file; returns its exit status.  The input is parsed from
 * its mapping and the canonical text is written as it is made: to
 * standard output, compared with the input, or into a temporary file
 * that replaces it (-w). */
static int
format_file(const char *path, const struct settings *set)
{
	const char *name = cli_display_name(path);
	char why[ATOMIC_WHY_SIZE];
	atomic_lock lock = { .fd = -1 };
	int status = CLI_OK;

	if (set->mode == MODE_DIFF)
		return diff_file(path, set);
	/* -w: no other update of the file between reading and writing it */
	if (set->mode == MODE_WRITE && atomic_lock_take(path, &lock, why) != 0) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "not rewritten: %s", why);
		return CLI_TROUBLE;
	}
	/* standard input, to be compared, is kept in memory */
	bool keep = set->mode != MODE_PRINT && strcmp(path, "-") == 0;
	size_t len = 0;
	char *data = keep ? cli_read_file(path, &len) : NULL;
	mif_doc *doc;
	if (keep && data == NULL) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s", cli_read_error(errno));
		doc = NULL;
		status = CLI_TROUBLE;
	} else {
		doc = keep ? load(name, data, len, &set->input, &status)
		    : load_path(path, &set->input, &status);
	}
	if (doc == NULL) {
		free(data);
		atomic_lock_release(&lock);
		return status;
	}

	mif_error err;
	if (set->mode == MODE_PRINT) {
		int error = 0;
		if (mif_write_to(doc, &set->write, cli_put_stdout, &error,
		    &err) != 0) {
			if (error != 0)
				report_fatal(stderr, prog, NULL, MIF_RULE_IO,
				    "standard output: %s", strerror(error));
			else
				report_diag(stderr, prog, name, doc, &err);
			status = CLI_TROUBLE;
		}
		mif_doc_free(doc);
		return status;
	}

	struct compare c = { data, NULL, len, 0, false, set->mode == MODE_WRITE };
	if (!keep && (c.fp = fopen(path, "rb")) == NULL) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s", strerror(errno));
		mif_doc_free(doc);
		atomic_lock_release(&lock);
		return CLI_TROUBLE;
	}
	int changed = differs(name, doc, set, &c);
	if (c.fp != NULL)
		fclose(c.fp);
	free(data);
	if (changed < 0) {
		status = CLI_TROUBLE;
	} else if (changed && set->mode == MODE_WRITE) {
		status = rewrite(path, name, doc, set);
	} else if (changed) {
		status = CLI_NO;
		if (set->mode == MODE_LIST) {
			cli_put_text(stdout, name);
			putc('\n', stdout);
		}
	}
	atomic_lock_release(&lock);
	mif_doc_free(doc);
	return status;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "write", no_argument, NULL, 'w' },
		{ "list", no_argument, NULL, 'l' },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "diff", no_argument, NULL, 'd' },
		{ "eof-mark", required_argument, NULL, OPT_EOF_MARK },
		{ "newline", required_argument, NULL, OPT_NEWLINE },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		WALK_LONGOPTS,
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		DIAG_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	struct settings set = { MODE_PRINT, { MIF_ENC_SOURCE, MIF_NL_SOURCE, MIF_EOF_SOURCE },
	    { .source_name = NULL } };
	walk_options wo = { .stdin_default = true };
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":wld" WALK_SHORTOPTS DIAG_OPTSTRING,
	    longopts, NULL)) != -1) {
		if (walk_option(c, optarg, &wo))
			continue;
		switch (c) {
		case 'w':
			set_mode(&set, MODE_WRITE);
			break;
		case 'l':
			set_mode(&set, MODE_LIST);
			break;
		case OPT_CHECK:
			set_mode(&set, MODE_CHECK);
			break;
		case 'd':
			set_mode(&set, MODE_DIFF);
			break;
		case OPT_EOF_MARK:
			set.write.eof_mark = parse_eof_mark(optarg);
			break;
		case OPT_NEWLINE:
			set.write.newline = cli_parse_newline(prog, usage, optarg);
			break;
		case OPT_ENCODING:
			set.write.encoding = cli_parse_encoding(prog, usage, optarg);
			break;
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &set.input);
			break;
		case OPT_HELP:
			fputs(usage, stdout);
			fputs(help, stdout);
			walk_help(stdout, 21);
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

	if (set.mode == MODE_WRITE) {
		if (optind == argc && wo.files_from == NULL)
			cli_usage_error(prog, usage, "-w needs files to rewrite");
		for (int i = optind; i < argc; i++)
			if (strcmp(argv[i], "-") == 0)
				cli_usage_error(prog, usage,
				    "-w cannot rewrite standard input");
	}

	walk_files files;
	int status = walk_collect(prog, &wo, argv + optind,
	    (size_t)(argc - optind), &files) ? CLI_OK : CLI_TROUBLE;
	for (size_t i = 0; i < files.n; i++) {
		const char *path = walk_file(&files, i);
		if (set.mode == MODE_WRITE && strcmp(path, "-") == 0) {
			/* named in a list: the others are still rewritten */
			fprintf(stderr, "%s: -w cannot rewrite standard input\n",
			    prog);
			status = CLI_TROUBLE;
			continue;
		}
		status = cli_worse(status, format_file(path, &set));
	}
	walk_free(&files);
	if (!cli_flush_stdout(prog))
		status = CLI_TROUBLE;
	return report_finish(status, CLI_INPUT);
}
