#include "io/bitstream-filter.h"

#include "io/av-holders.h"

#include <cstring>
#include <stdexcept>

namespace lvc
{

namespace
{

void
Receive(AVBSFContext* filter,
        AVPacket* packet,
        std::vector<EncodedPacket>& out,
        const std::string& spec)
{
    while (true)
    {
        int status = av_bsf_receive_packet(filter, packet);
        if (status == AVERROR(EAGAIN) || status == AVERROR_EOF)
        {
            return;
        }
        if (status < 0)
        {
            throw std::runtime_error("bitstream filter " + spec +
                                     " failed: " + AvErrorText(status));
        }
        EncodedPacket filtered;
        filtered.data.assign(packet->data, packet->data + packet->size);
        filtered.pts = packet->pts;
        filtered.dts = packet->dts;
        filtered.key = (packet->flags & AV_PKT_FLAG_KEY) != 0;
        out.push_back(std::move(filtered));
        av_packet_unref(packet);
    }
}

} // namespace

std::vector<EncodedPacket>
FilterPackets(const std::string& spec,
              const AVCodecContext& encoder,
              const std::vector<EncodedPacket>& packets)
{
    AVBSFContext* raw = nullptr;
    int status = av_bsf_list_parse_str(spec.c_str(), &raw);
    if (status < 0)
    {
        throw std::runtime_error("unknown bitstream filter " + spec + ": " + AvErrorText(status));
    }
    BsfPtr filter(raw);
    if (avcodec_parameters_from_context(filter->par_in, &encoder) < 0)
    {
        throw std::runtime_error("bitstream filter " + spec +
                                 ": cannot take the encoder's parameters");
    }
    filter->time_base_in = encoder.time_base;
    status = av_bsf_init(filter.get());
    if (status < 0)
    {
        throw std::runtime_error("cannot start bitstream filter " + spec + ": " +
                                 AvErrorText(status));
    }
    AvPacketPtr packet = AllocPacket();
    std::vector<EncodedPacket> out;
    for (const EncodedPacket& in : packets)
    {
        if (av_new_packet(packet.get(), static_cast<int>(in.data.size())) < 0)
        {
            throw std::bad_alloc();
        }
        std::memcpy(packet->data, in.data.data(), in.data.size());
        packet->pts = in.pts;
        packet->dts = in.dts;
        packet->flags = in.key ? AV_PKT_FLAG_KEY : 0;
        status = av_bsf_send_packet(filter.get(), packet.get());
        av_packet_unref(packet.get());
        if (status < 0)
        {
            throw std::runtime_error("bitstream filter " + spec +
                                     " failed: " + AvErrorText(status));
        }
        Receive(filter.get(), packet.get(), out, spec);
    }
    av_bsf_send_packet(filter.get(), nullptr);
    Receive(filter.get(), packet.get(), out, spec);
    return out;
}

} // namespace lvc
