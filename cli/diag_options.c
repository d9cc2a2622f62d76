/* The options that control diagnostics: see diag_options.h. */
#include <string.h>

#include "cli.h"
#include "diag_options.h"
#include "report.h"

static void
silence(const char *prog, const char *usage, const char *name)
{
	mif_rule rule;

	if (!mif_rule_parse(name, &rule))
		cli_usage_error(prog, usage, "no diagnostic code '%s' (see "
		    "DIAGNOSTIC CODES in miftools(7))", name);
	report_silence(rule);
}

static void
warnings(const char *prog, const char *usage, const char *opt,
    const char *arg)
{
	if (strcmp(arg, "all") == 0)
		report_set_warnings(REPORT_WARNINGS_ALL);
	else if (strcmp(arg, "none") == 0)
		report_set_warnings(REPORT_WARNINGS_NONE);
	else if (strcmp(arg, "error") == 0)
		report_set_warnings(REPORT_WARNINGS_ERROR);
	else
		cli_usage_error(prog, usage, "%s wants %sall, none or error, not "
		    "'%s'", opt, opt[1] == 'W' ? "no-CODE, " : "", arg);
}

bool
diag_option(const char *prog, const char *usage, int c, const char *arg)
{
	switch (c) {
	case 'W':
		if (strncmp(arg, "no-", 3) == 0)
			silence(prog, usage, arg + 3);
		else
			warnings(prog, usage, "-W", arg);
		return true;
	case DIAG_OPT_NO_WARN:
		silence(prog, usage, arg);
		return true;
	case DIAG_OPT_WARNINGS:
		warnings(prog, usage, "--warnings", arg);
		return true;
	case DIAG_OPT_FORMAT:
		if (strcmp(arg, "text") == 0)
			report_set_format(prog, REPORT_TEXT);
		else if (strcmp(arg, "json") == 0)
			report_set_format(prog, REPORT_JSON);
		else if (strcmp(arg, "sarif") == 0)
			report_set_format(prog, REPORT_SARIF);
		else
			cli_usage_error(prog, usage, "--diagnostics-format wants "
			    "text, json or sarif, not '%s'", arg);
		return true;
	case DIAG_OPT_COLOR:
		if (arg == NULL || strcmp(arg, "always") == 0)
			report_set_colour(REPORT_COLOUR_ALWAYS);
		else if (strcmp(arg, "auto") == 0)
			report_set_colour(REPORT_COLOUR_AUTO);
		else if (strcmp(arg, "never") == 0)
			report_set_colour(REPORT_COLOUR_NEVER);
		else
			cli_usage_error(prog, usage, "--color wants auto, always or "
			    "never, not '%s'", arg);
		return true;
	default:
		return false;
	}
}
