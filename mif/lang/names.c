/* The spellings of keywords, types and the like, as the writer gives them. */
#include "lang/internal.h"

#define NAME_OF(table, i) \
	((unsigned)(i) < sizeof(table) / sizeof(table)[0] ? (table)[i] : "?")

const char *
mif_block_kind_name(mif_block_kind kind)
{
	static const char *const n[] = {
		"COMPONENT", "PATH", "ENUM", "GROUP", "ATTRIBUTE", "TABLE",
	};
	return NAME_OF(n, kind);
}

const char *
mif_keyword_name(mif_keyword kw)
{
	static const char *const n[] = {
		"NAME", "DESCRIPTION", "CLASS", "ID", "KEY", "TYPE", "ACCESS",
		"STORAGE", "VALUE", "LANGUAGE", "PRAGMA", "PLATFORM",
	};
	return NAME_OF(n, kw);
}

const char *
mif_platform_name(mif_platform platform)
{
	static const char *const n[] = {
		"DOS", "MACOS", "OS2", "UNIX", "WIN16", "WIN32", "WIN9X", "WINNT",
	};
	return NAME_OF(n, platform);
}

const char *
mif_type_name(mif_type_kind type)
{
	static const char *const n[] = {
		"INTEGER", "INT", "INTEGER64", "INT64", "COUNTER", "COUNTER64",
		"GAUGE", "STRING", "DISPLAYSTRING", "OCTETSTRING", "DATE",
		"ENUM", "ENUM",
	};
	return NAME_OF(n, type);
}

const char *
mif_access_name(mif_access access)
{
	static const char *const n[] = { "READ-ONLY", "READ-WRITE", "WRITE-ONLY" };
	return NAME_OF(n, access);
}

const char *
mif_storage_name(mif_storage storage)
{
	static const char *const n[] = { "SPECIFIC", "COMMON" };
	return NAME_OF(n, storage);
}
