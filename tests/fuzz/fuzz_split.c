/*
 * libFuzzer harness for the parse and the check in two parts, one per
 * core (mif/lang/parse_split.c, mif/meaning/check_split.c).
 *
 * Any input: parsed and checked whole by one thread; then parsed split
 * at one of its lines that start with START and checked split at one of
 * its component's blocks, the first two bytes choosing which (and the
 * third the error cap).  Both must give the same diagnostics, in the
 * same order, and the same text when written.  When they do not, the
 * harness aborts with the first difference, so that libFuzzer keeps the
 * input.  Big texts are split near their middle; here the split is
 * forced on texts of any size.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "meaning/check.h"
#include "../unit/split_parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The offset of the nth line of text that starts with START (after
 * blanks), counted round; MIF_NOPOS when there is none. */
static uint32_t
nth_start_line(const char *text, size_t len, unsigned nth)
{
	uint32_t found[256];
	unsigned n = 0;

	for (size_t i = 0; i < len && n < 256; i++) {
		if (i > 0 && text[i - 1] != '\n')
			continue;
		size_t j = i;
		while (j < len && (text[j] == ' ' || text[j] == '\t'))
			j++;
		if (len - j >= 5 && memcmp(text + j, "START", 5) == 0)
			found[n++] = (uint32_t)j;
	}
	return n == 0 ? MIF_NOPOS : found[nth % n];
}

/* The document of data, parsed (split at `at` unless MIF_NOPOS) and
 * checked (split at block `block` unless SIZE_MAX); NULL when the input
 * cannot be read. */
static mif_doc *
parse_and_check(const uint8_t *data, size_t size, unsigned max_errors,
    uint32_t at, size_t block)
{
	mif_doc *doc = split_parse("f.mif", data, size, max_errors,
	    at == MIF_NOPOS ? 1 : 0, SIZE_MAX, at, NULL);

	if (doc == NULL)
		return NULL;
	const mif_check_options opts = { .max_errors = max_errors,
	    .profile = MIF_PROFILE_AUTO };
	mif_check_with_split(doc, &opts, SIZE_MAX, block, NULL);
	return doc;
}

static void
differs(const char *what, size_t i)
{
	fprintf(stderr, "fuzz_split: %s %zu differs from the whole parse's\n",
	    what, i);
	abort();
}

static void
same_diagnostics(const mif_doc *whole, const mif_doc *split)
{
	size_t n = mif_doc_diag_count(whole);

	if (mif_doc_diag_count(split) != n)
		differs("the number of diagnostics, not", n);
	for (size_t i = 0; i < n; i++) {
		const mif_error *a = mif_doc_diag(whole, i);
		const mif_error *b = mif_doc_diag(split, i);
		if (a->code != b->code || a->severity != b->severity ||
		    a->rule != b->rule || a->mark.line != b->mark.line ||
		    a->mark.column != b->mark.column ||
		    a->mark.offset != b->mark.offset ||
		    a->context.offset != b->context.offset ||
		    strcmp(a->text, b->text) != 0) {
			fprintf(stderr, "whole: %d %d %d %u:%u+%zu ctx %u:%u+%zu %s\n"
			    "split: %d %d %d %u:%u+%zu ctx %u:%u+%zu %s\n",
			    a->code, a->severity, a->rule, a->mark.line,
			    a->mark.column, a->mark.offset, a->context.line,
			    a->context.column, a->context.offset, a->text,
			    b->code, b->severity, b->rule, b->mark.line,
			    b->mark.column, b->mark.offset, b->context.line,
			    b->context.column, b->context.offset, b->text);
			differs("diagnostic", i);
		}
	}
}

static void
same_text(const mif_doc *whole, const mif_doc *split)
{
	const mif_write_options opts = { MIF_ENC_SOURCE, MIF_NL_SOURCE };
	char *a = NULL, *b = NULL;
	size_t alen = 0, blen = 0;
	int ra = mif_write_buffer(whole, &opts, &a, &alen, NULL);
	int rb = mif_write_buffer(split, &opts, &b, &blen, NULL);

	if (ra != rb || alen != blen || (alen > 0 && memcmp(a, b, alen) != 0))
		differs("the written text, at byte", 0);
	free(a);
	free(b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	unsigned line = data[0], block = data[1] % 64 + 1;
	unsigned max_errors = data[2] % 8 == 0 ? 0 : data[2] % 8;
	data += 3;
	size -= 3;

	mif_doc *whole = parse_and_check(data, size, max_errors, MIF_NOPOS,
	    SIZE_MAX);
	if (whole == NULL)
		return 0;
	uint32_t at = nth_start_line(whole->text, whole->text_len, line);
	mif_doc *split = at == MIF_NOPOS ? NULL
	    : parse_and_check(data, size, max_errors, at, block);
	if (split != NULL) {
		same_diagnostics(whole, split);
		same_text(whole, split);
		mif_doc_free(split);
	}
	mif_doc_free(whole);
	return 0;
}
