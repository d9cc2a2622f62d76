/* Reading an input MIF whole and valid: see load.h. */
#include <stdio.h>

#include "cli.h"
#include "load.h"
#include "report.h"

mif_doc *
cli_load(const char *prog, const char *path, const mif_parse_options *input,
    int *status)
{
	const char *name = cli_display_name(path);
	mif_parse_options o = cli_input_named(input, name);
	mif_error err;
	mif_doc *doc = mif_parse_path(path, &o, &err);

	if (doc == NULL) {
		report_diag(stderr, prog, name, NULL, &err);
		*status = report_status(&err);
		return NULL;
	}
	if (mif_doc_error_count(doc) == 0)
		mif_check(doc, NULL);
	/* warnings are mif-check's to give; a tool that reads data says
	 * only what stops it, and that its text may be misread */
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		if (e->severity >= MIF_ERROR || report_is_doubt(doc, e))
			report_diag(stderr, prog, name, doc, e);
	}
	if (mif_doc_error_count(doc) > 0) {
		mif_doc_free(doc);
		*status = CLI_INPUT;
		return NULL;
	}
	return doc;
}
