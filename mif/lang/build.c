/*
 * Building the tree while the grammar reduces: one level per open block
 * holds its statements, children, rows or enum items in scratch vectors
 * (kept and reused across blocks of the same depth); closing a block
 * copies them into the document's arena.
 */
#include <stdlib.h>
#include <string.h>

#include "lang/parse.h"

static mif_build_level *
top(mif_parser *p)
{
	return p->depth > 0 ? &p->level[p->depth - 1] : NULL;
}

void
mif_build_open(mif_parser *p, int kind, mif_loc loc)
{
	if (p->depth > MIF_MAX_DEPTH) { /* the wrapper stops before this */
		p->fatal = true;
		return;
	}
	const mif_build_level *parent = top(p);
	int pk = parent != NULL ? (int)parent->kind : MIF_NO_KIND;
	mif_build_level *l = &p->level[p->depth++];
	l->kind = (mif_block_kind)kind;
	l->pos = loc.pos;
	/* the wrapper reported blocks that cannot stand here */
	l->misplaced = (parent != NULL && parent->misplaced) ||
	    !(mif_kind_holds(pk, kind) || (pk == MIF_ATTRIBUTE && kind == MIF_ENUM));
	l->nstmts = l->nitems = 0;
	l->seen = 0;
	l->damaged = false;
	l->first = l->last = NULL;
	l->first_row = l->last_row = NULL;
	l->count = 0;
	l->row_marked = false;
	l->rows_handed = 0;
	l->arena_mark = mif_arena_mark_now(&p->doc->arena);
	l->strings_mark = p->doc->strings.count;
	l->comments_mark = p->doc->ncomments;
	if (parent == NULL && kind == MIF_COMPONENT && !p->component_opened) {
		p->component_opened = true;
		if (p->has_file_language && mif_vec_reserve((void **)&l->stmts,
		    &l->stmts_cap, 0, sizeof *l->stmts)) {
			l->stmts[l->nstmts++] = p->file_language;
			l->seen = 1u << MIF_KW_LANGUAGE;
		}
	}
}

/* Give back what a block of the component took since it opened: the
 * caller did not keep it.  The grammar reduces a block, and attaches it,
 * without reading past its END, so nothing after it was made yet. */
static void
drop(mif_doc *doc, const mif_build_level *l)
{
	while (doc->ncomments > l->comments_mark &&
	    doc->comments[doc->ncomments - 1].pos >= l->pos)
		doc->ncomments--;
	mif_intern_forget(&doc->strings, l->strings_mark);
	mif_arena_rewind(&doc->arena, l->arena_mark);
}

const mif_block *
mif_build_close(mif_parser *p, mif_loc loc)
{
	if (p->depth == 0)
		return NULL;
	mif_build_level *l = &p->level[--p->depth];
	mif_arena *a = &p->doc->arena;
	mif_doc *doc = p->doc;
	if (l->damaged && mif_vec_reserve((void **)&doc->damaged,
	    &doc->damaged_cap, doc->ndamaged, sizeof *doc->damaged))
		doc->damaged[doc->ndamaged++] = l->pos;
	mif_block *b = mif_arena_alloc(a, sizeof *b);
	if (b == NULL) {
		p->fatal = true;
		return NULL;
	}
	memset(b, 0, sizeof *b);
	b->kind = (uint8_t)l->kind;
	b->reserved = l->misplaced ? MIF_BLOCK_MISPLACED : 0;
	b->pos = l->pos;
	b->end_pos = loc.pos;
	b->nstmts = (uint16_t)l->nstmts;
	if (l->nstmts > 0 &&
	    (b->stmts = mif_arena_dup(a, l->stmts, l->nstmts * sizeof *l->stmts)) == NULL)
		p->fatal = true;
	if (l->kind == MIF_ENUM) {
		b->count = (uint32_t)l->nitems;
		if (l->nitems > 0 && (b->u.items = mif_arena_dup(a, l->items,
		    l->nitems * sizeof *l->items)) == NULL)
			p->fatal = true;
	} else if (l->kind == MIF_TABLE) {
		b->count = l->count;
		b->u.rows = l->first_row;
	} else {
		b->count = l->count;
		b->u.children = l->first;
	}
	return b;
}

void
mif_build_attach(mif_parser *p, const mif_block *block)
{
	if (block == NULL || (block->reserved & MIF_BLOCK_MISPLACED))
		return;
	mif_build_level *l = top(p);
	if (l == NULL) {
		if (p->doc->component == NULL)
			p->doc->component = block;
		return;
	}
	if (l->kind == MIF_ATTRIBUTE) {
		mif_diag(p->doc, MIF_E_STATEMENT, MIF_ERROR, block->pos, MIF_NOPOS,
		    "START ENUM in an attribute must follow TYPE =");
		return;
	}
	/* a block of the component the caller does not keep: the level it
	 * was built on, just closed, knows what it took */
	const mif_build_level *done = &p->level[p->depth];
	if (p->depth == 1 && p->doc->keep_block != NULL && !p->fatal &&
	    done->pos == block->pos &&
	    !p->doc->keep_block(block, p->doc->keep_block_arg)) {
		drop(p->doc, done);
		return;
	}
	mif_block *b = (mif_block *)block; /* built here, so ours to link */
	if (l->last != NULL)
		l->last->next = b;
	else
		l->first = b;
	l->last = b;
	l->count++;
}

mif_val
mif_build_block_value(mif_parser *p, const mif_block *block, mif_loc loc)
{
	mif_val v = { .pos = loc.pos, .form = MIF_F_NONE };

	if (block == NULL)
		return v;
	if (block->kind != MIF_ENUM) {
		mif_parse_error(p, MIF_E_SYNTAX, loc.pos, MIF_NOPOS,
		    "START %s cannot be a value; only START ENUM can follow TYPE =",
		    mif_block_kind_name(block->kind));
		return v;
	}
	v.form = MIF_F_TYPE;
	v.sub = MIF_T_ENUM_INLINE;
	v.v.enm = block;
	return v;
}

void
mif_build_number(mif_parser *p, mif_number num)
{
	if (!mif_vec_reserve((void **)&p->nums, &p->nums_cap, p->nnums, sizeof *p->nums)) {
		p->fatal = true;
		return;
	}
	p->nums[p->nnums++] = num;
}

mif_val
mif_build_numbers(mif_parser *p, mif_loc loc)
{
	mif_val v = { .pos = loc.pos, .form = MIF_F_INTEGER };

	if (p->nnums == 1) {
		v.flags = p->nums[0].flags;
		v.v.u = p->nums[0].mag;
		return v;
	}
	mif_keys *k = mif_arena_alloc(&p->doc->arena,
	    sizeof *k + p->nnums * sizeof k->items[0]);
	if (k == NULL) {
		p->fatal = true;
		v.form = MIF_F_NONE;
		return v;
	}
	k->count = (uint32_t)p->nnums;
	memcpy(k->items, p->nums, p->nnums * sizeof k->items[0]);
	v.form = MIF_F_KEYS;
	v.v.keys = k;
	return v;
}

/*
 * Adjacent literals are one string.  Its pieces gather in p->joined and
 * are interned once, after the last: joining each piece to a new copy of
 * the ones before would cost the square of the pieces, in time and in
 * the arena.  A string of one piece is that piece.
 */
void
mif_build_string_begin(mif_parser *p, const mif_string *first)
{
	p->piece = first;
	p->joined_len = 0;
	p->joined_many = false;
	p->joined_over = false;
}

static bool
joined_put(mif_parser *p, const mif_string *s)
{
	if (p->joined == NULL && (p->joined = malloc(MIF_MAX_TOKEN)) == NULL) {
		p->fatal = true;
		return false;
	}
	memcpy(p->joined + p->joined_len, s->bytes, s->len);
	p->joined_len += s->len;
	return true;
}

void
mif_build_string_more(mif_parser *p, const mif_string *next, mif_loc loc)
{
	if (next == NULL || p->joined_over || p->fatal)
		return;
	if (p->piece == NULL) {
		p->piece = next;
		return;
	}
	size_t before = p->joined_many ? p->joined_len : p->piece->len;
	if (before + next->len > MIF_MAX_TOKEN) {
		mif_diag(p->doc, MIF_E_TOKEN_LONG, MIF_ERROR, loc.pos, MIF_NOPOS,
		    "string longer than %u bytes when joined to the literals "
		    "before it", MIF_MAX_TOKEN);
		p->joined_over = true;
		return;
	}
	if (!p->joined_many && !joined_put(p, p->piece))
		return;
	p->joined_many = true;
	joined_put(p, next);
}

const mif_string *
mif_build_string_end(mif_parser *p)
{
	if (!p->joined_many || p->fatal)
		return p->piece;
	const mif_string *s = mif_intern(p->doc, p->joined, p->joined_len);
	if (s == NULL) {
		p->fatal = true;
		return p->piece;
	}
	return s;
}

void
mif_build_enum_pair(mif_parser *p, mif_number num, mif_loc loc, const mif_val *val)
{
	mif_build_level *l = top(p);

	if (l == NULL || l->kind != MIF_ENUM) {
		mif_diag(p->doc, MIF_E_STATEMENT, MIF_ERROR, loc.pos, MIF_NOPOS,
		    "a value = \"symbol\" pair outside an enum");
		return;
	}
	if (val->form != MIF_F_STRING) {
		mif_diag(p->doc, MIF_E_SYNTAX, MIF_ERROR, val->pos, MIF_NOPOS,
		    "an enum value needs a string symbol");
		return;
	}
	if (!mif_vec_reserve((void **)&l->items, &l->items_cap, l->nitems,
	    sizeof *l->items)) {
		p->fatal = true;
		return;
	}
	l->items[l->nitems++] = (mif_enum_item){ loc.pos, num, val->v.str };
}

/* ---- rows ---- */

void
mif_build_row_begin(mif_parser *p, mif_loc loc)
{
	mif_build_level *l = top(p);

	p->ncells = 0;
	p->row_pos = loc.pos;
	bool ok = l != NULL && l->kind == MIF_TABLE;
	if (l != NULL)
		l->row_ok = ok;
	if (!ok)
		mif_parse_error(p, MIF_E_STATEMENT, loc.pos, MIF_NOPOS,
		    "a row { ... } outside a table");
}

void
mif_build_cell(mif_parser *p, const mif_val *val)
{
	mif_stmt c = *val;

	if (c.form == MIF_F_WORD) {
		if (c.sub == MIF_W_UNKNOWN) {
			c.form = MIF_F_UNKNOWN;
		} else if (c.sub == MIF_W_UNSUPPORTED) {
			c.form = MIF_F_UNSUPPORTED;
		} else {
			mif_diag(p->doc, MIF_E_SYNTAX, MIF_ERROR, c.pos, MIF_NOPOS,
			    "a table value must be a number, a string, an overlay, "
			    "UNKNOWN or UNSUPPORTED");
			c.form = MIF_F_NONE;
		}
		c.sub = 0;
	}
	if (!mif_vec_reserve((void **)&p->cells, &p->cells_cap, p->ncells,
	    sizeof *p->cells)) {
		p->fatal = true;
		return;
	}
	p->cells[p->ncells++] = c;
}

/*
 * A row handed to the hook of mif_parse_path_rows(); false when dropped.
 * What the row interned is given back by going back to the mark taken
 * after the row before: taken then, the grammar has read no token past
 * the row (its '}' ends the rule with no look-ahead).  The first row's
 * strings stay; so does anything after a statement, which the table
 * keeps, comes between rows.
 */
static bool
hand_row(mif_parser *p, mif_build_level *l, mif_loc loc)
{
	const mif_row_hooking *h = p->doc->rows;
	mif_row row = { p->row_pos, loc.pos, (uint32_t)p->ncells, p->cells, NULL };
	mif_block table = { .kind = MIF_TABLE, .pos = l->pos,
	    .nstmts = (uint16_t)l->nstmts, .stmts = l->stmts };
	mif_built_row b = { p->doc, &row, &table, p->level[0].first,
	    l->rows_handed++ };
	mif_doc *doc = p->doc;

	/* a row kept is built after the mark: a later one goes back no
	 * further than past it */
	if (h->hook(&b, h->arg)) {
		l->row_marked = false;
		return true;
	}
	if (l->row_marked && l->row_nstmts == l->nstmts) {
		while (doc->ncomments > l->row_comments)
			doc->ncomments--;
		mif_intern_forget(&doc->strings, l->row_strings);
		mif_arena_rewind(&doc->arena, l->row_arena);
		return false;
	}
	l->row_marked = true;
	l->row_arena = mif_arena_mark_now(&doc->arena);
	l->row_strings = doc->strings.count;
	l->row_comments = doc->ncomments;
	l->row_nstmts = l->nstmts;
	return false;
}

void
mif_build_row_end(mif_parser *p, mif_loc loc)
{
	mif_build_level *l = top(p);

	if (l == NULL || l->kind != MIF_TABLE || !l->row_ok)
		return;
	/* "{}" is a row without values, not one empty value */
	if (p->ncells == 1 && p->cells[0].form == MIF_F_NONE)
		p->ncells = 0;
	if (p->doc->rows != NULL && !p->fatal && !hand_row(p, l, loc))
		return;
	mif_arena *a = &p->doc->arena;
	mif_row *r = mif_arena_alloc(a, sizeof *r);
	mif_stmt *cells = p->ncells > 0
	    ? mif_arena_dup(a, p->cells, p->ncells * sizeof *p->cells) : NULL;
	if (r == NULL || (p->ncells > 0 && cells == NULL)) {
		p->fatal = true;
		return;
	}
	*r = (mif_row){ p->row_pos, loc.pos, (uint32_t)p->ncells, cells, NULL };
	if (l->last_row != NULL)
		l->last_row->next = r;
	else
		l->first_row = r;
	l->last_row = r;
	l->count++;
}

void
mif_build_damaged(mif_parser *p)
{
	if (p->depth > 0)
		p->level[p->depth - 1].damaged = true;
}

void
mif_build_free(mif_parser *p)
{
	for (int i = 0; i <= MIF_MAX_DEPTH; i++) {
		free(p->level[i].stmts);
		free(p->level[i].items);
	}
	free(p->nums);
	free(p->cells);
	free(p->joined);
}
