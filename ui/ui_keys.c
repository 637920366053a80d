/* ui_keys.c — the one key table (after htop's Action.c): every key of the UI, where it acts,
 * the named action it calls, and what help says of it. */
#include "ui_keys.h"

#include <curses.h>
#include <string.h>

#include "ui_run.h"

#define ENTER { '\r', '\n', KEY_ENTER }

static const struct ui_key keys[] = {
	/* anywhere (no overlay open) */
	{ { 'q' }, "q", SCOPE_GLOBAL, "quit", "quit (a device and namespace this run made go too; held frames or a save: asks)", "Anywhere", "quit" },
	{ { KEY_F(10) }, "F10", SCOPE_GLOBAL, "quit", "quit (a device and namespace this run made go too; held frames or a save: asks)", "Anywhere",
	  NULL },
	{ { 3 }, "Ctrl-C", SCOPE_GLOBAL, "interrupt", "stop the console's (or the lesson's) running command; none: quit",
	  "Anywhere", NULL },
	{ { '?' }, "?", SCOPE_GLOBAL, "help", "this help", "Anywhere", "help" },
	{ { KEY_F(1) }, "F1", SCOPE_GLOBAL, "help", "this help", "Anywhere", NULL },
	{ { '\t' }, "Tab", SCOPE_GLOBAL, "focus next", "next pane", "Anywhere", "pane" },
	{ { KEY_BTAB }, "Shift-Tab", SCOPE_GLOBAL, "focus prev", "previous pane (the netlink pane, or a file's pane, on 80 columns)",
	  "Anywhere", NULL },
	{ { 27 }, "Esc", SCOPE_GLOBAL, "escape", "stop a find running through a file (a save: asks); close the console; back to the frame list", "Anywhere",
	  NULL },
	{ { 'M' }, "M", SCOPE_GLOBAL, "messages", "the last 50 messages", "Anywhere", NULL },
	{ { 26 }, "Ctrl-Z", SCOPE_GLOBAL, "suspend", "suspend to the shell (fg comes back)", "Anywhere", NULL },
	{ { 'x' }, "x", SCOPE_GLOBAL, "hex", "hex pane on/off", "Anywhere", NULL },

	/* the responder and injection: they change what tapscope does, never the device */
	{ { 'e' }, "e", SCOPE_GLOBAL, "echo toggle", "echo replies on/off", "Answers and injection", "echo" },
	{ { 'n' }, "n", SCOPE_GLOBAL, "neigh toggle", "neighbour answers (ARP/NDP) on/off", "Answers and injection",
	  "neigh" },
	{ { 'H' }, "H", SCOPE_GLOBAL, "hold toggle", "hold the outbox: replies and injections wait (H again sends them)",
	  "Answers and injection", NULL },
	{ { 'i' }, "i", SCOPE_GLOBAL, "form", "inject form", "Answers and injection", "inject" },
	{ { 'r' }, "r", SCOPE_GLOBAL, "repeat", "inject the last spec again (a new job)", "Answers and injection",
	  "repeat" },
	{ { 'X' }, "X", SCOPE_GLOBAL, "cancel", "stop every running injection job", "Answers and injection", NULL },

	/* the frames in view */
	{ { '/' }, "/", SCOPE_GLOBAL, "filter", "BPF filter for the view (tcpdump syntax); empty clears", "Frames",
	  "filter" },
	{ { ' ' }, "space", SCOPE_GLOBAL, "pause", "pause the view (capture goes on)", "Frames", NULL },
	{ { 'c' }, "c", SCOPE_GLOBAL, "clear", "clear the list (capture goes on)", "Frames", NULL },
	{ { 'w' }, "w", SCOPE_GLOBAL, "save", "save the frames in view (pcap; pcapng by a .pcapng name)", "Frames", "save" },
	{ { 'F' }, "F", SCOPE_GLOBAL, "follow", "follow new frames again (the tree too)", "Frames", NULL },

	/* find and go to: live among the frames kept, offline over the whole file */
	{ { 'f' }, "f", SCOPE_GLOBAL, "find", "find a frame: text in its summary, or a field condition (ip.ttl == 1)",
	  "Find and go to", "find" },
	{ { 6 }, "Ctrl-F", SCOPE_GLOBAL, "find", "find a frame: text in its summary, or a field condition (ip.ttl == 1)",
	  "Find and go to", NULL },
	{ { 14 }, "Ctrl-N", SCOPE_GLOBAL, "find-next", "the next frame that matches", "Find and go to", NULL },
	{ { KEY_F(3) }, "F3", SCOPE_GLOBAL, "find-next", "the next frame that matches", "Find and go to", NULL },
	{ { 2 }, "Ctrl-B", SCOPE_GLOBAL, "find-prev", "the previous frame that matches", "Find and go to", NULL },
	{ { KEY_F(15) }, "Shift-F3", SCOPE_GLOBAL, "find-prev", "the previous frame that matches", "Find and go to",
	  NULL },
	{ { 7 }, "Ctrl-G", SCOPE_GLOBAL, "goto", "go to a frame by its number", "Find and go to", "go to" },

	/* the classroom: lessons, step mode, the console, the timeline, devices, predict mode */
	{ { 'L' }, "L", SCOPE_GLOBAL, "lessons", "the lesson menu: the built-in lessons, Enter starts one", "Classroom",
	  "lessons" },
	{ { 'N' }, "N", SCOPE_GLOBAL, "next-step", "the lesson's next step (at a question: its answer)", "Classroom", NULL },
	{ { 'S' }, "S", SCOPE_GLOBAL, "step", "step mode: hold the outbox, list what waits (S again: off, all sent)",
	  "Classroom", "step" },
	{ { ':' }, ":", SCOPE_GLOBAL, "console", "console: a command in the namespace, or an action (echo on)",
	  "Classroom", "console" },
	{ { 't' }, "t", SCOPE_GLOBAL, "timeline", "netlink events as dimmed rows between the frames, on/off", "Classroom",
	  NULL },
	{ { 'P' }, "P", SCOPE_GLOBAL, "predict", "predict mode: hide the frame's values; each P asks for a layer, then shows it",
	  "Classroom", NULL },
	{ { '1' }, "1", SCOPE_GLOBAL, "device 1", "show device 1 (the first -i)", "Classroom", NULL },
	{ { '2' }, "2", SCOPE_GLOBAL, "device 2", "show device 2 (the second -i)", "Classroom", NULL },
	{ { '3' }, "3", SCOPE_GLOBAL, "device 3", "show device 3", "Classroom", NULL },
	{ { '4' }, "4", SCOPE_GLOBAL, "device 4", "show device 4", "Classroom", NULL },
	{ { '|' }, "|", SCOPE_GLOBAL, "split", "split view: a second frame list beside the first, another device",
	  "Classroom", NULL },

	/* movement: each pane moves its own selection */
	{ { KEY_UP }, "Up", SCOPE_PANE, "move up", "up", "Moving (every pane)", NULL },
	{ { 'k' }, "k", SCOPE_PANE, "move up", "up", "Moving (every pane)", NULL },
	{ { KEY_DOWN }, "Down", SCOPE_PANE, "move down", "down", "Moving (every pane)", NULL },
	{ { 'j' }, "j", SCOPE_PANE, "move down", "down", "Moving (every pane)", NULL },
	{ { KEY_PPAGE }, "PgUp", SCOPE_PANE, "move pgup", "a page up", "Moving (every pane)", NULL },
	{ { KEY_NPAGE }, "PgDn", SCOPE_PANE, "move pgdn", "a page down", "Moving (every pane)", NULL },
	{ { KEY_HOME }, "Home", SCOPE_PANE, "move home", "first", "Moving (every pane)", NULL },
	{ { 'g' }, "g", SCOPE_PANE, "move home", "first", "Moving (every pane)", NULL },
	{ { KEY_END }, "End", SCOPE_PANE, "move end", "last (the list: follow new frames)", "Moving (every pane)", NULL },
	{ { 'G' }, "G", SCOPE_PANE, "move end", "last (the list: follow new frames)", "Moving (every pane)", NULL },

	/* the frame list */
	{ ENTER, "Enter", "list", "open", "open the frame's fields (they stay on it)", "Frame list", "open" },
	{ { KEY_LEFT }, "Left", "list", "hscroll left", "scroll the list left", "Frame list", NULL },
	{ { 'h' }, "h", "list", "hscroll left", "scroll the list left", "Frame list", NULL },
	{ { KEY_RIGHT }, "Right", "list", "hscroll right", "scroll the list right", "Frame list", NULL },
	{ { 'l' }, "l", "list", "hscroll right", "scroll the list right", "Frame list", NULL },

	/* the field tree */
	{ ENTER, "Enter", "tree", "toggle", "expand / collapse", "Field tree", "expand" },
	{ { ' ' }, "space", "tree", "toggle", "expand / collapse", "Field tree", NULL },
	{ { KEY_RIGHT }, "Right", "tree", "expand", "expand", "Field tree", NULL },
	{ { 'l' }, "l", "tree", "expand", "expand", "Field tree", NULL },
	{ { '+' }, "+", "tree", "expand", "expand", "Field tree", NULL },
	{ { KEY_LEFT }, "Left", "tree", "collapse", "collapse, or go to the parent", "Field tree", NULL },
	{ { 'h' }, "h", "tree", "collapse", "collapse, or go to the parent", "Field tree", NULL },
	{ { '*' }, "*", "tree", "expand-all", "expand all", "Field tree", NULL },
	{ { '-' }, "-", "tree", "collapse-all", "collapse all", "Field tree", NULL },

	/* the device: only in the netlink pane, on its selected row */
	{ { 'a' }, "a", "net", "add", "add an address", "Netlink pane: the device", "add address" },
	{ { 'd' }, "d", "net", "delete", "delete the selected address (asks y/n)", "Netlink pane: the device", "delete" },
	{ { 'u' }, "u", "net", "updown", "link up / down (down asks y/n)", "Netlink pane: the device", "up/down" },
	{ { 'm' }, "m", "net", "mtu", "set the MTU", "Netlink pane: the device", "MTU" },
	{ { 'C' }, "C", "net", "carrier toggle", "carrier on/off (TUNSETCARRIER)", "Netlink pane: the device",
	  "carrier" },
	{ { 'D' }, "D", "net", "queue", "detach / re-attach tapscope's queue (NO-CARRIER)", "Netlink pane: the device",
	  "detach" },
	{ { 'R' }, "R", "net", "recreate", "make the device again after it was deleted from outside",
	  "Netlink pane: the device", NULL },

	/* frames held in the outbox */
	{ ENTER, "Enter", "held", "release", "send the selected held frame", "Held frames (H holds, S step mode)",
	  "send" },
	{ { 'e' }, "e", "held", "edit", "edit it in the inject form first (F10: edit N SPEC, still held)",
	  "Held frames (H holds, S step mode)", "edit" },
	{ { 'x' }, "x", "held", "drop", "drop the selected held frame", "Held frames (H holds, S step mode)", "drop" },

	/* the lesson pane and the console pane */
	{ ENTER, "Enter", "lesson", "next", "next step (at a question: its answer; at a pause: go on)", "Lesson pane",
	  "next" },
	{ ENTER, "Enter", "console", "command-line", "a new command line (as :)", "Console pane", "command" },

	/* the inject form */
	{ { '\t' }, "Tab", "form", "next", "next field", "Inject form", NULL },
	{ { KEY_DOWN }, "Down", "form", "next", "next field", "Inject form", NULL },
	{ { KEY_BTAB }, "Shift-Tab", "form", "prev", "previous field", "Inject form", NULL },
	{ { KEY_UP }, "Up", "form", "prev", "previous field", "Inject form", NULL },
	{ { KEY_LEFT }, "Left", "form", "left", "previous choice (in text: cursor left)", "Inject form", NULL },
	{ { KEY_RIGHT }, "Right", "form", "right", "next choice (in text: cursor right)", "Inject form", NULL },
	{ { ' ' }, "space", "form", "space", "next choice (in text: a space)", "Inject form", NULL },
	{ ENTER, "Enter", "form", "enter", "next field; on the last, send", "Inject form", NULL },
	{ { KEY_F(2) }, "F2", "form", "preset 1", "preset: echo request from a peer", "Inject form", NULL },
	{ { KEY_F(3) }, "F3", "form", "preset 2", "preset: echo reply to the selected frame", "Inject form", NULL },
	{ { KEY_F(4) }, "F4", "form", "preset 3", "preset: port unreachable for the selected frame (quote=frame:N)",
	  "Inject form", NULL },
	{ { KEY_F(5) }, "F5", "form", "preset 4", "preset: time exceeded for the selected frame (quote=frame:N)",
	  "Inject form", NULL },
	{ { KEY_F(6) }, "F6", "form", "preset 5", "preset: echo request with a bad checksum", "Inject form", NULL },
	{ { KEY_F(10) }, "F10", "form", "send", "send: starts an injection job", "Inject form", NULL },
	{ { KEY_F(1) }, "F1", "form", "help", "this help (the presets above; Esc comes back to the form)", "Inject form", NULL },
	{ { 21 }, "Ctrl-U", "form", "clear", "clear the field", "Inject form", NULL },
	{ { 27 }, "Esc", "form", "cancel", "close without sending", "Inject form", NULL },

	/* one-line prompts (filter, save, address, MTU) */
	{ ENTER, "Enter", "prompt", "accept", "accept", "Prompts", NULL },
	{ { 27 }, "Esc", "prompt", "cancel", "cancel", "Prompts", NULL },
	{ { 3 }, "Ctrl-C", "prompt", "cancel", "cancel, as in a shell", "Prompts", NULL },
	{ { 26 }, "Ctrl-Z", "prompt", "suspend", "suspend to the shell (fg comes back to the prompt)", "Prompts", NULL },
	{ { 21 }, "Ctrl-U", "prompt", "clear", "clear (typing replaces the selected prefill)", "Prompts", NULL },
	{ { KEY_UP }, "Up", "prompt", "history older", "the console's line before (its history)", "Prompts", NULL },
	{ { KEY_DOWN }, "Down", "prompt", "history newer", "the console's line after", "Prompts", NULL },

	/* the lesson menu */
	{ { KEY_UP }, "Up", "lessons", "move -1", "the lesson above", "Lesson menu (L)", NULL },
	{ { 'k' }, "k", "lessons", "move -1", "the lesson above", "Lesson menu (L)", NULL },
	{ { KEY_DOWN }, "Down", "lessons", "move 1", "the lesson below", "Lesson menu (L)", NULL },
	{ { 'j' }, "j", "lessons", "move 1", "the lesson below", "Lesson menu (L)", NULL },
	{ ENTER, "Enter", "lessons", "start", "start it here, or (its devices differ) tapscope again on them (y/n)",
	  "Lesson menu (L)", NULL },
	{ { 27 }, "Esc", "lessons", "close", "close the menu", "Lesson menu (L)", NULL },
	{ { 'q' }, "q", "lessons", "close", "close the menu", "Lesson menu (L)", NULL },

	/* y/n questions */
	{ { 'y' }, "y", "confirm", "yes", "yes, do it", "Questions", NULL },
	{ { 'n' }, "n", "confirm", "no", "no, leave it", "Questions", NULL },
	{ { 27 }, "Esc", "confirm", "no", "no, leave it", "Questions", NULL },

	/* the help and message overlays */
	{ { 27 }, "Esc", "help", "close", "close the help", "Help", NULL },
	{ { 'q' }, "q", "help", "close", "close the help", "Help", NULL },
	{ { '?' }, "?", "help", "close", "close the help", "Help", NULL },
	{ { KEY_F(1) }, "F1", "help", "close", "close the help", "Help", NULL },
	{ { KEY_UP }, "Up", "help", "scroll -1", "scroll up", "Help", NULL },
	{ { 'k' }, "k", "help", "scroll -1", "scroll up", "Help", NULL },
	{ { KEY_DOWN }, "Down", "help", "scroll 1", "scroll down", "Help", NULL },
	{ { 'j' }, "j", "help", "scroll 1", "scroll down", "Help", NULL },
	{ { KEY_PPAGE }, "PgUp", "help", "scroll -page", "a page up", "Help", NULL },
	{ { KEY_NPAGE }, "PgDn", "help", "scroll page", "a page down", "Help", NULL },
	{ { ' ' }, "space", "help", "scroll page", "a page down", "Help", NULL },
	{ { KEY_HOME }, "Home", "help", "scroll top", "the top", "Help", NULL },
	{ { 'g' }, "g", "help", "scroll top", "the top", "Help", NULL },
	{ { KEY_END }, "End", "help", "scroll end", "the end", "Help", NULL },
	{ { 'G' }, "G", "help", "scroll end", "the end", "Help", NULL },
	{ { 27 }, "Esc", "messages", "close", "close the messages", "Message history", NULL },
	{ { 'q' }, "q", "messages", "close", "close the messages", "Message history", NULL },
	{ { 'M' }, "M", "messages", "close", "close the messages", "Message history", NULL },
	{ { KEY_UP }, "Up", "messages", "scroll -1", "scroll up", "Message history", NULL },
	{ { KEY_DOWN }, "Down", "messages", "scroll 1", "scroll down", "Message history", NULL },
	{ { KEY_PPAGE }, "PgUp", "messages", "scroll -page", "a page up", "Message history", NULL },
	{ { KEY_NPAGE }, "PgDn", "messages", "scroll page", "a page down", "Message history", NULL },
	{ { KEY_HOME }, "Home", "messages", "scroll top", "the oldest", "Message history", NULL },
	{ { 'g' }, "g", "messages", "scroll top", "the oldest", "Message history", NULL },
	{ { KEY_END }, "End", "messages", "scroll end", "the newest", "Message history", NULL },
	{ { 'G' }, "G", "messages", "scroll end", "the newest", "Message history", NULL },
	{ { 0 }, NULL, NULL, NULL, NULL, NULL, NULL },
};

static const struct { const char *scope, *title; int overlay; } scopes[] = {
	{ SCOPE_GLOBAL, "any pane", 0 }, { SCOPE_PANE, "every pane", 0 },
	{ "list", "the frame list", 0 }, { "tree", "the field tree", 0 }, { "hex", "the hex pane", 0 },
	{ "net", "the netlink pane", 0 }, { "held", "the held-frames list (H holds, S step mode)", 0 },
	{ "lesson", "the lesson pane", 0 }, { "console", "the console pane", 0 }, { "lessons", "the lesson menu", 1 },
	{ "form", "the inject form", 1 }, { "prompt", "a prompt", 1 }, { "confirm", "a y/n question", 1 },
	{ "help", "the help", 1 }, { "messages", "the message history", 1 },
};

/* The actions of keys that need a live device (the first word of a row's action). */
static const char *const live_actions[] = { "echo", "neigh", "hold", "form", "repeat", "cancel", "pause", "clear",
					    "lessons", "next-step", "step", "console", "device", "split",
					    "timeline", NULL };	/* a file has no netlink events */

int keys_live_only(const char *action)
{
	size_t n = strcspn(action, " ");

	for (const char *const *a = live_actions; *a; a++)
		if (strlen(*a) == n && !strncmp(*a, action, n))
			return 1;
	return 0;
}

/* The panes only a live device has: every key of theirs needs one. */
static const char *const live_scopes[] = { "net", "held", "lesson", "console", "lessons", NULL };

int keys_need_device(const struct ui_key *k)
{
	for (const char *const *s = live_scopes; *s; s++)
		if (!strcmp(k->scope, *s))
			return 1;
	for (size_t i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++)
		if (scopes[i].overlay && !strcmp(k->scope, scopes[i].scope))
			return 0;	/* a prompt's Esc, the form's Ctrl-U: the overlay's own, not the device's */
	return keys_live_only(k->action);
}

const struct ui_key *keys_table(void)
{
	return keys;
}

static int has_code(const struct ui_key *k, int ch)
{
	for (int i = 0; i < KEY_CODES; i++)
		if (k->codes[i] == ch && (ch || i == 0))
			return 1;
	return 0;
}

const struct ui_key *keys_find(int ch, const char *scope)
{
	for (const struct ui_key *k = keys; k->name; k++)
		if (has_code(k, ch) && !strcmp(k->scope, scope))
			return k;
	return NULL;
}

const struct ui_key *keys_elsewhere(int ch, const char *not_scope)
{
	for (const struct ui_key *k = keys; k->name; k++)
		if (has_code(k, ch) && strcmp(k->scope, not_scope) && strcmp(k->scope, SCOPE_GLOBAL) &&
		    strcmp(k->scope, SCOPE_PANE) && !keys_scope_is_overlay(k->scope))
			return k;
	return NULL;
}

const char *keys_scope_title(const char *scope)
{
	for (size_t i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++)
		if (!strcmp(scopes[i].scope, scope))
			return scopes[i].title;
	return scope;
}

int keys_scope_is_overlay(const char *scope)
{
	for (size_t i = 0; i < sizeof(scopes) / sizeof(scopes[0]); i++)
		if (!strcmp(scopes[i].scope, scope))
			return scopes[i].overlay;
	return 0;
}

void ui_keys_print(FILE *out)
{
	fprintf(out, "# key\tscope\taction\tgroup\thelp\n");
	for (const struct ui_key *k = keys; k->name; k++)
		fprintf(out, "%s\t%s\t%s\t%s\t%s\n", k->name, k->scope, k->action, k->group, k->help);
}
