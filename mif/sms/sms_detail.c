/*
 * The detailed job status MIF: what the despooler creates to update one
 * workstation's row of a job's detailed status.  The Knowledge Base does
 * not publish its layout; this is the toolkit's reconstruction, one
 * group of class MIFTOOLS|JOBDETAIL|1.0 (mif-jobs(5)).
 */
#include "sms/sms_fields.h"

bool
mif_sms_detail_of(const mif_sms_version *version, const char *job_id,
    const mif_sms_event *event, mif_sms_detail *detail)
{
	unsigned ins = (unsigned)event->instruction;
	uint8_t gives = ins < MIF_SMS_INSTRUCTION_COUNT ? version->gives[ins]
	    : MIF_SMS_KEEP;

	if (gives == MIF_SMS_KEEP || event->ignored)
		return false;
	*detail = (mif_sms_detail){
		.job_id = job_id,
		.sms_id = event->sms_id,
		.status = (mif_sms_status)gives,
		.time = event->time,
		.instruction = event->instruction,
		.description = event->description != NULL ? event->description : "",
		.version = version,
	};
	return true;
}

mif_doc *
mif_sms_detail_write(const mif_sms_detail *d)
{
	mif_doc *doc;
	mif_block *comp = sms_new_doc("Detailed Job Status", &doc);
	mif_block *g, *a[DETAIL_NATTRS + 1];

	if (comp == NULL ||
	    (g = sms_add_group(doc, comp, "Job Detail", 1, MIF_SMS_DETAIL_CLASS,
	    true)) == NULL ||
	    !sms_add_attrs(doc, g, sms_detail_attrs, DETAIL_NATTRS, a))
		goto nomem;
	mif_stmt v[DETAIL_NATTRS + 1] = {
		[DETAIL_SMS_ID] = sms_string_cell(doc, d->sms_id),
		[DETAIL_STATUS] = sms_string_cell(doc,
		    mif_sms_status_name(d->status)),
		[DETAIL_REPORTED] = sms_time_cell(doc, true, d->time),
		[DETAIL_INSTRUCTION] = sms_string_cell(doc,
		    mif_sms_instruction_name(d->instruction)),
		[DETAIL_DESCRIPTION] = sms_string_cell(doc, d->description),
		[DETAIL_VERSION] = sms_string_cell(doc, d->version->name),
		[DETAIL_JOB_ID] = sms_string_cell(doc, d->job_id),
	};
	for (unsigned id = 1; id <= DETAIL_NATTRS; id++)
		if (!sms_set_value(doc, a[id], &v[id]))
			goto nomem;
	if (!sms_fit_string(doc, a[DETAIL_DESCRIPTION], &v[DETAIL_DESCRIPTION]))
		goto nomem;
	return doc;
nomem:
	mif_doc_free(doc);
	return NULL;
}

bool
mif_sms_detail_read(const mif_doc *doc, mif_sms_detail *d, mif_error *err)
{
	sms_view v;
	bool known, given;

	if (!sms_view_open(&v, doc, MIF_SMS_DETAIL_CLASS, "job detail group",
	    sms_detail_attrs, DETAIL_NATTRS, err))
		return false;
	bool ok = false;
	if (mif_is_template(v.group)) {
		sms_error(err, doc, v.group->pos, MIF_NOPOS, MIF_E_PROFILE,
		    "the job detail group is a template, as in a job status "
		    "table; a detailed job status MIF gives one row in place");
		goto done;
	}
	if (sms_view_count(&v) != 1) {
		sms_error(err, doc, v.group->pos, MIF_NOPOS, MIF_E_PROFILE,
		    "the job detail group has %zu rows; a detailed job status "
		    "MIF has one", sms_view_count(&v));
		goto done;
	}
	ok = sms_view_id(&v, 0, DETAIL_SMS_ID, &d->sms_id, err) &&
	    sms_view_status(&v, 0, DETAIL_STATUS, &d->status, err) &&
	    sms_view_time(&v, 0, DETAIL_REPORTED, false, &known, &d->time, err) &&
	    sms_view_instruction(&v, 0, DETAIL_INSTRUCTION, false, &given,
	        &d->instruction, err) &&
	    sms_view_string(&v, 0, DETAIL_DESCRIPTION, &d->description, err) &&
	    sms_view_version(&v, 0, DETAIL_VERSION, false, &d->version, err) &&
	    sms_view_id(&v, 0, DETAIL_JOB_ID, &d->job_id, err);
	if (ok && d->version->gives[d->instruction] == MIF_SMS_KEEP) {
		sms_error(err, doc, sms_view_pos(&v, 0, DETAIL_INSTRUCTION),
		    MIF_NOPOS, MIF_E_PROFILE, "SMS %s creates no detailed job "
		    "status MIF for an %s instruction", d->version->name,
		    mif_sms_instruction_name(d->instruction));
		ok = false;
	} else if (ok && d->status != d->version->gives[d->instruction]) {
		/* the version's rules, not the file, say what a MIF sets */
		sms_error(err, doc, sms_view_pos(&v, 0, DETAIL_STATUS), MIF_NOPOS,
		    MIF_E_PROFILE, "SMS %s sets %s for instruction %s, not %s",
		    d->version->name, mif_sms_status_name(
		    (mif_sms_status)d->version->gives[d->instruction]),
		    mif_sms_instruction_name(d->instruction),
		    mif_sms_status_name(d->status));
		ok = false;
	}
done:
	sms_view_close(&v);
	return ok;
}
