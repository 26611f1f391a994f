// lvc's subcommands, registered on the top-level CLI11 app (internal to tools/).
#ifndef LVC_TOOLS_COMMANDS_H
#define LVC_TOOLS_COMMANDS_H

#include "tools/cli-options.h"

#include <CLI/CLI.hpp>

namespace lvc
{

/// profile, ladder, layered-baseline (command-profile.cc).
void AddProfileCommands(CLI::App& app, Console& console);
/// info, metrics, motion, convert (command-inspect.cc).
void AddInspectCommands(CLI::App& app, Console& console);
/// rate-quality, overhead (command-rate-quality.cc).
void AddRateQualityCommands(CLI::App& app, Console& console);
/// train, export-weights (command-train.cc).
void AddTrainCommands(CLI::App& app, Console& console);
/// encode, decode (command-codec.cc).
void AddCodecCommands(CLI::App& app, Console& console);
/// code-stats (command-code-stats.cc).
void AddCodeStatsCommand(CLI::App& app, Console& console);
/// train-restore, export-restore (command-restore.cc).
void AddRestoreCommands(CLI::App& app, Console& console);
/// intra-baseline (command-intra-baseline.cc).
void AddIntraBaselineCommand(CLI::App& app, Console& console);
/// interpolation (command-interpolation.cc).

} // namespace lvc

#endif // LVC_TOOLS_COMMANDS_H
