#include "tools/lvc-app.h"

#include "tools/commands.h"

#include "ns3/input-error.h"

extern "C"
{
#include <libavutil/log.h>
}

#include <CLI/CLI.hpp>
#include <sstream>
#include <stdexcept>

namespace lvc
{

int
RunLvc(int argc, const char* const* argv, std::ostream& out, std::ostream& err)
{
    CLI::App app{"lvc: the layered neural codec (train, encode, decode) and video profiles from "
                 "real encodes (neural, x264/x265 ladders, residual-layered x265), quality "
                 "metrics, motion vectors"};
    app.require_subcommand(1);
    Console console{out, err};
    app.add_flag("--quiet", console.quiet, "no progress lines");
    app.add_flag_function(
        "--verbose",
        [](std::int64_t) { av_log_set_level(AV_LOG_INFO); },
        "let FFmpeg's libraries log to stderr");
    AddProfileCommands(app, console);
    AddInspectCommands(app, console);
    AddRateQualityCommands(app, console);
    AddTrainCommands(app, console);
    AddCodecCommands(app, console);
    AddCodeStatsCommand(app, console);
    AddIntraBaselineCommand(app, console);
    AddRestoreCommands(app, console);
    // FFmpeg logs to stderr on its own; lvc reports errors itself unless asked to be verbose.
    av_log_set_level(AV_LOG_QUIET);
    try
    {
        app.parse(argc, argv);
        return 0;
    }
    catch (const CLI::ParseError& error)
    {
        std::ostringstream cli_out;
        std::ostringstream cli_err;
        int code = app.exit(error, cli_out, cli_err);
        out << cli_out.str();
        if (!cli_err.str().empty())
        {
            err << "lvc: " << cli_err.str();
        }
        return code == 0 ? 0 : 2; // --help is a success; any other is a bad option
    }
    catch (const ns3::InputError& error)
    {
        err << "lvc: " << error.what() << std::endl;
        return 2;
    }
    catch (const std::invalid_argument& error)
    {
        err << "lvc: " << error.what() << std::endl;
        return 2;
    }
    catch (const std::exception& error)
    {
        err << "lvc: error: " << error.what() << std::endl;
    }
    return 1;
}

} // namespace lvc
