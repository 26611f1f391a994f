// Command-line options of the examples with the tools' contract: every value checked (type and
// range) before any work starts, errors naming the option, exit status 2 on bad options, 1 when
// a run fails, 0 on success (README, "Bad input").
//
// ns-3's CommandLine parses typed values itself and exits with status 1 on a malformed one, and
// aborts on values its attribute classes refuse; so the options are given to it as text and
// converted and checked here.
#ifndef LAYERED_VIDEO_EXAMPLE_OPTIONS_H
#define LAYERED_VIDEO_EXAMPLE_OPTIONS_H

#include "ns3/command-line.h"
#include "ns3/output-folder.h"
#include "ns3/queue-size.h"
#include "ns3/video-profile.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ns3::examples
{

/**
 * Options of one example: each bound to a variable whose value on entry is the default. Parse()
 * reads the command line and fills the variables, throwing InputError ("--name: what") for a
 * value of the wrong type or outside its range and for an option nobody declared.
 */
class ExampleOptions
{
  public:
    ExampleOptions(const std::string& program, const std::string& usage);

    /// A number in [min, max].
    void Number(const std::string& name,
                const std::string& help,
                double& value,
                double min,
                double max);
    /// A whole number in [min, max].
    void Count(const std::string& name,
               const std::string& help,
               std::uint32_t& value,
               std::uint32_t min,
               std::uint32_t max);
    /// Text; when `allowed` is not empty, one of its words.
    void Text(const std::string& name,
              const std::string& help,
              std::string& value,
              const std::vector<std::string>& allowed = {});
    /// A flag: "--name" or "--name=true/false/1/0".
    void Flag(const std::string& name, const std::string& help, bool& value);

    void Parse(int argc, char* argv[]);

  private:
    struct Option
    {
        std::string name;
        std::string text;
        bool flag = false;
        std::function<void(const std::string&)> convert;
    };

    ns3::CommandLine m_cmd;
    std::vector<std::unique_ptr<Option>> m_options;
};

/// A queue size as ns-3 writes it ("100p" packets, "150000B" bytes), at least one packet or
/// 1500 bytes and at most 1e9; InputError naming `option` otherwise.
QueueSize ParseQueueSize(const std::string& option, const std::string& text);

/**
 * Builds a session from the client's settings (VideoSessionSetup), so that an unknown ABR, a
 * policy made for another kind of profile or a bad capacity file is refused before the
 * simulation; InputError naming the option (`abrOption`, "capacity", "clientSpeed") otherwise.
 */
void CheckClientSettings(std::shared_ptr<const VideoProfile> profile,
                         const std::string& abrOption,
                         const std::string& abr,
                         uint32_t chunks,
                         const std::string& capacity,
                         double clientSpeed);

/**
 * Runs an example's body under the contract: its return value (0 or 1) as it is; InputError
 * (bad options or input) printed as "program: message", status 2; any other exception printed,
 * status 1.
 */
int RunExample(const std::string& program, const std::function<int()>& body);

} // namespace ns3::examples

#endif // LAYERED_VIDEO_EXAMPLE_OPTIONS_H
