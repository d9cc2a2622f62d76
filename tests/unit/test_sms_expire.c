/* Expiring a job status table: the fate of each row, the expiry time,
 * the workstations that polled, the expiry instructions handled. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "mif.h"

static int64_t
at(const char *text)
{
	int64_t t;
	assert_true(mif_time_parse(text, &t));
	return t;
}

static const char *const targets[] = { "PAR00001", "PAR00002", "PAR00003",
    "PAR00004" };

/* Job PAR00012, expiring 1996-06-05 09:00; PAR00001 Complete at 06-03,
 * PAR00002 Canceled by an expiry at 06-05 09:30, PAR00003 Retrying at
 * 06-05 11:00, PAR00004 None. */
static void
seeded(mif_sms_table *t, bool expires_known)
{
	mif_sms_job job = { "PAR00012", "PAR00007", at("1996-06-03T09:00Z"),
	    expires_known, at("1996-06-05T09:00Z") };
	assert_true(mif_sms_table_init(t, &job, targets, 4));
	const mif_sms_row rows[] = {
		{ "PAR00001", MIF_SMS_COMPLETE, true, at("1996-06-03T10:00Z"),
		    MIF_SMS_SUCCESS, "ok", false, MIF_SMS_SUCCESS, 0, 0 },
		{ "PAR00002", MIF_SMS_CANCELED, true, at("1996-06-05T09:30Z"),
		    MIF_SMS_EXPIRED, "", true, -1, 0, 1 },
		{ "PAR00003", MIF_SMS_RETRYING, true, at("1996-06-05T11:00Z"),
		    MIF_SMS_FAILURE, "no disk", false, MIF_SMS_FAILURE, 0, 0 },
	};
	for (size_t i = 0; i < 3; i++)
		t->rows[i] = rows[i];
}

static void
test_fate_of(void **state)
{
	(void)state;
	mif_sms_table t;
	seeded(&t, true);
	int64_t x = at("1996-06-05T10:00Z");
	assert_int_equal(mif_sms_fate_of(&t.rows[0], true, x), MIF_SMS_EXPIRES);
	assert_int_equal(mif_sms_fate_of(&t.rows[0], false, x),
	    MIF_SMS_NOT_POLLED);
	assert_int_equal(mif_sms_fate_of(&t.rows[1], true, x),
	    MIF_SMS_ALREADY_EXPIRED);
	assert_int_equal(mif_sms_fate_of(&t.rows[2], true, x),
	    MIF_SMS_REPORTED_LATER);
	/* reported at the very time of the expiry: it still expires */
	assert_int_equal(mif_sms_fate_of(&t.rows[2], true, t.rows[2].time),
	    MIF_SMS_EXPIRES);
	assert_int_equal(mif_sms_fate_of(&t.rows[3], true, x), MIF_SMS_EXPIRES);
	mif_sms_table_release(&t);
}

static void
test_expiry_time(void **state)
{
	(void)state;
	mif_sms_table t;
	mif_error err;
	int64_t when = 0, x = at("1996-06-06T00:00Z"), early = at("1996-06-04T09:00Z");

	seeded(&t, true);
	assert_true(mif_sms_expiry_time(&t.job, NULL, &when, &err));
	assert_int_equal(when, t.job.expires);
	assert_true(mif_sms_expiry_time(&t.job, &x, &when, &err));
	assert_int_equal(when, x);
	assert_false(mif_sms_expiry_time(&t.job, &early, &when, &err));
	assert_int_equal(err.code, MIF_E_RANGE);
	assert_int_equal(err.mark.line, 0);
	assert_string_equal(err.text, "1996-06-04 09:00:00 is before job "
	    "PAR00012 expires (1996-06-05 09:00:00)");
	mif_sms_table_release(&t);

	seeded(&t, false);
	assert_false(mif_sms_expiry_time(&t.job, NULL, &when, NULL));
	assert_false(mif_sms_expiry_time(&t.job, NULL, &when, &err));
	assert_int_equal(err.code, MIF_E_MISSING);
	assert_string_equal(err.text, "job PAR00012 has no expiration time");
	/* a job that never expires expires when it is said to */
	assert_true(mif_sms_expiry_time(&t.job, &early, &when, &err));
	assert_int_equal(when, early);
	mif_sms_table_release(&t);
}

static void
test_table_mark(void **state)
{
	(void)state;
	mif_sms_table t;
	mif_error err;
	size_t missing = 99;
	bool marked[4] = { false, false, false, true };

	seeded(&t, true);
	const char *const ids[] = { "PAR00003", "PAR00001", "PAR00003" };
	assert_true(mif_sms_table_mark(&t, ids, 3, marked, &missing, &err));
	assert_true(marked[0]);
	assert_false(marked[1]);
	assert_true(marked[2]);
	assert_true(marked[3]);  /* left as it was */
	assert_int_equal(missing, 99);

	/* a prefix of an SMS ID, or none, is no SMS ID */
	const char *const bad[] = { "PAR00002", "PAR0000", "" };
	assert_false(mif_sms_table_mark(&t, bad, 3, marked, &missing, &err));
	assert_int_equal(missing, 1);
	assert_int_equal(err.code, MIF_E_MISSING);
	assert_string_equal(err.text, "job PAR00012 has no row for \"PAR0000\"");
	assert_true(marked[1]);
	assert_false(mif_sms_table_mark(&t, bad + 2, 1, marked, NULL, NULL));
	mif_sms_table_release(&t);
}

static void
test_table_expire(void **state)
{
	(void)state;
	mif_sms_table t;
	mif_sms_fate fates[4];
	mif_sms_effect fx[4];
	const bool polled[] = { true, true, true, false };
	int64_t x = at("1996-06-05T10:00Z");

	seeded(&t, true);
	const mif_sms_version *v11 = mif_sms_version_find("1.1");
	assert_true(mif_sms_table_expire(&t, v11, x, polled, fates, fx));
	assert_int_equal(fates[0], MIF_SMS_EXPIRES);
	assert_int_equal(fates[1], MIF_SMS_ALREADY_EXPIRED);
	assert_int_equal(fates[2], MIF_SMS_REPORTED_LATER);
	assert_int_equal(fates[3], MIF_SMS_NOT_POLLED);
	assert_int_equal(fx[0].row, 0);
	assert_int_equal(fx[0].before, MIF_SMS_COMPLETE);
	assert_int_equal(fx[0].after, MIF_SMS_CANCELED);
	assert_true(fx[0].created && fx[0].loaded);
	assert_int_equal(t.rows[0].status, MIF_SMS_CANCELED);
	assert_int_equal(t.rows[0].time, x);
	assert_true(t.rows[0].by_expiry);
	assert_ptr_equal(t.set_by[0], v11);
	/* the others keep their status, and say so */
	for (size_t i = 1; i < 4; i++) {
		assert_int_equal(fx[i].row, i);
		assert_int_equal(fx[i].before, fx[i].after);
		assert_int_equal(fx[i].after, t.rows[i].status);
		assert_false(fx[i].created || fx[i].loaded);
		assert_null(t.set_by[i]);
	}
	assert_int_equal(t.rows[3].status, MIF_SMS_NONE);
	mif_sms_table_release(&t);

	/* polled NULL: every workstation polled; SMS 1.2 keeps the status */
	seeded(&t, true);
	assert_true(mif_sms_table_expire(&t, mif_sms_version_find("1.2"), x,
	    NULL, fates, NULL));
	assert_int_equal(fates[3], MIF_SMS_EXPIRES);
	assert_int_equal(t.rows[3].status, MIF_SMS_NONE);
	assert_int_equal(t.rows[0].status, MIF_SMS_COMPLETE);
	mif_sms_table_release(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fate_of),
		cmocka_unit_test(test_expiry_time),
		cmocka_unit_test(test_table_mark),
		cmocka_unit_test(test_table_expire),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
