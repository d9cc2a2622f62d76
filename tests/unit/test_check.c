/* The validator, mif_check(): one test per check, each with inputs that
 * pass it and inputs that fail it, asserting every diagnostic exactly. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "diag_text.h"

static const char *
code_name(mif_code code)
{
	switch (code) {
	case MIF_E_NOMEM: return "nomem";
	case MIF_E_TOO_MANY: return "too-many";
	case MIF_E_MISSING: return "missing";
	case MIF_E_TYPE: return "type";
	case MIF_E_RANGE: return "range";
	case MIF_E_SIZE: return "size";
	case MIF_E_DATE: return "date";
	case MIF_E_ENUM: return "enum";
	case MIF_E_DUP_ID: return "dup-id";
	case MIF_E_KEY: return "key";
	case MIF_E_CLASS: return "class";
	case MIF_E_TABLE: return "table";
	case MIF_E_DUP_ROW: return "dup-row";
	case MIF_E_ACCESS: return "access";
	case MIF_E_OVERLAY: return "overlay";
	case MIF_E_COMPONENTID: return "componentid";
	default: return "other";
	}
}

/* The diagnostics from index `from` on, one a line:
 * "LINE:COL: severity: code: text", then " [LINE:COL]" for a context. */
static void
format_diags(const mif_doc *doc, size_t from, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = from; i < mif_doc_diag_count(doc) && used < len; i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		used += (size_t)snprintf(buf + used, len - used,
		    "%u:%u: %s: %s: %s", e->mark.line, e->mark.column,
		    mif_severity_name(e->severity), code_name(e->code), e->text);
		if (used < len && e->context.line != 0)
			used += (size_t)snprintf(buf + used, len - used,
			    " [%u:%u]", e->context.line, e->context.column);
		if (used < len)
			used += (size_t)snprintf(buf + used, len - used, "\n");
	}
}

static size_t
count_errors(const char *want)
{
	size_t n = 0;
	for (const char *p = want; (p = strstr(p, ": error: ")) != NULL; p++)
		n++;
	for (const char *p = want; (p = strstr(p, ": fatal: ")) != NULL; p++)
		n++;
	return n;
}

/* Check a document the parser takes without a word; compare what the
 * validator says, and the number of errors it returns. */
static void
check_says_opts(mif_doc *doc, const mif_check_options *opts,
    const char *want)
{
	static char buf[1 << 16];
	size_t parsed = mif_doc_diag_count(doc);
	format_diags(doc, 0, buf, sizeof buf);
	assert_string_equal(buf, ""); /* the input is good MIF syntax */
	size_t errors = mif_check(doc, opts);
	format_diags(doc, parsed, buf, sizeof buf);
	assert_string_equal(buf, want);
	assert_int_equal(errors, count_errors(want));
	assert_int_equal(mif_doc_error_count(doc), errors);
}

static void
check_says(const char *text, const char *want)
{
	mif_doc *doc = parse_text(text);
	check_says_opts(doc, NULL, want);
	mif_doc_free(doc);
}

/* What every test without a group 1 also gets. */
#define NO_CID "1:1: warning: componentid: no ComponentID group (ID 1)\n"

/* A proper ComponentID group, 8 lines, for tests about group 1. */
#define CID_HEAD \
	"START COMPONENT NAME = \"C\"\n" \
	"START GROUP NAME = \"ComponentID\" ID = 1 CLASS = \"DMTF|ComponentID|1.0\"\n" \
	"START ATTRIBUTE NAME = \"Manufacturer\" ID = 1 TYPE = STRING(64) VALUE = \"Acme\" END ATTRIBUTE\n" \
	"START ATTRIBUTE NAME = \"Product\" ID = 2 TYPE = STRING(64) VALUE = \"Widget\" END ATTRIBUTE\n" \
	"START ATTRIBUTE NAME = \"Version\" ID = 3 TYPE = DISPLAYSTRING(64) VALUE = \"1.0\" END ATTRIBUTE\n" \
	"START ATTRIBUTE NAME = \"Serial Number\" ID = 4 TYPE = STRING(64) VALUE = \"\" END ATTRIBUTE\n" \
	"START ATTRIBUTE NAME = \"Installation\" ID = 5 TYPE = DATE VALUE = \"19970101120000.000000+060\" END ATTRIBUTE\n" \
	"START ATTRIBUTE NAME = \"Verify\" ID = 6 TYPE = INTEGER VALUE = 7 END ATTRIBUTE\n"

static void
test_valid_document(void **state)
{
	(void)state;
	check_says(CID_HEAD
	    "END GROUP\n"
	    "START PATH NAME = \"P\" WIN32 = \"p.dll\" END PATH\n"
	    "START ENUM NAME = \"Color\" 0 = \"red\" 1 = \"green\" END ENUM\n"
	    "START GROUP NAME = \"S\" ID = 2 CLASS = \"A|Scalar|1\"\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 1 TYPE = \"Color\" VALUE = \"green\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"o\" ID = 2 TYPE = COUNTER VALUE = *\"P\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"w\" ID = 3 TYPE = GAUGE ACCESS = WRITE-ONLY END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START GROUP NAME = \"T\" CLASS = \"A|Template|1\" KEY = 1, 2\n"
	    "START ATTRIBUTE NAME = \"k\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 2 TYPE = \"Color\" VALUE = 0 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"s\" ID = 3 TYPE = STRING(4) VALUE = \"x\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START TABLE NAME = \"Rows\" ID = 3 CLASS = \"A|Template|1\"\n"
	    "{1, \"red\", \"abcd\"}\n"
	    "{1, 1}\n"
	    "{2}\n"
	    "{3, , UNKNOWN}\n"
	    "END TABLE\n"
	    "END COMPONENT\n", "");
}

static void
test_component_and_path_names(void **state)
{
	(void)state;
	check_says("START COMPONENT\n"
	    "START PATH WIN32 = \"x.dll\" END PATH\n"
	    "END COMPONENT\n",
	    "1:1: error: missing: component has no NAME\n"
	    NO_CID
	    "2:1: error: missing: path has no NAME\n");
}

static void
test_group_required_statements(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP ID = 2 CLASS = \"A|B|1\" END GROUP\n"
	    "START GROUP NAME = \"G\" ID = 3 END GROUP\n"
	    "START GROUP NAME = \"H\" CLASS = \"A|H|1\" END GROUP\n"
	    "START GROUP NAME = \"Fine\" CLASS = \"A|F|1\" ID = 4 END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "2:1: error: missing: group has no NAME\n"
	    "2:1: warning: missing: group at line 2 has no attribute; the DMI "
	    "reference parser refuses it (NO_ATTRIBUTES)\n"
	    "3:1: error: missing: group \"G\" has no CLASS\n"
	    "3:1: warning: missing: group \"G\" has no attribute; the DMI "
	    "reference parser refuses it (NO_ATTRIBUTES)\n"
	    "4:1: error: missing: group \"H\" has neither ID nor KEY\n"
	    "4:1: warning: missing: group \"H\" has no attribute; the DMI "
	    "reference parser refuses it (NO_ATTRIBUTES)\n"
	    "5:1: warning: missing: group \"Fine\" has no attribute; the DMI "
	    "reference parser refuses it (NO_ATTRIBUTES)\n");
}

static void
test_attribute_required_statements(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"a\" TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 3 VALUE = \"x\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 4 TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "3:1: error: missing: attribute in group \"G\" has no NAME\n"
	    "4:1: error: missing: attribute \"a\" has no ID\n"
	    "5:1: error: missing: attribute \"b\" has no TYPE\n");
}

static void
test_string_type_size(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = STRING VALUE = \"x\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = STRING(0) END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 3 TYPE = DISPLAYSTRING END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d\" ID = 4 TYPE = OCTETSTRING(0) END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"e\" ID = 5 TYPE = STRING(1) VALUE = \"x\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "3:35: error: size: STRING type needs a size\n"
	    "4:35: error: size: STRING type needs a size\n"
	    "5:35: error: size: DISPLAYSTRING type needs a size\n"
	    "6:35: error: size: OCTETSTRING type needs a size\n");
}

static void
test_duplicate_attribute_ids(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"Names\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 3 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 0x3 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START GROUP NAME = \"Other\" ID = 3 CLASS = \"A|C|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "5:28: error: dup-id: duplicate attribute ID 3 in group \"Names\" "
	    "(first at line 4) [4:28]\n"
	    "6:28: error: dup-id: duplicate attribute ID 1 in group \"Names\" "
	    "(first at line 3) [3:28]\n");
}

/* An attribute, for groups that are not about their attributes. */
#define ATTR "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER END ATTRIBUTE"

static void
test_group_and_table_ids_shared(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\" " ATTR " END GROUP\n"
	    "START GROUP NAME = \"T\" CLASS = \"A|T|1\" KEY = 1\n"
	    "START ATTRIBUTE NAME = \"k\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START TABLE NAME = \"Tab\" ID = 2 CLASS = \"A|T|1\" END TABLE\n"
	    "START TABLE NAME = \"Tab2\" ID = 4 CLASS = \"A|T|1\" END TABLE\n"
	    "START GROUP NAME = \"H\" ID = 4 CLASS = \"A|H|1\" " ATTR " END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "6:26: error: dup-id: duplicate ID 2 of table \"Tab\", already used "
	    "by group \"G\" (first at line 2) [2:24]\n"
	    "8:24: error: dup-id: duplicate ID 4 of group \"H\", already used "
	    "by table \"Tab2\" (first at line 7) [7:27]\n");
}

/* IDs that differ in every byte, repeated out of order: each repeat is
 * reported against the first block of its ID in source order, as a
 * look back over the groups before it finds. */
static void
test_ids_repeated_out_of_order(void **state)
{
	enum { N = 600 };
	static const uint32_t ids[] = { 4294967295u, 1u, 16777216u, 65536u,
	    256u, 4278190080u, 2u, 16843009u };
	static char text[N * 160 + 64], want[N * 200];
	uint32_t id[N];
	size_t used = 0, wused = 0;

	(void)state;
	used += (size_t)snprintf(text + used, sizeof text - used,
	    "START COMPONENT NAME = \"C\"\n");
	wused += (size_t)snprintf(want + wused, sizeof want - wused, NO_CID);
	for (unsigned i = 0; i < N; i++) {
		/* most IDs unique, every seventh one of a few repeated */
		id[i] = i % 7 == 3 ? ids[(i * 5) % 8] : 3u + i * 2654435761u % 4000000000u;
		if (id[i] == 1u)
			id[i] = 3u; /* no group 1: the warning stays the same */
		used += (size_t)snprintf(text + used, sizeof text - used,
		    "START GROUP NAME = \"G%u\" ID = %u CLASS = \"A|B|1\" " ATTR
		    " END GROUP\n", i, id[i]);
		for (unsigned j = 0; j < i; j++) {
			if (id[j] != id[i])
				continue;
			int col = 24 + snprintf(NULL, 0, "%u", i);
			int fcol = 24 + snprintf(NULL, 0, "%u", j);
			wused += (size_t)snprintf(want + wused, sizeof want - wused,
			    "%u:%d: error: dup-id: duplicate ID %u of group \"G%u\", "
			    "already used by group \"G%u\" (first at line %u) [%u:%d]\n",
			    i + 2, col, id[i], i, j, j + 2, j + 2, fcol);
			break;
		}
	}
	snprintf(text + used, sizeof text - used, "END COMPONENT\n");
	mif_doc *doc = parse_text(text);
	mif_check_options opts = { .max_errors = 10000 };
	check_says_opts(doc, &opts, want);
	mif_doc_free(doc);
}

static void
test_key(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\" KEY = 2, 7, 1, 0x2\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START GROUP NAME = \"H\" ID = 3 CLASS = \"A|H|1\" KEY = 1, 2\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "2:47: error: key: KEY of group \"G\" names attribute ID 7, which "
	    "the group does not have\n"
	    "2:47: error: key: KEY of group \"G\" names attribute ID 0x2 twice\n");
}

static void
test_class_form(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"A\" ID = 2 CLASS = \"System\" " ATTR " END GROUP\n"
	    "START GROUP NAME = \"B\" ID = 3 CLASS = \"a||1\" " ATTR " END GROUP\n"
	    "START GROUP NAME = \"C\" ID = 4 CLASS = \"a|b|1|2\" " ATTR " END GROUP\n"
	    "START GROUP NAME = \"D\" ID = 5 CLASS = \"|b|1\" " ATTR " END GROUP\n"
	    "START GROUP NAME = \"E\" ID = 6 CLASS = \"a|b|\" " ATTR " END GROUP\n"
	    "START GROUP NAME = \"F\" ID = 7 CLASS = \"a b|c d|1.0\" " ATTR " END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "2:31: warning: class: class \"System\" of group \"A\" is not of the "
	    "form \"defining body|specific name|version\"\n"
	    "3:31: warning: class: class \"a||1\" of group \"B\" is not of the "
	    "form \"defining body|specific name|version\"\n"
	    "4:31: warning: class: class \"a|b|1|2\" of group \"C\" is not of the "
	    "form \"defining body|specific name|version\"\n"
	    "5:31: warning: class: class \"|b|1\" of group \"D\" is not of the "
	    "form \"defining body|specific name|version\"\n"
	    "6:31: warning: class: class \"a|b|\" of group \"E\" is not of the "
	    "form \"defining body|specific name|version\"\n");
}

/* A template T (KEY 1, 2; attribute 3 has a default) for table tests. */
#define TEMPLATE \
	"START COMPONENT NAME = \"C\"\n" \
	"START ENUM NAME = \"E\" 1 = \"one\" 2 = \"two\" END ENUM\n" \
	"START GROUP NAME = \"T\" CLASS = \"A|T|1\" KEY = 1, 2\n" \
	"START ATTRIBUTE NAME = \"k\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n" \
	"START ATTRIBUTE NAME = \"e\" ID = 2 TYPE = \"E\" END ATTRIBUTE\n" \
	"START ATTRIBUTE NAME = \"d\" ID = 3 TYPE = STRING(8) VALUE = \"def\" END ATTRIBUTE\n" \
	"END GROUP\n"

static void
test_template_class_unique(void **state)
{
	(void)state;
	check_says(TEMPLATE
	    "START GROUP NAME = \"T2\" CLASS = \"A|T|1\" KEY = 1\n"
	    "START ATTRIBUTE NAME = \"k\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START GROUP NAME = \"Keyed\" ID = 2 CLASS = \"A|T|1\" KEY = 1\n"
	    "START ATTRIBUTE NAME = \"k\" ID = 1 TYPE = INTEGER VALUE = 1 END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START GROUP NAME = \"U\" CLASS = \"A|t|1\" KEY = 1\n"
	    "START ATTRIBUTE NAME = \"k\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "8:25: error: class: template class \"A|T|1\" of group \"T2\" is not "
	    "unique (first at line 3) [3:24]\n");
}

static void
test_table_without_template(void **state)
{
	(void)state;
	check_says(TEMPLATE
	    "START TABLE NAME = \"X\" ID = 2 CLASS = \"A|t|1\" {1} END TABLE\n"
	    "START TABLE ID = 3 CLASS = \"A|T|1\" {1, 1} END TABLE\n"
	    "START TABLE NAME = \"Y\" CLASS = \"A|T|1\" END TABLE\n"
	    "START TABLE NAME = \"Z\" ID = 5 END TABLE\n"
	    "END COMPONENT\n",
	    NO_CID
	    "8:31: error: table: class \"A|t|1\" of table \"X\" names no "
	    "template\n"
	    "9:1: error: missing: table has no NAME\n"
	    "10:1: error: missing: table \"Y\" has no ID\n"
	    "11:1: error: missing: table \"Z\" has no CLASS\n");
}

static void
test_rows(void **state)
{
	(void)state;
	check_says(TEMPLATE
	    "START TABLE NAME = \"Tab\" ID = 2 CLASS = \"A|T|1\"\n"
	    "{1, 1, \"x\"}\n"
	    "{1, 2, \"x\", 4}\n"
	    "{2, , \"x\"}\n"
	    "{3}\n"
	    "{, 1}\n"
	    "{4, 1, }\n"
	    "END TABLE\n"
	    "END COMPONENT\n",
	    NO_CID
	    "10:1: error: table: row of table \"Tab\" has 4 values, but its "
	    "template \"T\" has 3 attributes\n"
	    "11:4: error: table: row of table \"Tab\" has no value for attribute "
	    "\"e\", which has no default\n"
	    "12:3: error: table: row of table \"Tab\" has no value for attribute "
	    "\"e\", which has no default\n"
	    "13:2: error: table: row of table \"Tab\" has no value for attribute "
	    "\"k\", which has no default\n");
}

static void
test_duplicate_rows(void **state)
{
	(void)state;
	check_says(TEMPLATE
	    "START TABLE NAME = \"Tab\" ID = 2 CLASS = \"A|T|1\"\n"
	    "{1, 1}\n"
	    "{1, 2}\n"
	    "{2, 1}\n"
	    "{0x1, \"one\", \"other\"}\n"
	    "{-0, 2}\n"
	    "{0, \"two\"}\n"
	    "{02, \"two\"}\n"
	    "{2, \"Two\"}\n"
	    "END TABLE\n"
	    "END COMPONENT\n",
	    NO_CID
	    "12:1: error: dup-row: duplicate row key in table \"Tab\" (first at "
	    "line 9) [9:1]\n"
	    "14:1: error: dup-row: duplicate row key in table \"Tab\" (first at "
	    "line 13) [13:1]\n"
	    "16:5: warning: enum: value \"Two\" of attribute \"e\" matches symbol "
	    "\"two\" of enum \"E\" only when case is ignored\n"
	    "16:1: error: dup-row: duplicate row key in table \"Tab\" (first at "
	    "line 15) [15:1]\n");
}

static void
test_large_table_is_linear(void **state)
{
	(void)state;
	enum { ROWS = 200000 };
	size_t cap = 200 + (size_t)ROWS * 24;
	char *text = test_malloc(cap);
	size_t n = (size_t)snprintf(text, cap, "%s",
	    TEMPLATE "START TABLE NAME = \"Tab\" ID = 2 CLASS = \"A|T|1\"\n");
	for (unsigned i = 0; i < ROWS; i++)
		n += (size_t)snprintf(text + n, cap - n, "{%u, %u, \"r\"}\n",
		    i % 1000, i / 1000 + (i == ROWS - 1 ? 0 : 1));
	snprintf(text + n, cap - n, "END TABLE\nEND COMPONENT\n");
	/* the last row repeats the key of row 198999 (from 0), at line 9 + 198999 */
	check_says(text, NO_CID
	    "200008:1: error: dup-row: duplicate row key in table \"Tab\" "
	    "(first at line 199008) [199008:1]\n");
	test_free(text);
}

static void
test_integer_ranges(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"i1\" ID = 1 TYPE = INTEGER VALUE = 2147483647 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"i2\" ID = 2 TYPE = INT VALUE = -2147483648 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"i3\" ID = 3 TYPE = INTEGER VALUE = 2147483648 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"i4\" ID = 4 TYPE = INT VALUE = -0x80000001 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"l1\" ID = 5 TYPE = INTEGER64 VALUE = 9223372036854775807 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"l2\" ID = 6 TYPE = INT64 VALUE = -9223372036854775808 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"l3\" ID = 7 TYPE = INTEGER64 VALUE = 0x8000000000000000 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"l4\" ID = 8 TYPE = INT64 VALUE = -1 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c1\" ID = 9 TYPE = COUNTER VALUE = 4294967295 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c2\" ID = 10 TYPE = COUNTER VALUE = 4294967296 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c3\" ID = 11 TYPE = COUNTER VALUE = -1 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"g1\" ID = 12 TYPE = GAUGE VALUE = 037777777777 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"g2\" ID = 13 TYPE = GAUGE VALUE = 040000000000 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"g3\" ID = 14 TYPE = GAUGE VALUE = -0 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d1\" ID = 15 TYPE = COUNTER64 VALUE = 18446744073709551615 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d2\" ID = 16 TYPE = COUNTER64 VALUE = -5 END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "5:51: error: range: value 2147483648 of attribute \"i3\" is out of "
	    "range for INTEGER (-2147483648 to 2147483647)\n"
	    "6:47: error: range: value -0x80000001 of attribute \"i4\" is out of "
	    "range for INT (-2147483648 to 2147483647)\n"
	    "9:53: error: range: value 0x8000000000000000 of attribute \"l3\" is "
	    "out of range for INTEGER64 (-9223372036854775808 to "
	    "9223372036854775807)\n"
	    "12:52: error: range: value 4294967296 of attribute \"c2\" is out of "
	    "range for COUNTER (0 to 4294967295)\n"
	    "13:52: error: range: value -1 of attribute \"c3\" is negative, but "
	    "its type is COUNTER\n"
	    "15:50: error: range: value 040000000000 of attribute \"g2\" is out "
	    "of range for GAUGE (0 to 4294967295)\n"
	    "18:54: error: range: value -5 of attribute \"d2\" is negative, but "
	    "its type is COUNTER64\n");
}

static void
test_strings_and_numbers(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"n\" ID = 1 TYPE = INTEGER VALUE = \"12\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 2 TYPE = COUNTER64 VALUE = \"\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"s\" ID = 3 TYPE = STRING(4) VALUE = 12 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"o\" ID = 4 TYPE = OCTETSTRING(4) VALUE = 0x12 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d\" ID = 5 TYPE = DATE VALUE = 19970101 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"u\" ID = 6 TYPE = INTEGER VALUE = UNKNOWN END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"v\" ID = 7 TYPE = DATE VALUE = UNSUPPORTED END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "3:50: error: type: value of attribute \"n\" is a string, but its "
	    "type is INTEGER\n"
	    "4:52: error: type: value of attribute \"c\" is a string, but its "
	    "type is COUNTER64\n"
	    "5:52: error: type: value of attribute \"s\" is a number, but its "
	    "type is STRING(4)\n"
	    "6:57: error: type: value of attribute \"o\" is a number, but its "
	    "type is OCTETSTRING(4)\n"
	    "7:47: error: type: value of attribute \"d\" is a number, but its "
	    "type is DATE\n");
}

static void
test_string_length(void **state)
{
	(void)state;
	/* sizes count characters: "\xc3\xa9" (é) is one */
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = STRING(4) VALUE = \"abcd\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = STRING(4) VALUE = \"abcde\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 3 TYPE = DISPLAYSTRING(2) VALUE = \"\\xe9\\xe9\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d\" ID = 4 TYPE = OCTETSTRING(2) VALUE = \"\\x01\\x02\\x03\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"e\" ID = 5 TYPE = STRING(1) VALUE = \"\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "4:52: error: size: value of attribute \"b\" is 5 characters long, "
	    "more than its STRING(4) allows\n"
	    "6:57: error: size: value of attribute \"d\" is 3 characters long, "
	    "more than its OCTETSTRING(2) allows\n");
}

static void
test_dates(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = DATE VALUE = \"20240229235960.999999-720\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = DATE VALUE = \"*************************\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 3 TYPE = DATE VALUE = \"1997****120000.******+***\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d\" ID = 4 TYPE = DATE VALUE = \"\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"e\" ID = 5 TYPE = DATE VALUE = \"2024-01-01\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"f\" ID = 6 TYPE = DATE VALUE = \"20231301000000.000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"g\" ID = 7 TYPE = DATE VALUE = \"20230229000000.000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"h\" ID = 8 TYPE = DATE VALUE = \"20230431000000.000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"i\" ID = 9 TYPE = DATE VALUE = \"20230400000000.000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"j\" ID = 10 TYPE = DATE VALUE = \"20230401240000.000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"k\" ID = 11 TYPE = DATE VALUE = \"20230401006000.000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"l\" ID = 12 TYPE = DATE VALUE = \"20230401000061.000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"m\" ID = 13 TYPE = DATE VALUE = \"20230401000000,000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"n\" ID = 14 TYPE = DATE VALUE = \"20230401000000.000000 000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"o\" ID = 15 TYPE = DATE VALUE = \"20230401000000.000000+841\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"p\" ID = 16 TYPE = DATE VALUE = \"2023040100000*.000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"q\" ID = 17 TYPE = DATE VALUE = \"21000229000000.000000+000\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"r\" ID = 18 TYPE = DATE VALUE = \"20000229000000.000000+000\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "6:47: warning: date: value of attribute \"d\" is an empty DATE, "
	    "taken as unknown\n"
	    "7:47: error: date: invalid DATE value \"2024-01-01\" of attribute "
	    "\"e\": it has 10 characters, not 25 (yyyymmddHHMMSS.uuuuuu+ooo)\n"
	    "8:47: error: date: invalid DATE value \"20231301000000.000000+000\" "
	    "of attribute \"f\": month 13 is not 01 to 12\n"
	    "9:47: error: date: invalid DATE value \"20230229000000.000000+000\" "
	    "of attribute \"g\": day 29 is past the end of month 02 of 2023\n"
	    "10:47: error: date: invalid DATE value \"20230431000000.000000+000\" "
	    "of attribute \"h\": day 31 is past the end of month 04\n"
	    "11:47: error: date: invalid DATE value \"20230400000000.000000+000\" "
	    "of attribute \"i\": day 00 is not 01 to 31\n"
	    "12:48: error: date: invalid DATE value \"20230401240000.000000+000\" "
	    "of attribute \"j\": hour 24 is not 00 to 23\n"
	    "13:48: error: date: invalid DATE value \"20230401006000.000000+000\" "
	    "of attribute \"k\": minute 60 is not 00 to 59\n"
	    "14:48: error: date: invalid DATE value \"20230401000061.000000+000\" "
	    "of attribute \"l\": second 61 is not 00 to 60\n"
	    "15:48: error: date: invalid DATE value \"20230401000000,000000+000\" "
	    "of attribute \"m\": character 15 is not '.'\n"
	    "16:48: error: date: invalid DATE value \"20230401000000.000000 000\" "
	    "of attribute \"n\": character 22 is not '+' or '-'\n"
	    "17:48: error: date: invalid DATE value \"20230401000000.000000+841\" "
	    "of attribute \"o\": UTC offset +841 is more than 840 minutes\n"
	    "18:48: error: date: invalid DATE value \"2023040100000*.000000+000\" "
	    "of attribute \"p\": its second is neither digits nor all '*'\n"
	    "19:48: error: date: invalid DATE value \"21000229000000.000000+000\" "
	    "of attribute \"q\": day 29 is past the end of month 02 of 2100\n");
}

static void
test_enum_types(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START ENUM NAME = \"Verify_Type\" TYPE = INTEGER 0 = \"bad\" 7 = \"good\" END ENUM\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = \"Verify_Type\" VALUE = \"good\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = \"verify_type\" VALUE = \"good\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 3 TYPE = \"Nothing\" VALUE = \"good\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d\" ID = 4 TYPE = \"Later\" VALUE = 5 END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START ENUM NAME = \"Later\" END ENUM\n"
	    "END COMPONENT\n",
	    NO_CID
	    "5:35: warning: enum: type \"verify_type\" of attribute \"b\" names "
	    "enum \"Verify_Type\" only when case is ignored\n"
	    "6:35: error: enum: type \"Nothing\" of attribute \"c\" names no enum "
	    "of the component\n");
}

static void
test_enum_values(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START ENUM NAME = \"E\" 0 = \"Off\" 1 = \"On\" END ENUM\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = \"E\" VALUE = \"On\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = \"E\" VALUE = \"ON\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 3 TYPE = \"E\" VALUE = \"Maybe\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d\" ID = 4 TYPE = \"E\" VALUE = 42 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"e\" ID = 5 TYPE = \"E\" VALUE = 0x80000000 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"f\" ID = 6 TYPE = START ENUM 1 = \"x\" END ENUM\n"
	    "  VALUE = \"y\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "5:46: warning: enum: value \"ON\" of attribute \"b\" matches symbol "
	    "\"On\" of enum \"E\" only when case is ignored\n"
	    "6:46: error: enum: value \"Maybe\" of attribute \"c\" is not a symbol "
	    "of enum \"E\"\n"
	    "8:46: error: range: value 0x80000000 of attribute \"e\" is out of "
	    "range for INTEGER (-2147483648 to 2147483647)\n"
	    "10:3: error: enum: value \"y\" of attribute \"f\" is not a symbol of "
	    "its inline enum\n");
}

static void
test_enum_blocks(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START ENUM NAME = \"E\" TYPE = COUNTER\n"
	    "  0 = \"a\" 1 = \"b\" 0x0 = \"c\" 2 = \"a\" -1 = \"d\"\n"
	    "END ENUM\n"
	    "START ENUM 0 = \"x\" END ENUM\n"
	    "START ENUM NAME = \"E\" END ENUM\n"
	    "START ENUM NAME = \"S\" TYPE = STRING(4) END ENUM\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"i\" ID = 1\n"
	    "  TYPE = START ENUM 1 = \"p\" 1 = \"q\" 5000000000 = \"r\" END ENUM\n"
	    "END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "3:19: warning: enum: enum \"E\" gives value 0x0 twice (first at "
	    "line 3) [3:3]\n"
	    "3:29: warning: enum: enum \"E\" gives symbol \"a\" twice (first at "
	    "line 3) [3:3]\n"
	    "3:37: error: range: value -1 of enum \"E\" is negative, but its "
	    "type is COUNTER\n"
	    "5:1: error: missing: enum has no NAME\n"
	    "6:12: warning: enum: enum \"E\" is defined twice (first at line 2) "
	    "[2:12]\n"
	    "7:23: error: type: enum \"S\" has type STRING(4), but an enum's type "
	    "must be an integer type\n"
	    "10:29: warning: enum: enum at line 10 gives value 1 twice (first at "
	    "line 10) [10:21]\n"
	    "10:37: error: range: value 5000000000 of enum at line 10 is out of "
	    "range for INTEGER (-2147483648 to 2147483647)\n");
}

static void
test_write_only_value(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"pw\" ID = 1 TYPE = STRING(8) ACCESS = WRITE-ONLY\n"
	    "  VALUE = \"secret\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"rw\" ID = 2 TYPE = STRING(8) ACCESS = READ-WRITE\n"
	    "  VALUE = \"open\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "4:3: error: access: attribute \"pw\" is WRITE-ONLY but has a "
	    "VALUE\n");
}

static void
test_overlays(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER VALUE = *\"NAMES\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = DATE VALUE = *\"names\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 3 TYPE = STRING(1) VALUE = *\"NONE\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START PATH NAME = \"NAMES\" OS2 = \"names\" END PATH\n"
	    "END COMPONENT\n",
	    NO_CID
	    "4:47: error: overlay: overlay *\"names\" of attribute \"b\" names no "
	    "path of the component\n"
	    "5:52: error: overlay: overlay *\"NONE\" of attribute \"c\" names no "
	    "path of the component\n");
}

static void
test_table_cells_checked(void **state)
{
	(void)state;
	check_says(TEMPLATE
	    "START PATH NAME = \"P\" WIN32 = \"p.dll\" END PATH\n"
	    "START TABLE NAME = \"Tab\" ID = 2 CLASS = \"A|T|1\"\n"
	    "{\"1\", 1, \"123456789\"}\n"
	    "{2, \"three\", *\"P\"}\n"
	    "{3, 2, *\"Q\"}\n"
	    "END TABLE\n"
	    "END COMPONENT\n",
	    NO_CID
	    "10:2: error: type: value of attribute \"k\" is a string, but its type "
	    "is INTEGER\n"
	    "10:10: error: size: value of attribute \"d\" is 9 characters long, "
	    "more than its STRING(8) allows\n"
	    "11:5: error: enum: value \"three\" of attribute \"e\" is not a symbol "
	    "of enum \"E\"\n"
	    "12:8: error: overlay: overlay *\"Q\" of attribute \"d\" names no path "
	    "of the component\n");
}

static void
test_componentid_group(void **state)
{
	(void)state;
	check_says(CID_HEAD "END GROUP\nEND COMPONENT\n", "");
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"ComponentID\" ID = 1 CLASS = \"dmtf|componentid|1.0\"\n"
	    "START ATTRIBUTE NAME = \"manufacturer\" ID = 1 TYPE = STRING(65) END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"Product\" ID = 2 TYPE = OCTETSTRING(8) END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"Locale\" ID = 3 TYPE = STRING(32) END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"Installation\" ID = 4 TYPE = STRING(64) END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"Verify\" ID = 5 TYPE = INTEGER VALUE = 8 END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    "2:1: warning: componentid: ComponentID group has no \"Version\" "
	    "attribute\n"
	    "2:1: warning: componentid: ComponentID group has no \"Serial "
	    "Number\" attribute\n"
	    "3:46: warning: componentid: ComponentID attribute \"manufacturer\" "
	    "has type STRING(65), not a string of at most 64 characters\n"
	    "4:41: warning: componentid: ComponentID attribute \"Product\" has "
	    "type OCTETSTRING(8), not a string of at most 64 characters\n"
	    "5:40: warning: componentid: ComponentID attribute \"Locale\" has "
	    "type STRING(32), not a string of at most 16 characters\n"
	    "6:46: warning: componentid: ComponentID attribute \"Installation\" "
	    "has type STRING(64), not DATE\n"
	    "7:55: warning: componentid: ComponentID attribute \"Verify\" has "
	    "value 8, not 0 to 7\n");
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"InstallStatus\" ID = 1 CLASS = \"MICROSOFT|JOBSTATUS|1.0\"\n"
	    "START ATTRIBUTE NAME = \"Status\" ID = 1 TYPE = STRING(16) VALUE = \"FAILED\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    "2:43: warning: componentid: group 1 \"InstallStatus\" has class "
	    "\"MICROSOFT|JOBSTATUS|1.0\", not \"DMTF|ComponentID|1.0\"\n");
}

static void
test_quoting_in_messages(void **state)
{
	(void)state;
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"say \\\"hi\\\"\\n\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a123456789b123456789c123456789d123456789e123456789f123456789g123456789\"\n"
	    "  ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"x\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE ID = 2 TYPE = INTEGER VALUE = \"s\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "5:28: error: dup-id: duplicate attribute ID 1 in group "
	    "\"say \\\"hi\\\"\\n\" (first at line 4) [4:3]\n"
	    "6:1: error: missing: attribute in group \"say \\\"hi\\\"\\n\" has "
	    "no NAME\n"
	    "6:39: error: type: value of attribute at line 6 is a string, but "
	    "its type is INTEGER\n");
	check_says("START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a123456789b123456789c123456789d123456789e123456789f123456789g123456789\"\n"
	    "  ID = 1 TYPE = INTEGER VALUE = \"s\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    NO_CID
	    "4:25: error: type: value of attribute "
	    "\"a123456789b123456789c123456789d123456789e123456789f123456789g12345...\" "
	    "is a string, but its type is INTEGER\n");
}

static void
test_error_limit(void **state)
{
	(void)state;
	static const char text[] = "START COMPONENT NAME = \"C\"\n"
	    "START GROUP NAME = \"G\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER VALUE = \"1\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = INTEGER VALUE = \"2\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 3 TYPE = INTEGER VALUE = \"3\" END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n";
	mif_check_options opts = { .max_errors = 2 };
	mif_doc *doc = parse_text(text);
	check_says_opts(doc, &opts,
	    NO_CID
	    "3:50: error: type: value of attribute \"a\" is a string, but its "
	    "type is INTEGER\n"
	    "4:50: error: type: value of attribute \"b\" is a string, but its "
	    "type is INTEGER\n"
	    "5:50: fatal: too-many: too many errors, stopping\n");
	/* a stopped document takes no more */
	assert_int_equal(mif_check(doc, NULL), 0);
	assert_int_equal(mif_doc_diag_count(doc), 4);
	mif_doc_free(doc);
}

static void
test_no_component(void **state)
{
	(void)state;
	mif_doc *doc = parse_text("// nothing here\n");
	size_t before = mif_doc_diag_count(doc);
	assert_int_equal(mif_check(doc, NULL), 0);
	assert_int_equal(mif_doc_diag_count(doc), before);
	mif_doc_free(doc);
}

/* What the validator says about the corpus: no errors, and warnings
 * that each have a reason (see each line). */
static void
expect_file(const char *path, const char *want)
{
	char buf[4096];
	mif_error err;
	mif_doc *doc = mif_parse_path(path, NULL, &err);

	assert_non_null(doc);
	size_t parsed = mif_doc_diag_count(doc);
	size_t errors = mif_check(doc, NULL);
	format_diags(doc, parsed, buf, sizeof buf);
	assert_string_equal(buf, want);
	assert_int_equal(errors, count_errors(want));
	mif_doc_free(doc);
}

static void
test_corpus(void **state)
{
	(void)state;
	/* IBM's toolkit leaves the installation date empty */
	expect_file("samples/corpus/os2tk45_names.mif",
	    "93:13: warning: date: value of attribute \"Installation\" is an "
	    "empty DATE, taken as unknown\n");
	expect_file("samples/corpus/os2tk45_namedir.mif",
	    "76:13: warning: date: value of attribute \"Installation\" is an "
	    "empty DATE, taken as unknown\n");
	expect_file("samples/corpus/os2tk45_probe.mif",
	    "88:13: warning: date: value of attribute \"Installation\" is an "
	    "empty DATE, taken as unknown\n");
	/* an installer's status MIF: InstallStatus is group 1 */
	expect_file("samples/corpus/installer-short-form.mif",
	    "6:1: warning: componentid: group 1 \"InstallStatus\" has class "
	    "\"MICROSOFT|JOBSTATUS|1.0\", not \"DMTF|ComponentID|1.0\"\n");
	/* SMS's full form: no Verify, Installation as free text */
	expect_file("samples/corpus/deploy-toolkit-full-form.mif",
	    "3:3: warning: componentid: ComponentID group has no \"Verify\" "
	    "attribute\n"
	    "52:7: warning: componentid: ComponentID attribute \"Installation\" "
	    "has type STRING(64), not DATE\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_valid_document),
		cmocka_unit_test(test_component_and_path_names),
		cmocka_unit_test(test_group_required_statements),
		cmocka_unit_test(test_attribute_required_statements),
		cmocka_unit_test(test_string_type_size),
		cmocka_unit_test(test_duplicate_attribute_ids),
		cmocka_unit_test(test_group_and_table_ids_shared),
		cmocka_unit_test(test_ids_repeated_out_of_order),
		cmocka_unit_test(test_key),
		cmocka_unit_test(test_class_form),
		cmocka_unit_test(test_template_class_unique),
		cmocka_unit_test(test_table_without_template),
		cmocka_unit_test(test_rows),
		cmocka_unit_test(test_duplicate_rows),
		cmocka_unit_test(test_large_table_is_linear),
		cmocka_unit_test(test_integer_ranges),
		cmocka_unit_test(test_strings_and_numbers),
		cmocka_unit_test(test_string_length),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_enum_types),
		cmocka_unit_test(test_enum_values),
		cmocka_unit_test(test_enum_blocks),
		cmocka_unit_test(test_write_only_value),
		cmocka_unit_test(test_overlays),
		cmocka_unit_test(test_table_cells_checked),
		cmocka_unit_test(test_componentid_group),
		cmocka_unit_test(test_quoting_in_messages),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_no_component),
		cmocka_unit_test(test_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
