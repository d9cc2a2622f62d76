/*
 * libFuzzer harness for the merge of mif-audit's reports
 * (mif_audit_merge_read()): JSON, read a token at a time over yajl, and
 * TSV, told apart by the first character that is no blank.
 *
 * Any input is merged into a JSON report; nothing may crash, leak or
 * trip a sanitizer, and it is required that
 *   - an error placed in the input is at a line of it and a column
 *     from 1;
 *   - a report the merge takes, merged again, gives the very same bytes
 *     (the merge of one report is that report).
 * A failed property aborts with its reason, so that libFuzzer keeps the
 * input.
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
	fprintf(stderr, "fuzz_merge: %s\n", what);
	abort();
}

/* Merge the report in data into a JSON report in *out (malloc'd, or
 * NULL when out of memory); false with *e when the merge refuses it. */
static bool
merge(const void *data, size_t size, char **out, size_t *len, mif_error *e)
{
	mif_audit_report r;
	FILE *in = fmemopen((void *)data, size, "r");
	FILE *to = open_memstream(out, len);
	bool ok = false;

	memset(&r, 0, sizeof r);
	r.format = MIF_AUDIT_JSON;
	r.prog = "fuzz_merge";
	r.out = to;
	mif_audit_merge *m = in != NULL && to != NULL
	    ? mif_audit_merge_new(&r, false) : NULL;
	if (m != NULL) {
		ok = mif_audit_merge_read(m, in, "input", e);
		if (ok && r.begun)
			ok = mif_audit_end(&r, e);
		else
			mif_audit_abandon(&r);
		mif_audit_merge_free(m);
	}
	if (in != NULL)
		fclose(in);
	if (to != NULL)
		fclose(to);
	else
		*out = NULL;
	return ok;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *out, *again;
	size_t len, again_len, lines = 1;
	mif_error e;

	if (size == 0)
		return 0; /* fmemopen() wants a buffer */
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n';
	if (!merge(data, size, &out, &len, &e)) {
		if (strcmp(e.source, "input") == 0 && e.mark.line > 0 &&
		    (e.mark.line > lines || e.mark.column < 1)) {
			fprintf(stderr, "%u:%u: %s\n", e.mark.line, e.mark.column,
			    e.text);
			broken("an error placed outside the input");
		}
		free(out);
		return 0;
	}
	if (out == NULL || len == 0) {
		free(out);
		return 0;
	}
	if (!merge(out, len, &again, &again_len, &e)) {
		fprintf(stderr, "%s\n", e.text);
		broken("a merged report does not merge");
	}
	if (again != NULL && (again_len != len || memcmp(out, again, len) != 0))
		broken("a merged report merges into another");
	free(out);
	free(again);
	return 0;
}
