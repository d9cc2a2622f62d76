/* The rules of diagnostics (mif_rule): their table in the library, and
 * the list of their codes in miftools(7), DIAGNOSTIC CODES, the same. */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "mif.h"

#define PAGE "man/miftools.7"

static bool
is_kebab(const char *s)
{
	if (s[0] < 'a' || s[0] > 'z')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    (*s == '-' && s[1] != '-' && s[1] != '\0')))
			return false;
	return true;
}

static void
test_table(void **state)
{
	(void)state;
	assert_null(mif_rule_name(MIF_RULE_OF_CODE));
	assert_null(mif_rule_name(MIF_RULE_COUNT));
	for (int r = MIF_RULE_OF_CODE + 1; r < MIF_RULE_COUNT; r++) {
		const char *name = mif_rule_name((mif_rule)r);
		assert_non_null(name);
		assert_true(is_kebab(name));
		assert_non_null(mif_rule_summary((mif_rule)r));
		assert_int_not_equal(mif_rule_code((mif_rule)r), MIF_OK);
		mif_rule back;
		assert_true(mif_rule_parse(name, &back));
		assert_int_equal(back, r); /* so no name is given twice */
	}
	mif_rule none;
	assert_false(mif_rule_parse("no-such-code", &none));
	/* each code's own rule carries that code */
	for (int c = MIF_E_IO; c <= MIF_E_READ_AS; c++) {
		mif_error e = { .code = (mif_code)c };
		assert_int_equal(mif_rule_code(mif_error_rule(&e)), c);
	}
	mif_error e = { .code = MIF_E_ESCAPE, .rule = MIF_RULE_ESCAPE_OCTAL };
	assert_string_equal(mif_rule_name(mif_error_rule(&e)), "escape-octal");
}

/* Every ".It Cm NAME" of DIAGNOSTIC CODES is a rule, and every rule is
 * there, once. */
static void
test_page(void **state)
{
	(void)state;
	FILE *fp = fopen(PAGE, "r");
	assert_non_null(fp);
	char line[512];
	bool in = false;
	int seen[MIF_RULE_COUNT] = { 0 };
	while (fgets(line, sizeof line, fp) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (strncmp(line, ".Sh ", 4) == 0) {
			in = strcmp(line, ".Sh DIAGNOSTIC CODES") == 0;
			continue;
		}
		if (!in || strncmp(line, ".It Cm ", 7) != 0)
			continue;
		mif_rule r;
		if (!mif_rule_parse(line + 7, &r))
			fail_msg("%s lists %s, which is no rule", PAGE, line + 7);
		seen[r]++;
	}
	fclose(fp);
	for (int r = MIF_RULE_OF_CODE + 1; r < MIF_RULE_COUNT; r++)
		if (seen[r] != 1)
			fail_msg("%s lists %s %d times", PAGE,
			    mif_rule_name((mif_rule)r), seen[r]);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_page),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
