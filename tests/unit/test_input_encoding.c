/* Reading a MIF in an encoding: the byte-order mark, the encoding the
 * caller names, and the doubt about UTF-8 read as ISO 8859-1. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag_text.h"

/* A component named "Zürich AG" (in UTF-8): the "ü" on line 2, column
 * 11, file offset 26. */
#define ZURICH_UTF8 "START COMPONENT\n NAME = \"Z\xc3\xbcrich AG\"\n" \
    "END COMPONENT\n"

static mif_doc *
parse_as(const char *bytes, size_t len, bool given, mif_encoding encoding,
    mif_error *err)
{
	mif_parse_options o = { .source_name = "t.mif",
	    .input_encoding_given = given, .input_encoding = encoding };

	return mif_parse_buffer(bytes, len, &o, err);
}

static const char *
name_of(const mif_doc *doc)
{
	return mif_block_string(mif_doc_component(doc), MIF_KW_NAME)->bytes;
}

static void
test_names(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		mif_encoding encoding;
	} good[] = {
		{ "latin1", MIF_ENC_LATIN1 }, { "LATIN-1", MIF_ENC_LATIN1 },
		{ "l1", MIF_ENC_LATIN1 }, { "L1", MIF_ENC_LATIN1 },
		{ "iso-8859-1", MIF_ENC_LATIN1 }, { "ISO8859-1", MIF_ENC_LATIN1 },
		{ "ISO_8859_1", MIF_ENC_LATIN1 }, { "iso-latin-1", MIF_ENC_LATIN1 },
		{ "utf8", MIF_ENC_UTF8 }, { "UTF-8", MIF_ENC_UTF8 },
		{ "utf_8", MIF_ENC_UTF8 }, { "utf-16le", MIF_ENC_UTF16LE },
		{ "UTF16LE", MIF_ENC_UTF16LE }, { "utf-16-le", MIF_ENC_UTF16LE },
		{ "UTF-16BE", MIF_ENC_UTF16BE }, { "utf16be", MIF_ENC_UTF16BE },
	};
	static const char *const bad[] = {
		"", "-", "utf", "utf-16", "utf-32le", "iso-8859-15", "latin9",
		"ascii", "cp1252", "utf8 please", "ucs-2le",
		"u-t-f-8-u-t-f-8-u-t-f-8-u-t-f-8-u-t-f-8",
	};
	mif_encoding e;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		e = MIF_ENC_SOURCE;
		assert_true(mif_encoding_parse(good[i].name, &e));
		assert_int_equal(e, good[i].encoding);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		assert_false(mif_encoding_parse(bad[i], &e));
	assert_string_equal(mif_encoding_name(MIF_ENC_LATIN1), "ISO 8859-1");
	assert_string_equal(mif_encoding_name(MIF_ENC_UTF16BE), "UTF-16BE");
}

static void
test_utf8_read_as_latin1_is_doubted(void **state)
{
	(void)state;
	char buf[1024];
	mif_doc *doc = parse_text(ZURICH_UTF8);

	assert_int_equal(mif_doc_encoding(doc), MIF_ENC_LATIN1);
	assert_string_equal(name_of(doc), "Z\xc3\x83\xc2\xbcrich AG");
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "2:11: warning: no byte-order mark, so read as ISO 8859-1, but the "
	    "file is valid UTF-8 (\"Z\xc3\xbcrich\" is read as "
	    "\"Z\xc3\x83\xc2\xbcrich\"); say --input-encoding utf-8 if it is "
	    "UTF-8\n");
	const mif_error *doubt = mif_doc_encoding_doubt(doc);
	assert_non_null(doubt);
	assert_int_equal(doubt->code, MIF_E_ENCODING);
	assert_int_equal(doubt->mark.offset, 26);
	assert_int_equal(mif_doc_error_count(doc), 0);
	mif_doc_free(doc);
}

static void
test_doubt_shows_controls_and_stops_at_words(void **state)
{
	(void)state;
	char buf[1024];
	/* "€" is E2 82 AC: 0x82 is a C1 control in ISO 8859-1 */
	mif_doc *doc = parse_text("START COMPONENT NAME = \"12\xe2\x82\xac, "
	    "ok\" END COMPONENT\n");

	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "1:27: warning: no byte-order mark, so read as ISO 8859-1, but the "
	    "file is valid UTF-8 (\"12\xe2\x82\xac\" is read as "
	    "\"12\xc3\xa2\\x82\xc2\xac\"); say --input-encoding utf-8 if it is "
	    "UTF-8\n");
	mif_doc_free(doc);
}

static void
test_no_doubt(void **state)
{
	(void)state;
	/* ISO 8859-1 text: a lone high byte is no UTF-8 */
	mif_doc *doc = parse_text("START COMPONENT NAME = \"Z\xfcrich\" "
	    "END COMPONENT\n");
	assert_null(mif_doc_encoding_doubt(doc));
	assert_int_equal(mif_doc_diag_count(doc), 0);
	mif_doc_free(doc);
	/* ASCII reads the same in both */
	doc = parse_text("START COMPONENT NAME = \"Zurich\" END COMPONENT\n");
	assert_null(mif_doc_encoding_doubt(doc));
	mif_doc_free(doc);
	/* UTF-8 after the ^Z is not read */
	doc = parse_text("START COMPONENT NAME = \"Z\" END COMPONENT\n"
	    "\x1a\xc3\xbc");
	assert_null(mif_doc_encoding_doubt(doc));
	mif_doc_free(doc);
	/* the mark says UTF-8: nothing to doubt */
	doc = parse_text("\xef\xbb\xbf" ZURICH_UTF8);
	assert_null(mif_doc_encoding_doubt(doc));
	assert_string_equal(name_of(doc), "Z\xc3\xbcrich AG");
	mif_doc_free(doc);
	/* nor when the caller names ISO 8859-1 */
	doc = parse_as(ZURICH_UTF8, strlen(ZURICH_UTF8), true, MIF_ENC_LATIN1,
	    NULL);
	assert_null(mif_doc_encoding_doubt(doc));
	assert_int_equal(mif_doc_diag_count(doc), 0);
	assert_string_equal(name_of(doc), "Z\xc3\x83\xc2\xbcrich AG");
	mif_doc_free(doc);
}

static void
test_given_utf8(void **state)
{
	(void)state;
	mif_doc *doc = parse_as(ZURICH_UTF8, strlen(ZURICH_UTF8), true,
	    MIF_ENC_UTF8, NULL);

	assert_non_null(doc);
	assert_int_equal(mif_doc_encoding(doc), MIF_ENC_UTF8);
	assert_int_equal(mif_doc_diag_count(doc), 0);
	assert_string_equal(name_of(doc), "Z\xc3\xbcrich AG");
	/* written back, it gets its mark */
	char *out;
	size_t len;
	assert_int_equal(mif_write_buffer(doc, NULL, &out, &len, NULL), 0);
	assert_memory_equal(out, "\xef\xbb\xbf", 3);
	free(out);
	mif_doc_free(doc);
	/* with its mark too */
	doc = parse_as("\xef\xbb\xbf" ZURICH_UTF8, strlen(ZURICH_UTF8) + 3,
	    true, MIF_ENC_UTF8, NULL);
	assert_non_null(doc);
	assert_string_equal(name_of(doc), "Z\xc3\xbcrich AG");
	mif_doc_free(doc);
}

static void
test_given_utf8_invalid(void **state)
{
	(void)state;
	mif_error err;
	static const char bad[] = "START COMPONENT\n NAME = \"Z\xfcrich\"\n"
	    "END COMPONENT\n";

	assert_null(parse_as(bad, sizeof bad - 1, true, MIF_ENC_UTF8, &err));
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_string_equal(err.text, "invalid UTF-8 at byte 26");
	assert_int_equal(err.mark.line, 2);
	assert_int_equal(err.mark.column, 11);
	assert_int_equal(err.mark.offset, 26);
}

static void
test_given_utf16_without_mark(void **state)
{
	(void)state;
	static const char le[] = "S\0T\0A\0R\0T\0 \0C\0O\0M\0P\0O\0N\0E\0N\0T\0"
	    " \0N\0A\0M\0E\0=\0\"\0\xfc\0\"\0 \0E\0N\0D\0 \0"
	    "C\0O\0M\0P\0O\0N\0E\0N\0T\0";
	mif_doc *doc = parse_as(le, sizeof le - 1, true, MIF_ENC_UTF16LE, NULL);

	assert_non_null(doc);
	assert_int_equal(mif_doc_encoding(doc), MIF_ENC_UTF16LE);
	assert_int_equal(mif_doc_error_count(doc), 0);
	assert_string_equal(name_of(doc), "\xc3\xbc");
	mif_doc_free(doc);
	/* an odd byte at the end is placed */
	mif_error err;
	assert_null(parse_as(le, sizeof le - 2, true, MIF_ENC_UTF16LE, &err));
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_string_equal(err.text, "invalid UTF-16 at byte 74");
}

static void
test_mark_against_given(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		mif_encoding given;
		const char *text;
	} cases[] = {
		{ "\xef\xbb\xbfSTART COMPONENT", MIF_ENC_LATIN1,
		    "the file starts with the byte-order mark of UTF-8, but is "
		    "to be read as ISO 8859-1" },
		{ "\xff\xfeS\0", MIF_ENC_UTF8,
		    "the file starts with the byte-order mark of UTF-16LE, but "
		    "is to be read as UTF-8" },
		{ "\xfe\xff\0S", MIF_ENC_UTF16LE,
		    "the file starts with the byte-order mark of UTF-16BE, but "
		    "is to be read as UTF-16LE" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		mif_error err;
		size_t len = cases[i].bytes[0] == '\xef'
		    ? strlen(cases[i].bytes) : 4;
		assert_null(parse_as(cases[i].bytes, len, true, cases[i].given,
		    &err));
		assert_int_equal(err.code, MIF_E_ENCODING);
		assert_string_equal(err.text, cases[i].text);
		assert_int_equal(err.mark.line, 1);
		assert_int_equal(err.mark.column, 1);
		assert_int_equal(err.mark.offset, 0);
	}
}

static void
test_doubted_text_is_not_reencoded(void **state)
{
	(void)state;
	mif_doc *doc = parse_text(ZURICH_UTF8);
	mif_write_options utf8 = { MIF_ENC_UTF8, MIF_NL_SOURCE, MIF_EOF_SOURCE };
	mif_write_options latin1 = { MIF_ENC_LATIN1, MIF_NL_SOURCE, MIF_EOF_SOURCE };
	mif_error err;
	char *out = NULL;
	size_t len;

	assert_int_equal(mif_write_buffer(doc, &utf8, &out, &len, &err), -1);
	assert_null(out);
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_string_equal(err.text, "not written in UTF-8: the text read as "
	    "ISO 8859-1 may be UTF-8 (line 2); name the input encoding");
	/* in ISO 8859-1 its bytes stay as they were */
	assert_int_equal(mif_write_buffer(doc, &latin1, &out, &len, &err), 0);
	assert_non_null(strstr(out, "\"Z\xc3\xbcrich AG\""));
	free(out);
	mif_doc_free(doc);
}

/* ---- big inputs: the look for ^Z and high bytes made by the feed ---------- */

/* A text of over 4 MiB (the size from which the loader leaves its look
 * to the scanner's feed): `head` bytes, a component whose first and last
 * groups are named `first` and `last`, then `tail` bytes. */
static char *
big_text(const char *head, const char *first, const char *last,
    const char *tail, size_t tail_len, size_t *len)
{
	size_t cap = (6u << 20) + 4096, n = 0;
	char *t = malloc(cap);

	assert_non_null(t);
	n += (size_t)snprintf(t + n, cap - n, "%sSTART COMPONENT\nNAME = \"C\"\n",
	    head);
	for (unsigned id = 2; n < (5u << 20); id++)
		n += (size_t)snprintf(t + n, cap - n, "START GROUP\nNAME = \"%s\"\n"
		    "ID = %u\nCLASS = \"A|B|1\"\nSTART ATTRIBUTE\nNAME = \"a\"\n"
		    "ID = 1\nTYPE = INTEGER\nVALUE = 1\nEND ATTRIBUTE\nEND GROUP\n",
		    id == 2 ? first : n + 400 >= (5u << 20) ? last : "G", id);
	n += (size_t)snprintf(t + n, cap - n, "END COMPONENT\n");
	memcpy(t + n, tail, tail_len);
	*len = n + tail_len;
	return t;
}

static mif_doc *
parse_big(const char *text, size_t len, unsigned threads, unsigned max_errors,
    mif_error *err)
{
	mif_parse_options o = { .source_name = "t.mif", .threads = threads,
	    .max_errors = max_errors };

	return mif_parse_buffer(text, len, &o, err);
}

/* The NAME of the component's last group. */
static const char *
last_group_name(const mif_doc *doc)
{
	const mif_block *last = NULL;

	for (const mif_block *b = mif_doc_component(doc)->u.children;
	    b != NULL; b = b->next)
		last = b;
	assert_non_null(last);
	return mif_block_string(last, MIF_KW_NAME)->bytes;
}

/* A ^Z ends the text: what follows it is not read, in one thread or two,
 * nor when the parse stopped at its error cap long before it. */
static void
test_big_eof_mark_late(void **state)
{
	static const char tail[] = "\x1a" "garbage that is not MIF";
	size_t len;
	char *t = big_text("", "First", "Last", tail, sizeof tail - 1, &len);
	char buf[512];
	mif_error err;

	(void)state;
	for (unsigned threads = 1; threads <= 2; threads++) {
		mif_doc *doc = parse_big(t, len, threads, 0, &err);
		assert_non_null(doc);
		assert_true(mif_doc_eof_mark(doc));
		assert_string_equal(diag_text(doc, buf, sizeof buf), "");
		mif_doc_free(doc);
	}
	/* an unknown word on line 1 stops the parse at one error */
	memcpy(t, "XTART", 5);
	mif_doc *doc = parse_big(t, len, 0, 1, &err);
	assert_non_null(doc);
	assert_true(mif_doc_eof_mark(doc));
	mif_doc_free(doc);
	free(t);
}

/* A byte over 0x7F near the end of a big ISO 8859-1 text, or near its
 * start, is transcoded as in a small one, in one thread or two. */
static void
test_big_latin1(void **state)
{
	static const char *const names[][2] = {
		{ "First", "Z\xfcrich" }, { "Z\xfcrich", "Last" },
	};
	mif_error err;

	(void)state;
	for (size_t i = 0; i < 2; i++) {
		size_t len;
		char *t = big_text("", names[i][0], names[i][1], "", 0, &len);
		for (unsigned threads = 1; threads <= 2; threads++) {
			mif_doc *doc = parse_big(t, len, threads, 0, &err);
			assert_non_null(doc);
			assert_int_equal(mif_doc_encoding(doc), MIF_ENC_LATIN1);
			assert_null(mif_doc_encoding_doubt(doc));
			assert_string_equal(last_group_name(doc),
			    i == 0 ? "Z\xc3\xbcrich" : "Last");
			assert_int_equal(mif_doc_diag_count(doc), 0);
			mif_doc_free(doc);
		}
		free(t);
	}
}

/* UTF-8 without a mark near the end of a big text: doubted, with its
 * line, as in a small one. */
static void
test_big_utf8_doubted_late(void **state)
{
	size_t len;
	char *t = big_text("", "First", "Z\xc3\xbcrich", "", 0, &len);
	mif_error err;
	unsigned line = 1;

	(void)state;
	const char *z = strstr(t, "Z\xc3\xbc");
	for (const char *c = t; c < z; c++)
		line += *c == '\n';
	mif_doc *doc = parse_big(t, len, 0, 0, &err);
	assert_non_null(doc);
	const mif_error *doubt = mif_doc_encoding_doubt(doc);
	assert_non_null(doubt);
	assert_int_equal(doubt->mark.line, line);
	mif_doc_free(doc);
	free(t);
}

/* Invalid UTF-8 near the end of a big text with a mark: refused, with its
 * offset, as in a small one. */
static void
test_big_utf8_invalid_late(void **state)
{
	size_t len;
	char *t = big_text("\xef\xbb\xbf", "First", "Z\xfcrich", "", 0, &len);
	char want[64];
	mif_error err;

	(void)state;
	snprintf(want, sizeof want, "invalid UTF-8 at byte %zu",
	    (size_t)(strstr(t, "Z\xfc") - t) + 1);
	assert_null(parse_big(t, len, 0, 0, &err));
	assert_int_equal(err.code, MIF_E_ENCODING);
	assert_string_equal(err.text, want);
	free(t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_utf8_read_as_latin1_is_doubted),
		cmocka_unit_test(test_doubt_shows_controls_and_stops_at_words),
		cmocka_unit_test(test_no_doubt),
		cmocka_unit_test(test_given_utf8),
		cmocka_unit_test(test_given_utf8_invalid),
		cmocka_unit_test(test_given_utf16_without_mark),
		cmocka_unit_test(test_mark_against_given),
		cmocka_unit_test(test_doubted_text_is_not_reencoded),
		cmocka_unit_test(test_big_eof_mark_late),
		cmocka_unit_test(test_big_latin1),
		cmocka_unit_test(test_big_utf8_doubted_late),
		cmocka_unit_test(test_big_utf8_invalid_late),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
