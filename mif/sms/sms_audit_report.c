/*
 * An audit report in its four formats (mif-audit(1), OUTPUT; HTML in
 * sms_audit_html.c): the same code writes a live audit and a merge of earlier ones, so that
 * the two give the same bytes.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "sms/sms_audit_html.h"
#include "sms/sms_audit_seen.h"

/* ---- words ---- */

const char *
mif_audit_truth_name(mif_sms_status truth)
{
	switch (truth) {
	case MIF_SMS_COMPLETE: return "Complete";
	case MIF_SMS_FAILED: return "Failed";
	default: return "never ran";
	}
}

bool
mif_audit_truth_parse(const char *name, mif_sms_status *truth)
{
	if (strcmp(name, "Complete") == 0)
		*truth = MIF_SMS_COMPLETE;
	else if (strcmp(name, "Failed") == 0)
		*truth = MIF_SMS_FAILED;
	else if (strcmp(name, "never ran") == 0)
		*truth = MIF_SMS_NONE;
	else
		return false;
	return true;
}

size_t
mif_audit_truth_index(mif_sms_status truth)
{
	return truth == MIF_SMS_COMPLETE ? MIF_AUDIT_COMPLETE
	    : truth == MIF_SMS_FAILED ? MIF_AUDIT_FAILED : MIF_AUDIT_NEVER_RAN;
}

const char *
mif_audit_inv_name(const mif_audit_inv *inv)
{
	return inv->known ? mif_audit_truth_name(inv->status) : "unknown";
}

bool
mif_audit_disagrees(const mif_audit_inv *inv, mif_sms_status truth)
{
	return inv->known && inv->status != truth;
}

/* Whether a row is worth a line of text: lost under some version, the
 * inventory disagrees, or an instruction was counted apart. */
static bool
noteworthy(const mif_audit_report *r, const mif_audit_job *job, size_t i)
{
	for (size_t v = 0; v < r->nversions; v++)
		if (job->rows[i].lost[v])
			return true;
	return (job->inv != NULL && mif_audit_disagrees(&job->inv[i],
	    job->rows[i].truth)) || job->rows[i].before_offer > 0 ||
	    job->rows[i].expired_again > 0;
}

/* ---- counting ---- */

void
mif_audit_count_job(const mif_audit_report *r, const mif_audit_job *job,
    mif_audit_counts *n)
{
	n->jobs++;
	n->workstations += job->nrows;
	for (size_t i = 0; i < job->nrows; i++) {
		const mif_sms_audit_row *row = &job->rows[i];
		const mif_audit_inv *inv = job->inv != NULL ? &job->inv[i] : NULL;
		n->truth[mif_audit_truth_index(row->truth)]++;
		for (size_t v = 0; v < r->nversions; v++) {
			n->lost[v] += row->lost[v];
			n->lost_truth[v][mif_audit_truth_index(row->truth)] += row->lost[v];
			/* given back: the inventory's answer is the truth */
			n->recovered[v] += row->lost[v] && inv != NULL &&
			    inv->known && !mif_audit_disagrees(inv, row->truth);
		}
		n->disagreements += inv != NULL && mif_audit_disagrees(inv, row->truth);
		n->before_offer += row->before_offer;
		n->expired_again += row->expired_again;
	}
}

void
mif_audit_counts_add(mif_audit_counts *to, const mif_audit_counts *from, size_t nversions)
{
	to->jobs += from->jobs;
	to->skipped += from->skipped;
	to->workstations += from->workstations;
	for (size_t t = 0; t < MIF_AUDIT_TRUTHS; t++)
		to->truth[t] += from->truth[t];
	for (size_t v = 0; v < nversions; v++) {
		to->lost[v] += from->lost[v];
		to->recovered[v] += from->recovered[v];
		for (size_t t = 0; t < MIF_AUDIT_TRUTHS; t++)
			to->lost_truth[v][t] += from->lost_truth[v][t];
	}
	to->disagreements += from->disagreements;
	to->before_offer += from->before_offer;
	to->expired_again += from->expired_again;
}

bool
mif_audit_counts_equal(const mif_audit_counts *a, const mif_audit_counts *b,
    size_t nversions)
{
	bool same = a->jobs == b->jobs && a->skipped == b->skipped &&
	    a->workstations == b->workstations &&
	    a->disagreements == b->disagreements &&
	    a->before_offer == b->before_offer &&
	    a->expired_again == b->expired_again;

	for (size_t t = 0; t < MIF_AUDIT_TRUTHS; t++)
		same = same && a->truth[t] == b->truth[t];
	for (size_t v = 0; v < nversions; v++)
		same = same && a->lost[v] == b->lost[v] &&
		    a->recovered[v] == b->recovered[v];
	return same;
}

/* ---- identities ---- */

static uint64_t
hash_size(uint64_t h, size_t n)
{
	uint64_t v = n;
	return mif_audit_hash(h, &v, sizeof v);
}

mif_audit_identity
mif_audit_job_identity(const mif_audit_report *r, const mif_audit_job *job)
{
	mif_audit_identity id;

	id.key = mif_audit_hash_str(mif_audit_hash_str(MIF_AUDIT_HASH_START, job->id),
	    job->file);
	uint64_t h = hash_size(id.key, job->nrows);
	for (size_t i = 0; i < job->nrows; i++) {
		const mif_sms_audit_row *row = &job->rows[i];
		h = mif_audit_hash_str(h, row->sms_id);
		h = hash_size(h, (size_t)row->truth);
		for (size_t v = 0; v < r->nversions; v++)
			h = hash_size(h, (size_t)row->shown[v] << 1 | row->lost[v]);
		if (job->inv != NULL)
			h = hash_size(h, (size_t)job->inv[i].status << 1 |
			    job->inv[i].known);
		h = hash_size(hash_size(h, row->before_offer), row->expired_again);
	}
	id.digest = h;
	return id;
}

mif_audit_identity
mif_audit_skip_identity(const mif_audit_skip *s)
{
	mif_audit_identity id;

	/* no job ID: a skipped history is known by its file alone */
	id.key = mif_audit_hash_str(mif_audit_hash_str(MIF_AUDIT_HASH_START, ""), s->file);
	id.key = hash_size(id.key, SIZE_MAX);
	id.digest = mif_audit_hash_str(hash_size(hash_size(id.key, s->line),
	    s->column), s->text);
	return id;
}

/* ---- pieces ---- */

/* Text and TSV fields escaped by the rule of every tool's text output
 * (miftools(7)), so that a line stays one and no byte drives a terminal;
 * sms_audit_merge_tsv.c undoes it. */
static void
put_escaped(FILE *out, const char *s)
{
	mif_escape_print(s, strlen(s), 0, out);
}

const char *
mif_audit_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* "5 under 1.0, 5 under 1.1, 0 under 1.2" */
static void
text_per_version(const mif_audit_report *r, const size_t *n, FILE *out)
{
	for (size_t v = 0; v < r->nversions; v++)
		fprintf(out, "%s%zu under %s", v > 0 ? ", " : "", n[v],
		    r->versions[v]);
}

/* "; ignored 1 result before the offer; replayed 2 repeated expiries",
 * each part only when there is some. */
static void
text_counted_apart(const mif_audit_counts *n, FILE *out)
{
	if (n->before_offer > 0)
		fprintf(out, "; ignored %zu %s before the offer", n->before_offer,
		    mif_audit_plural(n->before_offer, "result", "results"));
	if (n->expired_again > 0)
		fprintf(out, "; replayed %zu repeated %s", n->expired_again,
		    mif_audit_plural(n->expired_again, "expiry", "expiries"));
}

/* {"1.0":5,"1.1":5} */
/* A JSON string (the library's one escaper). */
static void
json_cstring(FILE *out, const char *s)
{
	mif_json_print(s, strlen(s), out);
}

static void
json_per_version(const mif_audit_report *r, const size_t *n, FILE *out)
{
	putc('{', out);
	for (size_t v = 0; v < r->nversions; v++) {
		if (v > 0)
			putc(',', out);
		json_cstring(out, r->versions[v]);
		fprintf(out, ":%zu", n[v]);
	}
	putc('}', out);
}

/* ---- jobs ---- */

/* "  PAR00001  Complete   1.0 Retrying (lost)  1.2 Complete  ..."
 * in columns, without blanks at the end. */
static void
text_row(const mif_audit_report *r, const mif_audit_job *job, size_t i, FILE *out)
{
	const mif_sms_audit_row *row = &job->rows[i];
	char line[1024];
	size_t n = 0;

	/* the SMS ID goes straight out: it may be long */
	fputs("  ", out);
	put_escaped(out, row->sms_id);
	size_t idlen = mif_escape(row->sms_id, strlen(row->sms_id), 0, NULL, 0);
	n += (size_t)snprintf(line + n, sizeof line - n, "%*s  %-9s",
	    idlen < 8 ? (int)(8 - idlen) : 0, "", mif_audit_truth_name(row->truth));
	for (size_t v = 0; v < r->nversions && n < sizeof line; v++) {
		char cell[32];
		snprintf(cell, sizeof cell, "%s%s", mif_sms_status_name(
		    row->shown[v]), row->lost[v] ? " (lost)" : "");
		/* "Retrying (lost)" is the widest */
		n += (size_t)snprintf(line + n, sizeof line - n, "  %s %-15s",
		    r->versions[v], cell);
	}
	if (job->inv != NULL && n < sizeof line) {
		const mif_audit_inv *inv = &job->inv[i];
		n += (size_t)snprintf(line + n, sizeof line - n,
		    "  inventory %s%s", mif_audit_inv_name(inv),
		    mif_audit_disagrees(inv, row->truth) ? " (disagrees)" : "");
	}
	if (row->before_offer > 0 && n < sizeof line)
		n += (size_t)snprintf(line + n, sizeof line - n,
		    "  ignored %u before the offer", row->before_offer);
	if (row->expired_again > 0 && n < sizeof line)
		n += (size_t)snprintf(line + n, sizeof line - n,
		    "  expired again %u", row->expired_again);
	if (n >= sizeof line)
		n = sizeof line - 1;
	while (n > 0 && line[n - 1] == ' ')
		n--;
	fwrite(line, 1, n, out);
	putc('\n', out);
}

static void
text_job(const mif_audit_report *r, const mif_audit_job *job, FILE *out)
{
	mif_audit_counts n = { 0 };
	mif_audit_count_job(r, job, &n);

	fputs("job ", out);
	put_escaped(out, job->id);
	fputs(" (", out);
	put_escaped(out, job->file);
	fprintf(out, "): %zu %s; lost ", job->nrows,
	    mif_audit_plural(job->nrows, "workstation", "workstations"));
	text_per_version(r, n.lost, out);
	text_counted_apart(&n, out);
	putc('\n', out);
	for (size_t i = 0; i < job->nrows; i++)
		if (noteworthy(r, job, i))
			text_row(r, job, i, out);
}

static void
tsv_start_line(const mif_audit_job *job, FILE *out)
{
	put_escaped(out, job->id);
	putc('\t', out);
	put_escaped(out, job->file);
	putc('\t', out);
}

static void
tsv_job(const mif_audit_report *r, const mif_audit_job *job, FILE *out)
{
	if (job->nrows == 0) {
		/* a job without targets still has its line, for merges */
		tsv_start_line(job, out);
		putc('\t', out);
		for (size_t v = 0; v < r->nversions; v++)
			fputs("\t\t", out);
		fputs(r->inventory ? "\t\t\t\t\t\n" : "\t\t\t\n", out);
		return;
	}
	for (size_t i = 0; i < job->nrows; i++) {
		const mif_sms_audit_row *row = &job->rows[i];
		tsv_start_line(job, out);
		put_escaped(out, row->sms_id);
		putc('\t', out);
		fputs(mif_audit_truth_name(row->truth), out);
		for (size_t v = 0; v < r->nversions; v++)
			fprintf(out, "\t%s\t%s", mif_sms_status_name(row->shown[v]),
			    row->lost[v] ? "yes" : "no");
		if (r->inventory) {
			static const mif_audit_inv unknown = { false, MIF_SMS_NONE };
			const mif_audit_inv *inv = job->inv != NULL ? &job->inv[i]
			    : &unknown;
			fprintf(out, "\t%s\t%s", mif_audit_inv_name(inv),
			    mif_audit_disagrees(inv, row->truth) ? "yes" : "no");
		}
		fprintf(out, "\t%u\t%u\t\n", row->before_offer,
		    row->expired_again);
	}
}

static void
json_job(const mif_audit_report *r, const mif_audit_job *job, FILE *out)
{
	mif_audit_counts n = { 0 };
	mif_audit_count_job(r, job, &n);

	fputs("{\"id\":", out);
	json_cstring(out, job->id);
	fputs(",\"file\":", out);
	json_cstring(out, job->file);
	fprintf(out, ",\"workstations\":%zu,\"lost\":", job->nrows);
	json_per_version(r, n.lost, out);
	if (r->inventory) {
		fputs(",\"recovered\":", out);
		json_per_version(r, n.recovered, out);
		fprintf(out, ",\"disagreements\":%zu", n.disagreements);
	}
	fprintf(out, ",\"before_offer\":%zu,\"expired_again\":%zu,\"rows\":[",
	    n.before_offer, n.expired_again);
	for (size_t i = 0; i < job->nrows; i++) {
		const mif_sms_audit_row *row = &job->rows[i];
		fputs(i > 0 ? ",\n{\"sms_id\":" : "\n{\"sms_id\":", out);
		json_cstring(out, row->sms_id);
		fprintf(out, ",\"truth\":\"%s\",\"shown\":{",
		    mif_audit_truth_name(row->truth));
		for (size_t v = 0; v < r->nversions; v++) {
			if (v > 0)
				putc(',', out);
			json_cstring(out, r->versions[v]);
			fprintf(out, ":\"%s\"", mif_sms_status_name(row->shown[v]));
		}
		fputs("},\"lost\":{", out);
		for (size_t v = 0; v < r->nversions; v++) {
			if (v > 0)
				putc(',', out);
			json_cstring(out, r->versions[v]);
			fputs(row->lost[v] ? ":true" : ":false", out);
		}
		putc('}', out);
		if (r->inventory) {
			static const mif_audit_inv unknown = { false, MIF_SMS_NONE };
			const mif_audit_inv *inv = job->inv != NULL ? &job->inv[i]
			    : &unknown;
			fprintf(out, ",\"inventory\":\"%s\",\"disagrees\":%s",
			    mif_audit_inv_name(inv),
			    mif_audit_disagrees(inv, row->truth) ? "true" : "false");
		}
		fprintf(out, ",\"before_offer\":%u,\"expired_again\":%u}",
		    row->before_offer, row->expired_again);
	}
	fputs(job->nrows > 0 ? "\n]}" : "]}", out);
}

void
mif_audit_write_job(const mif_audit_report *r, const mif_audit_job *job, FILE *out)
{
	switch (r->format) {
	case MIF_AUDIT_TEXT: text_job(r, job, out); break;
	case MIF_AUDIT_TSV: tsv_job(r, job, out); break;
	case MIF_AUDIT_JSON: json_job(r, job, out); break;
	case MIF_AUDIT_HTML: mif_audit_html_job(r, job, out); break;
	}
}

/* ---- skipped histories ---- */

void
mif_audit_write_skip(const mif_audit_report *r, const mif_audit_skip *s, FILE *out)
{
	switch (r->format) {
	case MIF_AUDIT_TEXT:
		fputs("skipped ", out);
		put_escaped(out, s->file);
		fputs(": ", out);
		if (s->line > 0)
			fprintf(out, "%u:%u: ", s->line, s->column);
		put_escaped(out, s->text);
		putc('\n', out);
		break;
	case MIF_AUDIT_TSV:
		putc('\t', out);
		put_escaped(out, s->file);
		fputs("\t\tskipped", out);
		for (size_t v = 0; v < r->nversions; v++)
			fputs("\t\t", out);
		if (r->inventory)
			fputs("\t\t", out);
		fputs("\t\t\t", out);
		if (s->line > 0)
			fprintf(out, "%u:%u: ", s->line, s->column);
		put_escaped(out, s->text);
		putc('\n', out);
		break;
	case MIF_AUDIT_JSON:
		fputs("{\"file\":", out);
		json_cstring(out, s->file);
		fprintf(out, ",\"line\":%u,\"column\":%u,\"error\":", s->line,
		    s->column);
		json_cstring(out, s->text);
		putc('}', out);
		break;
	case MIF_AUDIT_HTML:
		mif_audit_html_skip(s, out);
		break;
	}
}

/* ---- the report ---- */

bool
mif_audit_begin(mif_audit_report *r, mif_error *err)
{
	FILE *out = r->out;

	memset(&r->totals, 0, sizeof r->totals);
	r->njson_jobs = r->njson_skipped = 0;
	r->skipped = NULL;
	switch (r->format) {
	case MIF_AUDIT_TEXT:
		break;
	case MIF_AUDIT_TSV:
		fputs("job\tfile\tsms_id\ttruth", out);
		for (size_t v = 0; v < r->nversions; v++)
			fprintf(out, "\tshown_%s\tlost_%s", r->versions[v],
			    r->versions[v]);
		fputs(r->inventory ? "\tinventory\tdisagrees" : "", out);
		fputs("\tbefore_offer\texpired_again\terror\n", out);
		break;
	case MIF_AUDIT_JSON:
		r->skipped = tmpfile();
		if (r->skipped == NULL) {
			mif_error_set(err, MIF_E_IO, "", "a temporary file: %s",
			    strerror(errno));
			return false;
		}
		fputs("{\"versions\":[", out);
		for (size_t v = 0; v < r->nversions; v++) {
			if (v > 0)
				putc(',', out);
			json_cstring(out, r->versions[v]);
		}
		fprintf(out, "],\"inventory\":%s,\"jobs\":[",
		    r->inventory ? "true" : "false");
		break;
	case MIF_AUDIT_HTML:
		mif_audit_html_begin(r, out);
		break;
	}
	r->begun = true;
	return true;
}

/* Whether to list what has this identity: not when it is listed
 * already (r->warn is told).  False in *ok, with *err, when it was
 * listed with another result, or memory ran out. */
static bool
first_time(mif_audit_report *r, mif_audit_identity id, const char *file,
    bool *ok, mif_error *err)
{
	*ok = true;
	switch (mif_audit_seen_add(&r->seen, id.key, id.digest)) {
	case MIF_AUDIT_SEEN_NEW:
		return true;
	case MIF_AUDIT_SEEN_SAME:
		if (r->warn != NULL) {
			mif_error w;
			mif_error_set(&w, MIF_E_DUPLICATE, file, "audited again; the "
			    "report lists it once");
			w.severity = MIF_WARNING;
			w.rule = MIF_RULE_AUDITED_AGAIN;
			r->warn(r->warn_ctx, &w);
		}
		return false;
	case MIF_AUDIT_SEEN_OTHER:
		mif_error_set(err, MIF_E_CONFLICT, file, "audited again, with "
		    "another result: which one tells the truth is not known");
		if (err != NULL)
			err->severity = MIF_ERROR;
		break;
	case MIF_AUDIT_SEEN_NOMEM:
		mif_error_set(err, MIF_E_NOMEM, "", "out of memory");
		break;
	}
	*ok = false;
	return false;
}

bool
mif_audit_put_job(mif_audit_report *r, const char *text, size_t len,
    const mif_audit_counts *counts, mif_audit_identity id, const char *file,
    mif_error *err)
{
	bool ok;

	if (!first_time(r, id, file, &ok, err))
		return ok;
	if (r->format == MIF_AUDIT_JSON)
		fputs(r->njson_jobs++ > 0 ? ",\n" : "\n", r->out);
	fwrite(text, 1, len, r->out);
	mif_audit_counts_add(&r->totals, counts, r->nversions);
	return true;
}

bool
mif_audit_put_skip(mif_audit_report *r, const char *text, size_t len,
    mif_audit_identity id, const char *file, mif_error *err)
{
	bool ok;

	if (!first_time(r, id, file, &ok, err))
		return ok;
	r->totals.skipped++;
	if (r->format != MIF_AUDIT_JSON) {
		fwrite(text, 1, len, r->out);
		return true;
	}
	/* JSON lists them after the jobs: they wait in a file, so that
	 * memory does not grow with them; each says where it came among
	 * the jobs, so that a merge can put it back there */
	fputs(r->njson_skipped++ > 0 ? ",\n" : "\n", r->skipped);
	if (len > 0)
		fwrite(text, 1, len - 1, r->skipped);   /* its } last */
	fprintf(r->skipped, ",\"after_jobs\":%zu}", r->njson_jobs);
	return true;
}

static void
text_totals(const mif_audit_report *r, FILE *out)
{
	const mif_audit_counts *n = &r->totals;

	fprintf(out, "audited %zu %s, skipped %zu: %zu %s, %zu Complete, "
	    "%zu Failed, %zu never ran\n", n->jobs, mif_audit_plural(n->jobs, "job",
	    "jobs"), n->skipped, n->workstations, mif_audit_plural(n->workstations,
	    "workstation", "workstations"), n->truth[MIF_AUDIT_COMPLETE],
	    n->truth[MIF_AUDIT_FAILED], n->truth[MIF_AUDIT_NEVER_RAN]);
	fputs("lost: ", out);
	text_per_version(r, n->lost, out);
	putc('\n', out);
	if (r->inventory) {
		fputs("recovered from the inventory: ", out);
		text_per_version(r, n->recovered, out);
		fprintf(out, "\ndisagreements with the inventory: %zu\n",
		    n->disagreements);
	}
	if (n->before_offer > 0)
		fprintf(out, "ignored: %zu %s before the offer (Q166833)\n",
		    n->before_offer, mif_audit_plural(n->before_offer, "result", "results"));
	if (n->expired_again > 0)
		fprintf(out, "replayed: %zu repeated %s\n", n->expired_again,
		    mif_audit_plural(n->expired_again, "expiry", "expiries"));
}

/* Copy the skipped entries that waited into the output. */
static bool
json_copy_skipped(mif_audit_report *r)
{
	char buf[1 << 14];
	size_t got;

	if (fflush(r->skipped) != 0 || fseek(r->skipped, 0, SEEK_SET) != 0)
		return false;
	while ((got = fread(buf, 1, sizeof buf, r->skipped)) > 0)
		fwrite(buf, 1, got, r->out);
	return !ferror(r->skipped);
}

static bool
json_totals(mif_audit_report *r)
{
	FILE *out = r->out;
	const mif_audit_counts *n = &r->totals;

	fputs(r->njson_jobs > 0 ? "\n],\"skipped\":[" : "],\"skipped\":[", out);
	bool ok = json_copy_skipped(r);
	fclose(r->skipped);
	r->skipped = NULL;
	fputs(r->njson_skipped > 0 ? "\n],\"totals\":{" : "],\"totals\":{", out);
	fprintf(out, "\"jobs\":%zu,\"skipped\":%zu,\"workstations\":%zu,"
	    "\"truth\":{\"Complete\":%zu,\"Failed\":%zu,\"never ran\":%zu},"
	    "\"lost\":", n->jobs, n->skipped, n->workstations,
	    n->truth[MIF_AUDIT_COMPLETE], n->truth[MIF_AUDIT_FAILED],
	    n->truth[MIF_AUDIT_NEVER_RAN]);
	json_per_version(r, n->lost, out);
	if (r->inventory) {
		fputs(",\"recovered\":", out);
		json_per_version(r, n->recovered, out);
		fprintf(out, ",\"disagreements\":%zu", n->disagreements);
	}
	fprintf(out, ",\"before_offer\":%zu,\"expired_again\":%zu}}\n",
	    n->before_offer, n->expired_again);
	return ok;
}

bool
mif_audit_end(mif_audit_report *r, mif_error *err)
{
	bool ok = true;
	const mif_audit_counts *n = &r->totals;

	if (r->format == MIF_AUDIT_TEXT)
		text_totals(r, r->out);
	else if (r->format == MIF_AUDIT_TSV)
		/* tells a whole report from one cut short */
		fprintf(r->out, "end\t%zu\t%zu\t%zu\n", n->jobs, n->skipped,
		    n->workstations);
	else if (r->format == MIF_AUDIT_HTML)
		mif_audit_html_end(r, r->out);
	else if (!json_totals(r)) {
		mif_error_set(err, MIF_E_IO, "", "the skipped histories' file: %s",
		    strerror(errno));
		ok = false;
	}
	mif_audit_seen_free(&r->seen);
	return ok;
}

void
mif_audit_abandon(mif_audit_report *r)
{
	if (r->begun && r->format == MIF_AUDIT_HTML)
		mif_audit_html_abandon(r, r->out);
	else if (r->begun)
		fprintf(r->out, "%s%s: INCOMPLETE REPORT: it stops at an error "
		    "(see the standard error)\n", r->format == MIF_AUDIT_JSON ? "\n"
		    : "", r->prog);
	if (r->skipped != NULL)
		fclose(r->skipped);
	r->skipped = NULL;
	mif_audit_seen_free(&r->seen);
}
