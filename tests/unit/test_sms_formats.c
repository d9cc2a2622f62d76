/* The SMS job formats: detailed job status MIFs, job status tables, job
 * histories, status MIFs read as instructions, the NOIDMIF record. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "diag_text.h"

static char *
written(const mif_doc *doc)
{
	char *out;
	size_t len;
	assert_int_equal(mif_write_buffer(doc, NULL, &out, &len, NULL), 0);
	char *s = malloc(len + 1);
	memcpy(s, out, len);
	s[len] = '\0';
	free(out);
	return s;
}

/* A parsed document that mif_check() finds no error in. */
static mif_doc *
valid(const char *text)
{
	char buf[2048];
	mif_doc *doc = parse_text(text);
	mif_check(doc, NULL);
	if (mif_doc_error_count(doc) != 0)
		fail_msg("%s", diag_text(doc, buf, sizeof buf));
	return doc;
}

static int64_t
at(const char *text)
{
	int64_t t;
	assert_true(mif_time_parse(text, &t));
	return t;
}

/* "LINE:COL: text" of an error. */
static const char *
placed(const mif_error *err, char *buf, size_t size)
{
	snprintf(buf, size, "%u:%u: %s", err->mark.line, err->mark.column,
	    err->text);
	return buf;
}

static const char job_group[] =
    "  START GROUP\n"
    "    NAME = \"Job\"\n"
    "    ID = 1\n"
    "    CLASS = \"MIFTOOLS|JOB|1.0\"\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Job ID\"\n"
    "      ID = 1\n"
    "      TYPE = STRING(8)\n"
    "      VALUE = \"PAR00012\"\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Package ID\"\n"
    "      ID = 2\n"
    "      TYPE = STRING(8)\n"
    "      VALUE = \"PAR00007\"\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Offer\"\n"
    "      ID = 3\n"
    "      TYPE = DATE\n"
    "      VALUE = \"19960603090000.000000+000\"\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Expires\"\n"
    "      ID = 4\n"
    "      TYPE = DATE\n"
    "      VALUE = \"19960605090000.000000+000\"\n"
    "    END ATTRIBUTE\n"
    "  END GROUP\n"
    "\n";

static const char detail_template[] =
    "  START GROUP\n"
    "    NAME = \"Job Detail\"\n"
    "    CLASS = \"MIFTOOLS|JOBDETAIL|1.0\"\n"
    "    KEY = 1\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"SMS ID\"\n"
    "      ID = 1\n"
    "      TYPE = STRING(8)\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Workstation Job Status\"\n"
    "      ID = 2\n"
    "      TYPE = STRING(16)\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Reported\"\n"
    "      ID = 3\n"
    "      TYPE = DATE\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Instruction\"\n"
    "      ID = 4\n"
    "      TYPE = STRING(8)\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Description\"\n"
    "      ID = 5\n"
    "      TYPE = STRING(128)\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"SMS Version\"\n"
    "      ID = 6\n"
    "      TYPE = STRING(8)\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Job ID\"\n"
    "      ID = 7\n"
    "      TYPE = STRING(8)\n"
    "      VALUE = \"PAR00012\"\n"
    "    END ATTRIBUTE\n"
    "  END GROUP\n"
    "\n";

/* A table of job PAR00012 with these rows; the caller frees it. */
static char *
table_text(const char *rows)
{
	static const char head[] = "START COMPONENT\n  NAME = \"Job Status\"\n\n";
	static const char table[] =
	    "  START TABLE\n"
	    "    NAME = \"Detailed Status\"\n"
	    "    ID = 2\n"
	    "    CLASS = \"MIFTOOLS|JOBDETAIL|1.0\"\n";
	static const char tail[] = "  END TABLE\nEND COMPONENT\n";
	size_t n = strlen(head) + strlen(job_group) + strlen(detail_template) +
	    strlen(table) + strlen(rows) + strlen(tail) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%s%s%s%s%s%s", head, job_group, detail_template, table,
	    rows, tail);
	return s;
}

static const char seed_rows[] =
    "    {\"PAR00001\", \"Complete\", \"19960603101500.000000+000\", "
    "\"Success\", \"Installation completed successfully\", \"1.0\"}\n"
    "    {\"PAR00004\", \"Retrying\", \"19960603142000.000000+000\", "
    "\"Failed\", \"Setup could not copy files\", \"1.0\"}\n"
    "    {\"PAR00005\", \"None\", \"**************.******+***\", \"\", \"\", "
    "\"\"}\n";

/* ---- detailed job status MIFs ------------------------------------------ */

static void
test_detail_written_and_read(void **state)
{
	(void)state;
	const mif_sms_version *v11 = mif_sms_version_find("1.1");
	mif_sms_event e = { at("1996-06-03T14:20:00Z"), "PAR00004",
	    MIF_SMS_FAILURE, "disk \"C:\" full", false };
	mif_sms_detail d;
	assert_true(mif_sms_detail_of(v11, "PAR00012", &e, &d));
	assert_int_equal(d.status, MIF_SMS_RETRYING);
	mif_doc *doc = mif_sms_detail_write(&d);
	char *out = written(doc);
	assert_string_equal(out,
	    "START COMPONENT\n"
	    "  NAME = \"Detailed Job Status\"\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"Job Detail\"\n"
	    "    ID = 1\n"
	    "    CLASS = \"MIFTOOLS|JOBDETAIL|1.0\"\n"
	    "    KEY = 1\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"SMS ID\"\n"
	    "      ID = 1\n"
	    "      TYPE = STRING(8)\n"
	    "      VALUE = \"PAR00004\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"Workstation Job Status\"\n"
	    "      ID = 2\n"
	    "      TYPE = STRING(16)\n"
	    "      VALUE = \"Retrying\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"Reported\"\n"
	    "      ID = 3\n"
	    "      TYPE = DATE\n"
	    "      VALUE = \"19960603142000.000000+000\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"Instruction\"\n"
	    "      ID = 4\n"
	    "      TYPE = STRING(8)\n"
	    "      VALUE = \"Failed\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"Description\"\n"
	    "      ID = 5\n"
	    "      TYPE = STRING(128)\n"
	    "      VALUE = \"disk \\\"C:\\\" full\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"SMS Version\"\n"
	    "      ID = 6\n"
	    "      TYPE = STRING(8)\n"
	    "      VALUE = \"1.1\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"Job ID\"\n"
	    "      ID = 7\n"
	    "      TYPE = STRING(8)\n"
	    "      VALUE = \"PAR00012\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
	mif_doc_free(doc);

	/* what is written reads back the same, and passes the DMI checks */
	doc = valid(out);
	mif_sms_detail r;
	mif_error err;
	assert_true(mif_sms_detail_read(doc, &r, &err));
	assert_string_equal(r.job_id, "PAR00012");
	assert_string_equal(r.sms_id, "PAR00004");
	assert_int_equal(r.status, MIF_SMS_RETRYING);
	assert_int_equal(r.time, e.time);
	assert_int_equal(r.instruction, MIF_SMS_FAILURE);
	assert_string_equal(r.description, "disk \"C:\" full");
	assert_ptr_equal(r.version, v11);
	mif_doc_free(doc);
	free(out);
}

static void
test_detail_of_every_version(void **state)
{
	(void)state;
	static const struct { const char *v; int gives[3]; } t[] = {
		{ "1.0", { MIF_SMS_COMPLETE, MIF_SMS_RETRYING, MIF_SMS_RETRYING } },
		{ "1.1", { MIF_SMS_COMPLETE, MIF_SMS_RETRYING, MIF_SMS_CANCELED } },
		{ "1.2", { MIF_SMS_COMPLETE, MIF_SMS_RETRYING, -1 } },
	};
	for (size_t i = 0; i < 3; i++) {
		for (int ins = 0; ins < MIF_SMS_INSTRUCTION_COUNT; ins++) {
			mif_sms_event e = { 0, "PAR00001", (mif_sms_instruction)ins,
			    NULL, false };
			mif_sms_detail d;
			bool made = mif_sms_detail_of(mif_sms_version_find(t[i].v),
			    "PAR00012", &e, &d);
			assert_int_equal(made, t[i].gives[ins] >= 0);
			if (made) {
				assert_int_equal(d.status, t[i].gives[ins]);
				assert_string_equal(d.description, "");
			}
		}
	}
}

static void
test_detail_read_errors(void **state)
{
	(void)state;
	static const struct { const char *from, *to, *want; } t[] = {
		{ "\"Retrying\"", "\"Finished\"",
		  "19:7: unknown Workstation Job Status \"Finished\" (one of "
		  "None, Pending, Complete, Failed, Retrying, Canceled)" },
		{ "\"Retrying\"", "\"Complete\"",
		  "19:7: SMS 1.1 sets Retrying for instruction Failed, not "
		  "Complete" },
		{ "\"Failed\"", "\"Lost\"",
		  "31:7: unknown Instruction \"Lost\" (one of Success, Failed, "
		  "Expired)" },
		{ "\"1.1\"", "\"1.5\"",
		  "43:7: unknown SMS Version \"1.5\" (one of 1.0, 1.1, 1.2)" },
		{ "\"19960603142000.000000+000\"", "\"**************.******+***\"",
		  "25:7: \"Reported\" in the job detail group is unknown; it "
		  "must be a date and time" },
		{ "\"PAR00004\"", "\"\"",
		  "13:7: \"SMS ID\" in the job detail group is empty" },
		{ "\"Failed\"\n    END ATTRIBUTE\n    START ATTRIBUTE\n      NAME = \"Description\"\n      ID = 5\n      TYPE = STRING(128)\n      VALUE = \"disk full\"\n    END ATTRIBUTE\n    START ATTRIBUTE\n      NAME = \"SMS Version\"\n      ID = 6\n      TYPE = STRING(8)\n      VALUE = \"1.1\"",
		  "\"Expired\"\n    END ATTRIBUTE\n    START ATTRIBUTE\n      NAME = \"Description\"\n      ID = 5\n      TYPE = STRING(128)\n      VALUE = \"disk full\"\n    END ATTRIBUTE\n    START ATTRIBUTE\n      NAME = \"SMS Version\"\n      ID = 6\n      TYPE = STRING(8)\n      VALUE = \"1.2\"",
		  "31:7: SMS 1.2 creates no detailed job status MIF for an Expired "
		  "instruction" },
		{ "ID = 7", "ID = 8",
		  "4:3: the job detail group has no attribute with ID 7 "
		  "(\"Job ID\")" },
		{ "JOBDETAIL", "JOBDETAILS",
		  "1:1: no job detail group: a group of class "
		  "\"MIFTOOLS|JOBDETAIL|1.0\"" },
	};
	const mif_sms_version *v11 = mif_sms_version_find("1.1");
	mif_sms_event e = { at("1996-06-03T14:20:00Z"), "PAR00004",
	    MIF_SMS_FAILURE, "disk full", false };
	mif_sms_detail d;
	assert_true(mif_sms_detail_of(v11, "PAR00012", &e, &d));
	mif_doc *doc = mif_sms_detail_write(&d);
	char *good = written(doc);
	mif_doc_free(doc);
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *at_from = strstr(good, t[i].from);
		assert_non_null(at_from);
		char text[4096], buf[512];
		snprintf(text, sizeof text, "%.*s%s%s", (int)(at_from - good), good,
		    t[i].to, at_from + strlen(t[i].from));
		doc = parse_text(text);
		mif_error err;
		assert_false(mif_sms_detail_read(doc, &d, &err));
		assert_string_equal(placed(&err, buf, sizeof buf), t[i].want);
		assert_string_equal(err.source, "t.mif");
		mif_doc_free(doc);
	}
	free(good);
}

/* ---- status MIFs ------------------------------------------------------- */

static void
test_status_mif(void **state)
{
	(void)state;
	static const char form[] =
	    "START COMPONENT\n"
	    "NAME = \"WORKSTATION\"\n"
	    "START GROUP\n"
	    "NAME = \"InstallStatus\"\n"
	    "ID = 1\n"
	    "CLASS = \"%s\"\n"
	    "START ATTRIBUTE\n"
	    "NAME = \"%s\"\n"
	    "ID = 1\n"
	    "TYPE = STRING(16)\n"
	    "VALUE = \"%s\"\n"
	    "END ATTRIBUTE\n"
	    "%s"
	    "END GROUP\n"
	    "END COMPONENT\n";
	static const char desc[] =
	    "START ATTRIBUTE\n"
	    "NAME = \"description\"\n"
	    "ID = 2\n"
	    "TYPE = STRING(128)\n"
	    "VALUE = \"no room\"\n"
	    "END ATTRIBUTE\n";
	static const struct {
		const char *cls, *attr, *status, *desc;
		int ins;            /* -1: refused */
		const char *want;   /* description, or the error */
	} t[] = {
		{ "MICROSOFT|JOBSTATUS|1.0", "Status", "Success", desc,
		  MIF_SMS_SUCCESS, "no room" },
		{ "microsoft|jobstatus|1.0", "STATUS", "FAILED", "",
		  MIF_SMS_FAILURE, "" },
		{ "MICROSOFT|JOBSTATUS|1.0", "Status", "Expired", "", -1,
		  "11:1: the InstallStatus group has no Status \"Success\" or "
		  "\"Failed\"" },
		{ "MICROSOFT|JOBSTATUS|1.0", "State", "Success", "", -1,
		  "3:1: the InstallStatus group has no Status \"Success\" or "
		  "\"Failed\"" },
		{ "MICROSOFT|JOB_STATUS|1.0", "Status", "Success", "", -1,
		  "1:1: no InstallStatus group: a group of class "
		  "\"MICROSOFT|JOBSTATUS|1.0\"" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char text[1024], buf[512];
		snprintf(text, sizeof text, form, t[i].cls, t[i].attr, t[i].status,
		    t[i].desc);
		mif_doc *doc = parse_text(text);
		mif_sms_instruction ins;
		const char *d;
		mif_error err;
		bool ok = mif_sms_status_mif_read(doc, &ins, &d, &err);
		assert_int_equal(ok, t[i].ins >= 0);
		if (ok) {
			assert_int_equal(ins, t[i].ins);
			assert_string_equal(d, t[i].want);
		} else {
			assert_string_equal(placed(&err, buf, sizeof buf), t[i].want);
		}
		mif_doc_free(doc);
	}
}

/* ---- job status tables ------------------------------------------------- */

static void
test_table_round_trip(void **state)
{
	(void)state;
	char *text = table_text(seed_rows);
	mif_doc *doc = valid(text);
	mif_sms_table t;
	mif_error err;
	assert_true(mif_sms_table_read(doc, &t, &err));
	assert_string_equal(t.job.job_id, "PAR00012");
	assert_string_equal(t.job.package_id, "PAR00007");
	assert_int_equal(t.job.offer, at("1996-06-03T09:00:00Z"));
	assert_true(t.job.expires_known);
	assert_int_equal(t.job.expires, at("1996-06-05T09:00:00Z"));
	assert_int_equal(t.nrows, 3);
	assert_string_equal(t.rows[1].sms_id, "PAR00004");
	assert_int_equal(t.rows[1].status, MIF_SMS_RETRYING);
	assert_true(t.rows[1].reported);
	assert_int_equal(t.rows[1].instruction, MIF_SMS_FAILURE);
	assert_int_equal(t.rows[1].result, MIF_SMS_FAILURE);
	assert_string_equal(t.rows[1].description, "Setup could not copy files");
	assert_ptr_equal(t.set_by[1], mif_sms_version_find("1.0"));
	assert_false(t.rows[2].reported);
	assert_int_equal(t.rows[2].result, -1);
	assert_null(t.set_by[2]);
	/* written again, it is the same text */
	mif_doc *again = mif_sms_table_write(&t);
	char *out = written(again);
	assert_string_equal(out, text);
	free(out);
	mif_doc_free(again);
	mif_sms_table_release(&t);
	mif_doc_free(doc);
	free(text);
}

static void
test_table_read_errors(void **state)
{
	(void)state;
	static const struct { const char *rows, *want; } t[] = {
		{ "    {\"PAR00001\", \"Done\", \"19960603101500.000000+000\", "
		  "\"Success\", \"\", \"1.0\"}\n",
		  "80:18: unknown Workstation Job Status \"Done\" (one of None, "
		  "Pending, Complete, Failed, Retrying, Canceled)" },
		{ "    {\"PAR00001\", \"Complete\", \"**************.******+***\", "
		  "\"Success\", \"\", \"1.0\"}\n",
		  "80:30: the row of PAR00001 has an Instruction but no Reported "
		  "time: a row that an instruction set has both, a row never "
		  "reported neither" },
		{ "    {\"PAR00001\", \"None\", \"19960603101500.000000+000\", "
		  "\"\", \"\", \"\"}\n",
		  "80:55: the row of PAR00001 has a Reported time but no "
		  "Instruction: a row that an instruction set has both, a row "
		  "never reported neither" },
		{ "    {\"PAR00001\", \"None\", \"**************.******+***\", "
		  "\"\", \"\", \"\", \"PAR00013\"}\n",
		  "80:67: the row of PAR00001 is for job PAR00013; the table is "
		  "job PAR00012's" },
		{ "    {\"PAR00001\", \"Complete\", \"19960603101500.000000+000\", "
		  "\"Success\", \"\", \"2.0\"}\n",
		  "80:74: unknown SMS Version \"2.0\" (one of 1.0, 1.1, 1.2)" },
		{ "    {\"PAR00001\"}\n",
		  "80:5: no value for \"Workstation Job Status\" in the job status "
		  "table" },
		{ "    {\"PAR00001\", \"Complete\", \"1996-06-03\", "
		  "\"Success\", \"\", \"1.0\"}\n",
		  "80:30: \"Reported\" in the job status table is not a full date "
		  "and time (yyyymmddHHMMSS.uuuuuu+ooo)" },
		/* an hour east of Greenwich on New Year's Day of year 0 */
		{ "    {\"PAR00001\", \"Complete\", \"00000101003000.000000+060\", "
		  "\"Success\", \"\", \"1.0\"}\n",
		  "80:30: \"Reported\" in the job status table is before year 0 "
		  "or after year 9999 in UTC" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char *text = table_text(t[i].rows);
		mif_doc *doc = parse_text(text);
		mif_sms_table table;
		mif_error err;
		char buf[512];
		assert_false(mif_sms_table_read(doc, &table, &err));
		assert_string_equal(placed(&err, buf, sizeof buf), t[i].want);
		assert_null(table.rows);
		mif_doc_free(doc);
		free(text);
	}
}

static void
test_table_duplicate_sms_id(void **state)
{
	(void)state;
	/* without mif_check(), which finds the duplicate key too */
	char *text = table_text(
	    "    {\"PAR00001\", \"None\", \"\", \"\", \"\", \"\"}\n"
	    "    {\"PAR00002\", \"None\", \"\", \"\", \"\", \"\"}\n"
	    "    {\"PAR00002\", \"None\", \"\", \"\", \"\", \"\"}\n"
	    "    {\"PAR00001\", \"None\", \"\", \"\", \"\", \"\"}\n");
	mif_doc *doc = parse_text(text);
	mif_sms_table t;
	mif_error err;
	char buf[512];
	assert_false(mif_sms_table_read(doc, &t, &err));
	assert_int_equal(err.code, MIF_E_DUP_ROW);
	assert_string_equal(placed(&err, buf, sizeof buf),
	    "82:6: a second row for SMS ID PAR00002 (the first is at line 81)");
	assert_int_equal(err.context.line, 81);
	mif_doc_free(doc);
	free(text);
}

static void
test_table_init_and_run(void **state)
{
	(void)state;
	static const char *const targets[] = {
		"PAR00001", "PAR00002", "PAR00001", "PAR00003",
	};
	mif_sms_job job = { "PAR00012", "PAR00007", at("1996-06-03T09:00Z"),
	    false, 0 };
	mif_sms_table t;
	assert_true(mif_sms_table_init(&t, &job, targets, 4));
	assert_int_equal(t.nrows, 3);
	assert_string_equal(t.rows[2].sms_id, "PAR00003");
	assert_int_equal(t.rows[2].status, MIF_SMS_NONE);
	const mif_sms_event ev[] = {
		{ at("1996-06-03T10:00Z"), "PAR00001", MIF_SMS_SUCCESS, "ok", false },
		{ at("1996-06-03T11:00Z"), "PAR00009", MIF_SMS_SUCCESS, "ok", false },
		{ at("1996-06-05T10:00Z"), "PAR00001", MIF_SMS_EXPIRED, NULL, false },
		{ at("1996-06-05T10:00Z"), "PAR00003", MIF_SMS_EXPIRED, NULL, false },
	};
	mif_sms_effect fx[4];
	const mif_sms_version *v11 = mif_sms_version_find("1.1");
	assert_true(mif_sms_table_run(&t, v11, ev, 4, fx));
	assert_int_equal(fx[0].row, 0);
	assert_int_equal(fx[0].after, MIF_SMS_COMPLETE);
	assert_true(fx[1].row == SIZE_MAX);
	assert_int_equal(fx[2].before, MIF_SMS_COMPLETE);
	assert_int_equal(fx[2].after, MIF_SMS_CANCELED);
	assert_int_equal(t.rows[0].status, MIF_SMS_CANCELED);
	assert_true(t.rows[0].by_expiry);
	assert_int_equal(t.rows[0].result, MIF_SMS_SUCCESS);
	assert_int_equal(t.rows[1].status, MIF_SMS_NONE);
	assert_int_equal(t.rows[2].status, MIF_SMS_CANCELED);
	assert_ptr_equal(t.set_by[0], v11);
	assert_null(t.set_by[1]);
	/* a job that never expires has no Expires: all '*' */
	mif_doc *doc = mif_sms_table_write(&t);
	char *out = written(doc);
	assert_non_null(strstr(out,
	    "      NAME = \"Expires\"\n"
	    "      ID = 4\n"
	    "      TYPE = DATE\n"
	    "      VALUE = \"**************.******+***\"\n"));
	assert_non_null(strstr(out,
	    "    {\"PAR00001\", \"Canceled\", \"19960605100000.000000+000\", "
	    "\"Expired\", \"\", \"1.1\"}\n"
	    "    {\"PAR00002\", \"None\", \"**************.******+***\", \"\", "
	    "\"\", \"\"}\n"));
	mif_doc *back = valid(out);
	mif_sms_table r;
	assert_true(mif_sms_table_read(back, &r, NULL));
	assert_false(r.job.expires_known);
	mif_sms_table_release(&r);
	mif_doc_free(back);
	free(out);
	mif_doc_free(doc);
	mif_sms_table_release(&t);
}

static mif_doc *
detail_doc(const char *version, const char *job, const char *sms_id,
    mif_sms_instruction ins, const char *description)
{
	mif_sms_event e = { at("1996-06-04T08:00Z"), sms_id, ins, description, false };
	mif_sms_detail d;
	assert_true(mif_sms_detail_of(mif_sms_version_find(version), job, &e,
	    &d));
	mif_doc *doc = mif_sms_detail_write(&d);
	char *text = written(doc);
	mif_doc_free(doc);
	doc = valid(text);
	free(text);
	return doc;
}

static void
test_table_apply(void **state)
{
	(void)state;
	char *text = table_text(seed_rows);
	mif_doc *doc = valid(text);
	mif_sms_table t;
	mif_sms_detail d;
	mif_error err;
	bool loaded;
	char buf[512];
	assert_true(mif_sms_table_read(doc, &t, NULL));

	mif_doc *a = detail_doc("1.0", "PAR00012", "PAR00005", MIF_SMS_SUCCESS,
	    "late but fine");
	assert_true(mif_sms_table_apply(&t, a, &d, &loaded, &err));
	assert_true(loaded);
	assert_int_equal(t.rows[2].status, MIF_SMS_COMPLETE);
	assert_string_equal(t.rows[2].description, "late but fine");
	assert_ptr_equal(t.set_by[2], mif_sms_version_find("1.0"));

	/* Q140810: 1.1 does not load it; the row stays, the truth moves */
	mif_doc *b = detail_doc("1.1", "PAR00012", "PAR00004", MIF_SMS_SUCCESS,
	    "installed \"Office\"");
	assert_true(mif_sms_table_apply(&t, b, &d, &loaded, &err));
	assert_false(loaded);
	assert_int_equal(t.rows[1].status, MIF_SMS_RETRYING);
	assert_int_equal(t.rows[1].result, MIF_SMS_SUCCESS);
	/* 1.0 loads the same */
	mif_doc *c = detail_doc("1.0", "PAR00012", "PAR00004", MIF_SMS_SUCCESS,
	    "installed \"Office\"");
	assert_true(mif_sms_table_apply(&t, c, &d, &loaded, &err));
	assert_true(loaded);
	assert_int_equal(t.rows[1].status, MIF_SMS_COMPLETE);

	mif_doc *x = detail_doc("1.0", "PAR00013", "PAR00004", MIF_SMS_SUCCESS,
	    "");
	assert_false(mif_sms_table_apply(&t, x, &d, &loaded, &err));
	assert_string_equal(placed(&err, buf, sizeof buf), "49:7: the detailed "
	    "job status MIF is for job PAR00013; the table is job PAR00012's");
	mif_doc *y = detail_doc("1.0", "PAR00012", "PAR00009", MIF_SMS_SUCCESS,
	    "");
	assert_false(mif_sms_table_apply(&t, y, &d, &loaded, &err));
	assert_string_equal(placed(&err, buf, sizeof buf),
	    "13:7: job PAR00012 has no row for PAR00009");
	assert_int_equal(mif_sms_table_load(&t, &d, &loaded), SIZE_MAX);

	mif_doc_free(a);
	mif_doc_free(b);
	mif_doc_free(c);
	mif_doc_free(x);
	mif_doc_free(y);
	mif_sms_table_release(&t);
	mif_doc_free(doc);
	free(text);
}

/* ---- job histories ----------------------------------------------------- */

static const char history_head[] =
    "START COMPONENT\n"
    "  NAME = \"Job History\"\n"
    "\n";

static const char history_targets[] =
    "  START GROUP\n"
    "    NAME = \"Target\"\n"
    "    CLASS = \"MIFTOOLS|JOBTARGET|1.0\"\n"
    "    KEY = 1\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"SMS ID\"\n"
    "      ID = 1\n"
    "      TYPE = STRING(8)\n"
    "    END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START TABLE\n"
    "    NAME = \"Targets\"\n"
    "    ID = 2\n"
    "    CLASS = \"MIFTOOLS|JOBTARGET|1.0\"\n"
    "    {\"PAR00001\"}\n"
    "    {\"PAR00002\"}\n"
    "  END TABLE\n"
    "  START GROUP\n"
    "    NAME = \"Instruction\"\n"
    "    CLASS = \"MIFTOOLS|JOBINSTRUCTION|1.0\"\n"
    "    KEY = 1\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Sequence\"\n"
    "      ID = 1\n"
    "      TYPE = INTEGER\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Time\"\n"
    "      ID = 2\n"
    "      TYPE = DATE\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"SMS ID\"\n"
    "      ID = 3\n"
    "      TYPE = STRING(8)\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Instruction\"\n"
    "      ID = 4\n"
    "      TYPE = STRING(8)\n"
    "    END ATTRIBUTE\n"
    "    START ATTRIBUTE\n"
    "      NAME = \"Description\"\n"
    "      ID = 5\n"
    "      TYPE = STRING(128)\n"
    "      VALUE = \"\"\n"
    "    END ATTRIBUTE\n"
    "  END GROUP\n"
    "  START TABLE\n"
    "    NAME = \"Instructions\"\n"
    "    ID = 3\n"
    "    CLASS = \"MIFTOOLS|JOBINSTRUCTION|1.0\"\n";

/* A history of job PAR00012 (expiring 1996-06-05 09:00) with these
 * instruction rows, from line 86 on. */
static char *
history_text(const char *rows)
{
	static const char tail[] = "  END TABLE\nEND COMPONENT\n";
	size_t n = strlen(history_head) + strlen(job_group) +
	    strlen(history_targets) + strlen(rows) + strlen(tail) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%s%s%s%s%s", history_head, job_group, history_targets,
	    rows, tail);
	return s;
}

static void
test_history_read(void **state)
{
	(void)state;
	char *text = history_text(
	    "    {1, \"19960603101500.000000+000\", \"PAR00001\", \"Success\", "
	    "\"done\"}\n"
	    "    {2, \"19960603101500.000000+000\", \"PAR00002\", \"FAILED\", "
	    "\"no room\"}\n"
	    "    {7, \"19960605100000.000000+060\", \"PAR00002\", \"Expired\"}\n");
	mif_doc *doc = valid(text);
	mif_sms_history h;
	mif_error err;
	assert_true(mif_sms_history_read(doc, &h, &err));
	assert_string_equal(h.job.job_id, "PAR00012");
	assert_int_equal(h.ntargets, 2);
	assert_string_equal(h.targets[1], "PAR00002");
	assert_int_equal(h.nevents, 3);
	assert_int_equal(h.events[1].instruction, MIF_SMS_FAILURE);
	assert_string_equal(h.events[1].description, "no room");
	/* an hour east of UTC: 09:00 UTC, the very time it expires */
	assert_int_equal(h.events[2].time, at("1996-06-05T09:00Z"));
	assert_string_equal(h.events[2].description, "");

	/* replayed under 1.2 it keeps the truth */
	mif_sms_table t;
	assert_true(mif_sms_table_init(&t, &h.job, h.targets, h.ntargets));
	assert_true(mif_sms_table_run(&t, mif_sms_version_find("1.2"),
	    h.events, h.nevents, NULL));
	assert_int_equal(t.rows[0].status, MIF_SMS_COMPLETE);
	assert_int_equal(t.rows[1].status, MIF_SMS_RETRYING);
	mif_sms_table_release(&t);
	mif_sms_history_release(&h);
	mif_doc_free(doc);
	free(text);
}

/* A history replayed as of a time: the table, and the detailed job
 * status MIFs its instructions created. */
static void
test_history_replay(void **state)
{
	(void)state;
	char *text = history_text(
	    "    {1, \"19960603101500.000000+000\", \"PAR00001\", \"Success\", "
	    "\"done\"}\n"
	    "    {2, \"19960603111500.000000+000\", \"PAR00002\", \"FAILED\", "
	    "\"no room\"}\n"
	    "    {3, \"19960605100000.000000+000\", \"PAR00002\", \"Expired\"}\n");
	mif_doc *doc = valid(text);
	mif_sms_history h;
	mif_sms_table t;
	mif_sms_detail *d;
	size_t n;
	assert_true(mif_sms_history_read(doc, &h, NULL));

	/* everything: SMS 1.2 creates none for the expiry */
	const mif_sms_version *v12 = mif_sms_version_find("1.2");
	assert_true(mif_sms_history_replay(&h, v12, NULL, &t, &d, &n));
	assert_int_equal(t.nrows, 2);
	assert_int_equal(t.rows[1].status, MIF_SMS_RETRYING);
	assert_int_equal(n, 2);
	assert_string_equal(d[0].sms_id, "PAR00001");
	assert_int_equal(d[0].status, MIF_SMS_COMPLETE);
	assert_string_equal(d[1].job_id, "PAR00012");
	assert_ptr_equal(d[1].version, v12);
	free(d);
	mif_sms_table_release(&t);

	/* as of 11:15 on the first day, the very time of the second */
	int64_t until = at("1996-06-03T11:15Z");
	const mif_sms_version *v10 = mif_sms_version_find("1.0");
	assert_true(mif_sms_history_replay(&h, v10, &until, &t, &d, &n));
	assert_int_equal(n, 2);
	assert_int_equal(t.rows[0].status, MIF_SMS_COMPLETE);
	assert_int_equal(t.rows[1].status, MIF_SMS_RETRYING);
	free(d);
	mif_sms_table_release(&t);
	until--;
	assert_true(mif_sms_history_replay(&h, v10, &until, &t, NULL, NULL));
	assert_int_equal(t.rows[1].status, MIF_SMS_NONE);
	mif_sms_table_release(&t);

	/* and after the expiry, under 1.0: Retrying by expiry */
	assert_true(mif_sms_history_replay(&h, v10, NULL, &t, &d, &n));
	assert_int_equal(n, 3);
	assert_int_equal(d[2].instruction, MIF_SMS_EXPIRED);
	assert_true(t.rows[1].by_expiry);
	free(d);
	mif_sms_table_release(&t);
	mif_sms_history_release(&h);
	mif_doc_free(doc);
	free(text);
}

/* The sample history read and written again: the same file but for
 * its comments, and the same history when read back. */
#define SEED_HISTORY "samples/jobs/seed-history.mif"

/* The sample history into *h; returns its document. */
static mif_doc *
seed_history(mif_sms_history *h)
{
	mif_parse_options o = { SEED_HISTORY, 0 };
	mif_doc *doc = mif_parse_path(SEED_HISTORY, &o, NULL);
	mif_error err;

	assert_non_null(doc);
	assert_true(mif_sms_history_read(doc, h, &err));
	return doc;
}

static void
test_history_written(void **state)
{
	(void)state;
	const char *path = SEED_HISTORY;
	mif_sms_history h, back;
	mif_error err;
	mif_doc *doc = seed_history(&h);
	mif_doc *out = mif_sms_history_write(&h);
	assert_non_null(out);
	char *text = written(out);

	/* the sample without its comment lines */
	FILE *fp = fopen(path, "r");
	assert_non_null(fp);
	char line[512], want[8192] = "";
	while (fgets(line, sizeof line, fp) != NULL)
		if (strncmp(line + strspn(line, " "), "//", 2) != 0)
			strncat(want, line, sizeof want - strlen(want) - 1);
	fclose(fp);
	assert_string_equal(text, want);

	mif_doc *again = valid(text);
	assert_true(mif_sms_history_read(again, &back, &err));
	assert_int_equal(back.ntargets, h.ntargets);
	assert_int_equal(back.nevents, h.nevents);
	for (size_t i = 0; i < h.nevents; i++) {
		assert_int_equal(back.events[i].time, h.events[i].time);
		assert_string_equal(back.events[i].sms_id, h.events[i].sms_id);
		assert_int_equal(back.events[i].instruction,
		    h.events[i].instruction);
		assert_string_equal(back.events[i].description,
		    h.events[i].description);
	}
	mif_sms_history_release(&back);
	mif_doc_free(again);
	free(text);
	mif_doc_free(out);
	mif_sms_history_release(&h);
	mif_doc_free(doc);
}

/* A Description longer than the API's 128 characters, as a status MIF
 * that declares STRING(255) gives one: the Description attribute is
 * declared as long as it, and every character is kept. */
static void
test_history_long_description(void **state)
{
	(void)state;
	mif_sms_history h, back;
	mif_error err;
	char longer[201];
	mif_doc *doc = seed_history(&h);

	memset(longer, 'd', 200);
	longer[200] = '\0';
	h.events[1].description = longer;
	mif_doc *out = mif_sms_history_write(&h);
	assert_non_null(out);
	char *text = written(out);
	assert_non_null(strstr(text, "NAME = \"Description\"\n      ID = 5\n"
	    "      TYPE = STRING(200)\n"));
	mif_doc *again = valid(text);
	assert_true(mif_sms_history_read(again, &back, &err));
	assert_string_equal(back.events[1].description, longer);
	mif_sms_history_release(&back);
	mif_doc_free(again);
	free(text);
	mif_doc_free(out);
	mif_sms_history_release(&h);
	mif_doc_free(doc);
}

static void
test_history_errors(void **state)
{
	(void)state;
	static const char ok1[] =
	    "    {1, \"19960603101500.000000+000\", \"PAR00001\", \"Success\"}\n";
	static const struct { const char *second, *want; } t[] = {
		{ "    {2, \"19960603101459.000000+000\", \"PAR00002\", \"Failed\"}\n",
		  "87:9: the time goes backwards: 1996-06-03 10:14:59 is earlier "
		  "than the instruction before it (1996-06-03 10:15:00, line 86); "
		  "a job history lists instructions in the order they were "
		  "processed" },
		{ "    {1, \"19960603101500.000000+000\", \"PAR00002\", \"Failed\"}\n",
		  "87:6: sequence number 1 does not follow 1: a job history lists "
		  "instructions in the order they were processed" },
		{ "    {2, \"19960603101500.000000+000\", \"PAR00003\", \"Failed\"}\n",
		  "87:38: PAR00003 is not a target of job PAR00012" },
		{ "    {2, \"19960605085959.000000+000\", \"PAR00002\", \"Expired\"}\n",
		  "87:9: an Expired instruction at 1996-06-05 08:59:59, before job "
		  "PAR00012 expires at 1996-06-05 09:00:00" },
		{ "    {2, \"19960605090000.000000+000\", \"PAR00002\", \"Gone\"}\n",
		  "87:50: unknown Instruction \"Gone\" (one of Success, Failed, "
		  "Expired)" },
		{ "    {2, \"yesterday\", \"PAR00002\", \"Failed\"}\n",
		  "87:9: \"Time\" in the instruction table is not a full date and "
		  "time (yyyymmddHHMMSS.uuuuuu+ooo)" },
		{ "    {-2, \"19960605090000.000000+000\", \"PAR00002\", \"Failed\"}\n",
		  "87:6: \"Sequence\" in the instruction table is not a number from "
		  "0 up" },
	};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char rows[512], buf[512];
		snprintf(rows, sizeof rows, "%s%s", ok1, t[i].second);
		char *text = history_text(rows);
		mif_doc *doc = parse_text(text);
		mif_sms_history h;
		mif_error err;
		assert_false(mif_sms_history_read(doc, &h, &err));
		assert_string_equal(placed(&err, buf, sizeof buf), t[i].want);
		assert_null(h.events);
		mif_doc_free(doc);
		free(text);
	}
}

static void
test_history_structure_errors(void **state)
{
	(void)state;
	static const struct { const char *from, *to, *want; } t[] = {
		/* the job never expires, yet a client sent an expiry */
		{ "\"19960605090000.000000+000\"", "\"**************.******+***\"",
		  "87:50: an Expired instruction, but job PAR00012 never expires" },
		{ "{\"PAR00002\"}", "{\"PAR00001\"}",
		  "49:6: target PAR00001 is listed twice (first at line 48)" },
		{ "JOBTARGET|1.0\"\n    KEY", "JOBTARGETS|1.0\"\n    KEY",
		  "47:5: class \"MIFTOOLS|JOBTARGET|1.0\" of table \"Targets\" "
		  "names no template" },
		{ "NAME = \"Offer\"\n      ID = 3", "NAME = \"Offer\"\n      ID = 5",
		  "4:3: the job group has no attribute with ID 3 (\"Offer\")" },
		{ "\"MIFTOOLS|JOB|1.0\"", "\"MIFTOOLS|JOBS|1.0\"",
		  "1:1: no job group: a group of class \"MIFTOOLS|JOB|1.0\"" },
		{ "\"19960603090000.000000+000\"", "\"19960606090000.000000+000\"",
		  "30:7: the job expires before it is offered" },
	};
	char *good = history_text(
	    "    {1, \"19960603101500.000000+000\", \"PAR00001\", \"Success\"}\n"
	    "    {2, \"19960605090000.000000+000\", \"PAR00002\", \"Expired\"}\n");
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		const char *p = strstr(good, t[i].from);
		assert_non_null(p);
		char text[8192], buf[512];
		snprintf(text, sizeof text, "%.*s%s%s", (int)(p - good), good,
		    t[i].to, p + strlen(t[i].from));
		mif_doc *doc = parse_text(text);
		mif_sms_history h;
		mif_error err;
		assert_false(mif_sms_history_read(doc, &h, &err));
		assert_string_equal(placed(&err, buf, sizeof buf), t[i].want);
		mif_doc_free(doc);
	}
	free(good);
}

/* ---- the NOIDMIF record ------------------------------------------------ */

static void
test_noidmif_new(void **state)
{
	(void)state;
	mif_doc *doc = mif_doc_create(NULL);
	mif_error err;
	assert_true(mif_sms_noidmif_record(doc, "PAR00007", MIF_SMS_SUCCESS,
	    at("1996-06-03T10:15Z"), &err));
	assert_true(mif_sms_noidmif_record(doc, "PAR00008", MIF_SMS_FAILURE,
	    at("1996-06-03T11:00Z"), &err));
	char *out = written(doc);
	assert_string_equal(out,
	    "START COMPONENT\n"
	    "  NAME = \"WORKSTATION\"\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"Package Install Status\"\n"
	    "    ID = 1\n"
	    "    CLASS = \"MIFTOOLS|PACKAGESTATUS|1.0\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"PAR00007\"\n"
	    "      ID = 1\n"
	    "      TYPE = STRING(32)\n"
	    "      VALUE = \"Complete 1996-06-03T10:15:00Z\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"PAR00008\"\n"
	    "      ID = 2\n"
	    "      TYPE = STRING(32)\n"
	    "      VALUE = \"Failed 1996-06-03T11:00:00Z\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
	mif_sms_status s;
	int64_t t;
	assert_true(mif_sms_noidmif_lookup(doc, "par00008", &s, &t));
	assert_int_equal(s, MIF_SMS_FAILED);
	assert_int_equal(t, at("1996-06-03T11:00Z"));
	assert_false(mif_sms_noidmif_lookup(doc, "PAR00009", &s, &t));

	/* the NOIDMIF profile takes it */
	mif_doc *back = parse_text(out);
	mif_check_options o = { .profile = MIF_PROFILE_NOIDMIF };
	mif_check(back, &o);
	assert_int_equal(mif_doc_error_count(back), 0);
	mif_doc_free(back);
	free(out);

	assert_false(mif_sms_noidmif_record(doc, "", MIF_SMS_SUCCESS, 0, &err));
	assert_string_equal(err.text, "a package ID has 1 to 64 characters");
	assert_false(mif_sms_noidmif_record(doc, "PAR00007", MIF_SMS_EXPIRED, 0,
	    &err));
	assert_string_equal(err.text,
	    "a package's install status comes from Success or Failed");
	mif_doc_free(doc);
}

static void
test_noidmif_update(void **state)
{
	(void)state;
	mif_doc *doc = valid(
	    "// inventory\n"
	    "START COMPONENT\n"
	    "  NAME = \"WORKSTATION\"\n"
	    "  START GROUP\n"
	    "    NAME = \"Asset\"\n"
	    "    ID = 3\n"
	    "    CLASS = \"CONTOSO|ASSET|1.0\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"Tag\"\n"
	    "      ID = 1\n"
	    "      TYPE = STRING(16)\n"
	    "      VALUE = \"CT-1\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "  START GROUP\n"
	    "    NAME = \"Packages\"\n"
	    "    ID = 7\n"
	    "    CLASS = \"miftools|packagestatus|1.0\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"par00007\"\n"
	    "      ID = 4\n"
	    "      TYPE = STRING(8)\n"
	    "      VALUE = \"Failed\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
	mif_error err;
	assert_true(mif_sms_noidmif_record(doc, "PAR00007", MIF_SMS_SUCCESS,
	    at("1996-06-04T10:15Z"), &err));
	assert_true(mif_sms_noidmif_record(doc, "PAR00011", MIF_SMS_FAILURE,
	    at("1996-06-04T11:15Z"), &err));
	char *out = written(doc);
	assert_string_equal(out,
	    "// inventory\n"
	    "START COMPONENT\n"
	    "  NAME = \"WORKSTATION\"\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"Asset\"\n"
	    "    ID = 3\n"
	    "    CLASS = \"CONTOSO|ASSET|1.0\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"Tag\"\n"
	    "      ID = 1\n"
	    "      TYPE = STRING(16)\n"
	    "      VALUE = \"CT-1\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "\n"
	    "  START GROUP\n"
	    "    NAME = \"Packages\"\n"
	    "    ID = 7\n"
	    "    CLASS = \"miftools|packagestatus|1.0\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"par00007\"\n"
	    "      ID = 4\n"
	    "      TYPE = STRING(32)\n"
	    "      VALUE = \"Complete 1996-06-04T10:15:00Z\"\n"
	    "    END ATTRIBUTE\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"PAR00011\"\n"
	    "      ID = 5\n"
	    "      TYPE = STRING(32)\n"
	    "      VALUE = \"Failed 1996-06-04T11:15:00Z\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
	free(out);
	mif_doc_free(doc);

	/* a NOIDMIF without the group gets one, with the next group ID */
	doc = valid(
	    "START COMPONENT\n"
	    "  NAME = \"WORKSTATION\"\n"
	    "  START GROUP\n"
	    "    NAME = \"Asset\"\n"
	    "    ID = 3\n"
	    "    CLASS = \"CONTOSO|ASSET|1.0\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"Tag\"\n"
	    "      ID = 1\n"
	    "      TYPE = STRING(16)\n"
	    "      VALUE = \"CT-1\"\n"
	    "    END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "END COMPONENT\n");
	assert_true(mif_sms_noidmif_record(doc, "PAR00007", MIF_SMS_SUCCESS,
	    at("1996-06-04T10:15Z"), &err));
	out = written(doc);
	assert_non_null(strstr(out,
	    "  START GROUP\n"
	    "    NAME = \"Package Install Status\"\n"
	    "    ID = 4\n"
	    "    CLASS = \"MIFTOOLS|PACKAGESTATUS|1.0\"\n"
	    "    START ATTRIBUTE\n"
	    "      NAME = \"PAR00007\"\n"
	    "      ID = 1\n"));
	free(out);
	mif_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_detail_written_and_read),
		cmocka_unit_test(test_detail_of_every_version),
		cmocka_unit_test(test_detail_read_errors),
		cmocka_unit_test(test_status_mif),
		cmocka_unit_test(test_table_round_trip),
		cmocka_unit_test(test_table_read_errors),
		cmocka_unit_test(test_table_duplicate_sms_id),
		cmocka_unit_test(test_table_init_and_run),
		cmocka_unit_test(test_table_apply),
		cmocka_unit_test(test_history_read),
		cmocka_unit_test(test_history_replay),
		cmocka_unit_test(test_history_written),
		cmocka_unit_test(test_history_long_description),
		cmocka_unit_test(test_history_errors),
		cmocka_unit_test(test_history_structure_errors),
		cmocka_unit_test(test_noidmif_new),
		cmocka_unit_test(test_noidmif_update),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
