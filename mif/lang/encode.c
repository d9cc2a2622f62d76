/*
 * From the writer's UTF-8 text with LF line ends to the bytes of a file:
 * ISO 8859-1 (no byte-order mark), UTF-8 with EF BB BF, UTF-16LE with
 * FF FE or UTF-16BE with FE FF; LF or CRLF; and a final ^Z when the
 * source ended with one (a 0x1A character in the output encoding).
 */
#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"
#include "lang/buf.h"

static void
put_unit(mif_buf *buf, uint32_t unit, bool big)
{
	char b[2];

	b[big ? 0 : 1] = (char)(unit >> 8);
	b[big ? 1 : 0] = (char)(unit & 0xFF);
	mif_buf_put(buf, b, 2);
}

/* One code point in the output encoding; false if it cannot be held. */
static bool
put_char(mif_buf *buf, uint32_t cp, mif_encoding encoding)
{
	char utf8[4];

	switch (encoding) {
	case MIF_ENC_LATIN1:
		if (cp > 0xFF)
			return false;
		mif_buf_putc(buf, (char)cp);
		return true;
	case MIF_ENC_UTF16LE:
	case MIF_ENC_UTF16BE: {
		bool big = encoding == MIF_ENC_UTF16BE;
		if (cp >= 0x10000) {
			cp -= 0x10000;
			put_unit(buf, 0xD800 + (cp >> 10), big);
			put_unit(buf, 0xDC00 + (cp & 0x3FF), big);
		} else {
			put_unit(buf, cp, big);
		}
		return true;
	}
	default:
		mif_buf_put(buf, utf8, mif_utf8_put(utf8, cp));
		return true;
	}
}

static void
put_bom(mif_buf *buf, mif_encoding encoding)
{
	switch (encoding) {
	case MIF_ENC_UTF8:
		mif_buf_put(buf, "\xEF\xBB\xBF", 3);
		break;
	case MIF_ENC_UTF16LE:
		mif_buf_put(buf, "\xFF\xFE", 2);
		break;
	case MIF_ENC_UTF16BE:
		mif_buf_put(buf, "\xFE\xFF", 2);
		break;
	default:
		break;
	}
}

int
mif_encode(const char *text, size_t len, mif_encoding encoding,
    mif_newline newline, bool eof_mark, const char *source_name,
    char **out, size_t *outlen, mif_error *err)
{
	const unsigned char *p = (const unsigned char *)text;
	mif_buf buf = { NULL, 0, 0, false };
	unsigned line = 1, column = 1;

	*out = NULL;
	*outlen = 0;
	if (encoding != MIF_ENC_UTF8 && encoding != MIF_ENC_UTF16LE
	    && encoding != MIF_ENC_UTF16BE)
		encoding = MIF_ENC_LATIN1;
	put_bom(&buf, encoding);
	bool bytewise = encoding == MIF_ENC_LATIN1 || encoding == MIF_ENC_UTF8;
	for (size_t i = 0; i < len;) {
		if (bytewise && p[i] < 0x80 && p[i] != '\n') {
			/* a run of ASCII is the same bytes in either */
			size_t j = i + 1;
			while (j < len && p[j] < 0x80 && p[j] != '\n')
				j++;
			mif_buf_put(&buf, p + i, j - i);
			column += (unsigned)(j - i);
			i = j;
			continue;
		}
		uint32_t cp;
		size_t n = mif_utf8_get(p + i, len - i, &cp);
		if (n == 0) {
			free(buf.data);
			mif_error_set(err, MIF_E_ENCODING, source_name,
			    "invalid UTF-8 in the text to write");
			if (err != NULL)
				err->mark = (mif_mark){ line, column, i };
			return -1;
		}
		if (cp == '\n' && newline == MIF_NL_CRLF)
			put_char(&buf, '\r', encoding);
		if (!put_char(&buf, cp, encoding)) {
			free(buf.data);
			mif_error_set(err, MIF_E_ENCODING, source_name,
			    "character U+%04X cannot be written in ISO 8859-1",
			    (unsigned)cp);
			if (err != NULL) {
				err->mark = (mif_mark){ line, column, i };
				err->rule = MIF_RULE_ENCODING_UNWRITABLE;
			}
			return -1;
		}
		if (cp == '\n') {
			line++;
			column = 1;
		} else {
			column++;
		}
		i += n;
	}
	if (eof_mark)
		put_char(&buf, 0x1A, encoding);
	if (buf.nomem) {
		free(buf.data);
		mif_error_set(err, MIF_E_NOMEM, source_name, "out of memory");
		return -1;
	}
	if (buf.data == NULL) { /* nothing to write: still a valid buffer */
		buf.data = malloc(1);
		if (buf.data == NULL) {
			mif_error_set(err, MIF_E_NOMEM, source_name,
			    "out of memory");
			return -1;
		}
	}
	*out = buf.data;
	*outlen = buf.len;
	return 0;
}
