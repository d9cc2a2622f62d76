/*
 * The despooler of each SMS version, as one table of data (KB Q152229,
 * Q169491, Q140810).  Adding a version is adding a row.
 */
#include <string.h>

#include "sms/internal.h"

static const mif_sms_version versions[] = {
	{ "1.0", { [MIF_SMS_SUCCESS] = MIF_SMS_COMPLETE,
	    [MIF_SMS_FAILURE] = MIF_SMS_RETRYING,
	    [MIF_SMS_EXPIRED] = MIF_SMS_RETRYING }, false,
	  "an expired job sets every row that polled to Retrying (Q152229)" },
	{ "1.1", { [MIF_SMS_SUCCESS] = MIF_SMS_COMPLETE,
	    [MIF_SMS_FAILURE] = MIF_SMS_RETRYING,
	    [MIF_SMS_EXPIRED] = MIF_SMS_CANCELED }, true,
	  "an expired job sets every row that polled to Canceled (Q152229); "
	  "a job status MIF with \\\" in a string is not loaded (Q140810)" },
	{ "1.2", { [MIF_SMS_SUCCESS] = MIF_SMS_COMPLETE,
	    [MIF_SMS_FAILURE] = MIF_SMS_RETRYING,
	    [MIF_SMS_EXPIRED] = MIF_SMS_KEEP }, false,
	  "an expired job keeps the last reported status (Q152229, fixed)" },
};

static const char *const status_names[] = {
	"None", "Pending", "Complete", "Failed", "Retrying", "Canceled",
};

static const char *const instruction_names[] = {
	"Success", "Failed", "Expired",
};

const char *
mif_sms_status_name(mif_sms_status status)
{
	return (unsigned)status < MIF_SMS_STATUS_COUNT ? status_names[status] : NULL;
}

bool
mif_sms_status_parse(const char *name, mif_sms_status *status)
{
	for (unsigned i = 0; i < MIF_SMS_STATUS_COUNT; i++) {
		if (mif_casecmp(name, status_names[i]) == 0) {
			*status = (mif_sms_status)i;
			return true;
		}
	}
	/* SMS headers spell the job-level value this way */
	if (mif_casecmp(name, "Cancelled") == 0) {
		*status = MIF_SMS_CANCELED;
		return true;
	}
	return false;
}

const char *
mif_sms_instruction_name(mif_sms_instruction ins)
{
	return (unsigned)ins < MIF_SMS_INSTRUCTION_COUNT ? instruction_names[ins] : NULL;
}

bool
mif_sms_instruction_parse(const char *name, mif_sms_instruction *ins)
{
	for (unsigned i = 0; i < MIF_SMS_INSTRUCTION_COUNT; i++) {
		if (mif_casecmp(name, instruction_names[i]) == 0) {
			*ins = (mif_sms_instruction)i;
			return true;
		}
	}
	return false;
}

const mif_sms_version *
mif_sms_versions(size_t *count)
{
	*count = sizeof versions / sizeof versions[0];
	return versions;
}

const mif_sms_version *
mif_sms_version_find(const char *name)
{
	for (size_t i = 0; i < sizeof versions / sizeof versions[0]; i++)
		if (strcmp(versions[i].name, name) == 0)
			return &versions[i];
	return NULL;
}

mif_sms_status
mif_sms_apply(const mif_sms_version *version, mif_sms_status current,
    mif_sms_instruction ins, const char *description, bool *created,
    bool *loaded)
{
	uint8_t gives = (unsigned)ins < MIF_SMS_INSTRUCTION_COUNT
	    ? version->gives[ins] : MIF_SMS_KEEP;
	bool made = gives != MIF_SMS_KEEP;
	/* the detailed MIF carries the description; a double quote in it is
	 * written as \" there, which the quirk's loader rejects */
	bool load = made && !(version->drops_escaped_quote && description != NULL &&
	    strchr(description, '"') != NULL);

	if (created != NULL)
		*created = made;
	if (loaded != NULL)
		*loaded = load;
	return load ? (mif_sms_status)gives : current;
}
