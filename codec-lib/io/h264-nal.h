// Just enough H.264 NAL parsing to tell reference pictures from non-reference ones.
#ifndef LVC_IO_H264_NAL_H
#define LVC_IO_H264_NAL_H

#include <cstddef>
#include <cstdint>

namespace lvc
{

/**
 * Whether an H.264 access unit holds a reference picture: a slice NAL unit (types 1-5) with
 * nal_ref_idc > 0. `nal_length_size` 0 reads Annex B (start codes, raw .264 streams); 1, 2 or 4
 * reads length-prefixed NAL units (mp4's avcC). libavcodec does not export this per frame, and
 * motion vectors point into the nearest past *reference* picture, not always frame t-1.
 */
bool H264AccessUnitIsReference(const std::uint8_t* data, std::size_t size, int nal_length_size);

/// avcC extradata (first byte 1) gives its NAL length size; anything else is Annex B (0).
int H264NalLengthSize(const std::uint8_t* extradata, std::size_t size);

} // namespace lvc

#endif // LVC_IO_H264_NAL_H
