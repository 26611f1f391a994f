// The prediction structure of a chunk for the wavelet codec: key frames every G frames (the
// first a picture, the others predicted from the key before), a dyadic hierarchy of
// bidirectionally predicted frames between keys, scene cuts as pictures.
#ifndef LVC_WAVELET_GOP_STRUCTURE_H
#define LVC_WAVELET_GOP_STRUCTURE_H

#include <array>
#include <cstdint>
#include <vector>

namespace lvc
{

struct GopStructure
{
    static constexpr int kMaxGopFrames = 64;

    int frames = 0;
    std::vector<int> coding_order; ///< display indices, each frame's references before it
    std::vector<int> past;         ///< per display index: its past reference, -1 when none
    std::vector<int> future;       ///< per display index: its future reference, -1 when none
    std::vector<std::uint8_t> key; ///< per display index: 1 for the keys (pictures and P keys)

    /**
     * Keys at 0, G, 2G, ... and at the last frame; a scene cut (`cuts`: increasing display
     * indices in 1..frames - 1) is a key coded as a picture and restarts the count. A key after
     * the first of its shot is predicted from the key before it; the frames between two keys
     * are predicted from the two frames around them, halving the interval level by level (the
     * middle frame first); frames just before a cut have no future reference. gop_frames 0 or
     * 1: every frame a picture. std::invalid_argument for an impossible count or cut list.
     */
    static GopStructure Of(int frames, int gop_frames, const std::vector<int>& cuts = {});

    bool IsIntra(int frame) const
    {
        return past[static_cast<std::size_t>(frame)] < 0 &&
               future[static_cast<std::size_t>(frame)] < 0;
    }

    /// The frames between the references of a predicted frame (twice the distance to its past
    /// one when it has no future one); 0 for the keys.
    int Span(int frame) const;
};

/**
 * Each frame's distortion weight: the sum over itself and every frame predicted from it,
 * directly or through others, of the squared amplitude with which an error in it reaches that
 * frame (open-loop prediction copies a reference's error, scaled by the share of the prediction
 * taken from it: `shares[f]` per display index, past then future).
 */
std::vector<double> DistortionWeights(const GopStructure& gop,
                                      const std::vector<std::array<double, 2>>& shares);

} // namespace lvc

#endif // LVC_WAVELET_GOP_STRUCTURE_H
