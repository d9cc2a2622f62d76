/*
 * The NOIDMIF workaround of KB Q152229: each client also reports, per
 * package, how its install went, as an attribute named after the package.
 * Hardware inventory collects it and job expiry cannot touch it.  The
 * attribute lives in one group of class MIFTOOLS|PACKAGESTATUS|1.0; its
 * VALUE is the status and the time, "Complete 1996-06-03T10:15:00Z".
 */
#include <stdio.h>
#include <string.h>

#include "sms/sms_fields.h"

#define PACKAGE_ID_MAX 64
/* "Complete 1996-06-03T10:15:00Z" and room to spare */
#define RECORD_SIZE 32

static const mif_block *
package_group(const mif_block *comp)
{
	for (const mif_block *b = comp->u.children; b != NULL; b = b->next) {
		const mif_string *cls = mif_block_string(b, MIF_KW_CLASS);
		if (b->kind == MIF_GROUP && cls != NULL &&
		    mif_string_is_folded(cls, MIF_SMS_PACKAGE_CLASS))
			return b;
	}
	return NULL;
}

static const mif_block *
package_attribute(const mif_block *group, const char *package_id)
{
	for (const mif_block *b = group->u.children; b != NULL; b = b->next) {
		const mif_string *name = mif_block_string(b, MIF_KW_NAME);
		if (b->kind == MIF_ATTRIBUTE && name != NULL &&
		    mif_string_is_folded(name, package_id))
			return b;
	}
	return NULL;
}

/* One more than the largest ID among the children of kind `kind` (or
 * kind2) of a block. */
static uint64_t
next_id(const mif_block *parent, mif_block_kind kind, mif_block_kind kind2)
{
	uint64_t max = 0, id;

	for (const mif_block *b = parent->u.children; b != NULL; b = b->next)
		if ((b->kind == kind || b->kind == kind2) && mif_block_id(b, &id) &&
		    id > max)
			max = id;
	return max + 1;
}

static bool
nomem(mif_error *err, const mif_doc *doc)
{
	sms_error(err, doc, MIF_NOPOS, MIF_NOPOS, MIF_E_NOMEM,
	    "out of memory for the package status");
	return false;
}

bool
mif_sms_noidmif_record(mif_doc *doc, const char *package_id,
    mif_sms_instruction result, int64_t time, mif_error *err)
{
	char value[RECORD_SIZE + 32], iso[32];
	size_t len = strlen(package_id);

	if (len == 0 || len > PACKAGE_ID_MAX) {
		sms_error(err, NULL, MIF_NOPOS, MIF_NOPOS, MIF_E_PROFILE,
		    "a package ID has 1 to %d characters", PACKAGE_ID_MAX);
		return false;
	}
	if (result != MIF_SMS_SUCCESS && result != MIF_SMS_FAILURE) {
		sms_error(err, NULL, MIF_NOPOS, MIF_NOPOS, MIF_E_PROFILE,
		    "a package's install status comes from Success or Failed");
		return false;
	}
	mif_time_iso(time, iso);
	iso[10] = 'T';
	snprintf(value, sizeof value, "%s %sZ",
	    mif_sms_status_name(result == MIF_SMS_SUCCESS ? MIF_SMS_COMPLETE
	    : MIF_SMS_FAILED), iso);

	const mif_block *comp = mif_doc_component(doc);
	if (comp == NULL) {
		mif_block *c = mif_add_block(doc, NULL, MIF_COMPONENT);
		if (c == NULL ||
		    mif_set_string(doc, c, MIF_KW_NAME, "WORKSTATION") == NULL)
			return nomem(err, doc);
		comp = c;
	}
	const mif_block *group = package_group(comp);
	if (group == NULL) {
		group = sms_add_group(doc, comp, "Package Install Status",
		    next_id(comp, MIF_GROUP, MIF_TABLE), MIF_SMS_PACKAGE_CLASS,
		    false);
		if (group == NULL)
			return nomem(err, doc);
	}
	const mif_block *attr = package_attribute(group, package_id);
	if (attr == NULL) {
		sms_attr a = { (uint32_t)next_id(group, MIF_ATTRIBUTE,
		    MIF_ATTRIBUTE), package_id, MIF_T_STRING, RECORD_SIZE };
		if ((attr = sms_add_attr(doc, group, &a)) == NULL)
			return nomem(err, doc);
	} else {
		mif_stmt type = { .form = MIF_F_TYPE, .sub = MIF_T_STRING,
		    .v.u = RECORD_SIZE };
		if (mif_set_stmt(doc, attr, MIF_KW_TYPE, &type) == NULL)
			return nomem(err, doc);
	}
	mif_stmt v = sms_string_cell(doc, value);
	return sms_set_value(doc, attr, &v) || nomem(err, doc);
}

bool
mif_sms_noidmif_lookup(const mif_doc *doc, const char *package_id,
    mif_sms_status *status, int64_t *time)
{
	const mif_block *comp = mif_doc_component(doc);
	const mif_block *group = comp != NULL ? package_group(comp) : NULL;
	const mif_block *attr = group != NULL
	    ? package_attribute(group, package_id) : NULL;
	const mif_stmt *v = attr != NULL ? mif_block_stmt(attr, MIF_KW_VALUE)
	    : NULL;
	char word[16];

	/* a NUL inside: not in that form, whatever comes before it */
	if (v == NULL || v->form != MIF_F_STRING ||
	    strlen(v->v.str->bytes) != v->v.str->len)
		return false;
	const char *text = v->v.str->bytes;
	const char *space = strchr(text, ' ');
	size_t n = space != NULL ? (size_t)(space - text) : 0;
	if (n == 0 || n >= sizeof word)
		return false;
	memcpy(word, text, n);
	word[n] = '\0';
	return mif_sms_status_parse(word, status) &&
	    mif_time_parse(space + 1, time);
}
