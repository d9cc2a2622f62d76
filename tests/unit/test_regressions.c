/*
 * Replay every file of the fuzzing regressions and every .mif file of the
 * samples: parse, check, and for files without errors the round trip of
 * the fuzz harness (tests/fuzz/round_trip.h).  Nothing may crash; under the
 * sanitizers nothing may leak or misbehave either.
 *
 * Paths are relative to the repository root, where `make check` runs the
 * tests; MIF_TEST_SAMPLES and MIF_TEST_REGRESSIONS override them at
 * compile time.  Samples outside an invalid/ folder and samples/corpus/
 * (whose real files include broken ones) must also parse and check
 * without errors.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cmocka.h>

#include "mif.h"
#include "../fuzz/round_trip.h"

#ifndef MIF_TEST_SAMPLES
#define MIF_TEST_SAMPLES "samples"
#endif
#ifndef MIF_TEST_REGRESSIONS
#define MIF_TEST_REGRESSIONS "tests/fuzz/regressions"
#endif

typedef struct replay {
	bool expect_valid; /* files outside invalid/ and corpus/ */
	bool only_mif;     /* samples/ holds other files too */
	size_t files;
	size_t failures;
} replay;

static char *
read_file(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	char *buf = NULL;
	long size;

	if (fp == NULL)
		return NULL;
	if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) >= 0 &&
	    fseek(fp, 0, SEEK_SET) == 0) {
		buf = malloc((size_t)size + 1);
		if (buf != NULL && fread(buf, 1, (size_t)size, fp) != (size_t)size) {
			free(buf);
			buf = NULL;
		}
		*len = (size_t)size;
	}
	fclose(fp);
	return buf;
}

static bool
may_be_invalid(const char *path)
{
	return strstr(path, "/invalid/") != NULL || strstr(path, "/corpus/") != NULL;
}

/* Documentation beside the inputs is not an input. */
static bool
is_input(const char *name)
{
	size_t n = strlen(name);

	if (name[0] == '.' || strncmp(name, "README", 6) == 0)
		return false;
	return !(n > 3 && strcmp(name + n - 3, ".md") == 0);
}

static bool
is_mif(const char *name)
{
	size_t n = strlen(name);

	return n > 4 && (strcmp(name + n - 4, ".mif") == 0 ||
	    strcmp(name + n - 4, ".MIF") == 0);
}

static void
replay_file(replay *r, const char *path)
{
	mif_parse_options popts = { .source_name = path };
	mif_error err;
	size_t len;
	char why[512];
	char *data = read_file(path, &len);

	if (data == NULL) {
		print_error("%s: cannot read\n", path);
		r->failures++;
		return;
	}
	r->files++;
	mif_doc *doc = mif_parse_buffer(data, len, &popts, &err);
	free(data);
	if (doc == NULL) {
		/* Unreadable input (bad encoding ...) is a proper answer. */
		if (r->expect_valid && !may_be_invalid(path)) {
			print_error("%s: does not load: %s\n", path, err.text);
			r->failures++;
		}
		return;
	}
	mif_check(doc, NULL);
	if (mif_doc_error_count(doc) == 0) {
		if (!round_trip_holds(doc, why, sizeof why)) {
			print_error("%s: %s\n", path, why);
			r->failures++;
		}
	} else if (r->expect_valid && !may_be_invalid(path)) {
		print_error("%s: unexpected error: %s\n", path,
		    round_trip_first_error(doc));
		r->failures++;
	}
	mif_doc_free(doc);
}

static void
replay_tree(replay *r, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (d == NULL) {
		print_error("%s: cannot open folder\n", dir);
		r->failures++;
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (!is_input(e->d_name))
			continue;
		size_t n = strlen(dir) + strlen(e->d_name) + 2;
		char *path = malloc(n);
		struct stat st;

		assert_non_null(path);
		snprintf(path, n, "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0) {
			print_error("%s: cannot stat\n", path);
			r->failures++;
		} else if (S_ISDIR(st.st_mode)) {
			replay_tree(r, path);
		} else if (S_ISREG(st.st_mode) && (!r->only_mif || is_mif(e->d_name))) {
			replay_file(r, path);
		}
		free(path);
	}
	closedir(d);
}

static void
test_samples(void **state)
{
	replay r = { true, true, 0, 0 };

	(void)state;
	replay_tree(&r, MIF_TEST_SAMPLES);
	assert_true(r.files > 0);
	assert_int_equal(r.failures, 0);
}

static void
test_fuzz_regressions(void **state)
{
	replay r = { false, false, 0, 0 };

	(void)state;
	replay_tree(&r, MIF_TEST_REGRESSIONS);
	assert_int_equal(r.failures, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_samples),
		cmocka_unit_test(test_fuzz_regressions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
