/*
 * A document's diagnostics and the places they point to: line, column
 * and file offset of a position, found through the line index
 * (lines.c), and the lines themselves for quoting.
 */
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"

/* ---- places ------------------------------------------------------------ */

/* The whole index, for readers of a finished document.  Built at most
 * once and published atomically, so that any number of threads may ask
 * for places in one document; a thread that loses the race frees its
 * own copy.  NULL when out of memory or while the scanner runs. */
static const mif_lines *
lines_all(const mif_doc *doc)
{
	mif_lines *full = atomic_load_explicit(&doc->lines_full,
	    memory_order_acquire);
	if (full != NULL)
		return full;
	if (doc->scanning || doc->text == NULL)
		return NULL;
	if (mif_lines_complete(&doc->lines_grown, doc))
		return &doc->lines_grown;
	full = calloc(1, sizeof *full);
	if (full == NULL || !mif_lines_extend(full, doc, doc->text_len)) {
		mif_lines_free(full);
		free(full);
		return NULL;
	}
	/* The document was allocated writable; only this cache changes. */
	mif_doc *writable = (mif_doc *)doc;
	mif_lines *expected = NULL;
	if (!atomic_compare_exchange_strong_explicit(&writable->lines_full,
	    &expected, full, memory_order_acq_rel, memory_order_acquire)) {
		mif_lines_free(full);
		free(full);
		return expected;
	}
	return full;
}

/* The index as far as pos, for the document's own writer (the parser,
 * the checker), which alone may touch it: it grows forward. */
static const mif_lines *
lines_upto(mif_doc *doc, uint32_t pos)
{
	mif_lines *full = atomic_load_explicit(&doc->lines_full,
	    memory_order_acquire);
	if (full != NULL)
		return full;
	if (doc->text == NULL || !mif_lines_extend(&doc->lines_grown, doc, pos))
		return NULL;
	return &doc->lines_grown;
}

/* Where the text ends, for the messages placed there (end of file, built
 * items): after the last character of the last line, so a final line end
 * does not put them on a line that is not in the file. */
static uint32_t
end_of_text(const mif_doc *doc)
{
	size_t end = doc->text_len;

	if (end > 0 && doc->text[end - 1] == '\n') {
		end--;
		if (end > 0 && doc->text[end - 1] == '\r')
			end--;
	}
	return (uint32_t)end;
}

static mif_mark
mark_in(const mif_lines *li, const mif_doc *doc, uint32_t pos)
{
	mif_mark none = { 0, 0, 0 };

	if (li == NULL || pos == MIF_NOPOS)
		return none;
	return mif_lines_mark(li, doc, pos >= doc->text_len
	    ? end_of_text(doc) : pos);
}

/*
 * The index for a reader that needs places up to byte upto: the one the
 * parser and the checker grew for their diagnostics, when it reaches
 * that far, or else the whole one.  A reader only reads the grown index
 * (its writers are done when readers come), so threads may share it;
 * most readers are reports of those very diagnostics, and a file whose
 * diagnostics are near the top is never indexed past them.
 */
static const mif_lines *
lines_for(const mif_doc *doc, size_t upto)
{
	const mif_lines *grown = &doc->lines_grown;

	if (!doc->scanning && doc->text != NULL && grown->n > 0 &&
	    grown->done >= upto &&
	    atomic_load_explicit(&doc->lines_full, memory_order_acquire) == NULL)
		return grown;
	return lines_all(doc);
}

/* Whether li knows where line `line` ends: the next line's start, or
 * the end of the text. */
static bool
knows_end(const mif_lines *li, const mif_doc *doc, unsigned line)
{
	return line < li->n || mif_lines_complete(li, doc);
}

mif_mark
mif_doc_mark(const mif_doc *doc, uint32_t pos)
{
	if (pos == MIF_NOPOS || doc->text == NULL)
		return (mif_mark){ 0, 0, 0 };
	uint32_t at = pos >= doc->text_len ? end_of_text(doc) : pos;
	return mark_in(lines_for(doc, at), doc, pos);
}

const char *
mif_doc_line(const mif_doc *doc, unsigned line, size_t *len)
{
	const mif_lines *li = doc->text != NULL ? lines_for(doc, 0) : NULL;
	uint32_t start, end;

	if (li != NULL && !knows_end(li, doc, line))
		li = lines_all(doc);
	if (li == NULL || !mif_lines_line(li, doc, line, &start, &end))
		return NULL;
	*len = end - start;
	return doc->text + start;
}

/* Whether text byte c continues a UTF-8 sequence (the text is valid
 * UTF-8: the sources make sure of it). */
static bool
continues(char c)
{
	return ((unsigned char)c & 0xC0) == 0x80;
}

/*
 * Where line `line` starts and where character `column` of it is, from
 * the grown index alone, and where the line ends when that is no more
 * than `after` bytes past the character (else *end is past that): the
 * window of a quote needs no more.  False when the grown index does not
 * reach the character.
 */
static bool
grown_place(const mif_doc *doc, unsigned line, unsigned column, size_t after,
    uint32_t *start, uint32_t *at, uint32_t *end)
{
	const mif_lines *li = &doc->lines_grown;

	if (knows_end(li, doc, line))
		return false; /* the index says it all */
	if (line < 1 || line > li->n)
		return false;
	*start = li->starts[line - 1];
	/* the blocks reach as far as done, the place of the last
	 * diagnostic: a column found up to it is found, one past it may
	 * lie further */
	uint32_t reach = li->done < doc->text_len ? (uint32_t)li->done + 1
	    : (uint32_t)li->done;
	*at = mif_lines_column(li, doc, *start, reach, column);
	if (*at >= reach)
		return false;
	/* a line feed within the window and the byte after it, or the
	 * window's end, or the text's */
	size_t look = doc->text_len - *at > after + 2 ? *at + after + 2
	    : doc->text_len;
	const char *lf = memchr(doc->text + *at, '\n', look - *at);
	if (lf == NULL) {
		*end = (uint32_t)look;
		return true;
	}
	*end = (uint32_t)(lf - doc->text);
	if (*end > *start && doc->text[*end - 1] == '\r')
		(*end)--;
	return true;
}

bool
mif_doc_line_part(const mif_doc *doc, unsigned line, unsigned column,
    size_t before, size_t after, mif_line_part *part)
{
	const mif_lines *li = doc->text != NULL ? lines_for(doc, 0) : NULL;
	uint32_t start, end, at;

	if (li == NULL)
		return false;
	if (li != &doc->lines_grown ||
	    !grown_place(doc, line, column, after, &start, &at, &end)) {
		if (li == &doc->lines_grown && !knows_end(li, doc, line))
			li = lines_all(doc);
		if (li == NULL || !mif_lines_line(li, doc, line, &start, &end))
			return false;
		at = mif_lines_column(li, doc, start, end, column);
	}
	uint32_t from = at - start > before ? at - (uint32_t)before : start;
	uint32_t to = end - at > after ? at + (uint32_t)after : end;
	/* Cut between characters: a cut inside one moves to take none of
	 * it.  (The column's character starts one: no cut passes it.) */
	while (from < at && continues(doc->text[from]))
		from++;
	while (to > at && to < end && continues(doc->text[to]))
		to--;
	*part = (mif_line_part){ .text = doc->text + from, .len = to - from,
	    .at = at - from, .cut_before = from > start, .cut_after = to < end };
	return true;
}

/* ---- diagnostics ----------------------------------------------------------- */

static bool
push(mif_doc *doc, const mif_error *e, uint32_t pos, uint32_t context_pos)
{
	size_t cap = doc->diags_cap;
	if (!mif_vec_reserve((void **)&doc->diags, &doc->diags_cap,
	    doc->ndiags, sizeof *doc->diags))
		return false;
	if (doc->diags_cap != cap || doc->diag_pos == NULL) {
		uint32_t *dp = realloc(doc->diag_pos, doc->diags_cap * 2 * sizeof *dp);
		if (dp == NULL)
			return false;
		doc->diag_pos = dp;
	}
	doc->diag_pos[2 * doc->ndiags] = pos;
	doc->diag_pos[2 * doc->ndiags + 1] = context_pos;
	doc->diags[doc->ndiags++] = *e;
	if (e->severity >= MIF_ERROR)
		doc->nerrors++;
	return true;
}

static void
set_source(mif_error *e, const char *source)
{
	snprintf(e->source, sizeof e->source, "%s", source != NULL ? source : "");
}

bool
mif_vdiag(mif_doc *doc, mif_code code, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, va_list ap)
{
	return mif_vdiag_rule(doc, code, MIF_RULE_OF_CODE, severity, pos,
	    context_pos, fmt, ap);
}

bool
mif_vdiag_rule(mif_doc *doc, mif_code code, mif_rule rule,
    mif_severity severity, uint32_t pos, uint32_t context_pos,
    const char *fmt, va_list ap)
{
	if (doc->stopped)
		return false;
	/* Warnings are capped too, so a pathological file cannot grow the
	 * list without bound. */
	unsigned limit = doc->max_errors != 0 ? doc->max_errors : MIF_MAX_ERRORS_DEFAULT;
	bool over = severity >= MIF_ERROR ? doc->nerrors >= limit
	    : doc->ndiags >= (size_t)limit * 20;

	mif_error e;
	memset(&e, 0, sizeof e);
	set_source(&e, doc->source_name);
	if (!doc->scanning)
		e.mark = mark_in(lines_upto(doc, pos), doc, pos);
	if (over) {
		e.code = MIF_E_TOO_MANY;
		e.severity = MIF_FATAL;
		snprintf(e.text, sizeof e.text, "too many %s, stopping",
		    severity >= MIF_ERROR ? "errors" : "diagnostics");
		push(doc, &e, pos, MIF_NOPOS);
		doc->stopped = true;
		return false;
	}
	e.code = code;
	e.rule = rule;
	e.severity = severity;
	if (!doc->scanning && context_pos != MIF_NOPOS)
		e.context = mark_in(lines_upto(doc, context_pos), doc, context_pos);
	vsnprintf(e.text, sizeof e.text, fmt, ap);
	push(doc, &e, pos, context_pos);
	return true;
}

bool
mif_diags_cross_cap(const mif_doc *doc, const mif_doc *more)
{
	unsigned limit = doc->max_errors != 0 ? doc->max_errors
	    : MIF_MAX_ERRORS_DEFAULT;
	size_t nerrors = doc->nerrors, ndiags = doc->ndiags;

	for (size_t i = 0; i < more->ndiags; i++, ndiags++) {
		if (more->diags[i].severity >= MIF_ERROR) {
			if (nerrors++ >= limit)
				return true;
		} else if (ndiags >= (size_t)limit * 20) {
			return true;
		}
	}
	return false;
}

bool
mif_diags_append(mif_doc *doc, const mif_doc *more)
{
	size_t n = doc->ndiags + more->ndiags;

	if (n > doc->diags_cap) {
		mif_error *e = realloc(doc->diags, n * sizeof *e);
		if (e == NULL)
			return false;
		doc->diags = e;
		uint32_t *dp = realloc(doc->diag_pos, n * 2 * sizeof *dp);
		if (dp == NULL)
			return false;
		doc->diag_pos = dp;
		doc->diags_cap = n;
	}
	if (more->ndiags > 0) {
		memcpy(doc->diags + doc->ndiags, more->diags,
		    more->ndiags * sizeof *more->diags);
		memcpy(doc->diag_pos + 2 * doc->ndiags, more->diag_pos,
		    more->ndiags * 2 * sizeof *more->diag_pos);
	}
	doc->ndiags = n;
	doc->nerrors += more->nerrors;
	return true;
}

static int
by_pos(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;

	return (x > y) - (x < y);
}

bool
mif_doc_damaged(const mif_doc *doc, uint32_t pos)
{
	/* sorted when the scan ended: asked once per statement found
	 * missing, this must not grow with the count of syntax errors */
	return doc->ndamaged > 0 && bsearch(&pos, doc->damaged, doc->ndamaged,
	    sizeof *doc->damaged, by_pos) != NULL;
}

void
mif_doc_scan_done(mif_doc *doc)
{
	doc->scanning = false;
	for (size_t i = 0; i < doc->ndiags; i++) {
		uint32_t pos = doc->diag_pos[2 * i];
		uint32_t context = doc->diag_pos[2 * i + 1];
		doc->diags[i].mark = mark_in(lines_upto(doc, pos), doc, pos);
		if (context != MIF_NOPOS)
			doc->diags[i].context = mark_in(lines_upto(doc, context),
			    doc, context);
	}
	/* blocks close inner first, so their starts come out of order */
	if (doc->ndamaged > 1)
		qsort(doc->damaged, doc->ndamaged, sizeof *doc->damaged, by_pos);
}

unsigned
mif_doc_line_at(mif_doc *doc, uint32_t pos)
{
	/* While scanning, the text before pos is as read: only the byte
	 * after the current token is not. */
	return mark_in(lines_upto(doc, pos), doc, pos).line;
}

bool
mif_diag(mif_doc *doc, mif_code code, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	bool go_on = mif_vdiag(doc, code, severity, pos, context_pos, fmt, ap);
	va_end(ap);
	return go_on;
}

bool
mif_diag_rule(mif_doc *doc, mif_rule rule, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	bool go_on = mif_vdiag_rule(doc, mif_rule_code(rule), rule, severity,
	    pos, context_pos, fmt, ap);
	va_end(ap);
	return go_on;
}

void
mif_error_vat(mif_error *err, const mif_doc *doc, mif_code code,
    uint32_t pos, uint32_t context, const char *fmt, va_list ap)
{
	if (err == NULL)
		return;
	memset(err, 0, sizeof *err);
	err->code = code;
	err->severity = MIF_ERROR;
	set_source(err, doc != NULL ? doc->source_name : NULL);
	if (doc != NULL && pos < doc->text_len)
		err->mark = mif_doc_mark(doc, pos);
	if (doc != NULL && context < doc->text_len)
		err->context = mif_doc_mark(doc, context);
	vsnprintf(err->text, sizeof err->text, fmt, ap);
}

void
mif_error_set(mif_error *err, mif_code code, const char *source,
    const char *fmt, ...)
{
	if (err == NULL)
		return;
	memset(err, 0, sizeof *err);
	err->code = code;
	err->severity = MIF_FATAL;
	set_source(err, source);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->text, sizeof err->text, fmt, ap);
	va_end(ap);
}
