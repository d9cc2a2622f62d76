/*
 * Groups: required statements, the ID in the component's ID space, the
 * class string, the KEY, then each attribute.  A group with an ID and no
 * KEY is a scalar group, with a KEY and no ID a template, with both a
 * keyed group whose values are given in place; one with neither is an
 * error.  Diagnostics come in source order as far as the block allows:
 * those at the START first, then statements, then attributes.
 */
#include "meaning/check.h"

static void
report_missing(check_ctx *c, const mif_block *group)
{
	char name[CHECK_QUOTE_MAX];

	if (mif_block_stmt(group, MIF_KW_NAME) == NULL &&
	    !check_report(c, MIF_E_MISSING, MIF_ERROR, group->pos,
	    MIF_NOPOS, "group has no NAME"))
		return;
	bool has_class = mif_block_stmt(group, MIF_KW_CLASS) != NULL;
	bool has_id_or_key = mif_block_stmt(group, MIF_KW_ID) != NULL ||
	    mif_block_stmt(group, MIF_KW_KEY) != NULL;
	if (has_class && has_id_or_key)
		return;
	check_block_name(c, name, sizeof name, group);
	if (mif_block_stmt(group, MIF_KW_CLASS) == NULL &&
	    !check_report(c, MIF_E_MISSING, MIF_ERROR, group->pos,
	    MIF_NOPOS, "group %s has no CLASS", name))
		return;
	if (mif_block_stmt(group, MIF_KW_ID) == NULL &&
	    mif_block_stmt(group, MIF_KW_KEY) == NULL)
		check_report(c, MIF_E_MISSING, MIF_ERROR, group->pos,
		    MIF_NOPOS, "group %s has neither ID nor KEY", name);
}

/* Warn about a class string without three non-empty parts. */
static void
check_class_form(check_ctx *c, const mif_block *block)
{
	char name[CHECK_QUOTE_MAX], cls[CHECK_QUOTE_MAX];
	const mif_stmt *s = mif_block_stmt(block, MIF_KW_CLASS);

	if (s == NULL || s->form != MIF_F_STRING)
		return;
	unsigned parts = 1;
	bool empty = s->v.str->len == 0;
	for (uint32_t i = 0; i < s->v.str->len; i++) {
		if (s->v.str->bytes[i] != '|')
			continue;
		parts++;
		if (i + 1 == s->v.str->len || s->v.str->bytes[i + 1] == '|' ||
		    i == 0)
			empty = true;
	}
	if (parts == 3 && !empty)
		return;
	check_report_rule(c, MIF_RULE_CLASS_FORM, MIF_WARNING, s->pos, MIF_NOPOS,
	    "class %s of group %s is not of the form "
	    "\"defining body|specific name|version\"",
	    check_quote(cls, sizeof cls, s->v.str),
	    check_block_name(c, name, sizeof name, block));
}

static bool
number_is(const void *item, const void *key, const void *arg)
{
	(void)arg;
	return ((const mif_number *)item)->mag == *(const uint64_t *)key;
}

static void
check_key(check_ctx *c, const mif_block *group, const check_attrs *attrs,
    const mif_stmt *key)
{
	char name[CHECK_QUOTE_MAX], num[32];
	check_set seen = { 0 };
	bool nomem = false;

	if (key->form != MIF_F_KEYS)
		return;
	check_block_name(c, name, sizeof name, group);
	for (uint32_t i = 0; i < key->v.keys->count && !c->stop; i++) {
		const mif_number *n = &key->v.keys->items[i];
		bool neg = (n->flags & MIF_NEGATIVE) && n->mag != 0;
		check_number_text(num, sizeof num, n->mag, n->flags);
		bool twice = !neg && check_set_add(&seen,
		    mif_hash_u64(n->mag), &n->mag, n, number_is, NULL,
		    &nomem) != NULL;
		if (nomem)
			check_nomem(c);
		else if (twice)
			check_report(c, MIF_E_KEY, MIF_ERROR, key->pos,
			    MIF_NOPOS, "KEY of group %s names attribute ID %s "
			    "twice", name, num);
		else if (neg || check_attrs_find(attrs, n->mag) == NULL)
			check_report(c, MIF_E_KEY, MIF_ERROR, key->pos,
			    MIF_NOPOS, "KEY of group %s names attribute ID %s, "
			    "which the group does not have", name, num);
	}
	check_set_free(&seen);
}

static bool
is_template(const mif_block *group)
{
	return mif_block_stmt(group, MIF_KW_KEY) != NULL &&
	    mif_block_stmt(group, MIF_KW_ID) == NULL;
}

/* The group's statements in source order, the first of each keyword. */
static void
check_statements(check_ctx *c, const mif_block *group,
    const check_attrs *attrs)
{
	unsigned seen = 0;

	for (uint16_t i = 0; i < group->nstmts && !c->stop; i++) {
		const mif_stmt *s = &group->stmts[i];
		if (s->kw >= 32 || (seen & (1u << s->kw)))
			continue;
		seen |= 1u << s->kw;
		switch (s->kw) {
		case MIF_KW_ID:
			check_component_id(c, group);
			break;
		case MIF_KW_CLASS:
			check_class_form(c, group);
			if (is_template(group))
				check_template_unique(c, group);
			if (group == c->group1)
				check_componentid_class(c, group);
			break;
		case MIF_KW_KEY:
			check_key(c, group, attrs, s);
			break;
		default:
			break;
		}
	}
}

void
check_group(check_ctx *c, const mif_block *group)
{
	check_attrs local = { 0 };
	const check_attrs *attrs = &local;
	check_template *t = check_template_of_group(c, group);

	if (t != NULL)
		attrs = check_template_attrs(c, t);
	else if (!check_attrs_gather(c, group, &local))
		attrs = NULL;
	if (attrs == NULL) {
		check_attrs_free(&local);
		check_nomem(c);
		return;
	}
	bool componentid = check_is_componentid(c, group);
	report_missing(c, group);
	if (attrs->count == 0 && !c->stop)
		check_report_rule(c, MIF_RULE_GROUP_EMPTY, MIF_WARNING, group->pos,
		    MIF_NOPOS, "group %s has no attribute; the DMI reference "
		    "parser refuses it (NO_ATTRIBUTES)",
		    check_block_name(c, (char[CHECK_QUOTE_MAX]){ 0 },
		    CHECK_QUOTE_MAX, group));
	if (componentid && !c->stop)
		check_componentid_missing(c, group, attrs);
	check_statements(c, group, attrs);
	for (size_t i = 0; i < attrs->count && !c->stop; i++) {
		check_attr_block(c, group, attrs, i);
		if (componentid && !c->stop)
			check_componentid_attr(c, &attrs->items[i]);
	}
	check_attrs_free(&local);
}
