#include "io/read-options.h"

#include "ns3/input-error.h"

#include <cmath>

namespace lvc
{

using ns3::InputError;

namespace
{
constexpr int kMaxSize_px = 16384; // beyond any video this library is for

} // namespace

int
EvenRound(double value)
{
    return 2 * static_cast<int>(std::lround(value / 2));
}

void
CheckReadOptions(const std::string& path, const ReadOptions& options)
{
    if (options.fps != 0 && !(std::isfinite(options.fps) && options.fps > 0))
    {
        throw InputError::AtField(path, "fps", "must be a positive number of frames per second");
    }
    auto check_size = [&path](const char* field, int value) {
        if (value > kMaxSize_px)
        {
            throw InputError::AtField(path,
                                      field,
                                      std::to_string(value) + " is larger than " +
                                          std::to_string(kMaxSize_px) + " pixels");
        }
        if (value < 0 || value % 2 != 0)
        {
            throw InputError::AtField(path,
                                      field,
                                      std::to_string(value) +
                                          " is not allowed: 4:2:0 frames need an even size > 0");
        }
    };
    check_size("width", options.width);
    check_size("height", options.height);
    const CropRect& c = options.crop;
    if (c.IsSet() || c.x != 0 || c.y != 0 || c.width != 0 || c.height != 0)
    {
        if (c.x < 0 || c.y < 0 || c.width <= 0 || c.height <= 0 || c.x % 2 || c.y % 2 ||
            c.width % 2 || c.height % 2)
        {
            throw InputError::AtField(path,
                                      "crop",
                                      "needs even offsets >= 0 and an even size > 0 (4:2:0)");
        }
    }
    if (options.start_frame < 0 || options.max_frames < 0)
    {
        throw InputError::AtField(path, "frames", "start and count must be >= 0");
    }
}

} // namespace lvc
