/*
 * What each SMS profile takes as the way its files are (profile.h,
 * check_profile_allows()): the DMI checks warn where SMS's shapes differ
 * from DMI's, and a file that the SMS tools write, or that SMS writers
 * are documented to write (docs/sms-model.md), must not warn under its
 * own profile.
 */
#include "meaning/profile.h"

/* A status MIF, a NOIDMIF and an IDMIF need no ComponentID group: the
 * short status form and every inventory MIF have another group 1, and
 * the full status form has no Verify and writes Installation as free
 * text (a PowerShell writer's "Installation" string). */
static bool
is_componentid_rule(mif_rule rule)
{
	switch (rule) {
	case MIF_RULE_COMPONENTID:
	case MIF_RULE_COMPONENTID_CLASS:
	case MIF_RULE_COMPONENTID_ATTRIBUTE:
	case MIF_RULE_COMPONENTID_VALUE:
	case MIF_RULE_COMPONENTID_TYPE:
		return true;
	default:
		return false;
	}
}

bool
check_profile_allows(mif_profile profile, mif_rule rule)
{
	switch (profile) {
	case MIF_PROFILE_STATUS:
	case MIF_PROFILE_NOIDMIF:
		return is_componentid_rule(rule);
	case MIF_PROFILE_IDMIF:
		/* an architecture's class may be its plain name (the ConfigMgr
		 * SDK's example: Class = "System") */
		return is_componentid_rule(rule) || rule == MIF_RULE_CLASS_FORM;
	default:
		return false;
	}
}
