#ifndef LAYERED_VIDEO_BOLA_FS_ABR_H
#define LAYERED_VIDEO_BOLA_FS_ABR_H

#include "bola-abr.h"

namespace ns3
{

/**
 * \brief BOLA with fast switching (Spiteri, Sitaraman, Sparacio, "From Theory to Practice:
 * Improving Bitrate Adaptation in the DASH Reference Player", MMSys 2018): BOLA's choice, and a
 * buffered chunk below that level is replaced (re-fetched at it) instead of fetching a new one.
 *
 * As Sabre's "left" replacement: skip the first ceil(1.5 + played/p) buffered chunks (the one
 * playing counts as the first), then replace the earliest buffered chunk whose level is below
 * BOLA's choice. A replacement is only tried when the estimated download (harmonic mean of the
 * last 5 throughputs) ends before that chunk's decoding starts. On layered content a
 * replacement is an upgrade (only the missing layers are fetched).
 */
class BolaFsAbr : public BolaAbr
{
  public:
    static constexpr double kSkipChunks = 1.5; ///< Sabre's margin ahead of the playhead

    std::string GetName() const override;
    AbrDecision Decide(const AbrContext& context) override;
};

} // namespace ns3

#endif // LAYERED_VIDEO_BOLA_FS_ABR_H
