/* nltool.c — test driver for the netlink model: watch events, print --status, run actions, hold a tun device. */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <linux/if_tun.h>

#include "addrset.h"
#include "loop.h"
#include "nlaction.h"
#include "nlevent.h"
#include "nlmodel.h"
#include "nlstatus.h"

__attribute__((noreturn)) static void usage(void)
{
	fprintf(stderr,
		"usage: nltool watch IFNAME [--counters] [--local] [--seconds N] [--addrs]\n"
		"       nltool status IFNAME [--json] [--local] [--target ADDR] [--live SECS]\n"
		"       nltool act IFNAME addr-add|addr-del CIDR | up | down | mtu N |\n"
		"                         route-add|route-del DST [GW] | neigh-flush\n"
		"       nltool hold IFNAME [--tun] [--mq] [--answer IPV4]...   (then lines on stdin: carrier on|off, detach, attach, quit)\n"
		"       nltool unattached carrier on|off | queue attach|detach   (on a tun fd attached to nothing)\n");
	exit(2);
}

static void on_event(const struct nl_event *ev, void *arg)
{
	(void)arg;
	nlevent_print(stdout, ev);
}

static void on_addrs(const struct addrset *set, void *arg)
{
	char buf[64];

	(void)arg;
	printf("addrs %d", set->n);
	for (int i = 0; i < set->n; i++)
		printf(" %s", addrset_format(&set->a[i], buf, sizeof(buf)));
	printf("\n");
}

static void on_signal(struct loop *loop, int signo, void *arg)
{
	(void)signo;
	(void)arg;
	loop_stop(loop, 0);
}

static void on_timeout(struct loop *loop, int timer, void *arg)
{
	(void)timer;
	(void)arg;
	loop_stop(loop, 0);
}

static int cmd_watch(const char *ifname, int argc, char **argv)
{
	int counters = 0, local = 0, addrs = 0, sigs[] = { SIGINT, SIGTERM };
	double seconds = 0;
	struct loop *loop = loop_new();
	struct nlmodel *m;
	char err[256];
	uint64_t t0;

	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--counters"))
			counters = 1;
		else if (!strcmp(argv[i], "--local"))
			local = 1;
		else if (!strcmp(argv[i], "--addrs"))
			addrs = 1;
		else if (!strcmp(argv[i], "--seconds") && i + 1 < argc)
			seconds = atof(argv[++i]);
		else
			usage();
	}
	if (!loop)
		return 1;
	m = nlmodel_new(loop, ifname, err, sizeof(err));
	if (!m) {
		fprintf(stderr, "nltool: %s\n", err);
		return 1;
	}
	nlmodel_set_local_routes(m, local);
	nlmodel_set_event_cb(m, on_event, NULL);
	if (addrs)
		nlmodel_set_addrs_cb(m, on_addrs, NULL);
	if (counters)
		nlmodel_watch_counters(m, 1);
	loop_add_signals(loop, sigs, 2, on_signal, NULL);
	if (seconds > 0)
		loop_add_timer(loop, (uint64_t)(seconds * 1e9), 0, on_timeout, NULL);
	fprintf(stderr, "nltool: ready\n");
	t0 = loop_now_ns();
	loop_run(loop);
	fprintf(stderr, "nltool: wakeups %llu in %.2f s\n", (unsigned long long)loop_wakeups(loop),
		(double)(loop_now_ns() - t0) / 1e9);
	nlmodel_free(m);
	loop_free(loop);
	return 0;
}

/* --live SECS: a model on a loop with counters watched for SECS, so rates are known */
static int status_live(const char *ifname, double secs, const struct diag_target *t, int flags)
{
	static struct nl_snapshot snap;
	struct loop *loop = loop_new();
	struct nlmodel *m;
	char err[256];

	m = loop ? nlmodel_new(loop, ifname, err, sizeof(err)) : NULL;
	if (!m) {
		fprintf(stderr, "nltool: %s\n", loop ? err : "no loop");
		return 1;
	}
	nlmodel_set_local_routes(m, (flags & NLSTATUS_LOCAL_ROUTES) != 0);
	nlmodel_watch_counters(m, 1);
	loop_add_timer(loop, (uint64_t)(secs * 1e9), 0, on_timeout, NULL);
	loop_run(loop);
	nlstatus_snapshot(m, t, &snap);
	nlstatus_print_snapshot(stdout, &snap, t, flags);
	nlmodel_free(m);
	loop_free(loop);
	return 0;
}

static int cmd_status(const char *ifname, int argc, char **argv)
{
	struct diag_target t = { .family = 0 };
	int flags = 0, rc;
	double live = 0;
	char err[256];

	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--json"))
			flags |= NLSTATUS_JSON;
		else if (!strcmp(argv[i], "--local"))
			flags |= NLSTATUS_LOCAL_ROUTES;
		else if (!strcmp(argv[i], "--live") && i + 1 < argc)
			live = atof(argv[++i]);
		else if (!strcmp(argv[i], "--target") && i + 1 < argc) {
			i++;
			t.family = strchr(argv[i], ':') ? AF_INET6 : AF_INET;
			if (inet_pton(t.family, argv[i], t.addr) != 1)
				usage();
		} else
			usage();
	}
	if (live > 0 || t.family)
		return status_live(ifname, live > 0 ? live : 0.001, &t, flags);
	rc = nlstatus_print(stdout, ifname, flags, err, sizeof(err));
	if (rc < 0) {
		fprintf(stderr, "nltool: %s\n", err);
		return 1;
	}
	return 0;
}

static int cmd_act(const char *ifname, int argc, char **argv)
{
	char err[256] = "";
	int rc = 0;

	if (argc < 1)
		usage();
	if (!strcmp(argv[0], "addr-add") && argc == 2)
		rc = nlaction_addr_add(ifname, argv[1], err, sizeof(err));
	else if (!strcmp(argv[0], "addr-del") && argc == 2)
		rc = nlaction_addr_del(ifname, argv[1], err, sizeof(err));
	else if (!strcmp(argv[0], "up") && argc == 1)
		rc = nlaction_link_set_up(ifname, 1, err, sizeof(err));
	else if (!strcmp(argv[0], "down") && argc == 1)
		rc = nlaction_link_set_up(ifname, 0, err, sizeof(err));
	else if (!strcmp(argv[0], "mtu") && argc == 2)
		rc = nlaction_link_set_mtu(ifname, (unsigned)strtoul(argv[1], NULL, 10), err, sizeof(err));
	else if (!strcmp(argv[0], "route-add") && (argc == 2 || argc == 3))
		rc = nlaction_route_add(ifname, argv[1], argc == 3 ? argv[2] : NULL, err, sizeof(err));
	else if (!strcmp(argv[0], "route-del") && (argc == 2 || argc == 3))
		rc = nlaction_route_del(ifname, argv[1], argc == 3 ? argv[2] : NULL, err, sizeof(err));
	else if (!strcmp(argv[0], "neigh-flush") && argc == 1)
		rc = nlaction_neigh_flush(ifname, err, sizeof(err));
	else
		usage();
	if (rc < 0) {
		printf("error: %s\n", err);
		return 1;
	}
	printf("ok %d\n", rc);
	return 0;
}

/* Answers an ARP request for one of answer[] with the peer MAC tapscope would use. */
static void answer_arp(int fd, const uint8_t *f, ssize_t n, const struct in_addr *answer, int nanswer)
{
	uint8_t r[42], mac[6];

	if (n < 42 || f[12] != 0x08 || f[13] != 0x06 || f[20] != 0 || f[21] != 1)
		return;
	for (int i = 0; i < nanswer; i++) {
		if (memcmp(f + 38, &answer[i], 4) != 0)
			continue;
		peer_mac(AF_INET, f + 38, mac);
		memcpy(r, f + 6, 6);		/* to the asker */
		memcpy(r + 6, mac, 6);
		memcpy(r + 12, f + 12, 8);	/* ethertype, htype, ptype, hlen, plen */
		r[20] = 0;
		r[21] = 2;			/* reply */
		memcpy(r + 22, mac, 6);
		memcpy(r + 28, f + 38, 4);
		memcpy(r + 32, f + 22, 10);	/* asker's MAC and IP */
		if (write(fd, r, sizeof(r)) < 0)
			perror("nltool: write");
	}
}

static int hold_command(int fd, const char *line)
{
	char err[256];
	int rc;

	if (!strcmp(line, "carrier on") || !strcmp(line, "carrier off"))
		rc = nlaction_carrier_set(fd, !strcmp(line, "carrier on"), err, sizeof(err));
	else if (!strcmp(line, "detach") || !strcmp(line, "attach"))
		rc = nlaction_queue_set(fd, !strcmp(line, "attach"), err, sizeof(err));
	else if (!strcmp(line, "quit"))
		return 1;
	else {
		printf("error: unknown command '%s'\n", line);
		return 0;
	}
	if (rc < 0)
		printf("error: %s\n", err);
	else
		printf("ok %s\n", line);
	return 0;
}

static int cmd_hold(const char *ifname, int argc, char **argv)
{
	struct in_addr answer[8];
	struct ifreq ifr;
	char line[128];
	size_t used = 0;
	int fd, tun = 0, mq = 0, nanswer = 0;

	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--tun"))
			tun = 1;
		else if (!strcmp(argv[i], "--mq"))
			mq = 1;
		else if (!strcmp(argv[i], "--answer") && i + 1 < argc && nanswer < 8) {
			if (inet_pton(AF_INET, argv[++i], &answer[nanswer++]) != 1)
				usage();
		} else
			usage();
	}
	fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC | O_NONBLOCK);
	if (fd < 0) {
		printf("error: /dev/net/tun: %s\n", strerror(errno));
		return 1;
	}
	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	ifr.ifr_flags = (short)((tun ? IFF_TUN : IFF_TAP) | IFF_NO_PI | (mq ? IFF_MULTI_QUEUE : 0));
	if (ioctl(fd, TUNSETIFF, &ifr) < 0) {
		printf("error: TUNSETIFF: %s\n", strerror(errno));
		return 1;
	}
	printf("held %s\n", ifr.ifr_name);
	for (;;) {
		struct pollfd p[2] = { { .fd = 0, .events = POLLIN }, { .fd = fd, .events = POLLIN } };
		uint8_t frame[2048];
		ssize_t n;

		if (poll(p, 2, -1) < 0 && errno != EINTR)
			break;
		while ((n = read(fd, frame, sizeof(frame))) > 0)
			answer_arp(fd, frame, n, answer, nanswer);
		if (!(p[0].revents & (POLLIN | POLLHUP)))
			continue;
		n = read(0, line + used, sizeof(line) - 1 - used);
		if (n <= 0)
			break;
		used += (size_t)n;
		line[used] = '\0';
		for (char *nl; (nl = strchr(line, '\n'));) {
			*nl = '\0';
			if (hold_command(fd, line))
				goto out;
			used -= (size_t)(nl + 1 - line);
			memmove(line, nl + 1, used + 1);
		}
		if (used >= sizeof(line) - 1)
			used = 0;
	}
out:
	close(fd);
	return 0;
}

/* carrier/queue ioctls on a /dev/net/tun fd attached to nothing: the caller passed the wrong fd */
static int cmd_unattached(int argc, char **argv)
{
	char err[256];
	int fd = open("/dev/net/tun", O_RDWR | O_CLOEXEC), rc;

	if (fd < 0 || argc != 2) {
		printf("error: %s\n", fd < 0 ? strerror(errno) : "usage");
		return 1;
	}
	if (!strcmp(argv[0], "carrier"))
		rc = nlaction_carrier_set(fd, !strcmp(argv[1], "on"), err, sizeof(err));
	else
		rc = nlaction_queue_set(fd, !strcmp(argv[1], "attach"), err, sizeof(err));
	close(fd);
	printf(rc < 0 ? "error: %s\n" : "ok\n", err);
	return rc < 0;
}

int main(int argc, char **argv)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 3)
		usage();
	if (!strcmp(argv[1], "watch"))
		return cmd_watch(argv[2], argc - 3, argv + 3);
	if (!strcmp(argv[1], "status"))
		return cmd_status(argv[2], argc - 3, argv + 3);
	if (!strcmp(argv[1], "act"))
		return cmd_act(argv[2], argc - 3, argv + 3);
	if (!strcmp(argv[1], "unattached"))
		return cmd_unattached(argc - 2, argv + 2);
	if (!strcmp(argv[1], "hold"))
		return cmd_hold(argv[2], argc - 3, argv + 3);
	usage();
	return 2;
}
