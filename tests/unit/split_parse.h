/* Test helper of test_split.c and fuzz/fuzz_split.c: a document read from
 * raw bytes, as the loader reads them, and parsed by
 * mif_parse_text_split() with the split forced or none. */
#ifndef SPLIT_PARSE_H
#define SPLIT_PARSE_H

#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"
#include "lang/parse_split.h"

/* The document of len bytes of data named `name`, parsed in `threads`
 * (1: one) split at `at` (MIF_NOPOS: where the library would guess, from
 * split_min bytes; SIZE_MAX there: never); *outcome, when not NULL, what
 * became of the split.  NULL when the bytes cannot be read as text or
 * memory runs out. */
static inline mif_doc *
split_parse(const char *name, const void *data, size_t len,
    unsigned max_errors, unsigned threads, size_t split_min, uint32_t at,
    enum mif_split_outcome *outcome)
{
	mif_doc *doc = mif_doc_new(name);
	mif_error err;

	if (doc == NULL)
		return NULL;
	if ((doc->input = malloc(len + 2)) == NULL) {
		mif_doc_free(doc);
		return NULL;
	}
	memcpy(doc->input, data, len);
	doc->input_cap = len + 2;
	if (!mif_source_load(doc, len, NULL, &err)) {
		mif_doc_free(doc);
		return NULL;
	}
	enum mif_split_outcome o = mif_parse_text_split(doc, max_errors,
	    threads, split_min, at);
	if (outcome != NULL)
		*outcome = o;
	return doc;
}

#endif
