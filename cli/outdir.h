/*
 * A run's numbered output files (DIR/0001.mif, 0002.mif ...) written all
 * or none.  Each is first written beside its name as a hidden temporary
 * file; only when every one is whole are they renamed into place, and
 * the numbered files an earlier run left beyond this run's count are
 * removed, so that the folder never mixes two runs.  Other files in the
 * folder are left alone.
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
 * Write the count files as temporary files in dir, which is made when
 * it does not exist (its parent must).  Returns the staged run for
 * outdir_commit() or outdir_discard(); NULL after reporting on standard
 * error, as "PROG: DIR/NNNN.mif: error: cannot STEP: REASON", with
 * nothing left behind (dir removed again if this call made it).  A name
 * taken by something other than a file (a folder) is such a failure.
 */
outdir *outdir_stage(const char *prog, const char *dir,
    const outdir_file *files, size_t count);

/*
 * Rename the staged files to their names, then remove the numbered
 * files beyond count that an earlier run left.  False after reporting.
 * Frees the run either way.
 */
bool outdir_commit(outdir *run);

/* Remove the staged files, and the folder when outdir_stage() made it.
 * Frees the run; NULL is allowed. */
void outdir_discard(outdir *run);

#endif /* OUTDIR_H */
