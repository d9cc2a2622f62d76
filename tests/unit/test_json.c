/*
 * MIF to JSON and back: the exact JSON of every construct, string
 * escapes (the writer's and mif_json_print()), the rule for integers (exact in a double, or else a string),
 * JSON written by hand (no "order"), the round trip of every sample, and
 * the errors of bad JSON: syntax with its line and column, and shapes
 * with the path of the value.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "mif.h"
#include "lang/internal.h"
#include "conv_samples.h"

/* Every construct of the language, comments in every kind of place. */
static const char all_mif[] =
    "// head\n"
	    "START COMPONENT // same\n"
	    "  NAME = \"All\"\n"
	    "  LANGUAGE = \"en|US|iso8859-1\"\n"
	    "  START PATH\n"
	    "    NAME = \"P\"\n"
	    "    WIN32 = \"p.dll\"\n"
	    "    UNIX = DIRECT-INTERFACE\n"
	    "  END PATH\n"
	    "  START ENUM\n"
	    "    NAME = \"E\"\n"
	    "    TYPE = INT\n"
	    "    0x0A = \"ten\"\n"
	    "    -1 = \"minus one\"\n"
	    "  END ENUM\n"
	    "  START GROUP\n"
	    "    NAME = \"G\"\n"
	    "    CLASS = \"X|G|1.0\"\n"
	    "    KEY = 1, 0x02\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"A\"\n"
	    "      ID = 1\n"
	    "      TYPE = STRING(8)\n"
	    "      ACCESS = READ-WRITE\n"
	    "      STORAGE = COMMON\n"
	    "      VALUE = \"a<b&c\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"B\"\n"
	    "      ID = 2\n"
	    "      TYPE = \"E\"\n"
	    "      VALUE = *\"P\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"C\"\n"
	    "      ID = 0x3\n"
	    "      TYPE = START ENUM\n"
	    "        0 = \"off\" // zero\n"
	    "      END ENUM\n"
	    "      VALUE = UNKNOWN\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "  START TABLE\n"
	    "    NAME = \"T\"\n"
	    "    ID = 4\n"
	    "    CLASS = \"X|G|1.0\"\n"
	    "    {\"x\", 0x10, , UNSUPPORTED}\n"
	    "    {-18446744073, // in a row\n"
	    "     017}\n"
	    "  END TABLE\n"
	    "END COMPONENT\n"
	    "// tail\n";

static const char all_json[] =
	    "{\n"
	    "  \"encoding\": \"latin1\",\n"
	    "  \"newline\": \"lf\",\n"
	    "  \"eof_mark\": false,\n"
	    "  \"leading_comments\": [\n"
	    "    {\"text\": \" head\", \"same_line\": false}\n"
	    "  ],\n"
	    "  \"name\": \"All\",\n"
	    "  \"language\": \"en|US|iso8859-1\",\n"
	    "  \"paths\": [\n"
	    "    {\n"
	    "      \"name\": \"P\",\n"
	    "      \"win32\": \"p.dll\",\n"
	    "      \"unix\": {\"direct_interface\": true},\n"
	    "      \"order\": [\"name\", \"win32\", \"unix\"]\n"
	    "    }\n"
	    "  ],\n"
	    "  \"enums\": [\n"
	    "    {\n"
	    "      \"name\": \"E\",\n"
	    "      \"type\": \"INT\",\n"
	    "      \"items\": [\n"
	    "        {\"value\": {\"integer\": 10, \"radix\": \"hex\"}, \"symbol\": \"ten\"},\n"
	    "        {\"value\": -1, \"symbol\": \"minus one\"}\n"
	    "      ],\n"
	    "      \"order\": [\"name\", \"type\", \"items\", \"items\"]\n"
	    "    }\n"
	    "  ],\n"
	    "  \"groups\": [\n"
	    "    {\n"
	    "      \"name\": \"G\",\n"
	    "      \"class\": \"X|G|1.0\",\n"
	    "      \"key\": [1, {\"integer\": 2, \"radix\": \"hex\"}],\n"
	    "      \"attributes\": [\n"
	    "        {\n"
	    "          \"name\": \"A\",\n"
	    "          \"id\": 1,\n"
	    "          \"type\": \"STRING(8)\",\n"
	    "          \"access\": \"READ-WRITE\",\n"
	    "          \"storage\": \"COMMON\",\n"
	    "          \"value\": \"a<b&c\",\n"
	    "          \"order\": [\"name\", \"id\", \"type\", \"access\", \"storage\", \"value\"]\n"
	    "        },\n"
	    "        {\n"
	    "          \"name\": \"B\",\n"
	    "          \"id\": 2,\n"
	    "          \"type\": {\"enum\": \"E\"},\n"
	    "          \"value\": {\"overlay\": \"P\"},\n"
	    "          \"order\": [\"name\", \"id\", \"type\", \"value\"]\n"
	    "        },\n"
	    "        {\n"
	    "          \"name\": \"C\",\n"
	    "          \"id\": {\"integer\": 3, \"radix\": \"hex\"},\n"
	    "          \"type\": {\n"
	    "            \"enum\": {\n"
	    "              \"items\": [\n"
	    "                {\"value\": 0, \"symbol\": \"off\"}\n"
	    "              ],\n"
	    "              \"comments\": [\n"
	    "                {\"text\": \" zero\", \"same_line\": true}\n"
	    "              ],\n"
	    "              \"order\": [\"items\", \"comments\"]\n"
	    "            }\n"
	    "          },\n"
	    "          \"value\": {\"unknown\": true},\n"
	    "          \"order\": [\"name\", \"id\", \"type\", \"value\"]\n"
	    "        }\n"
	    "      ],\n"
	    "      \"order\": [\"name\", \"class\", \"key\", \"attributes\", \"attributes\", \"attributes\"]\n"
	    "    }\n"
	    "  ],\n"
	    "  \"tables\": [\n"
	    "    {\n"
	    "      \"name\": \"T\",\n"
	    "      \"id\": 4,\n"
	    "      \"class\": \"X|G|1.0\",\n"
	    "      \"rows\": [\n"
	    "        [\"x\", {\"integer\": 16, \"radix\": \"hex\"}, null, {\"unsupported\": true}],\n"
	    "        {\n"
	    "          \"cells\": [\n"
	    "            -18446744073,\n"
	    "            {\"integer\": 15, \"radix\": \"octal\"}\n"
	    "          ],\n"
	    "          \"comments\": [\n"
	    "            {\"text\": \" in a row\", \"same_line\": true}\n"
	    "          ],\n"
	    "          \"order\": [\"cells\", \"comments\", \"cells\"]\n"
	    "        }\n"
	    "      ],\n"
	    "      \"order\": [\"name\", \"id\", \"class\", \"rows\", \"rows\"]\n"
	    "    }\n"
	    "  ],\n"
	    "  \"comments\": [\n"
	    "    {\"text\": \" same\", \"same_line\": true}\n"
	    "  ],\n"
	    "  \"order\": [\"comments\", \"name\", \"language\", \"paths\", \"enums\", \"groups\", \"tables\"],\n"
	    "  \"trailing_comments\": [\n"
	    "    {\"text\": \" tail\", \"same_line\": false}\n"
	    "  ]\n"
	    "}\n";

static mif_doc *
parse_mif(const char *text)
{
	mif_error err;
	mif_doc *doc = mif_parse_buffer(text, strlen(text), NULL, &err);

	assert_non_null(doc);
	if (mif_doc_error_count(doc) != 0)
		fail_msg("MIF error: %u:%u: %s", err.mark.line, err.mark.column,
		    err.text);
	return doc;
}

static char *
to_json(const mif_doc *doc)
{
	mif_error err;
	char *out = NULL;
	size_t len;

	if (mif_write_json(doc, &out, &len, &err) != 0)
		fail_msg("JSON write failed: %s", err.text);
	assert_non_null(out);
	assert_int_equal(strlen(out), len);
	return out;
}

static mif_doc *
from_json(const char *json)
{
	mif_parse_options opts = { .source_name = "test.json" };
	mif_error err;
	mif_doc *doc = mif_parse_json(json, strlen(json), &opts, &err);

	assert_non_null(doc);
	if (mif_doc_diag_count(doc) != 0)
		fail_msg("JSON error: %u:%u: %s", err.mark.line, err.mark.column,
		    err.text);
	return doc;
}

static void
assert_text(const char *got, const char *want)
{
	if (strcmp(got, want) == 0)
		return;
	print_error("expected:\n%s\ngot:\n%s\n", want, got);
	fail();
}

static char *
to_mif(const mif_doc *doc)
{
	mif_error err;
	char *out;
	size_t len;

	if (mif_write_buffer(doc, NULL, &out, &len, &err) != 0)
		fail_msg("MIF write failed: %s", err.text);
	char *s = malloc(len + 1);
	assert_non_null(s);
	memcpy(s, out, len);
	s[len] = '\0';
	free(out);
	return s;
}

static void
test_every_construct(void **state)
{
	(void)state;
	mif_doc *doc = parse_mif(all_mif);
	char *json = to_json(doc);
	assert_text(json, all_json);

	mif_doc *back = from_json(json);
	char why[256];
	if (!mif_doc_same(doc, back, why, sizeof why))
		fail_msg("round trip: %s", why);
	char *a = to_mif(doc), *b = to_mif(back);
	assert_text(b, a);
	free(a);
	free(b);
	mif_doc_free(back);
	mif_doc_free(doc);
	free(json);
}

/* RFC 8259 escapes: controls as \u00XX (or their short forms), DEL too;
 * other characters as UTF-8. */
static void
test_strings(void **state)
{
	(void)state;
	mif_doc *doc = parse_mif("START COMPONENT NAME = \"nul\\0ctl\\001\\037 "
	    "del\\177 q\\\" bs\\\\ nl\\n cr\\r tab\\t \\xe9\" END COMPONENT");
	char *json = to_json(doc);
	assert_non_null(strstr(json, "\n  \"name\": \"nul\\u0000ctl\\u0001"
	    "\\u001f del\\u007f q\\\" bs\\\\ nl\\n cr\\r tab\\t \xc3\xa9\",\n"));
	mif_doc *back = from_json(json);
	const mif_string *name = mif_block_string(mif_doc_component(back),
	    MIF_KW_NAME);
	assert_non_null(name);
	assert_int_equal(name->len, 37);
	assert_memory_equal(name->bytes, "nul\0ctl\001\037 del\177 q\" bs\\ "
	    "nl\n cr\r tab\t \xc3\xa9", 37);
	mif_doc_free(back);
	mif_doc_free(doc);
	free(json);
}

/* The tools' JSON strings take the escapes of the library's JSON:
 * mif_json_print() gives what the writer gives above, quotes and all. */
static void
test_json_print(void **state)
{
	(void)state;
	static const char in[] = "nul\0ctl\001\037 del\177 q\" bs\\ "
	    "nl\n cr\r tab\t bsp\b ff\f \xc3\xa9";
	char *text = NULL;
	size_t len = 0;
	FILE *out = open_memstream(&text, &len);
	assert_non_null(out);
	assert_true(mif_json_print(in, sizeof in - 1, out));
	assert_int_equal(fclose(out), 0);
	assert_string_equal(text, "\"nul\\u0000ctl\\u0001\\u001f del\\u007f "
	    "q\\\" bs\\\\ nl\\n cr\\r tab\\t bsp\\b ff\\f \xc3\xa9\"");
	free(text);

	char esc[MIF_ESCAPE_MAX];
	assert_int_equal(mif_json_escape_char("\xc3\xa9", 2, esc), 2);
	assert_string_equal(esc, "");
	/* a byte that starts no UTF-8: no JSON string holds it */
	assert_int_equal(mif_json_escape_char("\xe9x", 2, esc), 0);
}

/* Numbers while a double holds them exactly (up to 2^53), strings of
 * digits beyond, objects for another radix. */
static void
test_integers(void **state)
{
	(void)state;
	static const char *const cases[][2] = {
		{ "9007199254740992", "9007199254740992" },
		{ "-9007199254740992", "-9007199254740992" },
		{ "9007199254740993",
		    "{\"integer\": \"9007199254740993\", \"radix\": \"decimal\"}" },
		{ "-9223372036854775808",
		    "{\"integer\": \"-9223372036854775808\", \"radix\": \"decimal\"}" },
		{ "18446744073709551615",
		    "{\"integer\": \"18446744073709551615\", \"radix\": \"decimal\"}" },
		{ "0xFFFFFFFFFFFFFFFF",
		    "{\"integer\": \"18446744073709551615\", \"radix\": \"hex\"}" },
		{ "-0x10", "{\"integer\": -16, \"radix\": \"hex\"}" },
		{ "0755", "{\"integer\": 493, \"radix\": \"octal\"}" },
		{ "-0", "0" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char mif[200], want[200];
		snprintf(mif, sizeof mif, "START COMPONENT START GROUP START "
		    "ATTRIBUTE VALUE = %s END ATTRIBUTE END GROUP END COMPONENT",
		    cases[i][0]);
		snprintf(want, sizeof want, "\n          \"value\": %s,\n",
		    cases[i][1]);
		mif_doc *doc = parse_mif(mif);
		char *json = to_json(doc);
		if (strstr(json, want) == NULL)
			fail_msg("%s: expected %s in\n%s", cases[i][0], cases[i][1],
			    json);
		mif_doc *back = from_json(json);
		char why[256];
		if (!mif_doc_same(doc, back, why, sizeof why))
			fail_msg("%s: %s", cases[i][0], why);
		mif_doc_free(back);
		mif_doc_free(doc);
		free(json);
	}
}

/* JSON written by hand: no "order" (the members give it), comments as
 * plain strings, a byte-order mark, integers as numbers or strings. */
static void
test_hand_written(void **state)
{
	(void)state;
	static const char json[] =
	    "\xef\xbb\xbf{\n"
	    "  \"leading_comments\": [\"top\"],\n"
	    "  \"name\": \"Hand\",\n"
	    "  \"comments\": [{\"text\": \" after NAME\", \"same_line\": true}],\n"
	    "  \"groups\": [{\"id\": {\"integer\": \"2\"}, \"class\": \"A|B|1\",\n"
	    "    \"attributes\": [{\"id\": 1, \"type\": \"STRING(4)\", \"value\": "
	    "\"abc\"}]}],\n"
	    "  \"paths\": [{\"name\": \"P\", \"dos\": {\"direct_interface\": "
	    "true}}],\n"
	    "  \"tables\": [{\"rows\": [[], [null, 1], [{\"overlay\": \"P\"}]]}]\n"
	    "}\n";
	static const char want[] =
	    "//top\n"
	    "START COMPONENT\n"
	    "  NAME = \"Hand\" // after NAME\n"
	    "\n"
	    "  START GROUP\n"
	    "    ID = 2\n"
	    "    CLASS = \"A|B|1\"\n"
	    "    START ATTRIBUTE\n"
	    "      ID = 1\n"
	    "      TYPE = STRING(4)\n"
	    "      VALUE = \"abc\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "\n"
	    "  START PATH\n"
	    "    NAME = \"P\"\n"
	    "    DOS = DIRECT-INTERFACE\n"
	    "  END PATH\n"
	    "\n"
	    "  START TABLE\n"
	    "    {}\n"
	    "    {, 1}\n"
	    "    {*\"P\"}\n"
	    "  END TABLE\n"
	    "END COMPONENT\n";
	mif_doc *doc = from_json(json);
	assert_int_equal(mif_doc_encoding(doc), MIF_ENC_LATIN1);
	char *text = to_mif(doc);
	assert_text(text, want);
	free(text);
	mif_doc_free(doc);
}

/* A text edited as jq edits it, against its "order": a statement and an
 * attribute added that "order" does not name, an attribute and a
 * statement removed that it still names. */
static void
test_edited_order(void **state)
{
	(void)state;
	static const char json[] =
	    "{\"name\": \"E\", \"groups\": [{\"name\": \"G\", \"id\": 2,\n"
	    "  \"description\": \"added\",\n"
	    "  \"attributes\": [\n"
	    "    {\"name\": \"B\", \"id\": 2, \"type\": \"INTEGER\","
	    " \"order\": [\"name\", \"id\", \"type\", \"value\"]},\n"
	    "    {\"name\": \"C\", \"id\": 3, \"type\": \"INTEGER\","
	    " \"value\": 3}],\n"
	    "  \"order\": [\"name\", \"id\", \"attributes\", \"attributes\"]}],\n"
	    " \"order\": [\"name\", \"groups\", \"comments\"]}\n";
	static const char want[] =
	    "START COMPONENT\n"
	    "  NAME = \"E\"\n"
	    "\n"
	    "  START GROUP\n"
	    "    DESCRIPTION = \"added\"\n"
	    "    NAME = \"G\"\n"
	    "    ID = 2\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"B\"\n"
	    "      ID = 2\n"
	    "      TYPE = INTEGER\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"C\"\n"
	    "      ID = 3\n"
	    "      TYPE = INTEGER\n"
	    "      VALUE = 3\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n";
	mif_doc *doc = from_json(json);
	char *text = to_mif(doc);
	assert_text(text, want);
	free(text);
	mif_doc_free(doc);
}

/* Diagnostics of a JSON text, one per line: "LINE:COL: TEXT", or
 * "-: TEXT" for one without a place. */
static char *
json_errors(const char *json)
{
	mif_parse_options opts = { .source_name = "bad.json" };
	mif_error err;
	mif_doc *doc = mif_parse_json(json, strlen(json), &opts, &err);
	static char out[4096];
	size_t n = 0;

	assert_non_null(doc);
	assert_true(mif_doc_error_count(doc) > 0);
	assert_string_equal(err.text, mif_doc_diag(doc, 0)->text);
	assert_string_equal(err.source, "bad.json");
	out[0] = '\0';
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		if (e->mark.line == 0)
			n += (size_t)snprintf(out + n, sizeof out - n, "-: %s\n",
			    e->text);
		else
			n += (size_t)snprintf(out + n, sizeof out - n, "%u:%u: %s\n",
			    e->mark.line, e->mark.column, e->text);
	}
	mif_doc_free(doc);
	return out;
}

static void
test_syntax_errors(void **state)
{
	(void)state;
	assert_text(json_errors("{\n  \"name\": \"x\",\n  \"groups\": [\n"
	    "    {\"name\": \"g\" \"id\": 1}\n  ]\n}\n"),
	    "4:21: '}' expected near '\"id\"'\n");
	assert_text(json_errors("{\"name\": \"a\", \"name\": \"b\"}"),
	    "1:20: duplicate object key near '\"name\"'\n");
	assert_text(json_errors("{\"groups\": [{\"id\": 18446744073709551615}]}"),
	    "1:39: too big integer near '18446744073709551615'\n");
	assert_text(json_errors(""),
	    "1:1: '[' or '{' expected near end of file\n");
}

static void
test_shape_errors(void **state)
{
	(void)state;
	/* each at its value, found again in the text by its path */
	assert_text(json_errors("\xEF\xBB\xBF{\n  \"name\": \"x\",\n"
	    "  \"groups\": [\n    {\"id\": true}\n  ]\n}"),
	    "4:12: .groups[0].id: expected an integer, not a boolean\n");
	assert_text(json_errors("{\"groups\": [ ], \"tables\": [{\"rows\": "
	    "[[\"x\\\"]\", {\"unknown\": false}]]}]}"),
	    "1:47: .tables[0].rows[0][1]: {\"unknown\": ...} takes true\n");
	assert_text(json_errors("[1]"),
	    "1:1: .: expected an object, not an array\n");
	assert_text(json_errors("{\"colour\": \"blue\", \"groups\": {}}"),
	    "1:1: .: unknown member \"colour\"\n"
	    "1:30: .groups: expected an array, not an object\n");
	assert_text(json_errors(
	    "{\"groups\": [{\"id\": -1, \"attributes\": [{\"type\": \"STRNG\"},"
	    " {\"value\": 1.5}, {\"type\": \"DATE(4)\", \"value\": "
	    "{\"overlay\": 3}}, {\"key\": [1]}]}]}"),
	    "1:20: .groups[0].id: ID out of range (0 to 4294967295)\n"
	    "1:48: .groups[0].attributes[0].type: unknown type \"STRNG\"\n"
	    "1:68: .groups[0].attributes[1].value: expected a string, an integer, "
	    "{\"overlay\": ...}, {\"unknown\": true} or {\"unsupported\": true}\n"
	    "1:83: .groups[0].attributes[2].type: DATE takes no size\n"
	    "1:115: .groups[0].attributes[2].value.overlay: expected a string, not "
	    "an integer\n"
	    "1:128: .groups[0].attributes[3].key: KEY is not allowed in an "
	    "attribute\n");
	assert_text(json_errors(
	    "{\"name\": \"x\", \"tables\": [{\"rows\": [[null], [true], "
	    "{\"cells\": [1], \"order\": [\"cells\", \"cells\"]}]}],"
	    " \"comments\": [{\"text\": \"a\\nb\"}, 7]}"),
	    "1:36: .tables[0].rows[0]: a row whose only position is empty cannot "
	    "be written in MIF; a row without values has no cells\n"
	    "1:45: .tables[0].rows[1][0]: expected a string, an integer, "
	    "{\"overlay\": ...}, {\"unknown\": true} or {\"unsupported\": true} "
	    "or null\n"
	    "1:113: .comments[0]: a comment holds a line end; it runs to the end "
	    "of its line\n"
	    "1:131: .comments[1]: expected a comment: {\"text\": ...} or a string, "
	    "not an integer\n");
	assert_text(json_errors(
	    "{\"name\": \"x\", \"groups\": [{\"name\": \"g\", \"id\": 1, "
	    "\"attributes\": [], \"order\": [\"name\", \"attributes\", \"name\"]}]}"),
	    "1:26: .groups[0]: \"order\" names \"name\" twice\n");
}

/* A document is read once, a value at a time, when it is valid and when
 * its problems are of shape only; a text that does not parse is read
 * again whole, for jansson's message (which replaces the others). */
static void
test_read_once_unless_syntax(void **state)
{
	static const char *const texts[] = {
		"{\"name\": \"C\", \"comments\": [{\"text\": \"ok\"}]}",
		"{\"name\": \"C\", \"comments\": [{\"text\": 5}, {\"text\": 6}]}",
		"{\"name\": \"C\", \"comments\": [{\"text\": 5}], }",
	};
	static const unsigned reads[] = { 1, 1, 2 }, diags[] = { 0, 2, 1 };
	mif_parse_options opts = { .source_name = "t.json" };

	(void)state;
	for (size_t i = 0; i < 3; i++) {
		mif_doc *doc = mif_parse_json(texts[i], strlen(texts[i]), &opts,
		    NULL);
		assert_non_null(doc);
		assert_int_equal(mif_doc_diag_count(doc), diags[i]);
		assert_int_equal(doc->form_reads, reads[i]);
		mif_doc_free(doc);
	}
}

static void
test_write_errors(void **state)
{
	(void)state;
	mif_doc *doc = mif_doc_create("built");
	mif_error err;
	char *out;
	size_t len;

	assert_non_null(doc);
	assert_int_equal(mif_write_json(doc, &out, &len, &err), -1);
	assert_string_equal(err.text, "no component to write as JSON");
	assert_null(out);
	const mif_block *c = mif_add_block(doc, NULL, MIF_COMPONENT);
	assert_non_null(c);
	assert_non_null(mif_set_string(doc, c, MIF_KW_NAME, "bad \xff byte"));
	assert_int_equal(mif_write_json(doc, &out, &len, &err), -1);
	assert_string_equal(err.text,
	    "cannot write a string that is not valid UTF-8 as JSON");
	assert_int_equal(err.code, MIF_E_ENCODING);
	mif_doc_free(doc);
}

static void
test_samples(void **state)
{
	(void)state;
	conv_format f = { "JSON", mif_write_json, mif_parse_json, 0, 0 };
	conv_samples(&f);
	assert_true(f.files >= 40);
	assert_int_equal(f.failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_construct),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_json_print),
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_hand_written),
		cmocka_unit_test(test_syntax_errors),
		cmocka_unit_test(test_shape_errors),
		cmocka_unit_test(test_edited_order),
		cmocka_unit_test(test_read_once_unless_syntax),
		cmocka_unit_test(test_write_errors),
		cmocka_unit_test(test_samples),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
