/* The NOIDMIF that --update rewrites: see noidmif_file.h. */
#include <errno.h>
#include <stdio.h>
#include <sys/stat.h>

#include "cli.h"
#include "noidmif_file.h"
#include "report.h"

/*
 * Check doc as a NOIDMIF and report its errors; false when it has any.
 * An output not written has no lines to show: its errors are reported
 * without a place, saying so.
 */
static bool
passes(const char *prog, const char *name, mif_doc *doc, bool written)
{
	mif_check_options c = { .profile = MIF_PROFILE_NOIDMIF };

	if (mif_doc_error_count(doc) == 0)
		mif_check(doc, &c);
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		mif_error e = *mif_doc_diag(doc, i);
		/* the doubt about an input, not about what is written */
		bool doubt = written &&
		    report_is_doubt(doc, mif_doc_diag(doc, i));
		if (e.severity < MIF_ERROR && !doubt)
			continue;
		if (written) {
			report_diag(stderr, prog, name, doc, &e);
			continue;
		}
		char text[sizeof e.text];
		snprintf(text, sizeof text, "%s", e.text);
		snprintf(e.text, sizeof e.text, "%.200s: not written", text);
		report_diag(stderr, prog, name, NULL, &e);
	}
	return mif_doc_error_count(doc) == 0;
}

mif_doc *
noidmif_load(const char *prog, const char *path,
    const mif_parse_options *input, int *status)
{
	mif_error err;
	struct stat st;
	mif_doc *doc;

	*status = CLI_TROUBLE;
	if (path == NULL || (stat(path, &st) != 0 && errno == ENOENT)) {
		if ((doc = mif_doc_create(NULL)) == NULL)
			report_out_of_memory(prog);
		return doc;
	}
	const char *name = cli_display_name(path);
	mif_parse_options o = cli_input_named(input, name);
	if ((doc = mif_parse_path(path, &o, &err)) == NULL) {
		report_diag(stderr, prog, name, NULL, &err);
		*status = report_status(&err);
		return NULL;
	}
	if (passes(prog, name, doc, true))
		return doc;
	mif_doc_free(doc);
	*status = CLI_INPUT;
	return NULL;
}

bool
noidmif_verify(const char *prog, const char *what, const char *text,
    size_t len)
{
	mif_parse_options o = { .source_name = what };
	mif_error err;
	mif_doc *doc = mif_parse_buffer(text, len, &o, &err);

	if (doc == NULL) {
		report_diag(stderr, prog, what, NULL, &err);
		return false;
	}
	bool ok = passes(prog, what, doc, false);
	mif_doc_free(doc);
	return ok;
}
