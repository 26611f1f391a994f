#include "example-options.h"

#include "ns3/global-value.h"
#include "ns3/input-error.h"
#include "ns3/string.h"
#include "ns3/type-id.h"
#include "ns3/video-session-setup.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iostream>
#include <sstream>

namespace ns3::examples
{

namespace
{

std::string
Dashed(const std::string& name)
{
    return "--" + name;
}

std::string
Shown(double value)
{
    std::ostringstream text;
    text << value;
    return text.str();
}

/// The whole of `text` as a finite number, or nothing.
bool
ReadNumber(const std::string& text, double& value)
{
    if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])))
    {
        return false;
    }
    errno = 0;
    char* end = nullptr;
    value = std::strtod(text.c_str(), &end);
    return errno == 0 && end == text.c_str() + text.size() && std::isfinite(value);
}

/// ns-3's own arguments (CommandLine::HandleArgument), which it handles before the program's.
bool
IsNs3Argument(const std::string& name)
{
    static const std::vector<std::string> kOwn = {"PrintHelp",
                                                  "help",
                                                  "PrintVersion",
                                                  "PrintGlobals",
                                                  "PrintGroups",
                                                  "PrintGroup",
                                                  "PrintTypeIds",
                                                  "PrintAttributes"};
    if (std::find(kOwn.begin(), kOwn.end(), name) != kOwn.end())
    {
        return true;
    }
    StringValue ignored;
    if (GlobalValue::GetValueByNameFailSafe(name, ignored))
    {
        return true; // --RngRun=3, --SimulatorImplementationType=...
    }
    // An attribute default, --ns3::TcpSocket::SegmentSize=1448.
    const std::size_t split = name.rfind("::");
    TypeId tid;
    TypeId::AttributeInformation info;
    return split != std::string::npos &&
           TypeId::LookupByNameFailSafe(name.substr(0, split), &tid) &&
           tid.LookupAttributeByName(name.substr(split + 2), &info);
}

} // namespace

ExampleOptions::ExampleOptions(const std::string& program, const std::string& usage)
    : m_cmd(program)
{
    m_cmd.Usage(usage);
}

void
ExampleOptions::Number(const std::string& name,
                       const std::string& help,
                       double& value,
                       double min,
                       double max)
{
    auto option = std::make_unique<Option>();
    option->name = name;
    option->text = Shown(value);
    option->convert = [&value, name, min, max](const std::string& text) {
        double v = 0;
        if (!ReadNumber(text, v))
        {
            throw InputError(Dashed(name) + ": '" + text + "' is not a number");
        }
        if (!(v >= min && v <= max))
        {
            throw InputError(Dashed(name) + ": " + text + " is not in " + Shown(min) + ".." +
                             Shown(max));
        }
        value = v;
    };
    m_cmd.AddValue(name, help, option->text);
    m_options.push_back(std::move(option));
}

void
ExampleOptions::Count(const std::string& name,
                      const std::string& help,
                      std::uint32_t& value,
                      std::uint32_t min,
                      std::uint32_t max)
{
    auto option = std::make_unique<Option>();
    option->name = name;
    option->text = std::to_string(value);
    option->convert = [&value, name, min, max](const std::string& text) {
        double v = 0;
        if (!ReadNumber(text, v) || v != std::floor(v))
        {
            throw InputError(Dashed(name) + ": '" + text + "' is not a whole number");
        }
        if (!(v >= min && v <= max))
        {
            throw InputError(Dashed(name) + ": " + text + " is not in " + std::to_string(min) +
                             ".." + std::to_string(max));
        }
        value = static_cast<std::uint32_t>(v);
    };
    m_cmd.AddValue(name, help, option->text);
    m_options.push_back(std::move(option));
}

void
ExampleOptions::Text(const std::string& name,
                     const std::string& help,
                     std::string& value,
                     const std::vector<std::string>& allowed)
{
    auto option = std::make_unique<Option>();
    option->name = name;
    option->text = value;
    option->convert = [&value, name, allowed](const std::string& text) {
        if (!allowed.empty() && std::find(allowed.begin(), allowed.end(), text) == allowed.end())
        {
            std::string list;
            for (const std::string& word : allowed)
            {
                list += (list.empty() ? "" : ", ") + word;
            }
            throw InputError(Dashed(name) + ": '" + text + "' is not one of " + list);
        }
        value = text;
    };
    m_cmd.AddValue(name, help, option->text);
    m_options.push_back(std::move(option));
}

void
ExampleOptions::Flag(const std::string& name, const std::string& help, bool& value)
{
    // ns-3 takes a bare "--name" for a bool only: this one is its own; its value text is
    // checked in Parse.
    auto option = std::make_unique<Option>();
    option->name = name;
    option->flag = true;
    option->convert = [](const std::string&) {};
    m_cmd.AddValue(name, help, value);
    m_options.push_back(std::move(option));
}

void
ExampleOptions::Parse(int argc, char* argv[])
{
    // What ns-3 would end with status 1 (an unknown name, a stray word, a flag's bad value)
    // is refused here first.
    for (int i = 1; i < argc; ++i)
    {
        std::string arg = argv[i];
        if (arg.size() < 2 || arg[0] != '-')
        {
            throw InputError("'" + arg + "': not an option (options are --name=value)");
        }
        arg.erase(0, arg.find_first_not_of('-'));
        const std::string name = arg.substr(0, arg.find('='));
        auto known = std::find_if(m_options.begin(), m_options.end(), [&](const auto& o) {
            return o->name == name;
        });
        if (known == m_options.end() && !IsNs3Argument(name))
        {
            throw InputError(Dashed(name) + ": no such option (--help lists them)");
        }
        const std::size_t equals = arg.find('=');
        const std::string text = equals == std::string::npos ? "" : arg.substr(equals + 1);
        if (known != m_options.end() && (*known)->flag && equals != std::string::npos &&
            text != "true" && text != "false" && text != "1" && text != "0")
        {
            throw InputError(Dashed(name) + ": '" + text + "' is not true or false");
        }
    }
    std::vector<std::string> args(argv, argv + argc);
    m_cmd.Parse(args);
    for (const auto& option : m_options)
    {
        option->convert(option->text);
    }
}

QueueSize
ParseQueueSize(const std::string& option, const std::string& text)
{
    const char unit = text.empty() ? '?' : text.back();
    double count = 0;
    if ((unit != 'p' && unit != 'B') || !ReadNumber(text.substr(0, text.size() - 1), count) ||
        count != std::floor(count))
    {
        throw InputError(Dashed(option) + ": '" + text +
                         "' is not a queue size (packets as 100p, or bytes as 150000B)");
    }
    const double min = unit == 'p' ? 1 : 1500;
    if (!(count >= min && count <= 1e9))
    {
        throw InputError(Dashed(option) + ": " + text + " is not in " + Shown(min) + unit +
                         "..1e9" + unit);
    }
    return QueueSize(unit == 'p' ? QueueSizeUnit::PACKETS : QueueSizeUnit::BYTES,
                     static_cast<std::uint32_t>(count));
}

void
CheckClientSettings(std::shared_ptr<const VideoProfile> profile,
                    const std::string& abrOption,
                    const std::string& abr,
                    uint32_t chunks,
                    const std::string& capacity,
                    double clientSpeed)
{
    auto named = [](const std::string& option, const std::function<void()>& set) {
        try
        {
            set();
        }
        catch (const std::exception& e)
        {
            throw InputError(Dashed(option) + ": " + e.what());
        }
    };
    VideoSessionSetup setup;
    setup.SetProfile(std::move(profile));
    named("chunks", [&] { setup.SetChunks(chunks); });
    named("clientSpeed", [&] { setup.SetClientSpeed(clientSpeed); });
    named(abrOption, [&] { setup.SetAbr(abr); });
    named("capacity", [&] { setup.SetCapacity(capacity); });
    named(abrOption, [&] { setup.Create(0); });
}

int
RunExample(const std::string& program, const std::function<int()>& body)
{
    try
    {
        return body();
    }
    catch (const InputError& e)
    {
        std::cerr << program << ": " << e.what() << "\n";
        return 2;
    }
    catch (const std::exception& e)
    {
        std::cerr << program << ": " << e.what() << "\n";
        return 1;
    }
}

} // namespace ns3::examples
