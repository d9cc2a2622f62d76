/* Comparing tables row by row: matching, typed equality, options. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag_text.h"

/* A template keyed on attribute 1 with `extra` as more attributes, and
 * the rows given. */
static mif_doc *
table(const char *extra, const char *rows)
{
	char text[4096];
	snprintf(text, sizeof text,
	    "START COMPONENT NAME = \"c\"\n"
	    "START GROUP NAME = \"T\" CLASS = \"X|T|1\" KEY = 1\n"
	    "START ATTRIBUTE NAME = \"Host\" ID = 1 TYPE = STRING(8) END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"Count\" ID = 2 TYPE = INTEGER VALUE = 0 END ATTRIBUTE\n"
	    "%s"
	    "END GROUP\n"
	    "START TABLE NAME = \"t\" ID = 2 CLASS = \"X|T|1\"\n%s\nEND TABLE\n"
	    "END COMPONENT\n", extra, rows);
	mif_doc *doc = parse_text(text);
	char buf[1024];
	assert_string_equal(diag_text(doc, buf, sizeof buf), "");
	return doc;
}

static mif_rows *
view(const mif_doc *doc)
{
	mif_rows *r = mif_rows_open(doc, mif_find_group(doc, "X|T|1"), NULL);
	assert_non_null(r);
	return r;
}

/* All changes as "kind old new [cols]" lines. */
static void
run(const mif_doc *a, const mif_doc *b, const mif_diff_options *o,
    const char *want, mif_diff_counts wantn)
{
	mif_rows *ra = view(a), *rb = view(b);
	mif_error err;
	mif_diff *d = mif_diff_new(ra, rb, o, &err);
	assert_non_null(d);
	char got[1024] = "";
	mif_diff_change ch;
	while (mif_diff_next(d, &ch)) {
		size_t n = strlen(got);
		snprintf(got + n, sizeof got - n, "%d %zd %zd", (int)ch.kind,
		    (ssize_t)(ch.old_row == MIF_NO_ROW ? -1 : (ssize_t)ch.old_row),
		    (ssize_t)(ch.new_row == MIF_NO_ROW ? -1 : (ssize_t)ch.new_row));
		for (size_t i = 0; i < ch.nchanged; i++) {
			n = strlen(got);
			snprintf(got + n, sizeof got - n, " %s", mif_block_string(
			    mif_diff_attribute(d, ch.changed[i]), MIF_KW_NAME)->bytes);
		}
		strcat(got, "\n");
	}
	assert_string_equal(got, want);
	mif_diff_counts n = mif_diff_counts_of(d);
	assert_int_equal(n.same, wantn.same);
	assert_int_equal(n.removed, wantn.removed);
	assert_int_equal(n.added, wantn.added);
	assert_int_equal(n.changed, wantn.changed);
	mif_diff_free(d);
	mif_rows_free(ra);
	mif_rows_free(rb);
}

static void
test_kinds_and_order(void **state)
{
	(void)state;
	mif_doc *a = table("", "{\"a\", 1} {\"b\", 2} {\"c\", 3} {\"d\"}");
	mif_doc *b = table("", "{\"e\", 5} {\"c\", 0x03} {\"b\", 9} {\"d\", 0}");
	/* old rows in order (a removed, b changed; c and d the same: 3 is 0x03,
	 * an empty Count defaults to 0), then new rows the old lacks */
	run(a, b, NULL, "1 0 -1\n3 1 2 Count\n2 -1 0\n",
	    (mif_diff_counts){ .same = 2, .removed = 1, .added = 1, .changed = 1 });
	run(a, a, NULL, "", (mif_diff_counts){ .same = 4 });
	mif_doc_free(a);
	mif_doc_free(b);
}

static void
test_columns_on_one_side(void **state)
{
	(void)state;
	mif_doc *a = table("", "{\"a\", 1}");
	mif_doc *b = table("START ATTRIBUTE NAME = \"Note\" ID = 3 TYPE = STRING(8) "
	    "END ATTRIBUTE\n", "{\"a\", 1, \"x\"}");
	run(a, b, NULL, "3 0 0 Note\n", (mif_diff_counts){ .changed = 1 });
	const char *ignore[] = { "note" };
	mif_diff_options o = { NULL, 0, ignore, 1 };
	run(a, b, &o, "", (mif_diff_counts){ .same = 1 });
	mif_doc_free(a);
	mif_doc_free(b);
}

static void
test_key_option(void **state)
{
	(void)state;
	mif_doc *a = table("", "{\"a\", 1} {\"b\", 2}");
	mif_doc *b = table("", "{\"z\", 1} {\"b\", 3}");
	const char *key[] = { "2" };
	mif_diff_options o = { key, 1, NULL, 0 };
	run(a, b, &o, "3 0 0 Host\n1 1 -1\n2 -1 1\n",
	    (mif_diff_counts){ .removed = 1, .added = 1, .changed = 1 });
	mif_doc_free(a);
	mif_doc_free(b);
}

static void
test_errors(void **state)
{
	(void)state;
	mif_doc *a = table("", "{\"a\", 1} {\"b\", 1}");
	mif_rows *ra = view(a);
	mif_error err;
	const char *key[] = { "Count" };
	mif_diff_options o = { key, 1, NULL, 0 };
	assert_null(mif_diff_new(ra, ra, &o, &err));
	assert_int_equal(err.code, MIF_E_DUP_ROW);
	assert_string_equal(err.source, "old");
	assert_string_equal(err.text,
	    "the key \"1\" is given twice (first at line 7, column 1)");
	/* placed at the second row, the first its context */
	assert_int_equal(err.mark.line, 7);
	assert_int_equal(err.mark.column, 10);
	assert_int_equal(err.context.line, 7);
	assert_int_equal(err.context.column, 1);
	const char *nokey[] = { "Colour" };
	o.key = nokey;
	assert_null(mif_diff_new(ra, ra, &o, &err));
	assert_string_equal(err.text, "no attribute \"Colour\" to key on");
	o = (mif_diff_options){ NULL, 0, nokey, 1 };
	assert_null(mif_diff_new(ra, ra, &o, &err));
	assert_string_equal(err.text, "no attribute \"Colour\" to ignore");
	mif_rows_free(ra);
	mif_doc_free(a);
}

/* The tables' KEY finds partners through the views' indexes; a key
 * given twice is still found, on either side. */
static void
test_repeated_table_key(void **state)
{
	(void)state;
	mif_doc *a = table("", "{\"a\", 1} {\"b\", 2}");
	mif_doc *b = table("", "{\"b\", 1} {\"c\", 2} {\"b\", 3}");
	mif_rows *ra = view(a), *rb = view(b);
	mif_error err;
	assert_null(mif_diff_new(ra, rb, NULL, &err));
	assert_int_equal(err.code, MIF_E_DUP_ROW);
	assert_string_equal(err.source, "new");
	assert_string_equal(err.text,
	    "the key \"b\" is given twice (first at line 7, column 1)");
	assert_int_equal(err.mark.column, 19);
	assert_null(mif_diff_new(rb, ra, NULL, &err));
	assert_string_equal(err.source, "old");
	mif_rows_free(ra);
	mif_rows_free(rb);
	mif_doc_free(a);
	mif_doc_free(b);
}

/* A row whose key value is absent (no cell, no default) is in no
 * view's index: it still meets its partner, and only one. */
static void
test_absent_key_value(void **state)
{
	(void)state;
	mif_doc *a = table("", "{, 1} {\"a\", 1}");
	mif_doc *b = table("", "{\"a\", 1} {, 2}");
	run(a, b, NULL, "3 0 1 Count\n",
	    (mif_diff_counts){ .same = 1, .changed = 1 });
	mif_doc *c = table("", "{, 1} {, 2}");
	mif_rows *ra = view(a), *rc = view(c);
	mif_error err;
	assert_null(mif_diff_new(ra, rc, NULL, &err));
	assert_string_equal(err.source, "new");
	assert_string_equal(err.text,
	    "the key \"\" is given twice (first at line 7, column 1)");
	assert_int_equal(err.mark.column, 7);
	mif_rows_free(ra);
	mif_rows_free(rc);
	mif_doc_free(a);
	mif_doc_free(b);
	mif_doc_free(c);
}

/* What comes first in a table decides: a key given twice before a row
 * without one is an error of the view's index; a row without a key
 * first makes the comparison index the rows itself, where two absent
 * values are one key given twice. */
static void
test_repeat_or_absent_first(void **state)
{
	(void)state;
	mif_doc *a = table("", "{\"b\", 1} {\"b\", 2} {, 3} {, 4}");
	mif_doc *c = table("", "{, 1} {, 2} {\"b\", 3} {\"b\", 4}");
	mif_rows *ra = view(a), *rc = view(c);
	mif_error err;
	assert_null(mif_diff_new(ra, rc, NULL, &err));
	assert_string_equal(err.source, "old");
	assert_string_equal(err.text,
	    "the key \"b\" is given twice (first at line 7, column 1)");
	assert_null(mif_diff_new(rc, ra, NULL, &err));
	assert_string_equal(err.source, "old");
	assert_string_equal(err.text,
	    "the key \"\" is given twice (first at line 7, column 1)");
	mif_rows_free(ra);
	mif_rows_free(rc);
	mif_doc_free(a);
	mif_doc_free(c);
}

/* Rows "{"kNN", NN} " appended for keys from..to, in that order; the
 * row of key bump counts 100 more. */
static void
key_rows(char *buf, size_t size, int from, int to, int bump)
{
	size_t n = strlen(buf);
	for (int k = from; from <= to ? k <= to : k >= to;
	    k += from <= to ? 1 : -1)
		n += (size_t)snprintf(buf + n, size - n, "{\"k%02d\", %d} ", k,
		    k + (k == bump ? 100 : 0));
}

/* Partners are looked up in batches: more rows than a batch, in the
 * opposite order on the other side, still meet theirs, and a key given
 * twice far from the first is found. */
static void
test_rows_beyond_a_batch(void **state)
{
	(void)state;
	char old[2048] = "", new_rows[2048] = "";
	key_rows(old, sizeof old, 0, 39, -1);
	key_rows(new_rows, sizeof new_rows, 39, 6, 17);
	key_rows(new_rows, sizeof new_rows, 4, 0, -1);
	/* k05 gone, k17 changed (row 39 - 17 of NEW), z added */
	strcat(new_rows, "{\"z\", 1}");
	mif_doc *a = table("", old), *b = table("", new_rows);
	run(a, b, NULL, "1 5 -1\n3 17 22 Count\n2 -1 39\n",
	    (mif_diff_counts){ .same = 38, .removed = 1, .changed = 1,
	    .added = 1 });
	char twice[2048] = "";
	key_rows(twice, sizeof twice, 0, 36, -1);
	key_rows(twice, sizeof twice, 3, 3, -1);
	mif_doc *c = table("", twice);
	mif_rows *ra = view(a), *rc = view(c);
	mif_error err;
	assert_null(mif_diff_new(ra, rc, NULL, &err));
	assert_string_equal(err.source, "new");
	assert_int_equal(strncmp(err.text, "the key \"k03\" is given twice",
	    strlen("the key \"k03\" is given twice")), 0);
	mif_rows_free(ra);
	mif_rows_free(rc);
	mif_doc_free(a);
	mif_doc_free(b);
	mif_doc_free(c);
}

/* Values written alike are equal only where both sides type them
 * alike: not for a DATE against a STRING, nor for an enumeration whose
 * symbol has another value in the other file. */
static void
test_written_alike_typed_otherwise(void **state)
{
	(void)state;
	mif_doc *a = table("START ATTRIBUTE NAME = \"When\" ID = 3 TYPE = DATE "
	    "END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"Mode\" ID = 4 TYPE = START ENUM "
	    "1 = \"On\" END ENUM END ATTRIBUTE\n",
	    "{\"a\", 1, \"19960603090000.000000+000\", \"On\"}"
	    "{\"b\", 1, \"19960603090000.000000+000\", \"On\"}");
	mif_doc *b = table("START ATTRIBUTE NAME = \"When\" ID = 3 TYPE = STRING(32) "
	    "END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"Mode\" ID = 4 TYPE = START ENUM "
	    "2 = \"On\" END ENUM END ATTRIBUTE\n",
	    "{\"a\", 1, \"19960603090000.000000+000\", \"On\"}"
	    "{\"b\", 0x01, \"19960603090000.000000+000\", \"On\"}");
	run(a, b, NULL, "3 0 0 When Mode\n3 1 1 When Mode\n",
	    (mif_diff_counts){ .changed = 2 });
	mif_doc_free(a);
	mif_doc_free(b);
}

/* The values of a change on each side, and its key. */
static void
test_values_of_a_change(void **state)
{
	(void)state;
	mif_doc *a = table("", "{\"a\", 1} {\"b\", 2}");
	mif_doc *b = table("START ATTRIBUTE NAME = \"Note\" ID = 3 "
	    "TYPE = STRING(8) END ATTRIBUTE\n", "{\"b\", 2, \"x\"} {\"c\", 0x07}");
	mif_rows *ra = view(a), *rb = view(b);
	mif_diff *d = mif_diff_new(ra, rb, NULL, NULL);
	mif_diff_change ch;
	mif_value v;
	assert_non_null(d);

	assert_true(mif_diff_next(d, &ch));   /* a: removed */
	assert_int_equal(ch.kind, MIF_DIFF_REMOVED);
	mif_diff_key_value(d, &ch, 0, &v);
	assert_int_equal(v.kind, MIF_V_STRING);
	assert_memory_equal(v.str, "a", 1);
	assert_true(mif_diff_value(d, true, ch.old_row, 1, &v));
	assert_int_equal(v.i, 1);
	/* the side that lacks the row, or the column, gives nothing */
	assert_true(mif_diff_value(d, false, ch.new_row, 1, &v));
	assert_int_equal(v.kind, MIF_V_ABSENT);
	assert_true(mif_diff_value(d, true, ch.old_row, 2, &v));
	assert_int_equal(v.kind, MIF_V_ABSENT);

	assert_true(mif_diff_next(d, &ch));   /* b: Note changed */
	assert_int_equal(ch.kind, MIF_DIFF_CHANGED);
	assert_int_equal(ch.nchanged, 1);
	assert_true(mif_diff_value(d, false, ch.new_row, ch.changed[0], &v));
	assert_int_equal(v.kind, MIF_V_STRING);
	assert_memory_equal(v.str, "x", 1);

	assert_true(mif_diff_next(d, &ch));   /* c: added, keyed on new */
	assert_int_equal(ch.kind, MIF_DIFF_ADDED);
	mif_diff_key_value(d, &ch, 0, &v);
	assert_memory_equal(v.str, "c", 1);
	assert_true(mif_diff_value(d, false, ch.new_row, 1, &v));
	assert_int_equal(v.i, 7);
	assert_false(mif_diff_next(d, &ch));

	assert_string_equal(mif_diff_kind_name(MIF_DIFF_SAME), "same");
	assert_string_equal(mif_diff_kind_name(MIF_DIFF_REMOVED), "removed");
	assert_string_equal(mif_diff_kind_name(MIF_DIFF_ADDED), "added");
	assert_string_equal(mif_diff_kind_name(MIF_DIFF_CHANGED), "changed");
	assert_null(mif_diff_kind_name((mif_diff_kind)4));
	mif_diff_free(d);
	mif_rows_free(ra);
	mif_rows_free(rb);
	mif_doc_free(a);
	mif_doc_free(b);
}

static void
test_default_spec(void **state)
{
	(void)state;
	/* a keyed group wins over a table before it */
	mif_doc *d = parse_text(
	    "START COMPONENT NAME = \"c\"\n"
	    "START GROUP NAME = \"S\" ID = 1 CLASS = \"X|S|1\" END GROUP\n"
	    "START TABLE NAME = \"t\" ID = 3 CLASS = \"X|T|1\" END TABLE\n"
	    "START GROUP NAME = \"K\" ID = 2 CLASS = \"X|K|1\" KEY = 1\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER VALUE = 1 "
	    "END ATTRIBUTE\nEND GROUP\n"
	    "END COMPONENT\n");
	assert_string_equal(mif_diff_default_spec(d), "X|K|1");
	mif_doc_free(d);
	/* else the first table */
	d = parse_text("START COMPONENT NAME = \"c\"\n"
	    "START GROUP NAME = \"S\" ID = 1 CLASS = \"X|S|1\" END GROUP\n"
	    "START TABLE NAME = \"t\" ID = 3 CLASS = \"X|T|1\" END TABLE\n"
	    "END COMPONENT\n");
	assert_string_equal(mif_diff_default_spec(d), "X|T|1");
	mif_doc_free(d);
	/* neither */
	d = parse_text("START COMPONENT NAME = \"c\"\n"
	    "START GROUP NAME = \"S\" ID = 1 CLASS = \"X|S|1\" END GROUP\n"
	    "END COMPONENT\n");
	assert_null(mif_diff_default_spec(d));
	mif_doc_free(d);
}

static void
test_written_as_mif(void **state)
{
	(void)state;
	mif_doc *a = table("", "{\"a\", 1} {\"b\", 2} {\"c\"}");
	mif_doc *b = table("", "{\"b\", 3} {\"c\", 0} {\"d\"}");
	mif_rows *ra = view(a), *rb = view(b);
	mif_diff *d = mif_diff_new(ra, rb, NULL, NULL);
	assert_non_null(d);
	mif_doc *out = mif_diff_write(d, "old.mif", "new.mif");
	assert_non_null(out);
	mif_diff_counts n = mif_diff_counts_of(d);
	assert_int_equal(n.removed, 1);
	assert_int_equal(n.changed, 1);
	assert_int_equal(n.added, 1);
	assert_int_equal(n.same, 1);
	/* it checks without error, and its rows say what changed */
	assert_int_equal(mif_check(out, NULL), 0);
	char *text;
	size_t len;
	assert_int_equal(mif_write_buffer(out, NULL, &text, &len, NULL), 0);
	text = realloc(text, len + 1);
	text[len] = '\0';
	assert_non_null(strstr(text,
	    "  NAME = \"mif-diff\"\n"
	    "  DESCRIPTION = \"Differences from old.mif to new.mif\"\n"));
	assert_non_null(strstr(text,
	    "    {1, \"removed\", \"a\", , , }\n"
	    "    {2, \"changed\", \"b\", \"Count\", \"2\", \"3\"}\n"
	    "    {3, \"added\", \"d\", , , }\n"));
	free(text);
	mif_rows *rows = mif_rows_open_spec(out, MIF_DIFF_CLASS, NULL);
	assert_non_null(rows);
	assert_int_equal(mif_rows_count(rows), 3);
	mif_rows_free(rows);
	/* the comparison is spent: a second document has no rows */
	mif_doc *again = mif_diff_write(d, "x", "y");
	rows = mif_rows_open_spec(again, MIF_DIFF_CLASS, NULL);
	assert_int_equal(mif_rows_count(rows), 0);
	mif_rows_free(rows);
	mif_doc_free(again);
	mif_doc_free(out);
	mif_diff_free(d);
	mif_rows_free(ra);
	mif_rows_free(rb);
	mif_doc_free(a);
	mif_doc_free(b);
}

/* The rest of a comparison written to a stream in one form. */
static char *
report(mif_diff_format format, unsigned flags)
{
	mif_doc *a = table("", "{\"a\", 1} {\"b\", 2} {\"c\"}");
	mif_doc *b = table("", "{\"b\", 3} {\"c\", 0} {\"d\"}");
	mif_rows *ra = view(a), *rb = view(b);
	mif_diff *d = mif_diff_new(ra, rb, NULL, NULL);
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	assert_non_null(d);
	assert_non_null(fp);
	assert_true(mif_diff_report_write(fp, d, "old.mif", "new.mif", format,
	    flags));
	assert_int_equal(fclose(fp), 0);
	mif_diff_free(d);
	mif_rows_free(ra);
	mif_rows_free(rb);
	mif_doc_free(a);
	mif_doc_free(b);
	return text;
}

static void
test_report_write(void **state)
{
	(void)state;
	char *text = report(MIF_DIFF_TEXT, MIF_DIFF_SUMMARY);
	assert_string_equal(text,
	    "- a: only in old\n"
	    "~ b: Count: 2 -> 3\n"
	    "+ d: only in new\n"
	    "1 changed, 1 only in old, 1 only in new, 1 the same\n");
	free(text);
	/* without MIF_DIFF_SUMMARY, silent on the counts as diff(1) is */
	text = report(MIF_DIFF_TEXT, 0);
	assert_string_equal(text,
	    "- a: only in old\n"
	    "~ b: Count: 2 -> 3\n"
	    "+ d: only in new\n");
	free(text);
	text = report(MIF_DIFF_TSV, MIF_DIFF_HEADER);
	assert_string_equal(text,
	    "change\tHost\tattribute\told\tnew\n"
	    "removed\ta\t\t\t\n"
	    "changed\tb\tCount\t2\t3\n"
	    "added\td\t\t\t\n");
	free(text);
	text = report(MIF_DIFF_JSON, 0);
	assert_string_equal(text,
	    "{\"old\":\"old.mif\",\"new\":\"new.mif\",\"key\":[\"Host\"],"
	    "\"rows\":[\n"
	    "{\"change\":\"removed\",\"key\":[\"a\"]},\n"
	    "{\"change\":\"changed\",\"key\":[\"b\"],\"attributes\":["
	    "{\"name\":\"Count\",\"old\":2,\"new\":3}]},\n"
	    "{\"change\":\"added\",\"key\":[\"d\"]}\n"
	    "],\"counts\":{\"changed\":1,\"removed\":1,\"added\":1,\"same\":1}}\n");
	free(text);

	/* a stream that cannot be written: false, and no counts */
	mif_doc *a = table("", "{\"a\", 1}");
	mif_rows *ra = view(a);
	mif_diff *d = mif_diff_new(ra, ra, NULL, NULL);
	FILE *fp = fopen("/dev/null", "r");
	assert_non_null(fp);
	assert_false(mif_diff_report_write(fp, d, "x", "y", MIF_DIFF_JSON, 0));
	fclose(fp);
	mif_diff_free(d);
	mif_rows_free(ra);
	mif_doc_free(a);
}

/* ---- whole documents ---- */

/* A document of the groups given, with no check: groups without CLASS
 * and repeated keys are the library's to handle too. */
static mif_doc *
groups(const char *text)
{
	char buf[4096];
	snprintf(buf, sizeof buf, "START COMPONENT NAME = \"c\"\n%sEND COMPONENT\n",
	    text);
	return parse_text(buf);
}

#define SCALAR(name, id, cls, value) \
	"START GROUP NAME = \"" name "\" ID = " id cls "\n" \
	"START ATTRIBUTE NAME = \"V\" ID = 1 TYPE = INTEGER VALUE = " value \
	" END ATTRIBUTE END GROUP\n"
#define KEYED(id, serial, size) \
	"START GROUP NAME = \"M\" ID = " id " CLASS = \"X|M|1\" KEY = 1\n" \
	"START ATTRIBUTE NAME = \"Serial\" ID = 1 TYPE = STRING(8) VALUE = \"" \
	serial "\" END ATTRIBUTE\n" \
	"START ATTRIBUTE NAME = \"Size\" ID = 2 TYPE = INTEGER VALUE = " size \
	" END ATTRIBUTE END GROUP\n"

/* Each part as "kind old-ID new-ID changed/removed/added/same" lines. */
static void
run_docs(const char *old_text, const char *new_text, const char *want,
    mif_doc_diff_counts wantn)
{
	mif_doc *a = groups(old_text), *b = groups(new_text);
	mif_doc_diff *dd = mif_doc_diff_new(a, b, NULL);
	mif_doc_diff_part p;
	mif_diff_change ch;
	char got[1024] = "";

	assert_non_null(dd);
	while (mif_doc_diff_next(dd, &p)) {
		uint64_t ida = 0, idb = 0;
		if (p.old_group != NULL)
			mif_block_id(p.old_group, &ida);
		if (p.new_group != NULL)
			mif_block_id(p.new_group, &idb);
		assert_true((p.rows != NULL) == (p.kind == MIF_DIFF_SAME));
		while (p.rows != NULL && mif_diff_next(p.rows, &ch))
			continue;
		mif_diff_counts n = p.rows != NULL ? mif_diff_counts_of(p.rows)
		    : (mif_diff_counts){ 0, 0, 0, 0 };
		size_t len = strlen(got);
		snprintf(got + len, sizeof got - len, "%s %u %u %zu/%zu/%zu/%zu\n",
		    mif_diff_kind_name(p.kind), (unsigned)ida, (unsigned)idb,
		    n.changed, n.removed, n.added, n.same);
	}
	assert_string_equal(got, want);
	mif_doc_diff_counts n = mif_doc_diff_counts_of(dd);
	assert_memory_equal(&n, &wantn, sizeof n);
	mif_doc_diff_free(dd);
	mif_doc_free(a);
	mif_doc_free(b);
}

static void
test_documents_matched(void **state)
{
	(void)state;
	/* a keyed class whatever its groups' IDs and order; scalar groups
	 * by class; a class on one side only, once however many groups */
	run_docs(SCALAR("P", "1", " CLASS = \"X|P|1\"", "1")
	    KEYED("2", "a", "1") KEYED("3", "b", "2")
	    SCALAR("Q", "4", " CLASS = \"X|Q|1\"", "7")
	    KEYED("5", "c", "3"),
	    SCALAR("Q", "9", " CLASS = \"X|Q|1\"", "7")
	    KEYED("8", "c", "4") KEYED("7", "a", "1") KEYED("6", "d", "1")
	    SCALAR("R", "1", " CLASS = \"X|R|1\"", "1"),
	    "removed 1 0 0/0/0/0\n"
	    "same 2 8 1/1/1/1\n"
	    "same 4 9 0/0/0/1\n"
	    "added 0 1 0/0/0/0\n",
	    (mif_doc_diff_counts){ { 1, 1, 1, 1 }, { 2, 1, 1, 1 } });
}

static void
test_documents_scalar_groups(void **state)
{
	(void)state;
	/* groups without CLASS by ID; scalar groups of one class paired in
	 * their order, the third only in old */
	run_docs(SCALAR("A", "1", "", "1") SCALAR("B", "2", "", "2")
	    SCALAR("S", "3", " CLASS = \"X|S|1\"", "1")
	    SCALAR("S", "4", " CLASS = \"X|S|1\"", "2")
	    SCALAR("S", "5", " CLASS = \"X|S|1\"", "3"),
	    SCALAR("S", "6", " CLASS = \"X|S|1\"", "1")
	    SCALAR("S", "7", " CLASS = \"X|S|1\"", "5")
	    SCALAR("B", "2", "", "2") SCALAR("A", "1", "", "9"),
	    "same 1 1 1/0/0/0\n"
	    "same 2 2 0/0/0/1\n"
	    "same 3 6 0/0/0/1\n"
	    "same 4 7 1/0/0/0\n"
	    "removed 5 0 0/0/0/0\n",
	    (mif_doc_diff_counts){ { 2, 1, 0, 2 }, { 2, 0, 0, 2 } });
}

static void
test_documents_errors(void **state)
{
	(void)state;
	mif_doc *a = groups(KEYED("2", "a", "1"));
	mif_doc *b = groups(KEYED("2", "a", "1") KEYED("3", "a", "2"));
	mif_error err;

	/* a key given twice in the new document: its side is named */
	assert_null(mif_doc_diff_new(a, b, &err));
	assert_int_equal(err.code, MIF_E_DUP_ROW);
	assert_string_equal(err.source, "new");
	assert_null(mif_doc_diff_new(b, a, &err));
	assert_string_equal(err.source, "old");
	mif_doc_free(a);
	mif_doc_free(b);
}

static void
test_documents_report(void **state)
{
	(void)state;
	mif_doc *a = groups(SCALAR("P", "1", " CLASS = \"X|P|1\"", "1")
	    KEYED("2", "a", "1") KEYED("3", "b", "2"));
	mif_doc *b = groups(SCALAR("P", "1", " CLASS = \"X|P|1\"", "2")
	    KEYED("2", "a", "5") SCALAR("N\tx", "4", "", "0"));
	static const char *const want[] = {
		"~ P (X|P|1): V: 1 -> 2\n"
		"~ M (X|M|1) a: Size: 1 -> 5\n"
		"- M (X|M|1) b: only in old\n"
		"+ N\\tx (ID 4): only in new\n"
		"groups: 2 changed, 0 only in old, 1 only in new, 0 the same; "
		"rows: 2 changed, 1 only in old, 0 only in new, 0 the same\n",
		"change\tclass\tid\tgroup\tkey\tattribute\told\tnew\n"
		"changed\tX|P|1\t1\tP\t\tV\t1\t2\n"
		"changed\tX|M|1\t\tM\ta\tSize\t1\t5\n"
		"removed\tX|M|1\t\tM\tb\t\t\t\n"
		"group-added\t\t4\tN\\tx\t\t\t\t\n",
		"{\"old\":\"o\",\"new\":\"n\",\"rows\":[\n"
		"{\"change\":\"changed\",\"group\":\"P\",\"class\":\"X|P|1\","
		"\"id\":1,\"key\":[],\"attributes\":[{\"name\":\"V\",\"old\":1,"
		"\"new\":2}]},\n"
		"{\"change\":\"changed\",\"group\":\"M\",\"class\":\"X|M|1\","
		"\"id\":null,\"key\":[\"a\"],\"attributes\":[{\"name\":\"Size\","
		"\"old\":1,\"new\":5}]},\n"
		"{\"change\":\"removed\",\"group\":\"M\",\"class\":\"X|M|1\","
		"\"id\":null,\"key\":[\"b\"]},\n"
		"{\"change\":\"group-added\",\"group\":\"N\\tx\",\"class\":null,"
		"\"id\":4}\n"
		"],\"counts\":{\"groups\":{\"changed\":2,\"removed\":0,\"added\":1,"
		"\"same\":0},\"rows\":{\"changed\":2,\"removed\":1,\"added\":0,"
		"\"same\":0}}}\n",
	};
	static const unsigned flags[] = { MIF_DIFF_SUMMARY, MIF_DIFF_HEADER, 0 };

	for (int f = MIF_DIFF_TEXT; f <= MIF_DIFF_JSON; f++) {
		mif_doc_diff *dd = mif_doc_diff_new(a, b, NULL);
		char *text = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&text, &len);
		assert_non_null(dd);
		assert_true(mif_doc_diff_report_write(fp, dd, "o", "n",
		    (mif_diff_format)f, flags[f]));
		assert_int_equal(fclose(fp), 0);
		assert_string_equal(text, want[f]);
		free(text);
		mif_doc_diff_free(dd);
	}
	mif_doc_free(a);
	mif_doc_free(b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kinds_and_order),
		cmocka_unit_test(test_columns_on_one_side),
		cmocka_unit_test(test_key_option),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_repeated_table_key),
		cmocka_unit_test(test_absent_key_value),
		cmocka_unit_test(test_repeat_or_absent_first),
		cmocka_unit_test(test_rows_beyond_a_batch),
		cmocka_unit_test(test_written_alike_typed_otherwise),
		cmocka_unit_test(test_values_of_a_change),
		cmocka_unit_test(test_default_spec),
		cmocka_unit_test(test_written_as_mif),
		cmocka_unit_test(test_report_write),
		cmocka_unit_test(test_documents_matched),
		cmocka_unit_test(test_documents_scalar_groups),
		cmocka_unit_test(test_documents_errors),
		cmocka_unit_test(test_documents_report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
