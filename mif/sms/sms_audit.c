/*
 * Auditing a job history: what each SMS version's detailed job status
 * shows after it, against what the clients reported (Knowledge Base
 * Q152229: under 1.0 and 1.1 an expiry overwrites the reported status).
 */
#include <stdlib.h>
#include <string.h>

#include "sms/internal.h"

mif_sms_status
mif_sms_truth(const mif_sms_row *row)
{
	if (row->result == (int)MIF_SMS_SUCCESS)
		return MIF_SMS_COMPLETE;
	if (row->result == (int)MIF_SMS_FAILURE)
		return MIF_SMS_FAILED;
	return MIF_SMS_NONE;
}

bool
mif_sms_status_tells(mif_sms_status shown, mif_sms_status truth)
{
	switch (truth) {
	case MIF_SMS_COMPLETE:
		return shown == MIF_SMS_COMPLETE;
	case MIF_SMS_FAILED:
		/* SMS shows a failed run as one to retry (Q169491) */
		return shown == MIF_SMS_RETRYING || shown == MIF_SMS_FAILED;
	case MIF_SMS_NONE:
		return shown == MIF_SMS_NONE || shown == MIF_SMS_PENDING;
	default:
		return false;
	}
}

bool
mif_sms_row_lost(const mif_sms_row *row)
{
	/* a Retrying that an expiry wrote tells nothing, even for a
	 * workstation that did fail: every row that polled shows it */
	return row->by_expiry || !mif_sms_status_tells(row->status,
	    mif_sms_truth(row));
}

bool
mif_sms_audit(const mif_sms_history *history,
    const mif_sms_version *const *versions, size_t nversions,
    mif_sms_audit_row *rows)
{
	if (nversions == 0 || nversions > MIF_SMS_AUDIT_MAX)
		return false;
	for (size_t v = 0; v < nversions; v++) {
		mif_sms_replay *r = mif_sms_replay_new(versions[v],
		    history->targets, history->ntargets);
		if (r == NULL)
			return false;
		for (size_t e = 0; e < history->nevents; e++)
			mif_sms_replay_step(r, &history->events[e]);
		/* row i is target i, unless a target is named twice (it then
		 * has one row): find those by SMS ID */
		size_t n;
		const mif_sms_row *all = mif_sms_replay_rows(r, &n);
		for (size_t i = 0; i < history->ntargets; i++) {
			const mif_sms_row *got = n == history->ntargets ? &all[i]
			    : mif_sms_replay_row(r, history->targets[i]);
			rows[i].sms_id = history->targets[i];
			rows[i].truth = mif_sms_truth(got);
			rows[i].shown[v] = got->status;
			rows[i].lost[v] = mif_sms_row_lost(got);
			rows[i].before_offer = got->ignored;
			rows[i].expired_again = got->expiries > 0 ? got->expiries - 1
			    : 0;
		}
		mif_sms_replay_free(r);
	}
	return true;
}

bool
mif_audit_history(const mif_audit_report *r,
    const mif_sms_version *const *versions, const mif_audit_inventory *inv,
    const mif_sms_history *h, const char *file, FILE *out, FILE *db,
    mif_audit_counts *counts, mif_audit_identity *id)
{
	size_t n = h->ntargets > 0 ? h->ntargets : 1;
	mif_sms_audit_row *rows = malloc(n * sizeof *rows);
	mif_audit_inv *answers = inv != NULL ? malloc(n * sizeof *answers)
	    : NULL;
	bool ok = rows != NULL && (inv == NULL || answers != NULL) &&
	    mif_sms_audit(h, versions, r->nversions, rows);

	if (ok) {
		for (size_t i = 0; inv != NULL && i < h->ntargets; i++)
			answers[i] = mif_audit_inventory_lookup(inv, h->targets[i],
			    h->job.package_id);
		mif_audit_job job = { h->job.job_id, file, rows, answers,
		    h->ntargets };
		*id = mif_audit_job_identity(r, &job);
		mif_audit_write_job(r, &job, out);
		if (db != NULL)
			mif_audit_db_write_job(r, &job, db);
		memset(counts, 0, sizeof *counts);
		mif_audit_count_job(r, &job, counts);
	}
	free(rows);
	free(answers);
	return ok;
}
