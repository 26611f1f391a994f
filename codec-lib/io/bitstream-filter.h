// A libavcodec bitstream filter over an encoder's packets.
#ifndef LVC_IO_BITSTREAM_FILTER_H
#define LVC_IO_BITSTREAM_FILTER_H

#include "io/video-encoder.h"

#include <string>
#include <vector>

namespace lvc
{

/**
 * Runs every packet of a stream through a bitstream filter chain, e.g.
 * "filter_units=remove_types=6" (drop H.264 SEI NAL units). Throws std::runtime_error when the
 * filter is unknown or fails.
 */
std::vector<EncodedPacket> FilterPackets(const std::string& spec,
                                         const AVCodecContext& encoder,
                                         const std::vector<EncodedPacket>& packets);

} // namespace lvc

#endif // LVC_IO_BITSTREAM_FILTER_H
