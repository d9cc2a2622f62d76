/*
 * The NOIDMIF rule on encodings: SMS reads a NOIDMIF only as ANSI text.
 * A file with a byte-order mark (UTF-8, UTF-16) is an error; UTF-8
 * without one shows by its bytes, which every non-ASCII character of it
 * turns into a valid sequence, and is a warning, for SMS reads it but
 * garbles those characters.
 */
#include <stdint.h>

#include "profile.h"

/* The length of the UTF-8 sequence that byte b leads; 0 for a byte that
 * leads none (ASCII, a continuation byte, an overlong or too high lead). */
static unsigned
utf8_lead_length(unsigned b)
{
	return b >= 0xC2 && b <= 0xDF ? 2 : b >= 0xE0 && b <= 0xEF ? 3
	    : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
}

/* Whether b may follow the lead byte `lead` as its first continuation:
 * not overlong, no surrogate, not beyond U+10FFFF. */
static bool
utf8_second_fits(unsigned lead, unsigned b)
{
	unsigned lo = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
	unsigned hi = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;

	return b >= lo && b <= hi;
}

/*
 * Where a file read as ISO 8859-1 shows that it is UTF-8 text without a
 * byte-order mark: the offset in the text of its first non-ASCII
 * character, when every non-ASCII byte of the file belongs to a valid
 * UTF-8 sequence; SIZE_MAX otherwise.  Text in ISO 8859-1 rarely reads
 * so, for a letter like e-acute stands alone and a lone high byte is no
 * UTF-8.  The scanner's text holds each byte of such a file as one
 * character (U+0000 to U+00FF), so the bytes are its code points.
 */
static size_t
utf8_without_bom(const mif_doc *doc)
{
	const unsigned char *t = (const unsigned char *)doc->text;
	size_t first = SIZE_MAX;
	unsigned lead = 0, need = 0, seen = 0;

	if (doc->encoding != MIF_ENC_LATIN1 || !doc->transcoded)
		return SIZE_MAX;
	for (size_t i = 0; i < doc->text_len;) {
		uint32_t b;
		size_t n = mif_utf8_get(t + i, doc->text_len - i, &b);
		if (n == 0 || b > 0xFF)
			return SIZE_MAX;
		if (b >= 0x80 && first == SIZE_MAX)
			first = i;
		i += n;
		if (need == 0) {
			if (b < 0x80)
				continue;
			if ((need = utf8_lead_length(b)) == 0)
				return SIZE_MAX;
			lead = b;
			seen = 1;
			need--;
			continue;
		}
		if (b < 0x80 || b > 0xBF ||
		    (seen == 1 && !utf8_second_fits(lead, b)))
			return SIZE_MAX;
		seen++;
		need--;
	}
	return need == 0 ? first : SIZE_MAX;
}

void
check_ansi_text(check_ctx *c)
{
	static const char *const names[] = {
		[MIF_ENC_UTF8] = "UTF-8",
		[MIF_ENC_UTF16LE] = "UTF-16LE",
		[MIF_ENC_UTF16BE] = "UTF-16BE",
	};
	mif_encoding enc = mif_doc_encoding(c->doc);

	if (enc == MIF_ENC_LATIN1) {
		size_t at = utf8_without_bom(c->doc);
		if (at != SIZE_MAX)
			check_report(c, MIF_E_PROFILE, MIF_WARNING, (uint32_t)at,
			    MIF_NOPOS, "the file reads as UTF-8 without a "
			    "byte-order mark; SMS reads a NOIDMIF as ANSI text, "
			    "so this character and those like it would come out "
			    "garbled");
		return;
	}
	if (enc >= sizeof names / sizeof names[0])
		return;
	check_report(c, MIF_E_PROFILE, MIF_ERROR, MIF_NOPOS, MIF_NOPOS,
	    "the file is %s (it starts with a byte-order mark); SMS reads a "
	    "NOIDMIF only as ANSI text", names[enc]);
}
