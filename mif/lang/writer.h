/*
 * Between the canonical writer (writer.c) and the tree comparison
 * (same.c): the spelling of values, and the walk over a block's contents in file order with the
 * comments in their places.  Internal to libmif.
 */
#ifndef MIF_WRITER_H
#define MIF_WRITER_H

#include "lang/buf.h"
#include "mif/lang.h"

/* ---- spelling of values --------------------------------------------------- */

/* An integer in its radix: 12, 014, 0x0C, -12. */
void mif_put_number(mif_buf *buf, uint64_t mag, unsigned flags);
/* A quoted, escaped string literal. */
void mif_put_string(mif_buf *buf, const mif_string *s);
/* The left side of a statement: NAME, WIN32, ... */
const char *mif_stmt_keyword(const mif_stmt *stmt);
/* The right side of a statement or a cell (nothing for an empty cell;
 * "START ENUM" for an inline enum, whose contents are not written). */
void mif_put_value(mif_buf *buf, const mif_stmt *stmt);

/* Whether two integers are written the same (an octal zero is "0"). */
bool mif_number_same(uint64_t amag, unsigned aflags, uint64_t bmag,
    unsigned bflags);

/* ---- walking a block in file order ------------------------------------------ */

typedef enum mif_part_kind {
	MIF_PART_END,     /* nothing more in this block or row */
	MIF_PART_COMMENT,
	MIF_PART_STMT,    /* a statement, or a cell of a row */
	MIF_PART_BLOCK,   /* a child block */
	MIF_PART_ITEM,    /* an enum item */
	MIF_PART_ROW,     /* a table row */
} mif_part_kind;

typedef struct mif_part {
	mif_part_kind kind;
	uint32_t index; /* statement or cell index in its array */
	/* A comment that stays on the line of the token before it.  Only
	 * the first of consecutive comments can: a second one that followed
	 * a token of the same statement ("= // a" then "x" // b") goes on a
	 * line of its own, as it would come back from the written text. */
	bool same_line;
	/* For a comment: the kind of the first part after the comments
	 * that follow it (MIF_PART_END when the block ends there), known
	 * without walking those comments. */
	mif_part_kind leads_to;
	union {
		const mif_comment *comment;
		const mif_stmt *stmt;
		const mif_block *block;
		const mif_enum_item *item;
		const mif_row *row;
	} u;
} mif_part;

/*
 * The contents of one block (or row) merged by pos: statements, then
 * its children, enum items or rows, and the document's comments, each
 * before the first item with a greater pos.  Comments are one sorted
 * array that a depth-first walk consumes in order: a nested walk starts
 * at its parent's comment cursor and hands it back when done.  Equal
 * pos values (built trees) put statements before the other items.  An
 * empty table position follows the value before it, ahead of comments.
 */
typedef struct mif_walk {
	const mif_comment *comments;
	size_t ncomments;
	size_t next_comment;
	uint32_t end;      /* comments before this pos belong here */
	bool open_end;     /* top level: every remaining comment does */
	bool in_row;       /* statements are the cells of a row */
	bool line_ends_in_comment; /* the last part returned was a comment */
	const mif_stmt *stmts;
	size_t nstmts, next_stmt;
	const mif_block *child;
	const mif_enum_item *items;
	size_t nitems, next_item;
	const mif_row *row;
} mif_walk;

/* The top level: comments, the component (as a MIF_PART_BLOCK), comments. */
void mif_walk_doc(mif_walk *walk, const mif_doc *doc);
/* Inside a block or a row returned by the parent walk.  An inline enum
 * is walked with the walk of the block holding its TYPE statement as
 * parent, right after that statement. */
void mif_walk_block(mif_walk *walk, const mif_walk *parent,
    const mif_block *block);
void mif_walk_row(mif_walk *walk, const mif_walk *parent, const mif_row *row);
mif_part mif_walk_next(mif_walk *walk);
/* Give the comment cursor back to the parent once the nested walk ended. */
void mif_walk_done(mif_walk *parent, const mif_walk *nested);

/* A mif_put_fn into ctx, a mif_buf that grows. */
bool mif_put_memory(void *ctx, const void *bytes, size_t n);

/* ---- output encoding -------------------------------------------------------- */

/*
 * Turn the writer's UTF-8 text (LF line ends), given in pieces of any
 * length, into the bytes of a file in `out`: byte-order mark, encoding,
 * line ends, and a final ^Z when eof_mark.  mif_encoder_put() is a
 * flush function of mif_buf.  A piece that cannot be written (a
 * character ISO 8859-1 cannot hold, invalid UTF-8) sets *err, its mark
 * the line and column in the text, and keeps the character's bytes in
 * bad; then every later call returns false.  A false return with
 * `failed` unset is out->nomem: out could not take the bytes.
 */
typedef struct mif_encoder {
	mif_buf *out;
	mif_encoding encoding;
	bool crlf, eof_mark;
	const char *source_name;
	mif_error *err;
	unsigned line, column;
	size_t taken;              /* bytes of text encoded */
	unsigned char carry[4];    /* a character cut between two pieces */
	size_t ncarry;
	bool failed;
	bool trusted;              /* the text is known to be writable: a
	                              piece whose bytes are those of the file
	                              is copied as it is (no line count) */
	char bad[4];               /* the character that could not be */
	size_t nbad;
} mif_encoder;

void mif_encoder_start(mif_encoder *enc, mif_buf *out, mif_encoding encoding,
    mif_newline newline, bool eof_mark, const char *source_name,
    mif_error *err);
bool mif_encoder_put(void *ctx, const char *text, size_t len);
/* After the last piece: the ^Z; false as mif_encoder_put(). */
bool mif_encoder_end(mif_encoder *enc);

#endif /* MIF_WRITER_H */
