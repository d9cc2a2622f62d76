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

/* Parse and check one input; NULL (diagnostics printed, *status set)
 * when it cannot be formatted. */
static mif_doc *
load(const char *name, const char *data, size_t len,
    const mif_parse_options *input, int *status)
{
	mif_parse_options popts = cli_input_named(input, name);
	mif_error err;
	mif_doc *doc = mif_parse_buffer(data, len, &popts, &err);

	if (doc == NULL) {
		report_diag(stderr, prog, name, NULL, &err);
		*status = report_status(&err);
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

/* Format one file; returns its exit status. */
static int
format_file(const char *path, const struct settings *set)
{
	const char *name = cli_display_name(path);
	size_t len;
	char why[ATOMIC_WHY_SIZE];
	atomic_lock lock = { .fd = -1 };

	/* -w: no other update of the file between reading and writing it */
	if (set->mode == MODE_WRITE && atomic_lock_take(path, &lock, why) != 0) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "not rewritten: %s", why);
		return CLI_TROUBLE;
	}
	char *data = cli_read_file(path, &len);
	if (data == NULL) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s", cli_read_error(errno));
		atomic_lock_release(&lock);
		return CLI_TROUBLE;
	}
	int status = CLI_OK;
	mif_doc *doc = load(name, data, len, &set->input, &status);
	if (doc == NULL) {
		free(data);
		atomic_lock_release(&lock);
		return status;
	}

	mif_error err;
	if (set->mode == MODE_PRINT) {
		if (mif_write_stream(doc, &set->write, stdout, &err) != 0) {
			report_diag(stderr, prog, name, doc, &err);
			status = CLI_TROUBLE;
		}
		mif_doc_free(doc);
		free(data);
		return status;
	}

	char *out = NULL;
	size_t outlen = 0;
	if (mif_write_buffer(doc, &set->write, &out, &outlen, &err) != 0) {
		report_diag(stderr, prog, name, doc, &err);
		mif_doc_free(doc);
		free(data);
		atomic_lock_release(&lock);
		return CLI_TROUBLE;
	}
	bool changed = outlen != len || memcmp(out, data, len) != 0;
	switch (set->mode) {
	case MODE_WRITE:
		if (changed && atomic_write(path, out, outlen, why) != 0) {
			report_fatal(stderr, prog, name, MIF_RULE_IO, "not rewritten: %s", why);
			status = CLI_TROUBLE;
		}
		atomic_lock_release(&lock);
		break;
	case MODE_LIST:
		if (changed) {
			cli_put_text(stdout, name);
			putc('\n', stdout);
			status = CLI_NO;
		}
		break;
	case MODE_CHECK:
		if (changed)
			status = CLI_NO;
		break;
	case MODE_DIFF:
		if (changed) {
			status = CLI_NO;
			if (!print_diff(name, data, len, out, outlen)) {
				report_out_of_memory(prog);
				status = CLI_TROUBLE;
			}
		}
		break;
	case MODE_PRINT:
		break;
	}
	free(out);
	mif_doc_free(doc);
	free(data);
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
