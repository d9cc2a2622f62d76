/*
 * A job status table as it stands after the job expires: which rows get
 * an expiry instruction (Knowledge Base Q152229), and handling them.
 */
#include <stdlib.h>
#include <string.h>

#include "sms/sms_fields.h"

bool
mif_sms_expiry_time(const mif_sms_job *job, const int64_t *at, int64_t *when,
    mif_error *err)
{
	char a[32], b[32];

	if (at == NULL && !job->expires_known) {
		sms_error(err, NULL, MIF_NOPOS, MIF_NOPOS, MIF_E_MISSING,
		    "job %s has no expiration time", job->job_id);
		return false;
	}
	if (at != NULL && job->expires_known && *at < job->expires) {
		sms_error(err, NULL, MIF_NOPOS, MIF_NOPOS, MIF_E_RANGE,
		    "%s is before job %s expires (%s)", mif_time_iso(*at, a),
		    job->job_id, mif_time_iso(job->expires, b));
		return false;
	}
	*when = at != NULL ? *at : job->expires;
	return true;
}

static int
by_sms_id(const void *a, const void *b)
{
	const mif_sms_row *ra = *(const mif_sms_row *const *)a;
	const mif_sms_row *rb = *(const mif_sms_row *const *)b;
	return strcmp(ra->sms_id, rb->sms_id);
}

/* The row of SMS ID id in rows sorted by SMS ID, or NULL. */
static const mif_sms_row *
find_row(const mif_sms_row *const *sorted, size_t n, const char *id)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(sorted[mid]->sms_id, id);
		if (c == 0)
			return sorted[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* The rows are looked up in a sorted copy, so that many IDs cost
 * n log n, not n². */
bool
mif_sms_table_mark(const mif_sms_table *t, const char *const *ids,
    size_t nids, bool *marked, size_t *missing, mif_error *err)
{
	const mif_sms_row **sorted = malloc((t->nrows + 1) * sizeof *sorted);

	if (sorted == NULL) {
		sms_error(err, NULL, MIF_NOPOS, MIF_NOPOS, MIF_E_NOMEM,
		    "out of memory");
		return false;
	}
	for (size_t i = 0; i < t->nrows; i++)
		sorted[i] = &t->rows[i];
	qsort(sorted, t->nrows, sizeof *sorted, by_sms_id);
	bool ok = true;
	for (size_t k = 0; ok && k < nids; k++) {
		const mif_sms_row *row = find_row(sorted, t->nrows, ids[k]);
		if (row == NULL) {
			sms_error(err, NULL, MIF_NOPOS, MIF_NOPOS, MIF_E_MISSING,
			    "job %s has no row for \"%s\"", t->job.job_id, ids[k]);
			if (missing != NULL)
				*missing = k;
			ok = false;
		} else {
			marked[row - t->rows] = true;
		}
	}
	free(sorted);
	return ok;
}

/*
 * Instructions are handled in time order, and a client sends one expiry
 * instruction, at its first poll after the expiry: a row whose last
 * instruction is later than `at` was set after the expiry at `at`, and
 * a row an expiry set has had its expiry.  Either keeps its status.
 */
mif_sms_fate
mif_sms_fate_of(const mif_sms_row *row, bool polled, int64_t at)
{
	if (!polled)
		return MIF_SMS_NOT_POLLED;
	if (row->reported && row->instruction == MIF_SMS_EXPIRED)
		return MIF_SMS_ALREADY_EXPIRED;
	if (row->reported && row->time > at)
		return MIF_SMS_REPORTED_LATER;
	return MIF_SMS_EXPIRES;
}

bool
mif_sms_table_expire(mif_sms_table *t, const mif_sms_version *version,
    int64_t at, const bool *polled, mif_sms_fate *fates,
    mif_sms_effect *effects)
{
	size_t n = t->nrows > 0 ? t->nrows : 1;
	mif_sms_event *events = calloc(n, sizeof *events);
	mif_sms_effect *fx = calloc(n, sizeof *fx);
	size_t *event_of = calloc(n, sizeof *event_of);
	size_t nevents = 0;
	bool ok = false;

	if (events == NULL || fx == NULL || event_of == NULL)
		goto done;
	/* one expiry instruction per row that gets one, in row order */
	for (size_t i = 0; i < t->nrows; i++) {
		fates[i] = mif_sms_fate_of(&t->rows[i],
		    polled == NULL || polled[i], at);
		event_of[i] = SIZE_MAX;
		if (fates[i] != MIF_SMS_EXPIRES)
			continue;
		event_of[i] = nevents;
		events[nevents++] = (mif_sms_event){ at, t->rows[i].sms_id,
		    MIF_SMS_EXPIRED, NULL, false };
	}
	/* the statuses before, for the rows that keep theirs */
	for (size_t i = 0; effects != NULL && i < t->nrows; i++)
		effects[i] = (mif_sms_effect){ i, t->rows[i].status,
		    t->rows[i].status, false, false };
	if (!mif_sms_table_run(t, version, events, nevents, fx))
		goto done;
	for (size_t i = 0; effects != NULL && i < t->nrows; i++)
		if (event_of[i] != SIZE_MAX)
			effects[i] = fx[event_of[i]];
	ok = true;
done:
	free(events);
	free(fx);
	free(event_of);
	return ok;
}
