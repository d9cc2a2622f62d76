/*
 * How the validator's files report (check.h): through the walk's
 * context, which remembers when to stop.  A file of its own, so that the
 * files the walk calls need not call back into the walk (check.c).
 */
#include "meaning/check.h"
#include "meaning/profile.h"

static bool
vreport(check_ctx *c, mif_code code, mif_rule rule, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, va_list ap)
{
	if (c->stop)
		return false;
	/* what a syntax error swallowed was reported as that error */
	if (code == MIF_E_MISSING && mif_doc_damaged(c->doc, pos))
		return true;
	/* what the SMS files of the profile are made to do */
	if (severity < MIF_ERROR && check_profile_allows(c->profile,
	    rule != MIF_RULE_OF_CODE ? rule : (mif_rule)code))
		return true;
	bool go_on = mif_vdiag_rule(c->sink != NULL ? c->sink : c->doc, code, rule, severity, pos,
	    context_pos, fmt, ap);
	if (!go_on)
		c->stop = true;
	return go_on;
}

bool
check_report(check_ctx *c, mif_code code, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	bool go_on = vreport(c, code, MIF_RULE_OF_CODE, severity, pos,
	    context_pos, fmt, ap);
	va_end(ap);
	return go_on;
}

bool
check_report_rule(check_ctx *c, mif_rule rule, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	bool go_on = vreport(c, mif_rule_code(rule), rule, severity, pos,
	    context_pos, fmt, ap);
	va_end(ap);
	return go_on;
}

void
check_nomem(check_ctx *c)
{
	if (c->stop)
		return;
	mif_diag(c->sink != NULL ? c->sink : c->doc, MIF_E_NOMEM, MIF_FATAL, MIF_NOPOS, MIF_NOPOS,
	    "out of memory while checking");
	c->stop = true;
}

unsigned
check_line(const check_ctx *c, uint32_t pos)
{
	/* the line index grows as the diagnostics' document asks */
	return mif_doc_line_at(c->sink != NULL ? c->sink : c->doc, pos);
}
