#ifndef LAYERED_VIDEO_TEST_DATA_PATHS_H
#define LAYERED_VIDEO_TEST_DATA_PATHS_H

#include <string>

namespace ns3
{
namespace layered_video_test
{

/**
 * The shared data folder (real traces and profiles, read in place): the environment variable
 * LAYERED_VIDEO_SHARED_DIR, else the folder the build was configured with, else ../shared
 * beside the module's folder.
 */
std::string SharedDir();
/// A file under the shared folder.
std::string SharedPath(const std::string& relative);
/// Pensieve's envivio ladder (6 levels, 49 chunks of 4 s).
std::string EnvivioProfile();
/// The module's own folder (the parent of test/, found from this file's path).
std::string SourceDir();
/// A profile the project's codec tools made (traces/profiles/NAME).
std::string ProjectProfile(const std::string& name);
/// A Pensieve test trace by name (e.g. "norway_bus_1").
std::string PensieveTrace(const std::string& name);

} // namespace layered_video_test
} // namespace ns3

#endif // LAYERED_VIDEO_TEST_DATA_PATHS_H
