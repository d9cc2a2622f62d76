/*
 * Audit reports in the library: a report written to a memory stream and
 * merged back gives the same bytes, in TSV and JSON; a cut report is
 * refused with its line; a job placed twice is listed once (a warning),
 * or refused with another result; inventory matching on a small NOIDMIF.
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

/* A memory stream and its bytes. */
typedef struct mem {
	char *text;
	size_t len;
	FILE *fp;
} mem;

static void
mem_open(mem *m)
{
	m->text = NULL;
	m->len = 0;
	m->fp = open_memstream(&m->text, &m->len);
	assert_non_null(m->fp);
}

static void
mem_close(mem *m)
{
	assert_int_equal(fclose(m->fp), 0);
	m->fp = NULL;
}

static unsigned warnings;

static void
count_warning(void *ctx, const mif_error *w)
{
	(void)ctx;
	assert_int_equal(w->severity, MIF_WARNING);
	warnings++;
}

static void
report_init(mif_audit_report *r, mif_audit_format format, FILE *out)
{
	memset(r, 0, sizeof *r);
	r->format = format;
	r->versions[0] = "1.0";
	r->versions[1] = "1.2";
	r->nversions = 2;
	r->inventory = true;
	r->out = out;
	r->prog = "test";
	r->warn = count_warning;
}

/* Write its bytes, then place them. */
static void
put_job(mif_audit_report *r, const mif_audit_job *job)
{
	mem m;
	mif_audit_counts n = { 0 };
	mif_error e;

	mem_open(&m);
	mif_audit_write_job(r, job, m.fp);
	mem_close(&m);
	mif_audit_count_job(r, job, &n);
	assert_true(mif_audit_put_job(r, m.text, m.len, &n,
	    mif_audit_job_identity(r, job), job->file, &e));
	free(m.text);
}

static void
put_skip(mif_audit_report *r, const mif_audit_skip *s)
{
	mem m;
	mif_error e;

	mem_open(&m);
	mif_audit_write_skip(r, s, m.fp);
	mem_close(&m);
	assert_true(mif_audit_put_skip(r, m.text, m.len,
	    mif_audit_skip_identity(s), s->file, &e));
	free(m.text);
}

/* Two jobs (one without targets), a skipped history between them, odd
 * bytes in the names; the whole report's bytes. */
static char *
sample_report(mif_audit_format format)
{
	static const mif_sms_audit_row rows[] = {
		{ "PAR00001", MIF_SMS_COMPLETE,
		    { MIF_SMS_RETRYING, MIF_SMS_COMPLETE }, { true, false }, 1, 0 },
		{ "PAR\t0002 \xc3\xa9", MIF_SMS_NONE,
		    { MIF_SMS_RETRYING, MIF_SMS_PENDING }, { true, false }, 0, 2 },
	};
	static const mif_audit_inv inv[] = {
		{ true, MIF_SMS_COMPLETE }, { false, MIF_SMS_NONE },
	};
	mif_audit_job a = { "J1", "a \"b\".mif", rows, inv, 2 };
	mif_audit_job empty = { "J2", "c.mif", NULL, NULL, 0 };
	mif_audit_skip s = { "bad\\.mif", 3, 7, "a line\nbreak" };
	mif_audit_report r;
	mif_error e;
	mem m;

	mem_open(&m);
	report_init(&r, format, m.fp);
	assert_true(mif_audit_begin(&r, &e));
	put_job(&r, &a);
	put_skip(&r, &s);
	put_job(&r, &empty);
	assert_true(mif_audit_end(&r, &e));
	mem_close(&m);
	assert_int_equal(r.totals.jobs, 2);
	assert_int_equal(r.totals.skipped, 1);
	assert_int_equal(r.totals.workstations, 2);
	assert_int_equal(r.totals.lost[0], 2);
	assert_int_equal(r.totals.recovered[0], 1);
	return m.text;
}

/* Merge text into a new report of format; false with *err. */
static bool
merge_text(const char *text, mif_audit_format format, char **out,
    mif_error *err)
{
	FILE *in = fmemopen((void *)text, strlen(text), "r");
	mif_audit_report r;
	mem m;

	assert_non_null(in);
	mem_open(&m);
	report_init(&r, format, m.fp);
	r.nversions = 0;
	mif_audit_merge *merge = mif_audit_merge_new(&r, false);
	assert_non_null(merge);
	bool ok = mif_audit_merge_read(merge, in, "in.report", err);
	if (ok)
		assert_true(mif_audit_end(&r, err));
	else
		mif_audit_abandon(&r);
	mif_audit_merge_free(merge);
	fclose(in);
	mem_close(&m);
	*out = m.text;
	return ok;
}

static void
round_trip(mif_audit_format format)
{
	char *written = sample_report(format);
	char *merged;
	mif_error e;

	assert_true(merge_text(written, format, &merged, &e));
	assert_string_equal(merged, written);
	free(merged);
	free(written);
}

static void
test_tsv_round_trip(void **state)
{
	(void)state;
	round_trip(MIF_AUDIT_TSV);
}

static void
test_json_round_trip(void **state)
{
	(void)state;
	round_trip(MIF_AUDIT_JSON);
}

/* Without its closing line a TSV report is refused, at the line where
 * it ends; the merged report says it is incomplete. */
static void
test_cut_report(void **state)
{
	(void)state;
	char *written = sample_report(MIF_AUDIT_TSV);
	char *end = strstr(written, "end\t");
	char *merged;
	mif_error e;

	assert_non_null(end);
	*end = '\0';
	assert_false(merge_text(written, MIF_AUDIT_TSV, &merged, &e));
	assert_string_equal(e.source, "in.report");
	assert_int_equal(e.mark.line, 5);
	assert_int_equal(e.mark.column, 1);
	assert_string_equal(e.text, "the report ends here without its closing "
	    "line (end, then its counts): it is not whole");
	assert_non_null(strstr(merged, "test: INCOMPLETE REPORT"));
	free(merged);
	free(written);
}

/* A job placed again: listed once, with a warning; with another result,
 * refused. */
static void
test_placed_twice(void **state)
{
	(void)state;
	static const mif_sms_audit_row row = { "W", MIF_SMS_COMPLETE,
	    { MIF_SMS_COMPLETE, MIF_SMS_COMPLETE }, { false, false }, 0, 0 };
	static const mif_sms_audit_row other = { "W", MIF_SMS_FAILED,
	    { MIF_SMS_FAILED, MIF_SMS_FAILED }, { false, false }, 0, 0 };
	mif_audit_job job = { "J", "j.mif", &row, NULL, 1 };
	mif_audit_report r;
	mif_error e;
	mem m;

	mem_open(&m);
	report_init(&r, MIF_AUDIT_TEXT, m.fp);
	r.inventory = false;
	assert_true(mif_audit_begin(&r, &e));
	warnings = 0;
	put_job(&r, &job);
	put_job(&r, &job);
	assert_int_equal(warnings, 1);
	assert_int_equal(r.totals.jobs, 1);
	job.rows = &other;
	mif_audit_counts n = { 0 };
	assert_false(mif_audit_put_job(&r, "", 0, &n,
	    mif_audit_job_identity(&r, &job), job.file, &e));
	assert_string_equal(e.source, "j.mif");
	assert_int_equal(e.code, MIF_E_CONFLICT);
	mif_audit_abandon(&r);
	mem_close(&m);
	free(m.text);
}

/* A NOIDMIF's packages, matched ignoring ASCII case; a workstation
 * without a NOIDMIF is unknown, one whose NOIDMIF does not name the
 * package never ran it. */
static void
test_inventory(void **state)
{
	(void)state;
	static const char noidmif[] =
	    "START COMPONENT\n"
	    "  NAME = \"WORKSTATION\"\n"
	    "  START GROUP\n"
	    "    NAME = \"Package Install Status\"\n"
	    "    ID = 1\n"
	    "    CLASS = \"MIFTOOLS|PACKAGESTATUS|1.0\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"PAR00007\"\n"
	    "      ID = 1\n"
	    "      TYPE = STRING(32)\n"
	    "      VALUE = \"Failed 1996-06-03T10:15:00Z\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n";
	static const char later[] =
	    "START COMPONENT\n"
	    "  NAME = \"WORKSTATION\"\n"
	    "  START GROUP\n"
	    "    NAME = \"Package Install Status\"\n"
	    "    ID = 1\n"
	    "    CLASS = \"MIFTOOLS|PACKAGESTATUS|1.0\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"par00007\"\n"
	    "      ID = 1\n"
	    "      TYPE = STRING(32)\n"
	    "      VALUE = \"Complete 1996-06-04T08:00:00Z\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n";
	mif_error e;
	mif_doc *doc = mif_parse_buffer(noidmif, sizeof noidmif - 1, NULL, &e);
	mif_doc *doc2 = mif_parse_buffer(later, sizeof later - 1, NULL, &e);
	mif_audit_inventory *inv = mif_audit_inventory_new();

	assert_non_null(doc);
	assert_non_null(doc2);
	assert_non_null(inv);
	assert_true(mif_audit_inventory_add(inv, "ws0001", doc, &e));
	mif_doc_free(doc);
	mif_audit_inv a = mif_audit_inventory_lookup(inv, "WS0001", "Par00007");
	assert_true(a.known);
	assert_int_equal(a.status, MIF_SMS_FAILED);
	/* the later record counts */
	assert_true(mif_audit_inventory_add(inv, "WS0001", doc2, &e));
	mif_doc_free(doc2);
	a = mif_audit_inventory_lookup(inv, "ws0001", "PAR00007");
	assert_true(a.known);
	assert_int_equal(a.status, MIF_SMS_COMPLETE);
	a = mif_audit_inventory_lookup(inv, "WS0001", "PAR00008");
	assert_true(a.known);
	assert_int_equal(a.status, MIF_SMS_NONE);
	a = mif_audit_inventory_lookup(inv, "WS0002", "PAR00007");
	assert_false(a.known);
	mif_audit_inventory_free(inv);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tsv_round_trip),
		cmocka_unit_test(test_json_round_trip),
		cmocka_unit_test(test_cut_report),
		cmocka_unit_test(test_placed_twice),
		cmocka_unit_test(test_inventory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
