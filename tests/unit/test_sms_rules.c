/* The per-version despooler rules, against the Knowledge Base. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "mif.h"

static mif_sms_status
apply(const char *version, mif_sms_status current, mif_sms_instruction ins,
    const char *description, bool *created, bool *loaded)
{
	const mif_sms_version *v = mif_sms_version_find(version);
	assert_non_null(v);
	return mif_sms_apply(v, current, ins, description, created, loaded);
}

static void
test_every_instruction_under_every_version(void **state)
{
	(void)state;
	/* [version][instruction] from a row that was None */
	static const struct { const char *v; mif_sms_status want[3]; bool made[3]; } t[] = {
		{ "1.0", { MIF_SMS_COMPLETE, MIF_SMS_RETRYING, MIF_SMS_RETRYING }, { 1, 1, 1 } },
		{ "1.1", { MIF_SMS_COMPLETE, MIF_SMS_RETRYING, MIF_SMS_CANCELED }, { 1, 1, 1 } },
		{ "1.2", { MIF_SMS_COMPLETE, MIF_SMS_RETRYING, MIF_SMS_NONE }, { 1, 1, 0 } },
	};
	for (size_t i = 0; i < 3; i++) {
		for (int ins = 0; ins < MIF_SMS_INSTRUCTION_COUNT; ins++) {
			bool created, loaded;
			mif_sms_status s = apply(t[i].v, MIF_SMS_NONE,
			    (mif_sms_instruction)ins, "ok", &created, &loaded);
			assert_int_equal(s, t[i].want[ins]);
			assert_int_equal(created, t[i].made[ins]);
			assert_int_equal(loaded, t[i].made[ins]);
		}
	}
}

static void
test_seed_example(void **state)
{
	(void)state;
	/* Q152229: three succeed, one fails, one never runs; all poll after
	 * the expiry. */
	static const struct { const char *v; mif_sms_status want[5]; } t[] = {
		{ "1.0", { MIF_SMS_RETRYING, MIF_SMS_RETRYING, MIF_SMS_RETRYING,
		    MIF_SMS_RETRYING, MIF_SMS_RETRYING } },
		{ "1.1", { MIF_SMS_CANCELED, MIF_SMS_CANCELED, MIF_SMS_CANCELED,
		    MIF_SMS_CANCELED, MIF_SMS_CANCELED } },
		{ "1.2", { MIF_SMS_COMPLETE, MIF_SMS_COMPLETE, MIF_SMS_COMPLETE,
		    MIF_SMS_RETRYING, MIF_SMS_NONE } },
	};
	for (size_t i = 0; i < 3; i++) {
		mif_sms_status row[5] = { 0 };
		for (int w = 0; w < 3; w++)
			row[w] = apply(t[i].v, row[w], MIF_SMS_SUCCESS, "done", NULL, NULL);
		row[3] = apply(t[i].v, row[3], MIF_SMS_FAILURE, "disk full", NULL, NULL);
		assert_int_equal(row[0], MIF_SMS_COMPLETE);
		assert_int_equal(row[3], MIF_SMS_RETRYING);
		assert_int_equal(row[4], MIF_SMS_NONE);
		for (int w = 0; w < 5; w++)
			row[w] = apply(t[i].v, row[w], MIF_SMS_EXPIRED, NULL, NULL, NULL);
		for (int w = 0; w < 5; w++)
			assert_int_equal(row[w], t[i].want[w]);
	}
}

static void
test_q140810_quirk(void **state)
{
	(void)state;
	bool created, loaded;
	/* 1.1 creates the MIF but does not load it: the row stays */
	assert_int_equal(apply("1.1", MIF_SMS_PENDING, MIF_SMS_SUCCESS,
	    "installed \"Office\"", &created, &loaded), MIF_SMS_PENDING);
	assert_true(created);
	assert_false(loaded);
	assert_int_equal(apply("1.0", MIF_SMS_PENDING, MIF_SMS_SUCCESS,
	    "installed \"Office\"", &created, &loaded), MIF_SMS_COMPLETE);
	assert_true(loaded);
	assert_int_equal(apply("1.2", MIF_SMS_PENDING, MIF_SMS_SUCCESS,
	    "installed \"Office\"", NULL, NULL), MIF_SMS_COMPLETE);
	assert_int_equal(apply("1.1", MIF_SMS_PENDING, MIF_SMS_SUCCESS,
	    "no quote", NULL, NULL), MIF_SMS_COMPLETE);
}

static void
test_names(void **state)
{
	(void)state;
	mif_sms_status s;
	assert_true(mif_sms_status_parse("Cancelled", &s));
	assert_int_equal(s, MIF_SMS_CANCELED);
	assert_string_equal(mif_sms_status_name(s), "Canceled");
	assert_true(mif_sms_status_parse("complete", &s));
	assert_int_equal(s, MIF_SMS_COMPLETE);
	assert_false(mif_sms_status_parse("Done", &s));
	assert_null(mif_sms_status_name(MIF_SMS_STATUS_COUNT));
	mif_sms_instruction ins;
	assert_true(mif_sms_instruction_parse("FAILED", &ins));
	assert_int_equal(ins, MIF_SMS_FAILURE);
	assert_false(mif_sms_instruction_parse("Retry", &ins));
	assert_null(mif_sms_version_find("2.0"));
	size_t n;
	const mif_sms_version *v = mif_sms_versions(&n);
	assert_int_equal(n, 3);
	assert_string_equal(v[0].name, "1.0");
	assert_string_equal(v[2].name, "1.2");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_instruction_under_every_version),
		cmocka_unit_test(test_seed_example),
		cmocka_unit_test(test_q140810_quirk),
		cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
