/*
 * Places (line, column, file offset) of positions in a document, checked
 * against a count made here byte by byte: on lines much longer than the
 * line index's blocks, in transcoded texts, and from several threads
 * asking at once for the places of a document that has none yet.
 */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mif.h"

/* The place of pos in text counted from the start: the reference. */
static mif_mark
naive_mark(const char *text, size_t pos, size_t bom, int width_mode)
{
	mif_mark m = { 1, 1, bom };

	for (size_t i = 0; i < pos; i++) {
		unsigned char c = (unsigned char)text[i];
		bool lead = (c & 0xC0) != 0x80;
		if (c == '\n') {
			m.line++;
			m.column = 1;
		} else {
			m.column += lead;
		}
		if (width_mode == 0)
			m.offset++;                      /* the file is the text */
		else if (width_mode == 1)
			m.offset += lead;                /* ISO 8859-1 */
		else if (lead)
			m.offset += c >= 0xF0 ? 4 : 2;   /* UTF-16 */
	}
	return m;
}

/* Every place in doc, whose text is text_len bytes, is the reference's. */
static void
check_every_place(const mif_doc *doc, size_t text_len, size_t bom,
    int width_mode)
{
	size_t len;
	const char *text = mif_doc_line(doc, 1, &len);
	assert_non_null(text);
	mif_mark want = { 1, 1, bom };
	size_t at = 0;
	/* (the end of the text is placed after its last line: see
	 * test_eof_inside) */
	for (size_t pos = 0; pos < text_len; pos += 37) {
		/* advance the reference from where it was */
		mif_mark step = naive_mark(text + at, pos - at, 0, width_mode);
		if (step.line > 1) {
			want.line += step.line - 1;
			want.column = step.column;
		} else {
			want.column += step.column - 1;
		}
		want.offset += step.offset;
		at = pos;
		mif_mark got = mif_doc_mark(doc, (uint32_t)pos);
		assert_int_equal(got.line, want.line);
		assert_int_equal(got.column, want.column);
		assert_int_equal(got.offset, want.offset);
	}
}

/* A comment line of n copies of piece, then a short component. */
static char *
long_line(const char *piece, size_t n, size_t *len)
{
	const char *tail = "\nSTART COMPONENT\n  NAME = \"x\"\nEND COMPONENT\n";
	size_t plen = strlen(piece), tlen = strlen(tail);
	char *buf = malloc(2 + n * plen + tlen + 1);
	assert_non_null(buf);
	memcpy(buf, "//", 2);
	for (size_t i = 0; i < n; i++)
		memcpy(buf + 2 + i * plen, piece, plen);
	memcpy(buf + 2 + n * plen, tail, tlen + 1);
	*len = 2 + n * plen + tlen;
	return buf;
}

static void
test_long_line_utf8(void **state)
{
	(void)state;
	size_t len;
	char *src = long_line("a\xC3\xA9\xE2\x82\xAC", 5000, &len);
	/* read as UTF-8 by its byte-order mark */
	assert_true(len > 3);
	char *bom = malloc(len + 3);
	assert_non_null(bom);
	memcpy(bom, "\xEF\xBB\xBF", 3);
	memcpy(bom + 3, src, len);
	mif_doc *doc = mif_parse_buffer(bom, len + 3, NULL, NULL);
	free(bom);
	assert_non_null(doc);
	check_every_place(doc, len, 3, 0);
	mif_doc_free(doc);
	free(src);
}

static void
test_long_line_latin1(void **state)
{
	(void)state;
	size_t len;
	char *src = long_line("a\xE9", 9000, &len);
	mif_doc *doc = mif_parse_buffer(src, len, NULL, NULL);
	assert_non_null(doc);
	/* each \xE9 became two bytes of UTF-8 */
	check_every_place(doc, len + 9000, 0, 1);
	mif_doc_free(doc);
	free(src);
}

static void
test_long_line_utf16(void **state)
{
	(void)state;
	/* U+00E9 and U+1F600 (a surrogate pair) many times on one line */
	size_t n = 4000, len = 0;
	unsigned char *src = malloc(2 + 4 + n * 6 + 64);
	assert_non_null(src);
	src[len++] = 0xFF;
	src[len++] = 0xFE;
	const uint16_t head[] = { '/', '/' };
	for (size_t i = 0; i < 2; i++) {
		src[len++] = (unsigned char)head[i];
		src[len++] = 0;
	}
	for (size_t i = 0; i < n; i++) {
		const unsigned char units[] = { 0xE9, 0x00, 0x3D, 0xD8, 0x00, 0xDE };
		memcpy(src + len, units, sizeof units);
		len += sizeof units;
	}
	const char *tail = "\nSTART COMPONENT\n";
	for (const char *t = tail; *t != '\0'; t++) {
		src[len++] = (unsigned char)*t;
		src[len++] = 0;
	}
	mif_doc *doc = mif_parse_buffer(src, len, NULL, NULL);
	assert_non_null(doc);
	/* text: "//", n times (2 + 4 bytes), the tail */
	check_every_place(doc, 2 + n * 6 + strlen(tail), 2, 2);
	mif_doc_free(doc);
	free(src);
}

/* A diagnostic far along a long line has the place the text gives. */
static void
test_diagnostic_far_along_a_line(void **state)
{
	(void)state;
	size_t n = 20000, len = 0;
	char *src = malloc(n + 64);
	assert_non_null(src);
	len += (size_t)sprintf(src, "START COMPONENT ");
	memset(src + len, ' ', n);
	len += n;
	len += (size_t)sprintf(src + len, "@\nEND COMPONENT\n");
	mif_doc *doc = mif_parse_buffer(src, len, NULL, NULL);
	assert_non_null(doc);
	const mif_error *e = mif_doc_diag(doc, 0);
	assert_non_null(e);
	assert_int_equal(e->mark.line, 1);
	assert_int_equal(e->mark.column, 16 + n + 1);
	assert_int_equal(e->mark.offset, 16 + n);
	mif_doc_free(doc);
	free(src);
}

/* The bytes of text that start a character: all but UTF-8's
 * continuation bytes, for a text of valid UTF-8. */
static bool
starts_char(const char *text, size_t i)
{
	return ((unsigned char)text[i] & 0xC0) != 0x80;
}

/* Line 1 of a long line of characters of one to four bytes: every part,
 * for many columns and sizes, is the one counted here. */
static void
test_line_part_long_line(void **state)
{
	(void)state;
	size_t len;
	char *src = long_line("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80", 3000, &len);
	mif_parse_options o = { .input_encoding_given = true,
	    .input_encoding = MIF_ENC_UTF8 };
	mif_doc *doc = mif_parse_buffer(src, len, &o, NULL);
	assert_non_null(doc);
	size_t line_len;
	const char *line = mif_doc_line(doc, 1, &line_len);
	assert_non_null(line);
	assert_int_equal(line_len, 2 + 3000 * 10);
	const size_t sizes[] = { 0, 1, 2, 3, 5, 97, 480, 40000 };
	unsigned column = 1;
	for (size_t at = 0; at <= line_len; at++) {
		if (at < line_len && !starts_char(line, at))
			continue;
		column++;
		if (column % 7 != 0 && at != line_len)
			continue;
		for (size_t b = 0; b < sizeof sizes / sizeof sizes[0]; b++) {
			size_t before = sizes[b], after = sizes[(b + 3) % 8];
			size_t from = at > before ? at - before : 0;
			while (from < at && !starts_char(line, from))
				from++;
			size_t to = line_len - at > after ? at + after : line_len;
			while (to > at && to < line_len && !starts_char(line, to))
				to--;
			mif_line_part part;
			assert_true(mif_doc_line_part(doc, 1, column - 1, before,
			    after, &part));
			assert_ptr_equal(part.text, line + from);
			assert_int_equal(part.len, to - from);
			assert_int_equal(part.at, at - from);
			assert_int_equal(part.cut_before, from > 0);
			assert_int_equal(part.cut_after, to < line_len);
		}
	}
	/* a column past the end of the line is at its end */
	mif_line_part part;
	assert_true(mif_doc_line_part(doc, 1, 100000, 3, 3, &part));
	assert_ptr_equal(part.text + part.at, line + line_len);
	assert_false(mif_doc_line_part(doc, 9, 1, 3, 3, &part));
	mif_doc_free(doc);
	free(src);
}

/* A cut that falls inside a character takes none of it. */
static void
test_line_part_cut_characters(void **state)
{
	(void)state;
	/* columns: 1-2 "//", 3 U+1F600 (4 bytes), 4 "b", 5 U+20AC (3 bytes) */
	const char src[] = "//\xF0\x9F\x98\x80" "b\xE2\x82\xAC\n";
	mif_parse_options o = { .input_encoding_given = true,
	    .input_encoding = MIF_ENC_UTF8 };
	mif_doc *doc = mif_parse_buffer(src, sizeof src - 1, &o, NULL);
	assert_non_null(doc);
	size_t len;
	const char *line = mif_doc_line(doc, 1, &len);
	assert_int_equal(len, 10);
	mif_line_part part;
	/* 3 bytes before "b": inside U+1F600, so none of it */
	assert_true(mif_doc_line_part(doc, 1, 4, 3, 1, &part));
	assert_ptr_equal(part.text, line + 6);
	assert_int_equal(part.at, 0);
	assert_int_equal(part.len, 1);
	assert_true(part.cut_before);
	assert_true(part.cut_after);
	/* 4 bytes: all of it; 3 after: "b" and not the euro sign's half */
	assert_true(mif_doc_line_part(doc, 1, 4, 4, 3, &part));
	assert_ptr_equal(part.text, line + 2);
	assert_int_equal(part.at, 4);
	assert_int_equal(part.len, 5);
	assert_true(part.cut_after);
	/* 4 after: to the line's end */
	assert_true(mif_doc_line_part(doc, 1, 4, 6, 4, &part));
	assert_ptr_equal(part.text, line);
	assert_int_equal(part.len, 10);
	assert_false(part.cut_before);
	assert_false(part.cut_after);
	mif_doc_free(doc);
}

/* A line ends with a line feed, the carriage return before it not
 * being part of the line; a carriage return alone ends no line. */
static void
test_line_ends(void **state)
{
	(void)state;
	const char src[] = "// a\rb\r\n// c\r\r\n// d\r";
	mif_doc *doc = mif_parse_buffer(src, sizeof src - 1, NULL, NULL);
	assert_non_null(doc);
	size_t len;
	const char *line = mif_doc_line(doc, 1, &len);
	assert_int_equal(len, 6);
	assert_memory_equal(line, "// a\rb", 6);
	line = mif_doc_line(doc, 2, &len);
	assert_int_equal(len, 5);
	assert_memory_equal(line, "// c\r", 5);
	line = mif_doc_line(doc, 3, &len);
	assert_int_equal(len, 5);
	assert_memory_equal(line, "// d\r", 5);
	assert_null(mif_doc_line(doc, 4, &len));
	mif_line_part part;
	assert_true(mif_doc_line_part(doc, 3, 6, 10, 10, &part));
	assert_int_equal(part.len, 5);
	assert_int_equal(part.at, 5);
	mif_doc_free(doc);
}

/* src parsed twice as enc: the quote of every diagnostic's line, asked
 * of the first document while it has only the index its parse grew for
 * its diagnostics, is the one the second gives once its whole index is
 * built. */
static void
compare_line_parts(const char *src, size_t len, mif_encoding enc)
{
	static const size_t windows[] = { 0, 1, 2, 3, 7, 40, 100000 };
	mif_parse_options opts = { .input_encoding_given = true,
	    .input_encoding = enc };
	mif_doc *grown = mif_parse_buffer(src, len, &opts, NULL);
	mif_doc *whole = mif_parse_buffer(src, len, &opts, NULL);
	assert_non_null(grown);
	assert_non_null(whole);
	size_t n = mif_doc_diag_count(grown), line_len;
	assert_true(n >= 4);
	assert_non_null(mif_doc_line(whole, 1, &line_len)); /* whole index */
	for (size_t i = 0; i < n; i++) {
		const mif_error *d = mif_doc_diag(grown, i);
		for (size_t w = 0; w < sizeof windows / sizeof *windows; w++) {
			mif_line_part a, b;
			bool got_a = mif_doc_line_part(grown, d->mark.line,
			    d->mark.column, windows[w], windows[w], &a);
			bool got_b = mif_doc_line_part(whole, d->mark.line,
			    d->mark.column, windows[w], windows[w], &b);
			assert_true(got_a);
			assert_true(got_b);
			assert_int_equal(a.len, b.len);
			assert_int_equal(a.at, b.at);
			assert_int_equal(a.cut_before, b.cut_before);
			assert_int_equal(a.cut_after, b.cut_after);
			assert_memory_equal(a.text, b.text, a.len);
		}
	}
	/* the last diagnostic's line quoted whole, without its line end */
	const mif_error *last = mif_doc_diag(grown, n - 1);
	mif_line_part part;
	assert_true(mif_doc_line_part(grown, last->mark.line, 1, 0, 100, &part));
	assert_false(part.cut_after);
	assert_int_equal(part.len,
	    strlen("START GROUP NAME = \"x\\q\" END GROUP END COMPONENT"));
	mif_doc_free(grown);
	mif_doc_free(whole);
}

/* Diagnostics near the top of a long file, on short lines and far along
 * a long one, with CRLF line ends, and the last on the last line or on
 * the line before a last one (see compare_line_parts). */
static void
test_line_part_before_whole_index(void **state)
{
	(void)state;
	size_t cap = 400000, len = 0;
	char *src = malloc(cap);
	assert_non_null(src);
	len += (size_t)sprintf(src + len, "START COMPONENT\r\nNAME = \"a\\qb\"\r\n"
	    "DESCRIPTION = \"");
	for (int i = 0; i < 3000; i++)
		src[len++] = (char)('a' + i % 26);
	len += (size_t)sprintf(src + len, "\\q\xC3\xA9");
	for (int i = 0; i < 3000; i++)
		src[len++] = (char)('a' + i % 26);
	len += (size_t)sprintf(src + len,
	    "\"\r\nSTART GROUP\r\nNAME = \"g\\q\"\r\n");
	for (int i = 0; i < 20000; i++)
		len += (size_t)sprintf(src + len, "// filler %d\r\n", i);
	len += (size_t)sprintf(src + len,
	    "END GROUP\r\nSTART GROUP NAME = \"x\\q\" END GROUP END COMPONENT");
	size_t tail = len;
	len += (size_t)sprintf(src + len, "\r\n// more\r\n");
	assert_true(len < cap);
	/* UTF-8 as it is, and ISO 8859-1 transcoded; the last diagnostic on
	 * the last line, and on one with a line end */
	for (int enc = 0; enc < 2; enc++) {
		mif_encoding e = enc == 0 ? MIF_ENC_UTF8 : MIF_ENC_LATIN1;
		compare_line_parts(src, tail, e);
		compare_line_parts(src, len, e);
	}
	free(src);
}

struct asker {
	const mif_doc *doc;
	size_t text_len;
	mif_mark last;
};

static void *
ask_places(void *arg)
{
	struct asker *a = arg;
	for (size_t pos = 0; pos <= a->text_len; pos += 101)
		a->last = mif_doc_mark(a->doc, (uint32_t)pos);
	a->last = mif_doc_mark(a->doc, (uint32_t)a->text_len - 1);
	return NULL;
}

/* The first places of a document asked from four threads at once: one
 * index is built and every thread gets the same answers. */
static void
test_threads_build_one_index(void **state)
{
	(void)state;
	size_t len;
	char *src = long_line("line\n//", 20000, &len);
	mif_doc *doc = mif_parse_buffer(src, len, NULL, NULL);
	assert_non_null(doc);
	assert_int_equal(mif_doc_diag_count(doc), 0);
	struct asker askers[4];
	pthread_t threads[4];
	for (int i = 0; i < 4; i++) {
		askers[i] = (struct asker){ doc, len, { 0, 0, 0 } };
		assert_int_equal(pthread_create(&threads[i], NULL, ask_places,
		    &askers[i]), 0);
	}
	for (int i = 0; i < 4; i++)
		assert_int_equal(pthread_join(threads[i], NULL), 0);
	mif_mark want = naive_mark(src, len - 1, 0, 0);
	for (int i = 0; i < 4; i++) {
		assert_int_equal(askers[i].last.line, want.line);
		assert_int_equal(askers[i].last.column, want.column);
		assert_int_equal(askers[i].last.offset, want.offset);
	}
	mif_doc_free(doc);
	free(src);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_long_line_utf8),
		cmocka_unit_test(test_long_line_latin1),
		cmocka_unit_test(test_long_line_utf16),
		cmocka_unit_test(test_diagnostic_far_along_a_line),
		cmocka_unit_test(test_line_part_long_line),
		cmocka_unit_test(test_line_part_cut_characters),
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_line_part_before_whole_index),
		cmocka_unit_test(test_threads_build_one_index),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
