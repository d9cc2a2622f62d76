/* Reading JSON a token at a time: see jsonr.h. */
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "sms/sms_jsonr.h"

/* Nesting deeper than this is refused rather than skipped. */
#define MAX_DEPTH 10000
/* No report holds a string or number near this long: past it the input
 * is no report, and reading on would only grow memory. */
#define MAX_TOKEN (1u << 20)

void
jsonr_init(jsonr *r, FILE *in)
{
	memset(r, 0, sizeof *r);
	r->in = in;
	r->at_line = 1;
	r->at_column = 1;
}

void
jsonr_free(jsonr *r)
{
	free(r->text);
	r->text = NULL;
	r->cap = r->len = 0;
}

jsonr_token
jsonr_fail(jsonr *r, const char *fmt, ...)
{
	va_list ap;

	if (!r->failed) {
		va_start(ap, fmt);
		vsnprintf(r->error, sizeof r->error, fmt, ap);
		va_end(ap);
		r->failed = true;
	}
	return JSONR_ERROR;
}

const char *
jsonr_token_name(jsonr_token t)
{
	static const char *const names[] = {
		"the end of the input", "an error", "{", "}", "[", "]", ":", ",",
		"a string", "a number", "true", "false", "null",
	};
	return (unsigned)t < sizeof names / sizeof names[0] ? names[t] : "?";
}

static int
get(jsonr *r)
{
	int c = getc(r->in);

	/* the place before a line end ("\n" or "\r\n"), which is where
	 * the input ends when that line end is its last */
	if (c == '\r' || (c == '\n' && r->last != '\r')) {
		r->end_line = r->at_line;
		r->end_column = r->at_column;
	}
	if (c == '\n') {
		r->at_line++;
		r->at_column = 1;
	} else if (c != EOF && ((unsigned)c & 0xC0) != 0x80) {
		r->at_column++; /* characters, not the bytes that continue one */
	}
	if (c != EOF)
		r->last = c;
	return c;
}

static int
peek(jsonr *r)
{
	int c = getc(r->in);

	if (c != EOF)
		ungetc(c, r->in);
	return c;
}

static bool
put(jsonr *r, char c)
{
	if (r->len + 1 >= r->cap) {
		size_t cap = r->cap > 0 ? r->cap * 2 : 256;
		char *p = realloc(r->text, cap);
		if (p == NULL)
			return false;
		r->text = p;
		r->cap = cap;
	}
	r->text[r->len++] = c;
	r->text[r->len] = '\0';
	return true;
}

static bool
put_utf8(jsonr *r, uint32_t cp)
{
	if (cp < 0x80)
		return put(r, (char)cp);
	if (cp < 0x800)
		return put(r, (char)(0xC0 | cp >> 6)) &&
		    put(r, (char)(0x80 | (cp & 0x3F)));
	if (cp < 0x10000)
		return put(r, (char)(0xE0 | cp >> 12)) &&
		    put(r, (char)(0x80 | ((cp >> 6) & 0x3F))) &&
		    put(r, (char)(0x80 | (cp & 0x3F)));
	return put(r, (char)(0xF0 | cp >> 18)) &&
	    put(r, (char)(0x80 | ((cp >> 12) & 0x3F))) &&
	    put(r, (char)(0x80 | ((cp >> 6) & 0x3F))) &&
	    put(r, (char)(0x80 | (cp & 0x3F)));
}

static int
hex4(jsonr *r)
{
	int v = 0;

	for (int i = 0; i < 4; i++) {
		int c = get(r), d;
		if (c >= '0' && c <= '9') d = c - '0';
		else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
		else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
		else return -1;
		v = v * 16 + d;
	}
	return v;
}

/* A \u escape, with its low surrogate when it is a high one. */
static jsonr_token
unicode_escape(jsonr *r)
{
	int hi = hex4(r);

	if (hi < 0)
		return jsonr_fail(r, "a \\u escape needs four hex digits");
	uint32_t cp = (uint32_t)hi;
	if (cp >= 0xD800 && cp <= 0xDBFF) {
		int lo;
		if (get(r) != '\\' || get(r) != 'u' || (lo = hex4(r)) < 0 ||
		    lo < 0xDC00 || lo > 0xDFFF)
			return jsonr_fail(r, "a high surrogate without its low one");
		cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
	} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
		return jsonr_fail(r, "a low surrogate without its high one");
	}
	if (cp == 0)
		return jsonr_fail(r, "a NUL character (\\u0000) in a string");
	return put_utf8(r, cp) ? JSONR_STRING
	    : jsonr_fail(r, "out of memory");
}

static jsonr_token
string(jsonr *r)
{
	for (;;) {
		int c = get(r);
		if (c == '"')
			return JSONR_STRING;
		if (c == EOF)
			return jsonr_fail(r, "a string without its closing quote");
		if ((unsigned)c < 0x20)
			return jsonr_fail(r, "a control character in a string");
		if (c == '\\') {
			static const char from[] = "\"\\/bfnrt", to[] = "\"\\/\b\f\n\r\t";
			int e = get(r);
			const char *k = e != EOF && e != '\0' ? strchr(from, e) : NULL;
			if (e == 'u') {
				if (unicode_escape(r) == JSONR_ERROR)
					return JSONR_ERROR;
				continue;
			}
			if (k == NULL)
				return jsonr_fail(r, "an unknown escape in a string");
			c = to[k - from];
		}
		if (r->len >= MAX_TOKEN)
			return jsonr_fail(r, "a string over %u bytes: no report "
			    "holds one", MAX_TOKEN);
		if (!put(r, (char)c))
			return jsonr_fail(r, "out of memory");
	}
}

static jsonr_token
number(jsonr *r, int c)
{
	for (;;) {
		if (r->len >= MAX_TOKEN)
			return jsonr_fail(r, "a number over %u bytes: no report "
			    "holds one", MAX_TOKEN);
		if (!put(r, (char)c))
			return jsonr_fail(r, "out of memory");
		int n = peek(r);
		if (n == EOF || strchr("0123456789+-.eE", n) == NULL)
			break;
		c = get(r);
	}
	/* the grammar of RFC 8259: -? int frac? exp? */
	const char *s = r->text;
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else
		return jsonr_fail(r, "a malformed number");
	if (*s == '.') {
		if (*++s < '0' || *s > '9')
			return jsonr_fail(r, "a malformed number");
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		if (*++s == '+' || *s == '-')
			s++;
		if (*s < '0' || *s > '9')
			return jsonr_fail(r, "a malformed number");
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0' ? JSONR_NUMBER : jsonr_fail(r, "a malformed number");
}

static jsonr_token
word(jsonr *r, const char *rest, jsonr_token t)
{
	for (; *rest != '\0'; rest++)
		if (get(r) != *rest)
			return jsonr_fail(r, "an unknown word");
	return t;
}

jsonr_token
jsonr_next(jsonr *r)
{
	int c;

	if (r->failed)
		return JSONR_ERROR;
	do {
		r->line = r->at_line;
		r->column = r->at_column;
		c = get(r);
	} while (c == ' ' || c == '\t' || c == '\n' || c == '\r');
	r->len = 0;
	if (r->text != NULL)
		r->text[0] = '\0';
	switch (c) {
	case EOF:
		if (r->last == '\n') { /* not on a line after the last */
			r->line = r->end_line;
			r->column = r->end_column;
		}
		return ferror(r->in) ? jsonr_fail(r, "a read error")
		    : JSONR_EOF;
	case '{': return JSONR_BEGIN_OBJECT;
	case '}': return JSONR_END_OBJECT;
	case '[': return JSONR_BEGIN_ARRAY;
	case ']': return JSONR_END_ARRAY;
	case ':': return JSONR_COLON;
	case ',': return JSONR_COMMA;
	case '"':
		if (!put(r, '\0'))
			return jsonr_fail(r, "out of memory");
		r->len = 0;
		return string(r);
	case 't': return word(r, "rue", JSONR_TRUE);
	case 'f': return word(r, "alse", JSONR_FALSE);
	case 'n': return word(r, "ull", JSONR_NULL);
	default:
		if (c == '-' || (c >= '0' && c <= '9'))
			return number(r, c);
		return jsonr_fail(r, "a character that starts no JSON token");
	}
}

bool
jsonr_skip(jsonr *r, jsonr_token first)
{
	size_t depth = 0;
	jsonr_token t = first;

	for (;;) {
		switch (t) {
		case JSONR_BEGIN_OBJECT:
		case JSONR_BEGIN_ARRAY:
			if (++depth > MAX_DEPTH) {
				jsonr_fail(r, "nesting deeper than %d", MAX_DEPTH);
				return false;
			}
			break;
		case JSONR_END_OBJECT:
		case JSONR_END_ARRAY:
			if (depth == 0) {
				jsonr_fail(r, "unexpected %s", jsonr_token_name(t));
				return false;
			}
			depth--;
			break;
		case JSONR_ERROR:
			return false;
		case JSONR_EOF:
			jsonr_fail(r, "the input ends inside a value");
			return false;
		case JSONR_COLON:
		case JSONR_COMMA:
			if (depth == 0) {
				jsonr_fail(r, "unexpected %s", jsonr_token_name(t));
				return false;
			}
			break;
		default:
			break;
		}
		if (depth == 0)
			return true;
		t = jsonr_next(r);
	}
}
