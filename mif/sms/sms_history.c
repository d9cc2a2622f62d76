/*
 * The job history: the job group, the target list (template
 * MIFTOOLS|JOBTARGET|1.0 and its table) and the despooler's
 * instructions (template MIFTOOLS|JOBINSTRUCTION|1.0 and its table) in
 * the order they were processed (mif-jobs(5)), read and written.
 * Replaying it under a version gives the job status table.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "sms/sms_fields.h"

void
mif_sms_history_release(mif_sms_history *h)
{
	free(h->targets);
	free(h->events);
	free(h->warnings);
	h->targets = NULL;
	h->events = NULL;
	h->warnings = NULL;
	h->ntargets = h->nevents = h->nwarnings = 0;
}

/* Keep a warning of rule at pos (and context) of doc; false when out
 * of memory. */
static bool
warn(mif_sms_history *h, mif_rule rule, const mif_doc *doc, uint32_t pos,
    uint32_t context, const char *text)
{
	/* grown by doubling: the count is a power of two when full */
	if ((h->nwarnings & (h->nwarnings - 1)) == 0) {
		size_t cap = h->nwarnings > 0 ? 2 * h->nwarnings : 1;
		mif_error *w = realloc(h->warnings, cap * sizeof *w);
		if (w == NULL)
			return false;
		h->warnings = w;
	}
	mif_error *w = &h->warnings[h->nwarnings++];
	sms_error(w, doc, pos, context, MIF_E_PROFILE, "%s", text);
	w->severity = MIF_WARNING;
	w->rule = rule;
	return true;
}

static bool
read_targets(const mif_doc *doc, mif_sms_history *h, mif_error *err)
{
	sms_view v;
	size_t first;
	bool nomem, ok = false;

	if (!sms_view_open(&v, doc, MIF_SMS_TARGET_CLASS, "target list",
	    sms_target_attrs, TARGET_NATTRS, err))
		return false;
	size_t n = sms_view_count(&v);
	h->targets = malloc((n > 0 ? n : 1) * sizeof *h->targets);
	if (h->targets == NULL)
		goto nomem;
	for (size_t r = 0; r < n; r++)
		if (!sms_view_id(&v, r, TARGET_SMS_ID, &h->targets[r], err))
			goto done;
	h->ntargets = n;
	size_t dup = sms_first_duplicate(h->targets, n, &first, &nomem);
	if (nomem)
		goto nomem;
	if (dup != SIZE_MAX) {
		uint32_t was = sms_view_pos(&v, first, TARGET_SMS_ID);
		sms_error(err, doc, sms_view_pos(&v, dup, TARGET_SMS_ID), was,
		    MIF_E_DUP_ROW, "target %s is listed twice (first at line "
		    "%u)", h->targets[dup], mif_doc_mark(doc, was).line);
		goto done;
	}
	ok = true;
	goto done;
nomem:
	sms_error(err, doc, MIF_NOPOS, MIF_NOPOS, MIF_E_NOMEM,
	    "out of memory for the targets of the job history");
done:
	sms_view_close(&v);
	return ok;
}

/* Where the instruction before the current one was, and each target's
 * first expiry. */
typedef struct previous {
	bool any;
	uint64_t sequence;
	uint32_t sequence_pos;
	int64_t time;
	uint32_t time_pos;
	const mif_sms_row *rows;   /* of the set of targets */
	uint32_t *expired_at;      /* per target: MIF_NOPOS, or the place */
} previous;

/*
 * What the Package Command Manager would not have sent, warned about:
 * a result older than the job, which it does not collect (Knowledge
 * Base Q166833), is marked ignored; an expiry after the first (it sends
 * one, at the first poll after the job expires) is replayed, so that
 * no overwrite is hidden.  False when out of memory.
 */
static bool
check_sent(const sms_view *v, size_t r, const mif_sms_job *job,
    const mif_sms_row *row, previous *prev, mif_sms_event *e,
    mif_sms_history *h)
{
	char text[256], a[32], b[32];
	uint32_t *first = &prev->expired_at[row - prev->rows];

	if (e->instruction != MIF_SMS_EXPIRED && e->time < job->offer) {
		e->ignored = true;
		snprintf(text, sizeof text, "a %s instruction at %s, before job "
		    "%s is offered at %s: the Package Command Manager does not "
		    "collect a status MIF older than the job (Q166833); it is "
		    "ignored", mif_sms_instruction_name(e->instruction),
		    mif_time_iso(e->time, a), job->job_id,
		    mif_time_iso(job->offer, b));
		return warn(h, MIF_RULE_HISTORY_BEFORE_OFFER, v->doc,
		    sms_view_pos(v, r, INS_TIME), MIF_NOPOS, text);
	}
	if (e->instruction != MIF_SMS_EXPIRED)
		return true;
	uint32_t pos = sms_view_pos(v, r, INS_INSTRUCTION);
	if (*first == MIF_NOPOS) {
		*first = pos;
		return true;
	}
	snprintf(text, sizeof text, "another Expired instruction for %s (the "
	    "first at line %u): the Package Command Manager sends one when the "
	    "job expires; it is replayed", e->sms_id,
	    mif_doc_mark(v->doc, *first).line);
	return warn(h, MIF_RULE_HISTORY_EXPIRED_TWICE, v->doc, pos, *first,
	    text);
}

static bool
read_event(const sms_view *v, size_t r, mif_sms_history *h,
    const mif_sms_replay *targets, previous *prev, mif_sms_event *e,
    mif_error *err)
{
	const mif_sms_job *job = &h->job;
	uint64_t seq;
	bool known, given;
	char a[32], b[32];
	const mif_doc *doc = v->doc;
	uint32_t seq_pos = sms_view_pos(v, r, INS_SEQUENCE);
	uint32_t time_pos = sms_view_pos(v, r, INS_TIME);

	if (!sms_view_number(v, r, INS_SEQUENCE, &seq, err) ||
	    !sms_view_time(v, r, INS_TIME, false, &known, &e->time, err) ||
	    !sms_view_id(v, r, INS_SMS_ID, &e->sms_id, err) ||
	    !sms_view_instruction(v, r, INS_INSTRUCTION, false, &given,
	        &e->instruction, err) ||
	    !sms_view_string(v, r, INS_DESCRIPTION, &e->description, err))
		return false;
	if (prev->any && seq <= prev->sequence) {
		sms_error(err, doc, seq_pos, prev->sequence_pos, MIF_E_PROFILE,
		    "sequence number %" PRIu64 " does not follow %" PRIu64
		    ": a job history lists instructions in the order they were "
		    "processed", seq, prev->sequence);
		return false;
	}
	if (prev->any && e->time < prev->time) {
		sms_error(err, doc, time_pos, prev->time_pos, MIF_E_PROFILE,
		    "the time goes backwards: %s is earlier than the "
		    "instruction before it (%s, line %u); a job history lists "
		    "instructions in the order they were processed",
		    mif_time_iso(e->time, a),
		    mif_time_iso(prev->time, b),
		    mif_doc_mark(doc, prev->time_pos).line);
		return false;
	}
	const mif_sms_row *row = mif_sms_replay_row(targets, e->sms_id);
	if (row == NULL) {
		sms_error(err, doc, sms_view_pos(v, r, INS_SMS_ID), MIF_NOPOS,
		    MIF_E_PROFILE, "%s is not a target of job %s", e->sms_id,
		    job->job_id);
		return false;
	}
	if (e->instruction == MIF_SMS_EXPIRED && !job->expires_known) {
		sms_error(err, doc, sms_view_pos(v, r, INS_INSTRUCTION),
		    MIF_NOPOS, MIF_E_PROFILE, "an Expired instruction, but job "
		    "%s never expires", job->job_id);
		return false;
	}
	if (e->instruction == MIF_SMS_EXPIRED && e->time < job->expires) {
		sms_error(err, doc, time_pos, MIF_NOPOS, MIF_E_PROFILE,
		    "an Expired instruction at %s, before job %s expires at %s",
		    mif_time_iso(e->time, a), job->job_id,
		    mif_time_iso(job->expires, b));
		return false;
	}
	if (!check_sent(v, r, job, row, prev, e, h)) {
		sms_error(err, doc, MIF_NOPOS, MIF_NOPOS, MIF_E_NOMEM,
		    "out of memory for the warnings of the job history");
		return false;
	}
	prev->any = true;
	prev->sequence = seq;
	prev->sequence_pos = seq_pos;
	prev->time = e->time;
	prev->time_pos = time_pos;
	return true;
}

static bool
read_events(const mif_doc *doc, mif_sms_history *h, mif_error *err)
{
	sms_view v;
	bool ok = false;
	previous prev = { .any = false };

	if (!sms_view_open(&v, doc, MIF_SMS_INSTRUCTION_CLASS,
	    "instruction table", sms_instruction_attrs, INS_NATTRS, err))
		return false;
	size_t n = sms_view_count(&v);
	/* the replay is only a set of the targets here */
	size_t nversions;
	mif_sms_replay *targets = mif_sms_replay_new(mif_sms_versions(
	    &nversions), h->targets, h->ntargets);
	h->events = malloc((n > 0 ? n : 1) * sizeof *h->events);
	prev.expired_at = malloc((h->ntargets > 0 ? h->ntargets : 1) *
	    sizeof *prev.expired_at);
	if (targets == NULL || h->events == NULL || prev.expired_at == NULL) {
		sms_error(err, doc, MIF_NOPOS, MIF_NOPOS, MIF_E_NOMEM,
		    "out of memory for the instructions of the job history");
		goto done;
	}
	size_t nrows;
	prev.rows = mif_sms_replay_rows(targets, &nrows);
	for (size_t i = 0; i < h->ntargets; i++)
		prev.expired_at[i] = MIF_NOPOS;
	for (size_t r = 0; r < n; r++) {
		h->events[r].ignored = false;
		if (!read_event(&v, r, h, targets, &prev, &h->events[r], err))
			goto done;
	}
	h->nevents = n;
	ok = true;
done:
	free(prev.expired_at);
	mif_sms_replay_free(targets);
	sms_view_close(&v);
	return ok;
}

bool
mif_sms_history_read(const mif_doc *doc, mif_sms_history *h, mif_error *err)
{
	memset(h, 0, sizeof *h);
	if (sms_job_read(doc, &h->job, err) && read_targets(doc, h, err) &&
	    read_events(doc, h, err))
		return true;
	mif_sms_history_release(h);
	return false;
}

/* ---- writing ------------------------------------------------------------ */

static bool
write_targets(mif_doc *doc, const mif_block *comp, const mif_sms_history *h)
{
	mif_block *a[TARGET_NATTRS + 1];
	mif_block *g = sms_add_group(doc, comp, "Target", 0,
	    MIF_SMS_TARGET_CLASS, true);
	mif_block *table = g != NULL && sms_add_attrs(doc, g, sms_target_attrs,
	    TARGET_NATTRS, a) ? sms_add_table(doc, comp, "Targets", 2,
	    MIF_SMS_TARGET_CLASS) : NULL;

	if (table == NULL)
		return false;
	for (size_t i = 0; i < h->ntargets; i++) {
		mif_stmt *cells = mif_add_row(doc, table, TARGET_NATTRS);
		if (cells == NULL)
			return false;
		cells[TARGET_SMS_ID - 1] = sms_string_cell(doc, h->targets[i]);
		if (!sms_cell_ok(&cells[TARGET_SMS_ID - 1]))
			return false;
	}
	return true;
}

static bool
write_event(mif_doc *doc, const mif_block *table,
    const mif_block *desc_attr, size_t i, const mif_sms_event *e)
{
	const char *description = e->description != NULL ? e->description : "";
	/* an empty Description is left to the template's VALUE "" */
	uint32_t n = *description != '\0' ? INS_NATTRS : INS_NATTRS - 1;
	mif_stmt *cells = mif_add_row(doc, table, n);

	if (cells == NULL)
		return false;
	cells[INS_SEQUENCE - 1] = (mif_stmt){ .form = MIF_F_INTEGER,
	    .v.u = (uint64_t)i + 1 };
	cells[INS_TIME - 1] = sms_time_cell(doc, true, e->time);
	cells[INS_SMS_ID - 1] = sms_string_cell(doc, e->sms_id);
	cells[INS_INSTRUCTION - 1] = sms_string_cell(doc,
	    mif_sms_instruction_name(e->instruction));
	if (n == INS_NATTRS)
		cells[INS_DESCRIPTION - 1] = sms_string_cell(doc, description);
	for (uint32_t c = 0; c < n; c++)
		if (!sms_cell_ok(&cells[c]))
			return false;
	return n < INS_NATTRS ||
	    sms_fit_string(doc, desc_attr, &cells[INS_DESCRIPTION - 1]);
}

static bool
write_events(mif_doc *doc, const mif_block *comp, const mif_sms_history *h)
{
	mif_block *a[INS_NATTRS + 1];
	mif_block *g = sms_add_group(doc, comp, "Instruction", 0,
	    MIF_SMS_INSTRUCTION_CLASS, true);

	if (g == NULL || !sms_add_attrs(doc, g, sms_instruction_attrs,
	    INS_NATTRS, a))
		return false;
	mif_stmt empty = sms_string_cell(doc, "");
	mif_block *table = sms_set_value(doc, a[INS_DESCRIPTION], &empty)
	    ? sms_add_table(doc, comp, "Instructions", 3,
	    MIF_SMS_INSTRUCTION_CLASS) : NULL;
	if (table == NULL)
		return false;
	for (size_t i = 0; i < h->nevents; i++)
		if (!write_event(doc, table, a[INS_DESCRIPTION], i, &h->events[i]))
			return false;
	return true;
}

mif_doc *
mif_sms_history_write(const mif_sms_history *h)
{
	mif_doc *doc;
	mif_block *comp = sms_new_doc("Job History", &doc);

	if (comp == NULL || !sms_job_write(doc, comp, &h->job) ||
	    !write_targets(doc, comp, h) || !write_events(doc, comp, h)) {
		mif_doc_free(doc);
		return NULL;
	}
	return doc;
}
