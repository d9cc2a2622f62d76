/*
 * The files a tool that takes many reads (cli/walk.c and cli/folder.c,
 * tools' helpers linked in from build/libcli.a): a folder stands for its
 * *.mif files in name order, without hidden ones, its subfolders' too
 * with -R; a list names more; anything else is taken as it is.
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

#include "../../cli/folder.h"
#include "../../cli/walk.h"

static void
touch(const char *dir, const char *name)
{
	char path[1300];

	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *fp = fopen(path, "w");
	assert_non_null(fp);
	fclose(fp);
}

static void
test_mif_names(void **state)
{
	(void)state;
	assert_true(folder_mif_name("a.mif"));
	assert_true(folder_mif_name("A.MiF"));
	assert_false(folder_mif_name(".mif"));
	assert_false(folder_mif_name(".a.mif"));
	assert_false(folder_mif_name("a.mifs"));
	assert_false(folder_mif_name("a.txt"));
	assert_false(folder_mif_name("mif"));
	assert_false(folder_mif_name(""));
}

static void
want_path(const walk_files *f, size_t i, const char *dir, const char *name)
{
	char want[1300];

	snprintf(want, sizeof want, "%s%s%s", dir != NULL ? dir : "",
	    dir != NULL ? "/" : "", name);
	assert_string_equal(walk_file(f, i), want);
}

static void
test_collect(void **state)
{
	(void)state;
	char dir[] = "/tmp/test_walk.XXXXXX";
	char sub[600], empty[600], slashed[600];

	assert_non_null(mkdtemp(dir));
	touch(dir, "b.MIF");
	touch(dir, "a.mif");
	touch(dir, ".hidden.mif");
	touch(dir, "notes.txt");
	snprintf(sub, sizeof sub, "%s/c.mif", dir);  /* a folder named .mif */
	assert_int_equal(mkdir(sub, 0700), 0);
	touch(sub, "d.mif");
	snprintf(empty, sizeof empty, "%s/empty", dir);
	assert_int_equal(mkdir(empty, 0700), 0);

	/* a folder: its *.mif files in name order, no hidden ones, no
	 * subfolders; a name taken as it is, read errors come later */
	walk_options o = { .folders = true };
	char *args[] = { "-", dir, "no-such.mif" };
	walk_files f;
	assert_true(walk_collect("test", &o, args, 3, &f));
	assert_int_equal(f.n, 4);
	assert_string_equal(walk_file(&f, 0), "-");
	want_path(&f, 1, dir, "a.mif");
	want_path(&f, 2, dir, "b.MIF");
	assert_string_equal(walk_file(&f, 3), "no-such.mif");
	walk_free(&f);

	/* -R: the subfolders too, where they fall in name order; a
	 * trailing slash gives one slash */
	o = (walk_options){ .recursive = true };
	snprintf(slashed, sizeof slashed, "%s//", dir);
	char *rargs[] = { slashed };
	assert_true(walk_collect("test", &o, rargs, 1, &f));
	assert_int_equal(f.n, 3);
	want_path(&f, 0, dir, "a.mif");
	want_path(&f, 1, dir, "b.MIF");
	want_path(&f, 2, sub, "d.mif");
	walk_free(&f);

	/* a folder without *.mif files is trouble (said on standard error),
	 * and the other arguments are still taken */
	o = (walk_options){ .folders = true };
	char *eargs[] = { empty, "x.mif" };
	assert_false(walk_collect("test", &o, eargs, 2, &f));
	assert_int_equal(f.n, 1);
	assert_string_equal(walk_file(&f, 0), "x.mif");
	walk_free(&f);

	/* many names: the pool grows, the names stay whole */
	char *many[1000];
	for (size_t i = 0; i < 1000; i++)
		many[i] = dir;
	o = (walk_options){ 0 };
	assert_true(walk_collect("test", &o, many, 1000, &f));
	assert_int_equal(f.n, 1000);
	assert_string_equal(walk_file(&f, 999), dir);
	walk_free(&f);

	static const char *const made[] = { "b.MIF", "a.mif", ".hidden.mif",
	    "notes.txt", "c.mif/d.mif" };
	for (size_t i = 0; i < sizeof made / sizeof made[0]; i++) {
		char path[700];
		snprintf(path, sizeof path, "%s/%s", dir, made[i]);
		unlink(path);
	}
	rmdir(sub);
	rmdir(empty);
	rmdir(dir);
}

/* --files-from with -0: names as find -print0 writes them. */
static void
test_files_from(void **state)
{
	(void)state;
	char list[] = "/tmp/test_walk_list.XXXXXX";
	int fd = mkstemp(list);
	assert_true(fd >= 0);
	static const char names[] = "a b.mif\0c\nd.mif\0";
	assert_int_equal(write(fd, names, sizeof names - 1),
	    (ssize_t)(sizeof names - 1));
	close(fd);

	walk_options o = { .files_from = list, .nul = true };
	walk_files f;
	assert_true(walk_collect("test", &o, NULL, 0, &f));
	assert_int_equal(f.n, 2);
	assert_string_equal(walk_file(&f, 0), "a b.mif");
	assert_string_equal(walk_file(&f, 1), "c\nd.mif");
	walk_free(&f);
	unlink(list);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_mif_names),
		cmocka_unit_test(test_collect),
		cmocka_unit_test(test_files_from),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
