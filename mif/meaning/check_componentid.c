/*
 * Group 1, the ComponentID group: class DMTF|ComponentID|1.0 and the
 * standard attributes Manufacturer, Product, Version, Serial Number
 * (strings up to 64), Installation (DATE) and Verify (INTEGER 0-7 or an
 * enum).  SMS status MIFs add Locale (STRING(16)) and so shift the IDs,
 * and give Installation as a free-form string; old installers write only
 * an InstallStatus group as group 1.  So attributes are found by NAME
 * (ASCII case ignored), not by ID, and every finding is a warning.
 */
#include <stdio.h>

#include "meaning/check.h"

#define COMPONENTID_CLASS "DMTF|ComponentID|1.0"

typedef enum wanted_type {
	WANT_STRING,    /* STRING or DISPLAYSTRING of at most `size` */
	WANT_DATE,
	WANT_VERIFY,    /* INTEGER 0-7, or an enum */
} wanted_type;

typedef struct standard_attr {
	const char *name;
	wanted_type want;
	uint64_t size;
	bool optional;
} standard_attr;

static const standard_attr standard[] = {
	{ "Manufacturer", WANT_STRING, 64, false },
	{ "Product", WANT_STRING, 64, false },
	{ "Version", WANT_STRING, 64, false },
	{ "Serial Number", WANT_STRING, 64, false },
	{ "Installation", WANT_DATE, 0, false },
	{ "Verify", WANT_VERIFY, 0, false },
	{ "Locale", WANT_STRING, 16, true },
};
#define NSTANDARD (sizeof standard / sizeof standard[0])

static const standard_attr *
standard_of(const mif_string *name)
{
	if (name == NULL)
		return NULL;
	for (size_t i = 0; i < NSTANDARD; i++)
		if (mif_casecmp(name->bytes, standard[i].name) == 0)
			return &standard[i];
	return NULL;
}

bool
check_is_componentid(const check_ctx *c, const mif_block *group)
{
	const mif_string *cls = mif_block_string(group, MIF_KW_CLASS);

	return group == c->group1 && cls != NULL &&
	    mif_casecmp(cls->bytes, COMPONENTID_CLASS) == 0;
}

void
check_componentid_class(check_ctx *c, const mif_block *group)
{
	char name[CHECK_QUOTE_MAX], cls[CHECK_QUOTE_MAX];
	const mif_stmt *s = mif_block_stmt(group, MIF_KW_CLASS);

	if (s == NULL || s->form != MIF_F_STRING ||
	    check_is_componentid(c, group))
		return;
	check_report_rule(c, MIF_RULE_COMPONENTID_CLASS, MIF_WARNING, s->pos, MIF_NOPOS,
	    "group 1 %s has class %s, not \"" COMPONENTID_CLASS "\"",
	    check_block_name(c, name, sizeof name, group),
	    check_quote(cls, sizeof cls, s->v.str));
}

void
check_componentid_missing(check_ctx *c, const mif_block *group,
    const check_attrs *attrs)
{
	bool found[NSTANDARD] = { false };

	for (size_t i = 0; i < attrs->count; i++) {
		const standard_attr *std = standard_of(attrs->items[i].name);
		if (std != NULL)
			found[std - standard] = true;
	}
	for (size_t i = 0; i < NSTANDARD && !c->stop; i++)
		if (!found[i] && !standard[i].optional)
			check_report_rule(c, MIF_RULE_COMPONENTID_ATTRIBUTE, MIF_WARNING,
			    group->pos, MIF_NOPOS,
			    "ComponentID group has no \"%s\" attribute",
			    standard[i].name);
}

static void
check_verify_value(check_ctx *c, const check_attr *a, const char *name)
{
	char num[32];
	const mif_stmt *v = a->value;

	if (v == NULL || v->form != MIF_F_INTEGER)
		return;
	if (v->v.u <= 7 && !((v->flags & MIF_NEGATIVE) && v->v.u != 0))
		return;
	check_report_rule(c, MIF_RULE_COMPONENTID_VALUE, MIF_WARNING, v->pos, MIF_NOPOS,
	    "ComponentID attribute %s has value %s, not 0 to 7", name,
	    check_number_text(num, sizeof num, v->v.u, v->flags));
}

void
check_componentid_attr(check_ctx *c, const check_attr *a)
{
	char type[40], name[CHECK_QUOTE_MAX], want[48];
	const standard_attr *std = standard_of(a->name);
	bool is_int = a->kind == MIF_T_INTEGER || a->kind == MIF_T_INT;
	bool is_enum = a->kind == MIF_T_ENUM_NAMED ||
	    a->kind == MIF_T_ENUM_INLINE;

	if (std == NULL || a->state != CHECK_TYPE_OK)
		return; /* an unusable TYPE has had its error */
	check_quote(name, sizeof name, a->name);
	switch (std->want) {
	case WANT_STRING:
		if ((a->kind == MIF_T_STRING ||
		    a->kind == MIF_T_DISPLAYSTRING) && a->size <= std->size)
			return;
		snprintf(want, sizeof want, "a string of at most %u characters",
		    (unsigned)std->size);
		break;
	case WANT_DATE:
		if (a->kind == MIF_T_DATE)
			return;
		snprintf(want, sizeof want, "DATE");
		break;
	case WANT_VERIFY:
		if (is_int)
			check_verify_value(c, a, name);
		if (is_int || is_enum)
			return;
		snprintf(want, sizeof want, "INTEGER or an enum");
		break;
	}
	check_report_rule(c, MIF_RULE_COMPONENTID_TYPE, MIF_WARNING, a->type->pos,
	    MIF_NOPOS, "ComponentID attribute %s has type %s, not %s", name,
	    check_type_text(type, sizeof type, a->kind, a->size), want);
}
