/* The canonical writer: exact output for every construct, encodings and
 * line ends, idempotence, and round trips equal under mif_doc_same. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mif.h"

static mif_doc *
parse_bytes(const char *data, size_t len)
{
	mif_error err;
	mif_doc *doc = mif_parse_buffer(data, len, NULL, &err);

	assert_non_null(doc);
	if (mif_doc_error_count(doc) != 0)
		fail_msg("parse error: %u:%u: %s", err.mark.line, err.mark.column,
		    err.text);
	return doc;
}

static char *
write_doc(const mif_doc *doc, const mif_write_options *opts, size_t *len)
{
	mif_error err;
	char *out = NULL;

	if (mif_write_buffer(doc, opts, &out, len, &err) != 0)
		fail_msg("write failed: %s", err.text);
	assert_non_null(out);
	return out;
}

/* Show bytes readably when an expectation fails. */
static void
assert_bytes(const char *got, size_t got_len, const char *want, size_t want_len)
{
	if (got_len == want_len && memcmp(got, want, got_len) == 0)
		return;
	print_error("expected (%zu bytes):\n%.*s\ngot (%zu bytes):\n%.*s\n",
	    want_len, (int)want_len, want, got_len, (int)got_len, got);
	fail();
}

/* Formatting the output again gives the same bytes, and its tree is the
 * input's. */
static void
assert_stable(const mif_doc *doc, const char *out, size_t len,
    const mif_write_options *opts)
{
	mif_doc *again = parse_bytes(out, len);
	char why[256];
	if (!mif_doc_same(doc, again, why, sizeof why))
		fail_msg("round trip differs: %s", why);
	size_t len2;
	char *out2 = write_doc(again, opts, &len2);
	assert_bytes(out2, len2, out, len);
	free(out2);
	mif_doc_free(again);
}

/* Parse `in`, write it keeping its encoding and line ends, expect `want`. */
static void
assert_canonical(const char *in, const char *want)
{
	mif_doc *doc = parse_bytes(in, strlen(in));
	size_t len;
	char *out = write_doc(doc, NULL, &len);

	assert_bytes(out, len, want, strlen(want));
	assert_stable(doc, out, len, NULL);
	free(out);
	mif_doc_free(doc);
}

static void
test_statements_and_layout(void **state)
{
	(void)state;
	assert_canonical(
	    "start component\n"
	    "    name = \"Demo\"\n"
	    "  description = \"split \"\n"
	    "      \"over lines\"\n"
	    "\n\n"
	    "start group\n"
	    "name=\"G\" class = \"X|Y|1.0\" id = 1\n"
	    "\tstart attribute\n"
	    "name = \"A\" id = 1 type = integer value = 5\n"
	    "end attribute\n"
	    "\n"
	    "Start Attribute\n"
	    "Name = \"B\" Id = 2 Type = String(64) Value = \"b\"\n"
	    "End Attribute\n"
	    "end group\n"
	    "end component\n",
	    "START COMPONENT\n"
	    "  NAME = \"Demo\"\n"
	    "  DESCRIPTION = \"split over lines\"\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"G\"\n"
	    "    CLASS = \"X|Y|1.0\"\n"
	    "    ID = 1\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"A\"\n"
	    "      ID = 1\n"
	    "      TYPE = INTEGER\n"
	    "      VALUE = 5\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"B\"\n"
	    "      ID = 2\n"
	    "      TYPE = STRING(64)\n"
	    "      VALUE = \"b\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
}

static void
test_component_statements(void **state)
{
	(void)state;
	assert_canonical(
	    "START COMPONENT NAME = \"C\" LANGUAGE = \"en|US|iso8859-1\" "
	    "PRAGMA = \"SNMP:1.2.3\" DESCRIPTION = \"d\" END COMPONENT",
	    "START COMPONENT\n"
	    "  NAME = \"C\"\n"
	    "  LANGUAGE = \"en|US|iso8859-1\"\n"
	    "  PRAGMA = \"SNMP:1.2.3\"\n"
	    "  DESCRIPTION = \"d\"\n"
	    "END COMPONENT\n");
}

static void
test_path_and_overlay(void **state)
{
	(void)state;
	assert_canonical(
	    "start component name = \"P\"\n"
	    "start paths\n"
	    "name = \"Lib\"\n"
	    "win32 = \"lib.dll\"\n"
	    "dos = direct-interface\n"
	    "WinNT = Direct-Interface OS2 = \"lib2\"\n"
	    "end paths\n"
	    "start group name = \"G\" class = \"a|b|1\" id = 1\n"
	    "start attribute name = \"A\" id = 1 type = integer\n"
	    "value = *\"Lib\"\n"
	    "end attribute end group\n"
	    "end component\n",
	    "START COMPONENT\n"
	    "  NAME = \"P\"\n"
	    "\n"
	    "  START PATH\n"
	    "    NAME = \"Lib\"\n"
	    "    WIN32 = \"lib.dll\"\n"
	    "    DOS = DIRECT-INTERFACE\n"
	    "    WINNT = DIRECT-INTERFACE\n"
	    "    OS2 = \"lib2\"\n"
	    "  END PATH\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"G\"\n"
	    "    CLASS = \"a|b|1\"\n"
	    "    ID = 1\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"A\"\n"
	    "      ID = 1\n"
	    "      TYPE = INTEGER\n"
	    "      VALUE = *\"Lib\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
}

static void
test_enums(void **state)
{
	(void)state;
	assert_canonical(
	    "start component name = \"E\"\n"
	    "start enum\n"
	    "name = \"Verify_Type\" type = integer\n"
	    "0x00 = \"An error occurred\"\n"
	    "7 = \"Fine\"\n"
	    "010 = \"eight\"\n"
	    "end enum\n"
	    "start group name = \"G\" class = \"a|b|1\" id = 2\n"
	    "start attribute name = \"V\" id = 1 type = \"Verify_Type\"\n"
	    "value = \"Fine\" end attribute\n"
	    "start attribute name = \"W\" id = 2\n"
	    "type = start enum 0 = \"off\" 1 = \"on\" end enum\n"
	    "value = 1 end attribute\n"
	    "end group\n"
	    "end component\n",
	    "START COMPONENT\n"
	    "  NAME = \"E\"\n"
	    "\n"
	    "  START ENUM\n"
	    "    NAME = \"Verify_Type\"\n"
	    "    TYPE = INTEGER\n"
	    "    0x00 = \"An error occurred\"\n"
	    "    7 = \"Fine\"\n"
	    "    010 = \"eight\"\n"
	    "  END ENUM\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"G\"\n"
	    "    CLASS = \"a|b|1\"\n"
	    "    ID = 2\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"V\"\n"
	    "      ID = 1\n"
	    "      TYPE = \"Verify_Type\"\n"
	    "      VALUE = \"Fine\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"W\"\n"
	    "      ID = 2\n"
	    "      TYPE = START ENUM\n"
	    "        0 = \"off\"\n"
	    "        1 = \"on\"\n"
	    "      END ENUM\n"
	    "      VALUE = 1\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
}

/* One attribute per type, as written (INT stays INT). */
static void
test_every_type(void **state)
{
	(void)state;
	static const char *const in[] = {
		"integer", "INT", "Integer64", "int64", "counter", "counter64",
		"gauge", "string(64)", "displaystring(0x10)", "octetstring(010)",
		"date",
	};
	static const char *const out[] = {
		"INTEGER", "INT", "INTEGER64", "INT64", "COUNTER", "COUNTER64",
		"GAUGE", "STRING(64)", "DISPLAYSTRING(16)", "OCTETSTRING(8)",
		"DATE",
	};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		char src[512], want[512];
		snprintf(src, sizeof src,
		    "start component name = \"T\" start group name = \"G\" "
		    "class = \"a|b|1\" id = 1 start attribute name = \"A\" "
		    "id = 1 type = %s end attribute end group end component",
		    in[i]);
		snprintf(want, sizeof want,
		    "START COMPONENT\n"
		    "  NAME = \"T\"\n"
		    "\n"
		    "  START GROUP\n"
		    "    NAME = \"G\"\n"
		    "    CLASS = \"a|b|1\"\n"
		    "    ID = 1\n"
		    "    START ATTRIBUTE\n"
		    "      NAME = \"A\"\n"
		    "      ID = 1\n"
		    "      TYPE = %s\n"
		    "    END ATTRIBUTE\n"
		    "  END GROUP\n"
		    "END COMPONENT\n", out[i]);
		assert_canonical(src, want);
	}
}

/* VALUE forms and radixes, ACCESS, STORAGE and KEY. */
static void
test_values_and_words(void **state)
{
	(void)state;
	static const char *const in[] = {
		"5", "-5", "0x1f", "0X100", "-0x10", "0", "00", "017", "-017",
		"0xffffffffffffffff", "\"text\"", "*\"Lib\"", "unknown",
		"Unsupported",
	};
	static const char *const out[] = {
		"5", "-5", "0x1F", "0x0100", "-0x10", "0", "0", "017", "-017",
		"0xFFFFFFFFFFFFFFFF", "\"text\"", "*\"Lib\"", "UNKNOWN",
		"UNSUPPORTED",
	};
	for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
		char src[512], want[512];
		snprintf(src, sizeof src,
		    "start component name = \"V\" start group name = \"G\" "
		    "class = \"a|b|1\" key = 1,0x02, 03 start attribute "
		    "name = \"A\" id = 1 type = integer64 access = read-write "
		    "storage = common value = %s end attribute end group "
		    "end component", in[i]);
		snprintf(want, sizeof want,
		    "START COMPONENT\n"
		    "  NAME = \"V\"\n"
		    "\n"
		    "  START GROUP\n"
		    "    NAME = \"G\"\n"
		    "    CLASS = \"a|b|1\"\n"
		    "    KEY = 1, 0x02, 03\n"
		    "    START ATTRIBUTE\n"
		    "      NAME = \"A\"\n"
		    "      ID = 1\n"
		    "      TYPE = INTEGER64\n"
		    "      ACCESS = READ-WRITE\n"
		    "      STORAGE = COMMON\n"
		    "      VALUE = %s\n"
		    "    END ATTRIBUTE\n"
		    "  END GROUP\n"
		    "END COMPONENT\n", out[i]);
		assert_canonical(src, want);
	}
	assert_canonical(
	    "start component name = \"W\" start group name = \"G\" "
	    "class = \"a|b|1\" id = 1 start attribute name = \"A\" id = 1 "
	    "type = integer access = write-only storage = specific "
	    "end attribute start attribute name = \"B\" id = 2 "
	    "type = integer access = Read-Only end attribute end group "
	    "end component",
	    "START COMPONENT\n"
	    "  NAME = \"W\"\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"G\"\n"
	    "    CLASS = \"a|b|1\"\n"
	    "    ID = 1\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"A\"\n"
	    "      ID = 1\n"
	    "      TYPE = INTEGER\n"
	    "      ACCESS = WRITE-ONLY\n"
	    "      STORAGE = SPECIFIC\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"B\"\n"
	    "      ID = 2\n"
	    "      TYPE = INTEGER\n"
	    "      ACCESS = READ-ONLY\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
}

static void
test_string_escapes(void **state)
{
	(void)state;
	/* \351 is U+00E9, written as the byte E9 in ISO 8859-1 */
	assert_canonical(
	    "START COMPONENT\n"
	    "NAME = \"q\\\"b\\\\s\\n\\t\\a\\b\\f\\r\\v\\001\\x7f\\0end"
	    " \\351\\'\\?\\x41\\37\"\n"
	    "DESCRIPTION = \"\"\n"
	    "END COMPONENT\n",
	    "START COMPONENT\n"
	    "  NAME = \"q\\\"b\\\\s\\n\\t\\a\\b\\f\\r\\v\\001\\177\\000end"
	    " \xE9'?A\\037\"\n"
	    "  DESCRIPTION = \"\"\n"
	    "END COMPONENT\n");
}

static void
test_comments(void **state)
{
	(void)state;
	assert_canonical(
	    "// header 1\n"
	    "\n"
	    "//header 2\n"
	    "start component // after start\n"
	    "name = // between = and the value\n"
	    "  \"C\" // after the value\n"
	    "description = \"a\" // between literals\n"
	    "  \"b\"\n"
	    "\n"
	    "    // before group\n"
	    "start group // after start group\n"
	    "name = \"G\" class = \"a|b|1\" id = 1\n"
	    "start attribute name = \"A\" id = 1 // after id\n"
	    "type = start enum // in enum\n"
	    "0 = \"zero\"\n"
	    "// enum end\n"
	    "end enum\n"
	    "end attribute\n"
	    "// inside group, end\n"
	    "end group // after end group\n"
	    "// before end component\n"
	    "end component // trailing same line\n"
	    "//after 1\n"
	    "//  after 2  \n",
	    "// header 1\n"
	    "//header 2\n"
	    "START COMPONENT // after start\n"
	    "  NAME = \"C\" // between = and the value\n"
	    "  // after the value\n"
	    "  DESCRIPTION = \"ab\" // between literals\n"
	    "\n"
	    "  // before group\n"
	    "  START GROUP // after start group\n"
	    "    NAME = \"G\"\n"
	    "    CLASS = \"a|b|1\"\n"
	    "    ID = 1\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"A\"\n"
	    "      ID = 1 // after id\n"
	    "      TYPE = START ENUM // in enum\n"
	    "        0 = \"zero\"\n"
	    "        // enum end\n"
	    "      END ENUM\n"
	    "    END ATTRIBUTE\n"
	    "    // inside group, end\n"
	    "  END GROUP // after end group\n"
	    "  // before end component\n"
	    "END COMPONENT // trailing same line\n"
	    "//after 1\n"
	    "//  after 2  \n");
}

/* The empty line goes after a same-line comment and before the comments
 * that lead up to a block; none between blocks and what follows them. */
static void
test_blank_lines_and_comments(void **state)
{
	(void)state;
	assert_canonical(
	    "START COMPONENT NAME = \"C\" // on name\n"
	    "// about the path\n"
	    "// more\n"
	    "START PATH NAME = \"L\" WIN32 = \"l\" END PATH\n"
	    "START PATH NAME = \"M\" WIN32 = \"m\" END PATH\n"
	    "// after the paths\n"
	    "DESCRIPTION = \"late\"\n"
	    "END COMPONENT\n",
	    "START COMPONENT\n"
	    "  NAME = \"C\" // on name\n"
	    "\n"
	    "  // about the path\n"
	    "  // more\n"
	    "  START PATH\n"
	    "    NAME = \"L\"\n"
	    "    WIN32 = \"l\"\n"
	    "  END PATH\n"
	    "\n"
	    "  START PATH\n"
	    "    NAME = \"M\"\n"
	    "    WIN32 = \"m\"\n"
	    "  END PATH\n"
	    "  // after the paths\n"
	    "  DESCRIPTION = \"late\"\n"
	    "END COMPONENT\n");
}

static void
test_rows(void **state)
{
	(void)state;
	assert_canonical(
	    "start component name = \"R\"\n"
	    "start table name = \"T\" id = 5 class = \"a|b|1\"\n"
	    "{1, \"two\", *\"p\", unknown, unsupported, 0x0a, -3}\n"
	    "{\"a\", , \"c\"}\n"
	    "{\"a\",}\n"
	    "{}\n"
	    "{ , }\n"
	    "{,\"b\"}\n"
	    "end table\n"
	    "end component\n",
	    "START COMPONENT\n"
	    "  NAME = \"R\"\n"
	    "\n"
	    "  START TABLE\n"
	    "    NAME = \"T\"\n"
	    "    ID = 5\n"
	    "    CLASS = \"a|b|1\"\n"
	    "    {1, \"two\", *\"p\", UNKNOWN, UNSUPPORTED, 0x0A, -3}\n"
	    "    {\"a\", , \"c\"}\n"
	    "    {\"a\", }\n"
	    "    {}\n"
	    "    {, }\n"
	    "    {, \"b\"}\n"
	    "  END TABLE\n"
	    "END COMPONENT\n");
}

static void
test_rows_with_comments(void **state)
{
	(void)state;
	assert_canonical(
	    "start component name = \"R\"\n"
	    "start table name = \"T\" id = 5 class = \"a|b|1\"\n"
	    "// before a row\n"
	    "{\"x\", // first\n"
	    " \"y\", \"z\"}\n"
	    "{ // lead\n"
	    "\"p\",\n"
	    "// own line\n"
	    "\"q\" // last\n"
	    "}\n"
	    "{\"a\", // c\n"
	    " , \"b\"}\n"
	    "{\"a\", \"b\", // trailing empty\n"
	    "}\n"
	    "{\"a\" // before the comma\n"
	    ", }\n"
	    "{1, 2} // after a row\n"
	    "// table end\n"
	    "end table\n"
	    "end component\n",
	    "START COMPONENT\n"
	    "  NAME = \"R\"\n"
	    "\n"
	    "  START TABLE\n"
	    "    NAME = \"T\"\n"
	    "    ID = 5\n"
	    "    CLASS = \"a|b|1\"\n"
	    "    // before a row\n"
	    "    {\"x\", // first\n"
	    "     \"y\",\n"
	    "     \"z\"}\n"
	    "    { // lead\n"
	    "     \"p\",\n"
	    "     // own line\n"
	    "     \"q\" // last\n"
	    "     }\n"
	    "    {\"a\", , // c\n"
	    "     \"b\"}\n"
	    "    {\"a\",\n"
	    "     \"b\", // trailing empty\n"
	    "     }\n"
	    "    {\"a\", // before the comma\n"
	    "     }\n"
	    "    {1, 2} // after a row\n"
	    "    // table end\n"
	    "  END TABLE\n"
	    "END COMPONENT\n");
}

/* ---- encodings and line ends ---- */

static const char small_canonical[] =
    "START COMPONENT\n"
    "  NAME = \"x\"\n"
    "END COMPONENT\n";

/* ASCII text as UTF-16 with its byte-order mark, LF made CRLF if asked. */
static size_t
to_utf16(const char *ascii, bool big, bool crlf, char *out)
{
	size_t n = 0;

	out[n++] = big ? '\xFE' : '\xFF';
	out[n++] = big ? '\xFF' : '\xFE';
	for (const char *p = ascii; *p != '\0'; p++) {
		if (*p == '\n' && crlf) {
			out[n++] = big ? 0 : '\r';
			out[n++] = big ? '\r' : 0;
		}
		out[n++] = big ? 0 : *p;
		out[n++] = big ? *p : 0;
	}
	return n;
}

static void
test_utf16_source_kept(void **state)
{
	(void)state;
	char in[512], want[512];
	size_t inlen = to_utf16("start component\nname = \"x\"\nend component\n",
	    false, true, in);
	size_t wantlen = to_utf16(small_canonical, false, true, want);

	mif_doc *doc = parse_bytes(in, inlen);
	assert_int_equal(mif_doc_encoding(doc), MIF_ENC_UTF16LE);
	assert_int_equal(mif_doc_newline(doc), MIF_NL_CRLF);
	size_t len;
	char *out = write_doc(doc, NULL, &len);
	assert_bytes(out, len, want, wantlen);
	assert_stable(doc, out, len, NULL);
	free(out);
	mif_doc_free(doc);
}

static void
test_encoding_options(void **state)
{
	(void)state;
	mif_doc *doc = parse_bytes(small_canonical, strlen(small_canonical));
	char want[512];
	size_t len, wantlen;
	char *out;

	mif_write_options be = { MIF_ENC_UTF16BE, MIF_NL_LF, MIF_EOF_SOURCE };
	out = write_doc(doc, &be, &len);
	wantlen = to_utf16(small_canonical, true, false, want);
	assert_bytes(out, len, want, wantlen);
	assert_stable(doc, out, len, &be);
	free(out);

	mif_write_options utf8 = { MIF_ENC_UTF8, MIF_NL_CRLF, MIF_EOF_SOURCE };
	out = write_doc(doc, &utf8, &len);
	static const char utf8_want[] = "\xEF\xBB\xBF" "START COMPONENT\r\n"
	    "  NAME = \"x\"\r\n" "END COMPONENT\r\n";
	assert_bytes(out, len, utf8_want, sizeof utf8_want - 1);
	assert_stable(doc, out, len, &utf8);
	free(out);

	mif_write_options latin1 = { MIF_ENC_LATIN1, MIF_NL_SOURCE, MIF_EOF_SOURCE };
	out = write_doc(doc, &latin1, &len);
	assert_bytes(out, len, small_canonical, strlen(small_canonical));
	free(out);
	mif_doc_free(doc);
}

/* UTF-8 text becomes ISO 8859-1 where it fits, and fails where not. */
static void
test_latin1_output(void **state)
{
	(void)state;
	static const char in[] = "\xEF\xBB\xBF" "START COMPONENT NAME = \"caf\xC3\xA9\" "
	    "DESCRIPTION = \"ok\" PRAGMA = \"\xC4\x81\" END COMPONENT";
	mif_doc *doc = parse_bytes(in, sizeof in - 1);
	mif_write_options latin1 = { MIF_ENC_LATIN1, MIF_NL_LF, MIF_EOF_SOURCE };
	mif_error err;
	char *out = (char *)"untouched";
	size_t len = 7;

	assert_int_equal(mif_write_buffer(doc, &latin1, &out, &len, &err), -1);
	assert_null(out);
	assert_int_equal(err.code, MIF_E_ENCODING);
	/* placed where the input holds it, not in the output */
	assert_int_equal(err.mark.line, 1);
	assert_int_equal(err.mark.column, 60);
	assert_string_equal(err.text,
	    "character U+0101 cannot be written in ISO 8859-1");

	/* kept as UTF-8 it is written as it is */
	out = write_doc(doc, NULL, &len);
	static const char want[] = "\xEF\xBB\xBF" "START COMPONENT\n"
	    "  NAME = \"caf\xC3\xA9\"\n" "  DESCRIPTION = \"ok\"\n"
	    "  PRAGMA = \"\xC4\x81\"\n" "END COMPONENT\n";
	assert_bytes(out, len, want, sizeof want - 1);
	free(out);
	mif_doc_free(doc);

	static const char fits[] = "\xEF\xBB\xBF" "START COMPONENT NAME = \"caf\xC3\xA9\" "
	    "END COMPONENT // \xC3\xBC\n";
	doc = parse_bytes(fits, sizeof fits - 1);
	out = write_doc(doc, &latin1, &len);
	static const char fits_want[] = "START COMPONENT\n"
	    "  NAME = \"caf\xE9\"\n" "END COMPONENT // \xFC\n";
	assert_bytes(out, len, fits_want, sizeof fits_want - 1);
	assert_stable(doc, out, len, &latin1);
	free(out);
	mif_doc_free(doc);
}

/* A final ^Z stays, in whatever encoding is written. */
static void
test_eof_mark_kept(void **state)
{
	(void)state;
	static const char in[] = "START COMPONENT\r\nNAME = \"x\"\r\n"
	    "END COMPONENT\r\n\x1A";
	mif_doc *doc = parse_bytes(in, sizeof in - 1);
	size_t len;

	assert_true(mif_doc_eof_mark(doc));
	char *out = write_doc(doc, NULL, &len);
	static const char want[] = "START COMPONENT\r\n  NAME = \"x\"\r\n"
	    "END COMPONENT\r\n\x1A";
	assert_bytes(out, len, want, sizeof want - 1);
	assert_stable(doc, out, len, NULL);
	free(out);

	mif_write_options le = { MIF_ENC_UTF16LE, MIF_NL_LF, MIF_EOF_SOURCE };
	out = write_doc(doc, &le, &len);
	char want16[512];
	size_t wantlen = to_utf16(small_canonical, false, false, want16);
	want16[wantlen++] = '\x1A';
	want16[wantlen++] = '\0';
	assert_bytes(out, len, want16, wantlen);
	free(out);
	mif_doc_free(doc);
}

static void
test_write_stream(void **state)
{
	(void)state;
	mif_doc *doc = parse_bytes(small_canonical, strlen(small_canonical));
	char *mem = NULL;
	size_t memlen = 0;
	FILE *fp = open_memstream(&mem, &memlen);
	mif_error err;

	assert_non_null(fp);
	assert_int_equal(mif_write_stream(doc, NULL, fp, &err), 0);
	assert_int_equal(fclose(fp), 0);
	assert_bytes(mem, memlen, small_canonical, strlen(small_canonical));
	free(mem);

	fp = fopen("/dev/full", "w");
	if (fp != NULL) {
		assert_int_equal(mif_write_stream(doc, NULL, fp, &err), -1);
		assert_int_equal(err.code, MIF_E_IO);
		fclose(fp);
	}
	mif_doc_free(doc);
}

/* Strings with NUL and bytes of every value survive the round trip. */
static void
test_every_byte_round_trip(void **state)
{
	(void)state;
	char src[4096];
	size_t n = (size_t)snprintf(src, sizeof src,
	    "START COMPONENT NAME = \"");
	for (unsigned c = 0; c < 256; c++)
		n += (size_t)snprintf(src + n, sizeof src - n, "\\%03o", c);
	n += (size_t)snprintf(src + n, sizeof src - n, "\" END COMPONENT\n");

	mif_doc *doc = parse_bytes(src, n);
	mif_write_options utf8 = { MIF_ENC_UTF8, MIF_NL_LF, MIF_EOF_SOURCE };
	size_t len;
	char *out = write_doc(doc, &utf8, &len);
	assert_stable(doc, out, len, &utf8);
	free(out);
	mif_write_options latin1 = { MIF_ENC_LATIN1, MIF_NL_CRLF, MIF_EOF_SOURCE };
	out = write_doc(doc, &latin1, &len);
	assert_stable(doc, out, len, &latin1);
	free(out);
	mif_doc_free(doc);
}

/* A comment ending in CR (a CR CR LF line) keeps it with either line end. */
static void
test_comment_ending_in_cr(void **state)
{
	(void)state;
	static const char in[] = "START COMPONENT // a\r\r\n"
	    "NAME = \"x\"\r\r\nEND COMPONENT\r\r\n";
	mif_doc *doc = parse_bytes(in, sizeof in - 1);
	size_t len, count;
	const mif_comment *c = mif_doc_comments(doc, &count);

	assert_int_equal(count, 1);
	assert_string_equal(c[0].text->bytes, " a\r");
	mif_write_options lf = { MIF_ENC_SOURCE, MIF_NL_LF, MIF_EOF_SOURCE };
	char *out = write_doc(doc, &lf, &len);
	static const char want_lf[] = "START COMPONENT // a\r\r\n"
	    "  NAME = \"x\"\nEND COMPONENT\n";
	assert_bytes(out, len, want_lf, sizeof want_lf - 1);
	assert_stable(doc, out, len, &lf);
	free(out);
	mif_write_options crlf = { MIF_ENC_SOURCE, MIF_NL_CRLF, MIF_EOF_SOURCE };
	out = write_doc(doc, &crlf, &len);
	static const char want_crlf[] = "START COMPONENT // a\r\r\n"
	    "  NAME = \"x\"\r\nEND COMPONENT\r\n";
	assert_bytes(out, len, want_crlf, sizeof want_crlf - 1);
	assert_stable(doc, out, len, &crlf);
	free(out);
	mif_doc_free(doc);
}

static void
test_comments_only(void **state)
{
	(void)state;
	static const char in[] = "// nothing but\n  // comments\n";
	mif_error err;
	mif_doc *doc = mif_parse_buffer(in, sizeof in - 1, NULL, &err);
	size_t len;

	assert_non_null(doc);
	assert_null(mif_doc_component(doc));
	char *out = write_doc(doc, NULL, &len);
	static const char want[] = "// nothing but\n// comments\n";
	assert_bytes(out, len, want, sizeof want - 1);
	free(out);
	mif_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_statements_and_layout),
		cmocka_unit_test(test_component_statements),
		cmocka_unit_test(test_path_and_overlay),
		cmocka_unit_test(test_enums),
		cmocka_unit_test(test_every_type),
		cmocka_unit_test(test_values_and_words),
		cmocka_unit_test(test_string_escapes),
		cmocka_unit_test(test_comments),
		cmocka_unit_test(test_blank_lines_and_comments),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_rows_with_comments),
		cmocka_unit_test(test_utf16_source_kept),
		cmocka_unit_test(test_encoding_options),
		cmocka_unit_test(test_latin1_output),
		cmocka_unit_test(test_eof_mark_kept),
		cmocka_unit_test(test_write_stream),
		cmocka_unit_test(test_every_byte_round_trip),
		cmocka_unit_test(test_comment_ending_in_cr),
		cmocka_unit_test(test_comments_only),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
