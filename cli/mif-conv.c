/* mif-conv: convert between MIF, its XML form and its JSON form. */
#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "mif.h"
#include "report.h"

static const char prog[] = "mif-conv";

static const char usage[] =
    "usage: mif-conv [-f mif|xml|json] [-t mif|xml|json] [--newline lf|crlf]\n"
    "                [--encoding latin1|utf-8|utf-16le|utf-16be]\n"
    "                [--input-encoding ENC] [FILE]\n";

static const char help[] =
    "Convert a MIF file to XML or JSON, or XML or JSON back to MIF, on\n"
    "standard output.\n"
    "\n"
    "  -f, --from FORMAT  the input's format: mif, xml or json (default:\n"
    "                     told by its first character: < is XML, { or [\n"
    "                     JSON, anything else MIF)\n"
    "  -t, --to FORMAT    the output's format (default: xml for MIF input,\n"
    "                     mif for XML and JSON input)\n"
    "      --newline NL   MIF output: end lines with lf or crlf (default:\n"
    "                     as the input says)\n"
    "      --encoding ENC MIF output: latin1, utf-8, utf-16le or utf-16be\n"
    "                     (default: as the input says)\n"
    "      --input-encoding ENC\n"
    "                     MIF input: read it as one of these (default: as\n"
    "                     its byte-order mark says, latin1 without one)\n"
    "      --help         show this help and exit\n"
    "      --version      show the version and exit\n"
    "\n"
    "With no FILE, or FILE -, read standard input.  XML input is validated\n"
    "against the schema of mif-xml(5).  Problems found in reading the\n"
    "input, warnings too, go to standard error as mif-check prints them;\n"
    "an input with errors is not converted.\n"
    "Exit status: 0 converted, 1 the input has errors, 2 trouble (bad\n"
    "usage, unreadable file, write error).\n";

enum {
	OPT_NEWLINE = 256, OPT_ENCODING, OPT_HELP, OPT_VERSION,
	OPT_INPUT_ENCODING
};

enum format { FMT_NONE, FMT_MIF, FMT_XML, FMT_JSON };

static enum format
parse_format(const char *option, const char *text)
{
	if (strcmp(text, "mif") == 0)
		return FMT_MIF;
	if (strcmp(text, "xml") == 0)
		return FMT_XML;
	if (strcmp(text, "json") == 0)
		return FMT_JSON;
	cli_usage_error(prog, usage, "%s wants mif, xml or json, not '%s'",
	    option, text);
}

/*
 * The format of an input from its first character that is not blank,
 * after any byte-order mark (in UTF-16, the low byte of a code unit):
 * '<' is XML, '{' or '[' JSON, anything else MIF.  UTF-16 without a
 * mark shows by a zero byte in its first code unit, as XML parsers
 * detect it.
 */
static enum format
detect(const char *data, size_t len)
{
	const unsigned char *u = (const unsigned char *)data;
	size_t i = 0, step = 1;

	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		i = 3;
	} else if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		i = 2; /* UTF-16LE: the character, then 0 */
		step = 2;
	} else if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		i = 3; /* UTF-16BE: 0, then the character */
		step = 2;
	} else if (len >= 2 && u[0] != 0 && u[1] == 0) {
		step = 2; /* UTF-16LE without a mark */
	} else if (len >= 2 && u[0] == 0 && u[1] != 0) {
		i = 1; /* UTF-16BE without a mark */
		step = 2;
	}
	for (; i < len; i += step) {
		if (u[i] == ' ' || u[i] == '\t' || u[i] == '\r' || u[i] == '\n')
			continue;
		if (u[i] == '<')
			return FMT_XML;
		if (u[i] == '{' || u[i] == '[')
			return FMT_JSON;
		break;
	}
	return FMT_MIF;
}

static int
convert(const char *path, enum format from, enum format to,
    const mif_parse_options *input, const mif_write_options *wopts)
{
	const char *name = cli_display_name(path);
	size_t len;
	char *data = cli_read_file(path, &len);
	mif_error err;

	if (data == NULL) {
		report_fatal(stderr, prog, name, "%s", cli_read_error(errno));
		return CLI_TROUBLE;
	}
	if (from == FMT_NONE)
		from = detect(data, len);
	/* XML says its own encoding; MIF is read by its rules */
	if (from == FMT_JSON && !mif_text_utf8(&data, &len, name, &err)) {
		report_diag(stderr, prog, name, NULL, &err);
		free(data);
		return report_status(&err);
	}
	if (to == FMT_NONE)
		to = from == FMT_MIF ? FMT_XML : FMT_MIF;
	if (to != FMT_MIF && (wopts->encoding != MIF_ENC_SOURCE ||
	    wopts->newline != MIF_NL_SOURCE)) {
		free(data);
		cli_usage_error(prog, usage,
		    "--newline and --encoding are for MIF output");
	}
	if (from != FMT_MIF && input->input_encoding_given) {
		free(data);
		cli_usage_error(prog, usage, "--input-encoding is for MIF input");
	}

	mif_parse_options popts = cli_input_named(input, name);
	mif_doc *doc;
	switch (from) {
	case FMT_XML:
		doc = mif_parse_xml(data, len, &popts, &err);
		break;
	case FMT_JSON:
		doc = mif_parse_json(data, len, &popts, &err);
		break;
	default:
		doc = mif_parse_buffer(data, len, &popts, &err);
		break;
	}
	free(data);
	if (doc == NULL) {
		report_diag(stderr, prog, name, NULL, &err);
		return report_status(&err);
	}
	/* the reader's warnings say how doubtful text was read */
	report_doc(stderr, prog, name, doc);
	if (mif_doc_error_count(doc) > 0) {
		mif_doc_free(doc);
		return CLI_NO;
	}

	char *out = NULL;
	size_t outlen = 0;
	int rc;
	switch (to) {
	case FMT_XML:
		rc = mif_write_xml(doc, &out, &outlen, &err);
		break;
	case FMT_JSON:
		rc = mif_write_json(doc, &out, &outlen, &err);
		break;
	default:
		rc = mif_write_buffer(doc, wopts, &out, &outlen, &err);
		break;
	}
	if (rc != 0) {
		report_write_error(stderr, prog, name, &err);
		/* a character the input's own encoding cannot hold is the
		 * input's fault; one that --encoding excludes is not */
		if (err.code == MIF_E_ENCODING && to == FMT_MIF &&
		    wopts->encoding == MIF_ENC_SOURCE) {
			mif_error note = { .severity = MIF_INFO };
			snprintf(note.text, sizeof note.text, "the input asks for "
			    "%s; --encoding chooses another",
			    cli_encoding_name(mif_doc_encoding(doc)));
			report_diag(stderr, prog, name, NULL, &note);
			rc = CLI_NO;
		} else {
			rc = CLI_TROUBLE;
		}
		mif_doc_free(doc);
		return rc;
	}
	mif_doc_free(doc);
	fwrite(out, 1, outlen, stdout);
	free(out);
	return CLI_OK;
}

int
main(int argc, char *argv[])
{
	static const struct option longopts[] = {
		{ "from", required_argument, NULL, 'f' },
		{ "to", required_argument, NULL, 't' },
		{ "newline", required_argument, NULL, OPT_NEWLINE },
		{ "encoding", required_argument, NULL, OPT_ENCODING },
		{ "input-encoding", required_argument, NULL, OPT_INPUT_ENCODING },
		{ "help", no_argument, NULL, OPT_HELP },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ NULL, 0, NULL, 0 },
	};
	mif_write_options wopts = { MIF_ENC_SOURCE, MIF_NL_SOURCE };
	mif_parse_options input = { .source_name = NULL };
	enum format from = FMT_NONE, to = FMT_NONE;
	int c;

	opterr = 0;
	while ((c = getopt_long(argc, argv, ":f:t:", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			from = parse_format("-f", optarg);
			break;
		case 't':
			to = parse_format("-t", optarg);
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
			cli_bad_option(prog, usage, c, argv, longopts);
		}
	}
	if (argc - optind > 1)
		cli_usage_error(prog, usage, "one input file at most");
	if ((wopts.encoding != MIF_ENC_SOURCE || wopts.newline != MIF_NL_SOURCE)
	    && to != FMT_MIF && to != FMT_NONE)
		cli_usage_error(prog, usage,
		    "--newline and --encoding are for MIF output");
	if (input.input_encoding_given && from != FMT_MIF && from != FMT_NONE)
		cli_usage_error(prog, usage, "--input-encoding is for MIF input");

	int status = convert(optind < argc ? argv[optind] : "-", from, to,
	    &input, &wopts);
	if (!cli_flush_stdout(prog))
		status = CLI_TROUBLE;
	return status;
}
