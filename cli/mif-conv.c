/* mif-conv: convert between MIF, its XML form and its JSON form. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mif.h"
#include "diag_options.h"
#include "report.h"

static const char prog[] = "mif-conv";

static const char usage[] =
    "usage: mif-conv [-f mif|xml|json] [--from mif|xml|json] [--newline lf|crlf]\n"
    "                [--encoding latin1|utf-8|utf-16le|utf-16be]\n"
    "                [--input-encoding ENC] [FILE]\n";

static const char help[] =
    "Convert a MIF file to XML or JSON, or XML or JSON back to MIF, on\n"
    "standard output.\n"
    "\n"
    "  -f, --format FORMAT  the output's format: mif, xml or json\n"
    "                     (default: xml for MIF input, mif for XML and\n"
    "                     JSON input; -t and --to are its old spellings)\n"
    "      --from FORMAT  the input's format (default: told by its first\n"
    "                     character: < is XML, { or [ JSON, anything else\n"
    "                     MIF)\n"
    "      --newline NL   MIF output: end lines with lf or crlf (default:\n"
    "                     as the input says)\n"
    "      --encoding ENC MIF output: latin1, utf-8, utf-16le or utf-16be\n"
    "                     (default: as the input says)\n"
    "      --input-encoding ENC\n"
    "                     MIF input: read it as one of these (default: as\n"
    "                     its byte-order mark says, latin1 without one)\n"
    DIAG_HELP
    "      --help         show this help and exit\n"
    "      --version      show the version and exit\n"
    "\n"
    "With no FILE, or FILE -, read standard input.  XML input is validated\n"
    "against the schema of mif-xml(5).  Problems found in reading the\n"
    "input, warnings too, go to standard error as mif-check prints them;\n"
    "an input with errors is not converted.\n"
    "Exit status (miftools(7)): 0 converted, 2 trouble (bad usage,\n"
    "unreadable file, write error), 3 the input has errors.\n";

enum {
	OPT_NEWLINE = 256, OPT_ENCODING, OPT_HELP, OPT_VERSION, OPT_FROM, OPT_TO,
	OPT_INPUT_ENCODING
};

/* A format of -f or -t: a mif_input_form, or none given. */
enum { FORM_NONE = -1 };

static int
parse_format(const char *option, const char *text)
{
	if (strcmp(text, "mif") == 0)
		return MIF_INPUT_MIF;
	if (strcmp(text, "xml") == 0)
		return MIF_INPUT_XML;
	if (strcmp(text, "json") == 0)
		return MIF_INPUT_JSON;
	cli_usage_error(prog, usage, "%s wants mif, xml or json, not '%s'",
	    option, text);
}

/* Read and parse the input; NULL when there is no document to write
 * (what was wrong reported, *status set). */
static mif_doc *
read_input(const char *path, int *from, const mif_parse_options *input,
    const mif_write_options *wopts, int to, int *status)
{
	const char *name = cli_display_name(path);
	mif_parse_options popts = cli_input_named(input, name);
	bool mapped;
	size_t len;
	char *data = cli_map_file(path, &len, &mapped);
	mif_error err;

	if (data == NULL) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s", cli_read_error(errno));
		*status = CLI_TROUBLE;
		return NULL;
	}
	if (*from == FORM_NONE)
		*from = (int)mif_detect_form(data, len);
	if (to == FORM_NONE)
		to = *from == MIF_INPUT_MIF ? MIF_INPUT_XML : MIF_INPUT_MIF;
	if (to != MIF_INPUT_MIF && (wopts->encoding != MIF_ENC_SOURCE ||
	    wopts->newline != MIF_NL_SOURCE)) {
		cli_release_file(data, len, mapped);
		cli_usage_error(prog, usage,
		    "--newline and --encoding are for MIF output");
	}
	if (*from != MIF_INPUT_MIF && input->input_encoding_given) {
		cli_release_file(data, len, mapped);
		cli_usage_error(prog, usage, "--input-encoding is for MIF input");
	}
	/* XML says its own encoding; MIF is read by its rules; a mapped
	 * file is read again by the reader, which keeps it */
	if (*from == MIF_INPUT_JSON && !mapped &&
	    !mif_text_utf8(&data, &len, name, &err)) {
		report_diag(stderr, prog, name, NULL, &err);
		cli_release_file(data, len, mapped);
		*status = report_status(&err);
		return NULL;
	}

	mif_doc *doc;
	int read_error = 0;
	switch (*from) {
	case MIF_INPUT_XML:
		if (!mapped) {
			doc = mif_parse_xml(data, len, &popts, &err);
			break;
		}
		/* read again by the reader, which keeps it */
		cli_release_file(data, len, mapped);
		data = NULL;
		doc = cli_parse_xml(path, &popts, &err, &read_error);
		break;
	case MIF_INPUT_JSON:
		if (!mapped) {
			doc = mif_parse_json(data, len, &popts, &err);
			break;
		}
		cli_release_file(data, len, mapped);
		data = NULL;
		doc = cli_parse_json(path, &popts, &err, &read_error);
		break;
	default:
		if (!mapped) { /* standard input, read once */
			doc = mif_parse_buffer(data, len, &popts, &err);
			break;
		}
		/* mapped again by the parser, which keeps it */
		cli_release_file(data, len, mapped);
		data = NULL;
		doc = cli_parse_mif(path, &popts, &err, &read_error);
		break;
	}
	if (data != NULL)
		cli_release_file(data, len, mapped);
	if (doc == NULL && read_error != 0) {
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s",
		    cli_read_error(read_error));
		*status = CLI_TROUBLE;
		return NULL;
	}
	if (doc == NULL) {
		report_diag(stderr, prog, name, NULL, &err);
		*status = report_status(&err);
		return NULL;
	}
	/* the reader's warnings say how doubtful text was read */
	report_doc(stderr, prog, name, doc);
	if (mif_doc_error_count(doc) > 0) {
		mif_doc_free(doc);
		*status = CLI_INPUT;
		return NULL;
	}
	return doc;
}

static int
convert(const char *path, int from, int to,
    const mif_parse_options *input, const mif_write_options *wopts)
{
	const char *name = cli_display_name(path);
	int status = CLI_OK;
	mif_doc *doc = read_input(path, &from, input, wopts, to, &status);
	mif_error err;

	if (doc == NULL)
		return status;
	if (to == FORM_NONE)
		to = from == MIF_INPUT_MIF ? MIF_INPUT_XML : MIF_INPUT_MIF;

	/* written as it is made: what fails late (a write error) leaves
	 * part of the output written, and the exit status says so */
	int error = 0, rc;
	switch (to) {
	case MIF_INPUT_XML:
		rc = mif_write_xml_to(doc, cli_put_stdout, &error, &err);
		break;
	case MIF_INPUT_JSON:
		rc = mif_write_json_to(doc, cli_put_stdout, &error, &err);
		break;
	default:
		rc = mif_write_to(doc, wopts, cli_put_stdout, &error, &err);
		break;
	}
	if (rc != 0 && error != 0) {
		report_fatal(stderr, prog, NULL, MIF_RULE_IO,
		    "standard output: %s", strerror(error));
		rc = CLI_TROUBLE;
	} else if (rc != 0) {
		report_diag(stderr, prog, name, doc, &err);
		/* a character the input's own encoding cannot hold is the
		 * input's fault; one that --encoding excludes is not */
		if (err.code == MIF_E_ENCODING && to == MIF_INPUT_MIF &&
		    wopts->encoding == MIF_ENC_SOURCE) {
			mif_error note = { .code = MIF_E_ENCODING,
			    .severity = MIF_INFO,
			    .rule = MIF_RULE_ENCODING_UNWRITABLE };
			snprintf(note.text, sizeof note.text, "the input asks for "
			    "%s; --encoding chooses another",
			    cli_encoding_name(mif_doc_encoding(doc)));
			report_diag(stderr, prog, name, NULL, &note);
			rc = CLI_INPUT;
		} else {
			rc = CLI_TROUBLE;
		}
	}
	mif_doc_free(doc);
	return rc;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "newline", required_argument, NULL, OPT_NEWLINE },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		DIAG_LONGOPTS,
		{ NULL, 0, NULL, 0 },
	};
	mif_write_options wopts = { MIF_ENC_SOURCE, MIF_NL_SOURCE, MIF_EOF_SOURCE };
	mif_parse_options input = { .source_name = NULL };
	int from = FORM_NONE, to = FORM_NONE;
	const char *f_arg = NULL, *t_arg = NULL, *t_name = NULL;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:t:" DIAG_OPTSTRING, longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			f_arg = optarg;
			break;
		case OPT_FROM:
			from = parse_format("--from", optarg);
			break;
		case 't':
		case OPT_TO:
			t_arg = optarg;
			t_name = c == 't' ? "-t" : "--to";
			break;
		case OPT_NEWLINE:
			wopts.newline = cli_parse_newline(prog, usage, optarg);
			break;
		case OPT_ENCODING:
			wopts.encoding = cli_parse_encoding(prog, usage, optarg);
			break;
		case OPT_INPUT_ENCODING:
			cli_parse_input_encoding(prog, usage, optarg, &input);
			break;
		case OPT_HELP:
			fputs(usage, stdout);
			fputs(help, stdout);
			return cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE;
		case OPT_VERSION:
			cli_version(prog);
			return cli_flush_stdout(prog) ? CLI_OK : CLI_TROUBLE;
		default:
			if (!diag_option(prog, usage, c, optarg))
				cli_bad_option(prog, usage, c, argv, longopts);
		}
	}
	/* -f is the output's format, as in every tool; -t was, and -f the
	 * input's, so -f beside -t keeps its old meaning */
	if (t_arg != NULL) {
		cli_deprecated(prog, t_name, t_name[1] == 't' ? "-f" : "--format");
		to = parse_format(t_name, t_arg);
		if (f_arg != NULL) {
			cli_deprecated(prog, "-f beside -t", "--from");
			from = parse_format("-f", f_arg);
		}
	} else if (f_arg != NULL) {
		to = parse_format("-f", f_arg);
	}
	if (argc - optind > 1)
		cli_usage_error(prog, usage, "one input file at most");
	if ((wopts.encoding != MIF_ENC_SOURCE || wopts.newline != MIF_NL_SOURCE)
	    && to != MIF_INPUT_MIF && to != FORM_NONE)
		cli_usage_error(prog, usage,
		    "--newline and --encoding are for MIF output");
	if (input.input_encoding_given && from != MIF_INPUT_MIF && from != FORM_NONE)
		cli_usage_error(prog, usage, "--input-encoding is for MIF input");

	int status = convert(optind < argc ? argv[optind] : "-", from, to,
	    &input, &wopts);
	if (!cli_flush_stdout(prog))
		status = CLI_TROUBLE;
	return report_finish(status, CLI_INPUT);
}
