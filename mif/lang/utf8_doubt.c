/*
 * A file without a byte-order mark is ISO 8859-1, but one written by a
 * tool that thinks in UTF-8 often is UTF-8: its "ü" then reads as "Ã¼".
 * ISO 8859-1 text is rarely valid UTF-8 (an accented letter alone is
 * not), so a file that is valid UTF-8 gets a warning that shows one of
 * its words read both ways.
 */
#include <stdio.h>
#include <string.h>

#include "lang/internal.h"

static bool
word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') ||
	    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

void
mif_utf8_doubt_find(mif_utf8_doubt *d, const unsigned char *u, size_t len)
{
	const unsigned char *high = u;

	while (high < u + len && *high < 0x80)
		high++;
	d->at = high < u + len ? (size_t)(high - u) : SIZE_MAX;
	d->word_len = 0;
	if (d->at == SIZE_MAX)
		return;
	/* a few letters before it, then whole characters after it */
	size_t from = d->at, to = d->at;
	while (from > 0 && d->at - from < 8 && word_byte(u[from - 1]))
		from--;
	while (to < len && word_byte(u[to])) {
		uint32_t cp;
		size_t n = mif_utf8_get(u + to, len - to, &cp);
		if (n == 0 || to + n - from > sizeof d->word)
			break;
		to += n;
	}
	d->word_len = to - from;
	memcpy(d->word, u + from, d->word_len);
}

/* The word as ISO 8859-1 reads it, in UTF-8; a C1 control as \xNN. */
static void
as_latin1(const mif_utf8_doubt *d, char *out, size_t size)
{
	size_t n = 0;

	for (size_t i = 0; i < d->word_len && n + 5 <= size; i++) {
		unsigned char c = (unsigned char)d->word[i];
		if (c >= 0x80 && c < 0xA0)
			n += (size_t)snprintf(out + n, size - n, "\\x%02X", c);
		else
			n += mif_utf8_put(out + n, c);
	}
	out[n] = '\0';
}

void
mif_utf8_doubt_note(mif_doc *doc, const mif_utf8_doubt *d, bool warn)
{
	char misread[sizeof d->word * 4 + 1];

	if (d->at > MIF_MAX_INPUT)
		return;
	doc->first_high = (uint32_t)d->at;
	if (!warn)
		return;
	as_latin1(d, misread, sizeof misread);
	size_t before = doc->ndiags;
	mif_diag_rule(doc, MIF_RULE_ENCODING_DOUBT, MIF_WARNING, doc->first_high, MIF_NOPOS,
	    "no byte-order mark, so read as ISO 8859-1, but the file is valid "
	    "UTF-8 (\"%.*s\" is read as \"%s\"); say --input-encoding utf-8 if "
	    "it is UTF-8", (int)d->word_len, d->word, misread);
	if (doc->ndiags > before)
		doc->doubt = before;
}
