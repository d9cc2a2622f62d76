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
	if (!mif_value_json_print(v, out) && !ferror(out)) {
		fputs("out of memory\n", stderr);
		exit(2);
	}
}
