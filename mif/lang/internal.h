/*
 * libmif internals shared by the library's own files; never installed.
 */
#ifndef MIF_INTERNAL_H
#define MIF_INTERNAL_H

#include <stdarg.h>
#include <stdatomic.h>

#include "mif/lang.h"

#if defined(__GNUC__)
#define MIF_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#define MIF_PRINTF(f, a)
#endif

/* pos value meaning "no place" (no context mark, built nodes). */
#define MIF_NOPOS UINT32_MAX

/* ---- arena: bump allocation, freed all at once ---------------------- */

typedef struct mif_arena_chunk mif_arena_chunk;
typedef struct mif_arena {
	mif_arena_chunk *head;
	char *next;   /* free space in head */
	char *limit;
} mif_arena;

void mif_arena_init(mif_arena *arena);
void mif_arena_release(mif_arena *arena);
/* size bytes aligned to 8; NULL when out of memory */
void *mif_arena_alloc(mif_arena *arena, size_t size);
/* a copy of n bytes */
void *mif_arena_dup(mif_arena *arena, const void *src, size_t n);
/* Take every chunk of `from`, which is left empty. */
void mif_arena_adopt(mif_arena *arena, mif_arena *from);
/* Where the arena stands, and going back there: what was allocated
 * since is given back at once (mif_build_close() drops a block). */
typedef struct mif_arena_mark {
	mif_arena_chunk *head;
	char *next;
} mif_arena_mark;
mif_arena_mark mif_arena_mark_now(const mif_arena *arena);
void mif_arena_rewind(mif_arena *arena, mif_arena_mark mark);

/* ---- interned strings ------------------------------------------------ */

/* Open addressing over slots that hold each string's hash beside its
 * index, so that a probe reads only the slot array: on a big file most
 * strings are new, and following a pointer for every slot passed on the
 * way was a cache miss each. */
typedef struct mif_intern_slot {
	uint32_t hash;
	uint32_t index;  /* into strings, plus one; 0 for an empty slot */
} mif_intern_slot;

typedef struct mif_interner {
	mif_intern_slot *slots;
	size_t mask;     /* slots - 1; a power of two minus one */
	const mif_string **strings; /* in the order they were first seen */
	size_t count, cap;
} mif_interner;

/* The document's one copy of these bytes (UTF-8); NULL if out of memory. */
const mif_string *mif_intern(mif_doc *doc, const char *bytes, size_t len);
/* The document's copy of s's text: s itself, which must live as long as
 * the document, when it had none; NULL if out of memory. */
const mif_string *mif_intern_adopt(mif_doc *doc, const mif_string *s);
/* A table with room for n strings in all, made at once (before adopting
 * many); false when out of memory. */
bool mif_intern_reserve(mif_doc *doc, size_t n);
/* mif_intern_adopt() of each of n strings in turn, out[i] receiving the
 * document's copy of list[i] (out may be list); false when out of
 * memory, with the first strings adopted. */
bool mif_intern_adopt_all(mif_doc *doc, const mif_string **list, size_t n,
    const mif_string **out);
/* Forget the strings interned after the first `count`, as the arena goes
 * back to where it stood then. */
void mif_intern_forget(mif_interner *t, size_t count);

/* Whether any of len bytes is over 0x7F (eight at a time: this runs over
 * every byte of big inputs, and of big outputs). */
bool mif_has_high_byte(const void *bytes, size_t len);

/* ---- growable vectors (malloc'd, for parse-time scratch) -------------- */

/* Make room for one more element of size `elem`; false when out of
 * memory.  *cap and *buf are updated. */
bool mif_vec_reserve(void **buf, size_t *cap, size_t len, size_t elem);

/* The ID an ID statement gives (s may be NULL): a number from 0 up, as
 * mif_block_id() reads a block's first one. */
bool mif_stmt_id(const mif_stmt *s, uint64_t *id);

/* n zeroed items of `size` bytes for a hash table, or NULL: calloc()'s
 * big blocks map the zero page, and a probe's read there followed by
 * an insert's write costs a copy-on-write fault that flushes the TLB of
 * every core the process runs on (an interrupt each, per page), while
 * zeros written at once cost neither. */
void *mif_table_alloc(size_t n, size_t size);

/* ---- keyed hashes (hash.c) --------------------------------------------- */

/* SipHash-1-3 under a per-process secret key: for every table that input
 * fills, so that no input can choose which of its keys collide. */
uint64_t mif_hash_bytes(const void *data, size_t len);
/* The same with ASCII letters taken as lower case. */
uint64_t mif_hash_bytes_folded(const void *data, size_t len);
uint64_t mif_hash_u64(uint64_t x);

/* ---- the line index (lines.c) ------------------------------------------ */

/* Line starts in a document's text, with character and file-byte counts
 * at every 4 KiB block, indexed from the start as far as `done`. */
typedef struct mif_lines {
	uint32_t *starts;
	size_t n, starts_cap;
	size_t done;
	uint32_t *blk_chars;  /* characters before each block */
	size_t *blk_offs;     /* file offset of each block's first byte */
	size_t nblk, blk_chars_cap, blk_offs_cap;
} mif_lines;

/* Index the text of doc up to byte upto (at most its length); false when
 * out of memory.  Reads only bytes before upto. */
bool mif_lines_extend(mif_lines *li, const struct mif_doc *doc, size_t upto);
/* Whether li covers the whole text. */
bool mif_lines_complete(const mif_lines *li, const struct mif_doc *doc);
/* The place of pos, which li must cover. */
mif_mark mif_lines_mark(const mif_lines *li, const struct mif_doc *doc,
    uint32_t pos);
/* Line `line` (from 1) of doc's text: [*start, *end) without its line
 * end; false when there is no such line.  Needs li to reach the next
 * line's start, or the end of the text. */
bool mif_lines_line(const mif_lines *li, const struct mif_doc *doc,
    unsigned line, uint32_t *start, uint32_t *end);
/* Where character `column` (from 1) of the line [start, end) begins, or
 * end when the line is shorter: a cost of one block at most, however
 * long the line.  li must reach end - 1. */
uint32_t mif_lines_column(const mif_lines *li, const struct mif_doc *doc,
    uint32_t start, uint32_t end, unsigned column);
void mif_lines_free(mif_lines *li);

/* ---- the document ------------------------------------------------------ */

struct mif_doc {
	mif_arena arena;
	mif_interner strings;

	/* The text the scanner reads: the input's bytes after the byte-order
	 * mark (ISO 8859-1 or UTF-8), or its UTF-8 transcoding (UTF-16):
	 * text_len bytes, not NUL-terminated.  It lies in `input`, the buffer
	 * that holds it, or in a buffer of its own (a transcoding).  `input`
	 * is malloc'd, or a read-only mapping of the file (input_mapped), so
	 * that big files are neither copied nor zeroed. */
	char *text;
	size_t text_len;
	char *input;
	size_t input_cap;
	bool input_mapped;
	mif_encoding encoding;
	mif_newline newline;
	bool eof_mark;
	/* A big input's look for ^Z and bytes over 0x7F made by the
	 * scanner's feed, chunk by chunk, instead of a pass of its own
	 * before the parse (look_deferred; the caller of mif_source_load()
	 * sets it when it may parse again, and the loader keeps it for big
	 * inputs of bytes); look_failed when it found one: the caller then parses again, the
	 * text looked at first. */
	bool look_deferred, look_failed;
	/* How many times a reader of XML or JSON (mif/forms) read its text
	 * to make the document: 1 when read once as it streamed (tests
	 * look, for a document read again whole costs its tree in memory). */
	unsigned form_reads;
	size_t bom_len;
	size_t input_size;
	char *source_name;

	const mif_block *component;
	/* mif_parse_options.keep_block, and the row hook of
	 * mif_parse_path_rows() (NULL: none), while the parser runs */
	bool (*keep_block)(const mif_block *block, void *arg);
	void *keep_block_arg;
	const struct mif_row_hooking *rows;

	mif_comment *comments;
	size_t ncomments, comments_cap;

	mif_error *diags;
	size_t ndiags, diags_cap;
	size_t nerrors;
	unsigned max_errors;
	/* the threads its parse was given (mif_parse_options): 1 keeps the
	 * checks of mif_check() to one as well */
	unsigned threads;
	bool stopped; /* MIF_E_TOO_MANY was reported: add no more */

	/* While the scanner runs, flex holds a NUL after the current token
	 * in text.  Diagnostics keep their raw positions (diag_pos, two per
	 * diagnostic) and get their places when the scan ends; the lines of
	 * earlier places come from the line index grown so far. */
	bool scanning;
	uint32_t *diag_pos;

	/* Where blocks start inside which the parser had to recover from a
	 * syntax error: a statement may be missing there only because the
	 * error swallowed it, so the validator does not say it is missing.
	 * Sorted when the scan ends. */
	uint32_t *damaged;
	size_t ndamaged, damaged_cap;

	/* Building (edit.c): the next pos for built items (even, past the
	 * text), and the last parent and table appended to, with their
	 * tails, so that appending many children or rows stays linear. */
	uint32_t build_pos;
	const mif_block *tail_parent;
	mif_block *tail_child;
	const mif_block *tail_table;
	mif_row *tail_row;

	/* The line index (lines.c): grown forward by the parser and the
	 * checker as far as their diagnostics need (lines_grown), or built
	 * whole once for readers of the finished document (lines_full). */
	mif_lines lines_grown;
	_Atomic(mif_lines *) lines_full;
	/* Whether text differs from the file's bytes (ISO 8859-1 with bytes
	 * over 0x7F, UTF-16), so that file offsets must be counted. */
	bool transcoded;

	/* Without a byte-order mark: read in the encoding the caller gave,
	 * not ISO 8859-1 (unmarked); where the first character over ASCII
	 * is, when it matters (MIF_NOPOS: unknown or none); the index in
	 * diags of the warning that the file may be UTF-8 (SIZE_MAX: none). */
	bool unmarked;
	uint32_t first_high;
	size_t doubt;
};

/* A new, empty document (no text); NULL when out of memory. */
mif_doc *mif_doc_new(const char *source_name);
/* A document over doc's text, for a part of its work done in a thread of
 * its own (the second part of a parse or of a check): its diagnostics
 * are placed as doc's would be (the encoding, the byte-order mark, the
 * transcoding), and freeing it with mif_doc_view_free() leaves doc's
 * text and input alone.  NULL if out of memory. */
mif_doc *mif_doc_view_new(const mif_doc *doc);
void mif_doc_view_free(mif_doc *view);

/*
 * A parse that hands each finished row of a table to a hook, which keeps
 * it in the tree (true) or drops it (false): the row and the strings it
 * interned are given back, so that a reader of a big table need not hold
 * its rows (mif/meaning/diff_digest.c).  Like mif_parse_options.keep_block
 * the parse keeps to one thread.  The row lives only during the call; the
 * table holds its statements so far, not its rows; blocks_before is the
 * first of the component's blocks built so far.
 */
typedef struct mif_built_row {
	const mif_doc *doc;           /* its text holds the row */
	const mif_row *row;
	const mif_block *table;
	const mif_block *blocks_before;
	uint32_t index;               /* rows of the table before it */
} mif_built_row;
typedef bool mif_row_hook(const mif_built_row *row, void *arg);
/* The parse is made again from the start (a big text's deferred look
 * found what it looks for, see mif_doc.look_deferred): the hook is to
 * forget every row it has seen, and the document they lay in. */
typedef void mif_row_restart(void *arg);
mif_doc *mif_parse_path_rows(const char *path, const mif_parse_options *opts,
    mif_row_hook *hook, mif_row_restart *restart, void *arg, mif_error *err);
/* A row hook and its argument, which the document holds while the
 * parser runs (mif_doc.rows). */
typedef struct mif_row_hooking {
	mif_row_hook *hook;
	mif_row_restart *restart;
	void *arg;
} mif_row_hooking;

/*
 * Record a diagnostic at pos (MIF_NOPOS: none) with an optional context
 * position.  Respects max_errors: the error past the limit is replaced
 * by one MIF_E_TOO_MANY fatal and later ones are dropped.  Returns
 * false once the limit has been reached (callers may stop early).
 */
bool mif_diag(mif_doc *doc, mif_code code, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, ...)
    MIF_PRINTF(6, 7);
bool mif_vdiag(mif_doc *doc, mif_code code, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, va_list ap);
/* The same, for a check with a rule of its own (its code the rule's). */
bool mif_diag_rule(mif_doc *doc, mif_rule rule, mif_severity severity,
    uint32_t pos, uint32_t context_pos, const char *fmt, ...)
    MIF_PRINTF(6, 7);
bool mif_vdiag_rule(mif_doc *doc, mif_code code, mif_rule rule,
    mif_severity severity, uint32_t pos, uint32_t context_pos,
    const char *fmt, va_list ap);

/* The line of pos, also while scanning (pos before the current token). */
unsigned mif_doc_line_at(mif_doc *doc, uint32_t pos);

/* Whether a syntax error was recovered from in the block starting at pos. */
bool mif_doc_damaged(const mif_doc *doc, uint32_t pos);

/* The scan has ended: give the diagnostics recorded while scanning
 * their places, and sort the damaged blocks for mif_doc_damaged(). */
void mif_doc_scan_done(mif_doc *doc);
/* Diagnostics made apart, in a document of their own (a second thread's
 * part of the work), that come after doc's: whether the error cap would
 * have stopped doc among them, and taking them after doc's (false when
 * out of memory; doc is as it was). */
bool mif_diags_cross_cap(const mif_doc *doc, const mif_doc *more);
bool mif_diags_append(mif_doc *doc, const mif_doc *more);

/* Fill *err (if not NULL) with a diagnostic not tied to a document. */
void mif_error_set(mif_error *err, mif_code code, const char *source,
    const char *fmt, ...) MIF_PRINTF(4, 5);
/* Fill *err (if not NULL) with an error about doc (may be NULL): its
 * source name, and the places of pos and context in its text; none for
 * MIF_NOPOS or a place past the text, which only a statement built
 * after the parse has.  One rule for every layer's error setters. */
void mif_error_vat(mif_error *err, const mif_doc *doc, mif_code code,
    uint32_t pos, uint32_t context, const char *fmt, va_list ap);

/* ---- where things may stand (rules.c) ---------------------------------- */

/* The "kind" of the document's top level, outside every block. */
#define MIF_NO_KIND (-1)

/* Whether a block of kind `parent` (MIF_NO_KIND: the top) holds child
 * blocks of kind `child` in the tree.  An inline enum is not a child: it
 * hangs off its attribute's TYPE statement. */
bool mif_kind_holds(int parent, int child);
/* Whether a block of that kind takes statements of keyword kw. */
bool mif_kind_takes(int kind, int kw);

/* ---- reading input ------------------------------------------------------ */

/*
 * Take the raw bytes of a file, held in doc->input (len bytes and 2
 * spare ones after them): detect the byte-order mark, decode UTF-16 to
 * UTF-8, remember encoding and line ends, and set doc->text.  Returns
 * false with *err set.
 */
bool mif_source_load(mif_doc *doc, size_t len, const mif_parse_options *opts,
    mif_error *err);
/* Whether the text that the feed hands the scanner holds what a
 * deferred look looks for: a ^Z or a byte over 0x7F.  Sets
 * doc->look_failed when it does. */
bool mif_source_look_at(mif_doc *doc, const char *bytes, size_t len);
/* The same for the text from byte `from` on, which no feed reached (a
 * parse that stopped early), given back as it is looked at. */
bool mif_source_look_rest(mif_doc *doc, size_t from);
/* Release doc->input. */
void mif_source_release(mif_doc *doc);
/*
 * The text from byte from to byte upto has been read and will seldom be
 * read again: when it lies in a mapped file, give back the pages that it
 * covers whole, so that a big file is not held whole while its tree is
 * built.  They stay readable (the page cache gives them back: a
 * diagnostic's quote may need one).  Returns where the pages given back
 * end, the from of the next call; upto for text in memory of its own.
 */
size_t mif_source_give_back(mif_doc *doc, size_t from, size_t upto);

/* The first character over ASCII of a file without a byte-order mark
 * (utf8_doubt.c), found in its bytes before they are transcoded: its
 * offset (SIZE_MAX: none) and a copy of the word around it. */
typedef struct mif_utf8_doubt {
	size_t at;
	size_t word_len;
	char word[24];
} mif_utf8_doubt;

/* Fill *d from the len bytes at u, which are valid UTF-8. */
void mif_utf8_doubt_find(mif_utf8_doubt *d, const unsigned char *u,
    size_t len);
/* Remember where the first character over ASCII is, once doc->text is
 * set; when `warn`, the file was read as ISO 8859-1: warn that it may
 * be UTF-8, with the word as both would read it. */
void mif_utf8_doubt_note(mif_doc *doc, const mif_utf8_doubt *d, bool warn);

/* ---- parsing ------------------------------------------------------------ */

/* Scan and parse doc->text, building doc->component; `threads` as in
 * mif_parse_options. */
void mif_parse_text(mif_doc *doc, unsigned max_errors, unsigned threads);

/* ---- text helpers -------------------------------------------------------- */

/* Append the UTF-8 encoding of code point cp to buf; returns bytes (1-4). */
size_t mif_utf8_put(char *buf, uint32_t cp);
/* Decode one UTF-8 sequence; returns its length, or 0 if invalid. */
size_t mif_utf8_get(const unsigned char *s, size_t len, uint32_t *cp);
/* How many of the len bytes at s, from the first, are UTF-8 (len when
 * all are). */
size_t mif_utf8_span(const void *s, size_t len);
/* The length of s cut to at most len bytes without splitting a UTF-8
 * sequence: a character that would cross the cut is left out.  s[len]
 * must be readable. */
size_t mif_utf8_cut(const char *s, size_t len);

/* The value of a hex digit, or -1. */
int mif_hex_digit(char c);

/* Where formatted text goes: a buffer, as snprintf() fills one, or a
 * stream.  Zero it, then set buf and size or fp. */
typedef struct mif_sink {
	char *buf;
	size_t size;
	size_t len;  /* of the whole text */
	FILE *fp;
	bool failed; /* a write to fp failed */
} mif_sink;

void mif_sink_put(mif_sink *k, const char *s, size_t n);
/* s escaped as mif_escape() escapes it. */
void mif_sink_escape(mif_sink *k, const char *s, size_t len, unsigned flags);
/* End a buffer's text with its NUL (when size > 0); returns k->len. */
size_t mif_sink_end(mif_sink *k);

/* Compare ASCII case-insensitively. */
int mif_casecmp(const char *a, const char *b);
int mif_ncasecmp(const char *a, const char *b, size_t n);
/* Whether all of s is text, ignoring ASCII case: a string with a NUL
 * inside is never text, whatever comes before the NUL. */
bool mif_string_is_folded(const mif_string *s, const char *text);

#endif /* MIF_INTERNAL_H */
