/* The document: its lifetime, accessors, diagnostics and source places. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

const char *
mif_version(void)
{
	return MIF_VERSION_STRING;
}

mif_doc *
mif_doc_new(const char *source_name)
{
	mif_doc *doc = calloc(1, sizeof *doc);

	if (doc == NULL)
		return NULL;
	mif_arena_init(&doc->arena);
	doc->max_errors = MIF_MAX_ERRORS_DEFAULT;
	doc->first_high = MIF_NOPOS;
	doc->doubt = SIZE_MAX;
	doc->source_name = strdup(source_name != NULL ? source_name : "<stdin>");
	if (doc->source_name == NULL) {
		free(doc);
		return NULL;
	}
	return doc;
}

void
mif_doc_free(mif_doc *doc)
{
	if (doc == NULL)
		return;
	mif_arena_release(&doc->arena);
	free(doc->strings.slots);
	free(doc->strings.strings);
	mif_source_release(doc);
	free(doc->source_name);
	free(doc->comments);
	free(doc->diags);
	free(doc->diag_pos);
	free(doc->damaged);
	free(doc->lines);
	free(doc->line_file_offsets);
	free(doc);
}

const mif_block *mif_doc_component(const mif_doc *doc) { return doc->component; }
mif_encoding mif_doc_encoding(const mif_doc *doc) { return doc->encoding; }
mif_newline mif_doc_newline(const mif_doc *doc) { return doc->newline; }

const mif_error *
mif_doc_encoding_doubt(const mif_doc *doc)
{
	return doc->doubt < doc->ndiags ? &doc->diags[doc->doubt] : NULL;
}

bool mif_doc_eof_mark(const mif_doc *doc) { return doc->eof_mark; }
const char *mif_doc_source_name(const mif_doc *doc) { return doc->source_name; }
size_t mif_doc_input_size(const mif_doc *doc) { return doc->input_size; }
size_t mif_doc_diag_count(const mif_doc *doc) { return doc->ndiags; }
size_t mif_doc_error_count(const mif_doc *doc) { return doc->nerrors; }

const mif_comment *
mif_doc_comments(const mif_doc *doc, size_t *count)
{
	*count = doc->ncomments;
	return doc->comments;
}

const mif_error *
mif_doc_diag(const mif_doc *doc, size_t index)
{
	return index < doc->ndiags ? &doc->diags[index] : NULL;
}

const char *
mif_severity_name(mif_severity severity)
{
	static const char *const names[] = { "note", "warning", "error", "fatal" };

	return (unsigned)severity < 4 ? names[severity] : "error";
}

/* ---- places ------------------------------------------------------------ */

/* File bytes taken by the character whose UTF-8 lead byte is c. */
static size_t
file_width(const mif_doc *doc, unsigned char c)
{
	if (doc->encoding == MIF_ENC_LATIN1)
		return 1;
	return c >= 0xF0 ? 4 : 2; /* UTF-16: a surrogate pair or one unit */
}

/* Build the line index once; called only where the document may change
 * (adding a diagnostic), so that const readers never write. */
static void
index_lines(mif_doc *doc)
{
	if (doc->lines != NULL || doc->text == NULL)
		return;
	size_t n = 1;
	for (const char *p = doc->text, *end = p + doc->text_len;
	    (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++)
		n++;
	uint32_t *lines = malloc(n * sizeof *lines);
	size_t *offs = doc->transcoded ? malloc(n * sizeof *offs) : NULL;
	if (lines == NULL || (doc->transcoded && offs == NULL)) {
		free(lines);
		free(offs);
		return; /* places are then found by scanning */
	}
	size_t i = 0, off = doc->bom_len;
	lines[i] = 0;
	if (offs != NULL)
		offs[i] = off;
	i++;
	for (size_t k = 0; k < doc->text_len; k++) {
		unsigned char c = (unsigned char)doc->text[k];
		if (offs != NULL && (c & 0xC0) != 0x80)
			off += file_width(doc, c);
		if (c == '\n') {
			lines[i] = (uint32_t)(k + 1);
			if (offs != NULL)
				offs[i] = off;
			i++;
		}
	}
	doc->lines = lines;
	doc->nlines = n;
	doc->line_file_offsets = offs;
}

/* Line (from 1) and start offset of the line holding pos. */
static unsigned
find_line(const mif_doc *doc, uint32_t pos, uint32_t *start)
{
	if (doc->lines != NULL) {
		size_t lo = 0, hi = doc->nlines;
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (doc->lines[mid] <= pos)
				lo = mid;
			else
				hi = mid;
		}
		*start = doc->lines[lo];
		return (unsigned)lo + 1;
	}
	unsigned line = 1;
	uint32_t s = 0;
	for (uint32_t i = 0; i < pos && i < doc->text_len; i++) {
		if (doc->text[i] == '\n') {
			line++;
			s = i + 1;
		}
	}
	*start = s;
	return line;
}

/* Byte offset in the file as read of the line start `start`. */
static size_t
line_file_offset(const mif_doc *doc, unsigned line, uint32_t start)
{
	if (!doc->transcoded)
		return doc->bom_len + start;
	if (doc->line_file_offsets != NULL)
		return doc->line_file_offsets[line - 1];
	size_t off = doc->bom_len;
	for (uint32_t i = 0; i < start; i++) {
		unsigned char c = (unsigned char)doc->text[i];
		if ((c & 0xC0) != 0x80)
			off += file_width(doc, c);
	}
	return off;
}

mif_mark
mif_doc_mark(const mif_doc *doc, uint32_t pos)
{
	mif_mark m = { 0, 0, 0 };

	if (pos == MIF_NOPOS || doc->text == NULL)
		return m;
	if (pos > doc->text_len)
		pos = (uint32_t)doc->text_len;
	uint32_t start;
	m.line = find_line(doc, pos, &start);
	size_t off = line_file_offset(doc, m.line, start);
	unsigned col = 1;
	for (uint32_t i = start; i < pos; i++) {
		unsigned char c = (unsigned char)doc->text[i];
		bool lead = (c & 0xC0) != 0x80;
		col += lead;
		if (!doc->transcoded)
			off++;
		else if (lead)
			off += file_width(doc, c);
	}
	m.column = col;
	m.offset = off;
	return m;
}

const char *
mif_doc_line(const mif_doc *doc, unsigned line, size_t *len)
{
	if (doc->text == NULL || line == 0)
		return NULL;
	const char *p = doc->text, *end = doc->text + doc->text_len;
	if (doc->lines != NULL) {
		if (line > doc->nlines)
			return NULL;
		p += doc->lines[line - 1];
	} else {
		for (unsigned l = 1; l < line; l++) {
			p = memchr(p, '\n', (size_t)(end - p));
			if (p == NULL)
				return NULL;
			p++;
		}
	}
	const char *nl = memchr(p, '\n', (size_t)(end - p));
	const char *stop = nl != NULL ? nl : end;
	if (stop > p && stop[-1] == '\r')
		stop--;
	*len = (size_t)(stop - p);
	return p;
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
	if (doc->stopped)
		return false;
	/* Warnings are capped too, so a pathological file cannot grow the
	 * list without bound. */
	unsigned limit = doc->max_errors != 0 ? doc->max_errors : MIF_MAX_ERRORS_DEFAULT;
	bool over = severity >= MIF_ERROR ? doc->nerrors >= limit
	    : doc->ndiags >= (size_t)limit * 20;
	if (!doc->scanning)
		index_lines(doc);

	mif_error e;
	memset(&e, 0, sizeof e);
	set_source(&e, doc->source_name);
	if (!doc->scanning)
		e.mark = mif_doc_mark(doc, pos);
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
	e.severity = severity;
	if (!doc->scanning)
		e.context = mif_doc_mark(doc, context_pos);
	vsnprintf(e.text, sizeof e.text, fmt, ap);
	push(doc, &e, pos, context_pos);
	return true;
}

bool
mif_doc_damaged(const mif_doc *doc, uint32_t pos)
{
	for (size_t i = 0; i < doc->ndamaged; i++)
		if (doc->damaged[i] == pos)
			return true;
	return false;
}

void
mif_doc_scan_done(mif_doc *doc)
{
	doc->scanning = false;
	if (doc->ndiags == 0)
		return;
	index_lines(doc);
	for (size_t i = 0; i < doc->ndiags; i++) {
		doc->diags[i].mark = mif_doc_mark(doc, doc->diag_pos[2 * i]);
		doc->diags[i].context = mif_doc_mark(doc, doc->diag_pos[2 * i + 1]);
	}
}

unsigned
mif_doc_line_at(mif_doc *doc, uint32_t pos)
{
	if (!doc->scanning)
		return mif_doc_mark(doc, pos).line;
	if (pos < doc->cache_pos || doc->cache_line == 0) {
		doc->cache_pos = 0;
		doc->cache_line = 1;
	}
	for (uint32_t i = doc->cache_pos; i < pos; i++)
		doc->cache_line += doc->text[i] == '\n';
	doc->cache_pos = pos;
	return doc->cache_line;
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
