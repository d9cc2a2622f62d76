/* Times, and replaying a job's instructions under each version. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "mif.h"

static void
test_times(void **state)
{
	(void)state;
	int64_t t;
	char buf[32];
	assert_true(mif_time_parse("1970-01-01", &t));
	assert_int_equal(t, 0);
	assert_true(mif_time_parse("2026-11-21T09:14:07Z", &t));
	assert_int_equal(t, 1795252447);
	assert_string_equal(mif_time_dmi(t, buf), "20261121091407.000000+000");
	assert_string_equal(mif_time_iso(t, buf), "2026-11-21 09:14:07");
	int64_t u;
	assert_true(mif_time_parse("20261121091407.000000+000", &u));
	assert_int_equal(u, t);
	/* offsets: local time minus the offset is UTC */
	assert_true(mif_time_parse("20261121101407.000000+060", &u));
	assert_int_equal(u, t);
	assert_true(mif_time_parse("2026-11-21 10:14:07+01:00", &u));
	assert_int_equal(u, t);
	assert_true(mif_time_parse("2026-11-21T09:14", &u));
	assert_int_equal(u, t - 7);
	assert_true(mif_time_parse("2024-02-29", &u));
	assert_false(mif_time_parse("2026-02-29", &u));
	assert_false(mif_time_parse("2026-13-01", &u));
	assert_false(mif_time_parse("2026-11-21T25:00", &u));
	assert_false(mif_time_parse("20261121091407.000000*000", &u));
	assert_false(mif_time_parse("yesterday", &u));
	assert_false(mif_time_parse("2026-11-21T09:14:07 ", &u));
	assert_true(mif_time_parse("1969-12-31T23:59:59Z", &u));
	assert_int_equal(u, -1);
	assert_string_equal(mif_time_iso(u, buf), "1969-12-31 23:59:59");
}

static const char *const targets[] = {
	"PAR00001", "PAR00002", "PAR00003", "PAR00004", "PAR00005",
};

/* The seed: day 1 results, then every client polls after expiry. */
static mif_sms_replay *
seed(const char *version)
{
	mif_sms_replay *r = mif_sms_replay_new(mif_sms_version_find(version),
	    targets, 5);
	assert_non_null(r);
	int64_t day1 = 1795252447;
	for (int i = 0; i < 3; i++) {
		mif_sms_event e = { day1 + i, targets[i], MIF_SMS_SUCCESS, "ok", false };
		mif_sms_effect fx = mif_sms_replay_step(r, &e);
		assert_int_equal(fx.row, (size_t)i);
		assert_int_equal(fx.after, MIF_SMS_COMPLETE);
	}
	mif_sms_event f = { day1 + 10, "PAR00004", MIF_SMS_FAILURE, "disk full", false };
	mif_sms_replay_step(r, &f);
	for (int i = 0; i < 5; i++) {
		mif_sms_event x = { day1 + 2 * 86400 + 60 + i, targets[i], MIF_SMS_EXPIRED, NULL, false };
		mif_sms_replay_step(r, &x);
	}
	return r;
}

static void
test_seed_replay(void **state)
{
	(void)state;
	static const struct { const char *v; mif_sms_status s[5]; bool lost; } t[] = {
		{ "1.0", { MIF_SMS_RETRYING, MIF_SMS_RETRYING, MIF_SMS_RETRYING,
		    MIF_SMS_RETRYING, MIF_SMS_RETRYING }, true },
		{ "1.1", { MIF_SMS_CANCELED, MIF_SMS_CANCELED, MIF_SMS_CANCELED,
		    MIF_SMS_CANCELED, MIF_SMS_CANCELED }, true },
		{ "1.2", { MIF_SMS_COMPLETE, MIF_SMS_COMPLETE, MIF_SMS_COMPLETE,
		    MIF_SMS_RETRYING, MIF_SMS_NONE }, false },
	};
	for (size_t i = 0; i < 3; i++) {
		mif_sms_replay *r = seed(t[i].v);
		size_t n;
		const mif_sms_row *rows = mif_sms_replay_rows(r, &n);
		assert_int_equal(n, 5);
		for (int w = 0; w < 5; w++) {
			assert_int_equal(rows[w].status, t[i].s[w]);
			assert_int_equal(rows[w].by_expiry, t[i].lost);
		}
		/* the truth survives in the replay whatever the version shows */
		assert_int_equal(rows[0].result, MIF_SMS_SUCCESS);
		assert_int_equal(rows[3].result, MIF_SMS_FAILURE);
		assert_int_equal(rows[4].result, -1);
		mif_sms_replay_free(r);
	}
}

static void
test_unknown_target_and_set(void **state)
{
	(void)state;
	mif_sms_replay *r = mif_sms_replay_new(mif_sms_version_find("1.0"), targets, 2);
	mif_sms_event e = { 0, "PAR09999", MIF_SMS_SUCCESS, "", false };
	mif_sms_effect fx = mif_sms_replay_step(r, &e);
	assert_true(fx.row == SIZE_MAX);
	mif_sms_row row = { .sms_id = "PAR00002", .status = MIF_SMS_FAILED, .result = -1 };
	assert_true(mif_sms_replay_set(r, &row));
	row.sms_id = "nobody";
	assert_false(mif_sms_replay_set(r, &row));
	assert_int_equal(mif_sms_replay_row(r, "PAR00002")->status, MIF_SMS_FAILED);
	assert_null(mif_sms_replay_row(r, "PAR00003"));
	mif_sms_replay_free(r);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_times),
		cmocka_unit_test(test_seed_replay),
		cmocka_unit_test(test_unknown_target_and_set),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
