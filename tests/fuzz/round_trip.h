/*
 * The round-trip property shared by the fuzz harness and the regression
 * test: a document without errors, written in its own encoding and line
 * ends and parsed again, gives the same tree with no errors, and writing
 * that tree again gives the same bytes.
 *
 * Header-only so that both programs build it without extra wiring.
 */
#ifndef MIF_TEST_ROUND_TRIP_H
#define MIF_TEST_ROUND_TRIP_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mif.h"

/* The text of the first error of doc; "" when it has none. */
static const char *
round_trip_first_error(const mif_doc *doc)
{
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		if (e->severity >= MIF_ERROR)
			return e->text;
	}
	return "";
}

/*
 * Check the property for doc.  Returns true when it holds; otherwise
 * false with a one-line reason in why.
 */
static bool
round_trip_holds(const mif_doc *doc, char *why, size_t whylen)
{
	const mif_write_options opts = { MIF_ENC_SOURCE, MIF_NL_SOURCE };
	char *first = NULL, *second = NULL;
	size_t first_len, second_len;
	mif_doc *again = NULL;
	mif_error err;
	char diff[256];
	bool ok = false;

	if (mif_write_buffer(doc, &opts, &first, &first_len, &err) != 0) {
		snprintf(why, whylen, "write failed: %s", err.text);
		return false;
	}
	again = mif_parse_buffer(first, first_len, NULL, &err);
	if (again == NULL) {
		snprintf(why, whylen, "written output does not load: %s", err.text);
		goto out;
	}
	if (mif_doc_error_count(again) != 0) {
		snprintf(why, whylen, "written output has errors: %s",
		    round_trip_first_error(again));
		goto out;
	}
	if (mif_check(again, NULL) != 0) {
		snprintf(why, whylen, "written output fails the check: %s",
		    round_trip_first_error(again));
		goto out;
	}
	if (!mif_doc_same(doc, again, diff, sizeof diff)) {
		snprintf(why, whylen, "round trip changed the tree: %s", diff);
		goto out;
	}
	if (mif_write_buffer(again, &opts, &second, &second_len, &err) != 0) {
		snprintf(why, whylen, "second write failed: %s", err.text);
		goto out;
	}
	if (first_len != second_len || memcmp(first, second, first_len) != 0) {
		snprintf(why, whylen, "writer not idempotent: second output "
		    "(%zu bytes) differs from the first (%zu bytes)",
		    second_len, first_len);
		goto out;
	}
	ok = true;
out:
	free(second);
	mif_doc_free(again);
	free(first);
	return ok;
}

#endif /* MIF_TEST_ROUND_TRIP_H */
