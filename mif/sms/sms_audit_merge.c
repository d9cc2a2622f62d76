/*
 * Merging audit reports: earlier reports in, one report out
 * (mif_audit_merge_read()).  Each report is read a job at a time
 * (sms_audit_merge_tsv.c, sms_audit_merge_json.c): memory holds one
 * job's rows, whatever the size of the reports.
 */
#include <stdio.h>
#include <stdlib.h>

#include "sms/sms_audit_merge.h"

/* ---- the merge ---- */

mif_audit_merge *
mif_audit_merge_new(mif_audit_report *r, bool versions_given)
{
	merge *m = calloc(1, sizeof *m);

	if (m != NULL) {
		m->r = r;
		m->sms_given = versions_given;
	}
	return m;
}

bool
mif_audit_merge_read(mif_audit_merge *m, FILE *in, const char *name,
    mif_error *err)
{
	mif_error ignored;
	int c;

	m->file = name;
	m->err = err != NULL ? err : &ignored;
	/* JSON starts with its object; TSV with its header */
	m->skipped_lines = m->skipped_columns = 0;
	while ((c = getc(in)) == ' ' || c == '\t' || c == '\n' || c == '\r') {
		if (c == '\n') {
			m->skipped_lines++;
			m->skipped_columns = 0;
		} else {
			m->skipped_columns++;
		}
	}
	if (c != EOF)
		ungetc(c, in);
	bool ok = c == '{' ? merge_read_json(m, in) : merge_read_tsv(m, in);
	merge_spool_close(m);
	m->err = NULL;
	return ok;
}

void
mif_audit_merge_free(mif_audit_merge *m)
{
	if (m == NULL)
		return;
	merge_spool_close(m);
	free(m->pool);
	free(m->rows);
	free(m->inv);
	free(m->sms_at);
	free(m->text);
	free(m);
}
