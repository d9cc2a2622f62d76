/*
 * The files a tool reads, as its command line names them: a file, "-"
 * for standard input, or a folder, which stands for the *.mif files in
 * it (".mif" in any case, no hidden ones) in name order, not for its
 * subfolders.  The paths are kept in one buffer, in the order given.
 */
#ifndef INPUTS_H
#define INPUTS_H

#include <dirent.h>
#include <stdbool.h>
#include <stddef.h>

/* Zero it to start; inputs_free() when done. */
typedef struct inputs {
	char *pool;            /* the paths, NUL-terminated, one after another */
	size_t len, cap;
	size_t *at;            /* where each path starts in pool */
	size_t n, n_cap;
	bool nomem;            /* memory ran out: nothing more is added */
} inputs;

/*
 * Add each of args: a folder (not "-") as inputs_add_folder() does, and
 * anything else as inputs_add_path() does.  False after saying why on
 * standard error: for a folder that cannot be listed (the others are
 * still added), or when memory runs out (said once; nothing more is
 * added).
 */
bool inputs_add_args(inputs *in, const char *prog, char *const *args,
    size_t nargs);
/* One path as it is: files are not opened here, so read errors come
 * when they are read.  False after "PROG: out of memory". */
bool inputs_add_path(inputs *in, const char *prog, const char *path);
/* A folder's *.mif files in name order, not its subfolders.  False
 * after "PROG: DIR: REASON" when it cannot be listed, or "PROG: out of
 * memory". */
bool inputs_add_folder(inputs *in, const char *prog, const char *dir);

size_t inputs_count(const inputs *in);
/* Path i, from 0, as given or as DIR/NAME. */
const char *inputs_path(const inputs *in, size_t i);
void inputs_free(inputs *in);

/* Whether name is NAME.mif (".mif" in any case, NAME not empty) and not
 * hidden (no leading dot). */
bool inputs_mif_name(const char *name);

/*
 * The names of a folder that `keep` keeps (NULL: all), sorted by their
 * bytes, as scandir() gives them: the count, or -1 after "PROG: DIR:
 * REASON".  Free with inputs_free_names().
 */
int inputs_list_folder(const char *prog, const char *dir,
    struct dirent ***names, int (*keep)(const struct dirent *));
void inputs_free_names(struct dirent **names, int n);

#endif /* INPUTS_H */
