/*
 * The job status table: the job group, then the template of class
 * MIFTOOLS|JOBDETAIL|1.0 keyed on SMS ID and its START TABLE, one row per
 * workstation (mif-jobs(5)).  Instructions and detailed job status MIFs
 * change it through the version's rules (sms_rules.c, sms_replay.c).
 */
#include <stdlib.h>
#include <string.h>

#include "sms/sms_fields.h"

static bool
table_alloc(mif_sms_table *t, size_t n)
{
	t->rows = calloc(n > 0 ? n : 1, sizeof *t->rows);
	t->set_by = calloc(n > 0 ? n : 1, sizeof *t->set_by);
	t->nrows = 0;
	if (t->rows != NULL && t->set_by != NULL)
		return true;
	mif_sms_table_release(t);
	return false;
}

void
mif_sms_table_release(mif_sms_table *t)
{
	free(t->rows);
	free(t->set_by);
	t->rows = NULL;
	t->set_by = NULL;
	t->nrows = 0;
}

bool
mif_sms_table_init(mif_sms_table *t, const mif_sms_job *job,
    const char *const *targets, size_t ntargets)
{
	t->job = *job;
	/* the replay keeps one row per target, and tells them apart fast */
	mif_sms_replay *r = mif_sms_replay_new(mif_sms_versions(&(size_t){ 0 }),
	    targets, ntargets);
	if (r == NULL || !table_alloc(t, ntargets)) {
		mif_sms_replay_free(r);
		return false;
	}
	const mif_sms_row *rows = mif_sms_replay_rows(r, &t->nrows);
	memcpy(t->rows, rows, t->nrows * sizeof *rows);
	mif_sms_replay_free(r);
	return true;
}

/* ---- reading ------------------------------------------------------------ */

static bool
read_row(const sms_view *v, size_t r, const mif_sms_job *job,
    mif_sms_row *row, const mif_sms_version **set_by, mif_error *err)
{
	const char *job_id;
	bool given, known;

	*row = (mif_sms_row){ .result = -1 };
	if (!sms_view_id(v, r, DETAIL_SMS_ID, &row->sms_id, err) ||
	    !sms_view_status(v, r, DETAIL_STATUS, &row->status, err) ||
	    !sms_view_time(v, r, DETAIL_REPORTED, true, &known, &row->time,
	        err) ||
	    !sms_view_instruction(v, r, DETAIL_INSTRUCTION, true, &given,
	        &row->instruction, err) ||
	    !sms_view_string(v, r, DETAIL_DESCRIPTION, &row->description, err) ||
	    !sms_view_version(v, r, DETAIL_VERSION, true, set_by, err) ||
	    !sms_view_id(v, r, DETAIL_JOB_ID, &job_id, err))
		return false;
	if (strcmp(job_id, job->job_id) != 0) {
		sms_error(err, v->doc, sms_view_pos(v, r, DETAIL_JOB_ID),
		    MIF_NOPOS, MIF_E_PROFILE, "the row of %s is for job %s; "
		    "the table is job %s's", row->sms_id, job_id, job->job_id);
		return false;
	}
	if (given != known) {
		sms_error(err, v->doc, sms_view_pos(v, r, known
		    ? DETAIL_INSTRUCTION : DETAIL_REPORTED), MIF_NOPOS,
		    MIF_E_PROFILE, "the row of %s has %s but no %s: a row "
		    "that an instruction set has both, a row never reported "
		    "neither", row->sms_id,
		    known ? "a Reported time" : "an Instruction",
		    known ? "Instruction" : "Reported time");
		return false;
	}
	row->reported = given;
	if (given) {
		row->by_expiry = row->instruction == MIF_SMS_EXPIRED;
		if (!row->by_expiry)
			row->result = (int)row->instruction;
	}
	return true;
}

bool
mif_sms_table_read(const mif_doc *doc, mif_sms_table *t, mif_error *err)
{
	sms_view v;
	bool nomem;
	size_t first;

	memset(t, 0, sizeof *t);
	if (!sms_job_read(doc, &t->job, err) ||
	    !sms_view_open(&v, doc, MIF_SMS_DETAIL_CLASS, "job status table",
	        sms_detail_attrs, DETAIL_NATTRS, err))
		return false;
	size_t n = sms_view_count(&v);
	if (!table_alloc(t, n))
		goto nomem;
	for (size_t r = 0; r < n; r++)
		if (!read_row(&v, r, &t->job, &t->rows[r], &t->set_by[r], err))
			goto fail;
	t->nrows = n;
	const char **ids = malloc((n > 0 ? n : 1) * sizeof *ids);
	if (ids == NULL)
		goto nomem;
	for (size_t r = 0; r < n; r++)
		ids[r] = t->rows[r].sms_id;
	size_t dup = sms_first_duplicate(ids, n, &first, &nomem);
	free(ids);
	if (nomem)
		goto nomem;
	if (dup != SIZE_MAX) {
		uint32_t was = sms_view_pos(&v, first, DETAIL_SMS_ID);
		sms_error(err, doc, sms_view_pos(&v, dup, DETAIL_SMS_ID), was,
		    MIF_E_DUP_ROW, "a second row for SMS ID %s (the first is "
		    "at line %u)", t->rows[dup].sms_id,
		    mif_doc_mark(doc, was).line);
		goto fail;
	}
	sms_view_close(&v);
	return true;
nomem:
	sms_error(err, doc, MIF_NOPOS, MIF_NOPOS, MIF_E_NOMEM,
	    "out of memory for the rows of the job status table");
fail:
	sms_view_close(&v);
	mif_sms_table_release(t);
	return false;
}

/* ---- writing ------------------------------------------------------------ */

static bool
write_row(mif_doc *doc, const mif_block *table, const mif_block *description,
    const mif_sms_row *row, const mif_sms_version *set_by)
{
	/* the Job ID is left to the template's VALUE */
	mif_stmt *cells = mif_add_row(doc, table, DETAIL_NATTRS - 1);

	if (cells == NULL)
		return false;
	cells[DETAIL_SMS_ID - 1] = sms_string_cell(doc, row->sms_id);
	cells[DETAIL_STATUS - 1] = sms_string_cell(doc,
	    mif_sms_status_name(row->status));
	cells[DETAIL_REPORTED - 1] = sms_time_cell(doc, row->reported,
	    row->time);
	cells[DETAIL_INSTRUCTION - 1] = sms_string_cell(doc, row->reported
	    ? mif_sms_instruction_name(row->instruction) : "");
	cells[DETAIL_DESCRIPTION - 1] = sms_string_cell(doc, row->description);
	cells[DETAIL_VERSION - 1] = sms_string_cell(doc,
	    set_by != NULL ? set_by->name : "");
	for (size_t i = 0; i < DETAIL_NATTRS - 1; i++)
		if (!sms_cell_ok(&cells[i]))
			return false;
	return sms_fit_string(doc, description, &cells[DETAIL_DESCRIPTION - 1]);
}

mif_doc *
mif_sms_table_write(const mif_sms_table *t)
{
	mif_doc *doc;
	mif_block *comp = sms_new_doc("Job Status", &doc);
	mif_block *a[DETAIL_NATTRS + 1];

	if (comp == NULL || !sms_job_write(doc, comp, &t->job))
		goto nomem;
	mif_block *g = sms_add_group(doc, comp, "Job Detail", 0,
	    MIF_SMS_DETAIL_CLASS, true);
	if (g == NULL || !sms_add_attrs(doc, g, sms_detail_attrs,
	    DETAIL_NATTRS, a))
		goto nomem;
	mif_stmt job_id = sms_string_cell(doc, t->job.job_id);
	if (!sms_set_value(doc, a[DETAIL_JOB_ID], &job_id))
		goto nomem;
	mif_block *table = sms_add_table(doc, comp, "Detailed Status", 2,
	    MIF_SMS_DETAIL_CLASS);
	if (table == NULL)
		goto nomem;
	for (size_t i = 0; i < t->nrows; i++)
		if (!write_row(doc, table, a[DETAIL_DESCRIPTION], &t->rows[i],
		    t->set_by[i]))
			goto nomem;
	return doc;
nomem:
	mif_doc_free(doc);
	return NULL;
}

/* ---- changing ----------------------------------------------------------- */

bool
mif_sms_table_run(mif_sms_table *t, const mif_sms_version *version,
    const mif_sms_event *events, size_t nevents, mif_sms_effect *effects)
{
	const char **ids = malloc((t->nrows > 0 ? t->nrows : 1) * sizeof *ids);
	mif_sms_replay *r = NULL;
	size_t n = 0;

	if (ids == NULL)
		return false;
	for (size_t i = 0; i < t->nrows; i++)
		ids[i] = t->rows[i].sms_id;
	r = mif_sms_replay_new(version, ids, t->nrows);
	if (r != NULL)
		mif_sms_replay_rows(r, &n);
	/* two rows with one SMS ID would make the replay's rows another
	 * list than the table's */
	if (r == NULL || n != t->nrows) {
		mif_sms_replay_free(r);
		free(ids);
		return false;
	}
	for (size_t i = 0; i < t->nrows; i++)
		mif_sms_replay_set(r, &t->rows[i]);
	for (size_t i = 0; i < nevents; i++) {
		mif_sms_effect fx = mif_sms_replay_step(r, &events[i]);
		if (fx.loaded && fx.row != SIZE_MAX)
			t->set_by[fx.row] = version;
		if (effects != NULL)
			effects[i] = fx;
	}
	memcpy(t->rows, mif_sms_replay_rows(r, &n), n * sizeof *t->rows);
	mif_sms_replay_free(r);
	free(ids);
	return true;
}

size_t
mif_sms_table_load(mif_sms_table *t, const mif_sms_detail *d, bool *loaded)
{
	size_t i = 0;
	bool created, load;

	while (i < t->nrows && strcmp(t->rows[i].sms_id, d->sms_id) != 0)
		i++;
	if (loaded != NULL)
		*loaded = false;
	if (i == t->nrows)
		return SIZE_MAX;
	mif_sms_row *row = &t->rows[i];
	/* the version's rules say whether its site loads the MIF */
	mif_sms_apply(d->version, row->status, d->instruction, d->description,
	    &created, &load);
	if (d->instruction != MIF_SMS_EXPIRED)
		row->result = (int)d->instruction;
	if (load) {
		row->status = d->status;
		row->reported = true;
		row->time = d->time;
		row->instruction = d->instruction;
		row->description = d->description;
		row->by_expiry = d->instruction == MIF_SMS_EXPIRED;
		t->set_by[i] = d->version;
	}
	if (loaded != NULL)
		*loaded = load;
	return i;
}

bool
mif_sms_table_apply(mif_sms_table *t, const mif_doc *doc,
    mif_sms_detail *d, bool *loaded, mif_error *err)
{
	sms_view v;

	if (!mif_sms_detail_read(doc, d, err))
		return false;
	bool other_job = strcmp(d->job_id, t->job.job_id) != 0;
	if (!other_job && mif_sms_table_load(t, d, loaded) != SIZE_MAX)
		return true;
	/* the reader has seen the group: only memory can fail here */
	if (!sms_view_open(&v, doc, MIF_SMS_DETAIL_CLASS, "job detail group",
	    sms_detail_attrs, DETAIL_NATTRS, err))
		return false;
	if (other_job)
		sms_error(err, doc, sms_view_pos(&v, 0, DETAIL_JOB_ID), MIF_NOPOS,
		    MIF_E_PROFILE, "the detailed job status MIF is for job %s; "
		    "the table is job %s's", d->job_id, t->job.job_id);
	else
		sms_error(err, doc, sms_view_pos(&v, 0, DETAIL_SMS_ID), MIF_NOPOS,
		    MIF_E_PROFILE, "job %s has no row for %s", t->job.job_id,
		    d->sms_id);
	sms_view_close(&v);
	return false;
}
