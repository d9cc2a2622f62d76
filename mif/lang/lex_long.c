/*
 * Tokens read in pieces.  The scanner (grammar/mif.l) matches a string,
 * comment, word or number of more than a few dozen bytes a piece at a
 * time, so that each byte is looked at once; this keeps the token's
 * first MIF_MAX_TOKEN + 1 bytes, enough to cut it at the limit of
 * mif(5), and counts the rest, so that memory stays bounded too.
 */
#include <stdlib.h>
#include <string.h>

#include "lang/parse.h"

#define LONG_HELD (MIF_MAX_TOKEN + 1u)

void
mif_lex_long_begin(mif_parser *p, const char *text, size_t len,
    uint32_t pos, int sc)
{
	if (p->long_text == NULL) {
		p->long_text = malloc(LONG_HELD);
		if (p->long_text == NULL)
			mif_parse_abandon(p); /* reported as out of memory */
	}
	p->long_len = 0;
	p->long_pos = pos;
	p->long_return = sc;
	mif_lex_long_add(p, text, len);
}

void
mif_lex_long_add(mif_parser *p, const char *text, size_t len)
{
	if (p->long_len < LONG_HELD) {
		size_t room = LONG_HELD - p->long_len;
		memcpy(p->long_text + p->long_len, text, len < room ? len : room);
	}
	p->long_len += len;
}

const mif_string *
mif_lex_long_string(mif_parser *p, bool closed)
{
	if (!closed)
		mif_diag(p->doc, MIF_E_STRING, MIF_ERROR, p->long_pos, MIF_NOPOS,
		    "string not closed before the end of the line");
	return mif_lex_string(p, p->long_text, p->long_len, p->long_pos);
}

void
mif_lex_long_comment(mif_parser *p)
{
	mif_lex_comment(p, p->long_text, p->long_len, p->long_pos);
}

mif_number
mif_lex_long_number(mif_parser *p)
{
	if (p->long_len <= MIF_MAX_TOKEN)
		return mif_lex_number(p, p->long_text, p->long_len, p->long_pos);
	mif_diag(p->doc, MIF_E_TOKEN_LONG, MIF_ERROR, p->long_pos, MIF_NOPOS,
	    "number longer than %u bytes", MIF_MAX_TOKEN);
	return (mif_number){ 0, MIF_RADIX_DEC };
}

void
mif_lex_long_word(mif_parser *p)
{
	if (p->long_len <= MIF_MAX_TOKEN)
		mif_lex_unknown_word(p, p->long_text, p->long_len, p->long_pos);
	else
		mif_diag(p->doc, MIF_E_TOKEN_LONG, MIF_ERROR, p->long_pos,
		    MIF_NOPOS, "word longer than %u bytes", MIF_MAX_TOKEN);
}
