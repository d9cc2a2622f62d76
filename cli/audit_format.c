/* mif-audit's report in its three formats: see audit_format.h. */
#include <errno.h>
#include <string.h>

#include "audit_format.h"
#include "jsonw.h"

/* ---- words ---- */

const char *
audit_truth_name(mif_sms_status truth)
{
	switch (truth) {
	case MIF_SMS_COMPLETE: return "Complete";
	case MIF_SMS_FAILED: return "Failed";
	default: return "never ran";
	}
}

bool
audit_truth_parse(const char *name, mif_sms_status *truth)
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

static size_t
truth_index(mif_sms_status truth)
{
	return truth == MIF_SMS_COMPLETE ? AUDIT_COMPLETE
	    : truth == MIF_SMS_FAILED ? AUDIT_FAILED : AUDIT_NEVER_RAN;
}

static const char *
inv_name(const audit_inv *inv)
{
	return inv->known ? audit_truth_name(inv->status) : "unknown";
}

bool
audit_disagrees(const audit_inv *inv, mif_sms_status truth)
{
	return inv->known && inv->status != truth;
}

/* Whether a row is worth a line of text: lost under some version, or
 * the inventory disagrees. */
static bool
noteworthy(const audit_report *r, const audit_job *job, size_t i)
{
	for (size_t v = 0; v < r->nversions; v++)
		if (job->rows[i].lost[v])
			return true;
	return job->inv != NULL && audit_disagrees(&job->inv[i],
	    job->rows[i].truth);
}

/* ---- counting ---- */

void
audit_count_job(const audit_report *r, const audit_job *job,
    audit_counts *n)
{
	n->jobs++;
	n->workstations += job->nrows;
	for (size_t i = 0; i < job->nrows; i++) {
		const mif_sms_audit_row *row = &job->rows[i];
		const audit_inv *inv = job->inv != NULL ? &job->inv[i] : NULL;
		n->truth[truth_index(row->truth)]++;
		for (size_t v = 0; v < r->nversions; v++) {
			n->lost[v] += row->lost[v];
			/* given back: the inventory's answer is the truth */
			n->recovered[v] += row->lost[v] && inv != NULL &&
			    inv->known && !audit_disagrees(inv, row->truth);
		}
		n->disagreements += inv != NULL && audit_disagrees(inv, row->truth);
	}
}

void
audit_counts_add(audit_counts *to, const audit_counts *from, size_t nversions)
{
	to->jobs += from->jobs;
	to->skipped += from->skipped;
	to->workstations += from->workstations;
	for (size_t t = 0; t < AUDIT_TRUTHS; t++)
		to->truth[t] += from->truth[t];
	for (size_t v = 0; v < nversions; v++) {
		to->lost[v] += from->lost[v];
		to->recovered[v] += from->recovered[v];
	}
	to->disagreements += from->disagreements;
}

/* ---- pieces ---- */

/* Text and TSV fields escaped by the rule of every tool's text output
 * (miftools(7)), so that a line stays one and no byte drives a terminal;
 * audit_merge_tsv.c undoes it. */
static void
put_escaped(FILE *out, const char *s)
{
	mif_escape_print(s, strlen(s), 0, out);
}

static const char *
plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* "5 under 1.0, 5 under 1.1, 0 under 1.2" */
static void
text_per_version(const audit_report *r, const size_t *n, FILE *out)
{
	for (size_t v = 0; v < r->nversions; v++)
		fprintf(out, "%s%zu under %s", v > 0 ? ", " : "", n[v],
		    r->versions[v]);
}

/* {"1.0":5,"1.1":5} */
static void
json_per_version(const audit_report *r, const size_t *n, FILE *out)
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
text_row(const audit_report *r, const audit_job *job, size_t i, FILE *out)
{
	const mif_sms_audit_row *row = &job->rows[i];
	char line[1024];
	size_t n = 0;

	/* the SMS ID goes straight out: it may be long */
	fputs("  ", out);
	put_escaped(out, row->sms_id);
	size_t idlen = mif_escape(row->sms_id, strlen(row->sms_id), 0, NULL, 0);
	n += (size_t)snprintf(line + n, sizeof line - n, "%*s  %-9s",
	    idlen < 8 ? (int)(8 - idlen) : 0, "", audit_truth_name(row->truth));
	for (size_t v = 0; v < r->nversions && n < sizeof line; v++) {
		char cell[32];
		snprintf(cell, sizeof cell, "%s%s", mif_sms_status_name(
		    row->shown[v]), row->lost[v] ? " (lost)" : "");
		/* "Retrying (lost)" is the widest */
		n += (size_t)snprintf(line + n, sizeof line - n, "  %s %-15s",
		    r->versions[v], cell);
	}
	if (job->inv != NULL && n < sizeof line) {
		const audit_inv *inv = &job->inv[i];
		n += (size_t)snprintf(line + n, sizeof line - n,
		    "  inventory %s%s", inv_name(inv),
		    audit_disagrees(inv, row->truth) ? " (disagrees)" : "");
	}
	if (n >= sizeof line)
		n = sizeof line - 1;
	while (n > 0 && line[n - 1] == ' ')
		n--;
	fwrite(line, 1, n, out);
	putc('\n', out);
}

static void
text_job(const audit_report *r, const audit_job *job, FILE *out)
{
	audit_counts n = { 0 };
	audit_count_job(r, job, &n);

	fputs("job ", out);
	put_escaped(out, job->id);
	fputs(" (", out);
	put_escaped(out, job->file);
	fprintf(out, "): %zu %s; lost ", job->nrows,
	    plural(job->nrows, "workstation", "workstations"));
	text_per_version(r, n.lost, out);
	putc('\n', out);
	for (size_t i = 0; i < job->nrows; i++)
		if (noteworthy(r, job, i))
			text_row(r, job, i, out);
}

static void
tsv_start_line(const audit_job *job, FILE *out)
{
	put_escaped(out, job->id);
	putc('\t', out);
	put_escaped(out, job->file);
	putc('\t', out);
}

static void
tsv_job(const audit_report *r, const audit_job *job, FILE *out)
{
	if (job->nrows == 0) {
		/* a job without targets still has its line, for merges */
		tsv_start_line(job, out);
		putc('\t', out);
		for (size_t v = 0; v < r->nversions; v++)
			fputs("\t\t", out);
		fputs(r->inventory ? "\t\t\t\n" : "\t\n", out);
		return;
	}
	for (size_t i = 0; i < job->nrows; i++) {
		const mif_sms_audit_row *row = &job->rows[i];
		tsv_start_line(job, out);
		put_escaped(out, row->sms_id);
		putc('\t', out);
		fputs(audit_truth_name(row->truth), out);
		for (size_t v = 0; v < r->nversions; v++)
			fprintf(out, "\t%s\t%s", mif_sms_status_name(row->shown[v]),
			    row->lost[v] ? "yes" : "no");
		if (r->inventory) {
			static const audit_inv unknown = { false, MIF_SMS_NONE };
			const audit_inv *inv = job->inv != NULL ? &job->inv[i]
			    : &unknown;
			fprintf(out, "\t%s\t%s", inv_name(inv),
			    audit_disagrees(inv, row->truth) ? "yes" : "no");
		}
		fputs("\t\n", out);
	}
}

static void
json_job(const audit_report *r, const audit_job *job, FILE *out)
{
	audit_counts n = { 0 };
	audit_count_job(r, job, &n);

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
	fputs(",\"rows\":[", out);
	for (size_t i = 0; i < job->nrows; i++) {
		const mif_sms_audit_row *row = &job->rows[i];
		fputs(i > 0 ? ",\n{\"sms_id\":" : "\n{\"sms_id\":", out);
		json_cstring(out, row->sms_id);
		fprintf(out, ",\"truth\":\"%s\",\"shown\":{",
		    audit_truth_name(row->truth));
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
			static const audit_inv unknown = { false, MIF_SMS_NONE };
			const audit_inv *inv = job->inv != NULL ? &job->inv[i]
			    : &unknown;
			fprintf(out, ",\"inventory\":\"%s\",\"disagrees\":%s",
			    inv_name(inv),
			    audit_disagrees(inv, row->truth) ? "true" : "false");
		}
		putc('}', out);
	}
	fputs(job->nrows > 0 ? "\n]}" : "]}", out);
}

void
audit_write_job(const audit_report *r, const audit_job *job, FILE *out)
{
	switch (r->format) {
	case AUDIT_TEXT: text_job(r, job, out); break;
	case AUDIT_TSV: tsv_job(r, job, out); break;
	case AUDIT_JSON: json_job(r, job, out); break;
	}
}

/* ---- skipped histories ---- */

void
audit_write_skip(const audit_report *r, const audit_skip *s, FILE *out)
{
	switch (r->format) {
	case AUDIT_TEXT:
		fputs("skipped ", out);
		put_escaped(out, s->file);
		fputs(": ", out);
		if (s->line > 0)
			fprintf(out, "%u:%u: ", s->line, s->column);
		put_escaped(out, s->text);
		putc('\n', out);
		break;
	case AUDIT_TSV:
		putc('\t', out);
		put_escaped(out, s->file);
		fputs("\t\tskipped", out);
		for (size_t v = 0; v < r->nversions; v++)
			fputs("\t\t", out);
		if (r->inventory)
			fputs("\t\t", out);
		putc('\t', out);
		if (s->line > 0)
			fprintf(out, "%u:%u: ", s->line, s->column);
		put_escaped(out, s->text);
		putc('\n', out);
		break;
	case AUDIT_JSON:
		fputs("{\"file\":", out);
		json_cstring(out, s->file);
		fprintf(out, ",\"line\":%u,\"column\":%u,\"error\":", s->line,
		    s->column);
		json_cstring(out, s->text);
		putc('}', out);
		break;
	}
}

/* ---- the report ---- */

bool
audit_begin(audit_report *r)
{
	FILE *out = r->out;

	memset(&r->totals, 0, sizeof r->totals);
	r->njson_jobs = r->njson_skipped = 0;
	r->skipped = NULL;
	switch (r->format) {
	case AUDIT_TEXT:
		break;
	case AUDIT_TSV:
		fputs("job\tfile\tsms_id\ttruth", out);
		for (size_t v = 0; v < r->nversions; v++)
			fprintf(out, "\tshown_%s\tlost_%s", r->versions[v],
			    r->versions[v]);
		fputs(r->inventory ? "\tinventory\tdisagrees\terror\n"
		    : "\terror\n", out);
		break;
	case AUDIT_JSON:
		r->skipped = tmpfile();
		if (r->skipped == NULL)
			return false;
		fputs("{\"versions\":[", out);
		for (size_t v = 0; v < r->nversions; v++) {
			if (v > 0)
				putc(',', out);
			json_cstring(out, r->versions[v]);
		}
		fprintf(out, "],\"inventory\":%s,\"jobs\":[",
		    r->inventory ? "true" : "false");
		break;
	}
	return true;
}

void
audit_put_job(audit_report *r, const char *text, size_t len,
    const audit_counts *counts)
{
	if (r->format == AUDIT_JSON)
		fputs(r->njson_jobs++ > 0 ? ",\n" : "\n", r->out);
	fwrite(text, 1, len, r->out);
	audit_counts_add(&r->totals, counts, r->nversions);
}

void
audit_put_skip(audit_report *r, const char *text, size_t len)
{
	/* JSON lists them after the jobs: they wait in a file, so that
	 * memory does not grow with them */
	FILE *to = r->format == AUDIT_JSON ? r->skipped : r->out;

	if (r->format == AUDIT_JSON)
		fputs(r->njson_skipped++ > 0 ? ",\n" : "\n", to);
	fwrite(text, 1, len, to);
	r->totals.skipped++;
}

static void
text_totals(const audit_report *r, FILE *out)
{
	const audit_counts *n = &r->totals;

	fprintf(out, "audited %zu %s, skipped %zu: %zu %s, %zu Complete, "
	    "%zu Failed, %zu never ran\n", n->jobs, plural(n->jobs, "job",
	    "jobs"), n->skipped, n->workstations, plural(n->workstations,
	    "workstation", "workstations"), n->truth[AUDIT_COMPLETE],
	    n->truth[AUDIT_FAILED], n->truth[AUDIT_NEVER_RAN]);
	fputs("lost: ", out);
	text_per_version(r, n->lost, out);
	putc('\n', out);
	if (r->inventory) {
		fputs("recovered from the inventory: ", out);
		text_per_version(r, n->recovered, out);
		fprintf(out, "\ndisagreements with the inventory: %zu\n",
		    n->disagreements);
	}
}

/* Copy the skipped entries that waited into the output. */
static bool
json_copy_skipped(audit_report *r)
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
json_totals(audit_report *r)
{
	FILE *out = r->out;
	const audit_counts *n = &r->totals;

	fputs(r->njson_jobs > 0 ? "\n],\"skipped\":[" : "],\"skipped\":[", out);
	bool ok = json_copy_skipped(r);
	fclose(r->skipped);
	r->skipped = NULL;
	fputs(r->njson_skipped > 0 ? "\n],\"totals\":{" : "],\"totals\":{", out);
	fprintf(out, "\"jobs\":%zu,\"skipped\":%zu,\"workstations\":%zu,"
	    "\"truth\":{\"Complete\":%zu,\"Failed\":%zu,\"never ran\":%zu},"
	    "\"lost\":", n->jobs, n->skipped, n->workstations,
	    n->truth[AUDIT_COMPLETE], n->truth[AUDIT_FAILED],
	    n->truth[AUDIT_NEVER_RAN]);
	json_per_version(r, n->lost, out);
	if (r->inventory) {
		fputs(",\"recovered\":", out);
		json_per_version(r, n->recovered, out);
		fprintf(out, ",\"disagreements\":%zu", n->disagreements);
	}
	fputs("}}\n", out);
	return ok;
}

bool
audit_end(audit_report *r, const char *prog)
{
	bool ok = true;

	if (r->format == AUDIT_TEXT)
		text_totals(r, r->out);
	else if (r->format == AUDIT_JSON && !json_totals(r)) {
		fprintf(stderr, "%s: the skipped histories' file: %s\n", prog,
		    strerror(errno));
		ok = false;
	}
	return ok;
}
