/*
 * The SMS profiles of mif_check(): each rule of the status, NOIDMIF and
 * IDMIF profiles with inputs that pass it and inputs that break it, the
 * detection that --profile auto uses, and the profile names.  Every test
 * asserts exactly the diagnostics a profile adds to the DMI checks.
 */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mif.h"

static mif_doc *
parse_bytes(const void *data, size_t len)
{
	mif_parse_options o = { .source_name = "t.mif" };
	mif_error err;
	mif_doc *doc = mif_parse_buffer(data, len, &o, &err);

	assert_non_null(doc);
	return doc;
}

/* The diagnostics from index `from` on, one a line:
 * "LINE:COL: severity: text", then " [LINE:COL]" for a context; codes
 * other than MIF_E_PROFILE are named, as a profile should use no other. */
/*
 * Whether the DMI checks' diagnostic e is said under profile too: SMS
 * files need no ComponentID group, and an IDMIF's architecture class may
 * be a plain name (miftools(7), WARNINGS).
 */
static bool
profile_keeps(mif_profile profile, const mif_error *e)
{
	if (e->severity >= MIF_ERROR || (profile != MIF_PROFILE_STATUS &&
	    profile != MIF_PROFILE_NOIDMIF && profile != MIF_PROFILE_IDMIF))
		return true;
	if (e->code == MIF_E_COMPONENTID)
		return false;
	return !(profile == MIF_PROFILE_IDMIF &&
	    mif_error_rule(e) == MIF_RULE_CLASS_FORM);
}

static void
format_diags(const mif_doc *doc, size_t from, mif_profile profile,
    char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (size_t i = from; i < mif_doc_diag_count(doc) && used < len; i++) {
		const mif_error *e = mif_doc_diag(doc, i);
		if (!profile_keeps(profile, e))
			continue;
		used += (size_t)snprintf(buf + used, len - used, "%u:%u: %s: %s%s",
		    e->mark.line, e->mark.column, mif_severity_name(e->severity),
		    e->code == MIF_E_PROFILE ? "" : "(not a profile code) ",
		    e->text);
		if (used < len && e->context.line != 0)
			used += (size_t)snprintf(buf + used, len - used, " [%u:%u]",
			    e->context.line, e->context.column);
		if (used < len)
			used += (size_t)snprintf(buf + used, len - used, "\n");
	}
}

static size_t
count_errors(const char *want)
{
	size_t n = 0;

	for (const char *p = want; (p = strstr(p, ": error: ")) != NULL; p++)
		n++;
	return n;
}

/*
 * Check the bytes once with the DMI checks only and once with the
 * profile: the profile's run must say all that the DMI run says but the
 * warnings the profile allows (profile_keeps()), then exactly `want`,
 * and count the errors of both.
 */
static void
bytes_say(const void *data, size_t len, mif_profile profile,
    unsigned max_size_kb, const char *want)
{
	char dmi_text[8192], text[8192];
	mif_doc *dmi = parse_bytes(data, len);
	mif_doc *doc = parse_bytes(data, len);
	mif_check_options opts = { .profile = profile, .max_size_kb = max_size_kb };

	size_t dmi_errors = mif_check(dmi, NULL);
	size_t errors = mif_check(doc, &opts);
	size_t n = 0;
	if (profile == MIF_PROFILE_AUTO)
		profile = mif_detect_profile(dmi);
	for (size_t i = 0; i < mif_doc_diag_count(dmi); i++)
		n += profile_keeps(profile, mif_doc_diag(dmi, i));
	assert_true(mif_doc_diag_count(doc) >= n);
	format_diags(dmi, 0, profile, dmi_text, sizeof dmi_text);
	format_diags(doc, 0, MIF_PROFILE_DMI, text, sizeof text);
	text[strlen(dmi_text)] = '\0';
	assert_string_equal(text, dmi_text);
	format_diags(doc, n, MIF_PROFILE_DMI, text, sizeof text);
	assert_string_equal(text, want);
	assert_int_equal(errors, dmi_errors + count_errors(want));
	mif_doc_free(dmi);
	mif_doc_free(doc);
}

static void
says(const char *text, mif_profile profile, const char *want)
{
	bytes_say(text, strlen(text), profile, 0, want);
}

/* ---- names and detection ------------------------------------------------ */

static void
test_profile_names(void **state)
{
	(void)state;
	assert_string_equal(mif_profile_name(MIF_PROFILE_DMI), "dmi");
	assert_string_equal(mif_profile_name(MIF_PROFILE_STATUS), "status");
	assert_string_equal(mif_profile_name(MIF_PROFILE_NOIDMIF), "noidmif");
	assert_string_equal(mif_profile_name(MIF_PROFILE_IDMIF), "idmif");
	assert_string_equal(mif_profile_name(MIF_PROFILE_AUTO), "auto");
	assert_string_equal(mif_profile_name((mif_profile)5), "?");
	assert_string_equal(mif_profile_name((mif_profile)-1), "?");

	/* the reverse, for every name; only the exact spelling */
	mif_profile p = MIF_PROFILE_DMI;
	for (int i = MIF_PROFILE_DMI; i <= MIF_PROFILE_AUTO; i++) {
		assert_true(mif_profile_parse(mif_profile_name((mif_profile)i), &p));
		assert_int_equal(p, i);
	}
	assert_false(mif_profile_parse("?", &p));
	assert_false(mif_profile_parse("Status", &p));
	assert_false(mif_profile_parse("", &p));
	assert_int_equal(p, MIF_PROFILE_AUTO); /* untouched */

	/* the SMS products: the versions of --sms, 1.x alike */
	mif_sms_product sms = MIF_SMS_ANY;
	assert_true(mif_sms_product_parse("1.0", &sms));
	assert_int_equal(sms, MIF_SMS_1X);
	assert_true(mif_sms_product_parse("1.2", &sms));
	assert_int_equal(sms, MIF_SMS_1X);
	assert_true(mif_sms_product_parse("2.0", &sms));
	assert_int_equal(sms, MIF_SMS_20);
	assert_true(mif_sms_product_parse("2003", &sms));
	assert_int_equal(sms, MIF_SMS_2003);
	assert_false(mif_sms_product_parse("2", &sms));
	assert_false(mif_sms_product_parse("", &sms));
	assert_int_equal(sms, MIF_SMS_2003); /* untouched */
}

static mif_profile
detect(const char *text)
{
	mif_doc *doc = parse_bytes(text, strlen(text));
	mif_profile p = mif_detect_profile(doc);

	mif_doc_free(doc);
	return p;
}

#define GROUP(cls) "START GROUP NAME = \"G\" ID = 1 CLASS = \"" cls "\" END GROUP\n"

static void
test_detect(void **state)
{
	(void)state;
	/* status: a group of the job status class, any case, anywhere */
	assert_int_equal(detect("START COMPONENT NAME = \"W\"\n"
	    GROUP("A|B|1") GROUP("microsoft|JobStatus|1.0") "END COMPONENT\n"),
	    MIF_PROFILE_STATUS);
	/* status wins over an IDMIF header */
	assert_int_equal(detect("//Architecture<W>\n//UniqueID<1>\n"
	    "START COMPONENT NAME = \"W\"\n" GROUP("MICROSOFT|JOBSTATUS|1.0")
	    "END COMPONENT\n"), MIF_PROFILE_STATUS);
	/* IDMIF: an //Architecture<...> line before START COMPONENT, even
	 * malformed or after another comment */
	assert_int_equal(detect("//Architecture<W>\nSTART COMPONENT NAME = \"W\"\n"
	    "END COMPONENT\n"), MIF_PROFILE_IDMIF);
	assert_int_equal(detect("// ARCHITECTURE <W>\nSTART COMPONENT NAME = \"W\"\n"
	    "END COMPONENT\n"), MIF_PROFILE_IDMIF);
	assert_int_equal(detect("// made by hand\n//Architecture<W>\n"
	    "START COMPONENT NAME = \"W\"\nEND COMPONENT\n"), MIF_PROFILE_IDMIF);
	/* without a component, every comment is before it */
	assert_int_equal(detect("//Architecture<W>\n"), MIF_PROFILE_IDMIF);
	/* SMS 1.x (Q199229): a group named Architecture with an
	 * ArchitectureName, names in any case */
	assert_int_equal(detect("START COMPONENT NAME = \"W\"\n"
	    "START GROUP NAME = \"architecture\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"ARCHITECTURENAME\" ID = 1 "
	    "TYPE = STRING(18) VALUE = \"Personal Computer\" END ATTRIBUTE\n"
	    "END GROUP\nEND COMPONENT\n"), MIF_PROFILE_IDMIF);
	/* a group named otherwise is inventory (Q202078's SMSTeam) */
	assert_int_equal(detect("START COMPONENT NAME = \"W\"\n"
	    "START GROUP NAME = \"SMSTeam\" ID = 2 CLASS = \"A|B|1\"\n"
	    "START ATTRIBUTE NAME = \"ArchitectureName\" ID = 1 "
	    "TYPE = STRING(18) VALUE = \"Personal Computer\" END ATTRIBUTE\n"
	    "END GROUP\nEND COMPONENT\n"), MIF_PROFILE_NOIDMIF);
	/* NOIDMIF: everything else */
	assert_int_equal(detect("START COMPONENT NAME = \"W\"\n" GROUP("A|B|1")
	    "END COMPONENT\n"), MIF_PROFILE_NOIDMIF);
	assert_int_equal(detect("// Architecture notes: none\n"
	    "START COMPONENT NAME = \"W\"\nEND COMPONENT\n"), MIF_PROFILE_NOIDMIF);
	assert_int_equal(detect("START COMPONENT NAME = \"W\"\n"
	    "//Architecture<W>\nEND COMPONENT\n"), MIF_PROFILE_NOIDMIF);
	assert_int_equal(detect("START COMPONENT NAME = \"W\"\n"
	    GROUP("MICROSOFT|JOBSTATUS|2.0") "END COMPONENT\n"),
	    MIF_PROFILE_NOIDMIF);
	assert_int_equal(detect(""), MIF_PROFILE_NOIDMIF);
}

/* ---- the status profile ---------------------------------------------------- */

#define ATTR(name, id, type, value) \
	"START ATTRIBUTE NAME = \"" name "\" ID = " #id " TYPE = " type \
	" VALUE = " value " END ATTRIBUTE\n"

/* A status MIF of the full form; line 8 is Status, 9 Description. */
#define STATUS_MIF(status, description) \
	"START COMPONENT NAME = \"WORKSTATION\"\n" \
	"START GROUP NAME = \"ComponentID\" ID = 1 CLASS = \"DMTF|ComponentID|1.0\"\n" \
	ATTR("Manufacturer", 1, "STRING(64)", "\"Contoso\"") \
	ATTR("Product", 2, "STRING(64)", "\"Agent\"") \
	ATTR("Version", 3, "STRING(64)", "\"2.1\"") \
	"END GROUP\n" \
	"START GROUP NAME = \"InstallStatus\" ID = 2 CLASS = \"MICROSOFT|JOBSTATUS|1.0\"\n" \
	ATTR("Status", 1, "STRING(32)", status) \
	ATTR("Description", 2, "STRING(255)", description) \
	"END GROUP\n" \
	"END COMPONENT\n"

static void
test_status_valid(void **state)
{
	(void)state;
	says(STATUS_MIF("\"Success\"", "\"Installed\""), MIF_PROFILE_STATUS, "");
	says(STATUS_MIF("\"Failed\"", "\"Disk full\""), MIF_PROFILE_STATUS, "");
	/* the short form, class and names in other cases, IDs as they come */
	says("START COMPONENT NAME = \"Workstation\"\n"
	    "START GROUP NAME = \"InstallStatus\" ID = 1 "
	    "CLASS = \"Microsoft|JobStatus|1.0\"\n"
	    ATTR("DESCRIPTION", 7, "STRING(128)", "\"ok\"")
	    ATTR("status", 9, "STRING(16)", "\"Success\"")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_STATUS, "");
}

static void
test_status_group_missing(void **state)
{
	(void)state;
	says("START COMPONENT NAME = \"WORKSTATION\"\n"
	    "START GROUP NAME = \"InstallStatus\" ID = 1 "
	    "CLASS = \"MICROSOFT|JOB_STATUS|1.0\"\n"
	    ATTR("Status", 1, "STRING(16)", "\"Failed\"")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_STATUS,
	    "1:1: error: no InstallStatus group (class "
	    "\"MICROSOFT|JOBSTATUS|1.0\"): not a status MIF\n");
	/* no component at all: the parser's error is enough */
	says("", MIF_PROFILE_STATUS, "");
}

static void
test_status_attribute(void **state)
{
	(void)state;
	says("START COMPONENT NAME = \"WORKSTATION\"\n"
	    "START GROUP NAME = \"InstallStatus\" ID = 1 "
	    "CLASS = \"MICROSOFT|JOBSTATUS|1.0\"\n"
	    ATTR("Result", 1, "STRING(16)", "\"Failed\"")
	    ATTR("Description", 2, "STRING(128)", "\"x\"")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_STATUS,
	    "2:1: error: InstallStatus group \"InstallStatus\" has no \"Status\" "
	    "attribute\n");
	says("START COMPONENT NAME = \"WORKSTATION\"\n"
	    "START GROUP NAME = \"InstallStatus\" ID = 1 "
	    "CLASS = \"MICROSOFT|JOBSTATUS|1.0\"\n"
	    "START ATTRIBUTE NAME = \"Status\" ID = 1 TYPE = STRING(16) "
	    "END ATTRIBUTE\n"
	    ATTR("Description", 2, "STRING(128)", "\"x\"")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_STATUS,
	    "3:1: error: attribute \"Status\" of InstallStatus group "
	    "\"InstallStatus\" has no VALUE; it must be \"Success\" or "
	    "\"Failed\"\n");
}

static void
test_status_value(void **state)
{
	(void)state;
	/* upper case, as older writers spell it, is how SMS files are */
	says(STATUS_MIF("\"FAILED\"", "\"x\""), MIF_PROFILE_STATUS, "");
	says(STATUS_MIF("\"SUCCESS\"", "\"x\""), MIF_PROFILE_STATUS, "");
	says(STATUS_MIF("\"FAILed\"", "\"x\""), MIF_PROFILE_STATUS,
	    "8:58: warning: status \"FAILed\" is spelled \"Failed\" in a status "
	    "MIF\n");
	says(STATUS_MIF("\"success\"", "\"x\""), MIF_PROFILE_STATUS,
	    "8:58: warning: status \"success\" is spelled \"Success\" in a "
	    "status MIF\n");
	says(STATUS_MIF("\"Done\"", "\"x\""), MIF_PROFILE_STATUS,
	    "8:58: error: status \"Done\" is neither \"Success\" nor "
	    "\"Failed\"\n");
	says(STATUS_MIF("\"Success \"", "\"x\""), MIF_PROFILE_STATUS,
	    "8:58: error: status \"Success \" is neither \"Success\" nor "
	    "\"Failed\"\n");
	says(STATUS_MIF("\"\"", "\"x\""), MIF_PROFILE_STATUS,
	    "8:58: error: status \"\" is neither \"Success\" nor \"Failed\"\n");
	says(STATUS_MIF("\"Succ\\0ess\"", "\"x\""), MIF_PROFILE_STATUS,
	    "8:58: error: status \"Succ\\x00ess\" is neither \"Success\" nor "
	    "\"Failed\"\n");
	says(STATUS_MIF("UNKNOWN", "\"x\""), MIF_PROFILE_STATUS,
	    "8:58: error: status UNKNOWN is neither \"Success\" nor \"Failed\"\n");
	/* a number: the DMI checks say it is no string; the profile says it
	 * is no status either */
	says(STATUS_MIF("0", "\"x\""), MIF_PROFILE_STATUS,
	    "8:58: error: status 0 is neither \"Success\" nor \"Failed\"\n");
}

static void
test_status_description(void **state)
{
	(void)state;
	says("START COMPONENT NAME = \"WORKSTATION\"\n"
	    "START GROUP NAME = \"InstallStatus\" ID = 1 "
	    "CLASS = \"MICROSOFT|JOBSTATUS|1.0\"\n"
	    ATTR("Status", 1, "STRING(16)", "\"Failed\"")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_STATUS,
	    "2:1: warning: InstallStatus group \"InstallStatus\" has no "
	    "\"Description\" attribute; SMS shows it as the status message\n");
	says("START COMPONENT NAME = \"WORKSTATION\"\n"
	    "START GROUP NAME = \"InstallStatus\" ID = 1 "
	    "CLASS = \"MICROSOFT|JOBSTATUS|1.0\"\n"
	    ATTR("Status", 1, "STRING(16)", "\"Failed\"")
	    "START ATTRIBUTE NAME = \"Description\" ID = 2 TYPE = STRING(128) "
	    "END ATTRIBUTE\n"
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_STATUS,
	    "4:1: warning: attribute \"Description\" of InstallStatus group "
	    "\"InstallStatus\" has no VALUE\n");
	says(STATUS_MIF("\"Failed\"", "\"\""), MIF_PROFILE_STATUS,
	    "9:64: warning: the description of InstallStatus group "
	    "\"InstallStatus\" is empty\n");
	says(STATUS_MIF("\"Failed\"", "\" \t \""), MIF_PROFILE_STATUS,
	    "9:64: warning: the description of InstallStatus group "
	    "\"InstallStatus\" is blank\n");
	/* no string, no message */
	says(STATUS_MIF("\"Failed\"", "UNKNOWN"), MIF_PROFILE_STATUS,
	    "9:64: warning: the description of InstallStatus group "
	    "\"InstallStatus\" is UNKNOWN, not a message\n");
	says(STATUS_MIF("\"Failed\"", "0x1F"), MIF_PROFILE_STATUS,
	    "9:64: warning: the description of InstallStatus group "
	    "\"InstallStatus\" is 0x1F, not a message\n");
}

/* n copies of a character (or of a UTF-8 sequence) in quotes. */
static const char *
quoted_run(char *buf, const char *piece, size_t n)
{
	size_t k = strlen(piece), o = 0;

	buf[o++] = '"';
	for (size_t i = 0; i < n; i++, o += k)
		memcpy(buf + o, piece, k);
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

/* A status MIF with attr (NULL type: no TYPE statement) in the
 * ComponentID group, or as the Description. */
static void
status_with(const char *attr, const char *type, const char *value,
    const char *want)
{
	char text[4096], typed[64] = "";

	if (type != NULL)
		snprintf(typed, sizeof typed, "TYPE = %s ", type);
	snprintf(text, sizeof text,
	    "START COMPONENT NAME = \"WORKSTATION\"\n"
	    "START GROUP NAME = \"ComponentID\" ID = 1 CLASS = \"DMTF|ComponentID|1.0\"\n"
	    "START ATTRIBUTE NAME = \"%s\" ID = 1 %sVALUE = %s END ATTRIBUTE\n"
	    "END GROUP\n"
	    "START GROUP NAME = \"InstallStatus\" ID = 2 CLASS = \"MICROSOFT|JOBSTATUS|1.0\"\n"
	    ATTR("Status", 1, "STRING(32)", "\"Success\"")
	    "START ATTRIBUTE NAME = \"Description\" ID = 2 %sVALUE = %s END ATTRIBUTE\n"
	    "END GROUP\n"
	    "END COMPONENT\n",
	    attr, typed, strcmp(attr, "Description") == 0 ? "\"x\"" : value,
	    typed, strcmp(attr, "Description") == 0 ? value : "\"x\"");
	says(text, MIF_PROFILE_STATUS, want);
}

static void
test_status_lengths(void **state)
{
	char v[1024], want[512];
	static const struct { const char *name; size_t max; } limits[] = {
		{ "Manufacturer", 64 }, { "Product", 64 }, { "Version", 64 },
		{ "Serial Number", 64 }, { "Locale", 16 },
	};
	(void)state;
	/* where the file declares no size, the API's limits hold */
	for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++) {
		status_with(limits[i].name, NULL,
		    quoted_run(v, "a", limits[i].max), "");
		/* VALUE after 33 characters and the name */
		snprintf(want, sizeof want, "3:%zu: error: value of ComponentID "
		    "attribute \"%s\" is %zu characters long; with no size "
		    "declared, a status MIF allows %zu\n",
		    34 + strlen(limits[i].name),
		    limits[i].name, limits[i].max + 1, limits[i].max);
		status_with(limits[i].name, NULL,
		    quoted_run(v, "a", limits[i].max + 1), want);
	}
	/* names in another case are the same attributes */
	status_with("PRODUCT", NULL, quoted_run(v, "a", 65),
	    "3:41: error: value of ComponentID attribute \"PRODUCT\" is 65 "
	    "characters long; with no size declared, a status MIF allows 64\n");
	/* other attributes have no limit */
	status_with("Installation", NULL, quoted_run(v, "a", 100), "");
	/* characters, not bytes: 64 two-byte characters fit */
	status_with("Product", NULL, quoted_run(v, "\\xE9", 64), "");
	/* the description: 128 */
	status_with("Description", NULL, quoted_run(v, "d", 128), "");
	status_with("Description", NULL, quoted_run(v, "d", 129),
	    "7:45: error: value of InstallStatus attribute \"Description\" is "
	    "129 characters long; with no size declared, a status MIF allows "
	    "128\n");
	/* a declared size is the file's own limit, which the DMI checks
	 * hold it to: SMS Installer's STRING(255) Description (Q169491) */
	status_with("Description", "STRING(255)", quoted_run(v, "d", 255), "");
	status_with("Description", "STRING(100)", quoted_run(v, "d", 129), "");
	status_with("Product", "STRING(128)", quoted_run(v, "a", 65), "");
	status_with("Locale", "STRING(64)", quoted_run(v, "l", 17), "");
}

static void
test_status_limits_without_installstatus(void **state)
{
	char v[128], text[1024];
	(void)state;
	snprintf(text, sizeof text,
	    "START COMPONENT NAME = \"WORKSTATION\"\n"
	    "START GROUP NAME = \"ComponentID\" ID = 1 CLASS = \"DMTF|ComponentID|1.0\"\n"
	    "START ATTRIBUTE NAME = \"Locale\" ID = 1 VALUE = %s END ATTRIBUTE\n"
	    "END GROUP\nEND COMPONENT\n", quoted_run(v, "l", 17));
	says(text, MIF_PROFILE_STATUS,
	    "1:1: error: no InstallStatus group (class "
	    "\"MICROSOFT|JOBSTATUS|1.0\"): not a status MIF\n"
	    "3:40: error: value of ComponentID attribute \"Locale\" is 17 "
	    "characters long; with no size declared, a status MIF allows 16\n");
}

/* ---- the NOIDMIF profile ------------------------------------------------- */

#define NOIDMIF_HEAD \
	"START COMPONENT NAME = \"WORKSTATION\"\n" \
	"START GROUP NAME = \"Asset\" ID = 1 CLASS = \"CONTOSO|ASSET|1.0\"\n"

static void
test_noidmif_valid(void **state)
{
	(void)state;
	says(NOIDMIF_HEAD
	    ATTR("Tag", 1, "STRING(16)", "\"CT-1\"")
	    ATTR("Bought", 2, "DATE", "\"19981102000000.000000+060\"")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_NOIDMIF, "");
}

static void
test_noidmif_encoding(void **state)
{
	static const char text[] = NOIDMIF_HEAD "END GROUP\nEND COMPONENT\n";
	char buf[sizeof text * 2 + 4];
	(void)state;

	/* ISO 8859-1 bytes over 0x7F are ANSI text */
	says(NOIDMIF_HEAD "// Caf\xE9\nEND GROUP\nEND COMPONENT\n",
	    MIF_PROFILE_NOIDMIF, "");
	memcpy(buf, "\xEF\xBB\xBF", 3);
	memcpy(buf + 3, text, sizeof text - 1);
	bytes_say(buf, sizeof text + 2, MIF_PROFILE_NOIDMIF, 0,
	    "0:0: error: the file is UTF-8 (it starts with a byte-order mark); "
	    "SMS reads a NOIDMIF only as ANSI text\n");
	for (int be = 0; be < 2; be++) {
		buf[0] = be ? '\xFE' : '\xFF';
		buf[1] = be ? '\xFF' : '\xFE';
		for (size_t i = 0; i < sizeof text - 1; i++) {
			buf[2 + 2 * i + be] = text[i];
			buf[2 + 2 * i + !be] = '\0';
		}
		bytes_say(buf, 2 * sizeof text, MIF_PROFILE_NOIDMIF, 0, be
		    ? "0:0: error: the file is UTF-16BE (it starts with a "
		      "byte-order mark); SMS reads a NOIDMIF only as ANSI text\n"
		    : "0:0: error: the file is UTF-16LE (it starts with a "
		      "byte-order mark); SMS reads a NOIDMIF only as ANSI text\n");
	}
	/* the other profiles do not mind */
	bytes_say(buf, 2 * sizeof text, MIF_PROFILE_DMI, 0, "");
}

/* A file without byte-order mark whose every non-ASCII byte belongs to
 * a UTF-8 sequence is UTF-8 that SMS would read as ANSI: a warning at its
 * first non-ASCII character.  Bytes that are no UTF-8 are ANSI text. */
static void
test_noidmif_utf8_without_bom(void **state)
{
	static const char *const not_utf8[] = {
		"\xC3\xA9 \xE9",        /* a UTF-8 e-acute, then a Latin-1 one */
		"\xC3",                 /* a sequence cut short */
		"\xC3 ",
		"\xA9",                 /* a lone continuation byte */
		"\xC0\xAF",             /* overlong */
		"\xE0\x80\xAF",
		"\xED\xA0\x80",         /* a surrogate */
		"\xF4\x90\x80\x80",     /* over U+10FFFF */
		"\xF5\x80\x80\x80",
	};
	char text[256];
	(void)state;

	says(NOIDMIF_HEAD "// Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80\n"
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_NOIDMIF,
	    "3:7: warning: the file reads as UTF-8 without a byte-order mark; "
	    "SMS reads a NOIDMIF as ANSI text, so this character and those "
	    "like it would come out garbled\n");
	for (size_t i = 0; i < sizeof not_utf8 / sizeof not_utf8[0]; i++) {
		snprintf(text, sizeof text, NOIDMIF_HEAD "// x%s\n"
		    "END GROUP\nEND COMPONENT\n", not_utf8[i]);
		says(text, MIF_PROFILE_NOIDMIF, "");
	}
	/* a NOIDMIF rule only */
	says(NOIDMIF_HEAD "// Caf\xC3\xA9\nEND GROUP\nEND COMPONENT\n",
	    MIF_PROFILE_DMI, "");
}

/* A valid NOIDMIF of exactly `size` bytes (a comment fills it up). */
static char *
noidmif_of_size(size_t size)
{
	static const char head[] = NOIDMIF_HEAD "END GROUP\nEND COMPONENT\n//";
	char *buf = malloc(size);

	assert_non_null(buf);
	assert_true(size > sizeof head);
	memcpy(buf, head, sizeof head - 1);
	memset(buf + sizeof head - 1, 'x', size - (sizeof head - 1) - 1);
	buf[size - 1] = '\n';
	return buf;
}

static void
test_noidmif_size(void **state)
{
	(void)state;
	char *at = noidmif_of_size(250 * 1024);
	char *over = noidmif_of_size(250 * 1024 + 1);

	/* the default limit, 250 KB */
	bytes_say(at, 250 * 1024, MIF_PROFILE_NOIDMIF, 0, "");
	bytes_say(over, 250 * 1024 + 1, MIF_PROFILE_NOIDMIF, 0,
	    "0:0: error: the file has 256001 bytes, over the size limit of "
	    "250 KB (256000 bytes)\n");
	bytes_say(over, 250 * 1024 + 1, MIF_PROFILE_NOIDMIF, 251, "");
	/* a limit of 1 KB */
	bytes_say(at, 1024, MIF_PROFILE_NOIDMIF, 1, "");
	bytes_say(over, 1025, MIF_PROFILE_NOIDMIF, 1,
	    "0:0: error: the file has 1025 bytes, over the size limit of 1 KB "
	    "(1024 bytes)\n");
	/* the status profile has no limit */
	bytes_say(over, 250 * 1024 + 1, MIF_PROFILE_DMI, 0, "");
	free(at);
	free(over);
}

static void
test_noidmif_dates(void **state)
{
	(void)state;
	says("START COMPONENT NAME = \"WORKSTATION\"\n"
	    "START PATH NAME = \"P\" WIN32 = \"p.dll\" END PATH\n"
	    "START GROUP NAME = \"Asset\" ID = 1 CLASS = \"CONTOSO|ASSET|1.0\"\n"
	    ATTR("a", 1, "DATE", "UNKNOWN")
	    ATTR("b", 2, "DATE", "UNSUPPORTED")
	    ATTR("c", 3, "DATE", "*\"P\"")
	    ATTR("d", 4, "DATE", "\"19990101000000.000000+000\"")
	    ATTR("e", 5, "STRING(8)", "UNKNOWN")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_NOIDMIF,
	    "4:47: error: value of DATE attribute \"a\" is UNKNOWN, not a quoted "
	    "date: SMS reads dates only from strings\n"
	    "5:47: error: value of DATE attribute \"b\" is UNSUPPORTED, not a "
	    "quoted date: SMS reads dates only from strings\n"
	    "6:47: error: value of DATE attribute \"c\" is an overlay, not a "
	    "quoted date: SMS reads dates only from strings\n");
	/* the cells a table row gives for a DATE column; an empty position
	 * takes the template's VALUE, checked there */
	says("START COMPONENT NAME = \"WORKSTATION\"\n"
	    "START GROUP NAME = \"Disk\" CLASS = \"CONTOSO|DISK|1.0\" KEY = 1\n"
	    ATTR("n", 1, "INTEGER", "0")
	    ATTR("d", 2, "DATE", "\"19990101000000.000000+000\"")
	    "END GROUP\n"
	    "START TABLE NAME = \"Disks\" ID = 1 CLASS = \"CONTOSO|DISK|1.0\"\n"
	    "{1, UNKNOWN}\n"
	    "{2, \"19990101000000.000000+000\"} {3, } {4} {5, UNSUPPORTED}\n"
	    "END TABLE\nEND COMPONENT\n", MIF_PROFILE_NOIDMIF,
	    "7:5: error: value of DATE attribute \"d\" is UNKNOWN, not a quoted "
	    "date: SMS reads dates only from strings\n"
	    "8:48: error: value of DATE attribute \"d\" is UNSUPPORTED, not a "
	    "quoted date: SMS reads dates only from strings\n");
	/* a number has its DMI error (a number where DATE wants a string),
	 * and no second one */
	says(NOIDMIF_HEAD ATTR("a", 1, "DATE", "19990101")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_NOIDMIF, "");
	/* not a NOIDMIF rule elsewhere */
	says(NOIDMIF_HEAD ATTR("a", 1, "DATE", "UNKNOWN")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_IDMIF,
	    "1:1: error: an IDMIF starts with the lines //Architecture<Name> "
	    "and //UniqueID<id>, and this file has neither\n");
}

#define MONITOR(id, key) \
	"START GROUP NAME = \"M" #id "\" ID = " #id " CLASS = \"CONTOSO|MONITOR|1.0\" " \
	key "\n" ATTR("Serial", 1, "STRING(8)", "\"x\"") "END GROUP\n"

static void
test_noidmif_keys(void **state)
{
	(void)state;
	/* several instances, each with a KEY; classes of one instance */
	says(NOIDMIF_HEAD "END GROUP\n"
	    MONITOR(2, "KEY = 1") MONITOR(3, "KEY = 1") MONITOR(4, "KEY = 1")
	    "START GROUP NAME = \"Disk\" ID = 5 CLASS = \"CONTOSO|DISK|1.0\" END GROUP\n"
	    "END COMPONENT\n", MIF_PROFILE_NOIDMIF, "");
	/* neither has a KEY */
	says(NOIDMIF_HEAD "END GROUP\n" MONITOR(2, "") MONITOR(3, "")
	    "END COMPONENT\n", MIF_PROFILE_NOIDMIF,
	    "7:32: error: group \"M3\" is another instance of its class (first "
	    "at line 4), and it has no KEY: SMS keeps only one instance of a "
	    "class without a key [4:32]\n");
	/* the second lacks it; the first lacks it */
	says(NOIDMIF_HEAD "END GROUP\n" MONITOR(2, "KEY = 1") MONITOR(3, "")
	    MONITOR(4, "KEY = 1") "END COMPONENT\n", MIF_PROFILE_NOIDMIF,
	    "7:32: error: group \"M3\" is another instance of its class (first "
	    "at line 4), and it has no KEY: SMS keeps only one instance of a "
	    "class without a key [4:32]\n");
	says(NOIDMIF_HEAD "END GROUP\n" MONITOR(2, "") MONITOR(3, "KEY = 1")
	    MONITOR(4, "KEY = 1") "END COMPONENT\n", MIF_PROFILE_NOIDMIF,
	    "7:32: error: group \"M3\" is another instance of its class (first "
	    "at line 4), and the first has no KEY: SMS keeps only one instance "
	    "of a class without a key [4:32]\n"
	    "10:32: error: group \"M4\" is another instance of its class (first "
	    "at line 4), and the first has no KEY: SMS keeps only one instance "
	    "of a class without a key [4:32]\n");
	/* classes compare with case ignored */
	says(NOIDMIF_HEAD "END GROUP\n" MONITOR(2, "")
	    "START GROUP NAME = \"M3\" ID = 3 CLASS = \"Contoso|Monitor|1.0\" END GROUP\n"
	    "END COMPONENT\n", MIF_PROFILE_NOIDMIF,
	    "7:32: error: group \"M3\" is another instance of its class (first "
	    "at line 4), and it has no KEY: SMS keeps only one instance of a "
	    "class without a key [4:32]\n");
	/* not a rule of the status profile */
	says(STATUS_MIF("\"Success\"", "\"x\"") MONITOR(2, "") MONITOR(3, ""),
	    MIF_PROFILE_DMI, "");
}

/* ---- the IDMIF profile ------------------------------------------------------ */

#define WIDGET_BODY(cls) \
	"START COMPONENT NAME = \"Widget\"\n" \
	"START GROUP NAME = \"Widget\" ID = 1 CLASS = \"" cls "\"\n" \
	ATTR("Widget ID", 1, "STRING(32)", "\"W-1\"") \
	"END GROUP\nEND COMPONENT\n"

#define IDMIF_HEAD "//Architecture<Widget>\n//UniqueID<W-1>\n"

/* The note on the form of an IDMIF's identity, at its //Architecture
 * line. */
#define FORM2(line) #line ":1: note: an IDMIF of the SMS 2.0 form: the " \
	"//Architecture and //UniqueID lines say what it belongs to\n"

static void
test_idmif_valid(void **state)
{
	(void)state;
	says(IDMIF_HEAD WIDGET_BODY("CONTOSO|WIDGET|1.0"), MIF_PROFILE_IDMIF, FORM2(1));
	says(IDMIF_HEAD "//AgentID<Scanner 2>\n// made by the scanner\n"
	    WIDGET_BODY("contoso|Widget|1.0"), MIF_PROFILE_IDMIF, FORM2(1));
	/* blanks at the end of a header line; a plain class */
	says("//Architecture<Widget> \t\n//UniqueID<W-1>  \n"
	    WIDGET_BODY("widget"), MIF_PROFILE_IDMIF, FORM2(1));
	/* blanks inside the name are part of it */
	says("//Architecture<Coffee Machine>\n//UniqueID<C 1>\n"
	    WIDGET_BODY("CONTOSO|COFFEE MACHINE|1.0"), MIF_PROFILE_IDMIF, FORM2(1));
}

static void
test_idmif_header_missing(void **state)
{
	(void)state;
	says(WIDGET_BODY("CONTOSO|WIDGET|1.0"), MIF_PROFILE_IDMIF,
	    "1:1: error: an IDMIF starts with the lines //Architecture<Name> "
	    "and //UniqueID<id>, and this file has neither\n");
	says("// widgets\n" WIDGET_BODY("CONTOSO|WIDGET|1.0"), MIF_PROFILE_IDMIF,
	    "1:1: error: an IDMIF starts with the lines //Architecture<Name> "
	    "and //UniqueID<id>, and this file has neither\n");
	says("//UniqueID<W-1>\n" WIDGET_BODY("CONTOSO|WIDGET|1.0"),
	    MIF_PROFILE_IDMIF,
	    "1:1: error: an IDMIF starts with a //Architecture<Name> line, and "
	    "this file has none\n");
	says("//Architecture<Widget>\n" WIDGET_BODY("CONTOSO|WIDGET|1.0"),
	    MIF_PROFILE_IDMIF,
	    FORM2(1) "2:1: error: no //UniqueID<id> line after the //Architecture line\n");
	says("//Architecture<Widget>\n// note\n" WIDGET_BODY("CONTOSO|WIDGET|1.0"),
	    MIF_PROFILE_IDMIF,
	    FORM2(1) "2:1: error: no //UniqueID<id> line after the //Architecture line\n");
	/* header lines inside the component are no header */
	says("START COMPONENT NAME = \"Widget\"\n" IDMIF_HEAD
	    "START GROUP NAME = \"Widget\" ID = 1 CLASS = \"CONTOSO|WIDGET|1.0\"\n"
	    ATTR("Widget ID", 1, "STRING(32)", "\"W-1\"")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_IDMIF,
	    "1:1: error: an IDMIF starts with the lines //Architecture<Name> "
	    "and //UniqueID<id>, and this file has neither\n");
}

static void
test_idmif_header_order(void **state)
{
	(void)state;
	says("// widgets\n" IDMIF_HEAD WIDGET_BODY("CONTOSO|WIDGET|1.0"),
	    MIF_PROFILE_IDMIF,
	    FORM2(2) "2:1: error: the //Architecture line must be the file's first "
	    "comment (line 1 comes before it) [1:1]\n");
	says("//Architecture<Widget>\n// x\n//UniqueID<W-1>\n"
	    WIDGET_BODY("CONTOSO|WIDGET|1.0"), MIF_PROFILE_IDMIF,
	    FORM2(1) "3:1: error: the //UniqueID line must come right after the "
	    "//Architecture line (line 1) [1:1]\n");
	says("//UniqueID<W-1>\n//Architecture<Widget>\n"
	    WIDGET_BODY("CONTOSO|WIDGET|1.0"), MIF_PROFILE_IDMIF,
	    FORM2(2) "2:1: error: the //Architecture line must be the file's first "
	    "comment (line 1 comes before it) [1:1]\n"
	    "1:1: error: the //UniqueID line must come right after the "
	    "//Architecture line (line 2) [2:1]\n");
}

static void
header_says(const char *header, const char *want)
{
	char text[2048];

	char with_note[2048];

	snprintf(text, sizeof text, "%s" WIDGET_BODY("CONTOSO|WIDGET|1.0"),
	    header);
	/* every header here has its //Architecture line first */
	snprintf(with_note, sizeof with_note, "%s%s", FORM2(1), want);
	says(text, MIF_PROFILE_IDMIF, with_note);
}

#define MALFORMED(line, what) \
	#line ":1: error: malformed IDMIF header: " what " expected; "

static void
test_idmif_header_form(void **state)
{
	(void)state;
	header_says("// Architecture<Widget>\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "no blank may follow the slashes\n");
	header_says("//\tArchitecture<Widget>\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "no blank may follow the slashes\n");
	header_says("//architecture<Widget>\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "the word is spelled \"Architecture\", not \"architecture\"\n");
	header_says("//Architecture Widget\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "the value goes in angle brackets right after the word\n");
	header_says("//Architecture <Widget>\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "the value goes in angle brackets right after the word\n");
	header_says("//Architecture<Widget\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "the value goes in angle brackets right after the word\n");
	header_says("//Architecture\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "the value goes in angle brackets right after the word\n");
	header_says("//Architecture<>\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "nothing between the angle brackets\n");
	header_says("//Architecture< Widget>\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "blanks inside the angle brackets\n");
	header_says("//Architecture<Widget>;\n//UniqueID<W-1>\n",
	    MALFORMED(1, "//Architecture<Name>")
	    "text follows the closing angle bracket\n");
	header_says("//Architecture<Widget>\n//UniqueId<W-1>\n",
	    MALFORMED(2, "//UniqueID<id>")
	    "the word is spelled \"UniqueID\", not \"UniqueId\"\n");
	header_says("//Architecture<Widget>\n//UniqueID<W-1> x\n",
	    MALFORMED(2, "//UniqueID<id>")
	    "text follows the closing angle bracket\n");
	header_says(IDMIF_HEAD "//AgentID<>\n",
	    MALFORMED(3, "//AgentID<name>")
	    "nothing between the angle brackets\n");
	header_says(IDMIF_HEAD "// agentid<Scanner>\n",
	    MALFORMED(3, "//AgentID<name>")
	    "no blank may follow the slashes\n");
}

static void
test_idmif_architecture_group(void **state)
{
	(void)state;
	/* the middle part must be the name, whole; three parts only */
	says(IDMIF_HEAD WIDGET_BODY("CONTOSO|WIDGETS|1.0"), MIF_PROFILE_IDMIF,
	    FORM2(1) "3:1: error: no group has the class of architecture \"Widget\" "
	    "(line 1): the name itself, or \"BODY|NAME|VERSION\" with the name "
	    "in the middle [1:1]\n");
	says(IDMIF_HEAD WIDGET_BODY("CONTOSO|WIDGET|1.0|X"), MIF_PROFILE_IDMIF,
	    FORM2(1) "3:1: error: no group has the class of architecture \"Widget\" "
	    "(line 1): the name itself, or \"BODY|NAME|VERSION\" with the name "
	    "in the middle [1:1]\n");
	says(IDMIF_HEAD WIDGET_BODY("WIDGET|CONTOSO|1.0"), MIF_PROFILE_IDMIF,
	    FORM2(1) "3:1: error: no group has the class of architecture \"Widget\" "
	    "(line 1): the name itself, or \"BODY|NAME|VERSION\" with the name "
	    "in the middle [1:1]\n");
	says(IDMIF_HEAD WIDGET_BODY("Widgets"), MIF_PROFILE_IDMIF,
	    FORM2(1) "3:1: error: no group has the class of architecture \"Widget\" "
	    "(line 1): the name itself, or \"BODY|NAME|VERSION\" with the name "
	    "in the middle [1:1]\n");
	/* the group needs an attribute; another group of the class may
	 * have it */
	says(IDMIF_HEAD "START COMPONENT NAME = \"Widget\"\n"
	    "START GROUP NAME = \"W\" ID = 1 CLASS = \"CONTOSO|WIDGET|1.0\" END GROUP\n"
	    "END COMPONENT\n", MIF_PROFILE_IDMIF,
	    FORM2(1) "4:1: error: group \"W\" of the architecture's class has no "
	    "attribute\n");
	says(IDMIF_HEAD "START COMPONENT NAME = \"Widget\"\n"
	    "START GROUP NAME = \"W\" ID = 1 CLASS = \"CONTOSO|WIDGET|1.0\" KEY = 1\n"
	    "END GROUP\n"
	    "START GROUP NAME = \"W\" ID = 2 CLASS = \"CONTOSO|WIDGET|1.0\" KEY = 1\n"
	    ATTR("Widget ID", 1, "STRING(32)", "\"W-1\"")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_IDMIF, FORM2(1));
	/* no component: the header rules only */
	says(IDMIF_HEAD, MIF_PROFILE_IDMIF, FORM2(1));
}

static void
test_idmif_refused_architectures(void **state)
{
	(void)state;
	says("//Architecture<System>\n//UniqueID<1>\n" WIDGET_BODY("System"),
	    MIF_PROFILE_IDMIF,
	    FORM2(1) "1:1: warning: architecture \"System\": SMS 2.0 refused IDMIFs of "
	    "the System and Personal Computer architectures from clients, while "
	    "Configuration Manager documents System as its example\n");
	says("//Architecture<personal computer>\n//UniqueID<1>\n"
	    WIDGET_BODY("MICROSOFT|PERSONAL COMPUTER|1.0"), MIF_PROFILE_IDMIF,
	    FORM2(1) "1:1: warning: architecture \"personal computer\": SMS 2.0 refused "
	    "IDMIFs of the System and Personal Computer architectures from "
	    "clients, while Configuration Manager documents System as its "
	    "example\n");
}

static void
test_idmif_long_class(void **state)
{
	(void)state;
	/* 32 characters are fine (also when one takes two bytes in UTF-8),
	 * 33 are not stored */
	says(IDMIF_HEAD "START COMPONENT NAME = \"Widget\"\n"
	    "START GROUP NAME = \"Widget\" ID = 1 CLASS = \"CONTOSO|WIDGET|1.0\"\n"
	    ATTR("Widget ID", 1, "STRING(32)", "\"W-1\"")
	    "END GROUP\n"
	    "START GROUP NAME = \"L\" ID = 2 CLASS = \"CONTOSO|WIDGET_SERVICE_ENTRY|1.0\" END GROUP\n"
	    "START GROUP NAME = \"M\" ID = 3 CLASS = \"CONTOSO|WIDGET_SERVICE_RECORD|1.0\" END GROUP\n"
	    "START GROUP NAME = \"N\" ID = 4 CLASS = \"Contoso|W\xE9" "dget_Service_Entry|1.0\" END GROUP\n"
	    "END COMPONENT\n", MIF_PROFILE_IDMIF,
	    FORM2(1) "8:31: warning: class \"CONTOSO|WIDGET_SERVICE_RECORD|1.0\" is 33 "
	    "characters long; SMS does not store a class over 32\n");
}

static void
test_idmif_keys_and_size(void **state)
{
	(void)state;
	says(IDMIF_HEAD WIDGET_BODY("CONTOSO|WIDGET|1.0")
	    MONITOR(2, "KEY = 1") MONITOR(3, ""), MIF_PROFILE_IDMIF, FORM2(1));
	says(IDMIF_HEAD "START COMPONENT NAME = \"Widget\"\n"
	    "START GROUP NAME = \"Widget\" ID = 1 CLASS = \"CONTOSO|WIDGET|1.0\"\n"
	    ATTR("Widget ID", 1, "STRING(32)", "\"W-1\"")
	    "END GROUP\n" MONITOR(2, "KEY = 1") MONITOR(3, "")
	    "END COMPONENT\n", MIF_PROFILE_IDMIF,
	    FORM2(1) "10:32: error: group \"M3\" is another instance of its class (first "
	    "at line 7), and it has no KEY: SMS keeps only one instance of a "
	    "class without a key [7:32]\n");
	static const char text[] = IDMIF_HEAD WIDGET_BODY("CONTOSO|WIDGET|1.0");
	bytes_say(text, sizeof text - 1, MIF_PROFILE_IDMIF, 1, FORM2(1));
	char big[1100];
	memset(big, ' ', sizeof big);
	memcpy(big, text, sizeof text - 1);
	bytes_say(big, 1025, MIF_PROFILE_IDMIF, 1,
	    "0:0: error: the file has 1025 bytes, over the size limit of 1 KB "
	    "(1024 bytes)\n" FORM2(1));
}

/* ---- auto and the rest ------------------------------------------------------- */

static void
test_auto(void **state)
{
	(void)state;
	says(STATUS_MIF("\"Done\"", "\"x\""), MIF_PROFILE_AUTO,
	    "8:58: error: status \"Done\" is neither \"Success\" nor "
	    "\"Failed\"\n");
	says("//Architecture<Widget>\n" WIDGET_BODY("CONTOSO|WIDGET|1.0"),
	    MIF_PROFILE_AUTO,
	    FORM2(1) "2:1: error: no //UniqueID<id> line after the //Architecture line\n");
	says(NOIDMIF_HEAD ATTR("a", 1, "DATE", "UNKNOWN")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_AUTO,
	    "3:47: error: value of DATE attribute \"a\" is UNKNOWN, not a quoted "
	    "date: SMS reads dates only from strings\n");
}

static void
test_dmi_and_null_options(void **state)
{
	(void)state;
	/* profile 0 is DMI: no SMS rule, whatever the size limit */
	says(NOIDMIF_HEAD ATTR("a", 1, "DATE", "UNKNOWN")
	    "END GROUP\nEND COMPONENT\n", MIF_PROFILE_DMI, "");
	says("", MIF_PROFILE_DMI, "");
	/* an unknown profile adds nothing either */
	says(NOIDMIF_HEAD "END GROUP\nEND COMPONENT\n", (mif_profile)42, "");
}

static void
test_error_limit(void **state)
{
	(void)state;
	static const char text[] = NOIDMIF_HEAD
	    ATTR("a", 1, "DATE", "UNKNOWN")
	    ATTR("b", 2, "DATE", "UNKNOWN")
	    ATTR("c", 3, "DATE", "UNKNOWN")
	    "END GROUP\nEND COMPONENT\n";
	mif_doc *doc = parse_bytes(text, sizeof text - 1);
	mif_check_options opts = { .max_errors = 2, .profile = MIF_PROFILE_NOIDMIF };
	char buf[2048];

	/* two errors and the fatal one that stops */
	assert_int_equal(mif_check(doc, &opts), 3);
	format_diags(doc, 0, MIF_PROFILE_DMI, buf, sizeof buf);
	assert_string_equal(buf,
	    "3:47: error: value of DATE attribute \"a\" is UNKNOWN, not a quoted "
	    "date: SMS reads dates only from strings\n"
	    "4:47: error: value of DATE attribute \"b\" is UNKNOWN, not a quoted "
	    "date: SMS reads dates only from strings\n"
	    "5:47: fatal: (not a profile code) too many errors, stopping\n");
	mif_doc_free(doc);
}

/* The corpus's status MIFs pass the status profile with no warning:
 * their writers' upper-case status and group 1 of another class are how
 * SMS files are. */
static void
test_corpus(void **state)
{
	char buf[2048];
	mif_check_options opts = { .profile = MIF_PROFILE_STATUS };
	(void)state;
	mif_doc *doc = mif_parse_path("samples/corpus/installer-short-form.mif",
	    NULL, NULL);

	assert_non_null(doc);
	size_t before = mif_doc_diag_count(doc);
	assert_int_equal(mif_check(doc, &opts), 0);
	format_diags(doc, before, MIF_PROFILE_DMI, buf, sizeof buf);
	assert_string_equal(buf, "");
	mif_doc_free(doc);

	doc = mif_parse_path("samples/corpus/deploy-toolkit-full-form.mif",
	    NULL, NULL);
	assert_non_null(doc);
	assert_int_equal(mif_detect_profile(doc), MIF_PROFILE_STATUS);
	before = mif_doc_diag_count(doc);
	assert_int_equal(mif_check(doc, &opts), 0);
	assert_int_equal(mif_doc_diag_count(doc), before);
	mif_doc_free(doc);

	doc = mif_parse_path("samples/corpus/idmif-doc-example-no-end-component.mif",
	    NULL, NULL);
	assert_non_null(doc);
	assert_int_equal(mif_detect_profile(doc), MIF_PROFILE_IDMIF);
	mif_doc_free(doc);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_profile_names),
		cmocka_unit_test(test_detect),
		cmocka_unit_test(test_status_valid),
		cmocka_unit_test(test_status_group_missing),
		cmocka_unit_test(test_status_attribute),
		cmocka_unit_test(test_status_value),
		cmocka_unit_test(test_status_description),
		cmocka_unit_test(test_status_lengths),
		cmocka_unit_test(test_status_limits_without_installstatus),
		cmocka_unit_test(test_noidmif_valid),
		cmocka_unit_test(test_noidmif_encoding),
		cmocka_unit_test(test_noidmif_utf8_without_bom),
		cmocka_unit_test(test_noidmif_size),
		cmocka_unit_test(test_noidmif_dates),
		cmocka_unit_test(test_noidmif_keys),
		cmocka_unit_test(test_idmif_valid),
		cmocka_unit_test(test_idmif_header_missing),
		cmocka_unit_test(test_idmif_header_order),
		cmocka_unit_test(test_idmif_header_form),
		cmocka_unit_test(test_idmif_architecture_group),
		cmocka_unit_test(test_idmif_refused_architectures),
		cmocka_unit_test(test_idmif_long_class),
		cmocka_unit_test(test_idmif_keys_and_size),
		cmocka_unit_test(test_auto),
		cmocka_unit_test(test_dmi_and_null_options),
		cmocka_unit_test(test_error_limit),
		cmocka_unit_test(test_corpus),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
