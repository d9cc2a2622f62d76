/*
 * An audit report's HTML form (sms_audit_html.c), and the words the
 * forms share (sms_audit_report.c).  Internal to libmif.
 */
#ifndef MIF_SMS_AUDIT_HTML_H
#define MIF_SMS_AUDIT_HTML_H

#include "sms/internal.h"

/* MIF_AUDIT_COMPLETE, _FAILED or _NEVER_RAN for a truth. */
size_t mif_audit_truth_index(mif_sms_status truth);
/* The inventory's answer: a truth's name, or "unknown". */
const char *mif_audit_inv_name(const mif_audit_inv *inv);
/* one when n is 1, else many */
const char *mif_audit_plural(size_t n, const char *one, const char *many);

/* The page's start, up to the jobs. */
void mif_audit_html_begin(const mif_audit_report *r, FILE *out);
/* A job's section with its table of workstations. */
void mif_audit_html_job(const mif_audit_report *r, const mif_audit_job *job,
    FILE *out);
void mif_audit_html_skip(const mif_audit_skip *skip, FILE *out);
/* The summary with its charts (of r->totals), and the page's end. */
void mif_audit_html_end(const mif_audit_report *r, FILE *out);
/* The INCOMPLETE REPORT line, and the page's end. */
void mif_audit_html_abandon(const mif_audit_report *r, FILE *out);

#endif /* MIF_SMS_AUDIT_HTML_H */
