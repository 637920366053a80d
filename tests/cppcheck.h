/* cppcheck.h — what make check's cppcheck needs from system headers it does not read: macros whose arguments are not expressions. */
#define timercmp(a, b, CMP) (((a)->tv_sec == (b)->tv_sec) ? ((a)->tv_usec CMP (b)->tv_usec) : ((a)->tv_sec CMP (b)->tv_sec))
