/*
 * Whether two documents hold the same tree.  Both are walked in step
 * with the writer's walk (writer.h), so that comments are compared where
 * the writer would put them: the same text, the same same_line flag,
 * before the same item of the same block.  Positions, encodings and
 * line ends are not compared.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"
#include "lang/writer.h"

struct cmp {
	char path[200];   /* "group 3 attribute 2" */
	size_t len;
	bool inside;      /* in the component (else around it) */
	char *why;
	size_t whylen;
};

/* Record the first difference; returns false for the callers to pass up. */
static bool MIF_PRINTF(2, 3)
differ(struct cmp *c, const char *fmt, ...)
{
	if (c->why == NULL || c->whylen == 0)
		return false;
	int n = snprintf(c->why, c->whylen, "%s: ",
	    c->len > 0 ? c->path : c->inside ? "component" : "document");
	if (n < 0 || (size_t)n >= c->whylen)
		return false;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(c->why + n, c->whylen - (size_t)n, fmt, ap);
	va_end(ap);
	return false;
}

static size_t MIF_PRINTF(2, 3)
push(struct cmp *c, const char *fmt, ...)
{
	size_t saved = c->len;
	if (c->len > 0 && c->len + 1 < sizeof c->path)
		c->path[c->len++] = ' ';
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(c->path + c->len, sizeof c->path - c->len, fmt, ap);
	va_end(ap);
	if (n > 0)
		c->len += (size_t)n;
	if (c->len >= sizeof c->path)
		c->len = sizeof c->path - 1;
	return saved;
}

static void
pop(struct cmp *c, size_t saved)
{
	c->len = saved;
	c->path[saved] = '\0';
}

/* Text for a message, cut to a readable length; NUL-terminated. */
struct text {
	char s[72];
};

static struct text
cut(const mif_buf *buf)
{
	struct text t;
	size_t n = buf->len;

	if (n >= sizeof t.s) {
		n = mif_utf8_cut(buf->data, sizeof t.s - 4);
		memcpy(t.s, buf->data, n);
		memcpy(t.s + n, "...", 4);
	} else {
		if (n > 0)
			memcpy(t.s, buf->data, n);
		t.s[n] = '\0';
	}
	/* NUL bytes from strings would end the message early */
	for (size_t i = 0; i < n; i++)
		if (t.s[i] == '\0')
			t.s[i] = '?';
	return t;
}

static struct text
value_text(const mif_stmt *stmt)
{
	mif_buf buf = { NULL, 0, 0, false };

	if (stmt->form == MIF_F_NONE)
		mif_buf_puts(&buf, "(empty)");
	else
		mif_put_value(&buf, stmt);
	struct text t = cut(&buf);
	free(buf.data);
	return t;
}

/* How a part of a walk reads in a message. */
static struct text
part_text(const mif_part *p, const char *end)
{
	mif_buf buf = { NULL, 0, 0, false };

	switch (p->kind) {
	case MIF_PART_END:
		mif_buf_puts(&buf, end);
		break;
	case MIF_PART_COMMENT:
		mif_buf_puts(&buf, "comment //");
		mif_buf_put(&buf, p->u.comment->text->bytes, p->u.comment->text->len);
		break;
	case MIF_PART_STMT:
		if (end[0] == '}') { /* a cell */
			struct text v = value_text(p->u.stmt);
			mif_buf_puts(&buf, "cell ");
			mif_buf_puts(&buf, v.s);
			break;
		}
		mif_buf_puts(&buf, mif_stmt_keyword(p->u.stmt));
		mif_buf_puts(&buf, " = ");
		mif_put_value(&buf, p->u.stmt);
		break;
	case MIF_PART_BLOCK:
		mif_buf_puts(&buf, "START ");
		mif_buf_puts(&buf, mif_block_kind_name(p->u.block->kind));
		break;
	case MIF_PART_ITEM:
		mif_put_number(&buf, p->u.item->value.mag, p->u.item->value.flags);
		mif_buf_puts(&buf, " = ");
		mif_put_string(&buf, p->u.item->symbol);
		break;
	case MIF_PART_ROW:
		mif_buf_puts(&buf, "a row");
		break;
	}
	struct text t = cut(&buf);
	free(buf.data);
	return t;
}

static bool
same_string(const mif_string *a, const mif_string *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	return a->len == b->len && memcmp(a->bytes, b->bytes, a->len) == 0;
}

static bool
same_keys(const mif_keys *a, const mif_keys *b)
{
	if (a == NULL || b == NULL)
		return a == b;
	if (a->count != b->count)
		return false;
	for (uint32_t i = 0; i < a->count; i++)
		if (!mif_number_same(a->items[i].mag, a->items[i].flags,
		    b->items[i].mag, b->items[i].flags))
			return false;
	return true;
}

/* The value of two statements of the same keyword (or two cells); an
 * inline enum's contents are compared by the caller. */
static bool
same_value(const mif_stmt *a, const mif_stmt *b)
{
	if (a->form != b->form)
		return false;
	if (a->form == MIF_F_INTEGER)
		return mif_number_same(a->v.u, a->flags, b->v.u, b->flags);
	if (a->flags != b->flags)
		return false;
	switch (a->form) {
	case MIF_F_STRING:
	case MIF_F_OVERLAY:
		return same_string(a->v.str, b->v.str);
	case MIF_F_TYPE:
		if (a->sub != b->sub)
			return false;
		if (a->sub == MIF_T_ENUM_NAMED)
			return same_string(a->v.str, b->v.str);
		if (a->sub == MIF_T_ENUM_INLINE)
			return (a->v.enm == NULL) == (b->v.enm == NULL);
		return a->v.u == b->v.u;
	case MIF_F_WORD:
		return a->sub == b->sub;
	case MIF_F_KEYS:
		return same_keys(a->v.keys, b->v.keys);
	default:
		return true; /* no payload */
	}
}

static bool same_contents(struct cmp *c, mif_walk *wa, mif_walk *wb,
    const char *end, bool in_row);

static bool
same_nested_block(struct cmp *c, mif_walk *pa, mif_walk *pb,
    const mif_block *a, const mif_block *b)
{
	mif_walk wa, wb;
	char end[32];

	snprintf(end, sizeof end, "END %s", mif_block_kind_name(a->kind));
	mif_walk_block(&wa, pa, a);
	mif_walk_block(&wb, pb, b);
	if (!same_contents(c, &wa, &wb, end, false))
		return false;
	mif_walk_done(pa, &wa);
	mif_walk_done(pb, &wb);
	return true;
}

static bool
same_row(struct cmp *c, mif_walk *pa, mif_walk *pb, const mif_row *a,
    const mif_row *b)
{
	mif_walk wa, wb;

	mif_walk_row(&wa, pa, a);
	mif_walk_row(&wb, pb, b);
	if (!same_contents(c, &wa, &wb, "}", true))
		return false;
	mif_walk_done(pa, &wa);
	mif_walk_done(pb, &wb);
	return true;
}

static bool
same_stmt(struct cmp *c, mif_walk *wa, mif_walk *wb, const mif_part *x,
    const mif_part *y, bool in_row)
{
	const mif_stmt *a = x->u.stmt, *b = y->u.stmt;

	if (in_row) {
		if (!same_value(a, b)) {
			struct text ta = value_text(a), tb = value_text(b);
			return differ(c, "cell %u differs: %s vs %s",
			    (unsigned)x->index + 1, ta.s, tb.s);
		}
		return true;
	}
	if (a->kw != b->kw || (a->kw == MIF_KW_PLATFORM && a->sub != b->sub)) {
		struct text ta = part_text(x, ""), tb = part_text(y, "");
		return differ(c, "%s vs %s", ta.s, tb.s);
	}
	if (!same_value(a, b)) {
		struct text ta = value_text(a), tb = value_text(b);
		return differ(c, "%s differs: %s vs %s", mif_stmt_keyword(a),
		    ta.s, tb.s);
	}
	if (a->form == MIF_F_TYPE && a->sub == MIF_T_ENUM_INLINE
	    && a->v.enm != NULL) {
		size_t saved = push(c, "TYPE enum");
		if (!same_nested_block(c, wa, wb, a->v.enm, b->v.enm))
			return false;
		pop(c, saved);
	}
	return true;
}

/* The contents of two blocks (or rows) in step. */
static bool
same_contents(struct cmp *c, mif_walk *wa, mif_walk *wb, const char *end,
    bool in_row)
{
	unsigned kinds[MIF_BLOCK_KIND_COUNT] = { 0 };
	unsigned rows = 0;

	for (;;) {
		mif_part x = mif_walk_next(wa), y = mif_walk_next(wb);
		if (x.kind != y.kind) {
			struct text tx = part_text(&x, end), ty = part_text(&y, end);
			return differ(c, "%s vs %s", tx.s, ty.s);
		}
		switch (x.kind) {
		case MIF_PART_END:
			return true;
		case MIF_PART_COMMENT: {
			const mif_comment *a = x.u.comment, *b = y.u.comment;
			if (!same_string(a->text, b->text)) {
				struct text tx = part_text(&x, end);
				struct text ty = part_text(&y, end);
				return differ(c, "%s vs %s", tx.s, ty.s);
			}
			if (x.same_line != y.same_line) {
				struct text tx = part_text(&x, end);
				return differ(c, "%s: %s", tx.s, x.same_line
				    ? "after a token in the first, on its own line "
				    "in the second"
				    : "on its own line in the first, after a token "
				    "in the second");
			}
			break;
		}
		case MIF_PART_STMT:
			if (!same_stmt(c, wa, wb, &x, &y, in_row))
				return false;
			break;
		case MIF_PART_BLOCK: {
			const mif_block *a = x.u.block, *b = y.u.block;
			if (a->kind != b->kind) {
				struct text tx = part_text(&x, end);
				struct text ty = part_text(&y, end);
				return differ(c, "%s vs %s", tx.s, ty.s);
			}
			unsigned nth = a->kind < MIF_BLOCK_KIND_COUNT
			    ? ++kinds[a->kind] : 0;
			size_t saved = c->len;
			if (a->kind != MIF_COMPONENT) {
				char word[16];
				const char *name = mif_block_kind_name(a->kind);
				size_t i = 0;
				for (; name[i] != '\0' && i + 1 < sizeof word; i++)
					word[i] = (char)(name[i] | 0x20);
				word[i] = '\0';
				saved = push(c, "%s %u", word, nth);
			}
			c->inside = true;
			if (!same_nested_block(c, wa, wb, a, b))
				return false;
			c->inside = a->kind != MIF_COMPONENT;
			pop(c, saved);
			break;
		}
		case MIF_PART_ITEM: {
			const mif_enum_item *a = x.u.item, *b = y.u.item;
			if (!mif_number_same(a->value.mag, a->value.flags,
			    b->value.mag, b->value.flags)
			    || !same_string(a->symbol, b->symbol)) {
				struct text tx = part_text(&x, end);
				struct text ty = part_text(&y, end);
				return differ(c, "item %u differs: %s vs %s",
				    (unsigned)x.index + 1, tx.s, ty.s);
			}
			break;
		}
		case MIF_PART_ROW: {
			size_t saved = push(c, "row %u", ++rows);
			if (!same_row(c, wa, wb, x.u.row, y.u.row))
				return false;
			pop(c, saved);
			break;
		}
		}
	}
}

bool
mif_doc_same(const mif_doc *a, const mif_doc *b, char *why, size_t whylen)
{
	struct cmp c;
	mif_walk wa, wb;

	memset(&c, 0, sizeof c);
	c.why = why;
	c.whylen = whylen;
	if (why != NULL && whylen > 0)
		why[0] = '\0';
	mif_walk_doc(&wa, a);
	mif_walk_doc(&wb, b);
	return same_contents(&c, &wa, &wb, "end of file", false);
}
