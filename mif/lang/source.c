/*
 * From the bytes of a file to the text the scanner reads.  The scanner
 * always sees UTF-8 (ISO 8859-1 and UTF-16 are transcoded; pure ASCII is
 * used as it is), cut at the first ^Z.
 */
/* madvise() */
#define _DEFAULT_SOURCE

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "lang/internal.h"

bool
mif_has_high_byte(const void *bytes, size_t len)
{
	const unsigned char *p = bytes;
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

/* UTF-16 to UTF-8, stopping at ^Z when eof_mark is not NULL.  *bad
 * receives the file offset of an invalid unit (odd length, lone
 * surrogate). */
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
		if (cp == 0x1A && eof_mark != NULL) {
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
	if (*bad == SIZE_MAX && (eof_mark == NULL || !*eof_mark) && i < len)
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
/* Move *line and *column past len bytes of UTF-8 text. */
static void
advance_place(const char *text, size_t len, unsigned *line, unsigned *column)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)text[i];
		if (c == '\n') {
			++*line;
			*column = 1;
		} else if ((c & 0xC0) != 0x80) {
			++*column;
		}
	}
}

static void
place_encoding_error(mif_error *err, const char *text, size_t len, size_t offset)
{
	unsigned line = 1, column = 1;

	if (err == NULL)
		return;
	advance_place(text, len, &line, &column);
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

/* Give back the pages of the mapped input wholly inside its bytes
 * [start, end); returns where those given back end (start when none). */
static size_t
give_back_input(mif_doc *doc, size_t start, size_t end)
{
	size_t page = (size_t)sysconf(_SC_PAGESIZE);
	size_t from = (start + page - 1) / page * page;
	/* the input's last page whole: nothing after it is read */
	size_t to = end >= doc->input_cap ? doc->input_cap : end - end % page;

	if (!doc->input_mapped || to <= from ||
	    madvise(doc->input + from, to - from, MADV_DONTNEED) != 0)
		return start;
	return to < end ? to : end;
}

size_t
mif_source_give_back(mif_doc *doc, size_t from, size_t upto)
{
	if (!doc->input_mapped || doc->text == NULL || doc->text < doc->input ||
	    doc->text >= doc->input + doc->input_cap)
		return upto;
	size_t at = (size_t)(doc->text - doc->input);
	size_t end = upto >= doc->text_len ? doc->input_cap : at + upto;
	size_t to = give_back_input(doc, at + from, end);
	return to - at < upto ? to - at : upto;
}

/*
 * Where the text ends (the first ^Z from start, or len) and whether a
 * byte over 0x7F comes before it: a pass over every byte, made a few MiB
 * at a time, each given back once looked at when the input is mapped, so
 * that a big file is never held whole.
 */
#define LOOK_STEP ((size_t)1 << 20)

static size_t
text_end_in(mif_doc *doc, const char *data, size_t start, size_t len,
    bool *high)
{
	size_t given = start;

	*high = false;
	for (size_t at = start; at < len;) {
		size_t n = len - at < LOOK_STEP ? len - at : LOOK_STEP;
		const char *z = memchr(data + at, 0x1A, n);
		if (z != NULL)
			n = (size_t)(z - (data + at));
		*high = *high || mif_has_high_byte(data + at, n);
		at += n;
		if (z != NULL)
			return at;
		given = give_back_input(doc, given, at);
	}
	return len;
}

/* The pass over the second half of a big input, in a thread of its own
 * (the pages it gives back are its own). */
typedef struct look_half {
	mif_doc *doc;
	const char *data;
	size_t start, len, end;
	bool high;
} look_half;

static void *
look_half_main(void *arg)
{
	look_half *h = arg;

	h->end = text_end_in(h->doc, h->data, h->start, h->len, &h->high);
	return NULL;
}

/* Inputs from this size are looked at in two halves, one per core, when
 * more than one thread may read them, or by the scanner's feed when the
 * caller may parse again (doc->look_deferred). */
#define LOOK_SPLIT_MIN ((size_t)4 << 20)
#define LOOK_DEFER_MIN LOOK_SPLIT_MIN

static size_t
text_end(mif_doc *doc, const char *data, size_t start, size_t len,
    bool one_thread, bool *high)
{
	look_half second = { doc, data, start + (len - start) / 2, len, len,
	    false };
	pthread_t thread;

	if (one_thread || len - start < LOOK_SPLIT_MIN ||
	    pthread_create(&thread, NULL, look_half_main, &second) != 0)
		return text_end_in(doc, data, start, len, high);
	size_t end = text_end_in(doc, data, start, second.start, high);
	pthread_join(thread, NULL);
	/* the first ^Z ends the text: what lies after it counts for nothing */
	if (end < second.start)
		return end;
	*high = *high || second.high;
	return second.end;
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

bool
mif_source_look_at(mif_doc *doc, const char *bytes, size_t len)
{
	if (memchr(bytes, 0x1A, len) != NULL || mif_has_high_byte(bytes, len))
		doc->look_failed = true;
	return doc->look_failed;
}

bool
mif_source_look_rest(mif_doc *doc, size_t from)
{
	size_t len = doc->bom_len + doc->text_len;
	bool high = false;

	from += doc->bom_len;
	if (!doc->look_failed && from < len &&
	    (text_end_in(doc, doc->input, from, len, &high) < len || high))
		doc->look_failed = true;
	return doc->look_failed;
}

/* ISO 8859-1 or UTF-8, after any mark and up to the first ^Z. */
static bool
load_bytes(mif_doc *doc, char *data, size_t len, bool doubt_latin1,
    bool one_thread, mif_error *err)
{
	const unsigned char *u = (const unsigned char *)data;
	size_t start = doc->bom_len;
	bool high;

	/* Text that is all ASCII with no ^Z, as a big file's text mostly
	 * is, is scanned in place whatever its encoding: the look can wait
	 * for the feed, which has each chunk in the cache already (a pass of
	 * its own read the file from memory once more).  Otherwise the
	 * parse is made again, after the look. */
	if (doc->look_deferred) {
		doc->text = data + start;
		doc->text_len = len - start;
		return true;
	}
	size_t n = text_end(doc, data, start, len, one_thread, &high) - start;

	doc->eof_mark = start + n < len;
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
	bool utf16 = doc->encoding == MIF_ENC_UTF16LE ||
	    doc->encoding == MIF_ENC_UTF16BE;
	doc->look_deferred = doc->look_deferred && !utf16 &&
	    len - doc->bom_len >= LOOK_DEFER_MIN;
	bool ok = utf16 ? load_utf16(doc, u, len, err)
	    : load_bytes(doc, data, len, !given && doc->bom_len == 0,
	    opts != NULL && opts->threads == 1, err);
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

bool
mif_text_utf8(char **data, size_t *len, const char *name, mif_error *err)
{
	const unsigned char *u = (const unsigned char *)*data;
	mif_encoding encoding;
	size_t start = mark_of(u, *len, &encoding), bad = SIZE_MAX, n = 0;

	if (encoding == MIF_ENC_UTF8) {
		*len -= start;
		memmove(*data, *data + start, *len);
	}
	if (encoding != MIF_ENC_UTF16LE && encoding != MIF_ENC_UTF16BE)
		return true;
	char *text = utf16_to_utf8(u + start, *len - start,
	    encoding == MIF_ENC_UTF16BE, &n, NULL, &bad);
	if (text == NULL) {
		mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
		return false;
	}
	if (bad != SIZE_MAX) {
		mif_error_set(err, MIF_E_ENCODING, name,
		    "invalid %s at byte %zu", mif_encoding_name(encoding),
		    bad + start);
		place_encoding_error(err, text, n, bad + start);
		free(text);
		return false;
	}
	free(*data);
	*data = text;
	*len = n;
	return true;
}

/* The bytes of in, after the `n` of head already read, copied to out. */
static bool
copy_rest(FILE *in, const unsigned char *head, size_t n, FILE *out)
{
	char buf[65536];
	size_t got;

	if (fwrite(head, 1, n, out) != n)
		return false;
	while ((got = fread(buf, 1, sizeof buf, in)) > 0)
		if (fwrite(buf, 1, got, out) != got)
			return false;
	return !ferror(in);
}

/* UTF-16 from in (its mark read) to UTF-8 in out, a chunk at a time; a
 * high surrogate at the end of a chunk waits for the next. */
static bool
utf16_stream(FILE *in, bool big, FILE *out, const char *name, mif_error *err)
{
	enum { CHUNK = 65536 };
	unsigned char *buf = malloc(CHUNK + 2);
	size_t carry = 0, offset = 2; /* of buf[0] in the file */
	unsigned line = 1, column = 1;
	bool ok = buf != NULL;

	if (!ok)
		mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
	while (ok) {
		size_t got = fread(buf + carry, 1, CHUNK, in), n = carry + got;
		bool end = got == 0;
		if (end && ferror(in)) {
			mif_error_set(err, MIF_E_IO, name, "read error");
			ok = false;
			break;
		}
		size_t take = end ? n : n & ~(size_t)1;
		if (!end && take >= 2) {
			uint32_t last = unit_at(buf + take - 2, big);
			if (last >= 0xD800 && last <= 0xDBFF)
				take -= 2;
		}
		size_t outlen, bad;
		char *text = utf16_to_utf8(buf, take, big, &outlen, NULL, &bad);
		if (text == NULL) {
			mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
			ok = false;
			break;
		}
		advance_place(text, outlen, &line, &column);
		ok = fwrite(text, 1, outlen, out) == outlen;
		free(text);
		if (!ok) {
			mif_error_set(err, MIF_E_IO, name, "cannot write a "
			    "temporary file");
			break;
		}
		if (bad != SIZE_MAX) {
			mif_error_set(err, MIF_E_ENCODING, name,
			    "invalid %s at byte %zu", big ? "UTF-16BE"
			    : "UTF-16LE", offset + bad);
			err->mark = (mif_mark){ line, column, offset + bad };
			ok = false;
			break;
		}
		if (end)
			break;
		carry = n - take;
		memmove(buf, buf + take, carry);
		offset += take;
	}
	free(buf);
	return ok;
}

bool
mif_text_utf8_stream(FILE *in, FILE **out, const char *name,
    mif_error *err)
{
	unsigned char head[3];
	size_t n = 0;
	int c;

	*out = in;
	/* read no further than a mark could go, so that in stays as it is
	 * for whatever is no mark */
	while (n < 3 && (c = getc(in)) != EOF) {
		head[n++] = (unsigned char)c;
		if (n == 1 && c != 0xEF && c != 0xFF && c != 0xFE) {
			ungetc(c, in);
			return true;
		}
		if (n == 2 && head[0] != 0xEF)
			break;
	}
	if (n == 0)
		return true;
	if (n == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF)
		return true;
	FILE *tmp = tmpfile();
	if (tmp == NULL) {
		mif_error_set(err, MIF_E_IO, name, "cannot make a temporary file");
		return false;
	}
	bool utf16 = n == 2 && ((head[0] == 0xFF && head[1] == 0xFE) ||
	    (head[0] == 0xFE && head[1] == 0xFF));
	bool ok;
	if (utf16) {
		ok = utf16_stream(in, head[0] == 0xFE, tmp, name, err);
	} else {
		ok = copy_rest(in, head, n, tmp);
		if (!ok)
			mif_error_set(err, MIF_E_IO, name, "read error");
	}
	if (!ok || fflush(tmp) != 0 || fseek(tmp, 0, SEEK_SET) != 0) {
		if (ok)
			mif_error_set(err, MIF_E_IO, name,
			    "cannot write a temporary file");
		fclose(tmp);
		return false;
	}
	*out = tmp;
	return true;
}
