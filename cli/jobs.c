/* What mif-status and mif-expire share: see jobs.h. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "jobs.h"
#include "load.h"
#include "report.h"

const char *
jobs_version_list(char *buf, size_t size)
{
	size_t n, used = 0;
	const mif_sms_version *all = mif_sms_versions(&n);

	buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++) {
		int w = snprintf(buf + used, size - used, "%s%s",
		    i > 0 ? ", " : "", all[i].name);
		used += w > 0 ? (size_t)w : 0;
	}
	return buf;
}

const mif_sms_version *
jobs_version(const char *prog, const char *usage, const char *text)
{
	const mif_sms_version *v = mif_sms_version_find(text);
	char known[128];

	if (v != NULL)
		return v;
	/* --sms takes a comma list everywhere (mif-audit audits several) */
	if (strchr(text, ',') != NULL)
		cli_usage_error(prog, usage, "--sms: one version here, not a list "
		    "(\"%s\")", text);
	cli_usage_error(prog, usage, "unknown SMS version \"%s\" (known: %s)",
	    text, jobs_version_list(known, sizeof known));
}

int64_t
jobs_time(const char *prog, const char *usage, const char *option,
    const char *text)
{
	int64_t t;

	/* what a DATE in UTC can hold: years 0 to 9999 */
	if (!mif_time_parse(text, &t) || t < INT64_C(-62167219200) ||
	    t > INT64_C(253402300799))
		cli_usage_error(prog, usage, "%s: \"%s\" is not a time "
		    "(yyyy-mm-dd[Thh:mm[:ss]][Z|+hh:mm] or "
		    "yyyymmddHHMMSS.uuuuuu+ooo)", option, text);
	return t;
}

const char *
jobs_id(const char *prog, const char *usage, const char *option,
    const char *text)
{
	size_t n = strlen(text);
	bool plain = n >= 1 && n <= 8;

	for (size_t i = 0; i < n && plain; i++)
		plain = (unsigned char)text[i] > ' ' && text[i] != 0x7F;
	if (!plain)
		cli_usage_error(prog, usage, "%s: \"%s\" is not an ID of 1 to 8 "
		    "characters without blanks", option, text);
	return text;
}

void
jobs_error(const char *prog, const char *path, const char *fmt, ...)
{
	mif_error err = { .code = MIF_E_PROFILE, .severity = MIF_ERROR };
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(err.text, sizeof err.text, fmt, ap);
	va_end(ap);
	report_diag(stderr, prog, cli_display_name(path), NULL, &err);
}

void
jobs_report(const char *prog, const char *path, const mif_doc *doc,
    const mif_error *err)
{
	report_diag(stderr, prog, cli_display_name(path), doc, err);
}

mif_doc *
jobs_load_table(const char *prog, const char *path,
    const mif_parse_options *input, mif_sms_table *table, int *status)
{
	mif_error err;
	mif_doc *doc = cli_load(prog, path, input, status);

	if (doc == NULL)
		return NULL;
	if (!mif_sms_table_read(doc, table, &err)) {
		jobs_report(prog, path, doc, &err);
		*status = report_status(&err);
		mif_doc_free(doc);
		return NULL;
	}
	return doc;
}

mif_doc *
jobs_load_status_mif(const char *prog, const char *path,
    const mif_parse_options *input, mif_sms_instruction *ins,
    const char **description, int *status)
{
	const char *name = cli_display_name(path);
	mif_parse_options o = cli_input_named(input, name);
	mif_check_options c = { .profile = MIF_PROFILE_STATUS };
	mif_error err;
	mif_doc *doc = mif_parse_path(path, &o, &err);

	if (doc == NULL) {
		report_diag(stderr, prog, name, NULL, &err);
		*status = report_status(&err);
		return NULL;
	}
	if (mif_doc_error_count(doc) == 0)
		mif_check(doc, &c);
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		if (e->severity >= MIF_ERROR || e->code == MIF_E_PROFILE ||
		    report_is_doubt(doc, e))
			report_diag(stderr, prog, name, doc, e);
	}
	if (mif_doc_error_count(doc) == 0 &&
	    mif_sms_status_mif_read(doc, ins, description, &err))
		return doc;
	*status = CLI_INPUT;
	if (mif_doc_error_count(doc) == 0) {
		report_diag(stderr, prog, name, doc, &err);
		*status = report_status(&err);
	}
	mif_doc_free(doc);
	return NULL;
}

char *
jobs_render(const char *prog, const char *what, mif_doc *doc, bool ansi_only,
    size_t *len)
{
	/* ANSI only: whatever the input was read as (--input-encoding) */
	mif_write_options o = { ansi_only ? MIF_ENC_LATIN1 : MIF_ENC_SOURCE,
	    MIF_NL_SOURCE, MIF_EOF_SOURCE };
	mif_error err;
	char *out = NULL;

	if (mif_write_buffer(doc, &o, &out, len, &err) == 0)
		return out;
	if (err.code == MIF_E_ENCODING && !ansi_only) {
		o.encoding = MIF_ENC_UTF8;
		if (mif_write_buffer(doc, &o, &out, len, &err) == 0)
			return out;
	}
	report_diag(stderr, prog, what, doc, &err);
	return NULL;
}

bool
jobs_print(const char *prog, mif_doc *doc)
{
	size_t len;
	char *out = jobs_render(prog, "standard output", doc, false, &len);

	if (out == NULL)
		return false;
	fwrite(out, 1, len, stdout);
	free(out);
	return cli_flush_stdout(prog);
}
