/*
 * An audit report as one HTML page (mif-audit(1), OUTPUT, html): a page
 * that needs nothing else, neither the network nor a script.  It is
 * written as the jobs come, like the other forms, so that memory does not
 * grow with them; the summary needs the totals and comes last in the
 * file, and the style sheet shows it first.
 */
#include <string.h>

#include "sms/sms_audit_html.h"

/* ---- text ---- */

/* Text from the inputs: escaped by the rule of the text report
 * (miftools(7)), so that no control reaches the page, then for HTML. */
static void
put_html(FILE *out, const char *s)
{
	size_t len = strlen(s);

	while (len > 0) {
		char esc[MIF_ESCAPE_MAX];
		size_t n = mif_escape_char(s, len, 0, esc);
		if (esc[0] != '\0')
			fputs(esc, out);
		else
			for (size_t i = 0; i < n; i++)
				switch (s[i]) {
				case '&': fputs("&amp;", out); break;
				case '<': fputs("&lt;", out); break;
				case '>': fputs("&gt;", out); break;
				case '"': fputs("&quot;", out); break;
				case '\'': fputs("&#39;", out); break;
				default: putc(s[i], out); break;
				}
		s += n;
		len -= n;
	}
}

/* The class of a truth: its colour in the table and the chart. */
static const char *const truth_class[MIF_AUDIT_TRUTHS] = {
	[MIF_AUDIT_COMPLETE] = "complete", [MIF_AUDIT_FAILED] = "failed",
	[MIF_AUDIT_NEVER_RAN] = "never",
};

static const char *const truth_name[MIF_AUDIT_TRUTHS] = {
	[MIF_AUDIT_COMPLETE] = "Complete", [MIF_AUDIT_FAILED] = "Failed",
	[MIF_AUDIT_NEVER_RAN] = "never ran",
};

/* ---- a job ---- */

static void
html_header_row(const mif_audit_report *r, FILE *out)
{
	fputs("<thead><tr><th>workstation</th><th>truth</th>", out);
	for (size_t v = 0; v < r->nversions; v++) {
		fputs("<th>SMS ", out);
		put_html(out, r->versions[v]);
		fputs("</th>", out);
	}
	if (r->inventory)
		fputs("<th>inventory</th><th>recovery</th>", out);
	fputs("<th>notes</th></tr></thead>\n", out);
}

/* What the inventory gives back of a row: the truth of a lost row, or
 * an answer that disagrees. */
static const char *
recovery(const mif_audit_inv *inv, mif_sms_status truth, bool lost)
{
	if (mif_audit_disagrees(inv, truth))
		return "disagrees";
	if (!lost)
		return "";
	return inv->known ? "recovered" : "not recovered";
}

static void
html_row(const mif_audit_report *r, const mif_audit_job *job, size_t i, FILE *out)
{
	const mif_sms_audit_row *row = &job->rows[i];
	bool lost = false;

	for (size_t v = 0; v < r->nversions; v++)
		lost = lost || row->lost[v];
	fputs(lost ? "<tr class=\"lost\"><td>" : "<tr><td>", out);
	put_html(out, row->sms_id);
	fprintf(out, "</td><td class=\"%s\">%s</td>",
	    truth_class[mif_audit_truth_index(row->truth)], mif_audit_truth_name(row->truth));
	for (size_t v = 0; v < r->nversions; v++)
		fprintf(out, row->lost[v] ? "<td class=\"lost\">%s (lost)</td>"
		    : "<td>%s</td>", mif_sms_status_name(row->shown[v]));
	if (r->inventory) {
		static const mif_audit_inv unknown = { false, MIF_SMS_NONE };
		const mif_audit_inv *inv = job->inv != NULL ? &job->inv[i] : &unknown;
		const char *back = recovery(inv, row->truth, lost);
		fprintf(out, "<td>%s</td><td class=\"%s\">%s</td>", mif_audit_inv_name(inv),
		    strcmp(back, "recovered") == 0 ? "recovered" : "", back);
	}
	fputs("<td>", out);
	if (row->before_offer > 0)
		fprintf(out, "ignored %u before the offer%s", row->before_offer,
		    row->expired_again > 0 ? "; " : "");
	if (row->expired_again > 0)
		fprintf(out, "expired again %u", row->expired_again);
	fputs("</td></tr>\n", out);
}

void
mif_audit_html_job(const mif_audit_report *r, const mif_audit_job *job, FILE *out)
{
	mif_audit_counts n = { 0 };
	mif_audit_count_job(r, job, &n);

	fputs("<section class=\"job\">\n<h2>job ", out);
	put_html(out, job->id);
	fputs(" <span class=\"file\">", out);
	put_html(out, job->file);
	fprintf(out, "</span></h2>\n<p>%zu %s; lost ", job->nrows,
	    mif_audit_plural(job->nrows, "workstation", "workstations"));
	for (size_t v = 0; v < r->nversions; v++) {
		fprintf(out, "%s%zu under ", v > 0 ? ", " : "", n.lost[v]);
		put_html(out, r->versions[v]);
	}
	fputs("</p>\n", out);
	if (job->nrows > 0) {
		fputs("<table>\n", out);
		html_header_row(r, out);
		fputs("<tbody>\n", out);
		for (size_t i = 0; i < job->nrows; i++)
			html_row(r, job, i, out);
		fputs("</tbody>\n</table>\n", out);
	}
	fputs("</section>\n", out);
}

void
mif_audit_html_skip(const mif_audit_skip *s, FILE *out)
{
	fputs("<p class=\"skipped\">skipped <span class=\"file\">", out);
	put_html(out, s->file);
	fputs("</span>: ", out);
	if (s->line > 0)
		fprintf(out, "%u:%u: ", s->line, s->column);
	put_html(out, s->text);
	fputs("</p>\n", out);
}

/* ---- the page ---- */

static const char style[] =
    "body{font:14px/1.4 sans-serif;margin:1.5em;color:#222}\n"
    "main{display:flex;flex-direction:column}\n"
    ".summary{order:-1}\n"
    "h2{font-size:1.1em;margin:1.2em 0 .3em}\n"
    ".file{font-weight:normal;color:#666}\n"
    "table{border-collapse:collapse}\n"
    "th,td{border:1px solid #ccc;padding:.15em .5em;text-align:left}\n"
    "th{background:#eee}\n"
    "td.lost{background:#f8d0d0;font-weight:bold}\n"
    "tr.lost td:first-child{border-left:4px solid #c33}\n"
    "td.recovered{background:#d4ecd4}\n"
    ".skipped{color:#a33}\n"
    ".charts{display:flex;flex-wrap:wrap;gap:1em}\n"
    "figure{margin:0}\n"
    "svg text{font:12px sans-serif}\n"
    ".kept{fill:#5a9e5a}\n.gone{fill:#d04040}\n"
    ".incomplete{color:#c00;font-weight:bold}\n";

void
mif_audit_html_begin(const mif_audit_report *r, FILE *out)
{
	fprintf(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\"/>\n<title>mif-audit: what expiry lost"
	    "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<h1>What expiry lost</h1>\n<p>SMS versions compared: ", style);
	for (size_t v = 0; v < r->nversions; v++) {
		fputs(v > 0 ? ", " : "", out);
		put_html(out, r->versions[v]);
	}
	fprintf(out, "%s.</p>\n<main>\n", r->inventory ? "; with the inventory"
	    : "");
}

/* A length on the chart's scale, in tenths of a pixel: printed without
 * the locale's decimal point. */
#define BAR_WIDTH 240

static void
put_length(FILE *out, size_t n, size_t most)
{
	unsigned tenths = most == 0 ? 0 : (unsigned)((double)n * BAR_WIDTH * 10
	    / (double)most + 0.5);
	fprintf(out, "%u.%u", tenths / 10, tenths % 10);
}

/* One version's bars: per truth, what it kept and what it lost. */
static void
html_chart(const mif_audit_report *r, size_t v, FILE *out)
{
	const mif_audit_counts *n = &r->totals;
	size_t most = 0;

	for (size_t t = 0; t < MIF_AUDIT_TRUTHS; t++)
		most = n->truth[t] > most ? n->truth[t] : most;
	fputs("<figure>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"470\" "
	    "height=\"86\" role=\"img\">\n<title>SMS ", out);
	put_html(out, r->versions[v]);
	fputs(": kept and lost by outcome</title>\n", out);
	for (size_t t = 0; t < MIF_AUDIT_TRUTHS; t++) {
		size_t lost = n->lost_truth[v][t], kept = n->truth[t] - lost;
		unsigned y = 8 + 26 * (unsigned)t;
		fprintf(out, "<text x=\"0\" y=\"%u\">%s</text>\n", y + 13,
		    truth_name[t]);
		fprintf(out, "<rect class=\"kept\" y=\"%u\" height=\"18\" "
		    "transform=\"translate(80 0)\" width=\"", y);
		put_length(out, kept, most);
		fprintf(out, "\"/>\n<rect class=\"gone\" y=\"%u\" height=\"18\" x=\"",
		    y);
		put_length(out, kept, most);
		fputs("\" width=\"", out);
		put_length(out, lost, most);
		fprintf(out, "\" transform=\"translate(80 0)\"/>\n<text x=\"%u\" "
		    "y=\"%u\">kept %zu, lost %zu</text>\n", 80 + BAR_WIDTH + 8,
		    y + 13, kept, lost);
	}
	fputs("</svg>\n<figcaption>SMS ", out);
	put_html(out, r->versions[v]);
	fprintf(out, ": lost %zu", n->lost[v]);
	if (r->inventory)
		fprintf(out, ", recovered from the inventory %zu", n->recovered[v]);
	fputs("</figcaption>\n</figure>\n", out);
}

void
mif_audit_html_end(const mif_audit_report *r, FILE *out)
{
	const mif_audit_counts *n = &r->totals;

	fprintf(out, "<section class=\"summary\">\n<h2>Summary</h2>\n"
	    "<p>audited %zu %s, skipped %zu: %zu %s, %zu Complete, %zu Failed, "
	    "%zu never ran</p>\n", n->jobs, mif_audit_plural(n->jobs, "job", "jobs"),
	    n->skipped, n->workstations, mif_audit_plural(n->workstations, "workstation",
	    "workstations"), n->truth[MIF_AUDIT_COMPLETE],
	    n->truth[MIF_AUDIT_FAILED], n->truth[MIF_AUDIT_NEVER_RAN]);
	fputs("<table class=\"versions\">\n<thead><tr><th>SMS</th>"
	    "<th>Complete kept</th><th>Complete lost</th><th>Failed kept</th>"
	    "<th>Failed lost</th><th>never ran kept</th><th>never ran lost</th>"
	    "<th>lost</th>", out);
	fputs(r->inventory ? "<th>recovered</th></tr></thead>\n<tbody>\n"
	    : "</tr></thead>\n<tbody>\n", out);
	for (size_t v = 0; v < r->nversions; v++) {
		fputs("<tr><td>", out);
		put_html(out, r->versions[v]);
		fputs("</td>", out);
		for (size_t t = 0; t < MIF_AUDIT_TRUTHS; t++)
			fprintf(out, "<td>%zu</td><td>%zu</td>", n->truth[t] -
			    n->lost_truth[v][t], n->lost_truth[v][t]);
		fprintf(out, "<td>%zu</td>", n->lost[v]);
		if (r->inventory)
			fprintf(out, "<td>%zu</td>", n->recovered[v]);
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
	if (r->inventory)
		fprintf(out, "<p>disagreements with the inventory: %zu</p>\n",
		    n->disagreements);
	if (n->before_offer > 0)
		fprintf(out, "<p>ignored: %zu %s before the offer (Q166833)</p>\n",
		    n->before_offer, mif_audit_plural(n->before_offer, "result", "results"));
	if (n->expired_again > 0)
		fprintf(out, "<p>replayed: %zu repeated %s</p>\n", n->expired_again,
		    mif_audit_plural(n->expired_again, "expiry", "expiries"));
	fputs("<div class=\"charts\">\n", out);
	for (size_t v = 0; v < r->nversions; v++)
		html_chart(r, v, out);
	fputs("</div>\n</section>\n</main>\n</body>\n</html>\n", out);
}

void
mif_audit_html_abandon(const mif_audit_report *r, FILE *out)
{
	/* the line of the other forms, on a line of its own */
	fputs("<p class=\"incomplete\">\n", out);
	put_html(out, r->prog);
	fputs(": INCOMPLETE REPORT: it stops at an error (see the standard "
	    "error)\n</p>\n</main>\n</body>\n</html>\n", out);
}
