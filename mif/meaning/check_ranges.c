/*
 * The type kinds as the validator groups them (integer, string) and the
 * ranges of the integer types: what the checks of values (check_types.c),
 * of enum items (check_enums.c) and their messages (check_text.c) share.
 */
#include "meaning/check.h"

bool
check_is_integer_type(mif_type_kind kind)
{
	return kind <= MIF_T_GAUGE;
}

bool
check_is_string_type(mif_type_kind kind)
{
	return kind == MIF_T_STRING || kind == MIF_T_DISPLAYSTRING ||
	    kind == MIF_T_OCTETSTRING;
}

check_range
check_int_range(mif_type_kind kind, uint64_t mag, uint8_t flags)
{
	bool neg = (flags & MIF_NEGATIVE) && mag != 0;

	switch (kind) {
	case MIF_T_INTEGER:
	case MIF_T_INT:
		return mag > (neg ? 0x80000000u : 0x7FFFFFFFu) ? CHECK_TOO_BIG
		    : CHECK_IN_RANGE;
	case MIF_T_INTEGER64:
	case MIF_T_INT64:
		return mag > (neg ? (uint64_t)1 << 63 : ((uint64_t)1 << 63) - 1)
		    ? CHECK_TOO_BIG : CHECK_IN_RANGE;
	case MIF_T_COUNTER:
	case MIF_T_GAUGE:
		if (neg)
			return CHECK_NEGATIVE;
		return mag > UINT32_MAX ? CHECK_TOO_BIG : CHECK_IN_RANGE;
	case MIF_T_COUNTER64:
		return neg ? CHECK_NEGATIVE : CHECK_IN_RANGE;
	default:
		return CHECK_IN_RANGE;
	}
}

const char *
check_range_text(mif_type_kind kind)
{
	switch (kind) {
	case MIF_T_INTEGER:
	case MIF_T_INT:
		return "-2147483648 to 2147483647";
	case MIF_T_INTEGER64:
	case MIF_T_INT64:
		return "-9223372036854775808 to 9223372036854775807";
	case MIF_T_COUNTER64:
		return "0 to 18446744073709551615";
	default:
		return "0 to 4294967295";
	}
}
