/* mif_doc_same: equal trees whatever their layout, and each kind of
 * difference found and named. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
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

static mif_doc *
parse(const char *text)
{
	return parse_bytes(text, strlen(text));
}

/* Both ways round the answer is the same; `why` names the difference as
 * seen from a to b. */
static void
assert_same(const char *a, const char *b)
{
	mif_doc *da = parse(a), *db = parse(b);
	char why[256] = "untouched";

	if (!mif_doc_same(da, db, why, sizeof why))
		fail_msg("expected the same, got: %s", why);
	assert_string_equal(why, "");
	assert_true(mif_doc_same(db, da, NULL, 0));
	mif_doc_free(da);
	mif_doc_free(db);
}

static void
assert_differ(const char *a, const char *b, const char *want)
{
	mif_doc *da = parse(a), *db = parse(b);
	char why[256];

	assert_false(mif_doc_same(da, db, why, sizeof why));
	assert_string_equal(why, want);
	assert_false(mif_doc_same(db, da, NULL, 0));
	mif_doc_free(da);
	mif_doc_free(db);
}

#define HEAD "START COMPONENT NAME = \"C\"\n"
#define TAIL "END COMPONENT\n"

/* Three groups; the third has two attributes whose VALUE is given. */
static const char three_groups[] =
    HEAD
    "START GROUP NAME = \"A\" CLASS = \"a|a|1\" ID = 1 END GROUP\n"
    "START GROUP NAME = \"B\" CLASS = \"b|b|1\" ID = 2 END GROUP\n"
    "START GROUP NAME = \"D\" CLASS = \"d|d|1\" ID = 3\n"
    "START ATTRIBUTE NAME = \"x\" ID = 1 TYPE = INTEGER VALUE = 1 END ATTRIBUTE\n"
    "START ATTRIBUTE NAME = \"y\" ID = 2 TYPE = INTEGER VALUE = %s END ATTRIBUTE\n"
    "END GROUP\n"
    TAIL;

static void
test_same_whatever_the_layout(void **state)
{
	(void)state;
	assert_same(
	    "start component name = \"C\" // c\n"
	    "start group name = \"G\" class = \"a|b|1\" id = 0x01 end group\n"
	    "end component",
	    "\n\n  START   COMPONENT\r\n\tNAME=\"C\"   // c\r\n"
	    "\r\n  Start Group\r\n Name = \"G\"\r\n Class = \"a|\" \"b|1\"\r\n"
	    "Id = 0x1\r\n End Group\r\n End Component\r\n\x1A");

	/* other encodings and line ends: UTF-16LE with CRLF */
	static const char ascii[] = "START COMPONENT NAME = \"C\" END COMPONENT\n";
	char utf16[256];
	size_t n = 0;
	utf16[n++] = '\xFF';
	utf16[n++] = '\xFE';
	for (const char *p = ascii; *p != '\0'; p++) {
		if (*p == '\n') {
			utf16[n++] = '\r';
			utf16[n++] = '\0';
		}
		utf16[n++] = *p;
		utf16[n++] = '\0';
	}
	mif_doc *a = parse(ascii), *b = parse_bytes(utf16, n);
	assert_true(mif_doc_same(a, b, NULL, 0));
	mif_doc_free(a);
	mif_doc_free(b);

	/* an octal zero and a decimal zero are both written "0" */
	assert_same(HEAD "START TABLE NAME = \"T\" CLASS = \"a|b|1\" ID = 0 "
	    "END TABLE\n" TAIL,
	    HEAD "START TABLE NAME = \"T\" CLASS = \"a|b|1\" ID = 00 "
	    "END TABLE\n" TAIL);
}

static void
test_value_differs(void **state)
{
	(void)state;
	char a[1024], b[1024];

	snprintf(a, sizeof a, three_groups, "5");
	snprintf(b, sizeof b, three_groups, "6");
	assert_differ(a, b, "group 3 attribute 2: VALUE differs: 5 vs 6");
	snprintf(b, sizeof b, three_groups, "0x05");
	assert_differ(a, b, "group 3 attribute 2: VALUE differs: 5 vs 0x05");
	snprintf(b, sizeof b, three_groups, "-5");
	assert_differ(a, b, "group 3 attribute 2: VALUE differs: 5 vs -5");
	snprintf(b, sizeof b, three_groups, "\"5\"");
	assert_differ(a, b, "group 3 attribute 2: VALUE differs: 5 vs \"5\"");
	snprintf(b, sizeof b, three_groups, "UNKNOWN");
	assert_differ(a, b, "group 3 attribute 2: VALUE differs: 5 vs UNKNOWN");
	snprintf(a, sizeof a, three_groups, "*\"p\"");
	snprintf(b, sizeof b, three_groups, "*\"q\"");
	assert_differ(a, b,
	    "group 3 attribute 2: VALUE differs: *\"p\" vs *\"q\"");
}

static void
test_component_statement_differs(void **state)
{
	(void)state;
	assert_differ(HEAD TAIL, "START COMPONENT NAME = \"D\" END COMPONENT",
	    "component: NAME differs: \"C\" vs \"D\"");
	/* strings are compared by their bytes, NUL included */
	assert_differ(HEAD "DESCRIPTION = \"a\\0b\"\n" TAIL,
	    HEAD "DESCRIPTION = \"a\\0c\"\n" TAIL,
	    "component: DESCRIPTION differs: \"a\\000b\" vs \"a\\000c\"");
	assert_differ(HEAD "DESCRIPTION = \"d\"\n" TAIL,
	    HEAD "PRAGMA = \"d\"\n" TAIL,
	    "component: DESCRIPTION = \"d\" vs PRAGMA = \"d\"");
	assert_differ(HEAD "DESCRIPTION = \"d\"\n" TAIL, HEAD TAIL,
	    "component: DESCRIPTION = \"d\" vs END COMPONENT");
	assert_differ(HEAD TAIL, HEAD "DESCRIPTION = \"d\"\n" TAIL,
	    "component: END COMPONENT vs DESCRIPTION = \"d\"");
}

static void
test_words_types_keys_differ(void **state)
{
	(void)state;
	static const char attr[] = HEAD
	    "START GROUP NAME = \"G\" CLASS = \"a|b|1\" KEY = %s\n"
	    "START ATTRIBUTE NAME = \"A\" ID = 1 TYPE = %s ACCESS = %s END ATTRIBUTE\n"
	    "END GROUP\n" TAIL;
	char a[1024], b[1024];

	snprintf(a, sizeof a, attr, "1", "STRING(64)", "READ-ONLY");
	snprintf(b, sizeof b, attr, "1", "STRING(32)", "READ-ONLY");
	assert_differ(a, b,
	    "group 1 attribute 1: TYPE differs: STRING(64) vs STRING(32)");
	snprintf(b, sizeof b, attr, "1", "DISPLAYSTRING(64)", "READ-ONLY");
	assert_differ(a, b,
	    "group 1 attribute 1: TYPE differs: STRING(64) vs DISPLAYSTRING(64)");
	snprintf(a, sizeof a, attr, "1", "INTEGER", "READ-ONLY");
	snprintf(b, sizeof b, attr, "1", "INT", "READ-ONLY");
	assert_differ(a, b, "group 1 attribute 1: TYPE differs: INTEGER vs INT");
	snprintf(b, sizeof b, attr, "1", "\"E\"", "READ-ONLY");
	assert_differ(a, b, "group 1 attribute 1: TYPE differs: INTEGER vs \"E\"");
	snprintf(b, sizeof b, attr, "1", "INTEGER", "READ-WRITE");
	assert_differ(a, b,
	    "group 1 attribute 1: ACCESS differs: READ-ONLY vs READ-WRITE");
	snprintf(a, sizeof a, attr, "1, 2", "INTEGER", "READ-ONLY");
	snprintf(b, sizeof b, attr, "1, 3", "INTEGER", "READ-ONLY");
	assert_differ(a, b, "group 1: KEY differs: 1, 2 vs 1, 3");
	snprintf(b, sizeof b, attr, "1, 2, 3", "INTEGER", "READ-ONLY");
	assert_differ(a, b, "group 1: KEY differs: 1, 2 vs 1, 2, 3");
	snprintf(b, sizeof b, attr, "1, 0x2", "INTEGER", "READ-ONLY");
	assert_differ(a, b, "group 1: KEY differs: 1, 2 vs 1, 0x02");
}

static void
test_path_differs(void **state)
{
	(void)state;
	assert_differ(
	    HEAD "START PATH NAME = \"L\" WIN32 = \"l\" END PATH\n" TAIL,
	    HEAD "START PATH NAME = \"L\" WIN16 = \"l\" END PATH\n" TAIL,
	    "path 1: WIN32 = \"l\" vs WIN16 = \"l\"");
	assert_differ(
	    HEAD "START PATH NAME = \"L\" WIN32 = \"l\" END PATH\n" TAIL,
	    HEAD "START PATH NAME = \"L\" WIN32 = DIRECT-INTERFACE END PATH\n" TAIL,
	    "path 1: WIN32 differs: \"l\" vs DIRECT-INTERFACE");
}

static void
test_blocks_differ(void **state)
{
	(void)state;
	assert_differ(
	    HEAD "START GROUP NAME = \"G\" CLASS = \"a|b|1\" ID = 1 END GROUP\n" TAIL,
	    HEAD TAIL,
	    "component: START GROUP vs END COMPONENT");
	assert_differ(
	    HEAD "START GROUP NAME = \"G\" CLASS = \"a|b|1\" ID = 1 END GROUP\n" TAIL,
	    HEAD "START TABLE NAME = \"G\" CLASS = \"a|b|1\" ID = 1 END TABLE\n" TAIL,
	    "component: START GROUP vs START TABLE");
	assert_differ(
	    HEAD "START GROUP NAME = \"G\" CLASS = \"a|b|1\" ID = 1\n"
	    "START ATTRIBUTE NAME = \"A\" ID = 1 TYPE = DATE END ATTRIBUTE\n"
	    "END GROUP\n" TAIL,
	    HEAD "START GROUP NAME = \"G\" CLASS = \"a|b|1\" ID = 1 END GROUP\n" TAIL,
	    "group 1: START ATTRIBUTE vs END GROUP");
	/* order counts: a statement moved past a block */
	assert_differ(
	    HEAD "DESCRIPTION = \"d\"\n"
	    "START PATH NAME = \"L\" WIN32 = \"l\" END PATH\n" TAIL,
	    HEAD "START PATH NAME = \"L\" WIN32 = \"l\" END PATH\n"
	    "DESCRIPTION = \"d\"\n" TAIL,
	    "component: DESCRIPTION = \"d\" vs START PATH");
}

static void
test_enums_differ(void **state)
{
	(void)state;
	assert_differ(
	    HEAD "START ENUM NAME = \"E\" TYPE = INTEGER 0 = \"a\" 1 = \"b\" END ENUM\n" TAIL,
	    HEAD "START ENUM NAME = \"E\" TYPE = INTEGER 0 = \"a\" 1 = \"c\" END ENUM\n" TAIL,
	    "enum 1: item 2 differs: 1 = \"b\" vs 1 = \"c\"");
	assert_differ(
	    HEAD "START ENUM NAME = \"E\" TYPE = INTEGER 0 = \"a\" 1 = \"b\" END ENUM\n" TAIL,
	    HEAD "START ENUM NAME = \"E\" TYPE = INTEGER 0 = \"a\" 01 = \"b\" END ENUM\n" TAIL,
	    "enum 1: item 2 differs: 1 = \"b\" vs 01 = \"b\"");
	assert_differ(
	    HEAD "START ENUM NAME = \"E\" TYPE = INTEGER 0 = \"a\" END ENUM\n" TAIL,
	    HEAD "START ENUM NAME = \"E\" TYPE = INTEGER 0 = \"a\" 1 = \"b\" END ENUM\n" TAIL,
	    "enum 1: END ENUM vs 1 = \"b\"");
	static const char inl[] = HEAD
	    "START GROUP NAME = \"G\" CLASS = \"a|b|1\" ID = 1\n"
	    "START ATTRIBUTE NAME = \"A\" ID = 1\n"
	    "TYPE = START ENUM 0 = \"off\" 1 = \"%s\" END ENUM\n"
	    "END ATTRIBUTE END GROUP\n" TAIL;
	char a[1024], b[1024];
	snprintf(a, sizeof a, inl, "on");
	snprintf(b, sizeof b, inl, "ON");
	assert_differ(a, b, "group 1 attribute 1 TYPE enum: item 2 differs: "
	    "1 = \"on\" vs 1 = \"ON\"");
}

static void
test_rows_differ(void **state)
{
	(void)state;
	static const char table[] = HEAD
	    "START TABLE NAME = \"T\" CLASS = \"a|b|1\" ID = 9\n"
	    "{1, \"a\"}\n"
	    "%s\n"
	    "END TABLE\n" TAIL;
	char a[1024], b[1024];

	snprintf(a, sizeof a, table, "{2, \"b\", \"c\"}");
	snprintf(b, sizeof b, table, "{2, \"b\", }");
	assert_differ(a, b, "table 1 row 2: cell 3 differs: \"c\" vs (empty)");
	snprintf(b, sizeof b, table, "{2, \"b\"}");
	assert_differ(a, b, "table 1 row 2: cell \"c\" vs }");
	snprintf(b, sizeof b, table, "{2, \"b\", \"c\"} {3}");
	assert_differ(a, b, "table 1: END TABLE vs a row");
	snprintf(b, sizeof b, table, "{0x2, \"b\", \"c\"}");
	assert_differ(a, b, "table 1 row 2: cell 1 differs: 2 vs 0x02");
	/* a comment inside a row has its place */
	snprintf(a, sizeof a, table, "{2, // x\n \"b\", \"c\"}");
	snprintf(b, sizeof b, table, "{2, \"b\", // x\n \"c\"}");
	assert_differ(a, b, "table 1 row 2: comment // x vs cell \"b\"");
}

static void
test_comments_differ(void **state)
{
	(void)state;
	assert_differ(HEAD "// one\n" TAIL, HEAD "// two\n" TAIL,
	    "component: comment // one vs comment // two");
	assert_differ(HEAD "// one\n" TAIL, HEAD "//one\n" TAIL,
	    "component: comment // one vs comment //one");
	assert_differ(HEAD "// one\n" TAIL, HEAD TAIL,
	    "component: comment // one vs END COMPONENT");
	/* the same text in another place */
	assert_differ("START COMPONENT // c\nNAME = \"C\" END COMPONENT",
	    "START COMPONENT NAME = \"C\" // c\nEND COMPONENT",
	    "component: comment // c vs NAME = \"C\"");
	/* on the line of a token, or on a line of its own */
	assert_differ(HEAD "DESCRIPTION = \"d\" // c\n" TAIL,
	    HEAD "DESCRIPTION = \"d\"\n// c\n" TAIL,
	    "component: comment // c: after a token in the first, on its "
	    "own line in the second");
	/* around the component */
	assert_differ("// head\n" HEAD TAIL, HEAD TAIL,
	    "document: comment // head vs START COMPONENT");
	assert_differ(HEAD TAIL "// tail\n", HEAD TAIL,
	    "document: comment // tail vs end of file");
	/* inside a block that ends */
	assert_differ(
	    HEAD "START PATH NAME = \"L\" WIN32 = \"l\" // in\nEND PATH\n" TAIL,
	    HEAD "START PATH NAME = \"L\" WIN32 = \"l\" END PATH // in\n" TAIL,
	    "path 1: comment // in vs END PATH");
}

static void
test_no_component(void **state)
{
	(void)state;
	static const char only[] = "// just this\n";
	mif_error err;
	mif_doc *a = mif_parse_buffer(only, sizeof only - 1, NULL, &err);
	mif_doc *b = parse(HEAD TAIL);
	char why[256];

	assert_non_null(a);
	assert_false(mif_doc_same(a, b, why, sizeof why));
	assert_string_equal(why, "document: comment // just this vs START COMPONENT");
	mif_doc *c = mif_parse_buffer(only, sizeof only - 1, NULL, &err);
	assert_non_null(c);
	assert_true(mif_doc_same(a, c, why, sizeof why));
	mif_doc_free(a);
	mif_doc_free(b);
	mif_doc_free(c);
}

/* A short buffer gets a cut, terminated message. */
static void
test_short_why(void **state)
{
	(void)state;
	mif_doc *a = parse(HEAD TAIL);
	mif_doc *b = parse("START COMPONENT NAME = \"D\" END COMPONENT");
	char why[12];

	memset(why, 'x', sizeof why);
	assert_false(mif_doc_same(a, b, why, sizeof why));
	assert_string_equal(why, "component: ");
	memset(why, 'x', sizeof why);
	assert_false(mif_doc_same(a, b, why, 5));
	assert_string_equal(why, "comp");
	assert_int_equal(why[5], 'x');
	mif_doc_free(a);
	mif_doc_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_whatever_the_layout),
		cmocka_unit_test(test_value_differs),
		cmocka_unit_test(test_component_statement_differs),
		cmocka_unit_test(test_words_types_keys_differ),
		cmocka_unit_test(test_path_differs),
		cmocka_unit_test(test_blocks_differ),
		cmocka_unit_test(test_enums_differ),
		cmocka_unit_test(test_rows_differ),
		cmocka_unit_test(test_comments_differ),
		cmocka_unit_test(test_no_component),
		cmocka_unit_test(test_short_why),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
