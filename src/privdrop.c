/* privdrop.c — --user NAME: once the device, namespace and sockets are set up, become that user with no capabilities.
 *
 * The order follows the usual privilege-separation recipe: supplementary groups, then the gid,
 * then the uid (after which the kernel clears the capability sets), the bounding and ambient
 * sets emptied while still allowed to, then a check that there is no way back. */
#include "privdrop.h"

#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/capability.h>

#include "netns.h"

static char dropped_to[64];

const char *privdrop_user(void)
{
	return dropped_to[0] ? dropped_to : NULL;
}

int privdrop_refuse(const char *what, char *err, size_t errlen)
{
	if (!dropped_to[0])
		return 0;
	snprintf(err, errlen, "%s needs CAP_NET_ADMIN: tapscope dropped to user %s (--user)", what, dropped_to);
	return -EPERM;
}

/* Empties the capability sets of this process (glibc has no wrapper; libcap is not needed for this). */
static int caps_clear(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2];

	memset(data, 0, sizeof(data));
	return syscall(SYS_capset, &hdr, data) < 0 ? -errno : 0;
}

static int caps_any(void)
{
	struct __user_cap_header_struct hdr = { .version = _LINUX_CAPABILITY_VERSION_3 };
	struct __user_cap_data_struct data[2];

	if (syscall(SYS_capget, &hdr, data) < 0)
		return 1;
	return data[0].effective || data[0].permitted || data[0].inheritable ||
	       data[1].effective || data[1].permitted || data[1].inheritable;
}

static int fail(char *err, size_t errlen, const char *user, const char *step, int e)
{
	snprintf(err, errlen, "cannot drop to user %s (--user): %s: %s", user, step, strerror(e));
	return -e;
}

int privdrop_to(const char *user, struct netns *ns, char *err, size_t errlen)
{
	struct passwd *pw;
	int rc;

	errno = 0;
	pw = getpwnam(user);
	if (!pw) {
		snprintf(err, errlen, "no user '%s' for --user (getent passwd lists the users)%s%s", user,
			 errno ? ": " : "", errno ? strerror(errno) : "");
		return -ENOENT;
	}
	if (pw->pw_uid == 0) {
		snprintf(err, errlen, "--user %s is root: name an unprivileged user, such as nobody", user);
		return -EINVAL;
	}
	/* removing the namespace's name needs root: a helper that stays root does it at the end */
	if (ns && ns->created && (rc = netns_keep_remover(ns)) < 0)
		return fail(err, errlen, user, "starting the helper that removes the namespace at the end", -rc);
	if (prctl(PR_SET_KEEPCAPS, 0) < 0)
		return fail(err, errlen, user, "PR_SET_KEEPCAPS", errno);
	for (int cap = 0; prctl(PR_CAPBSET_READ, cap) >= 0; cap++)
		if (prctl(PR_CAPBSET_DROP, cap) < 0)
			return fail(err, errlen, user, "emptying the capability bounding set", errno);
	prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);	/* EINVAL on kernels without ambient caps */
	if (initgroups(pw->pw_name, pw->pw_gid) < 0)
		return fail(err, errlen, user, "initgroups", errno);
	if (setresgid(pw->pw_gid, pw->pw_gid, pw->pw_gid) < 0)
		return fail(err, errlen, user, "setresgid", errno);
	if (setresuid(pw->pw_uid, pw->pw_uid, pw->pw_uid) < 0)
		return fail(err, errlen, user, "setresuid", errno);
	if ((rc = caps_clear()) < 0)
		return fail(err, errlen, user, "clearing capabilities", -rc);
	if (setuid(0) == 0 || caps_any() || getuid() != pw->pw_uid || geteuid() != pw->pw_uid)
		return fail(err, errlen, user, "root is still reachable after the drop", EPERM);
	prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0);
#if defined(__SANITIZE_ADDRESS__)
	/* make test-asan only: LeakSanitizer ptraces the process at exit, which a process that
	 * changed its uid (not dumpable) refuses */
	prctl(PR_SET_DUMPABLE, 1, 0, 0, 0);
#endif
	snprintf(dropped_to, sizeof(dropped_to), "%s", user);
	return 0;
}
