/* ui_find.h — find and go to, live and in a file: the named actions the key table's f, Ctrl-N,
 * Ctrl-B and Ctrl-G rows run (ui_actions.c lists them among the global actions). */
#ifndef TAPSCOPE_UI_FIND_H
#define TAPSCOPE_UI_FIND_H

#include "ui_pane.h"

/* "find [QUERY]": text in a frame's summary, or a field condition ("ip.ttl == 1"); no QUERY
 * asks for one. Looks forward from the selected frame and selects the first match; past the
 * last frame it goes on from the first (backward: from the last), as Wireshark and vim do. */
enum ui_result find_act(struct ui *ui, void *target, const char *arg);
/* "find-next", "find-prev": the same query again, after / before the selected frame. */
enum ui_result find_act_next(struct ui *ui, void *target, const char *arg);
enum ui_result find_act_prev(struct ui *ui, void *target, const char *arg);
/* "goto [N]": selects frame N (asks for N when not given); in a file once it is indexed. */
enum ui_result find_act_goto(struct ui *ui, void *target, const char *arg);
/* Esc: stops a find running through a file (live finds are done at once). 0: none ran. */
int find_cancel(struct ui *ui);
/* Forgets the query (and stops a search running in a file). */
void find_forget(struct ui *ui);
/* What a find that found nothing adds when no frame searched had the condition's field
 * ("; no frame searched has a field dns.qry.name at all"), else "". The name itself is one the
 * decoders know: an unknown one is refused before the search (fieldmatch.c). */
struct capfind;
const char *find_unseen_note(const struct capfind *q);
/* The messages of a find that ended, live and in a file alike: frame got matches (found past
 * the end, or the start, when wrapped), or none does (from: the selected frame it started at). */
void find_say_found(struct ui *ui, uint64_t got, const char *what, int backward, int wrapped);
void find_say_none(struct ui *ui, uint64_t from, const char *what, const struct capfind *q, const char *filter);

#endif
