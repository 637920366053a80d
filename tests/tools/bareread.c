/* bareread.c — the baseline a capture must beat: attach to a tun and count frames with one read() each until SIGINT; prints the count. */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "tundev.h"

static volatile sig_atomic_t done;

static void on_signal(int signo)
{
	(void)signo;
	done = 1;
}

int main(int argc, char **argv)
{
	struct tundev_opts o = { .name = argc > 1 ? argv[1] : "tun0", .tun = 1, .attach_only = 1 };
	struct sigaction sa = { .sa_handler = on_signal };	/* no SA_RESTART: read() returns EINTR */
	static unsigned char buf[65600];
	struct tundev dev;
	char err[256];
	unsigned long n = 0;

	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (tundev_open(&dev, &o, err, sizeof(err)) < 0) {
		fprintf(stderr, "bareread: %s\n", err);
		return 1;
	}
	fcntl(dev.fd, F_SETFL, 0);	/* blocking: one read() a frame, nothing else */
	fprintf(stderr, "bareread: ready\n");
	while (!done)
		if (read(dev.fd, buf, sizeof(buf)) > 0)
			n++;
	printf("%lu\n", n);
	tundev_close(&dev);
	return 0;
}
