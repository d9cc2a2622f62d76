/* Lookups and rows: groups, attributes, templates and enums found by
 * spec; the rows of scalar groups, keyed groups, templates and tables,
 * with defaults, and rows found by key. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag_text.h"

static const char rows_mif[] =
    "START COMPONENT\n"                                          /* 1 */
    "  NAME = \"Rows\"\n"
    "  START ENUM NAME = \"State\" 0 = \"Off\" 1 = \"On\" END ENUM\n"
    "  START GROUP\n"
    "    NAME = \"Scalar\" ID = 1 CLASS = \"X|Scalar|1\"\n"        /* 5 */
    "    START ATTRIBUTE NAME = \"B\" ID = 2 TYPE = STRING(8)\n"
    "      VALUE = \"bee\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"A\" ID = 1 TYPE = INTEGER VALUE = 1\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Again\" ID = 1 TYPE = INTEGER\n"  /* 10 */
    "      VALUE = 9 END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"NoId\" TYPE = INTEGER VALUE = 5\n"
    "    END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START GROUP\n"                                            /* 15 */
    "    NAME = \"Disk\" CLASS = \"X|Disk|1\" KEY = 1, 9, 1\n"
    "    START ATTRIBUTE NAME = \"Index\" ID = 1 TYPE = INTEGER\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Label\" ID = 2 TYPE = STRING(16)\n"
    "      VALUE = \"none\" END ATTRIBUTE\n"                       /* 20 */
    "    START ATTRIBUTE NAME = \"State\" ID = 3 TYPE = \"State\"\n"
    "      VALUE = \"Off\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Size\" ID = 4 TYPE = INTEGER64\n"
    "    END ATTRIBUTE\n"
    "  END GROUP\n"                                              /* 25 */
    "  START TABLE NAME = \"Disks A\" ID = 2 CLASS = \"X|Disk|1\"\n"
    "    {1, \"boot\", \"On\", 512}\n"
    "    {2, , 1, 1024}\n"
    "    {0x03}\n"
    "  END TABLE\n"                                              /* 30 */
    "  START TABLE NAME = \"Empty\" ID = 5 CLASS = \"X|Disk|1\"\n"
    "  END TABLE\n"
    "  START TABLE NAME = \"Disks B\" ID = 3 CLASS = \"X|Disk|1\"\n"
    "    {4, \"data\", \"off\", 2048}\n"
    "    {03, \"dup\"}\n"                                         /* 35 */
    "    {, \"no key\"}\n"
    "  END TABLE\n"
    "  START GROUP NAME = \"Pair\" CLASS = \"X|Pair|1\" KEY = 2, 1\n"
    "    START ATTRIBUTE NAME = \"P\" ID = 1 TYPE = STRING(4)\n"
    "    END ATTRIBUTE\n"                                        /* 40 */
    "    START ATTRIBUTE NAME = \"Q\" ID = 2 TYPE = \"State\"\n"
    "    END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START TABLE NAME = \"Pairs\" ID = 4 CLASS = \"X|Pair|1\"\n"
    "    {\"a\", \"On\"} {\"a\", 0} {\"b\", 1}\n"                    /* 45 */
    "  END TABLE\n"
    "  START GROUP NAME = \"Keyed\" ID = 6 CLASS = \"X|Keyed|1\" KEY = 1\n"
    "    START ATTRIBUTE NAME = \"K\" ID = 1 TYPE = STRING(4)\n"
    "      VALUE = \"k1\" END ATTRIBUTE\n"
    "  END GROUP\n"                                              /* 50 */
    "  START TABLE NAME = \"Orphan\" ID = 7 CLASS = \"X|Nothing|1\"\n"
    "    {1}\n"
    "  END TABLE\n"
    "  START GROUP NAME = \"Alpha\" ID = 8 CLASS = \"beta\"\n"
    "    START ATTRIBUTE NAME = \"Bad\" ID = 1 TYPE = \"Nope\"\n"  /* 55 */
    "      VALUE = 0x10 END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START GROUP NAME = \"Beta\" ID = 10 CLASS = \"X|Beta|1\"\n"
    "  END GROUP\n"
    "  START GROUP NAME = \"77\" ID = 9 CLASS = \"X|Num|1\"\n"     /* 60 */
    "  END GROUP\n"
    "END COMPONENT\n";

typedef struct fixture {
	mif_doc *doc;
} fixture;

static int
setup(void **state)
{
	static fixture f;

	f.doc = parse_text(rows_mif);
	if (mif_doc_error_count(f.doc) != 0) {
		char buf[2048];
		fprintf(stderr, "%s", diag_text(f.doc, buf, sizeof buf));
		return -1;
	}
	*state = &f;
	return 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;

	mif_doc_free(f->doc);
	return 0;
}

static const char *
name_of(const mif_block *b)
{
	const mif_string *s = b != NULL ? mif_block_string(b, MIF_KW_NAME)
	    : NULL;

	return s != NULL ? s->bytes : "(none)";
}

static mif_rows *
open_rows(const fixture *f, const char *spec)
{
	mif_error err;
	mif_rows *r = mif_rows_open(f->doc, mif_find_group(f->doc, spec), &err);

	if (r == NULL)
		fail_msg("%s: %s", spec, err.text);
	return r;
}

/* The value at (row, col), written out; "!" ends one that does not suit
 * its type, "*" one that is a default. */
static const char *
cell(const mif_rows *r, size_t row, size_t col)
{
	static char buf[128];
	mif_value v;
	bool ok = mif_rows_value(r, row, col, &v, NULL);
	size_t n = mif_value_format(&v, MIF_FORMAT_ESCAPE, buf, sizeof buf - 2);

	if (v.is_default)
		buf[n++] = '*';
	if (!ok)
		buf[n++] = '!';
	buf[n] = '\0';
	return buf;
}

/* All rows, one a line, values separated by '|'. */
static const char *
all_rows(const mif_rows *r)
{
	static char buf[1024];
	size_t used = 0;

	buf[0] = '\0';
	for (size_t row = 0; row < mif_rows_count(r); row++)
		for (size_t col = 0; col < mif_rows_columns(r); col++)
			used += (size_t)snprintf(buf + used, sizeof buf - used,
			    "%s%c", cell(r, row, col),
			    col + 1 < mif_rows_columns(r) ? '|' : '\n');
	return buf;
}

/* The row with these key texts (in KEY order). */
static size_t
find(const mif_rows *r, const char *k1, const char *k2)
{
	const char *texts[] = { k1, k2 };
	mif_value keys[2];
	mif_error err;

	assert_true(mif_rows_key_count(r) <= 2);
	for (size_t k = 0; k < mif_rows_key_count(r); k++) {
		const mif_attr_type *t = mif_rows_column_type(r,
		    mif_rows_key_column(r, k));
		assert_non_null(t);
		if (!mif_value_parse(t, texts[k], strlen(texts[k]), &keys[k],
		    &err))
			fail_msg("%s: %s", texts[k], err.text);
	}
	return mif_rows_find(r, keys);
}

/* ---- lookups ---------------------------------------------------------- */

static void
test_find_group(void **state)
{
	const fixture *f = *state;

	/* an ID, with or without leading zeros */
	assert_string_equal(name_of(mif_find_group(f->doc, "2")), "Disks A");
	assert_string_equal(name_of(mif_find_group(f->doc, "0009")), "77");
	/* digits that are no ID may be a name */
	assert_string_equal(name_of(mif_find_group(f->doc, "77")), "77");
	/* a class gives the template, not its tables */
	assert_string_equal(name_of(mif_find_group(f->doc, "X|Disk|1")),
	    "Disk");
	/* a class only tables have */
	assert_string_equal(name_of(mif_find_group(f->doc, "X|Nothing|1")),
	    "Orphan");
	/* exact class before exact name, exact name before class with case
	 * ignored, which comes before name with case ignored */
	assert_string_equal(name_of(mif_find_group(f->doc, "beta")), "Alpha");
	assert_string_equal(name_of(mif_find_group(f->doc, "Beta")), "Beta");
	assert_string_equal(name_of(mif_find_group(f->doc, "BETA")), "Alpha");
	assert_string_equal(name_of(mif_find_group(f->doc, "x|beta|1")),
	    "Beta");
	assert_string_equal(name_of(mif_find_group(f->doc, "disks a")),
	    "Disks A");
	assert_null(mif_find_group(f->doc, "Nothing"));
	assert_null(mif_find_group(f->doc, "99"));
	assert_null(mif_find_group(f->doc, ""));
	assert_null(mif_find_group(f->doc, NULL));
}

static void
test_find_others(void **state)
{
	const fixture *f = *state;
	const mif_block *disk = mif_find_group(f->doc, "Disk");

	assert_string_equal(name_of(mif_find_attribute(disk, "2")), "Label");
	assert_string_equal(name_of(mif_find_attribute(disk, "Label")),
	    "Label");
	assert_string_equal(name_of(mif_find_attribute(disk, "LABEL")),
	    "Label");
	assert_string_equal(name_of(mif_group_attribute(disk, 4)), "Size");
	assert_null(mif_find_attribute(disk, "5"));
	assert_null(mif_find_attribute(disk, "Labe"));
	assert_null(mif_group_attribute(disk, 5));
	/* the first of two attributes with one ID */
	assert_string_equal(name_of(mif_find_attribute(mif_find_group(f->doc,
	    "Scalar"), "1")), "A");

	assert_true(mif_is_template(disk));
	assert_false(mif_is_template(mif_find_group(f->doc, "Keyed")));
	assert_false(mif_is_template(mif_find_group(f->doc, "Scalar")));
	assert_ptr_equal(mif_table_template(f->doc,
	    mif_find_group(f->doc, "Disks B")), disk);
	assert_null(mif_table_template(f->doc, mif_find_group(f->doc,
	    "Orphan")));
	assert_null(mif_table_template(f->doc, disk));

	assert_string_equal(name_of(mif_find_enum(f->doc, "State")), "State");
	assert_string_equal(name_of(mif_find_enum(f->doc, "STATE")), "State");
	assert_null(mif_find_enum(f->doc, "Nope"));
}

/* ---- rows ------------------------------------------------------------- */

static void
test_scalar_group(void **state)
{
	const fixture *f = *state;
	mif_rows *r = open_rows(f, "Scalar");
	bool is_default = true;

	assert_int_equal(mif_rows_count(r), 1);
	/* ID order; the first of two with ID 1; none without an ID */
	assert_int_equal(mif_rows_columns(r), 2);
	assert_string_equal(name_of(mif_rows_column(r, 0)), "A");
	assert_string_equal(name_of(mif_rows_column(r, 1)), "B");
	assert_int_equal(mif_rows_column_of(r, 2), 1);
	assert_int_equal(mif_rows_column_of(r, 3), MIF_NO_COLUMN);
	assert_string_equal(all_rows(r), "1|bee\n");
	/* the values in place are no defaults */
	assert_ptr_equal(mif_rows_stmt(r, 0, 1, &is_default),
	    mif_block_stmt(mif_rows_column(r, 1), MIF_KW_VALUE));
	assert_false(is_default);
	assert_null(mif_rows_row(r, 0));
	assert_null(mif_rows_table(r, 0));
	assert_ptr_equal(mif_rows_group(r), mif_find_group(f->doc, "Scalar"));
	assert_int_equal(mif_rows_key_count(r), 0);
	mif_value none = { .kind = MIF_V_ABSENT };
	assert_int_equal(mif_rows_find(r, &none), MIF_NO_ROW);
	mif_rows_free(r);
}

static void
test_template(void **state)
{
	const fixture *f = *state;
	mif_rows *r = open_rows(f, "Disk");

	/* the rows of every table of the class, in file order; empty
	 * positions and short rows take the defaults; Size has none */
	assert_int_equal(mif_rows_count(r), 6);
	assert_int_equal(mif_rows_columns(r), 4);
	assert_string_equal(all_rows(r),
	    "1|boot|On|512\n"
	    "2|none*|On|1024\n"
	    "3|none*|Off*|\n"
	    "4|data|Off|2048\n"
	    "3|dup|Off*|\n"
	    "|no key|Off*|\n");
	const char *tables[] = { "Disks A", "Disks A", "Disks A", "Disks B",
	    "Disks B", "Disks B" };
	for (size_t i = 0; i < 6; i++)
		assert_string_equal(name_of(mif_rows_table(r, i)), tables[i]);
	assert_non_null(mif_rows_row(r, 4));
	assert_null(mif_rows_instance(r, 4));
	assert_int_equal(mif_rows_row(r, 4)->ncells, 2);

	/* no default: no statement, and not a default */
	bool is_default = true;
	mif_value v;
	assert_null(mif_rows_stmt(r, 2, 3, &is_default));
	assert_false(is_default);
	assert_true(mif_rows_value(r, 2, 3, &v, NULL));
	assert_int_equal(v.kind, MIF_V_ABSENT);
	assert_false(v.is_default);

	/* KEY = 1, 9, 1: 9 names no column, 1 counts once */
	assert_int_equal(mif_rows_key_count(r), 1);
	assert_int_equal(mif_rows_key_column(r, 0), 0);
	assert_int_equal(find(r, "1", NULL), 0);
	assert_int_equal(find(r, "0x4", NULL), 3);
	/* key 3 twice: the first row */
	assert_int_equal(find(r, "3", NULL), 2);
	assert_int_equal(find(r, "5", NULL), MIF_NO_ROW);
	/* the row without key value is never found */
	mif_value absent = { .kind = MIF_V_ABSENT };
	assert_int_equal(mif_rows_find(r, &absent), MIF_NO_ROW);
	/* a string is not the number */
	mif_value three = { .kind = MIF_V_STRING, .str = "3", .len = 1 };
	assert_int_equal(mif_rows_find(r, &three), MIF_NO_ROW);
	mif_rows_free(r);
}

static void
test_table(void **state)
{
	const fixture *f = *state;
	mif_rows *r = open_rows(f, "Disks B");

	assert_ptr_equal(mif_rows_group(r), mif_find_group(f->doc, "Disk"));
	assert_int_equal(mif_rows_count(r), 3);
	assert_string_equal(all_rows(r),
	    "4|data|Off|2048\n"
	    "3|dup|Off*|\n"
	    "|no key|Off*|\n");
	assert_string_equal(name_of(mif_rows_table(r, 2)), "Disks B");
	assert_int_equal(find(r, "3", NULL), 1);
	assert_int_equal(find(r, "1", NULL), MIF_NO_ROW);
	mif_rows_free(r);

	/* a table without rows */
	r = open_rows(f, "Empty");
	assert_int_equal(mif_rows_count(r), 0);
	assert_int_equal(find(r, "1", NULL), MIF_NO_ROW);
	mif_rows_free(r);
}

static void
test_two_keys(void **state)
{
	const fixture *f = *state;
	mif_rows *r = open_rows(f, "Pairs");

	/* KEY = 2, 1: in KEY order; symbols and numbers are one value */
	assert_int_equal(mif_rows_key_count(r), 2);
	assert_int_equal(mif_rows_key_column(r, 0), 1);
	assert_int_equal(mif_rows_key_column(r, 1), 0);
	assert_int_equal(find(r, "On", "a"), 0);
	assert_int_equal(find(r, "1", "a"), 0);
	assert_int_equal(find(r, "off", "a"), 1);
	assert_int_equal(find(r, "1", "b"), 2);
	assert_int_equal(find(r, "0", "b"), MIF_NO_ROW);
	assert_int_equal(find(r, "1", "A"), MIF_NO_ROW);
	mif_rows_free(r);
}

static void
test_keyed_group(void **state)
{
	const fixture *f = *state;
	mif_rows *r = open_rows(f, "Keyed");

	assert_int_equal(mif_rows_count(r), 1);
	assert_string_equal(all_rows(r), "k1\n");
	assert_int_equal(mif_rows_key_count(r), 1);
	assert_int_equal(find(r, "k1", NULL), 0);
	assert_int_equal(find(r, "k2", NULL), MIF_NO_ROW);
	mif_rows_free(r);
}

/* Several keyed groups of one class, as NOIDMIFs give the instances of a
 * class: mif_rows_open_class() gives one row for each, in file order;
 * mif_rows_open() only the group's own. */
static const char class_mif[] =
    "START COMPONENT NAME = \"Class\"\n"
    "  START GROUP NAME = \"Mon\" ID = 1 CLASS = \"X|Mon|1\" KEY = 1\n"
    "    START ATTRIBUTE NAME = \"Serial\" ID = 1 TYPE = STRING(4)\n"
    "      VALUE = \"a\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Size\" ID = 2 TYPE = INTEGER\n"
    "      VALUE = 17 END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START GROUP NAME = \"Mon B\" ID = 2 CLASS = \"X|Mon|1\" KEY = 1\n"
    "    START ATTRIBUTE NAME = \"Serial\" ID = 1 TYPE = STRING(4)\n"
    "      VALUE = \"b\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Extra\" ID = 3 TYPE = STRING(4)\n"
    "      VALUE = \"x\" END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START GROUP NAME = \"No key\" ID = 3 CLASS = \"X|Mon|1\"\n"
    "    START ATTRIBUTE NAME = \"Serial\" ID = 1 TYPE = STRING(4)\n"
    "      VALUE = \"s\" END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START GROUP NAME = \"Case\" ID = 4 CLASS = \"x|mon|1\" KEY = 1\n"
    "    START ATTRIBUTE NAME = \"Serial\" ID = 1 TYPE = STRING(4)\n"
    "      VALUE = \"c\" END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START GROUP NAME = \"Mon D\" ID = 5 CLASS = \"X|Mon|1\" KEY = 1\n"
    "    START ATTRIBUTE NAME = \"Size\" ID = 2 TYPE = INTEGER\n"
    "      VALUE = 0x10 END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Serial\" ID = 1 TYPE = STRING(4)\n"
    "      VALUE = \"d\" END ATTRIBUTE\n"
    "  END GROUP\n"
    "END COMPONENT\n";

static mif_rows *
open_class(const mif_doc *doc, const char *spec)
{
	mif_error err;
	mif_rows *r = mif_rows_open_class(doc, mif_find_group(doc, spec),
	    &err);

	if (r == NULL)
		fail_msg("%s: %s", spec, err.text);
	return r;
}

static void
test_keyed_class(void **state)
{
	(void)state;
	mif_doc *doc = parse_text(class_mif);
	mif_error err;

	assert_int_equal(mif_doc_error_count(doc), 0);
	/* every keyed group of the class, exactly; by ID where they differ */
	mif_rows *r = open_class(doc, "X|Mon|1");
	assert_int_equal(mif_rows_count(r), 3);
	/* the columns of every instance: Extra, that only Mon B has, too */
	assert_int_equal(mif_rows_columns(r), 3);
	assert_string_equal(all_rows(r), "a|17|\nb||x\nd|16|\n");
	assert_ptr_equal(mif_rows_instance(r, 0), mif_find_group(doc, "1"));
	assert_ptr_equal(mif_rows_instance(r, 1), mif_find_group(doc, "2"));
	assert_ptr_equal(mif_rows_instance(r, 2), mif_find_group(doc, "5"));
	assert_null(mif_rows_row(r, 1));
	assert_null(mif_rows_table(r, 1));
	/* a column another group lacks is absent there, not a default */
	bool is_default = true;
	assert_null(mif_rows_stmt(r, 1, 1, &is_default));
	assert_false(is_default);
	/* found by key through the index */
	assert_int_equal(find(r, "d", NULL), 2);
	assert_int_equal(find(r, "b", NULL), 1);
	assert_int_equal(find(r, "s", NULL), MIF_NO_ROW);
	assert_int_equal(find(r, "c", NULL), MIF_NO_ROW);
	mif_rows_free(r);

	/* whichever instance is asked for, the same columns, by ID */
	r = open_class(doc, "Mon B");
	assert_int_equal(mif_rows_columns(r), 3);
	assert_string_equal(name_of(mif_rows_column(r, 1)), "Size");
	assert_string_equal(name_of(mif_rows_column(r, 2)), "Extra");
	assert_string_equal(all_rows(r), "a|17|\nb||x\nd|16|\n");
	mif_rows_free(r);

	/* mif_rows_open(): the group alone */
	r = mif_rows_open(doc, mif_find_group(doc, "Mon D"), &err);
	assert_non_null(r);
	assert_string_equal(all_rows(r), "d|16\n");
	assert_ptr_equal(mif_rows_instance(r, 0), mif_find_group(doc, "5"));
	mif_rows_free(r);

	/* a group without KEY is one instance, whatever its class */
	r = open_class(doc, "No key");
	assert_string_equal(all_rows(r), "s\n");
	mif_rows_free(r);
	mif_doc_free(doc);
}

/* mif_rows_open_spec(): a keyed group named by its ID is itself alone;
 * by its class or name, every instance of its class. */
static void
test_open_spec(void **state)
{
	(void)state;
	mif_doc *doc = parse_text(class_mif);
	mif_error err;

	static const struct {
		const char *spec, *rows;
	} cases[] = {
		{ "X|Mon|1", "a|17|\nb||x\nd|16|\n" },
		{ "mon d", "a|17|\nb||x\nd|16|\n" },
		{ "2", "b|x\n" },
		{ "No key", "s\n" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		mif_rows *r = mif_rows_open_spec(doc, cases[i].spec, &err);
		if (r == NULL)
			fail_msg("%s: %s", cases[i].spec, err.text);
		assert_string_equal(all_rows(r), cases[i].rows);
		mif_rows_free(r);
	}

	/* nothing answers: MIF_E_MISSING, no place */
	assert_null(mif_rows_open_spec(doc, "9", &err));
	assert_int_equal(err.code, MIF_E_MISSING);
	assert_int_equal(err.mark.line, 0);
	assert_string_equal(err.text, "no group or table \"9\"");
	assert_null(mif_rows_open_spec(doc, NULL, NULL));
	mif_doc_free(doc);
}

static void
test_errors(void **state)
{
	const fixture *f = *state;
	mif_error err;

	assert_null(mif_rows_open(f->doc, mif_find_group(f->doc, "Orphan"),
	    &err));
	assert_int_equal(err.code, MIF_E_TABLE);
	assert_int_equal(err.mark.line, 51);
	assert_int_equal(err.mark.column, 38);
	assert_string_equal(err.text, "class \"X|Nothing|1\" of table "
	    "\"Orphan\" names no template");

	const mif_block *attr = mif_find_attribute(mif_find_group(f->doc,
	    "Disk"), "Index");
	assert_null(mif_rows_open(f->doc, attr, &err));
	assert_int_equal(err.code, MIF_E_TABLE);
	assert_string_equal(err.text, "rows are those of a group or a table");
	assert_null(mif_rows_open(f->doc, NULL, NULL));

	/* a column whose TYPE is broken: values as written, and the type's
	 * error */
	mif_rows *r = open_rows(f, "Alpha");
	mif_value v;
	assert_null(mif_rows_column_type(r, 0));
	assert_false(mif_rows_value(r, 0, 0, &v, &err));
	assert_int_equal(v.kind, MIF_V_UNSIGNED);
	assert_int_equal(v.u, 16);
	assert_int_equal(err.code, MIF_E_ENUM);
	assert_int_equal(err.mark.line, 55);
	assert_string_equal(err.text, "type \"Nope\" of attribute \"Bad\" "
	    "names no enum of the component");
	mif_rows_free(r);
	mif_rows_free(NULL);
}

/* ---- large inputs ----------------------------------------------------- */

/* Rows come in pairs with one Id: s0, then another symbol. */
static size_t
symbol_of(size_t row, size_t nitems)
{
	if (row % 2 == 0)
		return 0;
	return row % nitems != 0 ? row % nitems : 1;
}

/* A template with an enum of `nitems` items (the symbol of 7 given twice,
 * to 7 and to 1007) and a table of `nrows` rows keyed on a string and the
 * enum. */
static char *
big_mif(size_t nitems, size_t nrows)
{
	size_t cap = 4096 + nitems * 40 + nrows * 48, used = 0;
	char *s = malloc(cap);

	assert_non_null(s);
	used += (size_t)snprintf(s + used, cap - used,
	    "START COMPONENT NAME = \"Big\"\n"
	    "START ENUM NAME = \"E\" TYPE = INTEGER\n");
	for (size_t i = 0; i < nitems; i++)
		used += (size_t)snprintf(s + used, cap - used,
		    "%zu = \"s%zu\"\n", i, i);
	used += (size_t)snprintf(s + used, cap - used,
	    "1007 = \"s7\"\n"
	    "END ENUM\n"
	    "START GROUP NAME = \"T\" CLASS = \"X|T|1\" KEY = 1, 2\n"
	    "START ATTRIBUTE NAME = \"Id\" ID = 1 TYPE = STRING(16)\n"
	    "END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"E\" ID = 2 TYPE = \"E\" VALUE = 0\n"
	    "END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START TABLE NAME = \"Rows\" ID = 1 CLASS = \"X|T|1\"\n");
	for (size_t i = 0; i < nrows; i++)
		used += (size_t)snprintf(s + used, cap - used,
		    "{\"id%zu\", \"s%zu\"}\n", i / 2, symbol_of(i, nitems));
	used += (size_t)snprintf(s + used, cap - used, "END TABLE\n"
	    "END COMPONENT\n");
	assert_true(used < cap);
	return s;
}

static void
test_big_enum(void **state)
{
	(void)state;
	char *text = big_mif(40, 100);
	mif_doc *doc = parse_text(text);
	mif_error err;
	mif_rows *r = mif_rows_open(doc, mif_find_group(doc, "T"), &err);

	assert_non_null(r);
	/* an enum this big is looked up through an index: the same answers,
	 * the first of a symbol given twice included */
	assert_string_equal(cell(r, 1, 1), "s1");
	assert_string_equal(cell(r, 3, 1), "s3");
	assert_string_equal(cell(r, 7, 1), "s7");
	mif_value v;
	assert_true(mif_rows_value(r, 7, 1, &v, NULL));
	assert_int_equal(v.i, 7);
	assert_string_equal(cell(r, 6, 1), "s0");
	assert_int_equal(find(r, "id3", "s7"), 7);
	assert_int_equal(find(r, "id3", "7"), 7);
	assert_int_equal(find(r, "id3", "1007"), MIF_NO_ROW);
	assert_int_equal(find(r, "id3", "0"), 6);
	mif_rows_free(r);
	mif_doc_free(doc);
	free(text);
}

static void
test_many_rows(void **state)
{
	(void)state;
	enum { NROWS = 200000 };
	char *text = big_mif(3, NROWS);
	mif_doc *doc = parse_text(text);
	mif_error err;
	mif_rows *r = mif_rows_open(doc, mif_find_group(doc, "Rows"), &err);

	assert_non_null(r);
	assert_int_equal(mif_rows_count(r), NROWS);
	/* every row found by its key */
	for (size_t i = 0; i < NROWS; i++) {
		mif_value keys[2];
		mif_rows_value(r, i, 0, &keys[0], NULL);
		mif_rows_value(r, i, 1, &keys[1], NULL);
		if (mif_rows_find(r, keys) != i)
			fail_msg("row %zu found as %zu", i,
			    mif_rows_find(r, keys));
	}
	mif_rows_free(r);
	mif_doc_free(doc);
	free(text);
}

/* A built document: no text, so no places in messages. */
static void
test_built(void **state)
{
	(void)state;
	mif_doc *doc = mif_doc_create(NULL);
	mif_block *c = mif_add_block(doc, NULL, MIF_COMPONENT);
	mif_block *g = mif_add_block(doc, c, MIF_GROUP);
	mif_set_string(doc, g, MIF_KW_NAME, "G");
	mif_set_string(doc, g, MIF_KW_CLASS, "X|G|1");
	static union {
		mif_keys keys;
		char room[sizeof(mif_keys) + sizeof(mif_number)];
	} key;
	key.keys.count = 1;
	key.keys.items[0] = (mif_number){ 1, 0 };
	mif_stmt kstmt = { .form = MIF_F_KEYS, .v.keys = &key.keys };
	mif_set_stmt(doc, g, MIF_KW_KEY, &kstmt);
	mif_block *a = mif_add_block(doc, g, MIF_ATTRIBUTE);
	mif_set_string(doc, a, MIF_KW_NAME, "N");
	mif_set_number(doc, a, MIF_KW_ID, 1);
	mif_stmt type = { .form = MIF_F_TYPE, .sub = MIF_T_COUNTER };
	mif_set_stmt(doc, a, MIF_KW_TYPE, &type);
	mif_set_number(doc, a, MIF_KW_VALUE, 5);
	mif_block *t = mif_add_block(doc, c, MIF_TABLE);
	mif_set_string(doc, t, MIF_KW_CLASS, "X|G|1");
	mif_add_row(doc, t, 1);
	mif_stmt *cells = mif_add_row(doc, t, 1);
	cells[0] = (mif_stmt){ .form = MIF_F_INTEGER, .flags = MIF_NEGATIVE,
	    .v.u = 2 };

	mif_error err;
	mif_rows *r = mif_rows_open(doc, t, &err);
	assert_non_null(r);
	assert_string_equal(all_rows(r), "5*\n-2!\n");
	mif_value v;
	assert_false(mif_rows_value(r, 1, 0, &v, &err));
	assert_int_equal(err.mark.line, 0);
	assert_string_equal(err.text, "value -2 of attribute \"N\" is "
	    "negative, but its type is COUNTER");
	assert_int_equal(find(r, "5", NULL), 0);
	mif_rows_free(r);
	mif_doc_free(doc);
}

static void
test_outline(void **state)
{
	fixture *f = *state;
	size_t n;
	mif_outline_entry *list = mif_outline(f->doc, &n, NULL);
	char got[1024] = "";

	assert_non_null(list);
	for (size_t i = 0; i < n; i++) {
		size_t used = strlen(got);
		snprintf(got + used, sizeof got - used, "%s %s %zu\n",
		    name_of(list[i].block), mif_outline_kind_name(list[i].kind),
		    list[i].rows);
	}
	/* a template counts the rows of every table of its class */
	assert_string_equal(got,
	    "Scalar scalar 1\n"
	    "Disk template 6\n"
	    "Disks A table 3\n"
	    "Empty table 0\n"
	    "Disks B table 3\n"
	    "Pair template 3\n"
	    "Pairs table 3\n"
	    "Keyed keyed 1\n"
	    "Orphan table 1\n"
	    "Alpha scalar 1\n"
	    "Beta scalar 1\n"
	    "77 scalar 1\n");
	assert_null(mif_outline_kind_name((mif_outline_kind)4));
	free(list);

	mif_doc *empty = mif_doc_create("e");
	list = mif_outline(empty, &n, NULL);
	assert_non_null(list);
	assert_int_equal(n, 0);
	free(list);
	mif_doc_free(empty);
}

/* The rows a filter gives, as "0 2 " */
static const char *
picked(const mif_rows_filter *filter, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t r = mif_rows_filter_next(filter, 0); r != MIF_NO_ROW;
	    r = mif_rows_filter_next(filter, r + 1)) {
		size_t used = strlen(buf);
		snprintf(buf + used, size - used, "%zu ", r);
	}
	return buf;
}

static void
test_filter(void **state)
{
	fixture *f = *state;
	mif_rows *r = open_rows(f, "Disk");
	mif_error err;
	size_t bad;
	char buf[64];

	assert_ptr_equal(mif_rows_doc(r), f->doc);
	assert_int_equal(mif_rows_column_spec(r, "label"), 1);
	assert_int_equal(mif_rows_column_spec(r, "3"), 2);
	assert_int_equal(mif_rows_column_spec(r, "9"), MIF_NO_COLUMN);

	/* no condition: every row */
	mif_rows_filter *flt = mif_rows_filter_new(r, NULL, 0, &bad, &err);
	assert_non_null(flt);
	assert_string_equal(picked(flt, buf, sizeof buf), "0 1 2 3 4 5 ");
	mif_rows_filter_free(flt);

	/* the whole key: the first row with that key, by the index */
	const mif_rows_condition by_key[] = { { "Index", "0x03" } };
	flt = mif_rows_filter_new(r, by_key, 1, &bad, &err);
	assert_non_null(flt);
	assert_string_equal(picked(flt, buf, sizeof buf), "2 ");
	mif_rows_filter_free(flt);

	/* other attributes, row by row, defaults included */
	const mif_rows_condition by_label[] = { { "Label", "none" },
	    { "state", "off" } };
	flt = mif_rows_filter_new(r, by_label, 1, &bad, &err);
	assert_string_equal(picked(flt, buf, sizeof buf), "1 2 ");
	assert_false(mif_rows_filter_empty(flt));
	mif_rows_filter_free(flt);
	flt = mif_rows_filter_new(r, by_label, 2, &bad, &err);
	assert_string_equal(picked(flt, buf, sizeof buf), "2 "); /* 1 is On */
	mif_rows_filter_free(flt);

	/* an attribute the view lacks: nothing, the rest unread */
	const mif_rows_condition lacking[] = { { "Nope", "1" },
	    { "Index", "x" } };
	flt = mif_rows_filter_new(r, lacking, 2, &bad, &err);
	assert_non_null(flt);
	assert_true(mif_rows_filter_empty(flt));
	assert_string_equal(picked(flt, buf, sizeof buf), "");
	mif_rows_filter_free(flt);

	/* a value that does not suit the type: which one, no place */
	const mif_rows_condition wrong[] = { { "Label", "x" },
	    { "Index", "x" } };
	assert_null(mif_rows_filter_new(r, wrong, 2, &bad, &err));
	assert_int_equal(bad, 1);
	assert_int_equal(err.code, MIF_E_TYPE);
	assert_int_equal(err.mark.line, 0);
	mif_rows_free(r);

	/* a broken TYPE: its error, placed */
	r = open_rows(f, "Alpha");
	const mif_rows_condition broken[] = { { "Bad", "1" } };
	assert_null(mif_rows_filter_new(r, broken, 1, &bad, &err));
	assert_int_equal(bad, SIZE_MAX);
	assert_int_equal(err.code, MIF_E_ENUM);
	assert_int_equal(err.mark.line, 55);
	mif_rows_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_find_group),
		cmocka_unit_test(test_find_others),
		cmocka_unit_test(test_scalar_group),
		cmocka_unit_test(test_template),
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_two_keys),
		cmocka_unit_test(test_keyed_group),
		cmocka_unit_test(test_keyed_class),
		cmocka_unit_test(test_open_spec),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_big_enum),
		cmocka_unit_test(test_many_rows),
		cmocka_unit_test(test_built),
		cmocka_unit_test(test_outline),
		cmocka_unit_test(test_filter),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
