/*
 * The library keeps no global state: several threads parse, check and
 * write documents at once and each gets what one thread alone gets.
 *
 * Every input (valid samples, invalid ones, the real corpus) is first
 * run alone, giving its canonical output and the text of its
 * diagnostics.  Then THREADS threads run all of them ROUNDS times over,
 * each starting at a different input, so that different documents are
 * parsed at the same moment, and every result is compared with the one
 * made alone.  Shared mutable state anywhere on these paths (a static
 * buffer, a cache, flex's or bison's globals) shows up as a difference;
 * under `make check SANITIZE=1` it may also show up as a crash.
 */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "mif.h"

#ifndef MIF_TEST_SAMPLES
#define MIF_TEST_SAMPLES "samples"
#endif

enum { THREADS = 4, ROUNDS = 8 };

static const char *const inputs[] = {
	MIF_TEST_SAMPLES "/types.mif",
	MIF_TEST_SAMPLES "/table.mif",
	MIF_TEST_SAMPLES "/messy.mif",
	MIF_TEST_SAMPLES "/escapes.mif",
	MIF_TEST_SAMPLES "/encodings/utf16le-bom.mif",
	MIF_TEST_SAMPLES "/corpus/os2tk45_names.mif",
	MIF_TEST_SAMPLES "/corpus/os2tk45_probe.mif",
	MIF_TEST_SAMPLES "/corpus/writer-missing-end-group.mif",
	MIF_TEST_SAMPLES "/invalid/unterminated-string.mif",
	MIF_TEST_SAMPLES "/invalid/missing-end-group.mif",
	MIF_TEST_SAMPLES "/invalid/duplicate-row-keys.mif",
};
enum { NINPUTS = sizeof inputs / sizeof inputs[0] };

typedef struct outcome {
	char *canonical; /* NULL when the input has errors */
	size_t canonical_len;
	char *diagnostics;
} outcome;

static struct {
	char *data[NINPUTS];
	size_t len[NINPUTS];
	outcome alone[NINPUTS];
} fixture;

static char *
read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	size_t cap = 0, n = 0;

	if (fp == NULL)
		return NULL;
	for (;;) {
		if (n == cap) {
			cap = cap == 0 ? 4096 : cap * 2;
			char *p = realloc(buf, cap);
			if (p == NULL)
				break;
			buf = p;
		}
		size_t got = fread(buf + n, 1, cap - n, fp);
		n += got;
		if (got == 0)
			break;
	}
	fclose(fp);
	*len = n;
	return buf;
}

/* Every diagnostic as "line:column: severity: text" lines, malloc'd. */
static char *
diagnostics_text(const mif_doc *doc)
{
	char *out = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&out, &len);

	if (fp == NULL)
		return NULL;
	for (size_t i = 0; i < mif_doc_diag_count(doc); i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		fprintf(fp, "%u:%u: %s: %s (context %u:%u)\n", e->mark.line,
		    e->mark.column, mif_severity_name(e->severity), e->text,
		    e->context.line, e->context.column);
	}
	fclose(fp);
	return out;
}

static outcome
run_one(size_t i)
{
	outcome o = { NULL, 0, NULL };
	mif_parse_options opts = { .source_name = inputs[i] };
	mif_doc *doc = mif_parse_buffer(fixture.data[i], fixture.len[i], &opts, NULL);

	if (doc == NULL)
		return o;
	mif_check(doc, NULL);
	if (mif_doc_error_count(doc) == 0 &&
	    mif_write_buffer(doc, NULL, &o.canonical, &o.canonical_len, NULL) != 0)
		o.canonical = NULL;
	o.diagnostics = diagnostics_text(doc);
	mif_doc_free(doc);
	return o;
}

static bool
same_outcome(const outcome *a, const outcome *b)
{
	if ((a->canonical == NULL) != (b->canonical == NULL) ||
	    a->diagnostics == NULL || b->diagnostics == NULL)
		return false;
	if (a->canonical != NULL && (a->canonical_len != b->canonical_len ||
	    memcmp(a->canonical, b->canonical, a->canonical_len) != 0))
		return false;
	return strcmp(a->diagnostics, b->diagnostics) == 0;
}

static void
outcome_free(outcome *o)
{
	free(o->canonical);
	free(o->diagnostics);
}

static void *
worker(void *arg)
{
	size_t first = (size_t)(uintptr_t)arg;
	size_t *mismatches = calloc(1, sizeof *mismatches);

	if (mismatches == NULL)
		return NULL;
	for (size_t k = 0; k < ROUNDS * NINPUTS; k++) {
		size_t i = (first + k) % NINPUTS;
		outcome o = run_one(i);
		if (!same_outcome(&o, &fixture.alone[i]))
			++*mismatches;
		outcome_free(&o);
	}
	return mismatches;
}

static int
setup(void **state)
{
	(void)state;
	for (size_t i = 0; i < NINPUTS; i++) {
		fixture.data[i] = read_file(inputs[i], &fixture.len[i]);
		if (fixture.data[i] == NULL) {
			fprintf(stderr, "cannot read %s\n", inputs[i]);
			return -1;
		}
		fixture.alone[i] = run_one(i);
		if (fixture.alone[i].diagnostics == NULL)
			return -1;
	}
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	for (size_t i = 0; i < NINPUTS; i++) {
		free(fixture.data[i]);
		outcome_free(&fixture.alone[i]);
	}
	return 0;
}

/* The fixture holds both kinds: documents to write and documents with
 * errors to report, so that both paths run side by side. */
static void
test_fixture_has_both_kinds(void **state)
{
	size_t valid = 0, invalid = 0;

	(void)state;
	for (size_t i = 0; i < NINPUTS; i++) {
		if (fixture.alone[i].canonical != NULL)
			valid++;
		else
			invalid++;
	}
	assert_true(valid >= 4);
	assert_true(invalid >= 3);
}

static void
test_threads_agree_with_one(void **state)
{
	pthread_t threads[THREADS];
	size_t total = 0;

	(void)state;
	for (size_t t = 0; t < THREADS; t++)
		assert_int_equal(pthread_create(&threads[t], NULL, worker,
		    (void *)(uintptr_t)(t * NINPUTS / THREADS)), 0);
	for (size_t t = 0; t < THREADS; t++) {
		void *result = NULL;
		assert_int_equal(pthread_join(threads[t], &result), 0);
		assert_non_null(result);
		total += *(size_t *)result;
		free(result);
	}
	assert_int_equal(total, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_has_both_kinds),
		cmocka_unit_test(test_threads_agree_with_one),
	};
	/* threads that trip over shared state may hang rather than fail */
	alarm(120);
	return cmocka_run_group_tests(tests, setup, teardown);
}
