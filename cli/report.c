/* Diagnostics for people: see report.h. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"

/*
 * The source line under a diagnostic is quoted whole when it takes at
 * most QUOTE_WIDTH columns once escaped; a longer one is cut to a window
 * of at most QUOTE_WIDTH columns around the caret, its cut ends marked
 * "...", so that a diagnostic costs the same on a line of any length.
 * A character takes one column, an escape as many as it prints.
 */
#define QUOTE_WIDTH 120
#define CUT_MARK "..."
#define CUT_WIDTH (QUOTE_WIDTH - 2 * (int)(sizeof CUT_MARK - 1))
/* Bytes of the line to look at on each side of the caret: a character
 * takes at most four bytes and at least one column. */
#define QUOTE_BYTES (4 * QUOTE_WIDTH)
/* Characters in those bytes: each byte may print on its own. */
#define QUOTE_UNITS (2 * QUOTE_BYTES + 1)

/*
 * What the options of diag_options.h chose, for the whole run: the tools
 * are programs, and every diagnostic of one goes through here.  The
 * count of warnings made errors is atomic, for mif-audit's threads of
 * output.
 */
static struct {
	bool silenced[MIF_RULE_COUNT];
	enum report_warnings warnings;
	enum report_format format;
	enum report_colour colour;
	_Atomic size_t promoted;
	bool batched; /* report_batch_stderr() gave standard error a buffer */
} settings;

/* Standard error's buffer once batched: many diagnostics in one write. */
static char batch[64 * 1024];

void
report_batch_stderr(void)
{
	if (isatty(STDERR_FILENO) ||
	    setvbuf(stderr, batch, _IOFBF, sizeof batch) != 0)
		return;
	settings.batched = true;
}

/* len bytes of one whole diagnostic onto out.  A batched standard error
 * writes what it holds first when they would not fit with it, so that
 * no diagnostic is split between two writes. */
static void
report_write(FILE *out, const char *text, size_t len)
{
	if (out != stderr || !settings.batched) {
		fwrite(text, 1, len, out);
		return;
	}
	flockfile(out);
	if (__fpending(out) + len > sizeof batch)
		fflush(out);
	fwrite(text, 1, len, out);
	funlockfile(out);
}

void
report_silence(mif_rule rule)
{
	if (rule > MIF_RULE_OF_CODE && rule < MIF_RULE_COUNT)
		settings.silenced[rule] = true;
}

void
report_set_warnings(enum report_warnings warnings)
{
	settings.warnings = warnings;
}

void
report_set_format(const char *prog, enum report_format format)
{
	settings.format = format;
	if (format != REPORT_TEXT)
		report_capture_start(prog);
}

void
report_set_colour(enum report_colour colour)
{
	settings.colour = colour;
}

bool
report_colour_on(FILE *stream)
{
	if (settings.colour != REPORT_COLOUR_AUTO)
		return settings.colour == REPORT_COLOUR_ALWAYS;
	const char *no = getenv("NO_COLOR");
	return (no == NULL || no[0] == '\0') && isatty(fileno(stream));
}

/* The colour of a severity word: red errors, magenta warnings, cyan
 * notes, all bold, as compilers have them. */
static const char *
severity_colour(mif_severity severity)
{
	return severity >= MIF_ERROR ? REPORT_SGR_ERROR
	    : severity == MIF_WARNING ? REPORT_SGR_WARNING : REPORT_SGR_NOTE;
}

/* A quoted part cut into its characters as printed. */
struct units {
	size_t n;
	uint16_t off[QUOTE_UNITS + 1]; /* where each starts; off[n] the end */
	unsigned char width[QUOTE_UNITS];
	bool tab[QUOTE_UNITS];
};

static void
split_units(const mif_line_part *part, struct units *u)
{
	char esc[MIF_ESCAPE_MAX];

	u->n = 0;
	for (size_t i = 0; i < part->len && u->n < QUOTE_UNITS;) {
		size_t n = mif_escape_char(part->text + i, part->len - i,
		    MIF_ESCAPE_CONTROLS, esc);
		u->off[u->n] = (uint16_t)i;
		u->width[u->n] = esc[0] != '\0' ? (unsigned char)strlen(esc) : 1;
		u->tab[u->n] = part->text[i] == '\t';
		u->n++;
		i += n;
	}
	u->off[u->n] = (uint16_t)part->len;
}

static int
width_of(const struct units *u, size_t from, size_t to)
{
	int w = 0;

	for (size_t i = from; i < to; i++)
		w += u->width[i];
	return w;
}

/*
 * Choose units [*first, *last) of u around unit `at`: all when they fit
 * QUOTE_WIDTH and the line is whole, else at most CUT_WIDTH columns,
 * half of them before the caret unless the line ends sooner after it.
 */
static void
choose_window(const struct units *u, size_t at, bool whole, size_t *first,
    size_t *last)
{
	int left = width_of(u, 0, at), right = width_of(u, at, u->n);

	if (whole && left + right <= QUOTE_WIDTH) {
		*first = 0;
		*last = u->n;
		return;
	}
	int right_wanted = right < CUT_WIDTH / 2 ? right : CUT_WIDTH / 2;
	int budget = CUT_WIDTH - right_wanted, used = 0;
	size_t i = at;
	while (i > 0 && used + u->width[i - 1] <= budget)
		used += u->width[--i];
	budget = CUT_WIDTH - used;
	size_t j = at;
	/* the caret's own character always */
	if (j < u->n)
		used = u->width[j++];
	else
		used = 0;
	while (j < u->n && used + u->width[j] <= budget)
		used += u->width[j++];
	*first = i;
	*last = j;
}

/*
 * A diagnostic's text, built whole before it is written: in the room
 * given on the stack, or in a malloc'd copy when it outgrows it (a long
 * file name).  After a failed allocation the text is cut, never lost.
 */
struct text {
	char *p;
	size_t len, cap;
	bool heap;
};

/* Room for n more bytes and a NUL; false when there is none. */
static bool
text_room(struct text *t, size_t n)
{
	if (t->len + n < t->cap)
		return true;
	size_t cap = 2 * (t->len + n + 1);
	char *p = t->heap ? realloc(t->p, cap) : malloc(cap);
	if (p == NULL)
		return false;
	if (!t->heap)
		memcpy(p, t->p, t->len);
	t->p = p;
	t->cap = cap;
	t->heap = true;
	return true;
}

static void
text_put(struct text *t, const char *s, size_t n)
{
	if (!text_room(t, n))
		n = t->cap - 1 - t->len;
	memcpy(t->p + t->len, s, n);
	t->len += n;
}

static void
text_puts(struct text *t, const char *s)
{
	text_put(t, s, strlen(s));
}

static void CLI_PRINTF(2, 3)
text_printf(struct text *t, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	int n = vsnprintf(t->p + t->len, t->cap - t->len, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n >= t->cap - t->len) {
		if (!text_room(t, (size_t)n))
			return;
		va_start(ap, fmt);
		vsnprintf(t->p + t->len, t->cap - t->len, fmt, ap);
		va_end(ap);
	}
	t->len += (size_t)n;
}

/* len bytes of s, their controls escaped (miftools(7)). */
static void
text_escaped(struct text *t, const char *s, size_t len)
{
	size_t n = mif_escape(s, len, MIF_ESCAPE_CONTROLS, t->p + t->len,
	    t->cap - t->len);
	if (n >= t->cap - t->len) {
		if (!text_room(t, n))
			return;
		mif_escape(s, len, MIF_ESCAPE_CONTROLS, t->p + t->len,
		    t->cap - t->len);
	}
	t->len += n;
}

/* n spaces */
static void
text_pad(struct text *t, size_t n)
{
	static const char spaces[] = "                ";

	for (; n > sizeof spaces - 1; n -= sizeof spaces - 1)
		text_put(t, spaces, sizeof spaces - 1);
	text_put(t, spaces, n);
}

/*
 * Print the source line, or its window around the caret, its controls
 * escaped as miftools(7) says (backslash and tab as they are, for
 * reading), so that nothing in a file can drive the terminal, then a
 * caret under the character at part->at.  The caret moves past each
 * escape by its width; tabs before it are copied so that it lines up
 * with them.
 */
static void
print_line_and_caret(struct text *out, const mif_line_part *part)
{
	struct units u;
	size_t first, last, at;

	split_units(part, &u);
	for (at = 0; at < u.n && u.off[at] < part->at; at++)
		;
	choose_window(&u, at, !part->cut_before && !part->cut_after, &first,
	    &last);
	bool cut_before = first > 0 || part->cut_before;
	bool cut_after = last < u.n || part->cut_after;

	if (cut_before)
		text_puts(out, CUT_MARK);
	text_escaped(out, part->text + u.off[first],
	    u.off[last] - u.off[first]);
	if (cut_after)
		text_puts(out, CUT_MARK);
	text_put(out, "\n", 1);

	if (cut_before)
		text_pad(out, sizeof CUT_MARK - 1);
	for (size_t i = first; i < at; i++) {
		if (u.tab[i])
			text_put(out, "\t", 1);
		else
			text_pad(out, u.width[i]);
	}
	text_puts(out, "^\n");
}

/* Text of a message or a file name, its controls escaped. */
static void
put_text(struct text *out, const char *s)
{
	text_escaped(out, s, strlen(s));
}

/* Whether standard error, where diagnostics go in the end, gets colour:
 * asked once, not once a diagnostic (-1: not yet). */
static bool
stderr_colour(void)
{
	static _Atomic int on = -1;
	int known = on;

	if (known < 0)
		on = known = report_colour_on(stderr);
	return known != 0;
}

static void
put_diag(struct text *out, const char *prog, const char *file,
    const mif_doc *doc, const mif_error *diag)
{
	const char *severity = mif_severity_name(diag->severity);
	/* standard error, where the text goes in the end, decides: out may
	 * be a buffer on its way there */
	bool colour = stderr_colour();

	text_puts(out, prog);
	text_puts(out, ": ");
	if (file != NULL) {
		put_text(out, file);
		if (diag->mark.line != 0)
			text_printf(out, ":%u:%u", diag->mark.line,
			    diag->mark.column);
		text_puts(out, ": ");
	}
	if (colour)
		text_printf(out, "%s%s%s: ", severity_colour(diag->severity),
		    severity, REPORT_SGR_RESET);
	else
		text_printf(out, "%s: ", severity);
	put_text(out, diag->text);
	const char *code = mif_rule_name(mif_error_rule(diag));
	if (code != NULL)
		text_printf(out, " [%s]", code);
	text_put(out, "\n", 1);
	if (file == NULL || diag->mark.line == 0 || doc == NULL)
		return;

	mif_line_part part;
	/* An empty line (the end of a file) would show nothing useful. */
	if (mif_doc_line_part(doc, diag->mark.line, diag->mark.column,
	    QUOTE_BYTES, QUOTE_BYTES, &part) &&
	    (part.len > 0 || part.cut_before || part.cut_after))
		print_line_and_caret(out, &part);
}

/* Whether diag is shown at all; *shown receives it as shown: a warning
 * made an error by --warnings error. */
static bool
filter(const mif_error *diag, mif_error *shown)
{
	*shown = *diag;
	if (diag->severity >= MIF_ERROR)
		return true; /* trouble and errors are never hidden */
	if (settings.warnings == REPORT_WARNINGS_NONE ||
	    settings.silenced[mif_error_rule(diag)])
		return false;
	if (settings.warnings == REPORT_WARNINGS_ERROR &&
	    diag->severity == MIF_WARNING) {
		shown->severity = MIF_ERROR;
		settings.promoted++;
	}
	return true;
}

bool
report_doc_fails(const mif_doc *doc)
{
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		const mif_error *diag = mif_doc_diag(doc, i);
		if (diag->severity >= MIF_ERROR ||
		    (diag->severity == MIF_WARNING &&
		    settings.warnings == REPORT_WARNINGS_ERROR &&
		    !settings.silenced[mif_error_rule(diag)]))
			return true;
	}
	return false;
}

void
report_diag(FILE *out, const char *prog, const char *file,
    const mif_doc *doc, const mif_error *given)
{
	mif_error shown;

	if (!filter(given, &shown))
		return;
	const mif_error *diag = &shown;
	if (settings.format != REPORT_TEXT) {
		report_capture_put(out, file, diag, settings.format);
		return;
	}
	/* Built whole first, so that it reaches standard error in one
	 * write, whole between other processes' messages. */
	char room[2048];
	struct text text = { .p = room, .cap = sizeof room };

	put_diag(&text, prog, file, doc, diag);
	report_write(out, text.p, text.len);
	if (text.heap)
		free(text.p);
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

static void
say(FILE *out, const char *prog, const char *file, mif_severity severity,
    mif_rule rule, const char *fmt, va_list ap)
{
	mif_error err = { .code = mif_rule_code(rule), .severity = severity,
	    .rule = rule };

	vsnprintf(err.text, sizeof err.text, fmt, ap);
	report_diag(out, prog, file, NULL, &err);
}

void
report_say(FILE *out, const char *prog, const char *file,
    mif_severity severity, mif_rule rule, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(out, prog, file, severity, rule, fmt, ap);
	va_end(ap);
}

void
report_fatal(FILE *out, const char *prog, const char *file, mif_rule rule,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	say(out, prog, file, MIF_FATAL, rule, fmt, ap);
	va_end(ap);
}

void
report_out_of_memory(const char *prog)
{
	report_fatal(stderr, prog, NULL, MIF_RULE_NOMEM, "out of memory");
}


int
report_status(const mif_error *err)
{
	/* an input past the limit is one that cannot be taken at all, as
	 * /dev/zero cannot: trouble, not an answer */
	return err->code == MIF_E_IO || err->code == MIF_E_NOMEM ||
	    err->code == MIF_E_TOO_BIG ? CLI_TROUBLE : CLI_INPUT;
}

size_t
report_promoted(void)
{
	return settings.promoted;
}

void
report_add_promoted(size_t count)
{
	settings.promoted += count;
}

int
report_finish(int status, int error_status)
{
	report_capture_end(settings.format);
	return settings.promoted > 0 ? cli_worse(status, error_status) : status;
}
