/*
 * The NOIDMIF rule on encodings: SMS reads a NOIDMIF only as ANSI text.
 * A file with a byte-order mark (UTF-8, UTF-16) is an error; UTF-8
 * without one shows by its bytes, which every non-ASCII character of it
 * turns into a valid sequence, and is a warning, for SMS reads it but
 * garbles those characters.
 */
#include "meaning/profile.h"

/*
 * Where the file shows UTF-8 that SMS would read as ANSI: its first
 * character over ASCII, when the file has no byte-order mark and was
 * read as UTF-8 (the input encoding given) or read as ISO 8859-1 but is
 * valid UTF-8 (mif_doc_encoding_doubt()); MIF_NOPOS otherwise.
 */
static uint32_t
utf8_without_bom(const mif_doc *doc)
{
	bool utf8 = (doc->unmarked && doc->encoding == MIF_ENC_UTF8) ||
	    mif_doc_encoding_doubt(doc) != NULL;

	return utf8 ? doc->first_high : MIF_NOPOS;
}

void
check_ansi_text(check_ctx *c)
{
	mif_encoding enc = mif_doc_encoding(c->doc);
	uint32_t at = utf8_without_bom(c->doc);

	if (at != MIF_NOPOS) {
		check_report_rule(c, MIF_RULE_ANSI_UTF8, MIF_WARNING, at, MIF_NOPOS,
		    "the file reads as UTF-8 without a byte-order mark; SMS "
		    "reads a NOIDMIF as ANSI text, so this character and those "
		    "like it would come out garbled");
		return;
	}
	if (enc == MIF_ENC_LATIN1 || enc > MIF_ENC_UTF16BE ||
	    (c->doc->unmarked && enc == MIF_ENC_UTF8))
		return;
	check_report_rule(c, MIF_RULE_ANSI_ONLY, MIF_ERROR, MIF_NOPOS, MIF_NOPOS,
	    "the file is %s (%s); SMS reads a NOIDMIF only as ANSI text",
	    mif_encoding_name(enc), c->doc->unmarked ? "as read, without a "
	    "byte-order mark" : "it starts with a byte-order mark");
}
