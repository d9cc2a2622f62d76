/* Text for the validator's messages: quoted names, numbers, types. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "meaning/check.h"

/* The escaped form of the character starting at s[i] into piece, by the
 * rule of text output with a double quote escaped too; a whole UTF-8
 * sequence at once, so that a cut never splits one.  Returns how many
 * bytes of s it took. */
static size_t
escape_one(const mif_string *s, size_t i, char piece[MIF_ESCAPE_MAX],
    size_t *plen)
{
	size_t n = mif_escape_char(s->bytes + i, s->len - i, MIF_ESCAPE_QUOTE,
	    piece);

	if (piece[0] != '\0') {
		*plen = strlen(piece);
	} else {
		memcpy(piece, s->bytes + i, n);
		*plen = n;
	}
	return n;
}

const char *
check_quote(char *buf, size_t size, const mif_string *s)
{
	char piece[MIF_ESCAPE_MAX];
	size_t plen, total = 0;

	for (size_t i = 0; i < s->len;) {
		i += escape_one(s, i, piece, &plen);
		total += plen;
	}
	bool cut = total + 3 > size; /* quotes and NUL */
	size_t room = cut ? size - 6 : total; /* `..."` and NUL */
	size_t o = 0;
	buf[o++] = '"';
	for (size_t i = 0; i < s->len;) {
		size_t took = escape_one(s, i, piece, &plen);
		if (o - 1 + plen > room)
			break;
		memcpy(buf + o, piece, plen);
		o += plen;
		i += took;
	}
	if (cut) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

const char *
check_block_name(const check_ctx *c, char *buf, size_t size,
    const mif_block *block)
{
	const mif_string *name = mif_block_string(block, MIF_KW_NAME);

	if (name != NULL)
		return check_quote(buf, size, name);
	snprintf(buf, size, "at line %u", check_line(c, block->pos));
	return buf;
}

const char *
check_number_text(char *buf, size_t size, uint64_t mag, uint8_t flags)
{
	const char *sign = (flags & MIF_NEGATIVE) ? "-" : "";

	switch (flags & MIF_RADIX_MASK) {
	case MIF_RADIX_HEX:
		snprintf(buf, size, "%s0x%" PRIX64, sign, mag);
		break;
	case MIF_RADIX_OCT:
		snprintf(buf, size, "%s0%" PRIo64, sign, mag);
		break;
	default:
		snprintf(buf, size, "%s%" PRIu64, sign, mag);
		break;
	}
	return buf;
}

const char *
check_type_text(char *buf, size_t size, mif_type_kind kind,
    uint64_t string_size)
{
	if (check_is_string_type(kind) && string_size != 0)
		snprintf(buf, size, "%s(%" PRIu64 ")", mif_type_name(kind),
		    string_size);
	else
		snprintf(buf, size, "%s", mif_type_name(kind));
	return buf;
}

size_t
check_char_count(const mif_string *s)
{
	size_t n = 0;

	for (uint32_t i = 0; i < s->len; i++)
		n += ((unsigned char)s->bytes[i] & 0xC0) != 0x80;
	return n;
}
