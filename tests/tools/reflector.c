/* reflector.c — the benchmark baseline: the least a program can do to answer pings on a tap/tun
 * device (blocking read, the project's responder, write), with no loop, printing or capture.
 * usage: reflector NETNS [--tun]   (creates NETNS and tap0/tun0 at 10.18.0.1/24; SIGINT ends) */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "netns.h"
#include "nlaction.h"
#include "nlconf.h"
#include "responder.h"
#include "tundev.h"

static volatile sig_atomic_t done;

static void on_signal(int signo)
{
	(void)signo;
	done = 1;
}

static int configure(struct tundev *dev, struct addrset *addrs, char *err, size_t errlen)
{
	struct nlconf *nc;
	int rc = nlaction_addr_add(dev->name, "10.18.0.1/24", err, errlen);

	if (!rc)
		rc = nlaction_link_set_up(dev->name, 1, err, errlen);
	if (!rc)
		rc = nlaction_link_set_up("lo", 1, err, errlen);
	if (rc)
		return rc;
	nc = nlconf_open(err, errlen);
	if (!nc)
		return -1;
	rc = nlconf_addr_list(nc, dev->ifindex, addrs);
	nlconf_close(nc);
	return rc;
}

int main(int argc, char **argv)
{
	static uint8_t in[70000], out[70000];
	struct tundev_opts o = { .tun = argc > 2 && !strcmp(argv[2], "--tun") };
	struct sigaction sa = { .sa_handler = on_signal };
	struct addrset addrs = { 0 };
	struct responder r;
	struct tundev dev;
	struct netns ns;
	char err[512];
	unsigned long n = 0;

	if (argc < 2) {
		fprintf(stderr, "usage: reflector NETNS [--tun]\n");
		return 2;
	}
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	if (netns_enter(&ns, argv[1], 1, err, sizeof(err)) || tundev_open(&dev, &o, err, sizeof(err)) ||
	    configure(&dev, &addrs, err, sizeof(err))) {
		fprintf(stderr, "reflector: %s\n", err);
		netns_leave(&ns);
		return 1;
	}
	fcntl(dev.fd, F_SETFL, 0);	/* blocking: the simplest possible reader */
	responder_init(&r, &addrs, !dev.tun, dev.mac);
	r.policy.answer_neigh = r.policy.answer_echo = 1;
	fprintf(stderr, "reflector: ready\n");
	while (!done) {
		ssize_t len = read(dev.fd, in, sizeof(in));
		struct frame f = { .data = in, .dlt = 1, .dir = FRAME_IN };
		struct frameloc loc;
		size_t reply;

		if (len <= 0)
			continue;	/* EINTR from the signal ends the loop */
		f.caplen = f.len = (uint32_t)len;
		frameloc_compute(&loc, &f);
		reply = responder_handle(&r, &f, &loc, out, sizeof(out), NULL);
		if (reply && write(dev.fd, out, reply) == (ssize_t)reply)
			n++;
	}
	tundev_close(&dev);
	netns_leave(&ns);
	fprintf(stderr, "reflector: %lu replies\n", n);
	return 0;
}
