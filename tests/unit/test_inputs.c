/*
 * The files a tool reads (cli/inputs.c, compiled in here: it is a
 * tool's helper, not the library's): a folder stands for its *.mif
 * files in name order, without hidden ones or subfolders; anything else
 * is taken as it is.
 */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../cli/inputs.c"

static void
touch(const char *dir, const char *name)
{
	char path[512];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fclose(fp);
}

static void
test_mif_names(void **state)
{
	(void)state;
	assert_true(inputs_mif_name("a.mif"));
	assert_true(inputs_mif_name("A.MiF"));
	assert_false(inputs_mif_name(".mif"));
	assert_false(inputs_mif_name(".a.mif"));
	assert_false(inputs_mif_name("a.mifs"));
	assert_false(inputs_mif_name("a.txt"));
	assert_false(inputs_mif_name("mif"));
	assert_false(inputs_mif_name(""));
}

static void
test_args(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_inputs.XXXXXX";
	char sub[600];

	assert_non_null(mkdtemp(dir));
	touch(dir, "b.MIF");
	touch(dir, "a.mif");
	touch(dir, "c.mif");
	touch(dir, ".hidden.mif");
	touch(dir, "notes.txt");
	snprintf(sub, sizeof sub, "%s/sub.mif", dir);
	assert_int_equal(mkdir(sub, 0700), 0);

	inputs in = { 0 };
	char *args[] = { "-", dir, "no-such.mif", sub };
	/* sub.mif: a folder named on the command line is expanded too;
	 * it holds no *.mif file, which is trouble (false, said on standard
	 * error), while the other arguments are still taken; listed in a
	 * folder, it is left out */
	assert_false(inputs_add_args(&in, "test", args, 4));
	assert_int_equal(inputs_count(&in), 5);
	char want[600];
	assert_string_equal(inputs_path(&in, 0), "-");
	snprintf(want, sizeof want, "%s/a.mif", dir);
	assert_string_equal(inputs_path(&in, 1), want);
	snprintf(want, sizeof want, "%s/b.MIF", dir);
	assert_string_equal(inputs_path(&in, 2), want);
	snprintf(want, sizeof want, "%s/c.mif", dir);
	assert_string_equal(inputs_path(&in, 3), want);
	assert_string_equal(inputs_path(&in, 4), "no-such.mif");
	inputs_free(&in);
	assert_int_equal(inputs_count(&in), 0);

	/* many paths: the pool grows, the paths stay whole */
	for (size_t i = 0; i < 1000; i++)
		assert_true(inputs_add_path(&in, "test", dir));
	assert_int_equal(inputs_count(&in), 1000);
	assert_string_equal(inputs_path(&in, 999), dir);
	inputs_free(&in);

	/* a folder that cannot be listed (a file): false, nothing added */
	char notes[600];
	snprintf(notes, sizeof notes, "%s/notes.txt", dir);
	assert_false(inputs_add_folder(&in, "test", notes));
	assert_int_equal(inputs_count(&in), 0);
	inputs_free(&in);

	static const char *const made[] = { "b.MIF", "a.mif", "c.mif",
	    ".hidden.mif", "notes.txt" };
	for (size_t i = 0; i < sizeof made / sizeof made[0]; i++) {
		char path[600];
		snprintf(path, sizeof path, "%s/%s", dir, made[i]);
		unlink(path);
	}
	rmdir(sub);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mif_names),
		cmocka_unit_test(test_args),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
