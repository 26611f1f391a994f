// Writes an RGB picture as a PNG file (libavcodec's PNG encoder: deflate-compressed).
#ifndef LVC_TOOLS_PNG_FILE_H
#define LVC_TOOLS_PNG_FILE_H

#include "io/color.h"

#include <string>

namespace lvc
{

/// ns3::InputError naming `path` when it cannot be written.
void WritePng(const std::string& path, const RgbImage& image);

} // namespace lvc

#endif // LVC_TOOLS_PNG_FILE_H
