/*
 * Write two keyed tables for the mif-diff benchmark, as MIF and as TSV.
 *
 *   gen_tables DIR [ROWS]
 *
 * writes DIR/old.mif, DIR/new.mif (a template keyed on "Host" and a
 * table of ROWS rows, default 1000000) and DIR/old.tsv, DIR/new.tsv (the
 * same rows, one per line).  NEW changes about 1% of the rows, lacks
 * 0.5% and adds 0.5%; the rows are written in key order on both sides.
 * A fixed pseudo-random sequence makes every run write the same bytes.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>

static const char *const statuses[] = {
	"None", "Pending", "Complete", "Failed", "Retrying", "Canceled",
};

static uint32_t
next_random(uint64_t *state)
{
	*state = *state * 6364136223846793005u + 1442695040888963407u;
	return (uint32_t)(*state >> 33);
}

static FILE *
open_out(const char *dir, const char *name)
{
	char path[4096];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	if (f == NULL) {
		perror(path);
		exit(2);
	}
	return f;
}

static void
header(FILE *f, const char *name)
{
	fprintf(f,
	    "START COMPONENT\n"
	    "  NAME = \"%s\"\n"
	    "  START GROUP\n"
	    "    NAME = \"Host Status\"\n"
	    "    CLASS = \"BENCH|HostStatus|1.0\"\n"
	    "    KEY = 1\n"
	    "    START ATTRIBUTE NAME = \"Host\" ID = 1 TYPE = STRING(16) END ATTRIBUTE\n"
	    "    START ATTRIBUTE NAME = \"Status\" ID = 2 TYPE = STRING(16) END ATTRIBUTE\n"
	    "    START ATTRIBUTE NAME = \"Retries\" ID = 3 TYPE = INTEGER END ATTRIBUTE\n"
	    "    START ATTRIBUTE NAME = \"Reported\" ID = 4 TYPE = DATE END ATTRIBUTE\n"
	    "  END GROUP\n"
	    "  START TABLE\n"
	    "    NAME = \"Hosts\"\n"
	    "    ID = 2\n"
	    "    CLASS = \"BENCH|HostStatus|1.0\"\n", name);
}

static void
row(FILE *mif, FILE *tsv, uint32_t host, uint32_t r)
{
	const char *status = statuses[r % 6];
	unsigned retries = (r >> 4) % 5, day = 1 + (r >> 8) % 28;
	fprintf(mif, "    {\"H%08" PRIu32 "\", \"%s\", %u, \"199606%02u101500.000000+000\"}\n",
	    host, status, retries, day);
	fprintf(tsv, "H%08" PRIu32 "\t%s\t%u\t199606%02u101500.000000+000\n",
	    host, status, retries, day);
}

int
main(int argc, char *argv[])
{
	if (argc < 2 || argc > 3) {
		fputs("usage: gen_tables DIR [ROWS]\n", stderr);
		return 2;
	}
	uint32_t rows = argc == 3 ? (uint32_t)strtoul(argv[2], NULL, 10) : 1000000u;
	FILE *om = open_out(argv[1], "old.mif"), *nm = open_out(argv[1], "new.mif");
	FILE *ot = open_out(argv[1], "old.tsv"), *nt = open_out(argv[1], "new.tsv");
	header(om, "Before");
	header(nm, "After");
	uint64_t seed = 20261121;
	for (uint32_t i = 0; i < rows; i++) {
		uint32_t r = next_random(&seed), fate = next_random(&seed) % 1000;
		if (fate < 5) {           /* only in old */
			row(om, ot, 2 * i, r);
		} else if (fate < 10) {   /* only in new */
			row(nm, nt, 2 * i + 1, r);
		} else {
			row(om, ot, 2 * i, r);
			row(nm, nt, 2 * i, fate < 20 ? r + 1 : r);  /* 1% changed */
		}
	}
	fputs("  END TABLE\nEND COMPONENT\n", om);
	fputs("  END TABLE\nEND COMPONENT\n", nm);
	if (fclose(om) || fclose(nm) || fclose(ot) || fclose(nt)) {
		perror("gen_tables");
		return 2;
	}
	return 0;
}
