/*
 * mif_check(): the validator's entry point and the component's walk.
 *
 * A first pass over the component's children records what later blocks
 * may refer to wherever it stands: PATH names (overlays), named enums
 * (attribute types), templates by class (tables) and group 1.  The
 * second pass reports, block by block in source order.  The rules of an
 * SMS profile (profile*.c) come last.  Everything the walk allocates is
 * freed before mif_check() returns.
 */
#include <stdlib.h>

#include "meaning/check.h"
#include "meaning/profile.h"

/* A group or table: its ID into the ID space, and group 1 or a template
 * noted, from one look over its statements (this pass sees every block
 * of big files). */
static bool
remember_ids(check_ctx *c, const mif_block *b)
{
	const mif_stmt *id_stmt = NULL, *key_stmt = NULL;
	uint64_t id;

	for (uint16_t i = 0; i < b->nstmts; i++) {
		const mif_stmt *s = &b->stmts[i];
		if (s->kw == MIF_KW_ID && id_stmt == NULL)
			id_stmt = s;
		else if (s->kw == MIF_KW_KEY && key_stmt == NULL)
			key_stmt = s;
	}
	bool has_id = mif_stmt_id(id_stmt, &id);
	if (b->kind == MIF_GROUP) {
		if (has_id && id == 1 && c->group1 == NULL)
			c->group1 = b;
		else if (id_stmt == NULL && key_stmt != NULL)
			check_template_add(c, b);
	}
	return !has_id || check_ids_note(c, b, id);
}

static void
remember(check_ctx *c, const mif_block *b)
{
	bool nomem = false;
	const mif_string *name;

	switch (b->kind) {
	case MIF_PATH:
		name = mif_block_string(b, MIF_KW_NAME);
		if (name != NULL)
			check_set_add(&c->paths, check_hash_ptr(name),
			    name, name, check_same_item, NULL, &nomem);
		break;
	case MIF_ENUM:
		name = mif_block_string(b, MIF_KW_NAME);
		if (name == NULL)
			break;
		check_set_add(&c->enum_names, check_hash_ptr(name),
		    name, b, check_enum_has_name, NULL, &nomem);
		check_set_add(&c->enum_folded, check_hash_folded(name),
		    name, b, check_enum_has_folded_name, NULL, &nomem);
		break;
	case MIF_GROUP:
	case MIF_TABLE:
		nomem = !remember_ids(c, b);
		break;
	default:
		break;
	}
	if (nomem)
		check_nomem(c);
	/* where a check in two parts would start its second */
	if (c->middle == NULL && b->pos >= c->doc->text_len / 2)
		c->middle = b;
}

static void
check_path(check_ctx *c, const mif_block *path)
{
	if (mif_block_stmt(path, MIF_KW_NAME) == NULL)
		check_report(c, MIF_E_MISSING, MIF_ERROR, path->pos,
		    MIF_NOPOS, "path has no NAME");
}

void
check_children(check_ctx *c, const mif_block *from, const mif_block *to)
{
	for (const mif_block *b = from; b != to && b != NULL && !c->stop;
	    b = b->next) {
		switch (b->kind) {
		case MIF_PATH:
			check_path(c, b);
			break;
		case MIF_ENUM:
			check_enum_block(c, b, true);
			break;
		case MIF_GROUP:
			check_group(c, b);
			break;
		case MIF_TABLE:
			check_table(c, b);
			break;
		default:
			break;
		}
	}
}

static void
check_component(check_ctx *c, size_t split_min, size_t split_at)
{
	const mif_block *comp = c->component;

	for (const mif_block *b = comp->u.children; b != NULL && !c->stop;
	    b = b->next)
		remember(c, b);
	if (!c->stop && !check_ids_ready(c)) {
		check_nomem(c);
		return;
	}
	if (mif_block_stmt(comp, MIF_KW_NAME) == NULL)
		check_report(c, MIF_E_MISSING, MIF_ERROR, comp->pos,
		    MIF_NOPOS, "component has no NAME");
	if (c->group1 == NULL)
		check_report_rule(c, MIF_RULE_COMPONENTID, MIF_WARNING, comp->pos,
		    MIF_NOPOS, "no ComponentID group (ID 1)");
	const mif_block *g = comp->u.children;
	while (g != NULL && g->kind != MIF_GROUP)
		g = g->next;
	/* under the dmi profile, componentid-missing says it already */
	if (g == NULL && check_profile_allows(c->profile, MIF_RULE_COMPONENTID))
		check_report_rule(c, MIF_RULE_COMPONENT_EMPTY, MIF_WARNING,
		    comp->pos, MIF_NOPOS, "component has no group; the DMI "
		    "reference parser refuses it (NO_GROUPS)");
	c->split_outcome = check_children_split(c, split_min, split_at);
}

static void
release(check_ctx *c)
{
	check_set_free(&c->paths);
	check_set_free(&c->enum_names);
	check_set_free(&c->enum_folded);
	for (size_t i = 0; c->enums.slots != NULL && i <= c->enums.mask; i++) {
		check_enum *e = (check_enum *)c->enums.slots[i].item;
		if (e != NULL)
			check_enum_free(e);
	}
	check_set_free(&c->enums);
	check_templates_free(c);
	check_set_free(&c->dup_ids);
	free(c->id_list);
}

size_t
mif_check_with_split(mif_doc *doc, const mif_check_options *opts,
    size_t split_min, size_t split_at, enum check_split_outcome *outcome)
{
	size_t before = doc->nerrors;
	check_ctx c = { 0 };

	if (opts != NULL && opts->max_errors != 0)
		doc->max_errors = opts->max_errors;
	c.doc = doc;
	c.component = doc->component;
	c.stop = doc->stopped;
	c.profile = opts != NULL ? opts->profile : MIF_PROFILE_DMI;
	c.sms = opts != NULL ? opts->sms : MIF_SMS_ANY;
	if (c.profile == MIF_PROFILE_AUTO)
		c.profile = mif_detect_profile(doc);
	if (c.component != NULL && !c.stop)
		check_component(&c, split_min, split_at);
	if (opts != NULL && !c.stop)
		check_profile(&c, c.profile, opts->max_size_kb);
	release(&c);
	if (outcome != NULL)
		*outcome = (enum check_split_outcome)c.split_outcome;
	return doc->nerrors - before;
}

size_t
mif_check(mif_doc *doc, const mif_check_options *opts)
{
	return mif_check_with_split(doc, opts, CHECK_SPLIT_MIN, SIZE_MAX, NULL);
}
