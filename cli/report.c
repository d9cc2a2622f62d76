/* Diagnostics for people: see report.h. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>

#include "cli.h"
#include "report.h"

/* Length of the UTF-8 sequence that starts with byte c (1 when c is no
 * lead byte, so that bad bytes still move on). */
static size_t
sequence_length(unsigned char c)
{
	if (c >= 0xF0 && c < 0xF8)
		return 4;
	if (c >= 0xE0)
		return c < 0xF0 ? 3 : 1;
	if (c >= 0xC0)
		return 2;
	return 1;
}

/* Whether the character at s (n bytes) would move the terminal's cursor
 * in odd ways: C0 and C1 controls other than tab, DEL. */
static bool
is_control(const unsigned char *s, size_t n)
{
	if (n == 1)
		return (s[0] < 0x20 && s[0] != '\t') || s[0] == 0x7F;
	return n == 2 && s[0] == 0xC2 && s[1] >= 0x80 && s[1] <= 0x9F;
}

/*
 * Print the source line, controls shown as '?' so that nothing in a file
 * can drive the terminal, then a caret under character `column` (from 1).
 * Tabs before the column are copied so the caret lines up with them.
 */
static void
print_line_and_caret(FILE *out, const char *text, size_t len, unsigned column)
{
	const unsigned char *s = (const unsigned char *)text;

	for (size_t i = 0; i < len; ) {
		size_t n = sequence_length(s[i]);
		if (n > len - i)
			n = len - i;
		if (is_control(s + i, n))
			putc('?', out);
		else
			fwrite(s + i, 1, n, out);
		i += n;
	}
	putc('\n', out);

	unsigned col = 1;
	for (size_t i = 0; i < len && col < column; col++) {
		putc(s[i] == '\t' ? '\t' : ' ', out);
		size_t n = sequence_length(s[i]);
		i += n < len - i ? n : len - i;
	}
	for (; col < column; col++)
		putc(' ', out);
	fputs("^\n", out);
}

void
report_diag(FILE *out, const char *prog, const char *file,
    const mif_doc *doc, const mif_error *diag)
{
	const char *severity = mif_severity_name(diag->severity);

	if (diag->mark.line == 0) {
		fprintf(out, "%s: %s: %s: %s\n", prog, file, severity, diag->text);
		return;
	}
	fprintf(out, "%s: %s:%u:%u: %s: %s\n", prog, file, diag->mark.line,
	    diag->mark.column, severity, diag->text);

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

void
report_encoding_doubt(FILE *out, const char *prog, const char *file,
    const mif_doc *doc)
{
	const mif_error *doubt = mif_doc_encoding_doubt(doc);

	if (doubt != NULL)
		report_diag(out, prog, file, doc, doubt);
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
	return err->code == MIF_E_IO || err->code == MIF_E_NOMEM
	    ? CLI_TROUBLE : CLI_NO;
}
