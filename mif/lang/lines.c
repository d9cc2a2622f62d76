/*
 * The line index: from a byte position in a document's text to its
 * line, column and offset in the file, at a cost that does not depend on
 * where the position lies.  It is built forward, only as far as the
 * places asked for need, so a file whose only diagnostic is near the top
 * pays for the top alone.
 */
#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"

/* Characters (UTF-8 lead bytes) and file bytes are counted at every
 * block boundary, so a column or an offset never needs more than one
 * block of counting, however long its line. */
#define LINES_BLOCK 4096u

static bool
is_lead(unsigned char c)
{
	return (c & 0xC0) != 0x80;
}

/* File bytes taken by the character whose UTF-8 lead byte is c, in a
 * transcoded text. */
static size_t
file_width(const mif_doc *doc, unsigned char c)
{
	if (doc->encoding == MIF_ENC_LATIN1)
		return 1;
	return c >= 0xF0 ? 4 : 2; /* UTF-16: a surrogate pair or one unit */
}

/* Counts of the text's bytes [from, to): characters and file bytes. */
static void
count(const mif_doc *doc, size_t from, size_t to, uint32_t *chars,
    size_t *bytes)
{
	const unsigned char *t = (const unsigned char *)doc->text;
	uint32_t c = 0;
	size_t b = 0;

	if (!doc->transcoded) {
		for (size_t i = from; i < to; i++)
			c += is_lead(t[i]);
		*chars = c;
		*bytes = to - from;
		return;
	}
	for (size_t i = from; i < to; i++) {
		if (is_lead(t[i])) {
			c++;
			b += file_width(doc, t[i]);
		}
	}
	*chars = c;
	*bytes = b;
}

void
mif_lines_free(mif_lines *li)
{
	if (li == NULL)
		return;
	free(li->starts);
	free(li->blk_chars);
	free(li->blk_offs);
	memset(li, 0, sizeof *li);
}

bool
mif_lines_extend(mif_lines *li, const mif_doc *doc, size_t upto)
{
	if (upto > doc->text_len)
		upto = doc->text_len;
	if (li->n == 0) {
		if (!mif_vec_reserve((void **)&li->starts, &li->starts_cap, 0, sizeof *li->starts))
			return false;
		li->starts[li->n++] = 0;
	}
	const char *text = doc->text, *end = text + upto;
	for (const char *p = text + li->done;
	    p < end && (p = memchr(p, '\n', (size_t)(end - p))) != NULL; p++) {
		if (!mif_vec_reserve((void **)&li->starts, &li->starts_cap, li->n,
		    sizeof *li->starts))
			return false;
		li->starts[li->n++] = (uint32_t)(p - text + 1);
	}
	if (upto > li->done)
		li->done = upto;
	/* Blocks wholly before upto, and the one upto falls in. */
	size_t want = upto / LINES_BLOCK + 1;
	while (li->nblk < want) {
		if (!mif_vec_reserve((void **)&li->blk_chars, &li->blk_chars_cap, li->nblk,
		    sizeof *li->blk_chars) ||
		    !mif_vec_reserve((void **)&li->blk_offs, &li->blk_offs_cap, li->nblk,
		    sizeof *li->blk_offs))
			return false;
		if (li->nblk == 0) {
			li->blk_chars[0] = 0;
			li->blk_offs[0] = doc->bom_len;
		} else {
			size_t k = li->nblk - 1, start = k * LINES_BLOCK;
			size_t stop = start + LINES_BLOCK;
			uint32_t c;
			size_t b;
			count(doc, start, stop < doc->text_len ? stop : doc->text_len,
			    &c, &b);
			li->blk_chars[li->nblk] = li->blk_chars[k] + c;
			li->blk_offs[li->nblk] = li->blk_offs[k] + b;
		}
		li->nblk++;
	}
	return true;
}

bool
mif_lines_complete(const mif_lines *li, const mif_doc *doc)
{
	return li->n > 0 && li->done >= doc->text_len;
}

/* Characters before pos, and the file offset of pos. */
static void
place_of(const mif_lines *li, const mif_doc *doc, uint32_t pos,
    uint32_t *chars, size_t *offset)
{
	size_t k = pos / LINES_BLOCK;
	uint32_t c;
	size_t b;

	count(doc, k * LINES_BLOCK, pos, &c, &b);
	*chars = li->blk_chars[k] + c;
	*offset = li->blk_offs[k] + b;
}

mif_mark
mif_lines_mark(const mif_lines *li, const mif_doc *doc, uint32_t pos)
{
	mif_mark m = { 0, 0, 0 };
	size_t lo = 0, hi = li->n;

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (li->starts[mid] <= pos)
			lo = mid;
		else
			hi = mid;
	}
	uint32_t start = li->starts[lo], at_start, at_pos;
	size_t off_start, off_pos;
	m.line = (unsigned)lo + 1;
	/* A place near its line's start, as most are, is counted from
	 * there: less than the blocks' up to two times LINES_BLOCK bytes. */
	if (pos - start < LINES_BLOCK && !doc->transcoded) {
		count(doc, start, pos, &at_pos, &off_pos);
		m.column = (unsigned)at_pos + 1;
		m.offset = doc->bom_len + pos;
		return m;
	}
	place_of(li, doc, start, &at_start, &off_start);
	place_of(li, doc, pos, &at_pos, &off_pos);
	m.column = (unsigned)(at_pos - at_start) + 1;
	m.offset = off_pos;
	return m;
}

bool
mif_lines_line(const mif_lines *li, const mif_doc *doc, unsigned line,
    uint32_t *start, uint32_t *end)
{
	if (line < 1 || line > li->n)
		return false;
	*start = li->starts[line - 1];
	if (line == li->n) {
		/* The last line has no line end: a carriage return there is
		 * one of its characters (mif(5)). */
		*end = (uint32_t)doc->text_len;
		return true;
	}
	*end = li->starts[line] - 1; /* its line feed */
	if (*end > *start && doc->text[*end - 1] == '\r')
		(*end)--;
	return true;
}

uint32_t
mif_lines_column(const mif_lines *li, const mif_doc *doc, uint32_t start,
    uint32_t end, unsigned column)
{
	const unsigned char *t = (const unsigned char *)doc->text;
	uint32_t before;
	size_t offset;

	place_of(li, doc, start, &before, &offset);
	/* the characters before the one wanted, counted from the text's start */
	uint64_t want = (uint64_t)before + (column > 0 ? column - 1 : 0);
	/* the last block, from start's, whose first byte is at or before it */
	size_t first = start / LINES_BLOCK, lo = first, hi = end / LINES_BLOCK + 1;
	if (hi > li->nblk) /* an index grown as far as end - 1 */
		hi = li->nblk;
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;
		if (li->blk_chars[mid] <= want)
			lo = mid;
		else
			hi = mid;
	}
	size_t p = lo == first ? start : lo * LINES_BLOCK;
	uint64_t c = lo == first ? before : li->blk_chars[lo];
	for (; p < end; p++) {
		if (is_lead(t[p])) {
			if (c == want)
				return (uint32_t)p;
			c++;
		}
	}
	return end;
}
