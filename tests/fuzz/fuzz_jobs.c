/*
 * libFuzzer harness for the SMS job formats (mif-jobs(5)).
 *
 * Any input that parses is read as a job status table, a job history, a
 * detailed job status MIF and a status MIF, and given a NOIDMIF record;
 * and it is required that
 *   - a table read is written, parsed and read back to the same rows, and
 *     still reads after the expiry rules of every version ran on it;
 *   - a history read replays under every version to a table that is
 *     written and read back to the same rows;
 *   - a detailed job status MIF read is written and read back the same;
 *   - a NOIDMIF record made is found again by lookup.
 * Nothing may crash, leak or trip a sanitizer; a failed property aborts
 * with its reason so that libFuzzer keeps the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mif.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
broken(const char *what)
{
	fprintf(stderr, "fuzz_jobs: %s\n", what);
	abort();
}

/* Written (in UTF-8, which holds any text) and parsed again; NULL only
 * when memory runs out. */
static mif_doc *
again(mif_doc *built)
{
	char *out;
	size_t len;
	mif_write_options o = { MIF_ENC_UTF8, MIF_NL_LF };

	if (built == NULL)
		return NULL;
	if (mif_write_buffer(built, &o, &out, &len, NULL) != 0)
		broken("a built document cannot be written");
	mif_doc *doc = mif_parse_buffer(out, len, NULL, NULL);
	free(out);
	if (doc != NULL && mif_doc_error_count(doc) != 0)
		broken("a written document does not parse");
	return doc;
}

static bool
same_text(const char *a, const char *b)
{
	return strcmp(a != NULL ? a : "", b != NULL ? b : "") == 0;
}

static void
same_tables(const mif_sms_table *a, const mif_sms_table *b)
{
	if (a->nrows != b->nrows || strcmp(a->job.job_id, b->job.job_id) != 0 ||
	    strcmp(a->job.package_id, b->job.package_id) != 0 ||
	    a->job.offer != b->job.offer ||
	    a->job.expires_known != b->job.expires_known ||
	    (a->job.expires_known && a->job.expires != b->job.expires))
		broken("a table read back has another job or row count");
	for (size_t i = 0; i < a->nrows; i++) {
		const mif_sms_row *x = &a->rows[i], *y = &b->rows[i];
		if (strcmp(x->sms_id, y->sms_id) != 0 || x->status != y->status ||
		    x->reported != y->reported ||
		    (x->reported && (x->time != y->time ||
		    x->instruction != y->instruction)) ||
		    !same_text(x->description, y->description) ||
		    a->set_by[i] != b->set_by[i])
			broken("a table read back has another row");
	}
}

/* The table written and read back. */
static void
round_trip_table(const mif_sms_table *t)
{
	mif_doc *built = mif_sms_table_write(t);
	mif_doc *doc = again(built);
	mif_sms_table back;

	if (doc != NULL) {
		if (!mif_sms_table_read(doc, &back, NULL))
			broken("a written table does not read");
		same_tables(t, &back);
		mif_sms_table_release(&back);
	}
	mif_doc_free(doc);
	mif_doc_free(built);
}

static void
try_table(const mif_doc *doc)
{
	mif_sms_table t;
	size_t nversions;
	const mif_sms_version *versions = mif_sms_versions(&nversions);

	if (!mif_sms_table_read(doc, &t, NULL))
		return;
	round_trip_table(&t);
	mif_sms_event *events = calloc(t.nrows + 1, sizeof *events);
	for (size_t v = 0; events != NULL && v < nversions; v++) {
		for (size_t i = 0; i < t.nrows; i++)
			events[i] = (mif_sms_event){ t.job.offer, t.rows[i].sms_id,
			    MIF_SMS_EXPIRED, NULL, false };
		if (mif_sms_table_run(&t, &versions[v], events, t.nrows, NULL))
			round_trip_table(&t);
	}
	free(events);
	mif_sms_table_release(&t);
}

static void
try_history(const mif_doc *doc)
{
	mif_sms_history h;
	size_t nversions;
	const mif_sms_version *versions = mif_sms_versions(&nversions);

	if (!mif_sms_history_read(doc, &h, NULL))
		return;
	for (size_t v = 0; v < nversions; v++) {
		mif_sms_table t;
		if (!mif_sms_table_init(&t, &h.job, h.targets, h.ntargets))
			continue;
		if (t.nrows != h.ntargets)
			broken("a history's targets are not one row each");
		if (mif_sms_table_run(&t, &versions[v], h.events, h.nevents, NULL))
			round_trip_table(&t);
		mif_sms_table_release(&t);
	}
	mif_sms_history_release(&h);
}

static void
try_detail(const mif_doc *doc)
{
	mif_sms_detail d, back;

	if (!mif_sms_detail_read(doc, &d, NULL))
		return;
	mif_doc *built = mif_sms_detail_write(&d);
	mif_doc *read = again(built);
	if (read != NULL) {
		if (!mif_sms_detail_read(read, &back, NULL))
			broken("a written detailed job status MIF does not read");
		if (strcmp(d.sms_id, back.sms_id) != 0 ||
		    strcmp(d.job_id, back.job_id) != 0 || d.status != back.status ||
		    d.time != back.time || d.instruction != back.instruction ||
		    strcmp(d.description, back.description) != 0 ||
		    d.version != back.version)
			broken("a detailed job status MIF reads back otherwise");
	}
	mif_doc_free(read);
	mif_doc_free(built);
}

static void
try_noidmif(mif_doc *doc)
{
	mif_sms_instruction ins;
	const char *description;
	mif_sms_status status;
	int64_t t;

	if (mif_doc_error_count(doc) != 0 ||
	    !mif_sms_status_mif_read(doc, &ins, &description, NULL))
		return;
	if (!mif_sms_noidmif_record(doc, "PAR00007", ins, 834142500, NULL))
		return;
	if (!mif_sms_noidmif_lookup(doc, "par00007", &status, &t) ||
	    status != (ins == MIF_SMS_SUCCESS ? MIF_SMS_COMPLETE : MIF_SMS_FAILED) ||
	    t != 834142500)
		broken("a NOIDMIF record is not found again");
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mif_doc *doc = mif_parse_buffer(data, size, NULL, NULL);

	if (doc == NULL)
		return 0;
	try_table(doc);
	try_history(doc);
	try_detail(doc);
	try_noidmif(doc);
	mif_doc_free(doc);
	return 0;
}
