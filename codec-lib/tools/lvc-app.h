// The lvc command line, callable in-process (tests) and from tools/lvc.cc.
#ifndef LVC_TOOLS_LVC_APP_H
#define LVC_TOOLS_LVC_APP_H

#include <ostream>

namespace lvc
{

/**
 * Runs `lvc <subcommand> ...`. Results go to `out`, progress and errors to `err`; bad input prints
 * "lvc: <message naming the file or option>" and returns 1 (never throws).
 */
int RunLvc(int argc, const char* const* argv, std::ostream& out, std::ostream& err);

} // namespace lvc

#endif // LVC_TOOLS_LVC_APP_H
