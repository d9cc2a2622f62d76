/* Diagnostics for people: see report.h. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "cli.h"
#include "report.h"

/*
 * Print the source line, its controls escaped as miftools(7) says
 * (backslash and tab as they are, for reading), so that nothing in a
 * file can drive the terminal, then a caret under character `column`
 * (from 1).  The caret moves past each escape by its width; tabs before
 * the column are copied so that it lines up with them.
 */
static void
print_line_and_caret(FILE *out, const char *text, size_t len, unsigned column)
{
	char esc[MIF_ESCAPE_MAX];

	mif_escape_print(text, len, MIF_ESCAPE_CONTROLS, out);
	putc('\n', out);

	unsigned col = 1;
	for (size_t i = 0; i < len && col < column; col++) {
		size_t n = mif_escape_char(text + i, len - i, MIF_ESCAPE_CONTROLS,
		    esc);
		if (esc[0] != '\0')
			fprintf(out, "%*s", (int)strlen(esc), "");
		else
			putc(text[i] == '\t' ? '\t' : ' ', out);
		i += n;
	}
	for (; col < column; col++)
		putc(' ', out);
	fputs("^\n", out);
}

/* Text of a message or a file name, its controls escaped. */
static void
put_text(FILE *out, const char *s)
{
	mif_escape_print(s, strlen(s), MIF_ESCAPE_CONTROLS, out);
}

void
report_diag(FILE *out, const char *prog, const char *file,
    const mif_doc *doc, const mif_error *diag)
{
	const char *severity = mif_severity_name(diag->severity);

	fprintf(out, "%s: ", prog);
	put_text(out, file);
	if (diag->mark.line != 0)
		fprintf(out, ":%u:%u", diag->mark.line, diag->mark.column);
	fprintf(out, ": %s: ", severity);
	put_text(out, diag->text);
	putc('\n', out);
	if (diag->mark.line == 0)
		return;

	size_t len = 0;
	const char *line = doc != NULL
	    ? mif_doc_line(doc, diag->mark.line, &len) : NULL;
	/* An empty line (the end of a file) would show nothing useful. */
	if (line != NULL && len > 0)
		print_line_and_caret(out, line, len, diag->mark.column);
}

void
report_doc(FILE *out, const char *prog, const char *file, const mif_doc *doc)
{
	size_t count = mif_doc_diag_count(doc);

	for (size_t i = 0; i < count; i++)
		report_diag(out, prog, file, doc, mif_doc_diag(doc, i));
}

bool
report_is_doubt(const mif_doc *doc, const mif_error *diag)
{
	return diag == mif_doc_encoding_doubt(doc) || diag->code == MIF_E_READ_AS;
}

void
report_doubts(FILE *out, const char *prog, const char *file,
    const mif_doc *doc)
{
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++)
		if (report_is_doubt(doc, mif_doc_diag(doc, i)))
			report_diag(out, prog, file, doc, mif_doc_diag(doc, i));
}

void
report_fatal(FILE *out, const char *prog, const char *file,
    const char *fmt, ...)
{
	mif_error err = { .code = MIF_E_IO, .severity = MIF_FATAL };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err.text, sizeof err.text, fmt, ap);
	va_end(ap);
	report_diag(out, prog, file, NULL, &err);
}

void
report_write_error(FILE *out, const char *prog, const char *file,
    const mif_error *err)
{
	mif_error placeless = *err;

	placeless.mark.line = 0;
	report_diag(out, prog, file, NULL, &placeless);
}

int
report_status(const mif_error *err)
{
	/* an input past the limit is one that cannot be taken at all, as
	 * /dev/zero cannot: trouble, not an answer */
	return err->code == MIF_E_IO || err->code == MIF_E_NOMEM ||
	    err->code == MIF_E_TOO_BIG ? CLI_TROUBLE : CLI_NO;
}
