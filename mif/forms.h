/*
 * libmif, the other forms of a document: MIF as XML and JSON, both ways.
 * Part of the public API: "mif.h" gathers every layer.
 */
#ifndef MIF_FORMS_H
#define MIF_FORMS_H

#include "mif/lang.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ */
/* XML and JSON                                                        */

/*
 * Write the tree as XML (mif-xml(5), valid against the schema below) or
 * as JSON (mif-json(5)), in UTF-8: every statement, block, enum item,
 * row and comment in file order, integer radixes, the type synonyms as
 * written, and the document's encoding, line ends and ^Z mark, so that
 * reading the output back gives the same tree (mif_doc_same).  *out
 * receives a malloc'd, NUL-terminated buffer the caller frees, *len its
 * length.  Returns 0, or -1 with *err set: no memory, no component, a
 * string that is not valid UTF-8.
 */
int mif_write_xml(const mif_doc *doc, char **out, size_t *len,
    mif_error *err);
int mif_write_json(const mif_doc *doc, char **out, size_t *len,
    mif_error *err);
/*
 * The same through put (see mif_write_to()), in bounded memory: the
 * text goes to put as it is made.  A failure found on the way (a
 * string that is not valid UTF-8) leaves what came before it given to
 * put.
 */
int mif_write_xml_to(const mif_doc *doc, mif_put_fn *put, void *ctx,
    mif_error *err);
int mif_write_json_to(const mif_doc *doc, mif_put_fn *put, void *ctx,
    mif_error *err);

/*
 * Read a document from XML, validated against the schema built into the
 * library, or from JSON.  As with mif_parse_buffer(), the document holds
 * every diagnostic, with the line and column in the XML or JSON text
 * where one is known (JSON shape errors also name their value by a path
 * such as ".groups[0].id"), and the tree as far as it could be built;
 * NULL only when the input could not be taken at all (no memory, too
 * large), and then *err says why.  When the document has errors, *err is a copy of
 * the first.  The caller owns the document and frees it with
 * mif_doc_free().  opts may be NULL.
 *
 * A tree read from XML has places on the lines of the XML text; one read
 * from JSON has none (they are those of a built document, even when the
 * document keeps the JSON text to quote it in its diagnostics).
 */
mif_doc *mif_parse_xml(const void *data, size_t len,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;
mif_doc *mif_parse_json(const void *data, size_t len,
    const mif_parse_options *opts, mif_error *err) MIF_MUST_USE;
/*
 * mif_parse_xml() of what fp holds, read to its end; the document keeps
 * what it read as its text rather than a copy.  NULL also when it
 * cannot be read (MIF_E_IO).
 */
mif_doc *mif_parse_xml_stream(FILE *fp, const mif_parse_options *opts,
    mif_error *err) MIF_MUST_USE;
/*
 * mif_parse_json() of what fp holds, read to its end, taken as UTF-8,
 * or UTF-16 after a byte-order mark (as mif_text_utf8() reads text).
 * NULL also when it cannot be read (MIF_E_IO) or its UTF-16 is invalid
 * (MIF_E_ENCODING).
 */
mif_doc *mif_parse_json_stream(FILE *fp, const mif_parse_options *opts,
    mif_error *err) MIF_MUST_USE;

/* The forms a document is read from. */
typedef enum mif_input_form {
	MIF_INPUT_MIF,
	MIF_INPUT_XML,
	MIF_INPUT_JSON,
} mif_input_form;

/*
 * The form of len bytes of input, from its first character that is not
 * blank (space, tab, CR, LF), after any byte-order mark (UTF-8 or
 * UTF-16; in UTF-16 the low byte of each code unit): '<' is XML, '{' or
 * '[' JSON, anything else MIF.  UTF-16 without a mark shows by a zero
 * byte in its first code unit, as XML parsers detect it.
 */
mif_input_form mif_detect_form(const void *data, size_t len);

/* The XML Schema (schema/mif.xsd) that mif_parse_xml() validates
 * against, as NUL-terminated text owned by the library. */
const char *mif_xml_schema(void);

#ifdef __cplusplus
}
#endif
#endif /* MIF_FORMS_H */
