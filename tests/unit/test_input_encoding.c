/* Reading a MIF in an encoding: the byte-order mark, the encoding the
 * caller names, and the doubt about UTF-8 read as ISO 8859-1. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
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
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
