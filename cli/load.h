/*
 * Reading an input MIF that a tool needs whole and valid: parse it,
 * check it, and report what is wrong, in one call.
 */
#ifndef LOAD_H
#define LOAD_H

#include "mif.h"

/*
 * Parse path ("-": standard input) with the options of input (its
 * source name aside; NULL: the defaults) and run mif_check() on it.
 * Errors are reported on standard error as PROG: FILE:LINE:COL
 * (warnings are left to mif-check, but for report_doubts()'s).
 * On success returns the document (the caller frees it); when it
 * cannot be read or has errors, returns NULL with *status set to the
 * exit status that deserves (CLI_TROUBLE: unreadable; CLI_INPUT: errors).
 */
mif_doc *cli_load(const char *prog, const char *path,
    const mif_parse_options *input, int *status);

#endif /* LOAD_H */
