/* The document: its lifetime and accessors (its diagnostics and places: diag.c). */
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lang/internal.h"

const char *
mif_version(void)
{
	return MIF_VERSION_STRING;
}

mif_doc *
mif_doc_new(const char *source_name)
{
	mif_doc *doc = calloc(1, sizeof *doc);

	if (doc == NULL)
		return NULL;
	mif_arena_init(&doc->arena);
	doc->max_errors = MIF_MAX_ERRORS_DEFAULT;
	doc->first_high = MIF_NOPOS;
	doc->doubt = SIZE_MAX;
	doc->source_name = strdup(source_name != NULL ? source_name : "<stdin>");
	if (doc->source_name == NULL) {
		free(doc);
		return NULL;
	}
	return doc;
}

mif_doc *
mif_doc_view_new(const mif_doc *doc)
{
	mif_doc *view = mif_doc_new(doc->source_name);

	if (view == NULL)
		return NULL;
	view->text = doc->text;
	view->text_len = doc->text_len;
	view->encoding = doc->encoding;
	view->transcoded = doc->transcoded;
	view->look_deferred = doc->look_deferred;
	view->bom_len = doc->bom_len;
	view->max_errors = doc->max_errors;
	/* the mapped input seen through, so that a part gives back the
	 * pages it has read as the whole does (never unmapped by it) */
	view->input = doc->input;
	view->input_cap = doc->input_cap;
	view->input_mapped = doc->input_mapped;
	return view;
}

void
mif_doc_view_free(mif_doc *view)
{
	if (view == NULL)
		return;
	view->text = NULL; /* the document's, as is its input */
	view->input = NULL;
	view->input_mapped = false;
	mif_doc_free(view);
}

void
mif_doc_free(mif_doc *doc)
{
	if (doc == NULL)
		return;
	mif_arena_release(&doc->arena);
	free(doc->strings.slots);
	free(doc->strings.strings);
	mif_source_release(doc);
	free(doc->source_name);
	free(doc->comments);
	free(doc->diags);
	free(doc->diag_pos);
	free(doc->damaged);
	mif_lines_free(&doc->lines_grown);
	mif_lines *full = atomic_load(&doc->lines_full);
	mif_lines_free(full);
	free(full);
	free(doc);
}

const mif_block *mif_doc_component(const mif_doc *doc) { return doc->component; }
mif_encoding mif_doc_encoding(const mif_doc *doc) { return doc->encoding; }
mif_newline mif_doc_newline(const mif_doc *doc) { return doc->newline; }

const mif_error *
mif_doc_encoding_doubt(const mif_doc *doc)
{
	return doc->doubt < doc->ndiags ? &doc->diags[doc->doubt] : NULL;
}

bool mif_doc_eof_mark(const mif_doc *doc) { return doc->eof_mark; }
const char *mif_doc_source_name(const mif_doc *doc) { return doc->source_name; }
size_t mif_doc_input_size(const mif_doc *doc) { return doc->input_size; }
size_t mif_doc_diag_count(const mif_doc *doc) { return doc->ndiags; }
size_t mif_doc_error_count(const mif_doc *doc) { return doc->nerrors; }

const mif_comment *
mif_doc_comments(const mif_doc *doc, size_t *count)
{
	*count = doc->ncomments;
	return doc->comments;
}

const mif_error *
mif_doc_diag(const mif_doc *doc, size_t index)
{
	return index < doc->ndiags ? &doc->diags[index] : NULL;
}

const char *
mif_severity_name(mif_severity severity)
{
	static const char *const names[] = { "note", "warning", "error", "fatal" };

	return (unsigned)severity < 4 ? names[severity] : "error";
}
