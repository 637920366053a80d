/* fuzz_pcapread.c — libFuzzer target on the offline reader (tapscope -r): any bytes as a capture file, read
 * through libpcap by offline_run and printed in every form (line, -v, -vv, --json), with and without a filter.
 * Input: one selector byte, then the file. The file is a memfd opened by its /proc path, as -r opens a file. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include "offline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct offline_opts o = { 0 };
	char path[64], err[1024];
	FILE *sink;
	int fd;

	if (size < 1)
		return 0;
	fd = memfd_create("capture", MFD_CLOEXEC);
	if (fd < 0)
		return 0;
	if (write(fd, data + 1, size - 1) != (ssize_t)(size - 1)) {
		close(fd);
		return 0;
	}
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	sink = fopen("/dev/null", "w");
	if (!sink) {
		close(fd);
		return 0;
	}
	o.path = path;
	o.verbose = data[0] & 3;
	o.json = o.verbose == 3;
	if (o.json)
		o.verbose = 0;
	o.filter = data[0] & 4 ? "icmp or arp or udp port 53" : NULL;
	o.count = data[0] & 8 ? 2 : 0;
	err[0] = '\0';
	if (offline_run(&o, sink, err, sizeof(err)) < 0 && !err[0])
		abort();	/* a refused file always says why */
	fclose(sink);
	close(fd);
	return 0;
}
