/*
 * The options that control diagnostics, the same in every tool that
 * reports them (miftools(7), WARNINGS and DIAGNOSTIC CODES):
 *
 *   -W no-CODE, --no-warn CODE   silence the warnings of one code
 *   -W none, --warnings none     silence every warning and note
 *   -W error, --warnings error   make warnings errors (for CI)
 *   --diagnostics-format text|json|sarif
 *   --color[=auto|always|never]
 *
 * A tool adds DIAG_OPTSTRING to its getopt string and DIAG_LONGOPTS to its
 * long options, passes what it does not know to diag_option(), and ends
 * with report_finish() (report.h).
 */
#ifndef DIAG_OPTIONS_H
#define DIAG_OPTIONS_H

#include <stdbool.h>

enum {
	DIAG_OPT_NO_WARN = 0x1000, DIAG_OPT_WARNINGS, DIAG_OPT_FORMAT,
	DIAG_OPT_COLOR
};

#define DIAG_OPTSTRING "W:"
#define DIAG_LONGOPTS \
	{ "no-warn", required_argument, NULL, DIAG_OPT_NO_WARN }, \
	{ "warnings", required_argument, NULL, DIAG_OPT_WARNINGS }, \
	{ "diagnostics-format", required_argument, NULL, DIAG_OPT_FORMAT }, \
	{ "color", optional_argument, NULL, DIAG_OPT_COLOR }, \
	{ "colour", optional_argument, NULL, DIAG_OPT_COLOR }

/* Lines for a tool's --help. */
#define DIAG_HELP \
    "  -W no-CODE, --no-warn CODE\n" \
    "                      silence the warnings of CODE\n" \
    "  -W none|error, --warnings all|none|error\n" \
    "                      show warnings, silence them, or make them errors\n" \
    "      --diagnostics-format text|json|sarif\n" \
    "                      how diagnostics are written on standard error\n" \
    "      --color[=auto|always|never]\n" \
    "                      colour on a terminal (auto, the default)\n"

/* Take option c (as getopt_long returned it) with its argument when it
 * is one of the above; false when it is not.  A bad value is a usage
 * error. */
bool diag_option(const char *prog, const char *usage, int c,
    const char *arg);

#endif /* DIAG_OPTIONS_H */
