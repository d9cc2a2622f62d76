/*
 * MIF to XML and back: the exact XML of every construct, strings XML
 * cannot hold, the round trip of every sample (each XML validated by the
 * reader against the schema), and the errors of bad XML: not well formed,
 * not valid, and valid but no MIF tree, each with its line and column.
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

static const char all_xml[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<mif encoding=\"latin1\" newline=\"lf\" eof-mark=\"false\">\n"
	    "  <comment> head</comment>\n"
	    "  <component>\n"
	    "    <comment same-line=\"true\"> same</comment>\n"
	    "    <name>All</name>\n"
	    "    <language>en|US|iso8859-1</language>\n"
	    "    <path>\n"
	    "      <name>P</name>\n"
	    "      <win32>p.dll</win32>\n"
	    "      <unix form=\"direct-interface\"/>\n"
	    "    </path>\n"
	    "    <enum>\n"
	    "      <name>E</name>\n"
	    "      <type>INT</type>\n"
	    "      <item value=\"10\" radix=\"hex\">ten</item>\n"
	    "      <item value=\"-1\">minus one</item>\n"
	    "    </enum>\n"
	    "    <group>\n"
	    "      <name>G</name>\n"
	    "      <class>X|G|1.0</class>\n"
	    "      <key><id>1</id><id radix=\"hex\">2</id></key>\n"
	    "      <attribute>\n"
	    "        <name>A</name>\n"
	    "        <id>1</id>\n"
	    "        <type size=\"8\">STRING</type>\n"
	    "        <access>READ-WRITE</access>\n"
	    "        <storage>COMMON</storage>\n"
	    "        <value>a&lt;b&amp;c</value>\n"
	    "      </attribute>\n"
	    "      <attribute>\n"
	    "        <name>B</name>\n"
	    "        <id>2</id>\n"
	    "        <type><enum-name>E</enum-name></type>\n"
	    "        <value form=\"overlay\">P</value>\n"
	    "      </attribute>\n"
	    "      <attribute>\n"
	    "        <name>C</name>\n"
	    "        <id radix=\"hex\">3</id>\n"
	    "        <type>\n"
	    "          <enum>\n"
	    "            <item value=\"0\">off</item>\n"
	    "            <comment same-line=\"true\"> zero</comment>\n"
	    "          </enum>\n"
	    "        </type>\n"
	    "        <value form=\"unknown\"/>\n"
	    "      </attribute>\n"
	    "    </group>\n"
	    "    <table>\n"
	    "      <name>T</name>\n"
	    "      <id>4</id>\n"
	    "      <class>X|G|1.0</class>\n"
	    "      <row><cell>x</cell><cell form=\"integer\" radix=\"hex\">16</cell><cell form=\"empty\"/><cell form=\"unsupported\"/></row>\n"
	    "      <row><cell form=\"integer\">-18446744073</cell><comment same-line=\"true\"> in a row</comment><cell form=\"integer\" radix=\"octal\">15</cell></row>\n"
	    "    </table>\n"
	    "  </component>\n"
	    "  <comment> tail</comment>\n"
	    "</mif>\n";

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
to_xml(const mif_doc *doc, size_t *len)
{
	mif_error err;
	char *out = NULL;

	if (mif_write_xml(doc, &out, len, &err) != 0)
		fail_msg("XML write failed: %s", err.text);
	assert_non_null(out);
	assert_int_equal(strlen(out), *len);
	return out;
}

static mif_doc *
from_xml(const char *xml)
{
	mif_parse_options opts = { .source_name = "test.xml" };
	mif_error err;
	mif_doc *doc = mif_parse_xml(xml, strlen(xml), &opts, &err);

	assert_non_null(doc);
	if (mif_doc_diag_count(doc) != 0)
		fail_msg("XML error: %u:%u: %s", err.mark.line, err.mark.column,
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

/* The canonical MIF of a document. */
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
	size_t len;
	char *xml = to_xml(doc, &len);
	assert_text(xml, all_xml);

	mif_doc *back = from_xml(xml);
	char why[256];
	if (!mif_doc_same(doc, back, why, sizeof why))
		fail_msg("round trip: %s", why);
	char *a = to_mif(doc), *b = to_mif(back);
	assert_text(b, a);
	free(a);
	free(b);
	mif_doc_free(back);
	mif_doc_free(doc);
	free(xml);
}

/* Controls XML cannot hold become <char/>; CR, tab and markup survive. */
static void
test_strings(void **state)
{
	(void)state;
	static const char mif[] =
	    "START COMPONENT\n"
	    "  NAME = \"nul\\0bell\\a cr\\r lf\\n tab\\t <&>]]> \\\"q\\\" \\xe9\"\n"
	    "END COMPONENT\n";
	static const char want[] =
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<mif encoding=\"latin1\" newline=\"lf\" eof-mark=\"false\">\n"
	    "  <component>\n"
	    "    <name>nul<char code=\"0\"/>bell<char code=\"7\"/> cr&#13; lf\n"
	    " tab\t &lt;&amp;&gt;]]&gt; &quot;q&quot; \xc3\xa9</name>\n"
	    "  </component>\n"
	    "</mif>\n";
	mif_doc *doc = parse_mif(mif);
	size_t len;
	char *xml = to_xml(doc, &len);
	assert_text(xml, want);
	mif_doc *back = from_xml(xml);
	const mif_string *name = mif_block_string(mif_doc_component(back),
	    MIF_KW_NAME);
	assert_non_null(name);
	assert_int_equal(name->len, 36);
	assert_memory_equal(name->bytes, "nul\0bell\a cr\r lf\n tab\t <&>]]> "
	    "\"q\" \xc3\xa9", 36);
	mif_doc_free(back);
	mif_doc_free(doc);
	free(xml);
}

/* Encoding, line ends and the ^Z mark travel as attributes. */
static void
test_document_attributes(void **state)
{
	(void)state;
	static const char mif[] = "START COMPONENT\r\nNAME = \"x\"\r\n"
	    "END COMPONENT\r\n\x1a";
	mif_doc *doc = parse_mif(mif);
	mif_doc_set_encoding(doc, MIF_ENC_UTF16BE);
	size_t len;
	char *xml = to_xml(doc, &len);
	assert_non_null(strstr(xml, "<mif encoding=\"utf-16be\" "
	    "newline=\"crlf\" eof-mark=\"true\">"));
	mif_doc *back = from_xml(xml);
	assert_int_equal(mif_doc_encoding(back), MIF_ENC_UTF16BE);
	assert_int_equal(mif_doc_newline(back), MIF_NL_CRLF);
	assert_true(mif_doc_eof_mark(back));
	mif_doc_free(back);
	mif_doc_free(doc);
	free(xml);

	/* left out: ISO 8859-1, LF, no mark */
	back = from_xml("<mif><component/></mif>");
	assert_int_equal(mif_doc_encoding(back), MIF_ENC_LATIN1);
	assert_int_equal(mif_doc_newline(back), MIF_NL_LF);
	assert_false(mif_doc_eof_mark(back));
	mif_doc_free(back);
}

/* XML as people write it: CDATA, character references, another
 * encoding, blank lines, XML comments (which are not MIF comments). */
static void
test_hand_written(void **state)
{
	(void)state;
	static const char xml[] =
	    "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
	    "<!-- an XML comment is not kept -->\n"
	    "<mif>\n"
	    "\n"
	    "  <component><name><![CDATA[<a>]]> &#233;\xe9</name>\n"
	    "    <group><id>7</id><attribute><type> INTEGER </type>"
	    "<value form=\"integer\"> -3 </value></attribute></group>\n"
	    "  </component>\n"
	    "</mif>\n";
	static const char want[] =
	    "START COMPONENT\n"
	    "  NAME = \"<a> \xc3\xa9\xc3\xa9\"\n"
	    "\n"
	    "  START GROUP\n"
	    "    ID = 7\n"
	    "    START ATTRIBUTE\n"
	    "      TYPE = INTEGER\n"
	    "      VALUE = -3\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n";
	mif_doc *doc = from_xml(xml);
	mif_doc_set_encoding(doc, MIF_ENC_UTF8);
	char *text = to_mif(doc);
	assert_text(text + 3, want); /* after the byte-order mark */
	free(text);
	mif_doc_free(doc);
}

/* Diagnostics of an XML text, one per line: "LINE:COL: TEXT". */
static char *
xml_errors(const char *xml)
{
	mif_parse_options opts = { .source_name = "bad.xml" };
	mif_error err;
	mif_doc *doc = mif_parse_xml(xml, strlen(xml), &opts, &err);
	static char out[4096];
	size_t n = 0;

	assert_non_null(doc);
	assert_true(mif_doc_error_count(doc) > 0);
	assert_string_equal(err.text, mif_doc_diag(doc, 0)->text);
	assert_string_equal(err.source, "bad.xml");
	out[0] = '\0';
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		n += (size_t)snprintf(out + n, sizeof out - n, "%u:%u: %s\n",
		    e->mark.line, e->mark.column, e->text);
	}
	mif_doc_free(doc);
	return out;
}

static void
test_not_well_formed(void **state)
{
	(void)state;
	assert_text(xml_errors(
	    "<mif>\n"
	    "  <component>\n"
	    "    <name>x</nam>\n"
	    "  </component>\n"
	    "</mif>\n"),
	    "3:18: Opening and ending tag mismatch: name line 3 and nam\n");
	assert_text(xml_errors("<mif><component>"),
	    "1:17: Premature end of data in tag component line 1\n");
	assert_text(xml_errors(""), "1:1: Document is empty\n");
	assert_text(xml_errors(
	    "<!DOCTYPE mif [<!ENTITY e \"x\">]>\n<mif><component/></mif>\n"),
	    "1:1: a DOCTYPE is not allowed\n");
	/* at the DOCTYPE, which libxml2 gives no line */
	assert_text(xml_errors(
	    "<?xml version=\"1.0\"?>\n\n  <!DOCTYPE mif SYSTEM \"mif.dtd\">\n"
	    "<mif><component/></mif>\n"),
	    "3:3: a DOCTYPE is not allowed\n");
}

/* Validation reads with the parser, so both stop at the error cap, and a
 * DOCTYPE is refused before the content after it is looked at. */
static void
test_errors_stop_at_the_cap(void **state)
{
	(void)state;
	const char *xml = "<mif>\n<component>\n<name>x</name>\n"
	    "<group><id>a</id></group>\n<group><id>b</id></group>\n"
	    "<group><id>c</id></group>\n<group><id>d</id></group>\n"
	    "</component>\n</mif>\n";
	mif_parse_options opts = { .source_name = "bad.xml", .max_errors = 2 };
	mif_doc *doc = mif_parse_xml(xml, strlen(xml), &opts, NULL);
	assert_non_null(doc);
	assert_int_equal(mif_doc_diag_count(doc), 3);
	assert_int_equal(mif_doc_diag(doc, 0)->mark.line, 4);
	assert_int_equal(mif_doc_diag(doc, 0)->mark.column, 8);
	assert_int_equal(mif_doc_diag(doc, 1)->mark.line, 5);
	assert_int_equal(mif_doc_diag(doc, 2)->severity, MIF_FATAL);
	assert_string_equal(mif_doc_diag(doc, 2)->text,
	    "too many errors, stopping");
	assert_int_equal(mif_doc_diag(doc, 2)->mark.line, 6);
	mif_doc_free(doc);

	assert_text(xml_errors(
	    "<!DOCTYPE mif>\n<mif><colour/><component><id>a</id></component>"
	    "</mif>\n"),
	    "1:1: a DOCTYPE is not allowed\n");
}

static void
test_not_valid(void **state)
{
	(void)state;
	assert_text(xml_errors(
	    "<mif>\n"
	    "  <component>\n"
	    "    <group>\n"
	    "      <colour>blue</colour>\n"
	    "    </group>\n"
	    "  </component>\n"
	    "</mif>\n"),
	    "4:7: Element 'colour': This element is not expected. Expected "
	    "is one of ( comment, name, description, class, id, key, pragma, "
	    "attribute ).\n");
	assert_text(xml_errors(
	    "<mif>\n"
	    "  <component>\n"
	    "    <group><id>-1</id></group>\n"
	    "    <enum><item>x</item></enum>\n"
	    "  </component>\n"
	    "</mif>\n"),
	    "3:12: Element 'id': '-1' is not a valid value of the atomic "
	    "type 'xs:unsignedInt'.\n"
	    "4:11: Element 'item': The attribute 'value' is required but "
	    "missing.\n");
	assert_text(xml_errors("<mif/>"),
	    "1:1: Element 'mif': Missing child element(s). Expected is one of "
	    "( comment, component ).\n");
}

/* Valid against the schema, but no tree that MIF could hold. */
static void
test_no_mif_tree(void **state)
{
	(void)state;
	assert_text(xml_errors(
	    "<mif>\n"
	    "  <component>\n"
	    "    <name>a</name><name>b</name>\n"
	    "    <group>\n"
	    "      <attribute>\n"
	    "        <type size=\"4\">INTEGER</type>\n"
	    "        <value form=\"integer\">12x</value>\n"
	    "        <value radix=\"hex\">12</value>\n"
	    "      </attribute>\n"
	    "    </group>\n"
	    "    <enum><type>\n"
	    "      INTEGER </type><item value=\"-9223372036854775809\">x</item>"
	    "</enum>\n"
	    "    <table><row><cell form=\"empty\"/></row></table>\n"
	    "    <comment>a<char code=\"10\"/>b</comment>\n"
	    "    <name><char code=\"55296\"/></name>\n"
	    "  </component>\n"
	    "</mif>\n"),
	    "3:19: <name>: NAME is given twice in the component\n"
	    "6:9: <type>: INTEGER takes no size\n"
	    "7:9: <value>: \"12x\" is no integer of 64 bits\n"
	    "8:9: <value>: a radix is only for integers\n"
	    "12:22: <item>: an enum item is below -9223372036854775808, out of "
	    "64 bits\n"
	    "13:12: <row>: a row whose only position is empty cannot be "
	    "written in MIF; a row without values has no cells\n"
	    "14:5: <comment>: a comment holds a line end; it runs to the end "
	    "of its line\n"
	    "15:11: <char>: code \"55296\" is no Unicode character\n");
}

/* A valid document of more lines than libxml2 numbers exactly (65535) is
 * read once, as it streams, not again whole (which holds its tree), and
 * reads as the MIF it was written from. */
static void
test_long_document_read_once(void **state)
{
	enum { GROUPS = 12000 };
	size_t cap = GROUPS * 160 + 64, n = 0, len;
	char *mif = malloc(cap);

	(void)state;
	assert_non_null(mif);
	n += (size_t)snprintf(mif, cap, "START COMPONENT\nNAME = \"c\"\n");
	for (unsigned g = 0; g < GROUPS; g++)
		n += (size_t)snprintf(mif + n, cap - n, "START GROUP\nNAME = "
		    "\"g%u\"\nID = %u\nCLASS = \"a|b|1\"\nSTART ATTRIBUTE\n"
		    "NAME = \"a\"\nID = 1\nTYPE = INTEGER\nVALUE = %u\n"
		    "END ATTRIBUTE\nEND GROUP\n", g, g + 2, g);
	snprintf(mif + n, cap - n, "END COMPONENT\n");
	mif_doc *doc = parse_mif(mif);
	char *xml = to_xml(doc, &len);
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += xml[i] == '\n';
	assert_true(lines > 65535);
	mif_doc *back = from_xml(xml);
	assert_int_equal(back->form_reads, 1);
	char *a = to_mif(doc), *b = to_mif(back);
	assert_string_equal(a, b);
	free(a);
	free(b);
	mif_doc_free(back);

	/* an element the schema refuses on the last line: read again only
	 * to say it, streaming still, and placed on its own line */
	char *end = strstr(xml, "</component>");
	assert_non_null(end);
	size_t head = (size_t)(end - xml);
	char *bad = malloc(len + 16);
	assert_non_null(bad);
	memcpy(bad, xml, head);
	memcpy(bad + head, "<bogus/>", 8);
	memcpy(bad + head + 8, end, len - head + 1);
	mif_parse_options opts = { .source_name = "bad.xml" };
	back = mif_parse_xml(bad, len + 8, &opts, NULL);
	assert_non_null(back);
	assert_int_equal(back->form_reads, 2);
	assert_int_equal(mif_doc_diag_count(back), 1);
	assert_int_equal(mif_doc_diag(back, 0)->mark.line, lines - 1);
	assert_int_equal(mif_doc_diag(back, 0)->mark.column, 3);
	mif_doc_free(back);
	free(bad);
	mif_doc_free(doc);
	free(xml);
	free(mif);
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
	assert_int_equal(mif_write_xml(doc, &out, &len, &err), -1);
	assert_string_equal(err.text, "no component to write as XML");
	assert_null(out);
	const mif_block *c = mif_add_block(doc, NULL, MIF_COMPONENT);
	assert_non_null(c);
	assert_non_null(mif_set_string(doc, c, MIF_KW_NAME, "bad \xff byte"));
	assert_int_equal(mif_write_xml(doc, &out, &len, &err), -1);
	assert_string_equal(err.text,
	    "cannot write a string that is not valid UTF-8 as XML");
	assert_int_equal(err.code, MIF_E_ENCODING);
	mif_doc_free(doc);
}

/* The schema built into the library is the one in the repository. */
static void
test_schema_text(void **state)
{
	(void)state;
	size_t len;
	char *file = conv_read_file("schema/mif.xsd", &len);
	assert_non_null(file);
	assert_int_equal(strlen(mif_xml_schema()), len);
	assert_memory_equal(mif_xml_schema(), file, len);
	free(file);
}

/* A tree read from XML has its places on the lines of the XML. */
static void
test_places(void **state)
{
	(void)state;
	mif_doc *doc = from_xml("<mif>\n<component>\n<group>\n<id>2</id>\n"
	    "</group></component></mif>\n");
	const mif_block *group = mif_doc_component(doc)->u.children;
	assert_int_equal(mif_doc_mark(doc, group->pos).line, 3);
	assert_int_equal(mif_doc_mark(doc, group->stmts[0].pos).line, 4);
	mif_doc_free(doc);
}

static void
test_samples(void **state)
{
	(void)state;
	conv_format f = { "XML", mif_write_xml, mif_parse_xml, 0, 0 };
	conv_samples(&f);
	assert_true(f.files >= 40);
	assert_int_equal(f.failures, 0);
}

/* The form of an input from its first character that is not blank,
 * after a byte-order mark, in UTF-8 and UTF-16 with or without one. */
static void
test_detect_form(void **state)
{
	(void)state;
	static const struct {
		const char *bytes;
		size_t len;
		mif_input_form form;
	} cases[] = {
		{ "", 0, MIF_INPUT_MIF },
		{ "START COMPONENT", 15, MIF_INPUT_MIF },
		{ "// {comment}", 12, MIF_INPUT_MIF },
		{ "<?xml version", 13, MIF_INPUT_XML },
		{ " \t\r\n<mif", 8, MIF_INPUT_XML },
		{ "{\"component\"", 12, MIF_INPUT_JSON },
		{ "\n[", 2, MIF_INPUT_JSON },
		{ "\xEF\xBB\xBF  {", 6, MIF_INPUT_JSON },
		{ "\xEF\xBB\xBFSTART", 8, MIF_INPUT_MIF },
		{ "\xFF\xFE \0<\0", 6, MIF_INPUT_XML },        /* UTF-16LE */
		{ "\xFE\xFF\0 \0{", 6, MIF_INPUT_JSON },       /* UTF-16BE */
		{ "<\0?\0", 4, MIF_INPUT_XML },                /* LE, no mark */
		{ "\0\n\0[", 4, MIF_INPUT_JSON },              /* BE, no mark */
		{ "\xFF\xFES\0", 4, MIF_INPUT_MIF },
		{ "   ", 3, MIF_INPUT_MIF },                   /* blank only */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
		assert_int_equal(mif_detect_form(cases[i].bytes, cases[i].len),
		    cases[i].form);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_construct),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_document_attributes),
		cmocka_unit_test(test_hand_written),
		cmocka_unit_test(test_not_well_formed),
		cmocka_unit_test(test_not_valid),
		cmocka_unit_test(test_errors_stop_at_the_cap),
		cmocka_unit_test(test_no_mif_tree),
		cmocka_unit_test(test_long_document_read_once),
		cmocka_unit_test(test_write_errors),
		cmocka_unit_test(test_schema_text),
		cmocka_unit_test(test_places),
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_detect_form),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
