/*
 * The job group (class MIFTOOLS|JOB|1.0) that job status tables and job
 * histories start with: Job ID, Package ID, Offer and Expires.
 */
#include "sms/sms_fields.h"

bool
sms_job_read(const mif_doc *doc, mif_sms_job *job, mif_error *err)
{
	sms_view v;
	bool known;

	if (!sms_view_open(&v, doc, MIF_SMS_JOB_CLASS, "job group",
	    sms_job_attrs, JOB_NATTRS, err))
		return false;
	bool ok = false;
	if (sms_view_count(&v) != 1) {
		sms_error(err, doc, v.group->pos, MIF_NOPOS, MIF_E_PROFILE,
		    "the job group has %zu rows; a job is one group",
		    sms_view_count(&v));
		goto done;
	}
	ok = sms_view_id(&v, 0, JOB_ID, &job->job_id, err) &&
	    sms_view_id(&v, 0, JOB_PACKAGE, &job->package_id, err) &&
	    sms_view_time(&v, 0, JOB_OFFER, false, &known, &job->offer, err) &&
	    sms_view_time(&v, 0, JOB_EXPIRES, true, &job->expires_known,
	        &job->expires, err);
	if (ok && job->expires_known && job->expires < job->offer) {
		sms_error(err, doc, sms_view_pos(&v, 0, JOB_EXPIRES), MIF_NOPOS,
		    MIF_E_PROFILE, "the job expires before it is offered");
		ok = false;
	}
done:
	sms_view_close(&v);
	return ok;
}

bool
sms_job_write(mif_doc *doc, const mif_block *comp, const mif_sms_job *job)
{
	mif_block *g = sms_add_group(doc, comp, "Job", 1, MIF_SMS_JOB_CLASS,
	    false);
	mif_block *a[JOB_NATTRS + 1];

	if (g == NULL || !sms_add_attrs(doc, g, sms_job_attrs, JOB_NATTRS, a))
		return false;
	mif_stmt v[JOB_NATTRS + 1] = {
		[JOB_ID] = sms_string_cell(doc, job->job_id),
		[JOB_PACKAGE] = sms_string_cell(doc, job->package_id),
		[JOB_OFFER] = sms_time_cell(doc, true, job->offer),
		[JOB_EXPIRES] = sms_time_cell(doc, job->expires_known,
		    job->expires),
	};
	for (unsigned id = 1; id <= JOB_NATTRS; id++)
		if (!sms_set_value(doc, a[id], &v[id]))
			return false;
	return true;
}
