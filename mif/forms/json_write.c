/*
 * The JSON writer: the tree as the JSON of mif-json(5).  Each block is
 * an object whose statements are members named after their keywords,
 * whose child blocks, enum items and rows are arrays, and whose
 * "comments" and "order" keep what a tree needs beyond that: the
 * comments, and the order of everything in the file.  The component's
 * members sit in the top object beside the document's own.
 *
 * It walks the tree as the MIF writer does (writer.h), so comments are
 * where the MIF writer would put them.  A block's members are written
 * as they come, each array by a walk of its own over the block's
 * contents (the others skipped), so that the text goes out in pieces
 * as it is made and no array is held.
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

/* The pieces handed to put: at a new line once this many are held. */
#define PIECE (64 * 1024)

struct jw {
	const char *problem; /* what cannot be written */
	bool nomem;
	mif_buf out;
	mif_put_fn *put;
	void *ctx;
	bool failed;         /* put said no */
};

/* Hand what is held to put. */
static void
flush(struct jw *jw)
{
	if (!jw->failed && jw->out.len > 0)
		jw->failed = !jw->put(jw->ctx, jw->out.data, jw->out.len);
	jw->out.len = 0;
}

static void
newline(struct jw *jw, unsigned depth)
{
	static const char spaces[] = "                                ";
	mif_buf *out = &jw->out;

	if (out->len >= PIECE)
		flush(jw);
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

/* ---- members and arrays ------------------------------------------------ */

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
	newline(jw, m->depth);
	put_key(jw, m->out, key);
}

/* The next element of an array whose elements stand at `depth`. */
static mif_buf *
element(struct jw *jw, size_t *count, unsigned depth)
{
	if ((*count)++ > 0)
		mif_buf_putc(&jw->out, ',');
	newline(jw, depth);
	return &jw->out;
}

/* The "]" of an array of count elements, on a line at `depth`. */
static void
array_end(struct jw *jw, size_t count, unsigned depth)
{
	if (count > 0)
		newline(jw, depth);
	mif_buf_putc(&jw->out, ']');
}

static void
order_word(struct jw *jw, size_t *count, const char *word)
{
	if ((*count)++ > 0)
		mif_buf_puts(&jw->out, ", ");
	mif_buf_putc(&jw->out, '"');
	mif_buf_puts(&jw->out, word);
	mif_buf_putc(&jw->out, '"');
}

/* Pass over a block, a row or an inline enum that this walk of its
 * parent does not write: its comments are its own (a nested walk would
 * have taken every one before its end). */
static void
skip_to(mif_walk *walk, uint32_t end)
{
	while (walk->next_comment < walk->ncomments &&
	    walk->comments[walk->next_comment].pos < end)
		walk->next_comment++;
}

static void block_object(struct jw *jw, mif_walk *parent,
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
		newline(jw, depth + 1);
		put_key(jw, out, "enum");
		block_object(jw, walk, s->v.enm, depth + 1);
		newline(jw, depth);
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
 * cells, comments and order, each by a walk of the row. */
static void
put_row(struct jw *jw, mif_walk *parent, const mif_row *r, unsigned depth)
{
	mif_buf *out = &jw->out;
	mif_walk start, walk;
	bool commented = false;

	mif_walk_row(&start, parent, r);
	walk = start;
	for (mif_part p; (p = mif_walk_next(&walk)).kind != MIF_PART_END;)
		commented |= p.kind == MIF_PART_COMMENT;
	mif_walk_done(parent, &walk);
	if (!commented) {
		mif_buf_putc(out, '[');
		for (uint32_t i = 0; i < r->ncells; i++) {
			if (i > 0)
				mif_buf_puts(out, ", ");
			put_value(jw, out, &r->cells[i]);
		}
		mif_buf_putc(out, ']');
		return;
	}
	struct members m = { out, depth + 1, true };
	static const char *const lists[] = { "cells", "comments" };
	mif_buf_putc(out, '{');
	for (int l = 0; l < 2; l++) {
		size_t count = 0;
		member(jw, &m, lists[l]);
		mif_buf_putc(out, '[');
		walk = start;
		for (mif_part p; (p = mif_walk_next(&walk)).kind != MIF_PART_END;) {
			if (l == 0 && p.kind == MIF_PART_STMT)
				put_value(jw, element(jw, &count, depth + 2),
				    p.u.stmt);
			else if (l == 1 && p.kind == MIF_PART_COMMENT)
				put_comment(jw, element(jw, &count, depth + 2), &p);
		}
		array_end(jw, count, depth + 1);
	}
	size_t count = 0;
	member(jw, &m, "order");
	mif_buf_putc(out, '[');
	walk = start;
	for (mif_part p; (p = mif_walk_next(&walk)).kind != MIF_PART_END;)
		order_word(jw, &count, p.kind == MIF_PART_COMMENT ? "comments"
		    : "cells");
	mif_buf_putc(out, ']');
	newline(jw, depth);
	mif_buf_putc(out, '}');
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

/* The array a part of a block's walk goes in; -1 for a statement, a
 * comment or a part that belongs in no array of this block. */
static int
list_of_part(const mif_part *p)
{
	switch (p->kind) {
	case MIF_PART_BLOCK: return list_of((mif_block_kind)p->u.block->kind);
	case MIF_PART_ITEM: return L_ITEMS;
	case MIF_PART_ROW: return L_ROWS;
	default: return -1;
	}
}

/*
 * One walk over a block's contents that writes only the parts of one
 * kind (`want`: MIF_PART_STMT, MIF_PART_COMMENT, or MIF_PART_END with a
 * list) and skips the others, or (`order`) the word of each part.
 */
enum pass { PASS_STMTS, PASS_LIST, PASS_COMMENTS, PASS_ORDER };

static void
block_pass(struct jw *jw, struct members *m, mif_walk *walk, enum pass pass,
    int list, size_t *count)
{
	unsigned depth = m->depth;

	for (mif_part p; (p = mif_walk_next(walk)).kind != MIF_PART_END;) {
		int l = list_of_part(&p);
		if (pass == PASS_ORDER)
			order_word(jw, count, p.kind == MIF_PART_COMMENT ?
			    "comments" : p.kind == MIF_PART_STMT ?
			    mif_conv_stmt_word((mif_keyword)p.u.stmt->kw,
			    p.u.stmt->sub) : l >= 0 ? list_names[l] : "?");
		if (p.kind == MIF_PART_STMT) {
			const mif_stmt *s = p.u.stmt;
			if (pass == PASS_STMTS)
				put_stmt(jw, m, walk, s);
			else if (s->kw == MIF_KW_TYPE &&
			    s->sub == MIF_T_ENUM_INLINE && s->v.enm != NULL)
				skip_to(walk, s->v.enm->end_pos);
		} else if (p.kind == MIF_PART_COMMENT) {
			if (pass == PASS_COMMENTS)
				put_comment(jw, element(jw, count, depth), &p);
			else if (pass == PASS_STMTS)
				++*count;
		} else if (pass == PASS_LIST && l == list) {
			mif_buf *out = element(jw, count, depth);
			if (p.kind == MIF_PART_BLOCK)
				block_object(jw, walk, p.u.block, depth);
			else if (p.kind == MIF_PART_ITEM)
				put_item(jw, out, p.u.item);
			else
				put_row(jw, walk, p.u.row, depth);
		} else if (p.kind == MIF_PART_BLOCK) {
			skip_to(walk, p.u.block->end_pos);
		} else if (p.kind == MIF_PART_ROW) {
			skip_to(walk, p.u.row->end_pos);
		}
	}
}

/*
 * The members of a block (the caller writes the braces): statements in
 * file order, its arrays, "comments" when it has any, and "order"; a
 * walk of the block's contents for each.
 */
static void
block_members(struct jw *jw, struct members *m, mif_walk *walk,
    const mif_block *b)
{
	unsigned depth = m->depth;
	const mif_walk start = *walk;
	size_t ncomments = 0;

	/* the statements, and whether each block can stand here */
	block_pass(jw, m, walk, PASS_STMTS, -1, &ncomments);
	*walk = start;
	for (mif_part p; (p = mif_walk_next(walk)).kind != MIF_PART_END;) {
		int l = list_of_part(&p);
		if (p.kind == MIF_PART_BLOCK &&
		    (l < 0 || !has_list((mif_block_kind)b->kind, l)))
			jw->problem = "a block where none can stand";
		if (p.kind == MIF_PART_BLOCK)
			skip_to(walk, p.u.block->end_pos);
		else if (p.kind == MIF_PART_ROW)
			skip_to(walk, p.u.row->end_pos);
		else if (p.kind == MIF_PART_STMT && p.u.stmt->kw == MIF_KW_TYPE &&
		    p.u.stmt->sub == MIF_T_ENUM_INLINE && p.u.stmt->v.enm != NULL)
			skip_to(walk, p.u.stmt->v.enm->end_pos);
	}
	struct members inner = { m->out, depth + 1, true };
	for (int i = 0; i < L_COUNT; i++) {
		if (!has_list((mif_block_kind)b->kind, i))
			continue;
		size_t count = 0;
		member(jw, m, list_names[i]);
		mif_buf_putc(m->out, '[');
		*walk = start;
		block_pass(jw, &inner, walk, PASS_LIST, i, &count);
		array_end(jw, count, depth);
	}
	if (ncomments > 0) {
		size_t count = 0;
		member(jw, m, "comments");
		mif_buf_putc(m->out, '[');
		*walk = start;
		block_pass(jw, &inner, walk, PASS_COMMENTS, -1, &count);
		array_end(jw, count, depth);
	}
	size_t count = 0;
	member(jw, m, "order");
	mif_buf_putc(m->out, '[');
	*walk = start;
	block_pass(jw, m, walk, PASS_ORDER, -1, &count);
	mif_buf_putc(m->out, ']');
}

static void
block_object(struct jw *jw, mif_walk *parent, const mif_block *b,
    unsigned depth)
{
	mif_walk walk;
	struct members m = { &jw->out, depth + 1, true };

	mif_buf_putc(&jw->out, '{');
	mif_walk_block(&walk, parent, b);
	block_members(jw, &m, &walk, b);
	mif_walk_done(parent, &walk);
	newline(jw, depth);
	mif_buf_putc(&jw->out, '}');
}

/* The top object: the document's members and the component's, with the
 * comments before and after the component. */
static void
document(struct jw *jw, const mif_doc *doc)
{
	mif_buf *out = &jw->out;
	struct members m = { out, 1, true };
	mif_walk top, walk;
	bool component_done = false;
	size_t leading = 0, trailing = 0;

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
	for (mif_part p; (p = mif_walk_next(&top)).kind != MIF_PART_END &&
	    !jw->failed;) {
		if (p.kind == MIF_PART_COMMENT) {
			size_t *count = component_done ? &trailing : &leading;
			if (*count == 0) {
				member(jw, &m, component_done ?
				    "trailing_comments" : "leading_comments");
				mif_buf_putc(out, '[');
			}
			put_comment(jw, element(jw, count, 2), &p);
		} else if (p.kind == MIF_PART_BLOCK && !component_done) {
			if (leading > 0)
				array_end(jw, leading, 1);
			mif_walk_block(&walk, &top, p.u.block);
			block_members(jw, &m, &walk, p.u.block);
			mif_walk_done(&top, &walk);
			component_done = true;
		}
	}
	if (trailing > 0)
		array_end(jw, trailing, 1);
	newline(jw, 0);
	mif_buf_puts(out, "}\n");
}

int
mif_write_json_to(const mif_doc *doc, mif_put_fn *put, void *ctx,
    mif_error *err)
{
	const char *name = mif_doc_source_name(doc);
	struct jw jw = { NULL, false, { NULL, 0, 0, false }, put, ctx, false };

	if (mif_doc_component(doc) == NULL) {
		mif_error_set(err, MIF_E_MISSING, name,
		    "no component to write as JSON");
		return -1;
	}
	document(&jw, doc);
	if (!jw.out.nomem)
		flush(&jw);
	free(jw.out.data);
	if (jw.problem != NULL) {
		mif_error_set(err, MIF_E_ENCODING, name,
		    "cannot write %s as JSON", jw.problem);
		if (err != NULL)
			err->rule = MIF_RULE_ENCODING_UNWRITABLE;
	} else if (jw.failed) {
		mif_error_set(err, MIF_E_IO, name, "write error");
	} else if (jw.nomem || jw.out.nomem) {
		mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
	} else {
		return 0;
	}
	return -1;
}

int
mif_write_json(const mif_doc *doc, char **out, size_t *len, mif_error *err)
{
	return mif_write_memory(doc, mif_write_json_to, out, len, err);
}
