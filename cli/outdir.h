/*
 * A run's numbered output files (DIR/0001.mif, 0002.mif ...) written all
 * or none.  They are written into a new hidden folder beside DIR, with
 * hard links to the files of other names that DIR holds; when every one
 * is whole, the new folder and DIR trade names in one step (a rename
 * over a folder, or renameat2 RENAME_EXCHANGE), and the old folder is
 * removed.  So any interruption leaves DIR holding the old run or the
 * new one, whole; a signal (SIGINT, SIGTERM, SIGHUP) that ends the tool
 * before the switch also removes the new folder.
 */
#ifndef OUTDIR_H
#define OUTDIR_H

#include <stdbool.h>
#include <stddef.h>

/* One file's contents. */
typedef struct outdir_file {
	char *text;
	size_t len;
} outdir_file;

typedef struct outdir outdir;

/* The name of file i (from 0) of a run: "0001.mif" for 0. */
#define OUTDIR_NAME_FORMAT "%04zu.mif"

/*
 * Write the count files into a new folder beside dir (which need not
 * exist, but its parent must; a symbolic link to a folder is followed).
 * Returns the staged run for outdir_commit() or outdir_discard(); NULL
 * after reporting on standard error, as "PROG: DIR/NNNN.mif: error:
 * cannot STEP: REASON", with nothing left behind.  A numbered name in
 * dir taken by a folder, or a file of another name that cannot be
 * linked into the new folder (a folder, say), is such a failure.
 */
outdir *outdir_stage(const char *prog, const char *dir,
    const outdir_file *files, size_t count);

/*
 * Put the staged folder in dir's place and remove the old one.  False
 * after reporting (dir is then as it was).  Frees the run either way.
 */
bool outdir_commit(outdir *run);

/* Remove the staged folder.  Frees the run; NULL is allowed. */
void outdir_discard(outdir *run);

#endif /* OUTDIR_H */
