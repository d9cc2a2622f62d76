/*
 * The NOIDMIF that mif-status --noidmif --update rewrites, held to what
 * SMS reads (mif-check --profile noidmif) on the way in and on the way
 * out, so that the package status it records is never in a file that
 * inventory would refuse.
 */
#ifndef NOIDMIF_FILE_H
#define NOIDMIF_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "mif.h"

/*
 * The NOIDMIF at path, parsed as input says and checked with the
 * noidmif profile, whose errors are reported as PROG: FILE:LINE:COL
 * (warnings are left to mif-check, but report_doubts()'s); a new, empty document when path is NULL or no file
 * has that name.
 * NULL after reporting, with *status what that deserves (CLI_TROUBLE or
 * CLI_INPUT).  The caller frees the document.
 */
mif_doc *noidmif_load(const char *prog, const char *path,
    const mif_parse_options *input, int *status);

/*
 * Whether text, the NOIDMIF about to be written as `what`, passes the
 * noidmif profile (its size limit, for one); false after reporting
 * each error, placed in what is to be written.
 */
bool noidmif_verify(const char *prog, const char *what, const char *text,
    size_t len);

#endif /* NOIDMIF_FILE_H */
