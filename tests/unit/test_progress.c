/*
 * mif-audit's progress line (cli/progress.c, compiled in here: it is a
 * tool's helper, not the library's): when it shows, how often, and that
 * it never stays in the way of the report.
 */
#include <stdarg.h>
#include <setjmp.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "../../cli/progress.c"

typedef struct screen {
	char *line_text, *report_text;
	size_t line_len, report_len;
	FILE *line, *report;
} screen;

static void
open_screen(screen *s)
{
	memset(s, 0, sizeof *s);
	s->line = open_memstream(&s->line_text, &s->line_len);
	s->report = open_memstream(&s->report_text, &s->report_len);
	assert_non_null(s->line);
	assert_non_null(s->report);
}

/* What the line's stream got since the last call. */
static char *
written(screen *s)
{
	fflush(s->line);
	char *copy = strndup(s->line_text, s->line_len);
	assert_non_null(copy);
	rewind(s->line);
	return copy;
}

static void
assert_written(screen *s, const char *want)
{
	char *got = written(s);
	assert_string_equal(got, want);
	free(got);
}

static void
close_screen(screen *s)
{
	fclose(s->line);
	fclose(s->report);
	free(s->line_text);
	free(s->report_text);
}

static void
test_not_a_terminal(void **state)
{
	(void)state;
	screen s;
	progress p;
	open_screen(&s);
	progress_start(&p, "mif-audit", "histories", s.line, s.report, false,
	    false, 100.0);
	for (double t = 100.0; t < 110.0; t += 0.25)
		progress_update(&p, 1, 2, t);
	progress_before_report(&p);
	progress_clear(&p);
	assert_written(&s, "");
	close_screen(&s);
}

static void
test_after_a_second_twice_a_second(void **state)
{
	(void)state;
	screen s;
	progress p;
	open_screen(&s);
	progress_start(&p, "mif-audit", "histories", s.line, s.report, true,
	    false, 100.0);
	progress_update(&p, 1, 10, 100.9);   /* a short run says nothing */
	assert_written(&s, "");
	progress_update(&p, 2, 10, 101.0);
	assert_written(&s, "\rmif-audit: 2/10 histories");
	progress_update(&p, 3, 10, 101.4);   /* not yet again */
	assert_written(&s, "");
	progress_update(&p, 4, 10, 101.5);
	assert_written(&s, "\rmif-audit: 4/10 histories");
	/* the report goes elsewhere: the line stays */
	progress_before_report(&p);
	assert_written(&s, "");
	/* cleared: blanks over its 25 characters, the cursor at the start */
	progress_clear(&p);
	assert_written(&s, "\r" "                         " "\r");
	progress_clear(&p);
	assert_written(&s, "");
	close_screen(&s);
}

static void
test_same_screen_as_the_report(void **state)
{
	(void)state;
	screen s;
	progress p;
	open_screen(&s);
	progress_start(&p, "mif-audit", "histories", s.line, s.report, true,
	    true, 0.0);
	fputs("job A\n", s.report);
	progress_update(&p, 1, 2, 1.0);
	/* the report's lines were flushed before the line was drawn */
	assert_int_equal(s.report_len, 6);
	assert_written(&s, "\rmif-audit: 1/2 histories");
	/* the report's next line must not follow the progress line */
	progress_before_report(&p);
	assert_written(&s, "\r" "                        " "\r");
	/* drawn again at the next turn, not at once */
	progress_update(&p, 2, 2, 1.2);
	assert_written(&s, "");
	progress_update(&p, 2, 2, 1.5);
	assert_written(&s, "\rmif-audit: 2/2 histories");
	close_screen(&s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_not_a_terminal),
		cmocka_unit_test(test_after_a_second_twice_a_second),
		cmocka_unit_test(test_same_screen_as_the_report),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
