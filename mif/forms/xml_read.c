/*
 * The XML reader: XML text (mif-xml(5)) to a document.  libxml2 parses
 * it, the schema built into the library (schema/mif.xsd, compiled in as
 * build/gen/mif_xsd.h) validates it, and the elements are handed in
 * document order to the builder of convert.c, which applies the rules
 * XML Schema cannot state.  Every problem becomes a diagnostic of the
 * document, placed on its line of the XML text, which the document keeps
 * as its text so that messages can quote the line.
 *
 * No DTD is accepted, no entity is loaded and no network is used.
 * Every libxml2 object lives in one call; errors reach us through
 * handlers set on the parser and validation contexts, never through
 * libxml2's global handlers.
 */
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlschemas.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "forms/convert.h"
#include "mif_xsd.h"

const char *
mif_xml_schema(void)
{
	return mif_xsd_text;
}

struct xr {
	mif_doc *doc;
	xmlParserCtxtPtr parser; /* while parsing: stopped at the error cap */
	const xmlNode *ended;    /* the element just ended, if nothing began */
	mif_conv conv;
	uint32_t *lines;   /* offset in doc->text of each line's start */
	size_t nlines;
	char *buf;         /* scratch for text */
	size_t len, cap;
	bool nomem;
	/*
	 * How the XML is read.  A document read whole (READ_WHOLE) has the
	 * errors of libxml2 and the schema first, and only when there are
	 * none, the builder's.  Read as the parser goes (READ_STREAM), each
	 * child of <mif>, the component or a table is built when it ends,
	 * then freed, so that the tree of the XML is never held whole; the
	 * builder's errors are said as they come, which is their order read
	 * whole too.  An error of libxml2 or the schema stops it (the
	 * builder's errors are then not to be said), and the text is read
	 * again only to say those (READ_CHECK), freeing the tree as it goes
	 * too.  Both place an element without the elements before it: its
	 * nth, kept as the parser makes it, and its line, which libxml2
	 * keeps below 65535; past it, libxml2 guesses an element's line
	 * from the nodes around it, so a problem found there is said by
	 * reading the text whole, as it always was (inexact).
	 */
	enum { READ_STREAM, READ_CHECK, READ_WHOLE } mode;
	bool stream_failed;           /* to be read again, the next way */
	bool inexact;                 /* ... whole */
	int depth;                    /* of the element open */
	bool streamed[4];             /* whether each open level is */
	bool data_mapped;             /* the bytes parsed are a mapping */
	/* the elements begun on line nth_line so far, by name */
	long nth_line;
	struct nth_count { const xmlChar *name; uintptr_t n; } *nths;
	size_t nnths, nths_cap;
};

static bool
index_lines(struct xr *xr)
{
	const char *text = xr->doc->text;
	size_t len = xr->doc->text_len, n = 1, dropped = 0;
	const char *base = xr->doc->input;
	bool mapped = xr->doc->input_mapped;

	for (size_t i = 0; i < len; i++)
		n += text[i] == '\n';
	if (mapped)
		mif_conv_drop_pages(base, &dropped, (size_t)(text - base) + len, true);
	xr->lines = malloc(n * sizeof *xr->lines);
	if (xr->lines == NULL)
		return false;
	xr->lines[0] = 0;
	xr->nlines = 1;
	dropped = 0;
	for (size_t i = 0; i < len; i++) {
		if (text[i] == '\n')
			xr->lines[xr->nlines++] = (uint32_t)(i + 1);
		if (mapped && (i & 0xFFFFF) == 0)
			mif_conv_drop_pages(base, &dropped, (size_t)(text - base) + i, false);
	}
	if (mapped)
		mif_conv_drop_pages(base, &dropped, (size_t)(text - base) + len, true);
	return true;
}

static uint32_t
line_start(const struct xr *xr, long line)
{
	if (line <= 0)
		return 0;
	if ((size_t)line > xr->nlines)
		return (uint32_t)xr->doc->text_len;
	return xr->lines[line - 1];
}

/* The offset of the character `column` (from 1) of a line. */
static uint32_t
column_pos(const struct xr *xr, long line, long column)
{
	const char *text = xr->doc->text;
	size_t end = xr->doc->text_len;
	size_t i = line_start(xr, line);

	for (long c = 1; c < column && i < end && text[i] != '\n'; c++) {
		i++;
		while (i < end && ((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
	}
	return (uint32_t)i;
}

static void stream_fails(struct xr *xr);

/*
 * Each element notes where it begins as the parser makes it (note_nth()):
 * how many elements of its name began before it on its line, and, where
 * a pointer holds 64 bits, its line, which libxml2 keeps only up to 65535
 * (past it, its guess from the nodes around may name another line).
 */
#define EXACT_LINES (UINTPTR_MAX > 0xFFFFFFFFu)

static bool
noted_line(const xmlNode *node, long *line)
{
#if EXACT_LINES
	uintptr_t v = (uintptr_t)node->_private;
	if (v != 0) {
		*line = (long)(v >> 32);
		return true;
	}
#else
	(void)node;
	(void)line;
#endif
	return false;
}

static size_t
noted_nth(const xmlNode *node)
{
	return (size_t)(((uintptr_t)node->_private & 0xFFFFFFFFu) - 1);
}

/* A node's line; streaming, false (read again whole) when it is past
 * what libxml2 keeps and was not noted, which libxml2 then guesses from
 * the nodes around it, freed by then. */
static bool
line_of(struct xr *xr, const xmlNode *node, long *line)
{
	if (noted_line(node, line))
		return true;
	if (xr->mode != READ_WHOLE && node->line == USHRT_MAX) {
		xr->inexact = true;
		stream_fails(xr);
		return false;
	}
	*line = xmlGetLineNo(node);
	return true;
}

/* The node before this one in document order (its start tag's). */
static const xmlNode *
before(const xmlNode *node)
{
	if (node->prev == NULL)
		return node->parent != NULL &&
		    node->parent->type == XML_ELEMENT_NODE ? node->parent : NULL;
	node = node->prev;
	while (node->type == XML_ELEMENT_NODE && node->last != NULL)
		node = node->last;
	return node;
}

/*
 * Where an element starts: its "<name" on its line (the nth one, when
 * elements of that name came before it on the line), or the line.
 */
static uint32_t
node_pos(struct xr *xr, const xmlNode *node)
{
	long line = 0;

	if (node != NULL && !line_of(xr, node, &line))
		return MIF_NOPOS;
	uint32_t start = line_start(xr, line);
	if (node == NULL || node->type != XML_ELEMENT_NODE)
		return start;
	size_t nth = 0;
	if (node->_private != NULL)
		nth = noted_nth(node);
	else for (const xmlNode *p = before(node); p != NULL; p = before(p)) {
		if (p->type != XML_ELEMENT_NODE)
			continue;
		if (xmlGetLineNo(p) != line)
			break;
		nth += strcmp((const char *)p->name, (const char *)node->name) == 0;
	}
	const char *text = xr->doc->text;
	size_t end = xr->doc->text_len, nlen = strlen((const char *)node->name);
	for (size_t i = start; i < end && text[i] != '\n'; i++) {
		if (text[i] != '<' || end - i - 1 <= nlen ||
		    memcmp(text + i + 1, node->name, nlen) != 0 ||
		    strchr(" \t\r\n/>", text[i + 1 + nlen]) == NULL)
			continue;
		if (nth-- == 0)
			return (uint32_t)i;
	}
	return start;
}

/* Whether to go on: memory left, and the error cap not reached (each
 * error looks for its element along its line). */
static bool
reading(const struct xr *xr)
{
	return !xr->nomem && !xr->doc->stopped && !xr->stream_failed;
}

/* Where the builder may place what this element gives.  Past line
 * 65535 that is libxml2's guess from the nodes around, as it always was
 * for a document read streaming; once the document has problems, whose
 * places must be those of a whole read, it is read whole (line_of()). */
static uint32_t
at(struct xr *xr, const xmlNode *node)
{
	long line;

	if (noted_line(node, &line))
		return line_start(xr, line);
	if (xr->doc->ndiags == 0)
		return line_start(xr, xmlGetLineNo(node));
	return line_of(xr, node, &line) ? line_start(xr, line) : MIF_NOPOS;
}

/* A problem of libxml2's while streaming: read again, to say it. */
static void
stream_fails(struct xr *xr)
{
	xr->stream_failed = true;
	if (xr->parser != NULL)
		xmlStopParser(xr->parser);
}

static void MIF_PRINTF(4, 5)
report(struct xr *xr, uint32_t pos, mif_code code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	mif_vdiag(xr->doc, code, MIF_ERROR, pos, MIF_NOPOS, fmt, ap);
	va_end(ap);
}

/* A refusal of the builder, at the element that caused it. */
static void
refused(struct xr *xr, const xmlNode *node)
{
	if (xr->conv.nomem) {
		xr->nomem = true;
		return;
	}
	report(xr, node_pos(xr, node), MIF_E_STATEMENT, "<%s>: %s",
	    (const char *)node->name, xr->conv.why);
}

/* libxml2's errors: not well-formed (with a column), or not valid. */
static void
on_xml_error(struct xr *xr, const xmlError *e, mif_code code)
{
	char text[200];
	size_t n;

	if (e == NULL || e->level == XML_ERR_NONE)
		return;
	if (xr->mode == READ_STREAM) {
		stream_fails(xr);
		return;
	}
	snprintf(text, sizeof text, "%s",
	    e->message != NULL ? e->message : "invalid XML");
	n = strlen(text);
	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
		text[--n] = '\0';
	uint32_t pos;
	/* The validator reads as the parser does: its element is the
	 * parser's, built before it is validated and ended after. */
	const xmlNode *node = e->node;
	if (node == NULL && e->domain != XML_FROM_PARSER && xr->parser != NULL)
		node = xr->ended != NULL ? xr->ended : xr->parser->node;
	if (node != NULL && e->domain != XML_FROM_PARSER)
		pos = node_pos(xr, node);
	else if (e->line > 0)
		pos = column_pos(xr, e->line, e->int2 > 0 ? e->int2 : 1);
	else
		pos = MIF_NOPOS;
	if (!mif_diag(xr->doc, code, e->level == XML_ERR_WARNING ? MIF_WARNING
	    : MIF_ERROR, pos, MIF_NOPOS, "%s", text) && xr->parser != NULL)
		xmlStopParser(xr->parser); /* past the cap: read no further */
}

/* The parser's own errors carry it in e->ctxt (its user data is the
 * schema validator's, which validates as the parser reads). */
static void
on_parse_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	if (e == NULL || e->ctxt == NULL)
		return;
	xmlParserCtxtPtr ctxt = e->ctxt;
	on_xml_error(ctxt->_private, e, MIF_E_SYNTAX);
}

static void
on_schema_error(void *ctx, xmlErrorPtr e)
{
	on_xml_error(ctx, e, MIF_E_STATEMENT);
}

static void
ignore_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* ---- text ------------------------------------------------------------- */

static bool
named(const xmlNode *node, const char *name)
{
	return node->type == XML_ELEMENT_NODE &&
	    strcmp((const char *)node->name, name) == 0;
}

static void
put(struct xr *xr, const void *bytes, size_t n)
{
	if (n > xr->cap - xr->len) {
		size_t cap = xr->cap != 0 ? xr->cap : 256;
		while (n > cap - xr->len && cap < SIZE_MAX / 2)
			cap *= 2;
		char *p = cap >= xr->len + n ? realloc(xr->buf, cap) : NULL;
		if (p == NULL) {
			xr->nomem = true;
			return;
		}
		xr->buf = p;
		xr->cap = cap;
	}
	memcpy(xr->buf + xr->len, bytes, n);
	xr->len += n;
}

/* An attribute's value with blanks around it taken off, in buf; false
 * when the element has no such attribute. */
static bool
prop(const xmlNode *node, const char *name, char *buf, size_t size)
{
	xmlChar *v = xmlGetNoNsProp(node, BAD_CAST name);

	if (v == NULL)
		return false;
	const char *s = (const char *)v;
	while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
		s++;
	snprintf(buf, size, "%s", s);
	size_t n = strlen(buf);
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t' ||
	    buf[n - 1] == '\n' || buf[n - 1] == '\r'))
		buf[--n] = '\0';
	xmlFree(v);
	return true;
}

/* xs:boolean */
static bool
boolean(const char *s, bool *out)
{
	if (strcmp(s, "true") == 0 || strcmp(s, "1") == 0)
		*out = true;
	else if (strcmp(s, "false") == 0 || strcmp(s, "0") == 0)
		*out = false;
	else
		return false;
	return true;
}

/*
 * The text of a string element into xr->buf (xr->len bytes): its text
 * and the characters of its <char code="N"/> elements.  False, reported,
 * when it holds anything else.
 */
static bool
gather(struct xr *xr, const xmlNode *node)
{
	xr->len = 0;
	for (const xmlNode *c = node->children; c != NULL; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content != NULL)
				put(xr, c->content, strlen((const char *)c->content));
		} else if (named(c, "char")) {
			char code[32];
			mif_number n;
			if (!prop(c, "code", code, sizeof code) ||
			    !mif_conv_number_parse(code, strlen(code), &n) ||
			    (n.flags & MIF_NEGATIVE) || n.mag > 0x10FFFF ||
			    (n.mag >= 0xD800 && n.mag <= 0xDFFF)) {
				report(xr, node_pos(xr, c), MIF_E_SYNTAX,
				    "<char>: code \"%s\" is no Unicode character",
				    code);
				return false;
			}
			char utf8[4];
			put(xr, utf8, mif_utf8_put(utf8, (uint32_t)n.mag));
		} else if (c->type == XML_ELEMENT_NODE) {
			report(xr, node_pos(xr, c), MIF_E_SYNTAX,
			    "<%s> cannot stand in <%s>", (const char *)c->name,
			    (const char *)node->name);
			return false;
		}
	}
	return !xr->nomem;
}

static const mif_string *
string_of(struct xr *xr, const xmlNode *node)
{
	if (!gather(xr, node))
		return NULL;
	const mif_string *s = mif_intern(xr->doc, xr->buf != NULL ? xr->buf : "",
	    xr->len);
	if (s == NULL)
		xr->nomem = true;
	return s;
}

/* The text of an element, blanks around it taken off, NUL-terminated. */
static const char *
word_of(struct xr *xr, const xmlNode *node)
{
	if (!gather(xr, node))
		return NULL;
	put(xr, "", 1);
	if (xr->nomem)
		return NULL;
	char *s = xr->buf;
	size_t n = xr->len - 1;
	while (n > 0 && strchr(" \t\r\n", s[n - 1]) != NULL)
		s[--n] = '\0';
	while (*s != '\0' && strchr(" \t\r\n", *s) != NULL)
		s++;
	return s;
}

/* ---- values ------------------------------------------------------------ */

/* The radix attribute into *flags; false, reported, when it is wrong. */
static bool
radix_of(struct xr *xr, const xmlNode *node, bool integer, uint8_t *flags)
{
	char word[32];

	*flags = MIF_RADIX_DEC;
	if (!prop(node, "radix", word, sizeof word))
		return true;
	if (!integer) {
		report(xr, node_pos(xr, node), MIF_E_SYNTAX,
		    "<%s>: a radix is only for integers",
		    (const char *)node->name);
		return false;
	}
	if (!mif_conv_radix_parse(word, flags)) {
		report(xr, node_pos(xr, node), MIF_E_SYNTAX,
		    "<%s>: unknown radix \"%s\"", (const char *)node->name, word);
		return false;
	}
	return true;
}

/* A decimal integer in text; false, reported, when it is none. */
static bool
number_of(struct xr *xr, const xmlNode *node, const char *text, bool sign,
    mif_number *n)
{
	const char *digits = text[0] == '+' && !sign ? text + 1 : text;

	if (mif_conv_number_parse(digits, strlen(digits), n) &&
	    (sign || !(n->flags & MIF_NEGATIVE)))
		return true;
	report(xr, node_pos(xr, node), MIF_E_NUMBER,
	    "<%s>: \"%s\" is no %sinteger of 64 bits", (const char *)node->name,
	    text, sign ? "" : "unsigned ");
	return false;
}

/* An ID: the unsigned integer of the element and its radix. */
static bool
id_of(struct xr *xr, const xmlNode *node, mif_number *n)
{
	uint8_t radix;
	const char *text = word_of(xr, node);

	if (text == NULL || !radix_of(xr, node, true, &radix) ||
	    !number_of(xr, node, text, false, n))
		return false;
	n->flags |= radix;
	return true;
}

/* What may stand in a value-like element. */
enum holder { IN_VALUE, IN_CELL, IN_PLATFORM };

/* <value>, <cell>, <win32>...: the form attribute and the content. */
static bool
value_of(struct xr *xr, const xmlNode *node, enum holder holder, mif_stmt *v)
{
	static const struct {
		const char *word;
		mif_form form;
		unsigned holders; /* bits of enum holder */
	} forms[] = {
		{ "string", MIF_F_STRING, 7 },
		{ "integer", MIF_F_INTEGER, 3 },
		{ "overlay", MIF_F_OVERLAY, 3 },
		{ "unknown", MIF_F_UNKNOWN, 3 },
		{ "unsupported", MIF_F_UNSUPPORTED, 3 },
		{ "empty", MIF_F_NONE, 2 },
		{ "direct-interface", MIF_F_DIRECT, 4 },
	};
	char word[32] = "string";
	size_t i;

	memset(v, 0, sizeof *v);
	prop(node, "form", word, sizeof word);
	for (i = 0; i < sizeof forms / sizeof forms[0]; i++)
		if (strcmp(word, forms[i].word) == 0 &&
		    (forms[i].holders & (1u << holder)))
			break;
	if (i == sizeof forms / sizeof forms[0]) {
		report(xr, node_pos(xr, node), MIF_E_SYNTAX,
		    "<%s>: form \"%s\" cannot stand here",
		    (const char *)node->name, word);
		return false;
	}
	v->form = (uint8_t)forms[i].form;
	if (!radix_of(xr, node, v->form == MIF_F_INTEGER, &v->flags))
		return false;
	switch (v->form) {
	case MIF_F_STRING:
	case MIF_F_OVERLAY:
		return (v->v.str = string_of(xr, node)) != NULL;
	case MIF_F_INTEGER: {
		mif_number n;
		const char *text = word_of(xr, node);
		if (text == NULL || !number_of(xr, node, text, true, &n))
			return false;
		v->v.u = n.mag;
		v->flags |= n.flags;
		return true;
	}
	default: {
		const char *text = word_of(xr, node);
		if (text == NULL)
			return false;
		if (text[0] != '\0') {
			report(xr, node_pos(xr, node), MIF_E_SYNTAX,
			    "<%s>: form \"%s\" takes no text",
			    (const char *)node->name, word);
			return false;
		}
		return true;
	}
	}
}

/* ---- blocks ------------------------------------------------------------ */

static void read_contents(struct xr *xr, const xmlNode *node);

static void
read_comment(struct xr *xr, const xmlNode *node)
{
	char word[16];
	bool same_line = false;

	if (prop(node, "same-line", word, sizeof word) &&
	    !boolean(word, &same_line)) {
		report(xr, node_pos(xr, node), MIF_E_SYNTAX,
		    "<comment>: same-line is \"%s\", not true or false", word);
		return;
	}
	if (!gather(xr, node))
		return;
	if (!mif_conv_comment(&xr->conv, xr->buf != NULL ? xr->buf : "",
	    xr->len, same_line, at(xr, node)))
		refused(xr, node);
}

static void
read_block(struct xr *xr, const xmlNode *node, mif_block_kind kind)
{
	if (!mif_conv_open(&xr->conv, kind, at(xr, node))) {
		refused(xr, node);
		return;
	}
	read_contents(xr, node);
	if (!mif_conv_close(&xr->conv, 0))
		refused(xr, node);
}

/* TYPE: a word with its size, <enum-name> or <enum>. */
static void
read_type(struct xr *xr, const xmlNode *node, bool in_enum)
{
	mif_stmt v = { .form = MIF_F_TYPE };
	const xmlNode *child = NULL;
	char size[32];

	for (const xmlNode *c = node->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && child == NULL)
			child = c;
	bool sized = prop(node, "size", size, sizeof size);
	if (child != NULL) {
		const char *text = NULL;
		for (const xmlNode *c = node->children; c != NULL; c = c->next)
			if (c->type == XML_TEXT_NODE && c->content != NULL &&
			    strspn((const char *)c->content, " \t\r\n") !=
			    strlen((const char *)c->content))
				text = (const char *)c->content;
		if (text != NULL || sized || in_enum) {
			report(xr, node_pos(xr, node), MIF_E_SYNTAX, "<type>: %s",
			    in_enum ? "the type of an enum is a type word" :
			    "an enum type has no size and no other text");
			return;
		}
		if (named(child, "enum")) {
			read_block(xr, child, MIF_ENUM);
			return;
		}
		if (!named(child, "enum-name")) {
			report(xr, node_pos(xr, child), MIF_E_SYNTAX,
			    "<%s> cannot stand in <type>",
			    (const char *)child->name);
			return;
		}
		v.sub = MIF_T_ENUM_NAMED;
		if ((v.v.str = string_of(xr, child)) == NULL)
			return;
	} else {
		const char *word = word_of(xr, node);
		mif_type_kind t;
		if (word == NULL)
			return;
		if (!mif_conv_type_parse(word, strlen(word), &t)) {
			report(xr, node_pos(xr, node), MIF_E_SYNTAX,
			    "<type>: unknown type \"%s\"", word);
			return;
		}
		v.sub = (uint8_t)t;
		if (sized) {
			mif_number n;
			if (t != MIF_T_STRING && t != MIF_T_DISPLAYSTRING &&
			    t != MIF_T_OCTETSTRING) {
				report(xr, node_pos(xr, node), MIF_E_SIZE,
				    "<type>: %s takes no size", word);
				return;
			}
			if (!number_of(xr, node, size, false, &n))
				return;
			v.v.u = n.mag;
		}
	}
	if (!mif_conv_stmt(&xr->conv, MIF_KW_TYPE, &v, at(xr, node)))
		refused(xr, node);
}

static void
read_stmt(struct xr *xr, const xmlNode *node, mif_keyword kw, unsigned platform,
    bool in_enum)
{
	mif_stmt v;

	memset(&v, 0, sizeof v);
	switch (kw) {
	case MIF_KW_ID: {
		mif_number n;
		if (!id_of(xr, node, &n))
			return;
		v.form = MIF_F_INTEGER;
		v.flags = n.flags;
		v.v.u = n.mag;
		break;
	}
	case MIF_KW_KEY: {
		uint32_t count = 0;
		for (const xmlNode *c = node->children; c != NULL; c = c->next)
			count += c->type == XML_ELEMENT_NODE;
		mif_keys *keys = mif_arena_alloc(&xr->doc->arena,
		    sizeof *keys + count * sizeof keys->items[0]);
		if (keys == NULL) {
			xr->nomem = true;
			return;
		}
		keys->count = 0;
		for (const xmlNode *c = node->children; c != NULL; c = c->next) {
			if (c->type != XML_ELEMENT_NODE)
				continue;
			if (!named(c, "id")) {
				report(xr, node_pos(xr, c), MIF_E_SYNTAX,
				    "<%s> cannot stand in <key>",
				    (const char *)c->name);
				return;
			}
			if (!id_of(xr, c, &keys->items[keys->count++]))
				return;
		}
		v.form = MIF_F_KEYS;
		v.v.keys = keys;
		break;
	}
	case MIF_KW_TYPE:
		read_type(xr, node, in_enum);
		return;
	case MIF_KW_ACCESS:
	case MIF_KW_STORAGE: {
		const char *word = word_of(xr, node);
		mif_access a;
		mif_storage s;
		if (word == NULL)
			return;
		v.form = MIF_F_WORD;
		if (kw == MIF_KW_ACCESS && mif_conv_access_parse(word, &a)) {
			v.sub = (uint8_t)a;
		} else if (kw == MIF_KW_STORAGE && mif_conv_storage_parse(word, &s)) {
			v.sub = (uint8_t)s;
		} else {
			report(xr, node_pos(xr, node), MIF_E_SYNTAX,
			    "<%s>: unknown word \"%s\"", (const char *)node->name,
			    word);
			return;
		}
		break;
	}
	case MIF_KW_VALUE:
		if (!value_of(xr, node, IN_VALUE, &v))
			return;
		break;
	case MIF_KW_PLATFORM:
		if (!value_of(xr, node, IN_PLATFORM, &v))
			return;
		v.sub = (uint8_t)platform;
		break;
	default:
		v.form = MIF_F_STRING;
		if ((v.v.str = string_of(xr, node)) == NULL)
			return;
		break;
	}
	if (!mif_conv_stmt(&xr->conv, kw, &v, at(xr, node)))
		refused(xr, node);
}

static void
read_item(struct xr *xr, const xmlNode *node)
{
	char text[32];
	mif_number n;
	uint8_t radix;

	if (!prop(node, "value", text, sizeof text)) {
		report(xr, node_pos(xr, node), MIF_E_SYNTAX,
		    "<item>: no value attribute");
		return;
	}
	if (!number_of(xr, node, text, true, &n) ||
	    !radix_of(xr, node, true, &radix))
		return;
	n.flags |= radix;
	const mif_string *symbol = string_of(xr, node);
	if (symbol != NULL && !mif_conv_item(&xr->conv, n, symbol, at(xr, node)))
		refused(xr, node);
}

static void
read_row(struct xr *xr, const xmlNode *node)
{
	if (!mif_conv_row_begin(&xr->conv, at(xr, node))) {
		refused(xr, node);
		return;
	}
	for (const xmlNode *c = node->children; c != NULL && reading(xr); c = c->next) {
		mif_stmt cell;
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (named(c, "comment")) {
			read_comment(xr, c);
		} else if (!named(c, "cell")) {
			report(xr, node_pos(xr, c), MIF_E_SYNTAX,
			    "<%s> cannot stand in <row>", (const char *)c->name);
		} else if (value_of(xr, c, IN_CELL, &cell) &&
		    !mif_conv_cell(&xr->conv, &cell, at(xr, c))) {
			refused(xr, c);
		}
	}
	if (!mif_conv_row_end(&xr->conv, 0))
		refused(xr, node);
}

/* One child of a block element (or of <mif>). */
static void
read_child(struct xr *xr, const xmlNode *node, const xmlNode *c)
{
	static const struct {
		const char *name;
		mif_block_kind kind;
	} blocks[] = {
		{ "component", MIF_COMPONENT }, { "path", MIF_PATH },
		{ "enum", MIF_ENUM }, { "group", MIF_GROUP },
		{ "attribute", MIF_ATTRIBUTE }, { "table", MIF_TABLE },
	};
	mif_keyword kw;
	unsigned platform;
	size_t b;

	if (c->type != XML_ELEMENT_NODE)
		return;
	if (named(c, "comment")) {
		read_comment(xr, c);
		return;
	}
	if (named(c, "item")) {
		read_item(xr, c);
		return;
	}
	if (named(c, "row")) {
		read_row(xr, c);
		return;
	}
	for (b = 0; b < sizeof blocks / sizeof blocks[0]; b++)
		if (named(c, blocks[b].name))
			break;
	if (b < sizeof blocks / sizeof blocks[0])
		read_block(xr, c, blocks[b].kind);
	else if (mif_conv_stmt_parse((const char *)c->name, &kw, &platform))
		read_stmt(xr, c, kw, platform, named(node, "enum"));
	else
		report(xr, node_pos(xr, c), MIF_E_SYNTAX,
		    "<%s> cannot stand in <%s>", (const char *)c->name,
		    (const char *)node->name);
}

/* The children of a block element, in document order. */
static void
read_contents(struct xr *xr, const xmlNode *node)
{
	for (const xmlNode *c = node->children; c != NULL && reading(xr); c = c->next)
		read_child(xr, node, c);
}

/* <mif>'s attributes. */
static void
read_root_attributes(struct xr *xr, const xmlNode *root)
{
	mif_doc *doc = xr->doc;
	char word[32];

	if (prop(root, "encoding", word, sizeof word) &&
	    !mif_conv_encoding_parse(word, &doc->encoding))
		report(xr, node_pos(xr, root), MIF_E_SYNTAX,
		    "<mif>: unknown encoding \"%s\"", word);
	if (prop(root, "newline", word, sizeof word) &&
	    !mif_conv_newline_parse(word, &doc->newline))
		report(xr, node_pos(xr, root), MIF_E_SYNTAX,
		    "<mif>: unknown newline \"%s\"", word);
	if (prop(root, "eof-mark", word, sizeof word) &&
	    !boolean(word, &doc->eof_mark))
		report(xr, node_pos(xr, root), MIF_E_SYNTAX,
		    "<mif>: eof-mark is \"%s\", not true or false", word);
}

static void
read_root_end(struct xr *xr, const xmlNode *root)
{
	if (!xr->nomem && !xr->stream_failed && xr->doc->nerrors == 0 &&
	    !mif_conv_finish(&xr->conv))
		report(xr, node_pos(xr, root), MIF_E_MISSING, "<mif>: %s",
		    xr->conv.why);
}

/* <mif>: the document's attributes, then its comments and component. */
static void
read_root(struct xr *xr, const xmlNode *root)
{
	if (!named(root, "mif")) {
		report(xr, node_pos(xr, root), MIF_E_SYNTAX,
		    "the root element is <%s>, not <mif>",
		    (const char *)root->name);
		return;
	}
	read_root_attributes(xr, root);
	read_contents(xr, root);
	read_root_end(xr, root);
}

/* ---- the entry point --------------------------------------------------- */

/*
 * Whether the XML is UTF-16, and in which byte order: a byte-order mark,
 * or the '<' that starts every document, as libxml2 detects it.  *skip
 * receives the length of the mark.
 */
static bool
is_utf16(const unsigned char *u, size_t len, bool *big, size_t *skip)
{
	*skip = 0;
	if (len < 2)
		return false;
	if ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)) {
		*big = u[0] == 0xFE;
		*skip = 2;
		return true;
	}
	if ((u[0] == '<' && u[1] == 0) || (u[0] == 0 && u[1] == '<')) {
		*big = u[0] == 0;
		return true;
	}
	return false;
}

/*
 * UTF-16 as UTF-8 into out (room for len / 2 * 3 bytes), for the lines
 * that messages quote; a unit that is no character becomes U+FFFD, for
 * libxml2 reports it.  Returns the length written.
 */
static size_t
utf16_to_text(char *out, const unsigned char *p, size_t len, bool big)
{
	char *o = out;

	for (size_t i = 0; i + 1 < len; i += 2) {
		uint32_t cp = big ? (uint32_t)p[i] << 8 | p[i + 1]
		    : (uint32_t)p[i + 1] << 8 | p[i];
		if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < len) {
			uint32_t lo = big ? (uint32_t)p[i + 2] << 8 | p[i + 3]
			    : (uint32_t)p[i + 3] << 8 | p[i + 2];
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			}
		}
		if (cp >= 0xD800 && cp <= 0xDFFF)
			cp = 0xFFFD;
		o += mif_utf8_put(o, cp);
	}
	return (size_t)(o - out);
}

/* The XML as a document keeps it: see make_text(). */
struct text {
	char *input;       /* malloc'd, or mapped */
	size_t cap, size, bom;
	bool mapped;
	char *text;        /* in input */
	size_t text_len;
};

/*
 * The XML as the document's text, for places and quoted lines, in
 * UTF-8, where libxml2's columns (counted in characters) land right: as
 * it is when it is UTF-8; from UTF-16; and else byte by byte, as the
 * one-byte encoding (ISO 8859-1 and the like) that it then is.  `owned`,
 * when it has bytes, is data itself (malloc'd with two bytes spare, or
 * mapped), which UTF-8 keeps as it is rather than copy.  The text ends
 * in two NULs unless it is mapped.
 */
static bool
make_text(struct text *t, const void *data, size_t len,
    const mif_conv_input *owned)
{
	const unsigned char *u = data;
	size_t bom = len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF ? 3 : 0;
	bool big, wide = is_utf16(u, len, &big, &bom);
	bool bytes = !wide && mif_utf8_span(u + bom, len - bom) != len - bom;
	size_t cap = wide ? len / 2 * 3 + 2 : bytes ? len * 2 + 2 : len + 2;

	memset(t, 0, sizeof *t);
	if (owned->bytes != NULL && !wide && !bytes &&
	    (owned->mapped || owned->cap >= len + 2)) {
		t->input = owned->bytes;
		t->cap = owned->cap;
		t->mapped = owned->mapped;
	} else if ((t->input = malloc(cap)) == NULL) {
		return false;
	} else {
		t->cap = cap;
	}
	t->size = len;
	t->bom = bom;
	if (wide) {
		t->text = t->input;
		t->text_len = utf16_to_text(t->input, u + bom, len - bom, big);
	} else if (bytes) {
		char *o = t->input;
		for (size_t i = bom; i < len; i++)
			o += mif_utf8_put(o, u[i]);
		t->text = t->input;
		t->text_len = (size_t)(o - t->input);
	} else {
		if (len > 0 && t->input != owned->bytes)
			memcpy(t->input, data, len);
		t->text = t->input + bom;
		t->text_len = len - bom;
	}
	if (!t->mapped)
		t->text[t->text_len] = t->text[t->text_len + 1] = '\0';
	return true;
}

/* Hand the text to doc, or take it back (to read the XML again). */
static void
give_text(mif_doc *doc, const struct text *t)
{
	doc->input = t->input;
	doc->input_cap = t->cap;
	doc->input_size = t->size;
	doc->bom_len = t->bom;
	doc->input_mapped = t->mapped;
	doc->text = t->text;
	doc->text_len = t->text_len;
	doc->encoding = MIF_ENC_LATIN1;
	doc->newline = MIF_NL_LF;
}

static void
take_text(mif_doc *doc)
{
	doc->input = doc->text = NULL;
	doc->input_cap = doc->text_len = 0;
	doc->input_mapped = false;
}

/* Where the DOCTYPE starts: libxml2 keeps no line for it.  The start of
 * the text when it cannot be found. */
static uint32_t
doctype_pos(const struct xr *xr)
{
	static const char word[] = "<!DOCTYPE";
	const char *text = xr->doc->text;
	size_t n = sizeof word - 1;

	for (size_t i = 0; i + n <= xr->doc->text_len; i++)
		if (text[i] == '<' && memcmp(text + i, word, n) == 0)
			return (uint32_t)i;
	return 0;
}

/*
 * Streaming: whether the element just begun at xr->depth is read as
 * the parser goes (<mif>, its component, the component's tables), its
 * children one at a time as each ends.
 */
static bool
streamed(const struct xr *xr, const xmlNode *node)
{
	switch (xr->depth) {
	case 1: return true;
	case 2: return xr->streamed[0] && named(node, "component");
	case 3: return xr->streamed[1] && named(node, "table");
	default: return false;
	}
}

/* Whether the builder is at work: streaming, and no reason to stop. */
static bool
building(const struct xr *xr)
{
	return xr->mode == READ_STREAM && reading(xr);
}

static void
stream_start(struct xr *xr, const xmlNode *node)
{
	int d = ++xr->depth;

	if (d > 4)
		return;
	xr->streamed[d - 1] = streamed(xr, node);
	if (!xr->streamed[d - 1] || !building(xr))
		return;
	if (d == 1) {
		if (!named(node, "mif"))
			report(xr, MIF_NOPOS, MIF_E_SYNTAX, "no <mif>");
		else
			read_root_attributes(xr, node);
	} else if (!mif_conv_open(&xr->conv, named(node, "table") ? MIF_TABLE
	    : MIF_COMPONENT, at(xr, node))) {
		refused(xr, node);
	}
}

/* node has ended and has been built into the XML tree. */
static void
stream_end(struct xr *xr, xmlNode *node)
{
	int d = xr->depth--;

	if (d > 4)
		return;
	if (xr->streamed[d - 1]) {
		if (!building(xr))
			return;
		if (d == 1)
			read_root_end(xr, node);
		else if (!mif_conv_close(&xr->conv, 0))
			refused(xr, node);
		return;
	}
	xmlNode *parent = node->parent;
	if (d < 2 || !xr->streamed[d - 2] || parent == NULL)
		return;
	if (building(xr))
		read_child(xr, parent, node);
	/* done with what came before it; itself kept for the schema's
	 * errors at its end, which come after this */
	while (parent->children != node) {
		xmlNode *c = parent->children;
		xmlUnlinkNode(c);
		xmlFreeNode(c);
	}
}

/*
 * Note in the element just begun how many of its name began before it
 * on its line, which node_pos() would count in the tree, freed by then.
 */
static void
note_nth(struct xr *xr, xmlNode *node, long line)
{
	size_t i;

	if (line != xr->nth_line) {
		xr->nth_line = line;
		xr->nnths = 0;
	}
	for (i = 0; i < xr->nnths; i++)
		if (xmlStrEqual(xr->nths[i].name, node->name))
			break;
	if (i == xr->nnths) {
		if (i == xr->nths_cap) {
			size_t cap = xr->nths_cap != 0 ? xr->nths_cap * 2 : 16;
			struct nth_count *p = realloc(xr->nths, cap * sizeof *p);
			if (p == NULL) {
				xr->nomem = true;
				return;
			}
			xr->nths = p;
			xr->nths_cap = cap;
		}
		xr->nths[xr->nnths++] = (struct nth_count){ node->name, 0 };
	}
	uintptr_t nth = xr->nths[i].n++ + 1;
#if EXACT_LINES
	node->_private = (void *)((uintptr_t)line << 32 | (nth & 0xFFFFFFFFu));
#else
	node->_private = (void *)nth;
#endif
}

/* The tree builder's element handlers, noting which element an error of
 * the validator, called after them, is about; streaming, building the
 * tree as they go. */
static void
on_start(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
    int ndefaulted, const xmlChar **attrs)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xr *xr = ctxt->_private;

	xr->ended = NULL;
	xmlSAX2StartElementNs(ctx, name, prefix, uri, nns, ns, nattrs,
	    ndefaulted, attrs);
	if (ctxt->node == NULL)
		return;
	/* libxml2 gives the node the parser's line, up to 65535 */
	if (EXACT_LINES || ctxt->node->line != USHRT_MAX)
		note_nth(xr, ctxt->node, (long)ctxt->input->line);
	if (xr->mode != READ_WHOLE)
		stream_start(xr, ctxt->node);
}

static void
on_end(void *ctx, const xmlChar *name, const xmlChar *prefix,
    const xmlChar *uri)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xr *xr = ctxt->_private;
	xmlNode *node = ctxt->node;

	xr->ended = node;
	xmlSAX2EndElementNs(ctx, name, prefix, uri);
	if (xr->mode != READ_WHOLE && node != NULL)
		stream_end(xr, node);
}

/* A DOCTYPE is refused before anything it declares is used. */
static void
on_doctype(void *ctx, const xmlChar *name, const xmlChar *public_id,
    const xmlChar *system_id)
{
	xmlParserCtxtPtr ctxt = ctx;
	struct xr *xr = ctxt->_private;

	(void)name;
	(void)public_id;
	(void)system_id;
	if (xr->mode == READ_STREAM) {
		stream_fails(xr);
		return;
	}
	report(xr, doctype_pos(xr), MIF_E_SYNTAX, "a DOCTYPE is not allowed");
	xmlStopParser(ctxt);
}

/* The XML handed to libxml2 a piece at a time; a mapping's pages given
 * back once read. */
struct feed {
	const char *base, *data;
	size_t left;
	bool mapped;
	size_t dropped;
};

static int
feed_read(void *ctx, char *buf, int len)
{
	struct feed *feed = ctx;
	size_t n = len > 0 ? (size_t)len : 0;

	if (n > feed->left)
		n = feed->left;
	memcpy(buf, feed->data, n);
	feed->data += n;
	feed->left -= n;
	if (feed->mapped)
		mif_conv_drop_pages(feed->base, &feed->dropped,
		    (size_t)(feed->data - feed->base), feed->left == 0);
	return (int)n;
}

static int
feed_close(void *ctx)
{
	(void)ctx;
	return 0;
}

/*
 * Parse and validate in one pass, refuse a DTD, build.  The validator
 * reads what the parser reads (a SAX plug), so that both stop at the
 * error cap: libxml2 costs more per error the more elements came before,
 * and validating a whole tree cannot be stopped.
 */
static void
read_xml(struct xr *xr, const void *data, size_t len)
{
	mif_doc *doc = xr->doc;
	xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
	xmlDocPtr xdoc = NULL;
	xmlSchemaParserCtxtPtr sp = NULL;
	xmlSchemaPtr schema = NULL;
	xmlSchemaValidCtxtPtr sv = NULL;
	xmlSchemaSAXPlugPtr plug = NULL;

	if (ctxt == NULL || ctxt->sax == NULL)
		goto nomem;
	ctxt->_private = xr;
	ctxt->sax->startElementNs = on_start;
	ctxt->sax->endElementNs = on_end;
	ctxt->sax->internalSubset = on_doctype;
	sp = xmlSchemaNewMemParserCtxt(mif_xsd_text, (int)sizeof mif_xsd_text - 1);
	if (sp == NULL)
		goto nomem;
	xmlSchemaSetParserStructuredErrors(sp, ignore_error, NULL);
	if ((schema = xmlSchemaParse(sp)) == NULL ||
	    (sv = xmlSchemaNewValidCtxt(schema)) == NULL)
		goto nomem;
	xmlSchemaSetValidStructuredErrors(sv, on_schema_error, xr);
	plug = xmlSchemaSAXPlug(sv, &ctxt->sax, &ctxt->userData);
	if (plug == NULL)
		goto nomem;
	ctxt->sax->serror = on_parse_error; /* the plug's handlers now */
	xr->parser = ctxt;
	int options = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	    XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
	struct feed feed = { data, data, len, xr->data_mapped, 0 };
	/* streaming, libxml2 reads it a piece at a time rather than copy
	 * it whole into a buffer of its own */
	xdoc = xr->mode == READ_STREAM ? xmlCtxtReadIO(ctxt, feed_read,
	    feed_close, &feed, doc->source_name, NULL, options)
	    : xmlCtxtReadMemory(ctxt, data, (int)len, doc->source_name, NULL,
	    options);
	xr->parser = NULL;
	if (xr->mode == READ_STREAM) { /* built as it was read */
		xr->stream_failed |= xdoc == NULL;
		goto out;
	}
	if (xdoc == NULL || doc->nerrors > 0) {
		if (doc->nerrors == 0)
			report(xr, MIF_NOPOS, MIF_E_SYNTAX, "not well-formed XML");
		goto out;
	}
	if (xr->mode == READ_CHECK) { /* warnings only: read whole */
		xr->stream_failed = true;
		goto out;
	}
	read_root(xr, xmlDocGetRootElement(xdoc));
	goto out;
nomem:
	xr->nomem = true;
out:
	if (plug != NULL)
		xmlSchemaSAXUnplug(plug);
	xmlSchemaFreeValidCtxt(sv);
	xmlSchemaFree(schema);
	xmlSchemaFreeParserCtxt(sp);
	xmlFreeDoc(xdoc);
	xmlFreeParserCtxt(ctxt);
}

/* Read the XML (data, or owned->bytes, which this takes) into a new
 * document: as it streams; if libxml2 or the schema finds a problem,
 * again, to say what it is (see struct xr). */
static mif_doc *
parse_xml(const void *data, size_t len, mif_conv_input owned,
    const mif_parse_options *opts, mif_error *err)
{
	const char *name = opts != NULL && opts->source_name != NULL
	    ? opts->source_name : "<buffer>";
	struct text text;
	struct xr xr;

	memset(&xr, 0, sizeof xr);
	memset(&text, 0, sizeof text);
	if (len > INT_MAX || len > MIF_MAX_INPUT) {
		mif_conv_input_free(&owned);
		mif_error_set(err, MIF_E_TOO_BIG, name, "input too large");
		return NULL;
	}
	if (!make_text(&text, data, len, &owned))
		goto nomem;
	/* transcoded, the bytes are still what libxml2 reads */
	bool raw = owned.bytes != NULL && text.input != owned.bytes;
	xmlInitParser();
	unsigned reads = 0;
	for (int mode = READ_STREAM; mode <= READ_WHOLE; mode++) {
		reads++;
		memset(&xr, 0, sizeof xr);
		xr.mode = mode;
		xr.data_mapped = owned.mapped && owned.bytes == data;
		xr.doc = mif_doc_new(name);
		if (xr.doc == NULL)
			goto nomem;
		give_text(xr.doc, &text);
		if (!index_lines(&xr))
			goto nomem;
		if (opts != NULL && opts->max_errors != 0)
			xr.doc->max_errors = opts->max_errors;
		mif_conv_init(&xr.conv, xr.doc);
		read_xml(&xr, data, len);
		mif_conv_free(&xr.conv);
		free(xr.lines);
		free(xr.buf);
		free(xr.nths);
		xr.lines = NULL;
		xr.buf = NULL;
		xr.nths = NULL;
		if (xr.nomem)
			goto nomem;
		if (!xr.stream_failed)
			break;
		if (xr.inexact)
			mode = READ_WHOLE - 1;
		take_text(xr.doc);
		mif_doc_free(xr.doc);
	}
	if (raw)
		mif_conv_input_free(&owned);
	xr.doc->form_reads = reads;
	for (size_t i = 0; err != NULL && i < xr.doc->ndiags; i++) {
		if (xr.doc->diags[i].severity >= MIF_ERROR) {
			*err = xr.doc->diags[i];
			break;
		}
	}
	return xr.doc;
nomem:
	free(xr.lines);
	free(xr.buf);
	free(xr.nths);
	if (xr.doc != NULL)
		take_text(xr.doc);
	mif_doc_free(xr.doc);
	if (text.input != NULL && text.input != owned.bytes)
		free(text.input);
	mif_conv_input_free(&owned);
	mif_error_set(err, MIF_E_NOMEM, name, "out of memory");
	return NULL;
}

mif_doc *
mif_parse_xml(const void *data, size_t len, const mif_parse_options *opts,
    mif_error *err)
{
	return parse_xml(data, len, (mif_conv_input){ NULL, 0, 0, false }, opts, err);
}

mif_doc *
mif_parse_xml_stream(FILE *fp, const mif_parse_options *opts, mif_error *err)
{
	const char *name = opts != NULL && opts->source_name != NULL
	    ? opts->source_name : "<stdin>";
	mif_conv_input in;

	if (!mif_conv_input_read(fp, name, &in, err))
		return NULL;
	return parse_xml(in.bytes, in.len, in, opts, err);
}
