/*
 * Lookups: groups and tables by ID, class or name, attributes by ID or
 * name, the template of a table, enums by name.  Each is a walk over a
 * block's children: callers look a few things up, and those that look
 * up many rows use a rows view, which indexes them.
 */
#include <string.h>

#include "meaning/value.h"

bool
mif_decimal_id(const char *text, uint64_t *out)
{
	uint64_t v = 0;

	if (*text == '\0')
		return false;
	for (; *text != '\0'; text++) {
		if (*text < '0' || *text > '9')
			return false;
		unsigned d = (unsigned)(*text - '0');
		if (v > (UINT64_MAX - d) / 10)
			return false;
		v = v * 10 + d;
	}
	*out = v;
	return true;
}

/* Whether a NAME or CLASS string of a block is this text. */
static bool
string_is(const mif_block *block, mif_keyword kw, const char *text,
    size_t len, bool fold)
{
	const mif_string *s = mif_block_string(block, kw);

	if (s == NULL || s->len != len)
		return false;
	/* the length test keeps a string with a NUL inside from matching */
	return fold ? mif_casecmp(s->bytes, text) == 0
	    : memcmp(s->bytes, text, len) == 0;
}

static bool
is_group_or_table(const mif_block *b)
{
	return b->kind == MIF_GROUP || b->kind == MIF_TABLE;
}

/* The first child of kind `kind` (MIF_BLOCK_KIND_COUNT: group or table)
 * whose kw string is text. */
static const mif_block *
first_with(const mif_block *comp, mif_block_kind kind, mif_keyword kw,
    const char *text, bool fold)
{
	size_t len = strlen(text);

	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		bool fits = kind == MIF_BLOCK_KIND_COUNT ? is_group_or_table(b)
		    : b->kind == kind;
		if (fits && string_is(b, kw, text, len, fold))
			return b;
	}
	return NULL;
}

static const mif_block *
first_of_class(const mif_block *comp, const char *spec, bool fold)
{
	const mif_block *b = first_with(comp, MIF_GROUP, MIF_KW_CLASS, spec,
	    fold);

	return b != NULL ? b
	    : first_with(comp, MIF_TABLE, MIF_KW_CLASS, spec, fold);
}

const mif_block *
mif_find_group(const mif_doc *doc, const char *spec)
{
	const mif_block *comp = mif_doc_component(doc);
	const mif_block *b;
	uint64_t id, bid;

	if (comp == NULL || spec == NULL)
		return NULL;
	if (mif_decimal_id(spec, &id)) {
		for (b = comp->u.children; b != NULL; b = b->next)
			if (is_group_or_table(b) && mif_block_id(b, &bid) &&
			    bid == id)
				return b;
	}
	if ((b = first_of_class(comp, spec, false)) != NULL ||
	    (b = first_with(comp, MIF_BLOCK_KIND_COUNT, MIF_KW_NAME, spec,
	    false)) != NULL ||
	    (b = first_of_class(comp, spec, true)) != NULL)
		return b;
	return first_with(comp, MIF_BLOCK_KIND_COUNT, MIF_KW_NAME, spec, true);
}

const mif_block *
mif_group_attribute(const mif_block *group, uint64_t id)
{
	uint64_t aid;

	if (group == NULL || group->kind != MIF_GROUP)
		return NULL;
	for (const mif_block *b = group->u.children; b != NULL; b = b->next)
		if (b->kind == MIF_ATTRIBUTE && mif_block_id(b, &aid) &&
		    aid == id)
			return b;
	return NULL;
}

const mif_block *
mif_find_attribute(const mif_block *group, const char *spec)
{
	const mif_block *b;
	uint64_t id;

	if (group == NULL || group->kind != MIF_GROUP || spec == NULL)
		return NULL;
	if (mif_decimal_id(spec, &id) &&
	    (b = mif_group_attribute(group, id)) != NULL)
		return b;
	b = first_with(group, MIF_ATTRIBUTE, MIF_KW_NAME, spec, false);
	return b != NULL ? b : first_with(group, MIF_ATTRIBUTE, MIF_KW_NAME,
	    spec, true);
}

bool
mif_is_template(const mif_block *group)
{
	return group->kind == MIF_GROUP &&
	    mif_block_stmt(group, MIF_KW_ID) == NULL &&
	    mif_block_stmt(group, MIF_KW_KEY) != NULL;
}

const mif_block *
mif_table_template(const mif_doc *doc, const mif_block *table)
{
	const mif_block *comp = mif_doc_component(doc);
	const mif_string *cls = table != NULL && table->kind == MIF_TABLE
	    ? mif_block_string(table, MIF_KW_CLASS) : NULL;

	if (comp == NULL || cls == NULL)
		return NULL;
	/* strings of one document are interned: one pointer per class */
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next)
		if (mif_is_template(b) &&
		    mif_block_string(b, MIF_KW_CLASS) == cls)
			return b;
	return NULL;
}

const mif_block *
mif_find_enum(const mif_doc *doc, const char *name)
{
	const mif_block *comp = mif_doc_component(doc);
	const mif_block *b;

	if (comp == NULL || name == NULL)
		return NULL;
	b = first_with(comp, MIF_ENUM, MIF_KW_NAME, name, false);
	return b != NULL ? b
	    : first_with(comp, MIF_ENUM, MIF_KW_NAME, name, true);
}
