# Job histories with varied outcomes, for comparing report forms:
#   awk -v jobs=N -f tests/common/gen_histories.awk  writes gen/JOBk.mif, k = 1..N; job k has
# k+2 workstations whose outcomes cycle through success, failure,
# none, and a success after a failure, some of them polling after the
# expiry.
function attr(name, id, type) {
	printf "    START ATTRIBUTE\n      NAME = \"%s\"\n      ID = %d\n      TYPE = %s\n    END ATTRIBUTE\n", name, id, type > f
}
function ins(t, id, what) {
	printf "    {%d, \"199606%s.000000+000\", \"%s\", \"%s\"}\n", ++seq, t, id, what > f
}
BEGIN {
	for (k = 1; k <= jobs; k++) {
		f = sprintf("gen/JOB%05d.mif", k)
		seq = 0
		printf "START COMPONENT\n  NAME = \"Job History\"\n  START GROUP\n    NAME = \"Job\"\n    ID = 1\n    CLASS = \"MIFTOOLS|JOB|1.0\"\n" > f
		printf "    START ATTRIBUTE\n      NAME = \"Job ID\"\n      ID = 1\n      TYPE = STRING(8)\n      VALUE = \"JOB%05d\"\n    END ATTRIBUTE\n", k > f
		printf "    START ATTRIBUTE\n      NAME = \"Package ID\"\n      ID = 2\n      TYPE = STRING(8)\n      VALUE = \"PKG00001\"\n    END ATTRIBUTE\n" > f
		printf "    START ATTRIBUTE\n      NAME = \"Offer\"\n      ID = 3\n      TYPE = DATE\n      VALUE = \"19960603090000.000000+000\"\n    END ATTRIBUTE\n" > f
		printf "    START ATTRIBUTE\n      NAME = \"Expires\"\n      ID = 4\n      TYPE = DATE\n      VALUE = \"19960605090000.000000+000\"\n    END ATTRIBUTE\n  END GROUP\n" > f
		printf "  START GROUP\n    NAME = \"Target\"\n    CLASS = \"MIFTOOLS|JOBTARGET|1.0\"\n    KEY = 1\n" > f
		attr("SMS ID", 1, "STRING(8)")
		printf "  END GROUP\n  START TABLE\n    NAME = \"Targets\"\n    ID = 2\n    CLASS = \"MIFTOOLS|JOBTARGET|1.0\"\n" > f
		n = k + 2
		for (i = 1; i <= n; i++)
			printf "    {\"W%02d%05d\"}\n", k, i > f
		printf "  END TABLE\n  START GROUP\n    NAME = \"Instruction\"\n    CLASS = \"MIFTOOLS|JOBINSTRUCTION|1.0\"\n    KEY = 1\n" > f
		attr("Sequence", 1, "INTEGER"); attr("Time", 2, "DATE")
		attr("SMS ID", 3, "STRING(8)"); attr("Instruction", 4, "STRING(8)")
		printf "    START ATTRIBUTE\n      NAME = \"Description\"\n      ID = 5\n      TYPE = STRING(128)\n      VALUE = \"\"\n    END ATTRIBUTE\n" > f
		printf "  END GROUP\n  START TABLE\n    NAME = \"Instructions\"\n    ID = 3\n    CLASS = \"MIFTOOLS|JOBINSTRUCTION|1.0\"\n" > f
		for (i = 1; i <= n; i++) {
			id = sprintf("W%02d%05d", k, i)
			o = (i + k) % 4
			if (o == 0) ins("03101500", id, "Success")
			if (o == 1 || o == 3) ins("03101500", id, "Failed")
		}
		for (i = 1; i <= n; i++)
			if ((i + k) % 4 == 3)
				ins("04101500", sprintf("W%02d%05d", k, i), "Success")
		for (i = 1; i <= n; i++)
			if ((i * k) % 3 != 0)
				ins("05120000", sprintf("W%02d%05d", k, i), "Expired")
		printf "  END TABLE\nEND COMPONENT\n" > f
		close(f)
	}
}
