// The tools' command lines under the exit-status contract (README, "Bad input"): a bad option is
// status 2 like any bad input, where CLI11's own codes are 100 and up.
#ifndef LAYERED_VIDEO_TOOLS_PARSE_OPTIONS_H
#define LAYERED_VIDEO_TOOLS_PARSE_OPTIONS_H

#include <CLI/CLI.hpp>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>

namespace ns3
{

/// Parses argv into `app`. Returns the status to exit with when the program must stop here (0
/// after --help, 2 after a bad option, whose message is printed as "program: message"), nothing
/// to go on.
inline std::optional<int>
ParseOptions(CLI::App& app, const std::string& program, int argc, char** argv)
{
    try
    {
        app.parse(argc, argv);
        return std::nullopt;
    }
    catch (const CLI::ParseError& error)
    {
        std::ostringstream err;
        const int status = app.exit(error, std::cout, err);
        if (!err.str().empty())
        {
            std::cerr << program << ": " << err.str();
        }
        return status == 0 ? 0 : 2;
    }
}

} // namespace ns3

#endif // LAYERED_VIDEO_TOOLS_PARSE_OPTIONS_H
