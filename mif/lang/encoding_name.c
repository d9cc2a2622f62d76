/*
 * Encodings by name, as people and other tools spell them: "UTF-8",
 * "utf8", "ISO-8859-1", "latin-1", "l1", "UTF16LE" ...
 */
#include <string.h>

#include "lang/internal.h"

/* Each encoding's spellings, reduced to lowercase letters and digits. */
static const struct {
	const char *key;
	mif_encoding encoding;
} spellings[] = {
	{ "latin1", MIF_ENC_LATIN1 },
	{ "l1", MIF_ENC_LATIN1 },
	{ "iso88591", MIF_ENC_LATIN1 },
	{ "isolatin1", MIF_ENC_LATIN1 },
	{ "utf8", MIF_ENC_UTF8 },
	{ "utf16le", MIF_ENC_UTF16LE },
	{ "utf16be", MIF_ENC_UTF16BE },
};

bool
mif_encoding_parse(const char *name, mif_encoding *encoding)
{
	char key[16];
	size_t n = 0;

	/* case, '-', '_', ' ' and the like do not matter (ASCII alone:
	 * no locale) */
	for (const char *p = name; *p != '\0'; p++) {
		char c = *p >= 'A' && *p <= 'Z' ? (char)(*p - 'A' + 'a') : *p;
		if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9'))
			continue;
		if (n == sizeof key - 1)
			return false;
		key[n++] = c;
	}
	key[n] = '\0';
	for (size_t i = 0; i < sizeof spellings / sizeof spellings[0]; i++) {
		if (strcmp(key, spellings[i].key) == 0) {
			*encoding = spellings[i].encoding;
			return true;
		}
	}
	return false;
}

const char *
mif_encoding_name(mif_encoding encoding)
{
	switch (encoding) {
	case MIF_ENC_LATIN1:
		return "ISO 8859-1";
	case MIF_ENC_UTF8:
		return "UTF-8";
	case MIF_ENC_UTF16LE:
		return "UTF-16LE";
	case MIF_ENC_UTF16BE:
		return "UTF-16BE";
	default:
		return "the source's encoding";
	}
}
