/*
 * The SMS 2.0 scheduler: the speed rules, the one-minute cache, reading
 * advertisements and timelines, and the scenarios of KB 202332 through
 * the library.
 */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mif.h"

/* 2026-11-21 at HH:MM UTC. */
#define AT(h, m) (INT64_C(1795219200) + (h) * 3600 + (m) * 60)

/* ---- the speed rules -------------------------------------------------- */

static mif_sched_verdict
judge(uint64_t speed, bool ras, bool cap_unreachable, uint64_t threshold)
{
	mif_sched_link link = { speed, ras, cap_unreachable, NULL };
	return mif_sched_judge(&link, threshold);
}

static void
test_speed_rules(void **state)
{
	(void)state;
	/* the threshold: below is slow, at it is fast */
	assert_int_equal(judge(39999, false, false, 0), MIF_SCHED_LINK_SLOW);
	assert_int_equal(judge(40000, false, false, 0), MIF_SCHED_LINK_FAST);
	assert_int_equal(judge(28800, false, false, 0), MIF_SCHED_LINK_SLOW);
	assert_int_equal(judge(48000, false, false, 56000), MIF_SCHED_LINK_SLOW);
	assert_int_equal(judge(56000, false, false, 56000), MIF_SCHED_LINK_FAST);
	assert_int_equal(judge(1, false, false, 1), MIF_SCHED_LINK_FAST);
	/* 0 is unknown: RAS decides */
	assert_int_equal(judge(0, true, false, 0), MIF_SCHED_LINK_UNKNOWN_RAS);
	assert_int_equal(judge(0, false, false, 0), MIF_SCHED_LINK_UNKNOWN_LAN);
	/* a known speed decides, RAS or not */
	assert_int_equal(judge(10000000, true, false, 0), MIF_SCHED_LINK_FAST);
	assert_int_equal(judge(9600, true, false, 0), MIF_SCHED_LINK_SLOW);
	/* no CAP: slow, whatever the speed */
	assert_int_equal(judge(10000000, false, true, 0), MIF_SCHED_LINK_NO_CAP);
	assert_int_equal(judge(0, false, true, 0), MIF_SCHED_LINK_NO_CAP);

	assert_false(mif_sched_verdict_slow(MIF_SCHED_LINK_FAST));
	assert_true(mif_sched_verdict_slow(MIF_SCHED_LINK_SLOW));
	assert_true(mif_sched_verdict_slow(MIF_SCHED_LINK_UNKNOWN_RAS));
	assert_false(mif_sched_verdict_slow(MIF_SCHED_LINK_UNKNOWN_LAN));
	assert_true(mif_sched_verdict_slow(MIF_SCHED_LINK_NO_CAP));

	assert_string_equal(mif_sched_verdict_name(MIF_SCHED_LINK_FAST),
	    "threshold-met");
	assert_string_equal(mif_sched_verdict_name(MIF_SCHED_LINK_SLOW),
	    "below-threshold");
	assert_string_equal(mif_sched_verdict_name(MIF_SCHED_LINK_UNKNOWN_RAS),
	    "unknown-with-ras");
	assert_string_equal(mif_sched_verdict_name(MIF_SCHED_LINK_UNKNOWN_LAN),
	    "unknown-without-ras");
	assert_string_equal(mif_sched_verdict_name(MIF_SCHED_LINK_NO_CAP),
	    "cap-unreachable");
	assert_null(mif_sched_verdict_name((mif_sched_verdict)99));
}

/* ---- the cache -------------------------------------------------------- */

static void
test_cache_30s(void **state)
{
	(void)state;
	mif_sched_speed speed;
	mif_sched_link slow = { 28800, false, false, NULL };
	mif_sched_link fast = { 10000000, false, false, NULL };

	mif_sched_speed_init(&speed, 0);
	assert_int_equal(speed.threshold, MIF_SCHED_THRESHOLD_DEFAULT);
	mif_sched_test a = mif_sched_speed_test(&speed, &slow, AT(13, 0));
	assert_false(a.cached);
	assert_true(a.slow);
	/* 30 s later the link is fast, but the cache answers */
	mif_sched_test b = mif_sched_speed_test(&speed, &fast, AT(13, 0) + 30);
	assert_true(b.cached);
	assert_true(b.slow);
	assert_int_equal(b.tested, AT(13, 0));
	assert_int_equal(b.link.speed, 28800);
	assert_int_equal(speed.made, 1);
	assert_int_equal(speed.cached, 1);
}

static void
test_cache_90s(void **state)
{
	(void)state;
	mif_sched_speed speed;
	mif_sched_link slow = { 28800, false, false, NULL };
	mif_sched_link fast = { 10000000, false, false, NULL };

	mif_sched_speed_init(&speed, 0);
	mif_sched_speed_test(&speed, &slow, AT(13, 0));
	mif_sched_test b = mif_sched_speed_test(&speed, &fast, AT(13, 0) + 90);
	assert_false(b.cached);
	assert_false(b.slow);
	assert_int_equal(b.tested, AT(13, 0) + 90);
	assert_int_equal(speed.made, 2);
	assert_int_equal(speed.cached, 0);
}

static void
test_cache_edges(void **state)
{
	(void)state;
	mif_sched_speed speed;
	mif_sched_link link = { 0, true, false, NULL };

	mif_sched_speed_init(&speed, 56000);
	assert_int_equal(speed.threshold, 56000);
	mif_sched_speed_test(&speed, &link, 1000);
	/* 59 s: cached; the minute runs from the real test, so 60 s after
	 * it a cached answer in between does not extend it */
	assert_true(mif_sched_speed_test(&speed, &link, 1059).cached);
	mif_sched_test t = mif_sched_speed_test(&speed, &link, 1060);
	assert_false(t.cached);
	assert_int_equal(t.verdict, MIF_SCHED_LINK_UNKNOWN_RAS);
	assert_int_equal(t.threshold, 56000);
	assert_int_equal(speed.made, 2);
	assert_int_equal(speed.cached, 1);
}

/* ---- advertisements --------------------------------------------------- */

static const char template_text[] =
    "START COMPONENT\n"
    "  NAME = \"Adverts\"\n"
    "  START GROUP\n"
    "    NAME = \"Advertisement\"\n"
    "    CLASS = \"MIFTOOLS|ADVERTISEMENT|1.0\"\n"
    "    KEY = 1, 2\n"
    "    START ATTRIBUTE NAME = \"Advertisement ID\" ID = 1 TYPE = STRING(8) END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Assignment\" ID = 2 TYPE = INTEGER END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Package ID\" ID = 3 TYPE = STRING(8) END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Program\" ID = 4 TYPE = STRING(50) END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Assignment Time\" ID = 5 TYPE = DATE END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Not Mandatory Over Slow Links\" ID = 6\n"
    "      TYPE = START ENUM 0 = \"No\" 1 = \"Yes\" END ENUM VALUE = \"No\"\n"
    "    END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START TABLE\n"
    "    NAME = \"Advertisements\" ID = 2 CLASS = \"MIFTOOLS|ADVERTISEMENT|1.0\"\n";

/* The optional attributes 7 to 10, with their defaults, after the six
 * of template_text: rows give up to ten values. */
static const char optional_attributes[] =
    "    START ATTRIBUTE NAME = \"Assignment Event\" ID = 7\n"
    "      TYPE = START ENUM 0 = \"Time\" 1 = \"Logon\" 2 = \"Logoff\" END ENUM\n"
    "      VALUE = \"Time\"\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Available Time\" ID = 8 TYPE = DATE\n"
    "      VALUE = \"**************.******+***\"\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Recurrence\" ID = 9\n"
    "      TYPE = START ENUM 0 = \"None\" 1 = \"Minutes\" 2 = \"Hours\"\n"
    "        3 = \"Days\" 4 = \"Weeks\" END ENUM\n"
    "      VALUE = \"None\"\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE NAME = \"Recurrence Interval\" ID = 10\n"
    "      TYPE = INTEGER VALUE = 1\n"
    "    END ATTRIBUTE\n";

/* A document of the template and these rows (line 18 is the first
 * without the optional attributes), checked clean when `check`. */
static mif_doc *
adverts_doc_with(const char *rows, bool check, bool optional)
{
	const char *group_end = strstr(template_text, "  END GROUP\n");
	size_t n = strlen(template_text) + strlen(optional_attributes) +
	    strlen(rows) + 64;
	char *text = malloc(n);
	assert_non_null(group_end);
	assert_non_null(text);
	snprintf(text, n, "%.*s%s%s%s  END TABLE\nEND COMPONENT\n",
	    (int)(group_end - template_text), template_text,
	    optional ? optional_attributes : "", group_end, rows);
	mif_parse_options o = { .source_name = "ads.mif" };
	mif_doc *doc = mif_parse_buffer(text, strlen(text), &o, NULL);
	free(text);
	assert_non_null(doc);
	if (check) {
		mif_check(doc, NULL);
		assert_int_equal(mif_doc_error_count(doc), 0);
	}
	return doc;
}

static mif_doc *
adverts_doc(const char *rows, bool check)
{
	return adverts_doc_with(rows, check, false);
}

static mif_sched_adverts *
read_adverts_with(const char *rows, bool optional)
{
	mif_doc *doc = adverts_doc_with(rows, true, optional);
	mif_error err;
	mif_sched_adverts *a = mif_sched_adverts_read(doc, &err);
	if (a == NULL)
		fail_msg("%s", err.text);
	mif_doc_free(doc);
	return a;
}

static mif_sched_adverts *
read_adverts(const char *rows)
{
	return read_adverts_with(rows, false);
}

/* The error reading these rows gives; mif_check() finds none, unless
 * the rows are left unchecked. */
static mif_error
read_error_checked(const char *rows, bool check)
{
	mif_doc *doc = adverts_doc(rows, check);
	mif_error err;
	mif_sched_adverts *a = mif_sched_adverts_read(doc, &err);
	assert_null(a);
	mif_doc_free(doc);
	return err;
}

static mif_error
read_error(const char *rows)
{
	return read_error_checked(rows, true);
}

#define KB_ROWS(box1, box2) \
    "{\"PAR20001\", 1, \"PAR00001\", \"Program A\", \"20261121140000.000000+000\", \"" box1 "\"}\n" \
    "{\"PAR20002\", 1, \"PAR00001\", \"Program A\", \"20261121170000.000000+000\", \"" box2 "\"}\n"

static void
test_adverts_read(void **state)
{
	(void)state;
	mif_sched_adverts *a = read_adverts(KB_ROWS("Yes", "No")
	    "{\"PAR20003\", 1, \"PAR00002\", \"Setup\", \"**************.******+***\"}\n"
	    "{\"PAR20003\", 2, \"PAR00002\", \"Setup\", UNKNOWN, 0}\n"
	    "{\"PAR20004\", 7, \"PAR00001\", \"Program A\", \"20261121150000.000000+060\", 1}\n");

	assert_int_equal(mif_sched_adverts_count(a), 5);
	assert_int_equal(mif_sched_adverts_programs(a), 2);
	const mif_sched_program *p = mif_sched_adverts_program(a, 1);
	assert_string_equal(p->package, "PAR00002");
	assert_string_equal(p->name, "Setup");
	const mif_sched_assignment *x = mif_sched_adverts_assignment(a, 0);
	assert_string_equal(x->advert, "PAR20001");
	assert_int_equal(x->number, 1);
	assert_int_equal(x->program, 0);
	assert_int_equal(x->time, AT(14, 0));
	assert_true(x->not_mandatory_slow);
	assert_int_equal(x->mark.line, 18);
	assert_int_equal(x->mark.column, 1);
	x = mif_sched_adverts_assignment(a, 1);
	assert_false(x->not_mandatory_slow);
	/* all '*' and UNKNOWN: as soon as possible; the default box: No */
	x = mif_sched_adverts_assignment(a, 2);
	assert_int_equal(x->time, MIF_SCHED_ASAP);
	assert_false(x->not_mandatory_slow);
	assert_int_equal(x->program, 1);
	assert_int_equal(mif_sched_adverts_assignment(a, 3)->time, MIF_SCHED_ASAP);
	/* an offset: 15:00 at +060 is 14:00 UTC */
	x = mif_sched_adverts_assignment(a, 4);
	assert_int_equal(x->time, AT(14, 0));
	assert_int_equal(x->number, 7);
	assert_int_equal(x->program, 0);
	mif_sched_adverts_free(a);
}

static void
test_adverts_errors(void **state)
{
	(void)state;
	mif_error e = read_error(
	    "{\"PAR20001\", 1, \"PAR00001\", \"A\", \"2026112114****.******+***\", 1}\n");
	assert_int_equal(e.code, MIF_E_DATE);
	assert_int_equal(e.mark.line, 18);
	assert_int_equal(e.mark.column, 34);
	assert_string_equal(e.text, "Assignment Time is partly unknown: give "
	    "the whole date, or all '*' for as soon as possible");
	assert_string_equal(e.source, "ads.mif");

	e = read_error("{\"PAR20001\", 1, \"PAR00001\", \"A\", \"20261121140000.000000+000\", 2}\n");
	assert_int_equal(e.code, MIF_E_RANGE);
	assert_int_equal(e.mark.column, 63);
	assert_string_equal(e.text, "Not Mandatory Over Slow Links has "
	    "another number: it needs 0 (No) or 1 (Yes)");

	/* mif_check() reports a missing value without default; unchecked,
	 * the reader does too */
	e = read_error_checked("{\"PAR20001\", 1, \"PAR00001\", \"A\"}\n",
	    false);
	assert_int_equal(e.code, MIF_E_MISSING);
	assert_int_equal(e.mark.line, 18);
	assert_int_equal(e.mark.column, 1);
	assert_string_equal(e.text, "Assignment Time has no value: it needs a "
	    "date, or all '*' for as soon as possible");

	e = read_error("{\"PAR20001\", 1, \"PAR00001\", \"\", UNKNOWN}\n");
	assert_string_equal(e.text, "Program is empty");

	/* one advertisement, one program */
	e = read_error(
	    "{\"PAR20001\", 1, \"PAR00001\", \"A\", UNKNOWN}\n"
	    "{\"PAR20001\", 2, \"PAR00001\", \"B\", UNKNOWN}\n");
	assert_int_equal(e.code, MIF_E_CONFLICT);
	assert_int_equal(e.mark.line, 19);
	assert_int_equal(e.context.line, 18);
	assert_string_equal(e.text, "advertisement PAR20001 is for program "
	    "\"A\" of package PAR00001, as an earlier row says: an "
	    "advertisement has one program");
	/* one advertisement, one check box */
	e = read_error(
	    "{\"PAR20001\", 1, \"PAR00001\", \"A\", UNKNOWN, 1}\n"
	    "{\"PAR20001\", 2, \"PAR00001\", \"A\", UNKNOWN, 0}\n");
	assert_int_equal(e.code, MIF_E_CONFLICT);
	assert_int_equal(e.mark.line, 19);
	assert_string_equal(e.text, "advertisement PAR20001 has \"not "
	    "mandatory over slow links\" Yes in an earlier row: the check box "
	    "is the advertisement's");
}

static void
test_adverts_shape_errors(void **state)
{
	(void)state;
	static const char no_template[] =
	    "START COMPONENT NAME = \"x\"\n"
	    "START GROUP NAME = \"g\" ID = 1 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER VALUE = 1 END ATTRIBUTE\n"
	    "END GROUP END COMPONENT\n";
	mif_error e;
	mif_doc *doc = mif_parse_buffer(no_template, strlen(no_template), NULL,
	    NULL);
	assert_non_null(doc);
	assert_null(mif_sched_adverts_read(doc, &e));
	assert_int_equal(e.code, MIF_E_MISSING);
	assert_int_equal(e.mark.line, 0);
	assert_string_equal(e.text, "no advertisement template: no group of "
	    "class \"MIFTOOLS|ADVERTISEMENT|1.0\"");
	mif_doc_free(doc);

	/* a keyed group with an ID is one instance, no template */
	static const char keyed[] =
	    "START COMPONENT NAME = \"x\"\n"
	    "START GROUP NAME = \"g\" ID = 1 CLASS = \"MIFTOOLS|ADVERTISEMENT|1.0\" KEY = 1\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = INTEGER VALUE = 1 END ATTRIBUTE\n"
	    "END GROUP END COMPONENT\n";
	doc = mif_parse_buffer(keyed, strlen(keyed), NULL, NULL);
	assert_null(mif_sched_adverts_read(doc, &e));
	assert_int_equal(e.mark.line, 2);
	assert_string_equal(e.text, "the group of class "
	    "\"MIFTOOLS|ADVERTISEMENT|1.0\" is no template (a group with a "
	    "KEY and no ID)");
	mif_doc_free(doc);

	/* attribute 5 missing; attribute 1 of the wrong type */
	static const char short_template[] =
	    "START COMPONENT NAME = \"x\"\n"
	    "START GROUP NAME = \"g\" CLASS = \"MIFTOOLS|ADVERTISEMENT|1.0\" KEY = 1\n"
	    "START ATTRIBUTE NAME = \"a\" ID = 1 TYPE = %s END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"b\" ID = 2 TYPE = INTEGER END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"c\" ID = 3 TYPE = STRING(8) END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"d\" ID = 4 TYPE = STRING(8) END ATTRIBUTE\n"
	    "START ATTRIBUTE NAME = \"f\" ID = 6 TYPE = INTEGER END ATTRIBUTE\n"
	    "END GROUP END COMPONENT\n";
	char text[1024];
	snprintf(text, sizeof text, short_template, "STRING(8)");
	doc = mif_parse_buffer(text, strlen(text), NULL, NULL);
	assert_null(mif_sched_adverts_read(doc, &e));
	assert_int_equal(e.code, MIF_E_MISSING);
	assert_int_equal(e.mark.line, 2);
	assert_string_equal(e.text, "the advertisement template has no "
	    "attribute 5 (Assignment Time)");
	mif_doc_free(doc);
	snprintf(text, sizeof text, short_template, "INTEGER");
	doc = mif_parse_buffer(text, strlen(text), NULL, NULL);
	assert_null(mif_sched_adverts_read(doc, &e));
	assert_int_equal(e.code, MIF_E_TYPE);
	assert_int_equal(e.mark.line, 3);
	assert_int_equal(e.mark.column, 35);
	assert_string_equal(e.text, "attribute 1 (Advertisement ID) of the "
	    "advertisement template must be STRING or DISPLAYSTRING");
	mif_doc_free(doc);
}

static void
test_adverts_add(void **state)
{
	(void)state;
	mif_sched_adverts *a = mif_sched_adverts_new();
	mif_error e;

	assert_non_null(a);
	assert_true(mif_sched_adverts_add(a, "A1", 1, "P1", "Prog", 10, true, &e));
	assert_true(mif_sched_adverts_add(a, "A1", 2, "P1", "Prog", 20, true, &e));
	assert_false(mif_sched_adverts_add(a, "A1", 2, "P1", "Prog", 30, true, &e));
	assert_int_equal(e.code, MIF_E_DUP_ROW);
	assert_string_equal(e.text, "advertisement A1 has assignment 2 twice");
	assert_false(mif_sched_adverts_add(a, "A1", 3, "P2", "Prog", 30, true, &e));
	assert_int_equal(e.code, MIF_E_CONFLICT);
	assert_false(mif_sched_adverts_add(a, "A1", 3, "P1", "Prog", 30, false, &e));
	assert_int_equal(e.code, MIF_E_CONFLICT);
	assert_false(mif_sched_adverts_add(a, "", 3, "P1", "Prog", 30, false, &e));
	assert_string_equal(e.text, "an empty advertisement ID");
	/* the same program under another package is another program */
	assert_true(mif_sched_adverts_add(a, "A2", 1, "P2", "Prog", 5, false, &e));
	assert_int_equal(mif_sched_adverts_programs(a), 2);
	assert_int_equal(mif_sched_adverts_count(a), 3);
	/* the keys grow past their first table */
	char id[16];
	for (int i = 0; i < 500; i++) {
		snprintf(id, sizeof id, "X%d", i);
		assert_true(mif_sched_adverts_add(a, id, 1, "P3", id, i, false, &e));
	}
	assert_int_equal(mif_sched_adverts_programs(a), 502);
	assert_string_equal(mif_sched_adverts_program(a, 501)->name, "X499");
	assert_string_equal(mif_sched_adverts_assignment(a, 502)->advert, "X499");
	mif_sched_adverts_free(a);
}

/* ---- timelines -------------------------------------------------------- */

/* A timeline without a bad line, and its events. */
static mif_sched_timeline *
parse_clean(const char *text, const mif_sched_event **ev, size_t *n)
{
	mif_sched_timeline *tl = mif_sched_timeline_parse(text,
	    strlen(text), "t.txt");

	assert_non_null(tl);
	assert_int_equal(mif_sched_timeline_error_count(tl), 0);
	*ev = mif_sched_timeline_events(tl, n);
	return tl;
}

static void
test_timeline(void **state)
{
	(void)state;
	static const char text[] =
	    "# a comment\n"
	    "\n"
	    "2026-11-21T13:00 speed 28800   # a modem\r\n"
	    "  2026-11-21T13:00:30\tODP\n"
	    "2026-11-21T13:01 refresh\n"
	    "20261121140000.000000+000 ras on\n"
	    "2026-11-21T14:00 ras OFF\n"
	    "2026-11-21T14:00 cap unreachable\n"
	    "2026-11-21T14:00Z cap reachable";
	size_t n;
	const mif_sched_event *ev;
	mif_sched_timeline *tl = parse_clean(text, &ev, &n);

	assert_int_equal(n, 7);
	assert_int_equal(ev[0].kind, MIF_SCHED_SPEED);
	assert_int_equal(ev[0].value, 28800);
	assert_int_equal(ev[0].time, AT(13, 0));
	assert_int_equal(ev[0].line, 3);
	assert_int_equal(ev[1].kind, MIF_SCHED_ODP);
	assert_int_equal(ev[1].time, AT(13, 0) + 30);
	assert_int_equal(ev[2].kind, MIF_SCHED_REFRESH);
	assert_int_equal(ev[3].kind, MIF_SCHED_RAS);
	assert_int_equal(ev[3].value, 1);
	assert_int_equal(ev[3].time, AT(14, 0));
	assert_int_equal(ev[4].value, 0);
	assert_int_equal(ev[5].kind, MIF_SCHED_CAP);
	assert_int_equal(ev[5].value, 0);
	assert_int_equal(ev[6].value, 1);
	assert_int_equal(ev[6].line, 9);
	assert_string_equal(mif_sched_event_name(MIF_SCHED_REFRESH), "refresh");
	mif_sched_timeline_free(tl);
}

/* The client's sites (KB Q246974): a site list, links to one site's
 * CAP, and offers of advertisements. */
static void
test_timeline_sites(void **state)
{
	(void)state;
	static const char text[] =
	    "2026-11-21T13:00 sites LAB cen X1Y\n"
	    "2026-11-21T13:00 speed LAB 28800\n"
	    "2026-11-21T13:00 speed 10000000\n"
	    "2026-11-21T13:00 cap LAB unreachable\n"
	    "2026-11-21T13:00 offer PAR20002\n"
	    "2026-11-21T13:00 sites A01 A02 A03 A04 A05 A06 A07 A08 A09 A10 "
	    "A11 A12 A13 A14 A15 A16 A17\n";
	size_t n;
	const mif_sched_event *ev;
	mif_sched_timeline *tl = parse_clean(text, &ev, &n);

	assert_int_equal(n, 6);
	assert_int_equal(ev[0].kind, MIF_SCHED_SITES);
	assert_string_equal(ev[0].name, "LAB");
	assert_int_equal(ev[0].value, 3);
	assert_int_equal(ev[1].kind, MIF_SCHED_SPEED);
	assert_string_equal(ev[1].name, "LAB");
	assert_int_equal(ev[1].value, 28800);
	assert_null(ev[2].name);
	assert_int_equal(ev[3].kind, MIF_SCHED_CAP);
	assert_string_equal(ev[3].name, "LAB");
	assert_int_equal(ev[3].value, 0);
	assert_int_equal(ev[4].kind, MIF_SCHED_OFFER);
	assert_string_equal(ev[4].name, "PAR20002");
	assert_string_equal(ev[5].name, "A01");
	assert_int_equal(ev[5].value, 17);
	mif_sched_timeline_free(tl);

	static const struct {
		const char *line;
		unsigned column;
		const char *text;
	} bad[] = {
		{ "2026-11-21T13:00 sites", 23, "sites needs one site code or "
		    "more" },
		{ "2026-11-21T13:00 sites LAB LABS", 28, "sites needs site codes "
		    "of three letters or digits, not \"LABS\"" },
		{ "2026-11-21T13:00 sites A01 A02 A03 A04 A05 A06 A07 A08 A09 "
		    "A10 A11 A12 A13 A14 A15 A16 A-7", 88, "sites needs site "
		    "codes of three letters or digits, not \"A-7\"" },
		{ "2026-11-21T13:00 speed L_B 100", 24, "speed needs a site code "
		    "of three letters or digits before a number of bit/s "
		    "(0: unknown), not \"L_B\"" },
		{ "2026-11-21T13:00 cap LAB reachable x", 36, "cap takes a site and "
		    "one argument: \"x\" is one too many" },
		{ "2026-11-21T13:00 ras LAB on", 22, "ras needs on or off, not "
		    "\"LAB\"" },
		{ "2026-11-21T13:00 offer", 23, "offer needs an advertisement "
		    "ID" },
		{ "2026-11-21T13:00 offer A B", 26, "offer takes one argument: "
		    "\"B\" is one too many" },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		tl = mif_sched_timeline_parse(bad[i].line, strlen(bad[i].line),
		    "t");
		assert_non_null(tl);
		assert_int_equal(mif_sched_timeline_error_count(tl), 1);
		const mif_error *e = mif_sched_timeline_error(tl, 0);
		assert_int_equal(e->mark.column, bad[i].column);
		assert_string_equal(e->text, bad[i].text);
		mif_sched_timeline_events(tl, &n);
		assert_int_equal(n, 0);
		mif_sched_timeline_free(tl);
	}
}

/* A UTF-8 byte order mark is no part of the first line. */
static void
test_timeline_bom(void **state)
{
	(void)state;
	static const char text[] = "\xEF\xBB\xBF" "2026-11-21T13:00 odp\n"
	    "\xEF\xBB\xBF" "2026-11-21T13:01 odp\n";
	mif_sched_timeline *tl = mif_sched_timeline_parse(text,
	    strlen(text), "t.txt");
	size_t n;

	assert_non_null(tl);
	mif_sched_timeline_events(tl, &n);
	assert_int_equal(n, 1);
	/* only at the start of the file */
	assert_int_equal(mif_sched_timeline_error_count(tl), 1);
	assert_int_equal(mif_sched_timeline_error(tl, 0)->mark.line, 2);
	assert_int_equal(mif_sched_timeline_error(tl, 0)->code, MIF_E_DATE);
	mif_sched_timeline_free(tl);
}

static void
test_timeline_errors(void **state)
{
	(void)state;
	static const char text[] =
	    "2026-11-21T13:00 odp\n"
	    "yesterday odp\n"
	    "2026-11-21T13:00\n"
	    "2026-11-21T13:00 reboot\n"
	    "2026-11-21T13:00 speed\n"
	    "2026-11-21T13:00 speed fast\n"
	    "2026-11-21T13:00 speed 18446744073709551616\n"
	    "2026-11-21T13:00 ras maybe\n"
	    "2026-11-21T13:00 cap down\n"
	    "2026-11-21T13:00 odp now\n"
	    "2026-11-21T13:00 ras on off\n"
	    "2026-11-21T12:00 odp\n"
	    "2026-11-21T13:00 speed 18446744073709551615\n"
	    "2026-11-21 13:00 odp\n";
	static const struct {
		unsigned line, column;
		mif_code code;
		const char *text;
	} want[] = {
		{ 2, 1, MIF_E_DATE, "\"yesterday\" is no time "
		    "(yyyy-mm-ddTHH:MM[:SS], or a DMI date)" },
		{ 3, 17, MIF_E_MISSING, "a time and no event" },
		{ 4, 18, MIF_E_KEYWORD, "unknown event \"reboot\" (odp, "
		    "refresh, logon, logoff, speed, ras, cap, sites, offer or "
		    "result)" },
		{ 5, 23, MIF_E_MISSING, "speed needs a number of bit/s "
		    "(0: unknown)" },
		{ 6, 24, MIF_E_NUMBER, "speed needs a number of bit/s "
		    "(0: unknown), not \"fast\"" },
		{ 7, 24, MIF_E_NUMBER, "speed needs a number of bit/s "
		    "(0: unknown), not \"18446744073709551616\"" },
		{ 8, 22, MIF_E_KEYWORD, "ras needs on or off, not \"maybe\"" },
		{ 9, 22, MIF_E_KEYWORD, "cap needs reachable or unreachable, "
		    "not \"down\"" },
		{ 10, 22, MIF_E_SYNTAX, "odp takes no argument: \"now\"" },
		{ 11, 25, MIF_E_SYNTAX, "ras takes one argument: \"off\" is "
		    "one too many" },
		{ 12, 1, MIF_E_RANGE, "time goes back: 2026-11-21 12:00:00 is "
		    "before 2026-11-21 13:00:00 on line 1" },
		{ 14, 1, MIF_E_DATE, "a time is one word: 2026-11-21T13:00, "
		    "not a date and a time of day" },
	};
	mif_sched_timeline *tl = mif_sched_timeline_parse(text,
	    strlen(text), "t.txt");
	size_t n;

	assert_non_null(tl);
	assert_int_equal(mif_sched_timeline_error_count(tl),
	    sizeof want / sizeof want[0]);
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		const mif_error *e = mif_sched_timeline_error(tl, i);
		assert_string_equal(e->text, want[i].text);
		assert_int_equal(e->mark.line, want[i].line);
		assert_int_equal(e->mark.column, want[i].column);
		assert_int_equal(e->code, want[i].code);
		assert_int_equal(e->severity, MIF_ERROR);
		assert_string_equal(e->source, "t.txt");
	}
	assert_int_equal(mif_sched_timeline_error(tl, 10)->context.line, 1);
	/* the good lines are kept */
	mif_sched_timeline_events(tl, &n);
	assert_int_equal(n, 2);
	mif_sched_timeline_free(tl);
}

static void
test_timeline_too_many_errors(void **state)
{
	(void)state;
	size_t len = 0, cap = 60 * 12;
	char *text = malloc(cap);
	assert_non_null(text);
	for (int i = 0; i < 60; i++)
		len += (size_t)snprintf(text + len, cap - len, "bad line\n");
	mif_sched_timeline *tl = mif_sched_timeline_parse(text, len, NULL);
	free(text);
	assert_non_null(tl);
	assert_int_equal(mif_sched_timeline_error_count(tl),
	    MIF_MAX_ERRORS_DEFAULT + 1);
	const mif_error *last = mif_sched_timeline_error(tl,
	    MIF_MAX_ERRORS_DEFAULT);
	assert_int_equal(last->code, MIF_E_TOO_MANY);
	assert_int_equal(last->severity, MIF_FATAL);
	assert_int_equal(last->mark.line, MIF_MAX_ERRORS_DEFAULT + 1);
	assert_string_equal(last->text, "too many errors, stopping");
	assert_string_equal(last->source, "<stdin>");
	mif_sched_timeline_free(tl);
}

/* ---- the simulation --------------------------------------------------- */

/* The steps of a run over a timeline text. */
/* Steps as a replay tells them. */
typedef struct steps {
	mif_sched_step *step;
	size_t n, cap;
} steps;

static void
keep_step(const mif_sched_step *step, void *arg)
{
	steps *s = arg;

	if (s->n == s->cap) {
		s->cap = s->cap == 0 ? 16 : 2 * s->cap;
		s->step = realloc(s->step, s->cap * sizeof *s->step);
		assert_non_null(s->step);
	}
	s->step[s->n++] = *step;
}

static steps
replay(const mif_sched_sim *sim, size_t program, bool looked)
{
	steps s = { NULL, 0, 0 };

	assert_true(mif_sched_sim_replay(sim, program, looked, keep_step, &s));
	return s;
}

typedef struct run {
	mif_sched_adverts *adverts;
	mif_sched_timeline *timeline;
	mif_sched_sim *sim;
	const mif_sched_step *steps;  /* every step of every program */
	size_t n;
} run;

static void
assert_same_step(const mif_sched_step *a, const mif_sched_step *b)
{
	assert_int_equal(a->kind, b->kind);
	assert_int_equal(a->time, b->time);
	assert_int_equal(a->program, b->program);
	assert_int_equal(a->assignment, b->assignment);
	assert_int_equal(a->due, b->due);
	assert_int_equal(a->by, b->by);
	assert_int_equal(a->line, b->line);
	assert_int_equal(a->tested, b->tested);
	assert_int_equal(a->test.cached, b->test.cached);
	assert_int_equal(a->test.tested, b->test.tested);
	assert_int_equal(a->test.link.speed, b->test.link.speed);
	assert_int_equal(a->test.link.ras, b->test.link.ras);
	assert_int_equal(a->test.link.cap_unreachable,
	    b->test.link.cap_unreachable);
	assert_int_equal(a->test.threshold, b->test.threshold);
	assert_int_equal(a->test.verdict, b->test.verdict);
	assert_int_equal(a->test.slow, b->test.slow);
	assert_int_equal(a->qualifies, b->qualifies);
	assert_int_equal(a->has_run, b->has_run);
	assert_int_equal(a->skipped, b->skipped);
	assert_int_equal(a->dropped, b->dropped);
}

/* Every program's steps told as they happened, and each program's
 * alone, with and without the assignments looked at, agree. */
static void
assert_replays_agree(const run *r)
{
	size_t np = mif_sched_adverts_programs(r->adverts);

	for (size_t p = 0; p < np; p++) {
		for (int looked = 0; looked < 2; looked++) {
			steps one = replay(r->sim, p, looked);
			size_t k = 0;
			for (size_t i = 0; i < r->n; i++) {
				const mif_sched_step *s = &r->steps[i];
				if (s->program != p ||
				    (!looked && s->kind == MIF_SCHED_STEP_LOOKED))
					continue;
				assert_true(k < one.n);
				assert_same_step(&one.step[k], s);
				k++;
			}
			assert_int_equal(k, one.n);
			free(one.step);
		}
	}
}

static run
simulate(mif_sched_adverts *a, const char *timeline,
    const mif_sched_options *opts)
{
	mif_sched_timeline *tl = mif_sched_timeline_parse(timeline,
	    strlen(timeline), "t");
	assert_non_null(tl);
	assert_int_equal(mif_sched_timeline_error_count(tl), 0);
	size_t n;
	const mif_sched_event *ev = mif_sched_timeline_events(tl, &n);
	mif_error err;
	run r = { a, tl, mif_sched_simulate(a, ev, n, opts, &err), NULL, 0 };
	assert_non_null(r.sim);
	steps all = replay(r.sim, MIF_SCHED_NONE, true);
	r.steps = all.step;
	r.n = all.n;
	assert_replays_agree(&r);
	return r;
}

static void
run_free(run *r)
{
	mif_sched_sim_free(r->sim);
	mif_sched_timeline_free(r->timeline);
	mif_sched_adverts_free(r->adverts);
	free((void *)r->steps);
}

static size_t
made(const run *r)
{
	return mif_sched_sim_speed(r->sim)->made;
}

static void
assert_step(const run *r, size_t i, mif_sched_step_kind kind, int64_t time,
    size_t assignment)
{
	assert_true(i < r->n);
	assert_int_equal(r->steps[i].kind, kind);
	assert_int_equal(r->steps[i].time, time);
	assert_int_equal(r->steps[i].assignment, assignment);
}

static const char slow_at_1pm[] =
    "2026-11-21T13:00 speed 28800\n"
    "2026-11-21T13:00 odp\n";

/* KB: slow link when the ODPs learn both: scheduled for 5:00 PM. */
static void
test_kb_slow_at_learning(void **state)
{
	(void)state;
	run r = simulate(read_adverts(KB_ROWS("Yes", "No")), slow_at_1pm, NULL);

	assert_int_equal(r.n, 4);
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 1);
	assert_int_equal(r.steps[0].due, AT(17, 0));
	assert_int_equal(r.steps[0].skipped, 1);
	assert_int_equal(r.steps[0].by, MIF_SCHED_ODP);
	assert_int_equal(r.steps[0].line, 2);
	assert_false(r.steps[0].tested);
	assert_step(&r, 1, MIF_SCHED_STEP_LOOKED, AT(13, 0), 0);
	assert_true(r.steps[1].tested);
	assert_false(r.steps[1].test.cached);
	assert_true(r.steps[1].test.slow);
	assert_false(r.steps[1].qualifies);
	assert_step(&r, 2, MIF_SCHED_STEP_LOOKED, AT(13, 0), 1);
	assert_false(r.steps[2].tested);
	assert_true(r.steps[2].qualifies);
	assert_step(&r, 3, MIF_SCHED_STEP_RAN, AT(17, 0), 1);
	assert_int_equal(made(&r), 1);
	run_free(&r);
}

/* The report of the KB's slow-link case, written by the library: one
 * TSV line per step, in time order, and false on a write error. */
static void
test_report_write(void **state)
{
	(void)state;
	run r = simulate(read_adverts(KB_ROWS("Yes", "No")), slow_at_1pm, NULL);
	char *text = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&text, &len);

	assert_non_null(fp);
	assert_true(mif_sched_report_write(fp, r.sim, r.adverts, NULL,
	    MIF_SCHED_TSV, true));
	assert_int_equal(fclose(fp), 0);
	size_t lines = 0;
	for (size_t i = 0; i < len; i++)
		lines += text[i] == '\n';
	assert_int_equal(lines, r.n);
	assert_memory_equal(text, "2026-11-21 13:00:00\tscheduled\todp\t", 34);
	free(text);

	/* the text report ends with the speed tests */
	fp = open_memstream(&text, &len);
	assert_true(mif_sched_report_write(fp, r.sim, r.adverts, NULL,
	    MIF_SCHED_TEXT, false));
	assert_int_equal(fclose(fp), 0);
	assert_non_null(strstr(text, "speed tests: 1 made, 0 answered from the "
	    "cache\n"));
	free(text);

	/* a stream that cannot be written */
	fp = fopen("/dev/null", "r");
	assert_non_null(fp);
	assert_false(mif_sched_report_write(fp, r.sim, r.adverts, NULL,
	    MIF_SCHED_JSON, false));
	fclose(fp);
	run_free(&r);
}

/* KB: back on a fast link at 3:00 PM when the ODPs run: at once. */
static void
test_kb_fast_at_3pm(void **state)
{
	(void)state;
	static const char timeline[] =
	    "2026-11-21T13:00 speed 28800\n"
	    "2026-11-21T13:00 odp\n"
	    "2026-11-21T15:00 speed 10000000\n"
	    "2026-11-21T15:00 odp\n";
	run r = simulate(read_adverts(KB_ROWS("Yes", "No")), timeline, NULL);

	assert_int_equal(r.n, 6);
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 1);
	assert_step(&r, 3, MIF_SCHED_STEP_SCHEDULED, AT(15, 0), 0);
	assert_int_equal(r.steps[3].due, AT(15, 0));
	assert_true(r.steps[3].tested);
	assert_false(r.steps[3].test.slow);
	assert_step(&r, 4, MIF_SCHED_STEP_LOOKED, AT(15, 0), 0);
	assert_step(&r, 5, MIF_SCHED_STEP_RAN, AT(15, 0), 0);
	assert_int_equal(made(&r), 2);
	run_free(&r);

	/* "regardless of whether or not the client previously learned of
	 * these advertisements" */
	r = simulate(read_adverts(KB_ROWS("Yes", "No")),
	    "2026-11-21T15:00 speed 10000000\n2026-11-21T15:00 odp\n", NULL);
	assert_int_equal(r.n, 3);
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(15, 0), 0);
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(15, 0), 0);
	run_free(&r);
}

/* KB: the boxes reversed: 2:00 PM, and no speed test at all. */
static void
test_kb_reversed(void **state)
{
	(void)state;
	run r = simulate(read_adverts(KB_ROWS("No", "Yes")), slow_at_1pm, NULL);

	assert_int_equal(r.n, 3);
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 0);
	assert_int_equal(r.steps[0].due, AT(14, 0));
	assert_step(&r, 1, MIF_SCHED_STEP_LOOKED, AT(13, 0), 0);
	assert_false(r.steps[1].tested);
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(14, 0), 0);
	assert_int_equal(made(&r), 0);
	assert_int_equal(mif_sched_sim_speed(r.sim)->cached, 0);
	run_free(&r);
}

/* KB: Advert 1 alone over a slow link: not scheduled. */
static void
test_kb_advert1_alone(void **state)
{
	(void)state;
	run r = simulate(read_adverts(
	    "{\"PAR20001\", 1, \"PAR00001\", \"Program A\", \"20261121140000.000000+000\", 1}\n"),
	    slow_at_1pm, NULL);

	assert_int_equal(r.n, 2);
	assert_step(&r, 0, MIF_SCHED_STEP_NOT_SCHEDULED, AT(13, 0),
	    MIF_SCHED_NONE);
	assert_int_equal(r.steps[0].skipped, 1);
	assert_int_equal(r.steps[0].dropped, MIF_SCHED_NONE);
	run_free(&r);
}

/* Evaluations 30 s apart share one test; 90 s apart make two. */
static void
test_sim_cache(void **state)
{
	(void)state;
	static const char rows[] =
	    "{\"PAR20001\", 1, \"PAR00001\", \"Program A\", \"20261121170000.000000+000\", 1}\n";
	run r = simulate(read_adverts(rows),
	    "2026-11-21T13:00:00 speed 28800\n"
	    "2026-11-21T13:00:00 odp\n"
	    "2026-11-21T13:00:20 speed 10000000\n"
	    "2026-11-21T13:00:30 refresh\n", NULL);
	assert_int_equal(made(&r), 1);
	assert_int_equal(mif_sched_sim_speed(r.sim)->cached, 1);
	/* the cached answer is the slow one */
	assert_step(&r, 2, MIF_SCHED_STEP_NOT_SCHEDULED, AT(13, 0) + 30,
	    MIF_SCHED_NONE);
	assert_int_equal(r.steps[2].by, MIF_SCHED_REFRESH);
	assert_true(r.steps[3].test.cached);
	assert_int_equal(r.steps[3].test.tested, AT(13, 0));
	run_free(&r);

	r = simulate(read_adverts(rows),
	    "2026-11-21T13:00:00 speed 28800\n"
	    "2026-11-21T13:00:00 odp\n"
	    "2026-11-21T13:00:20 speed 10000000\n"
	    "2026-11-21T13:01:30 refresh\n", NULL);
	assert_int_equal(made(&r), 2);
	assert_int_equal(mif_sched_sim_speed(r.sim)->cached, 0);
	assert_step(&r, 2, MIF_SCHED_STEP_SCHEDULED, AT(13, 1) + 30, 0);
	assert_int_equal(r.steps[2].due, AT(17, 0));
	run_free(&r);
}

/* Several programs at one evaluation: one real test, the rest cached. */
static void
test_sim_several_programs(void **state)
{
	(void)state;
	run r = simulate(read_adverts(
	    "{\"ADV1\", 1, \"PKG1\", \"One\", \"20261121140000.000000+000\", 1}\n"
	    "{\"ADV2\", 1, \"PKG2\", \"Two\", \"20261121150000.000000+000\", 1}\n"
	    "{\"ADV3\", 1, \"PKG3\", \"Three\", \"20261121120000.000000+000\", 0}\n"),
	    "2026-11-21T13:00 speed 10000000\n2026-11-21T13:00 odp\n", NULL);

	assert_int_equal(made(&r), 1);
	assert_int_equal(mif_sched_sim_speed(r.sim)->cached, 1);
	/* the programs in order, then Three at once, then the others */
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 0);
	assert_step(&r, 2, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 1);
	assert_true(r.steps[3].test.cached);
	assert_step(&r, 4, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 2);
	assert_step(&r, 6, MIF_SCHED_STEP_RAN, AT(13, 0), 2);
	assert_step(&r, 7, MIF_SCHED_STEP_RAN, AT(14, 0), 0);
	assert_step(&r, 8, MIF_SCHED_STEP_RAN, AT(15, 0), 1);
	assert_int_equal(r.n, 9);
	run_free(&r);
}

/* A program told alone keeps the cache that the others filled: here
 * Two's test at 13:00 answers One at 13:00:30, though One asked for
 * none at 13:00 (run by run, simulate() compares each program alone
 * with the whole story).  ADV3 has two timed assignments: recurring,
 * it is looked at after One has run. */
static void
test_sim_cache_across_programs(void **state)
{
	(void)state;
	run r = simulate(read_adverts(
	    "{\"ADV1\", 1, \"PKG1\", \"One\", \"20261121130010.000000+000\", 0}\n"
	    "{\"ADV3\", 1, \"PKG1\", \"One\", \"20261121160000.000000+000\", 1}\n"
	    "{\"ADV2\", 1, \"PKG2\", \"Two\", \"20261121150000.000000+000\", 1}\n"
	    "{\"ADV3\", 2, \"PKG1\", \"One\", \"20261121170000.000000+000\", 1}\n"),
	    "2026-11-21T13:00:00 speed 28800\n"
	    "2026-11-21T13:00:00 odp\n"
	    "2026-11-21T13:00:20 speed 10000000\n"
	    "2026-11-21T13:00:30 refresh\n", NULL);

	assert_int_equal(r.n, 11);
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 0);
	assert_false(r.steps[0].tested);
	assert_step(&r, 3, MIF_SCHED_STEP_LOOKED, AT(13, 0), 2);
	assert_false(r.steps[3].test.cached);
	assert_step(&r, 4, MIF_SCHED_STEP_RAN, AT(13, 0) + 10, 0);
	assert_step(&r, 5, MIF_SCHED_STEP_NOT_SCHEDULED, AT(13, 0) + 30,
	    MIF_SCHED_NONE);
	assert_int_equal(r.steps[5].program, 0);
	assert_true(r.steps[6].has_run);
	assert_step(&r, 7, MIF_SCHED_STEP_LOOKED, AT(13, 0) + 30, 1);
	assert_true(r.steps[7].test.cached);
	assert_int_equal(r.steps[7].test.tested, AT(13, 0));
	assert_true(r.steps[7].test.slow);
	assert_step(&r, 8, MIF_SCHED_STEP_LOOKED, AT(13, 0) + 30, 3);
	assert_true(r.steps[8].test.cached);
	assert_int_equal(made(&r), 1);
	assert_int_equal(mif_sched_sim_speed(r.sim)->cached, 3);

	/* One alone, without the assignments looked at */
	steps one = replay(r.sim, 0, false);
	assert_int_equal(one.n, 3);
	assert_int_equal(one.step[2].kind, MIF_SCHED_STEP_NOT_SCHEDULED);
	assert_int_equal(one.step[2].skipped, 2);
	free(one.step);
	run_free(&r);
}

/* Over a slow link the skipped assignments are counted without the
 * assignments looked at, in the evaluation's order: the timed ones
 * before now, then the ASAP ones and those due now by file order. */
static void
test_sim_slow_order(void **state)
{
	(void)state;
	run r = simulate(read_adverts(
	    "{\"ADV1\", 1, \"PKG1\", \"One\", \"**************.******+***\", 1}\n"
	    "{\"ADV2\", 1, \"PKG1\", \"One\", \"20261121130000.000000+000\", 0}\n"
	    "{\"ADV3\", 1, \"PKG1\", \"One\", \"**************.******+***\", 0}\n"
	    "{\"ADV4\", 1, \"PKG1\", \"One\", \"20261121120000.000000+000\", 1}\n"),
	    "2026-11-21T13:00:00 speed 28800\n"
	    "2026-11-21T13:00:00 odp\n"
	    "2026-11-21T13:00:30 refresh\n", NULL);

	/* 13:00: ADV4 and ADV1 skipped, ADV2 (due now, before ADV3 in
	 * the file) runs at once */
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 1);
	assert_int_equal(r.steps[0].skipped, 2);
	assert_step(&r, 1, MIF_SCHED_STEP_LOOKED, AT(13, 0), 3);
	assert_step(&r, 2, MIF_SCHED_STEP_LOOKED, AT(13, 0), 0);
	assert_true(r.steps[2].test.cached);
	assert_step(&r, 4, MIF_SCHED_STEP_RAN, AT(13, 0), 1);
	/* 13:00:30: received together, the four ran once (KB Q257271):
	 * the run settled them all, those skipped and ADV3 too */
	assert_step(&r, 5, MIF_SCHED_STEP_NOT_SCHEDULED, AT(13, 0) + 30,
	    MIF_SCHED_NONE);
	assert_int_equal(r.steps[5].skipped, 0);
	for (size_t i = 6; i < 10; i++)
		assert_true(r.steps[i].has_run);
	assert_int_equal(r.n, 10);
	assert_int_equal(made(&r), 1);
	assert_int_equal(mif_sched_sim_speed(r.sim)->cached, 1);
	run_free(&r);
}

/* ASAP counts as the evaluation's time; later evaluations replace the
 * schedule, and drop it when nothing qualifies; --until leaves one
 * pending. */
static void
test_sim_asap_replace_until(void **state)
{
	(void)state;
	static const char rows[] =
	    "{\"ADV1\", 1, \"PKG1\", \"One\", \"20261121160000.000000+000\", 1}\n"
	    "{\"ADV1\", 2, \"PKG1\", \"One\", \"20261121180000.000000+000\", 1}\n"
	    "{\"ADV2\", 1, \"PKG1\", \"One\", \"**************.******+***\", 1}\n";
	run r = simulate(read_adverts(rows),
	    "2026-11-21T13:00 cap unreachable\n"
	    "2026-11-21T13:00 odp\n"
	    "2026-11-21T13:30 cap reachable\n"
	    "2026-11-21T13:30 ras on\n"
	    "2026-11-21T13:30 odp\n", NULL);
	/* 13:00: no CAP, all three skipped (ASAP first), one test */
	assert_step(&r, 0, MIF_SCHED_STEP_NOT_SCHEDULED, AT(13, 0),
	    MIF_SCHED_NONE);
	assert_int_equal(r.steps[0].skipped, 3);
	assert_int_equal(r.steps[1].assignment, 2);
	assert_int_equal(r.steps[1].test.verdict, MIF_SCHED_LINK_NO_CAP);
	assert_true(r.steps[2].test.cached);
	/* 13:30: speed unknown, RAS on: still slow */
	assert_step(&r, 4, MIF_SCHED_STEP_NOT_SCHEDULED, AT(13, 30),
	    MIF_SCHED_NONE);
	assert_int_equal(r.steps[5].test.verdict, MIF_SCHED_LINK_UNKNOWN_RAS);
	assert_int_equal(r.n, 8);
	run_free(&r);

	mif_sched_options until = { .has_until = true, .until = AT(17, 0) };
	r = simulate(read_adverts(rows),
	    "2026-11-21T13:00 odp\n"          /* fast: ASAP runs at once */
	    "2026-11-21T14:00 odp\n"          /* 16:00 */
	    "2026-11-21T15:00 speed 9600\n"
	    "2026-11-21T15:00 odp\n"          /* slow: dropped */
	    "2026-11-21T15:30 speed 100000\n"
	    "2026-11-21T15:30 refresh\n"      /* 16:00 again */
	    "2026-11-21T18:30 odp\n", &until); /* after --until */
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 2);
	assert_int_equal(r.steps[0].due, AT(13, 0));
	assert_int_equal(r.steps[0].test.verdict, MIF_SCHED_LINK_UNKNOWN_LAN);
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(13, 0), 2);
	assert_step(&r, 3, MIF_SCHED_STEP_SCHEDULED, AT(14, 0), 0);
	assert_int_equal(r.steps[3].due, AT(16, 0));
	/* the ASAP assignment has run: passed over, no test */
	assert_step(&r, 4, MIF_SCHED_STEP_LOOKED, AT(14, 0), 2);
	assert_true(r.steps[4].has_run);
	assert_false(r.steps[4].tested);
	assert_false(r.steps[4].qualifies);
	assert_step(&r, 5, MIF_SCHED_STEP_LOOKED, AT(14, 0), 0);
	assert_false(r.steps[5].has_run);
	assert_step(&r, 6, MIF_SCHED_STEP_NOT_SCHEDULED, AT(15, 0),
	    MIF_SCHED_NONE);
	assert_int_equal(r.steps[6].dropped, 0);
	assert_int_equal(r.steps[6].skipped, 2);
	assert_true(r.steps[7].has_run);
	assert_step(&r, 10, MIF_SCHED_STEP_SCHEDULED, AT(15, 30), 0);
	assert_step(&r, 13, MIF_SCHED_STEP_RAN, AT(16, 0), 0);
	/* not rescheduled after running: 18:00 waits for an evaluation,
	 * and the one at 18:30 is past --until */
	assert_int_equal(r.n, 14);
	run_free(&r);

	r = simulate(read_adverts(rows),
	    "2026-11-21T14:00 speed 100000\n2026-11-21T14:00 odp\n"
	    "2026-11-21T14:00 odp\n", &until);
	/* ASAP at 14:00, then the second evaluation schedules 16:00, which
	 * runs before 17:00 */
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(14, 0), 2);
	assert_step(&r, 3, MIF_SCHED_STEP_SCHEDULED, AT(14, 0), 0);
	assert_true(r.steps[4].has_run);
	assert_step(&r, 6, MIF_SCHED_STEP_RAN, AT(16, 0), 0);
	assert_int_equal(r.n, 7);
	run_free(&r);

	until.until = AT(15, 0);
	r = simulate(read_adverts(rows),
	    "2026-11-21T14:00 speed 100000\n2026-11-21T14:00 odp\n"
	    "2026-11-21T14:00 odp\n", &until);
	assert_step(&r, 6, MIF_SCHED_STEP_PENDING, AT(15, 0), 0);
	assert_int_equal(r.steps[6].due, AT(16, 0));
	assert_int_equal(r.n, 7);
	run_free(&r);
}

/* An advertisement without the box beats a later one with it: no test,
 * even on a fast link; and the program runs once: KB 202332's reverse
 * case, where SMSAPM32 "will effectively ignore the assignments in
 * Advert 2" (KB Q257271: SMS tracks the package/program pair). */
static void
test_sim_unboxed_first(void **state)
{
	(void)state;
	static const char rows[] =
	    "{\"ADV1\", 1, \"PKG1\", \"One\", \"20261121160000.000000+000\", 1}\n"
	    "{\"ADV2\", 1, \"PKG1\", \"One\", \"20261121140000.000000+000\", 0}\n";
	run r = simulate(read_adverts(rows),
	    "2026-11-21T13:00 speed 100000\n2026-11-21T13:00 odp\n"
	    "2026-11-21T14:30 odp\n2026-11-21T17:00 odp\n"
	    "2026-11-21T17:30 odp\n", NULL);
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 1);
	assert_int_equal(r.steps[0].due, AT(14, 0));
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(14, 0), 1);
	/* 2:30 PM: the program has run; ADV1 is passed over untested */
	for (size_t i = 3; i < 12; i += 3) {
		assert_int_equal(r.steps[i].kind, MIF_SCHED_STEP_NOT_SCHEDULED);
		assert_int_equal(r.steps[i].skipped, 0);
		assert_step(&r, i + 1, MIF_SCHED_STEP_LOOKED, r.steps[i].time, 1);
		assert_true(r.steps[i + 1].has_run);
		assert_step(&r, i + 2, MIF_SCHED_STEP_LOOKED, r.steps[i].time, 0);
		assert_true(r.steps[i + 2].has_run);
		assert_false(r.steps[i + 2].tested);
	}
	assert_int_equal(r.steps[9].time, AT(17, 30));
	assert_int_equal(r.n, 12);
	assert_int_equal(made(&r), 0);
	run_free(&r);
}

/* Event assignments: one at logon waits for a logon, ASAP ones for an
 * ODP run; KB Q235777: a client without the fix drops their "mandatory
 * over slow links" flag, so over a slow link they are skipped, while a
 * timed one runs. */
static void
test_sim_event_assignments(void **state)
{
	(void)state;
	static const char events[] =
	    "2026-11-21T09:00 speed 7400\n2026-11-21T09:05 odp\n"
	    "2026-11-21T09:30 logon\n";
	for (int sp0 = 0; sp0 <= 1; sp0++) {
		mif_sched_adverts *a = mif_sched_adverts_new();
		assert_non_null(a);
		assert_true(mif_sched_adverts_add(a, "ADV1", 1, "PKG1", "Logon",
		    MIF_SCHED_AT_LOGON, false, NULL));
		assert_true(mif_sched_adverts_add(a, "ADV2", 1, "PKG1", "Logon",
		    MIF_SCHED_AT_LOGOFF, false, NULL));
		assert_true(mif_sched_adverts_add(a, "ADV3", 1, "PKG2", "Timed",
		    AT(10, 0), false, NULL));
		mif_sched_options opts = { .drops_event_flag = sp0 == 1 };
		run r = simulate(a, events, &opts);
		/* 09:05 odp: Logon waits, not "all run"; nothing looked at */
		assert_step(&r, 0, MIF_SCHED_STEP_NOT_SCHEDULED, AT(9, 5),
		    MIF_SCHED_NONE);
		assert_true(r.steps[0].waiting);
		assert_int_equal(r.steps[0].skipped, 0);
		assert_step(&r, 1, MIF_SCHED_STEP_SCHEDULED, AT(9, 5), 2);
		assert_step(&r, 2, MIF_SCHED_STEP_LOOKED, AT(9, 5), 2);
		/* 09:30 logon: the logon assignment alone is looked at */
		assert_step(&r, 4, MIF_SCHED_STEP_LOOKED, AT(9, 30), 0);
		assert_int_equal(r.steps[4].by, MIF_SCHED_LOGON);
		assert_int_equal(r.steps[4].tested, sp0 == 1);
		assert_step(&r, 5, MIF_SCHED_STEP_SCHEDULED, AT(9, 30), 2);
		if (sp0) {
			/* the dropped flag: tested, slow, skipped; the logoff
			 * one still waits */
			assert_step(&r, 3, MIF_SCHED_STEP_NOT_SCHEDULED,
			    AT(9, 30), MIF_SCHED_NONE);
			assert_int_equal(r.steps[3].skipped, 1);
			assert_true(r.steps[4].test.slow);
			assert_step(&r, 7, MIF_SCHED_STEP_RAN, AT(10, 0), 2);
			assert_int_equal(r.n, 8);
		} else {
			assert_step(&r, 3, MIF_SCHED_STEP_SCHEDULED, AT(9, 30), 0);
			assert_int_equal(r.steps[3].due, AT(9, 30));
			assert_step(&r, 7, MIF_SCHED_STEP_RAN, AT(9, 30), 0);
			assert_step(&r, 8, MIF_SCHED_STEP_RAN, AT(10, 0), 2);
			assert_int_equal(r.n, 9);
		}
		run_free(&r);
	}
}

/* KB Q257271: a second advertisement's assignment runs the program
 * again when the earlier run failed and it comes after that attempt;
 * one before the attempt was settled by it, and after a run that did
 * not fail it is passed over. */
static void
test_sim_rerun_after_failure(void **state)
{
	(void)state;
	static const char rows[] =
	    "{\"ADV1\", 1, \"PKG1\", \"One\", \"20261121140000.000000+000\", 0}\n"
	    "{\"ADV2\", 1, \"PKG1\", \"One\", \"20261121160000.000000+000\", 0}\n"
	    "{\"ADV3\", 1, \"PKG1\", \"One\", \"20261121133000.000000+000\", 0}\n";
	static const char failed[] =
	    "2026-11-21T13:00 odp\n"
	    "2026-11-21T14:05 result failed\n"
	    "2026-11-21T15:00 odp\n";
	/* 13:00: ADV3 is first (1:30 PM) */
	run r = simulate(read_adverts(rows), failed, NULL);
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 2);
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(13, 30), 2);
	assert_step(&r, 3, MIF_SCHED_STEP_FAILED, AT(14, 5), 2);
	assert_int_equal(r.steps[3].by, MIF_SCHED_RESULT);
	assert_int_equal(r.steps[3].line, 2);
	/* 15:00: ADV1 (2:00 PM) came after the failed 1:30 attempt: runs
	 * at once; ADV2 is settled by that run only when it is due */
	assert_step(&r, 4, MIF_SCHED_STEP_SCHEDULED, AT(15, 0), 0);
	assert_int_equal(r.steps[4].due, AT(15, 0));
	assert_step(&r, 7, MIF_SCHED_STEP_RAN, AT(15, 0), 0);
	/* the 15:00 run did not fail: ADV2 is never run */
	assert_int_equal(r.n, 8);
	run_free(&r);

	/* the same without the failure: the program runs once */
	r = simulate(read_adverts(rows),
	    "2026-11-21T13:00 odp\n2026-11-21T15:00 odp\n", NULL);
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(13, 30), 2);
	assert_step(&r, 3, MIF_SCHED_STEP_NOT_SCHEDULED, AT(15, 0),
	    MIF_SCHED_NONE);
	assert_int_equal(r.n, 7);
	run_free(&r);

	/* a result with no run before it tells nothing; "success" undoes
	 * a failure */
	r = simulate(read_adverts(rows),
	    "2026-11-21T12:00 result failed\n2026-11-21T13:00 odp\n"
	    "2026-11-21T14:05 result failed\n"
	    "2026-11-21T14:06 result success\n"
	    "2026-11-21T15:00 odp\n", NULL);
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(13, 30), 2);
	assert_step(&r, 3, MIF_SCHED_STEP_FAILED, AT(14, 5), 2);
	assert_step(&r, 4, MIF_SCHED_STEP_NOT_SCHEDULED, AT(15, 0),
	    MIF_SCHED_NONE);
	run_free(&r);
}

/* KB Q257271: an advertisement with a second time-based assignment is
 * treated as recurring: the program runs again on the second schedule
 * though it has run; a client that receives both when both are past
 * runs once, for the last one. */
static void
test_sim_recurring_advert(void **state)
{
	(void)state;
	static const char rows[] =
	    "{\"ADV1\", 1, \"PKG1\", \"One\", \"20261121140000.000000+000\", 0}\n"
	    "{\"ADV1\", 2, \"PKG1\", \"One\", \"20261122140000.000000+000\", 0}\n";
	run r = simulate(read_adverts(rows),
	    "2026-11-21T13:00 odp\n2026-11-21T15:00 odp\n", NULL);
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(14, 0), 0);
	assert_step(&r, 3, MIF_SCHED_STEP_SCHEDULED, AT(15, 0), 1);
	assert_step(&r, 6, MIF_SCHED_STEP_RAN, AT(14, 0) + 86400, 1);
	assert_int_equal(r.n, 7);
	run_free(&r);

	/* a client added after both: one run, for assignment 2 */
	r = simulate(read_adverts(rows),
	    "2026-11-23T09:00 odp\n2026-11-23T10:00 odp\n", NULL);
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(9, 0) + 2 * 86400, 1);
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(9, 0) + 2 * 86400, 1);
	assert_step(&r, 3, MIF_SCHED_STEP_NOT_SCHEDULED, AT(10, 0) + 2 * 86400,
	    MIF_SCHED_NONE);
	assert_int_equal(r.n, 6);
	run_free(&r);
}

/* Assignment 1 of advertisement id, for program name of package P,
 * mandatory over slow links. */
static void
add_one(mif_sched_adverts *a, const char *id, const char *name,
    int64_t time)
{
	assert_true(mif_sched_adverts_add(a, id, 1, "P", name, time, false,
	    NULL));
}

/* Learning: an advertisement's assignments are there only once an ODP
 * run has found it offered; a Refresh learns nothing; one learned after
 * the program ran is passed over (KB Q257271), and after a failed run
 * its assignments due by the attempt are settled. */
static void
test_sim_learning(void **state)
{
	(void)state;
	mif_sched_adverts *a = mif_sched_adverts_new();

	add_one(a, "A1", "One", AT(14, 0));
	add_one(a, "A2", "One", AT(12, 0));
	add_one(a, "A3", "One", AT(18, 0));
	add_one(a, "B1", "Two", AT(16, 0));
	run r = simulate(a,
	    "2026-11-21T11:00 offer B1\n"
	    "2026-11-21T11:00 offer A1\n"
	    "2026-11-21T11:00 refresh\n"   /* learns nothing */
	    "2026-11-21T13:00 odp\n"       /* A1 (A2, A3 wait), B1 */
	    "2026-11-21T13:00 offer A2\n"  /* after the odp line */
	    "2026-11-21T15:00 offer A3\n"
	    "2026-11-21T15:00 odp\n"       /* A2, A3: One has run */
	    "2026-11-21T15:00 refresh\n", NULL);
	/* 13:00: One for A1 at 14:00, Two for B1 at 16:00 */
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 0);
	assert_int_equal(r.steps[1].kind, MIF_SCHED_STEP_LOOKED);
	assert_step(&r, 2, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 3);
	assert_step(&r, 4, MIF_SCHED_STEP_RAN, AT(14, 0), 0);
	/* 15:00: A2 (12:00, settled by the 14:00 run) and A3 (not
	 * recurring, the program has run) learned and passed over */
	assert_step(&r, 5, MIF_SCHED_STEP_NOT_SCHEDULED, AT(15, 0),
	    MIF_SCHED_NONE);
	for (size_t i = 6; i < 9; i++) {
		assert_int_equal(r.steps[i].kind, MIF_SCHED_STEP_LOOKED);
		assert_true(r.steps[i].has_run);
	}
	assert_int_equal(r.steps[6].assignment, 1);
	assert_int_equal(r.steps[7].assignment, 0);
	assert_int_equal(r.steps[8].assignment, 2);
	assert_step(&r, 9, MIF_SCHED_STEP_SCHEDULED, AT(15, 0), 3);
	run_free(&r);

	/* a failed run: an advertisement learned after it runs the program
	 * for an assignment after the attempt, not for one before it */
	a = mif_sched_adverts_new();
	add_one(a, "A1", "One", AT(14, 0));
	add_one(a, "A2", "One", AT(13, 30));
	add_one(a, "A3", "One", AT(16, 0));
	r = simulate(a,
	    "2026-11-21T13:00 offer A1\n"
	    "2026-11-21T13:00 odp\n"
	    "2026-11-21T14:05 result failed\n"
	    "2026-11-21T14:10 offer A2\n"
	    "2026-11-21T14:10 offer A3\n"
	    "2026-11-21T14:30 odp\n", NULL);
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 0);
	assert_step(&r, 2, MIF_SCHED_STEP_RAN, AT(14, 0), 0);
	assert_step(&r, 3, MIF_SCHED_STEP_FAILED, AT(14, 5), 0);
	assert_step(&r, 4, MIF_SCHED_STEP_SCHEDULED, AT(14, 30), 2);
	assert_int_equal(r.steps[4].due, AT(16, 0));
	assert_true(r.steps[5].has_run);     /* A2, 13:30: settled */
	assert_int_equal(r.steps[5].assignment, 1);
	assert_true(r.steps[6].has_run);     /* A1 */
	assert_false(r.steps[7].has_run);    /* A3 */
	assert_step(&r, 8, MIF_SCHED_STEP_RAN, AT(16, 0), 2);
	assert_int_equal(r.n, 9);
	run_free(&r);
}

/* Recurring assignments (KB Q257271) merged with the others by their
 * occurrences: over a slow link those not mandatory are skipped, at
 * each occurrence, up to the first mandatory one, counted alike whether
 * walked (--all-assignments) or not (simulate() compares the replays);
 * a run settles the occurrences due by then, and an advertisement not
 * recurring is passed over once the program has run. */
static void
test_sim_recurrence(void **state)
{
	(void)state;
	run r = simulate(read_adverts_with(
	    "{\"S1\", 1, \"P\", \"One\", \"20261121120000.000000+000\", 1}\n"
	    "{\"R1\", 1, \"P\", \"One\", \"20261121080000.000000+000\", 1,\n"
	    "  \"Time\", \"**************.******+***\", \"Hours\", 2}\n"
	    "{\"R2\", 1, \"P\", \"One\", \"20261121090000.000000+000\", 0,\n"
	    "  \"Time\", \"**************.******+***\", \"Hours\", 3}\n"
	    "{\"S2\", 1, \"P\", \"One\", \"20261121160000.000000+000\", 0}\n",
	    true),
	    "2026-11-21T13:00 speed 28800\n"
	    "2026-11-21T13:00 odp\n"
	    "2026-11-21T14:00 speed 10000000\n"
	    "2026-11-21T14:00 odp\n"
	    "2026-11-21T14:30 odp\n"
	    "2026-11-21T15:30 speed 28800\n"
	    "2026-11-21T15:30 odp\n", NULL);
	const mif_sched_step *st = r.steps;

	/* 13:00: S1, R1 at 12:00 skipped; R2's 12:00 runs it at once */
	assert_step(&r, 0, MIF_SCHED_STEP_SCHEDULED, AT(13, 0), 2);
	assert_int_equal(st[0].skipped, 2);
	assert_int_equal(st[0].when, AT(12, 0));
	assert_int_equal(st[0].due, AT(13, 0));
	assert_int_equal(st[2].assignment, 1);          /* R1 looked */
	assert_int_equal(st[2].when, AT(12, 0));
	assert_true(st[2].test.cached);
	assert_step(&r, 4, MIF_SCHED_STEP_RAN, AT(13, 0), 2);
	/* 14:00: S1 passed over; R1's 14:00 is due now */
	assert_step(&r, 5, MIF_SCHED_STEP_SCHEDULED, AT(14, 0), 1);
	assert_int_equal(st[5].when, AT(14, 0));
	assert_true(st[5].tested);
	assert_true(st[6].has_run);                     /* S1 */
	assert_step(&r, 7, MIF_SCHED_STEP_LOOKED, AT(14, 0), 1);
	assert_step(&r, 8, MIF_SCHED_STEP_RAN, AT(14, 0), 1);
	/* 14:30: R2's next, 15:00, before R1's 16:00 */
	assert_step(&r, 9, MIF_SCHED_STEP_SCHEDULED, AT(14, 30), 2);
	assert_int_equal(st[9].due, AT(15, 0));
	assert_step(&r, 12, MIF_SCHED_STEP_RAN, AT(15, 0), 2);
	/* 15:30 over the modem: R1's 16:00 skipped, S2 at 16:00 passed
	 * over (its advertisement is not recurring), R2's 18:00 */
	assert_step(&r, 13, MIF_SCHED_STEP_SCHEDULED, AT(15, 30), 2);
	assert_int_equal(st[13].skipped, 1);
	assert_int_equal(st[13].due, AT(18, 0));
	assert_int_equal(st[15].when, AT(16, 0));
	assert_step(&r, 16, MIF_SCHED_STEP_LOOKED, AT(15, 30), 3);
	assert_true(st[16].has_run);
	assert_int_equal(r.n, 19);
	assert_step(&r, r.n - 1, MIF_SCHED_STEP_RAN, AT(18, 0), 2);
	run_free(&r);
}

/* Many evaluations of programs scheduled far ahead: each replaces the
 * schedules, and the runs still come once each, in order. */
static void
test_sim_many_evaluations(void **state)
{
	(void)state;
	mif_sched_adverts *a = mif_sched_adverts_new();
	mif_sched_event ev[200];

	assert_true(mif_sched_adverts_add(a, "A3", 1, "P", "Three", AT(23, 0),
	    false, NULL));
	assert_true(mif_sched_adverts_add(a, "A1", 1, "P", "One", AT(23, 0),
	    false, NULL));
	assert_true(mif_sched_adverts_add(a, "A2", 1, "P", "Two", AT(22, 0),
	    false, NULL));
	for (int i = 0; i < 200; i++)
		ev[i] = (mif_sched_event){ AT(13, 0) + 60 * i, MIF_SCHED_ODP, 0,
		    (unsigned)i + 1, NULL };
	run r = { a, NULL, mif_sched_simulate(a, ev, 200, NULL, NULL), NULL, 0 };
	assert_non_null(r.sim);
	steps all = replay(r.sim, MIF_SCHED_NONE, true);
	r.steps = all.step;
	r.n = all.n;
	assert_replays_agree(&r);
	assert_int_equal(r.n, 200 * 6 + 3);
	assert_step(&r, 1200, MIF_SCHED_STEP_RAN, AT(22, 0), 2);
	assert_step(&r, 1201, MIF_SCHED_STEP_RAN, AT(23, 0), 0);
	assert_step(&r, 1202, MIF_SCHED_STEP_RAN, AT(23, 0), 1);
	assert_int_equal(r.steps[1199].line, 200);
	run_free(&r);
}

static void
test_sim_bad_events(void **state)
{
	(void)state;
	mif_sched_adverts *a = mif_sched_adverts_new();
	mif_sched_event ev[] = {
		{ 100, MIF_SCHED_ODP, 0, 0, NULL },
		{ 50, MIF_SCHED_ODP, 0, 0, NULL },
	};
	mif_error err;

	assert_null(mif_sched_simulate(a, ev, 2, NULL, &err));
	assert_int_equal(err.code, MIF_E_RANGE);
	assert_string_equal(err.text, "event 2 goes back in time");
	/* no advertisements, no events: nothing to do */
	mif_sched_sim *sim = mif_sched_simulate(a, ev, 1, NULL, &err);
	assert_non_null(sim);
	steps s = replay(sim, MIF_SCHED_NONE, true);
	assert_int_equal(s.n, 0);
	/* no program 0 to replay */
	assert_false(mif_sched_sim_replay(sim, 0, true, keep_step, &s));
	assert_int_equal(s.n, 0);
	mif_sched_sim_free(sim);
	mif_sched_adverts_free(a);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_speed_rules),
		cmocka_unit_test(test_cache_30s),
		cmocka_unit_test(test_cache_90s),
		cmocka_unit_test(test_cache_edges),
		cmocka_unit_test(test_adverts_read),
		cmocka_unit_test(test_adverts_errors),
		cmocka_unit_test(test_adverts_shape_errors),
		cmocka_unit_test(test_adverts_add),
		cmocka_unit_test(test_timeline),
		cmocka_unit_test(test_timeline_sites),
		cmocka_unit_test(test_timeline_bom),
		cmocka_unit_test(test_timeline_errors),
		cmocka_unit_test(test_timeline_too_many_errors),
		cmocka_unit_test(test_kb_slow_at_learning),
		cmocka_unit_test(test_kb_fast_at_3pm),
		cmocka_unit_test(test_kb_reversed),
		cmocka_unit_test(test_kb_advert1_alone),
		cmocka_unit_test(test_sim_cache),
		cmocka_unit_test(test_sim_several_programs),
		cmocka_unit_test(test_sim_cache_across_programs),
		cmocka_unit_test(test_sim_slow_order),
		cmocka_unit_test(test_sim_asap_replace_until),
		cmocka_unit_test(test_sim_unboxed_first),
		cmocka_unit_test(test_sim_rerun_after_failure),
		cmocka_unit_test(test_sim_event_assignments),
		cmocka_unit_test(test_sim_recurring_advert),
		cmocka_unit_test(test_sim_learning),
		cmocka_unit_test(test_sim_recurrence),
		cmocka_unit_test(test_sim_many_evaluations),
		cmocka_unit_test(test_sim_bad_events),
		cmocka_unit_test(test_report_write),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
