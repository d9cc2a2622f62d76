/* Typed values: attribute types, values of statements and of command-line
 * text, dates, comparing, hashing and formatting. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../common/old_hash.h"
#include "diag_text.h"

/* One group of attributes, each with its type and value, after two enums:
 * "Verify_Type" (INTEGER, 0 to 2, one symbol given twice) and "Wide"
 * (INTEGER64). */
static const char values_mif[] =
    "START COMPONENT\n"                                  /* 1 */
    "  NAME = \"Values\"\n"
    "  START ENUM\n"
    "    NAME = \"Verify_Type\"\n"
    "    0 = \"Bad\"\n"                                  /* 5 */
    "    1 = \"Good\"\n"
    "    2 = \"Good\"\n"
    "  END ENUM\n"
    "  START ENUM NAME = \"Wide\" TYPE = INTEGER64\n"
    "    -5000000000 = \"Low\" 5000000000 = \"High\"\n"   /* 10 */
    "  END ENUM\n"
    "  START ENUM NAME = \"Text\" TYPE = STRING(4) END ENUM\n"
    "  START GROUP\n"
    "    NAME = \"G\" ID = 2 CLASS = \"X|G|1\"\n"
    "    START ATTRIBUTE NAME = \"Int\" ID = 1 TYPE = INT VALUE = 0x7B\n"
    "    END ATTRIBUTE\n"                                /* 16 */
    "    START ATTRIBUTE NAME = \"Min\" ID = 2 TYPE = INTEGER\n"
    "      VALUE = -2147483648 END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Big\" ID = 3 TYPE = INTEGER\n"
    "      VALUE = 2147483648 END ATTRIBUTE\n"           /* 20 */
    "    START ATTRIBUTE NAME = \"I64\" ID = 4 TYPE = INT64\n"
    "      VALUE = -9223372036854775808 END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"C64\" ID = 5 TYPE = COUNTER64\n"
    "      VALUE = 0xFFFFFFFFFFFFFFFF END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Neg\" ID = 6 TYPE = GAUGE\n"  /* 25 */
    "      VALUE = -1 END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Str\" ID = 7 TYPE = STRING(4)\n"
    "      VALUE = \"caf\\xE9\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Long\" ID = 8 TYPE = DISPLAYSTRING(3)\n"
    "      VALUE = \"four\" END ATTRIBUTE\n"             /* 30 */
    "    START ATTRIBUTE NAME = \"Oct\" ID = 9 TYPE = OCTETSTRING(2)\n"
    "      VALUE = \"\\x01\\x00\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Date\" ID = 10 TYPE = DATE\n"
    "      VALUE = \"20240704083015.250000-300\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Stars\" ID = 11 TYPE = DATE\n"  /* 35 */
    "      VALUE = \"**************.******+***\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Part\" ID = 12 TYPE = DATE\n"
    "      VALUE = \"1996****120000.******+060\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Empty\" ID = 13 TYPE = DATE\n"
    "      VALUE = \"\" END ATTRIBUTE\n"                 /* 40 */
    "    START ATTRIBUTE NAME = \"Feb\" ID = 14 TYPE = DATE\n"
    "      VALUE = \"19970229000000.000000+000\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Sym\" ID = 15 TYPE = \"verify_type\"\n"
    "      VALUE = \"good\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Num\" ID = 16 TYPE = \"Verify_Type\"\n"
    "      VALUE = 2 END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"NoSym\" ID = 17 TYPE = \"Verify_Type\"\n"
    "      VALUE = 7 END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Maybe\" ID = 18 TYPE = \"Verify_Type\"\n"
    "      VALUE = \"Maybe\" END ATTRIBUTE\n"            /* 50 */
    "    START ATTRIBUTE NAME = \"Inline\" ID = 19\n"
    "      TYPE = START ENUM 0 = \"Off\" 1 = \"On\" END ENUM\n"
    "      VALUE = \"On\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Wide\" ID = 20 TYPE = \"Wide\"\n"
    "      VALUE = \"Low\" END ATTRIBUTE\n"              /* 55 */
    "    START ATTRIBUTE NAME = \"Unknown\" ID = 21 TYPE = DATE\n"
    "      VALUE = UNKNOWN END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Unsup\" ID = 22 TYPE = INTEGER\n"
    "      VALUE = UNSUPPORTED END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Overlay\" ID = 23 TYPE = STRING(8)\n" /* 60 */
    "      VALUE = *\"PATHNAME\" END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"None\" ID = 24 TYPE = STRING(8)\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"StrInt\" ID = 25 TYPE = INTEGER\n"
    "      VALUE = \"1\" END ATTRIBUTE\n"                /* 65 */
    "    START ATTRIBUTE NAME = \"IntStr\" ID = 26 TYPE = STRING(8)\n"
    "      VALUE = 1 END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"NoType\" ID = 27 VALUE = 1\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"NoEnum\" ID = 28 TYPE = \"Nothing\"\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"BadBase\" ID = 29 TYPE = \"Text\"\n"
    "    END ATTRIBUTE\n"
    "  END GROUP\n"
    "END COMPONENT\n";                                   /* 75 */

typedef struct fixture {
	mif_doc *doc;
	const mif_block *group;
} fixture;

static int
setup(void **state)
{
	static fixture f;

	f.doc = parse_text(values_mif);
	if (mif_doc_error_count(f.doc) != 0) {
		char buf[2048];
		fprintf(stderr, "%s", diag_text(f.doc, buf, sizeof buf));
		return -1;
	}
	f.group = mif_find_group(f.doc, "G");
	*state = &f;
	return f.group == NULL ? -1 : 0;
}

static int
teardown(void **state)
{
	fixture *f = *state;

	mif_doc_free(f->doc);
	return 0;
}

/* The type of attribute `name`, which must resolve. */
static mif_attr_type
type_of(const fixture *f, const char *name)
{
	mif_attr_type t;
	mif_error err;
	const mif_block *a = mif_find_attribute(f->group, name);

	assert_non_null(a);
	if (!mif_attr_type_of(f->doc, a, &t, &err))
		fail_msg("%s: %s", name, err.text);
	return t;
}

/* The value of attribute `name`'s VALUE; returns whether it suits. */
static bool
value_of(const fixture *f, const char *name, mif_value *v, mif_error *err)
{
	mif_attr_type t = type_of(f, name);
	const mif_block *a = mif_find_attribute(f->group, name);

	return mif_value_of(f->doc, &t, mif_block_stmt(a, MIF_KW_VALUE), v,
	    err);
}

static const char *
formatted(const mif_value *v)
{
	static char buf[256];

	mif_value_format(v, MIF_FORMAT_ESCAPE, buf, sizeof buf);
	return buf;
}

/* ---- types ------------------------------------------------------------ */

static void
test_types(void **state)
{
	const fixture *f = *state;
	mif_attr_type t;

	t = type_of(f, "Int");
	assert_int_equal(t.kind, MIF_T_INT);
	assert_int_equal(t.base, MIF_T_INT);
	assert_ptr_equal(t.attr, mif_find_attribute(f->group, "Int"));
	assert_ptr_equal(t.stmt, mif_block_stmt(t.attr, MIF_KW_TYPE));
	assert_null(t.enm);

	t = type_of(f, "Long");
	assert_int_equal(t.kind, MIF_T_DISPLAYSTRING);
	assert_int_equal(t.size, 3);

	/* "verify_type" names Verify_Type only when case is ignored */
	t = type_of(f, "Sym");
	assert_int_equal(t.kind, MIF_T_ENUM_NAMED);
	assert_int_equal(t.base, MIF_T_INTEGER);
	assert_ptr_equal(t.enm, mif_find_enum(f->doc, "Verify_Type"));

	t = type_of(f, "Wide");
	assert_int_equal(t.base, MIF_T_INTEGER64);

	t = type_of(f, "Inline");
	assert_int_equal(t.kind, MIF_T_ENUM_INLINE);
	assert_non_null(t.enm);
	assert_int_equal(t.enm->count, 2);
}

static void
test_type_errors(void **state)
{
	const fixture *f = *state;
	mif_attr_type t;
	mif_error err;

	assert_false(mif_attr_type_of(f->doc,
	    mif_find_attribute(f->group, "NoType"), &t, &err));
	assert_int_equal(err.code, MIF_E_MISSING);
	assert_int_equal(err.severity, MIF_ERROR);
	assert_string_equal(err.source, "t.mif");
	assert_int_equal(err.mark.line, 68);
	assert_int_equal(err.mark.column, 5);
	assert_string_equal(err.text, "attribute \"NoType\" has no TYPE");

	assert_false(mif_attr_type_of(f->doc,
	    mif_find_attribute(f->group, "NoEnum"), &t, &err));
	assert_int_equal(err.code, MIF_E_ENUM);
	assert_int_equal(err.mark.line, 70);
	assert_int_equal(err.mark.column, 45);
	assert_string_equal(err.text, "type \"Nothing\" of attribute "
	    "\"NoEnum\" names no enum of the component");

	assert_false(mif_attr_type_of(f->doc,
	    mif_find_attribute(f->group, "BadBase"), &t, &err));
	assert_int_equal(err.code, MIF_E_ENUM);
	assert_int_equal(err.mark.line, 12);
	assert_int_equal(err.mark.column, 28);
	assert_string_equal(err.text, "enum \"Text\" has type STRING(4), but "
	    "an enum's type must be an integer type");

	/* err may be NULL */
	assert_false(mif_attr_type_of(f->doc,
	    mif_find_attribute(f->group, "NoType"), &t, NULL));
}

/* ---- values of statements --------------------------------------------- */

static void
test_integers(void **state)
{
	const fixture *f = *state;
	mif_value v;
	mif_error err;

	assert_true(value_of(f, "Int", &v, &err));
	assert_int_equal(v.kind, MIF_V_SIGNED);
	assert_int_equal(v.i, 123);
	assert_false(v.is_default);
	assert_ptr_equal(v.stmt, mif_block_stmt(mif_find_attribute(f->group,
	    "Int"), MIF_KW_VALUE));
	assert_string_equal(formatted(&v), "123");

	assert_true(value_of(f, "Min", &v, &err));
	assert_int_equal(v.kind, MIF_V_SIGNED);
	assert_true(v.i == INT32_MIN);

	assert_true(value_of(f, "I64", &v, &err));
	assert_true(v.i == INT64_MIN);
	assert_string_equal(formatted(&v), "-9223372036854775808");

	assert_true(value_of(f, "C64", &v, &err));
	assert_int_equal(v.kind, MIF_V_UNSIGNED);
	assert_true(v.u == UINT64_MAX);
	assert_string_equal(formatted(&v), "18446744073709551615");
}

static void
test_integer_errors(void **state)
{
	const fixture *f = *state;
	mif_value v;
	mif_error err;

	assert_false(value_of(f, "Big", &v, &err));
	assert_int_equal(err.code, MIF_E_RANGE);
	assert_int_equal(err.mark.line, 20);
	assert_int_equal(err.mark.column, 7);
	assert_string_equal(err.text, "value 2147483648 of attribute \"Big\" "
	    "is out of range for INTEGER (-2147483648 to 2147483647)");
	/* as written */
	assert_int_equal(v.kind, MIF_V_UNSIGNED);
	assert_true(v.u == 2147483648u);

	assert_false(value_of(f, "Neg", &v, &err));
	assert_int_equal(err.code, MIF_E_RANGE);
	assert_string_equal(err.text, "value -1 of attribute \"Neg\" is "
	    "negative, but its type is GAUGE");
	assert_int_equal(v.kind, MIF_V_SIGNED);
	assert_int_equal(v.i, -1);

	assert_false(value_of(f, "StrInt", &v, &err));
	assert_int_equal(err.code, MIF_E_TYPE);
	assert_int_equal(err.mark.line, 65);
	assert_string_equal(err.text, "value of attribute \"StrInt\" is a "
	    "string, but its type is INTEGER");
	assert_int_equal(v.kind, MIF_V_STRING);
	assert_string_equal(formatted(&v), "1");

	assert_false(value_of(f, "IntStr", &v, &err));
	assert_int_equal(err.code, MIF_E_TYPE);
	assert_string_equal(err.text, "value of attribute \"IntStr\" is a "
	    "number, but its type is STRING(8)");
	assert_int_equal(v.kind, MIF_V_UNSIGNED);

	/* no message wanted: still false */
	assert_false(value_of(f, "Big", &v, NULL));
}

static void
test_strings(void **state)
{
	const fixture *f = *state;
	mif_value v;
	mif_error err;

	/* four characters, five bytes (UTF-8), in a STRING(4) */
	assert_true(value_of(f, "Str", &v, &err));
	assert_int_equal(v.kind, MIF_V_STRING);
	assert_int_equal(v.len, 5);
	assert_memory_equal(v.str, "caf\xC3\xA9", 5);

	assert_false(value_of(f, "Long", &v, &err));
	assert_int_equal(err.code, MIF_E_SIZE);
	assert_string_equal(err.text, "value of attribute \"Long\" is 4 "
	    "characters long, more than its DISPLAYSTRING(3) allows");
	assert_int_equal(v.kind, MIF_V_STRING);
	assert_string_equal(formatted(&v), "four");

	assert_true(value_of(f, "Oct", &v, &err));
	assert_int_equal(v.kind, MIF_V_OCTETS);
	assert_int_equal(v.len, 2);
	assert_memory_equal(v.str, "\x01\x00", 2);
	assert_string_equal(formatted(&v), "\\x01\\x00");
}

static void
test_dates(void **state)
{
	const fixture *f = *state;
	mif_value v;
	mif_error err;

	assert_true(value_of(f, "Date", &v, &err));
	assert_int_equal(v.kind, MIF_V_DATE);
	assert_int_equal(v.date.year, 2024);
	assert_int_equal(v.date.month, 7);
	assert_int_equal(v.date.day, 4);
	assert_int_equal(v.date.hour, 8);
	assert_int_equal(v.date.minute, 30);
	assert_int_equal(v.date.second, 15);
	assert_int_equal(v.date.microsecond, 250000);
	assert_int_equal(v.date.utc_offset, -300);
	assert_false(v.date.unknown);
	assert_string_equal(formatted(&v), "20240704083015.250000-300");

	assert_true(value_of(f, "Stars", &v, &err));
	assert_true(v.date.unknown);
	assert_int_equal(v.date.year, MIF_DATE_UNKNOWN);
	assert_int_equal(v.date.utc_offset, MIF_DATE_UNKNOWN);

	/* unknown fields one by one */
	assert_true(value_of(f, "Part", &v, &err));
	assert_false(v.date.unknown);
	assert_int_equal(v.date.year, 1996);
	assert_int_equal(v.date.month, MIF_DATE_UNKNOWN);
	assert_int_equal(v.date.day, MIF_DATE_UNKNOWN);
	assert_int_equal(v.date.hour, 12);
	assert_int_equal(v.date.microsecond, MIF_DATE_UNKNOWN);
	assert_int_equal(v.date.utc_offset, 60);

	/* "" is what writers put for no date: unknown */
	assert_true(value_of(f, "Empty", &v, &err));
	assert_int_equal(v.kind, MIF_V_DATE);
	assert_true(v.date.unknown);
	assert_int_equal(v.len, 0);
	assert_string_equal(formatted(&v), "");

	assert_false(value_of(f, "Feb", &v, &err));
	assert_int_equal(err.code, MIF_E_DATE);
	assert_int_equal(err.mark.line, 42);
	assert_string_equal(err.text, "invalid DATE value "
	    "\"19970229000000.000000+000\" of attribute \"Feb\": day 29 is "
	    "past the end of month 02 of 1997");
	assert_int_equal(v.kind, MIF_V_STRING);
}

/* SMS 1.2's "MM/DD/YY HH:MM:SS" (Q192497) is read as its date: years 69
 * to 99 in the 1900s, 00 to 68 in the 2000s; no fraction, no zone. */
static void
test_dates_sms12(void **state)
{
	const fixture *f = *state;
	mif_attr_type t = type_of(f, "Date");
	mif_value v, w;
	mif_error err;
	char out[MIF_DATE_LEN + 1];

	assert_true(mif_value_parse(&t, "07/01/98 10:30:30", 17, &v, &err));
	assert_int_equal(v.kind, MIF_V_DATE);
	assert_string_equal(mif_date_format(&v.date, out),
	    "19980701103030.000000+***");
	assert_true(mif_value_parse(&t, "19980701103030.000000+***", 25, &w,
	    &err));
	assert_true(mif_value_equal(&v, &w));
	assert_true(mif_value_parse(&t, "12/31/69 23:59:59", 17, &v, &err));
	assert_int_equal(v.date.year, 1969);
	assert_true(mif_value_parse(&t, "02/29/68 00:00:00", 17, &v, &err));
	assert_int_equal(v.date.year, 2068);
	assert_true(mif_value_parse(&t, "02/29/00 00:00:00", 17, &v, &err));
	assert_int_equal(v.date.year, 2000);
	/* each field in range, the shape exact */
	static const char *const bad[] = {
		"02/29/99 00:00:00", "13/01/98 10:30:30", "00/01/98 10:30:30",
		"07/00/98 10:30:30", "07/01/98 24:00:00", "07/01/98 10:60:30",
		"07/01/98 10:30:61", "7/1/98 10:30:30", "07-01-98 10:30:30",
		"07/01/1998 10:30", "07/01/98 10:30:3x", "07/01/98T10:30:30",
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		assert_false(mif_value_parse(&t, bad[i], strlen(bad[i]), &v,
		    &err));
		assert_int_equal(err.code, MIF_E_DATE);
	}
}

static void
test_enums(void **state)
{
	const fixture *f = *state;
	mif_value v;
	mif_error err;

	/* a symbol matched ignoring case takes the enum's spelling; of a
	 * symbol given twice the first counts */
	assert_true(value_of(f, "Sym", &v, &err));
	assert_int_equal(v.kind, MIF_V_ENUM);
	assert_int_equal(v.i, 1);
	assert_string_equal(formatted(&v), "Good");

	assert_true(value_of(f, "Num", &v, &err));
	assert_int_equal(v.i, 2);
	assert_string_equal(formatted(&v), "Good");

	assert_true(value_of(f, "NoSym", &v, &err));
	assert_int_equal(v.kind, MIF_V_ENUM);
	assert_int_equal(v.i, 7);
	assert_null(v.str);
	assert_string_equal(formatted(&v), "7");

	assert_true(value_of(f, "Inline", &v, &err));
	assert_int_equal(v.i, 1);
	assert_string_equal(formatted(&v), "On");

	assert_true(value_of(f, "Wide", &v, &err));
	assert_true(v.i == -5000000000);

	assert_false(value_of(f, "Maybe", &v, &err));
	assert_int_equal(err.code, MIF_E_ENUM);
	assert_int_equal(err.mark.line, 50);
	assert_string_equal(err.text, "value \"Maybe\" of attribute "
	    "\"Maybe\" is not a symbol of enum \"Verify_Type\"");
	assert_int_equal(v.kind, MIF_V_STRING);
}

static void
test_special_values(void **state)
{
	const fixture *f = *state;
	mif_value v;
	mif_error err;

	assert_true(value_of(f, "Unknown", &v, &err));
	assert_int_equal(v.kind, MIF_V_UNKNOWN);
	assert_string_equal(formatted(&v), "UNKNOWN");

	assert_true(value_of(f, "Unsup", &v, &err));
	assert_int_equal(v.kind, MIF_V_UNSUPPORTED);
	assert_string_equal(formatted(&v), "UNSUPPORTED");

	assert_true(value_of(f, "Overlay", &v, &err));
	assert_int_equal(v.kind, MIF_V_OVERLAY);
	assert_int_equal(v.len, 8);
	assert_string_equal(formatted(&v), "*\"PATHNAME\"");

	assert_true(value_of(f, "None", &v, &err));
	assert_int_equal(v.kind, MIF_V_ABSENT);
	assert_null(v.stmt);
	assert_string_equal(formatted(&v), "");

	/* an empty table position is absent too */
	mif_attr_type t = type_of(f, "Int");
	mif_stmt empty = { .form = MIF_F_NONE };
	assert_true(mif_value_of(f->doc, &t, &empty, &v, &err));
	assert_int_equal(v.kind, MIF_V_ABSENT);

	/* a statement that is no value */
	assert_false(mif_value_of(f->doc, &t, t.stmt, &v, &err));
	assert_int_equal(err.code, MIF_E_TYPE);
	assert_int_equal(err.mark.line, 15);
	assert_string_equal(err.text, "a TYPE statement is not a value");
}

/* ---- values from text ------------------------------------------------- */

static bool
parse(const fixture *f, const char *attr, const char *text, mif_value *v,
    mif_error *err)
{
	mif_attr_type t = type_of(f, attr);

	return mif_value_parse(&t, text, strlen(text), v, err);
}

/* An enum of type COUNTER64 whose numbers pass INT64_MAX: i holds
 * INT64_MAX and u the number, which compares, hashes and prints as the
 * same COUNTER64 would. */
static void
test_enum_beyond_int64(void **state)
{
	(void)state;
	fixture g;
	mif_value sym, num, max, parsed;
	mif_error err;

	g.doc = parse_text("START COMPONENT NAME = \"E\"\n"
	    "START ENUM NAME = \"Big\" TYPE = COUNTER64\n"
	    "  0 = \"Zero\" 18446744073709551615 = \"Max\" END ENUM\n"
	    "START GROUP NAME = \"G\" ID = 1 CLASS = \"X|G|1\"\n"
	    "START ATTRIBUTE NAME = \"Sym\" ID = 1 TYPE = \"Big\"\n"
	    "  VALUE = \"Max\" END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"Num\" ID = 2 TYPE = \"Big\"\n"
	    "  VALUE = 9223372036854775808 END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"C64\" ID = 3 TYPE = COUNTER64\n"
	    "  VALUE = 0xFFFFFFFFFFFFFFFF END ATTRIBUTE\n"
	    "END GROUP END COMPONENT\n");
	assert_int_equal(mif_check(g.doc, NULL), 0);
	g.group = mif_find_group(g.doc, "G");

	assert_true(value_of(&g, "Sym", &sym, &err));
	assert_int_equal(sym.kind, MIF_V_ENUM);
	assert_true(sym.u == UINT64_MAX);
	assert_true(sym.i == INT64_MAX);
	assert_string_equal(formatted(&sym), "Max");
	assert_true(value_of(&g, "C64", &max, &err));
	assert_true(mif_value_equal(&sym, &max));
	assert_true(mif_value_hash(&sym) == mif_value_hash(&max));

	assert_true(value_of(&g, "Num", &num, &err));
	assert_int_equal(num.kind, MIF_V_ENUM);
	assert_null(num.str);
	assert_string_equal(formatted(&num), "9223372036854775808");
	assert_false(mif_value_equal(&num, &max));

	/* from text, by symbol and by number */
	assert_true(parse(&g, "Num", "max", &parsed, &err));
	assert_true(mif_value_equal(&parsed, &max));
	assert_true(parse(&g, "Sym", "0xFFFFFFFFFFFFFFFF", &parsed, &err));
	assert_string_equal(formatted(&parsed), "Max");
	assert_true(parse(&g, "Sym", "9223372036854775807", &parsed, &err));
	assert_string_equal(formatted(&parsed), "9223372036854775807");
	assert_false(mif_value_equal(&parsed, &num));
	mif_doc_free(g.doc);
}

static void
test_parse(void **state)
{
	const fixture *f = *state;
	mif_value v;
	mif_error err;

	assert_true(parse(f, "Int", "-0x10", &v, &err));
	assert_int_equal(v.kind, MIF_V_SIGNED);
	assert_int_equal(v.i, -16);
	assert_null(v.stmt);
	assert_true(parse(f, "Int", "017", &v, &err));
	assert_int_equal(v.i, 15);
	assert_true(parse(f, "C64", "18446744073709551615", &v, &err));
	assert_true(v.u == UINT64_MAX);
	assert_true(parse(f, "Str", "abc", &v, &err));
	assert_int_equal(v.kind, MIF_V_STRING);
	assert_true(parse(f, "Oct", "ab", &v, &err));
	assert_int_equal(v.kind, MIF_V_OCTETS);
	assert_true(parse(f, "Date", "19960229120000.000000+060", &v, &err));
	assert_int_equal(v.date.utc_offset, 60);
	assert_true(parse(f, "Num", "bad", &v, &err));
	assert_int_equal(v.kind, MIF_V_ENUM);
	assert_int_equal(v.i, 0);
	assert_string_equal(formatted(&v), "Bad");
	assert_true(parse(f, "Num", "0x2", &v, &err));
	assert_int_equal(v.i, 2);
	assert_true(parse(f, "Int", "UNKNOWN", &v, &err));
	assert_int_equal(v.kind, MIF_V_UNKNOWN);
	assert_true(parse(f, "Str", "UNSUPPORTED", &v, &err));
	assert_int_equal(v.kind, MIF_V_UNSUPPORTED);
}

static void
test_parse_errors(void **state)
{
	const fixture *f = *state;
	mif_value v;
	mif_error err;

	assert_false(parse(f, "Int", "12a", &v, &err));
	assert_int_equal(err.code, MIF_E_TYPE);
	assert_int_equal(err.mark.line, 0);
	assert_string_equal(err.text, "value \"12a\" of attribute \"Int\" is "
	    "not a number, but its type is INT");
	assert_int_equal(v.kind, MIF_V_STRING);
	assert_int_equal(v.len, 3);

	assert_false(parse(f, "Int", "-", &v, &err));
	assert_false(parse(f, "Int", "0x", &v, &err));
	assert_false(parse(f, "Int", "08", &v, &err));
	assert_false(parse(f, "C64", "18446744073709551616", &v, &err));

	assert_false(parse(f, "Int", "2147483648", &v, &err));
	assert_int_equal(err.code, MIF_E_RANGE);
	assert_string_equal(err.text, "value \"2147483648\" of attribute "
	    "\"Int\" is out of range for INT (-2147483648 to 2147483647)");

	assert_false(parse(f, "Neg", "-3", &v, &err));
	assert_int_equal(err.code, MIF_E_RANGE);

	assert_false(parse(f, "Str", "toolong", &v, &err));
	assert_int_equal(err.code, MIF_E_SIZE);

	assert_false(parse(f, "Date", "2024", &v, &err));
	assert_int_equal(err.code, MIF_E_DATE);
	assert_string_equal(err.text, "invalid DATE value \"2024\" of "
	    "attribute \"Date\": it has 4 characters, not 25 "
	    "(yyyymmddHHMMSS.uuuuuu+ooo)");

	assert_false(parse(f, "Inline", "Dim", &v, &err));
	assert_int_equal(err.code, MIF_E_ENUM);
	assert_string_equal(err.text, "value \"Dim\" of attribute "
	    "\"Inline\" is not a symbol of its inline enum");

	/* words are upper case only */
	assert_false(parse(f, "Int", "unknown", &v, &err));
}

/* ---- comparing and hashing -------------------------------------------- */

static mif_value
number(mif_value_kind kind, int64_t i, uint64_t u)
{
	return (mif_value){ .kind = kind, .i = i, .u = u };
}

static mif_value
text(mif_value_kind kind, const char *s)
{
	return (mif_value){ .kind = kind, .str = s, .len = strlen(s) };
}

static void
assert_equal_values(const mif_value *a, const mif_value *b)
{
	assert_true(mif_value_equal(a, b));
	assert_true(mif_value_equal(b, a));
	assert_true(mif_value_hash(a) == mif_value_hash(b));
}

static void
test_equal(void **state)
{
	(void)state;
	mif_value s7 = number(MIF_V_SIGNED, 7, 0);
	mif_value u7 = number(MIF_V_UNSIGNED, 0, 7);
	mif_value e7 = number(MIF_V_ENUM, 7, 0);
	mif_value m7 = number(MIF_V_SIGNED, -7, 0);
	mif_value big = number(MIF_V_UNSIGNED, 0, UINT64_MAX);
	mif_value minus1 = number(MIF_V_SIGNED, -1, 0);

	assert_equal_values(&s7, &u7);
	assert_equal_values(&s7, &e7);
	assert_false(mif_value_equal(&s7, &m7));
	assert_false(mif_value_equal(&big, &minus1));

	mif_value a = text(MIF_V_STRING, "ab");
	mif_value o = text(MIF_V_OCTETS, "ab");
	mif_value b = text(MIF_V_STRING, "abc");
	mif_value seven = text(MIF_V_STRING, "7");
	assert_equal_values(&a, &o);
	assert_false(mif_value_equal(&a, &b));
	assert_false(mif_value_equal(&seven, &s7));

	mif_value d1 = { .kind = MIF_V_DATE }, d2;
	assert_true(mif_date_parse("19960229120000.000000+060", 25, &d1.date,
	    NULL, 0));
	d2 = d1;
	d2.str = "something else";
	assert_equal_values(&d1, &d2);
	d2.date.utc_offset = 0;
	assert_false(mif_value_equal(&d1, &d2));

	mif_value unknown = { .kind = MIF_V_UNKNOWN };
	mif_value unsupported = { .kind = MIF_V_UNSUPPORTED };
	mif_value absent = { .kind = MIF_V_ABSENT };
	mif_value unknown2 = { .kind = MIF_V_UNKNOWN, .is_default = true };
	assert_equal_values(&unknown, &unknown2);
	assert_false(mif_value_equal(&unknown, &unsupported));
	assert_false(mif_value_equal(&unknown, &absent));
	assert_false(mif_value_equal(&absent, &a));

	mif_value p1 = text(MIF_V_OVERLAY, "P"), p2 = text(MIF_V_OVERLAY, "P");
	mif_value p = text(MIF_V_STRING, "P");
	assert_equal_values(&p1, &p2);
	assert_false(mif_value_equal(&p1, &p));
}

/* ---- formatting ------------------------------------------------------- */

static void
test_format(void **state)
{
	(void)state;
	char buf[8];
	mif_value v = text(MIF_V_STRING, "a\tb\\c\nd\re");

	assert_int_equal(mif_value_format(&v, MIF_FORMAT_ESCAPE, NULL, 0), 13);
	assert_int_equal(mif_value_format(&v, 0, NULL, 0), 9);
	/* cut as snprintf() cuts */
	assert_int_equal(mif_value_format(&v, MIF_FORMAT_ESCAPE, buf,
	    sizeof buf), 13);
	assert_string_equal(buf, "a\\tb\\\\c");
	buf[0] = 'x';
	assert_int_equal(mif_value_format(&v, 0, buf, 1), 9);
	assert_string_equal(buf, "");

	mif_value e = number(MIF_V_ENUM, -3, 0);
	assert_string_equal(formatted(&e), "-3");
	e.str = "Neg\tThree";
	e.len = 9;
	assert_string_equal(formatted(&e), "Neg\\tThree");

	/* a date without its text is written from its fields */
	mif_value d = { .kind = MIF_V_DATE };
	assert_true(mif_date_parse("20240704083015.250000-300", 25, &d.date,
	    NULL, 0));
	assert_string_equal(formatted(&d), "20240704083015.250000-300");

	/* onto a stream */
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);
	assert_non_null(fp);
	assert_true(mif_value_print(&v, MIF_FORMAT_ESCAPE, fp));
	assert_true(mif_value_print(&e, 0, fp));
	fclose(fp);
	assert_string_equal(out, "a\\tb\\\\c\\nd\\reNeg\tThree");
	free(out);
}

/* The escaped text of len bytes of s under flags. */
static const char *
escaped(const char *s, size_t len, unsigned flags)
{
	static char buf[256];

	mif_escape(s, len, flags, buf, sizeof buf);
	return buf;
}

static void
test_escape(void **state)
{
	(void)state;
	/* named escapes; NUL as \x00, so that a digit after it stays one */
	assert_string_equal(escaped("a\\b\tc\nd\re\0" "1", 11, 0),
	    "a\\\\b\\tc\\nd\\re\\x001");
	/* every other C0 control and DEL; ESC, BEL and BS among them */
	assert_string_equal(escaped("\x1B[2J\a\b\x7F", 7, 0),
	    "\\x1B[2J\\x07\\x08\\x7F");
	/* C1 controls: both bytes of their UTF-8; U+00A0 and on stay */
	assert_string_equal(escaped("\xC2\x9B" "31m\xC2\x85\xC2\xA0\xC3\xA9",
	    11, 0), "\\xC2\\x9B31m\\xC2\\x85\xC2\xA0\xC3\xA9");
	/* bytes that are no UTF-8: a Latin-1 e acute, a cut sequence, an
	 * overlong slash */
	assert_string_equal(escaped("caf\xE9 \xE2\x82 \xC0\xAF", 10, 0),
	    "caf\\xE9 \\xE2\\x82 \\xC0\\xAF");
	/* a quote only when asked; for reading, backslash and tab stay */
	assert_string_equal(escaped("\"\\\t\x1B", 4, 0), "\"\\\\\\t\\x1B");
	assert_string_equal(escaped("\"\\\t\x1B", 4, MIF_ESCAPE_QUOTE),
	    "\\\"\\\\\\t\\x1B");
	assert_string_equal(escaped("\"\\\t\x1B\n", 5, MIF_ESCAPE_CONTROLS),
	    "\"\\\t\\x1B\\n");

	/* one character at a time */
	char esc[MIF_ESCAPE_MAX];
	assert_int_equal(mif_escape_char("\xC2\x85z", 3, 0, esc), 2);
	assert_string_equal(esc, "\\xC2\\x85");
	assert_int_equal(mif_escape_char("\xE2\x82\xAC", 3, 0, esc), 3);
	assert_string_equal(esc, "");
	assert_int_equal(mif_escape_char("\xE2\x82\xAC", 2, 0, esc), 1);
	assert_string_equal(esc, "\\xE2");

	/* cut as snprintf() cuts */
	char small[6];
	assert_int_equal(mif_escape("\x1B\x1B", 2, 0, small, sizeof small), 8);
	assert_string_equal(small, "\\x1B\\");
	assert_int_equal(mif_escape("ab", 2, 0, NULL, 0), 2);

	/* and undone: every byte comes back */
	char all[256], text[1024];
	for (size_t i = 0; i < sizeof all; i++)
		all[i] = (char)i;
	size_t len = mif_escape(all, sizeof all, 0, text, sizeof text);
	assert_true(len < sizeof text);
	assert_null(memchr(text, '\t', len));
	assert_true(mif_unescape(text, &len));
	assert_int_equal(len, sizeof all);
	assert_memory_equal(text, all, sizeof all);

	/* a stray backslash is no escape */
	const char *bad[] = { "a\\", "\\0", "\\x1", "\\xG0", "\\\"", "\\u0085" };
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		char copy[16];
		size_t n = strlen(bad[i]);
		memcpy(copy, bad[i], n + 1);
		assert_false(mif_unescape(copy, &n));
	}
	char hex[] = "\\x1b\\xfF";
	len = strlen(hex);
	assert_true(mif_unescape(hex, &len));
	assert_int_equal(len, 2);
	assert_memory_equal(hex, "\x1B\xFF", 2);

	/* onto a stream */
	char *out = NULL;
	size_t outlen = 0;
	FILE *fp = open_memstream(&out, &outlen);
	assert_non_null(fp);
	assert_true(mif_escape_print("\a\xC2\x9B", 3, 0, fp));
	fclose(fp);
	assert_string_equal(out, "\\x07\\xC2\\x9B");
	free(out);
}

/* ---- dates on their own ----------------------------------------------- */

static void
test_date_parse(void **state)
{
	(void)state;
	mif_date d;
	char why[128], out[MIF_DATE_LEN + 1];

	assert_true(mif_date_parse("99991231235960.999999+840", 25, &d, why,
	    sizeof why));
	assert_int_equal(d.year, 9999);
	assert_int_equal(d.second, 60);
	assert_int_equal(d.microsecond, 999999);
	assert_int_equal(d.utc_offset, 840);
	assert_string_equal(mif_date_format(&d, out),
	    "99991231235960.999999+840");

	assert_true(mif_date_parse("*************************", 25, &d, why,
	    sizeof why));
	assert_true(d.unknown);
	assert_string_equal(mif_date_format(&d, out),
	    "**************.******+***");

	assert_false(mif_date_parse("19961301000000.000000+000", 25, &d, why,
	    sizeof why));
	assert_string_equal(why, "month 13 is not 01 to 12");
	assert_false(mif_date_parse("19960101000000.000000+841", 25, &d, why,
	    sizeof why));
	assert_string_equal(why, "UTC offset +841 is more than 840 minutes");
	assert_false(mif_date_parse("1996010100000000000000000", 25, &d, why,
	    sizeof why));
	assert_string_equal(why, "character 15 is not '.'");
	assert_false(mif_date_parse("1996010100000.000000+0000", 25, &d, NULL,
	    0));
	assert_false(mif_date_parse("19960101000000.000000+0000", 26, &d, why,
	    sizeof why));
	assert_string_equal(why, "it has 26 characters, not 25 "
	    "(yyyymmddHHMMSS.uuuuuu+ooo)");
	/* a NUL inside is no digit */
	assert_false(mif_date_parse("19960101000000.000\0000+000", 25, &d, NULL,
	    0));

	/* fields out of range keep their last digits; a negative offset
	 * its sign */
	d = (mif_date){ 12345, 1, 2, 3, 4, 5, 6, -60, false };
	assert_string_equal(mif_date_format(&d, out),
	    "23450102030405.000006-060");
	d.month = MIF_DATE_UNKNOWN;
	d.utc_offset = MIF_DATE_UNKNOWN;
	assert_string_equal(mif_date_format(&d, out),
	    "2345**02030405.000006+***");
}

/* Keys crafted so that an unkeyed hash gives them all the same low bits
 * (one bucket of any table) spread over the buckets: the hash is keyed. */
static void
test_hash_crafted_keys_spread(void **state)
{
	(void)state;
	enum { N = 4096, BUCKETS = 4096 };
	static bool used[BUCKETS];
	size_t distinct = 0;
	for (uint64_t i = 0; i < N; i++) {
		mif_value v = { .kind = MIF_V_UNSIGNED };
		v.u = unmix(i << 24);
		uint64_t h = mif_value_hash(&v) & (BUCKETS - 1);
		distinct += !used[h];
		used[h] = true;
	}
	/* 4096 random keys fill about 2590 of 4096 buckets */
	assert_true(distinct > N / 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_types),
		cmocka_unit_test(test_type_errors),
		cmocka_unit_test(test_integers),
		cmocka_unit_test(test_integer_errors),
		cmocka_unit_test(test_strings),
		cmocka_unit_test(test_dates),
		cmocka_unit_test(test_dates_sms12),
		cmocka_unit_test(test_enums),
		cmocka_unit_test(test_special_values),
		cmocka_unit_test(test_parse),
		cmocka_unit_test(test_enum_beyond_int64),
		cmocka_unit_test(test_parse_errors),
		cmocka_unit_test(test_equal),
		cmocka_unit_test(test_format),
		cmocka_unit_test(test_escape),
		cmocka_unit_test(test_date_parse),
		cmocka_unit_test(test_hash_crafted_keys_spread),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
