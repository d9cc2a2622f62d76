/*
 * From the bytes of a file to the text the scanner reads.  The scanner
 * always sees UTF-8 (ISO 8859-1 and UTF-16 are transcoded; pure ASCII is
 * used as it is), cut at the first ^Z.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "lang/internal.h"

static bool
has_high_byte(const unsigned char *p, size_t len)
{
	size_t i = 0;
	uint64_t any = 0;

	/* eight bytes at a time: this runs over every byte of big files */
	for (; i + 8 <= len; i += 8) {
		uint64_t w;
		memcpy(&w, p + i, 8);
		any |= w;
	}
	for (; i < len; i++)
		any |= p[i];
	return (any & 0x8080808080808080u) != 0;
}

/* The ASCII prefix; then each high byte becomes two. */
static char *
latin1_to_utf8(const unsigned char *p, size_t len, size_t *outlen)
{
	size_t extra = 0;
	for (size_t i = 0; i < len; i++)
		extra += p[i] >> 7;
	char *out = malloc(len + extra + 1);
	if (out == NULL)
		return NULL;
	char *o = out;
	for (size_t i = 0; i < len; i++)
		o += mif_utf8_put(o, p[i]);
	*outlen = (size_t)(o - out);
	return out;
}

static uint32_t
unit_at(const unsigned char *p, bool big)
{
	return big ? (uint32_t)p[0] << 8 | p[1] : (uint32_t)p[1] << 8 | p[0];
}

/* UTF-16 to UTF-8, stopping at ^Z.  *bad receives the file offset of an
 * invalid unit (odd length, lone surrogate). */
static char *
utf16_to_utf8(const unsigned char *p, size_t len, bool big, size_t *outlen,
    bool *eof_mark, size_t *bad)
{
	char *out = malloc(len / 2 * 3 + 1);
	if (out == NULL)
		return NULL;
	char *o = out;
	size_t i = 0;
	*bad = SIZE_MAX;
	for (; i + 1 < len; i += 2) {
		uint32_t cp = unit_at(p + i, big);
		if (cp == 0x1A) {
			*eof_mark = true;
			break;
		}
		if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < len) {
			uint32_t lo = unit_at(p + i + 2, big);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			} else {
				*bad = i;
				break;
			}
		} else if (cp >= 0xD800 && cp <= 0xDFFF) {
			*bad = i;
			break;
		}
		o += mif_utf8_put(o, cp);
	}
	if (*bad == SIZE_MAX && !*eof_mark && i < len)
		*bad = i; /* an odd byte at the end */
	*outlen = (size_t)(o - out);
	return out;
}

/* Offset of the first byte that is not valid UTF-8, or SIZE_MAX. */
static size_t
utf8_invalid_at(const unsigned char *p, size_t len)
{
	size_t i = 0;
	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = mif_utf8_get(p + i, len - i, &cp);
		if (n == 0)
			return i;
		i += n;
	}
	return SIZE_MAX;
}

/* Place an encoding error: at file byte `offset`, just after `len` bytes
 * of good UTF-8 text (the part decoded before it). */
static void
place_encoding_error(mif_error *err, const char *text, size_t len, size_t offset)
{
	unsigned line = 1, column = 1;

	if (err == NULL)
		return;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n') {
			line++;
			column = 1;
		} else if ((c & 0xC0) != 0x80) {
			column++;
		}
	}
	err->mark = (mif_mark){ line, column, offset };
}

void
mif_source_release(mif_doc *doc)
{
	bool in_input = doc->input != NULL && doc->text >= doc->input &&
	    doc->text < doc->input + doc->input_cap;
	if (doc->text != NULL && !in_input)
		free(doc->text); /* a transcoding */
	if (doc->input_mapped)
		munmap(doc->input, doc->input_cap);
	else
		free(doc->input);
	doc->text = doc->input = NULL;
	doc->input_mapped = false;
}

/* The input is no longer needed once transcoded. */
static void
drop_input(mif_doc *doc)
{
	char *text = doc->text;

	doc->text = NULL;
	mif_source_release(doc);
	doc->text = text;
}

/* The encoding a byte-order mark at the start of the file names, and
 * the mark's length; 0 when the file has none. */
static size_t
mark_of(const unsigned char *u, size_t len, mif_encoding *encoding)
{
	if (len >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		*encoding = MIF_ENC_UTF16LE;
		return 2;
	}
	if (len >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		*encoding = MIF_ENC_UTF16BE;
		return 2;
	}
	if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		*encoding = MIF_ENC_UTF8;
		return 3;
	}
	*encoding = MIF_ENC_LATIN1;
	return 0;
}

static bool
load_utf16(mif_doc *doc, const unsigned char *u, size_t len, mif_error *err)
{
	size_t start = doc->bom_len, bad = SIZE_MAX;

	doc->transcoded = true;
	doc->text = utf16_to_utf8(u + start, len - start,
	    doc->encoding == MIF_ENC_UTF16BE, &doc->text_len, &doc->eof_mark,
	    &bad);
	drop_input(doc);
	if (doc->text == NULL) {
		mif_error_set(err, MIF_E_NOMEM, doc->source_name, "out of memory");
		return false;
	}
	if (bad != SIZE_MAX) {
		mif_error_set(err, MIF_E_ENCODING, doc->source_name,
		    "invalid UTF-16 at byte %zu", bad + start);
		place_encoding_error(err, doc->text, doc->text_len, bad + start);
		return false;
	}
	return true;
}

/* ISO 8859-1 or UTF-8, after any mark and up to the first ^Z. */
static bool
load_bytes(mif_doc *doc, char *data, size_t len, bool doubt_latin1,
    mif_error *err)
{
	const unsigned char *u = (const unsigned char *)data;
	size_t start = doc->bom_len;
	const char *z = memchr(data + start, 0x1A, len - start);
	size_t n = (z != NULL ? (size_t)(z - data) : len) - start;
	bool high = has_high_byte(u + start, n);

	doc->eof_mark = z != NULL;
	if (doc->encoding == MIF_ENC_UTF8 && high) {
		size_t bad = utf8_invalid_at(u + start, n);
		if (bad != SIZE_MAX) {
			mif_error_set(err, MIF_E_ENCODING, doc->source_name,
			    "invalid UTF-8 at byte %zu", bad + start);
			place_encoding_error(err, data + start, bad, bad + start);
			return false;
		}
	}
	/* before the bytes go: what a doubt about them needs */
	mif_utf8_doubt doubt = { .at = SIZE_MAX };
	if (high && (doc->unmarked ||
	    (doubt_latin1 && utf8_invalid_at(u + start, n) == SIZE_MAX)))
		mif_utf8_doubt_find(&doubt, u + start, n);
	if (doc->encoding == MIF_ENC_LATIN1 && high) {
		doc->transcoded = true;
		doc->text = latin1_to_utf8(u + start, n, &doc->text_len);
		drop_input(doc);
	} else {
		/* scan the input in place: no copy of big files */
		doc->text = data + start;
		doc->text_len = n;
	}
	if (doc->text == NULL) {
		mif_error_set(err, MIF_E_NOMEM, doc->source_name, "out of memory");
		return false;
	}
	if (doubt.at != SIZE_MAX)
		mif_utf8_doubt_note(doc, &doubt, doubt_latin1);
	return true;
}

bool
mif_source_load(mif_doc *doc, size_t len, const mif_parse_options *opts,
    mif_error *err)
{
	char *data = doc->input;
	const unsigned char *u = (const unsigned char *)data;
	bool given = opts != NULL && opts->input_encoding_given &&
	    opts->input_encoding <= MIF_ENC_UTF16BE;
	mif_encoding marked;

	doc->input_size = len;
	doc->bom_len = mark_of(u, len, &marked);
	doc->encoding = given ? opts->input_encoding : marked;
	if (given && doc->bom_len > 0 && marked != doc->encoding) {
		mif_error_set(err, MIF_E_ENCODING, doc->source_name,
		    "the file starts with the byte-order mark of %s, but is to "
		    "be read as %s", mif_encoding_name(marked),
		    mif_encoding_name(doc->encoding));
		if (err != NULL) {
			err->mark = (mif_mark){ 1, 1, 0 };
			err->rule = MIF_RULE_ENCODING_MARK;
		}
		return false;
	}
	doc->unmarked = given && doc->bom_len == 0 &&
	    doc->encoding != MIF_ENC_LATIN1;
	bool ok = doc->encoding == MIF_ENC_UTF16LE ||
	    doc->encoding == MIF_ENC_UTF16BE ? load_utf16(doc, u, len, err)
	    : load_bytes(doc, data, len, !given && doc->bom_len == 0, err);
	if (!ok)
		return false;
	if (doc->text_len > MIF_MAX_INPUT) {
		mif_error_set(err, MIF_E_TOO_BIG, doc->source_name,
		    "input too large (over %u bytes)", (unsigned)MIF_MAX_INPUT);
		return false;
	}
	const char *nl = memchr(doc->text, '\n', doc->text_len);
	doc->newline = nl != NULL && nl > doc->text && nl[-1] == '\r'
	    ? MIF_NL_CRLF : MIF_NL_LF;
	return true;
}
