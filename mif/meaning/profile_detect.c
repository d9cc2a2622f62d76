/*
 * Choosing a profile: by name, by the content of a document (what
 * --profile auto does), and running the chosen profile's rules.
 *
 * Detection looks for the one thing each kind of SMS file must have: a
 * status MIF its InstallStatus group, an IDMIF its //Architecture line
 * (SMS 2.0 and later) or its Architecture group (SMS 1.x, Q199229).
 * A header line that is there but malformed or out of place still makes
 * an IDMIF, so that the IDMIF rules can say what is wrong with it.
 */
#include <string.h>

#include "meaning/profile.h"

#define JOBSTATUS_CLASS "MICROSOFT|JOBSTATUS|1.0"

const char *
mif_profile_name(mif_profile profile)
{
	static const char *const n[] = {
		"dmi", "status", "noidmif", "idmif", "auto",
	};
	return (unsigned)profile < sizeof n / sizeof n[0] ? n[profile] : "?";
}

bool
mif_profile_parse(const char *name, mif_profile *profile)
{
	for (int p = MIF_PROFILE_DMI; p <= MIF_PROFILE_AUTO; p++) {
		if (strcmp(name, mif_profile_name((mif_profile)p)) == 0) {
			*profile = (mif_profile)p;
			return true;
		}
	}
	return false;
}

const mif_block *
check_child_named(const mif_block *parent, mif_block_kind kind,
    const char *name)
{
	for (const mif_block *b = parent->u.children; b != NULL; b = b->next) {
		const mif_string *n = mif_block_string(b, MIF_KW_NAME);
		if (b->kind == kind && n != NULL && mif_casecmp(n->bytes, name) == 0)
			return b;
	}
	return NULL;
}

const mif_block *
check_architecture_attribute(const mif_block *comp)
{
	const mif_block *group = check_child_named(comp, MIF_GROUP,
	    "Architecture");

	return group != NULL ? check_child_named(group, MIF_ATTRIBUTE,
	    "ArchitectureName") : NULL;
}

static bool
has_status_group(const mif_block *comp)
{
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		const mif_string *cls = mif_block_string(b, MIF_KW_CLASS);
		if (b->kind == MIF_GROUP && cls != NULL &&
		    mif_casecmp(cls->bytes, JOBSTATUS_CLASS) == 0)
			return true;
	}
	return false;
}

/* An //Architecture line, well formed or not, but not a remark that
 * merely starts with the word: it has the opening bracket. */
static bool
is_architecture_line(const mif_string *text)
{
	return check_header_word(text, "Architecture") &&
	    memchr(text->bytes, '<', text->len) != NULL;
}

mif_profile
mif_detect_profile(const mif_doc *doc)
{
	const mif_block *comp = mif_doc_component(doc);
	size_t n;
	const mif_comment *header = check_header_comments(doc, &n);

	if (comp != NULL && has_status_group(comp))
		return MIF_PROFILE_STATUS;
	for (size_t i = 0; i < n; i++)
		if (is_architecture_line(header[i].text))
			return MIF_PROFILE_IDMIF;
	if (comp != NULL && check_architecture_attribute(comp) != NULL)
		return MIF_PROFILE_IDMIF;
	return MIF_PROFILE_NOIDMIF;
}

bool
mif_sms_product_parse(const char *name, mif_sms_product *product)
{
	static const struct {
		const char *name;
		mif_sms_product product;
	} names[] = {
		{ "1.0", MIF_SMS_1X }, { "1.1", MIF_SMS_1X },
		{ "1.2", MIF_SMS_1X }, { "2.0", MIF_SMS_20 },
		{ "2003", MIF_SMS_2003 },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i].name) == 0) {
			*product = names[i].product;
			return true;
		}
	}
	return false;
}

/* The "Maximum 3rd Party MIF Size" of a product by default: SMS 2.0
 * brought it in at 100 KB (Q202078), later versions have 250 KB; SMS
 * 1.x had none (0). */
static unsigned
default_size_kb(mif_sms_product product)
{
	switch (product) {
	case MIF_SMS_1X:
		return 0;
	case MIF_SMS_20:
		return MIF_MAX_SIZE_KB_SMS20;
	default:
		return MIF_MAX_SIZE_KB_DEFAULT;
	}
}

void
check_profile(check_ctx *c, mif_profile profile, unsigned max_size_kb)
{
	if (max_size_kb == 0)
		max_size_kb = default_size_kb(c->sms);
	if (profile == MIF_PROFILE_AUTO)
		profile = mif_detect_profile(c->doc);
	switch (profile) {
	case MIF_PROFILE_STATUS:
		check_status_rules(c);
		break;
	case MIF_PROFILE_NOIDMIF:
		check_noidmif_rules(c, max_size_kb);
		break;
	case MIF_PROFILE_IDMIF:
		check_idmif_rules(c, max_size_kb);
		break;
	default:
		break; /* DMI: the checks already made */
	}
}
