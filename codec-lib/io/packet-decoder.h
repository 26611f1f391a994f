// One libavcodec decoder fed with packets (the baselines decode what they encoded).
#ifndef LVC_IO_PACKET_DECODER_H
#define LVC_IO_PACKET_DECODER_H

#include "io/frame.h"
#include "io/video-encoder.h"

#include <memory>
#include <string>
#include <vector>

namespace lvc
{

/**
 * \brief Decodes in-band packets (parameter sets carried in the stream) to Frames, in display
 * order. Throws std::runtime_error when the decoder is missing or rejects a packet.
 */
class PacketDecoder
{
  public:
    /// `decoder`: a libavcodec decoder name (h264, hevc, ...).
    explicit PacketDecoder(const std::string& decoder, int threads = 1);
    ~PacketDecoder();
    PacketDecoder(const PacketDecoder&) = delete;
    PacketDecoder& operator=(const PacketDecoder&) = delete;

    void Send(const EncodedPacket& packet, std::vector<Frame>& out);
    /// Drains the decoder; Send cannot follow.
    void Finish(std::vector<Frame>& out);

  private:
    void Drain(std::vector<Frame>& out);

    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

/// Decodes a whole packet sequence.
std::vector<Frame> DecodePackets(const std::string& decoder,
                                 const std::vector<EncodedPacket>& packets,
                                 int threads = 1);

} // namespace lvc

#endif // LVC_IO_PACKET_DECODER_H
