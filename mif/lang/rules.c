/*
 * Where things may stand in a MIF: which blocks a block holds, which
 * statements it takes.  The parser, the converters and the building
 * functions all ask here, so the language has one statement of it.
 */
#include "lang/internal.h"

#define BIT(kw) (1u << (kw))

static const unsigned statements[MIF_BLOCK_KIND_COUNT] = {
	[MIF_COMPONENT] = BIT(MIF_KW_NAME) | BIT(MIF_KW_DESCRIPTION) |
	    BIT(MIF_KW_LANGUAGE) | BIT(MIF_KW_PRAGMA),
	[MIF_PATH] = BIT(MIF_KW_NAME) | BIT(MIF_KW_PLATFORM),
	[MIF_ENUM] = BIT(MIF_KW_NAME) | BIT(MIF_KW_TYPE),
	[MIF_GROUP] = BIT(MIF_KW_NAME) | BIT(MIF_KW_DESCRIPTION) |
	    BIT(MIF_KW_CLASS) | BIT(MIF_KW_ID) | BIT(MIF_KW_KEY) | BIT(MIF_KW_PRAGMA),
	[MIF_ATTRIBUTE] = BIT(MIF_KW_NAME) | BIT(MIF_KW_DESCRIPTION) |
	    BIT(MIF_KW_ID) | BIT(MIF_KW_TYPE) | BIT(MIF_KW_ACCESS) |
	    BIT(MIF_KW_STORAGE) | BIT(MIF_KW_VALUE),
	[MIF_TABLE] = BIT(MIF_KW_NAME) | BIT(MIF_KW_DESCRIPTION) |
	    BIT(MIF_KW_ID) | BIT(MIF_KW_CLASS),
};

bool
mif_kind_takes(int kind, int kw)
{
	return kind >= 0 && kind < MIF_BLOCK_KIND_COUNT && kw >= 0 &&
	    kw < MIF_KW_COUNT && (statements[kind] & BIT(kw)) != 0;
}

bool
mif_kind_holds(int parent, int child)
{
	switch (parent) {
	case MIF_NO_KIND: return child == MIF_COMPONENT;
	case MIF_COMPONENT: return child == MIF_PATH || child == MIF_ENUM ||
	    child == MIF_GROUP || child == MIF_TABLE;
	case MIF_GROUP: return child == MIF_ATTRIBUTE;
	default: return false;
	}
}
