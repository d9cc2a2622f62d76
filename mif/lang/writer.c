/*
 * The canonical MIF writer.  It walks the tree and produces UTF-8 text
 * with LF line ends; encode.c then gives it the output encoding.
 *
 * The canonical form:
 *
 *   - Keywords in upper case: START COMPONENT, NAME = "x", END GROUP.
 *     PATHS is written PATH; INT, INT64 stay as written.
 *   - Two spaces of indent per nesting level, one statement per line,
 *     "KEYWORD = value" with one space on each side of "=".
 *   - A block's contents in source order: statements and child blocks
 *     (or enum items, or rows) merged by position.  Comments stay where
 *     they were: before the item they preceded, or before the END of the
 *     block they ended, at the block's inner indent; comments before
 *     START COMPONENT and after END COMPONENT at column 0.  A comment is
 *     "//" followed by its text exactly.  A comment that followed a token
 *     on its line follows the previous output line after one space; when
 *     that line already ends in a comment (two comments inside one
 *     statement: NAME = // a, then "x" // b), it takes a line of its own.
 *   - One empty line before every child block of the component (PATH,
 *     ENUM, GROUP, TABLE), placed before the comments on lines of their
 *     own that lead up to it; no other empty lines, no trailing spaces.
 *     The file ends with END COMPONENT, any comments after it, and one
 *     line end.
 *   - Strings in double quotes, adjacent literals joined into one.
 *     Escaped: \\ and \", the controls \a \b \f \n \r \t \v, any other
 *     byte below 0x20, 0x7F and any byte that is not part of valid UTF-8
 *     as three octal digits \ooo.  Everything else is written as it is.
 *   - Integers in the radix they were written in: decimal as is; octal
 *     as 0 and octal digits (zero is 0); hexadecimal as 0x and upper-case
 *     digits, padded with a zero to whole bytes (0x0A, 0x00, 0x0100).
 *     A negative number has a leading "-".
 *   - TYPE = INTEGER; TYPE = STRING(64), the size in decimal (a string
 *     type without a size is STRING(0), which means the same); TYPE =
 *     "Enum_Name" for a named enumeration; an inline one is TYPE = START
 *     ENUM, its contents one level deeper, and END ENUM at the indent of
 *     the TYPE statement.
 *   - Values: 12, "text", *"overlay", UNKNOWN, UNSUPPORTED,
 *     DIRECT-INTERFACE; ACCESS = READ-ONLY; STORAGE = COMMON;
 *     KEY = 1, 2, 3.  Enum items: 0x00 = "An error occurred".
 *   - A table row on one line: {v1, v2, v3}; an empty position writes
 *     nothing between its commas ({"a", , "c"}, {"a", }); an empty row
 *     is {}.  A row with comments inside runs over several lines: "{" and
 *     the first value, then each further value on its own line one
 *     column right of the "{", comments in their places, and "}" after
 *     the last value (on a line of its own after a trailing comment).
 *     An empty position stays on the line of the value before it, ahead
 *     of any comment there: {"a", , // note.
 *
 * The output is deterministic, formatting it again gives the same
 * bytes, and parsing it gives a tree that mif_doc_same() finds equal to
 * the document's.
 */
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"
#include "lang/writer.h"

/* ---- spelling of values ---------------------------------------------------- */

void
mif_put_number(mif_buf *buf, uint64_t mag, unsigned flags)
{
	char text[32];

	if (flags & MIF_NEGATIVE)
		mif_buf_putc(buf, '-');
	switch (flags & MIF_RADIX_MASK) {
	case MIF_RADIX_OCT:
		snprintf(text, sizeof text, mag == 0 ? "0" : "0%" PRIo64, mag);
		break;
	case MIF_RADIX_HEX: {
		int digits = 2;
		while (digits < 16 && (mag >> (4 * digits)) != 0)
			digits += 2;
		snprintf(text, sizeof text, "0x%0*" PRIX64, digits, mag);
		break;
	}
	default:
		snprintf(text, sizeof text, "%" PRIu64, mag);
		break;
	}
	mif_buf_puts(buf, text);
}

bool
mif_number_same(uint64_t amag, unsigned aflags, uint64_t bmag, unsigned bflags)
{
	unsigned ar = aflags & MIF_RADIX_MASK, br = bflags & MIF_RADIX_MASK;

	if (amag != bmag || (aflags & MIF_NEGATIVE) != (bflags & MIF_NEGATIVE))
		return false;
	if (amag == 0 && ar != MIF_RADIX_HEX && br != MIF_RADIX_HEX)
		return true; /* both are written "0" */
	return ar == br;
}

static const char *
control_escape(unsigned char c)
{
	switch (c) {
	case '\a': return "\\a";
	case '\b': return "\\b";
	case '\f': return "\\f";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\t': return "\\t";
	case '\v': return "\\v";
	case '\\': return "\\\\";
	case '"':  return "\\\"";
	default:   return NULL;
	}
}

void
mif_put_string(mif_buf *buf, const mif_string *s)
{
	const unsigned char *p = s != NULL ? (const unsigned char *)s->bytes : NULL;
	size_t len = s != NULL ? s->len : 0;
	size_t run = 0; /* start of the bytes not yet written */

	mif_buf_putc(buf, '"');
	for (size_t i = 0; i < len;) {
		unsigned char c = p[i];
		size_t n = 1;
		const char *esc = control_escape(c);
		char octal[8];
		if (esc == NULL && (c < 0x20 || c == 0x7F)) {
			snprintf(octal, sizeof octal, "\\%03o", c);
			esc = octal;
		} else if (esc == NULL && c >= 0x80) {
			uint32_t cp;
			n = mif_utf8_get(p + i, len - i, &cp);
			if (n == 0) { /* not UTF-8: keep the byte itself */
				snprintf(octal, sizeof octal, "\\%03o", c);
				esc = octal;
				n = 1;
			}
		}
		if (esc != NULL) {
			mif_buf_put(buf, p + run, i - run);
			mif_buf_puts(buf, esc);
			run = i + n;
		}
		i += n;
	}
	mif_buf_put(buf, p + run, len - run);
	mif_buf_putc(buf, '"');
}

const char *
mif_stmt_keyword(const mif_stmt *stmt)
{
	if (stmt->kw == MIF_KW_PLATFORM)
		return mif_platform_name(stmt->sub);
	return mif_keyword_name(stmt->kw);
}

/* TYPE = INTEGER, STRING(64), "Enum_Name", START ENUM.  Sizes are
 * decimal (the tree keeps no radix for them). */
static void
put_type(mif_buf *buf, const mif_stmt *stmt)
{
	char size[32];

	switch (stmt->sub) {
	case MIF_T_ENUM_NAMED:
		mif_put_string(buf, stmt->v.str);
		break;
	case MIF_T_ENUM_INLINE:
		mif_buf_puts(buf, "START ENUM");
		break;
	case MIF_T_STRING:
	case MIF_T_DISPLAYSTRING:
	case MIF_T_OCTETSTRING:
		mif_buf_puts(buf, mif_type_name(stmt->sub));
		snprintf(size, sizeof size, "(%" PRIu64 ")", stmt->v.u);
		mif_buf_puts(buf, size);
		break;
	default:
		mif_buf_puts(buf, mif_type_name(stmt->sub));
		break;
	}
}

void
mif_put_value(mif_buf *buf, const mif_stmt *stmt)
{
	switch (stmt->form) {
	case MIF_F_NONE:
		break;
	case MIF_F_INTEGER:
		mif_put_number(buf, stmt->v.u, stmt->flags);
		break;
	case MIF_F_STRING:
		mif_put_string(buf, stmt->v.str);
		break;
	case MIF_F_OVERLAY:
		mif_buf_putc(buf, '*');
		mif_put_string(buf, stmt->v.str);
		break;
	case MIF_F_UNKNOWN:
		mif_buf_puts(buf, "UNKNOWN");
		break;
	case MIF_F_UNSUPPORTED:
		mif_buf_puts(buf, "UNSUPPORTED");
		break;
	case MIF_F_DIRECT:
		mif_buf_puts(buf, "DIRECT-INTERFACE");
		break;
	case MIF_F_TYPE:
		put_type(buf, stmt);
		break;
	case MIF_F_WORD:
		mif_buf_puts(buf, stmt->kw == MIF_KW_STORAGE
		    ? mif_storage_name(stmt->sub) : mif_access_name(stmt->sub));
		break;
	case MIF_F_KEYS:
		for (uint32_t i = 0; stmt->v.keys != NULL && i < stmt->v.keys->count; i++) {
			if (i > 0)
				mif_buf_puts(buf, ", ");
			mif_put_number(buf, stmt->v.keys->items[i].mag,
			    stmt->v.keys->items[i].flags);
		}
		break;
	default:
		mif_buf_puts(buf, "?");
		break;
	}
}

/* ---- walking a block in file order ---------------------------------------------- */

void
mif_walk_doc(mif_walk *walk, const mif_doc *doc)
{
	memset(walk, 0, sizeof *walk);
	walk->comments = mif_doc_comments(doc, &walk->ncomments);
	walk->open_end = true;
	walk->line_ends_in_comment = true; /* no line to follow yet */
	walk->child = mif_doc_component(doc);
}

static void
walk_start(mif_walk *walk, const mif_walk *parent, uint32_t end)
{
	memset(walk, 0, sizeof *walk);
	walk->comments = parent->comments;
	walk->ncomments = parent->ncomments;
	walk->next_comment = parent->next_comment;
	walk->end = end;
}

void
mif_walk_block(mif_walk *walk, const mif_walk *parent, const mif_block *block)
{
	walk_start(walk, parent, block->end_pos);
	walk->stmts = block->stmts;
	walk->nstmts = block->nstmts;
	switch (block->kind) {
	case MIF_COMPONENT:
	case MIF_GROUP:
		walk->child = block->u.children;
		break;
	case MIF_ENUM:
		walk->items = block->u.items;
		walk->nitems = block->u.items != NULL ? block->count : 0;
		break;
	case MIF_TABLE:
		walk->row = block->u.rows;
		break;
	default: /* paths and attributes hold statements only */
		break;
	}
}

void
mif_walk_row(mif_walk *walk, const mif_walk *parent, const mif_row *row)
{
	walk_start(walk, parent, row->end_pos);
	walk->stmts = row->cells;
	walk->nstmts = row->cells != NULL ? row->ncells : 0;
	walk->in_row = true;
}

void
mif_walk_done(mif_walk *parent, const mif_walk *nested)
{
	parent->next_comment = nested->next_comment;
}

mif_part
mif_walk_next(mif_walk *walk)
{
	mif_part part;
	bool have = false;
	uint32_t pos = 0;

	memset(&part, 0, sizeof part);
	if (walk->next_stmt < walk->nstmts) {
		have = true;
		pos = walk->stmts[walk->next_stmt].pos;
		part.kind = MIF_PART_STMT;
	}
	uint32_t other = 0;
	mif_part_kind other_kind = MIF_PART_END;
	if (walk->child != NULL) {
		other = walk->child->pos;
		other_kind = MIF_PART_BLOCK;
	} else if (walk->next_item < walk->nitems) {
		other = walk->items[walk->next_item].pos;
		other_kind = MIF_PART_ITEM;
	} else if (walk->row != NULL) {
		other = walk->row->pos;
		other_kind = MIF_PART_ROW;
	}
	if (other_kind != MIF_PART_END && (!have || other < pos)) {
		have = true;
		pos = other;
		part.kind = other_kind;
	}

	/* An empty position has no token of its own: it stays right after
	 * the value or "{" before it, ahead of any comment. */
	bool empty_cell = walk->in_row && part.kind == MIF_PART_STMT
	    && walk->stmts[walk->next_stmt].form == MIF_F_NONE;
	if (!empty_cell && walk->next_comment < walk->ncomments) {
		const mif_comment *c = &walk->comments[walk->next_comment];
		if (have ? c->pos < pos : walk->open_end || c->pos < walk->end) {
			walk->next_comment++;
			part.leads_to = part.kind; /* no comment changes it */
			part.kind = MIF_PART_COMMENT;
			part.u.comment = c;
			part.same_line = c->same_line && !walk->line_ends_in_comment;
			walk->line_ends_in_comment = true;
			return part;
		}
	}
	walk->line_ends_in_comment = false;
	switch (part.kind) {
	case MIF_PART_STMT:
		part.index = (uint32_t)walk->next_stmt;
		part.u.stmt = &walk->stmts[walk->next_stmt++];
		break;
	case MIF_PART_BLOCK:
		part.u.block = walk->child;
		walk->child = walk->child->next;
		break;
	case MIF_PART_ITEM:
		part.index = (uint32_t)walk->next_item;
		part.u.item = &walk->items[walk->next_item++];
		break;
	case MIF_PART_ROW:
		part.u.row = walk->row;
		walk->row = walk->row->next;
		break;
	default:
		part.kind = MIF_PART_END;
		break;
	}
	return part;
}

/* ---- the writer --------------------------------------------------------------- */

/* The pieces the writer hands on at once: at the start of a line once
 * its text has this many bytes. */
#define PIECE (64 * 1024)

/* The caller's put function, behind the encoder. */
struct sink {
	mif_put_fn *put;
	void *ctx;
	mif_encoder *enc;
	bool failed;      /* put said no */
};

struct writer {
	mif_buf buf;
	bool line_open; /* something is on the current output line */
	bool crlf;      /* lines will end in CR LF */
	struct sink *sink; /* where buf goes when it is full */
	bool stopped;   /* the encoder or the sink failed */
};

/* Encode the text held and give it to the sink; what the encoder
 * writes (its buffer) is given at once. */
static void
flush(struct writer *wr)
{
	struct sink *sink = wr->sink;
	mif_buf *out = sink->enc->out;

	if (!wr->stopped && wr->buf.len > 0 &&
	    !mif_encoder_put(sink->enc, wr->buf.data, wr->buf.len))
		wr->stopped = true;
	wr->buf.len = 0;
	if (!wr->stopped && out->len > 0) {
		sink->failed = !sink->put(sink->ctx, out->data, out->len);
		wr->stopped = sink->failed;
	}
	out->len = 0;
}

static void
put_spaces(struct writer *wr, unsigned n)
{
	static const char spaces[] = "                                ";

	while (n > 0) {
		unsigned k = n < sizeof spaces - 1 ? n : (unsigned)sizeof spaces - 1;
		mif_buf_put(&wr->buf, spaces, k);
		n -= k;
	}
}

/* Start a new output line indented by `columns`. */
static void
start_line_at(struct writer *wr, unsigned columns)
{
	if (wr->buf.len >= PIECE)
		flush(wr);
	if (wr->line_open)
		mif_buf_putc(&wr->buf, '\n');
	put_spaces(wr, columns);
	wr->line_open = true;
}

static void
start_line(struct writer *wr, unsigned depth)
{
	start_line_at(wr, 2 * depth);
}

static void
blank_line(struct writer *wr)
{
	if (wr->line_open)
		mif_buf_putc(&wr->buf, '\n');
	mif_buf_putc(&wr->buf, '\n');
	wr->line_open = false;
}

static void
put_comment_text(struct writer *wr, const mif_comment *c)
{
	mif_buf_puts(&wr->buf, "//");
	if (c->text == NULL)
		return;
	mif_buf_put(&wr->buf, c->text->bytes, c->text->len);
	/* The scanner drops one CR before a line end: a comment that ends
	 * in CR (from CR CR LF lines) needs one more where lines end in LF. */
	if (!wr->crlf && c->text->len > 0 && c->text->bytes[c->text->len - 1] == '\r')
		mif_buf_putc(&wr->buf, '\r');
}

static void
write_comment(struct writer *wr, const mif_part *p, unsigned depth)
{
	if (p->same_line && wr->line_open)
		mif_buf_putc(&wr->buf, ' ');
	else
		start_line(wr, depth);
	put_comment_text(wr, p->u.comment);
}

static void write_contents(struct writer *wr, mif_walk *walk,
    const mif_block *block, unsigned depth);

static void
write_block(struct writer *wr, mif_walk *parent, const mif_block *block,
    unsigned depth)
{
	const char *kind = mif_block_kind_name(block->kind);
	mif_walk walk;

	start_line(wr, depth);
	mif_buf_puts(&wr->buf, "START ");
	mif_buf_puts(&wr->buf, kind);
	mif_walk_block(&walk, parent, block);
	write_contents(wr, &walk, block, depth + 1);
	mif_walk_done(parent, &walk);
	start_line(wr, depth);
	mif_buf_puts(&wr->buf, "END ");
	mif_buf_puts(&wr->buf, kind);
}

static void
write_stmt(struct writer *wr, mif_walk *walk, const mif_stmt *stmt,
    unsigned depth)
{
	start_line(wr, depth);
	mif_buf_puts(&wr->buf, mif_stmt_keyword(stmt));
	mif_buf_puts(&wr->buf, " = ");
	mif_put_value(&wr->buf, stmt);
	if (stmt->form == MIF_F_TYPE && stmt->sub == MIF_T_ENUM_INLINE
	    && stmt->v.enm != NULL) {
		mif_walk nested;
		mif_walk_block(&nested, walk, stmt->v.enm);
		write_contents(wr, &nested, stmt->v.enm, depth + 1);
		mif_walk_done(walk, &nested);
		start_line(wr, depth);
		mif_buf_puts(&wr->buf, "END ENUM");
	}
}

static void
write_item(struct writer *wr, const mif_enum_item *item, unsigned depth)
{
	start_line(wr, depth);
	mif_put_number(&wr->buf, item->value.mag, item->value.flags);
	mif_buf_puts(&wr->buf, " = ");
	mif_put_string(&wr->buf, item->symbol);
}

/*
 * One row.  With a comment inside, each value after the first goes on a
 * line of its own, one column right of the "{".  An empty position
 * stays on the line of the value before it (the walk keeps it there).
 */
static void
write_row(struct writer *wr, mif_walk *parent, const mif_row *row,
    unsigned depth)
{
	mif_walk walk;
	mif_walk_row(&walk, parent, row);
	mif_walk probe = walk;
	bool commented = false;
	for (mif_part p; (p = mif_walk_next(&probe)).kind != MIF_PART_END;)
		commented |= p.kind == MIF_PART_COMMENT;

	start_line(wr, depth);
	mif_buf_putc(&wr->buf, '{');
	unsigned column = 2 * depth + 1;
	bool after_comment = false; /* the next value needs a new line */
	bool space_before_end = false; /* {"a", } keeps its space */
	for (mif_part p; (p = mif_walk_next(&walk)).kind != MIF_PART_END;) {
		if (p.kind == MIF_PART_COMMENT) {
			if (!p.same_line)
				start_line_at(wr, column);
			else
				mif_buf_putc(&wr->buf, ' ');
			put_comment_text(wr, p.u.comment);
			after_comment = true;
			space_before_end = false;
			continue;
		}
		bool last = p.index + 1 >= row->ncells;
		if (p.u.stmt->form == MIF_F_NONE) {
			if (last) {
				space_before_end = p.index > 0;
				continue;
			}
			if (p.index > 0)
				mif_buf_putc(&wr->buf, ' ');
		} else {
			if (commented && (p.index > 0 || after_comment))
				start_line_at(wr, column);
			else if (p.index > 0)
				mif_buf_putc(&wr->buf, ' ');
			mif_put_value(&wr->buf, p.u.stmt);
		}
		if (!last)
			mif_buf_putc(&wr->buf, ',');
		after_comment = false;
	}
	if (after_comment)
		start_line_at(wr, column);
	else if (space_before_end)
		mif_buf_putc(&wr->buf, ' ');
	mif_buf_putc(&wr->buf, '}');
	mif_walk_done(parent, &walk);
}

static void
write_contents(struct writer *wr, mif_walk *walk, const mif_block *block,
    unsigned depth)
{
	bool blank_done = false;

	for (mif_part p; (p = mif_walk_next(walk)).kind != MIF_PART_END;) {
		if (block->kind == MIF_COMPONENT && !blank_done
		    && (p.kind == MIF_PART_BLOCK
		    || (p.kind == MIF_PART_COMMENT && !p.same_line
		    && p.leads_to == MIF_PART_BLOCK))) {
			blank_line(wr);
			blank_done = true;
		}
		switch (p.kind) {
		case MIF_PART_COMMENT:
			write_comment(wr, &p, depth);
			continue;
		case MIF_PART_STMT:
			write_stmt(wr, walk, p.u.stmt, depth);
			break;
		case MIF_PART_BLOCK:
			write_block(wr, walk, p.u.block, depth);
			break;
		case MIF_PART_ITEM:
			write_item(wr, p.u.item, depth);
			break;
		case MIF_PART_ROW:
			write_row(wr, walk, p.u.row, depth);
			break;
		default:
			break;
		}
		blank_done = false;
	}
}

/* The canonical text of the document as UTF-8 with LF line ends (that
 * encode.c turns into `newline`), through the sink. */
static bool
write_text(const mif_doc *doc, mif_newline newline, struct sink *sink)
{
	struct writer wr = { { NULL, 0, 0, false }, false,
	    newline == MIF_NL_CRLF, sink, false };
	mif_walk top;

	mif_walk_doc(&top, doc);
	for (mif_part p; (p = mif_walk_next(&top)).kind != MIF_PART_END &&
	    !wr.stopped && !wr.buf.nomem;) {
		if (p.kind == MIF_PART_COMMENT)
			write_comment(&wr, &p, 0);
		else if (p.kind == MIF_PART_BLOCK)
			write_block(&wr, &top, p.u.block, 0);
	}
	if (wr.line_open)
		mif_buf_putc(&wr.buf, '\n');
	bool nomem = wr.buf.nomem;
	if (!nomem)
		flush(&wr);
	free(wr.buf.data);
	if (!nomem && !wr.stopped && !mif_encoder_end(sink->enc))
		wr.stopped = true;
	if (!nomem && !wr.stopped) {
		wr.buf.len = 0;
		flush(&wr); /* the ^Z */
	}
	return !nomem && !wr.stopped && !sink->enc->out->nomem;
}

/*
 * An error of the encoder is placed in the text written; messages
 * place it in the input instead, at the first occurrence there of the
 * character that cannot be written, ch (n bytes; the writer keeps the
 * input's order).  A character the input does not hold as such (a
 * document built, not read) keeps no place: its line in the output is
 * told.
 */
static void
place_in_source(const mif_doc *doc, const char *ch, size_t n, mif_error *err)
{
	const char *src = doc->text;
	size_t src_len = src != NULL ? doc->text_len : 0;

	for (size_t i = 0; n > 0 && i + n <= src_len; i++) {
		const char *hit = memchr(src + i, ch[0], src_len - i - n + 1);
		if (hit == NULL)
			break;
		i = (size_t)(hit - src);
		if (memcmp(hit, ch, n) == 0 && i <= UINT32_MAX) {
			err->mark = mif_doc_mark(doc, (uint32_t)i);
			return;
		}
	}
	size_t used = strlen(err->text);
	snprintf(err->text + used, sizeof err->text - used,
	    " (line %u of the output)", err->mark.line);
	err->mark = (mif_mark){ 0, 0, 0 };
}

/* Text read as ISO 8859-1 that may be UTF-8 keeps its bytes only in
 * ISO 8859-1: in another encoding a misread "Ã¼" would stay so. */
static bool
may_reencode(const mif_doc *doc, mif_encoding encoding, mif_error *err)
{
	const mif_error *doubt = mif_doc_encoding_doubt(doc);

	if (doubt == NULL || encoding == MIF_ENC_LATIN1)
		return true;
	mif_error_set(err, MIF_E_ENCODING, mif_doc_source_name(doc),
	    "not written in %s: the text read as ISO 8859-1 may be UTF-8 "
	    "(line %u); name the input encoding", mif_encoding_name(encoding),
	    doubt->mark.line);
	if (err != NULL)
		err->rule = MIF_RULE_ENCODING_UNWRITABLE;
	return false;
}

/* ---- what can be written ------------------------------------------------------ */

/* Whether a string can be written: valid UTF-8, and in ISO 8859-1 no
 * character above U+00FF (no lead byte past C3). */
static bool
string_fits(const mif_string *s, bool latin1)
{
	if (s == NULL)
		return true;
	const unsigned char *p = (const unsigned char *)s->bytes;
	bool ascii = true;
	for (size_t i = 0; i < s->len; i++) {
		if (p[i] < 0x80)
			continue;
		if (latin1 && p[i] >= 0xC4)
			return false;
		ascii = false;
	}
	return ascii || mif_utf8_span(p, s->len) == s->len;
}

static bool block_fits(const mif_block *b, bool latin1);

static bool
stmt_fits(const mif_stmt *st, bool latin1)
{
	switch (st->form) {
	case MIF_F_STRING:
	case MIF_F_OVERLAY:
		return string_fits(st->v.str, latin1);
	case MIF_F_TYPE:
		if (st->sub == MIF_T_ENUM_NAMED)
			return string_fits(st->v.str, latin1);
		return st->sub != MIF_T_ENUM_INLINE || st->v.enm == NULL ||
		    block_fits(st->v.enm, latin1);
	default:
		return true;
	}
}

static bool
block_fits(const mif_block *b, bool latin1)
{
	for (uint16_t i = 0; i < b->nstmts; i++)
		if (!stmt_fits(&b->stmts[i], latin1))
			return false;
	switch (b->kind) {
	case MIF_COMPONENT:
	case MIF_GROUP:
		for (const mif_block *c = b->u.children; c != NULL; c = c->next)
			if (!block_fits(c, latin1))
				return false;
		break;
	case MIF_ENUM:
		for (uint32_t i = 0; b->u.items != NULL && i < b->count; i++)
			if (!string_fits(b->u.items[i].symbol, latin1))
				return false;
		break;
	case MIF_TABLE:
		for (const mif_row *r = b->u.rows; r != NULL; r = r->next)
			for (uint32_t i = 0; r->cells != NULL && i < r->ncells; i++)
				if (!stmt_fits(&r->cells[i], latin1))
					return false;
		break;
	default:
		break;
	}
	return true;
}

/* Whether the encoder can take every string of the tree: when it can,
 * nothing fails once writing has begun but the put function. */
static bool
tree_fits(const mif_doc *doc, bool latin1)
{
	size_t n;
	const mif_comment *c = mif_doc_comments(doc, &n);
	const mif_block *top = mif_doc_component(doc);

	for (size_t i = 0; i < n; i++)
		if (!string_fits(c[i].text, latin1))
			return false;
	return top == NULL || block_fits(top, latin1);
}

static bool
put_nowhere(void *ctx, const void *bytes, size_t n)
{
	(void)ctx;
	(void)bytes;
	(void)n;
	return true;
}

int
mif_write_to(const mif_doc *doc, const mif_write_options *opts,
    mif_put_fn *put, void *ctx, mif_error *err)
{
	mif_encoding encoding = opts != NULL ? opts->encoding : MIF_ENC_SOURCE;
	mif_newline newline = opts != NULL ? opts->newline : MIF_NL_SOURCE;
	mif_eof_mark mark = opts != NULL ? opts->eof_mark : MIF_EOF_SOURCE;
	bool eof_mark = mark == MIF_EOF_ADD ||
	    (mark == MIF_EOF_SOURCE && mif_doc_eof_mark(doc));
	const char *name = mif_doc_source_name(doc);

	if (encoding == MIF_ENC_SOURCE)
		encoding = mif_doc_encoding(doc);
	if (newline == MIF_NL_SOURCE)
		newline = mif_doc_newline(doc);
	if (!may_reencode(doc, encoding, err))
		return -1;
	/* what the encoder would refuse is found before put gets a byte:
	 * a pass that writes nowhere finds the first, in the output's order */
	bool fits = put != put_nowhere &&
	    tree_fits(doc, encoding == MIF_ENC_LATIN1);
	if (put != put_nowhere && !fits &&
	    mif_write_to(doc, opts, put_nowhere, NULL, err) != 0)
		return -1;

	mif_buf out = { NULL, 0, 0, false };
	mif_encoder enc;
	struct sink sink = { put, ctx, &enc, false };

	mif_encoder_start(&enc, &out, encoding, newline, eof_mark, name, err);
	enc.trusted = fits;
	bool ok = write_text(doc, newline, &sink);
	free(out.data);
	if (ok)
		return 0;
	if (enc.failed) {
		if (err != NULL && err->code == MIF_E_ENCODING)
			place_in_source(doc, enc.bad, enc.nbad, err);
	} else if (sink.failed) {
		mif_error_set(err, MIF_E_IO, name, "write error");
	} else {
		mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
	}
	return -1;
}

bool
mif_put_memory(void *ctx, const void *bytes, size_t n)
{
	mif_buf *buf = ctx;

	mif_buf_put(buf, bytes, n);
	return !buf->nomem;
}

int
mif_write_buffer(const mif_doc *doc, const mif_write_options *opts,
    char **out, size_t *len, mif_error *err)
{
	mif_buf buf = { NULL, 0, 0, false };

	*out = NULL;
	*len = 0;
	if (mif_write_to(doc, opts, mif_put_memory, &buf, err) != 0 ||
	    (buf.data == NULL && (buf.data = malloc(1)) == NULL)) {
		bool nomem = buf.nomem;
		free(buf.data);
		if (nomem)
			mif_error_set(err, MIF_E_NOMEM, mif_doc_source_name(doc),
			    "out of memory");
		return -1;
	}
	*out = buf.data;
	*len = buf.len;
	return 0;
}

static bool
put_file(void *ctx, const void *bytes, size_t n)
{
	return fwrite(bytes, 1, n, ctx) == n;
}

int
mif_write_stream(const mif_doc *doc, const mif_write_options *opts,
    FILE *fp, mif_error *err)
{
	if (mif_write_to(doc, opts, put_file, fp, err) != 0)
		return -1;
	if (fflush(fp) != 0) {
		mif_error_set(err, MIF_E_IO, mif_doc_source_name(doc),
		    "write error");
		return -1;
	}
	return 0;
}
