/*
 * The outline of a document: its groups and tables, what kind each is
 * and how many rows it gives, as mif-get lists them without -g.
 */
#include <stdlib.h>

#include "meaning/internal.h"

typedef struct class_rows {
	const mif_string *cls;
	size_t rows;
} class_rows;

static int
by_class(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const class_rows *)a)->cls;
	uintptr_t y = (uintptr_t)((const class_rows *)b)->cls;

	return (x > y) - (x < y);
}

/* The rows of the tables of each class, sorted by class (interned
 * strings: one pointer per class); NULL when out of memory. */
static class_rows *
table_rows(const mif_block *comp, size_t *count)
{
	class_rows *list = malloc((comp->count + 1) * sizeof *list);
	size_t n = 0;

	if (list == NULL)
		return NULL;
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		const mif_string *cls = mif_block_string(b, MIF_KW_CLASS);
		if (b->kind == MIF_TABLE && cls != NULL && n < comp->count)
			list[n++] = (class_rows){ cls, b->count };
	}
	qsort(list, n, sizeof *list, by_class);
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		if (kept > 0 && list[kept - 1].cls == list[i].cls)
			list[kept - 1].rows += list[i].rows;
		else
			list[kept++] = list[i];
	}
	*count = kept;
	return list;
}

static size_t
template_rows(const class_rows *list, size_t n, const mif_block *group)
{
	class_rows key = { mif_block_string(group, MIF_KW_CLASS), 0 };
	const class_rows *found = key.cls == NULL ? NULL
	    : bsearch(&key, list, n, sizeof *list, by_class);

	return found != NULL ? found->rows : 0;
}

static mif_outline_kind
kind_of(const mif_block *b)
{
	if (b->kind == MIF_TABLE)
		return MIF_OUTLINE_TABLE;
	if (mif_is_template(b))
		return MIF_OUTLINE_TEMPLATE;
	return mif_block_stmt(b, MIF_KW_KEY) != NULL ? MIF_OUTLINE_KEYED
	    : MIF_OUTLINE_SCALAR;
}

const char *
mif_outline_kind_name(mif_outline_kind kind)
{
	static const char *const names[] = { "scalar", "keyed", "template",
	    "table" };

	return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind]
	    : NULL;
}

mif_outline_entry *
mif_outline(const mif_doc *doc, size_t *count, mif_error *err)
{
	const mif_block *comp = mif_doc_component(doc);
	size_t nclasses = 0, n = 0;

	*count = 0;
	class_rows *classes = comp != NULL ? table_rows(comp, &nclasses) : NULL;
	mif_outline_entry *list = malloc(
	    ((comp != NULL ? comp->count : 0) + 1) * sizeof *list);
	if ((comp != NULL && classes == NULL) || list == NULL) {
		mif_error_set(err, MIF_E_NOMEM, NULL, "out of memory");
		free(classes);
		free(list);
		return NULL;
	}
	for (const mif_block *b = comp != NULL ? comp->u.children : NULL;
	    b != NULL; b = b->next) {
		if (b->kind != MIF_GROUP && b->kind != MIF_TABLE)
			continue;
		mif_outline_kind kind = kind_of(b);
		list[n++] = (mif_outline_entry){ b, kind,
		    kind == MIF_OUTLINE_TABLE ? b->count
		    : kind == MIF_OUTLINE_TEMPLATE
		    ? template_rows(classes, nclasses, b) : 1 };
	}
	free(classes);
	*count = n;
	return list;
}
