/*
 * libFuzzer harness for the JSON reader (and, through it, the JSON
 * writer and the builder behind both readers).
 *
 * Any input is read as JSON with mif_parse_json(); nothing may crash,
 * leak or trip a sanitizer.  When the reader gives a document without
 * errors, that document written as MIF must parse without errors into
 * the same tree (mif_doc_same), unless it holds a character that its
 * encoding cannot (a document may say latin1 and hold any character;
 * then the MIF writer refuses it), and written as JSON must read back
 * into the same tree again.  An input that is a MIF file without errors
 * goes the other way too: MIF to JSON to tree, the same tree.  A failed
 * property aborts with its reason, so that libFuzzer keeps the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "mif.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
broken(const char *what, const char *why)
{
	fprintf(stderr, "fuzz_json: %s: %s\n", what, why);
	abort();
}

static int write_mif(const mif_doc *doc, char **out, size_t *len,
    mif_error *err);

/* doc written by `write` and read back by `read` gives the same tree. */
static void
round_trip(const mif_doc *doc, const char *what,
    int (*write)(const mif_doc *, char **, size_t *, mif_error *),
    mif_doc *(*read)(const void *, size_t, const mif_parse_options *,
    mif_error *))
{
	char *text;
	size_t len;
	mif_error err;
	char why[512];

	if (write(doc, &text, &len, &err) != 0) {
		if (err.code == MIF_E_ENCODING && write == write_mif)
			return;
		broken(what, err.text);
	}
	mif_doc *again = read(text, len, NULL, &err);
	free(text);
	if (again == NULL)
		broken(what, err.text);
	if (mif_doc_error_count(again) != 0)
		broken(what, err.text);
	if (!mif_doc_same(doc, again, why, sizeof why))
		broken(what, why);
	mif_doc_free(again);
}

static int
write_mif(const mif_doc *doc, char **out, size_t *len, mif_error *err)
{
	return mif_write_buffer(doc, NULL, out, len, err);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mif_error err;
	mif_doc *doc = mif_parse_json(data, size, NULL, &err);

	if (doc != NULL && mif_doc_error_count(doc) == 0) {
		round_trip(doc, "JSON to MIF", write_mif, mif_parse_buffer);
		round_trip(doc, "JSON to JSON", mif_write_json, mif_parse_json);
	}
	mif_doc_free(doc);

	doc = mif_parse_buffer(data, size, NULL, &err);
	if (doc != NULL && mif_doc_error_count(doc) == 0)
		round_trip(doc, "MIF to JSON", mif_write_json, mif_parse_json);
	mif_doc_free(doc);
	return 0;
}
