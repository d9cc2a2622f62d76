/*
 * Reading JSON text one token at a time from a stream, over yajl's push
 * parser: yajl checks the grammar and decodes the strings; this reads
 * the input a chunk at a time, queues the tokens that yajl's callbacks
 * hand over, and gives them out one by one, each with the line:column
 * where it starts.  Memory holds one chunk's tokens, whatever the size
 * of the document.  Internal to libmif.
 */
#ifndef MIF_SMS_JSON_PULL_H
#define MIF_SMS_JSON_PULL_H

/* Internal names carry the library's prefix, so that no program that
 * links libmif statically meets them. */
#define jpull_free mif_jpull_free
#define jpull_init mif_jpull_init
#define jpull_next mif_jpull_next
#define jpull_skip mif_jpull_skip
#define jpull_token_name mif_jpull_token_name


#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum jpull_token {
	JPULL_EOF,        /* the end of the input */
	JPULL_ERROR,      /* the error says what; reading stops */
	JPULL_BEGIN_OBJECT, JPULL_END_OBJECT,
	JPULL_BEGIN_ARRAY, JPULL_END_ARRAY,
	JPULL_KEY,        /* text: an object's member name */
	JPULL_STRING,     /* text: UTF-8; no NUL inside */
	JPULL_NUMBER,     /* text: as written */
	JPULL_TRUE, JPULL_FALSE, JPULL_NULL,
} jpull_token;

typedef struct jpull_in jpull_in;

typedef struct jpull {
	unsigned line, column;     /* where the last token starts, from 1;
	                              for JPULL_EOF the end of the input's
	                              last line */
	const char *text;          /* of the last key, string or number,
	                              NUL-terminated ("" for the others);
	                              valid until the next call */
	size_t len;
	char error[160];           /* after JPULL_ERROR */
	jpull_in *in;              /* private: yajl, the queue, the places */
} jpull;

/* Read from in; false when out of memory. */
bool jpull_init(jpull *p, FILE *in);
void jpull_free(jpull *p);

/* The next token.  After JPULL_ERROR, p->error and p->line, p->column
 * say what and where, and every later call gives JPULL_ERROR again;
 * after JPULL_EOF every later call gives JPULL_EOF. */
jpull_token jpull_next(jpull *p);

/* Skip the rest of a value whose first token was `first`, up to its
 * matching bracket; false after an error (p->error set). */
bool jpull_skip(jpull *p, jpull_token first);

/* "a string", "}" ...: a token's name, for messages. */
const char *jpull_token_name(jpull_token t);

#endif /* MIF_SMS_JSON_PULL_H */
