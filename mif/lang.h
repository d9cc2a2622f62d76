/*
 * libmif, the language layer: bytes and encodings, diagnostics, the parse
 * tree, documents, reading, writing and building trees, escaping,
 * comparing documents.
 * Part of the public API: "mif.h" gathers every layer.
 */
#ifndef MIF_LANG_H
#define MIF_LANG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#define MIF_VERSION_MAJOR 0
#define MIF_VERSION_MINOR 3
#define MIF_VERSION_PATCH 0
#define MIF_VERSION_STRING "0.3.0"

#if defined(__GNUC__)
#define MIF_MUST_USE __attribute__((warn_unused_result))
#else
#define MIF_MUST_USE
#endif

/* The library's version at run time, as "MAJOR.MINOR.PATCH". */
const char *mif_version(void);

/* ------------------------------------------------------------------ */
/* Diagnostics                                                         */

typedef enum mif_severity {
	MIF_INFO,
	MIF_WARNING,
	MIF_ERROR,
	MIF_FATAL, /* processing stopped here */
} mif_severity;

/* What went wrong, for programs; the text says it for people. */
typedef enum mif_code {
	MIF_OK = 0,
	/* trouble before or outside the language */
	MIF_E_IO,             /* a file could not be opened or read */
	MIF_E_NOMEM,          /* out of memory */
	MIF_E_TOO_BIG,        /* input over MIF_MAX_INPUT */
	MIF_E_ENCODING,       /* bytes invalid in the encoding; a mark
	                       * against the one given; (warning) text
	                       * read as ISO 8859-1 that looks like UTF-8 */
	MIF_E_TOO_MANY,       /* the error limit was reached */
	/* lexical */
	MIF_E_CHAR,           /* a character that starts no token */
	MIF_E_STRING,         /* unterminated string literal */
	MIF_E_ESCAPE,         /* unknown or malformed escape (warning) */
	MIF_E_TOKEN_LONG,     /* a string, comment, word, number over MIF_MAX_TOKEN */
	MIF_E_NUMBER,         /* malformed integer, or over 64 bits */
	MIF_E_KEYWORD,        /* a word that is no keyword */
	/* syntax */
	MIF_E_SYNTAX,         /* unexpected token */
	MIF_E_UNCLOSED,       /* a block still open at START, END or EOF */
	MIF_E_UNMATCHED,      /* END without its START */
	MIF_E_STATEMENT,      /* statement not allowed in this block */
	MIF_E_CONFLICT,       /* a statement repeated with another value */
	MIF_E_DUPLICATE,      /* a statement repeated with the same value */
	/* validation: see mif_check() */
	MIF_E_MISSING,        /* a required statement is missing */
	MIF_E_TYPE,           /* a value does not suit its type */
	MIF_E_RANGE,          /* a value out of range for its type */
	MIF_E_SIZE,           /* a string type without size, or too long */
	MIF_E_DATE,           /* an invalid DATE value */
	MIF_E_ENUM,           /* enum symbol or enum type unknown */
	MIF_E_DUP_ID,         /* duplicate ID among siblings */
	MIF_E_KEY,            /* KEY names no attribute, or names one twice */
	MIF_E_CLASS,          /* class string malformed or not unique */
	MIF_E_TABLE,          /* table without template, row too long ... */
	MIF_E_DUP_ROW,        /* two rows with the same key values */
	MIF_E_ACCESS,         /* VALUE on a WRITE-ONLY attribute */
	MIF_E_OVERLAY,        /* overlay names no path */
	MIF_E_COMPONENTID,    /* group 1 is not a proper ComponentID */
	MIF_E_PROFILE,        /* a rule of an SMS profile */
	MIF_E_READ_AS,        /* (warning) a value read otherwise than its
	                       * writer may have meant: an escape in what
	                       * looks like a Windows path */
} mif_code;

/* A place in a source: line and column count from 1 (column in
 * characters, a tab is one); offset counts bytes of the file as read,
 * byte-order mark included.  line == 0 means "no place". */
typedef struct mif_mark {
	unsigned line;
	unsigned column;
	size_t offset;
} mif_mark;

/*
 * Which check a diagnostic comes from, finer than mif_code: one per
 * distinct check, each with a stable short name (mif_rule_name()) that
 * the tools print with the diagnostic and take in options, and that
 * miftools(7) lists under DIAGNOSTIC CODES.  Names never change once
 * published; new rules are added at the end.
 */
typedef enum mif_rule {
	MIF_RULE_OF_CODE = 0, /* none given: the rule of the mif_code */
	/* one for each mif_code, in its order: its first or only check */
	MIF_RULE_IO, MIF_RULE_NOMEM, MIF_RULE_TOO_BIG, MIF_RULE_ENCODING,
	MIF_RULE_TOO_MANY, MIF_RULE_CHAR, MIF_RULE_STRING, MIF_RULE_ESCAPE,
	MIF_RULE_TOKEN_LONG, MIF_RULE_NUMBER, MIF_RULE_KEYWORD,
	MIF_RULE_SYNTAX, MIF_RULE_UNCLOSED, MIF_RULE_UNMATCHED,
	MIF_RULE_STATEMENT, MIF_RULE_CONFLICT, MIF_RULE_DUPLICATE,
	MIF_RULE_MISSING, MIF_RULE_TYPE, MIF_RULE_RANGE, MIF_RULE_SIZE,
	MIF_RULE_DATE, MIF_RULE_ENUM, MIF_RULE_DUP_ID, MIF_RULE_KEY,
	MIF_RULE_CLASS, MIF_RULE_TABLE, MIF_RULE_DUP_ROW, MIF_RULE_ACCESS,
	MIF_RULE_OVERLAY, MIF_RULE_COMPONENTID, MIF_RULE_PROFILE,
	MIF_RULE_READ_AS,
	/* the further checks of a code */
	MIF_RULE_ENCODING_MARK, MIF_RULE_ENCODING_DOUBT,
	MIF_RULE_ENCODING_UNWRITABLE, MIF_RULE_ESCAPE_OCTAL,
	MIF_RULE_PATH_DOUBLE_BACKSLASH, MIF_RULE_DATE_EMPTY,
	MIF_RULE_ENUM_UNKNOWN, MIF_RULE_ENUM_CASE, MIF_RULE_ENUM_TWICE,
	MIF_RULE_ENUM_VALUE_TWICE, MIF_RULE_ENUM_SYMBOL_TWICE,
	MIF_RULE_CLASS_FORM, MIF_RULE_COMPONENTID_CLASS,
	MIF_RULE_COMPONENTID_ATTRIBUTE, MIF_RULE_COMPONENTID_VALUE,
	MIF_RULE_COMPONENTID_TYPE,
	MIF_RULE_STATUS_LENGTH, MIF_RULE_STATUS_NO_GROUP,
	MIF_RULE_STATUS_NO_STATUS, MIF_RULE_STATUS_NO_VALUE,
	MIF_RULE_STATUS_VALUE, MIF_RULE_STATUS_CASE,
	MIF_RULE_STATUS_DESCRIPTION, MIF_RULE_ANSI_UTF8, MIF_RULE_ANSI_ONLY,
	MIF_RULE_SIZE_LIMIT, MIF_RULE_CLASS_INSTANCES, MIF_RULE_DATE_UNQUOTED,
	MIF_RULE_IDMIF_HEADER, MIF_RULE_IDMIF_HEADER_FORM,
	MIF_RULE_IDMIF_HEADER_ORDER, MIF_RULE_IDMIF_CLASS_LENGTH,
	MIF_RULE_IDMIF_ARCHITECTURE, MIF_RULE_IDMIF_ARCHITECTURE_GROUP,
	MIF_RULE_IDMIF_ARCHITECTURE_EMPTY,
	MIF_RULE_HISTORY_BEFORE_OFFER, MIF_RULE_HISTORY_EXPIRED_TWICE,
	MIF_RULE_AUDITED_AGAIN, MIF_RULE_PROFILE_CHOSEN,
	MIF_RULE_SMS_NOT_LOADED, MIF_RULE_SMS_NO_DETAIL, MIF_RULE_OLD_SPELLING,
	MIF_RULE_IDMIF_FORM, MIF_RULE_IDMIF_IDENTIFICATION,
	MIF_RULE_STRING_NUL, MIF_RULE_ESCAPE_UPPER, MIF_RULE_GROUP_EMPTY,
	MIF_RULE_COMPONENT_EMPTY, MIF_RULE_VALUE_BEFORE_TYPE,
	MIF_RULE_COUNT /* not a rule: how many there are, 0 included */
} mif_rule;

/*
 * One diagnostic.  Callers allocate it (on the stack is fine) and pass
 * its address, or NULL when they do not want it.  `context` is a second
 * place that explains the first, such as the START that an END fails to
 * match; context.line == 0 when there is none.
 */
typedef struct mif_error {
	mif_code code;
	mif_severity severity;
	char source[256];
	mif_mark mark;
	mif_mark context;
	char text[256];
	mif_rule rule;        /* MIF_RULE_OF_CODE: see mif_error_rule() */
} mif_error;

/* "error", "warning", ... */
const char *mif_severity_name(mif_severity severity);

/* The rule of a diagnostic: its own, else its code's. */
mif_rule mif_error_rule(const mif_error *err);
/* A rule's stable name, as "escape-unknown"; NULL past the last rule
 * and for MIF_RULE_OF_CODE. */
const char *mif_rule_name(mif_rule rule);
/* What a rule checks, in a few words; NULL as for mif_rule_name(). */
const char *mif_rule_summary(mif_rule rule);
/* The code a rule's diagnostics carry. */
mif_code mif_rule_code(mif_rule rule);
/* The rule called name; false when there is none. */
bool mif_rule_parse(const char *name, mif_rule *out);

/* ------------------------------------------------------------------ */
/* The tree                                                            */

/* Text, held as UTF-8 whatever the source encoding.  May contain NUL
 * (from "\0" escapes); bytes[len] is always NUL.  Equal strings of one
 * document are the same object (they are interned). */
typedef struct mif_string {
	uint32_t len;
	uint32_t hash;
	char bytes[];
} mif_string;

typedef enum mif_block_kind {
	MIF_COMPONENT,
	MIF_PATH,
	MIF_ENUM,
	MIF_GROUP,
	MIF_ATTRIBUTE,
	MIF_TABLE,
	MIF_BLOCK_KIND_COUNT
} mif_block_kind;

/* Statement keywords, in the order the canonical writer knows them. */
typedef enum mif_keyword {
	MIF_KW_NAME,
	MIF_KW_DESCRIPTION,
	MIF_KW_CLASS,
	MIF_KW_ID,
	MIF_KW_KEY,
	MIF_KW_TYPE,
	MIF_KW_ACCESS,
	MIF_KW_STORAGE,
	MIF_KW_VALUE,
	MIF_KW_LANGUAGE,
	MIF_KW_PRAGMA,
	MIF_KW_PLATFORM,  /* WIN32 = "..." in a PATH; `sub` says which */
	MIF_KW_COUNT
} mif_keyword;

typedef enum mif_platform {
	MIF_PLAT_DOS, MIF_PLAT_MACOS, MIF_PLAT_OS2, MIF_PLAT_UNIX,
	MIF_PLAT_WIN16, MIF_PLAT_WIN32, MIF_PLAT_WIN9X, MIF_PLAT_WINNT,
	MIF_PLAT_COUNT
} mif_platform;

/* Data types.  The synonyms INT and INT64 are remembered as written
 * (the writer gives back what the source said). */
typedef enum mif_type_kind {
	MIF_T_INTEGER, MIF_T_INT, MIF_T_INTEGER64, MIF_T_INT64,
	MIF_T_COUNTER, MIF_T_COUNTER64, MIF_T_GAUGE,
	MIF_T_STRING, MIF_T_DISPLAYSTRING, MIF_T_OCTETSTRING,
	MIF_T_DATE,
	MIF_T_ENUM_NAMED,  /* TYPE = "enum name": str names a component enum */
	MIF_T_ENUM_INLINE, /* TYPE = START ENUM ... END ENUM: enm */
	MIF_T_COUNT
} mif_type_kind;

typedef enum mif_access {
	MIF_ACCESS_READ_ONLY, MIF_ACCESS_READ_WRITE, MIF_ACCESS_WRITE_ONLY
} mif_access;

typedef enum mif_storage { MIF_STORAGE_SPECIFIC, MIF_STORAGE_COMMON } mif_storage;

/* The form a value was written in (VALUE statements, table cells,
 * PLATFORM statements, enum item values). */
typedef enum mif_form {
	MIF_F_NONE,          /* an empty table position; no payload */
	MIF_F_INTEGER,       /* u = magnitude; flags: radix, sign */
	MIF_F_STRING,        /* str */
	MIF_F_OVERLAY,       /* *"path name": str */
	MIF_F_UNKNOWN,       /* UNKNOWN */
	MIF_F_UNSUPPORTED,   /* UNSUPPORTED */
	MIF_F_DIRECT,        /* DIRECT-INTERFACE (PATH platforms only) */
	MIF_F_TYPE,          /* TYPE statements: sub is the mif_type_kind */
	MIF_F_WORD,          /* ACCESS, STORAGE: sub is the enum value */
	MIF_F_KEYS,          /* KEY: keys */
} mif_form;

/* Integer radix and sign, kept so the writer gives them back. */
#define MIF_RADIX_MASK 0x03u
#define MIF_RADIX_DEC  0x00u
#define MIF_RADIX_OCT  0x01u
#define MIF_RADIX_HEX  0x02u
#define MIF_NEGATIVE   0x04u

typedef struct mif_number {
	uint64_t mag;
	uint8_t flags; /* MIF_RADIX_*, MIF_NEGATIVE */
} mif_number;

typedef struct mif_keys {
	uint32_t count;
	mif_number items[];
} mif_keys;

struct mif_block;

/*
 * One statement (NAME = "x"), or one table cell.  `pos` is the byte
 * offset of its first token in the scanned text; it also orders
 * statements, child blocks and comments within their block.
 */
typedef struct mif_stmt {
	uint32_t pos;
	uint8_t kw;    /* mif_keyword; unused in cells */
	uint8_t sub;   /* mif_platform, mif_type_kind, mif_access, mif_storage */
	uint8_t form;  /* mif_form */
	uint8_t flags; /* MIF_RADIX_*, MIF_NEGATIVE for integers */
	union {
		uint64_t u;                 /* integers (magnitude), string sizes */
		const mif_string *str;      /* strings, overlays, enum names */
		const struct mif_block *enm;/* TYPE = START ENUM ... */
		const mif_keys *keys;       /* KEY */
	} v;
} mif_stmt;

typedef struct mif_enum_item {
	uint32_t pos;
	mif_number value;
	const mif_string *symbol;
} mif_enum_item;

typedef struct mif_row {
	uint32_t pos;       /* the '{' */
	uint32_t end_pos;   /* the '}' */
	uint32_t ncells;
	const mif_stmt *cells; /* form MIF_F_NONE for an empty position */
	const struct mif_row *next;
} mif_row;

/*
 * A block: START kind ... END kind.  Statements and children are each in
 * source order; merge them by `pos` for the order of the file.
 *   component: children are paths, enums, groups and tables
 *   group:     children are attributes
 *   attribute: no children (an inline enum hangs off its TYPE statement)
 *   enum:      items
 *   table:     rows
 */
typedef struct mif_block {
	uint8_t kind;         /* mif_block_kind */
	uint8_t reserved;
	uint16_t nstmts;
	uint32_t pos;         /* the START */
	uint32_t end_pos;     /* the END */
	uint32_t count;       /* children, items or rows */
	const mif_stmt *stmts;
	union {
		const struct mif_block *children; /* first child; then ->next */
		const mif_enum_item *items;       /* array of count */
		const mif_row *rows;              /* first row; then ->next */
	} u;
	const struct mif_block *next;         /* next sibling */
} mif_block;

/* A `//` comment.  text excludes the slashes and the line end.
 * same_line: it followed a token on the same line. */
typedef struct mif_comment {
	uint32_t pos;
	bool same_line;
	const mif_string *text;
} mif_comment;

/* ------------------------------------------------------------------ */
/* Documents                                                           */

typedef struct mif_doc mif_doc;

typedef enum mif_encoding {
	MIF_ENC_LATIN1,   /* ISO 8859-1, no byte-order mark: the default */
	MIF_ENC_UTF8,     /* EF BB BF */
	MIF_ENC_UTF16LE,  /* FF FE */
	MIF_ENC_UTF16BE,  /* FE FF */
	MIF_ENC_SOURCE,   /* writer option: as the document was read */
} mif_encoding;

/* The encoding a name means: latin1, l1, ISO-8859-1, iso-latin-1; utf8,
 * UTF-8; utf16le, UTF-16LE; utf16be, UTF-16BE, in any case, with any
 * '-', '_' or blanks.  False when it names none of the four. */
bool mif_encoding_parse(const char *name, mif_encoding *encoding);
/* "ISO 8859-1", "UTF-8", "UTF-16LE", "UTF-16BE": for messages. */
const char *mif_encoding_name(mif_encoding encoding);

/*
 * Text that is not MIF (a timeline, JSON, a report) as UTF-8, the way
 * PowerShell and Notepad may have written it: after a UTF-16LE or
 * UTF-16BE byte-order mark, transcoded (*data, malloc'd, is replaced
 * by a new malloc'd buffer); after a UTF-8 mark, the mark dropped; else
 * left as it is.  False with *err (MIF_E_ENCODING, placed at the line
 * and column of the bad unit; or MIF_E_NOMEM) when the UTF-16 is
 * invalid (a lone surrogate, an odd byte at the end); *data is then
 * unchanged.  name is the source name errors carry.
 */
bool mif_text_utf8(char **data, size_t *len, const char *name,
    mif_error *err);
/*
 * The same for a stream read a piece at a time, in bounded memory:
 * *out is in itself, past a UTF-8 mark if it has one, or, after a
 * UTF-16 mark (or bytes that begin as a mark does but are none), a
 * temporary file holding the rest as UTF-8 (transcoded, or copied as it
 * is), which the caller closes.  False with *err as mif_text_utf8()
 * gives it, or MIF_E_IO, and *out in, when it cannot.
 */
bool mif_text_utf8_stream(FILE *in, FILE **out, const char *name,
    mif_error *err);

typedef enum mif_newline {
	MIF_NL_LF,
	MIF_NL_CRLF,
	MIF_NL_SOURCE,    /* writer option: as the document was read */
} mif_newline;

/* Limits; inputs beyond them get their own error codes. */
#define MIF_MAX_INPUT   (UINT32_MAX - 16u) /* bytes, after decoding */
#define MIF_MAX_TOKEN   65535u             /* bytes in one token or comment */
#define MIF_MAX_ERRORS_DEFAULT 50u

typedef struct mif_parse_options {
	const char *source_name; /* for messages; NULL: "<stdin>" or path */
	unsigned max_errors;     /* stop after this many errors; 0: default */
	/* The input's encoding, when the caller knows it (see below). */
	bool input_encoding_given;
	mif_encoding input_encoding; /* MIF_ENC_LATIN1 ... MIF_ENC_UTF16BE */
	/* Threads a parse may use: 0, the library's choice (two for a big
	 * text, see libmif(3)); 1, the calling thread alone. */
	unsigned threads;
	/* When set, called with each block of the component as soon as it
	 * is built, in order: false drops it from the tree, and the memory
	 * it took (its comments too) is given back, so that a reader of a
	 * few blocks of a big file need not hold the rest.  Diagnostics are
	 * those of the whole file. */
	bool (*keep_block)(const struct mif_block *block, void *arg);
	void *keep_block_arg;
} mif_parse_options;

/*
 * Parse a MIF.  Returns the document, which holds every diagnostic
 * (mif_doc_diag) and the tree as far as it could be built; NULL only
 * when the input could not be read at all (I/O error, no memory, too
 * large, undecodable), and then *err says why.  When the document has
 * errors, *err is a copy of the first.  The caller owns the document
 * and frees it with mif_doc_free().  opts may be NULL.
 *
 * A MIF's byte-order mark says its encoding; without one it is read as
 * ISO 8859-1.  When such a file is also valid UTF-8 with characters
 * beyond ASCII, which ISO 8859-1 text rarely is, the document gets a
 * warning (MIF_E_ENCODING) at the first of them: see
 * mif_doc_encoding_doubt().  With input_encoding_given, the file is read
 * in input_encoding, mark or not: a mark of another encoding is an error,
 * and so are bytes invalid in it (as for a file that has the mark).
 */
mif_doc *mif_parse_buffer(const void *data, size_t len,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;
mif_doc *mif_parse_stream(FILE *fp,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;
/* path "-" reads standard input */
mif_doc *mif_parse_path(const char *path,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;

void mif_doc_free(mif_doc *doc);

/* The component, or NULL if the input had none. */
const mif_block *mif_doc_component(const mif_doc *doc);
/* Comments sorted by pos; *count receives their number. */
const mif_comment *mif_doc_comments(const mif_doc *doc, size_t *count);
mif_encoding mif_doc_encoding(const mif_doc *doc);
/* The warning that a file read as ISO 8859-1, for want of a byte-order
 * mark, is valid UTF-8 and may be that; NULL when there is none. */
const mif_error *mif_doc_encoding_doubt(const mif_doc *doc);
mif_newline mif_doc_newline(const mif_doc *doc);
/* Whether the input ended with a ^Z (0x1A) byte. */
bool mif_doc_eof_mark(const mif_doc *doc);
const char *mif_doc_source_name(const mif_doc *doc);
/* Size of the input in bytes, as read. */
size_t mif_doc_input_size(const mif_doc *doc);

/* Diagnostics in the order found: parser's first, then validation's. */
size_t mif_doc_diag_count(const mif_doc *doc);
const mif_error *mif_doc_diag(const mif_doc *doc, size_t index);
/* How many diagnostics of severity MIF_ERROR or worse. */
size_t mif_doc_error_count(const mif_doc *doc);

/* Where `pos` is: line, column and byte offset in the file as read. */
mif_mark mif_doc_mark(const mif_doc *doc, uint32_t pos);
/* The text of line `line` (from 1) as UTF-8, without its line end;
 * NULL when there is no such line.  *len receives its length. */
const char *mif_doc_line(const mif_doc *doc, unsigned line, size_t *len);

/* A part of a line around a column, for quoting a line that may be long:
 * text[0, len) is UTF-8 of the line, cut between characters; the
 * column's character starts at text[at] (at == len: past the line's
 * end); cut_before and cut_after say whether the line goes on. */
typedef struct mif_line_part {
	const char *text;
	size_t len;
	size_t at;
	bool cut_before, cut_after;
} mif_line_part;

/* The part of line `line` around column `column` (both from 1): at most
 * `before` bytes before the column's character and `after` bytes from
 * it on.  Its cost depends on before and after, not on the length of the
 * line.  False when there is no such line. */
bool mif_doc_line_part(const mif_doc *doc, unsigned line, unsigned column,
    size_t before, size_t after, mif_line_part *part);

/* ------------------------------------------------------------------ */
/* Reading the tree                                                    */

/* First statement of a keyword in a block, or NULL. */
const mif_stmt *mif_block_stmt(const mif_block *block, mif_keyword kw);
/* The string of NAME, CLASS, DESCRIPTION ...; NULL when absent or not
 * a string. */
const mif_string *mif_block_string(const mif_block *block, mif_keyword kw);
/* The ID; false when absent. */
bool mif_block_id(const mif_block *block, uint64_t *id);

const char *mif_block_kind_name(mif_block_kind kind);     /* "GROUP" */
const char *mif_keyword_name(mif_keyword kw);             /* "NAME" */
const char *mif_platform_name(mif_platform platform);     /* "WIN32" */
const char *mif_type_name(mif_type_kind type);            /* "STRING" */
const char *mif_access_name(mif_access access);           /* "READ-ONLY" */
const char *mif_storage_name(mif_storage storage);        /* "COMMON" */

/* ------------------------------------------------------------------ */
/* Writing                                                             */

/* The ^Z (0x1A) some DOS-era writers end a file with. */
typedef enum mif_eof_mark {
	MIF_EOF_SOURCE,   /* written when the input had one */
	MIF_EOF_DROP,     /* never written */
	MIF_EOF_ADD,      /* always written */
} mif_eof_mark;

typedef struct mif_write_options {
	mif_encoding encoding; /* MIF_ENC_SOURCE to keep the document's */
	mif_newline newline;   /* MIF_NL_SOURCE to keep the document's */
	mif_eof_mark eof_mark; /* MIF_EOF_SOURCE (0) to keep the document's */
} mif_write_options;

/*
 * Write the document as canonical MIF.  The output is deterministic,
 * and parsing it gives back the same tree, comments included.  Returns
 * 0, or -1 with *err set (write error; a character the chosen encoding
 * cannot hold).  opts may be NULL: keep encoding and line ends.
 * A document with mif_doc_encoding_doubt() is not written in UTF-8 or
 * UTF-16 (MIF_E_ENCODING): that would make its misread characters for
 * good; parsing it again with the input encoding named settles it.
 */
int mif_write_stream(const mif_doc *doc, const mif_write_options *opts,
    FILE *fp, mif_error *err);
/* The same into memory: *out receives a malloc'd buffer the caller
 * frees, *len its length. */
int mif_write_buffer(const mif_doc *doc, const mif_write_options *opts,
    char **out, size_t *len, mif_error *err);

/*
 * Where mif_write_to(), mif_write_xml_to() and mif_write_json_to() send
 * the bytes: in file order, in pieces of up to some tens of kilobytes,
 * each given once.  Returns false to stop the writing, which then fails
 * with MIF_E_IO ("write error"); ctx says why.
 */
typedef bool mif_put_fn(void *ctx, const void *bytes, size_t len);
/*
 * The same as mif_write_stream() through put, in bounded memory.  A
 * string the encoding cannot take is looked for before put is given a
 * byte, so that only put's own failure leaves part of the text given.
 */
int mif_write_to(const mif_doc *doc, const mif_write_options *opts,
    mif_put_fn *put, void *ctx, mif_error *err);

/* ------------------------------------------------------------------ */
/* Building and changing                                               */

/*
 * A new, empty document (ISO 8859-1, LF) to build a tree in; NULL when
 * out of memory.  Free it with mif_doc_free().
 */
mif_doc *mif_doc_create(const char *source_name) MIF_MUST_USE;

/* The document's copy of a UTF-8 string; NULL when out of memory. */
const mif_string *mif_doc_string(mif_doc *doc, const char *utf8, size_t len);
/* The same for a NUL-terminated string. */
const mif_string *mif_doc_cstring(mif_doc *doc, const char *utf8);

void mif_doc_set_encoding(mif_doc *doc, mif_encoding encoding);
void mif_doc_set_newline(mif_doc *doc, mif_newline newline);

/*
 * Add a block at the end of parent's children (parent NULL: make it the
 * document's component, which must not exist yet).  Built items are
 * ordered after everything already in the parent.  Returns the block,
 * which the caller may fill through the functions below; NULL when out of
 * memory or when the parent cannot hold that kind.
 */
mif_block *mif_add_block(mif_doc *doc, const mif_block *parent,
    mif_block_kind kind);

/*
 * Set a statement of a block: an existing one of that keyword (and,
 * for MIF_KW_PLATFORM, that platform `sub`) is given the new value in
 * place; otherwise one is added at the end.  `value` supplies sub, form,
 * flags and v (its pos and kw are ignored).  Returns the statement in the
 * tree, or NULL when out of memory.
 */
mif_stmt *mif_set_stmt(mif_doc *doc, const mif_block *block, mif_keyword kw,
    const mif_stmt *value);
/* Shorthands: a string statement; a number statement (decimal). */
mif_stmt *mif_set_string(mif_doc *doc, const mif_block *block, mif_keyword kw,
    const char *utf8);
mif_stmt *mif_set_number(mif_doc *doc, const mif_block *block, mif_keyword kw,
    int64_t number);
/* Remove every statement of that keyword; returns how many. */
size_t mif_remove_stmt(mif_doc *doc, const mif_block *block, mif_keyword kw);

/* Add an item to an enum block. */
bool mif_add_enum_item(mif_doc *doc, const mif_block *enm, mif_number value,
    const mif_string *symbol);

/* Add a row of ncells cells (all MIF_F_NONE) at the end of a table; the
 * caller fills the returned cells.  NULL when out of memory. */
mif_stmt *mif_add_row(mif_doc *doc, const mif_block *table, uint32_t ncells);

/* Remove a child block (found by identity) from its parent, with the
 * comments inside it; false if it is not a child of parent. */
bool mif_remove_block(mif_doc *doc, const mif_block *parent,
    const mif_block *child);

/* Add a comment (text without the slashes) just before the block
 * `before`, or, when it is NULL, at the end of the document, after END
 * COMPONENT. */
bool mif_add_comment(mif_doc *doc, const mif_block *before, const char *text,
    bool same_line);

/* ------------------------------------------------------------------ */
/* Escaping                                                            */

/*
 * The escaping of text and TSV output, one rule for every tool
 * (miftools(7), OUTPUT ESCAPING): a backslash, tab, newline and carriage
 * return as \\ \t \n \r; every other byte of a C0 control (NUL
 * included), DEL, a C1 control (U+0080 to U+009F, both bytes of its
 * UTF-8) and every byte that is no part of valid UTF-8 as \xHH (two
 * upper-case hex digits).  Other UTF-8 stays as it is.  mif_unescape()
 * undoes it.
 *
 * mif_escape_char() escapes the character at s (len > 0 bytes) into esc
 * and returns how many bytes of s it covers; esc is "" when they stay as
 * they are.
 */
#define MIF_ESCAPE_MAX 9       /* "\xC2\x85" and its NUL */
#define MIF_ESCAPE_QUOTE 0x01u /* a double quote too, as \" (a value
                                  quoted in a message) */
#define MIF_ESCAPE_CONTROLS 0x02u /* only the controls and bad bytes:
                                  backslash and tab stay (a source line
                                  or a message, for reading) */
size_t mif_escape_char(const char *s, size_t len, unsigned flags,
    char esc[MIF_ESCAPE_MAX]);
/* len bytes of s escaped into buf, as snprintf() fills it: at most size
 * bytes, NUL included (buf may be NULL when size is 0); returns the
 * length of the whole text. */
size_t mif_escape(const char *s, size_t len, unsigned flags, char *buf,
    size_t size);
/* The same onto a stream; false on a write error. */
bool mif_escape_print(const char *s, size_t len, unsigned flags, FILE *fp);
/*
 * The escaping of a JSON string (RFC 8259), one rule for the library's
 * JSON and the tools' JSON output: a double quote, backslash, backspace,
 * form feed, newline, carriage return and tab as \" \\ \b \f \n \r \t;
 * every other C0 control (NUL included) and DEL as \u00XX (lower-case
 * hex).  Other UTF-8 stays as it is.  mif_json_escape_char() escapes
 * the character at s (len > 0 bytes) into esc, "" when it stays, and
 * returns how many bytes of s it covers: 0 when s starts no valid UTF-8
 * (one byte, which JSON cannot hold).
 */
size_t mif_json_escape_char(const char *s, size_t len,
    char esc[MIF_ESCAPE_MAX]);
/* len bytes of s as a JSON string, its quotes included, onto a stream;
 * a byte that is no UTF-8 goes as it is (give UTF-8).  False on a write
 * error. */
bool mif_json_print(const char *s, size_t len, FILE *fp);
/* Undo mif_escape() without flags, in place: *len bytes of s become the
 * new *len.  False (s then undefined) for a backslash that starts none
 * of \\ \t \n \r \xHH. */
bool mif_unescape(char *s, size_t *len);

/* ------------------------------------------------------------------ */
/* Comparing                                                           */

/*
 * Whether two documents hold the same tree: the same blocks, statements
 * and values (integer radix included) in the same order, and the same
 * comments at the same places.  Positions, encoding and line ends do
 * not count.  When they differ and `why` is not NULL, a one-line
 * description of the first difference is written there.
 */
bool mif_doc_same(const mif_doc *a, const mif_doc *b, char *why,
    size_t whylen);

#ifdef __cplusplus
}
#endif
#endif /* MIF_LANG_H */
