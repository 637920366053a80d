/* test_ui_keys.c — the key table against the code that runs it: every row's action exists where
 * its scope says, no key acts outside its scope (the dispatcher's own lookup, every key in every
 * pane and overlay), keys that change the device only in the netlink pane, no key twice in a scope. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>

#include "action.h"
#include "ui_classroom.h"
#include "ui_keys.h"
#include "ui_overlays.h"
#include "ui_panes.h"

static const struct pane_class *const panes[] = { &net_pane, &list_pane, &held_pane, &info_pane, &tree_pane,
						  &hex_pane, &lesson_pane, &console_pane, &split_pane, &file_pane };
static const struct overlay_class *const overlays[] = { &prompt_overlay, &confirm_overlay, &help_overlay,
							&form_overlay, &messages_overlay, &lessons_overlay };
#define NPANES (sizeof(panes) / sizeof(panes[0]))
#define NOVERLAYS (sizeof(overlays) / sizeof(overlays[0]))

static const struct ui_action *find_in(const struct ui_action *t, const char *name)
{
	for (; t && t->name; t++)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}

/* The actions a row of this scope may reach, as mgr_run looks: the scope's own class first. */
static const struct ui_action *scope_actions(const char *scope)
{
	for (size_t i = 0; i < NPANES; i++)
		if (!strcmp(panes[i]->name, scope))
			return panes[i]->actions;
	for (size_t i = 0; i < NOVERLAYS; i++)
		if (!strcmp(overlays[i]->name, scope))
			return overlays[i]->actions;
	return NULL;
}

static int known_scope(const char *scope)
{
	if (!strcmp(scope, SCOPE_GLOBAL) || !strcmp(scope, SCOPE_PANE))
		return 1;
	for (size_t i = 0; i < NPANES; i++)
		if (!strcmp(panes[i]->name, scope))
			return 1;
	for (size_t i = 0; i < NOVERLAYS; i++)
		if (!strcmp(overlays[i]->name, scope))
			return 1;
	return 0;
}

/* The core action a row ends in (its own, or the one its UI action calls), or NULL; *resolved
 * says whether the action exists where mgr_run looks for it. */
static const struct action_def *core_of(const struct ui_key *k, int *resolved)
{
	const struct ui_action *a;
	char name[32];

	snprintf(name, sizeof(name), "%.*s", (int)strcspn(k->action, " "), k->action);
	*resolved = 1;
	a = find_in(scope_actions(k->scope), name);
	if (keys_scope_is_overlay(k->scope)) {	/* an overlay's rows are its own actions */
		*resolved = a != NULL;
		return NULL;
	}
	if (!a)
		a = find_in(ui_actions_global(), name);
	if (a)
		return a->calls ? action_find(a->calls) : NULL;
	*resolved = action_find(name) != NULL;
	return action_find(name);
}

static void test_rows_resolve(void **state)
{
	(void)state;
	for (const struct ui_key *k = keys_table(); k->name; k++) {
		int resolved;

		if (!known_scope(k->scope))
			fail_msg("key %s: unknown scope '%s'", k->name, k->scope);
		if (!k->help || !k->help[0] || !k->group || !k->group[0])
			fail_msg("key %s (%s): no help text or group", k->name, k->scope);
		core_of(k, &resolved);
		if (!resolved)
			fail_msg("key %s in %s: action '%s' exists nowhere it could run", k->name, k->scope, k->action);
	}
}

/* The UI's global actions must not shadow the core's: "hold" typed in a console is the core's. */
static void test_no_shadowing(void **state)
{
	(void)state;
	for (const struct ui_action *a = ui_actions_global(); a->name; a++)
		if (action_find(a->name))
			fail_msg("UI action '%s' has the name of a core action", a->name);
}

static void test_no_key_twice_in_a_scope(void **state)
{
	const struct ui_key *t = keys_table();

	(void)state;
	for (int i = 0; t[i].name; i++)
		for (int j = i + 1; t[j].name; j++)
			for (int a = 0; a < KEY_CODES; a++)
				for (int b = 0; b < KEY_CODES; b++)
					if (t[i].codes[a] && t[i].codes[a] == t[j].codes[b] && !strcmp(t[i].scope, t[j].scope))
						fail_msg("key %s and %s share a code in scope %s", t[i].name, t[j].name,
							 t[i].scope);
}

/* Every key of the table, pressed in every pane and every overlay, runs a row of that scope,
 * of the pane's movement or a global one; and never a device action outside the netlink pane. */
static void test_no_key_outside_its_scope(void **state)
{
	int checked = 0;

	(void)state;
	for (const struct ui_key *k = keys_table(); k->name; k++) {
		for (int c = 0; c < KEY_CODES && k->codes[c]; c++) {
			int ch = k->codes[c];

			for (size_t p = 0; p < NPANES; p++) {
				const struct ui_key *r = mgr_lookup(ch, panes[p]->name, NULL);
				const struct action_def *core;
				int resolved;

				checked++;
				if (!r)
					continue;
				if (strcmp(r->scope, panes[p]->name) && strcmp(r->scope, SCOPE_PANE) &&
				    strcmp(r->scope, SCOPE_GLOBAL))
					fail_msg("%s in the %s pane runs a row of %s", r->name, panes[p]->name, r->scope);
				core = core_of(r, &resolved);
				if (core && (core->flags & ACTION_CHANGES_DEVICE) && strcmp(panes[p]->name, "net"))
					fail_msg("%s changes the device (%s) from the %s pane", r->name, core->name,
						 panes[p]->name);
			}
			for (size_t o = 0; o < NOVERLAYS; o++) {
				const struct ui_key *r = mgr_lookup(ch, "list", overlays[o]->name);

				checked++;
				if (r && strcmp(r->scope, overlays[o]->name))
					fail_msg("%s with the %s open runs a row of %s", r->name, overlays[o]->name, r->scope);
			}
		}
	}
	assert_true(checked > 500);
}

/* The keys the issue names: in the frame list they do nothing to the device; in the netlink pane
 * they are the device actions, and the destructive ones go through a y/n question. */
static void test_device_keys(void **state)
{
	static const struct { int ch; const char *action; } dev[] = {
		{ 'd', "delete" }, { 'u', "updown" }, { 'm', "mtu" }, { 'C', "carrier toggle" }, { 'D', "queue" },
		{ 'a', "add" },
	};

	(void)state;
	for (size_t i = 0; i < sizeof(dev) / sizeof(dev[0]); i++) {
		const struct ui_key *in_list = mgr_lookup(dev[i].ch, "list", NULL);
		const struct ui_key *in_net = mgr_lookup(dev[i].ch, "net", NULL);

		assert_null(in_list);
		assert_non_null(in_net);
		assert_string_equal(in_net->scope, "net");
		assert_string_equal(in_net->action, dev[i].action);
		assert_non_null(keys_elsewhere(dev[i].ch, "list"));	/* so the list says where it acts */
	}
}

/* The offline browser has no device: every key of its panes (ui_browse.c) that ends in a core
 * action (which needs one) must be one it refuses with a message (keys_live_only), never runs. */
static void test_live_only(void **state)
{
	int n = 0;

	(void)state;
	for (const struct ui_key *k = keys_table(); k->name; k++) {
		static const char *const browser[] = { SCOPE_GLOBAL, SCOPE_PANE, "list", "info", "tree", "hex", "file" };
		int in_browser = 0, resolved;

		for (size_t i = 0; i < sizeof(browser) / sizeof(browser[0]); i++)
			in_browser |= !strcmp(k->scope, browser[i]);
		if (!in_browser || !core_of(k, &resolved))
			continue;
		if (!keys_live_only(k->action))
			fail_msg("%s (%s) needs a device but the browser would run it", k->name, k->action);
		n++;
	}
	assert_true(n >= 6);
	assert_false(keys_live_only("find"));
	assert_false(keys_live_only("goto"));
	assert_false(keys_live_only("filter"));
	assert_false(keys_live_only("save"));
	/* help's "(live only)": the netlink pane's keys are; a prompt's Esc and Ctrl-U are not */
	assert_true(keys_need_device(keys_find('a', "net")));
	assert_true(keys_need_device(keys_find('D', "net")));
	assert_true(keys_need_device(keys_find('e', SCOPE_GLOBAL)));
	assert_false(keys_need_device(keys_find(27, "prompt")));
	assert_false(keys_need_device(keys_find(21, "prompt")));
	assert_false(keys_need_device(keys_find(21, "form")));
	assert_false(keys_need_device(keys_find('f', SCOPE_GLOBAL)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_rows_resolve),
		cmocka_unit_test(test_no_shadowing),
		cmocka_unit_test(test_no_key_twice_in_a_scope),
		cmocka_unit_test(test_no_key_outside_its_scope),
		cmocka_unit_test(test_device_keys),
		cmocka_unit_test(test_live_only),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
