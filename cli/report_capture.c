/*
 * Diagnostics as JSON and as SARIF 2.1.0 (report.h): standard error is
 * taken into a temporary file while the tool runs, each diagnostic one
 * line that starts with RS (0x1E, as in JSON text sequences) so that it
 * stands apart from any other line, and the document is written on the
 * real standard error at the end.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "jsonw.h"
#include "report.h"

#define RS '\036'
#define SARIF_SCHEMA "https://json.schemastore.org/sarif-2.1.0.json"

static struct {
	const char *prog;
	FILE *file;     /* what standard error takes in */
	int saved;      /* the real standard error */
	pid_t owner;    /* the process that writes the document */
} capture = { .saved = -1 };

static void
at_exit(void)
{
	/* the document of the format the run chose, however it ends */
	report_finish(0, 0);
}

void
report_capture_start(const char *prog)
{
	capture.prog = prog;
	if (capture.file != NULL)
		return;
	fflush(stderr);
	capture.file = tmpfile();
	if (capture.file == NULL)
		return; /* then text, as it comes */
	capture.saved = dup(STDERR_FILENO);
	if (capture.saved < 0 ||
	    dup2(fileno(capture.file), STDERR_FILENO) < 0) {
		fclose(capture.file);
		capture.file = NULL;
		return;
	}
	capture.owner = getpid();
	atexit(at_exit);
}

/* A path as a URI reference: the bytes RFC 3986 leaves unreserved, and
 * the slash, as they are; every other one percent-encoded. */
static void
put_uri(FILE *out, const char *path)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = malloc(3 * strlen(path) + 1), *p = uri;

	if (uri == NULL) {
		json_cstring(out, path);
		return;
	}
	for (const unsigned char *s = (const unsigned char *)path; *s; s++) {
		if ((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || strchr("-._~/", *s) != NULL) {
			*p++ = (char)*s;
		} else {
			*p++ = '%';
			*p++ = hex[*s >> 4];
			*p++ = hex[*s & 15];
		}
	}
	*p = '\0';
	json_cstring(out, uri);
	free(uri);
}

static const char *
sarif_level(mif_severity severity)
{
	return severity >= MIF_ERROR ? "error"
	    : severity == MIF_WARNING ? "warning" : "note";
}

static void
put_json(FILE *out, const char *file, const mif_error *diag)
{
	fputs("{\"program\":", out);
	json_cstring(out, capture.prog);
	fputs(",\"file\":", out);
	json_cstring(out, file);
	if (file != NULL && diag->mark.line != 0)
		fprintf(out, ",\"line\":%u,\"column\":%u", diag->mark.line,
		    diag->mark.column);
	else
		fputs(",\"line\":null,\"column\":null", out);
	fputs(",\"severity\":", out);
	json_cstring(out, diag->severity == MIF_INFO ? "note"
	    : mif_severity_name(diag->severity));
	fputs(",\"code\":", out);
	json_cstring(out, mif_rule_name(mif_error_rule(diag)));
	fputs(",\"message\":", out);
	json_cstring(out, diag->text);
	putc('}', out);
}

static void
put_sarif(FILE *out, const char *file, const mif_error *diag)
{
	const char *code = mif_rule_name(mif_error_rule(diag));

	putc('{', out);
	if (code != NULL) {
		fputs("\"ruleId\":", out);
		json_cstring(out, code);
		putc(',', out);
	}
	fprintf(out, "\"level\":\"%s\",\"message\":{\"text\":",
	    sarif_level(diag->severity));
	json_cstring(out, diag->text);
	putc('}', out);
	if (file != NULL) {
		fputs(",\"locations\":[{\"physicalLocation\":{"
		    "\"artifactLocation\":{\"uri\":", out);
		put_uri(out, file);
		putc('}', out);
		if (diag->mark.line != 0)
			fprintf(out, ",\"region\":{\"startLine\":%u,"
			    "\"startColumn\":%u}", diag->mark.line,
			    diag->mark.column);
		fputs("}}]", out);
	}
	putc('}', out);
}

void
report_capture_put(FILE *out, const char *file, const mif_error *diag,
    enum report_format format)
{
	/* built whole, then written in one go, as report_diag() does */
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	if (mem == NULL)
		return;
	putc(RS, mem);
	if (format == REPORT_SARIF)
		put_sarif(mem, file, diag);
	else
		put_json(mem, file, diag);
	putc('\n', mem);
	if (fclose(mem) == 0)
		fwrite(text, 1, len, out);
	free(text);
}

/* One line of what standard error took in, as an element of the
 * document: a diagnostic as it was put, any other line as an error
 * without a code or a place. */
static void
put_line(FILE *out, char *line, enum report_format format)
{
	if (line[0] == RS) {
		fputs(line + 1, out);
		return;
	}
	/* MIF_OK: the code of no rule, for such a line names none */
	mif_error plain = { .code = MIF_OK, .severity = MIF_ERROR };
	snprintf(plain.text, sizeof plain.text, "%s", line);
	if (format == REPORT_SARIF)
		put_sarif(out, NULL, &plain);
	else
		put_json(out, NULL, &plain);
}

static void
put_rules(FILE *out)
{
	fputs("\"rules\":[", out);
	for (int r = MIF_RULE_OF_CODE + 1; r < MIF_RULE_COUNT; r++) {
		fputs(r > MIF_RULE_OF_CODE + 1 ? ",{\"id\":" : "{\"id\":", out);
		json_cstring(out, mif_rule_name((mif_rule)r));
		fputs(",\"shortDescription\":{\"text\":", out);
		json_cstring(out, mif_rule_summary((mif_rule)r));
		fputs("}}", out);
	}
	putc(']', out);
}

void
report_capture_end(enum report_format format)
{
	if (capture.file == NULL || capture.owner != getpid())
		return;
	fflush(stderr);
	dup2(capture.saved, STDERR_FILENO);
	close(capture.saved);
	FILE *in = capture.file;
	capture.file = NULL;
	rewind(in);
	if (format == REPORT_TEXT) { /* chosen, then chosen away */
		int c;
		while ((c = getc(in)) != EOF)
			putc(c, stderr);
		fclose(in);
		return;
	}
	/* whole, then written in one go */
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	if (out == NULL)
		out = stderr;
	if (format == REPORT_SARIF) {
		fputs("{\"$schema\":\"" SARIF_SCHEMA "\",\"version\":\"2.1.0\","
		    "\"runs\":[{\"tool\":{\"driver\":{\"name\":", out);
		json_cstring(out, capture.prog);
		fputs(",\"version\":\"" MIF_VERSION_STRING "\",", out);
		put_rules(out);
		fputs("}},\"results\":[", out);
	} else {
		putc('[', out);
	}
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	bool first = true;
	while ((n = getline(&line, &cap, in)) > 0) {
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (!first)
			putc(',', out);
		putc('\n', out);
		put_line(out, line, format);
		first = false;
	}
	free(line);
	fclose(in);
	fputs(format == REPORT_SARIF ? "\n]}]}\n" : "\n]\n", out);
	if (out != stderr && fclose(out) == 0)
		fwrite(text, 1, len, stderr);
	free(text);
}
