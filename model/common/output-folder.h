#ifndef LAYERED_VIDEO_OUTPUT_FOLDER_H
#define LAYERED_VIDEO_OUTPUT_FOLDER_H

#include <string>

namespace ns3
{

/**
 * Creates the folder `path` (and its parents) and checks that a file can be written in it, so
 * that a tool refuses an output it cannot write before any work rather than after; InputError
 * "OPTION: PATH: what" otherwise (`option` as the user wrote it, e.g. "--out").
 */
void CheckOutputFolder(const std::string& option, const std::string& path);

/**
 * Writes `text` to `path` whole or not at all: to PATH.partial first, renamed when complete, so
 * that a failure never leaves a half-written file; InputError naming the file otherwise.
 */
void WriteFileWhole(const std::string& path, const std::string& text);

} // namespace ns3

#endif // LAYERED_VIDEO_OUTPUT_FOLDER_H
