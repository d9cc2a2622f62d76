/* Auditing job histories: which displayed statuses still tell the truth. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "mif.h"

#define N MIF_SMS_NONE
#define C MIF_SMS_COMPLETE
#define F MIF_SMS_FAILED
#define R MIF_SMS_RETRYING
#define X MIF_SMS_CANCELED

static void
test_status_tells(void **state)
{
	(void)state;
	/* tells[truth][shown], truths None, Complete, Failed */
	static const struct { mif_sms_status truth; bool tells[6]; } t[] = {
		{ MIF_SMS_NONE, { true, true, false, false, false, false } },
		{ MIF_SMS_COMPLETE, { false, false, true, false, false, false } },
		{ MIF_SMS_FAILED, { false, false, false, true, true, false } },
	};
	for (size_t i = 0; i < 3; i++)
		for (int s = 0; s < MIF_SMS_STATUS_COUNT; s++)
			assert_int_equal(mif_sms_status_tells((mif_sms_status)s,
			    t[i].truth), t[i].tells[s]);
	/* no status is a truth but these three */
	for (int s = 0; s < MIF_SMS_STATUS_COUNT; s++) {
		assert_false(mif_sms_status_tells((mif_sms_status)s,
		    MIF_SMS_RETRYING));
		assert_false(mif_sms_status_tells((mif_sms_status)s,
		    MIF_SMS_CANCELED));
	}
}

static void
test_truth_and_lost(void **state)
{
	(void)state;
	mif_sms_row row = { .sms_id = "PAR00001", .status = C, .result = -1 };
	assert_int_equal(mif_sms_truth(&row), MIF_SMS_NONE);
	row.result = MIF_SMS_SUCCESS;
	assert_int_equal(mif_sms_truth(&row), MIF_SMS_COMPLETE);
	row.result = MIF_SMS_FAILURE;
	assert_int_equal(mif_sms_truth(&row), MIF_SMS_FAILED);

	/* a failure shown as Retrying by its own status MIF tells */
	row.status = R;
	assert_false(mif_sms_row_lost(&row));
	/* the same Retrying written by an expiry does not */
	row.by_expiry = true;
	assert_true(mif_sms_row_lost(&row));
	/* a success that still shows None (SMS 1.1, Q140810) */
	row = (mif_sms_row){ .sms_id = "PAR00002", .status = N,
	    .result = MIF_SMS_SUCCESS };
	assert_true(mif_sms_row_lost(&row));
	/* never ran, never touched */
	row.result = -1;
	assert_false(mif_sms_row_lost(&row));
}

static const char *targets[] = {
	"PAR00001", "PAR00002", "PAR00003", "PAR00004", "PAR00005",
};

/* KB Q152229's job: 1-3 succeed, 4 fails, 5 never runs, all poll. */
static mif_sms_event seed_events[] = {
	{ 834142500, "PAR00001", MIF_SMS_SUCCESS, "ok", false },
	{ 834144120, "PAR00002", MIF_SMS_SUCCESS, "ok", false },
	{ 834145380, "PAR00003", MIF_SMS_SUCCESS, "ok", false },
	{ 834157200, "PAR00004", MIF_SMS_FAILURE, "disk full", false },
	{ 834311400, "PAR00001", MIF_SMS_EXPIRED, "", false },
	{ 834312240, "PAR00002", MIF_SMS_EXPIRED, "", false },
	{ 834312660, "PAR00003", MIF_SMS_EXPIRED, "", false },
	{ 834336300, "PAR00004", MIF_SMS_EXPIRED, "", false },
	{ 834341400, "PAR00005", MIF_SMS_EXPIRED, "", false },
};

static mif_sms_history
history(const char **t, size_t nt, mif_sms_event *e, size_t ne)
{
	mif_sms_history h = { .job = { "PAR00012", "PAR00007", 834138000, true,
	    834310800 }, .targets = t, .ntargets = nt, .events = e,
	    .nevents = ne };
	return h;
}

static void
all_versions(const mif_sms_version **v)
{
	v[0] = mif_sms_version_find("1.0");
	v[1] = mif_sms_version_find("1.1");
	v[2] = mif_sms_version_find("1.2");
	assert_non_null(v[0]);
	assert_non_null(v[1]);
	assert_non_null(v[2]);
}

static void
test_seed(void **state)
{
	(void)state;
	const mif_sms_version *v[3];
	mif_sms_audit_row rows[5];
	mif_sms_history h = history(targets, 5, seed_events, 9);
	static const mif_sms_status truth[5] = { C, C, C, F, N };
	static const mif_sms_status shown12[5] = { C, C, C, R, N };

	all_versions(v);
	assert_true(mif_sms_audit(&h, v, 3, rows));
	for (int i = 0; i < 5; i++) {
		assert_string_equal(rows[i].sms_id, targets[i]);
		assert_int_equal(rows[i].truth, truth[i]);
		/* 1.0 and 1.1: all five lost, whatever they reported */
		assert_int_equal(rows[i].shown[0], R);
		assert_true(rows[i].lost[0]);
		assert_int_equal(rows[i].shown[1], X);
		assert_true(rows[i].lost[1]);
		/* 1.2: the last reported status stays; none lost */
		assert_int_equal(rows[i].shown[2], shown12[i]);
		assert_false(rows[i].lost[2]);
	}
	/* the versions in another order, and fewer */
	const mif_sms_version *w[2] = { v[2], v[0] };
	assert_true(mif_sms_audit(&h, w, 2, rows));
	assert_int_equal(rows[3].shown[0], R);
	assert_false(rows[3].lost[0]);
	assert_int_equal(rows[3].shown[1], R);
	assert_true(rows[3].lost[1]);
}

static void
test_quirk_and_silence(void **state)
{
	(void)state;
	const mif_sms_version *v[3];
	mif_sms_audit_row rows[3];
	/* 1 succeeds with \" in its description and never polls again;
	 * 2 fails, then succeeds on a retry, and never polls; 3 fails and
	 * polls */
	mif_sms_event e[] = {
		{ 834142500, "PAR00001", MIF_SMS_SUCCESS, "Setup said \"done\"", false },
		{ 834142600, "PAR00002", MIF_SMS_FAILURE, "disk full", false },
		{ 834142700, "PAR00003", MIF_SMS_FAILURE, "disk full", false },
		{ 834143000, "PAR00002", MIF_SMS_SUCCESS, "ok", false },
		{ 834311400, "PAR00003", MIF_SMS_EXPIRED, "", false },
	};
	mif_sms_history h = history(targets, 3, e, 5);

	all_versions(v);
	assert_true(mif_sms_audit(&h, v, 3, rows));
	assert_int_equal(rows[0].truth, C);
	assert_int_equal(rows[0].shown[0], C);
	assert_false(rows[0].lost[0]);
	assert_int_equal(rows[0].shown[1], N);  /* Q140810: never loaded */
	assert_true(rows[0].lost[1]);
	assert_int_equal(rows[0].shown[2], C);
	assert_false(rows[0].lost[2]);

	assert_int_equal(rows[1].truth, C);
	for (int k = 0; k < 3; k++) {
		assert_int_equal(rows[1].shown[k], C);
		assert_false(rows[1].lost[k]);
	}

	assert_int_equal(rows[2].truth, F);
	assert_int_equal(rows[2].shown[0], R);
	assert_true(rows[2].lost[0]);
	assert_int_equal(rows[2].shown[2], R);
	assert_false(rows[2].lost[2]);
}

static void
test_edges(void **state)
{
	(void)state;
	const mif_sms_version *v[MIF_SMS_AUDIT_MAX + 1];
	mif_sms_audit_row rows[3];
	const char *twice[] = { "PAR00001", "PAR00002", "PAR00001" };
	mif_sms_event e[] = {
		{ 834142500, "PAR00001", MIF_SMS_SUCCESS, "ok", false },
	};
	mif_sms_history h = history(twice, 3, e, 1);

	for (size_t i = 0; i <= MIF_SMS_AUDIT_MAX; i++)
		v[i] = mif_sms_version_find("1.0");
	assert_false(mif_sms_audit(&h, v, 0, rows));
	assert_false(mif_sms_audit(&h, v, MIF_SMS_AUDIT_MAX + 1, rows));
	/* a target named twice has one row: both entries show it */
	assert_true(mif_sms_audit(&h, v, 1, rows));
	assert_string_equal(rows[2].sms_id, "PAR00001");
	assert_int_equal(rows[2].truth, C);
	assert_int_equal(rows[2].shown[0], C);
	assert_int_equal(rows[1].truth, N);
	assert_int_equal(rows[1].shown[0], N);
	assert_false(rows[1].lost[0]);
	/* no targets */
	mif_sms_history empty = history(twice, 0, e, 0);
	assert_true(mif_sms_audit(&empty, v, 1, rows));
}

/* What the Package Command Manager would not have sent: an ignored
 * result changes neither the row nor the truth; a second expiry is
 * replayed.  Both are counted. */
static void
test_counted_apart(void **state)
{
	(void)state;
	const mif_sms_version *v[3];
	mif_sms_audit_row rows[2];
	mif_sms_event e[] = {
		{ 834100000, "PAR00001", MIF_SMS_SUCCESS, "old", true },
		{ 834142600, "PAR00002", MIF_SMS_FAILURE, "disk full", false },
		{ 834311400, "PAR00002", MIF_SMS_EXPIRED, "", false },
		{ 834320000, "PAR00002", MIF_SMS_SUCCESS, "ok", false },
		{ 834330000, "PAR00002", MIF_SMS_EXPIRED, "", false },
	};
	mif_sms_history h = history(targets, 2, e, 5);

	all_versions(v);
	assert_true(mif_sms_audit(&h, v, 3, rows));
	assert_int_equal(rows[0].truth, N);
	assert_int_equal(rows[0].shown[2], N);
	assert_false(rows[0].lost[2]);
	assert_int_equal(rows[0].before_offer, 1);
	assert_int_equal(rows[0].expired_again, 0);
	assert_int_equal(rows[1].truth, C);
	assert_int_equal(rows[1].shown[0], R);
	assert_true(rows[1].lost[0]);
	assert_int_equal(rows[1].shown[2], C);
	assert_int_equal(rows[1].before_offer, 0);
	assert_int_equal(rows[1].expired_again, 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_status_tells),
		cmocka_unit_test(test_truth_and_lost),
		cmocka_unit_test(test_seed),
		cmocka_unit_test(test_quirk_and_silence),
		cmocka_unit_test(test_edges),
		cmocka_unit_test(test_counted_apart),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
