/* ui_keys.h — the one key table: {keys, name, scope, action, help, group, hint}. It drives key
 * dispatch (ui_mgr.c), the help overlay (ui_help.c), the hint line, `tapscope --keys`, and the
 * test that holds it against tapscope.1. */
#ifndef TAPSCOPE_UI_KEYS_H
#define TAPSCOPE_UI_KEYS_H

#include <stdio.h>

#define KEY_CODES 3

/* Scopes besides pane and overlay class names ("list", "net", "form"...). */
#define SCOPE_GLOBAL "global"	/* any pane, when no overlay is open */
#define SCOPE_PANE "pane"	/* the focused pane's movement (each pane moves its own way) */

struct ui_key {
	int codes[KEY_CODES];	/* curses key codes (0: unused) */
	const char *name;	/* as help and the man page spell it: "d", "Shift-Tab", "F10" */
	const char *scope;	/* SCOPE_GLOBAL, SCOPE_PANE, or the pane/overlay class name */
	const char *action;	/* a named action line: "move down", "echo toggle" */
	const char *help;	/* what it does, one line */
	const char *group;	/* the help heading it goes under */
	const char *hint;	/* a word for the hint line, or NULL */
};

/* Every row, ending with a row whose name is NULL. */
const struct ui_key *keys_table(void);
/* The row for key ch in scope, or NULL. */
const struct ui_key *keys_find(int ch, const char *scope);
/* A pane-scope row for ch in a scope other than not_scope (to say where the key acts), or NULL. */
const struct ui_key *keys_elsewhere(int ch, const char *not_scope);
/* "the netlink pane" for "net", ...; the scope itself when unknown. */
const char *keys_scope_title(const char *scope);
/* 1 when the action line ("echo toggle") acts on a live device only (answers, injection, pausing
 * or clearing capture): the offline browser says so instead of acting, and hints leave it out. */
int keys_live_only(const char *action);
/* Whether key k needs a live device: a live-only action outside an overlay, or any key of a pane
 * only a live device has (help marks them "(live only)" in the browser). */
int keys_need_device(const struct ui_key *k);
/* 1 when scope is an overlay's (keys never fall through it). */
int keys_scope_is_overlay(const char *scope);

#endif
