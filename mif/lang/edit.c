/*
 * Building and changing trees.  Order in a block is by pos (see mif.h),
 * so built items need positions that sort right:
 *   - inside a block that was read from text, a new item takes the
 *     block's END position: after everything there, before its END;
 *   - inside a built block, items take an even counter that runs past
 *     the text, and built blocks stay open to the end (BUILT_END);
 *   - a comment goes just before a block (its pos - 1, free because the
 *     counter is even) or after everything (MIF_NOPOS).
 */
#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"

#define BUILT_END (MIF_NOPOS - 1)

mif_doc *
mif_doc_create(const char *source_name)
{
	mif_doc *doc = mif_doc_new(source_name != NULL ? source_name : "<built>");

	if (doc == NULL)
		return NULL;
	doc->text = calloc(1, 2);
	doc->input = doc->text;
	doc->input_cap = 2;
	if (doc->text == NULL) {
		mif_doc_free(doc);
		return NULL;
	}
	return doc;
}

const mif_string *
mif_doc_string(mif_doc *doc, const char *utf8, size_t len)
{
	return mif_intern(doc, utf8, len);
}

const mif_string *
mif_doc_cstring(mif_doc *doc, const char *utf8)
{
	return mif_intern(doc, utf8, strlen(utf8));
}

void mif_doc_set_encoding(mif_doc *doc, mif_encoding e) { doc->encoding = e; }
void mif_doc_set_newline(mif_doc *doc, mif_newline n) { doc->newline = n; }

static bool
is_parsed(const mif_doc *doc, const mif_block *b)
{
	return b->end_pos <= doc->text_len;
}

/* The pos for a new item in block b (NULL: the document's top). */
static uint32_t
next_pos(mif_doc *doc, const mif_block *b)
{
	if (b != NULL && is_parsed(doc, b))
		return b->end_pos;
	if (doc->build_pos <= doc->text_len + 1)
		doc->build_pos = (uint32_t)((doc->text_len + 2) & ~(size_t)1);
	uint32_t pos = doc->build_pos;
	if (doc->build_pos < BUILT_END - 2)
		doc->build_pos += 2;
	return pos;
}

/* The last child of parent, by the cache or by walking. */
static mif_block *
last_child(mif_doc *doc, const mif_block *parent)
{
	if (doc->tail_parent == parent && doc->tail_child != NULL &&
	    doc->tail_child->next == NULL)
		return doc->tail_child;
	const mif_block *c = parent->u.children;
	while (c != NULL && c->next != NULL)
		c = c->next;
	return (mif_block *)c;
}

mif_block *
mif_add_block(mif_doc *doc, const mif_block *parent, mif_block_kind kind)
{
	if (!mif_kind_holds(parent != NULL ? parent->kind : MIF_NO_KIND, kind) ||
	    (parent == NULL && doc->component != NULL))
		return NULL;
	mif_block *b = mif_arena_alloc(&doc->arena, sizeof *b);
	if (b == NULL)
		return NULL;
	memset(b, 0, sizeof *b);
	b->kind = (uint8_t)kind;
	b->pos = next_pos(doc, parent);
	b->end_pos = parent != NULL && is_parsed(doc, parent) ? parent->end_pos
	    : BUILT_END;
	if (parent == NULL) {
		doc->component = b;
		return b;
	}
	mif_block *p = (mif_block *)parent; /* the document's own, to change */
	mif_block *last = last_child(doc, parent);
	if (last != NULL)
		last->next = b;
	else
		p->u.children = b;
	p->count++;
	doc->tail_parent = parent;
	doc->tail_child = b;
	return b;
}

bool
mif_remove_block(mif_doc *doc, const mif_block *parent, const mif_block *child)
{
	mif_block *p = (mif_block *)parent;
	const mif_block **link = &p->u.children;

	if (parent->kind != MIF_COMPONENT && parent->kind != MIF_GROUP)
		return false;
	while (*link != NULL && *link != child)
		link = (const mif_block **)&((mif_block *)*link)->next;
	if (*link == NULL)
		return false;
	*link = child->next;
	p->count--;
	doc->tail_parent = NULL;
	doc->tail_child = NULL;
	/* its comments go with it: those from its START to its END */
	size_t kept = 0;
	for (size_t i = 0; i < doc->ncomments; i++) {
		uint32_t at = doc->comments[i].pos;
		if (at < child->pos || at >= child->end_pos)
			doc->comments[kept++] = doc->comments[i];
	}
	doc->ncomments = kept;
	return true;
}

mif_stmt *
mif_set_stmt(mif_doc *doc, const mif_block *block, mif_keyword kw,
    const mif_stmt *value)
{
	mif_block *b = (mif_block *)block;

	for (uint16_t i = 0; i < b->nstmts; i++) {
		mif_stmt *s = (mif_stmt *)&b->stmts[i];
		if (s->kw == kw && (kw != MIF_KW_PLATFORM || s->sub == value->sub)) {
			uint32_t pos = s->pos;
			*s = *value;
			s->pos = pos;
			s->kw = (uint8_t)kw;
			return s;
		}
	}
	if (b->nstmts == UINT16_MAX)
		return NULL;
	mif_stmt *stmts = mif_arena_alloc(&doc->arena,
	    ((size_t)b->nstmts + 1) * sizeof *stmts);
	if (stmts == NULL)
		return NULL;
	if (b->nstmts > 0)
		memcpy(stmts, b->stmts, b->nstmts * sizeof *stmts);
	mif_stmt *s = &stmts[b->nstmts];
	*s = *value;
	s->kw = (uint8_t)kw;
	s->pos = next_pos(doc, block);
	b->stmts = stmts;
	b->nstmts++;
	return s;
}

mif_stmt *
mif_set_string(mif_doc *doc, const mif_block *block, mif_keyword kw,
    const char *utf8)
{
	mif_stmt v = { .form = MIF_F_STRING, .v.str = mif_doc_cstring(doc, utf8) };

	return v.v.str != NULL ? mif_set_stmt(doc, block, kw, &v) : NULL;
}

mif_stmt *
mif_set_number(mif_doc *doc, const mif_block *block, mif_keyword kw,
    int64_t number)
{
	mif_stmt v = { .form = MIF_F_INTEGER };

	if (number < 0) {
		v.flags = MIF_NEGATIVE;
		v.v.u = (uint64_t)-(number + 1) + 1;
	} else {
		v.v.u = (uint64_t)number;
	}
	return mif_set_stmt(doc, block, kw, &v);
}

size_t
mif_remove_stmt(mif_doc *doc, const mif_block *block, mif_keyword kw)
{
	mif_block *b = (mif_block *)block;
	mif_stmt *stmts = (mif_stmt *)b->stmts;
	size_t kept = 0, removed = 0;

	(void)doc;
	for (uint16_t i = 0; i < b->nstmts; i++) {
		if (stmts[i].kw == kw)
			removed++;
		else
			stmts[kept++] = stmts[i];
	}
	b->nstmts = (uint16_t)kept;
	return removed;
}

bool
mif_add_enum_item(mif_doc *doc, const mif_block *enm, mif_number value,
    const mif_string *symbol)
{
	mif_block *b = (mif_block *)enm;

	if (b->kind != MIF_ENUM)
		return false;
	mif_enum_item *items = mif_arena_alloc(&doc->arena,
	    ((size_t)b->count + 1) * sizeof *items);
	if (items == NULL)
		return false;
	if (b->count > 0)
		memcpy(items, b->u.items, b->count * sizeof *items);
	items[b->count] = (mif_enum_item){ next_pos(doc, enm), value, symbol };
	b->u.items = items;
	b->count++;
	return true;
}

mif_stmt *
mif_add_row(mif_doc *doc, const mif_block *table, uint32_t ncells)
{
	mif_block *t = (mif_block *)table;

	if (t->kind != MIF_TABLE)
		return NULL;
	mif_row *r = mif_arena_alloc(&doc->arena, sizeof *r);
	mif_stmt *cells = ncells > 0
	    ? mif_arena_alloc(&doc->arena, ncells * sizeof *cells) : NULL;
	if (r == NULL || (ncells > 0 && cells == NULL))
		return NULL;
	uint32_t pos = next_pos(doc, table);
	for (uint32_t i = 0; i < ncells; i++)
		cells[i] = (mif_stmt){ .pos = pos, .form = MIF_F_NONE };
	*r = (mif_row){ pos, pos, ncells, cells, NULL };
	mif_row *last = NULL;
	if (doc->tail_table == table && doc->tail_row != NULL &&
	    doc->tail_row->next == NULL) {
		last = doc->tail_row;
	} else {
		for (const mif_row *x = t->u.rows; x != NULL; x = x->next)
			last = (mif_row *)x;
	}
	if (last != NULL)
		last->next = r;
	else
		t->u.rows = r;
	t->count++;
	doc->tail_table = table;
	doc->tail_row = r;
	return cells;
}

bool
mif_add_comment(mif_doc *doc, const mif_block *before, const char *text,
    bool same_line)
{
	const mif_string *s = mif_doc_cstring(doc, text);
	uint32_t pos = before != NULL && before->pos > 0 ? before->pos - 1 : MIF_NOPOS;

	if (s == NULL || !mif_vec_reserve((void **)&doc->comments,
	    &doc->comments_cap, doc->ncomments, sizeof *doc->comments))
		return false;
	size_t i = doc->ncomments;
	while (i > 0 && doc->comments[i - 1].pos > pos)
		i--;
	memmove(doc->comments + i + 1, doc->comments + i,
	    (doc->ncomments - i) * sizeof *doc->comments);
	doc->comments[i] = (mif_comment){ pos, same_line, s };
	doc->ncomments++;
	return true;
}
