/*
 * The JSON writer: the tree as the JSON of mif-json(5).  Each block is
 * an object whose statements are members named after their keywords,
 * whose child blocks, enum items and rows are arrays, and whose
 * "comments" and "order" keep what a tree needs beyond that: the
 * comments, and the order of everything in the file.  The component's
 * members sit in the top object beside the document's own.
 *
 * It walks the tree as the MIF writer does (writer.h), so comments are
 * where the MIF writer would put them.  Each block's arrays are
 * gathered in buffers of their own while its walk goes on in file
 * order, then put together.
 *
 * Integers are JSON numbers while a double holds them exactly (jq reads
 * numbers as doubles); otherwise, and when written in octal or hex,
 * objects.  Strings are UTF-8 with the escapes of RFC 8259.
 */
#include <stdlib.h>
#include <string.h>

#include "forms/convert.h"
#include "lang/writer.h"

/* 2^53: every integer up to it is exact in a double. */
#define EXACT_MAX 9007199254740992ull

struct jw {
	const char *problem; /* what cannot be written */
	bool nomem;
};

static void
newline(mif_buf *out, unsigned depth)
{
	static const char spaces[] = "                                ";

	mif_buf_putc(out, '\n');
	for (unsigned n = 2 * depth; n > 0;) {
		unsigned k = n < sizeof spaces - 1 ? n : (unsigned)sizeof spaces - 1;
		mif_buf_put(out, spaces, k);
		n -= k;
	}
}

static void
put_string(struct jw *jw, mif_buf *out, const char *bytes, size_t len)
{
	size_t run = 0;

	mif_buf_putc(out, '"');
	for (size_t i = 0; i < len;) {
		char esc[MIF_ESCAPE_MAX];
		size_t n = mif_json_escape_char(bytes + i, len - i, esc);
		if (n == 0) {
			jw->problem = "a string that is not valid UTF-8";
			n = 1;
		}
		if (esc[0] != '\0') {
			mif_buf_put(out, bytes + run, i - run);
			mif_buf_puts(out, esc);
			run = i + n;
		}
		i += n;
	}
	mif_buf_put(out, bytes + run, len - run);
	mif_buf_putc(out, '"');
}

static void
put_mif_string(struct jw *jw, mif_buf *out, const mif_string *s)
{
	put_string(jw, out, s != NULL ? s->bytes : "", s != NULL ? s->len : 0);
}

static void
put_key(struct jw *jw, mif_buf *out, const char *key)
{
	put_string(jw, out, key, strlen(key));
	mif_buf_puts(out, ": ");
}

/* A number exact in a double, or its decimal text as a string. */
static void
put_magnitude(mif_buf *out, uint64_t mag, unsigned flags)
{
	char text[22];
	bool exact = mag <= EXACT_MAX && !(mag == 0 && (flags & MIF_NEGATIVE));

	mif_conv_number_text(text, mag, flags & MIF_NEGATIVE);
	if (!exact)
		mif_buf_putc(out, '"');
	mif_buf_puts(out, text);
	if (!exact)
		mif_buf_putc(out, '"');
}

/* 12, or {"integer": 12, "radix": "hex"}, or {"integer": "2^64-1"...}. */
static void
put_integer(mif_buf *out, uint64_t mag, unsigned flags)
{
	bool plain = (flags & MIF_RADIX_MASK) == MIF_RADIX_DEC &&
	    mag <= EXACT_MAX && !(mag == 0 && (flags & MIF_NEGATIVE));

	if (plain) {
		put_magnitude(out, mag, flags);
		return;
	}
	mif_buf_puts(out, "{\"integer\": ");
	put_magnitude(out, mag, flags);
	mif_buf_puts(out, ", \"radix\": \"");
	mif_buf_puts(out, mif_conv_radix_name(flags));
	mif_buf_puts(out, "\"}");
}

/* The value of VALUE, of a platform statement or of a cell. */
static void
put_value(struct jw *jw, mif_buf *out, const mif_stmt *v)
{
	switch (v->form) {
	case MIF_F_NONE:
		mif_buf_puts(out, "null");
		break;
	case MIF_F_INTEGER:
		put_integer(out, v->v.u, v->flags);
		break;
	case MIF_F_STRING:
		put_mif_string(jw, out, v->v.str);
		break;
	case MIF_F_OVERLAY:
		mif_buf_puts(out, "{\"overlay\": ");
		put_mif_string(jw, out, v->v.str);
		mif_buf_putc(out, '}');
		break;
	case MIF_F_UNKNOWN:
		mif_buf_puts(out, "{\"unknown\": true}");
		break;
	case MIF_F_UNSUPPORTED:
		mif_buf_puts(out, "{\"unsupported\": true}");
		break;
	case MIF_F_DIRECT:
		mif_buf_puts(out, "{\"direct_interface\": true}");
		break;
	default:
		jw->problem = "a value of unknown form";
		break;
	}
}

static void
put_comment(struct jw *jw, mif_buf *out, const mif_part *p)
{
	mif_buf_puts(out, "{\"text\": ");
	put_mif_string(jw, out, p->u.comment->text);
	mif_buf_puts(out, p->same_line ? ", \"same_line\": true}"
	    : ", \"same_line\": false}");
}

/* ---- arrays gathered during a walk ------------------------------------- */

/* The elements of one array, each on a line of its own at `depth`. */
struct list {
	mif_buf buf;
	size_t count;
	unsigned depth;
};

static mif_buf *
list_next(struct list *l)
{
	if (l->count++ > 0)
		mif_buf_putc(&l->buf, ',');
	newline(&l->buf, l->depth);
	return &l->buf;
}

/* [ the elements ], its "]" on a line at `depth`. */
static void
put_list(mif_buf *out, const struct list *l, unsigned depth)
{
	mif_buf_putc(out, '[');
	if (l->count > 0) {
		mif_buf_put(out, l->buf.data, l->buf.len);
		newline(out, depth);
	}
	mif_buf_putc(out, ']');
}

/* The members of an object at `depth`, comma and line before each. */
struct members {
	mif_buf *out;
	unsigned depth;
	bool first;
};

static void
member(struct jw *jw, struct members *m, const char *key)
{
	if (!m->first)
		mif_buf_putc(m->out, ',');
	m->first = false;
	newline(m->out, m->depth);
	put_key(jw, m->out, key);
}

static void
order_add(struct list *order, const char *word)
{
	if (order->count++ > 0)
		mif_buf_puts(&order->buf, ", ");
	mif_buf_putc(&order->buf, '"');
	mif_buf_puts(&order->buf, word);
	mif_buf_putc(&order->buf, '"');
}

static void block_object(struct jw *jw, mif_buf *out, mif_walk *parent,
    const mif_block *b, unsigned depth);

static void
put_type(struct jw *jw, mif_buf *out, mif_walk *walk, const mif_stmt *s,
    unsigned depth)
{
	char size[22];

	switch (s->sub) {
	case MIF_T_ENUM_NAMED:
		mif_buf_puts(out, "{\"enum\": ");
		put_mif_string(jw, out, s->v.str);
		mif_buf_putc(out, '}');
		break;
	case MIF_T_ENUM_INLINE:
		if (s->v.enm == NULL) {
			jw->problem = "an inline enum without contents";
			break;
		}
		mif_buf_putc(out, '{');
		newline(out, depth + 1);
		put_key(jw, out, "enum");
		block_object(jw, out, walk, s->v.enm, depth + 1);
		newline(out, depth);
		mif_buf_putc(out, '}');
		break;
	case MIF_T_STRING:
	case MIF_T_DISPLAYSTRING:
	case MIF_T_OCTETSTRING:
		mif_conv_number_text(size, s->v.u, 0);
		mif_buf_putc(out, '"');
		mif_buf_puts(out, mif_type_name((mif_type_kind)s->sub));
		mif_buf_putc(out, '(');
		mif_buf_puts(out, size);
		mif_buf_puts(out, ")\"");
		break;
	default:
		mif_buf_putc(out, '"');
		mif_buf_puts(out, mif_type_name((mif_type_kind)s->sub));
		mif_buf_putc(out, '"');
		break;
	}
}

static void
put_stmt(struct jw *jw, struct members *m, mif_walk *walk, const mif_stmt *s)
{
	member(jw, m, mif_conv_stmt_word((mif_keyword)s->kw, s->sub));
	switch (s->kw) {
	case MIF_KW_ID:
		put_integer(m->out, s->v.u, s->flags);
		break;
	case MIF_KW_KEY:
		mif_buf_putc(m->out, '[');
		for (uint32_t i = 0; s->v.keys != NULL && i < s->v.keys->count; i++) {
			if (i > 0)
				mif_buf_puts(m->out, ", ");
			put_integer(m->out, s->v.keys->items[i].mag,
			    s->v.keys->items[i].flags);
		}
		mif_buf_putc(m->out, ']');
		break;
	case MIF_KW_TYPE:
		put_type(jw, m->out, walk, s, m->depth);
		break;
	case MIF_KW_ACCESS:
		mif_buf_putc(m->out, '"');
		mif_buf_puts(m->out, mif_access_name((mif_access)s->sub));
		mif_buf_putc(m->out, '"');
		break;
	case MIF_KW_STORAGE:
		mif_buf_putc(m->out, '"');
		mif_buf_puts(m->out, mif_storage_name((mif_storage)s->sub));
		mif_buf_putc(m->out, '"');
		break;
	case MIF_KW_VALUE:
	case MIF_KW_PLATFORM:
		put_value(jw, m->out, s);
		break;
	default:
		if (s->form != MIF_F_STRING)
			jw->problem = "a statement that needs a string holds none";
		put_mif_string(jw, m->out, s->v.str);
		break;
	}
}

static void
put_item(struct jw *jw, mif_buf *out, const mif_enum_item *it)
{
	mif_buf_puts(out, "{\"value\": ");
	put_integer(out, it->value.mag, it->value.flags);
	mif_buf_puts(out, ", \"symbol\": ");
	put_mif_string(jw, out, it->symbol);
	mif_buf_putc(out, '}');
}

/* A row: [cells] on one line; with comments inside, an object of
 * cells, comments and order. */
static void
put_row(struct jw *jw, mif_buf *out, mif_walk *parent, const mif_row *r,
    unsigned depth)
{
	mif_walk walk, probe;
	bool commented = false;

	mif_walk_row(&walk, parent, r);
	probe = walk;
	for (mif_part p; (p = mif_walk_next(&probe)).kind != MIF_PART_END;)
		commented |= p.kind == MIF_PART_COMMENT;
	if (!commented) {
		mif_buf_putc(out, '[');
		for (uint32_t i = 0; i < r->ncells; i++) {
			if (i > 0)
				mif_buf_puts(out, ", ");
			put_value(jw, out, &r->cells[i]);
		}
		mif_buf_putc(out, ']');
		mif_walk_done(parent, &probe);
		return;
	}
	struct list cells = { { NULL, 0, 0, false }, 0, depth + 2 };
	struct list comments = { { NULL, 0, 0, false }, 0, depth + 2 };
	struct list order = { { NULL, 0, 0, false }, 0, 0 };
	for (mif_part p; (p = mif_walk_next(&walk)).kind != MIF_PART_END;) {
		if (p.kind == MIF_PART_COMMENT) {
			put_comment(jw, list_next(&comments), &p);
			order_add(&order, "comments");
		} else if (p.kind == MIF_PART_STMT) {
			put_value(jw, list_next(&cells), p.u.stmt);
			order_add(&order, "cells");
		}
	}
	mif_walk_done(parent, &walk);
	struct members m = { out, depth + 1, true };
	mif_buf_putc(out, '{');
	member(jw, &m, "cells");
	put_list(out, &cells, depth + 1);
	member(jw, &m, "comments");
	put_list(out, &comments, depth + 1);
	member(jw, &m, "order");
	mif_buf_putc(out, '[');
	mif_buf_put(out, order.buf.data, order.buf.len);
	mif_buf_putc(out, ']');
	newline(out, depth);
	mif_buf_putc(out, '}');
	jw->nomem |= cells.buf.nomem || comments.buf.nomem || order.buf.nomem;
	free(cells.buf.data);
	free(comments.buf.data);
	free(order.buf.data);
}

/* The arrays each kind of block has, always written (empty or not). */
enum { L_PATHS, L_ENUMS, L_GROUPS, L_TABLES, L_ATTRIBUTES, L_ITEMS, L_ROWS,
	L_COUNT };
static const char *const list_names[L_COUNT] = {
	"paths", "enums", "groups", "tables", "attributes", "items", "rows",
};

static int
list_of(mif_block_kind kind)
{
	switch (kind) {
	case MIF_PATH: return L_PATHS;
	case MIF_ENUM: return L_ENUMS;
	case MIF_GROUP: return L_GROUPS;
	case MIF_TABLE: return L_TABLES;
	case MIF_ATTRIBUTE: return L_ATTRIBUTES;
	default: return -1;
	}
}

static bool
has_list(mif_block_kind kind, int list)
{
	switch (kind) {
	case MIF_COMPONENT: return list <= L_TABLES;
	case MIF_GROUP: return list == L_ATTRIBUTES;
	case MIF_ENUM: return list == L_ITEMS;
	case MIF_TABLE: return list == L_ROWS;
	default: return false;
	}
}

/*
 * The members of a block (the caller writes the braces): statements in
 * file order, its arrays, "comments" when it has any, and "order".
 */
static void
block_members(struct jw *jw, struct members *m, mif_walk *walk,
    const mif_block *b)
{
	unsigned depth = m->depth;
	struct list lists[L_COUNT], comments, order;

	for (int i = 0; i < L_COUNT; i++)
		lists[i] = (struct list){ { NULL, 0, 0, false }, 0, depth + 1 };
	comments = (struct list){ { NULL, 0, 0, false }, 0, depth + 1 };
	order = (struct list){ { NULL, 0, 0, false }, 0, 0 };

	for (mif_part p; (p = mif_walk_next(walk)).kind != MIF_PART_END;) {
		switch (p.kind) {
		case MIF_PART_COMMENT:
			put_comment(jw, list_next(&comments), &p);
			order_add(&order, "comments");
			break;
		case MIF_PART_STMT:
			put_stmt(jw, m, walk, p.u.stmt);
			order_add(&order, mif_conv_stmt_word(
			    (mif_keyword)p.u.stmt->kw, p.u.stmt->sub));
			break;
		case MIF_PART_BLOCK: {
			int l = list_of((mif_block_kind)p.u.block->kind);
			if (l < 0) {
				jw->problem = "a block where none can stand";
				break;
			}
			block_object(jw, list_next(&lists[l]), walk, p.u.block,
			    depth + 1);
			order_add(&order, list_names[l]);
			break;
		}
		case MIF_PART_ITEM:
			put_item(jw, list_next(&lists[L_ITEMS]), p.u.item);
			order_add(&order, "items");
			break;
		case MIF_PART_ROW:
			put_row(jw, list_next(&lists[L_ROWS]), walk, p.u.row,
			    depth + 1);
			order_add(&order, "rows");
			break;
		default:
			break;
		}
	}
	for (int i = 0; i < L_COUNT; i++) {
		if (has_list((mif_block_kind)b->kind, i)) {
			member(jw, m, list_names[i]);
			put_list(m->out, &lists[i], depth);
		}
		jw->nomem |= lists[i].buf.nomem;
		free(lists[i].buf.data);
	}
	if (comments.count > 0) {
		member(jw, m, "comments");
		put_list(m->out, &comments, depth);
	}
	member(jw, m, "order");
	mif_buf_putc(m->out, '[');
	mif_buf_put(m->out, order.buf.data, order.buf.len);
	mif_buf_putc(m->out, ']');
	jw->nomem |= comments.buf.nomem || order.buf.nomem;
	free(comments.buf.data);
	free(order.buf.data);
}

static void
block_object(struct jw *jw, mif_buf *out, mif_walk *parent,
    const mif_block *b, unsigned depth)
{
	mif_walk walk;
	struct members m = { out, depth + 1, true };

	mif_buf_putc(out, '{');
	mif_walk_block(&walk, parent, b);
	block_members(jw, &m, &walk, b);
	mif_walk_done(parent, &walk);
	newline(out, depth);
	mif_buf_putc(out, '}');
}

/* The top object: the document's members and the component's. */
static void
document(struct jw *jw, mif_buf *out, const mif_doc *doc)
{
	struct members m = { out, 1, true };
	struct list leading = { { NULL, 0, 0, false }, 0, 2 };
	struct list trailing = { { NULL, 0, 0, false }, 0, 2 };
	mif_walk top, walk;
	bool component_done = false;

	mif_buf_putc(out, '{');
	member(jw, &m, "encoding");
	mif_buf_putc(out, '"');
	mif_buf_puts(out, mif_conv_encoding_name(mif_doc_encoding(doc)));
	mif_buf_putc(out, '"');
	member(jw, &m, "newline");
	mif_buf_putc(out, '"');
	mif_buf_puts(out, mif_conv_newline_name(mif_doc_newline(doc)));
	mif_buf_putc(out, '"');
	member(jw, &m, "eof_mark");
	mif_buf_puts(out, mif_doc_eof_mark(doc) ? "true" : "false");

	mif_walk_doc(&top, doc);
	for (mif_part p; (p = mif_walk_next(&top)).kind != MIF_PART_END;) {
		if (p.kind == MIF_PART_COMMENT) {
			put_comment(jw, list_next(component_done ? &trailing
			    : &leading), &p);
		} else if (p.kind == MIF_PART_BLOCK && !component_done) {
			if (leading.count > 0) {
				member(jw, &m, "leading_comments");
				put_list(out, &leading, 1);
			}
			mif_walk_block(&walk, &top, p.u.block);
			block_members(jw, &m, &walk, p.u.block);
			mif_walk_done(&top, &walk);
			component_done = true;
		}
	}
	if (trailing.count > 0) {
		member(jw, &m, "trailing_comments");
		put_list(out, &trailing, 1);
	}
	newline(out, 0);
	mif_buf_puts(out, "}\n");
	jw->nomem |= leading.buf.nomem || trailing.buf.nomem;
	free(leading.buf.data);
	free(trailing.buf.data);
}

int
mif_write_json(const mif_doc *doc, char **out, size_t *len, mif_error *err)
{
	const char *name = mif_doc_source_name(doc);
	struct jw jw = { NULL, false };
	mif_buf buf = { NULL, 0, 0, false };

	*out = NULL;
	*len = 0;
	if (mif_doc_component(doc) == NULL) {
		mif_error_set(err, MIF_E_MISSING, name,
		    "no component to write as JSON");
		return -1;
	}
	document(&jw, &buf, doc);
	mif_buf_putc(&buf, '\0');
	if (jw.problem != NULL) {
		mif_error_set(err, MIF_E_ENCODING, name,
		    "cannot write %s as JSON", jw.problem);
		if (err != NULL)
			err->rule = MIF_RULE_ENCODING_UNWRITABLE;
	} else if (jw.nomem || buf.nomem) {
		mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
	} else {
		*out = buf.data;
		*len = buf.len - 1;
		return 0;
	}
	free(buf.data);
	return -1;
}
