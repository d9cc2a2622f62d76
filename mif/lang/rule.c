/*
 * The rules diagnostics come from (mif_rule): their stable names, what
 * each checks, and the code its diagnostics carry.  miftools(7) lists the
 * same names under DIAGNOSTIC CODES; tests/unit/test_rules.c and a tools
 * test hold the two together.
 */
#include <string.h>

#include "lang/internal.h"

/* The rules of the codes stand in the codes' order. */
_Static_assert((int)MIF_RULE_IO == (int)MIF_E_IO &&
    (int)MIF_RULE_READ_AS == (int)MIF_E_READ_AS,
    "each code's rule has the code's number");

static const struct rule_entry {
	const char *name;
	mif_code code;
	const char *summary;
} rules[MIF_RULE_COUNT] = {
	[MIF_RULE_IO] = { "io", MIF_E_IO,
	    "a file could not be opened, read or written" },
	[MIF_RULE_NOMEM] = { "out-of-memory", MIF_E_NOMEM, "out of memory" },
	[MIF_RULE_TOO_BIG] = { "too-big", MIF_E_TOO_BIG,
	    "an input larger than any MIF may be" },
	[MIF_RULE_ENCODING] = { "encoding", MIF_E_ENCODING,
	    "bytes invalid in the encoding the text is read in" },
	[MIF_RULE_TOO_MANY] = { "too-many-errors", MIF_E_TOO_MANY,
	    "the error limit was reached; the file is read no further" },
	[MIF_RULE_CHAR] = { "unexpected-char", MIF_E_CHAR,
	    "a character that starts no token" },
	[MIF_RULE_STRING] = { "unclosed-string", MIF_E_STRING,
	    "a string not closed before the end of its line" },
	[MIF_RULE_ESCAPE] = { "escape-unknown", MIF_E_ESCAPE,
	    "an unknown escape in a string, read as a backslash and its "
	    "character" },
	[MIF_RULE_TOKEN_LONG] = { "too-long", MIF_E_TOKEN_LONG,
	    "a string, comment, word or number over the length limit" },
	[MIF_RULE_NUMBER] = { "bad-number", MIF_E_NUMBER,
	    "a malformed number, or one over 64 bits" },
	[MIF_RULE_KEYWORD] = { "unknown-keyword", MIF_E_KEYWORD,
	    "a word that is no keyword" },
	[MIF_RULE_SYNTAX] = { "syntax", MIF_E_SYNTAX,
	    "a token where the grammar allows none such" },
	[MIF_RULE_UNCLOSED] = { "unclosed-block", MIF_E_UNCLOSED,
	    "a block still open at the end of the file" },
	[MIF_RULE_UNMATCHED] = { "unmatched-end", MIF_E_UNMATCHED,
	    "an END without its START" },
	[MIF_RULE_STATEMENT] = { "misplaced-statement", MIF_E_STATEMENT,
	    "a statement not allowed where it stands" },
	[MIF_RULE_CONFLICT] = { "conflicting-statement", MIF_E_CONFLICT,
	    "a statement given again with another value" },
	[MIF_RULE_DUPLICATE] = { "repeated-statement", MIF_E_DUPLICATE,
	    "a statement repeated with the same value" },
	[MIF_RULE_MISSING] = { "missing-statement", MIF_E_MISSING,
	    "a required statement or block is missing" },
	[MIF_RULE_TYPE] = { "type-mismatch", MIF_E_TYPE,
	    "a value or type that does not suit its place" },
	[MIF_RULE_RANGE] = { "out-of-range", MIF_E_RANGE,
	    "a number out of range for its type" },
	[MIF_RULE_SIZE] = { "size", MIF_E_SIZE,
	    "a string type without its size, or a string longer than it" },
	[MIF_RULE_DATE] = { "bad-date", MIF_E_DATE, "an invalid DATE value" },
	[MIF_RULE_ENUM] = { "enum-symbol", MIF_E_ENUM,
	    "a value that is no symbol of its enum" },
	[MIF_RULE_DUP_ID] = { "duplicate-id", MIF_E_DUP_ID,
	    "an ID used twice among siblings" },
	[MIF_RULE_KEY] = { "bad-key", MIF_E_KEY,
	    "a KEY that names no attribute, or one twice" },
	[MIF_RULE_CLASS] = { "class-not-unique", MIF_E_CLASS,
	    "two templates of one class" },
	[MIF_RULE_TABLE] = { "table", MIF_E_TABLE,
	    "a table without its template, or a row that does not fit it" },
	[MIF_RULE_DUP_ROW] = { "duplicate-row", MIF_E_DUP_ROW,
	    "two rows with the same key values" },
	[MIF_RULE_ACCESS] = { "write-only-value", MIF_E_ACCESS,
	    "a VALUE on a WRITE-ONLY attribute" },
	[MIF_RULE_OVERLAY] = { "overlay-path", MIF_E_OVERLAY,
	    "an overlay that names no path" },
	[MIF_RULE_COMPONENTID] = { "componentid-missing", MIF_E_COMPONENTID,
	    "no ComponentID group (ID 1)" },
	[MIF_RULE_PROFILE] = { "profile", MIF_E_PROFILE,
	    "a rule of an SMS file that has no name of its own" },
	[MIF_RULE_READ_AS] = { "path-escape", MIF_E_READ_AS,
	    "an escape in what looks like a Windows path" },
	[MIF_RULE_ENCODING_MARK] = { "encoding-mark", MIF_E_ENCODING,
	    "a byte-order mark against the encoding asked for" },
	[MIF_RULE_ENCODING_DOUBT] = { "encoding-doubt", MIF_E_ENCODING,
	    "text read as ISO 8859-1 for want of a byte-order mark is valid "
	    "UTF-8" },
	[MIF_RULE_ENCODING_UNWRITABLE] = { "encoding-unwritable",
	    MIF_E_ENCODING, "text that the output encoding cannot hold" },
	[MIF_RULE_ESCAPE_OCTAL] = { "escape-octal", MIF_E_ESCAPE,
	    "an octal escape over \\377" },
	[MIF_RULE_PATH_DOUBLE_BACKSLASH] = { "path-double-backslash",
	    MIF_E_READ_AS,
	    "an escaped backslash among single ones in a Windows path" },
	[MIF_RULE_DATE_EMPTY] = { "date-empty", MIF_E_DATE,
	    "an empty DATE value, taken as unknown" },
	[MIF_RULE_ENUM_UNKNOWN] = { "enum-unknown", MIF_E_ENUM,
	    "a type that names no enum of the component" },
	[MIF_RULE_ENUM_CASE] = { "enum-case", MIF_E_ENUM,
	    "an enum or symbol named in another case" },
	[MIF_RULE_ENUM_TWICE] = { "enum-twice", MIF_E_ENUM,
	    "an enum defined twice" },
	[MIF_RULE_ENUM_VALUE_TWICE] = { "enum-value-twice", MIF_E_ENUM,
	    "an enum that gives a value twice" },
	[MIF_RULE_ENUM_SYMBOL_TWICE] = { "enum-symbol-twice", MIF_E_ENUM,
	    "an enum that gives a symbol twice" },
	[MIF_RULE_CLASS_FORM] = { "class-form", MIF_E_CLASS,
	    "a class not of the form \"body|name|version\"" },
	[MIF_RULE_COMPONENTID_CLASS] = { "componentid-class",
	    MIF_E_COMPONENTID, "a group 1 of another class than ComponentID" },
	[MIF_RULE_COMPONENTID_ATTRIBUTE] = { "componentid-attribute",
	    MIF_E_COMPONENTID,
	    "a ComponentID group without one of its standard attributes" },
	[MIF_RULE_COMPONENTID_VALUE] = { "componentid-value",
	    MIF_E_COMPONENTID, "a ComponentID Verify value not 0 to 7" },
	[MIF_RULE_COMPONENTID_TYPE] = { "componentid-type", MIF_E_COMPONENTID,
	    "a ComponentID attribute of another type than the standard's" },
	[MIF_RULE_STATUS_LENGTH] = { "status-length", MIF_E_PROFILE,
	    "a status MIF value longer than the InstallStatusMIF API allows" },
	[MIF_RULE_STATUS_NO_GROUP] = { "status-no-group", MIF_E_PROFILE,
	    "no InstallStatus group: not a status MIF" },
	[MIF_RULE_STATUS_NO_STATUS] = { "status-no-status", MIF_E_PROFILE,
	    "an InstallStatus group without its Status attribute" },
	[MIF_RULE_STATUS_NO_VALUE] = { "status-no-value", MIF_E_PROFILE,
	    "a Status attribute without a VALUE" },
	[MIF_RULE_STATUS_VALUE] = { "status-value", MIF_E_PROFILE,
	    "a status neither \"Success\" nor \"Failed\"" },
	[MIF_RULE_STATUS_CASE] = { "status-case", MIF_E_PROFILE,
	    "a status spelled in mixed or lower case" },
	[MIF_RULE_STATUS_DESCRIPTION] = { "status-description", MIF_E_PROFILE,
	    "an InstallStatus group without a description to show" },
	[MIF_RULE_ANSI_UTF8] = { "ansi-utf8", MIF_E_PROFILE,
	    "UTF-8 text where SMS reads ANSI text" },
	[MIF_RULE_ANSI_ONLY] = { "ansi-only", MIF_E_PROFILE,
	    "a NOIDMIF or IDMIF in another encoding than ANSI text" },
	[MIF_RULE_SIZE_LIMIT] = { "size-limit", MIF_E_PROFILE,
	    "a NOIDMIF or IDMIF over the size limit" },
	[MIF_RULE_CLASS_INSTANCES] = { "class-instances", MIF_E_PROFILE,
	    "a class with several instances and no KEY" },
	[MIF_RULE_DATE_UNQUOTED] = { "date-unquoted", MIF_E_PROFILE,
	    "a DATE value that is not a string" },
	[MIF_RULE_IDMIF_HEADER] = { "idmif-header", MIF_E_PROFILE,
	    "an IDMIF without its //Architecture or //UniqueID line" },
	[MIF_RULE_IDMIF_HEADER_FORM] = { "idmif-header-form", MIF_E_PROFILE,
	    "a malformed IDMIF header line" },
	[MIF_RULE_IDMIF_HEADER_ORDER] = { "idmif-header-order", MIF_E_PROFILE,
	    "IDMIF header lines out of their order" },
	[MIF_RULE_IDMIF_CLASS_LENGTH] = { "idmif-class-length", MIF_E_PROFILE,
	    "a class longer than SMS stores" },
	[MIF_RULE_IDMIF_ARCHITECTURE] = { "idmif-architecture", MIF_E_PROFILE,
	    "an architecture that SMS 2.0 refused from clients" },
	[MIF_RULE_IDMIF_ARCHITECTURE_GROUP] = { "idmif-architecture-group",
	    MIF_E_PROFILE, "no group of the architecture's class" },
	[MIF_RULE_IDMIF_ARCHITECTURE_EMPTY] = { "idmif-architecture-empty",
	    MIF_E_PROFILE, "the architecture's group has no attribute" },
	[MIF_RULE_HISTORY_BEFORE_OFFER] = { "history-before-offer",
	    MIF_E_PROFILE, "a job history instruction older than its job" },
	[MIF_RULE_HISTORY_EXPIRED_TWICE] = { "history-expired-twice",
	    MIF_E_PROFILE, "a second Expired instruction for one client" },
	[MIF_RULE_AUDITED_AGAIN] = { "audited-again", MIF_E_DUPLICATE,
	    "an inventory audited twice with the same result" },
	[MIF_RULE_PROFILE_CHOSEN] = { "profile-chosen", MIF_E_PROFILE,
	    "the profile --profile auto chose (a note)" },
	[MIF_RULE_SMS_NOT_LOADED] = { "sms-not-loaded", MIF_E_PROFILE,
	    "a status MIF that SMS does not load, such as Q140810's (a note)" },
	[MIF_RULE_SMS_NO_DETAIL] = { "sms-no-detail", MIF_E_PROFILE,
	    "an instruction for which SMS writes no status MIF (a note)" },
	[MIF_RULE_OLD_SPELLING] = { "old-spelling", MIF_E_SYNTAX,
	    "an option given in its old spelling, which will go" },
	[MIF_RULE_IDMIF_FORM] = { "idmif-form", MIF_E_PROFILE,
	    "the form of an IDMIF's identity: SMS 1.x groups or SMS 2.0 "
	    "header lines (a note)" },
	[MIF_RULE_IDMIF_IDENTIFICATION] = { "idmif-identification",
	    MIF_E_PROFILE, "an IDMIF of the SMS 1.x form without its "
	    "Identification group" },
	[MIF_RULE_STRING_NUL] = { "string-nul", MIF_E_CHAR,
	    "a NUL byte in a string" },
	[MIF_RULE_ESCAPE_UPPER] = { "escape-upper", MIF_E_ESCAPE,
	    "an escape in capitals, kept as a backslash and its letter, which "
	    "the DMI reference parser reads as the escape" },
	[MIF_RULE_GROUP_EMPTY] = { "group-empty", MIF_E_MISSING,
	    "a group without attributes, which the DMI reference parser "
	    "refuses" },
	[MIF_RULE_COMPONENT_EMPTY] = { "component-empty", MIF_E_MISSING,
	    "a component without groups, which the DMI reference parser "
	    "refuses" },
	[MIF_RULE_VALUE_BEFORE_TYPE] = { "value-before-type", MIF_E_STATEMENT,
	    "a VALUE before the TYPE of its attribute, which the DMI reference "
	    "parser refuses" },
};

/* Each code's own rule: they stand in the code's order after
 * MIF_RULE_OF_CODE. */
static mif_rule
rule_of_code(mif_code code)
{
	return code > MIF_OK && code <= MIF_E_READ_AS ? (mif_rule)code
	    : MIF_RULE_OF_CODE;
}

mif_rule
mif_error_rule(const mif_error *err)
{
	return err->rule > MIF_RULE_OF_CODE && err->rule < MIF_RULE_COUNT
	    ? err->rule : rule_of_code(err->code);
}

const char *
mif_rule_name(mif_rule rule)
{
	return rule > MIF_RULE_OF_CODE && rule < MIF_RULE_COUNT
	    ? rules[rule].name : NULL;
}

const char *
mif_rule_summary(mif_rule rule)
{
	return rule > MIF_RULE_OF_CODE && rule < MIF_RULE_COUNT
	    ? rules[rule].summary : NULL;
}

mif_code
mif_rule_code(mif_rule rule)
{
	return rule > MIF_RULE_OF_CODE && rule < MIF_RULE_COUNT
	    ? rules[rule].code : MIF_OK;
}

bool
mif_rule_parse(const char *name, mif_rule *out)
{
	for (int r = MIF_RULE_OF_CODE + 1; r < MIF_RULE_COUNT; r++) {
		if (strcmp(name, rules[r].name) == 0) {
			*out = (mif_rule)r;
			return true;
		}
	}
	return false;
}
