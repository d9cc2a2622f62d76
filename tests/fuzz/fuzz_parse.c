/*
 * libFuzzer harness for the parser, the validator and the writer.
 *
 * Any input: parse it and check it; nothing may crash, leak or trip a
 * sanitizer.  An input without errors must also survive a round trip
 * (see round_trip.h); when it does not, the harness aborts with the
 * reason so that libFuzzer keeps the input.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "mif.h"
#include "round_trip.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	mif_error err;
	mif_doc *doc = mif_parse_buffer(data, size, NULL, &err);
	char why[512];

	if (doc == NULL)
		return 0;
	mif_check(doc, NULL);
	if (mif_doc_error_count(doc) == 0 && !round_trip_holds(doc, why, sizeof why)) {
		fprintf(stderr, "fuzz_parse: %s\n", why);
		abort();
	}
	mif_doc_free(doc);
	return 0;
}
