/*
 * The status profile: the MIF a package writes for SMS to report how
 * its installation went (the InstallStatusMIF API).  It must hold an
 * InstallStatus group (class MICROSOFT|JOBSTATUS|1.0) whose Status is
 * "Success" or "Failed" and whose Description says why; the full form
 * adds a ComponentID group.  The API cuts company, product, version and
 * serial at 64 characters, locale at 16 and the message at 128; those
 * limits hold only where a file declares no size of its own (SMS
 * Installer declares a STRING(255) Description, Q169491).
 *
 * Groups are found by class and attributes by name, ASCII case ignored,
 * as SMS does: writers differ in IDs and in case.  Older writers put
 * the status in upper case (FAILED): a warning, so that their files pass.
 */
#include <string.h>

#include "meaning/profile.h"

#define JOBSTATUS_CLASS "MICROSOFT|JOBSTATUS|1.0"
#define COMPONENTID_CLASS "DMTF|ComponentID|1.0"

/* The API's limits, in characters. */
typedef struct limit {
	const char *name;
	size_t max;
} limit;

static const limit componentid_limits[] = {
	{ "Manufacturer", 64 },
	{ "Product", 64 },
	{ "Version", 64 },
	{ "Serial Number", 64 },
	{ "Locale", 16 },
};
#define DESCRIPTION_MAX 128

/* The spelling of a status that is "Success" or "Failed" with case
 * ignored; NULL for any other. */
static const char *
canonical_status(const mif_string *s)
{
	static const char *const words[] = { "Success", "Failed" };

	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (s->len == strlen(words[i]) &&
		    mif_ncasecmp(s->bytes, words[i], s->len) == 0)
			return words[i];
	return NULL;
}

static const mif_block *
group_of_class(const mif_block *comp, const char *class_name)
{
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		const mif_string *cls = mif_block_string(b, MIF_KW_CLASS);
		if (b->kind == MIF_GROUP && cls != NULL &&
		    mif_casecmp(cls->bytes, class_name) == 0)
			return b;
	}
	return NULL;
}

/* The declared size of a string attribute; 0 when it has none. */
static uint64_t
declared_size(const mif_block *attr)
{
	const mif_stmt *t = mif_block_stmt(attr, MIF_KW_TYPE);

	if (t == NULL || t->form != MIF_F_TYPE || !check_is_string_type(t->sub))
		return 0;
	return t->v.u;
}

/*
 * An error when the attribute's string VALUE is longer than max
 * characters and its TYPE declares no size.
 */
static void
check_length(check_ctx *c, const mif_block *attr, size_t max,
    const char *what)
{
	char name[CHECK_QUOTE_MAX];
	const mif_stmt *v = mif_block_stmt(attr, MIF_KW_VALUE);

	if (v == NULL || v->form != MIF_F_STRING)
		return;
	/* a declared size is the file's own limit, which the DMI checks
	 * hold it to; the API's applies only where the file states none */
	size_t n = check_char_count(v->v.str);
	if (declared_size(attr) != 0 || n <= max)
		return;
	check_report_rule(c, MIF_RULE_STATUS_LENGTH, MIF_ERROR, v->pos, MIF_NOPOS,
	    "value of %s attribute %s is %zu characters long; with no size "
	    "declared, a status MIF allows %zu", what,
	    check_block_name(c, name, sizeof name, attr), n, max);
}

/* A value for messages: "text", 12, UNKNOWN ... */
static const char *
value_text(char *buf, size_t size, const mif_stmt *v)
{
	switch (v->form) {
	case MIF_F_STRING:
		return check_quote(buf, size, v->v.str);
	case MIF_F_INTEGER:
		return check_number_text(buf, size, v->v.u, v->flags);
	case MIF_F_OVERLAY:
		return "an overlay";
	case MIF_F_UNKNOWN:
		return "UNKNOWN";
	case MIF_F_UNSUPPORTED:
		return "UNSUPPORTED";
	default:
		return "no value";
	}
}

/* Whether s has no lower-case letter: "FAILED", as older status
 * writers spell it (docs/sms-model.md), which SMS reads as "Failed". */
static bool
is_upper_case(const mif_string *s)
{
	for (size_t i = 0; i < s->len; i++)
		if (s->bytes[i] >= 'a' && s->bytes[i] <= 'z')
			return false;
	return true;
}

static void
check_status(check_ctx *c, const mif_block *group)
{
	char text[CHECK_QUOTE_MAX], name[CHECK_QUOTE_MAX];
	const mif_block *attr = check_child_named(group, MIF_ATTRIBUTE, "Status");

	check_block_name(c, name, sizeof name, group);
	if (attr == NULL) {
		check_report_rule(c, MIF_RULE_STATUS_NO_STATUS, MIF_ERROR, group->pos, MIF_NOPOS,
		    "InstallStatus group %s has no \"Status\" attribute", name);
		return;
	}
	const mif_stmt *v = mif_block_stmt(attr, MIF_KW_VALUE);
	if (v == NULL) {
		check_report_rule(c, MIF_RULE_STATUS_NO_VALUE, MIF_ERROR, attr->pos, MIF_NOPOS,
		    "attribute \"Status\" of InstallStatus group %s has no VALUE; "
		    "it must be \"Success\" or \"Failed\"", name);
		return;
	}
	const char *word = v->form == MIF_F_STRING ? canonical_status(v->v.str)
	    : NULL;
	if (word == NULL)
		check_report_rule(c, MIF_RULE_STATUS_VALUE, MIF_ERROR, v->pos, MIF_NOPOS,
		    "status %s is neither \"Success\" nor \"Failed\"",
		    value_text(text, sizeof text, v));
	else if (memcmp(v->v.str->bytes, word, v->v.str->len) != 0 &&
	    !is_upper_case(v->v.str))
		check_report_rule(c, MIF_RULE_STATUS_CASE, MIF_WARNING, v->pos,
		    MIF_NOPOS,
		    "status %s is spelled \"%s\" in a status MIF",
		    check_quote(text, sizeof text, v->v.str), word);
}

static bool
is_blank(const mif_string *s)
{
	for (uint32_t i = 0; i < s->len; i++)
		if (s->bytes[i] != ' ' && s->bytes[i] != '\t')
			return false;
	return true;
}

static void
check_description(check_ctx *c, const mif_block *group)
{
	char text[CHECK_QUOTE_MAX], name[CHECK_QUOTE_MAX];
	const mif_block *attr = check_child_named(group, MIF_ATTRIBUTE, "Description");

	check_block_name(c, name, sizeof name, group);
	if (attr == NULL) {
		check_report_rule(c, MIF_RULE_STATUS_DESCRIPTION, MIF_WARNING, group->pos, MIF_NOPOS,
		    "InstallStatus group %s has no \"Description\" attribute; "
		    "SMS shows it as the status message", name);
		return;
	}
	const mif_stmt *v = mif_block_stmt(attr, MIF_KW_VALUE);
	if (v == NULL)
		check_report_rule(c, MIF_RULE_STATUS_DESCRIPTION, MIF_WARNING, attr->pos, MIF_NOPOS,
		    "attribute \"Description\" of InstallStatus group %s has no "
		    "VALUE", name);
	else if (v->form != MIF_F_STRING)
		check_report_rule(c, MIF_RULE_STATUS_DESCRIPTION, MIF_WARNING, v->pos, MIF_NOPOS,
		    "the description of InstallStatus group %s is %s, not a "
		    "message", name, value_text(text, sizeof text, v));
	else if (is_blank(v->v.str))
		check_report_rule(c, MIF_RULE_STATUS_DESCRIPTION, MIF_WARNING, v->pos, MIF_NOPOS,
		    "the description of InstallStatus group %s is %s", name,
		    v->v.str->len == 0 ? "empty" : "blank");
	else
		check_length(c, attr, DESCRIPTION_MAX, "InstallStatus");
}

static void
check_componentid_limits(check_ctx *c, const mif_block *group)
{
	size_t n = sizeof componentid_limits / sizeof componentid_limits[0];

	for (const mif_block *b = group->u.children; b != NULL && !c->stop;
	    b = b->next) {
		const mif_string *name = mif_block_string(b, MIF_KW_NAME);
		if (b->kind != MIF_ATTRIBUTE || name == NULL)
			continue;
		for (size_t i = 0; i < n; i++)
			if (mif_casecmp(name->bytes, componentid_limits[i].name) == 0)
				check_length(c, b, componentid_limits[i].max,
				    "ComponentID");
	}
}

void
check_status_rules(check_ctx *c)
{
	const mif_block *comp = c->component;

	if (comp == NULL || c->stop)
		return; /* the parser has said why there is no tree */
	const mif_block *cid = group_of_class(comp, COMPONENTID_CLASS);
	const mif_block *status = group_of_class(comp, JOBSTATUS_CLASS);
	if (status == NULL)
		check_report_rule(c, MIF_RULE_STATUS_NO_GROUP, MIF_ERROR, comp->pos, MIF_NOPOS,
		    "no InstallStatus group (class \"" JOBSTATUS_CLASS "\"): "
		    "not a status MIF");
	/* in file order, as the DMI checks report */
	if (cid != NULL && (status == NULL || cid->pos < status->pos))
		check_componentid_limits(c, cid);
	if (status != NULL) {
		check_status(c, status);
		check_description(c, status);
	}
	if (cid != NULL && status != NULL && cid->pos > status->pos)
		check_componentid_limits(c, cid);
}
