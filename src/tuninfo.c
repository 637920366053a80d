/* tuninfo.c — tun/tap details libnl does not parse: flags, owner, group, queues, holders, stats64 (after iproute2's iptuntap.c). */
#include "tuninfo.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <linux/if_link.h>
#include <linux/if_tun.h>
#include <linux/rtnetlink.h>
#include <netlink/attr.h>
#include <netlink/msg.h>
#include <netlink/netlink.h>

struct query {
	struct tun_info *tun;
	struct nl_counters *ctr;
	int ifindex;
	int found;
};

static void parse_tun_data(struct nlattr *data, struct tun_info *tun)
{
	struct nlattr *tb[IFLA_TUN_MAX + 1];

	if (nla_parse_nested(tb, IFLA_TUN_MAX, data, NULL) < 0)
		return;
	tun->valid = 1;
	if (tb[IFLA_TUN_TYPE])
		tun->is_tap = nla_get_u8(tb[IFLA_TUN_TYPE]) == IFF_TAP;
	if (tb[IFLA_TUN_PI])
		tun->pi = nla_get_u8(tb[IFLA_TUN_PI]);
	if (tb[IFLA_TUN_VNET_HDR])
		tun->vnet_hdr = nla_get_u8(tb[IFLA_TUN_VNET_HDR]);
	if (tb[IFLA_TUN_PERSIST])
		tun->persist = nla_get_u8(tb[IFLA_TUN_PERSIST]);
	if (tb[IFLA_TUN_MULTI_QUEUE])
		tun->multi_queue = nla_get_u8(tb[IFLA_TUN_MULTI_QUEUE]);
	if (tb[IFLA_TUN_OWNER])
		tun->owner = (long)nla_get_u32(tb[IFLA_TUN_OWNER]);
	if (tb[IFLA_TUN_GROUP])
		tun->group = (long)nla_get_u32(tb[IFLA_TUN_GROUP]);
	if (tb[IFLA_TUN_NUM_QUEUES])
		tun->num_queues = (int)nla_get_u32(tb[IFLA_TUN_NUM_QUEUES]);
	if (tb[IFLA_TUN_NUM_DISABLED_QUEUES])
		tun->num_disabled_queues = (int)nla_get_u32(tb[IFLA_TUN_NUM_DISABLED_QUEUES]);
}

static void parse_linkinfo(struct nlattr *li, struct tun_info *tun)
{
	struct nlattr *tb[IFLA_INFO_MAX + 1];

	if (nla_parse_nested(tb, IFLA_INFO_MAX, li, NULL) < 0 || !tb[IFLA_INFO_KIND])
		return;
	if (strcmp(nla_get_string(tb[IFLA_INFO_KIND]), "tun") != 0 || !tb[IFLA_INFO_DATA])
		return;
	parse_tun_data(tb[IFLA_INFO_DATA], tun);
}

static void parse_stats64(struct nlattr *a, struct nl_counters *ctr)
{
	struct rtnl_link_stats64 st;

	if (nla_len(a) < (int)sizeof(st))
		return;
	memcpy(&st, nla_data(a), sizeof(st));
	ctr->rx_packets = st.rx_packets;
	ctr->tx_packets = st.tx_packets;
	ctr->rx_bytes = st.rx_bytes;
	ctr->tx_bytes = st.tx_bytes;
	ctr->rx_errors = st.rx_errors;
	ctr->tx_errors = st.tx_errors;
	ctr->rx_dropped = st.rx_dropped;
	ctr->tx_dropped = st.tx_dropped;
}

static int on_link(struct nl_msg *msg, void *arg)
{
	struct query *q = arg;
	struct nlmsghdr *nlh = nlmsg_hdr(msg);
	struct nlattr *tb[IFLA_MAX + 1];
	struct ifinfomsg *ifi;

	if (nlh->nlmsg_type != RTM_NEWLINK || nlmsg_parse(nlh, sizeof(*ifi), tb, IFLA_MAX, NULL) < 0)
		return NL_SKIP;
	ifi = nlmsg_data(nlh);
	if (ifi->ifi_index != q->ifindex)
		return NL_SKIP;
	q->found = 1;
	if (q->tun && tb[IFLA_LINKINFO])
		parse_linkinfo(tb[IFLA_LINKINFO], q->tun);
	if (q->ctr && tb[IFLA_STATS64])
		parse_stats64(tb[IFLA_STATS64], q->ctr);
	return NL_OK;
}

int tuninfo_query(struct nl_sock *sk, int ifindex, struct tun_info *tun, struct nl_counters *ctr)
{
	struct ifinfomsg ifi = { .ifi_family = AF_UNSPEC, .ifi_index = ifindex };
	struct query q = { .tun = tun, .ctr = ctr, .ifindex = ifindex };
	struct nl_cb *cb, *sock_cb;
	struct nl_msg *msg;
	int err;

	msg = nlmsg_alloc_simple(RTM_GETLINK, 0);
	if (!msg)
		return -NLE_NOMEM;
	err = nlmsg_append(msg, &ifi, sizeof(ifi), NLMSG_ALIGNTO);
	if (err >= 0)
		err = nl_send_auto(sk, msg);
	nlmsg_free(msg);
	if (err < 0)
		return err;
	sock_cb = nl_socket_get_cb(sk);	/* takes a reference */
	cb = nl_cb_clone(sock_cb);
	nl_cb_put(sock_cb);
	if (!cb)
		return -NLE_NOMEM;
	nl_cb_set(cb, NL_CB_VALID, NL_CB_CUSTOM, on_link, &q);
	err = nl_recvmsgs(sk, cb);
	nl_cb_put(cb);
	if (err < 0)
		return err;
	return q.found ? 0 : -NLE_OBJ_NOTFOUND;
}

static int read_sysfs_long(const char *ifname, const char *attr, long *out)
{
	char path[128], buf[64];
	ssize_t n;
	int fd;

	snprintf(path, sizeof(path), "/sys/class/net/%s/%s", ifname, attr);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, sizeof(buf) - 1);
	close(fd);
	if (n <= 0)
		return -EIO;
	buf[n] = '\0';
	*out = strtol(buf, NULL, 0);
	return 0;
}

int tuninfo_read_sysfs(const char *ifname, int ifindex, struct tun_info *tun)
{
	long idx, flags;

	if (read_sysfs_long(ifname, "ifindex", &idx) < 0)
		return -ENOENT;
	if (idx != ifindex)
		return -ESTALE;
	if (read_sysfs_long(ifname, "tun_flags", &flags) < 0)
		return -ENOENT;
	tun->valid = 1;
	tun->is_tap = (flags & IFF_TAP) != 0;
	tun->pi = !(flags & IFF_NO_PI);
	tun->vnet_hdr = (flags & IFF_VNET_HDR) != 0;
	tun->persist = (flags & IFF_PERSIST) != 0;
	tun->multi_queue = (flags & IFF_MULTI_QUEUE) != 0;
	if (read_sysfs_long(ifname, "owner", &tun->owner) < 0)
		tun->owner = -1;
	if (read_sysfs_long(ifname, "group", &tun->group) < 0)
		tun->group = -1;
	return 0;
}

/* 1 if fdinfo of pid/fd says "iff:\tIFNAME" */
static int fd_holds(int pid, const char *fd, const char *ifname)
{
	char path[320], line[128];
	int hit = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/fdinfo/%s", pid, fd);
	f = fopen(path, "re");
	if (!f)
		return 0;
	while (!hit && fgets(line, sizeof(line), f)) {
		char name[NLSNAP_IFNAMSIZ + 1];

		if (sscanf(line, "iff: %16s", name) == 1 && !strcmp(name, ifname))
			hit = 1;
	}
	fclose(f);
	return hit;
}

static void read_comm(int pid, char *out, size_t len)
{
	char path[64];
	FILE *f;

	snprintf(path, sizeof(path), "/proc/%d/comm", pid);
	out[0] = '\0';
	f = fopen(path, "re");
	if (!f)
		return;
	if (fgets(out, (int)len, f))
		out[strcspn(out, "\n")] = '\0';
	fclose(f);
}

static int same_netns(int pid, ino_t self_ns)
{
	char path[64];
	struct stat st;

	snprintf(path, sizeof(path), "/proc/%d/ns/net", pid);
	return stat(path, &st) == 0 && st.st_ino == self_ns;
}

static int scan_pid(int pid, const char *ifname, ino_t self_ns, struct tun_info *tun)
{
	char dirpath[64], link[320], target[32];
	struct dirent *de;
	int found = 0;
	DIR *d;

	snprintf(dirpath, sizeof(dirpath), "/proc/%d/fd", pid);
	d = opendir(dirpath);
	if (!d)
		return 0;
	while ((de = readdir(d))) {
		ssize_t n;

		if (de->d_name[0] == '.')
			continue;
		snprintf(link, sizeof(link), "%s/%s", dirpath, de->d_name);
		n = readlink(link, target, sizeof(target) - 1);
		if (n <= 0)
			continue;
		target[n] = '\0';
		if (strcmp(target, "/dev/net/tun") != 0 || !fd_holds(pid, de->d_name, ifname))
			continue;
		if (!same_netns(pid, self_ns))
			continue;
		if (tun->nholders < NLSNAP_MAX_HOLDERS) {
			struct tun_holder *h = &tun->holders[tun->nholders++];

			h->pid = pid;
			h->fd = atoi(de->d_name);
			read_comm(pid, h->comm, sizeof(h->comm));
		}
		found++;
	}
	closedir(d);
	return found;
}

int tuninfo_holders(const char *ifname, struct tun_info *tun)
{
	struct dirent *de;
	struct stat st;
	int found = 0;
	DIR *proc;

	tun->nholders = 0;
	if (stat("/proc/self/ns/net", &st) < 0)
		return -errno;
	proc = opendir("/proc");
	if (!proc)
		return -errno;
	while ((de = readdir(proc))) {
		char *end;
		long pid = strtol(de->d_name, &end, 10);

		if (*end || pid <= 0)
			continue;
		found += scan_pid((int)pid, ifname, st.st_ino, tun);
	}
	closedir(proc);
	return found;
}
