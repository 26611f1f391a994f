#include "policy-layout.h"

#include "ns3/input-error.h"
#include "ns3/video-profile.h"

#include <algorithm>
#include <cctype>

namespace ns3
{

namespace
{
constexpr std::uint32_t kMaxEntry = 1000; // no sane layout has more levels, exits or slots

std::string
Entry(const std::map<std::string, std::string>& metadata,
      const std::string& key,
      const std::string& file)
{
    auto it = metadata.find(key);
    if (it == metadata.end())
    {
        throw InputError::AtField(file, "__metadata__." + key, "missing");
    }
    return it->second;
}

std::uint32_t
Count(const std::map<std::string, std::string>& metadata,
      const std::string& key,
      const std::string& file)
{
    std::string text = Entry(metadata, key, file);
    bool digits =
        !text.empty() && text.size() <= 4 &&
        std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
    if (!digits || std::stoul(text) > kMaxEntry)
    {
        throw InputError::AtField(file,
                                  "__metadata__." + key,
                                  "'" + text + "' is not a whole number up to " +
                                      std::to_string(kMaxEntry));
    }
    return static_cast<std::uint32_t>(std::stoul(text));
}

bool
Flag(const std::map<std::string, std::string>& metadata,
     const std::string& key,
     const std::string& file)
{
    std::string text = Entry(metadata, key, file);
    if (text != "true" && text != "false")
    {
        throw InputError::AtField(file,
                                  "__metadata__." + key,
                                  "'" + text + "' is not true or false");
    }
    return text == "true";
}
} // namespace

PolicyLayout
PolicyLayout::ForProfile(const VideoProfile& profile, std::uint32_t window, bool wait_action)
{
    PolicyLayout layout;
    layout.levels = profile.GetLevelCount();
    layout.exits = std::max<std::uint32_t>(profile.GetExitCount(), 1);
    layout.layered = profile.IsLayered();
    layout.window = profile.IsLayered() ? window : 0;
    layout.wait_action = wait_action;
    return layout;
}

std::size_t
PolicyLayout::NextChunkRowSize() const
{
    return 1 + 2 * static_cast<std::size_t>(exits);
}

std::size_t
PolicyLayout::SlotSize() const
{
    return kSlotHeader + static_cast<std::size_t>(levels) * (1 + exits);
}

std::size_t
PolicyLayout::StateSize() const
{
    return kHistoryRows * history + kScalarCount + levels * NextChunkRowSize() +
           window * SlotSize();
}

std::size_t
PolicyLayout::ActionCount() const
{
    return levels + window + (wait_action ? 1 : 0);
}

std::uint32_t
PolicyLayout::FirstUpgradeAction() const
{
    return levels;
}

std::uint32_t
PolicyLayout::WaitAction() const
{
    return levels + window;
}

std::map<std::string, std::string>
PolicyLayout::ToMetadata() const
{
    return {
        {"format", kPolicyFormatName},
        {"format_version", std::to_string(kFormatVersion)},
        {"levels", std::to_string(levels)},
        {"exits", std::to_string(exits)},
        {"layered", layered ? "true" : "false"},
        {"history", std::to_string(history)},
        {"window", std::to_string(window)},
        {"wait_action", wait_action ? "true" : "false"},
        {"state_size", std::to_string(StateSize())},
        {"action_count", std::to_string(ActionCount())},
    };
}

PolicyLayout
PolicyLayout::FromMetadata(const std::map<std::string, std::string>& metadata,
                           const std::string& file)
{
    if (Entry(metadata, "format", file) != kPolicyFormatName)
    {
        throw InputError::AtField(file,
                                  "__metadata__.format",
                                  "not a " + std::string(kPolicyFormatName) + " file");
    }
    std::uint32_t version = Count(metadata, "format_version", file);
    if (version != kFormatVersion)
    {
        throw InputError::AtField(file,
                                  "__metadata__.format_version",
                                  "version " + std::to_string(version) +
                                      " (this build reads version " +
                                      std::to_string(kFormatVersion) + ")");
    }
    PolicyLayout layout;
    layout.levels = Count(metadata, "levels", file);
    layout.exits = Count(metadata, "exits", file);
    layout.layered = Flag(metadata, "layered", file);
    layout.history = Count(metadata, "history", file);
    layout.window = Count(metadata, "window", file);
    layout.wait_action = Flag(metadata, "wait_action", file);
    if (layout.levels == 0 || layout.exits == 0)
    {
        throw InputError::AtField(file, "__metadata__.levels", "levels and exits must be >= 1");
    }
    if (!layout.layered && layout.window > 0)
    {
        throw InputError::AtField(file, "__metadata__.window", "a ladder policy has no window");
    }
    if (Count(metadata, "state_size", file) != layout.StateSize())
    {
        throw InputError::AtField(file,
                                  "__metadata__.state_size",
                                  "does not match the layout (" +
                                      std::to_string(layout.StateSize()) + ")");
    }
    if (Count(metadata, "action_count", file) != layout.ActionCount())
    {
        throw InputError::AtField(file,
                                  "__metadata__.action_count",
                                  "does not match the layout (" +
                                      std::to_string(layout.ActionCount()) + ")");
    }
    return layout;
}

void
PolicyLayout::CheckProfile(const VideoProfile& profile, const std::string& file) const
{
    auto mismatch = [&](const std::string& key, const std::string& policy, const std::string& it) {
        throw InputError::AtField(file,
                                  "__metadata__." + key,
                                  "the policy was trained for " + policy + ", the profile " +
                                      profile.GetVideo().name + " has " + it);
    };
    if (profile.IsLayered() != layered)
    {
        mismatch("layered",
                 layered ? "layered content" : "a ladder",
                 profile.IsLayered() ? "layered content" : "a ladder");
    }
    if (profile.GetLevelCount() != levels)
    {
        mismatch("levels",
                 std::to_string(levels) + " levels",
                 std::to_string(profile.GetLevelCount()));
    }
    std::uint32_t profile_exits = std::max<std::uint32_t>(profile.GetExitCount(), 1);
    if (profile_exits != exits)
    {
        mismatch("exits",
                 std::to_string(exits) + " decoder exit(s)",
                 std::to_string(profile_exits));
    }
}

} // namespace ns3
