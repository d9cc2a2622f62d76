/* JSON strings for scripts: see jsonw.h. */
#include <stdlib.h>
#include <string.h>

#include "jsonw.h"
#include "mif.h"

void
json_string(FILE *out, const char *s, size_t len)
{
	mif_json_print(s, len, out);
}

void
json_cstring(FILE *out, const char *s)
{
	if (s == NULL)
		fputs("null", out);
	else
		mif_json_print(s, strlen(s), out);
}

void
json_value(FILE *out, const mif_value *v)
{
	switch (v->kind) {
	case MIF_V_ABSENT:
		fputs("null", out);
		return;
	case MIF_V_SIGNED:
	case MIF_V_UNSIGNED:
		mif_value_print(v, 0, out);
		return;
	case MIF_V_ENUM:
		if (v->str == NULL) { /* no symbol: the number */
			mif_value_print(v, 0, out);
			return;
		}
		break;
	default:
		break;
	}
	/* strings, octets, dates, symbols, UNKNOWN, UNSUPPORTED and
	 * overlays: their text, as mif_value_format() gives it raw */
	size_t n = mif_value_format(v, 0, NULL, 0);
	char small[256];
	char *buf = n < sizeof small ? small : malloc(n + 1);
	if (buf == NULL) {
		fputs("out of memory\n", stderr);
		exit(2);
	}
	mif_value_format(v, 0, buf, n + 1);
	json_string(out, buf, n);
	if (buf != small)
		free(buf);
}
