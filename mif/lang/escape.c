/*
 * The one escaping rule of text and TSV output (miftools(7), OUTPUT
 * ESCAPING): every tool's text, its TSV fields and the values its
 * diagnostics quote go through mif_escape_char(), so that no byte of a
 * file drives a terminal or splits a line, and a script can undo it.
 */
#include <stdio.h>
#include <string.h>

#include "lang/internal.h"

/* "\xHH" for byte c at out; returns 4. */
static size_t
hex_byte(char *out, unsigned char c)
{
	static const char digits[] = "0123456789ABCDEF";

	out[0] = '\\';
	out[1] = 'x';
	out[2] = digits[c >> 4];
	out[3] = digits[c & 0x0F];
	return 4;
}

/* Whether c stays as it is under every flag: printable ASCII but the
 * backslash and the double quote.  Most text is, and skips the rest. */
static bool
plain(unsigned char c)
{
	return c >= 0x20 && c < 0x7F && c != '\\' && c != '"';
}

size_t
mif_escape_char(const char *s, size_t len, unsigned flags,
    char esc[MIF_ESCAPE_MAX])
{
	const unsigned char *p = (const unsigned char *)s;
	bool reading = (flags & MIF_ESCAPE_CONTROLS) != 0;

	esc[0] = '\0';
	if (len == 0)
		return 0;
	unsigned char c = p[0];
	if (plain(c))
		return 1;
	const char *named = NULL;
	switch (c) {
	case '\\': named = reading ? NULL : "\\\\"; break;
	case '\t': named = reading ? NULL : "\\t"; break;
	case '\n': named = "\\n"; break;
	case '\r': named = "\\r"; break;
	case '"': named = (flags & MIF_ESCAPE_QUOTE) ? "\\\"" : NULL; break;
	default: break;
	}
	if (named != NULL) {
		memcpy(esc, named, 3);
		return 1;
	}
	if (c < 0x20 ? c != '\t' : c == 0x7F) {
		hex_byte(esc, c);
		esc[4] = '\0';
		return 1;
	}
	if (c < 0x80)
		return 1;
	uint32_t cp;
	size_t n = mif_utf8_get(p, len, &cp);
	if (n == 0) { /* no UTF-8: the byte alone */
		hex_byte(esc, c);
		esc[4] = '\0';
		return 1;
	}
	if (cp >= 0x80 && cp <= 0x9F) { /* a C1 control: both its bytes */
		hex_byte(esc, p[0]);
		hex_byte(esc + 4, p[1]);
		esc[8] = '\0';
	}
	return n;
}

void
mif_sink_put(mif_sink *k, const char *s, size_t n)
{
	if (n == 0)
		return;
	if (k->fp != NULL) {
		if (fwrite(s, 1, n, k->fp) != n)
			k->failed = true;
	} else if (k->size > 0 && k->len < k->size - 1) {
		size_t room = k->size - 1 - k->len;
		memcpy(k->buf + k->len, s, n < room ? n : room);
	}
	k->len += n;
}

size_t
mif_sink_end(mif_sink *k)
{
	if (k->fp == NULL && k->size > 0)
		k->buf[k->len < k->size ? k->len : k->size - 1] = '\0';
	return k->len;
}

void
mif_sink_escape(mif_sink *k, const char *s, size_t len, unsigned flags)
{
	char esc[MIF_ESCAPE_MAX];
	size_t run = 0; /* start of the bytes not yet written */

	for (size_t i = 0; i < len;) {
		if (plain((unsigned char)s[i])) {
			i++;
			continue;
		}
		size_t n = mif_escape_char(s + i, len - i, flags, esc);
		if (esc[0] != '\0') {
			mif_sink_put(k, s + run, i - run);
			mif_sink_put(k, esc, strlen(esc));
			run = i + n;
		}
		i += n;
	}
	mif_sink_put(k, s + run, len - run);
}

size_t
mif_escape(const char *s, size_t len, unsigned flags, char *buf, size_t size)
{
	mif_sink k = { .buf = buf, .size = size };

	mif_sink_escape(&k, s, len, flags);
	return mif_sink_end(&k);
}

bool
mif_escape_print(const char *s, size_t len, unsigned flags, FILE *fp)
{
	mif_sink k = { .fp = fp };

	mif_sink_escape(&k, s, len, flags);
	return !k.failed;
}

size_t
mif_json_escape_char(const char *s, size_t len, char esc[MIF_ESCAPE_MAX])
{
	const unsigned char *p = (const unsigned char *)s;
	const char *named = NULL;

	esc[0] = '\0';
	if (len == 0)
		return 0;
	switch (p[0]) {
	case '"': named = "\\\""; break;
	case '\\': named = "\\\\"; break;
	case '\b': named = "\\b"; break;
	case '\f': named = "\\f"; break;
	case '\n': named = "\\n"; break;
	case '\r': named = "\\r"; break;
	case '\t': named = "\\t"; break;
	default: break;
	}
	if (named != NULL) {
		memcpy(esc, named, 3);
		return 1;
	}
	if (p[0] < 0x20 || p[0] == 0x7F) {
		snprintf(esc, MIF_ESCAPE_MAX, "\\u%04x", p[0]);
		return 1;
	}
	if (p[0] < 0x80)
		return 1;
	uint32_t cp;
	return mif_utf8_get(p, len, &cp);
}

bool
mif_json_print(const char *s, size_t len, FILE *fp)
{
	mif_sink k = { .fp = fp };
	char esc[MIF_ESCAPE_MAX];
	size_t run = 0; /* start of the bytes not yet written */

	mif_sink_put(&k, "\"", 1);
	for (size_t i = 0; i < len;) {
		size_t n = mif_json_escape_char(s + i, len - i, esc);
		if (esc[0] != '\0') {
			mif_sink_put(&k, s + run, i - run);
			mif_sink_put(&k, esc, strlen(esc));
			run = i + n;
		}
		i += n > 0 ? n : 1;
	}
	mif_sink_put(&k, s + run, len - run);
	mif_sink_put(&k, "\"", 1);
	return !k.failed;
}

bool
mif_unescape(char *s, size_t *len)
{
	size_t to = 0, n = *len;

	for (size_t i = 0; i < n; i++) {
		if (s[i] != '\\') {
			s[to++] = s[i];
			continue;
		}
		if (++i == n)
			return false;
		switch (s[i]) {
		case '\\': s[to++] = '\\'; break;
		case 't': s[to++] = '\t'; break;
		case 'n': s[to++] = '\n'; break;
		case 'r': s[to++] = '\r'; break;
		case 'x': {
			int hi = i + 2 < n ? mif_hex_digit(s[i + 1]) : -1;
			int lo = hi >= 0 ? mif_hex_digit(s[i + 2]) : -1;
			if (lo < 0)
				return false;
			s[to++] = (char)(hi * 16 + lo);
			i += 2;
			break;
		}
		default:
			return false;
		}
	}
	*len = to;
	return true;
}
