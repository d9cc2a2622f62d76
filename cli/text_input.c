/* Text inputs as UTF-8: see text_input.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "report.h"
#include "text_input.h"

char *
cli_read_text(const char *prog, const char *path, size_t *len,
    mif_error *err)
{
	const char *name = cli_display_name(path);
	char *text = cli_read_file(path, len);

	if (text == NULL) {
		*err = (mif_error){ .code = errno == EFBIG ? MIF_E_TOO_BIG
		    : MIF_E_IO, .severity = MIF_FATAL };
		report_fatal(stderr, prog, name, MIF_RULE_IO, "%s", cli_read_error(errno));
		return NULL;
	}
	if (!mif_text_utf8(&text, len, name, err)) {
		report_diag(stderr, prog, name, NULL, err);
		free(text);
		return NULL;
	}
	return text;
}
