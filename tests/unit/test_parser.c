/* The grammar and the builder: blocks, statements, rows, recovery. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "diag_text.h"

static void
expect_diags(const char *text, const char *want)
{
	mif_doc *doc = parse_text(text);
	char buf[2048];
	assert_string_equal(diag_text(doc, buf, sizeof buf), want);
	mif_doc_free(doc);
}

static const char full[] =
    "START COMPONENT\n"
    "  NAME = \"Widget\"\n"
    "  LANGUAGE = \"en|US|iso8859-1\"\n"
    "  START PATH NAME = \"W\" WIN32 = \"w.dll\" UNIX = DIRECT-INTERFACE END PATH\n"
    "  START ENUM NAME = \"E\" TYPE = INTEGER 0 = \"zero\" 0x01 = \"one\" END ENUM\n"
    "  START GROUP\n"
    "    NAME = \"T\" CLASS = \"A|T|1.0\" KEY = 1, 0x2\n"
    "    START ATTRIBUTE NAME = \"k\" ID = 1 TYPE = INTEGER END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"s\" ID = 2 TYPE = STRING(8) ACCESS = READ-WRITE\n"
    "      STORAGE = COMMON VALUE = \"dflt\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"e\" ID = 3 TYPE = START ENUM 1 = \"a\" END ENUM\n"
    "      VALUE = *\"W\" END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START TABLE NAME = \"t\" ID = 5 CLASS = \"A|T|1.0\"\n"
    "    {1, \"x\", UNKNOWN}\n"
    "    {2, , }\n"
    "    {}\n"
    "  END TABLE\n"
    "END COMPONENT\n";

static void
test_whole_tree(void **state)
{
	(void)state;
	mif_doc *doc = parse_text(full);
	char buf[1024];
	assert_string_equal(diag_text(doc, buf, sizeof buf), "");
	const mif_block *c = mif_doc_component(doc);
	assert_int_equal(c->kind, MIF_COMPONENT);
	assert_int_equal(c->count, 4);
	assert_string_equal(mif_block_string(c, MIF_KW_LANGUAGE)->bytes, "en|US|iso8859-1");

	const mif_block *path = c->u.children;
	assert_int_equal(path->kind, MIF_PATH);
	assert_int_equal(path->stmts[1].sub, MIF_PLAT_WIN32);
	assert_string_equal(path->stmts[1].v.str->bytes, "w.dll");
	assert_int_equal(path->stmts[2].form, MIF_F_DIRECT);

	const mif_block *en = path->next;
	assert_int_equal(en->kind, MIF_ENUM);
	assert_int_equal(en->count, 2);
	assert_int_equal(en->u.items[1].value.mag, 1);
	assert_int_equal(en->u.items[1].value.flags, MIF_RADIX_HEX);
	assert_string_equal(en->u.items[1].symbol->bytes, "one");
	assert_int_equal(mif_block_stmt(en, MIF_KW_TYPE)->sub, MIF_T_INTEGER);

	const mif_block *g = en->next;
	assert_int_equal(g->kind, MIF_GROUP);
	const mif_stmt *key = mif_block_stmt(g, MIF_KW_KEY);
	assert_int_equal(key->form, MIF_F_KEYS);
	assert_int_equal(key->v.keys->count, 2);
	assert_int_equal(key->v.keys->items[1].mag, 2);
	assert_int_equal(key->v.keys->items[1].flags, MIF_RADIX_HEX);
	const mif_block *a2 = g->u.children->next;
	const mif_stmt *t = mif_block_stmt(a2, MIF_KW_TYPE);
	assert_int_equal(t->sub, MIF_T_STRING);
	assert_int_equal(t->v.u, 8);
	assert_int_equal(mif_block_stmt(a2, MIF_KW_ACCESS)->sub, MIF_ACCESS_READ_WRITE);
	assert_int_equal(mif_block_stmt(a2, MIF_KW_STORAGE)->sub, MIF_STORAGE_COMMON);
	const mif_block *a3 = a2->next;
	t = mif_block_stmt(a3, MIF_KW_TYPE);
	assert_int_equal(t->sub, MIF_T_ENUM_INLINE);
	assert_int_equal(t->v.enm->count, 1);
	assert_int_equal(mif_block_stmt(a3, MIF_KW_VALUE)->form, MIF_F_OVERLAY);

	const mif_block *tab = g->next;
	assert_int_equal(tab->kind, MIF_TABLE);
	assert_int_equal(tab->count, 3);
	const mif_row *r = tab->u.rows;
	assert_int_equal(r->ncells, 3);
	assert_int_equal(r->cells[2].form, MIF_F_UNKNOWN);
	r = r->next;
	assert_int_equal(r->ncells, 3);
	assert_int_equal(r->cells[1].form, MIF_F_NONE);
	assert_int_equal(r->cells[2].form, MIF_F_NONE);
	assert_int_equal(r->next->ncells, 0);
	assert_null(tab->next);
	mif_doc_free(doc);
}

static void
test_positions_order_items(void **state)
{
	(void)state;
	mif_doc *doc = parse_text(full);
	const mif_block *c = mif_doc_component(doc);
	/* statements and children share one order: positions */
	assert_true(c->stmts[0].pos < c->stmts[1].pos);
	assert_true(c->stmts[1].pos < c->u.children->pos);
	assert_int_equal(c->pos, 0);
	assert_int_equal(c->end_pos, strstr(full, "END COMPONENT") - full);
	mif_doc_free(doc);
}

static void
test_missing_end_group(void **state)
{
	(void)state;
	/* the real mistake: END GROUP forgotten before the next group */
	expect_diags("START COMPONENT\n NAME = \"c\"\n START GROUP\n  NAME = \"ComponentID\"\n"
	    "  ID = 1\n START GROUP\n  NAME = \"B\" ID = 2\n END GROUP\nEND COMPONENT\n",
	    "6:2: error: START GROUP while group \"ComponentID\" (line 3) is still open\n");
}

static void
test_context_place(void **state)
{
	(void)state;
	mif_doc *doc = parse_text("START COMPONENT\n START GROUP NAME = \"g\"\n"
	    "  START ATTRIBUTE NAME = \"a\"\n END GROUP\nEND COMPONENT\n");
	char buf[512];
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "4:2: error: END GROUP while attribute \"a\" (line 3) is still open\n");
	const mif_error *e = mif_doc_diag(doc, 0);
	assert_int_equal(e->code, MIF_E_UNCLOSED);
	assert_int_equal(e->context.line, 3);
	assert_int_equal(e->context.column, 3);
	/* the attribute is kept, closed where the group ends */
	const mif_block *g = mif_doc_component(doc)->u.children;
	assert_int_equal(g->count, 1);
	mif_doc_free(doc);
}

static void
test_eof_inside(void **state)
{
	(void)state;
	expect_diags("//Architecture<System>\nStart Component\n Name = \"W\"\n"
	    " Start Group Name = \"System\" End Group\n",
	    "4:39: error: end of file while component \"W\" (line 2) is still open\n");
	expect_diags("START COMPONENT START GROUP",
	    "1:28: error: end of file while group (line 1) is still open\n");
	/* the end of the last line, whatever ends it: not a line after it */
	expect_diags("START COMPONENT\r\nSTART GROUP\r\n\x1a",
	    "2:12: error: end of file while group (line 2) is still open\n");
	expect_diags("START COMPONENT\nSTART GROUP\n\n",
	    "3:1: error: end of file while group (line 2) is still open\n");
	expect_diags("START COMPONENT\nSTART GROUP\n  ",
	    "3:3: error: end of file while group (line 2) is still open\n");
	expect_diags("", "1:1: error: no START COMPONENT in the file\n");
	expect_diags("// only a comment\n", "1:18: error: no START COMPONENT in the file\n");
}

static void
test_unmatched_end(void **state)
{
	(void)state;
	expect_diags("START COMPONENT NAME = \"c\"\nEND TABLE\nEND COMPONENT\n",
	    "2:1: error: END TABLE without START TABLE\n");
	expect_diags("START COMPONENT END COMPONENT\nEND COMPONENT\n",
	    "2:1: error: END COMPONENT without START COMPONENT\n");
}

static void
test_misplaced_blocks(void **state)
{
	(void)state;
	expect_diags("START GROUP END GROUP START COMPONENT END COMPONENT",
	    "1:1: error: START GROUP outside a component\n");
	expect_diags("START COMPONENT START ATTRIBUTE END ATTRIBUTE END COMPONENT",
	    "1:17: error: START ATTRIBUTE cannot stand in component (line 1)\n");
	expect_diags("START COMPONENT END COMPONENT START COMPONENT END COMPONENT",
	    "1:31: error: a second component: a MIF file holds one\n");
	expect_diags("START COMPONENT START GROUP START ATTRIBUTE START ENUM END ENUM "
	    "END ATTRIBUTE END GROUP END COMPONENT",
	    "1:45: error: START ENUM in an attribute must follow TYPE =\n");
	expect_diags("START COMPONENT START GROUP START ATTRIBUTE TYPE = START TABLE "
	    "END TABLE END ATTRIBUTE END GROUP END COMPONENT",
	    "1:52: error: START TABLE while attribute (line 1) is still open\n"
	    "1:74: error: END ATTRIBUTE without START ATTRIBUTE\n"
	    "1:88: error: END GROUP without START GROUP\n");
	expect_diags("START SOMETHING END COMPONENT",
	    "1:1: error: START must be followed by COMPONENT, PATH, ENUM, GROUP, ATTRIBUTE or TABLE\n"
	    "1:7: error: unknown keyword \"SOMETHING\"\n"
	    "1:17: error: END COMPONENT without START COMPONENT\n"
	    "1:30: error: no START COMPONENT in the file\n");
}

static void
test_statement_rules(void **state)
{
	(void)state;
	expect_diags("NAME = \"x\" START COMPONENT KEY = 1 END COMPONENT",
	    "1:1: error: NAME outside a component\n"
	    "1:28: error: KEY is not allowed in a component\n");
	expect_diags("START COMPONENT START GROUP ID = \"1\" ID = -1 ID = 4294967296 "
	    "KEY = \"a\" END GROUP END COMPONENT",
	    "1:34: error: ID needs a number\n"
	    "1:43: error: ID out of range (0 to 4294967295)\n"
	    "1:51: error: ID out of range (0 to 4294967295)\n"
	    "1:68: error: KEY needs a list of attribute IDs\n");
	expect_diags("START COMPONENT START GROUP START ATTRIBUTE ACCESS = COMMON "
	    "STORAGE = READ-ONLY TYPE = INTEGER(4) VALUE = 1,2 VALUE = DIRECT-INTERFACE "
	    "END ATTRIBUTE END GROUP END COMPONENT",
	    "1:54: error: ACCESS needs READ-ONLY, READ-WRITE or WRITE-ONLY\n"
	    "1:71: error: STORAGE needs SPECIFIC or COMMON\n"
	    "1:88: error: INTEGER takes no size\n"
	    "1:107: error: VALUE needs a number, a string, an overlay *\"path\", UNKNOWN or UNSUPPORTED\n"
	    "1:119: error: VALUE needs a number, a string, an overlay *\"path\", UNKNOWN or UNSUPPORTED\n");
	expect_diags("START COMPONENT START PATH WIN16 = 5 END PATH END COMPONENT",
	    "1:36: error: a platform needs a string or DIRECT-INTERFACE\n");
	expect_diags("START COMPONENT 1 = \"x\" START ENUM 2 = 3 END ENUM { 1 } END COMPONENT",
	    "1:17: error: a value = \"symbol\" pair outside an enum\n"
	    "1:40: error: an enum value needs a string symbol\n"
	    "1:51: error: a row { ... } outside a table\n");
}

static void
test_repeated_statements(void **state)
{
	(void)state;
	mif_doc *doc = parse_text("START COMPONENT\n NAME = \"a\"\n NAME = \"a\"\n"
	    " NAME = \"b\"\nEND COMPONENT\n");
	char buf[512];
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "3:2: warning: NAME repeated (first at line 2)\n"
	    "4:2: error: NAME given again with another value (first at line 2)\n");
	assert_int_equal(mif_doc_diag(doc, 1)->code, MIF_E_CONFLICT);
	assert_int_equal(mif_doc_diag(doc, 1)->context.line, 2);
	/* the first stays */
	const mif_block *c = mif_doc_component(doc);
	assert_int_equal(c->nstmts, 1);
	assert_string_equal(mif_block_string(c, MIF_KW_NAME)->bytes, "a");
	mif_doc_free(doc);
	/* platforms are distinct statements */
	expect_diags("START COMPONENT START PATH WIN32 = \"a\" WIN16 = \"a\" "
	    "WIN32 = \"a\" END PATH END COMPONENT",
	    "1:52: warning: WIN32 repeated (first at line 1)\n");
}

static void
test_recovery_reports_each_problem(void **state)
{
	(void)state;
	expect_diags("START COMPONENT\n NAME \"a\"\n START GROUP NAME = = \"g\" ID = 1\n"
	    "  START ATTRIBUTE NAME = \"x\" ID = 1 TYPE = { END ATTRIBUTE\n"
	    " END GROUP\n DESCRIPTION = \"d\" ,\nEND COMPONENT\n",
	    "2:7: error: unexpected string, expecting \"=\"\n"
	    "3:21: error: unexpected \"=\", expecting a value\n"
	    "4:44: error: unexpected \"{\", expecting a value\n"
	    "6:20: error: unexpected \",\", expecting a statement, a block or END\n");
}

/* A keyword and its "=" are read as one token when at most one blank
 * stands between them: every spelling builds the same statement, and an
 * error after one, or in the recovery after an earlier error, reads and
 * counts as with the two tokens apart (see also
 * test_recovery_reports_each_problem). */
static void
test_keyword_and_equals(void **state)
{
	(void)state;
	static const char *const eq[] = { "=", " =", "\t=", "  =", "\n=",
	    " \r\n =", "\f=" };
	for (size_t i = 0; i < sizeof eq / sizeof *eq; i++) {
		char text[256];
		snprintf(text, sizeof text, "START COMPONENT NAME%s\"c\"\n"
		    "START GROUP NAME%s\"g\" ID%s3 CLASS%s\"a|b|c\"\n"
		    "START ATTRIBUTE NAME%s\"a\" ID%s1 TYPE%sINTEGER VALUE%s-4\n"
		    "END ATTRIBUTE END GROUP END COMPONENT\n", eq[i], eq[i],
		    eq[i], eq[i], eq[i], eq[i], eq[i], eq[i]);
		mif_doc *doc = parse_text(text);
		char buf[256];
		assert_string_equal(diag_text(doc, buf, sizeof buf), "");
		const mif_block *c = mif_doc_component(doc);
		assert_string_equal(mif_block_string(c, MIF_KW_NAME)->bytes, "c");
		const mif_block *g = c->u.children;
		uint64_t id;
		assert_true(mif_block_id(g, &id));
		assert_int_equal(id, 3);
		assert_string_equal(mif_block_string(g, MIF_KW_CLASS)->bytes,
		    "a|b|c");
		const mif_block *a = g->u.children;
		assert_int_equal(mif_block_stmt(a, MIF_KW_TYPE)->sub, MIF_T_INTEGER);
		mif_doc_free(doc);
	}
	/* not a keyword: the word and the "=" as before */
	expect_diags("START COMPONENT NAME = \"c\" NAMES= \"x\"\nEND COMPONENT\n",
	    "1:28: error: unknown keyword \"NAMES\"\n");
	expect_diags("START COMPONENT NAME = \"c\" INTEGER= 1\nEND COMPONENT\n",
	    "1:28: error: unexpected INTEGER, expecting a statement, "
	    "a block or END\n");
	/* an error right after one, and one a keyword later in recovery */
	expect_diags("START COMPONENT NAME== \"c\"\nEND COMPONENT\n",
	    "1:22: error: unexpected \"=\", expecting a value\n");
	expect_diags("START COMPONENT NAME \"c\" ID= =\nEND COMPONENT\n",
	    "1:22: error: unexpected string, expecting \"=\"\n");
	expect_diags("START COMPONENT NAME \"c\" START GROUP ID= =\n"
	    "END GROUP END COMPONENT\n",
	    "1:22: error: unexpected string, expecting \"=\"\n"
	    "1:42: error: unexpected \"=\", expecting a value\n");
}

/* keep_block: keep the groups whose ID is odd, and every other block. */
static bool
keep_odd(const mif_block *b, void *arg)
{
	uint64_t id;
	size_t *asked = arg;

	(*asked)++;
	return b->kind != MIF_GROUP || !mif_block_id(b, &id) || id % 2 == 1;
}

/* A parse that drops blocks of the component as the caller says: the
 * kept ones are whole, their strings and comments intact (strings first
 * seen in a dropped block among them), the dropped ones' comments gone,
 * the diagnostics those of the whole file, and a block given as a value
 * is not asked about. */
static void
test_keep_block(void **state)
{
	(void)state;
	char text[16384];
	size_t len = (size_t)snprintf(text, sizeof text,
	    "// top\nSTART COMPONENT NAME = \"c\"\n"
	    "START PATH NAME = \"p\" WIN32 = \"p.dll\" END PATH\n");
	for (int g = 1; g <= 40; g++)
		len += (size_t)snprintf(text + len, sizeof text - len,
		    "START GROUP // in %d\nNAME = \"G%d\" ID = %d CLASS = \"C|%s|1\"\n"
		    "START ATTRIBUTE NAME = \"first in %d\" ID = 1 TYPE = INTEGER "
		    "VALUE = %d%s END ATTRIBUTE\nEND GROUP // after %d\n",
		    /* "first in N" comes first in an even, dropped group */
		    g, g, g, g % 3 == 0 ? "three" : "other", g / 2, g,
		    g == 20 ? " =" : "", g);
	len += (size_t)snprintf(text + len, sizeof text - len,
	    "DESCRIPTION = START GROUP NAME = \"v\" END GROUP\nEND COMPONENT\n");
	assert_true(len < sizeof text);

	size_t asked = 0;
	mif_parse_options o = { .keep_block = keep_odd, .keep_block_arg = &asked };
	mif_doc *kept = mif_parse_buffer(text, len, &o, NULL);
	mif_doc *whole = mif_parse_buffer(text, len, NULL, NULL);
	assert_non_null(kept);
	assert_non_null(whole);
	assert_int_equal(asked, 41); /* the path and the 40 groups */
	char a[2048], b[2048];
	assert_string_equal(diag_text(kept, a, sizeof a),
	    diag_text(whole, b, sizeof b));
	assert_true(mif_doc_error_count(kept) > 0); /* group 20's "= =" */

	const mif_block *c = mif_doc_component(kept);
	assert_int_equal(c->count, 21);
	const mif_block *w = mif_doc_component(whole)->u.children->next;
	const mif_string *three = NULL, *other = NULL;
	int g = 1;
	for (const mif_block *k = c->u.children->next; k != NULL;
	    k = k->next, g += 2) {
		while (w != NULL && !(mif_block_id(w, &(uint64_t){ 0 }) &&
		    mif_block_stmt(w, MIF_KW_ID)->v.u == (uint64_t)g))
			w = w->next;
		assert_non_null(w);
		assert_int_equal(mif_block_stmt(k, MIF_KW_ID)->v.u, g);
		assert_string_equal(mif_block_string(k, MIF_KW_NAME)->bytes,
		    mif_block_string(w, MIF_KW_NAME)->bytes);
		assert_string_equal(mif_block_string(k, MIF_KW_CLASS)->bytes,
		    mif_block_string(w, MIF_KW_CLASS)->bytes);
		const mif_block *attr = k->u.children;
		assert_string_equal(mif_block_string(attr, MIF_KW_NAME)->bytes,
		    mif_block_string(w->u.children, MIF_KW_NAME)->bytes);
		/* equal strings of one document are still one */
		const mif_string *cls = mif_block_string(k, MIF_KW_CLASS);
		const mif_string **seen = g % 3 == 0 ? &three : &other;
		if (*seen == NULL)
			*seen = cls;
		assert_ptr_equal(cls, *seen);
	}
	assert_int_equal(g, 41);
	/* the comments of the kept blocks, and those outside any block */
	size_t nk, nw, want = 0;
	const mif_comment *ck = mif_doc_comments(kept, &nk);
	const mif_comment *cw = mif_doc_comments(whole, &nw);
	for (size_t i = 0; i < nw; i++) {
		int n;
		bool dropped = sscanf(cw[i].text->bytes, " in %d", &n) == 1 &&
		    n % 2 == 0;
		if (dropped)
			continue;
		assert_true(want < nk);
		assert_int_equal(ck[want].pos, cw[i].pos);
		assert_string_equal(ck[want].text->bytes, cw[i].text->bytes);
		want++;
	}
	assert_int_equal(want, nk);
	mif_doc_free(kept);
	mif_doc_free(whole);
}

static void
test_no_cascade_into_validation(void **state)
{
	(void)state;
	/* the error swallows "ID = 1"; the validator does not add that the
	 * attribute has no ID, but still checks the undamaged group */
	mif_doc *doc = parse_text("START COMPONENT NAME = \"c\"\n"
	    "START GROUP NAME = \"g\" CLASS = \"a|b|c\" ID = 2\n"
	    "START ATTRIBUTE NAME = \"a\" ID = = 1 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP END COMPONENT\n");
	mif_check(doc, NULL);
	char buf[1024];
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "3:33: error: unexpected \"=\", expecting a value\n"
	    "1:1: warning: no ComponentID group (ID 1)\n"
	    "4:1: error: attribute \"b\" has no ID\n");
	mif_doc_free(doc);
}

static void
test_error_limit(void **state)
{
	(void)state;
	char text[4096] = "START COMPONENT\n";
	for (int i = 0; i < 10; i++)
		strcat(text, " @\n");
	strcat(text, "END COMPONENT\n");
	mif_parse_options o = { .source_name = "t.mif", .max_errors = 3 };
	mif_error err;
	mif_doc *doc = mif_parse_buffer(text, strlen(text), &o, &err);
	char buf[1024];
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "2:2: error: unexpected character \"@\"\n"
	    "3:2: error: unexpected character \"@\"\n"
	    "4:2: error: unexpected character \"@\"\n"
	    "5:2: fatal: too many errors, stopping\n");
	assert_int_equal(err.mark.line, 2);
	assert_string_equal(err.source, "t.mif");
	/* the scan stopped early, and the text is whole again */
	size_t len;
	const char *line = mif_doc_line(doc, 5, &len);
	assert_int_equal(len, 2);
	assert_memory_equal(line, " @", 2);
	mif_doc_free(doc);
}

static void
test_nesting_limit(void **state)
{
	(void)state;
	char text[1024] = "START COMPONENT";
	for (int i = 0; i < 10; i++)
		strcat(text, " START ATTRIBUTE");
	mif_doc *doc = parse_text(text);
	assert_true(mif_doc_error_count(doc) > 0);
	const mif_error *last = mif_doc_diag(doc, mif_doc_diag_count(doc) - 1);
	assert_int_equal(last->severity, MIF_FATAL);
	assert_string_equal(last->text, "blocks nested more than 8 deep");
	mif_doc_free(doc);
}

static void
test_real_corpus(void **state)
{
	(void)state;
	static const char *const files[] = {
		"samples/corpus/os2tk45_names.mif",
		"samples/corpus/os2tk45_namedir.mif",
		"samples/corpus/os2tk45_probe.mif",
		"samples/corpus/installer-short-form.mif",
		"samples/corpus/deploy-toolkit-full-form.mif",
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		mif_error err;
		mif_doc *doc = mif_parse_path(files[i], NULL, &err);
		assert_non_null(doc);
		char buf[1024];
		assert_string_equal(diag_text(doc, buf, sizeof buf), "");
		assert_non_null(mif_doc_component(doc));
		mif_doc_free(doc);
	}
	/* the probe's table row spans lines with comments between values */
	mif_doc *doc = mif_parse_path("samples/corpus/os2tk45_probe.mif", NULL, NULL);
	const mif_block *b = mif_doc_component(doc)->u.children;
	while (b->kind != MIF_TABLE)
		b = b->next;
	assert_int_equal(b->u.rows->ncells, 12);
	assert_string_equal(b->u.rows->cells[11].v.str->bytes, "PROBE.REP");
	mif_doc_free(doc);
}

static void
test_broken_corpus(void **state)
{
	(void)state;
	mif_doc *doc = mif_parse_path("samples/corpus/writer-missing-end-group.mif", NULL, NULL);
	char buf[1024];
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "31:3: error: START GROUP while group \"ComponentID\" (line 3) is still open\n");
	mif_doc_free(doc);
	doc = mif_parse_path("samples/corpus/idmif-doc-example-no-end-component.mif", NULL, NULL);
	assert_string_equal(diag_text(doc, buf, sizeof buf),
	    "36:14: error: end of file while component \"Workstation\" (line 5) is still open\n");
	mif_doc_free(doc);
}

static void
test_io_errors(void **state)
{
	(void)state;
	mif_error err;
	assert_null(mif_parse_path("no/such/file.mif", NULL, &err));
	assert_int_equal(err.code, MIF_E_IO);
	assert_string_equal(err.source, "no/such/file.mif");
	assert_string_equal(err.text, "No such file or directory");
	assert_null(mif_parse_path("samples", NULL, &err));
	assert_int_equal(err.code, MIF_E_IO);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_whole_tree),
		cmocka_unit_test(test_positions_order_items),
		cmocka_unit_test(test_missing_end_group),
		cmocka_unit_test(test_context_place),
		cmocka_unit_test(test_eof_inside),
		cmocka_unit_test(test_unmatched_end),
		cmocka_unit_test(test_misplaced_blocks),
		cmocka_unit_test(test_statement_rules),
		cmocka_unit_test(test_repeated_statements),
		cmocka_unit_test(test_recovery_reports_each_problem),
		cmocka_unit_test(test_keyword_and_equals),
		cmocka_unit_test(test_keep_block),
		cmocka_unit_test(test_no_cascade_into_validation),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_nesting_limit),
		cmocka_unit_test(test_real_corpus),
		cmocka_unit_test(test_broken_corpus),
		cmocka_unit_test(test_io_errors),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
