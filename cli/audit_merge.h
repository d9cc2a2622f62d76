/*
 * mif-audit --merge: combine the TSV or JSON reports of earlier runs
 * into one report, as if one run had audited every history they name.
 */
#ifndef AUDIT_MERGE_H
#define AUDIT_MERGE_H

#include <stdbool.h>
#include <stddef.h>

#include "audit_format.h"

/*
 * Read the reports at paths ("-": standard input), each TSV or JSON as
 * mif-audit writes them (told apart by their first character), and
 * write r: their jobs and skipped histories in the order of the runs
 * that wrote them, each once, and totals counted again from the rows.
 * Each report must be whole: a TSV one ends with its closing line, a
 * JSON one has totals, and their counts are those of what it lists.  The versions and whether rows carry inventory
 * answers come from the first report; every other report must have the
 * same, and so must r's versions when sms_given.  Returns the exit
 * status: CLI_OK, CLI_NO when some history was skipped, CLI_TROUBLE
 * after reporting a report that cannot be read or merged (r then ends
 * with its INCOMPLETE REPORT line, if it was begun).
 */
int audit_merge(const char *prog, audit_report *r, bool sms_given,
    char *const *paths, size_t npaths);

#endif /* AUDIT_MERGE_H */
