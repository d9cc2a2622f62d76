#include <stdarg.h>
#include <setjmp.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "diag_text.h"

const char *
diag_text(const mif_doc *doc, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = 0; i < mif_doc_diag_count(doc) && used < len; i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		used += (size_t)snprintf(buf + used, len - used, "%u:%u: %s: %s\n",
		    e->mark.line, e->mark.column, mif_severity_name(e->severity),
		    e->text);
	}
	return buf;
}

mif_doc *
parse_text(const char *text)
{
	mif_parse_options o = { .source_name = "t.mif" };
	mif_error err;
	mif_doc *doc = mif_parse_buffer(text, strlen(text), &o, &err);

	assert_non_null(doc);
	return doc;
}
