/* decodefile.c — runs offline_run on a file, the way "tapscope -r" does, for tests that need no main.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "offline.h"

static void usage(void)
{
	fprintf(stderr, "usage: decodefile [-v|-vv] [--json] [-f EXPR] [-c N] FILE|-\n");
	exit(2);
}

int main(int argc, char **argv)
{
	struct offline_opts o = { 0 };
	char err[512];
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-v") == 0)
			o.verbose = 1;
		else if (strcmp(argv[i], "-vv") == 0)
			o.verbose = 2;
		else if (strcmp(argv[i], "--json") == 0)
			o.json = 1;
		else if (strcmp(argv[i], "-p") == 0)
			continue;
		else if (strcmp(argv[i], "-f") == 0 && i + 1 < argc)
			o.filter = argv[++i];
		else if (strcmp(argv[i], "-c") == 0 && i + 1 < argc)
			o.count = atol(argv[++i]);
		else if (argv[i][0] == '-' && argv[i][1])
			usage();
		else
			o.path = argv[i];
	}
	if (!o.path)
		usage();
	if (offline_run(&o, stdout, err, sizeof(err)) < 0) {
		fprintf(stderr, "decodefile: %s\n", err);
		return 1;
	}
	return 0;
}
