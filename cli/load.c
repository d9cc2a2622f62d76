/* Reading an input MIF whole and valid: see load.h. */
#include <stdio.h>

#include "cli.h"
#include "load.h"
#include "report.h"

void
cli_load_read(const char *path, const mif_parse_options *input,
    cli_loaded *l)
{
	mif_parse_options o = cli_input_named(input, cli_display_name(path));

	l->doc = mif_parse_path(path, &o, &l->err);
	if (l->doc != NULL && mif_doc_error_count(l->doc) == 0)
		mif_check(l->doc, NULL);
}

mif_doc *
cli_load_report(const char *prog, const char *path, cli_loaded *l,
    int *status)
{
	const char *name = cli_display_name(path);
	mif_doc *doc = l->doc;

	l->doc = NULL;
	if (doc == NULL) {
		report_diag(stderr, prog, name, NULL, &l->err);
		*status = report_status(&l->err);
		return NULL;
	}
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

mif_doc *
cli_load(const char *prog, const char *path, const mif_parse_options *input,
    int *status)
{
	cli_loaded l;

	cli_load_read(path, input, &l);
	return cli_load_report(prog, path, &l, status);
}
