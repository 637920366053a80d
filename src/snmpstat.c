/* snmpstat.c — the kernel's protocol counters of this namespace by nstat's names: "Icmp:" + "InCsumErrors" is IcmpInCsumErrors. */
#include "snmpstat.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int add(struct snmpstat *st, const char *prefix, const char *field, long long value)
{
	struct snmpstat_entry *grown;

	if (st->n == st->cap) {
		grown = realloc(st->e, (st->cap ? st->cap * 2 : 128) * sizeof(*st->e));
		if (!grown)
			return -ENOMEM;
		st->e = grown;
		st->cap = st->cap ? st->cap * 2 : 128;
	}
	snprintf(st->e[st->n].name, sizeof(st->e[0].name), "%.24s%.31s", prefix, field);
	st->e[st->n].value = value;
	st->n++;
	return 0;
}

/* snmp and netstat: a line of names, then a line of values, both starting "Proto:". */
static void read_pairs(struct snmpstat *st, const char *path)
{
	char names[4096], values[4096];
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	while (fgets(names, sizeof(names), f) && fgets(values, sizeof(values), f)) {
		char *sn = NULL, *sv = NULL, *n = strtok_r(names, " \n", &sn), *v = strtok_r(values, " \n", &sv);
		char prefix[32];

		if (!n || !v || strcmp(n, v))
			break;
		snprintf(prefix, sizeof(prefix), "%.*s", (int)strcspn(n, ":"), n);
		while ((n = strtok_r(NULL, " \n", &sn)) && (v = strtok_r(NULL, " \n", &sv)))
			add(st, prefix, n, strtoll(v, NULL, 10));
	}
	fclose(f);
}

/* snmp6: "Ip6InReceives   123" a line. */
static void read_lines(struct snmpstat *st, const char *path)
{
	char name[64];
	long long v;
	FILE *f = fopen(path, "r");

	if (!f)
		return;
	while (fscanf(f, "%63s %lld", name, &v) == 2)
		add(st, "", name, v);
	fclose(f);
}

int snmpstat_read(struct snmpstat *st)
{
	st->n = 0;
	read_pairs(st, "/proc/net/snmp");
	read_lines(st, "/proc/net/snmp6");
	read_pairs(st, "/proc/net/netstat");
	return st->n ? 0 : -ENOENT;
}

void snmpstat_free(struct snmpstat *st)
{
	free(st->e);
	st->e = NULL;
	st->n = st->cap = 0;
}

int snmpstat_find(const struct snmpstat *st, const char *name, long long *value)
{
	for (size_t i = 0; i < st->n; i++) {
		if (!strcmp(st->e[i].name, name)) {
			*value = st->e[i].value;
			return 0;
		}
	}
	return -ENOENT;
}

int snmpstat_get(const char *name, long long *value)
{
	struct snmpstat st = { 0 };
	int rc;

	snmpstat_read(&st);
	rc = snmpstat_find(&st, name, value);
	snmpstat_free(&st);
	return rc;
}
