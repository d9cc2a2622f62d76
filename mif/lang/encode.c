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
#include "lang/writer.h"

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

void
mif_encoder_start(mif_encoder *enc, mif_buf *out, mif_encoding encoding,
    mif_newline newline, bool eof_mark, const char *source_name,
    mif_error *err)
{
	memset(enc, 0, sizeof *enc);
	if (encoding != MIF_ENC_UTF8 && encoding != MIF_ENC_UTF16LE
	    && encoding != MIF_ENC_UTF16BE)
		encoding = MIF_ENC_LATIN1;
	enc->out = out;
	enc->encoding = encoding;
	enc->crlf = newline == MIF_NL_CRLF;
	enc->eof_mark = eof_mark;
	enc->source_name = source_name;
	enc->err = err;
	enc->line = enc->column = 1;
	put_bom(out, encoding);
}

/* The bytes a character takes, from its first one. */
static size_t
utf8_need(unsigned char lead)
{
	return lead < 0xC0 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

static bool
refuse(mif_encoder *enc, const unsigned char *p, size_t n, uint32_t cp,
    bool invalid)
{
	enc->failed = true;
	if (invalid) {
		mif_error_set(enc->err, MIF_E_ENCODING, enc->source_name,
		    "invalid UTF-8 in the text to write");
	} else {
		mif_error_set(enc->err, MIF_E_ENCODING, enc->source_name,
		    "character U+%04X cannot be written in ISO 8859-1",
		    (unsigned)cp);
		if (enc->err != NULL)
			enc->err->rule = MIF_RULE_ENCODING_UNWRITABLE;
	}
	if (enc->err != NULL)
		enc->err->mark = (mif_mark){ enc->line, enc->column, enc->taken };
	enc->nbad = n < sizeof enc->bad ? n : sizeof enc->bad;
	memcpy(enc->bad, p, enc->nbad);
	return false;
}

/* Encode len bytes of text; a character cut at the end is kept for the
 * next piece when `may_carry`. */
static bool
encode(mif_encoder *enc, const unsigned char *p, size_t len, bool may_carry)
{
	mif_buf *buf = enc->out;
	bool bytewise = enc->encoding == MIF_ENC_LATIN1 ||
	    enc->encoding == MIF_ENC_UTF8;

	for (size_t i = 0; i < len;) {
		if (bytewise && p[i] < 0x80 && p[i] != '\n') {
			/* a run of ASCII is the same bytes in either */
			size_t j = i + 1;
			while (j < len && p[j] < 0x80 && p[j] != '\n')
				j++;
			mif_buf_put(buf, p + i, j - i);
			enc->column += (unsigned)(j - i);
			enc->taken += j - i;
			i = j;
			continue;
		}
		uint32_t cp;
		size_t n = mif_utf8_get(p + i, len - i, &cp);
		if (n == 0) {
			size_t need = utf8_need(p[i]);
			if (may_carry && need > 1 && len - i < need) {
				memcpy(enc->carry, p + i, len - i);
				enc->ncarry = len - i;
				return !buf->nomem;
			}
			return refuse(enc, p + i, 1, 0, true);
		}
		if (cp == '\n' && enc->crlf)
			put_char(buf, '\r', enc->encoding);
		if (!put_char(buf, cp, enc->encoding))
			return refuse(enc, p + i, n, cp, false);
		if (cp == '\n') {
			enc->line++;
			enc->column = 1;
		} else {
			enc->column++;
		}
		enc->taken += n;
		i += n;
	}
	return !buf->nomem;
}

bool
mif_encoder_put(void *ctx, const char *text, size_t len)
{
	mif_encoder *enc = ctx;
	const unsigned char *p = (const unsigned char *)text;

	if (enc->failed)
		return false;
	/* text known good, whose bytes are already those of the file */
	if (enc->trusted && !enc->crlf && enc->ncarry == 0 &&
	    (enc->encoding == MIF_ENC_UTF8 ||
	    (enc->encoding == MIF_ENC_LATIN1 && !mif_has_high_byte(p, len)))) {
		mif_buf_put(enc->out, p, len);
		enc->taken += len;
		return !enc->out->nomem;
	}
	if (enc->ncarry > 0) {
		size_t need = utf8_need(enc->carry[0]);
		while (enc->ncarry < need && len > 0) {
			enc->carry[enc->ncarry++] = *p++;
			len--;
		}
		if (enc->ncarry < need)
			return true;
		size_t n = enc->ncarry;
		enc->ncarry = 0;
		if (!encode(enc, enc->carry, n, false))
			return false;
	}
	return encode(enc, p, len, true);
}

bool
mif_encoder_end(mif_encoder *enc)
{
	if (enc->failed)
		return false;
	if (enc->ncarry > 0)
		return refuse(enc, enc->carry, enc->ncarry, 0, true);
	if (enc->eof_mark)
		put_char(enc->out, 0x1A, enc->encoding);
	return !enc->out->nomem;
}
