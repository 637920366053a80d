/* ui_msg.h — the message line: the current message (at least 3 s or until the next key) and
 * the history of the last 50 (M opens it). */
#ifndef TAPSCOPE_UI_MSG_H
#define TAPSCOPE_UI_MSG_H

#include <stdint.h>
#include "ui.h"

#define MSG_KEEP 50		/* messages in the history */
#define MSG_MIN_NS 3000000000ull	/* a message stays at least this long unless a key comes */
#define MSG_INFO_NS 6000000000ull	/* ...and a confirmation fades after this; errors stay until a key */

/* The message to show now, or NULL; *error says how. */
const char *msg_current(int *error);
/* A key came: the message on screen has been seen and goes. */
void msg_key(void);
/* Once a second: confirmations older than MSG_INFO_NS go. Returns 1 when one went. */
int msg_tick(uint64_t now_ns);
/* The i-th newest message of the history (0: newest), or NULL; *error and *at_ns describe it. */
const char *msg_history(int i, int *error, uint64_t *at_ns);
int msg_count(void);
/* Opens the history overlay (M). */
void msg_open_history(struct ui *ui);

#endif
