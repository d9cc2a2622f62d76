/*
 * The IDMIF profile: inventory with its own identity.  The file starts
 * with the header lines
 *
 *   //Architecture<Name>
 *   //UniqueID<id>
 *   //AgentID<name>          (optional)
 *
 * exactly so formed, and has a top-level group of the architecture's
 * class, with at least one attribute.  That class is the plain name
 * (the ConfigMgr SDK's example: //Architecture<System>, CLASS = "System")
 * or a three-part string whose middle part is the name
 * ("MICROSOFT|WIDGET|1.0" for Widget), ASCII case ignored.  SMS 2.0
 * refused the System and Personal Computer architectures from clients
 * (Q202078) while ConfigMgr documents System: a warning.  SMS stores no
 * class over 32 characters, and, as for NOIDMIFs, keeps one instance of
 * a class without key; the size limit is the NOIDMIF one.
 *
 * That is the form of SMS 2.0 and later.  SMS 1.x had no header lines:
 * an Identification group and an Architecture group whose
 * ArchitectureName names the architecture (Q199229), which SMS 2.0
 * still looks at (Q202078).  A note says which form a file has.
 */
#include <stdio.h>
#include <string.h>

#include "meaning/profile.h"

#define CLASS_MAX 32

const mif_comment *
check_header_comments(const mif_doc *doc, size_t *count)
{
	const mif_block *comp = mif_doc_component(doc);
	size_t n;
	const mif_comment *all = mif_doc_comments(doc, &n);

	*count = 0;
	while (*count < n && (comp == NULL || all[*count].pos < comp->pos))
		++*count;
	return all;
}

static size_t
skip_blanks(const mif_string *text)
{
	size_t i = 0;

	while (i < text->len && (text->bytes[i] == ' ' || text->bytes[i] == '\t'))
		i++;
	return i;
}

bool
check_header_word(const mif_string *text, const char *word)
{
	size_t i = skip_blanks(text), n = strlen(word);

	return text->len - i >= n && mif_ncasecmp(text->bytes + i, word, n) == 0;
}

/* One kind of header line. */
typedef struct header_line {
	const char *word;    /* Architecture */
	const char *what;    /* Name: the placeholder in messages */
} header_line;

static const header_line architecture = { "Architecture", "Name" };
static const header_line unique_id = { "UniqueID", "id" };
static const header_line agent_id = { "AgentID", "name" };

/* The text between the angle brackets, blanks around it left out;
 * *len 0 when there is none. */
static const char *
header_value(const mif_string *text, size_t *len)
{
	const char *first = memchr(text->bytes, '<', text->len);
	const char *last = first == NULL ? NULL
	    : memchr(first, '>', text->len - (size_t)(first - text->bytes));

	*len = 0;
	if (last == NULL)
		return NULL;
	first++;
	while (first < last && (*first == ' ' || *first == '\t'))
		first++;
	while (last > first && (last[-1] == ' ' || last[-1] == '\t'))
		last--;
	*len = (size_t)(last - first);
	return first;
}

/* What is wrong with a header line meant as `line`; NULL when nothing.
 * Blanks at the end of the line are allowed: nobody sees them. */
static const char *
header_fault(const mif_string *text, const header_line *line, char *buf,
    size_t size)
{
	size_t n = strlen(line->word), i = skip_blanks(text);
	const char *s = text->bytes;

	if (i > 0)
		return "no blank may follow the slashes";
	if (strncmp(s, line->word, n) != 0) {
		snprintf(buf, size, "the word is spelled \"%s\", not \"%.*s\"",
		    line->word, (int)n, s);
		return buf;
	}
	const char *bracket = text->len > n ? memchr(s + n, '>', text->len - n)
	    : NULL;
	if (text->len == n || s[n] != '<' || bracket == NULL)
		return "the value goes in angle brackets right after the word";
	size_t end = (size_t)(bracket - s);
	for (size_t j = end + 1; j < text->len; j++)
		if (s[j] != ' ' && s[j] != '\t')
			return "text follows the closing angle bracket";
	if (end == n + 1)
		return "nothing between the angle brackets";
	if (s[n + 1] == ' ' || s[n + 1] == '\t' || s[end - 1] == ' ' ||
	    s[end - 1] == '\t')
		return "blanks inside the angle brackets";
	return NULL;
}

static void
check_header_form(check_ctx *c, const mif_comment *comment,
    const header_line *line)
{
	char buf[96];
	const char *fault = header_fault(comment->text, line, buf, sizeof buf);

	if (fault != NULL)
		check_report_rule(c, MIF_RULE_IDMIF_HEADER_FORM, MIF_ERROR, comment->pos, MIF_NOPOS,
		    "malformed IDMIF header: //%s<%s> expected; %s", line->word,
		    line->what, fault);
}

/* Index of the first header comment meant as `line`, or n. */
static size_t
find_line(const mif_comment *header, size_t n, const header_line *line)
{
	size_t i = 0;

	while (i < n && !check_header_word(header[i].text, line->word))
		i++;
	return i;
}

/* Where to report a header line that is missing: the comment that
 * stands in its place, or else the START COMPONENT (or no place). */
static uint32_t
missing_pos(const check_ctx *c, const mif_comment *header, size_t n,
    size_t index)
{
	if (index < n)
		return header[index].pos;
	return c->component != NULL ? c->component->pos : MIF_NOPOS;
}

/*
 * The header lines: Architecture first, UniqueID right after it, then
 * AgentID if there is one.  Returns the Architecture comment, or NULL.
 */
static const mif_comment *
check_header(check_ctx *c)
{
	size_t n;
	const mif_comment *header = check_header_comments(c->doc, &n);
	size_t arch = find_line(header, n, &architecture);
	size_t uid = find_line(header, n, &unique_id);
	size_t agent = find_line(header, n, &agent_id);

	if (arch == n) {
		check_report_rule(c, MIF_RULE_IDMIF_HEADER, MIF_ERROR, missing_pos(c, header, n, 0),
		    MIF_NOPOS, uid == n ? "an IDMIF starts with the lines "
		    "//Architecture<Name> and //UniqueID<id>, and this file has "
		    "neither" : "an IDMIF starts with a //Architecture<Name> line, "
		    "and this file has none");
	} else {
		if (arch > 0)
			check_report_rule(c, MIF_RULE_IDMIF_HEADER_ORDER, MIF_ERROR, header[arch].pos,
			    header[0].pos, "the //Architecture line must be the "
			    "file's first comment (line %u comes before it)",
			    check_line(c, header[0].pos));
		check_header_form(c, &header[arch], &architecture);
	}
	if (uid < n) {
		if (arch < n && uid != arch + 1)
			check_report_rule(c, MIF_RULE_IDMIF_HEADER_ORDER, MIF_ERROR, header[uid].pos,
			    header[arch].pos, "the //UniqueID line must come right "
			    "after the //Architecture line (line %u)",
			    check_line(c, header[arch].pos));
		check_header_form(c, &header[uid], &unique_id);
	} else if (arch < n) {
		check_report_rule(c, MIF_RULE_IDMIF_HEADER, MIF_ERROR,
		    missing_pos(c, header, n, arch + 1), MIF_NOPOS,
		    "no //UniqueID<id> line after the //Architecture line");
	}
	if (agent < n)
		check_header_form(c, &header[agent], &agent_id);
	return arch < n ? &header[arch] : NULL;
}

/* Whether class is the architecture's: the name itself, or a three-part
 * class whose middle part is the name, ASCII case ignored. */
static bool
is_architecture_class(const mif_string *cls, const mif_string *arch)
{
	const char *name = arch->bytes;
	size_t len = arch->len;
	const char *s = cls->bytes;
	const char *bar1 = memchr(s, '|', cls->len);

	if (bar1 == NULL)
		return cls->len == len && mif_ncasecmp(s, name, len) == 0;
	const char *mid = bar1 + 1;
	const char *bar2 = memchr(mid, '|', cls->len - (size_t)(mid - s));
	if (bar2 == NULL || memchr(bar2 + 1, '|',
	    cls->len - (size_t)(bar2 + 1 - s)) != NULL)
		return false;
	return (size_t)(bar2 - mid) == len && mif_ncasecmp(mid, name, len) == 0;
}

static size_t
attribute_count(const mif_block *group)
{
	size_t n = 0;

	for (const mif_block *b = group->u.children; b != NULL; b = b->next)
		n += b->kind == MIF_ATTRIBUTE;
	return n;
}

/* The group of the architecture's class that will be reported on: the
 * first with an attribute, else the first; NULL when there is none. */
static const mif_block *
architecture_group(const mif_block *comp, const mif_string *arch)
{
	const mif_block *first = NULL;

	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		const mif_string *cls = mif_block_string(b, MIF_KW_CLASS);
		if (b->kind != MIF_GROUP || cls == NULL ||
		    !is_architecture_class(cls, arch))
			continue;
		if (attribute_count(b) > 0)
			return b;
		if (first == NULL)
			first = b;
	}
	return first;
}

static bool
is_refused_architecture(const mif_string *arch)
{
	return mif_casecmp(arch->bytes, "System") == 0 ||
	    mif_casecmp(arch->bytes, "Personal Computer") == 0;
}

static void
check_long_class(check_ctx *c, const mif_block *group)
{
	char cls[CHECK_QUOTE_MAX];
	const mif_stmt *s = mif_block_stmt(group, MIF_KW_CLASS);

	if (s == NULL || s->form != MIF_F_STRING)
		return;
	size_t n = check_char_count(s->v.str);
	if (n > CLASS_MAX)
		check_report_rule(c, MIF_RULE_IDMIF_CLASS_LENGTH, MIF_WARNING, s->pos, MIF_NOPOS,
		    "class %s is %zu characters long; SMS does not store a class "
		    "over %d", check_quote(cls, sizeof cls, s->v.str), n,
		    CLASS_MAX);
}

/* The architecture an Architecture group names: its ArchitectureName's
 * string VALUE, or NULL. */
static const mif_stmt *
architecture_value(const mif_block *attr)
{
	const mif_stmt *v = attr != NULL ? mif_block_stmt(attr, MIF_KW_VALUE)
	    : NULL;

	return v != NULL && v->form == MIF_F_STRING ? v : NULL;
}

static void
check_refused_architecture(check_ctx *c, const mif_string *name,
    uint32_t pos)
{
	char quoted[CHECK_QUOTE_MAX];

	/* SMS 1.x's IDMIFs extend Personal Computer (Q199229) */
	if (!is_refused_architecture(name) || c->sms == MIF_SMS_1X)
		return;
	check_quote(quoted, sizeof quoted, name);
	if (c->sms == MIF_SMS_20)
		check_report_rule(c, MIF_RULE_IDMIF_ARCHITECTURE, MIF_ERROR, pos,
		    MIF_NOPOS, "architecture %s: SMS 2.0 rejects IDMIFs of the "
		    "System and Personal Computer architectures (Q202078)",
		    quoted);
	else
		check_report_rule(c, MIF_RULE_IDMIF_ARCHITECTURE, MIF_WARNING, pos,
		    MIF_NOPOS, "architecture %s: SMS 2.0 refused IDMIFs of the "
		    "System and Personal Computer architectures from clients, "
		    "while Configuration Manager documents System as its "
		    "example", quoted);
}

/* Whether the file is an IDMIF of SMS 1.x (Q199229): an Architecture
 * group, and none of the header lines that replaced it in SMS 2.0. */
static bool
is_sms1_form(const check_ctx *c)
{
	size_t n;
	const mif_comment *header = check_header_comments(c->doc, &n);

	return c->component != NULL &&
	    check_architecture_attribute(c->component) != NULL &&
	    find_line(header, n, &architecture) == n &&
	    find_line(header, n, &unique_id) == n;
}

/* The identity of SMS 1.x: the Identification group beside the
 * Architecture group (the latter is there: is_sms1_form()). */
static void
check_sms1_identity(check_ctx *c)
{
	const mif_block *comp = c->component;
	const mif_block *arch = check_child_named(comp, MIF_GROUP,
	    "Architecture");

	check_report_rule(c, MIF_RULE_IDMIF_FORM, MIF_INFO, arch->pos, MIF_NOPOS,
	    "an IDMIF of the SMS 1.x form: the Identification and Architecture "
	    "groups say what it belongs to, not //Architecture and //UniqueID "
	    "lines (Q199229)");
	if (check_child_named(comp, MIF_GROUP, "Identification") == NULL)
		check_report_rule(c, MIF_RULE_IDMIF_IDENTIFICATION, MIF_ERROR,
		    comp->pos, arch->pos, "an IDMIF of the SMS 1.x form has an "
		    "Identification group beside its Architecture group (line "
		    "%u), and this file has none", check_line(c, arch->pos));
}

/* The identity of SMS 2.0 and later: the header lines, and a group of
 * the architecture's class.  Returns that group, or NULL. */
static const mif_block *
check_header_identity(check_ctx *c)
{
	char quoted[CHECK_QUOTE_MAX];
	const mif_block *comp = c->component;
	const mif_block *arch_group = NULL;
	const mif_string *arch_name = NULL;
	size_t len = 0;

	size_t n;
	const mif_comment *header = check_header_comments(c->doc, &n);
	size_t line = find_line(header, n, &architecture);
	/* the form first, then what is wrong with it */
	if (line < n)
		check_report_rule(c, MIF_RULE_IDMIF_FORM, MIF_INFO,
		    header[line].pos, MIF_NOPOS, "an IDMIF of the SMS 2.0 form: "
		    "the //Architecture and //UniqueID lines say what it belongs "
		    "to");
	const mif_comment *arch = check_header(c);
	const char *value = arch != NULL ? header_value(arch->text, &len) : NULL;
	if (len > 0 && (arch_name = mif_intern(c->doc, value, len)) == NULL) {
		check_nomem(c);
		return NULL;
	}
	if (arch_name != NULL)
		check_refused_architecture(c, arch_name, arch->pos);
	if (comp == NULL || arch_name == NULL)
		return NULL;
	if ((arch_group = architecture_group(comp, arch_name)) == NULL)
		check_report_rule(c, MIF_RULE_IDMIF_ARCHITECTURE_GROUP, MIF_ERROR, comp->pos, arch->pos,
		    "no group has the class of architecture %s (line %u): the "
		    "name itself, or \"BODY|NAME|VERSION\" with the name in the "
		    "middle", check_quote(quoted, sizeof quoted, arch_name),
		    check_line(c, arch->pos));
	return arch_group;
}

void
check_idmif_rules(check_ctx *c, unsigned max_size_kb)
{
	char name[CHECK_QUOTE_MAX];
	const mif_block *comp = c->component;
	const mif_block *arch_group = NULL;

	check_size_limit(c, max_size_kb);
	if (is_sms1_form(c))
		check_sms1_identity(c);
	else
		arch_group = check_header_identity(c);
	if (comp == NULL || c->stop)
		return;
	/* SMS 2.0 looks at an Architecture group in either form (Q202078) */
	const mif_stmt *named = architecture_value(
	    check_architecture_attribute(comp));
	if (named != NULL)
		check_refused_architecture(c, named->v.str, named->pos);
	check_set seen = { 0 };
	for (const mif_block *b = comp->u.children; b != NULL && !c->stop;
	    b = b->next) {
		if (b->kind != MIF_GROUP)
			continue;
		if (b == arch_group && attribute_count(b) == 0)
			check_report_rule(c, MIF_RULE_IDMIF_ARCHITECTURE_EMPTY, MIF_ERROR, b->pos, MIF_NOPOS,
			    "group %s of the architecture's class has no attribute",
			    check_block_name(c, name, sizeof name, b));
		check_long_class(c, b);
		check_class_instance(c, &seen, b);
	}
	check_set_free(&seen);
}
