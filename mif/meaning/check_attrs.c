/*
 * Attributes: gathered once per group with their IDs and resolved types
 * (templates keep theirs for their tables), then reported in source
 * order: NAME, ID, TYPE, ACCESS against VALUE, and the VALUE itself.
 */
#include <stdlib.h>

#include "meaning/check.h"

static bool
attr_has_id(const void *item, const void *key, const void *arg)
{
	(void)arg;
	return ((const check_attr *)item)->idv == *(const uint64_t *)key;
}

/* The component enum a TYPE = "name" means: exact name first. */
static void
resolve_named_enum(check_ctx *c, check_attr *a, const mif_string *name)
{
	const mif_block *e = check_set_find(&c->enum_names,
	    check_hash_ptr(name), name, check_enum_has_name, NULL);
	if (e == NULL) {
		e = check_set_find(&c->enum_folded,
		    check_hash_folded(name), name,
		    check_enum_has_folded_name, NULL);
		a->state = e != NULL ? CHECK_TYPE_ENUM_CASE
		    : CHECK_TYPE_NO_ENUM;
	}
	if (e != NULL) {
		a->enum_block = e;
		a->enm = check_enum_of(c, e);
	}
}

static void
resolve_type(check_ctx *c, check_attr *a)
{
	const mif_stmt *t = a->type;

	a->state = CHECK_TYPE_OK;
	if (t == NULL) {
		a->state = CHECK_TYPE_MISSING;
		return;
	}
	if (t->form != MIF_F_TYPE || t->sub >= MIF_T_COUNT) {
		a->state = CHECK_TYPE_BAD;
		return;
	}
	a->kind = (mif_type_kind)t->sub;
	if (check_is_string_type(a->kind)) {
		a->size = t->v.u;
		if (a->size == 0)
			a->state = CHECK_TYPE_NO_SIZE;
	} else if (a->kind == MIF_T_ENUM_NAMED) {
		resolve_named_enum(c, a, t->v.str);
	} else if (a->kind == MIF_T_ENUM_INLINE) {
		a->enum_block = t->v.enm;
		a->enm = check_enum_of(c, t->v.enm);
	}
}

bool
check_attrs_gather(check_ctx *c, const mif_block *group,
    check_attrs *out)
{
	out->items = calloc(group->count > 0 ? group->count : 1,
	    sizeof *out->items);
	out->count = 0;
	if (out->items == NULL ||
	    !check_set_reserve(&out->by_id, group->count))
		return false;
	bool nomem = false;
	for (const mif_block *b = group->u.children; b != NULL; b = b->next) {
		if (b->kind != MIF_ATTRIBUTE || out->count >= group->count)
			continue;
		check_attr *a = &out->items[out->count++];
		a->block = b;
		a->name = mif_block_string(b, MIF_KW_NAME);
		a->id = mif_block_stmt(b, MIF_KW_ID);
		a->has_id = a->id != NULL && a->id->form == MIF_F_INTEGER &&
		    !((a->id->flags & MIF_NEGATIVE) && a->id->v.u != 0);
		a->idv = a->has_id ? a->id->v.u : 0;
		a->first_same_id = SIZE_MAX;
		a->type = mif_block_stmt(b, MIF_KW_TYPE);
		a->value = mif_block_stmt(b, MIF_KW_VALUE);
		resolve_type(c, a);
		if (!a->has_id)
			continue;
		const check_attr *first = check_set_add(&out->by_id,
		    mif_hash_u64(a->idv), &a->idv, a, attr_has_id, NULL,
		    &nomem);
		if (first != NULL)
			a->first_same_id = (size_t)(first - out->items);
		if (nomem)
			return false;
	}
	return true;
}

void
check_attrs_free(check_attrs *attrs)
{
	free(attrs->items);
	attrs->items = NULL;
	attrs->count = 0;
	check_set_free(&attrs->by_id);
}

const check_attr *
check_attrs_find(const check_attrs *attrs, uint64_t id)
{
	return check_set_find(&attrs->by_id, mif_hash_u64(id), &id,
	    attr_has_id, NULL);
}

static void
report_id(check_ctx *c, const mif_block *group, const check_attrs *attrs,
    const check_attr *a)
{
	char name[CHECK_QUOTE_MAX], gname[CHECK_QUOTE_MAX];

	/* names are quoted only for a message: this runs for every attribute */
	if (a->id == NULL) {
		check_report(c, MIF_E_MISSING, MIF_ERROR, a->block->pos,
		    MIF_NOPOS, "attribute %s has no ID",
		    check_block_name(c, name, sizeof name, a->block));
		return;
	}
	if (a->first_same_id == SIZE_MAX)
		return;
	uint32_t at = attrs->items[a->first_same_id].id->pos;
	check_report(c, MIF_E_DUP_ID, MIF_ERROR, a->id->pos, at,
	    "duplicate attribute ID %llu in group %s (first at line %u)",
	    (unsigned long long)a->idv,
	    check_block_name(c, gname, sizeof gname, group),
	    check_line(c, at));
}

static void
report_type(check_ctx *c, const check_attr *a)
{
	char name[CHECK_QUOTE_MAX], tname[CHECK_QUOTE_MAX];
	char ename[CHECK_QUOTE_MAX];
	uint32_t at = a->type != NULL ? a->type->pos : a->block->pos;

	if (a->state != CHECK_TYPE_OK)
		check_block_name(c, name, sizeof name, a->block);
	switch (a->state) {
	case CHECK_TYPE_OK:
		break;
	case CHECK_TYPE_MISSING:
		check_report(c, MIF_E_MISSING, MIF_ERROR, at, MIF_NOPOS,
		    "attribute %s has no TYPE", name);
		return;
	case CHECK_TYPE_NO_SIZE:
		check_report(c, MIF_E_SIZE, MIF_ERROR, at, MIF_NOPOS,
		    "%s type needs a size", mif_type_name(a->kind));
		return;
	case CHECK_TYPE_NO_ENUM:
		check_report_rule(c, MIF_RULE_ENUM_UNKNOWN, MIF_ERROR, at, MIF_NOPOS,
		    "type %s of attribute %s names no enum of the component",
		    check_quote(tname, sizeof tname, a->type->v.str), name);
		return;
	case CHECK_TYPE_ENUM_CASE:
		check_block_name(c, ename, sizeof ename, a->enum_block);
		check_report_rule(c, MIF_RULE_ENUM_CASE, MIF_WARNING, at, MIF_NOPOS,
		    "type %s of attribute %s names enum %s only when case is "
		    "ignored", check_quote(tname, sizeof tname,
		    a->type->v.str), name, ename);
		return;
	case CHECK_TYPE_BAD:
		check_report(c, MIF_E_TYPE, MIF_ERROR, at, MIF_NOPOS,
		    "TYPE of attribute %s is not a type", name);
		return;
	}
	if (a->kind == MIF_T_ENUM_INLINE)
		check_enum_block(c, a->enum_block, false);
}

static void
report_access(check_ctx *c, const check_attr *a)
{
	char name[CHECK_QUOTE_MAX];
	const mif_stmt *acc = mif_block_stmt(a->block, MIF_KW_ACCESS);

	if (a->value == NULL || acc == NULL || acc->form != MIF_F_WORD ||
	    acc->sub != MIF_ACCESS_WRITE_ONLY)
		return;
	check_report(c, MIF_E_ACCESS, MIF_ERROR, a->value->pos, MIF_NOPOS,
	    "attribute %s is WRITE-ONLY but has a VALUE",
	    check_block_name(c, name, sizeof name, a->block));
}

void
check_attr_block(check_ctx *c, const mif_block *group,
    const check_attrs *attrs, size_t index)
{
	const check_attr *a = &attrs->items[index];
	char gname[CHECK_QUOTE_MAX];

	if (a->name == NULL && !check_report(c, MIF_E_MISSING, MIF_ERROR,
	    a->block->pos, MIF_NOPOS, "attribute in group %s has no NAME",
	    check_block_name(c, gname, sizeof gname, group)))
		return;
	report_id(c, group, attrs, a);
	if (c->stop)
		return;
	report_type(c, a);
	if (c->stop)
		return;
	report_access(c, a);
	/* the reference parser reads VALUE by the TYPE before it */
	if (a->value != NULL && a->type != NULL && a->value->pos < a->type->pos)
		check_report_rule(c, MIF_RULE_VALUE_BEFORE_TYPE, MIF_WARNING,
		    a->value->pos, MIF_NOPOS, "VALUE before TYPE (line %u) in "
		    "attribute %s; the DMI reference parser refuses it",
		    check_line(c, a->type->pos),
		    check_block_name(c, gname, sizeof gname, a->block));
	check_value(c, a, a->value);
}
