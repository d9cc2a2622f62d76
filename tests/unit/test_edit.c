/* Building trees and changing parsed ones, seen through the writer. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag_text.h"

static char *
written(const mif_doc *doc)
{
	char *out;
	size_t len;
	mif_write_options o = { MIF_ENC_SOURCE, MIF_NL_SOURCE, MIF_EOF_SOURCE };
	assert_int_equal(mif_write_buffer(doc, &o, &out, &len, NULL), 0);
	char *s = malloc(len + 1);
	memcpy(s, out, len);
	s[len] = '\0';
	free(out);
	return s;
}

static void
test_build_from_nothing(void **state)
{
	(void)state;
	mif_doc *doc = mif_doc_create(NULL);
	assert_non_null(doc);
	assert_true(mif_add_comment(doc, NULL, "trailer", false));
	mif_block *c = mif_add_block(doc, NULL, MIF_COMPONENT);
	assert_non_null(c);
	assert_null(mif_add_block(doc, NULL, MIF_COMPONENT));
	assert_true(mif_add_comment(doc, c, "UniqueID<42>", false));
	mif_set_string(doc, c, MIF_KW_NAME, "Built");
	mif_block *g = mif_add_block(doc, c, MIF_GROUP);
	assert_null(mif_add_block(doc, g, MIF_TABLE));
	mif_set_string(doc, g, MIF_KW_NAME, "G");
	mif_block *a = mif_add_block(doc, g, MIF_ATTRIBUTE);
	mif_set_string(doc, a, MIF_KW_NAME, "A");
	mif_set_number(doc, a, MIF_KW_ID, 1);
	mif_stmt type = { .form = MIF_F_TYPE, .sub = MIF_T_INTEGER };
	mif_set_stmt(doc, a, MIF_KW_TYPE, &type);
	mif_set_number(doc, a, MIF_KW_VALUE, -7);
	/* statements added to the group after its attribute stay in order */
	mif_set_number(doc, g, MIF_KW_ID, 2);
	mif_set_string(doc, g, MIF_KW_CLASS, "X|Y|1");
	mif_block *t = mif_add_block(doc, c, MIF_TABLE);
	mif_set_string(doc, t, MIF_KW_CLASS, "X|Y|1");
	mif_stmt *cells = mif_add_row(doc, t, 2);
	cells[0] = (mif_stmt){ .form = MIF_F_INTEGER, .v.u = 3 };
	cells = mif_add_row(doc, t, 1);
	cells[0] = (mif_stmt){ .form = MIF_F_STRING, .v.str = mif_doc_cstring(doc, "r") };
	/* replace in place */
	mif_set_string(doc, c, MIF_KW_NAME, "Built again");
	char *out = written(doc);
	assert_string_equal(out,
	    "//UniqueID<42>\n"
	    "START COMPONENT\n"
	    "  NAME = \"Built again\"\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"G\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"A\"\n"
	    "      ID = 1\n"
	    "      TYPE = INTEGER\n"
	    "      VALUE = -7\n"
	    "    END ATTRIBUTE\n"
	    "    ID = 2\n"
	    "    CLASS = \"X|Y|1\"\n"
	    "  END GROUP\n"
	    "\n"
	    "  START TABLE\n"
	    "    CLASS = \"X|Y|1\"\n"
	    "    {3, }\n"
	    "    {\"r\"}\n"
	    "  END TABLE\n"
	    "END COMPONENT\n"
	    "//trailer\n");
	/* what was written reads back as the same tree */
	mif_doc *again = parse_text(out);
	char why[200];
	assert_true(mif_doc_same(doc, again, why, sizeof why));
	free(out);
	mif_doc_free(again);
	mif_doc_free(doc);
}

static void
test_change_parsed(void **state)
{
	(void)state;
	mif_doc *doc = parse_text(
	    "START COMPONENT\n"
	    "  NAME = \"c\"\n"
	    "  START GROUP\n"
	    "    NAME = \"g\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"old\"\n"
	    "      VALUE = 1\n"
	    "    END ATTRIBUTE\n"
	    "    // before the end of the group\n"
	    "  END GROUP\n"
	    "  // after the group\n"
	    "  START GROUP\n"
	    "    NAME = \"h\" // goes with h\n"
	    "    // so does this\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
	const mif_block *c = mif_doc_component(doc);
	const mif_block *g = c->u.children;
	const mif_block *h = g->next;
	const mif_block *old = g->u.children;
	mif_set_number(doc, old, MIF_KW_VALUE, 2);
	mif_block *a = mif_add_block(doc, g, MIF_ATTRIBUTE);
	mif_set_string(doc, a, MIF_KW_NAME, "new");
	mif_set_number(doc, a, MIF_KW_ID, 9);
	assert_true(mif_remove_block(doc, c, h));
	assert_false(mif_remove_block(doc, c, h));
	assert_int_equal(c->count, 1);
	char *out = written(doc);
	assert_string_equal(out,
	    "START COMPONENT\n"
	    "  NAME = \"c\"\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"g\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"old\"\n"
	    "      VALUE = 2\n"
	    "    END ATTRIBUTE\n"
	    "    // before the end of the group\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"new\"\n"
	    "      ID = 9\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "  // after the group\n"
	    "END COMPONENT\n");
	assert_int_equal(mif_remove_stmt(doc, old, MIF_KW_VALUE), 1);
	assert_null(mif_block_stmt(old, MIF_KW_VALUE));
	free(out);
	mif_doc_free(doc);
}

static void
test_many_rows_linear(void **state)
{
	(void)state;
	mif_doc *doc = mif_doc_create("rows");
	mif_block *c = mif_add_block(doc, NULL, MIF_COMPONENT);
	mif_block *t = mif_add_block(doc, c, MIF_TABLE);
	for (int i = 0; i < 200000; i++) {
		mif_stmt *cells = mif_add_row(doc, t, 1);
		assert_non_null(cells);
		cells[0] = (mif_stmt){ .form = MIF_F_INTEGER, .v.u = (uint64_t)i };
	}
	assert_int_equal(t->count, 200000);
	const mif_row *r = t->u.rows;
	for (int i = 0; i < 199999; i++)
		r = r->next;
	assert_int_equal(r->cells[0].v.u, 199999);
	assert_null(r->next);
	mif_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_build_from_nothing),
		cmocka_unit_test(test_change_parsed),
		cmocka_unit_test(test_many_rows_linear),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
