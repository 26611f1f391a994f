// What the wavelet codec's client decoder asks of a learned restoration stage (its exits beyond
// the plain reconstruction), without depending on LibTorch.
#ifndef LVC_WAVELET_FRAME_RESTORER_H
#define LVC_WAVELET_FRAME_RESTORER_H

#include "io/frame.h"

#include <string>
#include <vector>

namespace lvc
{

/**
 * \brief Restores a chunk's decoded frames from any layer prefix at a chosen exit. Exit 1 is the
 * plain reconstruction (no restoration); exits 2..ExitCount() run the restoration network to
 * growing depths (more compute, more quality).
 */
class FrameRestorer
{
  public:
    virtual ~FrameRestorer() = default;

    /// Exits including the plain one (at least 1).
    virtual int ExitCount() const = 0;
    /**
     * The frames restored at `exit` (2..ExitCount()); `noise_hints` per frame as
     * WaveletChunkDecoder::NoiseHints gives them.
     */
    virtual std::vector<Frame> Restore(const std::vector<Frame>& frames,
                                       const std::vector<float>& noise_hints,
                                       int exit) = 0;
    /// The weights file (SHA-256, 64 hex digits) and where it was read from.
    virtual std::string WeightsSha256() const = 0;
    virtual std::string WeightsPath() const = 0;
};

} // namespace lvc

#endif // LVC_WAVELET_FRAME_RESTORER_H
